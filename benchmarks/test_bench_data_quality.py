"""Speed of the data-quality checks (issue 8 targets; measured, never asserted):
DATA-1 over 1,000,000 persons ≤ 1 s; DATA-3 over 100,000 pairings ≤ 1 s; a whole-county report
of 100,000 households ≤ 5 s end to end from XLSX.

Run with ``make bench`` or ``pytest benchmarks/test_bench_data_quality.py``; or as a script,
``python benchmarks/test_bench_data_quality.py``, which prints the three timings.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from povertypolicy import Policy
from povertypolicy.ledger.data_quality import report
from povertypolicy.ledger.data_quality_kernels import duplicate_rows, id_kernel, overloads
from povertypolicy.ledger.parse import date_to_days

ON = dt.date(2019, 3, 1)
_W = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
_PROVINCES = np.array([11, 13, 36, 43, 44, 45, 50, 51, 52, 53, 61, 62])


def id_numbers(rng: np.random.Generator, born: np.ndarray, male: np.ndarray) -> np.ndarray:
    """Valid 18-digit numbers for these birth dates and sexes, about 2% spoilt."""
    n = len(born)
    area = _PROVINCES[rng.integers(0, len(_PROVINCES), n)] * 10_000 + rng.integers(100, 3000, n)
    ymd = np.char.replace(np.datetime_as_string(born, unit="D"), "-", "")
    seq = rng.integers(0, 500, n) * 2 + male
    body = np.char.add(np.char.add(area.astype(str), ymd), np.char.zfill(seq.astype(str), 3))
    digits = np.frombuffer("".join(body.tolist()).encode(), np.uint8).reshape(n, 17) - 48
    check = np.array(list("10X98765432"))[(digits.astype(np.int64) * _W).sum(1) % 11]
    numbers = np.char.add(body, check).astype(object)
    spoilt = rng.random(n) < 0.02
    numbers[spoilt] = [x[:-1] + ("0" if x[-1] != "0" else "1") for x in numbers[spoilt]]
    numbers[rng.random(n) < 0.005] = None
    return numbers


def county(households: int, seed: int = 8) -> dict[str, pa.Table]:
    """A generated county ledger with Chinese headers: households in 200 villages, about 3.5
    persons each, one or two helper pairings each, a project for 30% of them."""
    rng = np.random.default_rng(seed)
    hid = np.char.add("H", np.char.zfill(np.arange(households).astype(str), 7))
    size = rng.integers(1, 7, households)
    village = np.char.add("村", (np.arange(households) // (households // 200 or 1)).astype(str))
    registered = np.datetime64("2014-04-01") + rng.integers(0, 700, households)
    income = rng.integers(1500, 12000, households).astype(object)
    income[rng.random(households) < 0.01] = None
    hh = pa.table(
        {
            "户编号": hid,
            "村": village,
            "识别时间": registered.astype("datetime64[D]"),
            "贫困户状态": np.where(rng.random(households) < 0.8, "已脱贫", "未脱贫"),
            "卡类": rng.choice(["黄卡", "红卡", "蓝卡"], households),
            "家庭人口数": np.where(rng.random(households) < 0.99, size, size + 1),
            "人均纯收入": pa.array(income, pa.int64()),
            "收入年度": np.full(households, 2018),
            "有务工": np.where(rng.random(households) < 0.7, "是", "否"),
        }
    )
    owner = np.repeat(np.arange(households), size)
    m = len(owner)
    born = np.datetime64("1935-01-01") + rng.integers(0, 28_000, m).astype("timedelta64[D]")
    male = rng.integers(0, 2, m)
    persons = pa.table(
        {
            "人员编号": np.char.add(hid[owner], np.char.add("-", (np.arange(m) % 7).astype(str))),
            "户编号": hid[owner],
            "身份证号码": pa.array(id_numbers(rng, born, male), pa.string()),
            "姓名": np.full(m, "某"),
            "性别": np.where(male == 1, "男", "女"),
            "出生日期": born,
            "劳动能力": rng.choice(["有劳动能力", "部分丧失劳动能力", "完全丧失劳动能力"], m),
        }
    )
    pairings = pairing_table(rng, hid, registered)
    takers = np.flatnonzero(rng.random(households) < 0.3)
    beneficiaries = pa.table(
        {
            "项目编号": np.char.add("X", (takers % 500).astype(str)),
            "户编号": hid[takers],
            "项目类别": rng.choice(["产业", "基础设施", "公益岗位", "社会公共服务"], len(takers)),
        }
    )
    return {"households": hh, "persons": persons, "pairings": pairings,
            "beneficiaries": beneficiaries}  # fmt: skip


def pairing_table(rng: np.random.Generator, hid: np.ndarray, registered: np.ndarray) -> pa.Table:
    """One pairing per household, a second (after a change of helper) for a third of them;
    helpers have about 2 households each."""
    n = len(hid)
    start = registered + rng.integers(0, 120, n)
    change = rng.random(n) < 1 / 3
    end = np.where(change, start + rng.integers(200, 900, n), np.datetime64("NaT"))
    second = np.flatnonzero(change)
    s2 = end[second] + rng.integers(1, 60, len(second))
    helpers = max(n, 1)
    owner = np.concatenate([np.arange(n), second])
    starts = np.concatenate([start, s2]).astype("datetime64[D]")
    ends = np.concatenate([end, np.full(len(second), np.datetime64("NaT"))]).astype("datetime64[D]")
    k = len(owner)
    return pa.table(
        {
            "结对编号": np.char.add("A", np.arange(k).astype(str)),
            "户编号": hid[owner],
            "帮扶责任人编号": np.char.add("G", rng.integers(0, helpers, k).astype(str)),
            "结对开始时间": pa.array(starts),
            "结对结束时间": pa.array(ends),
        }
    )


def only_rule(rule: str) -> Path:
    """A check list that runs only ``rule``'s checks (the others switched off)."""
    from povertypolicy.rules.data_quality import load_checks

    lines = ['id = "only"', 'title = "only"', 'extends = "town-poverty-data-cleansing"',
             'source = { document = "benchmark", section = "-" }', ""]  # fmt: skip
    for c in load_checks().checks:
        if c.rule != rule:
            lines += ["[[checks]]", f'code = "{c.code}"', "enabled = false", ""]
    path = Path(tempfile.mkdtemp()) / f"only-{rule}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_xlsx(tables: dict[str, pa.Table], folder: Path) -> dict[str, Path]:
    """Each table as an .xlsx workbook (as a county office would hand them over); files
    already written by an earlier run of the same size are reused (openpyxl is slow)."""
    from openpyxl import Workbook

    paths = {}
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        target = folder / f"{name}.xlsx"
        if target.exists():
            paths[name] = target
            continue
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(name)
        ws.append(table.column_names)
        for batch in table.to_batches(50_000):
            for row in zip(*(c.to_pylist() for c in batch.columns), strict=True):
                ws.append(list(row))
        wb.save(target)
        paths[name] = target
    return paths


