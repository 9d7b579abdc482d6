"""Support for relocated households: training, a stable job, transitional dibao, insurance.

FOLLOW-1 (培训), FOLLOW-2 (稳定就业), FOLLOW-3 (过渡期低保), FOLLOW-8 (重大疾病商业补充保险).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ...domain.enums import LabourCapacity
from ...domain.follow_up import RelocatedHousehold, RelocatedMember
from ...errors import InputError
from ...explain import Citation, Note, Result
from ...explain.recorder import Recorder, convention, warning
from ...money import Money
from ...policy import Bound, Policy
from ._common import CIVIL_CODE_201, SEED, Tri, a_date, all_of, any_of, period_end, require, within

__all__ = [
    "DibaoCheck",
    "DibaoCondition",
    "DibaoState",
    "EmploymentCheck",
    "EmploymentState",
    "MemberTraining",
    "TrainingCheck",
    "TrainingState",
    "serious_illness_premium",
    "stable_employment",
    "training",
    "transitional_dibao",
]

_CITE_HOUSE_NOT_COUNTED = Citation(
    document=SEED,
    section="篇二 §三(三)3",
    quote="在识别认定低保对象时,易地扶贫搬迁修建或购置的房产不得作为纳入限制条件",
)


class TrainingState(enum.StrEnum):
    """Where a worker's training stands; 培训情况 (FOLLOW-1)."""

    __label__ = "follow_up.training_state"

    TRAINED = "trained"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_WANTED = "not_wanted"
    NOT_A_WORKER = "not_a_worker"
    NOT_RECORDED = "not_recorded"


_TRAINING_ORDER = (
    TrainingState.OVERDUE,
    TrainingState.NOT_RECORDED,
    TrainingState.DUE,
    TrainingState.TRAINED,
    TrainingState.NOT_WANTED,
    TrainingState.NOT_A_WORKER,
)


@attrs.frozen(kw_only=True)
class MemberTraining:
    """One member's training: trainings counted in the year after settling, and the state.

    Args:
        person_id: The member's id.
        state: Trained, due, overdue, not wanted, not a worker or not recorded.
        counted: Trainings counted in the year after settling.
        first_on: Day of the first counted training; None: none.
    """

    person_id: str
    state: TrainingState
    counted: int
    first_on: dt.date | None


@attrs.frozen(kw_only=True)
class TrainingCheck:
    """FOLLOW-1 for a household: the deadline as a date and each member's state; 培训.

    Args:
        household_id: The household's id.
        settled_on: Day the household settled; None: not recorded.
        deadline: Last day for the training; None: undetermined.
        members: Each member's training.
    """

    household_id: str
    settled_on: dt.date | None
    deadline: dt.date | None
    members: tuple[MemberTraining, ...]

    @property
    def state(self) -> TrainingState:
        """The household's state: the most urgent of its members' (overdue first)."""
        found = {m.state for m in self.members}
        return next(s for s in _TRAINING_ORDER if s in found)

    @property
    def wanting(self) -> int:
        """Members who want training (and can work)."""
        skip = (TrainingState.NOT_WANTED, TrainingState.NOT_A_WORKER)
        return sum(1 for m in self.members if m.state not in skip)


