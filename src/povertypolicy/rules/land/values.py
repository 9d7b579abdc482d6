"""Land expropriation: the enums and values the LAND rules return; 土地征收."""

from __future__ import annotations

import datetime as dt
import enum
from fractions import Fraction
from typing import Any

import attrs

from ...errors import InputError
from ...money import Money
from ...units import Area, AreaUnit

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
]

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
    """The compensation items of one expropriation; 征地补偿费用 (LAND-1, LAND-2).

    Args:
        method: Annual output value or zone price.
        area: The area compensated.
        land_compensation: Land compensation (土地补偿费).
        resettlement_subsidy: Resettlement subsidy (安置补助费).
        attachments_compensation: Ground attachments and young crops (地上附着物和青苗补偿费).
        social_security_fees: Social-security fees for the expropriated farmers (社会保障费用).
        persons_to_resettle: People to resettle (annual-output-value method); None: zone-price
            method.
        resettlement_capped: True when the resettlement subsidy was held to its cap.
        combined_capped: True when land compensation and resettlement subsidy together were held to
            the combined cap.
    """

    method: CompensationMethod
    area: Area
    land_compensation: Money
    resettlement_subsidy: Money
    attachments_compensation: Money
    social_security_fees: Money
    persons_to_resettle: Fraction | None = None
    resettlement_capped: bool = False
    combined_capped: bool = False
    approved_increase: Money | None = None
    """The province's approved increase actually added (after the combined cap); None: the
    policy records no approved increase (art. 47: 经省级人民政府批准，可以增加安置补助费)."""

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
    """One item due to one payee; 应付明细 (LAND-3).

    Args:
        payee: The payee's id.
        payee_kind: Collective, household, owner, resettling unit or social-security fund.
        item: The compensation item.
        amount: Its amount.
    """

    payee: str
    payee_kind: PayeeKind
    item: CompensationItem
    amount: Money


@attrs.frozen(kw_only=True)
class PayeeDue:
    """Everything due to one payee, ready to pay; 应付款（按收款方）(LAND-3).

    Args:
        payee: The payee's id.
        payee_kind: Collective, household, owner, resettling unit or social-security fund.
        amount: Total due.
        items: Each compensation item with its amount.
    """

    payee: str
    payee_kind: PayeeKind
    amount: Money
    items: tuple[tuple[CompensationItem, Money], ...]


@attrs.frozen(kw_only=True)
class CompensationSplit:
    """Who is owed what: per item line and per payee; 征地补偿款分配 (LAND-3).

    Args:
        collective: The collective whose land is taken.
        approved_on: Date the expropriation was approved.
        compensation: The compensation split.
        lines: Each item due to each payee.
        payees: Everything due to each payee.
        parties: Every payee id the case knows.
    """

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
    """One payee's due and paid amounts and timing; 支付核查（按收款方）(LAND-6).

    Args:
        payee: The payee's id.
        payee_kind: Collective, household, owner, resettling unit or social-security fund; None:
            paid but nothing due.
        due: Amount due.
        paid: Amount paid.
        status: Paid in full, short, overpaid, never paid or not due.
        payments: Number of payments.
        completed_on: Day the payments reached the amount due; None: not reached.
        late_days: Days after the due date the payments were completed; 0: on time.
        overdue_days: Days overdue on ``as_of`` when not paid in full; None: paid, or no ``as_of``.
    """

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
    """An audit of compensation payments against what was due; 征地补偿款支付核查 (LAND-6).

    Args:
        due_on: Day payment is due (approval date plus the pack's payment period).
        as_of: Day the audit is made; None: overdue days not assessed.
        payees: Each payee's audit.
    """

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
        raise InputError(
            obj="PaymentAudit",
            field="payees",
            value=payee,
            expected="a payee id",
            code="land.error.no_such_payee",
        )


