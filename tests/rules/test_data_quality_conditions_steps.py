"""DATA-2 / DATA-4 conditions step by step: every operator on both sides and on an unknown,
operands from a literal, another field or a parameter of the record's year, the finding steps
(rule, key, inputs, params, notes, citation) compared whole, custom messages, not checked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.data_quality import PovertyStatus, Severity, Verdict, verdict
from povertypolicy.rules.data_quality.checks import Check, CheckList, Clause, Op, load_checks
from povertypolicy.rules.data_quality.conditions import (
    ABSENT,
    UNREADABLE,
    RecordCheck,
    check_record,
    clause_operand,
    message_args,
)

from .test_data_quality_checks import POLICY, household

CITE = Citation(document="county", section="一")
LIST = load_checks()


def check(*when: Clause, code: str = "c.x", field: str = "household_size", **kw: Any) -> Check:
    return Check(code=code, rule="DATA-2", severity=Severity.ERROR, table="households",
                 field=field, citation=CITE, when=when, **kw)  # fmt: skip


def listing(*checks: Check) -> CheckList:
    return CheckList(id="mine", title="t", source=CITE, path="mine.toml", checks=checks)


@pytest.mark.parametrize(
    ("op", "value", "fires_at"),
    [
        (Op.EQ, 2, {2}),
        (Op.NE, 2, {1, 3}),
        (Op.LT, 2, {1}),
        (Op.LE, 2, {1, 2}),
        (Op.GT, 2, {3}),
        (Op.GE, 2, {2, 3}),
        (Op.IN, (1, 3), {1, 3}),
    ],
)
def test_each_operator_on_both_sides(op: Op, value: Any, fires_at: set[int]) -> None:
    c = check(Clause(field="household_size", op=op, value=value))
    for size in (1, 2, 3):
        expected = Verdict.FIRES if size in fires_at else Verdict.PASSES
        assert verdict(c, household(household_size=size), POLICY) is expected, size
    assert verdict(c, household(household_size=None), POLICY) is Verdict.UNKNOWN
    assert verdict(c, household(household_size=UNREADABLE), POLICY) is Verdict.UNKNOWN
    rec = household()
    del rec["household_size"]
    assert verdict(c, rec, POLICY) is Verdict.UNKNOWN


def test_missing_and_recorded() -> None:
    missing = check(Clause(field="household_size", op=Op.MISSING))
    recorded = check(Clause(field="household_size", op=Op.RECORDED))
    assert verdict(missing, household(household_size=None), POLICY) is Verdict.FIRES
    assert verdict(missing, household(household_size=0), POLICY) is Verdict.PASSES
    assert verdict(recorded, household(household_size=0), POLICY) is Verdict.FIRES
    assert verdict(recorded, household(household_size=None), POLICY) is Verdict.PASSES
    assert verdict(missing, household(household_size=UNREADABLE), POLICY) is Verdict.UNKNOWN


def test_a_false_clause_decides_even_with_an_unknown_one() -> None:
    c = check(
        Clause(field="household_size", op=Op.GT, value=5),
        Clause(field="member_rows", op=Op.EQ, value=0),
    )
    assert verdict(c, household(household_size=None, member_rows=1), POLICY) is Verdict.PASSES
    assert verdict(c, household(household_size=None, member_rows=0), POLICY) is Verdict.UNKNOWN
    assert verdict(c, household(household_size=6, member_rows=0), POLICY) is Verdict.FIRES


def test_operands() -> None:
    than = Clause(field="household_size", op=Op.NE, than="member_rows")
    assert clause_operand(than, household(member_rows=3), POLICY) == 3
    assert clause_operand(than, household(member_rows=UNREADABLE), POLICY) is None
    rec = household()
    del rec["member_rows"]
    assert clause_operand(than, rec, POLICY) is None
    literal = Clause(field="household_size", op=Op.EQ, value=7)
    assert clause_operand(literal, household(), POLICY) == 7
    line = Clause(field="per_capita_net_income", op=Op.LT, param="poverty.line",
                  year="income_year")  # fmt: skip
    by_year = clause_operand(line, household(income_year=2018), POLICY)
    assert by_year == POLICY.at(dt.date(2018, 12, 31)).param("poverty.line").money
    assert clause_operand(line, household(income_year=None), POLICY) is None
    assert clause_operand(line, household(income_year=UNREADABLE), POLICY) is None
    rec = household()
    del rec["income_year"]
    assert clause_operand(line, rec, POLICY) is None
    assert clause_operand(line, household(income_year=1900), POLICY) is None  # no line then
    now = Clause(field="per_capita_net_income", op=Op.LT, param="poverty.line")
    assert clause_operand(now, household(), POLICY) == POLICY.param("poverty.line").money
    many = Clause(field="household_size", op=Op.GT, param="data_quality.many_households")
    assert (
        clause_operand(many, household(), POLICY)
        == POLICY.param("data_quality.many_households").integer
    )
    assert ABSENT is not UNREADABLE


def test_message_args() -> None:
    c = LIST.get("household.out_of_poverty_below_line")
    rec = household(per_capita_net_income=Money("100"), income_year=2018)
    line = POLICY.at(dt.date(2018, 12, 31)).param("poverty.line").money
    assert message_args(c, rec, POLICY) == {"value": Money("100"), "limit": line, "year": "2018"}
    rec = household(per_capita_net_income=UNREADABLE, income_year=UNREADABLE)
    assert message_args(c, rec, POLICY) == {"value": None, "limit": None, "year": None}
    missing = check(Clause(field="household_size", op=Op.MISSING))
    assert message_args(missing, household(household_size=None), POLICY) == {
        "value": None, "limit": None, "year": None,
    }  # fmt: skip
    two = check(
        Clause(field="household_size", op=Op.RECORDED),
        Clause(field="household_size", op=Op.GT, value=5),
        Clause(field="household_size", op=Op.GT, value=9),
    )
    assert message_args(two, household(household_size=7), POLICY)["limit"] == 5


def test_DATA_2_finding_step_with_a_noted_check() -> None:
    rec = household(per_capita_net_income=Money("100"), income_year=2018)
    r = check_record("households", rec, POLICY)
    c = LIST.get("household.out_of_poverty_below_line")
    at = POLICY.at(dt.date(2018, 12, 31))
    assert r.value == RecordCheck(table="households", fired=(c.code,), unknown=())
    assert r.steps == (
        Step(
            rule="DATA-2",
            key=f"data_quality.finding.{c.code}",
            inputs={"value": Money("100"), "limit": at.param("poverty.line").money,
                    "year": "2018"},
            params=(at.param("poverty.line"),),
            notes=(Note(kind=NoteKind.CONVENTION, key=f"data_quality.note.{c.code}"),),
            citation=c.citation,
        ),
    )  # fmt: skip


def test_own_checks_notes_messages_and_not_checked() -> None:
    noted = check(Clause(field="household_size", op=Op.GT, value=5), code="c.big",
                  note="county reading")  # fmt: skip
    plain = check(Clause(field="household_size", op=Op.GT, value=4), code="c.plain")
    custom = check(
        Clause(field="household_size", op=Op.GT, value=3), code="c.custom",
        message={"zh_Hans": "人口{value}超过{limit}{year}", "en": "size {value}"},
        note="n",
    )  # fmt: skip
    unknown = check(
        Clause(field="village", op=Op.EQ, value="西村"),
        Clause(field="income_year", op=Op.EQ, value=2018),
        code="c.unknown",
    )
    off = check(Clause(field="household_size", op=Op.GT, value=0), code="c.off", enabled=False)
    other = Check(
        code="p.x",
        rule="DATA-4",
        severity=Severity.ERROR,
        table="persons",
        field="name",
        citation=CITE,
        when=(Clause(field="name", op=Op.MISSING),),
    )
    mine = listing(noted, plain, custom, unknown, off, other)  # fmt: skip
    r = check_record("households", household(household_size=6, village=None), POLICY, mine)
    args = {"value": 6, "limit": None, "year": None}
    assert r.value == RecordCheck(
        table="households", fired=("c.big", "c.plain", "c.custom"), unknown=("c.unknown",)
    )
    assert r.steps == (
        Step(rule="DATA-2", key="data_quality.finding.c.big", inputs={**args, "limit": 5},
             notes=(Note(kind=NoteKind.CONVENTION, key="data_quality.note.check",
                         args={"text": "county reading"}),),
             citation=CITE),
        Step(rule="DATA-2", key="data_quality.finding.c.plain", inputs={**args, "limit": 4},
             citation=CITE),
        Step(rule="DATA-2", key="data_quality.step.custom",
             inputs={"code": "c.custom", "text": "人口6超过3"},
             notes=(Note(kind=NoteKind.CONVENTION, key="data_quality.note.check",
                         args={"text": "n"}),),
             citation=CITE),
        Step(rule="DATA-2", key="data_quality.step.not_checked",
             inputs={"codes": "c.unknown"}),
    )  # fmt: skip
    clean = check_record("households", household(household_size=1, village=None), POLICY, mine)
    assert clean.steps == (
        Step(rule="DATA-2", key="data_quality.step.clean"),
        Step(rule="DATA-2", key="data_quality.step.not_checked", inputs={"codes": "c.unknown"}),
    )
    persons = check_record("persons", {"name": None}, POLICY, mine)
    assert persons.value.fired == ("p.x",)
    assert persons.steps[0].rule == "DATA-4"
    ok = check_record("persons", {"name": "张三"}, POLICY, mine)
    assert ok.steps == (Step(rule="DATA-4", key="data_quality.step.clean"),)
    # a table no check looks at: DATA-2 by default
    assert check_record("pairings", {}, POLICY, mine).steps == (
        Step(rule="DATA-2", key="data_quality.step.clean"),
    )


def test_a_noted_code_with_a_custom_message_shows_its_text() -> None:
    code = "household.no_members"
    c = check(Clause(field="member_rows", op=Op.EQ, value=0), code=code, note="own",
              message={"zh_Hans": "无成员", "en": "none"})  # fmt: skip
    r = check_record("households", household(member_rows=0), POLICY, listing(c))
    assert r.steps[0].notes == (
        Note(kind=NoteKind.CONVENTION, key="data_quality.note.check", args={"text": "own"}),
    )
    no_note = check(Clause(field="member_rows", op=Op.EQ, value=0), code=code)
    r = check_record("households", household(member_rows=0), POLICY, listing(no_note))
    assert r.steps[0].notes == ()


def test_builtin_checks_are_not_run_here() -> None:
    r = check_record("persons", {"id_number": None, "name": "x", "sex": None}, POLICY)
    assert all(not code.startswith("id.") for code in r.value.fired + r.value.unknown)
    assert PovertyStatus.POOR.value == "poor"
    assert pp.Money("0") == Money.zero()
