"""Unknown is not zero: every public rule, each optional fact removed, no silent change.

For each rule and a fully recorded input, every ``None``-able field (of the input and of the
first item of each of its lists, e.g. a household's first member) is set to ``None`` in turn.
The rule must then either raise a library error, or give the same decisions and amounts, or
say in its explanation that something is not recorded / not assessed.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules import housing, land
from povertypolicy.rules import site as site_rules

from .test_land_split import pack_text

SAYS_UNKNOWN = (
    "not recorded",
    "no date recorded",
    "not assessed",
    "undetermined",
    "cannot be assessed",
    "not reported",
    "cannot be decided",
)


def _optional(cls: type) -> list[str]:
    return [
        a.name
        for a in attrs.fields(cls)
        if a.default is None or (a.type is not None and "None" in str(a.type))
    ]


def variants(obj: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """``obj`` with one optional fact removed, for every optional fact (one level of lists)."""
    for name in _optional(type(obj)):
        if getattr(obj, name) is None:
            continue
        try:
            yield f"{path}{name}", attrs.evolve(obj, **{name: None})
        except pp.PovertyPolicyError:
            continue  # the object cannot exist without it: the constructor says so
    for a in attrs.fields(type(obj)):
        items = getattr(obj, a.name)
        if attrs.has(type(items)) and not isinstance(items, pp.Household | pp.Person):
            for sub, inner in variants(items, f"{path}{a.name}."):
                try:
                    yield sub, attrs.evolve(obj, **{a.name: inner})
                except pp.PovertyPolicyError:
                    continue
        if isinstance(items, tuple) and items and attrs.has(type(items[0])):
            for sub, item in variants(items[0], f"{path}{a.name}[0]."):
                try:
                    yield sub, attrs.evolve(obj, **{a.name: (item, *items[1:])})
                except pp.PovertyPolicyError:
                    continue


def leaves(value: Any) -> list[Any]:
    """The decisions and amounts in a rule's value (money, counts, flags, dates, enums)."""
    if isinstance(value, Money | Area | bool | int | Decimal | Fraction | dt.date | enum.Enum):
        return [value]
    if value is None or isinstance(value, str):
        return [value]
    if isinstance(value, frozenset):
        return []  # the parties a ledger may pay: names, not a decision or an amount
    if attrs.has(type(value)):
        return [x for a in attrs.fields(type(value)) for x in leaves(getattr(value, a.name))]
    if isinstance(value, tuple | list):
        return [len(value), *(x for v in value for x in leaves(v))]
    if isinstance(value, dict):
        return [x for k in sorted(value, key=str) for x in leaves(value[k])]
    return [repr(value)]


def check(rule: Callable[[Any], pp.Result[Any]], full: Any) -> list[str]:
    """Run ``rule`` on ``full`` and on each variant; return the variants that changed silently."""
    base = leaves(rule(full).value)
    silent: list[str] = []
    for path, variant in variants(full):
        try:
            result = rule(variant)
        except pp.PovertyPolicyError:
            continue  # a clear library error
        if leaves(result.value) == base:
            continue
        text = result.explain("en").lower()
        if not any(phrase in text for phrase in SAYS_UNKNOWN) and not names_unknown(result.value):
            silent.append(path)
    return silent


def names_unknown(value: Any) -> bool:
    """Whether the value itself lists facts as not recorded (a non-empty ``not_recorded``)."""
    if attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            inner = getattr(value, a.name)
            if "not_recorded" in a.name and inner:
                return True
            if names_unknown(inner):
                return True
    elif isinstance(value, tuple | list):
        return any(names_unknown(v) for v in value)
    return False


def person(pid: str, born: dt.date = dt.date(1970, 1, 1)) -> pp.Person:
    return pp.Person(
        id=pid,
        birth_date=born,
        name="某",
        sex=pp.Sex.FEMALE,
        id_number=f"ID{pid}",
        hukou=pp.HukouType.AGRICULTURAL,
        registered_locally=True,
        lives_in_area=True,
        labour_capacity=next(iter(pp.LabourCapacity)),
        pension_insured=False,
    )