@pytest.fixture(scope="module")
def persons_1m() -> pa.Table:
    rng = np.random.default_rng(1)
    n = 1_000_000
    born = np.datetime64("1935-01-01") + rng.integers(0, 28_000, n).astype("timedelta64[D]")
    return pa.table(
        {
            "人员编号": np.char.add("P", np.arange(n).astype(str)),
            "户编号": np.char.add("H", (np.arange(n) // 4).astype(str)),
            "身份证号码": pa.array(id_numbers(rng, born, rng.integers(0, 2, n)), pa.string()),
        }
    )


def test_DATA_1_kernel_1m_persons(benchmark: Any, persons_1m: pa.Table) -> None:
    numbers = persons_1m.column("身份证号码").combine_chunks()
    recorded = np.asarray(numbers.is_valid())

    def kernel() -> np.ndarray:
        k = id_kernel(numbers, recorded, date_to_days(ON))
        return duplicate_rows(k.key)

    benchmark(kernel)


def test_DATA_1_report_1m_persons(benchmark: Any, persons_1m: pa.Table) -> None:
    policy = Policy.load("town-poverty-data-cleansing", on=ON)
    benchmark.pedantic(lambda: report(policy, persons=persons_1m), rounds=2, iterations=1)


def test_DATA_3_sweep_100k_pairings(benchmark: Any) -> None:
    rng = np.random.default_rng(3)
    n = 100_000
    helper = rng.integers(0, n // 2, n)
    household = rng.integers(0, n, n)
    start = rng.integers(16_000, 17_500, n)
    end = start + rng.integers(0, 1_500, n)
    benchmark(lambda: overloads(helper, household, start, end, 3))


def test_DATA_3_report_100k_pairings(benchmark: Any) -> None:
    tables = county(75_000)
    assert tables["pairings"].num_rows >= 100_000
    policy = Policy.load("town-poverty-data-cleansing", on=ON)
    checks = only_rule("DATA-3")
    benchmark.pedantic(
        lambda: report(
            policy, households=tables["households"], pairings=tables["pairings"], checks=checks
        ),
        rounds=3,
        iterations=1,
    )


def _cache(households: int) -> Path:
    return Path(tempfile.gettempdir()) / f"povertypolicy-bench-data-quality-v2-{households}"


@pytest.fixture(scope="module")
def county_xlsx() -> dict[str, Path]:
    return write_xlsx(county(100_000), _cache(100_000))


def test_county_report_100k_households_from_xlsx(
    benchmark: Any, county_xlsx: dict[str, Path]
) -> None:
    policy = Policy.load("town-poverty-data-cleansing", on=ON)
    benchmark.pedantic(lambda: report(policy, **county_xlsx), rounds=1, iterations=1)


def main() -> None:
    """Print the three timings of the issue's targets."""
    policy = Policy.load("town-poverty-data-cleansing", on=ON)
    rng = np.random.default_rng(1)
    n = 1_000_000
    born = np.datetime64("1935-01-01") + rng.integers(0, 28_000, n).astype("timedelta64[D]")
    numbers = pa.array(id_numbers(rng, born, rng.integers(0, 2, n)), pa.string())
    recorded = np.asarray(numbers.is_valid())
    t = time.perf_counter()
    duplicate_rows(id_kernel(numbers, recorded, date_to_days(ON)).key)
    print(f"DATA-1 kernel, 1,000,000 persons: {time.perf_counter() - t:.2f} s (target 1 s)")
    persons = pa.table({"人员编号": np.char.add("P", np.arange(n).astype(str)),
                        "户编号": np.char.add("H", (np.arange(n) // 4).astype(str)),
                        "身份证号码": numbers})  # fmt: skip
    t = time.perf_counter()
    report(policy, persons=persons)
    print(f"DATA-1 report (read, check, findings), 1,000,000 persons: "
          f"{time.perf_counter() - t:.2f} s")  # fmt: skip
    tables = county(100_000)
    pairings = tables["pairings"]
    helper = np.asarray(pairings.column("帮扶责任人编号").combine_chunks().dictionary_encode()
                        .indices)  # fmt: skip
    household = np.asarray(pairings.column("户编号").combine_chunks().dictionary_encode().indices)
    start = np.asarray(pairings.column("结对开始时间")).astype(np.int64)
    t = time.perf_counter()
    overloads(helper, household, start, start + 700, 3)
    print(f"DATA-3 sweep, {pairings.num_rows:,} pairings: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    rep = report(policy, households=tables["households"], pairings=pairings,
                 checks=only_rule("DATA-3"))  # fmt: skip
    print(f"DATA-3 report (read, link, sweeps, findings), {pairings.num_rows:,} pairings: "
          f"{time.perf_counter() - t:.2f} s (target 1 s); {len(rep):,} findings")  # fmt: skip
    folder = _cache(100_000)
    paths = write_xlsx(tables, folder)
    t = time.perf_counter()
    rep = report(policy, **paths)
    print(f"County report from XLSX, 100,000 households "
          f"({tables['persons'].num_rows:,} persons): {time.perf_counter() - t:.2f} s "
          f"(target 5 s); {len(rep):,} findings")  # fmt: skip
    village = rep.villages()[0]
    t = time.perf_counter()
    rep.to_xlsx(folder / "village.xlsx", village=village)
    print(f"  one village's workbook ({village}): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
