"""Synthetic relocation ledger shared by the peers and the povertypolicy ledger engine.

`make_population(n)` returns two pyarrow Tables:

persons (``n * members`` rows, grouped by household, households in order)
    person_id           string      "P00000001", ...
    household_id        string      "H0000001", ...
    birth_date          date32      1930-01-01 .. 2020-12-31, always recorded (a person row
                                    without a birth date is a row error in povertypolicy)
    hukou               dictionary<int8, string>  "agricultural" / "non_agricultural", ~1 % null
    registered_locally  bool        ~1 % null
    lives_in_area       bool        ~1 % null

households (``n`` rows)
    household_id            string
    relocation_applied_on   date32  2011-01-01 .. 2013-12-31, ~5 % null (= not recorded)

Everything is vectorised numpy turned into Arrow buffers (ids are written as fixed-width
bytes straight into a StringArray), so a million households take well under a second or two.
The same ``seed`` always gives the same ledger.

Run ``python benchmarks/peers/population.py N DIR`` to write Parquet and CSV files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

__all__ = ["HUKOU_VALUES", "make_population", "write_files"]

HUKOU_VALUES = ("agricultural", "non_agricultural")

# Days since 1970-01-01.
_BIRTH_FIRST = -14610  # 1930-01-01
_BIRTH_LAST = 18627  # 2020-12-31
_APPLIED_FIRST = 14975  # 2011-01-01
_APPLIED_LAST = 16070  # 2013-12-31

FACT_NULL_SHARE = 0.01
APPLIED_NULL_SHARE = 0.05


_FOUR_DIGITS = (np.arange(10_000)[:, None] // np.array([1000, 100, 10, 1]) % 10 + 48).astype(
    np.uint8
)


def _id_chars(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """``prefix`` + zero-padded ``numbers`` as a (len, len(prefix) + width) uint8 matrix."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if numbers.size and (numbers.min() < 0 or numbers.max() >= 10**width):
        raise ValueError(f"ids do not fit in {width} digits")
    head = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    chars = np.empty((numbers.size, head.size + width), dtype=np.uint8)
    chars[:, : head.size] = head
    rest = numbers.copy()
    end = chars.shape[1]
    while end > head.size:  # four digits per pass, from the right
        start = max(head.size, end - 4)
        chars[:, start:end] = _FOUR_DIGITS[rest % 10_000][:, 4 - (end - start) :]
        rest //= 10_000
        end = start
    return chars


def _string_array(chars: np.ndarray) -> pa.StringArray:
    """Rows of a uint8 matrix as a StringArray (zero-copy values buffer, 32-bit offsets)."""
    count, item = chars.shape
    if count * item >= 2**31:
        raise ValueError("too many ids for a 32-bit-offset StringArray")
    offsets = np.arange(count + 1, dtype=np.int32) * np.int32(item)
    return pa.StringArray.from_buffers(
        count, pa.py_buffer(offsets), pa.py_buffer(np.ascontiguousarray(chars).reshape(-1))
    )


def fixed_width_ids(prefix: str, numbers: np.ndarray, width: int) -> pa.StringArray:
    """``prefix`` + zero-padded ``numbers`` as an Arrow StringArray, without Python strings."""
    return _string_array(_id_chars(prefix, numbers, width))


def _digits(count: int, minimum: int) -> int:
    return max(minimum, len(str(count)))


def _with_nulls(values: np.ndarray, null: np.ndarray, type_: pa.DataType) -> pa.Array:
    return pa.array(values, type=type_, mask=null)


def make_population(
    n_households: int, seed: int = 0, members: int = 4
) -> tuple[pa.Table, pa.Table]:
    """Persons and households tables for ``n_households`` households of ``members`` people."""
    if n_households < 0 or members < 1:
        raise ValueError("n_households must be >= 0 and members >= 1")
    rng = np.random.default_rng(seed)
    n_persons = n_households * members

    household_numbers = np.arange(1, n_households + 1, dtype=np.int64)
    household_chars = _id_chars("H", household_numbers, _digits(n_households, 7))
    household_ids = _string_array(household_chars)
    person_household_ids = _string_array(np.repeat(household_chars, members, axis=0))
    person_ids = fixed_width_ids(
        "P", np.arange(1, n_persons + 1, dtype=np.int64), _digits(n_persons, 8)
    )

    def nulls(share: float) -> np.ndarray:
        return rng.random(n_persons) < share

    birth_days = rng.integers(_BIRTH_FIRST, _BIRTH_LAST + 1, n_persons, dtype=np.int32)
    # 85 % agricultural (index 0), 15 % non-agricultural (index 1).
    hukou_index = (rng.random(n_persons) >= 0.85).astype(np.int8)
    registered = rng.random(n_persons) < 0.95
    lives = rng.random(n_persons) < 0.90

    persons = pa.table(
        {
            "person_id": person_ids,
            "household_id": person_household_ids,
            "birth_date": pa.array(birth_days, pa.date32()),
            "hukou": pa.DictionaryArray.from_arrays(
                _with_nulls(hukou_index, nulls(FACT_NULL_SHARE), pa.int8()),
                pa.array(HUKOU_VALUES, type=pa.string()),
            ),
            "registered_locally": _with_nulls(registered, nulls(FACT_NULL_SHARE), pa.bool_()),
            "lives_in_area": _with_nulls(lives, nulls(FACT_NULL_SHARE), pa.bool_()),
        }
    )

    applied_days = rng.integers(_APPLIED_FIRST, _APPLIED_LAST + 1, n_households, dtype=np.int32)
    applied_null = rng.random(n_households) < APPLIED_NULL_SHARE
    households = pa.table(
        {
            "household_id": household_ids,
            "relocation_applied_on": _with_nulls(applied_days, applied_null, pa.date32()),
        }
    )
    return persons, households


def write_files(directory: str | Path, n: int, seed: int = 0, members: int = 4) -> dict[str, Path]:
    """Write persons/households as Parquet and CSV into ``directory``; return the paths."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    persons, households = make_population(n, seed=seed, members=members)
    paths: dict[str, Path] = {}
    for name, table in (("persons", persons), ("households", households)):
        parquet = out / f"{name}.parquet"
        pq.write_table(table, parquet)
        csv = out / f"{name}.csv"
        # The CSV writer has no dictionary type: write hukou as plain strings (empty = null).
        plain = table.cast(
            pa.schema(
                [
                    pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type) else f
                    for f in table.schema
                ]
            )
        )
        pacsv.write_csv(plain, csv)
        paths[f"{name}_parquet"] = parquet
        paths[f"{name}_csv"] = csv
    return paths


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    target = sys.argv[2] if len(sys.argv) > 2 else "bench-data"
    for key, path in write_files(target, count).items():
        print(f"{key}: {path}")
