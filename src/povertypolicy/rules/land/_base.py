"""Land expropriation: compensation, split, social security, places, audit; 土地征收 (LAND-1..13).

Every number comes from the policy pack: the national pack ``cn`` carries the Land
Administration Law's ranges and caps, the seed packs carry 000 and 002, and a user's pack gives
the province's yuan figures (annual output value, zone price, multiples, shares).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from .._exact import round_half_up, round_ratio, scale_to_integers
from ..domain.enums import LandType
from ..domain.land import Expropriation, PaymentLedger
from ..errors import InputError, PolicyPackError, RuleError
from ..explain import Citation, Note, NoteKind, Result, Step
from ..money import Money
from ..policy import Parameter, Policy
from ..units import Area, AreaUnit, total_square_metres

__all__ = [
    "BenefitCheck",
    "CampaignPhase",
    "CampaignSchedule",
    "Compensation",
    "CompensationItem",
    "CompensationMethod",
    "CompensationSplit",
    "EntryCheck",
    "HouseholdPlaces",
    "PayeeAudit",
    "PayeeDue",
    "PayeeKind",
    "PaymentAudit",
    "PaymentStatus",
    "Phase",
    "PlaceAllocation",
    "PlaceQuota",
    "PlaceStatus",
    "PlaceValidity",
    "SetAsideCheck",
    "SplitLine",
    "TransferSchedule",
    "allocate_places",
    "audit_payments",
    "benefit_floor",
    "campaign_schedule",
    "compensation",
    "entry_check",
    "place_validity",
    "quota_by_land",
    "reallocate_places",
    "social_security_set_aside",
    "split_compensation",
    "transfer_schedule",
]

# Clauses applied without a parameter (facts of the law or the seeds, no numbers).
_LAW_1998 = "中华人民共和国土地管理法（1998年修订，2004年修正）"
_LAW_2019 = "中华人民共和国土地管理法（2019年修正）"
_REGS_1998 = "中华人民共和国土地管理法实施条例（1998年）"
_SEED_000 = "000_c829afd554b9e9f2.txt"
_SEED_002 = "002_71bca5dad035c17f.txt"

_CITE_ART47 = Citation(
    law=_LAW_1998,
    article="第四十七条",
    quote="被征收土地上的附着物和青苗的补偿标准，由省、自治区、直辖市规定",
)
_CITE_ART47_OTHER = Citation(
    law=_LAW_1998,
    article="第四十七条",
    quote="征收其他土地的土地补偿费和安置补助费标准，由省、自治区、直辖市参照征收耕地的"
    "土地补偿费和安置补助费的标准规定",
)
_CITE_ART47_PERSONS = Citation(
    law=_LAW_1998,
    article="第四十七条",
    quote="需要安置的农业人口数，按照被征收的耕地数量除以征地前被征收单位平均每人占有耕地的"
    "数量计算",
)
_CITE_ART48 = Citation(
    law=_LAW_2019,
    article="第四十八条",
    quote="征收农用地以外的其他土地、地上附着物和青苗等的补偿标准，由省、自治区、直辖市制定",
)
_CITE_REGS2021_32 = Citation(
    law="中华人民共和国土地管理法实施条例（2021年）",
    article="第三十二条",
    quote="地上附着物和青苗等的补偿费用，归其所有权人所有",
)
_CITE_REGS26 = Citation(
    law=_REGS_1998,
    article="第二十六条",
    quote="土地补偿费归农村集体经济组织所有；地上附着物及青苗补偿费归地上附着物及青苗的所有者所有",
)
_CITE_000_PAY = Citation(
    document=_SEED_000,
    section="§二(二)1",
    quote="征地補償費用支付給集體經濟組織或發放到農民個人是否足額到位,是否存在擅自降低征地補償"
    "標準,隨意截留、挪用和拖欠征地補償款的現象",
)
_CITE_002_QUOTA = Citation(
    document=_SEED_002,
    section="§三(二)",
    quote="各地应以省级以上政府批准征收耕地和其他农用地的数量、被征地村上年度末土地变更调查"
    "相关数据、公安部门按传统口径确定的 16 周岁以上农业人口、已参加被征地社会保障人口,作为"
    "核定参保指标的基本参数,合理确定参保人员数量。",
)
_CITE_002_MATCH = Citation(
    document=_SEED_002,
    section="§三(三)",
    quote="根据农户承包地中被征收的耕地和其他农用地情况确定保障农户,由农户在家庭中选择符合"
    "条件的成员作为参保对象。",
)
_CITE_002_WAIVED = Citation(
    document=_SEED_002,
    section="§三(三)",
    quote="放弃参保的节余指标和符合规定的调剂指标,优先用于解决本村集体经济组织内已征地但尚未"
    '参保的成员。调剂名单的产生必须履行"五议两公开"程序。',
)
_CITE_002_WAIVE_RULE = Citation(
    document=_SEED_002,
    section="§三(四)",
    quote="无正当理由未在规定期限内参保的,视为放弃参保。",
)
_CITE_002_ENTRY = Citation(
    document=_SEED_002,
    section="§三(一)",
    quote="重点工程建设项目用地确需在土地征用批准前安排参保的,由县级以上政府统筹考虑、研究决定。",
)

# Land types counted for insurance places: 耕地和其他农用地 (002 §三(二)).
_PLACE_LAND_TYPES = frozenset({LandType.CULTIVATED, LandType.OTHER_AGRICULTURAL})
# How many ids a note lists before saying "and N more".
_LIST_LIMIT = 10

# -- enums -----------------------------------------------------------------------------------


class CompensationMethod(enum.StrEnum):
    """How the land fee and resettlement subsidy are set; 统一年产值 / 区片综合地价 (LAND-2)."""

    __label__ = "land.enum.method"

    ANNUAL_OUTPUT_VALUE = "annual_output_value"
    ZONE_PRICE = "zone_price"


class CompensationItem(enum.StrEnum):
    """The items of compensation; 征地补偿费用项目 (LAND-1)."""

    __label__ = "land.enum.item"

    LAND_COMPENSATION = "land_compensation"
    RESETTLEMENT_SUBSIDY = "resettlement_subsidy"
    ATTACHMENTS_COMPENSATION = "attachments_compensation"
    SOCIAL_SECURITY_FEES = "social_security_fees"


class PayeeKind(enum.StrEnum):
    """Who receives a payment; 收款方 (LAND-3)."""

    __label__ = "land.enum.payee_kind"

    COLLECTIVE = "collective"
    HOUSEHOLD = "household"
    OWNER = "owner"
    RESETTLING_UNIT = "resettling_unit"
    SOCIAL_SECURITY_FUND = "social_security_fund"


class PaymentStatus(enum.StrEnum):
    """A payee's payment status in an audit; 支付情况 (LAND-6)."""

    __label__ = "land.enum.payment_status"

    PAID_IN_FULL = "paid_in_full"
    SHORT = "short"
    OVERPAID = "overpaid"
    NEVER_PAID = "never_paid"
    NOT_DUE = "not_due"


class PlaceStatus(enum.StrEnum):
    """The state of an insurance place; 参保指标状态 (LAND-11)."""

    __label__ = "land.enum.place_status"

    PENDING = "pending"
    ENROLLED = "enrolled"
    DEEMED_WAIVED = "deemed_waived"
    LAPSED = "lapsed"


class CampaignPhase(enum.StrEnum):
    """A phase of the governance campaign; 专项治理阶段 (LAND-7)."""

    __label__ = "land.enum.phase"

    PREPARATION = "preparation"
    SELF_INSPECTION = "self_inspection"
    RECTIFICATION = "rectification"
    EVALUATION = "evaluation"


# -- values ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Compensation:
    """The compensation items of one expropriation; 征地补偿费用 (LAND-1, LAND-2)."""

    method: CompensationMethod
    area: Area
    land_compensation: Money
    resettlement_subsidy: Money
    attachments_compensation: Money
    social_security_fees: Money
    persons_to_resettle: Fraction | None = None
    resettlement_capped: bool = False
    combined_capped: bool = False

    @property
    def total(self) -> Money:
        """All items together."""
        return Money.from_fen(
            self.land_compensation.fen
            + self.resettlement_subsidy.fen
            + self.attachments_compensation.fen
            + self.social_security_fees.fen
        )

    def item(self, item: CompensationItem) -> Money:
        """The amount of one item."""
        return {
            CompensationItem.LAND_COMPENSATION: self.land_compensation,
            CompensationItem.RESETTLEMENT_SUBSIDY: self.resettlement_subsidy,
            CompensationItem.ATTACHMENTS_COMPENSATION: self.attachments_compensation,
            CompensationItem.SOCIAL_SECURITY_FEES: self.social_security_fees,
        }[item]


