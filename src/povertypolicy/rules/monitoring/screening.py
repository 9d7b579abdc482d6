"""Screening and warning levels (poverty-work-plan-samples 篇8 §三): MON-1, MON-2, MON-3."""

from __future__ import annotations

from fractions import Fraction

from ...domain.enums import BasicNeed, MonitoringCategory, RiskFactor, ScopeGroup, WarningLevel
from ...domain.monitoring import MonitoringCase
from ...errors import InputError, RuleError
from ...explain import Citation, Note, NoteKind, Result
from ...explain.recorder import Recorder, convention, note, warning
from ...money import Money
from ...policy import Parameter, Policy
from ..poverty import poverty_line
from ._facts import Tri, all_of, any_of, labour, negate, per_policy
from .screening_values import (
    LEVEL_CONDITIONS,
    LEVELS,
    IncomeThreshold,
    LevelCheck,
    LevelCondition,
    MonitoringAssessment,
    Screening,
    Status,
    WarningAssessment,
)

C = LevelCondition

__all__ = [
    "IncomeThreshold",
    "LevelCheck",
    "LevelCondition",
    "MonitoringAssessment",
    "Screening",
    "Status",
    "WarningAssessment",
    "income_threshold",
    "screen",
    "screening",
    "warning_level",
]

SEED = "poverty-work-plan-samples"
_CITE_SCOPE = Citation(document=SEED, section="篇8 §三(一)")
_CITE_CONTENT = Citation(
    document=SEED,
    section="篇8 §三(二)",
    quote="“兩不愁三保障”、飲水安全是否存隱患",
)
_CITE_LEVELS = Citation(document=SEED, section="篇8 §三(四)")
_CITE_CLEARED = Citation(
    document=SEED,
    section="篇8 §三(四)",
    quote="對評估已消除風險的,在保持監測的基礎上,標記消除風險,取消預警級別",
)
_GUARANTEES = frozenset(BasicNeed) - {BasicNeed.DRINKING_WATER}
_ALL_NEEDS = frozenset(BasicNeed)
_NEEDS = tuple(BasicNeed)
_RISKS = tuple(RiskFactor)
_CLEARED_CATEGORIES = (
    MonitoringCategory.UNSTABLE_OUT_OF_POVERTY,
    MonitoringCategory.MARGINAL_AT_RISK,
)


# -- the income line ---------------------------------------------------------------------------


def income_threshold(policy: Policy) -> Result[IncomeThreshold]:
    """The monitoring income line: 1.5 × the national line at the end of 2020 (MON-1, MON-3).

    Computed from ``poverty.line`` at ``monitoring.income_line_date``, never typed in.
    """
    return _threshold(policy)


@per_policy
def _threshold(policy: Policy) -> Result[IncomeThreshold]:
    multiple = policy.param("monitoring.income_line_multiple")
    ref = policy.param("monitoring.income_line_date")
    line = poverty_line(ref.date.year, policy, rule="MON-1")
    ratio = Fraction(multiple.decimal)
    amount = Money.round(Fraction(line.value.fen, 100) * ratio)
    value = IncomeThreshold(
        year=ref.date.year, line=line.value, multiple=multiple.decimal, amount=amount, ratio=ratio
    )
    rounded = Fraction(line.value.fen) * ratio != amount.fen
    rec = Recorder("MON-1")
    rec.extend(line)
    rec.step(
        "monitoring.threshold",
        multiple=multiple.decimal,
        line=line.value,
        threshold=amount,
        params=(multiple, ref),
        notes=(note(NoteKind.ROUNDING, "monitoring.note.threshold_rounded") if rounded else None,),
    )
    return rec.result(value)


# -- MON-1 -------------------------------------------------------------------------------------


def _require(case: object) -> MonitoringCase:
    if not isinstance(case, MonitoringCase):
        raise InputError(
            obj="rules.monitoring",
            field="case",
            value=case,
            expected="a MonitoringCase",
            code="monitoring.error.not_a_case",
        )
    return case


def _below(case: MonitoringCase, t: IncomeThreshold) -> Tri:
    income = case.per_capita_disposable_income
    return None if income is None else t.below(income)


def _hardship_cause(case: MonitoringCase) -> Tri:
    return any_of((case.large_rigid_expenditure, case.sharp_income_drop))


