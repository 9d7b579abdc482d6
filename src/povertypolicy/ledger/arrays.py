"""Arrow arrays from numpy or Python values, and numpy views of Arrow arrays, built from buffers.

pyarrow imports pandas, when it is installed, on the first conversion of a Python or numpy value:
``pa.array``, ``pa.scalar``, ``Array.to_numpy``, ``np.asarray(array)`` and any compute call given
a Python value all do. That import takes 0.4–0.6 s, more than a township's whole run. The ledger
converts through this module only, so a run that is given no pandas frame never imports pandas.
``tests/ledger/test_no_pandas*.py`` check it for every ledger rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

__all__ = [
    "array",
    "empty_table",
    "filled",
    "flat",
    "numpy",
    "repeat",
    "scalar",
    "strings",
    "valid",
    "values",
]

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

_INT32_MAX = 2**31 - 1


def flat(arr: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One array for a chunked one (no copy when it has one chunk)."""
    if isinstance(arr, pa.ChunkedArray):
        if arr.num_chunks == 1:
            return arr.chunk(0)
        if arr.num_chunks == 0:
            return _empty(arr.type)
        return arr.combine_chunks()
    return arr


def empty_table(schema: pa.Schema) -> pa.Table:
    """A table of ``schema`` with no rows (for ``schema.empty_table()``)."""
    return pa.Table.from_batches([], schema=schema)


def _empty(kind: pa.DataType) -> pa.Array:
    return pa.nulls(0, kind)


def _bits(packed: np.ndarray, offset: int, n: int) -> np.ndarray:
    """An Arrow bitmap (least significant bit first) as one numpy bool per cell."""
    out: np.ndarray = np.unpackbits(packed, count=offset + n, bitorder="little")
    return out[offset:].view(np.bool_)


def _bitmap(mask: np.ndarray) -> pa.Buffer:
    return pa.py_buffer(np.packbits(mask, bitorder="little"))


def valid(arr: pa.Array) -> np.ndarray:
    """The cells that are not null, as numpy bools (from the validity bitmap)."""
    arr = flat(arr)
    n = len(arr)
    if arr.null_count == 0:
        return np.ones(n, np.bool_)
    if pa.types.is_null(arr.type):
        return np.zeros(n, np.bool_)
    validity = arr.buffers()[0]
    if validity is None:  # a type without a bitmap (union, run-end encoded): ask Arrow
        return numpy(arr.is_valid())
    return _bits(np.frombuffer(validity, np.uint8), arr.offset, n)


def _numpy_type(kind: pa.DataType) -> np.dtype[Any]:
    if pa.types.is_integer(kind):
        return np.dtype(f"{'i' if pa.types.is_signed_integer(kind) else 'u'}{kind.bit_width // 8}")
    if pa.types.is_floating(kind):
        return np.dtype(f"f{kind.bit_width // 8}")
    if pa.types.is_date32(kind):
        return np.dtype(np.int32)
    if pa.types.is_date64(kind) or pa.types.is_timestamp(kind) or pa.types.is_duration(kind):
        return np.dtype(np.int64)
    raise TypeError(f"no numpy view of an Arrow {kind} array")


def numpy(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """The values of an Arrow array without nulls as numpy (read-only, a view where it can be).

    Integers and floats keep their width; booleans are unpacked; dates are datetime64[D]; text
    is an object array of str. An array with nulls is refused: fill them first (`filled`).
    """
    arr = flat(arr)
    n = len(arr)
    kind = arr.type
    if arr.null_count:
        raise ValueError(f"an Arrow {kind} array with {arr.null_count} nulls has no numpy view")
    if pa.types.is_dictionary(kind):
        arr = arr.cast(kind.value_type)
        kind = arr.type
    if pa.types.is_boolean(kind):
        if not n:
            return np.zeros(0, np.bool_)
        return _bits(np.frombuffer(arr.buffers()[1], np.uint8), arr.offset, n)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind):
        return np.array(arr.to_pylist(), dtype=object)
    dtype = _numpy_type(kind)
    if not n:
        values = np.zeros(0, dtype)
    else:
        values = np.frombuffer(arr.buffers()[1], dtype, n, arr.offset * dtype.itemsize)
    if pa.types.is_date32(kind):
        return values.astype("datetime64[D]")
    return values


def values(arr: pa.Array | pa.ChunkedArray, fill: Any) -> np.ndarray:
    """The values of a number or date array as numpy, each null read as ``fill`` (for
    ``np.asarray(pc.fill_null(arr, fill))``; ``fill=np.nan`` for floats as ``to_numpy`` gives)."""
    arr = flat(arr)
    if not arr.null_count:
        return numpy(arr)
    kind = arr.type
    if pa.types.is_boolean(kind):
        return filled(arr, bool(fill))
    stored = _numpy_type(kind)
    raw = np.frombuffer(arr.buffers()[1], stored, len(arr), arr.offset * stored.itemsize)
    # as to_numpy: an int array with nulls read with a float fill (NaN) is floats
    out = raw.astype(
        np.float64 if pa.types.is_integer(kind) and isinstance(fill, float) else stored
    )
    out[~valid(arr)] = fill
    if pa.types.is_date32(kind):
        return out.astype("datetime64[D]")
    return out