@attrs.frozen(kw_only=True)
class SplitLine:
    """One item due to one payee; 应付明细 (LAND-3)."""

    payee: str
    payee_kind: PayeeKind
    item: CompensationItem
    amount: Money


@attrs.frozen(kw_only=True)
class PayeeDue:
    """Everything due to one payee, ready to pay; 应付款（按收款方）(LAND-3)."""

    payee: str
    payee_kind: PayeeKind
    amount: Money
    items: tuple[tuple[CompensationItem, Money], ...]


@attrs.frozen(kw_only=True)
class CompensationSplit:
    """Who is owed what: per item line and per payee; 征地补偿款分配 (LAND-3)."""

    collective: str
    approved_on: dt.date
    compensation: Compensation
    lines: tuple[SplitLine, ...]
    payees: tuple[PayeeDue, ...]
    parties: frozenset[str]

    @property
    def total(self) -> Money:
        """The sum of every line (equals the compensation total, to the fen)."""
        return sum((line.amount for line in self.lines), start=Money.zero())

    def due(self) -> dict[str, Money]:
        """Amount due per payee id."""
        return {p.payee: p.amount for p in self.payees}

    def to_rows(self) -> list[dict[str, str]]:
        """One JSON-ready row per payee: ``payee``, ``payee_kind``, ``amount`` (yuan)."""
        return [
            {"payee": p.payee, "payee_kind": p.payee_kind.value, "amount": str(p.amount)}
            for p in self.payees
        ]


@attrs.frozen(kw_only=True)
class PayeeAudit:
    """One payee's due and paid amounts and timing; 支付核查（按收款方）(LAND-6)."""

    payee: str
    payee_kind: PayeeKind | None
    due: Money
    paid: Money
    status: PaymentStatus
    payments: int
    completed_on: dt.date | None
    late_days: int
    overdue_days: int | None

    @property
    def difference(self) -> Money:
        """Paid minus due: negative when short, positive when overpaid."""
        return self.paid - self.due

    @property
    def ok(self) -> bool:
        """Paid in full and on time."""
        return self.status is PaymentStatus.PAID_IN_FULL and self.late_days == 0


@attrs.frozen(kw_only=True)
class PaymentAudit:
    """An audit of compensation payments against what was due; 征地补偿款支付核查 (LAND-6)."""

    due_on: dt.date
    as_of: dt.date | None
    payees: tuple[PayeeAudit, ...]

    @property
    def total_due(self) -> Money:
        """Everything due."""
        return sum((p.due for p in self.payees), start=Money.zero())

    @property
    def total_paid(self) -> Money:
        """Everything paid."""
        return sum((p.paid for p in self.payees), start=Money.zero())

    @property
    def total_short(self) -> Money:
        """Sum of the shortfalls (payees paid less than due)."""
        return sum((-p.difference for p in self.payees if p.paid < p.due), start=Money.zero())

    @property
    def total_over(self) -> Money:
        """Sum of the overpayments (including payments to payees due nothing)."""
        return sum((p.difference for p in self.payees if p.paid > p.due), start=Money.zero())

    @property
    def problems(self) -> tuple[PayeeAudit, ...]:
        """Payees not paid in full and on time."""
        return tuple(p for p in self.payees if not p.ok)

    def of(self, payee: str) -> PayeeAudit:
        """The audit line of one payee."""
        for p in self.payees:
            if p.payee == payee:
                return p
        raise InputError(obj="PaymentAudit", field="payees", value=payee, expected="a payee id")


@attrs.frozen(kw_only=True)
class SetAsideCheck:
    """The yearly social-security set-aside from land-transfer revenue; 社保资金提取 (LAND-4)."""

    land_transfer_revenue: Money
    minimum: Money
    actual: Money | None
    meets: bool | None

    @property
    def shortfall(self) -> Money | None:
        """How much more had to be set aside (zero when the minimum is met)."""
        if self.actual is None:
            return None
        return max(self.minimum - self.actual, Money.zero())


@attrs.frozen(kw_only=True)
class BenefitCheck:
    """A monthly benefit against the local dibao standard; 保障水平核查 (LAND-5)."""

    benefit: Money
    dibao_standard: Money
    meets: bool

    @property
    def gap(self) -> Money:
        """How far the benefit falls below the standard (zero if it does not)."""
        return max(self.dibao_standard - self.benefit, Money.zero())


@attrs.frozen(kw_only=True)
class PlaceQuota:
    """Insurance places of a village by its land; 以地定量 (LAND-8)."""

    expropriated_area: Area
    village_land: Area
    population_16_plus: int
    already_insured: int
    unrounded: Fraction
    rounded: int
    cap: int
    places: int

    @property
    def capped(self) -> bool:
        """Whether the cap (people aged 16+ not yet insured) cut the rounded figure."""
        return self.places < self.rounded


@attrs.frozen(kw_only=True)
class HouseholdPlaces:
    """One household's insurance places; 农户参保指标 (LAND-9, LAND-10).

    ``area_m2`` is the household's expropriated contracted farmland (m², exact); ``eligible``
    the ids of members aged 16+ on the approval date and not yet insured; ``unrounded`` its
    exact proportional share of places in the round that settled it.
    """

    household: str
    area_m2: Fraction
    eligible: tuple[str, ...]
    places: int
    _share: tuple[int, int] = (0, 1)
    took_remainder: bool = False
    waived: int = 0
    added: int = 0

    @property
    def area_mu(self) -> Fraction:
        """The expropriated contracted farmland in mu."""
        return Area.m2(self.area_m2).in_unit(AreaUnit.MU)

    @property
    def unrounded(self) -> Fraction:
        """The exact proportional share of places before rounding."""
        return Fraction(*self._share)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (exact numbers as strings)."""
        return {
            "household": self.household,
            "area_mu": str(self.area_mu),
            "eligible": list(self.eligible),
            "places": self.places,
            "unrounded": str(self.unrounded),
            "took_remainder": self.took_remainder,
            "waived": self.waived,
            "added": self.added,
        }


# allocate_places builds one HouseholdPlaces per household (10,000 in a big village); through
# attrs' __init__ that is most of its time. The class has no validators, converters or
# post-init, so it sets the slots directly, in field order (tests check the objects equal
# those built by HouseholdPlaces(...) and that the fields are still these).
_HOUSEHOLD_PLACES_FIELDS = (
    "household",
    "area_m2",
    "eligible",
    "places",
    "_share",
    "took_remainder",
    "waived",
    "added",
)
_HOUSEHOLD_PLACES_SLOTS = tuple(
    HouseholdPlaces.__dict__[name].__set__ for name in _HOUSEHOLD_PLACES_FIELDS
)


@attrs.frozen(kw_only=True)
class PlaceAllocation:
    """Places allocated to households; 人地对应 (LAND-9, LAND-10)."""

    quota: int
    households: tuple[HouseholdPlaces, ...]
    unallocated: int

    @property
    def allocated(self) -> int:
        """Places given to households."""
        return sum(h.places for h in self.households)

    def places_of(self, household: str) -> int:
        """Places of one household (0 if it is not in the allocation)."""
        for h in self.households:
            if h.household == household:
                return h.places
        return 0


@attrs.frozen(kw_only=True)
class PlaceValidity:
    """Whether a place is still usable; 参保指标有效期 (LAND-11)."""

    issued_on: dt.date
    expires_on: dt.date
    deadline: dt.date
    status: PlaceStatus


@attrs.frozen(kw_only=True)
class Phase:
    """One campaign phase with its first and last day; 专项治理阶段 (LAND-7)."""

    phase: CampaignPhase
    start: dt.date
    end: dt.date


@attrs.frozen(kw_only=True)
class CampaignSchedule:
    """The campaign's phases and report deadlines in one year; 专项治理时间安排 (LAND-7)."""

    year: int
    phases: tuple[Phase, ...]
    self_inspection_report_due: dt.date
    evaluation_report_due: dt.date
    campaign_end: dt.date
    self_inspection_coverage: Fraction

    def phase_on(self, on: dt.date) -> CampaignPhase | None:
        """The phase running on a date (None outside every phase)."""
        for p in self.phases:
            if p.start <= on <= p.end:
                return p.phase
        return None


@attrs.frozen(kw_only=True)
class TransferSchedule:
    """Dates by which fund transfers are due; 资金划转时间表 (LAND-12)."""

    pension_fund: tuple[dt.date, ...]
    risk_reserve: tuple[dt.date, ...]


@attrs.frozen(kw_only=True)
class EntryCheck:
    """Whether a case may enrol in expropriated farmers' social security; 准入门槛 (LAND-13)."""

    admitted: bool
    early: bool
    eligible_area: Area


