"""follow_up.checks over a ledger: equal to the single-household rule row by row, bad rows kept
in the errors table, rows in = rows used + held + errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.rules import follow_up as fu

PACK = "county-relocation-follow-up-2020"
ON = dt.date(2021, 6, 1)
L = pp.LabourCapacity


def tables() -> tuple[pa.Table, pa.Table]:
    households = pa.table(
        {
            "户编号": ["H1", "H2", "H3"],
            "落户日期": ["2020-03-15", "2020年5月1日", None],
            "实际入住日期": ["2020-03-01", "2020-04-01", "2020-04-01"],
            "建档立卡贫困户": ["是", "是", "否"],
            "产业支撑": ["否", "是", None],
            "生活困难": ["是", "否", "是"],
            "家庭财产符合低保规定": ["是", "是", "是"],
            "低保救助日期": ["2020-04-10", None, None],
            "危房": ["是", "否", "否"],
            "非砖混旧房": ["否", "否", None],
            "灾害隐患点": ["否", "否", "否"],
            "旧房拆除日期": ["2020-04-20", None, "2020-09-30"],
        }
    )
    persons = pa.table(
        {
            "人员编号": ["P1", "P2", "P3", "P4", "P5"],
            "户编号": ["H1", "H1", "H2", "H3", "H3"],
            "劳动能力": [
                "有劳动能力",
                "完全丧失劳动能力",
                "full",
                "有劳动能力",
                "部分丧失劳动能力",
            ],
            "就业意愿": ["是", None, "是", "是", "否"],
            "稳定就业": ["否", "否", "是", "否", "否"],
            "培训意愿": ["是", "否", "是", "是", "否"],
            "培训日期": ["2020-06-01；2020-09-01", None, "无", "2020/5/1", None],
        }
    )
    return households, persons


def test_every_row_is_the_single_household_rule() -> None:
    hh, ps = tables()
    r = ledger.run("follow_up.checks", PACK, on=ON, households=hh, persons=ps)
    assert r.summary.balanced
    assert len(r) == 3
    policy = pp.Policy.load(PACK, on=ON)
    h1 = pp.RelocatedHousehold(
        id="H1",
        settled_on=dt.date(2020, 3, 15),
        moved_in_on=dt.date(2020, 3, 1),
        registered_poor=True,
        industry_support=False,
        hardship=True,
        property_within_limits=True,
        dibao_granted_on=dt.date(2020, 4, 10),
        old_house=pp.OldHouse(
            unsafe=True,
            non_brick_concrete=False,
            in_hazard_zone=False,
            demolished_on=dt.date(2020, 4, 20),
        ),
        members=[
            pp.RelocatedMember(
                id="P1",
                labour_capacity=L.FULL,
                wants_work=True,
                stably_employed=False,
                wants_training=True,
                trainings=[dt.date(2020, 6, 1), dt.date(2020, 9, 1)],
            ),
            pp.RelocatedMember(
                id="P2",
                labour_capacity=L.NONE,
                stably_employed=False,
                wants_training=False,
                trainings=None,
            ),
        ],
    )
    single = fu.follow_up_checks(h1, policy, as_of=ON)
    row = r.arrow.to_pylist()[0]
    assert row["household_id"] == "H1"
    assert row["reason"] == f"follow_up_{single.value.outcome.value}"
    assert row["training_state"] == single.value.training.state.value  # type: ignore[union-attr]
    assert row["training_deadline"] == dt.date(2021, 3, 15)
    assert row["dibao_until"] == dt.date(2020, 10, 10)
    assert row["demolition_deadline"] == dt.date(2020, 4, 30)
    assert row["demolition_state"] == "on_time"
    assert r.explain("H1", locale="en") == single.explain("en")
    states = {row["household_id"]: row for row in r.arrow.to_pylist()}
    assert states["H3"]["training_state"] == "not_recorded"  # no settling date: never a default
    assert states["H3"]["dibao_state"] == "not_eligible"
    assert states["H2"]["employment_state"] == "met"


def test_as_of_defaults_to_the_policy_date_and_can_be_given() -> None:
    hh, ps = tables()
    early = ledger.run(
        "follow_up.checks", PACK, on=ON, as_of=dt.date(2020, 6, 1), households=hh, persons=ps
    )
    late = ledger.run("follow_up.checks", PACK, on=ON, households=hh, persons=ps)
    e = {r["household_id"]: r for r in early.arrow.to_pylist()}
    lt = {r["household_id"]: r for r in late.arrow.to_pylist()}
    assert e["H2"]["demolition_state"] == "pending"
    assert lt["H2"]["demolition_state"] == "overdue"


def test_bad_rows_go_to_the_errors_table_and_hold_their_household() -> None:
    hh, ps = tables()
    ps = ps.set_column(6, "培训日期", pa.array(["2020-13-01", None, "无", "2020/5/1", None]))
    ps = ps.set_column(1, "户编号", pa.array(["H1", "H1", "H2", "H9", "H3"]))
    r = ledger.run("follow_up.checks", PACK, on=ON, households=hh, persons=ps)
    assert r.summary.balanced
    errors = r.errors_arrow("en").to_pylist()
    codes = {(e["table"], e["id"], e["code"]) for e in errors}
    assert ("persons", "P1", "ledger.error.date") in codes
    assert ("persons", "P4", "ledger.error.unknown_parent") in codes
    assert ("households", "H1", "ledger.error.member_row") in codes
    assert [row["household_id"] for row in r.arrow.to_pylist()] == ["H2", "H3"]
    counts = {t.table: t for t in r.summary.tables}
    assert counts["persons"].errors == 2
    assert counts["persons"].held == 1  # P2: its household is held back
    assert counts["households"].held == 1


def test_a_household_without_members_is_an_error_not_a_zero() -> None:
    hh, ps = tables()
    ps = ps.filter(pa.array([True, True, True, False, False]))
    r = ledger.run("follow_up.checks", PACK, on=ON, households=hh, persons=ps)
    assert r.summary.balanced
    assert ("H3", "ledger.error.no_members") in {
        (e["id"], e["code"]) for e in r.errors_arrow().to_pylist()
    }


def test_a_missing_key_column_is_one_error() -> None:
    hh, ps = tables()
    with pytest.raises(ledger.MissingColumnError):
        ledger.run("follow_up.checks", PACK, on=ON, households=hh.drop(["户编号"]), persons=ps)


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_dataframes_in_and_out(kind: str) -> None:
    hh, ps = tables()
    conv: Any = (lambda t: t.to_pandas()) if kind == "pandas" else pl.from_arrow
    r = ledger.run("follow_up.checks", PACK, on=ON, households=conv(hh), persons=conv(ps))
    out = r.table
    assert isinstance(out, pd.DataFrame if kind == "pandas" else pl.DataFrame)
    assert len(out) == 3


def test_shaanxi_pack_pays_the_homestead_award_in_fen() -> None:
    hh, ps = tables()
    r = ledger.run(
        "follow_up.checks",
        "sn-city-relocation-plan-2019",
        on=dt.date(2020, 12, 1),
        households=hh,
        persons=ps,
    )
    awards = {row["household_id"]: row["homestead_award_fen"] for row in r.arrow.to_pylist()}
    assert awards == {"H1": 2_000_000, "H2": 0, "H3": 2_000_000}
    assert r.summary.totals["homestead_award_fen"] == 4_000_000
    assert r.arrow.schema.field("homestead_award_fen").type == pa.int64()


# -- property: generated households through the ledger equal the single rule ---------------------

_bool = st.sampled_from([True, False, None])
_day = st.one_of(st.none(), st.dates(dt.date(2019, 6, 1), dt.date(2021, 5, 31)))


@st.composite
def _households(draw: st.DrawFn) -> list[pp.RelocatedHousehold]:
    out = []
    for h in range(draw(st.integers(1, 4))):
        members = []
        for m in range(draw(st.integers(1, 3))):
            trainings = draw(
                st.one_of(st.none(), st.lists(st.dates(dt.date(2019, 1, 1), ON), max_size=2))
            )
            members.append(
                pp.RelocatedMember(
                    id=f"H{h}P{m}",
                    labour_capacity=draw(st.sampled_from([*L, None])),
                    wants_work=draw(_bool),
                    stably_employed=draw(_bool),
                    wants_training=draw(_bool),
                    trainings=None if trainings is None else tuple(sorted(set(trainings))),
                )
            )
        out.append(
            pp.RelocatedHousehold(
                id=f"H{h}",
                members=members,
                settled_on=draw(_day),
                moved_in_on=draw(_day),
                registered_poor=draw(_bool),
                industry_support=draw(_bool),
                hardship=draw(_bool),
                property_within_limits=draw(_bool),
                dibao_granted_on=draw(_day),
                old_house=pp.OldHouse(
                    in_hazard_zone=draw(_bool),
                    unsafe=draw(_bool),
                    non_brick_concrete=draw(_bool),
                    demolished_on=draw(_day),
                ),
            )
        )
    return out


def _to_tables(households: list[pp.RelocatedHousehold]) -> tuple[pa.Table, pa.Table]:
    h_rows = [
        {
            "household_id": h.id,
            "settled_on": h.settled_on,
            "moved_in_on": h.moved_in_on,
            "registered_poor": h.registered_poor,
            "industry_support": h.industry_support,
            "hardship": h.hardship,
            "property_within_limits": h.property_within_limits,
            "dibao_granted_on": h.dibao_granted_on,
            "in_hazard_zone": h.old_house.in_hazard_zone if h.old_house else None,
            "unsafe_house": h.old_house.unsafe if h.old_house else None,
            "non_brick_concrete": h.old_house.non_brick_concrete if h.old_house else None,
            "demolished_on": h.old_house.demolished_on if h.old_house else None,
        }
        for h in households
    ]
    p_rows = [
        {
            "person_id": m.id,
            "household_id": h.id,
            "labour_capacity": None if m.labour_capacity is None else m.labour_capacity.value,
            "wants_work": m.wants_work,
            "stably_employed": m.stably_employed,
            "wants_training": m.wants_training,
            "training_dates": None
            if m.trainings is None
            else ("无" if not m.trainings else "、".join(d.isoformat() for d in m.trainings)),
        }
        for h in households
        for m in h.members
    ]
    return pa.Table.from_pylist(h_rows), pa.Table.from_pylist(p_rows)


@pytest.mark.parametrize("pack", [PACK, "sn-city-relocation-plan-2019"])
@given(households=_households())
def test_property_ledger_equals_single_household_rule(
    pack: str, households: list[pp.RelocatedHousehold]
) -> None:
    hh, ps = _to_tables(households)
    r = ledger.run("follow_up.checks", pack, on=ON, today=ON, households=hh, persons=ps)
    assert r.summary.balanced
    policy = pp.Policy.load(pack, on=ON)
    rows = {row["household_id"]: row for row in r.arrow.to_pylist()}
    for h in households:
        single = fu.follow_up_checks(h, policy, as_of=ON).value
        row = rows[h.id]
        assert row["reason"] == f"follow_up_{single.outcome.value}"
        if single.training is not None:
            assert row["training_state"] == single.training.state.value
            assert row["training_deadline"] == single.training.deadline
        if single.employment is not None:
            assert row["employment_state"] == single.employment.state.value
        if single.dibao is not None:
            assert (row["dibao_state"], row["dibao_until"]) == (
                single.dibao.state.value,
                single.dibao.until,
            )
        assert row["demolition_state"] == single.demolition.state.value  # type: ignore[union-attr]
        assert row["demolition_deadline"] == single.demolition.deadline  # type: ignore[union-attr]
        if single.award is not None:
            assert row["homestead_award_fen"] == single.award.payable_now.fen
