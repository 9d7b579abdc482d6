"""The four relocation follow-up packs and the four KPI packs: shipped, cited, bounds, quotes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import povertypolicy as pp
from povertypolicy.policy import Bound, Range, Side, all_specs, load_pack

S1, S3 = "relocation-follow-up-documents", "poverty-work-plan-samples"
S4 = "city-four-haves-demonstration-towns-2022"
PACKS = {
    # pack id: (seed, section prefix, a date inside it)
    "county-relocation-follow-up-2020": (S1, "篇二", dt.date(2020, 6, 1)),
    "sn-city-relocation-plan-2019": (S1, "第二篇", dt.date(2019, 6, 1)),
    "cq-chengkou-subdistrict-relocation-follow-up-2020": (S1, "第三篇", dt.date(2020, 6, 1)),
    "jx-county-relocation-follow-up-measures": (S1, "第五篇", dt.date(2016, 6, 1)),
    "city-four-haves-demonstration-towns-2022": (S4, "§", dt.date(2022, 10, 4)),
    "county-health-poverty-check": (S3, "篇2", dt.date(2014, 6, 1)),
    "sc-bazhong-contiguous-area-plan-2011": (S3, "篇1", dt.date(2011, 6, 1)),
    "town-poverty-project-self-inspection": (S3, "篇6", dt.date(2016, 6, 1)),
}
USER_SUPPLIED = {"indicators.supervision_report_due"}  # garbled in the seed: a county gives it


def _policy(pack_id: str) -> pp.Policy:
    return pp.Policy.load(pack_id, on=PACKS[pack_id][2])


@pytest.mark.parametrize("pack_id", PACKS)
def test_pack_is_shipped_cited_and_child_of_cn(pack_id: str) -> None:
    seed, section, _ = PACKS[pack_id]
    pack = load_pack(pack_id)
    assert pack.parent == "cn"
    assert pack_id in {p.id for p in pp.packs()}
    policy = _policy(pack_id)
    for name in pack.parameters:
        p = policy.param(name)
        assert p.pack_id == pack_id
        assert p.citation.document == seed
        assert (p.citation.section or "").startswith(section), name
        assert p.citation.quote, name


@pytest.mark.parametrize("pack_id", PACKS)
def test_pack_does_not_apply_before_its_document(pack_id: str) -> None:
    pack = load_pack(pack_id)
    start = min(v.start for p in pack.parameters.values() for v in p.values)
    name = next(iter(pack.parameters))
    with pytest.raises(pp.ParameterPeriodError):
        pp.Policy.load(pack_id, on=start - dt.timedelta(days=1)).param(name)


def test_every_area_parameter_is_shipped_or_user_supplied() -> None:
    shipped = {n for pid in PACKS for n in load_pack(pid).parameters}
    for name in all_specs():
        if name.startswith(("follow_up.", "indicators.")):
            assert name in shipped or name in USER_SUPPLIED, name
    assert not USER_SUPPLIED & shipped


@pytest.mark.parametrize("pack_id", PACKS)
def test_quotes_are_from_the_source(pack_id: str) -> None:
    source = pp.get_source(PACKS[pack_id][0])
    for name, param in load_pack(pack_id).parameters.items():
        for v in param.values:
            assert v.citation.quote, name
            part = source.part_for(v.citation.section)
            where = None if part is None else part.name
            assert source.find(v.citation.quote, part=where) is not None, (name, v.citation.quote)


def test_rule_citation_quotes_are_from_the_source() -> None:
    from povertypolicy.rules.follow_up import site, support

    source = pp.get_source(S1)
    seen = 0
    for value in [*vars(site).values(), *vars(support).values()]:
        if isinstance(value, pp.Citation) and value.document == S1 and value.quote:
            assert source.find(value.quote) is not None, value.quote
            seen += 1
    assert seen >= 2


L, U = Side.LOWER, Side.UPPER
D, M = Decimal, pp.Money
# pack → (parameter, value, side); every bound in these packs is inclusive (以上/以下/以内/底前).
BOUNDS = {
    "county-relocation-follow-up-2020": [
        ("follow_up.training_within_years", 1, U),
        ("follow_up.training_min_sessions", 1, L),
        ("follow_up.stable_jobs_min_per_household", 1, L),
        ("follow_up.unsafe_demolition_deadline", dt.date(2020, 4, 30), U),
        ("follow_up.demolition_deadline", dt.date(2020, 9, 30), U),
        ("follow_up.reclamation_deadline", dt.date(2020, 12, 31), U),
    ],
    "sn-city-relocation-plan-2019": [
        ("follow_up.demolition_transition_months", 6, U),
        ("follow_up.hazard_demolition_days", 0, U),
        ("follow_up.early_move_in_cutoff", dt.date(2018, 12, 31), U),
        ("follow_up.early_movers_demolition_deadline", dt.date(2019, 6, 30), U),
        ("follow_up.demolition_deadline", dt.date(2019, 12, 31), U),
        ("follow_up.occupancy_rate_min", D(100), L),
        ("follow_up.vacating_rate_min", D(100), L),
        ("follow_up.support_rate_min", D(80), L),
    ],
    "cq-chengkou-subdistrict-relocation-follow-up-2020": [
        ("follow_up.demolition_transition_months", 12, U),
        ("follow_up.household_industry_topup_max", M(500), U),
        ("follow_up.vegetable_plot_rate_max", M(1000), U),
        ("follow_up.in_home_business_min_share", D(50), L),
        ("follow_up.in_home_business_max", M(5000), U),
        ("follow_up.employment_award_max", M(500), U),
        ("follow_up.welfare_jobs_max_per_household", 2, U),
        ("follow_up.welfare_jobs_max_per_person", 1, U),
        ("follow_up.broker_min_people", 10, L),
        ("follow_up.broker_min_months", 3, L),
        ("follow_up.enterprise_min_workers", 50, L),
        ("follow_up.enterprise_min_months", 3, L),
    ],
    "jx-county-relocation-follow-up-measures": [("follow_up.stable_jobs_min_per_household", 1, L)],
    "city-four-haves-demonstration-towns-2022": [
        ("indicators.four_haves_platform_in_place", 6, L),
        ("indicators.four_haves_transfer_employment", D(95), L),
        ("indicators.four_haves_zero_transfer_families", 0, U),
        ("indicators.four_haves_pension_enrolment", D(99), L),
        ("indicators.four_haves_medical_insurance", D(95), L),
        ("indicators.four_haves_training", D(100), L),
        ("indicators.four_haves_coordinators", 1, L),
        ("indicators.four_haves_certified_staff", D(95), L),
    ],
    "county-health-poverty-check": [
        ("indicators.health_family_doctor", D(100), L),
        ("indicators.health_chronic_registry", D(100), L),
        ("indicators.health_inpatient_reimbursement", D(90), L),
        ("indicators.health_chronic_reimbursement", D(80), L),
        ("indicators.health_basic_insurance", D(100), L),
    ],
    "sc-bazhong-contiguous-area-plan-2011": [
        ("indicators.seven_haves_house_area", D(80), L),
        ("indicators.seven_haves_farmland", D(1), L),
        ("indicators.seven_haves_orchard", D(1), L),
        ("indicators.seven_haves_large_animals", 1, L),
        ("indicators.seven_haves_pigs_sold", 2, L),
        ("indicators.seven_haves_office_and_clinic", 2, L),
    ],
    "town-poverty-project-self-inspection": [
        ("indicators.project_house_procedures", 3, L),
        ("indicators.project_water_tests_per_year", 1, L),
        ("indicators.project_road_procedures", 4, L),
    ],
}
CASES = [(pack, *row) for pack, rows in BOUNDS.items() for row in rows]


@pytest.mark.parametrize(("pack_id", "name", "value", "side"), CASES)
def test_thresholds_values_and_bounds(pack_id: str, name: str, value: object, side: Side) -> None:
    p = _policy(pack_id).param(name)
    assert p.value == value
    assert p.threshold is side
    assert p.bound is Bound.INCLUSIVE


def test_qualifiers_of_the_chengkou_pack() -> None:
    policy = _policy("cq-chengkou-subdistrict-relocation-follow-up-2020")
    assert policy.param("follow_up.demolition_transition_months").qualifier == "原则上"
    assert policy.param("follow_up.welfare_jobs_max_per_person").qualifier == "原则上"
    assert policy.param("follow_up.welfare_jobs_max_per_household").qualifier == "可"


def test_chengkou_ranges_and_amounts() -> None:
    policy = _policy("cq-chengkou-subdistrict-relocation-follow-up-2020")
    assert policy.param("follow_up.forest_guesthouse_subsidy").range == Range(
        min=pp.Money(6000), max=pp.Money(9000)
    )
    assert policy.param("follow_up.other_industry_subsidy").range == Range(
        min=pp.Money(2000), max=pp.Money(5000)
    )
    assert policy.param("follow_up.broker_award").money == pp.Money(3000)
    assert policy.param("follow_up.enterprise_award").money == pp.Money(50000)
    assert policy.param("follow_up.livestock_pen_award").money == pp.Money(1000)
    assert policy.param("follow_up.vegetable_plot_area").decimal == Decimal("0.1")
    assert policy.param("follow_up.vegetable_plot_years").integer == 5


def test_seed_amounts_of_shaanxi_and_jiangxi() -> None:
    sn = _policy("sn-city-relocation-plan-2019")
    assert sn.param("follow_up.homestead_award_per_person").money == pp.Money(10000)
    jx = _policy("jx-county-relocation-follow-up-measures")
    assert jx.param("follow_up.serious_illness_premium").money == pp.Money(90)


def test_fund_plan_values_are_the_seeds_in_yuan() -> None:
    policy = _policy("sc-bazhong-contiguous-area-plan-2011")
    wan = pp.Money(10000)
    assert policy.param("indicators.fund_total").money == wan * 44366 + pp.Money(5000)
    assert policy.param("indicators.fund_infrastructure").money == pp.Money("150695000")
    shares = [
        policy.param(f"indicators.fund_share_{p}").decimal
        for p in ("infrastructure", "industry", "social", "household_environment")
    ]
    assert shares == [Decimal(34), Decimal(41), Decimal("9.1"), Decimal("15.9")]