@attrs.frozen(kw_only=True)
class SetAsideCheck:
    """The yearly social-security set-aside from land-transfer revenue; 社保资金提取 (LAND-4).

    Args:
        land_transfer_revenue: The year's land-transfer revenue (土地出让收入).
        minimum: The minimum to set aside for social security.
        actual: The amount set aside; None: not recorded.
        meets: True when the actual amount is at least the minimum; None: not recorded.
    """

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
    """A monthly benefit against the local dibao standard; 保障水平核查 (LAND-5).

    Args:
        benefit: The monthly benefit checked.
        dibao_standard: The local dibao standard it is compared with.
        meets: True when the benefit is at least the standard.
    """

    benefit: Money
    dibao_standard: Money
    meets: bool

    @property
    def gap(self) -> Money:
        """How far the benefit falls below the standard (zero if it does not)."""
        return max(self.dibao_standard - self.benefit, Money.zero())


@attrs.frozen(kw_only=True)
class PlaceQuota:
    """Insurance places of a village by its land; 以地定量 (LAND-8).

    Args:
        expropriated_area: The expropriated agricultural land that counts.
        village_land: The village's agricultural land.
        population_16_plus: Agricultural people aged 16 and over.
        already_insured: People already insured.
        unrounded: Expropriated area ÷ village land × people aged 16+, exact.
        rounded: The unrounded figure rounded as the pack says.
        cap: People aged 16+ less those already insured.
        places: The rounded figure, at most the cap.
    """

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

    Args:
        household: The household's id.
        area_m2: Its expropriated contracted farmland, m², exact.
        eligible: Ids of members aged 16+ on the approval date and not yet insured.
        places: Places allocated to it.
        took_remainder: True when it took a place by largest remainder.
        waived: Places it waived.
        added: Places added to it by reallocation (LAND-10).
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
    """Places allocated to households; 人地对应 (LAND-9, LAND-10).

    Args:
        quota: Places to allocate.
        households: Each household's places.
        unallocated: Places left (no eligible member to take them).
    """

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
    """Whether a place is still usable; 参保指标有效期 (LAND-11).

    Args:
        issued_on: Day the place was issued.
        expires_on: Day its validity ends (issue date plus the pack's years).
        deadline: The enrolment deadline that applies: the local deadline (规定期限), capped by
            ``expires_on``.
        status: Pending, enrolled, deemed waived or lapsed.
    """

    issued_on: dt.date
    expires_on: dt.date
    deadline: dt.date
    status: PlaceStatus


@attrs.frozen(kw_only=True)
class Phase:
    """One campaign phase with its first and last day; 专项治理阶段 (LAND-7).

    Args:
        phase: The phase.
        start: Its first day.
        end: Its last day.
    """

    phase: CampaignPhase
    start: dt.date
    end: dt.date


@attrs.frozen(kw_only=True)
class CampaignSchedule:
    """The campaign's phases and report deadlines in one year; 专项治理时间安排 (LAND-7).

    Args:
        year: The campaign year.
        phases: Its phases with their first and last days.
        self_inspection_report_due: Day the self-inspection report is due.
        evaluation_report_due: Day the evaluation report is due.
        campaign_end: Last day of the campaign.
        self_inspection_coverage: Share of cases the self-inspection must cover.
    """

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
    """Dates by which fund transfers are due; 资金划转时间表 (LAND-12).

    Args:
        pension_fund: Days money owed must reach the pension fund (monthly).
        risk_reserve: Days money owed must reach the risk reserve (quarterly).
    """

    pension_fund: tuple[dt.date, ...]
    risk_reserve: tuple[dt.date, ...]


@attrs.frozen(kw_only=True)
class EntryCheck:
    """Whether a case may enrol in expropriated farmers' social security; 准入门槛 (LAND-13).

    Args:
        admitted: True when the case may enrol.
        early: True when enrolment is before the approval date (needs a decision of a government at
            county level or above).
        eligible_area: The cultivated and other agricultural land of the case (only that counts).
    """

    admitted: bool
    early: bool
    eligible_area: Area