# -- helpers ---------------------------------------------------------------------------------


def _at(policy: Policy, on: dt.date) -> tuple[Policy, tuple[Note, ...]]:
    """The policy as given (its own date), with a note when the event's date ``on`` differs.

    One convention for every area: a rule reads the policy on ``policy.on``; the caller
    chooses the law with ``policy.at(date)``. See docs/concepts/facts-not-recorded.md.
    """
    if policy.on == on:
        return policy, ()
    note = Note(
        kind=NoteKind.CONVENTION,
        key="land.note.policy_date",
        args={"policy_on": policy.on, "approved_on": on},
    )
    return policy, (note,)


def _ids(ids: Sequence[str]) -> str:
    """A short list of ids for a note: the first few, then how many more."""
    shown = ", ".join(ids[:_LIST_LIMIT])
    more = len(ids) - _LIST_LIMIT
    return f"{shown} (+{more})" if more > 0 else shown


def _fraction_in(param: Parameter, lo: int, hi: int, rule: str) -> Fraction:
    value = param.fraction
    n, d = value.as_integer_ratio()
    if not lo * d <= n <= hi * d:  # lo <= value <= hi, in integers
        raise RuleError(
            rule=rule,
            message=f"{param.name} = {param.value} (pack {param.pack_id}) must lie between "
            f"{lo * 100}% and {hi * 100}%",
        )
    return value


def _mu_area(mu: Fraction) -> Area:
    return Area(mu, "mu")


# Exact rationals as (numerator, denominator) pairs of ints, denominator > 0 and not reduced:
# the money arithmetic of LAND-2 in integers (Fraction objects only where a value is shown).
_Ratio = tuple[int, int]


def _mu_ratio(area: Area) -> _Ratio:
    """The area in mu: m² × 15 / 10,000 (1 mu = 10,000/15 m²), as an unreduced ratio."""
    m2 = area.square_metres
    return m2.numerator * 3, m2.denominator * 2000


def _money_times(amount: Money, factor: _Ratio) -> Money:
    """``amount × factor`` rounded half-up to the fen (what ``Money * Fraction`` gives)."""
    return Money.from_fen(round_ratio(amount.fen * factor[0], factor[1]))


def _yuan(numerator: int, denominator: int) -> Money:
    """``numerator / denominator`` yuan (denominator > 0) rounded half-up to the fen, as
    ``Money.round`` rounds it."""
    return Money.from_fen(round_ratio(numerator * 100, denominator))


_METHODS = {m.value: m for m in CompensationMethod}


# -- LAND-1 / LAND-2: compensation ---------------------------------------------------------


def compensation(expropriation: Expropriation, policy: Policy) -> Result[Compensation]:
    """The compensation items of an expropriation, by the pack's method, caps applied.

    征地补偿费用（土地补偿费、安置补助费、地上附着物和青苗补偿费、社会保障费用）. LAND-1, LAND-2.
    Parameters are read on the approval date (``expropriation.approved_on``).
    """
    exp = expropriation
    pol, date_notes = _at(policy, exp.approved_on)
    steps: list[Step] = []
    items_p = pol.param("land.compensation_items")
    method_p = pol.param("land.compensation_method")
    method = _METHODS.get(method_p.text) or CompensationMethod(method_p.text)
    area = exp.area
    four = items_p.text == "four"
    steps.append(
        Step(
            rule="LAND-1",
            key="land.items",
            inputs={
                "approved_on": exp.approved_on,
                "parcels": len(exp.parcels),
                "area": area,
                "count": 4 if four else 3,
            },
            params=(items_p,),
            notes=date_notes,
        )
    )
    persons: Fraction | None = None
    rs_capped = combined_capped = False
    if method is CompensationMethod.ANNUAL_OUTPUT_VALUE:
        land_fee, subsidy, persons, rs_capped, combined_capped = _by_output_value(
            exp, pol, area, method_p, steps
        )
    else:
        land_fee, subsidy = _by_zone_price(pol, area, method_p, steps)

    attachments = Money.from_fen(sum([a.amount.fen for a in exp.attachments]))
    steps.append(
        Step(
            rule="LAND-1",
            key="land.attachments_total",
            inputs={"count": len(exp.attachments), "amount": attachments},
            citation=_CITE_ART48 if four else _CITE_ART47,
        )
    )
    if four:
        fee_p = pol.param("land.social_security_fee_per_mu")
        social = _money_times(fee_p.money, _mu_ratio(area))
        steps.append(
            Step(
                rule="LAND-1",
                key="land.social_security_fees",
                inputs={"rate": fee_p.money, "area": area, "amount": social},
                params=(fee_p,),
                notes=(Note(kind=NoteKind.ROUNDING, key="land.note.round_half_up"),),
            )
        )
    else:
        social = Money.zero()
    value = Compensation(
        method=method,
        area=area,
        land_compensation=land_fee,
        resettlement_subsidy=subsidy,
        attachments_compensation=attachments,
        social_security_fees=social,
        persons_to_resettle=persons,
        resettlement_capped=rs_capped,
        combined_capped=combined_capped,
    )
    steps.append(
        Step(
            rule="LAND-1",
            key="land.compensation_total",
            inputs={
                "land_compensation": land_fee,
                "resettlement_subsidy": subsidy,
                "attachments": attachments,
                "social_security": social,
                "total": value.total,
            },
        )
    )
    return Result(value=value, steps=tuple(steps))


def _multiple(param: Parameter, allowed: Parameter) -> _Ratio:
    value = param.decimal
    if not allowed.range.contains(value):
        raise RuleError(
            rule="LAND-2",
            message=f"{param.name} = {value} (pack {param.pack_id}) is outside the range "
            f"{allowed.range.min}–{allowed.range.max} that {allowed.citation} allows",
        )
    return value.as_integer_ratio()


def _by_output_value(
    exp: Expropriation, pol: Policy, area: Area, method_p: Parameter, steps: list[Step]
) -> tuple[Money, Money, Fraction, bool, bool]:
    aov_p = pol.param("land.annual_output_value")
    lc_range = pol.param("land.land_compensation_multiple_range")
    lc_p = pol.param("land.land_compensation_multiple")
    rs_range = pol.param("land.resettlement_multiple_range")
    rs_p = pol.param("land.resettlement_multiple")
    rs_cap_p = pol.param("land.resettlement_cap_multiple")
    all_cap_p = pol.param("land.combined_cap_multiple")
    ln, ld = _multiple(lc_p, lc_range)
    rn, rd = _multiple(rs_p, rs_range)
    aov_fen = aov_p.money.fen  # annual output value per mu: aov_fen / 100 yuan
    mu_n, mu_d = _mu_ratio(area)
    # other land types than cultivated, by area (as ``area != exp.area_of((CULTIVATED,))``)
    cultivated = LandType.CULTIVATED
    other = any(p.land_type != cultivated for p in exp.parcels) and bool(
        total_square_metres(p.area for p in exp.parcels if p.land_type != cultivated)
    )
    method_notes = (
        (Note(kind=NoteKind.CONVENTION, key="land.note.other_land_same_standard"),) if other else ()
    )
    steps.append(
        Step(
            rule="LAND-2",
            key="land.method",
            inputs={"method": CompensationMethod.ANNUAL_OUTPUT_VALUE},
            params=(method_p,),
            notes=method_notes,
            citation=_CITE_ART47_OTHER if other else None,
        )
    )
    # Exact yuan as unreduced integer ratios n / d (d > 0): output value, land fee, subsidy.
    ov_n, ov_d = aov_fen * mu_n, 100 * mu_d
    lc_n, lc_d = ov_n * ln, ov_d * ld
    land_fee = _yuan(lc_n, lc_d)
    steps.append(
        Step(
            rule="LAND-2",
            key="land.lc_by_output_value",
            inputs={
                "aov": aov_p.money,
                "area": area,
                "multiple": lc_p.decimal,
                "amount": land_fee,
            },
            params=(aov_p, lc_p, lc_range),
            notes=(Note(kind=NoteKind.ROUNDING, key="land.note.round_half_up"),),
        )
    )
    per_capita = exp.per_capita_cultivated_before
    if per_capita is None:
        raise InputError(
            obj="Expropriation",
            field="per_capita_cultivated_before",
            value=None,
            expected="the unit's cultivated land per agricultural person before expropriation "
            "(the annual-output-value method needs it, LAND-2)",
        )
    persons = area / per_capita
    steps.append(
        Step(
            rule="LAND-2",
            key="land.persons_to_resettle",
            inputs={"area": area, "per_capita": per_capita, "persons": persons},
            notes=(Note(kind=NoteKind.CONVENTION, key="land.note.persons_not_rounded"),),
            citation=_CITE_ART47_PERSONS,
        )
    )
    rs_n, rs_d = persons.numerator * rn * aov_fen, persons.denominator * rd * 100
    uncapped = _yuan(rs_n, rs_d)
    steps.append(
        Step(
            rule="LAND-2",
            key="land.rs_by_output_value",
            inputs={
                "persons": persons,
                "multiple": rs_p.decimal,
                "aov": aov_p.money,
                "amount": uncapped,
            },
            params=(rs_p, rs_range),
            notes=(Note(kind=NoteKind.CONVENTION, key="land.note.per_person_base"),),
        )
    )
    if not ov_n:  # no output value: the ratios below divide by zero; fail as Fraction does
        Fraction(rs_n, rs_d).__truediv__(Fraction(ov_n, ov_d))
    ratio = Fraction(rs_n * ov_d, rs_d * ov_n)
    rs_capped = not rs_cap_p.admits(ratio)
    cap_n, cap_d = rs_cap_p.decimal.as_integer_ratio()
    if rs_capped:
        rs_n, rs_d = ov_n * cap_n, ov_d * cap_d
    steps.append(
        Step(
            rule="LAND-2",
            key="land.rs_cap",
            inputs={
                "ratio": ratio,
                "cap": _yuan(ov_n * cap_n, ov_d * cap_d),
                "capped": rs_capped,
                "amount": _yuan(rs_n, rs_d),
            },
            params=(rs_cap_p,),
        )
    )
    combined = Fraction((lc_n * rs_d + rs_n * lc_d) * ov_d, lc_d * rs_d * ov_n)
    combined_capped = not all_cap_p.admits(combined)
    all_n, all_d = all_cap_p.decimal.as_integer_ratio()
    if combined_capped:
        rs_n, rs_d = ov_n * all_n * lc_d - lc_n * ov_d * all_d, ov_d * all_d * lc_d
    subsidy = _yuan(rs_n, rs_d)
    steps.append(
        Step(
            rule="LAND-2",
            key="land.combined_cap",
            inputs={
                "ratio": combined,
                "cap": _yuan(ov_n * all_n, ov_d * all_d),
                "capped": combined_capped,
                "amount": subsidy,
            },
            params=(all_cap_p,),
            notes=(
                (Note(kind=NoteKind.CONVENTION, key="land.note.combined_cap_cuts_subsidy"),)
                if combined_capped
                else ()
            ),
        )
    )
    return land_fee, subsidy, persons, rs_capped, combined_capped


