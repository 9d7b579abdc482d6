"""Relocation-site plan_site on small sites (SITE-1, SITE-6, SITE-8), and unknown is not zero:
party, union and league members and 一肩挑 not recorded leave SITE-4, SITE-5, SITE-10 and the
plan undetermined, never zero or no (relocation-follow-up-documents 篇一 §二)."""

from __future__ import annotations

import povertypolicy as pp
from povertypolicy.rules import site as sr

from ._site import OUTSIDE, make_site
from ._site import policy as policy  # fixture

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
