"""The checklist engine: a unit's figures against each indicator's threshold; 指标考核.

`evaluate()` scores one unit (town, village, household, site, project) on the indicators
of its level; `scorecard()` scores a town and tallies its villages (or households) on the
lower levels' indicators. A figure not reported makes an indicator *not reported*, never 0.
KPI-1..KPI-3, KPI-5, FOLLOW-6.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ..._exact import round_half_up
from ...domain.indicators import FigureValue, ReportingUnit, UnitLevel, require_unit
from ...errors import InputError, RuleError
from ...explain import Result, Step
from ...explain.recorder import Recorder
from ...policy import Bound, Parameter, Policy, Side
from ...policy.spec import Unit
from ...units import Area
from ._model import (
    Checklist,
    FigureKind,
    Indicator,
    Measure,
    Score,
    Status,
    UnitScores,
    overall,
)
from .checklists import checklist as _checklist

__all__ = ["ChecklistName", "Scorecard", "Tally", "evaluate", "scorecard"]


class ChecklistName(enum.StrEnum):
    """The shipped checklists; 考核清单."""

    __label__ = "indicators.checklist"

    FOUR_HAVES = "four_haves"
    HEALTH_CHECK = "health_check"
    SEVEN_HAVES = "seven_haves"
    SELF_INSPECTION = "self_inspection"
    THREE_RATES = "three_rates"


def _name(cl: Checklist) -> ChecklistName | str:
    try:
        return ChecklistName(cl.id)
    except ValueError:
        return cl.id


def _dec2(value: Fraction) -> Decimal:
    """A fraction for display: rounded half-up to 2 decimal places."""
    return Decimal(round_half_up(value * 100)).scaleb(-2)


def _figure(unit: ReportingUnit, cl: Checklist, name: enum.StrEnum) -> FigureValue | None:
    value = unit.figure(name.value)
    if value is None:
        return None
    kind = cl.figure(name).kind
    ok = {
        FigureKind.YES_NO: isinstance(value, bool),
        FigureKind.COUNT: isinstance(value, int) and not isinstance(value, bool),
        FigureKind.QUANTITY: isinstance(value, int | Decimal) and not isinstance(value, bool),
        FigureKind.PERCENT: isinstance(value, int | Decimal)
        and not isinstance(value, bool)
        and value <= 100,
    }[kind]
    if not ok:
        expected, code = {
            FigureKind.YES_NO: ("True or False", "core.error.boolean"),
            FigureKind.COUNT: ("a whole number >= 0", "core.error.count"),
            FigureKind.QUANTITY: ("a number >= 0", "indicators.error.figure_quantity"),
            FigureKind.PERCENT: ("a percentage from 0 to 100", "core.error.percent"),
        }[kind]
        raise InputError(
            obj=f"ReportingUnit {unit.id}",
            field=name.value,
            value=value,
            expected=expected,
            code=code,
        )
    return value


def _number(ind: Indicator, param: Parameter) -> Fraction:
    value = param.value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise RuleError(
            rule=ind.rule,
            message=f"{ind.param} is not a number",
            code="indicators.error.not_a_number",
            extra={"param": ind.param},
        )
    return Fraction(value)


def _gap(param: Parameter, value: Fraction, threshold: Fraction) -> Fraction:
    return threshold - value if param.threshold is Side.LOWER else value - threshold


def _outcome(param: Parameter, met: bool) -> str:
    if met:
        return "met"
    return "short" if param.threshold is Side.LOWER else "over"


def _params(ind: Indicator, policy: Policy) -> tuple[Parameter, tuple[Parameter, ...]]:
    param = policy.param(ind.param)
    if param.threshold is None:
        raise RuleError(
            rule=ind.rule,
            message=f"{ind.param} is not a threshold parameter",
            code="indicators.error.not_a_threshold",
            extra={"param": ind.param},
        )
    shown: tuple[Parameter, ...] = (param,)
    if ind.due is not None and ind.due in policy:
        shown = (param, policy.param(ind.due))
    return param, shown


def _ratio_short_by(param: Parameter, num: int, den: int) -> int | None:
    """How many more (minimum) or fewer (maximum) to count in the numerator to meet."""
    t = Fraction(param.decimal) * den / 100
    inclusive = param.bound is Bound.INCLUSIVE
    if param.threshold is Side.LOWER:
        need = math.ceil(t) if inclusive else math.floor(t) + 1
        return None if need > den else max(0, need - num)
    most = math.floor(t) if inclusive else math.ceil(t) - 1
    return None if most < 0 else max(0, num - most)


def _score_ratio(
    ind: Indicator,
    unit: ReportingUnit,
    cl: Checklist,
    param: Parameter,
    shown: tuple[Parameter, ...],
) -> tuple[Score, Step]:
    num_name, den_name = ind.figures
    num, den = _figure(unit, cl, num_name), _figure(unit, cl, den_name)
    missing = tuple(n for n, v in ((num_name, num), (den_name, den)) if v is None)
    if missing:
        return _not_reported(ind, missing, shown)
    assert isinstance(num, int)
    assert isinstance(den, int)
    if num > den:
        raise InputError(
            obj=f"ReportingUnit {unit.id}",
            field=num_name.value,
            value=num,
            expected=f"at most {den_name.value} ({den})",
            code="indicators.error.figure_above",
            extra={"figure": den_name, "limit": den},
        )
    if den == 0:
        step = Recorder(ind.rule).step(
            "indicators.score.ratio.none", indicator=ind.id, figure=den_name, params=shown
        )
        return Score(indicator=ind.id, level=ind.level, status=Status.NOT_APPLICABLE), step
    rate = Fraction(100 * num, den)
    threshold = Fraction(param.decimal)
    met = param.admits(rate)
    gap = _gap(param, rate, threshold)
    short_by = 0 if met else _ratio_short_by(param, num, den)
    outcome = _outcome(param, met)
    if short_by is None:
        outcome = "unreachable"
    step = Recorder(ind.rule).step(
        f"indicators.score.ratio.{outcome}",
        indicator=ind.id,
        numerator=num,
        denominator=den,
        rate=_dec2(rate),
        target=param,
        gap=_dec2(gap),
        short_by=short_by,
        params=shown,
    )
    score = Score(
        indicator=ind.id,
        level=ind.level,
        status=Status.MET if met else Status.NOT_MET,
        value=rate,
        threshold=threshold,
        gap=gap,
        short_by=short_by,
    )
    return score, step


def _shown_number(param: Parameter, value: Fraction) -> Any:
    if param.unit is Unit.SQUARE_METRES:
        return Area.m2(value)
    if param.unit is Unit.MU:
        return Area.mu(value)
    if value.denominator == 1:
        return value.numerator
    return _dec2(value)


def _score_number(
    ind: Indicator,
    unit: ReportingUnit,
    cl: Checklist,
    param: Parameter,
    shown: tuple[Parameter, ...],
) -> tuple[Score, Step]:
    (name,) = ind.figures
    raw = _figure(unit, cl, name)
    if raw is None:
        return _not_reported(ind, (name,), shown)
    value = Fraction(raw)
    threshold = _number(ind, param)
    met = param.admits(value)
    gap = _gap(param, value, threshold)
    percent = ind.measure is Measure.PERCENT
    step = Recorder(ind.rule).step(
        f"indicators.score.{'percent' if percent else 'number'}.{_outcome(param, met)}",
        indicator=ind.id,
        value=_dec2(value) if percent else _shown_number(param, value),
        target=param,
        gap=_dec2(gap) if percent else _shown_number(param, abs(gap)),
        params=shown,
    )
    score = Score(
        indicator=ind.id,
        level=ind.level,
        status=Status.MET if met else Status.NOT_MET,
        value=value,
        threshold=threshold,
        gap=gap,
    )
    return score, step


def _score_flags(
    ind: Indicator,
    unit: ReportingUnit,
    cl: Checklist,
    param: Parameter,
    shown: tuple[Parameter, ...],
) -> tuple[Score, Step]:
    values = [(n, _figure(unit, cl, n)) for n in ind.figures]
    required = param.integer
    if required > len(values):
        raise RuleError(
            rule=ind.rule,
            message=f"{ind.param} asks for {required} items but the checklist lists {len(values)}",
            code="indicators.error.too_few_items",
            extra={"param": ind.param, "required": required, "listed": len(values)},
        )
    yes = sum(1 for _, v in values if v is True)
    unknown = tuple(n for n, v in values if v is None)
    absent = tuple(n for n, v in values if v is False)
    if param.threshold is Side.LOWER:
        met = param.admits(yes)
        decided = met or not param.admits(yes + len(unknown))
    else:  # at most: met only if it holds with every unknown item present
        met = param.admits(yes + len(unknown))
        decided = met or not param.admits(yes)
    if not decided:
        return _not_reported(ind, unknown, shown)
    step = Recorder(ind.rule).step(
        f"indicators.score.flags.{_outcome(param, met)}",
        indicator=ind.id,
        yes=yes,
        items=len(values),
        target=param,
        absent=absent,
        params=shown,
    )
    score = Score(
        indicator=ind.id,
        level=ind.level,
        status=Status.MET if met else Status.NOT_MET,
        value=Fraction(yes),
        threshold=Fraction(required),
        gap=_gap(param, Fraction(yes), Fraction(required)),
        short_by=0 if met else _flags_short_by(param, yes, required),
        missing=unknown,
    )
    return score, step


def _flags_short_by(param: Parameter, yes: int, required: int) -> int:
    """How many more items must be in place (for a maximum: how many fewer)."""
    return max(0, required - yes) if param.threshold is Side.LOWER else max(0, yes - required)


def _not_reported(
    ind: Indicator, missing: tuple[enum.StrEnum, ...], shown: tuple[Parameter, ...]
) -> tuple[Score, Step]:
    score = Score(indicator=ind.id, level=ind.level, status=Status.NOT_REPORTED, missing=missing)
    step = Recorder(ind.rule).step(
        "indicators.score.not_reported", indicator=ind.id, missing=missing, params=shown
    )
    return score, step


_SCORERS = {
    Measure.RATIO: _score_ratio,
    Measure.PERCENT: _score_number,
    Measure.NUMBER: _score_number,
    Measure.FLAGS: _score_flags,
}


def _score_one(
    ind: Indicator, unit: ReportingUnit, cl: Checklist, policy: Policy
) -> tuple[Score, Step]:
    if ind.part is not None:  # the first alternative of an either-or indicator, by its own name
        ind = attrs.evolve(ind, id=ind.part, part=None, either=None)
    param, shown = _params(ind, policy)
    if ind.applies_when is not None:
        applies = _figure(unit, cl, ind.applies_when)
        if applies is None:
            return _not_reported(ind, (ind.applies_when,), shown)
        if applies is False:
            score = Score(indicator=ind.id, level=ind.level, status=Status.NOT_APPLICABLE)
            step = Recorder(ind.rule).step(
                "indicators.score.not_applicable", indicator=ind.id, condition=ind.applies_when
            )
            return score, step
    return _SCORERS[ind.measure](ind, unit, cl, param, shown)


def _score(
    ind: Indicator, unit: ReportingUnit, cl: Checklist, policy: Policy
) -> tuple[Score, list[Step]]:
    """The indicator's score and its steps (under its own rule ID)."""
    first, step = _score_one(ind, unit, cl, policy)
    rec = Recorder(ind.rule, (step,))
    if ind.either is None:
        return first, rec.steps
    second, other = _score_one(ind.either, unit, cl, policy)
    rec.extend((other,))
    statuses = {first.status, second.status}
    if Status.MET in statuses:
        status = Status.MET
    elif statuses <= {Status.NOT_MET, Status.NOT_APPLICABLE} and Status.NOT_MET in statuses:
        status = Status.NOT_MET
    elif statuses == {Status.NOT_APPLICABLE}:
        status = Status.NOT_APPLICABLE
    else:
        status = Status.NOT_REPORTED
    combined = Score(
        indicator=ind.id,
        level=ind.level,
        status=status,
        missing=(*first.missing, *second.missing),
        parts=(first, second),
    )
    rec.step(
        "indicators.score.either",
        indicator=ind.id,
        first=first.indicator,
        second=second.indicator,
        status=status,
    )
    return combined, rec.steps


