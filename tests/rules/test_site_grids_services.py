"""Relocation-site grids and services SITE-11..SITE-16 (relocation-follow-up-documents 篇一
§二): the grid plan and schedule, the service centre, the transfer of services, the service
windows and the township staffing, thresholds on both sides."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

from ._site import INSIDE, OUTSIDE, note_keys
from ._site import policy as policy  # fixture

# -- SITE-11 / SITE-12 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("groups", "workers", "breaches"),
    [
        ([150, 149], 1, ()),
        ([150, 150], 1, ()),
        ([150, 151], 1, (sr.GridBreach.OVER_HOUSEHOLDS,)),
    ],
)
def test_SITE_11_household_cap_both_sides(
    policy: pp.Policy, groups: list[int], workers: int, breaches: tuple[sr.GridBreach, ...]
) -> None:
    plan = sr.grid_plan(groups, INSIDE, policy).value
    assert plan.grid_workers == workers
    assert plan.worker_areas[0].breaches == breaches


@pytest.mark.parametrize(
    ("count", "workers"), [(1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (8, 2), (9, 3)]
)
def test_SITE_11_two_to_four_groups_per_worker(policy: pp.Policy, count: int, workers: int) -> None:
    plan = sr.grid_plan([50] * count, OUTSIDE, policy).value
    assert plan.grid_workers == workers
    too_few = [a for a in plan.worker_areas if sr.GridBreach.TOO_FEW_GROUPS in a.breaches]
    assert bool(too_few) is (count == 1)


def test_SITE_11_grid_leaders_default_and_given(policy: pp.Policy) -> None:
    sizes = [80] * 30
    default = sr.grid_plan(sizes, INSIDE, policy)
    assert default.value.leaders_available == 7
    assert default.value.grid_leaders == 7
    assert "site.note.leaders_default" in note_keys(default)
    given = sr.grid_plan(sizes, INSIDE, policy, leaders=3).value
    assert given.grid_leaders == 3
    assert [len(g.worker_area_numbers) for g in given.grids] == [4, 3, 3]
    many = sr.grid_plan(sizes, INSIDE, policy, leaders=50).value
    assert many.grid_leaders == many.grid_workers == 10
    with pytest.raises(pp.RuleError):
        sr.grid_plan(sizes, INSIDE, policy, leaders=0)


def test_SITE_11_no_groups_no_grids(policy: pp.Policy) -> None:
    plan = sr.grid_plan([], INSIDE, policy, leaders=0).value
    assert plan.grid_workers == 0
    assert plan.grids == ()


def test_SITE_12_schedule_monthly_rounds_and_half_monthly_meetings(policy: pp.Policy) -> None:
    result = sr.grid_schedule(dt.date(2024, 1, 31), policy, months=3)
    sched = result.value
    assert sched.visit_deadlines == (
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
    )
    assert sched.visits_per_month == 1
    assert sched.joint_meetings == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 16),
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 16),
    )
    assert "site.note.meeting_days" in note_keys(result)
    with pytest.raises(pp.InputError):
        sr.grid_schedule(dt.date(2024, 1, 1), policy, months=0)


# -- SITE-13 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("population", "one_stop"), [(800, False), (801, True)])
def test_SITE_13_eight_hundred_is_exclusive(
    policy: pp.Policy, population: int, one_stop: bool
) -> None:
    result = sr.service_centre(population, INSIDE, policy)
    assert result.value.one_stop is one_stop
    assert len(result.value.functions) == (10 if one_stop else 0)
    assert ("site.note.centre_800" in note_keys(result)) is (population == 800)


@pytest.mark.parametrize(
    ("location", "planned", "met"),
    [
        (INSIDE, "499", False),
        (INSIDE, "500", True),
        (OUTSIDE, "299.9", False),
        (OUTSIDE, "300", True),
    ],
)
def test_SITE_13_floor_area_both_sides(
    policy: pp.Policy, location: pp.SiteLocation, planned: str, met: bool
) -> None:
    value = sr.service_centre(1000, location, policy, planned_floor_area=pp.Area.m2(planned)).value
    assert value.floor_area_met is met
    assert value.min_floor_area == pp.Area.m2(500 if location is INSIDE else 300)


# -- SITE-14 / SITE-15 / SITE-16 -------------------------------------------------------------------

W = pp.MoveScope.WITHIN_COUNTY
X = pp.MoveScope.ACROSS_COUNTIES
H = sr.Handling


@pytest.mark.parametrize(
    ("pension", "scope", "moved", "expected"),
    [
        (pp.PensionStatus.DRAWING, W, True, H.STAY_ORIGINAL),
        (pp.PensionStatus.DRAWING, X, True, H.STAY_ORIGINAL),
        (pp.PensionStatus.DRAWING, X, False, H.STAY_ORIGINAL),
        (pp.PensionStatus.CONTRIBUTING, W, True, H.CHANGE_ADDRESS_ONLY),
        (pp.PensionStatus.CONTRIBUTING, X, True, H.TRANSFER),
        (pp.PensionStatus.CONTRIBUTING, W, False, H.ORIGINAL_REGISTRATION_PLACE),
        (pp.PensionStatus.CONTRIBUTING, X, False, H.ORIGINAL_REGISTRATION_PLACE),
        (pp.PensionStatus.NOT_ENROLLED, X, True, H.NOT_STATED),
    ],
)
def test_SITE_14_pension(
    pension: pp.PensionStatus, scope: pp.MoveScope, moved: bool, expected: sr.Handling
) -> None:
    situation = pp.TransferSituation(
        person_id="p",
        scope=scope,
        registration_moved=moved,
        pension=pension,
        medically_insured=True,
    )
    assert sr.service_transfer(situation).value.pension is expected


@pytest.mark.parametrize(
    ("scope", "moved", "insured", "expected"),
    [
        (W, True, True, H.STAY_ORIGINAL),
        (W, False, False, H.STAY_ORIGINAL),
        (X, False, True, H.STAY_ORIGINAL),
        (X, True, True, H.DESTINATION_NEXT_YEAR),
        (X, True, False, H.NEW_REGISTRATION_PLACE),
    ],
)
def test_SITE_14_medical_insurance(
    scope: pp.MoveScope, moved: bool, insured: bool, expected: sr.Handling
) -> None:
    situation = pp.TransferSituation(
        person_id="p",
        scope=scope,
        registration_moved=moved,
        pension=pp.PensionStatus.CONTRIBUTING,
        medically_insured=insured,
    )
    assert sr.service_transfer(situation).value.medical_insurance is expected


@pytest.mark.parametrize(
    ("moved", "permit", "hukou", "expected"),
    [
        (True, False, pp.HukouType.AGRICULTURAL, H.SITE_RURAL_DIBAO),
        (True, False, pp.HukouType.NON_AGRICULTURAL, H.SITE_URBAN_DIBAO),
        (False, True, pp.HukouType.NON_AGRICULTURAL, H.SITE_URBAN_DIBAO),
        (False, False, pp.HukouType.AGRICULTURAL, H.ORIGIN_POLICIES),
        (False, False, None, H.ORIGIN_POLICIES),  # stays at origin: the type does not matter
        (False, None, pp.HukouType.AGRICULTURAL, H.NOT_RECORDED),
        (True, None, None, H.NOT_RECORDED),
        (False, True, None, H.NOT_RECORDED),
        (True, None, pp.HukouType.AGRICULTURAL, H.SITE_RURAL_DIBAO),
    ],
)
def test_SITE_14_dibao(
    moved: bool, permit: bool | None, hukou: pp.HukouType | None, expected: sr.Handling
) -> None:
    situation = pp.TransferSituation(
        person_id="p",
        scope=X,
        registration_moved=moved,
        pension=pp.PensionStatus.DRAWING,
        medically_insured=True,
        residence_permit=permit,
        hukou=hukou,
    )
    result = sr.service_transfer(situation)
    assert result.value.dibao is expected
    assert all(s.citation is not None for s in result.steps)
    for loc in ("zh_Hans", "zh_Hant", "en"):
        assert result.explain(loc)
    notes = [n.key for n in result.steps[-1].notes]
    if expected is H.NOT_RECORDED:
        missing = "site.note.hukou_not_recorded" if moved or permit else "permit_not_recorded"
        assert notes == [missing if "." in missing else f"site.note.{missing}"]
        assert "not recorded" in result.explain("en")
    elif expected is H.ORIGIN_POLICIES:
        assert notes == []
    else:
        assert notes == ["site.note.dibao_conditions"]


def test_SITE_14_needs_a_situation() -> None:
    with pytest.raises(pp.InputError):
        sr.service_transfer("someone")  # type: ignore[arg-type]


def test_SITE_15_every_service_has_one_department() -> None:
    result = sr.service_windows()
    value = result.value
    assert len(value.windows) == 10
    assert {s for s, _ in value.coordinators} == set(sr.Service)
    assert value.department(sr.Service.PENSION) is sr.Department.HUMAN_RESOURCES
    assert value.department(sr.Service.HOUSEHOLD_REGISTRATION) is sr.Department.PUBLIC_SECURITY
    assert value.department(sr.Service.DIBAO) is sr.Department.CIVIL_AFFAIRS
    assert value.department(sr.Service.MEDICAL_INSURANCE) is sr.Department.MEDICAL_SECURITY
    assert value.department(sr.Service.MEDIATION) is sr.Department.POLITICAL_LEGAL
    assert value.department(sr.Service.PROPERTY_SERVICES) is sr.Department.HOUSING
    assert value.department(sr.Service.FAMILY_PLANNING) is sr.Department.HEALTH


def test_SITE_16_township_staffing(policy: pp.Policy) -> None:
    value = sr.township_staffing(policy).value
    assert value.deputy_leaders == 1
    assert (value.staff.min, value.staff.max, value.staff.recommended) == (1, 2, 1)
