"""Relocation housing subsidy (易地扶贫搬迁建房补助), poverty-work-plan-samples 篇3:
HOUSE-1..HOUSE-5."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from ..domain.enums import HukouType
from ..domain.housing import Milestone
from ..domain.person import Household, Person
from ..errors import InputError, RuleError
from ..explain import Result, Step
from ..explain.recorder import Recorder, boundary, convention, rounding, warning
from ..money import Money
from ..policy import Parameter, Policy

__all__ = [
    "Condition",
    "Eligibility",
    "FundingLevel",
    "FundingShare",
    "HousingSubsidy",
    "MemberEligibility",
    "Tranche",
    "TrancheRelease",
    "TrancheState",
    "TrancheStatus",
    "earliest_approval",
    "eligibility",
    "housing_subsidy",
    "release_tranches",
]

_MILESTONES = tuple(Milestone)
_TRANCHE_PARAMS: dict[Milestone, str] = {
    Milestone.FOUNDATION: "housing.tranche_foundation",
    Milestone.FIRST_STOREY: "housing.tranche_first_storey",
    Milestone.SECOND_STOREY: "housing.tranche_second_storey",
    Milestone.OLD_HOUSE_DEMOLISHED: "housing.tranche_old_house_demolished",
}


class Condition(enum.StrEnum):
    """A condition a member must meet to be relocated; 搬迁对象条件 (HOUSE-1)."""

    __label__ = "housing.condition"

    BORN_BEFORE_CUTOFF = "born_before_cutoff"
    AGRICULTURAL_HUKOU = "agricultural_hukou"
    REGISTERED_LOCALLY = "registered_locally"
    LIVES_IN_AREA = "lives_in_area"
    APPLIED = "applied"


class FundingLevel(enum.StrEnum):
    """Level of government funding part of the subsidy; 补助资金层级 (HOUSE-2)."""

    __label__ = "housing.level"

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class TrancheState(enum.StrEnum):
    """Where a tranche stands; 拨付状态 (HOUSE-3)."""

    __label__ = "housing.state"

    PAID = "paid"
    PAYABLE = "payable"
    WAITING = "waiting"
    NOT_REACHED = "not_reached"


@attrs.frozen(kw_only=True)
class MemberEligibility:
    """One member's eligibility with the conditions failed or not recorded; 成员资格 (HOUSE-1).

    Args:
        person_id: The member's id.
        eligible: True when every condition is met.
        failed: Conditions the member fails.
        not_recorded: Conditions that could not be checked because the fact was not recorded.
    """

    person_id: str
    eligible: bool
    failed: tuple[Condition, ...]
    not_recorded: tuple[Condition, ...]

    @property
    def determined(self) -> bool:
        """False when a condition could not be checked because the fact was not recorded."""
        return self.eligible or bool(self.failed) or not self.not_recorded


@attrs.frozen(kw_only=True)
class Eligibility:
    """Eligibility of every member of a household; 搬迁对象认定 (HOUSE-1).

    Args:
        household_id: The household's id.
        members: Each member's eligibility, in household order.
    """

    household_id: str
    members: tuple[MemberEligibility, ...]

    @property
    def eligible_ids(self) -> tuple[str, ...]:
        """Ids of eligible members, in household order."""
        return tuple(m.person_id for m in self.members if m.eligible)

    @property
    def count(self) -> int:
        """Number of eligible members."""
        return len(self.eligible_ids)

    @property
    def undetermined_ids(self) -> tuple[str, ...]:
        """Ids of members whose eligibility needs facts that were not recorded."""
        return tuple(m.person_id for m in self.members if not m.determined)

    @property
    def failed(self) -> tuple[Condition, ...]:
        """Conditions failed by at least one member, in the order of `Condition`."""
        found = {c for m in self.members for c in m.failed}
        return tuple(c for c in Condition if c in found)

    @property
    def not_recorded(self) -> tuple[Condition, ...]:
        """Conditions at least one member could not be checked on, in `Condition` order."""
        found = {c for m in self.members for c in m.not_recorded}
        return tuple(c for c in Condition if c in found)

    @property
    def reason(self) -> str:
        """The household's reason code: ``undetermined`` when a member's facts are missing,
        else ``all_eligible``, ``some_eligible`` or ``none_eligible``; 认定结果."""
        if self.undetermined_ids:
            return "undetermined"
        if self.count == len(self.members):
            return "all_eligible"
        return "some_eligible" if self.count else "none_eligible"


@attrs.frozen(kw_only=True)
class FundingShare:
    """The part of the subsidy one level of government funds; 分级补助 (HOUSE-2).

    Args:
        level: Province, city or county.
        per_person: This level's subsidy per eligible person.
        amount: This level's part for the household (per person × eligible people).
    """

    level: FundingLevel
    per_person: Money
    amount: Money


@attrs.frozen(kw_only=True)
class Tranche:
    """One tranche of the household's subsidy; 分期拨付 (HOUSE-3).

    Args:
        milestone: The milestone that releases it.
        share: Its share of the net subsidy (a fraction from the pack).
        amount: Its amount.
        took_rounding_fen: True when the exact split gave this tranche a rounding fen.
    """

    milestone: Milestone
    share: Decimal
    amount: Money
    took_rounding_fen: bool


@attrs.frozen(kw_only=True)
class HousingSubsidy:
    """A household's housing subsidy: gross, withheld, net, funding levels, tranches, timber.

    Args:
        household_id: The household's id.
        eligible_person_ids: Ids of the eligible members (HOUSE-1), in household order.
        per_person: The subsidy per eligible person (HOUSE-2).
        gross: Per person × eligible people.
        withheld: Withheld for the site's infrastructure (HOUSE-2).
        net: Gross less withheld: what the tranches pay.
        by_level: The part funded by each level of government.
        tranches: The net amount split into milestone tranches (HOUSE-3).
        timber_m3: Timber allowance for the household in m³: per person × eligible people (HOUSE-5).
    """

    household_id: str
    eligible_person_ids: tuple[str, ...]
    per_person: Money
    gross: Money
    withheld: Money
    net: Money
    by_level: tuple[FundingShare, ...]
    tranches: tuple[Tranche, ...]
    timber_m3: Decimal

    @property
    def people(self) -> int:
        """Number of eligible people the subsidy is for."""
        return len(self.eligible_person_ids)

    def tranche(self, milestone: Milestone) -> Tranche:
        """The tranche released by ``milestone``."""
        return next(t for t in self.tranches if t.milestone is milestone)


@attrs.frozen(kw_only=True)
class TrancheStatus:
    """A tranche's state on the payment date, with any demolition-cost deduction; 拨付情况.

    Args:
        milestone: The milestone that releases it.
        amount: The tranche's amount.
        reached_on: Day the milestone was reached; None: not reached or not recorded.
        state: Paid, payable, waiting or not reached.
        deduction: Demolition cost deducted from it.
        payable: What is payable now: the amount less the deduction, if payable.
    """

    milestone: Milestone
    amount: Money
    reached_on: dt.date | None
    state: TrancheState
    deduction: Money
    payable: Money


@attrs.frozen(kw_only=True)
class TrancheRelease:
    """What to pay a household now; 本次拨付 (HOUSE-3, HOUSE-4). ``owed`` is never negative pay.

    Args:
        household_id: The household's id.
        as_of: The payment date.
        tranches: Each tranche's state on that date.
        paid_before: Total of the tranches already paid.
        payable_now: Total payable now, after any deduction.
        deduction: Demolition cost deducted from the unpaid tranches (HOUSE-4).
        owed_by_household: Demolition cost beyond the unpaid tranches, owed by the household; never
            negative pay.
    """

    household_id: str
    as_of: dt.date
    tranches: tuple[TrancheStatus, ...]
    paid_before: Money
    payable_now: Money
    deduction: Money
    owed_by_household: Money


# -- HOUSE-1 -----------------------------------------------------------------------------------


def _member(
    rec: Recorder, person: Person, household: Household, cutoff: Parameter
) -> MemberEligibility:
    failed: list[Condition] = []
    unknown: list[Condition] = []
    checks: list[tuple[Condition, bool | None]] = [
        (Condition.BORN_BEFORE_CUTOFF, cutoff.admits(person.birth_date)),
        (
            Condition.AGRICULTURAL_HUKOU,
            None if person.hukou is None else person.hukou is HukouType.AGRICULTURAL,
        ),
        (Condition.REGISTERED_LOCALLY, person.registered_locally),
        (Condition.LIVES_IN_AREA, person.lives_in_area),
        # 户申请: an application date not recorded is "not recorded", not "did not apply".
        (Condition.APPLIED, None if household.relocation_applied_on is None else True),
    ]
    for condition, ok in checks:
        if ok is None:
            unknown.append(condition)
        elif not ok:
            failed.append(condition)
    result = MemberEligibility(
        person_id=person.id,
        eligible=not failed and not unknown,
        failed=tuple(failed),
        not_recorded=tuple(unknown),
    )
    inputs = {"person": person.id, "birth_date": person.birth_date, "cutoff": cutoff.date}
    if result.eligible:
        key = "housing.member.eligible"
    elif failed:
        key = "housing.member.ineligible"
        inputs["failed"] = tuple(failed)
    else:
        key = "housing.member.undetermined"
        inputs["not_recorded"] = tuple(unknown)
    on_cutoff = person.birth_date == cutoff.date
    rec.step(
        key,
        inputs,
        params=(cutoff,),
        notes=(boundary("housing.note.cutoff_day", cutoff=cutoff.date) if on_cutoff else None,),
    )
    return result


def eligibility(household: Household, policy: Policy) -> Result[Eligibility]:
    """Which members may be relocated; 搬迁对象认定 (HOUSE-1).

    A member qualifies when born before the cut-off (exclusive: "以前"), holding local
    agricultural household registration, still living and farming in the area, and the
    household has applied (户申请). A fact recorded as ``None`` makes the member undetermined.
    """
    _require(household, Household, "household", code="housing.error.household_type")
    cutoff = policy.param("housing.birth_cutoff")
    rec = Recorder("HOUSE-1")
    members = tuple(_member(rec, person, household, cutoff) for person in household.members)
    result = Eligibility(household_id=household.id, members=members)
    undetermined = result.undetermined_ids
    rec.step(
        "housing.eligibility.summary",
        household=household.id,
        eligible=result.count,
        members=household.size,
        applied_on=household.relocation_applied_on,
        notes=(
            warning("housing.note.undetermined", people=undetermined) if undetermined else None,
        ),
    )
    return rec.result(result)


def earliest_approval(posted_on: dt.date, policy: Policy) -> Result[dt.date]:
    """First day the county may approve a list posted on ``posted_on``; 张榜公示 (HOUSE-1).

    The list must stay posted for the pack's number of days without objection. The period is
    counted as the Civil Code counts one in days (民法典 art. 201): it starts the day after the
    posting, so a list posted on 1 April for 5 days is posted through 6 April and may be
    approved from 7 April.
    """
    if isinstance(posted_on, dt.datetime) or not isinstance(posted_on, dt.date):
        raise InputError(
            obj="earliest_approval",
            field="posted_on",
            value=posted_on,
            expected="a datetime.date",
            code="core.error.date",
        )
    days = policy.param("housing.posting_days")
    last_day = posted_on + dt.timedelta(days=days.integer)
    approval = last_day + dt.timedelta(days=1)
    rec = Recorder("HOUSE-1")
    rec.step(
        "housing.posting",
        posted_on=posted_on,
        last_day=last_day,
        approval=approval,
        params=(days,),
        notes=(convention("housing.note.posting_civil_code"),),
    )
    return rec.result(approval)


# -- HOUSE-2, HOUSE-3, HOUSE-5 -------------------------------------------------------------------


def _require(value: object, typ: type, field: str, *, code: str) -> None:
    """An InputError of ``code`` (its message names ``type``, the class) unless ``value`` is a
    ``typ``."""
    if not isinstance(value, typ):
        raise InputError(
            obj="rules.housing",
            field=field,
            value=value,
            expected=f"a {typ.__name__}",
            code=code,
            extra={"type": typ.__name__},
        )


def housing_subsidy(household: Household, policy: Policy) -> Result[HousingSubsidy]:
    """The household's one-off housing subsidy and its tranches; 建房补助 (HOUSE-1, -2, -3, -5)."""
    rec = Recorder("HOUSE-2")
    elig = rec.use(eligibility(household, policy))
    people = elig.count

    rate = policy.param("housing.subsidy_per_person")
    levels = (
        (FundingLevel.PROVINCE, policy.param("housing.subsidy_province_per_person")),
        (FundingLevel.CITY, policy.param("housing.subsidy_city_per_person")),
        (FundingLevel.COUNTY, policy.param("housing.subsidy_county_per_person")),
    )
    level_sum = sum((p.money for _, p in levels), Money.zero())
    if level_sum != rate.money:
        raise RuleError(
            rule="HOUSE-2",
            message=(
                f"the funding levels add up to {level_sum} per person but the subsidy is "
                f"{rate.money} per person; check the policy pack"
            ),
            code="housing.error.funding_levels",
            extra={"levels": level_sum, "subsidy": rate.money},
        )
    gross = rate.money * people
    rec.step("housing.gross", rate=rate.money, people=people, gross=gross, params=(rate,))
    by_level = tuple(
        FundingShare(level=level, per_person=p.money, amount=p.money * people)
        for level, p in levels
    )
    rec.step(
        "housing.by_level",
        province=by_level[0].amount,
        city=by_level[1].amount,
        county=by_level[2].amount,
        gross=gross,
        params=(p for _, p in levels),
    )
    withheld_rate = policy.param("housing.withheld_per_person")
    if withheld_rate.money > rate.money:
        raise RuleError(
            rule="HOUSE-2",
            message="the amount withheld per person exceeds the subsidy per person",
            code="housing.error.withheld_exceeds_subsidy",
            extra={"withheld": withheld_rate.money, "subsidy": rate.money},
        )
    withheld = withheld_rate.money * people
    net = gross - withheld
    rec.step(
        "housing.withheld",
        rate=withheld_rate.money,
        people=people,
        withheld=withheld,
        gross=gross,
        net=net,
        params=(withheld_rate,),
    )

    tranches, tranche_steps = _tranches(net, policy)
    rec.extend(tranche_steps)

    timber = policy.param("housing.timber_per_person")
    timber_total = timber.decimal * people
    rec.step(
        "housing.timber",
        rule="HOUSE-5",
        rate=timber.decimal,
        people=people,
        total=timber_total,
        params=(timber,),
    )
    value = HousingSubsidy(
        household_id=household.id,
        eligible_person_ids=elig.eligible_ids,
        per_person=rate.money,
        gross=gross,
        withheld=withheld,
        net=net,
        by_level=by_level,
        tranches=tranches,
        timber_m3=timber_total,
    )
    return rec.result(value)


