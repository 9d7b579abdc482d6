"""povertypolicy.ledger.arrays builds the same arrays as pyarrow's own conversions (which import
pandas), and itself never imports pandas."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy.ledger import arrays

INTS = st.lists(st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1)), max_size=40)
TEXTS = st.lists(st.one_of(st.none(), st.text(max_size=6)), max_size=40)
BOOLS = st.lists(st.one_of(st.none(), st.booleans()), max_size=70)
DATES = st.lists(st.one_of(st.none(), st.dates()), max_size=40)


def _same(got: pa.Array, want: pa.Array) -> None:
    assert got.type == want.type
    assert got.validate(full=True) is None
    assert got.to_pylist() == want.to_pylist()
    assert got.equals(want)


@given(INTS)
def test_ints_as_pa_array(values: list[int | None]) -> None:
    _same(arrays.array(values, pa.int64()), pa.array(values, pa.int64()))
    if any(v is not None for v in values):
        _same(arrays.array(values), pa.array(values))


@given(TEXTS)
def test_texts_as_pa_array(values: list[str | None]) -> None:
    _same(arrays.array(values, pa.string()), pa.array(values, pa.string()))
    _same(arrays.strings(values), pa.array(values, pa.string()))
    _same(arrays.array(values, pa.large_string()), pa.array(values, pa.large_string()))


@given(BOOLS)
def test_bools_as_pa_array(values: list[bool | None]) -> None:
    _same(arrays.array(values, pa.bool_()), pa.array(values, pa.bool_()))


@given(DATES)
def test_dates_as_pa_array(values: list[dt.date | None]) -> None:
    _same(arrays.array(values, pa.date32()), pa.array(values, pa.date32()))


@given(st.lists(st.one_of(st.none(), st.integers(-(10**12), 10**12)), max_size=20))
def test_decimals_as_pa_array(fen: list[int | None]) -> None:
    values = [None if f is None else Decimal(f).scaleb(-2) for f in fen]
    for kind in (pa.decimal128(38, 2), pa.decimal128(20, 4)):
        _same(arrays.array(values, kind), pa.array(values, kind))


def test_a_decimal_with_more_places_than_the_type_is_refused() -> None:
    with pytest.raises(ValueError, match="decimal places"):
        arrays.array([Decimal("1.005")], pa.decimal128(38, 2))


@pytest.mark.parametrize(
    ("dtype", "kind"),
    [
        (np.int8, pa.int8()),
        (np.int32, pa.int32()),
        (np.int64, pa.int64()),
        (np.uint8, pa.uint8()),
        (np.uint64, pa.uint64()),
        (np.float64, pa.float64()),
        (np.bool_, pa.bool_()),
        (np.int64, pa.int32()),
        (np.bool_, pa.int8()),
    ],
)
@given(data=st.lists(st.integers(0, 100), max_size=40), nulls=st.lists(st.booleans(), max_size=40))
def test_numpy_as_pa_array(
    dtype: Any, kind: pa.DataType, data: list[int], nulls: list[bool]
) -> None:
    values = np.array(data, dtype=dtype)
    mask = np.array((nulls + [False] * len(data))[: len(data)], np.bool_)
    _same(arrays.array(values, kind), pa.array(values, kind))
    _same(arrays.array(values, kind, mask=mask), pa.array(values, kind, mask=mask))
    _same(arrays.array(values), pa.array(values))


def test_numpy_dates_and_text() -> None:
    days = np.array(["2020-02-29", "1969-12-31"], "datetime64[D]")
    _same(arrays.array(days), pa.array(days.astype(dt.date).tolist(), pa.date32()))
    _same(arrays.array(np.array(["a", "乙"])), pa.array(["a", "乙"]))
    _same(arrays.array(np.array(["a", None], object)), pa.array(["a", None]))


def test_a_value_that_does_not_fit_is_refused_never_wrapped() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        arrays.array(np.array([2**40]), pa.int32())
    with pytest.raises(ValueError, match="do not fit"):
        arrays.array(np.array([1.5]), pa.int64())
    with pytest.raises(TypeError, match="cannot store"):
        arrays.array(["1"], pa.int64())
    with pytest.raises(TypeError, match="cannot store"):
        arrays.array([1], pa.string())
    with pytest.raises(TypeError, match="cannot tell"):
        arrays.array([object()])


def _sliced(values: list[Any], kind: pa.DataType) -> list[pa.Array]:
    """The array whole, sliced at an odd offset, and chunked."""
    whole = pa.array(values, kind)
    out = [whole]
    if len(values) > 3:
        out.append(whole.slice(3))
        out.append(pa.chunked_array([whole.slice(0, 3), whole.slice(3)]))
    return out


@given(st.lists(st.integers(-(2**31), 2**31 - 1), max_size=40))
def test_numpy_view_of_ints(values: list[int]) -> None:
    for kind in (pa.int32(), pa.int64()):
        for arr in _sliced(values, kind):
            got = arrays.numpy(arr)
            want = arr.to_numpy()
            assert got.dtype == want.dtype
            assert np.array_equal(got, want)


@given(st.lists(st.booleans(), max_size=70))
def test_numpy_view_of_bools(values: list[bool]) -> None:
    for arr in _sliced(values, pa.bool_()):
        got = arrays.numpy(arr)
        assert got.dtype == np.bool_
        assert got.tolist() == arr.to_pylist()


@given(st.lists(st.dates(), max_size=40))
def test_numpy_view_of_dates_and_text(values: list[dt.date]) -> None:
    for arr in _sliced(values, pa.date32()):
        got = arrays.numpy(arr)
        assert got.dtype == np.dtype("datetime64[D]")
        assert np.array_equal(got, arr.to_numpy(zero_copy_only=False))
    text = pa.array([str(v) for v in values], pa.string())
    assert arrays.numpy(text).tolist() == text.to_pylist()
    assert arrays.numpy(text.dictionary_encode()).tolist() == text.to_pylist()


def test_numpy_view_refuses_nulls() -> None:
    with pytest.raises(ValueError, match="nulls"):
        arrays.numpy(pa.array([1, None]))


@given(BOOLS)
def test_filled_and_valid(values: list[bool | None]) -> None:
    for arr in _sliced(values, pa.bool_()):
        for fill in (False, True):
            want = pc.fill_null(arr, fill).to_pylist()
            assert arrays.filled(arr, fill).tolist() == want
        assert arrays.valid(arr).tolist() == arr.is_valid().to_pylist()


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("户", pa.string()),
        ("", pa.string()),
        ("x", pa.large_string()),
        (7, pa.int64()),
        (True, pa.bool_()),
        (None, pa.string()),
        (3, pa.int8()),
    ],
)
@pytest.mark.parametrize("n", [0, 1, 5])
def test_repeat_and_scalar(value: Any, kind: pa.DataType, n: int) -> None:
    _same(arrays.repeat(value, n, kind), pa.array([value] * n, kind))
    assert arrays.scalar(value, kind).equals(pa.scalar(value, kind))


def test_the_module_does_not_import_pandas() -> None:
    code = """
