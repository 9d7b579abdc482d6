"""Support measures by household type (poverty-work-plan-samples 篇8 §四): MON-7; 分类帮扶."""

from __future__ import annotations

import enum

import attrs

from ...domain.enums import RiskFactor
from ...domain.monitoring import MonitoringCase
from ...explain import Citation, Result
from ...explain.recorder import Recorder
from ...policy import Policy
from ._facts import Tri, any_of, labour
from .screening import SEED, _require

__all__ = ["Measure", "MeasureFor", "SupportPlan", "support_measures"]


class Measure(enum.StrEnum):
    """A support measure; 帮扶措施 (MON-7)."""

    __label__ = "monitoring.measure"

    INDUSTRY = "industry"
    SKILLS_TRAINING = "skills_training"
    ORGANISED_MIGRATION = "organised_migration"
    LOCAL_JOBS = "local_jobs"
    PUBLIC_WELFARE_JOB = "public_welfare_job"
    SOCIAL_SECURITY = "social_security"
    EMERGENCY_ASSISTANCE = "emergency_assistance"
    INCENTIVES = "incentives"
    SOCIAL_SUPPORT = "social_support"


class MeasureFor(enum.StrEnum):
    """Who a measure is for, as the text says (the label of each measure's condition)."""

    __label__ = "monitoring.measure_for"

    INDUSTRY = "industry"
    SKILLS_TRAINING = "skills_training"
    ORGANISED_MIGRATION = "organised_migration"
    LOCAL_JOBS = "local_jobs"
    PUBLIC_WELFARE_JOB = "public_welfare_job"
    SOCIAL_SECURITY = "social_security"
    EMERGENCY_ASSISTANCE = "emergency_assistance"
    INCENTIVES = "incentives"
    SOCIAL_SUPPORT = "social_support"


_SECTION = {
    Measure.INDUSTRY: "篇8 §四(一)",
    Measure.SKILLS_TRAINING: "篇8 §四(二)",
    Measure.ORGANISED_MIGRATION: "篇8 §四(二)",
    Measure.LOCAL_JOBS: "篇8 §四(二)",
    Measure.PUBLIC_WELFARE_JOB: "篇8 §四(二)",
    Measure.SOCIAL_SECURITY: "篇8 §四(三)",
    Measure.EMERGENCY_ASSISTANCE: "篇8 §四(三)",
    Measure.INCENTIVES: "篇8 §四(四)",
    Measure.SOCIAL_SUPPORT: "篇8 §四(五)",
}
_SUDDEN = frozenset({RiskFactor.SUDDEN_EVENT, RiskFactor.SERIOUS_ILLNESS, RiskFactor.DISASTER})


@attrs.frozen(kw_only=True)
class SupportPlan:
    """The measures a monitored household's type calls for; 帮扶措施 (MON-7).

    ``not_recorded`` lists the measures that could not be decided for want of a fact.

    Args:
        household_id: The household's id.
        measures: Measures its type calls for.
        not_recorded: Measures that could not be decided for want of a fact.
    """

    household_id: str
    measures: tuple[Measure, ...]
    not_recorded: tuple[Measure, ...]


def _decide(case: MonitoringCase) -> dict[Measure, Tri]:
    _, _, _, can_work = labour(case.household)
    risks = case.risk_factors
    sudden: Tri = None if risks is None else bool(risks & _SUDDEN)
    difficulty = any_of((case.living_difficulty, case.severe_hardship))
    migrant = case.wants_migrant_work

    def if_able(fact: Tri) -> Tri:
        if can_work is False or fact is False:
            return False
        return True if can_work and fact else None

    return {
        Measure.INDUSTRY: case.industry_conditions,
        Measure.SKILLS_TRAINING: if_able(case.wants_training),
        Measure.ORGANISED_MIGRATION: if_able(migrant),
        Measure.LOCAL_JOBS: if_able(None if migrant is None else not migrant),
        Measure.PUBLIC_WELFARE_JOB: if_able(case.hard_to_employ),
        Measure.SOCIAL_SECURITY: None if can_work is None else not can_work,
        Measure.EMERGENCY_ASSISTANCE: (
            False
            if sudden is False or difficulty is False
            else (True if sudden and difficulty else None)
        ),
        Measure.INCENTIVES: case.self_reliant,
        Measure.SOCIAL_SUPPORT: True,
    }


def support_measures(case: MonitoringCase, policy: Policy) -> Result[SupportPlan]:
    """Support measures by type: industry, employment (training, organised migration, local
    jobs, public-welfare jobs), comprehensive social security, emergency assistance after a
    sudden event, incentives and social support; 分类帮扶 (MON-7)."""
    _require(case)
    decided = _decide(case)
    rec = Recorder("MON-7")
    for measure, state in decided.items():
        key = {True: "yes", False: "no", None: "unknown"}[state]
        rec.step(
            f"monitoring.measure_step.{key}",
            measure=measure,
            basis=MeasureFor(measure.value),
            citation=Citation(document=SEED, section=_SECTION[measure]),
        )
    value = SupportPlan(
        household_id=case.household.id,
        measures=tuple(m for m, s in decided.items() if s),
        not_recorded=tuple(m for m, s in decided.items() if s is None),
    )
    rec.step(
        "monitoring.measures.summary",
        household=value.household_id,
        measures=value.measures,
        not_recorded=value.not_recorded,
    )
    del policy  # MON-7 has no parameters; the policy is taken for a uniform signature
    return rec.result(value)