def _member_training(
    m: RelocatedMember,
    deadline: dt.date | None,
    settled_on: dt.date | None,
    minimum: int,
    bound: Bound | None,
    as_of: dt.date,
) -> MemberTraining:
    none = MemberTraining(
        person_id=m.id, state=TrainingState.NOT_RECORDED, counted=0, first_on=None
    )
    if m.labour_capacity is LabourCapacity.NONE:
        return attrs.evolve(none, state=TrainingState.NOT_A_WORKER)
    if m.wants_training is False:
        return attrs.evolve(none, state=TrainingState.NOT_WANTED)
    if m.wants_training is None or deadline is None or settled_on is None or m.trainings is None:
        return none
    for d in m.trainings:
        if d > as_of:
            raise InputError(
                obj=f"RelocatedMember {m.id}",
                field="trainings",
                value=d,
                expected=f"dates on or before the check date {as_of}",
                code="follow_up.error.training_after_check",
                extra={"as_of": as_of},
            )
    counted = sorted(d for d in m.trainings if settled_on <= d and within(d, deadline, bound))
    first = counted[0] if counted else None
    if len(counted) >= minimum:
        state = TrainingState.TRAINED
    elif within(as_of, deadline, bound):
        state = TrainingState.DUE
    else:
        state = TrainingState.OVERDUE
    return MemberTraining(person_id=m.id, state=state, counted=len(counted), first_on=first)


def training(
    household: RelocatedHousehold, policy: Policy, *, as_of: dt.date
) -> Result[TrainingCheck]:
    """Whether each worker who wants training had it within a year of settling; 培训 (FOLLOW-1).

    The year is counted as the Civil Code counts periods: from the day after settling (落户) to
    the same day a year later; a training on that last day counts (1年内, inclusive). A training
    before the settling day does not count. ``as_of`` is the date of the check.
    """
    require(
        household,
        RelocatedHousehold,
        "rules.follow_up.training",
        "household",
        code="follow_up.error.household_type",
    )
    a_date("training", "as_of", as_of)
    years = policy.param("follow_up.training_within_years")
    minimum = policy.param("follow_up.training_min_sessions")
    settled = household.settled_on
    deadline = None if settled is None else period_end(settled, years=years.integer)
    rec = Recorder("FOLLOW-1")
    if settled is None:
        rec.step("follow_up.training.no_settled_date", household=household.id, params=(years,))
    else:
        rec.step(
            "follow_up.training.deadline",
            household=household.id,
            settled_on=settled,
            first_day=settled + dt.timedelta(days=1),
            deadline=deadline,
            params=(years, minimum),
            citation=CIVIL_CODE_201,
        )
    members = []
    for m in household.members:
        mt = _member_training(m, deadline, settled, minimum.integer, years.bound, as_of)
        members.append(mt)
        rec.step(
            f"follow_up.training.{mt.state.value}",
            person=m.id,
            deadline=deadline,
            counted=mt.counted,
            first=mt.first_on,
            as_of=as_of,
        )
    value = TrainingCheck(
        household_id=household.id, settled_on=settled, deadline=deadline, members=tuple(members)
    )
    return rec.result(value)


# -- FOLLOW-2 ------------------------------------------------------------------------------------


class EmploymentState(enum.StrEnum):
    """Whether a household has its stable job; 稳定就业 (FOLLOW-2)."""

    __label__ = "follow_up.employment_state"

    MET = "met"
    NOT_MET = "not_met"
    NO_LABOUR = "no_labour"
    NOT_RECORDED = "not_recorded"


@attrs.frozen(kw_only=True)
class EmploymentCheck:
    """FOLLOW-2 for a household: who can and wants to work, who is in stable employment.

    Args:
        household_id: The household's id.
        state: Met, not met, no labour or not recorded.
        able_and_willing: Ids of members able and willing to work.
        employed: Of those, ids in stable employment.
        undetermined: Ids that could not be decided for want of a fact.
    """

    household_id: str
    state: EmploymentState
    able_and_willing: tuple[str, ...]
    employed: tuple[str, ...]
    undetermined: tuple[str, ...]
    not_recorded: tuple[str, ...] = ()
    """Members not in stable employment whose capacity or wish to work was not recorded."""


def _able(m: RelocatedMember) -> Tri:
    if m.labour_capacity is None:
        return None
    return m.labour_capacity is not LabourCapacity.NONE


