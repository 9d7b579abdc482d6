"""Follow-up support after relocation and a city's four-haves scorecards, in three locales.

A resettlement site's household ledger through ``follow_up.checks`` (FOLLOW-1..5,
relocation-follow-up-documents 篇二), a
Shaanxi site's three rates (FOLLOW-6), the Chengkou subsidy schedule (FOLLOW-7), and a city's
towns and villages through ``indicators.four_haves`` (KPI-1,
city-four-haves-demonstration-towns-2022) with one town's scorecard.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.rules import follow_up, indicators

LOCALES = ("zh_Hans", "zh_Hant", "en")
COUNTY = "county-relocation-follow-up-2020"
FOUR_HAVES = "city-four-haves-demonstration-towns-2022"
ON = dt.date(2021, 6, 1)


def _yes(rng: np.random.Generator, n: int, p: float, missing: float = 0.03) -> pa.Array:
    return pa.array(rng.random(n) < p, mask=rng.random(n) < missing)


def _dates(rng: np.random.Generator, n: int, first: str, days: int, missing: float) -> pa.Array:
    base = np.datetime64(first)
    values = base + rng.integers(0, days, n).astype("timedelta64[D]")
    return pa.array(values, mask=rng.random(n) < missing).cast(pa.date32())


def site_ledger(n: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """A generated relocation-site ledger: households and their members, Chinese headers."""
    rng = np.random.default_rng(seed)
    ids = np.char.add("YD", np.char.zfill(np.arange(n).astype(str), 5))
    size = rng.integers(1, 5, n)
    households = pa.table(
        {
            "户编号": pa.array(ids),
            "落户日期": _dates(rng, n, "2019-10-01", 240, 0.02),
            "实际入住日期": _dates(rng, n, "2019-09-01", 240, 0.02),
            "建档立卡贫困户": _yes(rng, n, 0.9),
            "产业支撑": _yes(rng, n, 0.5),
            "生活困难": _yes(rng, n, 0.3),
            "家庭财产符合低保规定": _yes(rng, n, 0.8),
            "危房": _yes(rng, n, 0.2),
            "非砖混旧房": _yes(rng, n, 0.3),
            "灾害隐患点": _yes(rng, n, 0.1),
            "旧房拆除日期": _dates(rng, n, "2020-02-01", 220, 0.05),
            "复垦日期": _dates(rng, n, "2020-10-01", 80, 0.1),
        }
    )
    m = int(size.sum())
    owner = np.repeat(ids, size)
    trained = rng.random(m) < 0.85
    when = np.datetime64("2020-06-01") + rng.integers(0, 150, m).astype("timedelta64[D]")
    cells = [str(d) if t else "无" for d, t in zip(when.astype(str), trained, strict=True)]
    persons = pa.table(
        {
            "人员编号": pa.array(np.char.add(owner, np.char.add("-", np.arange(m).astype(str)))),
            "户编号": pa.array(owner),
            "劳动能力": pa.array(
                rng.choice(
                    ["有劳动能力", "部分丧失劳动能力", "完全丧失劳动能力"], m, p=[0.7, 0.2, 0.1]
                )
            ),
            "就业意愿": _yes(rng, m, 0.8),
            "稳定就业": _yes(rng, m, 0.6, missing=0.01),
            "培训意愿": _yes(rng, m, 0.6),
            "培训日期": pa.array(cells, mask=rng.random(m) < 0.03),
        }
    )
    return households, persons


def city_units(towns: int, villages: int, seed: int = 3) -> pa.Table:
    """A generated table of towns and their villages with the four-haves figures."""
    rng = np.random.default_rng(seed)
    rows: list[dict[str, object]] = []
    for t in range(towns):
        town = f"第{t + 1}镇"
        surplus = int(rng.integers(500, 3000))
        eligible = int(rng.integers(3000, 9000))
        rows.append(
            {
                "单位编号": town,
                "层级": "乡镇",
                "上级单位编号": None,
                "平台机构到位": True,
                "平台人员到位": True,
                "平台经费到位": bool(rng.random() < 0.8),
                "平台场地到位": True,
                "平台工作到位": True,
                "平台制度到位": bool(rng.random() < 0.9),
                "富余劳动力人数": surplus,
                "转移就业人数": int(surplus * rng.uniform(0.9, 1.0)),
                "零转移家庭数": int(rng.integers(0, 3)),
                "符合参保条件村民数": eligible,
                "养老保险参保人数": int(eligible * rng.uniform(0.97, 1.0)),
                "有培训需求村民数": 200,
                "参加实用技能培训人数": int(rng.integers(180, 201)),
            }
        )
        for v in range(villages):
            coordinators = int(rng.integers(0, 3)) if rng.random() > 0.05 else None
            rows.append(
                {
                    "单位编号": f"{town}第{v + 1}村",
                    "层级": "村",
                    "上级单位编号": town,
                    "专职协管员人数": coordinators,
                }
            )
    keys = list(dict.fromkeys(k for row in rows for k in row))
    return pa.Table.from_pylist([{k: row.get(k) for k in keys} for row in rows])


def main() -> None:
    # 1. The site's households through follow_up.checks.
    households, persons = site_ledger(2_000)
    start = time.perf_counter()
    r = ledger.run("follow_up.checks", COUNTY, on=ON, households=households, persons=persons)
    took = time.perf_counter() - start
    for locale in LOCALES:
        print(r.summary.text(locale), "\n")
    print(f"({len(households):,} households, {len(persons):,} people in {took:.2f} s)\n")
    first = r.arrow.column("household_id")[0].as_py()
    print(r.explain(first, locale="zh_Hans"), "\n")

    # 2. A Shaanxi site's three rates, one degree.
    shaanxi = pp.Policy.load("sn-city-relocation-plan-2019", on=dt.date(2019, 11, 1))
    site = pp.ReportingUnit(
        id="幸福社区",
        level=pp.UnitLevel.SITE,
        figures={
            "relocated_households": 420,
            "moved_in_households": 416,
            "homesteads_to_vacate": 420,
            "homesteads_vacated": 420,
            "households_with_labour": 380,
            "households_supported": 310,
            "integration_degree": 88,
        },
    )
    for locale in LOCALES:
        print(follow_up.three_rates_one_degree(site, shaanxi).explain(locale), "\n")

    # 3. The Chengkou subsidy schedule: an in-home business and a labour broker.
    chengkou = pp.Policy.load(
        "cq-chengkou-subdistrict-relocation-follow-up-2020", on=dt.date(2020, 6, 1)
    )
    print(follow_up.in_home_business_subsidy(pp.Money("12800"), chengkou).explain("en"))
    placed = [
        pp.Placement(
            person_id=f"W{i}",
            started_on=dt.date(2020, 1, 15),
            relocated_poor=True,
            local=True,
            outside_county=True,
            contract=True,
        )
        for i in range(11)
    ]
    print(follow_up.broker_award(placed, chengkou, as_of=dt.date(2020, 4, 15)).explain("zh_Hant"))
    print()

    # 4. The city's towns and villages through the four-haves checklist, and one scorecard.
    units = city_units(20, 12)
    scores = ledger.run("indicators.four_haves", FOUR_HAVES, on=dt.date(2022, 12, 1), units=units)
    print(scores.summary.text("zh_Hans"), "\n")
    policy = pp.Policy.load(FOUR_HAVES, on=dt.date(2022, 12, 1))
    frame = scores.frames["units"]
    from povertypolicy.ledger.indicators import unit_object

    members = [
        unit_object(frame, i, indicators.FOUR_HAVES)
        for i in range(len(frame))
        if frame.value("parent_id", i) == "第1镇"
    ]
    town = unit_object(frame, 0, indicators.FOUR_HAVES)
    for locale in LOCALES:
        print(indicators.scorecard(town, "four_haves", policy, members=members).explain(locale))
        print()
    out = Path(tempfile.mkdtemp()) / "four-haves.xlsx"
    scores.to_xlsx(str(out), locale="zh_Hans")
    print(f"scorecards written to {out}")


if __name__ == "__main__":
    main()