# -- housing --------------------------------------------------------------------------------------


@pytest.fixture
def house_policy() -> pp.Policy:
    return pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))


def full_household() -> pp.Household:
    return pp.Household(
        id="H1",
        members=[person("P1"), person("P2", dt.date(1990, 5, 1))],
        head_id="P1",
        village="V1",
        relocation_applied_on=dt.date(2011, 3, 1),
    )


@pytest.mark.parametrize("rule", [housing.eligibility, housing.housing_subsidy])
def test_housing_rules_never_change_silently(
    rule: Callable[[pp.Household, pp.Policy], pp.Result[Any]], house_policy: pp.Policy
) -> None:
    assert check(lambda h: rule(h, house_policy), full_household()) == []


def test_housing_release_never_changes_silently(house_policy: pp.Policy) -> None:
    subsidy = housing.housing_subsidy(full_household(), house_policy).value
    progress = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 7, 1),
        first_storey_on=dt.date(2011, 8, 1),
        second_storey_on=dt.date(2011, 9, 1),
        old_house_demolished_on=dt.date(2011, 10, 1),
        demolished_by_township=True,
        demolition_cost=Money("300"),
    )

    def rule(p: pp.BuildProgress) -> pp.Result[Any]:
        return housing.release_tranches(subsidy, p, house_policy, as_of=dt.date(2012, 1, 1))

    assert check(rule, progress) == []


def test_the_sweep_catches_a_silent_default() -> None:
    # A rule that reads a missing fact as 0 and does not say so is caught.
    def careless(h: pp.Household) -> pp.Result[int]:
        applied = h.relocation_applied_on
        return pp.Result(value=0 if applied is None else len(h.members), steps=())

    assert check(careless, full_household()) == ["relocation_applied_on"]


# -- land -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def land_policy(tmp_path_factory: pytest.TempPathFactory) -> pp.Policy:
    path: Path = tmp_path_factory.mktemp("sweep") / "p.toml"
    path.write_text(pack_text(), encoding="utf-8")
    return pp.Policy.load(path, on=dt.date(2019, 3, 1))


def full_case(approved_on: dt.date = dt.date(2019, 3, 1)) -> pp.Expropriation:
    return pp.Expropriation(
        collective="V1",
        approved_on=approved_on,
        parcels=[
            pp.Parcel(
                id="p1",
                area=Area.mu("3"),
                land_type=pp.LandType.CULTIVATED,
                contracted_by="H1",
                collective="V1",
            ),
            pp.Parcel(
                id="p2",
                area=Area.mu("2"),
                land_type=pp.LandType.CULTIVATED,
                contracted_by="H2",
                collective="V1",
            ),
        ],
        households=[
            pp.Household(id="H1", members=[person("H1-1"), person("H1-2")], head_id="H1-1"),
            pp.Household(id="H2", members=[person("H2-1")], head_id="H2-1"),
        ],
        attachments=[
            pp.Attachment(
                id="a1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H1", amount=Money("1200")
            )
        ],
        per_capita_cultivated_before=Area.mu("0.8"),
        village_land=Area.mu("500"),
        population_16_plus=300,
        already_insured=20,
        resettling_unit="U1",
    )


@pytest.mark.parametrize("name", ["compensation", "split_compensation"])
def test_land_compensation_rules_never_change_silently(name: str, land_policy: pp.Policy) -> None:
    fn: Callable[[pp.Expropriation, pp.Policy], pp.Result[Any]] = getattr(land, name)
    assert check(lambda exp: fn(exp, land_policy), full_case()) == []


