"""Reading ledger cells into typed columns, vectorised; every bad cell becomes a row error.

Each reader takes an Arrow array and returns the values as numpy arrays with a mask of the
cells that were recorded (not empty) and a mask of the cells that could not be read. Nothing
is guessed: an empty cell is "not recorded", a cell that cannot be read is an error.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import arrays
from .schema import Column, ColumnKind

__all__ = ["Parsed", "constant", "index_buffer", "is_constant", "parse_column", "per_index"]

_EPOCH = dt.date(1970, 1, 1)
_ZERO = arrays.scalar(0, pa.int32())
_HUNDRED = arrays.array([100], pa.decimal128(3, 0))[0]
# A date written as text; Excel's date cells read as text by fastexcel end in 00:00:00.
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%Y%m%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)
_DATE_PARTS = r"^(?P<y>\d{4})[-/.年]?(?P<m>\d{1,2})[-/.月]?(?P<d>\d{1,2})日?(?:[ T]00:00:00)?$"
TRUE_WORDS = ("true", "t", "yes", "y", "1", "是", "有", "√", "✓")
FALSE_WORDS = ("false", "f", "no", "n", "0", "否", "无", "無", "×", "✗")


@attrs.frozen(kw_only=True)
class Parsed:
    """A column read into numpy: ``values``, ``recorded`` (not empty) and ``bad`` (unreadable).

    ``encoded`` keeps a text column that came dictionary-encoded as it came (indices into its
    distinct texts), so a reader of its distinct cells need not encode it again.
    """

    values: Any
    recorded: Any
    bad: Any
    code: str = "ledger.error.unreadable"
    encoded: pa.DictionaryArray | None = None


_flat = arrays.flat


def constant(value: bool, n: int) -> np.ndarray:
    """A read-only mask of ``n`` equal cells that takes no memory (a broadcast view).

    Masks that are all true (a column with no empty cell) or all false (no unreadable cell)
    are the common case; a million-row ledger would otherwise keep megabytes of them.
    """
    return np.broadcast_to(np.True_ if value else np.False_, (n,))


def is_constant(mask: np.ndarray, value: bool) -> bool:
    """Whether ``mask`` is a `constant` mask of ``value`` (no cell needs looking at)."""
    return mask.strides == (0,) and (not len(mask) or bool(mask[0]) is value)


def _valid(arr: pa.Array) -> np.ndarray:
    """The cells that are not null; a `constant` mask when none is."""
    if arr.null_count == 0:
        return constant(True, len(arr))
    return arrays.valid(arr)


def _compact(mask: np.ndarray) -> np.ndarray:
    """``mask`` as `constant` when all its cells are equal, else unchanged."""
    if mask.strides == (0,) or not len(mask):
        return mask
    if not mask.any():
        return constant(False, len(mask))
    if mask.all():
        return constant(True, len(mask))
    return mask


def _blank(arr: pa.Array) -> np.ndarray:
    """Cells that are null or only white space (read as not recorded)."""
    if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
        stripped = pc.utf8_trim_whitespace(arr)
        return arrays.filled(pc.equal(pc.utf8_length(stripped), _ZERO), True)
    return ~_valid(arr)


def _decode(arr: pa.Array) -> pa.Array:
    if pa.types.is_dictionary(arr.type):
        return arr.cast(arr.type.value_type)
    return arr


def parse_column(arr: pa.Array | pa.ChunkedArray, column: Column) -> Parsed:
    """Read one column as ``column.kind`` says."""
    flat = _flat(arr)
    reader = _READERS[column.kind]
    return reader(flat, column)


# -- identifiers and text ---------------------------------------------------------------------


def _read_id(arr: pa.Array, column: Column) -> Parsed:
    arr = _decode(arr)
    if pa.types.is_integer(arr.type):
        arr = arr.cast(pa.string())
    elif pa.types.is_floating(arr.type):
        # Excel stores numbers as floats: a whole-number float is read as its integer text.
        values = arrays.values(arr, np.nan)
        whole = np.isfinite(values) & (np.floor(values) == values)
        bad = _valid(arr) & ~whole
        kept = pc.if_else(arrays.array(whole), arr, arrays.scalar(None, arr.type))
        text = pc.cast(pc.cast(kept, pa.int64()), pa.string())
        recorded = _valid(text)
        return Parsed(values=text, recorded=recorded, bad=bad, code="ledger.error.id")
    elif not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.string())
    if pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.string())
    stripped = pc.utf8_trim_whitespace(arr) if _may_have_edge_space(arr) else arr
    return Parsed(
        values=stripped,
        recorded=_non_empty(stripped),
        bad=constant(False, len(arr)),
        code="ledger.error.id",
    )


def _non_empty(arr: pa.Array) -> np.ndarray:
    """Cells that are neither null nor the empty string, read from the offsets."""
    n = len(arr)
    if n == 0:
        return np.zeros(0, bool)
    offsets = np.frombuffer(arr.buffers()[1], np.int32, n + 1, arr.offset * 4)
    filled: np.ndarray = offsets[1:] > offsets[:-1]
    if arr.null_count:
        filled &= arrays.valid(arr)
    return _compact(filled)


def _may_have_edge_space(arr: pa.Array) -> bool:
    """Whether any cell may start or end with white space, checked on the raw bytes.

    Printable ASCII, or bytes with none up to 0x20 and none from 0xC0 to 0xE3 (Chinese
    text), answer False at once. Otherwise conservative: a column is trimmed when a cell
    starts with a control character, a space, a byte from 0x7F up to 0xE3 or one never valid
    as a lead (0xF5 on), or ends in a byte up to 0x20, in a character led by 0xC2–0xDF (two
    bytes) or in one led by 0xE0–0xE3 (three bytes). Every white space that
    `utf8_trim_whitespace` removes is below U+3001, so its UTF-8 lead byte is at most 0xE3;
    Chinese characters (U+4E00 on, led by 0xE4–0xE9) pass without a trim.
    """
    n = len(arr)
    if n == 0:
        return False
    _, off_buf, data_buf = arr.buffers()
    if data_buf is None or data_buf.size == 0:
        return False
    offsets = np.frombuffer(off_buf, np.int32, n + 1, arr.offset * 4)
    data = np.frombuffer(data_buf, np.uint8)
    used = data[offsets[0] : offsets[-1]]
    if not len(used):
        return False
    low, high = pc.min_max(arrays.array(used, pa.uint8())).values()  # one pass over the bytes
    lowest, highest = low.as_py(), high.as_py()
    if lowest > 32 and highest < 128:
        return False  # printable ASCII only (the usual id): no cell can have an edge space
    # No byte 0xC0–0xE3 at all (Chinese text is led by 0xE4–0xE9; those bytes map to 0–0x23
    # here): no white space in any cell.
    if (
        lowest > 32
        and highest < 0xF5
        and int(np.subtract(used, np.uint8(0xC0), dtype=np.uint8).min()) > 0x23
    ):
        return False
    last = len(data) - 1
    first = data[np.minimum(offsets[:-1], last)]
    if ((first <= 32) | ((first >= 0x7F) & (first <= 0xE3)) | (first >= 0xF5)).any():
        return True
    end = offsets[1:]
    if (data[np.clip(end - 1, 0, last)] <= 32).any():
        return True
    # The lead byte of a last character of two or three bytes (other cells' bytes or an empty
    # cell's only make the answer more often True).
    two = data[np.clip(end - 2, 0, last)]
    if ((two >= 0xC2) & (two <= 0xDF)).any():
        return True
    three = data[np.clip(end - 3, 0, last)]
    return bool(((three >= 0xE0) & (three <= 0xE3)).any())


def _read_text(arr: pa.Array, column: Column) -> Parsed:
    if pa.types.is_dictionary(arr.type) and len(arr.dictionary):
        # Blank cells found per dictionary entry, then spread over the cells by their indices.
        entries = arr.dictionary
        text = entries if pa.types.is_string(entries.type) else entries.cast(pa.string())
        filled = ~_blank(text)
        recorded = per_index(filled, index_buffer(arr.indices))
        if arr.null_count:
            recorded &= _valid(arr)
        values = _decode(arr)
        if not pa.types.is_string(values.type):
            values = values.cast(pa.string())
        return Parsed(
            values=values,
            recorded=_compact(recorded),
            bad=constant(False, len(arr)),
            encoded=arr,
        )
    arr = _decode(arr)
    if not pa.types.is_string(arr.type):
        arr = arr.cast(pa.string())
    recorded = _compact(~_blank(arr))
    return Parsed(values=arr, recorded=recorded, bad=constant(False, len(arr)))


# -- dates ------------------------------------------------------------------------------------


def _read_date(arr: pa.Array, column: Column) -> Parsed:
    """Days since 1970-01-01 as int32."""
    arr = _decode(arr)
    n = len(arr)
    if pa.types.is_date32(arr.type):
        # The day numbers themselves, without a copy when no cell is empty.
        numbers = arr.view(pa.int32())
        return Parsed(
            values=arrays.values(numbers, 0),
            recorded=_valid(arr),
            bad=constant(False, n),
            code="ledger.error.date",
        )
    if pa.types.is_date64(arr.type) or pa.types.is_timestamp(arr.type):
        valid = _valid(arr)
        if pa.types.is_timestamp(arr.type):
            if arr.type.tz is not None:
                arr = arr.cast(pa.timestamp(arr.type.unit))
            midnight = pc.equal(pc.cast(arr, pa.date32()).cast(pa.timestamp(arr.type.unit)), arr)
            bad = valid & ~arrays.filled(midnight, True)
        else:
            bad = constant(False, n)
        days = arrays.values(pc.cast(arr, pa.date32()).view(pa.int32()), 0)
        ok = _compact(valid & ~bad)
        return Parsed(
            values=_days(days, ok), recorded=ok, bad=_compact(bad), code="ledger.error.date"
        )
    text = arr if pa.types.is_string(arr.type) else arr.cast(pa.string())
    try:
        # Every cell written 2011-03-20 (or empty): one strict cast, which refuses 2011-02-30.
        iso = pc.cast(text, pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    else:
        return _read_date(iso, column)
    text = pc.utf8_trim_whitespace(text)
    blank = _blank(text)
    parsed = pc.strptime(text, format=_DATE_FORMATS[0], unit="s", error_is_null=True)
    for fmt in _DATE_FORMATS[1:]:
        # Later formats only for the cells still unread.
        todo = ~blank & ~_valid(parsed)
        if not todo.any():
            break
        mask = arrays.array(todo)
        attempt = pc.strptime(text.filter(mask), format=fmt, unit="s", error_is_null=True)
        parsed = pc.replace_with_mask(parsed, mask, attempt)
    days_arr = pc.cast(pc.cast(parsed, pa.timestamp("s")), pa.date32())
    got = np.array(_valid(days_arr))
    # strptime rolls impossible days over (2011-02-30 → 2011-03-02, 2011-04-31 → 05-01), so a
    # date read as day 1–3 of a month is checked against the year, month and day written.
    suspect = np.flatnonzero(
        got & arrays.filled(pc.less_equal(pc.day(days_arr), arrays.scalar(3, pa.int64())), False)
    )
    if len(suspect):
        rows = arrays.array(suspect)
        parts = pc.extract_regex(text.take(rows), _DATE_PARTS)
        read = days_arr.take(rows)
        same = None
        for field, part in (("y", pc.year), ("m", pc.month), ("d", pc.day)):
            written = pc.cast(pc.struct_field(parts, field), pa.int64())
            check = pc.equal(written, pc.cast(part(read), pa.int64()))
            same = check if same is None else pc.and_(same, check)
        got[suspect] = arrays.filled(same, False)
    bad = ~blank & ~got
    days = arrays.values(days_arr.view(pa.int32()), 0)
    return Parsed(
        values=_days(days, got),
        recorded=_compact(got),
        bad=_compact(bad),
        code="ledger.error.date",
    )


def _days(days: Any, valid: np.ndarray) -> np.ndarray:
    if days.dtype.kind == "M":
        days = days.astype("datetime64[D]").astype(np.int64)
    out = np.where(valid, np.nan_to_num(days, nan=0) if days.dtype.kind == "f" else days, 0)
    return out.astype(np.int32)


def days_to_date(days: int) -> dt.date:
    """A date from days since 1970-01-01."""
    return _EPOCH + dt.timedelta(days=int(days))


def date_to_days(date: dt.date) -> int:
    """Days since 1970-01-01."""
    return (date - _EPOCH).days


# -- booleans ---------------------------------------------------------------------------------


def _read_bool(arr: pa.Array, column: Column) -> Parsed:
    arr = _decode(arr)
    n = len(arr)
    if pa.types.is_boolean(arr.type):
        valid = _valid(arr)
        values = arrays.filled(arr, False)
        return Parsed(
            values=values, recorded=valid, bad=constant(False, n), code="ledger.error.bool"
        )
    if pa.types.is_integer(arr.type) or pa.types.is_floating(arr.type):
        valid = _valid(arr)
        nums = arrays.values(arr.cast(pa.float64()), 0.0)
        ok = valid & ((nums == 0) | (nums == 1))
        return Parsed(
            values=nums == 1,
            recorded=_compact(ok),
            bad=_compact(valid & ~ok),
            code="ledger.error.bool",
        )
    text = arr if pa.types.is_string(arr.type) else arr.cast(pa.string())
    folded = pc.utf8_lower(pc.utf8_trim_whitespace(text))
    blank = _blank(folded)
    is_true = arrays.filled(pc.is_in(folded, value_set=arrays.strings(TRUE_WORDS)), False)
    is_false = arrays.filled(pc.is_in(folded, value_set=arrays.strings(FALSE_WORDS)), False)
    recorded = is_true | is_false
    return Parsed(
        values=is_true,
        recorded=_compact(recorded),
        bad=_compact(~blank & ~recorded),
        code="ledger.error.bool",
    )


# -- enums ------------------------------------------------------------------------------------


def enum_labels(enum_type: type[enum.StrEnum]) -> dict[str, int]:
    """Every accepted spelling of an enum's members → member position, as the domain reads
    them (`povertypolicy.domain.labels.spellings()`): values, names, labels in every
    locale and the enum's ``__aliases__``."""
    from ..domain.labels import spellings

    position: dict[enum.Enum, int] = {member: i for i, member in enumerate(enum_type)}
    return {text: position[member] for text, member in spellings(enum_type).items()}