def _by_zone_price(
    pol: Policy, area: Area, method_p: Parameter, steps: list[Step]
) -> tuple[Money, Money]:
    zone_p = pol.param("land.zone_price")
    share_p = pol.param("land.zone_price_land_compensation_share")
    share = _fraction_in(share_p, 0, 1, "LAND-2")
    steps.append(
        Step(
            rule="LAND-2",
            key="land.method",
            inputs={"method": CompensationMethod.ZONE_PRICE},
            params=(method_p,),
        )
    )
    total = _money_times(zone_p.money, _mu_ratio(area))
    (land_fee, subsidy), extra = total.allocate_with_remainder([share, 1 - share])
    took = [
        (CompensationItem.LAND_COMPENSATION, CompensationItem.RESETTLEMENT_SUBSIDY)[i]
        for i in extra
    ]
    notes = [Note(kind=NoteKind.ROUNDING, key="land.note.round_half_up")]
    notes.append(
        Note(kind=NoteKind.ROUNDING, key="land.note.fen_to_item", args={"items": took})
        if took
        else Note(kind=NoteKind.ROUNDING, key="land.note.no_fen")
    )
    steps.append(
        Step(
            rule="LAND-2",
            key="land.by_zone_price",
            inputs={
                "price": zone_p.money,
                "area": area,
                "total": total,
                "share": share_p.decimal,
                "land_compensation": land_fee,
                "resettlement_subsidy": subsidy,
            },
            params=(zone_p, share_p),
            notes=tuple(notes),
        )
    )
    return land_fee, subsidy


# -- LAND-3: the split ---------------------------------------------------------------------


def _contracted_by_parcel_order(
    exp: Expropriation, types: frozenset[LandType] | None = None
) -> dict[str, Fraction]:
    """Expropriated contracted area per household id (m²), in order of first parcel."""
    out: dict[str, Fraction] = {}
    for p in exp.parcels:
        hid = p.contracted_by
        if hid is None or (types is not None and p.land_type not in types):
            continue
        m2 = p.area.square_metres
        before = out.get(hid)
        out[hid] = m2 if before is None else before + m2
    return out


def _contracted_m2(
    exp: Expropriation, types: frozenset[LandType] | None = None
) -> dict[str, Fraction]:
    """Expropriated contracted area per household id (m²), households in case order."""
    out = _contracted_by_parcel_order(exp, types)
    return {h.id: out[h.id] for h in exp.households if h.id in out}


def _no_contractor_note(exp: Expropriation) -> tuple[Note, ...]:
    """A warning naming the parcels with no contracting household recorded (unknown ≠ none)."""
    ids = [p.id for p in exp.parcels if p.contracted_by is None]
    if not ids:
        return ()
    return (Note(kind=NoteKind.WARNING, key="land.note.no_contractor", args={"parcels": ids}),)


def _payee_kind(exp: Expropriation, payee: str, households: frozenset[str]) -> PayeeKind:
    if payee == exp.collective:
        return PayeeKind.COLLECTIVE
    if payee in households:
        return PayeeKind.HOUSEHOLD
    if payee == exp.resettling_unit:
        return PayeeKind.RESETTLING_UNIT
    if payee == exp.social_security_account:
        return PayeeKind.SOCIAL_SECURITY_FUND
    return PayeeKind.OWNER


def _rounding_note(took: Sequence[str]) -> Note:
    if not took:
        return Note(kind=NoteKind.ROUNDING, key="land.note.no_fen")
    return Note(
        kind=NoteKind.ROUNDING,
        key="land.note.fen_to_payees",
        args={"count": len(took), "payees": _ids(took)},
    )