def filled(arr: pa.Array | pa.ChunkedArray, value: bool) -> np.ndarray:
    """A boolean Arrow array as numpy bools, each null read as ``value``."""
    arr = flat(arr)
    if not pa.types.is_boolean(arr.type):
        raise TypeError(f"filled() takes a boolean array, not {arr.type}")
    n = len(arr)
    if not n:
        return np.zeros(0, np.bool_)
    validity, data = arr.buffers()[:2]
    need = (arr.offset + n + 7) // 8
    packed = np.frombuffer(data, np.uint8)[:need]
    if arr.null_count:
        bitmap = np.frombuffer(validity, np.uint8)[:need]
        packed = packed & bitmap if not value else packed | ~bitmap
    return _bits(packed, arr.offset, n)


def array(
    values: Any, kind: pa.DataType | None = None, *, mask: np.ndarray | None = None
) -> pa.Array:
    """An Arrow array of ``values`` (a numpy array, or a sequence of Python values) as ``kind``.

    ``mask`` marks null cells (as ``pa.array(..., mask=)``); in a sequence, ``None`` is null.
    Without ``kind``, numpy's dtype or the first recorded Python value decides (bool, int →
    int64, str → string, date → date32).
    """
    if isinstance(values, np.ndarray):
        return _from_numpy(values, kind, mask)
    if isinstance(values, pa.Array | pa.ChunkedArray) and mask is None:
        arr = flat(values)
        return arr if kind is None or arr.type == kind else arr.cast(kind)
    values = list(values)
    if kind is None:
        kind = _infer(values)
    nulls = np.fromiter((v is None for v in values), np.bool_, len(values))
    if mask is not None:
        nulls |= np.asarray(mask, np.bool_)
    has_nulls = bool(nulls.any())
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return _strings(values, nulls if has_nulls else None, kind)
    if pa.types.is_null(kind):
        return pa.nulls(len(values))
    if pa.types.is_decimal(kind):
        return _decimals(values, kind, nulls)
    accepts, convert = _python_types(kind)
    bad = [v for v in values if v is not None and not accepts(v)]
    if bad:
        raise TypeError(f"cannot store {bad[0]!r} in an Arrow {kind} array")
    dtype = np.dtype(np.int32) if pa.types.is_date32(kind) else _numpy_type_or_bool(kind)
    data = np.array([convert(v) for v in values], dtype)  # a null's cell holds 0
    return _from_numpy(data, kind, nulls if has_nulls else None)


def _is_integer(v: Any) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_)


def _python_types(kind: pa.DataType) -> tuple[Callable[[Any], bool], Callable[[Any], Any]]:
    """Which Python values a ``kind`` array takes (a bool is never a number, a datetime never
    a date), and how one becomes its numpy cell (a null's cell holds 0)."""
    if pa.types.is_boolean(kind):
        return lambda v: isinstance(v, bool | np.bool_), lambda v: v is not None and bool(v)
    if pa.types.is_date32(kind):
        return (
            lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
            lambda v: 0 if v is None else v.toordinal() - _EPOCH_ORDINAL,
        )
    if pa.types.is_integer(kind):
        return _is_integer, lambda v: 0 if v is None else v
    if pa.types.is_floating(kind):
        return (
            lambda v: _is_integer(v) or isinstance(v, float | np.floating),
            lambda v: 0 if v is None else v,
        )
    raise TypeError(f"array() does not build {kind} arrays")


def _numpy_type_or_bool(kind: pa.DataType) -> np.dtype[Any]:
    return np.dtype(np.bool_) if pa.types.is_boolean(kind) else _numpy_type(kind)


def _infer(values: Sequence[Any]) -> pa.DataType:
    for v in values:
        if v is None:
            continue
        if isinstance(v, bool | np.bool_):
            return pa.bool_()
        if isinstance(v, int | np.integer):
            return pa.int64()
        if isinstance(v, float | np.floating):
            return pa.float64()
        if isinstance(v, str):
            return pa.string()
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return pa.date32()
        raise TypeError(f"array() cannot tell the Arrow type of {v!r}; give the type")
    return pa.null()


