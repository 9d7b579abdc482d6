"""Relocation-site organisations SITE-4..SITE-10 (relocation-follow-up-documents 篇一 §二): the
party organisation and deputy secretary, the committees and representatives, the community
workers, and the union, league, women's councils and owners' committee, thresholds on both
sides."""

from __future__ import annotations

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

from ._site import INSIDE, OUTSIDE, make_site, note_keys
from ._site import policy as policy  # fixture

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
