"""Every follow-up check of one relocated household that the pack sets; 后续扶持逐户核查.

What the ledger form ``follow_up.checks`` runs per household: FOLLOW-1 (training), FOLLOW-2
(a stable job), FOLLOW-3 (transitional dibao), FOLLOW-4 (old house), FOLLOW-5 (homestead
award), each only when the policy's pack gives its parameters.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ...domain.follow_up import RelocatedHousehold
from ...errors import RuleError
from ...explain import Result
from ...explain.recorder import Recorder
from ...policy import Policy
from ._common import a_date, require
from .old_house import (
    DEMOLITION_PARAMS,
    DemolitionCheck,
    DemolitionState,
    HomesteadAward,
    demolition,
    homestead_award,
)
from .support import (
    DibaoCheck,
    DibaoState,
    EmploymentCheck,
    EmploymentState,
    TrainingCheck,
    TrainingState,
    stable_employment,
    training,
    transitional_dibao,
)

__all__ = ["FollowUpChecks", "Outcome", "follow_up_checks"]


class Outcome(enum.StrEnum):
    """A household's follow-up outcome; 核查结论."""

    __label__ = "follow_up.outcome"

    ON_TRACK = "on_track"
    ACTION_NEEDED = "action_needed"
    NOT_RECORDED = "not_recorded"


_ACTION = {
    TrainingState.OVERDUE,
    EmploymentState.NOT_MET,
    DibaoState.TO_GRANT,
    DibaoState.REVIEW_DUE,
    DemolitionState.OVERDUE,
    DemolitionState.LATE,
}
_UNKNOWN = {
    TrainingState.NOT_RECORDED,
    EmploymentState.NOT_RECORDED,
    DibaoState.NOT_RECORDED,
    DemolitionState.NOT_RECORDED,
}


@attrs.frozen(kw_only=True)
class FollowUpChecks:
    """The checks of one household (``None``: the pack does not set that check).

    Args:
        household_id: The household's id.
        as_of: The check date.
        training: FOLLOW-1; None: the pack does not set it.
        employment: FOLLOW-2; None: the pack does not set it.
        dibao: FOLLOW-3; None: the pack does not set it.
        demolition: FOLLOW-4; None: the pack does not set it.
        award: FOLLOW-5; None: the pack does not set it.
    """

    household_id: str
    as_of: dt.date
    training: TrainingCheck | None
    employment: EmploymentCheck | None
    dibao: DibaoCheck | None
    demolition: DemolitionCheck | None
    award: HomesteadAward | None

    @property
    def states(self) -> tuple[enum.StrEnum, ...]:
        """The state of every check made."""
        out: list[enum.StrEnum] = []
        if self.training is not None:
            out.append(self.training.state)
        if self.employment is not None:
            out.append(self.employment.state)
        if self.dibao is not None:
            out.append(self.dibao.state)
        if self.demolition is not None:
            out.append(self.demolition.state)
            if self.demolition.reclamation_state is not None:
                out.append(self.demolition.reclamation_state)
        return tuple(out)

    @property
    def outcome(self) -> Outcome:
        """Action needed if a check fails or is overdue; else not recorded if one could not be
        made; else on track."""
        states = set(self.states)
        if states & _ACTION:
            return Outcome.ACTION_NEEDED
        if states & _UNKNOWN:
            return Outcome.NOT_RECORDED
        return Outcome.ON_TRACK


def follow_up_checks(
    household: RelocatedHousehold, policy: Policy, *, as_of: dt.date
) -> Result[FollowUpChecks]:
    """Run every follow-up check the pack sets on one relocated household; 后续扶持核查
    (FOLLOW-1..FOLLOW-5)."""
    require(
        household,
        RelocatedHousehold,
        "rules.follow_up.follow_up_checks",
        "household",
        code="follow_up.error.household_type",
    )
    a_date("follow_up_checks", "as_of", as_of)
    rec = Recorder("FOLLOW-1")
    t: TrainingCheck | None = None
    e: EmploymentCheck | None = None
    d: DibaoCheck | None = None
    o: DemolitionCheck | None = None
    a: HomesteadAward | None = None
    if "follow_up.training_within_years" in policy:
        t = rec.use(training(household, policy, as_of=as_of))
    if "follow_up.stable_jobs_min_per_household" in policy:
        e = rec.use(stable_employment(household, policy))
    if "follow_up.dibao_months" in policy:
        d = rec.use(transitional_dibao(household, policy, as_of=as_of))
    if any(name in policy for name in DEMOLITION_PARAMS):
        o = rec.use(demolition(household, policy, as_of=as_of))
    if "follow_up.homestead_award_per_person" in policy:
        a = rec.use(homestead_award(household, policy))
    if not rec.steps:
        raise RuleError(
            rule="FOLLOW-1",
            message=f"the pack {policy.id} sets no follow-up check",
            code="follow_up.error.no_check",
            extra={"pack": policy.id},
        )
    value = FollowUpChecks(
        household_id=household.id,
        as_of=as_of,
        training=t,
        employment=e,
        dibao=d,
        demolition=o,
        award=a,
    )
    rec.step(f"follow_up.checks.{value.outcome.value}", household=household.id, as_of=as_of)
    return rec.result(value)