@pytest.mark.parametrize("name", ["quota_by_land", "allocate_places"])
def test_land_place_rules_never_change_silently(name: str) -> None:
    policy = pp.Policy.load("zj-taizhou-expropriated-farmers-2019", on=dt.date(2020, 6, 30))

    def rule(exp: pp.Expropriation) -> pp.Result[Any]:
        if name == "allocate_places":
            return land.allocate_places(exp, 3, policy)
        return land.quota_by_land(exp, policy)

    assert check(rule, full_case(dt.date(2020, 6, 30))) == []


def test_land_audit_without_a_date_says_lateness_is_not_assessed(land_policy: pp.Policy) -> None:
    split = land.split_compensation(full_case(), land_policy).value
    dated = land.audit_payments(split, [], land_policy, as_of=dt.date(2020, 1, 1))
    undated = land.audit_payments(split, [], land_policy)
    assert leaves(dated.value) != leaves(undated.value)
    assert "not assessed" in undated.explain("en")


# -- monitoring -----------------------------------------------------------------------------------


def full_household_facts() -> pp.Household:
    return pp.Household(
        id="H1",
        members=[person("P1"), person("P2")],
        head_id="P1",
        village="V1",
        registered_poor=True,
        dibao=False,
        extreme_poverty_support=False,
        annual_net_income=Money("8000"),
    )


def full_monitoring_case() -> pp.MonitoringCase:
    from .test_monitoring import QUIET

    return pp.MonitoringCase(
        household=full_household_facts(),
        assessed_on=dt.date(2021, 5, 1),
        rigid_expenditure=Money("1000"),
        **QUIET,
    )


@pytest.mark.parametrize("name", ["screen", "screening", "warning_level", "support_measures"])
def test_monitoring_rules_never_change_silently(name: str) -> None:
    from povertypolicy.rules import monitoring

    policy = pp.Policy.load("town-return-poverty-monitoring-2021", on=dt.date(2021, 6, 1))
    fn: Callable[[pp.MonitoringCase, pp.Policy], pp.Result[Any]] = getattr(monitoring, name)
    full = full_monitoring_case()
    assert check(lambda c: fn(c, policy), full) == []
    # the household's own facts (dibao, extreme-poverty support, ...) too
    assert check(lambda h: fn(attrs.evolve(full, household=h), policy), full.household) == []


# -- follow-up ------------------------------------------------------------------------------------


def full_relocated() -> pp.RelocatedHousehold:
    def member(pid: str) -> pp.RelocatedMember:
        return pp.RelocatedMember(
            id=pid,
            labour_capacity=pp.LabourCapacity.FULL,
            wants_work=True,
            stably_employed=False,
            wants_training=True,
            trainings=(dt.date(2020, 9, 1),),
        )

    return pp.RelocatedHousehold(
        id="H1",
        members=[member("P1"), member("P2")],
        village="V1",
        settled_on=dt.date(2020, 3, 15),
        moved_in_on=dt.date(2020, 3, 15),
        registered_poor=True,
        industry_support=True,
        hardship=True,
        property_within_limits=True,
        dibao_granted_on=dt.date(2020, 4, 1),
        old_house=pp.OldHouse(
            in_hazard_zone=True,
            unsafe=True,
            non_brick_concrete=True,
            demolished_on=dt.date(2020, 6, 1),
            reclaimed_on=dt.date(2020, 8, 1),
        ),
    )


@pytest.mark.parametrize(
    "name", ["training", "stable_employment", "transitional_dibao", "demolition"]
)
def test_follow_up_rules_never_change_silently(name: str) -> None:
    from povertypolicy.rules import follow_up

    policy = pp.Policy.load("county-relocation-follow-up-2020", on=dt.date(2021, 6, 1))
    fn = getattr(follow_up, name)
    dated = name in {"training", "transitional_dibao", "demolition"}

    def rule(h: pp.RelocatedHousehold) -> pp.Result[Any]:
        result: pp.Result[Any] = (
            fn(h, policy, as_of=dt.date(2021, 6, 1)) if dated else fn(h, policy)
        )
        return result

    assert check(rule, full_relocated()) == []