def evaluate(unit: ReportingUnit, checklist: str | Checklist, policy: Policy) -> Result[UnitScores]:
    """Score a unit on every indicator of its level in ``checklist``; 指标考核.

    A ratio is counted from its two figures (e.g. transferred ÷ surplus labour) and compared
    exactly; its gap is in percentage points and ``short_by`` says how many more people (or
    households) would meet the target. A denominator of 0 makes a ratio not applicable.
    """
    require_unit(unit, "unit")
    cl = _checklist(checklist)
    indicators = cl.for_level(unit.level)
    if not indicators:
        raise InputError(
            obj="rules.indicators.evaluate",
            field="unit.level",
            value=unit.level,
            expected=f"a level of the {cl.id} checklist: {[lv.value for lv in cl.levels]}",
            code="indicators.error.level_not_in_checklist",
            extra={"level": unit.level, "checklist": _name(cl), "levels": list(cl.levels)},
        )
    rec = Recorder(cl.rules[0])
    rec.step("indicators.unit.head", unit=unit.id, level=unit.level, checklist=_name(cl))
    scores: list[Score] = []
    for ind in indicators:
        score, steps = _score(ind, unit, cl, policy)
        scores.append(score)
        rec.extend(steps)
    value = UnitScores(unit_id=unit.id, level=unit.level, checklist=cl.id, scores=tuple(scores))
    rec.step(
        "indicators.unit.summary",
        status=value.status,
        met=value.count(Status.MET),
        not_met=value.count(Status.NOT_MET),
        not_reported=value.count(Status.NOT_REPORTED),
        not_applicable=value.count(Status.NOT_APPLICABLE),
    )
    return rec.result(value)


