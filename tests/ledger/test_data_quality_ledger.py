"""Data quality over a ledger: the kernels equal the single-record rules (property tests over
generated ledgers), the sweep equals a day-by-day count, nothing is lost, files in and out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.domain.id_number import check_character, read_id_number
from povertypolicy.ledger.data_quality import pairings_of, report
from povertypolicy.ledger.data_quality_conditions import record_of
from povertypolicy.ledger.data_quality_kernels import overloads
from povertypolicy.rules.data_quality import (
    check_id_number,
    check_record,
    helper_overloads,
    household_pairings,
)
from tests.rules.test_data_quality_pairings import brute_force

ON = dt.date(2019, 3, 1)
POLICY = pp.Policy.load("town-poverty-data-cleansing", on=ON)


# -- DATA-1: the kernel is the single-number rule -----------------------------------------------


@st.composite
def id_numbers(draw: st.DrawFn) -> str | None:
    kind = draw(st.sampled_from(["valid", "valid", "changed", "old", "junk", "none", "x"]))
    province = draw(st.sampled_from(["11", "44", "50", "82", "99", "00"]))
    area = draw(st.text("0123456789", min_size=4, max_size=4))
    year = draw(st.integers(1880, 2021))
    month = draw(st.integers(0, 13))
    day = draw(st.integers(0, 31))
    seq = draw(st.text("0123456789", min_size=3, max_size=3))
    body = f"{province}{area}{year:04d}{month:02d}{day:02d}{seq}"
    if kind == "valid":
        return body + check_character(body)
    if kind == "x":
        return body + draw(st.sampled_from("Xx"))
    if kind == "changed":
        number = body + check_character(body)
        at = draw(st.integers(0, 17))
        return number[:at] + draw(st.sampled_from("0123456789X")) + number[at + 1 :]
    if kind == "old":
        return f"{province}{area}{year % 100:02d}{month:02d}{day:02d}{seq}"
    if kind == "none":
        return draw(st.sampled_from([None, ""]))
    return draw(st.text("0123456789Xx-", max_size=19))


people = st.lists(
    st.tuples(
        id_numbers(),
        st.sampled_from([None, "男", "女"]),
        st.sampled_from([None, "1949-12-31", "1980-02-29", "2000-01-01"]),
    ),
    min_size=1,
    max_size=20,
)


def persons_table(rows: list[tuple[Any, Any, Any]]) -> pa.Table:
    n = len(rows)
    return pa.table(
        {
            "人员编号": [f"P{i}" for i in range(n)],
            "户编号": [f"H{i % 3}" for i in range(n)],
            "身份证号码": pa.array([r[0] for r in rows], pa.string()),
            "性别": pa.array([r[1] for r in rows], pa.string()),
            "出生日期": pa.array([r[2] for r in rows], pa.string()),
        }
    )


def found(rep: Any, table: str, prefix: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    t = rep.result.arrow
    for tab, row, code in zip(
        t.column("table").to_pylist(),
        t.column("row").to_pylist(),
        t.column("check").to_pylist(),
        strict=True,
    ):
        if tab == table and code.startswith(prefix):
            out[row - 1].add(code)
    return out


@given(people)
def test_DATA_1_kernel_equals_the_single_number_rule(rows: list[tuple[Any, Any, Any]]) -> None:
    rep = report(POLICY, persons=persons_table(rows))
    got = found(rep, "persons", "id.")
    persons = rep.result.frames["persons"]
    normal: dict[str, list[str]] = defaultdict(list)
    for i, (number, _, _) in enumerate(rows):
        if number and read_id_number(number).form != "bad":
            normal[read_id_number(number).normalised or ""].append(f"P{i}")
    for i, (number, _, _) in enumerate(rows):
        key = read_id_number(number).normalised if number else None
        others = [p for p in normal.get(key or "", []) if p != f"P{i}"]
        single = check_id_number(
            persons.value("id_number", i),
            sex=persons.value("sex", i),
            birth_date=persons.value("birth_date", i),
            on=ON,
            others=others,
        )
        assert {f"id.{p}" for p in single.value.problems} == got.get(i, set()), (i, number)


def test_DATA_1_gb11643_example_in_a_ledger() -> None:
    rep = report(POLICY, persons=persons_table([("11010519491231002X", "女", "1949-12-31"),
                                                ("11010519491231002x", "男", None),
                                                ("110105491231002", None, None)]))  # fmt: skip
    codes = [(r["record_id"], r["check"]) for r in rep.result.arrow.to_pylist()]
    assert ("P0", "id.duplicate") in codes
    assert ("P1", "id.sex_mismatch") in codes
    assert ("P2", "id.old_format") in codes
    old = next(r for r in rep.result.arrow.to_pylist() if r["check"] == "id.old_format")
    assert old["expected"] == "11010519491231002X"
    assert rep.explain("P1/id.sex_mismatch", locale="en") == check_id_number(
        "11010519491231002x", sex=pp.Sex.MALE, on=ON, others=["P0", "P2"]
    ).explain("en")


# -- DATA-3: the sweep is a day-by-day count, the kernels are the single rules ----------------


@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 4), st.integers(0, 90), st.integers(0, 50)),
        max_size=25,
    ),
    st.integers(1, 4),
)
def test_DATA_3_kernel_sweep_agrees_with_a_brute_force_count(
    raw: list[tuple[int, int, int, int]], many: int
) -> None:
    if not raw:
        return
    helper = np.array([r[0] for r in raw], np.int64)
    household = np.array([r[1] for r in raw], np.int64)
    start = np.array([r[2] for r in raw], np.int64)
    end = start + np.array([r[3] for r in raw], np.int64)
    periods = overloads(helper, household, start, end, many)
    base = dt.date(2016, 1, 1)
    for h in range(3):
        spans = [(str(r[1]), base + dt.timedelta(r[2]), base + dt.timedelta(r[2] + r[3]))
                 for r in raw if r[0] == h]  # fmt: skip
        mine = periods.helper == h
        got = [
            (base + dt.timedelta(int(s)), base + dt.timedelta(int(e)), int(p))
            for s, e, p in zip(
                periods.start[mine], periods.end[mine], periods.peak[mine], strict=True
            )
        ]
        assert got == brute_force(spans, many)


pairing_rows = st.lists(
    st.tuples(
        st.sampled_from(["H0", "H1", "H2", "H3"]),
        st.sampled_from(["G1", "G2"]),
        st.integers(0, 1400),
        st.one_of(st.none(), st.integers(-30, 900)),
        st.sampled_from([None, "11010519491231002X", "440524188001010014"]),
    ),
    max_size=14,
)


def pairing_ledger(rows: list[tuple[Any, ...]]) -> dict[str, pa.Table]:
    base = dt.date(2015, 6, 1)
    households = pa.table(
        {
            "户编号": ["H0", "H1", "H2", "H3"],
            "村": ["东村", "东村", "西村", None],
            "识别时间": ["2015-10-01", "2016-01-01", None, "2015-06-01"],
        }
    )
    persons = pa.table({"人员编号": ["P1"], "户编号": ["H0"], "身份证号码": ["110105491231002"]})
    start = [base + dt.timedelta(r[2]) for r in rows]
    end = [
        None if r[3] is None else s + dt.timedelta(r[3]) for s, r in zip(start, rows, strict=True)
    ]
    pairings = pa.table(
        {
            "结对编号": [f"A{i}" for i in range(len(rows))],
            "户编号": pa.array([r[0] for r in rows], pa.string()),
            "帮扶责任人编号": pa.array([r[1] for r in rows], pa.string()),
            "帮扶责任人身份证号码": pa.array([r[4] for r in rows], pa.string()),
            "结对开始时间": pa.array(start, pa.date32()),
            "结对结束时间": pa.array(end, pa.date32()),
        }
    )
    return {"households": households, "persons": persons, "pairings": pairings}


@given(pairing_rows)
def test_DATA_3_kernels_equal_the_single_household_and_helper_rules(
    rows: list[tuple[Any, ...]],
) -> None:
    rep = report(POLICY, **pairing_ledger(rows))
    frames = rep.result.frames
    t = rep.result.arrow.to_pylist()
    hf = frames["households"]
    for h in range(len(hf)):
        hid = hf.value("household_id", h)
        single = household_pairings(
            pairings_of(frames, "household_id", hid),
            on=ON,
            registered_on=hf.value("registered_on", h),
            poor_numbers={"11010519491231002X"},
        ).value
        mine = [r for r in t if r["household_id"] == hid]
        gaps = sorted((r["period_start"], r["period_end"]) for r in mine
                      if r["check"] == "pairing.gap")  # fmt: skip
        assert gaps == sorted(single.gaps)
        assert any(r["check"] == "pairing.no_helper" for r in mine) == single.no_helper
        for code, ids in (
            ("pairing.dates", single.wrong_dates),
            ("pairing.before_registration", single.before_registration),
            ("pairing.helper_is_poor", single.helper_is_poor),
        ):
            assert sorted(r["record_id"] for r in mine if r["check"] == code) == sorted(ids)
    for helper in ("G1", "G2"):
        single_periods = helper_overloads(pairings_of(frames, "helper_id", helper), POLICY,
                                          on=ON).value  # fmt: skip
        got = {(r["period_start"], r["period_end"]) for r in t
               if r["check"] == "pairing.one_helps_many" and r["value"] == helper}  # fmt: skip
        assert got == {(o.start, o.end) for o in single_periods}


def test_DATA_3_one_helps_many_names_each_pairing_and_the_period() -> None:
    rows = [("H0", "G1", 200, None, None), ("H1", "G1", 300, None, None),
            ("H2", "G1", 400, 99, None), ("H3", "G2", 0, None, None)]  # fmt: skip
    rep = report(POLICY, **pairing_ledger(rows))
    many = [r for r in rep.result.arrow.to_pylist() if r["check"] == "pairing.one_helps_many"]
    start = dt.date(2015, 6, 1) + dt.timedelta(400)
    assert sorted(r["record_id"] for r in many) == ["A0", "A1", "A2"]
    assert {(r["period_start"], r["period_end"]) for r in many} == {(start, start +
                                                                     dt.timedelta(99))}  # fmt: skip
    assert "3" in many[0]["message"]


# -- DATA-2 and DATA-4: the column conditions are the single-record conditions ----------------

money_cells = st.sampled_from([None, "", "2994.99", "2995", "-1", "8000", "abc", "1,200.50"])
household_rows = st.lists(
    st.tuples(
        st.sampled_from([None, "已脱贫", "未脱贫", "脱贫户", "不详"]),
        money_cells,
        st.sampled_from([None, 2014, 2018, 2022]),
        st.sampled_from([None, 0, 1, 2, 3]),
        st.sampled_from([None, "蓝卡", "黄卡"]),
        st.sampled_from([None, "是", "否"]),
    ),
    min_size=1,
    max_size=8,
)


def condition_ledger(rows: list[tuple[Any, ...]], labour: list[Any]) -> dict[str, pa.Table]:
    n = len(rows)
    households = pa.table(
        {
            "户编号": [f"H{i}" for i in range(n)],
            "村": ["东村" if i % 2 else None for i in range(n)],
            "贫困户状态": pa.array([r[0] for r in rows], pa.string()),
            "人均纯收入": pa.array([r[1] for r in rows], pa.string()),
            "收入年度": pa.array([r[2] for r in rows], pa.int64()),
            "家庭人口数": pa.array([r[3] for r in rows], pa.int64()),
            "卡类": pa.array([r[4] for r in rows], pa.string()),
            "有务工": pa.array([r[5] for r in rows], pa.string()),
        }
    )
    persons = pa.table(
        {
            "人员编号": [f"P{i}" for i in range(len(labour))],
            "户编号": [f"H{i % (n + 1)}" for i in range(len(labour))],
            "身份证号码": ["11010519491231002X"] * len(labour),
            "劳动能力": pa.array(labour, pa.string()),
        }
    )
    beneficiaries = pa.table(
        {
            "项目编号": [f"X{i}" for i in range(n)],
            "户编号": [f"H{i}" for i in range(n)],
            "项目类别": ["公益岗位" if i % 2 else "基础设施" for i in range(n)],
        }
    )
    return {"households": households, "persons": persons, "beneficiaries": beneficiaries}


@given(household_rows, st.lists(st.sampled_from([None, "有劳动能力", "完全丧失劳动能力", "?"]),
                                max_size=10))  # fmt: skip
def test_DATA_2_and_4_conditions_equal_the_single_record_rule(
    rows: list[tuple[Any, ...]], labour: list[Any]
) -> None:
    rep = report(POLICY, **condition_ledger(rows, labour))
    frames = rep.result.frames
    for table, prefix in (("households", "household."), ("persons", "person."),
                          ("beneficiaries", "project.")):  # fmt: skip
        got = found(rep, table, prefix)
        for i in range(len(frames[table])):
            single = check_record(table, record_of(frames, table, i), POLICY).value
            assert set(single.fired) == got.get(i, set()), (table, i)
    assert rep.result.summary.balanced


# -- the report: nothing lost, tables in and out, files ----------------------------------------


def small() -> dict[str, Any]:
    return {
        "households": pa.table({"户编号": ["H1", "H2"], "村": ["东村", "西村"],
                                "贫困户状态": ["已脱贫", "未脱贫"], "人均纯收入": ["2000", "1500"],
                                "收入年度": [2018, 2018], "家庭人口数": [1, 0]}),
        "persons": pa.table({"人员编号": ["P1", "P2", "P3"], "户编号": ["H1", "H1", "H7"],
                             "身份证号码": ["11010519491231002X", "12345", "440524188001010014"],
                             "出生日期": ["1949-12-31", "1990-02-30", "1880-01-01"]}),
    }  # fmt: skip


def test_report_keeps_every_row_and_totals_by_village() -> None:
    rep = report(POLICY, **small())
    assert rep.result.summary.balanced
    errors = rep.errors_arrow().to_pylist()
    assert {(e["id"], e["code"]) for e in errors} == {
        ("P2", "ledger.error.date"),
        ("P3", "ledger.error.unknown_parent"),
    }
    # P2's unreadable birth date does not stop its identity number being checked.
    checks = {(r["record_id"], r["check"]) for r in rep.result.arrow.to_pylist()}
    assert ("P2", "id.format") in checks
    assert ("H1", "household.out_of_poverty_below_line") in checks
    assert ("H2", "household.size_zero") in checks
    villages = {r["village"]: r for r in rep.by_village_arrow().to_pylist()}
    assert villages["东村"]["households"] == 1
    assert villages["东村"]["persons"] == 2
    assert villages["东村"]["unreadable"] == 1
    assert villages[None]["unreadable"] == 1  # P3: its household is not in the ledger
    total = sum(v["findings"] for v in villages.values())
    assert total == len(rep)
    assert "no helper pairings table given" in rep.text("en")


def test_report_in_pandas_and_polars_comes_back_the_same_kind() -> None:
    tables = small()
    pandas_rep = report(POLICY, **{k: v.to_pandas() for k, v in tables.items()}, locale="en")
    assert type(pandas_rep.findings).__module__.startswith("pandas")
    assert type(pandas_rep.by_village()).__module__.startswith("pandas")
    import polars as pl

    polars_rep = report(POLICY, **{k: pl.from_arrow(v) for k, v in tables.items()})
    assert type(polars_rep.findings).__module__.startswith("polars")
    assert list(pandas_rep.findings["finding"]) == list(polars_rep.findings["finding"])
    assert pandas_rep.findings["message"].iloc[0].isascii()


def test_findings_messages_in_each_locale() -> None:
    rep = report(POLICY, **small())
    for locale, word in (("zh_Hans", "低于"), ("zh_Hant", "低於"), ("en", "below")):
        messages = rep.findings_arrow(locale).column("message").to_pylist()
        assert any(word in m for m in messages), locale


def test_a_missing_column_is_one_error_before_any_row() -> None:
    import pytest

    with pytest.raises(pp.ledger.MissingColumnError, match="id_number"):
        report(POLICY, persons=pa.table({"人员编号": ["P1"], "户编号": ["H1"]}))


def test_ledger_run_gives_the_same_findings() -> None:
    tables = small()
    empty = {"pairings": pa.table({"结对编号": pa.array([], pa.string()),
                                   "户编号": pa.array([], pa.string()),
                                   "帮扶责任人编号": pa.array([], pa.string()),
                                   "结对开始时间": pa.array([], pa.string()),
                                   "结对结束时间": pa.array([], pa.string())}),
             "beneficiaries": pa.table({"项目编号": pa.array([], pa.string()),
                                        "户编号": pa.array([], pa.string()),
                                        "项目类别": pa.array([], pa.string())})}  # fmt: skip
    run = pp.ledger.run("data_quality.report", POLICY, **tables, **empty)
    rep = report(POLICY, **tables)
    ours = [c for c in rep.result.arrow.column("finding").to_pylist()
            if "pairing." not in c]  # fmt: skip
    theirs = [c for c in run.arrow.column("finding").to_pylist() if "pairing." not in c]
    assert ours == theirs
    alone = pp.ledger.run("data_quality.identity", POLICY, persons=tables["persons"])
    assert set(alone.arrow.column("check").to_pylist()) == {"id.format"}


def test_xlsx_round_trip_and_one_workbook_per_village(tmp_path: Any) -> None:
    import fastexcel

    rep = report(POLICY, **small())
    path = tmp_path / "report.xlsx"
    rep.to_xlsx(path)
    reader = fastexcel.read_excel(str(path))
    assert reader.sheet_names == ["问题清单", "按村汇总", "无法读取的单元格", "校验清单", "汇总"]
    sheet = reader.load_sheet(0).to_arrow()
    assert sheet.num_rows == len(rep)
    assert "说明" in sheet.column_names
    assert "字段" in sheet.column_names
    written = rep.to_xlsx_by_village(tmp_path / "villages", locale="zh_Hant")
    assert [p.stem for p in written] == ["东村", "西村", "（未錄入村）"]
    east = fastexcel.read_excel(str(written[0])).load_sheet(0).to_arrow()
    assert set(east.column("村").to_pylist()) == {"东村"}
    counts = {r["village"]: r["findings"] for r in rep.by_village_arrow().to_pylist()}
    assert east.num_rows == counts["东村"]