def split_compensation(expropriation: Expropriation, policy: Policy) -> Result[CompensationSplit]:
    """Split the compensation between the collective, each household and each owner, to the fen.

    征地补偿款分配（集体、农户、所有者）. LAND-3 (with LAND-1, LAND-2 for the amounts).
    """
    exp = expropriation
    comp = compensation(exp, policy)
    pol, _ = _at(policy, exp.approved_on)
    steps = list(comp.steps)
    c = comp.value
    household_ids = frozenset(h.id for h in exp.households)
    lines: list[SplitLine] = []
    regs = _CITE_REGS2021_32 if c.social_security_fees else _CITE_REGS26

    # Land compensation fee: to the collective, a share passed on by contracted area.
    share_p = pol.param("land.household_share_of_land_compensation")
    share = _fraction_in(share_p, 0, 1, "LAND-3")
    contracted = _contracted_m2(exp)
    # c.area is the total of every parcel, exactly (in m²)
    areas = _integer_weights([c.area.square_metres, *contracted.values()])
    total, household_areas = areas[0], areas[1:]
    uncontracted = total - sum(household_areas)
    names = [exp.collective, *contracted]
    # weights × share's denominator: integers, so the allocation is exact and fast
    num, den = share.numerator, share.denominator
    weights = [(den - num) * total + num * uncontracted]
    weights.extend(num * a for a in household_areas)
    parts, extra = c.land_compensation.allocate_with_remainder(weights)
    for name, amount in zip(names, parts, strict=True):
        if amount:
            lines.append(
                SplitLine(
                    payee=name,
                    payee_kind=_payee_kind(exp, name, household_ids),
                    item=CompensationItem.LAND_COMPENSATION,
                    amount=amount,
                )
            )
    steps.append(
        Step(
            rule="LAND-3",
            key="land.split_land_compensation",
            inputs={
                "amount": c.land_compensation,
                "collective": exp.collective,
                "kept": parts[0],
                "share": share_p.decimal,
                "households": len(contracted),
                "to_households": c.land_compensation - parts[0],
            },
            params=(share_p,),
            notes=(
                Note(kind=NoteKind.CONVENTION, key="land.note.by_contracted_area"),
                _rounding_note([names[i] for i in extra]),
                *_no_contractor_note(exp),
            ),
            citation=regs,
        )
    )

    # Resettlement subsidy: to whoever resettles the people.
    payee_p = pol.param("land.resettlement_subsidy_payee")
    rs = c.resettlement_subsidy
    rs_notes: list[Note] = []
    if rs:
        if payee_p.text == "collective":
            lines.append(
                SplitLine(
                    payee=exp.collective,
                    payee_kind=PayeeKind.COLLECTIVE,
                    item=CompensationItem.RESETTLEMENT_SUBSIDY,
                    amount=rs,
                )
            )
            rs_to = exp.collective
        elif payee_p.text == "resettling_unit":
            if exp.resettling_unit is None:
                raise RuleError(
                    rule="LAND-3",
                    message=f"pack {payee_p.pack_id} pays the resettlement subsidy to the unit "
                    "that resettles the people, but the expropriation names no resettling_unit",
                )
            lines.append(
                SplitLine(
                    payee=exp.resettling_unit,
                    payee_kind=PayeeKind.RESETTLING_UNIT,
                    item=CompensationItem.RESETTLEMENT_SUBSIDY,
                    amount=rs,
                )
            )
            rs_to = exp.resettling_unit
        else:
            if not contracted:
                raise RuleError(
                    rule="LAND-3",
                    message=f"pack {payee_p.pack_id} pays the resettlement subsidy to the "
                    "households, but no parcel names a contracting household",
                )
            hh_parts, hh_extra = rs.allocate_with_remainder(household_areas)
            hh_names = list(contracted)
            for name, amount in zip(hh_names, hh_parts, strict=True):
                if amount:
                    lines.append(
                        SplitLine(
                            payee=name,
                            payee_kind=PayeeKind.HOUSEHOLD,
                            item=CompensationItem.RESETTLEMENT_SUBSIDY,
                            amount=amount,
                        )
                    )
            rs_notes.append(Note(kind=NoteKind.CONVENTION, key="land.note.by_contracted_area"))
            rs_notes.append(_rounding_note([hh_names[i] for i in hh_extra]))
            rs_to = _ids(hh_names)
    else:
        rs_to = "—"
    steps.append(
        Step(
            rule="LAND-3",
            key="land.split_resettlement",
            inputs={"amount": rs, "payee": rs_to, "choice": payee_p.text},
            params=(payee_p,),
            notes=tuple(rs_notes),
        )
    )

    # Attachments and young crops: to each owner.
    by_owner: dict[str, int] = {}  # fen, owners in order of first attachment
    for a in exp.attachments:
        by_owner[a.owner] = by_owner.get(a.owner, 0) + a.amount.fen
    for owner, fen in by_owner.items():
        lines.append(
            SplitLine(
                payee=owner,
                payee_kind=_payee_kind(exp, owner, household_ids),
                item=CompensationItem.ATTACHMENTS_COMPENSATION,
                amount=Money.from_fen(fen),
            )
        )
    steps.append(
        Step(
            rule="LAND-3",
            key="land.split_attachments",
            inputs={"amount": c.attachments_compensation, "owners": len(by_owner)},
            citation=regs,
        )
    )
    if c.social_security_fees:
        lines.append(
            SplitLine(
                payee=exp.social_security_account,
                payee_kind=PayeeKind.SOCIAL_SECURITY_FUND,
                item=CompensationItem.SOCIAL_SECURITY_FEES,
                amount=c.social_security_fees,
            )
        )
        steps.append(
            Step(
                rule="LAND-3",
                key="land.split_social_security",
                inputs={"amount": c.social_security_fees, "payee": exp.social_security_account},
            )
        )

    payees = _group(lines)
    split_total = Money.from_fen(sum([p.amount.fen for p in payees]))
    if split_total != c.total:  # pragma: no cover - guarded by property tests
        raise AssertionError(f"split {split_total} does not conserve the total {c.total}")
    steps.append(
        Step(
            rule="LAND-3",
            key="land.split_total",
            inputs={"total": split_total, "payees": len(payees)},
            citation=_CITE_000_PAY,
        )
    )
    value = CompensationSplit(
        collective=exp.collective,
        approved_on=exp.approved_on,
        compensation=c,
        lines=tuple(lines),
        payees=payees,
        parties=exp.parties,
    )
    return Result(value=value, steps=tuple(steps))


_KIND_ORDER = {k: i for i, k in enumerate(PayeeKind)}


def _group(lines: Iterable[SplitLine]) -> tuple[PayeeDue, ...]:
    grouped: dict[str, list[SplitLine]] = {}
    for line in lines:
        same = grouped.get(line.payee)
        if same is None:
            grouped[line.payee] = [line]
        else:
            same.append(line)
    ranked: list[tuple[int, str, PayeeDue]] = []
    for payee, items in grouped.items():
        first = items[0]
        if len(items) == 1:
            amount = first.amount
            pairs: tuple[tuple[CompensationItem, Money], ...] = ((first.item, amount),)
        else:
            fen = 0
            listed: list[tuple[CompensationItem, Money]] = []
            for x in items:
                fen += x.amount.fen
                listed.append((x.item, x.amount))
            amount = Money.from_fen(fen)
            pairs = tuple(listed)
        due = PayeeDue(payee=payee, payee_kind=first.payee_kind, amount=amount, items=pairs)
        ranked.append((_KIND_ORDER[first.payee_kind], payee, due))
    ranked.sort()  # by kind, then payee id; the ids are unique, so PayeeDue never compares
    out = []
    for r in ranked:
        out.append(r[2])
    return tuple(out)


# -- LAND-6: payment audit -------------------------------------------------------------------


def audit_payments(
    split: CompensationSplit,
    ledger: PaymentLedger | Sequence[Any],
    policy: Policy,
    *,
    due_on: dt.date | None = None,
    plan_approved_on: dt.date | None = None,
    as_of: dt.date | None = None,
) -> Result[PaymentAudit]:
    """Check payments against what was due: in full, short, overpaid, late, never paid.

    征地补偿款是否及时足额到位. LAND-6. The due date is ``due_on`` if given, else the
    compensation plan's approval date (default: the land approval date) plus the pack's
    payment period. A ledger payee that is not a party of the case raises InputError.
    Without ``as_of`` the lateness of what is still unpaid is not assessed, and says so.
    """
    if not isinstance(ledger, PaymentLedger):
        ledger = PaymentLedger(entries=tuple(ledger))
    unknown = sorted(ledger.payees() - split.parties)
    if unknown:
        raise InputError(
            obj="PaymentLedger",
            field="payee",
            value=unknown[0] if len(unknown) == 1 else unknown,
            expected="a party of this expropriation: " + ", ".join(sorted(split.parties)),
        )
    steps: list[Step] = []
    if due_on is None:
        pol, date_notes = _at(policy, split.approved_on)
        period_p = pol.param("land.payment_period_months")
        notes = list(date_notes)
        base = plan_approved_on
        if base is None:
            base = split.approved_on
            notes.append(Note(kind=NoteKind.CONVENTION, key="land.note.plan_date_assumed"))
        due_on = base + relativedelta(months=period_p.integer)
        steps.append(
            Step(
                rule="LAND-6",
                key="land.due_date",
                inputs={"from": base, "due_on": due_on},
                params=(period_p,),
                notes=tuple(notes),
            )
        )
    else:
        steps.append(Step(rule="LAND-6", key="land.due_date_given", inputs={"due_on": due_on}))
    if as_of is not None:
        late_entries = [e for e in ledger.entries if e.paid_on > as_of]
        if late_entries:
            raise InputError(
                obj="PaymentLedger",
                field="paid_on",
                value=late_entries[0].paid_on,
                expected=f"a date on or before the audit date {as_of}",
            )
    by_payee: dict[str, list[Any]] = {}
    for e in sorted(ledger.entries, key=lambda e: e.paid_on):
        by_payee.setdefault(e.payee, []).append(e)
    due = {p.payee: p for p in split.payees}
    names = [p.payee for p in split.payees] + sorted(set(by_payee) - set(due))
    audits: list[PayeeAudit] = []
    for name in names:
        d = due.get(name)
        amount_due = d.amount if d is not None else Money.zero()
        entries = by_payee.get(name, [])
        paid = Money.zero()
        completed: dt.date | None = None
        for e in entries:
            paid = paid + e.amount
            if completed is None and amount_due and paid >= amount_due:
                completed = e.paid_on
        if d is None:
            status = PaymentStatus.NOT_DUE
        elif not entries:
            status = PaymentStatus.NEVER_PAID
        elif paid < amount_due:
            status = PaymentStatus.SHORT
        elif paid > amount_due:
            status = PaymentStatus.OVERPAID
        else:
            status = PaymentStatus.PAID_IN_FULL
        late = max((completed - due_on).days, 0) if completed is not None else 0
        overdue: int | None = None
        if completed is None and d is not None and as_of is not None:
            overdue = max((as_of - due_on).days, 0)
        audit = PayeeAudit(
            payee=name,
            payee_kind=d.payee_kind if d is not None else None,
            due=amount_due,
            paid=paid,
            status=status,
            payments=len(entries),
            completed_on=completed,
            late_days=late,
            overdue_days=overdue,
        )
        audits.append(audit)
        if not audit.ok:
            timing: list[Note] = []
            if late:
                timing.append(
                    Note(kind=NoteKind.WARNING, key="land.note.paid_late", args={"days": late})
                )
            if overdue:
                timing.append(
                    Note(
                        kind=NoteKind.WARNING,
                        key="land.note.overdue",
                        args={"days": overdue, "as_of": as_of},
                    )
                )
            if completed is None and d is not None and as_of is None:
                timing.append(Note(kind=NoteKind.WARNING, key="land.note.overdue_not_assessed"))
            steps.append(
                Step(
                    rule="LAND-6",
                    key="land.audit_problem",
                    inputs={
                        "payee": name,
                        "status": status,
                        "due": amount_due,
                        "paid": paid,
                        "difference": abs(audit.difference),
                    },
                    notes=tuple(timing),
                    citation=_CITE_000_PAY,
                )
            )
    value = PaymentAudit(due_on=due_on, as_of=as_of, payees=tuple(audits))
    steps.append(
        Step(
            rule="LAND-6",
            key="land.audit_summary",
            inputs={
                "payees": len(audits),
                "problems": len(value.problems),
                "total_due": value.total_due,
                "total_paid": value.total_paid,
                "total_short": value.total_short,
                "total_over": value.total_over,
            },
            citation=_CITE_000_PAY,
        )
    )
    return Result(value=value, steps=tuple(steps))


