"""Level history and re-assessment (poverty-work-plan-samples 篇8 §三(四)): MON-4;
风险变化与预警级别调整."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

import attrs

from ...domain.enums import RiskFactor, WarningLevel
from ...domain.monitoring import MonitoringCase
from ...errors import InputError
from ...explain import Citation, Result
from ...explain.recorder import Recorder
from ...policy import Policy
from .screening import SEED, LevelCondition, Status, _assessment, _threshold

__all__ = ["Assessment", "LevelChange", "LevelHistory", "level_history"]

_CITE = Citation(
    document=SEED,
    section="篇8 §三(四)",
    quote="并根據風險變化情況實時調整預警級別。對評估已消除風險的,在保持監測的基礎上,標記消除風險,取消預警級別",
)


@attrs.frozen(kw_only=True)
class Assessment:
    """One assessment in a household's history: its date, level and status code.

    Args:
        on: The assessment date.
        level: The warning level; None: no level.
        reason: The assessment's status code (``red``, ``yellow``, ``blue``, ``no_level``,
            ``risk_cleared``, ``undetermined``).
        met: Level conditions met.
        risk_factors: Risks recorded; None: not recorded.
    """

    on: dt.date
    level: WarningLevel | None
    reason: str
    met: tuple[LevelCondition, ...]
    risk_factors: tuple[RiskFactor, ...] | None


@attrs.frozen(kw_only=True)
class LevelChange:
    """A change between two assessments, with the conditions and risks that came and went.

    Args:
        on: Date of the later assessment.
        before: Status code before.
        after: Status code after.
        conditions_added: Level conditions that came.
        conditions_removed: Level conditions that went.
        risks_added: Risks that came.
        risks_removed: Risks that went.
    """

    on: dt.date
    before: str
    after: str
    conditions_added: tuple[LevelCondition, ...]
    conditions_removed: tuple[LevelCondition, ...]
    risks_added: tuple[RiskFactor, ...]
    risks_removed: tuple[RiskFactor, ...]


@attrs.frozen(kw_only=True)
class LevelHistory:
    """A household's warning levels over time; 预警级别变化 (MON-4).

    ``risk_cleared`` is the latest mark: no level, and the household is still monitored.

    Args:
        household_id: The household's id.
        assessments: Its assessments in date order.
        changes: Each change between two consecutive assessments.
    """

    household_id: str
    assessments: tuple[Assessment, ...]
    changes: tuple[LevelChange, ...]

    @property
    def current(self) -> WarningLevel | None:
        """The level at the latest assessment."""
        return self.assessments[-1].level

    @property
    def risk_cleared(self) -> bool:
        """Whether the latest assessment marks the risk cleared (no level, still monitored)."""
        return self.assessments[-1].reason == "risk_cleared"

    @property
    def still_monitored(self) -> bool:
        """Always True: a cleared household keeps being monitored without a level."""
        return True


def _risks(case: MonitoringCase) -> tuple[RiskFactor, ...] | None:
    if case.risk_factors is None:
        return None
    return tuple(r for r in RiskFactor if r in case.risk_factors)


def level_history(cases: Sequence[MonitoringCase], policy: Policy) -> Result[LevelHistory]:
    """A household's level history, each change dated with why; 动态调整 (MON-4).

    ``cases`` are one household's assessments (any order; one per date). A level is re-set
    when its conditions change; a record marked risk-cleared has no level and is still
    monitored.
    """
    if not cases or not all(isinstance(c, MonitoringCase) for c in cases):
        raise InputError(
            obj="level_history",
            field="cases",
            value=cases,
            expected="MonitoringCase records",
            code="monitoring.error.history_cases",
        )
    ids = {c.household.id for c in cases}
    if len(ids) != 1:
        raise InputError(
            obj="level_history",
            field="cases",
            value=sorted(ids),
            expected="the assessments of one household",
            code="monitoring.error.history_households",
            extra={"households": sorted(ids)},
        )
    ordered = sorted(cases, key=lambda c: c.assessed_on)
    for a, b in itertools.pairwise(ordered):
        if a.assessed_on == b.assessed_on:
            raise InputError(
                obj="level_history",
                field="assessed_on",
                value=a.assessed_on,
                expected="one assessment per date",
                code="monitoring.error.history_same_date",
                extra={"on": a.assessed_on},
            )
    t = _threshold(policy)
    assessments: list[Assessment] = []
    for case in ordered:
        w = _assessment(case, t.value, policy)
        met = tuple(c for c, v in w.conditions if v)
        assessments.append(
            Assessment(
                on=case.assessed_on,
                level=w.level,
                reason=w.reason,
                met=met,
                risk_factors=_risks(case),
            )
        )
    rec = Recorder("MON-4", t.steps)
    first = assessments[0]
    rec.step(
        "monitoring.history.first",
        on=first.on,
        status=_status(first.reason),
        met=first.met,
        citation=_CITE,
    )
    changes: list[LevelChange] = []
    for prev, cur in itertools.pairwise(assessments):
        if (
            prev.reason == cur.reason
            and prev.met == cur.met
            and prev.risk_factors == cur.risk_factors
        ):
            rec.step("monitoring.history.same", on=cur.on, status=_status(cur.reason))
            continue
        before_risks = set(prev.risk_factors or ())
        after_risks = set(cur.risk_factors or ())
        change = LevelChange(
            on=cur.on,
            before=prev.reason,
            after=cur.reason,
            conditions_added=tuple(c for c in cur.met if c not in prev.met),
            conditions_removed=tuple(c for c in prev.met if c not in cur.met),
            risks_added=tuple(r for r in RiskFactor if r in after_risks - before_risks),
            risks_removed=tuple(r for r in RiskFactor if r in before_risks - after_risks),
        )
        changes.append(change)
        key = (
            "monitoring.history.changed"
            if prev.reason != cur.reason
            else "monitoring.history.facts"
        )
        rec.step(
            key,
            on=cur.on,
            before=_status(prev.reason),
            after=_status(cur.reason),
            added=change.conditions_added,
            removed=change.conditions_removed,
            risks_added=change.risks_added,
            risks_removed=change.risks_removed,
        )
    value = LevelHistory(
        household_id=ordered[0].household.id,
        assessments=tuple(assessments),
        changes=tuple(changes),
    )
    rec.step(
        "monitoring.history.summary",
        household=value.household_id,
        status=_status(assessments[-1].reason),
        changes=len(changes),
        cleared=value.risk_cleared,
    )
    return rec.result(value)


def _status(reason: str) -> Status:
    return Status(reason)
