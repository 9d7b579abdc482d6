"""The whole site plan step by step: which rules it runs, with what, in which order (SITE-1..16)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

from .test_not_recorded_sweep import full_site

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA
U = sr.UnitKind


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def site_of(households: list[int], location: pp.SiteLocation, **extra: Any) -> pp.ResettlementSite:
    """``full_site`` with the given entrances, in street order, and location."""
    return attrs.evolve(
        full_site(),
        location=location,
        buildings=[
            pp.Building(
                id="B1",
                entrances=[pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(households)],
            )
        ],
        **extra,
    )


def keys(steps: tuple[pp.Step, ...]) -> list[tuple[str, str]]:
    return [(s.rule, s.key) for s in steps]


def test_SITE_plan_refuses_what_is_not_a_site(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.plan_site("S1", policy)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "plan_site",
        "site",
        "S1",
        "a ResettlementSite",
    )


@pytest.mark.parametrize(
    ("location", "group_kind"),
    [(INSIDE, sr.GroupKind.RESIDENTS_GROUP), (OUTSIDE, sr.GroupKind.VILLAGER_GROUP)],
)
def test_SITE_1_tiny_site_joins_a_group_and_the_host_committee(
    policy: pp.Policy, location: pp.SiteLocation, group_kind: sr.GroupKind
) -> None:
    site = site_of([12, 8], location, population=80, party_members=2)
    r = sr.plan_site(site, policy)
    unit = sr.management_unit(site, policy)
    assert unit.value.kind is U.JOIN_DESTINATION_GROUP
    n = len(unit.steps)
    assert r.steps[:n] == unit.steps
    party = sr.party_organisation(2, policy)
    deputy = sr.deputy_secretary(
        party.value.kind, policy, population=80, secretary_is_director=True
    )
    m = n + 1 + len(party.steps) + len(deputy.steps)
    joined, host = r.steps[n], r.steps[m]
    assert r.steps[n + 1 : m] == (*party.steps, *deputy.steps)
    assert (joined.rule, joined.key, dict(joined.inputs)) == (
        "SITE-1",
        "site.groups.joined",
        {"households": 20, "group_kind": group_kind},
    )
    assert (joined.params, joined.notes, joined.citation) == ((), (), None)
    assert (host.rule, host.key, dict(host.inputs)) == (
        "SITE-6",
        "site.committee.host",
        {"kind": U.JOIN_DESTINATION_GROUP},
    )
    assert host.citation is not None
    assert (host.citation.document, host.citation.section) == (
        "relocation-follow-up-documents",
        "篇一 §二(一)",
    )
    assert list(r.steps[m + 1 :]) == [
        *sr.grid_plan([], location, policy).steps,
        *sr.affiliated_organisations(site, policy, councils=0, community=False).steps,
        *sr.service_centre(80, location, policy).steps,
        *sr.service_windows().steps,
        *sr.township_staffing(policy).steps,
    ]
    v = r.value
    assert v.groups == ()
    assert v.residents_committee is None
    assert v.community_workers is None
    assert v.schedule is None
    assert v.grids == sr.grid_plan([], location, policy).value
    assert v.affiliated == (
        sr.affiliated_organisations(site, policy, councils=0, community=False).value
    )


def composed(
    site: pp.ResettlementSite,
    policy: pp.Policy,
    *,
    leaders: int | None,
    start: dt.date | None = None,
    months: int = 3,
) -> list[pp.Step]:
    """The steps of the plan, rule after rule, as the rules give them one by one."""
    unit = sr.management_unit(site, policy)
    mu = unit.value
    grouped = sr.partition_groups(site.entrances, site.location, policy, kind=mu.group_kind)
    sizes = [g.households for g in grouped.value]
    party = sr.party_organisation(site.party_members, policy)
    deputy = sr.deputy_secretary(
        party.value.kind,
        policy,
        population=site.population,
        secretary_is_director=site.secretary_is_director,
    )
    steps = [*unit.steps, *grouped.steps, *party.steps, *deputy.steps]
    if mu.own_community:
        steps += sr.committee_sizes(site.location, sizes, policy).steps
        if site.location is INSIDE:
            steps += sr.community_workers(site.households, policy).steps
    steps += sr.grid_plan(sizes, site.location, policy, leaders=leaders).steps
    if start is not None:
        steps += sr.grid_schedule(start, policy, months=months).steps
    steps += sr.affiliated_organisations(
        site, policy, councils=len(grouped.value), community=mu.own_community
    ).steps
    steps += sr.service_centre(site.population, site.location, policy).steps
    steps += sr.service_windows().steps
    steps += sr.township_staffing(policy).steps
    return steps


def without(steps: tuple[pp.Step, ...], key: str) -> list[pp.Step]:
    return [s for s in steps if s.key != key]


def test_SITE_6_groups_under_the_host_committee(policy: pp.Policy) -> None:
    site = site_of([60, 50, 70, 40], INSIDE, population=880, party_members=12)
    r = sr.plan_site(site, policy)
    assert r.value.management_unit.kind is U.GROUPS_UNDER_RESIDENTS_COMMITTEE
    host = [s for s in r.steps if s.key == "site.committee.host"]
    assert [(s.rule, dict(s.inputs)) for s in host] == [
        ("SITE-6", {"kind": U.GROUPS_UNDER_RESIDENTS_COMMITTEE})
    ]
    assert without(r.steps, "site.committee.host") == composed(site, policy, leaders=None)
    assert r.value.residents_committee is None
    assert r.value.community_workers is None
    assert [g.households for g in r.value.groups] == [110, 110]
    assert r.value.affiliated.councils == 2
    assert r.value.affiliated.women_federation is False


def test_SITE_7_inside_own_community_has_workers_and_grid_leaders(policy: pp.Policy) -> None:
    site = site_of([50] * 22, INSIDE, population=4400, party_members=60)
    start = dt.date(2024, 3, 1)
    r = sr.plan_site(site, policy, start=start, months=2)
    v = r.value
    assert v.management_unit.kind is U.OWN_COMMUNITY
    com = sr.committee_sizes(INSIDE, [g.households for g in v.groups], policy).value
    assert v.residents_committee == com
    assert v.community_workers == sr.community_workers(1100, policy).value
    leaders = com.residents_committee.recommended
    assert list(r.steps) == composed(site, policy, leaders=leaders, start=start, months=2)
    assert (
        v.grids
        == sr.grid_plan([g.households for g in v.groups], INSIDE, policy, leaders=leaders).value
    )
    assert v.schedule == sr.grid_schedule(start, policy, months=2).value
    assert v.affiliated.women_federation is True
    assert v.site_id == "S1"
    assert v.party_organisation == sr.party_organisation(60, policy).value
    assert v.service_centre == sr.service_centre(4400, INSIDE, policy).value
    assert v.service_windows == sr.service_windows().value
    assert v.township_staffing == sr.township_staffing(policy).value
    assert "site.workers.not_applicable" not in [s.key for s in r.steps]


def test_SITE_11_grid_leaders_given_are_used(policy: pp.Policy) -> None:
    site = site_of([50] * 22, INSIDE, population=4400, party_members=60)
    r = sr.plan_site(site, policy, grid_leaders=2)
    assert list(r.steps) == composed(site, policy, leaders=2)
    assert r.value.schedule is None
    default = sr.plan_site(site, policy)
    assert default.value.grids != r.value.grids


def test_SITE_12_schedule_months_default_to_three(policy: pp.Policy) -> None:
    site = site_of([50] * 22, INSIDE, population=4400, party_members=60)
    start = dt.date(2024, 3, 1)
    r = sr.plan_site(site, policy, start=start)
    assert r.value.schedule == sr.grid_schedule(start, policy, months=3).value


def test_SITE_7_outside_own_community_has_no_worker_numbers(policy: pp.Policy) -> None:
    site = site_of([40] * 9, OUTSIDE, population=1440, party_members=30)
    r = sr.plan_site(site, policy)
    v = r.value
    assert v.management_unit.kind is U.OWN_COMMUNITY
    assert v.community_workers is None
    assert v.residents_committee is not None
    na = [s for s in r.steps if s.key == "site.workers.not_applicable"]
    assert [(s.rule, dict(s.inputs), s.params, s.notes) for s in na] == [("SITE-7", {}, (), ())]
    citation = na[0].citation
    assert citation is not None
    assert (citation.document, citation.section) == (
        "relocation-follow-up-documents",
        "篇一 §二(二)2",
    )
    leaders = v.residents_committee.residents_committee.recommended
    assert without(r.steps, "site.workers.not_applicable") == composed(
        site, policy, leaders=leaders
    )
    i = keys(r.steps).index(("SITE-7", "site.workers.not_applicable"))
    assert r.steps[i + 1].rule == "SITE-11"