def _groups(case: MonitoringCase, t: IncomeThreshold) -> list[tuple[ScopeGroup, Tri]]:
    h = case.household
    cleared: Tri
    if not case.risk_cleared:
        cleared = False
    elif case.category is None:
        cleared = None
    else:
        cleared = case.category in _CLEARED_CATEGORIES
    return [
        (ScopeGroup.OUT_OF_POVERTY, case.registered_out_of_poverty),
        (ScopeGroup.RISK_CLEARED, cleared),
        (ScopeGroup.SEVERE_HARDSHIP, all_of((_hardship_cause(case), case.severe_hardship))),
        (ScopeGroup.LOW_INCOME, any_of((h.dibao, h.extreme_poverty_support))),
        (ScopeGroup.BELOW_INCOME_LINE, _below(case, t)),
    ]


_STATE = {True: "yes", False: "no", None: "unknown"}
# each group's message key per state, built once: monitoring.scope.<group>.<yes|no|unknown>
_SCOPE_KEY = {
    (g, state): f"monitoring.scope.{g.value}.{word}"
    for g in ScopeGroup
    for state, word in _STATE.items()
}
_LEVEL_KEY = {state: f"monitoring.level.{word}" for state, word in _STATE.items()}
_CITY_DECIDES = convention("monitoring.note.city_decides")


def _income_notes(case: MonitoringCase, t: IncomeThreshold) -> tuple[Note, ...]:
    if case.per_capita_disposable_income == t.amount:
        return (note(NoteKind.BOUNDARY, "monitoring.note.income_at_threshold", threshold=t.amount),)
    return ()


def _screening(rec: Recorder, case: MonitoringCase, t: IncomeThreshold) -> Screening:
    """The five groups, each checked and recorded in ``rec`` (a MON-1 recorder)."""
    h = case.household
    found = _groups(case, t)
    income = case.per_capita_disposable_income
    for group, state in found:
        inputs: dict[str, object]
        notes: tuple[Note, ...] = ()
        if group is ScopeGroup.BELOW_INCOME_LINE:
            inputs = {"group": group, "income": income, "threshold": t.amount}
            notes = _income_notes(case, t)
        elif group is ScopeGroup.LOW_INCOME:
            inputs = {"group": group, "dibao": h.dibao, "extreme": h.extreme_poverty_support}
        elif group is ScopeGroup.RISK_CLEARED:
            inputs = {"group": group, "category": case.category, "cleared": case.risk_cleared}
        elif group is ScopeGroup.SEVERE_HARDSHIP:
            inputs = {
                "group": group,
                "spending": case.large_rigid_expenditure,
                "drop": case.sharp_income_drop,
                "severe": case.severe_hardship,
                "amount": case.rigid_expenditure,
            }
        else:
            inputs = {"group": group, "value": case.registered_out_of_poverty}
        rec.step(_SCOPE_KEY[group, state], inputs, notes=notes, citation=_CITE_SCOPE)
    value = Screening(
        household_id=h.id,
        groups=tuple([g for g, s in found if s]),
        failed=tuple([g for g, s in found if s is False]),
        not_recorded=tuple([g for g, s in found if s is None]),
        threshold=t.amount,
        income=income,
    )
    rec.step(
        f"monitoring.scope.summary.{value.reason}",
        household=h.id,
        groups=value.groups,
        not_recorded=value.not_recorded,
        notes=(_CITY_DECIDES,),
    )
    return value


def screening(case: MonitoringCase, policy: Policy) -> Result[Screening]:
    """Which of the five scope groups a household is in, every group named; 监测范围 (MON-1).

    (1) registered and out of poverty; (2) unstable or marginal households whose risk was
    cleared; (3) large rigid spending or a sharp income drop causing severe hardship; (4) dibao
    or extreme-poverty support; (5) per-capita disposable income below (低于: strictly) the
    pack's multiple of the poverty line at its reference date.
    """
    _require(case)
    t = _threshold(policy)
    rec = Recorder("MON-1", t.steps)
    return rec.result(_screening(rec, case, t.value))


# -- MON-2 / MON-3 -----------------------------------------------------------------------------


@per_policy
def _choices(policy: Policy) -> tuple[Parameter, Parameter, Parameter, Parameter]:
    return (
        policy.param("monitoring.no_labour_reading"),
        policy.param("monitoring.red_hardship_scope"),
        policy.param("monitoring.profile_traits"),
        policy.param("monitoring.drinking_water_for_red"),
    )


