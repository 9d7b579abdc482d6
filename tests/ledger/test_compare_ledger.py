"""ledger.compare: one ledger under two policies - changed rows, old / new / delta, totals, why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
        ("zh_Hans", ["其中2行有变化", "  补助总额：10500元 → 12000元（增加1500元）"]),
        ("zh_Hant", ["其中2行有變化", "情境假設（非政策規定）", "  補助總額：10,500元"]),
        (
            "en",
            ["3 result rows, 2 changed", "  Gross subsidy: CN¥10,500.00", "Scenario (not policy)"],
        ),
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


def _land_pack(tmp_path: Path) -> pp.Policy:
    pack = tmp_path / "province.toml"
    doc = '{ document = "示例省征地补偿标准", section = "附表" }'
    entries = {
        "land.annual_output_value": ("yuan_per_mu", '"1000"'),
        "land.land_compensation_multiple": ("times", '"10"'),
        "land.resettlement_multiple": ("times", '"6"'),
        "land.household_share_of_land_compensation": ("percent", '"80"'),
        "land.resettlement_subsidy_payee": ("choice", '"households"'),
    }
    lines = [
        'id = "province-compare"',
        'title = "示例省"',
        'issuer = "示例省人民政府"',
        'parent = "cn"',
        f"source = {doc}",
    ]
    for name, (unit, value) in entries.items():
        lines += [
            f'[parameters."{name}"]',
            f'unit = "{unit}"',
            f"citation = {doc}",
            f"values = [{{ from = 2010-01-01, value = {value} }}]",
        ]
    pack.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pp.Policy.load(pack, on=dt.date(2019, 3, 1))


def _land_tables() -> dict[str, pa.Table]:
    return {
        "cases": pa.table(
            {
                "征地批次编号": ["C1"],
                "村集体经济组织": ["V1"],
                "征收批准日期": ["2019-03-01"],
                "征地前人均耕地（亩）": ["0.3"],
            }
        ),
        "parcels": pa.table(
            {
                "地块编号": ["p1", "p2"],
                "征地批次编号": ["C1", "C1"],
                "面积（亩）": ["2", "1"],
                "地类": ["耕地", "耕地"],
                "承包户编号": ["H1", "H2"],
            }
        ),
        "households": pa.table({"户编号": ["H1", "H2"], "征地批次编号": ["C1", "C1"]}),
        "persons": pa.table(
            {"人员编号": ["a", "b"], "户编号": ["H1", "H2"], "出生日期": ["1970-01-01"] * 2}
        ),
        "attachments": pa.table(
            {
                "附着物编号": pa.array([], pa.string()),
                "征地批次编号": pa.array([], pa.string()),
                "补偿物类别": pa.array([], pa.string()),
                "所有权人": pa.array([], pa.string()),
                "补偿金额": pa.array([], pa.string()),
            }
        ),
    }


def test_land_split_with_an_approved_increase_per_payee(tmp_path: Path) -> None:
    base = _land_pack(tmp_path)
    approval = pp.Citation(document="示例省人民政府批复", section="二")
    raised = base.derive(
        {"land.approved_resettlement_increase": Change("8", citation=approval)}, name="approved"
    )
    c = ledger.compare("land.split", base, raised, **_land_tables())
    # 3 mu: 45,000 (15× cap) + 24,000 approved = 69,000 → cut to 60,000 by the 30× cap
    assert c.deltas()["resettlement_subsidy_fen"] == 1_500_000
    assert c.deltas()["land_compensation_fen"] == 0
    rows = {r["id"]: r for r in c.arrow.to_pylist()}
    assert rows["C1/H1"]["delta_amount_fen"] == 1_000_000  # by contracted area: 2 of 3 mu
    assert rows["C1/H2"]["delta_amount_fen"] == 500_000
    assert [p.name for p in c.parameters] == ["land.approved_resettlement_increase"]
    assert "示例省人民政府批复 二" in c.text("zh_Hans")
    assert "实际增加15000元" in c.variant.explain("C1/H1")


def test_payees_only_one_policy_pays_are_base_only_or_variant_only(tmp_path: Path) -> None:
    """Under the variant the collective keeps everything: the households' payee rows exist in
    the base run only, and in the reverse comparison in the variant run only."""
    base = _land_pack(tmp_path)
    kept = base.derive(
        {
            "land.household_share_of_land_compensation": Change("0", scenario="集体全留"),
            "land.resettlement_subsidy_payee": Change("collective", scenario="集体全留"),
        },
        name="collective-keeps",
    )
    c = ledger.compare("land.split", base, kept, **_land_tables())
    rows = {r["id"]: r for r in c.arrow.to_pylist()}
    assert {k: r["change"] for k, r in rows.items()} == {
        "C1/V1": "changed",
        "C1/H1": "base_only",
        "C1/H2": "base_only",
    }
    h1 = rows["C1/H1"]
    assert h1["old_amount_fen"] > 0
    assert h1["new_amount_fen"] is None  # no row under the variant: no value, not 0
    assert h1["delta_amount_fen"] is None
    # the money only moves: the totals over all payees stay equal
    assert c.deltas()["amount_fen"] == 0
    assert (
        rows["C1/V1"]["delta_amount_fen"] == h1["old_amount_fen"] + rows["C1/H2"]["old_amount_fen"]
    )
    assert "rows in one result only: 2 under the base, 0 under the variant" in c.text("en")
    assert "仅原政策2行，仅新政策0行" in c.text("zh_Hans")

    back = ledger.compare("land.split", kept, base, **_land_tables())
    changes = {r["id"]: r["change"] for r in back.arrow.to_pylist()}
    assert changes == {"C1/V1": "changed", "C1/H1": "variant_only", "C1/H2": "variant_only"}
