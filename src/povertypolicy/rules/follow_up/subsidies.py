"""The Chengkou sub-district's subsidies (relocation-follow-up-documents 第三篇 §二(二)–(三));
后续扶持补助 (FOLLOW-7).

Each amount is a pack parameter with its bound: ranges (6000-9000元), caps (最高不超过, 不高于),
a floor (不低于50%) and the counts and months of the one-off awards (10人以上, 三个月以上).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs

from ...domain.follow_up import Placement
from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder, convention, rounding
from ...money import Money
from ...policy import Bound, Parameter, Policy
from ...units import Area
from .._args import amount
from ._common import CIVIL_CODE_201, a_date, period_end

__all__ = [
    "AwardCheck",
    "CappedAmount",
    "InHomeBusiness",
    "IndustryKind",
    "RangeAmount",
    "VegetablePlot",
    "WelfareJobs",
    "broker_award",
    "employment_award",
    "enterprise_award",
    "household_industry_topup",
    "in_home_business_subsidy",
    "industry_subsidy",
    "livestock_pen_award",
    "qualifying_people",
    "vegetable_plot_subsidy",
    "welfare_jobs",
]


def _money(obj: str, field: str, value: object, *, optional: bool = True) -> Money | None:
    if value is None and optional:
        return None
    return amount(obj, field, value)


class IndustryKind(enum.StrEnum):
    """The kind of industry a relocated household develops; 产业类型 (FOLLOW-7)."""

    __label__ = "follow_up.industry"

    FOREST_GUESTHOUSE = "forest_guesthouse"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class RangeAmount:
    """A subsidy given within a range: the range and, from the basis, the amount; 补助区间.

    Args:
        minimum: Lower end of the range.
        maximum: Upper end of the range.
        basis: The basis the amount is computed from; None: not given.
        amount: The amount, within the range; None: no basis.
    """

    minimum: Money
    maximum: Money
    basis: Money | None
    amount: Money | None


def industry_subsidy(
    kind: IndustryKind, policy: Policy, *, basis: Money | None = None
) -> Result[RangeAmount]:
    """The industry subsidy of a relocated household: 6,000–9,000 yuan for a forest
    guesthouse (by the equipment actually bought), 2,000–5,000 for other industry (by kind and
    scale); 产业补助 (FOLLOW-7). ``basis`` is the equipment cost or the amount the village
    proposes: the amount is the basis within the range (a convention: below the range the
    range's lowest amount, above it the highest). Without a basis only the range is known.
    """
    if not isinstance(kind, IndustryKind):
        raise InputError(
            obj="industry_subsidy",
            field="kind",
            value=kind,
            expected="an IndustryKind",
            code="core.error.enum",
            extra={"choices": ", ".join(f"IndustryKind.{m.name}" for m in IndustryKind)},
        )
    basis = _money("industry_subsidy", "basis", basis)
    name = "forest_guesthouse" if kind is IndustryKind.FOREST_GUESTHOUSE else "other_industry"
    param = policy.param(f"follow_up.{name}_subsidy")
    lo, hi = param.range.min, param.range.max
    assert isinstance(lo, Money)
    assert isinstance(hi, Money)
    amount = None if basis is None else min(max(basis, lo), hi)
    clamped = basis is not None and basis != amount
    rec = Recorder("FOLLOW-7")
    rec.step(
        f"follow_up.industry_subsidy.{'range' if amount is None else 'amount'}",
        kind=kind,
        min=lo,
        max=hi,
        basis=basis,
        amount=amount,
        params=(param,),
        notes=(convention("follow_up.note.basis_clamped") if clamped else None,),
    )
    return rec.result(RangeAmount(minimum=lo, maximum=hi, basis=basis, amount=amount))


@attrs.frozen(kw_only=True)
class CappedAmount:
    """A subsidy up to a cap: the cap, the amount asked for, and what may be paid; 限额补助.

    Args:
        cap: The cap.
        requested: The amount asked for; None: not given.
        amount: What may be paid: the request up to the cap; None: nothing requested.
        capped: True when the request was cut to the cap.
    """

    cap: Money
    requested: Money | None
    amount: Money | None
    capped: bool


def _capped(name: str, key: str, policy: Policy, requested: Money | None) -> Result[CappedAmount]:
    requested = _money(key, "requested", requested)
    cap = policy.param(f"follow_up.{name}")
    capped = requested is not None and not cap.admits(requested)
    most = cap.money if cap.bound is not Bound.EXCLUSIVE else cap.money - Money.from_fen(1)
    amount = None if requested is None else (most if capped else requested)
    value = CappedAmount(cap=cap.money, requested=requested, amount=amount, capped=capped)
    outcome = "cap_only" if requested is None else ("capped" if value.capped else "within")
    rec = Recorder("FOLLOW-7")
    rec.step(
        f"follow_up.{key}.{outcome}",
        cap=cap.money,
        requested=requested,
        amount=amount,
        params=(cap,),
    )
    return rec.result(value)


def household_industry_topup(
    policy: Policy, *, requested: Money | None = None
) -> Result[CappedAmount]:
    """The extra one-off subsidy for household industry, at most 500 yuan per household;
    家庭产业一次性补助 (FOLLOW-7)."""
    return _capped("household_industry_topup_max", "topup", policy, requested)


def employment_award(policy: Policy, *, requested: Money | None = None) -> Result[CappedAmount]:
    """The year's employment performance award of a household, at most 500 yuan; 劳务收入绩效
    奖补 (FOLLOW-7)."""
    return _capped("employment_award_max", "employment_award", policy, requested)


def livestock_pen_award(policy: Policy, *, pens_built: bool | None) -> Result[Money | None]:
    """1,000 yuan per household that keeps its animals in the shared pens (以奖代补), nothing
    when it does not, and not known when that was not recorded; 集中畜禽圈舍 (FOLLOW-7)."""
    if pens_built is not None and not isinstance(pens_built, bool):
        raise InputError(
            obj="livestock_pen_award",
            field="pens_built",
            value=pens_built,
            expected="True, False or None",
            code="core.error.boolean_or_unknown",
        )
    award = policy.param("follow_up.livestock_pen_award")
    amount = None if pens_built is None else (award.money if pens_built else Money.zero())
    state = "not_recorded" if pens_built is None else ("award" if pens_built else "none")
    rec = Recorder("FOLLOW-7")
    rec.step(f"follow_up.pens.{state}", award=award.money, params=(award,))
    return rec.result(amount)


@attrs.frozen(kw_only=True)
class InHomeBusiness:
    """FOLLOW-7 in-home business: at least 50% of the investment, at most 5,000 per household.

    Args:
        investment: The household's investment.
        minimum: The least that must be granted: the pack's share of the investment.
        cap: The most per household.
        granted: The amount granted; None: not given.
        complies: True when the grant is between minimum and cap; None: not given.
    """

    investment: Money
    minimum: Money
    cap: Money
    granted: Money | None
    complies: bool | None


def in_home_business_subsidy(
    investment: Money, policy: Policy, *, granted: Money | None = None
) -> Result[InHomeBusiness]:
    """The subsidy for a household running a business at home: not lower than 50% of its
    investment and at most 5,000 yuan; 室内发展生产经营补助 (FOLLOW-7).

    The least that may be paid is half the investment rounded *up* to the fen (so it is never
    below half), capped at 5,000. With ``granted``, whether that amount complies.
    """
    inv = _money("in_home_business_subsidy", "investment", investment, optional=False)
    assert inv is not None
    granted = _money("in_home_business_subsidy", "granted", granted)
    share = policy.param("follow_up.in_home_business_min_share")
    cap = policy.param("follow_up.in_home_business_max")
    exact = Fraction(inv.fen) * share.fraction
    if share.bound is Bound.EXCLUSIVE:  # 超过: more than the share, by at least a fen
        least_fen = exact.numerator // exact.denominator + 1
    else:  # 不低于: rounded up, so never below the share
        least_fen = -((-exact.numerator) // exact.denominator)
    capped = not cap.admits(Money.from_fen(least_fen))
    minimum = cap.money if capped else Money.from_fen(least_fen)
    complies = None if granted is None else (minimum <= granted and cap.admits(granted))
    value = InHomeBusiness(
        investment=inv, minimum=minimum, cap=cap.money, granted=granted, complies=complies
    )
    rec = Recorder("FOLLOW-7")
    rec.step(
        "follow_up.in_home.capped" if capped else "follow_up.in_home.share",
        investment=inv,
        minimum=minimum,
        cap=cap.money,
        params=(share, cap),
        notes=(rounding("follow_up.note.round_up"),),
    )
    if granted is not None:
        rec.step(
            "follow_up.in_home.complies" if complies else "follow_up.in_home.does_not_comply",
            granted=granted,
            minimum=minimum,
            cap=cap.money,
        )
    return rec.result(value)


@attrs.frozen(kw_only=True)
class VegetablePlot:
    """FOLLOW-7 vegetable plot: the yearly cap for the plot and the amounts for five years.

    Args:
        area: The plot's area.
        rate_cap: The cap per unit of area.
        yearly: The yearly cap for the plot.
        years: The years the subsidy is paid.
        total: Yearly × years.
    """

    area: Area
    rate_cap: Money
    yearly: Money
    years: tuple[int, ...]
    total: Money


def vegetable_plot_subsidy(
    area: Area, policy: Policy, *, first_year: int, cost_per_mu_year: Money | None = None
) -> Result[VegetablePlot]:
    """Land transfer and preparation of a household's vegetable plot: at most 1,000 yuan per
    mu per year, for 5 years; 菜园地 (FOLLOW-7). The plot subsidised is at most the 1 分
    (0.1 mu) the text guarantees (a convention for a larger plot); ``cost_per_mu_year`` below
    the cap is paid as it is."""
    if not isinstance(area, Area):
        raise InputError(
            obj="vegetable_plot_subsidy",
            field="area",
            value=area,
            expected="an Area > 0",
            code="core.error.area",
        )
    if area <= Area.zero():
        raise InputError(
            obj="vegetable_plot_subsidy",
            field="area",
            value=area,
            expected="an Area > 0",
            code="core.error.area_positive",
        )
    if isinstance(first_year, bool) or not isinstance(first_year, int):
        raise InputError(
            obj="vegetable_plot_subsidy",
            field="first_year",
            value=first_year,
            expected="a year",
            code="core.error.year",
        )
    cost = _money("vegetable_plot_subsidy", "cost_per_mu_year", cost_per_mu_year)
    rate = policy.param("follow_up.vegetable_plot_rate_max")
    years = policy.param("follow_up.vegetable_plot_years")
    plot = policy.param("follow_up.vegetable_plot_area")
    guaranteed = Area.mu(plot.decimal)
    counted = min(area, guaranteed)
    per_mu = rate.money if cost is None or not rate.admits(cost) else cost
    yearly = per_mu * counted.in_unit("mu")
    span = tuple(range(first_year, first_year + years.integer))
    total = yearly * len(span)
    rec = Recorder("FOLLOW-7")
    rec.step(
        "follow_up.plot",
        area=counted,
        rate=per_mu,
        yearly=yearly,
        first=str(first_year),
        last=str(span[-1] if span else first_year),
        total=total,
        params=(rate, years, plot),
        notes=(
            convention("follow_up.note.plot_area") if area > guaranteed else None,
            convention("follow_up.note.plot_at_cap") if cost is None else None,
        ),
    )
    value = VegetablePlot(area=counted, rate_cap=rate.money, yearly=yearly, years=span, total=total)
    return rec.result(value)


@attrs.frozen(kw_only=True)
class WelfareJobs:
    """FOLLOW-7 public-welfare jobs of a household: within the limits or not, and who is over.

    Args:
        jobs: Public-welfare jobs the household holds.
        household_ok: True when that is within the household limit.
        people_over: Ids of people over the personal limit.
    """

    jobs: int
    household_ok: bool
    people_over: tuple[str, ...]

    @property
    def complies(self) -> bool:
        """Whether both limits are kept."""
        return self.household_ok and not self.people_over


def welfare_jobs(jobs_by_person: Mapping[str, int], policy: Policy) -> Result[WelfareJobs]:
    """At most 2 public-welfare jobs per household and, in principle, 1 per person;
    公益性岗位 (FOLLOW-7). ``jobs_by_person`` maps each member to the jobs they hold."""
    for pid, n in jobs_by_person.items():
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InputError(
                obj="welfare_jobs",
                field=str(pid),
                value=n,
                expected="a whole number >= 0",
                code="core.error.count",
            )
    per_household = policy.param("follow_up.welfare_jobs_max_per_household")
    per_person = policy.param("follow_up.welfare_jobs_max_per_person")
    total = sum(jobs_by_person.values())
    over = tuple(p for p, n in jobs_by_person.items() if not per_person.admits(n))
    value = WelfareJobs(jobs=total, household_ok=per_household.admits(total), people_over=over)
    rec = Recorder("FOLLOW-7")
    rec.step(
        "follow_up.welfare_jobs.ok" if value.complies else "follow_up.welfare_jobs.over",
        jobs=total,
        over=over,
        household_ok=value.household_ok,
        params=(per_household, per_person),
    )
    return rec.result(value)


@attrs.frozen(kw_only=True)
class AwardCheck:
    """A one-off award for placing or employing enough people long enough; 一次性奖补.

    Args:
        qualifying: Ids of the people who count.
        undetermined: Ids that could not be decided for want of a fact.
        required: People needed for the award.
        award: The award; None: not earned or undetermined.
    """

    qualifying: tuple[str, ...]
    undetermined: tuple[str, ...]
    required: int
    award: Money | None

    @property
    def granted(self) -> bool | None:
        """True, False, or None when unrecorded facts could still change it."""
        return None if self.award is None else bool(self.award)


def qualifying_people(
    placements: Sequence[Placement],
    months: Parameter,
    *,
    as_of: dt.date,
    facts: Sequence[str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(people who qualify, people who might): employed at least ``months`` (三个月以上:
    worked through the corresponding day, 民法典 art. 201–202) with every fact True; a person
    with several placements is counted once."""
    yes: dict[str, None] = {}
    maybe: dict[str, None] = {}
    for p in placements:
        if not isinstance(p, Placement):
            raise InputError(
                obj="placements",
                field="item",
                value=p,
                expected="a Placement",
                code="core.error.item",
                extra={"item": "Placement"},
            )
        if p.started_on > as_of:
            raise InputError(
                obj=f"Placement {p.person_id}",
                field="started_on",
                value=p.started_on,
                expected=f"on or before {as_of}",
                code="follow_up.error.started_after",
                extra={"as_of": as_of},
            )
        last = as_of if p.ended_on is None or p.ended_on > as_of else p.ended_on
        needed = period_end(p.started_on, months=months.integer)
        long_enough = last > needed or (last == needed and months.bound is not Bound.EXCLUSIVE)
        values = [getattr(p, f) for f in facts]
        if long_enough and all(v is True for v in values):
            yes[p.person_id] = None
        elif long_enough and not any(v is False for v in values):
            maybe[p.person_id] = None
    return tuple(yes), tuple(k for k in maybe if k not in yes)


def _award(
    rule_key: str,
    placements: Sequence[Placement],
    policy: Policy,
    as_of: dt.date,
    names: tuple[str, str, str],
    facts: Sequence[str],
) -> Result[AwardCheck]:
    a_date(rule_key, "as_of", as_of)
    count_p, months_p, award_p = (policy.param(f"follow_up.{n}") for n in names)
    yes, maybe = qualifying_people(placements, months_p, as_of=as_of, facts=facts)
    if count_p.admits(len(yes)):
        award: Money | None = award_p.money
        outcome = "granted"
    elif not count_p.admits(len(yes) + len(maybe)):
        award, outcome = Money.zero(), "not_granted"
    else:
        award, outcome = None, "not_recorded"
    rec = Recorder("FOLLOW-7")
    rec.step(
        f"follow_up.{rule_key}.{outcome}",
        people=len(yes),
        maybe=len(maybe),
        required=count_p.integer,
        months=months_p.integer,
        award=award_p.money,
        as_of=as_of,
        params=(count_p, months_p, award_p),
        citation=CIVIL_CODE_201,
    )
    value = AwardCheck(qualifying=yes, undetermined=maybe, required=count_p.integer, award=award)
    return rec.result(value)


def broker_award(
    placements: Sequence[Placement], policy: Policy, *, as_of: dt.date
) -> Result[AwardCheck]:
    """3,000 yuan once for a labour broker who placed 10 or more local relocated people
    outside the county, under contract, in stable work for 3 months or more; 劳务经纪人奖补
    (FOLLOW-7)."""
    facts = ("relocated_poor", "local", "outside_county", "contract")
    names = ("broker_min_people", "broker_min_months", "broker_award")
    return _award("broker", placements, policy, as_of, names, facts)


def enterprise_award(
    placements: Sequence[Placement], policy: Policy, *, as_of: dt.date
) -> Result[AwardCheck]:
    """50,000 yuan once for an enterprise in the county employing 50 or more relocated poor
    workers in stable work for 3 months or more; 带动就业示范奖补 (FOLLOW-7)."""
    names = ("enterprise_min_workers", "enterprise_min_months", "enterprise_award")
    return _award("enterprise", placements, policy, as_of, names, ("relocated_poor",))