def conditions(
    case: MonitoringCase, t: IncomeThreshold, policy: Policy
) -> dict[LevelCondition, Tri]:
    """Every MON-3 condition as True, False or None (a fact not recorded)."""
    reading, _, _, water = _choices(policy)
    all_lost, no_full, some_lost, _ = labour(case.household)
    needs = case.unmet_needs
    counted = _ALL_NEEDS if water.text == "included" else _GUARANTEES
    risks = case.risk_factors
    return {
        C.ALL_LABOUR_LOST: all_lost,
        C.SPENDING_OR_INCOME_DROP: _hardship_cause(case),
        C.SEVERE_HARDSHIP: case.severe_hardship,
        C.INCOME_BELOW_LINE: _below(case, t),
        C.BASIC_NEEDS_UNMET: None if needs is None else bool(needs & counted),
        C.NO_LABOUR: no_full if reading.text == "distinct" else all_lost,
        C.NO_ENTREPRENEURIAL_ABILITY: negate(case.entrepreneurial_ability),
        C.INCOME_ONLY_FROM_SUPPORT: case.income_only_from_support,
        C.PARTLY_LOST_LABOUR: all_of((some_lost, negate(all_lost))),
        C.UNSTABLE_INCOME: case.unstable_income,
        C.WEAK_SELF_DEVELOPMENT: case.weak_self_development,
        C.RELIES_ON_PROJECTS: case.relies_on_projects,
        C.RISK_FACTOR: None if risks is None else bool(risks),
        C.LIVING_DIFFICULTY: any_of((case.living_difficulty, case.severe_hardship)),
    }


def level_holds(cond: dict[LevelCondition, Tri], policy: Policy) -> dict[WarningLevel, Tri]:
    """Whether each level's conditions hold, as the pack reads the text."""
    _, scope, traits, _ = _choices(policy)
    combine = all_of if traits.text == "all" else any_of
    severe = cond[C.SEVERE_HARDSHIP]
    labour_clause = (
        all_of((cond[C.ALL_LABOUR_LOST], severe))
        if scope.text == "all_first_clauses"
        else cond[C.ALL_LABOUR_LOST]
    )
    red = any_of(
        (
            labour_clause,
            all_of((cond[C.SPENDING_OR_INCOME_DROP], severe)),
            cond[C.INCOME_BELOW_LINE],
            cond[C.BASIC_NEEDS_UNMET],
        )
    )
    risk_and_difficulty = (cond[C.RISK_FACTOR], cond[C.LIVING_DIFFICULTY])
    yellow_traits = (C.NO_LABOUR, C.NO_ENTREPRENEURIAL_ABILITY, C.INCOME_ONLY_FROM_SUPPORT)
    blue_traits = (
        C.PARTLY_LOST_LABOUR,
        C.UNSTABLE_INCOME,
        C.WEAK_SELF_DEVELOPMENT,
        C.RELIES_ON_PROJECTS,
    )
    yellow = all_of((combine([cond[c] for c in yellow_traits]), *risk_and_difficulty))
    blue = all_of((combine([cond[c] for c in blue_traits]), *risk_and_difficulty))
    return {WarningLevel.RED: red, WarningLevel.YELLOW: yellow, WarningLevel.BLUE: blue}


@per_policy
def _static_notes(
    policy: Policy,
) -> dict[WarningLevel, tuple[tuple[Parameter, ...], tuple[Note, ...]]]:
    reading, scope, traits, water = _choices(policy)
    trait_note = convention(f"monitoring.note.profile_traits.{traits.text}")
    return {
        WarningLevel.RED: (
            (scope, water),
            (
                convention(f"monitoring.note.red_hardship_scope.{scope.text}"),
                convention("monitoring.note.red_income_line"),
            ),
        ),
        WarningLevel.YELLOW: (
            (reading, traits),
            (convention(f"monitoring.note.no_labour_reading.{reading.text}"), trait_note),
        ),
        WarningLevel.BLUE: ((traits,), (trait_note,)),
    }


_WATER_NOTE = warning("monitoring.note.drinking_water_excluded")


def _level_notes(
    level: WarningLevel,
    case: MonitoringCase,
    t: IncomeThreshold,
    static: dict[WarningLevel, tuple[tuple[Parameter, ...], tuple[Note, ...]]],
) -> tuple[tuple[Parameter, ...], tuple[Note, ...]]:
    """The level's parameters and notes: ``static`` (``_static_notes``), and for red the
    income boundary and the excluded drinking water when they apply."""
    params, notes = static[level]
    if level is not WarningLevel.RED:
        return params, notes
    extra = _income_notes(case, t)
    needs = case.unmet_needs
    if needs and BasicNeed.DRINKING_WATER in needs and params[1].text == "excluded":
        extra = (*extra, _WATER_NOTE)  # params[1]: monitoring.drinking_water_for_red
    return params, (*notes, *extra) if extra else notes