# -- site -----------------------------------------------------------------------------------------


def full_site() -> pp.ResettlementSite:
    return pp.ResettlementSite(
        id="S1",
        location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        buildings=[
            pp.Building(
                id="B1",
                entrances=[
                    pp.Entrance(id="E1", households=60),
                    pp.Entrance(id="E2", households=50),
                ],
            )
        ],
        population=440,
        name="某安置点",
        party_members=12,
        union_members=30,
        league_members=5,
        secretary_is_director=True,
        existing_community=True,
        owners_conditions_mature=True,
    )


@pytest.mark.parametrize("name", ["plan_site", "affiliated_organisations", "management_unit"])
def test_site_rules_never_change_silently(name: str) -> None:
    policy = pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))

    def rule(site: pp.ResettlementSite) -> pp.Result[Any]:
        if name == "plan_site":
            return site_rules.plan_site(site, policy)
        if name == "management_unit":
            return site_rules.management_unit(site, policy)
        return site_rules.affiliated_organisations(site, policy, councils=2)

    assert check(rule, full_site()) == []


# -- registration ---------------------------------------------------------------------------------


def full_applicant() -> pp.Applicant:
    return pp.Applicant(
        household=full_household_facts(),
        assessed_on=dt.date(2014, 4, 10),
        main_labourer_id="P1",
        willing=True,
        per_capita_net_income=Money("2500"),
        income_year=2013,
        exclusions=set(),
        family_planning_priority=True,
        five_guarantee=False,
        deep_poverty=True,
    )


@pytest.mark.parametrize("name", ["eligibility", "card_class"])
@pytest.mark.parametrize("income", ["2500", "9000"])
def test_registration_rules_never_change_silently(name: str, income: str) -> None:
    from povertypolicy.rules import registration

    policy = pp.Policy.load("hn-longhui-town-registration-2014", on=dt.date(2014, 4, 10))
    fn: Callable[[pp.Applicant, pp.Policy], pp.Result[Any]] = getattr(registration, name)
    full = attrs.evolve(full_applicant(), per_capita_net_income=Money(income))  # in or out
    assert check(lambda a: fn(a, policy), full) == []
    assert check(lambda h: fn(attrs.evolve(full, household=h), policy), full.household) == []


def test_registration_pairing_never_changes_silently() -> None:
    from povertypolicy.rules.registration import PairedHousehold, pairing

    policy = pp.Policy.load("jx-township-poverty-plan-2015", on=dt.date(2016, 1, 1))
    paired = [
        PairedHousehold(household_id=f"H{i}", card=pp.CardClass.RED, income_gain=Money("2500"))
        for i in (1, 2)
    ]
    for i in range(len(paired)):
        for name in ("card", "income_gain"):
            changed = [*paired]
            changed[i] = attrs.evolve(paired[i], **{name: None})
            result = pairing("C1", changed, policy)
            assert result.value.not_recorded, (i, name)
            assert "not recorded" in result.explain("en"), (i, name)


def test_the_sweep_sees_a_dibao_household_not_recorded() -> None:
    from povertypolicy.rules import registration

    policy = pp.Policy.load("hn-longhui-town-registration-2014", on=dt.date(2014, 4, 10))
    poor = attrs.evolve(full_applicant(), per_capita_net_income=Money("9000"))
    unknown = attrs.evolve(poor, household=attrs.evolve(poor.household, dibao=None))
    e = registration.eligibility(unknown, policy)
    assert e.value.reason == "undetermined"
    assert registration.RegistrationCondition.RURAL_DIBAO in e.value.not_recorded
    assert registration.eligibility(poor, policy).value.reason == "ineligible"
    known = attrs.evolve(poor, household=attrs.evolve(poor.household, dibao=True))
    assert registration.eligibility(known, policy).value.reason == "dibao"


# -- indicators -----------------------------------------------------------------------------------