# -- the town's scorecard ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Tally:
    """One lower-level indicator counted over a town's villages (or households); 达标统计.

    Args:
        indicator: The indicator counted.
        level: The members' level.
        units: Members counted.
        met: Members that meet it.
        not_met: Members that do not.
        not_reported: Members that did not report a figure it needs.
        not_applicable: Members it does not apply to.
        not_met_ids: Ids of the members that do not meet it.
        not_reported_ids: Ids of the members that did not report.
    """

    indicator: enum.StrEnum
    level: UnitLevel
    units: int
    met: int
    not_met: int
    not_reported: int
    not_applicable: int
    not_met_ids: tuple[str, ...]
    not_reported_ids: tuple[str, ...]

    @property
    def status(self) -> Status:
        """Not met if one unit is not met; not reported if one is, or if no unit reported."""
        if self.not_met:
            return Status.NOT_MET
        if self.not_reported or not self.units:
            return Status.NOT_REPORTED
        return Status.MET if self.met else Status.NOT_APPLICABLE


@attrs.frozen(kw_only=True)
class Scorecard:
    """A town's scorecard on one checklist: its own scores and its members' tallies; 考核表.

    Args:
        unit_id: The town's id.
        checklist: The checklist's id.
        own: The town's own scores; None: the checklist has no town-level indicator.
        tallies: Each lower-level indicator counted over the town's members.
        members: Each member unit's scores.
    """

    unit_id: str
    checklist: str
    own: UnitScores | None
    tallies: tuple[Tally, ...]
    members: tuple[UnitScores, ...]

    @property
    def status(self) -> Status:
        """Not met if anything is not met; else not reported if anything is; else met."""
        own = [] if self.own is None else [s.status for s in self.own.scores]
        return overall([*own, *(t.status for t in self.tallies)])


