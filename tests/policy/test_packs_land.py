"""The land packs: the national law entries, the state farm campaign and Taizhou 2019."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp
from povertypolicy.policy import Range, all_specs
from povertypolicy.policy.pack import load_pack

SEED_000 = "state-farm-land-security-governance-2022"
SEED_002 = "zj-taizhou-expropriated-farmers-2019"


def test_land_packs_are_shipped() -> None:
    ids = {p.id for p in pp.packs()}
    assert {SEED_000, SEED_002} <= ids
    assert load_pack(SEED_002).document_number == "台政办函〔2019〕47号"
    assert load_pack(SEED_000).parent == load_pack(SEED_002).parent == "cn"


@pytest.mark.parametrize(
    ("on", "method", "items"),
    [
        (dt.date(1999, 1, 1), "annual_output_value", "three"),
        (dt.date(2019, 12, 31), "annual_output_value", "three"),
        (dt.date(2020, 1, 1), "zone_price", "four"),
    ],
)
def test_national_pack_switches_law_on_2020_01_01(on: dt.date, method: str, items: str) -> None:
    policy = pp.Policy.load("cn", on=on)
    assert policy.param("land.compensation_method").text == method
    assert policy.param("land.compensation_items").text == items
    article = "第四十八条" if on.year >= 2020 else "第四十七条"
    assert policy.param("land.compensation_method").citation.section == article


def test_national_pack_art_47_ranges_and_caps() -> None:
    policy = pp.Policy.load("cn", on=dt.date(2010, 1, 1))
    lc = policy.param("land.land_compensation_multiple_range").range
    rs = policy.param("land.resettlement_multiple_range").range
    assert isinstance(lc, Range)
    assert (lc.min, lc.max, rs.min, rs.max) == (6, 10, 4, 6)
    assert policy.param("land.resettlement_cap_multiple").value == 15
    assert policy.param("land.combined_cap_multiple").value == 30
    assert policy.param("land.payment_period_months").integer == 3
    for p in policy:
        if p.name.startswith("land."):
            assert p.citation.document in {
                "land-administration-law-2004",
                "land-administration-regulations-1998",
            }
            assert pp.get_source(p.citation.document).is_excerpt
            assert p.citation.quote


def test_national_pack_ships_no_province_figures() -> None:
    for on in (dt.date(2010, 1, 1), dt.date(2021, 1, 1)):
        policy = pp.Policy.load("cn", on=on)
        for name in (
            "land.annual_output_value",
            "land.zone_price",
            "land.land_compensation_multiple",
            "land.household_share_of_land_compensation",
            "land.dibao_standard",
        ):
            assert name not in policy


def test_art_47_caps_expire_with_the_old_law() -> None:
    policy = pp.Policy.load("cn", on=dt.date(2020, 1, 1))
    with pytest.raises(pp.ParameterPeriodError, match="2019-12-31"):
        policy.param("land.resettlement_cap_multiple")


def test_seed_000_pack() -> None:
    policy = pp.Policy.load(SEED_000, on=dt.date(2022, 6, 1))
    share = policy.param("land.social_security_min_share")
    assert share.value == 8
    assert share.bound is pp.policy.Bound.INCLUSIVE
    assert share.citation.section == "§二(二)2"
    assert "不低于8%" in (share.citation.quote or "")
    assert policy.param("land.campaign_preparation_start").date == dt.date(2022, 2, 20)


def test_seed_002_pack() -> None:
    policy = pp.Policy.load(SEED_002, on=dt.date(2019, 8, 9))
    assert policy.param("land.place_min_age").integer == 16
    assert policy.param("land.place_validity_years").integer == 1
    assert policy.param("land.places_rounding").text == "down"
    assert policy.param("land.pension_fund_transfer_frequency").text == "monthly"
    assert policy.param("land.risk_reserve_transfer_frequency").text == "quarterly"
    for p in policy:
        if p.pack_id == SEED_002:
            assert p.citation.document == "zj-taizhou-2019-47"
            assert p.citation.quote


def test_seed_002_not_before_its_date() -> None:
    with pytest.raises(pp.ParameterPeriodError):
        pp.Policy.load(SEED_002, on=dt.date(2019, 8, 8)).param("land.place_min_age")


def test_every_quote_is_in_its_source() -> None:
    for pack_id in (SEED_000, SEED_002, "cn"):
        pack = load_pack(pack_id)
        for name, param in pack.parameters.items():
            if not name.startswith("land."):
                continue
            for value in param.values:
                c = value.citation
                assert c.document is not None
                assert c.quote is not None
                source = pp.get_source(c.document)
                part = source.part_for(c.section)
                assert source.find(c.quote, part=None if part is None else part.name), (name, c)


def test_land_specs_declared() -> None:
    names = [n for n in all_specs() if n.startswith("land.")]
    assert len(names) == len(set(names)) >= 30
    assert all_specs()["land.social_security_min_share"].threshold is pp.policy.Side.LOWER
    assert all_specs()["land.resettlement_cap_multiple"].threshold is pp.policy.Side.UPPER