def _read_enum(arr: pa.Array, column: Column) -> Parsed:
    """Member positions as int8 (−1 where not recorded or unreadable)."""
    assert column.enum is not None
    labels = enum_labels(column.enum)
    keys = arrays.strings(list(labels))
    codes = arrays.array(list(labels.values()), pa.int8())
    if pa.types.is_dictionary(arr.type) and len(arr.dictionary):
        # Read each dictionary entry once; the cells are its small integer indices.
        dictionary = arr.dictionary
        text = dictionary if pa.types.is_string(dictionary.type) else dictionary.cast(pa.string())
        entry_blank = _blank(text)
        entry = np.where(entry_blank, -1, _lookup(text, keys, codes)).astype(np.int8)
        entry_bad = ~entry_blank & (entry < 0)
        valid = _valid(arr)
        index = index_buffer(arr.indices)
        values = per_index(entry, index)
        if arr.null_count:
            np.copyto(values, np.int8(-1), where=~valid)
        bad = valid & per_index(entry_bad, index) if entry_bad.any() else constant(False, len(arr))
        return Parsed(
            values=values, recorded=_compact(values >= 0), bad=bad, code="ledger.error.enum"
        )
    text = _decode(arr)
    text = text if pa.types.is_string(text.type) else text.cast(pa.string())
    blank = _blank(text)
    values = np.where(blank, -1, _lookup(text, keys, codes)).astype(np.int8)
    recorded = values >= 0
    return Parsed(
        values=values,
        recorded=_compact(recorded),
        bad=_compact(~blank & ~recorded),
        code="ledger.error.enum",
    )


