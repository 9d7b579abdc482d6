"""Support amounts of a Jiangxi township (poverty-work-plan-samples 篇5 §三–§四): ID-7; 帮扶标准."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from ...domain.enums import CardClass
from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder, convention
from ...money import Money
from ...policy import Policy

__all__ = [
    "AwardCheck",
    "PairedHousehold",
    "PairingCheck",
    "SchoolingAndTraining",
    "industry_award",
    "inpatient_rate",
    "pairing",
    "schooling_and_training",
    "seedlings",
]


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            obj="rules.registration",
            field=name,
            value=value,
            expected="a whole number >= 0",
            code="core.error.count",
        )
    return value


@attrs.frozen(kw_only=True)
class AwardCheck:
    """Whether a proposed industry award lies in the range; 产业奖补 (ID-7).

    Args:
        amount: The proposed award.
        within: True when it lies in the pack's range.
    """

    amount: Money
    within: bool


def industry_award(amount: Money, policy: Policy) -> Result[AwardCheck]:
    """An industry award of 1,000–5,000 yuan per household (both ends included) (ID-7)."""
    if not isinstance(amount, Money):
        raise InputError(
            obj="industry_award",
            field="amount",
            value=amount,
            expected="a Money amount",
            code="core.error.money",
        )
    rng = policy.param("registration.industry_award_range")
    within = rng.range.contains(amount)
    rec = Recorder("ID-7")
    rec.step(
        "registration.award.within" if within else "registration.award.outside",
        amount=amount,
        params=(rng,),
    )
    return rec.result(AwardCheck(amount=amount, within=within))


@attrs.frozen(kw_only=True)
class SchoolingAndTraining:
    """Vocational-schooling and skills-training subsidies of a household; 雨露计划 (ID-7).

    Args:
        schooling: Vocational-schooling subsidy.
        training: Skills-training subsidy.
    """

    schooling: Money
    training: Money

    @property
    def total(self) -> Money:
        """Both together."""
        return self.schooling + self.training


def schooling_and_training(
    student_years: int, certified_trainees: int, policy: Policy
) -> Result[SchoolingAndTraining]:
    """2,000 yuan per vocational student per school year; 1,000 yuan per person trained with a
    vocational certificate (ID-7). ``student_years`` counts each student once per year."""
    _count("student_years", student_years)
    _count("certified_trainees", certified_trainees)
    school = policy.param("registration.vocational_school_subsidy")
    train = policy.param("registration.skills_training_subsidy")
    value = SchoolingAndTraining(
        schooling=school.money * student_years, training=train.money * certified_trainees
    )
    rec = Recorder("ID-7")
    rec.step(
        "registration.schooling",
        years=student_years,
        schooling=value.schooling,
        trainees=certified_trainees,
        training=value.training,
        total=value.total,
        params=(school, train),
    )
    return rec.result(value)


@attrs.frozen(kw_only=True)
class PairedHousehold:
    """A household a cadre helps, with its card and the income gain of the year (None: not
    recorded).

    Args:
        household_id: The household's id.
        card: Its card class; None: not recorded.
        income_gain: Its income gain of the year; None: not recorded.
    """

    household_id: str
    card: CardClass | None
    income_gain: Money | None


@attrs.frozen(kw_only=True)
class PairingCheck:
    """A cadre's pairing: 2 yellow- or red-card households, each gaining 2,000 yuan or more.

    Args:
        helper: The cadre's id.
        count_ok: True when the cadre helps the number of households the pack says.
        wrong_card: Households without a yellow or red card.
        short_gain: Households whose income gain is below the pack's amount.
        not_recorded: Households whose card or gain was not recorded.
    """

    helper: str
    count_ok: bool
    wrong_card: tuple[str, ...]
    short_gain: tuple[str, ...]
    not_recorded: tuple[str, ...]

    @property
    def ok(self) -> bool | None:
        """True when every check passes; None when a gain or card was not recorded."""
        if not self.count_ok or self.wrong_card or self.short_gain:
            return False
        return None if self.not_recorded else True


def pairing(
    helper: str, households: Sequence[PairedHousehold], policy: Policy
) -> Result[PairingCheck]:
    """A cadre's "1+2" pairing: 2 yellow- or red-card households a year, each gaining
    2,000 yuan or more a year (2000元以上: included) (ID-7)."""
    n = policy.param("registration.pairing_households")
    gain = policy.param("registration.pairing_min_income_gain")
    wrong = tuple(h.household_id for h in households if h.card is CardClass.BLUE)
    short = tuple(
        h.household_id
        for h in households
        if h.income_gain is not None and not gain.admits(h.income_gain)
    )
    unknown = tuple(h.household_id for h in households if h.card is None or h.income_gain is None)
    value = PairingCheck(
        helper=helper,
        count_ok=len(households) == n.integer,
        wrong_card=wrong,
        short_gain=short,
        not_recorded=unknown,
    )
    state = {True: "ok", False: "fails", None: "unknown"}[value.ok]
    rec = Recorder("ID-7")
    rec.step(
        f"registration.pairing.{state}",
        helper=helper,
        count=len(households),
        wrong_card=wrong,
        short_gain=short,
        not_recorded=unknown,
        params=(n, gain),
    )
    return rec.result(value)


def seedlings(given: int, policy: Policy) -> Result[bool]:
    """Whether a household got 20 or more pomelo seedlings (20株以上) (ID-7)."""
    _count("given", given)
    minimum = policy.param("registration.pomelo_seedlings_min")
    ok = minimum.admits(given)
    rec = Recorder("ID-7")
    rec.step("registration.seedlings", given=given, ok=ok, params=(minimum,))
    return rec.result(ok)


def inpatient_rate(base_rate: Decimal, policy: Policy) -> Result[Decimal]:
    """The inpatient reimbursement rate (percent) of a registered household: other villagers'
    rate plus 5 points, with no deductible (ID-7)."""
    if (
        isinstance(base_rate, bool)
        or not isinstance(base_rate, Decimal | int)
        or not 0 <= base_rate <= 100
    ):
        raise InputError(
            obj="inpatient_rate",
            field="base_rate",
            value=base_rate,
            expected="a percent 0..100",
            code="core.error.percent",
        )
    uplift = policy.param("registration.inpatient_uplift")
    rate = min(Decimal(base_rate) + uplift.decimal, Decimal(100))
    rec = Recorder("ID-7")
    rec.step(
        "registration.inpatient",
        base=Decimal(base_rate),
        rate=rate,
        params=(uplift,),
        notes=(convention("registration.note.uplift_points"),),
    )
    return rec.result(rate)
