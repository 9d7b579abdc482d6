"""Relocation-site organisation rules SITE-1..SITE-16 (relocation-follow-up-documents 篇一 §二):
thresholds on both sides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA


@pytest.fixture
def policy() -> pp.Policy:
    """The relocation-follow-up-documents 篇一 pack on a date it covers."""
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def make_site(
    households: Sequence[int],
    *,
    location: pp.SiteLocation = INSIDE,
    population: int | None = None,
    **extra: object,
) -> pp.ResettlementSite:
    """A one-building site whose entrances have the given households, in street order."""
    return pp.ResettlementSite(
        id="t",
        location=location,
        population=4 * sum(households) if population is None else population,
        buildings=[
            pp.Building(
                id="B1",
                entrances=[pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(households)],
            )
        ]
        if households
        else [],
        **extra,  # type: ignore[arg-type]
    )


def note_keys(result: pp.Result[object]) -> list[str]:
    return [n.key for s in result.steps for n in s.notes]


# -- SITE-1 / SITE-2 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "households", "kind"),
    [
        (INSIDE, 999, sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE),
        (INSIDE, 1000, sr.UnitKind.OWN_COMMUNITY),
        (OUTSIDE, 299, sr.UnitKind.GROUPS_UNDER_VILLAGE),
        (OUTSIDE, 300, sr.UnitKind.OWN_COMMUNITY),
        (INSIDE, 39, sr.UnitKind.JOIN_DESTINATION_GROUP),
        (INSIDE, 40, sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE),
        (OUTSIDE, 29, sr.UnitKind.JOIN_DESTINATION_GROUP),
        (OUTSIDE, 30, sr.UnitKind.GROUPS_UNDER_VILLAGE),
    ],
)
def test_SITE_1_management_unit_both_sides(
    policy: pp.Policy, location: pp.SiteLocation, households: int, kind: sr.UnitKind
) -> None:
    site = make_site([households], location=location)
    result = sr.management_unit(site, policy)
    assert result.value.kind is kind
    assert result.rules == ("SITE-1", "SITE-2")


def test_SITE_1_outside_small_sites_form_villager_groups(policy: pp.Policy) -> None:
    small = sr.management_unit(make_site([299], location=OUTSIDE), policy).value
    big = sr.management_unit(make_site([300], location=OUTSIDE), policy).value
    assert small.group_kind is sr.GroupKind.VILLAGER_GROUP
    assert big.group_kind is sr.GroupKind.RESIDENTS_GROUP
    assert big.group_band.min == 30
    assert big.group_band.max == 50


def test_SITE_1_threshold_in_both_bands_is_explained(policy: pp.Policy) -> None:
    at = sr.management_unit(make_site([1000]), policy)
    assert "site.note.overlap" in note_keys(at)
    assert "1,000" in at.explain("en")
    assert "site.note.overlap" not in note_keys(sr.management_unit(make_site([1001]), policy))


def test_SITE_1_existing_community_note(policy: pp.Policy) -> None:
    result = sr.management_unit(make_site([1200], existing_community=True), policy)
    assert "site.note.existing_community" in note_keys(result)
    assert "site.note.existing_community_not_recorded" not in note_keys(result)
    result = sr.management_unit(make_site([1200], existing_community=False), policy)
    assert not {k for k in note_keys(result) if k.startswith("site.note.existing_community")}


def test_SITE_1_existing_community_not_recorded_is_said(policy: pp.Policy) -> None:
    unknown = sr.management_unit(make_site([1200]), policy)
    assert note_keys(unknown).count("site.note.existing_community_not_recorded") == 1
    assert "site.note.existing_community" not in note_keys(unknown)
    assert "whether the site already has a community is not recorded" in unknown.explain("en")
    assert "是否已成立社区未记录" in unknown.explain("zh_Hans")
    assert "是否已成立社區未記錄" in unknown.explain("zh_Hant")
    # the unit itself is decided by the household count alone
    known = sr.management_unit(make_site([1200], existing_community=False), policy)
    assert unknown.value == known.value


@pytest.mark.parametrize(("population", "may"), [(7999, False), (8000, True)])
def test_SITE_2_sub_district_is_advice(policy: pp.Policy, population: int, may: bool) -> None:
    result = sr.management_unit(make_site([1200], population=population), policy)
    assert result.value.sub_district_may_apply is may
    assert ("site.note.sub_district_advisory" in note_keys(result)) is may


# -- SITE-3 -------------------------------------------------------------------------------------


def test_SITE_3_entrances_stay_whole_and_in_order(policy: pp.Policy) -> None:
    sizes = [30, 30, 50, 70, 10, 40, 90]
    entrances = [pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(sizes)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [e for g in groups for e in g.entrance_ids] == [e.id for e in entrances]
    assert all(40 <= g.households <= 120 and g.breach is None for g in groups)
    assert sum(g.households for g in groups) == sum(sizes)


def test_SITE_3_entrance_above_max_is_marked_not_split(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id="A", households=60), pp.Entrance(id="Big", households=130)]
    result = sr.partition_groups(entrances, INSIDE, policy)
    groups = result.value
    assert [g.entrance_ids for g in groups] == [("A",), ("Big",)]
    assert groups[0].breach is None
    assert groups[1].breach is sr.GroupBreach.ENTRANCE_ABOVE_MAX
    assert "site.groups.breach" in [s.key for s in result.steps]


def test_SITE_3_site_below_min_is_one_marked_group(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id="A", households=10), pp.Entrance(id="B", households=15)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert len(groups) == 1
    assert groups[0].breach is sr.GroupBreach.SITE_BELOW_MIN
    assert groups[0].households == 25


def test_SITE_3_no_valid_split_is_marked_above_max(policy: pp.Policy) -> None:
    # 120 + 20: a group of 120 and one of 20 (20 short) ties a group of 140 (20 over) on
    # households outside the band; 140 is closer to the target of 80, so it wins.
    entrances = [pp.Entrance(id="A", households=120), pp.Entrance(id="B", households=20)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [(g.entrance_ids, g.breach) for g in groups] == [(("A", "B"), sr.GroupBreach.ABOVE_MAX)]


def test_SITE_3_leftover_below_min_is_marked(policy: pp.Policy) -> None:
    # 30 between two full groups: alone it is 10 short; joined to either side it is 30 over.
    entrances = [
        pp.Entrance(id="A", households=120),
        pp.Entrance(id="B", households=30),
        pp.Entrance(id="C", households=120),
    ]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [g.entrance_ids for g in groups] == [("A",), ("B",), ("C",)]
    assert [g.breach for g in groups] == [None, sr.GroupBreach.BELOW_MIN, None]


def test_SITE_3_entrance_above_max_takes_the_leftover(policy: pp.Policy) -> None:
    # 130 is above the maximum whatever happens; adding the 20 costs less than a group of 20.
    entrances = [pp.Entrance(id="A", households=130), pp.Entrance(id="B", households=20)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [(g.entrance_ids, g.breach) for g in groups] == [
        (("A", "B"), sr.GroupBreach.ENTRANCE_ABOVE_MAX)
    ]


def test_SITE_3_outside_band_and_villager_groups(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id=f"E{i}", households=20) for i in range(6)]
    groups = sr.partition_groups(entrances, OUTSIDE, policy).value
    assert all(30 <= g.households <= 50 for g in groups)
    assert all(g.kind is sr.GroupKind.VILLAGER_GROUP for g in groups)


def test_SITE_3_target_is_midpoint_by_convention(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id=f"E{i}", households=40) for i in range(6)]
    result = sr.partition_groups(entrances, INSIDE, policy)
    # 240 households, target 80: three groups of two entrances beat any other split.
    assert [g.households for g in result.value] == [80, 80, 80]
    assert "site.note.target_midpoint" in note_keys(result)
    assert "site.note.objective" in note_keys(result)


def test_SITE_3_bad_input_is_an_input_error(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError):
        sr.partition_groups([40, 50], INSIDE, policy)  # type: ignore[list-item]
    with pytest.raises(pp.InputError):
        sr.partition_groups([], "inside", policy)  # type: ignore[arg-type]


# -- SITE-4 / SITE-5 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "kind"),
    [
        (0, sr.PartyOrgKind.INSTRUCTOR),
        (1, sr.PartyOrgKind.JOINT_BRANCH),
        (2, sr.PartyOrgKind.JOINT_BRANCH),
        (3, sr.PartyOrgKind.BRANCH),
        (49, sr.PartyOrgKind.BRANCH),
        (50, sr.PartyOrgKind.GENERAL_BRANCH),
        (99, sr.PartyOrgKind.GENERAL_BRANCH),
        (100, sr.PartyOrgKind.COMMITTEE),
        (101, sr.PartyOrgKind.COMMITTEE),
    ],
)
def test_SITE_4_party_organisation_both_sides(
    policy: pp.Policy, members: int, kind: sr.PartyOrgKind
) -> None:
    assert sr.party_organisation(members, policy).value.kind is kind


def test_SITE_4_hundred_goes_to_the_committee_and_says_why(policy: pp.Policy) -> None:
    result = sr.party_organisation(100, policy)
    assert result.value.kind is sr.PartyOrgKind.COMMITTEE
    assert "site.note.overlap" in note_keys(result)
    text = result.explain("zh_Hans")
    assert "党的基层委员会" in text
    assert "党总支部" in text
    assert "site.note.overlap" not in note_keys(sr.party_organisation(99, policy))


@pytest.mark.parametrize(
    ("members", "lo", "hi", "recommended"),
    [(1, 3, 5, 3), (10, 3, 5, 3), (62, 5, 7, 5), (150, 5, 9, 7)],
)
def test_SITE_4_committee_seats_with_recommendation(
    policy: pp.Policy, members: int, lo: int, hi: int, recommended: int
) -> None:
    result = sr.party_organisation(members, policy)
    seats = result.value.seats
    assert seats is not None
    assert (seats.min, seats.max, seats.recommended) == (lo, hi, recommended)
    assert seats.convention is sr.Convention.ODD_NEAR_MIDDLE
    assert "site.note.recommended" in note_keys(result)


def test_SITE_4_no_members_no_seats(policy: pp.Policy) -> None:
    assert sr.party_organisation(0, policy).value.seats is None


@pytest.mark.parametrize(("population", "may"), [(4999, False), (5000, True)])
def test_SITE_5_population_threshold(policy: pp.Policy, population: int, may: bool) -> None:
    result = sr.deputy_secretary(
        sr.PartyOrgKind.BRANCH, policy, population=population, secretary_is_director=False
    )
    assert result.value.may_add is may
    assert result.value.extra == (1 if may else 0)


def test_SITE_5_any_of_three_conditions(policy: pp.Policy) -> None:
    by_committee = sr.deputy_secretary(sr.PartyOrgKind.COMMITTEE, policy, population=10)
    assert by_committee.value.reasons == (sr.DeputyReason.PARTY_COMMITTEE,)
    by_one_shoulder = sr.deputy_secretary(
        sr.PartyOrgKind.BRANCH, policy, population=10, secretary_is_director=True
    )
    assert by_one_shoulder.value.reasons == (sr.DeputyReason.ONE_SHOULDER,)
    all_three = sr.deputy_secretary(
        sr.PartyOrgKind.COMMITTEE, policy, population=6000, secretary_is_director=True
    )
    assert len(all_three.value.reasons) == 3
    assert "site.note.deputy_may" in note_keys(all_three)


# -- SITE-6 / SITE-8 / SITE-9 ---------------------------------------------------------------------


def test_SITE_6_inside_committee_and_representatives(policy: pp.Policy) -> None:
    result = sr.committee_sizes(INSIDE, [80] * 30, policy)
    c = result.value
    assert (c.residents_committee.min, c.residents_committee.max) == (5, 9)
    assert c.residents_committee.recommended == 7
    assert c.group_leaders == 30
    reps = c.representatives
    assert (reps.min, reps.max, reps.conflict) == (50, 90, False)
    assert reps.recommended == 70
    assert sum(reps.per_group) == 70
    assert all(1 <= n <= 3 for n in reps.per_group)


def test_SITE_6_ten_groups_conflict_is_reported(policy: pp.Policy) -> None:
    result = sr.committee_sizes(INSIDE, [100] * 10, policy)
    reps = result.value.representatives
    assert reps.conflict
    assert (reps.min, reps.max) == (10, 30)
    assert reps.recommended == 30
    assert reps.per_group == (3,) * 10
    assert "site.note.reps_conflict" in note_keys(result)


@pytest.mark.parametrize(("groups", "lo", "hi"), [(16, 50, 48), (17, 50, 51), (34, 50, 100)])
def test_SITE_6_feasible_range_meets_both_rules(
    policy: pp.Policy, groups: int, lo: int, hi: int
) -> None:
    reps = sr.committee_sizes(INSIDE, [60] * groups, policy).value.representatives
    assert reps.conflict is (lo > hi)
    if not reps.conflict:
        assert (reps.min, reps.max) == (lo, hi)


def test_SITE_6_too_many_groups_conflict_keeps_one_each(policy: pp.Policy) -> None:
    reps = sr.committee_sizes(INSIDE, [40] * 120, policy).value.representatives
    assert reps.conflict
    assert reps.recommended == 120
    assert set(reps.per_group) == {1}


@pytest.mark.parametrize(
    ("households", "conflict", "lo", "hi"),
    [(149, True, 30, None), (150, False, 30, 30), (300, False, 30, 60), (600, False, 40, 120)],
)
def test_SITE_8_outside_representatives(
    policy: pp.Policy, households: int, conflict: bool, lo: int, hi: int | None
) -> None:
    result = sr.committee_sizes(OUTSIDE, [households], policy)
    reps = result.value.representatives
    assert reps.conflict is conflict
    assert (reps.min, reps.max) == (lo, hi)
    expected = (
        sr.RepresentativeMethod.BY_GROUPS if conflict else sr.RepresentativeMethod.PER_HOUSEHOLDS
    )
    assert reps.method is expected
    c = result.value.residents_committee
    assert (c.min, c.max, c.recommended) == (3, 7, 5)


def test_SITE_9_supervisory_committee(policy: pp.Policy) -> None:
    result = sr.committee_sizes(INSIDE, [80] * 20, policy)
    sup = result.value.supervisory_committee
    assert (sup.min, sup.max, sup.recommended) == (3, 5, 3)
    assert "site.note.supervisory_chair" in note_keys(result)
    assert "SITE-9" in result.rules


# -- SITE-7 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("households", "lo", "hi", "overlap"),
    [
        (1999, 9, 11, False),
        (2000, 12, 14, True),
        (2400, 12, 14, False),
        (3000, 12, 14, True),
        (3001, 15, None, False),
    ],
)
def test_SITE_7_community_workers_both_sides(
    policy: pp.Policy, households: int, lo: int, hi: int | None, overlap: bool
) -> None:
    result = sr.community_workers(households, policy)
    assert (result.value.min, result.value.max) == (lo, hi)
    assert result.value.recommended == (lo if hi is None else (lo + hi) // 2)
    assert ("site.note.overlap" in note_keys(result)) is overlap
    for loc in ("zh_Hans", "zh_Hant", "en"):
        assert result.explain(loc)


# -- SITE-10 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("union", "league"), [(24, 2), (25, 3)])
def test_SITE_10_union_and_league_both_sides(policy: pp.Policy, union: int, league: int) -> None:
    site = make_site([80], union_members=union, league_members=league)
    value = sr.affiliated_organisations(site, policy, councils=1).value
    assert value.union_committee is (union >= 25)
    assert value.league_branch is (league >= 3)


def test_SITE_10_women_councils_and_owners(policy: pp.Policy) -> None:
    ready = make_site([80], owners_conditions_mature=True)
    value = sr.affiliated_organisations(ready, policy, councils=12).value
    assert value.women_federation
    assert value.women_federation_chairs == 1
    assert value.councils == 12
    assert (value.council_size.min, value.council_size.max) == (5, 15)
    assert value.owners_committee_sizes == (5, 7, 9, 11)
    assert value.owners_committee is not None
    assert value.owners_committee.recommended % 2 == 1
    not_ready = sr.affiliated_organisations(
        make_site([80], owners_conditions_mature=False), policy, councils=1
    )
    assert not_ready.value.owners_committee is None
    assert not_ready.value.not_recorded == ("union_members", "league_members")
    assert "site.affiliated.owners.no" in [s.key for s in not_ready.steps]
    unknown = sr.affiliated_organisations(make_site([80]), policy, councils=1)
    assert unknown.value.owners_committee is None
    assert unknown.value.not_recorded == (
        "union_members",
        "league_members",
        "owners_conditions_mature",
    )
    owners = [s for s in unknown.steps if s.key.startswith("site.affiliated.owners")]
    assert [(s.rule, s.key) for s in owners] == [("SITE-10", "site.affiliated.owners.not_recorded")]
    assert "Whether conditions allow an owners' committee" in unknown.explain("en")
    assert "业主委员会选举条件是否成熟未记录" in unknown.explain("zh_Hans")
    not_community = sr.affiliated_organisations(ready, policy, councils=1, community=False).value
    assert not not_community.women_federation
    assert not_community.owners_committee is None
    # without a community the owners' conditions do not matter: not listed as not recorded
    outside = sr.affiliated_organisations(make_site([80]), policy, councils=1, community=False)
    assert "owners_conditions_mature" not in outside.value.not_recorded
    assert "site.affiliated.owners.no" in [s.key for s in outside.steps]


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


# -- plan_site on small sites ---------------------------------------------------------------------


def test_SITE_1_tiny_site_joins_a_destination_group(policy: pp.Policy) -> None:
    plan = sr.plan_site(make_site([12, 10], population=80, party_members=1), policy)
    value = plan.value
    assert value.management_unit.kind is sr.UnitKind.JOIN_DESTINATION_GROUP
    assert value.groups == ()
    assert value.residents_committee is None
    assert value.grids.grid_workers == 0
    assert value.party_organisation.kind is sr.PartyOrgKind.JOINT_BRANCH
    assert "site.groups.joined" in [s.key for s in plan.steps]


def test_SITE_8_outside_community_plan_has_no_worker_numbers(policy: pp.Policy) -> None:
    plan = sr.plan_site(make_site([40] * 10, location=OUTSIDE), policy)
    value = plan.value
    assert value.management_unit.kind is sr.UnitKind.OWN_COMMUNITY
    assert value.community_workers is None
    assert value.residents_committee is not None
    assert value.service_centre.min_floor_area == pp.Area.m2(300)
    assert "site.workers.not_applicable" in [s.key for s in plan.steps]


def test_SITE_6_groups_under_host_committee(policy: pp.Policy) -> None:
    plan = sr.plan_site(make_site([80] * 5), policy)
    assert plan.value.management_unit.kind is sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE
    assert plan.value.residents_committee is None
    assert len(plan.value.groups) == 5
    assert "site.committee.host" in [s.key for s in plan.steps]


# -- unknown is not zero: members and 一肩挑 not recorded -----------------------------------------


def test_site_counts_and_one_shoulder_default_to_not_recorded() -> None:
    site = make_site([10])
    assert site.party_members is None
    assert site.union_members is None
    assert site.league_members is None
    assert site.secretary_is_director is None


def test_SITE_4_members_not_recorded_decide_no_kind(policy: pp.Policy) -> None:
    result = sr.party_organisation(None, policy)
    assert result.value.kind is None
    assert result.value.seats is None
    assert [s.key for s in result.steps] == ["site.party.not_recorded"]
    assert "not recorded" in result.explain("en")
    assert "未记录" in result.explain("zh_Hans")


def test_SITE_5_one_shoulder_not_recorded_is_undetermined_not_no(policy: pp.Policy) -> None:
    unknown = sr.deputy_secretary(sr.PartyOrgKind.BRANCH, policy, population=10)
    assert unknown.value.may_add is None
    assert unknown.steps[0].key == "site.deputy.undetermined"
    assert unknown.steps[0].inputs["unknown"] == [sr.DeputyReason.ONE_SHOULDER]
    assert "not recorded" in unknown.explain("en")
    no = sr.deputy_secretary(
        sr.PartyOrgKind.BRANCH, policy, population=10, secretary_is_director=False
    )
    assert no.value.may_add is False
    # a condition that is met decides, whatever was not recorded
    by_population = sr.deputy_secretary(None, policy, population=6000)
    assert by_population.value.may_add is True
    assert by_population.value.reasons == (sr.DeputyReason.POPULATION,)


def test_SITE_10_members_not_recorded_decide_no_committee(policy: pp.Policy) -> None:
    value = sr.affiliated_organisations(make_site([80]), policy, councils=1)
    assert value.value.union_committee is None
    assert value.value.league_branch is None
    keys = [s.key for s in value.steps]
    assert "site.affiliated.union.not_recorded" in keys
    assert "site.affiliated.league.not_recorded" in keys
    text = value.explain("en")
    assert "too few" not in text
    assert "Union members not recorded" in text


def test_plan_says_not_recorded_instead_of_zero_or_no(policy: pp.Policy) -> None:
    plan = sr.plan_site(make_site([12, 10], population=80), policy)
    assert plan.value.party_organisation.kind is None
    assert plan.value.deputy_secretary.may_add is None
    text = plan.explain("en")
    assert "0 union members" not in text
    assert text.count("not recorded") >= 4
    recorded = sr.plan_site(
        make_site(
            [12, 10],
            population=80,
            party_members=0,
            union_members=0,
            league_members=0,
            secretary_is_director=False,
        ),
        policy,
    )
    assert recorded.value.party_organisation.kind is sr.PartyOrgKind.INSTRUCTOR
    assert recorded.value.deputy_secretary.may_add is False
    assert recorded.value.affiliated.union_committee is False