import sys, datetime as dt
from decimal import Decimal
import numpy as np
import pyarrow as pa
from povertypolicy.ledger import arrays
a = arrays.array([1, None, 3])
arrays.numpy(arrays.array(np.arange(5)))
arrays.numpy(arrays.array([True, False]))
arrays.filled(arrays.array([True, None]), False)
arrays.valid(a)
arrays.strings(["户", None])
arrays.array([dt.date(2020, 1, 1)])
arrays.array([Decimal("1.25")], pa.decimal128(38, 2))
arrays.repeat("x", 3, pa.string())
arrays.repeat(1, 3, pa.int64())
arrays.scalar(1, pa.int64())
arrays.numpy(arrays.array([dt.date(2020, 1, 1)]))
assert "pandas" not in sys.modules, "pandas was imported"
"""
    subprocess.run([sys.executable, "-c", code], check=True)


@given(st.lists(st.one_of(st.none(), st.integers(-(2**31), 2**31 - 1)), max_size=40))
def test_values_read_each_null_as_the_fill(values: list[int | None]) -> None:
    for kind in (pa.int32(), pa.int64(), pa.float64()):
        for arr in _sliced(values, kind):
            for fill in (0, -1):
                want = pc.fill_null(arr, fill).to_numpy()
                got = arrays.values(arr, fill)
                assert got.dtype == want.dtype
                assert np.array_equal(got, want)
            # as to_numpy: nulls read as NaN
            want = arr.to_numpy(zero_copy_only=False)
            assert np.array_equal(arrays.values(arr, np.nan), want, equal_nan=True)
    days = [None if v is None else v % 100_000 for v in values]
    for arr in _sliced(days, pa.int32()):
        dates = arr.cast(pa.date32())
        want = pc.fill_null(arr, 0).to_numpy().astype("datetime64[D]")
        assert np.array_equal(arrays.values(dates, 0), want)


def test_decimals_beyond_64_bits_and_their_limits() -> None:
    big = [Decimal("123456789012345678901234.5678"), Decimal("-1e20"), None]
    kind = pa.decimal128(38, 4)
    _same(arrays.array(big, kind), pa.array(big, kind))
    with pytest.raises(ValueError, match="does not fit"):
        arrays.array([Decimal("1e40")], pa.decimal128(38, 0))
    with pytest.raises((ValueError, pa.ArrowInvalid)):
        arrays.array([Decimal("1000")], pa.decimal128(3, 0))  # too many digits for the type
    with pytest.raises(TypeError, match="cannot store"):
        arrays.array([1.5], pa.decimal128(38, 2))


def test_numpy_object_arrays_keep_their_python_values() -> None:
    ints = np.array([1, None, 3], dtype=object)
    _same(arrays.array(ints, pa.int64()), pa.array([1, None, 3], pa.int64()))
    _same(arrays.array(ints), pa.array([1, None, 3]))
    days = np.array([dt.date(2020, 2, 29), None], dtype=object)
    _same(arrays.array(days), pa.array([dt.date(2020, 2, 29), None], pa.date32()))
    _same(arrays.array(np.array(["户", "x"])), pa.array(["户", "x"]))


def test_numpy_scalars_bools_and_datetimes_in_lists() -> None:
    # numpy's own scalars are read by value, not identity
    _same(arrays.array([np.bool_(True), np.bool_(False), None]), pa.array([True, False, None]))
    _same(arrays.array([np.int32(7), None], pa.int64()), pa.array([7, None], pa.int64()))
    # a bool is not a number and a datetime is not a date: refused, never read as 1 or a day
    with pytest.raises(TypeError, match="cannot store"):
        arrays.array([True], pa.int64())
    with pytest.raises(TypeError, match="cannot store"):
        arrays.array([dt.datetime(2020, 1, 1, 12)], pa.date32())
    # a mask makes a recorded decimal null, as it does for every other type
    got = arrays.array(
        [Decimal("1.5"), Decimal("2")], pa.decimal128(10, 2), mask=np.array([True, False])
    )
    assert got.to_pylist() == [None, Decimal("2.00")]