# -- LAND-4 / LAND-5: social security --------------------------------------------------------


def social_security_set_aside(
    land_transfer_revenue: Money, policy: Policy, *, actual: Money | None = None
) -> Result[SetAsideCheck]:
    """The least a year's land-transfer revenue must set aside for expropriated farmers' security.

    从土地出让收入中提取被征地农民社会保障资金. LAND-4. With ``actual``, checks the set-aside.
    """
    if not isinstance(land_transfer_revenue, Money) or land_transfer_revenue < Money.zero():
        raise InputError(
            obj="social_security_set_aside",
            field="land_transfer_revenue",
            value=land_transfer_revenue,
            expected="a Money amount >= 0",
        )
    share_p = policy.param("land.social_security_min_share")
    minimum = Money.from_fen(math.ceil(land_transfer_revenue.fen * share_p.fraction))
    steps = [
        Step(
            rule="LAND-4",
            key="land.set_aside_minimum",
            inputs={"revenue": land_transfer_revenue, "minimum": minimum},
            params=(share_p,),
            notes=(Note(kind=NoteKind.ROUNDING, key="land.note.round_up_minimum"),),
        )
    ]
    meets: bool | None = None
    if actual is not None:
        if not isinstance(actual, Money) or actual < Money.zero():
            raise InputError(
                obj="social_security_set_aside",
                field="actual",
                value=actual,
                expected="a Money amount >= 0",
            )
        percent = (
            Fraction(actual.fen * 100, land_transfer_revenue.fen)
            if land_transfer_revenue
            else Fraction(100)
        )
        meets = share_p.admits(percent)
        steps.append(
            Step(
                rule="LAND-4",
                key="land.set_aside_check",
                inputs={"actual": actual, "percent": percent, "meets": meets},
                params=(share_p,),
            )
        )
    value = SetAsideCheck(
        land_transfer_revenue=land_transfer_revenue, minimum=minimum, actual=actual, meets=meets
    )
    return Result(value=value, steps=tuple(steps))


def benefit_floor(monthly_benefit: Money, policy: Policy) -> Result[BenefitCheck]:
    """Whether a monthly living or pension benefit reaches the local dibao standard.

    基本生活和养老保障水平不低于当地最低生活保障标准. LAND-5.
    """
    if not isinstance(monthly_benefit, Money) or monthly_benefit < Money.zero():
        raise InputError(
            obj="benefit_floor",
            field="monthly_benefit",
            value=monthly_benefit,
            expected="a Money amount >= 0",
        )
    standard_p = policy.param("land.dibao_standard")
    meets = standard_p.admits(monthly_benefit)
    value = BenefitCheck(benefit=monthly_benefit, dibao_standard=standard_p.money, meets=meets)
    step = Step(
        rule="LAND-5",
        key="land.benefit_floor",
        inputs={
            "benefit": monthly_benefit,
            "standard": standard_p.money,
            "meets": meets,
            "gap": value.gap,
        },
        params=(standard_p,),
    )
    return Result(value=value, steps=(step,))


# -- LAND-8 .. LAND-11: insurance places -----------------------------------------------------


def _need(exp: Expropriation, field: str) -> Any:
    value = getattr(exp, field)
    if value is None:
        raise InputError(
            obj="Expropriation",
            field=field,
            value=None,
            expected="a value: quota by land (LAND-8, 002 §三(二)) needs the village's land, "
            "its agricultural population aged 16+ and the number already insured",
        )
    return value


def _round(value: Fraction, how: str) -> int:
    floor = value.numerator // value.denominator
    if how == "down" or value == floor:
        return floor
    if how == "up":
        return floor + 1
    return round_half_up(value)


def quota_by_land(expropriation: Expropriation, policy: Policy) -> Result[PlaceQuota]:
    """How many social-security places a village gets for the land it lost.

    以地定量：核定参保指标. LAND-8 (002 §三(二)).
    """
    exp = expropriation
    village_land: Area = _need(exp, "village_land")
    population: int = _need(exp, "population_16_plus")
    insured: int = _need(exp, "already_insured")
    rounding_p = policy.param("land.places_rounding")
    area = exp.area_of(_PLACE_LAND_TYPES)
    left_out = exp.area - area
    unrounded = (area / village_land) * population
    rounded = _round(unrounded, rounding_p.text)
    cap = population - insured
    places = min(rounded, cap)
    notes = [Note(kind=NoteKind.CONVENTION, key="land.note.rounding_not_in_text")]
    if left_out:
        notes.append(
            Note(kind=NoteKind.WARNING, key="land.note.land_left_out", args={"area": left_out})
        )
    steps = [
        Step(
            rule="LAND-8",
            key="land.quota",
            inputs={
                "area": area,
                "village_land": village_land,
                "population": population,
                "per_person": _mu_area(village_land.in_unit("mu") / population)
                if population
                else village_land,
                "unrounded": unrounded,
                "rounded": rounded,
            },
            params=(rounding_p,),
            notes=tuple(notes),
            citation=_CITE_002_QUOTA,
        ),
        Step(
            rule="LAND-8",
            key="land.quota_cap",
            inputs={
                "population": population,
                "insured": insured,
                "cap": cap,
                "capped": places < rounded,
                "places": places,
            },
            citation=_CITE_002_QUOTA,
        ),
    ]
    value = PlaceQuota(
        expropriated_area=area,
        village_land=village_land,
        population_16_plus=population,
        already_insured=insured,
        unrounded=unrounded,
        rounded=rounded,
        cap=cap,
        places=places,
    )
    return Result(value=value, steps=tuple(steps))


def _eligible_cutoff(exp: Expropriation, policy: Policy) -> tuple[dt.date, int, Parameter]:
    """Born on or before this date = old enough on the approval date (16周岁以上)."""
    age_p = policy.param("land.place_min_age")
    years = age_p.integer if age_p.admits(age_p.integer) else age_p.integer + 1
    return exp.approved_on - relativedelta(years=years), years, age_p


def _old_enough(born: dt.date, cutoff: dt.date, years: int, on: dt.date) -> bool:
    """Age in whole years on ``on`` is at least ``years``, counted as Person.age_on counts."""
    if born.month == 2 and born.day == 29:
        return born + relativedelta(years=years) <= on
    return born <= cutoff