def scorecard(
    town: ReportingUnit,
    checklist: str | Checklist,
    policy: Policy,
    *,
    members: Sequence[ReportingUnit] = (),
) -> Result[Scorecard]:
    """A town's scorecard in one checklist: its own indicators, and each lower-level indicator
    counted over ``members`` (its villages or households); 乡镇考核表.

    An indicator of a level no member reports at is *not reported* (not met by nobody).
    """
    require_unit(town, "town")
    cl = _checklist(checklist)
    for m in members:
        require_unit(m, "members")
        if m.parent_id is not None and m.parent_id != town.id:
            raise InputError(
                obj="rules.indicators.scorecard",
                field="members",
                value=m.id,
                expected=f"a unit of {town.id} (its parent_id is {m.parent_id})",
                code="indicators.error.member_of_other_town",
                extra={"town": town.id, "parent": m.parent_id},
            )
        if m.level is town.level:
            raise InputError(
                obj="rules.indicators.scorecard",
                field="members",
                value=m.id,
                expected=f"a unit below the {town.level.value} level",
                code="indicators.error.member_level",
                extra={"level": town.level},
            )
    rec = Recorder(cl.rules[0])
    rec.step("indicators.scorecard.head", unit=town.id, checklist=_name(cl), members=len(members))
    own: UnitScores | None = None
    if cl.for_level(town.level):
        result = evaluate(town, cl, policy)
        own = result.value
        rec.extend(result.steps[1:-1])
    scored = [evaluate(m, cl, policy) for m in members if cl.for_level(m.level)]
    tallies: list[Tally] = []
    for level in cl.levels:
        if level is town.level:
            continue
        of_level = [r.value for r in scored if r.value.level is level]
        for ind in cl.for_level(level):
            got = [u.score(ind.id) for u in of_level]
            tally = Tally(
                indicator=ind.id,
                level=level,
                units=len(got),
                met=sum(1 for s in got if s.status is Status.MET),
                not_met=sum(1 for s in got if s.status is Status.NOT_MET),
                not_reported=sum(1 for s in got if s.status is Status.NOT_REPORTED),
                not_applicable=sum(1 for s in got if s.status is Status.NOT_APPLICABLE),
                not_met_ids=tuple(
                    u.unit_id
                    for u, s in zip(of_level, got, strict=True)
                    if s.status is Status.NOT_MET
                ),
                not_reported_ids=tuple(
                    u.unit_id
                    for u, s in zip(of_level, got, strict=True)
                    if s.status is Status.NOT_REPORTED
                ),
            )
            tallies.append(tally)
            counted = Recorder(ind.rule)  # each tally under its indicator's rule ID
            counted.step(
                "indicators.scorecard.tally" if got else "indicators.scorecard.no_units",
                indicator=ind.id,
                level=level,
                units=tally.units,
                met=tally.met,
                not_met=tally.not_met,
                not_reported=tally.not_reported,
                not_applicable=tally.not_applicable,
                failing=tally.not_met_ids,
                params=(policy.param(ind.param),),
            )
            rec.extend(counted.steps)
    card = Scorecard(
        unit_id=town.id,
        checklist=cl.id,
        own=own,
        tallies=tuple(tallies),
        members=tuple(r.value for r in scored),
    )
    statuses = [*([] if own is None else [s.status for s in own.scores])]
    statuses.extend(t.status for t in tallies)
    rec.step(
        "indicators.scorecard.summary",
        unit=town.id,
        status=card.status,
        met=statuses.count(Status.MET),
        not_met=statuses.count(Status.NOT_MET),
        not_reported=statuses.count(Status.NOT_REPORTED),
    )
    return rec.result(card)
