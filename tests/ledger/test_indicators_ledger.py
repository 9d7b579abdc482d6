"""Checklists over a ledger of units: one row per indicator per unit, equal to the single-unit
rule, not reported kept apart from zero, bad rows in the errors table."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.rules import indicators as ki

PACK = "city-four-haves-demonstration-towns-2022"
ON = dt.date(2022, 12, 1)


def units() -> pa.Table:
    return pa.table(
        {
            "单位编号": ["T1", "V1", "V2"],
            "层级": ["乡镇", "村", "村"],
            "上级单位编号": [None, "T1", "T1"],
            "富余劳动力人数": [2000, None, None],
            "转移就业人数": [1899, None, None],
            "零转移家庭数": [0, None, None],
            "专职协管员人数": [None, 1, 0],
            "平台机构到位": ["是", None, None],
        }
    )


def test_one_row_per_indicator_per_unit_with_value_threshold_gap() -> None:
    r = ledger.run("indicators.four_haves", PACK, on=ON, units=units())
    assert r.summary.balanced
    town = len(ki.FOUR_HAVES.for_level(pp.UnitLevel.TOWN))
    assert len(r) == town + 2
    rows = {row["id"]: row for row in r.arrow.to_pylist()}
    transfer = rows["T1/transfer_employment"]
    assert transfer["reason"] == "indicator_not_met"
    assert transfer["indicator_value"] == Decimal("94.9500")
    assert transfer["indicator_threshold"] == Decimal("95.0000")
    assert transfer["indicator_gap"] == Decimal("0.0500")
    assert transfer["indicator_short_by"] == 1
    assert rows["T1/zero_transfer_families"]["reason"] == "indicator_met"
    assert rows["V1/coordinators"]["reason"] == "indicator_met"
    assert rows["V2/coordinators"]["reason"] == "indicator_not_met"
    assert rows["V2/coordinators"]["town_id"] == "T1"


def test_not_reported_is_null_never_zero() -> None:
    r = ledger.run("indicators.four_haves", PACK, on=ON, units=units())
    rows = {row["id"]: row for row in r.arrow.to_pylist()}
    pension = rows["T1/pension_enrolment"]
    assert pension["reason"] == "indicator_not_reported"
    assert pension["indicator_value"] is None
    assert pension["indicator_missing"] == "pension_insured, pension_eligible"
    assert r.summary.reasons["indicator_not_reported"] >= 1


def test_the_explanation_is_the_single_units() -> None:
    r = ledger.run("indicators.four_haves", PACK, on=ON, units=units())
    unit = pp.ReportingUnit(
        id="T1",
        level=pp.UnitLevel.TOWN,
        figures={
            "surplus_labour": 2000,
            "transferred_labour": 1899,
            "zero_transfer_families": 0,
            "platform_organisation": True,
        },
    )
    single = ki.evaluate(unit, "four_haves", pp.Policy.load(PACK, on=ON))
    assert r.explain("T1/transfer_employment", locale="zh_Hant") == single.explain("zh_Hant")


def test_without_a_level_column_every_row_is_the_checklists_first_level() -> None:
    table = units().drop(["层级"]).slice(0, 1)
    r = ledger.run("indicators.four_haves", PACK, on=ON, units=table)
    assert {row["unit_level"] for row in r.arrow.to_pylist()} == {"town"}


def test_bad_rows_are_errors_and_the_run_balances() -> None:
    table = pa.table(
        {
            "unit_id": ["T1", "T2", "T3", "T3", "T4"],
            "level": ["town", "town", "乡镇", "town", "安置点"],
            "surplus_labour": [10, 10, 10, 10, 10],
            "transferred_labour": ["11", "x", "5", "5", "5"],
        }
    )
    r = ledger.run("indicators.four_haves", PACK, on=ON, units=table)
    assert r.summary.balanced
    codes = {(e["id"], e["code"]) for e in r.errors_arrow().to_pylist()}
    assert ("T1", "ledger.error.rule") in codes  # more transferred than surplus labour
    assert ("T2", "ledger.error.count") in codes
    assert ("T3", "ledger.error.duplicate") in codes
    assert ("T4", "ledger.error.rule") in codes  # a site is not scored on the four haves
    assert len(r) == 0


@pytest.mark.parametrize(
    ("rule", "pack", "on", "level"),
    [
        ("indicators.health_check", "county-health-poverty-check", dt.date(2020, 1, 1), "town"),
        (
            "indicators.seven_haves",
            "sc-bazhong-contiguous-area-plan-2011",
            dt.date(2011, 6, 1),
            "household",
        ),
        (
            "indicators.self_inspection",
            "town-poverty-project-self-inspection",
            dt.date(2020, 1, 1),
            "project",
        ),
        ("follow_up.three_rates", "sn-city-relocation-plan-2019", dt.date(2019, 11, 1), "site"),
    ],
)
def test_every_checklist_has_its_ledger_form(rule: str, pack: str, on: dt.date, level: str) -> None:
    r = ledger.run(rule, pack, on=on, units=pa.table({"unit_id": ["U1"], "level": [level]}))
    assert r.summary.balanced
    assert len(r) > 0
    assert {row["reason"] for row in r.arrow.to_pylist()} <= {
        "indicator_not_reported",
        "indicator_not_applicable",
    }


def test_xlsx_has_labelled_columns() -> None:
    from openpyxl import load_workbook

    from povertypolicy.ledger.excel import column_label

    r = ledger.run("indicators.four_haves", PACK, on=ON, units=units())
    path = Path(tempfile.mkdtemp()) / "scores.xlsx"
    r.to_xlsx(str(path), locale="zh_Hans")
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    assert column_label("indicator_gap", "zh_Hans") in header
    assert "差距" in header


_count = st.one_of(st.none(), st.integers(0, 50))


@given(
    rows=st.lists(
        st.tuples(_count, _count, _count, st.sampled_from([True, False, None])), max_size=8
    )
)
def test_property_ledger_equals_single_unit_rule(rows: list[tuple[Any, ...]]) -> None:
    units_: list[pp.ReportingUnit] = []
    for i, (a, b, z, flag) in enumerate(rows):
        surplus, transferred = (None, None) if a is None or b is None else (max(a, b), min(a, b))
        figures = {
            "surplus_labour": surplus,
            "transferred_labour": transferred,
            "zero_transfer_families": z,
            "platform_staff": flag,
        }
        units_.append(pp.ReportingUnit(id=f"T{i}", level=pp.UnitLevel.TOWN, figures=figures))
    table = pa.Table.from_pylist(
        [
            {
                "unit_id": u.id,
                **{
                    k: u.figures.get(k)
                    for k in (
                        "surplus_labour",
                        "transferred_labour",
                        "zero_transfer_families",
                        "platform_staff",
                    )
                },
            }
            for u in units_
        ],
        schema=pa.schema(
            [
                ("unit_id", pa.string()),
                ("surplus_labour", pa.int64()),
                ("transferred_labour", pa.int64()),
                ("zero_transfer_families", pa.int64()),
                ("platform_staff", pa.bool_()),
            ]
        ),
    )
    r = ledger.run("indicators.four_haves", PACK, on=ON, units=table)
    assert r.summary.balanced
    got = {row["id"]: row for row in r.arrow.to_pylist()}
    policy = pp.Policy.load(PACK, on=ON)
    for u in units_:
        for s in ki.evaluate(u, "four_haves", policy).value.scores:
            row = got[f"{u.id}/{s.indicator.value}"]
            assert row["reason"] == f"indicator_{s.status.value}"
            assert row["indicator_short_by"] == s.short_by
            assert (row["indicator_value"] is None) == (s.value is None)