def _tranches(net: Money, policy: Policy) -> tuple[tuple[Tranche, ...], list[Step]]:
    params = [policy.param(_TRANCHE_PARAMS[m]) for m in _MILESTONES]
    shares = [p.decimal for p in params]
    total = sum(shares)
    if total != 100:
        raise RuleError(
            rule="HOUSE-3",
            message=f"the tranche shares add up to {total}%, not 100%; check the policy pack",
            code="housing.error.tranche_shares",
            extra={"total": total},
        )
    amounts, rounded = net.allocate_with_remainder(shares)
    tranches = tuple(
        Tranche(milestone=m, share=s, amount=a, took_rounding_fen=i in rounded)
        for i, (m, s, a) in enumerate(zip(_MILESTONES, shares, amounts, strict=True))
    )
    rec = Recorder("HOUSE-3")
    for t, p in zip(tranches, params, strict=True):
        rec.step(
            "housing.tranche",
            milestone=t.milestone,
            share=t.share,
            net=net,
            amount=t.amount,
            params=(p,),
        )
    if rounded:
        took = tuple(tranches[i].milestone for i in rounded)
        note = rounding("housing.note.rounding", milestones=took, fen=len(rounded))
    else:
        note = rounding("housing.note.no_rounding")
    rec.step(
        "housing.tranches_total",
        net=net,
        total=sum((t.amount for t in tranches), Money.zero()),
        notes=(note,),
    )
    return tranches, rec.steps


# HOUSE-3 release and HOUSE-4 deduction live in their own module; re-exported here.
from .housing_release import release_tranches  # noqa: E402
