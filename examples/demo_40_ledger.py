"""A township ledger: the housing subsidy over 20,000 households, with errors and a summary."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from povertypolicy import ledger


def township(n: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """A generated ledger with Chinese headers, as a township keeps it, and a few bad rows."""
    rng = np.random.default_rng(seed)
    size = rng.integers(1, 7, n)
    hh = np.repeat(np.arange(n), size)
    m = len(hh)
    household_ids = np.char.add("XQ", np.char.zfill(np.arange(n).astype(str), 6))
    person_ids = np.char.add(
        household_ids[hh],
        np.char.add("-", (np.arange(m) - np.repeat(np.cumsum(size) - size, size)).astype(str)),
    )
    born = np.datetime64("1930-01-01") + rng.integers(0, 30_000, m).astype("timedelta64[D]")
    birth = np.datetime_as_string(born).astype(object)
    birth[5] = "1968-02-30"  # no such day: a row error, its household held back
    hukou = np.where(rng.random(m) < 0.9, "农业", "非农业").astype(object)
    hukou[11] = None  # not recorded: that member is undetermined, never assumed
    persons = pa.table(
        {
            "人员编号": person_ids,
            "户编号": household_ids[hh],
            "出生日期": birth,
            "户籍性质": hukou,
            "当地常住户口": np.where(rng.random(m) < 0.97, "是", "否"),
            "仍在当地居住生产": rng.random(m) < 0.95,
        }
    )
    applied = np.where(rng.random(n) < 0.9, "2011-03-20", "").astype(object)
    households = pa.table({"户编号": household_ids, "申请日期": applied})
    return persons, households


def main() -> None:
    persons, households = township(20_000)
    start = time.perf_counter()
    result = ledger.run(
        "housing.subsidy",
        "county-deep-mountain-relocation-2011",
        on=dt.date(2011, 6, 1),
        persons=persons,
        households=households,
    )
    seconds = time.perf_counter() - start
    print(f"{persons.num_rows:,} persons, {households.num_rows:,} households in {seconds:.2f} s\n")
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(result.summary.text(locale), end="\n\n")
    errors = result.errors_arrow("zh_Hans").to_pylist()
    print("问题清单 / errors:")
    for e in errors:
        cell = "" if e["value"] is None else f" {e['column']}={e['value']!r}"
        print(f"  {e['table']} 第{e['row']}行 {e['id']}{cell}: {e['message']}")
    first = result.arrow.column("household_id")[0].as_py()
    print(f"\n{first}:\n{result.explain(first, locale='zh_Hans')}")
    folder = Path(tempfile.mkdtemp())
    try:
        result.to_xlsx(str(folder / "结果.xlsx"), explain_limit=0)
        print(f"\nXLSX: {folder / '结果.xlsx'}")
    except ImportError as exc:  # the excel extra is not installed
        print(f"\n(no XLSX: {exc})")


if __name__ == "__main__":
    main()