def _capped_largest_remainder(
    quota: int, weights: Sequence[int], caps: Sequence[int], ids: Sequence[str]
) -> tuple[list[int], list[tuple[int, int]], set[int], int]:
    """Integer places proportional to ``weights``, never above ``caps``.

    Households whose exact share reaches their cap get the cap and leave; the rest share what
    is left, repeated until no share reaches a cap; then floors, and the places left over go to
    the largest remainders (ties: larger weight, then smaller id). Returns places, the exact
    shares (numerator, denominator), the indices that took a remainder place, and the places
    no one could take.
    """
    n = len(weights)
    places = [0] * n
    shares = [(0, 1)] * n
    # Households with the same weight and cap fare alike: work per (weight, cap) group.
    groups: dict[tuple[int, int], list[int]] = {}
    for i, w, c in zip(range(n), weights, caps, strict=True):
        if w > 0 and c > 0:
            same = groups.get((w, c))
            if same is None:
                groups[(w, c)] = [i]
            else:
                same.append(i)
    left = quota
    total = 0  # the weight of the households still sharing
    for (w, _), members in groups.items():
        total += w * len(members)
    if groups and left > 0:
        # A household is full when its exact share left × w / total reaches its cap c, that
        # is when w / c >= total / left; so each round's full households are those still
        # sharing with the largest w / c. Order the groups once by w / c (exactly, as the
        # integer w × (m / c) for m a common multiple of the caps); each round takes its full
        # groups from the front.
        scale = math.lcm(*{c for _, c in groups})
        ranked = sorted([(w * (scale // c), w, c) for w, c in groups], reverse=True)
        start = 0
        while start < len(ranked) and left > 0:
            bound = scale * total
            stop = start
            while stop < len(ranked) and ranked[stop][0] * left >= bound:
                stop += 1
            if stop == start:
                break
            gone_places = gone_weight = 0
            for _, w, c in ranked[start:stop]:
                members = groups.pop((w, c))
                share = (left * w, total)
                for i in members:
                    places[i] = c
                    shares[i] = share
                gone_places += c * len(members)
                gone_weight += w * len(members)
            left -= gone_places
            total -= gone_weight
            start = stop
    took: set[int] = set()
    if groups and left > 0:
        # Floors, then the places left over by largest remainder (ties: larger weight, then
        # smaller id). Equal weights have equal shares: work per weight.
        by_weight: dict[int, list[int]] = {}
        for (w, _), members in groups.items():
            same = by_weight.get(w)
            if same is None:
                by_weight[w] = members
            else:
                same.extend(members)
        given = 0
        remainders: list[tuple[int, int]] = []  # (-remainder, -weight) of weights with one
        for w, members in by_weight.items():
            share = (left * w, total)
            q, r = divmod(share[0], total)
            for i in members:
                places[i] = q
                shares[i] = share
            given += q * len(members)
            if r:  # the places left over are fewer than the households with a remainder
                remainders.append((-r, -w))
        remainders.sort()
        need = left - given
        for _, w in remainders:
            if need <= 0:
                break
            members = by_weight[-w]
            if len(members) > need:  # the smaller ids of this weight take the last places
                members = sorted(members, key=ids.__getitem__)[:need]
            for i in members:
                places[i] += 1
                took.add(i)
            need -= len(members)
        left = 0
    return places, shares, took, max(left, 0)


def _integer_weights(areas: Sequence[Fraction]) -> list[int]:
    """Areas as integers in the same ratios (all zero stays all zero)."""
    return scale_to_integers(areas) or [0] * len(areas)


def allocate_places(
    expropriation: Expropriation, quota: int | PlaceQuota, policy: Policy
) -> Result[PlaceAllocation]:
    """Give a village's places to the households whose contracted land was taken, by area lost.

    人地对应：按承包地被征收面积分配参保指标. LAND-9 (002 §三(三)). A household never gets more
    places than it has eligible members (aged 16+ on the approval date, not yet insured).
    """
    exp = expropriation
    places_total = quota.places if isinstance(quota, PlaceQuota) else quota
    if isinstance(places_total, bool) or not isinstance(places_total, int) or places_total < 0:
        raise InputError(
            obj="allocate_places", field="quota", value=quota, expected="a whole number >= 0"
        )
    cutoff, years, age_p = _eligible_cutoff(exp, policy)
    on = exp.approved_on
    contracted = _contracted_by_parcel_order(exp, _PLACE_LAND_TYPES)
    ids: list[str] = []  # households that lost contracted land, in case order
    areas: list[Fraction] = []
    eligible: list[tuple[str, ...]] = []
    caps: list[int] = []
    none: list[str] = []  # households without an eligible member
    for household in exp.households:
        area = contracted.get(household.id)
        if area is None:
            continue
        ids.append(household.id)
        areas.append(area)
        # born on or before the cutoff is old enough; a 29 February birthday may turn over on
        # 28 February of a common year (as Person.age_on counts), so it is checked exactly
        chosen: list[str] = []
        for m in household.members:
            if m.pension_insured:
                continue
            born = m.birth_date
            if born <= cutoff or (
                born.month == 2 and born.day == 29 and _old_enough(born, cutoff, years, on)
            ):
                chosen.append(m.id)
        eligible.append(tuple(chosen))
        caps.append(len(chosen))
        if not chosen:
            none.append(household.id)
    weights = _integer_weights(areas)
    places, shares, took, unallocated = _capped_largest_remainder(places_total, weights, caps, ids)
    new = object.__new__
    set_id, set_area, set_eligible, set_places, set_share, set_took, set_waived, set_added = (
        _HOUSEHOLD_PLACES_SLOTS
    )
    built: list[HouseholdPlaces] = []
    for i, hid, area, chosen_ids, n, share in zip(
        range(len(ids)), ids, areas, eligible, places, shares, strict=True
    ):
        # as HouseholdPlaces(household=hid, area_m2=area, eligible=chosen_ids, places=n,
        # share=share, took_remainder=i in took), without the cost of attrs' __init__
        h = new(HouseholdPlaces)
        set_id(h, hid)
        set_area(h, area)
        set_eligible(h, chosen_ids)
        set_places(h, n)
        set_share(h, share)
        set_took(h, i in took)
        set_waived(h, 0)
        set_added(h, 0)
        built.append(h)
    households = tuple(built)
    value = PlaceAllocation(quota=places_total, households=households, unallocated=unallocated)
    took_ids = sorted([ids[i] for i in took])  # ids are unique: as sorting the indices by id
    notes = [Note(kind=NoteKind.CONVENTION, key="land.note.largest_remainder")]
    notes.append(
        Note(
            kind=NoteKind.ROUNDING,
            key="land.note.remainder_places",
            args={"count": len(took_ids), "households": _ids(took_ids) or "—"},
        )
    )
    # households given all their eligible members' places (places never exceed the cap, and
    # a household without eligible members has none)
    full = sum(map(operator.eq, caps, places)) - len(none)
    if none:
        notes.append(
            Note(
                kind=NoteKind.WARNING,
                key="land.note.no_eligible",
                args={"count": len(none), "households": _ids(none)},
            )
        )
    if unallocated:
        notes.append(
            Note(kind=NoteKind.WARNING, key="land.note.unallocated", args={"count": unallocated})
        )
    notes.extend(_no_contractor_note(exp))
    steps = [
        Step(
            rule="LAND-9",
            key="land.allocation",
            inputs={
                "quota": places_total,
                "households": len(ids),
                "eligible": sum(caps),
                "allocated": sum(places),  # value.allocated
                "full": full,
                "approved_on": exp.approved_on,
                "cutoff": cutoff,
            },
            params=(age_p,),
            notes=tuple(notes),
            citation=_CITE_002_MATCH,
        )
    ]
    return Result(value=value, steps=tuple(steps))


def reallocate_places(
    allocation: PlaceAllocation,
    waived: Mapping[str, int],
    *,
    adjustment_places: int = 0,
) -> Result[PlaceAllocation]:
    """Give waived, unallocated and adjustment places first to expropriated, uninsured members.

    节余指标和调剂指标优先用于本村集体经济组织内已征地但尚未参保的成员. LAND-10 (002 §三(三)).
    The pool goes, in proportion to area lost, to households of the allocation that still have
    eligible members without a place; whatever is left stays unallocated. The list of people
    who receive adjusted places must go through the "五议两公开" procedure.
    """
    if (
        isinstance(adjustment_places, bool)
        or not isinstance(adjustment_places, int)
        or (adjustment_places < 0)
    ):
        raise InputError(
            obj="reallocate_places",
            field="adjustment_places",
            value=adjustment_places,
            expected="a whole number >= 0",
        )
    index = {h.household: h for h in allocation.households}
    for hid, n in waived.items():
        h = index.get(hid)
        if h is None:
            raise InputError(
                obj="reallocate_places", field="waived", value=hid, expected="a household id"
            )
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= h.places:
            raise InputError(
                obj="reallocate_places",
                field=f"waived[{hid!r}]",
                value=n,
                expected=f"a whole number from 0 to the household's places ({h.places})",
            )
    pool = allocation.unallocated + sum(waived.values()) + adjustment_places
    ids = [h.household for h in allocation.households]
    # A member who waived is out; the others without a place can still take one.
    caps = [max(len(h.eligible) - h.waived - h.places, 0) for h in allocation.households]
    weights = _integer_weights([h.area_m2 for h in allocation.households])
    added, _, took, left = _capped_largest_remainder(pool, weights, caps, ids)
    households = tuple(
        attrs.evolve(
            h,
            places=h.places - waived.get(h.household, 0) + added[i],
            waived=h.waived + waived.get(h.household, 0),
            added=h.added + added[i],
            took_remainder=i in took,
        )
        for i, h in enumerate(allocation.households)
    )
    value = PlaceAllocation(quota=allocation.quota, households=households, unallocated=left)
    receivers = [ids[i] for i in range(len(ids)) if added[i]]
    step = Step(
        rule="LAND-10",
        key="land.reallocation",
        inputs={
            "waived": sum(waived.values()),
            "unallocated": allocation.unallocated,
            "adjustment": adjustment_places,
            "pool": pool,
            "households": len(receivers),
            "placed": pool - left,
            "left": left,
        },
        notes=(
            Note(kind=NoteKind.WARNING, key="land.note.five_two_procedure"),
            Note(kind=NoteKind.CONVENTION, key="land.note.largest_remainder"),
        ),
        citation=_CITE_002_WAIVED,
    )
    return Result(value=value, steps=(step,))


def place_validity(
    issued_on: dt.date,
    policy: Policy,
    *,
    as_of: dt.date,
    deadline: dt.date | None = None,
    enrolled_on: dt.date | None = None,
    good_reason: bool = False,
) -> Result[PlaceValidity]:
    """Whether an insurance place is still valid, used, or deemed waived on a date.

    即征即保：参保指标有效期最长为1年，逾期未参保视为放弃. LAND-11 (002 §三(四)).
    ``deadline`` is the local enrolment deadline (规定期限); the place's validity caps it.
    """
    for name, d in (("issued_on", issued_on), ("as_of", as_of)):
        if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
            raise InputError(obj="place_validity", field=name, value=d, expected="a datetime.date")
    if enrolled_on is not None and enrolled_on < issued_on:
        raise InputError(
            obj="place_validity",
            field="enrolled_on",
            value=enrolled_on,
            expected=f"on or after the issue date {issued_on}",
        )
    years_p = policy.param("land.place_validity_years")
    expires_on = issued_on + relativedelta(years=years_p.integer)
    effective = expires_on if deadline is None or deadline > expires_on else deadline
    notes = [Note(kind=NoteKind.CONVENTION, key="land.note.period_counting")]
    if enrolled_on is not None and enrolled_on <= effective:
        status = PlaceStatus.ENROLLED
    elif enrolled_on is not None and enrolled_on <= expires_on and good_reason:
        status = PlaceStatus.ENROLLED
        notes.append(Note(kind=NoteKind.WARNING, key="land.note.good_reason"))
    elif enrolled_on is None and as_of <= effective:
        status = PlaceStatus.PENDING
    elif enrolled_on is None and as_of <= expires_on and good_reason:
        status = PlaceStatus.PENDING
        notes.append(Note(kind=NoteKind.WARNING, key="land.note.good_reason"))
    elif good_reason:
        status = PlaceStatus.LAPSED
    else:
        status = PlaceStatus.DEEMED_WAIVED
    step = Step(
        rule="LAND-11",
        key="land.place_validity",
        inputs={
            "issued_on": issued_on,
            "expires_on": expires_on,
            "deadline": effective,
            "as_of": as_of,
            "status": status,
        },
        params=(years_p,),
        notes=tuple(notes),
        citation=_CITE_002_WAIVE_RULE,
    )
    value = PlaceValidity(
        issued_on=issued_on, expires_on=expires_on, deadline=effective, status=status
    )
    return Result(value=value, steps=(step,))


def entry_check(
    expropriation: Expropriation, enrol_on: dt.date, *, county_decision: bool = False
) -> Result[EntryCheck]:
    """Whether people of this case may enrol on a date: land type and approval date.

    准入门槛. LAND-13 (002 §三(一)): only cultivated and other agricultural land counts, and
    enrolment before approval needs a decision of a government at county level or above.
    """
    exp = expropriation
    area = exp.area_of(_PLACE_LAND_TYPES)
    early = enrol_on < exp.approved_on
    admitted = bool(area) and (not early or county_decision)
    step = Step(
        rule="LAND-13",
        key="land.entry",
        inputs={
            "enrol_on": enrol_on,
            "approved_on": exp.approved_on,
            "area": area,
            "early": early,
            "county_decision": county_decision,
            "admitted": admitted,
        },
        citation=_CITE_002_ENTRY,
    )
    return Result(
        value=EntryCheck(admitted=admitted, early=early, eligible_area=area), steps=(step,)
    )


# -- LAND-7 / LAND-12: schedules -------------------------------------------------------------


def _month_day(policy: Policy, name: str, year: int) -> tuple[dt.date, Parameter]:
    param = policy.param(name)
    anchor = param.date
    try:
        return anchor.replace(year=year), param
    except ValueError:
        raise PolicyPackError(
            file=param.pack_id,
            key=f"parameters.{name}",
            problem=f"{anchor.month:02d}-{anchor.day:02d} does not exist in {year}",
        ) from None


def campaign_schedule(year: int, policy: Policy) -> Result[CampaignSchedule]:
    """The governance campaign's four phases and report deadlines in a given year.

    失地农民基本保障专项治理：四个阶段及上报时限. LAND-7 (000 §三).
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise InputError(obj="campaign_schedule", field="year", value=year, expected="a year")
    used: list[Parameter] = []

    def day(name: str) -> dt.date:
        d, p = _month_day(policy, f"land.campaign_{name}", year)
        used.append(p)
        return d

    phases = tuple(
        Phase(phase=phase, start=day(f"{phase.value}_start"), end=day(f"{phase.value}_end"))
        for phase in CampaignPhase
    )
    report1 = day("self_inspection_report_due")
    report2 = day("evaluation_report_due")
    end = day("end")
    coverage_p = policy.param("land.self_inspection_coverage")
    used.append(coverage_p)
    value = CampaignSchedule(
        year=year,
        phases=phases,
        self_inspection_report_due=report1,
        evaluation_report_due=report2,
        campaign_end=end,
        self_inspection_coverage=coverage_p.fraction,
    )
    notes = [Note(kind=NoteKind.BOUNDARY, key="land.note.report_before")]
    if end != phases[-1].end:
        notes.append(
            Note(
                kind=NoteKind.WARNING,
                key="land.note.campaign_end_mismatch",
                args={"end": end, "last": phases[-1].end},
            )
        )
    step = Step(
        rule="LAND-7",
        key="land.campaign",
        inputs={
            "year": str(year),
            "preparation_start": phases[0].start,
            "preparation_end": phases[0].end,
            "self_inspection_start": phases[1].start,
            "self_inspection_end": phases[1].end,
            "rectification_start": phases[2].start,
            "rectification_end": phases[2].end,
            "evaluation_start": phases[3].start,
            "evaluation_end": phases[3].end,
            "report1": report1,
            "report2": report2,
            "coverage": coverage_p.decimal,
        },
        params=tuple(used),
        notes=tuple(notes),
    )
    return Result(value=value, steps=(step,))


def _period_ends(start: dt.date, until: dt.date, frequency: str) -> tuple[dt.date, ...]:
    months = tuple(range(1, 13)) if frequency == "monthly" else (3, 6, 9, 12)
    rule = rrule(
        MONTHLY,
        dtstart=dt.datetime.combine(start, dt.time()),
        until=dt.datetime.combine(until, dt.time()),
        bymonth=months,
        bymonthday=-1,
    )
    return tuple(d.date() for d in rule)


def transfer_schedule(start: dt.date, until: dt.date, policy: Policy) -> Result[TransferSchedule]:
    """When money owed must reach the pension fund (monthly) and the risk reserve (quarterly).

    被征地农民参保资金按月划转、社保风险金按季到位. LAND-12 (002 §二(三)).
    """
    for name, d in (("start", start), ("until", until)):
        if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
            raise InputError(
                obj="transfer_schedule", field=name, value=d, expected="a datetime.date"
            )
    if until < start:
        raise InputError(
            obj="transfer_schedule", field="until", value=until, expected=f"on or after {start}"
        )
    pension_p = policy.param("land.pension_fund_transfer_frequency")
    reserve_p = policy.param("land.risk_reserve_transfer_frequency")
    pension = _period_ends(start, until, pension_p.text)
    reserve = _period_ends(start, until, reserve_p.text)
    step = Step(
        rule="LAND-12",
        key="land.transfers",
        inputs={
            "start": start,
            "until": until,
            "pension": len(pension),
            "reserve": len(reserve),
            "first_pension": pension[0] if pension else "—",
            "first_reserve": reserve[0] if reserve else "—",
        },
        params=(pension_p, reserve_p),
        notes=(Note(kind=NoteKind.CONVENTION, key="land.note.period_end"),),
    )
    return Result(value=TransferSchedule(pension_fund=pension, risk_reserve=reserve), steps=(step,))
