"""ledger.compare: one ledger under two policies - changed rows, old / new / delta, totals, why."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest

import povertypolicy as pp
from povertypolicy import Change, Money, ledger

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
SCENARIO = "县里测算：每人4000元"


@pytest.fixture
def base() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


@pytest.fixture
def variant(base: pp.Policy) -> pp.Policy:
    return base.derive(
        {
            "housing.subsidy_per_person": Change("4000", scenario=SCENARIO),
            "housing.subsidy_county_per_person": Change("600", scenario=SCENARIO),
        }
    )


def tables() -> dict[str, pa.Table]:
    persons = pa.table(
        {
            "人员编号": ["A1", "A2", "B1", "C1"],
            "户编号": ["A", "A", "B", "C"],
            # B1 is born after the cut-off: household B has nobody eligible and gets nothing
            "出生日期": ["1970-01-01", "1980-01-01", "2011-02-01", "1960-03-03"],
            "户籍性质": ["农业"] * 4,
            "当地常住户口": ["是"] * 4,
            "仍在当地居住生产": [True] * 4,
        }
    )
    households = pa.table(
        {"户编号": ["A", "B", "C"], "申请日期": pa.array([dt.date(2011, 3, 1)] * 3, pa.date32())}
    )
    return {"persons": persons, "households": households}


def test_changed_rows_have_old_new_and_exact_deltas(base: pp.Policy, variant: pp.Policy) -> None:
    c = ledger.compare("housing.subsidy", base, variant, **tables())
    rows = {r["household_id"]: r for r in c.arrow.to_pylist()}
    assert sorted(rows) == ["A", "C"]  # B gets 0 under both
    a = rows["A"]
    assert a["change"] == "changed"
    assert (a["old_gross_fen"], a["new_gross_fen"], a["delta_gross_fen"]) == (
        700000,
        800000,
        100000,
    )
    assert a["delta_county_fen"] == 100000
    assert "old_withheld_fen" not in a  # the same in every row: not shown
    assert c.totals["gross_fen"] == (1050000, 1200000)
    assert c.deltas()["gross_fen"] == 150000
    assert c.deltas()["withheld_fen"] == 0
    assert len(c) == 2
    # both runs stay available, with their own explanations
    assert c.base.result("A").value.gross == Money("7000")
    assert c.variant.result("A").value.gross == Money("8000")


def test_the_parameters_that_differ_are_listed(base: pp.Policy, variant: pp.Policy) -> None:
    c = ledger.compare("housing.subsidy", base, variant, **tables())
    assert [p.name for p in c.parameters] == [
        "housing.subsidy_county_per_person",
        "housing.subsidy_per_person",
    ]
    new = c.parameters[1].new
    assert new is not None
    assert new.citation.scenario == SCENARIO


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hans", ["其中2行有变化", "补助总额（元）合计：10500元 → 12000元（增加1500元）"]),
        ("zh_Hant", ["其中2行有變化", "情境假設（非政策規定）"]),
        ("en", ["3 result rows, 2 changed", "(up CN¥1,500.00)", "Scenario (not policy)"]),
    ],
)
def test_comparison_text(
    base: pp.Policy, variant: pp.Policy, locale: str, expected: list[str]
) -> None:
    text = ledger.compare("housing.subsidy", base, variant, **tables()).text(locale)
    for part in expected:
        assert part in text


def test_pandas_in_pandas_out_and_rows_in_one_run_only(base: pp.Policy) -> None:
    # A variant under which B's member is eligible too: B's amounts change from 0.
    later = base.derive(
        {"housing.birth_cutoff": Change(dt.date(2012, 1, 1), scenario="假设截止日推后一年")}
    )
    t = {k: v.to_pandas() for k, v in tables().items()}
    c = ledger.compare("housing.subsidy", base, later, **t)
    assert isinstance(c.table, pd.DataFrame)
    assert list(c.table["household_id"]) == ["B"]
    assert int(c.table["delta_gross_fen"].iloc[0]) == 350000
    assert [p.name for p in c.parameters] == ["housing.birth_cutoff"]


def test_same_policy_changes_nothing(base: pp.Policy) -> None:
    c = ledger.compare("housing.subsidy", base, base, **tables())
    assert len(c) == 0
    assert c.parameters == ()
    assert all(d == 0 for d in c.deltas().values())
    assert "其中0行有变化" in c.text("zh_Hans")