def stable_employment(household: RelocatedHousehold, policy: Policy) -> Result[EmploymentCheck]:
    """Whether a household with a member able and willing to work has at least one member in
    stable employment; 每户1人以上稳定就业 (FOLLOW-2).

    Partial labour capacity counts as able to work (a convention, as in monitoring). A member
    in stable employment counts whatever was recorded of their wish to work.
    """
    require(
        household,
        RelocatedHousehold,
        "rules.follow_up.stable_employment",
        "household",
        code="follow_up.error.household_type",
    )
    minimum = policy.param("follow_up.stable_jobs_min_per_household")
    employed = tuple(m.id for m in household.members if m.stably_employed is True)
    able_willing = [all_of((_able(m), m.wants_work)) for m in household.members]
    has_labour = any_of([*able_willing, bool(employed)])
    could_work = [
        m.id
        for m, aw in zip(household.members, able_willing, strict=True)
        if m.stably_employed is None and aw is not False
    ]
    if minimum.admits(len(employed)):
        state = EmploymentState.MET
    elif has_labour is False:
        state = EmploymentState.NO_LABOUR
    elif has_labour is True and not minimum.admits(len(employed) + len(could_work)):
        state = EmploymentState.NOT_MET
    else:
        state = EmploymentState.NOT_RECORDED
    value = EmploymentCheck(
        household_id=household.id,
        state=state,
        able_and_willing=tuple(
            m.id for m, aw in zip(household.members, able_willing, strict=True) if aw is True
        ),
        employed=employed,
        undetermined=tuple(could_work) if state is EmploymentState.NOT_RECORDED else (),
    )
    unknown = tuple(
        m.id
        for m, aw in zip(household.members, able_willing, strict=True)
        if aw is None and m.stably_employed is not True
    )
    value = attrs.evolve(value, not_recorded=unknown)
    rec = Recorder("FOLLOW-2")
    rec.step(
        f"follow_up.employment.{state.value}",
        household=household.id,
        able=value.able_and_willing,
        employed=employed,
        undetermined=value.undetermined,
        params=(minimum,),
        notes=(
            convention("follow_up.note.partial_capacity"),
            warning("follow_up.note.work_not_recorded", persons=", ".join(unknown))
            if unknown
            else None,
        ),
    )
    return rec.result(value)


# -- FOLLOW-3 ------------------------------------------------------------------------------------


class DibaoCondition(enum.StrEnum):
    """A condition of the transitional dibao; 低保救助条件 (FOLLOW-3)."""

    __label__ = "follow_up.dibao_condition"

    REGISTERED_POOR = "registered_poor"
    NO_EMPLOYMENT = "no_employment"
    NO_INDUSTRY_SUPPORT = "no_industry_support"
    HARDSHIP = "hardship"
    PROPERTY = "property"


class DibaoState(enum.StrEnum):
    """Where a household's transitional dibao stands; 低保救助 (FOLLOW-3)."""

    __label__ = "follow_up.dibao_state"

    TO_GRANT = "to_grant"
    IN_PERIOD = "in_period"
    REVIEW_DUE = "review_due"
    NOT_ELIGIBLE = "not_eligible"
    NOT_RECORDED = "not_recorded"


@attrs.frozen(kw_only=True)
class DibaoCheck:
    """FOLLOW-3 for a household: eligible or not (and why), and the six months as dates.

    Args:
        household_id: The household's id.
        state: To grant, in period, review due, not eligible or not recorded.
        failed: Conditions failed.
        not_recorded: Conditions that could not be checked for want of a fact.
        granted_on: Day the transitional dibao was granted; None: not granted or not recorded.
        until: Last day of the six months; None: not granted.
    """

    household_id: str
    state: DibaoState
    failed: tuple[DibaoCondition, ...]
    not_recorded: tuple[DibaoCondition, ...]
    granted_on: dt.date | None
    until: dt.date | None

    @property
    def eligible(self) -> bool | None:
        """True, False, or None when a fact was not recorded."""
        if self.failed:
            return False
        return None if self.not_recorded else True