def _from_numpy(values: np.ndarray, kind: pa.DataType | None, mask: np.ndarray | None) -> pa.Array:
    if values.ndim != 1:
        raise ValueError(f"array() takes one-dimensional values, not {values.ndim}-dimensional")
    n = len(values)
    if values.dtype.kind == "U":  # numpy text
        return array(values.tolist(), kind or pa.string(), mask=mask)
    if values.dtype.kind == "O":  # Python objects (str, int, date … or None): typed as a list
        return array(values.tolist(), kind, mask=mask)
    if kind is None:
        kind = _kind_of(values.dtype)
    validity = None
    null_count = 0
    if mask is not None:
        mask = np.asarray(mask, np.bool_)
        null_count = int(mask.sum())
        if null_count:
            validity = _bitmap(~mask)
    if pa.types.is_boolean(kind):
        data = _bitmap(values.astype(np.bool_, copy=False))
    else:
        if values.dtype.kind == "M":
            values = values.astype("datetime64[D]").astype(np.int64)
        if values.dtype.kind not in "biuf":
            raise TypeError(f"array() cannot store numpy {values.dtype} as Arrow {kind}")
        target = _numpy_type(kind)
        if values.dtype != target:
            converted = values.astype(target)
            if not np.array_equal(converted, values):  # as pa.array: never a silent overflow
                raise ValueError(f"numpy {values.dtype} values do not fit Arrow {kind}")
            values = converted
        data = pa.py_buffer(np.ascontiguousarray(values))
    return pa.Array.from_buffers(kind, n, [validity, data], null_count=null_count)


def _kind_of(dtype: np.dtype[Any]) -> pa.DataType:
    if dtype.kind == "b":
        return pa.bool_()
    if dtype.kind == "M":
        return pa.date32()
    return pa.from_numpy_dtype(dtype)


def _strings(values: Sequence[Any], nulls: np.ndarray | None, kind: pa.DataType) -> pa.Array:
    bad = [v for v in values if v is not None and not isinstance(v, str)]
    if bad:
        raise TypeError(f"cannot store {bad[0]!r} in an Arrow {kind} array")
    encoded = [b"" if v is None else v.encode() for v in values]
    return _from_encoded(encoded, nulls, kind)


def _from_encoded(
    encoded: Sequence[bytes], nulls: np.ndarray | None, kind: pa.DataType
) -> pa.Array:
    n = len(encoded)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(np.fromiter(map(len, encoded), np.int64, n), out=offsets[1:])
    large = pa.types.is_large_string(kind)
    if not large and offsets[-1] > _INT32_MAX:
        raise ValueError(f"{offsets[-1]} bytes of text do not fit one Arrow string array")
    validity = None if nulls is None else _bitmap(~nulls)
    buffers = [
        validity,
        pa.py_buffer(offsets if large else offsets.astype(np.int32)),
        pa.py_buffer(b"".join(encoded)),
    ]
    null_count = 0 if nulls is None else int(nulls.sum())
    return pa.Array.from_buffers(kind, n, buffers, null_count=null_count)


def strings(values: Sequence[str | None]) -> pa.Array:
    """A string array of ``values`` (``None`` is null)."""
    return array(values, pa.string())


def repeat(value: str | int | bool | None, n: int, kind: pa.DataType) -> pa.Array:
    """``n`` cells of ``value`` as ``kind`` (the text copied once, not built per cell)."""
    if value is None:
        return pa.nulls(n, kind)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        if not isinstance(value, str):
            raise TypeError(f"cannot store {value!r} in an Arrow {kind} array")
        one = value.encode()
        step = len(one)
        offsets = (
            np.arange(0, (n + 1) * step, step, dtype=np.int64)
            if step
            else np.zeros(n + 1, np.int64)
        )
        large = pa.types.is_large_string(kind)
        if not large and n * step > _INT32_MAX:
            raise ValueError(f"{n * step} bytes of text do not fit one Arrow string array")
        buffers = [
            None,
            pa.py_buffer(offsets if large else offsets.astype(np.int32)),
            pa.py_buffer(one * n),
        ]
        return pa.Array.from_buffers(kind, n, buffers, null_count=0)
    return array([value], kind).take(_from_numpy(np.zeros(n, np.int64), pa.int64(), None))


def scalar(value: Any, kind: pa.DataType) -> pa.Scalar[Any]:
    """``value`` as an Arrow scalar of ``kind`` (``None``: a null of that type)."""
    if value is None:
        return pa.nulls(1, kind)[0]
    return array([value], kind)[0]


def _decimals(values: Sequence[Any], kind: pa.DataType, nulls: np.ndarray) -> pa.Array:
    """Decimals (or ints) at ``kind``'s scale, exactly: the unscaled integers as 128-bit words."""
    scale = kind.scale
    words: list[bytes] = []
    for v, null in zip(values, nulls.tolist(), strict=True):
        if null:
            words.append(bytes(16))
            continue
        if isinstance(v, bool) or not isinstance(v, int | Decimal):
            raise TypeError(f"cannot store {v!r} in an Arrow {kind} array")
        scaled = Decimal(v).scaleb(scale)
        if not scaled.is_finite() or scaled != scaled.to_integral_value():
            raise ValueError(f"{v} has more than {scale} decimal places")
        unscaled = int(scaled)
        if not -(10**38) < unscaled < 10**38:
            raise ValueError(f"{v} does not fit Arrow {kind}")
        words.append(unscaled.to_bytes(16, "little", signed=True))
    validity = _bitmap(~nulls) if nulls.any() else None
    wide = pa.Array.from_buffers(
        pa.decimal128(38, scale),
        len(values),
        [validity, pa.py_buffer(b"".join(words))],
        null_count=int(nulls.sum()),
    )
    return wide if wide.type == kind else wide.cast(kind)
