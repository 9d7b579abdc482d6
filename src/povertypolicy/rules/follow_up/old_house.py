"""Old houses after the move: demolition deadlines and the homestead award (FOLLOW-4, FOLLOW-5).

拆旧腾退: Shaanxi (relocation-follow-up-documents 第二篇) allows at most 6 months from moving in and
none in a hazard zone,
with dated 2019 deadlines; Chengkou (第三篇) in principle 1 year; the 篇二 county dates its own
deadlines. Every limit the pack gives applies and the earliest decides (each is a maximum).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ...domain.follow_up import OldHouse, RelocatedHousehold
from ...errors import RuleError
from ...explain import Result
from ...explain.recorder import Recorder, convention
from ...money import Money
from ...policy import Bound, Parameter, Policy
from ._common import CIVIL_CODE_201, Tri, a_date, any_of, period_end, require, within

__all__ = [
    "AwardState",
    "DemolitionCheck",
    "DemolitionState",
    "HomesteadAward",
    "Limit",
    "LimitKind",
    "OldHouseFact",
    "demolition",
    "homestead_award",
]

DEMOLITION_PARAMS = (
    "follow_up.demolition_transition_months",
    "follow_up.hazard_demolition_days",
    "follow_up.early_move_in_cutoff",
    "follow_up.unsafe_demolition_deadline",
    "follow_up.demolition_deadline",
)


class DemolitionState(enum.StrEnum):
    """Where an old house (or its homestead's reclamation) stands; 拆旧情况 (FOLLOW-4)."""

    __label__ = "follow_up.demolition_state"

    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"
    NOT_RECORDED = "not_recorded"


class LimitKind(enum.StrEnum):
    """Which rule sets a deadline; 拆旧时限 (FOLLOW-4)."""

    __label__ = "follow_up.limit"

    TRANSITION = "transition"
    HAZARD = "hazard"
    EARLY_MOVERS = "early_movers"
    UNSAFE_DATE = "unsafe_date"
    ALL_DATE = "all_date"


class OldHouseFact(enum.StrEnum):
    """A fact a deadline needs; 所需信息."""

    __label__ = "follow_up.fact"

    MOVED_IN_ON = "moved_in_on"
    IN_HAZARD_ZONE = "in_hazard_zone"
    UNSAFE = "unsafe"
    NON_BRICK_CONCRETE = "non_brick_concrete"


@attrs.frozen(kw_only=True)
class Limit:
    """One deadline that applies to the house, the rule that sets it and its bound.

    Args:
        kind: The rule that sets it.
        deadline: The deadline.
        bound: Whether the deadline day itself is in time; None: the rule does not say.
    """

    kind: LimitKind
    deadline: dt.date
    bound: Bound | None


@attrs.frozen(kw_only=True)
class DemolitionCheck:
    """FOLLOW-4 for a household: its deadline (the earliest limit), the state, reclamation.

    Args:
        household_id: The household's id.
        state: On time, late, pending, overdue or not recorded.
        deadline: The deadline that applies (the earliest limit); None: undetermined.
        decided_by: The limit that set it; None: undetermined.
        limits: Every deadline that applies to the house.
        missing: Facts needed and not recorded.
        demolished_on: Day the house was demolished; None: not yet or not recorded.
        reclamation_deadline: Deadline to reclaim the homestead; None: none applies.
        reclamation_state: State of the reclamation; None: none applies.
    """

    household_id: str
    state: DemolitionState
    deadline: dt.date | None
    decided_by: LimitKind | None
    limits: tuple[Limit, ...]
    missing: tuple[OldHouseFact, ...]
    demolished_on: dt.date | None
    reclamation_deadline: dt.date | None = None
    reclamation_state: DemolitionState | None = None


def _state(
    done: dt.date | None, deadline: dt.date, bound: Bound | None, as_of: dt.date
) -> DemolitionState:
    if done is not None:
        return DemolitionState.ON_TIME if within(done, deadline, bound) else DemolitionState.LATE
    return DemolitionState.PENDING if within(as_of, deadline, bound) else DemolitionState.OVERDUE


def _limits(
    household: RelocatedHousehold, house: OldHouse, policy: Policy
) -> tuple[list[tuple[Limit, Parameter]], list[OldHouseFact]]:
    found: list[tuple[Limit, Parameter]] = []
    missing: list[OldHouseFact] = []
    moved = household.moved_in_on

    def need_moved() -> dt.date | None:
        if moved is None and OldHouseFact.MOVED_IN_ON not in missing:
            missing.append(OldHouseFact.MOVED_IN_ON)
        return moved

    def hazard(facts: list[tuple[OldHouseFact, Tri]]) -> Tri:
        value = any_of(v for _, v in facts)
        if value is None:
            missing.extend(f for f, v in facts if v is None and f not in missing)
        return value

    if "follow_up.demolition_transition_months" in policy:
        p = policy.param("follow_up.demolition_transition_months")
        m = need_moved()
        if m is not None:
            found.append(
                (
                    Limit(
                        kind=LimitKind.TRANSITION,
                        deadline=period_end(m, months=p.integer),
                        bound=p.bound,
                    ),
                    p,
                )
            )
    if "follow_up.hazard_demolition_days" in policy:
        p = policy.param("follow_up.hazard_demolition_days")
        is_hazard = hazard(
            [
                (OldHouseFact.IN_HAZARD_ZONE, house.in_hazard_zone),
                (OldHouseFact.UNSAFE, house.unsafe),
            ]
        )
        m = need_moved() if is_hazard else None
        if is_hazard and m is not None:
            deadline = m + dt.timedelta(days=p.integer)
            found.append((Limit(kind=LimitKind.HAZARD, deadline=deadline, bound=p.bound), p))
    if "follow_up.early_move_in_cutoff" in policy:
        cutoff = policy.param("follow_up.early_move_in_cutoff")
        m = need_moved()
        if m is not None and cutoff.admits(m):
            p = policy.param("follow_up.early_movers_demolition_deadline")
            found.append((Limit(kind=LimitKind.EARLY_MOVERS, deadline=p.date, bound=p.bound), p))
    if "follow_up.unsafe_demolition_deadline" in policy:
        p = policy.param("follow_up.unsafe_demolition_deadline")
        unsafe = hazard(
            [
                (OldHouseFact.UNSAFE, house.unsafe),
                (OldHouseFact.IN_HAZARD_ZONE, house.in_hazard_zone),
                (OldHouseFact.NON_BRICK_CONCRETE, house.non_brick_concrete),
            ]
        )
        if unsafe:
            found.append((Limit(kind=LimitKind.UNSAFE_DATE, deadline=p.date, bound=p.bound), p))
    if "follow_up.demolition_deadline" in policy:
        p = policy.param("follow_up.demolition_deadline")
        found.append((Limit(kind=LimitKind.ALL_DATE, deadline=p.date, bound=p.bound), p))
    return found, missing


def demolition(
    household: RelocatedHousehold, policy: Policy, *, as_of: dt.date
) -> Result[DemolitionCheck]:
    """The old house's demolition deadline as a date and whether it was met; 拆旧腾退 (FOLLOW-4).

    Months run per the Civil Code (from the day after moving in to the corresponding day).
    When a fact a limit needs was not recorded (the move-in date, whether the house is unsafe),
    the state is *not recorded* and the missing facts are named: no limit is assumed away.
    """
    require(
        household,
        RelocatedHousehold,
        "rules.follow_up.demolition",
        "household",
        code="follow_up.error.household_type",
    )
    a_date("demolition", "as_of", as_of)
    if not any(name in policy for name in DEMOLITION_PARAMS):
        raise RuleError(
            rule="FOLLOW-4",
            message=f"the pack {policy.id} sets no demolition deadline",
            code="follow_up.error.no_demolition_deadline",
            extra={"pack": policy.id},
        )
    house = household.old_house or OldHouse()
    limits, missing = _limits(household, house, policy)
    rec = Recorder("FOLLOW-4")
    for limit, param in limits:
        rec.step(
            f"follow_up.deadline.{limit.kind.value}",
            deadline=limit.deadline,
            moved_in_on=household.moved_in_on,
            params=(param,),
            citation=CIVIL_CODE_201 if limit.kind is LimitKind.TRANSITION else None,
        )
    done = house.demolished_on
    if missing:
        check = DemolitionCheck(
            household_id=household.id,
            state=DemolitionState.NOT_RECORDED,
            deadline=None,
            decided_by=None,
            limits=tuple(lim for lim, _ in limits),
            missing=tuple(missing),
            demolished_on=done,
        )
        rec.step(
            "follow_up.demolition.not_recorded", household=household.id, missing=tuple(missing)
        )
    else:
        first = min((lim for lim, _ in limits), key=lambda lim: lim.deadline)
        state = _state(done, first.deadline, first.bound, as_of)
        check = DemolitionCheck(
            household_id=household.id,
            state=state,
            deadline=first.deadline,
            decided_by=first.kind,
            limits=tuple(lim for lim, _ in limits),
            missing=(),
            demolished_on=done,
        )
        rec.step(
            f"follow_up.demolition.{state.value}",
            household=household.id,
            deadline=first.deadline,
            limit=first.kind,
            date=done,
            as_of=as_of,
            notes=(convention("follow_up.note.earliest_limit") if len(limits) > 1 else None,),
        )
    if "follow_up.reclamation_deadline" in policy:
        p = policy.param("follow_up.reclamation_deadline")
        rstate = _state(house.reclaimed_on, p.date, p.bound, as_of)
        check = attrs.evolve(check, reclamation_deadline=p.date, reclamation_state=rstate)
        rec.step(
            f"follow_up.reclamation.{rstate.value}",
            deadline=p.date,
            date=house.reclaimed_on,
            as_of=as_of,
            params=(p,),
        )
    return rec.result(check)


# -- FOLLOW-5 ------------------------------------------------------------------------------------


class AwardState(enum.StrEnum):
    """Whether the homestead award is payable; 旧宅基地奖补 (FOLLOW-5)."""

    __label__ = "follow_up.award_state"

    PAYABLE = "payable"
    NOT_YET = "not_yet"


@attrs.frozen(kw_only=True)
class HomesteadAward:
    """FOLLOW-5: the award per person × the household's people, payable once vacated.

    Args:
        household_id: The household's id.
        people: People counted.
        per_person: The award per person.
        amount: Per person × people.
        state: Payable, or not yet (the homestead not yet vacated).
    """

    household_id: str
    people: int
    per_person: Money
    amount: Money
    state: AwardState

    @property
    def payable_now(self) -> Money:
        """The amount payable now: the award once the old homestead is vacated, else 0."""
        return self.amount if self.state is AwardState.PAYABLE else Money.zero()


def homestead_award(household: RelocatedHousehold, policy: Policy) -> Result[HomesteadAward]:
    """The old-homestead vacating award: per person × the relocated members; 旧宅基地奖补
    (FOLLOW-5). It is payable once the old house is demolished and the homestead vacated
    (a convention: the text gives the amount, not when it is paid)."""
    require(
        household,
        RelocatedHousehold,
        "rules.follow_up.homestead_award",
        "household",
        code="follow_up.error.household_type",
    )
    rate = policy.param("follow_up.homestead_award_per_person")
    people = household.size
    amount = rate.money * people
    house = household.old_house or OldHouse()
    vacated = house.demolished_on is not None
    state = AwardState.PAYABLE if vacated else AwardState.NOT_YET
    rec = Recorder("FOLLOW-5")
    rec.step(
        f"follow_up.award.{state.value}",
        household=household.id,
        rate=rate.money,
        people=people,
        amount=amount,
        date=house.demolished_on,
        params=(rate,),
        notes=(convention("follow_up.note.award_on_vacating"),),
    )
    value = HomesteadAward(
        household_id=household.id, people=people, per_person=rate.money, amount=amount, state=state
    )
    return rec.result(value)