def transitional_dibao(
    household: RelocatedHousehold, policy: Policy, *, as_of: dt.date
) -> Result[DibaoCheck]:
    """Six months of dibao for a registered poor relocated household with no job and no
    industry support whose life is hard, then normal dynamic management; 过渡期低保 (FOLLOW-3).

    The family's property is assessed without the relocation house (篇二 §三(三)3). The six
    months run from the day after the grant (民法典 art. 201) to the corresponding day.
    """
    require(
        household,
        RelocatedHousehold,
        "rules.follow_up.transitional_dibao",
        "household",
        code="follow_up.error.household_type",
    )
    a_date("transitional_dibao", "as_of", as_of)
    months = policy.param("follow_up.dibao_months")
    employed = any_of(m.stably_employed for m in household.members)
    checks: list[tuple[DibaoCondition, Tri]] = [
        (DibaoCondition.REGISTERED_POOR, household.registered_poor),
        (DibaoCondition.NO_EMPLOYMENT, None if employed is None else not employed),
        (
            DibaoCondition.NO_INDUSTRY_SUPPORT,
            None if household.industry_support is None else not household.industry_support,
        ),
        (DibaoCondition.HARDSHIP, household.hardship),
        (DibaoCondition.PROPERTY, household.property_within_limits),
    ]
    failed = tuple(c for c, ok in checks if ok is False)
    unknown = tuple(c for c, ok in checks if ok is None)
    granted = household.dibao_granted_on
    until = None if granted is None else period_end(granted, months=months.integer)
    if failed:
        state = DibaoState.NOT_ELIGIBLE
    elif unknown:
        state = DibaoState.NOT_RECORDED
    elif granted is None or until is None:
        state = DibaoState.TO_GRANT
    else:
        state = DibaoState.IN_PERIOD if as_of <= until else DibaoState.REVIEW_DUE
    notes: list[Note] = [convention("follow_up.note.relocation_house_not_counted")]
    if failed and granted is not None:
        notes.append(warning("follow_up.note.granted_not_eligible"))
    elif failed:
        notes.append(warning("follow_up.note.grant_not_recorded"))
    rec = Recorder("FOLLOW-3")
    rec.step(
        f"follow_up.dibao.{state.value}",
        household=household.id,
        failed=failed,
        not_recorded=unknown,
        granted_on=granted,
        until=until,
        as_of=as_of,
        params=(months,),
        notes=notes,
        citation=_CITE_HOUSE_NOT_COUNTED if state is DibaoState.NOT_ELIGIBLE else None,
    )
    if until is not None and state in (DibaoState.IN_PERIOD, DibaoState.REVIEW_DUE):
        rec.step(
            "follow_up.dibao.period",
            granted_on=granted,
            until=until,
            review=until + dt.timedelta(1),
            citation=CIVIL_CODE_201,
        )
    value = DibaoCheck(
        household_id=household.id,
        state=state,
        failed=failed,
        not_recorded=unknown,
        granted_on=granted,
        until=until,
    )
    return rec.result(value)


# -- FOLLOW-8 ------------------------------------------------------------------------------------


def serious_illness_premium(people: int, policy: Policy, *, years: int = 1) -> Result[Money]:
    """The premium the county pays for registered poor people's supplementary serious-illness
    insurance: per person per year × people × years; 重大疾病商业补充保险 (FOLLOW-8)."""
    for name, n in (("people", people), ("years", years)):
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InputError(
                obj="serious_illness_premium",
                field=name,
                value=n,
                expected="a whole number >= 0",
                code="core.error.count",
            )
    rate = policy.param("follow_up.serious_illness_premium")
    total = rate.money * people * years
    rec = Recorder("FOLLOW-8")
    rec.step(
        "follow_up.premium",
        rate=rate.money,
        people=people,
        years=years,
        total=total,
        params=(rate,),
    )
    return rec.result(total)