def _assessment(case: MonitoringCase, t: IncomeThreshold, policy: Policy) -> WarningAssessment:
    """Every level checked and the highest that holds (none once the risk is cleared)."""
    cond = conditions(case, t, policy)
    holds = level_holds(cond, policy)
    checks: list[LevelCheck] = []
    for level in LEVELS:
        met: list[LevelCondition] = []
        failed: list[LevelCondition] = []
        unknown: list[LevelCondition] = []
        for c in LEVEL_CONDITIONS[level]:
            v = cond[c]
            (met if v else unknown if v is None else failed).append(c)
        checks.append(
            LevelCheck(
                level=level,
                holds=holds[level],
                met=tuple(met),
                failed=tuple(failed),
                not_recorded=tuple(unknown),
            )
        )
    top = next((c.level for c in checks if c.holds), None)
    return WarningAssessment(
        household_id=case.household.id,
        assessed_on=case.assessed_on,
        level=None if case.risk_cleared else top,
        risk_cleared=case.risk_cleared,
        checks=tuple(checks),
        conditions=tuple(cond.items()),
    )


def _warning(
    rec: Recorder, case: MonitoringCase, t: IncomeThreshold, policy: Policy
) -> WarningAssessment:
    """The assessment, each level's check and the outcome recorded in ``rec`` (a MON-3 recorder)."""
    value = _assessment(case, t, policy)
    static = _static_notes(policy)
    for check in value.checks:
        params, notes = _level_notes(check.level, case, t, static)
        rec.step(
            _LEVEL_KEY[check.holds],
            level=check.level,
            met=check.met,
            failed=check.failed,
            not_recorded=check.not_recorded,
            params=params,
            notes=notes,
            citation=_CITE_LEVELS,
        )
    held = value.held
    reason = value.reason
    rec.step(
        f"monitoring.level.summary.{reason}"
        + ("_none" if reason == "undetermined" and value.level is None else ""),
        household=case.household.id,
        level=value.level if reason != "risk_cleared" else (held[0] if held else None),
        held=held,
        on=case.assessed_on,
        citation=_CITE_CLEARED if case.risk_cleared else None,
        rule="MON-4" if case.risk_cleared else "MON-3",
    )
    return value


def _hazards(rec: Recorder, case: MonitoringCase) -> None:
    """MON-2: what the monitoring looks at, as recorded (sets in their enums' order)."""
    needs, risks = case.unmet_needs, case.risk_factors
    rec.step(
        "monitoring.content",
        needs=None if needs is None else tuple([n for n in _NEEDS if n in needs]),
        risks=None if risks is None else tuple([r for r in _RISKS if r in risks]),
        income=case.per_capita_disposable_income,
        citation=_CITE_CONTENT,
        rule="MON-2",
    )


def warning_level(case: MonitoringCase, policy: Policy) -> Result[WarningAssessment]:
    """The warning level Ⅰ red / Ⅱ yellow / Ⅲ blue; 分级预警 (MON-2, MON-3, MON-4).

    The highest level whose conditions hold wins; the explanation lists every level that held
    and why the others did not, and states how the pack reads the clauses the text leaves
    open. A household marked risk-cleared has no level and stays monitored.
    """
    _require(case)
    t = _threshold(policy)
    rec = Recorder("MON-3", t.steps)
    _hazards(rec, case)
    return rec.result(_warning(rec, case, t.value, policy))


def screen(case: MonitoringCase, policy: Policy) -> Result[MonitoringAssessment]:
    """MON-1 screening and MON-3 warning level of one record, in one explanation; 监测预警."""
    _require(case)
    if not isinstance(policy, Policy):
        raise RuleError(
            rule="MON-1",
            message="a Policy is needed (pp.Policy.load(...))",
            code="monitoring.error.no_policy",
        )
    t = _threshold(policy)
    rec = Recorder("MON-1", t.steps)
    scope = _screening(rec, case, t.value)
    _hazards(rec, case)
    levels = Recorder("MON-3", rec.steps)  # the same explanation, on under MON-3
    level = _warning(levels, case, t.value, policy)
    return levels.result(MonitoringAssessment(screening=scope, warning=level))
