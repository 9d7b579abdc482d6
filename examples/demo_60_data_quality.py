"""A data-quality report before the national check (poverty-work-plan-samples 篇7): a township of
3,000 households
in 10 villages, DATA-1..DATA-4, one row per finding, totals per village, a workbook each."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from povertypolicy.domain.id_number import check_character
from povertypolicy.ledger.data_quality import report

ON = dt.date(2019, 3, 1)


def number(rng: np.random.Generator, born: dt.date, male: bool) -> str | None:
    """A citizen identity number for this person; now and then written wrong, as ledgers are."""
    seq = int(rng.integers(0, 499)) * 2 + int(male)
    body = f"43052{rng.integers(1, 9)}{born:%Y%m%d}{seq:03d}"
    good = body + check_character(body)
    roll = rng.random()
    if roll < 0.01:
        return good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check character
    if roll < 0.015:
        return good[:6] + good[8:17]  # the old 15-digit form
    if roll < 0.02:
        return None
    return good


def township(households: int = 3_000, seed: int = 60) -> dict[str, pa.Table]:
    """Households, members, helper pairings and project beneficiaries with Chinese headers."""
    rng = np.random.default_rng(seed)
    hid = [f"H{i:05d}" for i in range(households)]
    size = rng.integers(1, 6, households)
    registered = [
        dt.date(2014, 4, 1) + dt.timedelta(int(d)) for d in rng.integers(0, 600, households)
    ]
    card = rng.choice(["黄卡", "红卡", "蓝卡"], households, p=[0.5, 0.3, 0.2])
    hh = pa.table(
        {
            "户编号": hid,
            "村": [f"{'东西南北中'[i % 5]}{'上下'[i % 2]}村" for i in range(households)],
            "识别时间": registered,
            "贫困户状态": rng.choice(["已脱贫", "未脱贫"], households, p=[0.85, 0.15]),
            "卡类": card,
            "家庭人口数": np.where(rng.random(households) < 0.995, size, 0),
            "人均纯收入": rng.integers(2900, 12000, households),
            "收入年度": np.full(households, 2018),
            "有务工": rng.choice(["是", "否"], households, p=[0.7, 0.3]),
        }
    )
    rows: dict[str, list[object]] = {k: [] for k in ("人员编号", "户编号", "身份证号码", "性别",
                                                     "出生日期", "劳动能力")}  # fmt: skip
    for i, n in enumerate(size.tolist()):
        for j in range(n):
            born = dt.date(1940, 1, 1) + dt.timedelta(int(rng.integers(0, 25_000)))
            male = bool(rng.random() < 0.5)
            rows["人员编号"].append(f"{hid[i]}-{j}")
            rows["户编号"].append(hid[i])
            rows["身份证号码"].append(number(rng, born, male))
            rows["性别"].append("男" if male != (rng.random() < 0.005) else "女")
            rows["出生日期"].append(born)
            full = card[i] != "蓝卡" or rng.random() < 0.05
            rows["劳动能力"].append("有劳动能力" if full else "完全丧失劳动能力")
    persons = pa.table(rows)
    helpers = households * 4 // 5
    start = [d + dt.timedelta(int(rng.integers(-3, 90))) for d in registered]
    pairings = pa.table(
        {
            "结对编号": [f"A{i:05d}" for i in range(households)],
            "户编号": hid,
            "帮扶责任人编号": [f"G{int(g):04d}" for g in rng.integers(0, helpers, households)],
            "结对开始时间": start,
            "结对结束时间": pa.array([None] * households, pa.date32()),
        }
    )
    takers = np.flatnonzero(rng.random(households) < 0.2)
    beneficiaries = pa.table(
        {
            "项目编号": [f"X{int(t) % 40:03d}" for t in takers],
            "户编号": [hid[int(t)] for t in takers],
            "项目类别": rng.choice(["产业", "基础设施", "公益岗位", "社会公共服务"], len(takers)),
        }
    )
    return {"households": hh, "persons": persons, "pairings": pairings,
            "beneficiaries": beneficiaries}  # fmt: skip


def main() -> None:
    tables = township()
    start = time.perf_counter()
    result = report(on=ON, **tables)
    seconds = time.perf_counter() - start
    people = tables["persons"].num_rows
    print(f"{tables['households'].num_rows:,} households, {people:,} persons: {seconds:.2f} s\n")
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(result.text(locale), end="\n\n")
    print("按村汇总 / by village:")
    print(result.by_village_arrow().to_pandas().to_string(index=False), end="\n\n")
    findings = result.result.arrow
    print("问题清单（前12条）/ first findings:")
    for row in findings.slice(0, 12).to_pylist():
        print(f"  {row['village']} {row['record_id']} [{row['check']}] {row['message']}")
    for code in ("id.check_digit", "pairing.one_helps_many", "household.size_zero"):
        hits = [f for f, c in zip(findings.column("finding").to_pylist(),
                                  findings.column("check").to_pylist(), strict=True)
                if c == code]  # fmt: skip
        if hits:
            print(f"\n{hits[0]}:")
            for locale in ("zh_Hans", "zh_Hant", "en"):
                print(result.explain(hits[0], locale=locale))
    folder = Path(tempfile.mkdtemp())
    try:
        written = result.to_xlsx_by_village(folder)
        print(f"\n{len(written)} workbooks, one per village: {folder}")
    except ImportError as exc:  # the excel extra is not installed
        print(f"\n(no XLSX: {exc})")


if __name__ == "__main__":
    main()
