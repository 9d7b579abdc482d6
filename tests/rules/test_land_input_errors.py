"""LAND-2 .. LAND-12: every bad input has its own error code, read in all three locales."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.rules.land import (
    allocate_places,
    audit_payments,
    benefit_floor,
    campaign_schedule,
    compensation,
    place_validity,
    quota_by_land,
    reallocate_places,
    social_security_set_aside,
    split_compensation,
    transfer_schedule,
)
from tests.error_texts import check_input_error, refused

from .test_land_compensation import case, load, province_pack
from .test_land_places import PACK, village
from .test_land_places_steps import three_households
from .test_land_security import GOV, TAIZHOU
from .test_land_split import pack_dir, policy_for, village_case

__all__ = ["pack_dir"]  # the fixture, shared with test_land_split

D = dt.date


@pytest.fixture(scope="module")
def places_policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=D(2020, 7, 1))


# -- LAND-2 -------------------------------------------------------------------------------------


def test_LAND_2_per_capita_land_needed(tmp_path: Path) -> None:
    e = refused(lambda: compensation(case("1", per_capita=None), load(province_pack(tmp_path))))
    check_input_error(e, "land.error.per_capita_needed", {"rule": "LAND-2"})
    assert e.text("zh_Hans") == (
        "Expropriation.per_capita_cultivated_before：未填写；按年产值倍数计算（LAND-2）需要征地前"
        "被征收单位平均每一农业人口占有的耕地数量"
    )


# -- LAND-4, LAND-5 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "code"), [(100, "core.error.money"), (Money("-0.01"), "core.error.money_negative")]
)
def test_LAND_4_LAND_5_amounts(bad: object, code: str) -> None:
    gov = pp.Policy.load(GOV, on=D(2022, 6, 1))
    e = refused(lambda: social_security_set_aside(bad, gov))  # type: ignore[arg-type]
    check_input_error(e, code, {})
    assert (e.obj, e.field) == ("social_security_set_aside", "land_transfer_revenue")
    e = refused(lambda: social_security_set_aside(Money("100"), gov, actual=bad))  # type: ignore[arg-type]
    check_input_error(e, code, {})
    assert e.field == "actual"
    e = refused(lambda: benefit_floor(bad, gov))  # type: ignore[arg-type]
    check_input_error(e, code, {})
    assert (e.obj, e.field) == ("benefit_floor", "monthly_benefit")


def test_LAND_4_negative_amount_reads_as_such() -> None:
    gov = pp.Policy.load(GOV, on=D(2022, 6, 1))
    e = refused(lambda: benefit_floor(Money("-0.01"), gov))
    assert e.text("en") == (
        "benefit_floor.monthly_benefit: got Money('-0.01'); expected an amount of zero or more"
    )


# -- LAND-6 -------------------------------------------------------------------------------------


def test_LAND_6_unknown_payee_names_the_parties(pack_dir: Path) -> None:
    policy = policy_for(pack_dir)
    split = split_compensation(village_case(), policy).value
    ledger = [pp.LedgerEntry(payee="H9", amount=Money("1"), paid_on=D(2019, 4, 1))]
    e = refused(lambda: audit_payments(split, ledger, policy))
    parties = sorted(split.parties)
    check_input_error(e, "land.error.unknown_payee", {"parties": parties})
    assert parties == ["H1", "H2", "H3", "H4", "V1", "orchard-co", "social-security-fund"]
    assert e.text("zh_Hans") == (
        "PaymentLedger.payee：收到 'H9'，不是本次征收的当事方；当事方为："
        "H1、H2、H3、H4、V1、orchard-co和social-security-fund"
    )
    assert e.text("en").endswith(
        "expected a party of this expropriation: H1, H2, H3, H4, V1, orchard-co, and "
        "social-security-fund"
    )


def test_LAND_6_paid_after_the_audit_date(pack_dir: Path) -> None:
    policy = policy_for(pack_dir)
    split = split_compensation(village_case(), policy).value
    ledger = [pp.LedgerEntry(payee="H1", amount=Money("1"), paid_on=D(2019, 8, 1))]
    e = refused(lambda: audit_payments(split, ledger, policy, as_of=D(2019, 7, 31)))
    check_input_error(e, "land.error.paid_after_audit", {"as_of": D(2019, 7, 31)})
    assert e.text("zh_Hans") == (
        "PaymentLedger.paid_on：收到 2019-08-01，付款日期不得晚于核查日期2019年7月31日"
    )
    audit = audit_payments(split, [], policy).value
    e = refused(lambda: audit.of("Z"))
    check_input_error(e, "land.error.no_such_payee", {})
    assert e.text("en") == "PaymentAudit.payees: got 'Z'; expected the id of a payee in this audit"


# -- LAND-7, LAND-12 ----------------------------------------------------------------------------


@pytest.mark.parametrize("year", [True, "2022", 0, 10000])
def test_LAND_7_year(year: object) -> None:
    gov = pp.Policy.load(GOV, on=D(2022, 6, 1))
    e = refused(lambda: campaign_schedule(year, gov))  # type: ignore[arg-type]
    check_input_error(e, "core.error.year", {})


def test_LAND_12_dates() -> None:
    taizhou = pp.Policy.load(TAIZHOU, on=D(2020, 1, 1))
    moment = dt.datetime(2020, 1, 1)
    e = refused(lambda: transfer_schedule(moment, D(2020, 2, 1), taizhou))
    check_input_error(e, "core.error.date", {})
    assert e.field == "start"
    e = refused(lambda: transfer_schedule(D(2020, 1, 1), "2020-02-01", taizhou))  # type: ignore[arg-type]
    check_input_error(e, "core.error.date", {})
    assert e.field == "until"
    e = refused(lambda: transfer_schedule(D(2020, 2, 1), D(2020, 1, 31), taizhou))
    check_input_error(e, "land.error.until_before_start", {"start": D(2020, 2, 1)})
    assert e.text("zh_Hant") == (
        "transfer_schedule.until：收到 2020-01-31，截止日期不得早於起始日期2020年2月1日"
    )


# -- LAND-8 .. LAND-11 --------------------------------------------------------------------------


def test_LAND_8_missing_figure(places_policy: pp.Policy) -> None:
    exp = attrs.evolve(village("40"), village_land=None)
    e = refused(lambda: quota_by_land(exp, places_policy))
    check_input_error(e, "land.error.quota_figure_needed", {"rule": "LAND-8"})
    assert "（LAND-8，台政办函〔2019〕47号 §三(二)）" in e.text("zh_Hans")


@pytest.mark.parametrize("quota", [-1, True, "3"])
def test_LAND_9_quota_is_a_count(places_policy: pp.Policy, quota: object) -> None:
    e = refused(lambda: allocate_places(three_households(), quota, places_policy))  # type: ignore[arg-type]
    check_input_error(e, "core.error.count", {})


def test_LAND_10_waived(places_policy: pp.Policy) -> None:
    a = allocate_places(three_households(), 30, places_policy).value
    e = refused(lambda: reallocate_places(a, {}, adjustment_places=-1))
    check_input_error(e, "core.error.count", {})
    assert e.field == "adjustment_places"
    e = refused(lambda: reallocate_places(a, [("H1", 1)]))  # type: ignore[arg-type]
    check_input_error(e, "land.error.waived_mapping", {})
    assert e.text("en").endswith('such as {"H-1": 1}')
    e = refused(lambda: reallocate_places(a, {"H9": 1}))
    check_input_error(e, "land.error.waived_household", {})
    places = a.households[2].places
    e = refused(lambda: reallocate_places(a, {"H3": places + 1}))
    check_input_error(e, "land.error.waived_places", {"places": places})
    assert e.text("zh_Hans") == (
        f"reallocate_places.waived['H3']：收到 {places + 1}，应为0至该户所得指标数（{places}）"
        "之间的整数"
    )


def test_LAND_11_dates(places_policy: pp.Policy) -> None:
    e = refused(lambda: place_validity("2020-01-01", places_policy, as_of=D(2021, 1, 1)))  # type: ignore[arg-type]
    check_input_error(e, "core.error.date", {})
    assert e.field == "issued_on"
    e = refused(
        lambda: place_validity(
            D(2020, 2, 29), places_policy, as_of=D(2021, 1, 1), enrolled_on=D(2020, 2, 28)
        )
    )
    check_input_error(e, "land.error.enrolled_before_issue", {"issued_on": D(2020, 2, 29)})
    assert e.text("en") == (
        "place_validity.enrolled_on: got 2020-02-28; expected a date on or after the date the "
        "place was issued, February 29, 2020"
    )