_INDICATOR_PACKS = {
    "four_haves": ("city-four-haves-demonstration-towns-2022", dt.date(2022, 12, 1)),
    "health_check": ("county-health-poverty-check", dt.date(2020, 1, 1)),
    "seven_haves": ("sc-bazhong-contiguous-area-plan-2011", dt.date(2011, 6, 1)),
    "self_inspection": ("town-poverty-project-self-inspection", dt.date(2020, 4, 1)),
    "three_rates": ("sn-city-relocation-plan-2019", dt.date(2019, 11, 1)),
}


def _reported(figure: Any) -> Any:
    from povertypolicy.rules.indicators import FigureKind

    return {
        FigureKind.YES_NO: True,
        FigureKind.COUNT: 10,
        FigureKind.QUANTITY: Decimal("10"),
        FigureKind.PERCENT: Decimal("50"),
    }[figure.kind]


@pytest.mark.parametrize("checklist", sorted(_INDICATOR_PACKS))
def test_indicator_rules_never_change_silently(checklist: str) -> None:
    from povertypolicy.rules import indicators

    pack, on = _INDICATOR_PACKS[checklist]
    policy = pp.Policy.load(pack, on=on)
    spec = indicators.checklist(checklist)
    figures = {f.name.value: _reported(f) for f in spec.figures}
    silent = []
    for level in spec.levels:
        full = pp.ReportingUnit(id="U1", level=level, figures=figures)
        base = leaves(indicators.evaluate(full, checklist, policy).value)
        for name in figures:
            less = pp.ReportingUnit(
                id="U1", level=level, figures={k: v for k, v in figures.items() if k != name}
            )
            result = indicators.evaluate(less, checklist, policy)
            if leaves(result.value) == base:
                continue
            if "not reported" not in result.explain("en"):
                silent.append((level, name))
    assert silent == []


# -- data quality ---------------------------------------------------------------------------------


def _dq_record(**facts: Any) -> dict[str, Any]:
    from povertypolicy.rules.data_quality import PovertyStatus

    base: dict[str, Any] = {
        "household_id": "H1",
        "village": "东村",
        "registered_on": dt.date(2015, 10, 1),
        "poverty_status": PovertyStatus.OUT_OF_POVERTY,
        "card_class": pp.CardClass.YELLOW,
        "household_size": 2,
        "per_capita_net_income": Money("5000"),
        "income_year": 2018,
        "member_rows": 2,
    }
    return {**base, **facts}


@pytest.mark.parametrize(
    "record",
    [_dq_record(), _dq_record(per_capita_net_income=Money("100")), _dq_record(member_rows=3)],
)
def test_data_quality_checks_never_change_silently(record: dict[str, Any]) -> None:
    from povertypolicy.rules.data_quality import check_record

    policy = pp.Policy.load("town-poverty-data-cleansing", on=dt.date(2019, 3, 1))
    base = check_record("households", record, policy).value
    silent = []
    for name in record:
        result = check_record("households", {**record, name: None}, policy)
        if (result.value.fired, result.value.unknown) == (base.fired, base.unknown):
            continue
        text = result.explain("en").lower()
        # "no village recorded" (a missing-field finding) or "... not recorded" (not checked)
        said = any(p in text for p in SAYS_UNKNOWN) or re.search(r"no [a-z -]+ recorded", text)
        if not said:
            silent.append(name)
    assert silent == []


@pytest.mark.parametrize("moved", [True, False])
def test_site_service_transfer_never_changes_silently(moved: bool) -> None:
    full = pp.TransferSituation(
        person_id="P1",
        scope=pp.MoveScope.ACROSS_COUNTIES,
        registration_moved=moved,
        pension=pp.PensionStatus.CONTRIBUTING,
        medically_insured=True,
        residence_permit=True,
        hukou=pp.HukouType.AGRICULTURAL,
    )
    assert check(site_rules.service_transfer, full) == []
    no_permit = attrs.evolve(full, residence_permit=False)
    assert check(site_rules.service_transfer, no_permit) == []
