"""MON-3 and MON-4 warning explanations step by step: the red, yellow and blue levels under
each reading, a cleared risk, the conditions and level_holds, the whole screen in order and
the refusals, per branch the rule ID, message key, inputs, params, notes and citation
(compared whole)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import BasicNeed, InputError, Money, RiskFactor, RuleError
from povertypolicy import WarningLevel as W
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.monitoring import LevelCondition, screen, screening, warning_level
from povertypolicy.rules.monitoring.screening import (
    LevelCheck,
    Status,
    WarningAssessment,
    _threshold,
    conditions,
    level_holds,
)
from tests.error_texts import check_rule_error

from ._monitoring_screening_steps import SEED, T, at_line, conv, p
from ._monitoring_screening_steps import policy as policy  # fixture
from .test_monitoring import BLUE, NONE, PARTIAL, YELLOW, case, quiet, user_pack

C = LevelCondition
LEVELS = Citation(document=SEED, section="篇8 §三(四)")
CLEARED = Citation(
    document=SEED,
    section="篇8 §三(四)",
    quote="對評估已消除風險的,在保持監測的基礎上,標記消除風險,取消預警級別",
)
ASSESSED = dt.date(2021, 5, 1)


# -- MON-3 -------------------------------------------------------------------------------------


def red_notes(scope: str = "all_first_clauses", *extra: Note) -> tuple[Note, ...]:
    return (conv(f"red_hardship_scope.{scope}"), conv("red_income_line"), *extra)


def level_step(
    policy: pp.Policy,
    level: W,
    state: str,
    met: tuple[C, ...],
    failed: tuple[C, ...],
    unknown: tuple[C, ...] = (),
    notes: tuple[Note, ...] | None = None,
) -> Step:
    if level is W.RED:
        params = (p(policy, "red_hardship_scope"), p(policy, "drinking_water_for_red"))
        default = red_notes()
    elif level is W.YELLOW:
        params = (p(policy, "no_labour_reading"), p(policy, "profile_traits"))
        default = (conv("no_labour_reading.distinct"), conv("profile_traits.all"))
    else:
        params = (p(policy, "profile_traits"),)
        default = (conv("profile_traits.all"),)
    return Step(
        rule="MON-3",
        key=f"monitoring.level.{state}",
        inputs={"level": level, "met": met, "failed": failed, "not_recorded": unknown},
        params=params,
        notes=default if notes is None else notes,
        citation=LEVELS,
    )


RED_C = (
    C.ALL_LABOUR_LOST,
    C.SPENDING_OR_INCOME_DROP,
    C.SEVERE_HARDSHIP,
    C.INCOME_BELOW_LINE,
    C.BASIC_NEEDS_UNMET,
)
YELLOW_C = (
    C.NO_LABOUR,
    C.NO_ENTREPRENEURIAL_ABILITY,
    C.INCOME_ONLY_FROM_SUPPORT,
    C.RISK_FACTOR,
    C.LIVING_DIFFICULTY,
)
BLUE_C = (
    C.PARTLY_LOST_LABOUR,
    C.UNSTABLE_INCOME,
    C.WEAK_SELF_DEVELOPMENT,
    C.RELIES_ON_PROJECTS,
    C.RISK_FACTOR,
    C.LIVING_DIFFICULTY,
)


def level_summary(reason: str, level: W | None, held: tuple[W, ...], **kw: Any) -> Step:
    return Step(
        rule=kw.get("rule", "MON-3"),
        key=f"monitoring.level.summary.{reason}",
        inputs={"household": "H1", "level": level, "held": held, "on": ASSESSED},
        citation=kw.get("citation"),
    )


def tail(r: Any, n: int = 4) -> tuple[Step, ...]:
    return tuple(r.steps[-n:])


def test_MON_3_no_level_steps(policy: pp.Policy) -> None:
    r = warning_level(quiet(), policy)
    w = r.value
    assert w == WarningAssessment(
        household_id="H1",
        assessed_on=ASSESSED,
        level=None,
        risk_cleared=False,
        checks=(
            LevelCheck(level=W.RED, holds=False, met=(), failed=RED_C, not_recorded=()),
            LevelCheck(level=W.YELLOW, holds=False, met=(), failed=YELLOW_C, not_recorded=()),
            LevelCheck(level=W.BLUE, holds=False, met=(), failed=BLUE_C, not_recorded=()),
        ),
        conditions=tuple((c, False) for c in C),
    )
    assert (w.held, w.determined, w.reason) == ((), True, "no_level")
    assert tail(r) == (
        level_step(policy, W.RED, "no", (), RED_C),
        level_step(policy, W.YELLOW, "no", (), YELLOW_C),
        level_step(policy, W.BLUE, "no", (), BLUE_C),
        level_summary("no_level", None, ()),
    )
    assert len(r.steps) == len(_threshold(policy).steps) + 5


def test_MON_3_red_steps_with_notes(policy: pp.Policy) -> None:
    water = Note(kind=NoteKind.WARNING, key="monitoring.note.drinking_water_excluded")
    c = quiet(per_capita_disposable_income=Money("5000"), unmet_needs={BasicNeed.DRINKING_WATER})
    r = warning_level(c, policy)
    red_failed = (C.ALL_LABOUR_LOST, C.SPENDING_OR_INCOME_DROP, C.SEVERE_HARDSHIP)
    assert tail(r) == (
        level_step(
            policy, W.RED, "yes", (C.INCOME_BELOW_LINE,), (*red_failed, C.BASIC_NEEDS_UNMET),
            notes=red_notes("all_first_clauses", water),
        ),
        level_step(policy, W.YELLOW, "no", (), YELLOW_C),
        level_step(policy, W.BLUE, "no", (), BLUE_C),
        level_summary("red", W.RED, (W.RED,)),
    )  # fmt: skip
    # income on the line: the boundary note, no water note
    r = warning_level(quiet(per_capita_disposable_income=T), policy)
    assert tail(r)[0] == level_step(
        policy, W.RED, "no", (), RED_C, notes=red_notes("all_first_clauses", at_line())
    )
    # both notes, boundary first
    c = quiet(per_capita_disposable_income=T, unmet_needs={BasicNeed.DRINKING_WATER})
    assert tail(warning_level(c, policy))[0].notes == red_notes(
        "all_first_clauses", at_line(), water
    )
    # other needs: no water note
    c = quiet(unmet_needs={BasicNeed.FOOD})
    assert tail(warning_level(c, policy))[0] == level_step(
        policy, W.RED, "yes", (C.BASIC_NEEDS_UNMET,), RED_C[:4]
    )


def test_MON_3_water_counted_has_no_warning(tmp_path: Path) -> None:
    pol = user_pack(tmp_path, drinking_water_for_red="included")
    c = quiet(unmet_needs={BasicNeed.DRINKING_WATER})
    step = tail(warning_level(c, pol))[0]
    assert step.notes == red_notes()
    assert step.inputs["met"] == (C.BASIC_NEEDS_UNMET,)
    assert step.key == "monitoring.level.yes"


def test_MON_3_yellow_and_blue_steps(policy: pp.Policy) -> None:
    c = quiet(PARTIAL, NONE, **YELLOW)
    r = warning_level(c, policy)
    assert tail(r) == (
        level_step(policy, W.RED, "no", (), RED_C),
        level_step(policy, W.YELLOW, "yes", YELLOW_C, ()),
        level_step(
            policy, W.BLUE, "no", (C.PARTLY_LOST_LABOUR, C.RISK_FACTOR, C.LIVING_DIFFICULTY),
            (C.UNSTABLE_INCOME, C.WEAK_SELF_DEVELOPMENT, C.RELIES_ON_PROJECTS),
        ),
        level_summary("yellow", W.YELLOW, (W.YELLOW,)),
    )  # fmt: skip
    c = quiet(pp.LabourCapacity.FULL, PARTIAL, **BLUE)
    r = warning_level(c, policy)
    assert tail(r)[2:] == (
        level_step(policy, W.BLUE, "yes", BLUE_C, ()),
        level_summary("blue", W.BLUE, (W.BLUE,)),
    )


def test_MON_3_other_readings_change_the_notes(tmp_path: Path) -> None:
    pol = user_pack(
        tmp_path,
        no_labour_reading="same",
        red_hardship_scope="spending_and_income",
        profile_traits="any",
    )
    r = warning_level(quiet(), pol)
    red, yellow, blue = (s.notes for s in tail(r)[:3])
    assert red == red_notes("spending_and_income")
    assert yellow == (conv("no_labour_reading.same"), conv("profile_traits.any"))
    assert blue == (conv("profile_traits.any"),)


def test_MON_3_undetermined_steps(policy: pp.Policy) -> None:
    c = case()
    r = warning_level(c, policy)
    w = r.value
    assert (w.level, w.determined, w.reason, w.held) == (None, False, "undetermined", ())
    assert tail(r)[3] == level_summary("undetermined_none", None, ())
    assert tail(r)[0] == level_step(
        policy, W.RED, "unknown", (), RED_C[:1], RED_C[1:],
        notes=red_notes(),
    )  # fmt: skip
    # a lower level holds while red is unknown: a lower bound
    c = quiet(pp.LabourCapacity.FULL, PARTIAL, **BLUE, per_capita_disposable_income=None)
    r = warning_level(c, policy)
    assert (r.value.level, r.value.determined) == (W.BLUE, False)
    assert tail(r)[0].key == "monitoring.level.unknown"
    assert tail(r)[0].inputs["not_recorded"] == (C.INCOME_BELOW_LINE,)
    assert tail(r)[3] == level_summary("undetermined", W.BLUE, (W.BLUE,))


def test_MON_3_determined_stops_at_the_first_level_held(policy: pp.Policy) -> None:
    # red holds; yellow and blue unknown: determined
    c = case(per_capita_disposable_income=Money("100"))
    w = warning_level(c, policy).value
    assert (w.level, w.determined, w.reason) == (W.RED, True, "red")
    # red fails, yellow unknown: undetermined
    checks = (
        LevelCheck(level=W.RED, holds=False, met=(), failed=(), not_recorded=()),
        LevelCheck(level=W.YELLOW, holds=None, met=(), failed=(), not_recorded=()),
        LevelCheck(level=W.BLUE, holds=True, met=(), failed=(), not_recorded=()),
    )
    base: dict[str, Any] = {"household_id": "H", "assessed_on": ASSESSED, "conditions": ()}
    a = WarningAssessment(level=W.BLUE, risk_cleared=False, checks=checks, **base)
    assert (a.determined, a.reason, a.held) == (False, "undetermined", (W.BLUE,))
    b = WarningAssessment(level=None, risk_cleared=True, checks=checks, **base)
    assert (b.determined, b.reason) == (True, "risk_cleared")
    none = WarningAssessment(level=None, risk_cleared=False, checks=(), **base)
    assert (none.determined, none.reason) == (True, "no_level")


def test_MON_4_cleared_steps(policy: pp.Policy) -> None:
    c = quiet(per_capita_disposable_income=Money("100"), risk_cleared=True)
    r = warning_level(c, policy)
    assert r.value.level is None
    assert tail(r)[3] == level_summary(
        "risk_cleared", W.RED, (W.RED,), rule="MON-4", citation=CLEARED
    )
    c = quiet(risk_cleared=True)
    assert tail(warning_level(c, policy))[3] == level_summary(
        "risk_cleared", None, (), rule="MON-4", citation=CLEARED
    )
    # undetermined while cleared cannot happen: cleared always decides
    assert warning_level(case(risk_cleared=True), policy).value.reason == "risk_cleared"
    assert Status.RISK_CLEARED.value == "risk_cleared"


# -- conditions and level_holds -------------------------------------------------------------------


def test_conditions_each_fact(policy: pp.Policy) -> None:
    t = _threshold(policy).value
    got = conditions(case(), t, policy)
    assert list(got) == list(C)
    labour = {C.ALL_LABOUR_LOST, C.NO_LABOUR, C.PARTLY_LOST_LABOUR}  # one FULL member
    assert {k for k, v in got.items() if v is not None} == labour
    assert {got[k] for k in labour} == {False}
    c = quiet(
        NONE, NONE,
        large_rigid_expenditure=True,
        severe_hardship=True,
        per_capita_disposable_income=Money("100"),
        unmet_needs={BasicNeed.SAFE_HOUSING},
        entrepreneurial_ability=False,
        income_only_from_support=True,
        unstable_income=True,
        weak_self_development=True,
        relies_on_projects=True,
        risk_factors={RiskFactor.DISASTER},
    )  # fmt: skip
    got = conditions(c, t, policy)
    assert {k for k, v in got.items() if v is not True} == {C.PARTLY_LOST_LABOUR}
    assert got[C.PARTLY_LOST_LABOUR] is False
    got = conditions(quiet(sharp_income_drop=True, living_difficulty=True), t, policy)
    assert [k for k, v in got.items() if v] == [C.SPENDING_OR_INCOME_DROP, C.LIVING_DIFFICULTY]
    got = conditions(quiet(PARTIAL, pp.LabourCapacity.FULL), t, policy)
    assert [k for k, v in got.items() if v] == [C.PARTLY_LOST_LABOUR]
    got = conditions(quiet(PARTIAL, PARTIAL), t, policy)
    assert [k for k, v in got.items() if v] == [C.NO_LABOUR, C.PARTLY_LOST_LABOUR]


def test_conditions_other_readings(tmp_path: Path) -> None:
    pol = user_pack(tmp_path, no_labour_reading="same", drinking_water_for_red="included")
    t = _threshold(pol).value
    got = conditions(quiet(PARTIAL, PARTIAL, unmet_needs={BasicNeed.DRINKING_WATER}), t, pol)
    assert [k for k, v in got.items() if v] == [C.BASIC_NEEDS_UNMET, C.PARTLY_LOST_LABOUR]
    got = conditions(quiet(NONE), t, pol)
    assert [k for k, v in got.items() if v] == [C.ALL_LABOUR_LOST, C.NO_LABOUR]


def _cond(**on: bool | None) -> dict[LevelCondition, bool | None]:
    base: dict[LevelCondition, bool | None] = dict.fromkeys(C, False)
    base.update({C(k): v for k, v in on.items()})
    return base


def test_level_holds_by_reading(policy: pp.Policy, tmp_path: Path) -> None:
    def holds(pol: pp.Policy, **on: bool | None) -> tuple[bool | None, ...]:
        return tuple(level_holds(_cond(**on), pol).values())

    assert holds(policy) == (False, False, False)
    assert holds(policy, all_labour_lost=True) == (False, False, False)
    assert holds(policy, all_labour_lost=True, severe_hardship=True) == (True, False, False)
    assert holds(policy, spending_or_income_drop=True) == (False, False, False)
    assert holds(policy, spending_or_income_drop=True, severe_hardship=True)[0] is True
    assert holds(policy, income_below_line=True)[0] is True
    assert holds(policy, basic_needs_unmet=True)[0] is True
    assert holds(policy, income_below_line=None) == (None, False, False)
    yellow = {
        "no_labour": True,
        "no_entrepreneurial_ability": True,
        "income_only_from_support": True,
        "risk_factor": True,
        "living_difficulty": True,
    }
    assert holds(policy, **yellow) == (False, True, False)
    assert holds(policy, **{**yellow, "no_labour": False}) == (False, False, False)
    assert holds(policy, **{**yellow, "risk_factor": False}) == (False, False, False)
    assert holds(policy, **{**yellow, "living_difficulty": None}) == (False, None, False)
    blue = {
        "partly_lost_labour": True,
        "unstable_income": True,
        "weak_self_development": True,
        "relies_on_projects": True,
        "risk_factor": True,
        "living_difficulty": True,
    }
    assert holds(policy, **blue) == (False, False, True)
    assert holds(policy, **{**blue, "relies_on_projects": False}) == (False, False, False)
    assert holds(policy, **{**blue, "living_difficulty": False}) == (False, False, False)
    other = user_pack(tmp_path, red_hardship_scope="spending_and_income", profile_traits="any")
    assert holds(other, all_labour_lost=True) == (True, False, False)
    assert holds(other, spending_or_income_drop=True) == (False, False, False)
    one = {"risk_factor": True, "living_difficulty": True}
    assert holds(other, no_labour=True, **one) == (False, True, False)
    assert holds(other, unstable_income=True, **one) == (False, False, True)
    assert holds(other, unstable_income=True, risk_factor=True) == (False, False, False)


# -- screen and refusals -----------------------------------------------------------------------


def test_screen_steps_in_order(policy: pp.Policy) -> None:
    c = quiet(household={"dibao": True})
    r = screen(c, policy)
    s, w = screening(c, policy), warning_level(c, policy)
    assert r.value.screening == s.value
    assert r.value.warning == w.value
    n = len(_threshold(policy).steps)
    assert r.steps == (*s.steps, *w.steps[n:])


def test_refusals_compared_whole(policy: pp.Policy) -> None:
    for fn in (screening, warning_level, screen):
        with pytest.raises(InputError) as exc:
            fn("H1", policy)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "rules.monitoring",
            "case",
            "H1",
            "a MonitoringCase",
        )
    with pytest.raises(RuleError) as err:
        screen(quiet(), "town")  # type: ignore[arg-type]
    assert err.value.rule == "MON-1"
    assert str(err.value.message) == "a Policy is needed (pp.Policy.load(...))"
    check_rule_error(err.value, "monitoring.error.no_policy", {})
