"""The LAND value objects: enum values and labels, and every derived property, on both sides."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import pytest

from povertypolicy import Area, InputError, Money
from povertypolicy.rules.land.values import (
    BenefitCheck,
    CampaignPhase,
    CampaignSchedule,
    Compensation,
    CompensationItem,
    CompensationMethod,
    CompensationSplit,
    HouseholdPlaces,
    PayeeAudit,
    PayeeDue,
    PayeeKind,
    PaymentAudit,
    PaymentStatus,
    Phase,
    PlaceAllocation,
    PlaceQuota,
    PlaceStatus,
    SetAsideCheck,
    SplitLine,
)

D = dt.date
LC, RS = CompensationItem.LAND_COMPENSATION, CompensationItem.RESETTLEMENT_SUBSIDY
AT, SS = CompensationItem.ATTACHMENTS_COMPENSATION, CompensationItem.SOCIAL_SECURITY_FEES


def test_enum_values_and_labels() -> None:
    got = {
        cls.__label__: [m.value for m in cls]  # type: ignore[attr-defined]
        for cls in (
            CompensationMethod,
            CompensationItem,
            PayeeKind,
            PaymentStatus,
            PlaceStatus,
            CampaignPhase,
        )
    }
    assert got == {
        "land.enum.method": ["annual_output_value", "zone_price"],
        "land.enum.item": [
            "land_compensation",
            "resettlement_subsidy",
            "attachments_compensation",
            "social_security_fees",
        ],
        "land.enum.payee_kind": [
            "collective",
            "household",
            "owner",
            "resettling_unit",
            "social_security_fund",
        ],
        "land.enum.payment_status": ["paid_in_full", "short", "overpaid", "never_paid", "not_due"],
        "land.enum.place_status": ["pending", "enrolled", "deemed_waived", "lapsed"],
        "land.enum.phase": ["preparation", "self_inspection", "rectification", "evaluation"],
    }


def comp() -> Compensation:
    return Compensation(
        method=CompensationMethod.ANNUAL_OUTPUT_VALUE,
        area=Area.mu("1"),
        land_compensation=Money("1000"),
        resettlement_subsidy=Money("200.02"),
        attachments_compensation=Money("30.3"),
        social_security_fees=Money("4"),
    )


def test_compensation_total_and_items() -> None:
    c = comp()
    assert c.total == Money("1234.32")
    assert [c.item(i) for i in CompensationItem] == [
        Money("1000"),
        Money("200.02"),
        Money("30.3"),
        Money("4"),
    ]
    assert (c.persons_to_resettle, c.resettlement_capped, c.combined_capped) == (
        None,
        False,
        False,
    )
    assert c.approved_increase is None


def test_split_total_due_and_rows() -> None:
    lines = (
        SplitLine(payee="V1", payee_kind=PayeeKind.COLLECTIVE, item=LC, amount=Money("1000")),
        SplitLine(payee="H1", payee_kind=PayeeKind.HOUSEHOLD, item=RS, amount=Money("200.02")),
    )
    payees = (
        PayeeDue(payee="V1", payee_kind=PayeeKind.COLLECTIVE, amount=Money("1000"),
                 items=((LC, Money("1000")),)),
        PayeeDue(payee="H1", payee_kind=PayeeKind.HOUSEHOLD, amount=Money("200.02"),
                 items=((RS, Money("200.02")),)),
    )  # fmt: skip
    s = CompensationSplit(
        collective="V1",
        approved_on=D(2020, 1, 1),
        compensation=comp(),
        lines=lines,
        payees=payees,
        parties=frozenset({"V1", "H1"}),
    )
    assert s.total == Money("1200.02")
    assert s.due() == {"V1": Money("1000"), "H1": Money("200.02")}
    assert s.to_rows() == [
        {"payee": "V1", "payee_kind": "collective", "amount": "1000.00"},
        {"payee": "H1", "payee_kind": "household", "amount": "200.02"},
    ]
    empty = attrs.evolve(s, lines=(), payees=())
    assert empty.total == Money.zero()
    assert empty.due() == {}
    assert empty.to_rows() == []


def audit(payee: str, due: str, paid: str, status: PaymentStatus, late: int = 0) -> PayeeAudit:
    return PayeeAudit(
        payee=payee,
        payee_kind=PayeeKind.HOUSEHOLD,
        due=Money(due),
        paid=Money(paid),
        status=status,
        payments=1,
        completed_on=None,
        late_days=late,
        overdue_days=None,
    )


def test_payee_audit_difference_and_ok() -> None:
    full = audit("A", "100", "100", PaymentStatus.PAID_IN_FULL)
    assert (full.difference, full.ok) == (Money.zero(), True)
    late = audit("B", "100", "100", PaymentStatus.PAID_IN_FULL, late=1)
    assert late.ok is False
    short = audit("C", "100", "60", PaymentStatus.SHORT)
    assert (short.difference, short.ok) == (Money("-40"), False)
    over = audit("D", "100", "130", PaymentStatus.OVERPAID)
    assert (over.difference, over.ok) == (Money("30"), False)


def test_payment_audit_totals_problems_and_lookup() -> None:
    lines = (
        audit("A", "100", "100", PaymentStatus.PAID_IN_FULL),
        audit("C", "100", "60", PaymentStatus.SHORT),
        audit("D", "100", "130", PaymentStatus.OVERPAID),
        audit("E", "0", "5", PaymentStatus.NOT_DUE),
        audit("F", "50", "0", PaymentStatus.NEVER_PAID),
    )
    a = PaymentAudit(due_on=D(2020, 4, 1), as_of=None, payees=lines)
    assert a.total_due == Money("350")
    assert a.total_paid == Money("295")
    assert a.total_short == Money("90")
    assert a.total_over == Money("35")
    assert a.problems == lines[1:]
    assert a.of("D") is lines[2]
    assert a.of("A") is lines[0]
    with pytest.raises(InputError) as exc:
        a.of("Z")
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == ("PaymentAudit", "payees", "Z", "a payee id")
    none = PaymentAudit(due_on=D(2020, 4, 1), as_of=None, payees=())
    assert (none.total_due, none.total_paid, none.total_short, none.total_over) == (
        Money.zero(),
    ) * 4
    assert none.problems == ()


def test_set_aside_shortfall_and_benefit_gap() -> None:
    def aside(actual: str | None) -> SetAsideCheck:
        return SetAsideCheck(
            land_transfer_revenue=Money("1000"),
            minimum=Money("80"),
            actual=None if actual is None else Money(actual),
            meets=None,
        )

    assert aside(None).shortfall is None
    assert aside("79.99").shortfall == Money("0.01")
    assert aside("80").shortfall == Money.zero()
    assert aside("81").shortfall == Money.zero()

    def gap(benefit: str) -> Money:
        return BenefitCheck(benefit=Money(benefit), dibao_standard=Money("650"), meets=True).gap

    assert gap("649.99") == Money("0.01")
    assert gap("650") == Money.zero()
    assert gap("651") == Money.zero()


def test_place_quota_capped() -> None:
    def quota(rounded: int, places: int) -> PlaceQuota:
        return PlaceQuota(
            expropriated_area=Area.mu("1"),
            village_land=Area.mu("10"),
            population_16_plus=10,
            already_insured=0,
            unrounded=Fraction(rounded),
            rounded=rounded,
            cap=places,
            places=places,
        )

    assert quota(5, 4).capped is True
    assert quota(5, 5).capped is False
    assert quota(4, 5).capped is False


def test_household_places_properties_and_dict() -> None:
    h = HouseholdPlaces(household="H1", area_m2=Fraction(2000, 3), eligible=("a", "b"), places=2)
    assert h.area_mu == 1
    assert h.unrounded == 0
    assert (h.took_remainder, h.waived, h.added) == (False, 0, 0)
    assert h.to_dict() == {
        "household": "H1",
        "area_mu": "1",
        "eligible": ["a", "b"],
        "places": 2,
        "unrounded": "0",
        "took_remainder": False,
        "waived": 0,
        "added": 0,
    }
    h = HouseholdPlaces(
        household="H2",
        area_m2=Fraction(1000, 3),
        eligible=(),
        places=1,
        share=(3, 2),
        took_remainder=True,
        waived=1,
        added=2,
    )
    assert h.unrounded == Fraction(3, 2)
    assert h.to_dict() == {
        "household": "H2",
        "area_mu": "1/2",
        "eligible": [],
        "places": 1,
        "unrounded": "3/2",
        "took_remainder": True,
        "waived": 1,
        "added": 2,
    }


def test_place_allocation_counts() -> None:
    hs = (
        HouseholdPlaces(household="H1", area_m2=Fraction(1), eligible=(), places=2),
        HouseholdPlaces(household="H2", area_m2=Fraction(1), eligible=(), places=3),
    )
    a = PlaceAllocation(quota=6, households=hs, unallocated=1)
    assert a.allocated == 5
    assert (a.places_of("H1"), a.places_of("H2"), a.places_of("H9")) == (2, 3, 0)
    assert PlaceAllocation(quota=0, households=(), unallocated=0).allocated == 0


def test_campaign_phase_on() -> None:
    s = CampaignSchedule(
        year=2022,
        phases=(
            Phase(phase=CampaignPhase.PREPARATION, start=D(2022, 1, 1), end=D(2022, 1, 31)),
            Phase(phase=CampaignPhase.EVALUATION, start=D(2022, 3, 1), end=D(2022, 3, 31)),
        ),
        self_inspection_report_due=D(2022, 2, 1),
        evaluation_report_due=D(2022, 3, 31),
        campaign_end=D(2022, 3, 31),
        self_inspection_coverage=Fraction(1),
    )
    assert s.phase_on(D(2021, 12, 31)) is None
    assert s.phase_on(D(2022, 1, 1)) is CampaignPhase.PREPARATION
    assert s.phase_on(D(2022, 1, 31)) is CampaignPhase.PREPARATION
    assert s.phase_on(D(2022, 2, 1)) is None  # between phases
    assert s.phase_on(D(2022, 3, 1)) is CampaignPhase.EVALUATION
    assert s.phase_on(D(2022, 3, 31)) is CampaignPhase.EVALUATION
    assert s.phase_on(D(2022, 4, 1)) is None