def index_buffer(indices: pa.Array) -> np.ndarray:
    """The index buffer of a dictionary array itself (the index under an empty cell is any
    number)."""
    return np.frombuffer(
        indices.buffers()[1], indices.type.to_pandas_dtype(), len(indices), indices.offset
    )


def per_index(table: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``table[index]`` for a small table, in slices: numpy widens each slice of indices to
    intp, and a slice stays in the cache (about twice as fast as one gather)."""
    out = np.empty(len(index), table.dtype)
    step = 1 << 14
    for at in range(0, len(index), step):
        np.take(table, index[at : at + step], out=out[at : at + step], mode="wrap")
    return out


def _lookup(text: pa.Array, keys: pa.Array, codes: pa.Array) -> np.ndarray:
    folded = pc.utf8_lower(pc.utf8_trim_whitespace(text))
    pos = pc.index_in(folded, value_set=keys)
    got = pc.take(codes, pos)
    return arrays.values(got, -1).astype(np.int8)


# -- money, counts, decimals ------------------------------------------------------------------


def _read_money(arr: pa.Array, column: Column) -> Parsed:
    """Integer fen as int64. Text and decimals are exact; floats must have at most 2 decimals."""
    arr = _decode(arr)
    n = len(arr)
    valid = _valid(arr)
    if pa.types.is_integer(arr.type):
        yuan = arrays.values(arr.cast(pa.int64()), 0)
        return Parsed(
            values=yuan * 100, recorded=valid, bad=np.zeros(n, bool), code="ledger.error.money"
        )
    if pa.types.is_floating(arr.type):
        x = arrays.values(arr.cast(pa.float64()), 0.0)
        with np.errstate(invalid="ignore", over="ignore"):
            fen = np.rint(x * 100)
            # A float is the nearest double to a two-decimal amount exactly when fen / 100 == x.
            ok = valid & np.isfinite(x) & (np.abs(fen) < 2**53) & (fen / 100 == x)
        values = np.where(ok, fen, 0).astype(np.int64)
        return Parsed(values=values, recorded=ok, bad=valid & ~ok, code="ledger.error.money")
    if pa.types.is_decimal(arr.type):
        scaled = pc.multiply(arr.cast(pa.decimal128(38, max(arr.type.scale, 2))), _HUNDRED)
        whole = pc.equal(pc.floor(scaled), scaled)
        ok = valid & arrays.filled(whole, False)
        kept = pc.if_else(arrays.array(ok), scaled, arrays.scalar(None, scaled.type))
        fen = pc.cast(kept, pa.int64(), safe=False)
        return Parsed(
            values=arrays.values(fen, 0),
            recorded=ok,
            bad=valid & ~ok,
            code="ledger.error.money",
        )
    text = arr if pa.types.is_string(arr.type) else arr.cast(pa.string())
    return _money_text(text)


def _money_text(text: pa.Array) -> Parsed:
    blank = _blank(text)
    n = len(text)
    values = np.zeros(n, np.int64)
    recorded = np.zeros(n, bool)
    cleaned = pc.replace_substring(pc.utf8_trim_whitespace(text), ",", "")
    cleaned = pc.replace_substring(cleaned, "元", "")
    cleaned = pc.replace_substring(cleaned, "¥", "")
    for i, cell in enumerate(cleaned.to_pylist()):
        if blank[i] or cell is None:
            continue
        try:
            amount = Decimal(cell)
        except InvalidOperation:
            continue
        if not amount.is_finite():
            continue
        fen = amount * 100
        if fen != fen.to_integral_value() or abs(fen) >= 2**62:
            continue
        values[i] = int(fen)
        recorded[i] = True
    return Parsed(
        values=values, recorded=recorded, bad=~blank & ~recorded, code="ledger.error.money"
    )


def _read_count(arr: pa.Array, column: Column) -> Parsed:
    arr = _decode(arr)
    valid = _valid(arr)
    if pa.types.is_integer(arr.type):
        x = arrays.values(arr.cast(pa.int64()), 0)
        ok = valid & (x >= 0)
        return Parsed(
            values=np.where(ok, x, 0), recorded=ok, bad=valid & ~ok, code="ledger.error.count"
        )
    if pa.types.is_floating(arr.type):
        x = arrays.values(arr.cast(pa.float64()), 0.0)
        with np.errstate(invalid="ignore"):
            ok = valid & np.isfinite(x) & (np.floor(x) == x) & (x >= 0) & (x < 2**53)
        return Parsed(
            values=np.where(ok, x, 0).astype(np.int64),
            recorded=ok,
            bad=valid & ~ok,
            code="ledger.error.count",
        )
    text = pc.utf8_trim_whitespace(arr if pa.types.is_string(arr.type) else arr.cast(pa.string()))
    blank = _blank(text)
    digits = pc.if_else(pc.utf8_is_digit(text), text, arrays.scalar(None, text.type))
    nums = pc.cast(digits, pa.int64(), safe=False)
    got = _valid(nums) & ~blank
    return Parsed(
        values=arrays.values(nums, 0),
        recorded=got,
        bad=~blank & ~got,
        code="ledger.error.count",
    )


def _read_decimal(arr: pa.Array, column: Column) -> Parsed:
    """Exact non-negative decimals as a Python list of Decimal (None where not recorded)."""
    arr = _decode(arr)
    n = len(arr)
    values: list[Decimal | None] = [None] * n
    recorded = np.zeros(n, bool)
    bad = np.zeros(n, bool)
    is_float = pa.types.is_floating(arr.type)
    for i, cell in enumerate(arr.to_pylist()):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        try:
            # Floats (Excel numbers) are read through their shortest repr: 0.1 → Decimal("0.1").
            d = Decimal(repr(cell)) if is_float else Decimal(str(cell).strip())
        except InvalidOperation:
            bad[i] = True
            continue
        if not d.is_finite() or d < 0:
            bad[i] = True
            continue
        values[i] = d
        recorded[i] = True
    return Parsed(values=values, recorded=recorded, bad=bad, code="ledger.error.decimal")


_READERS = {
    ColumnKind.ID: _read_id,
    ColumnKind.TEXT: _read_text,
    ColumnKind.DATE: _read_date,
    ColumnKind.BOOL: _read_bool,
    ColumnKind.ENUM: _read_enum,
    ColumnKind.MONEY: _read_money,
    ColumnKind.COUNT: _read_count,
    ColumnKind.DECIMAL: _read_decimal,
}
