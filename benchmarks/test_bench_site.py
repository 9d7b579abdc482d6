"""Speed of site organisation: plan_site on a 10,000-household site, and the exact partitions."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

PACK = "gx-prefecture-relocation-site-management"
ON = dt.date(2024, 1, 1)


def _entrances(n: int, seed: int = 3) -> list[pp.Entrance]:
    rng = random.Random(seed)
    return [pp.Entrance(id=f"E{i}", households=rng.randint(12, 38)) for i in range(n)]


def _site(entrances: list[pp.Entrance], per_building: int = 4) -> pp.ResettlementSite:
    buildings = [
        pp.Building(id=f"B{k}", entrances=entrances[i : i + per_building])
        for k, i in enumerate(range(0, len(entrances), per_building))
    ]
    households = sum(e.households for e in entrances)
    return pp.ResettlementSite(
        id="bench",
        location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        population=4 * households,
        party_members=120,
        union_members=40,
        league_members=10,
        buildings=buildings,
    )


def test_plan_site_10000_households_400_entrances(benchmark: Any) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    entrances = [pp.Entrance(id=f"E{i}", households=25) for i in range(400)]
    site = _site(entrances)
    assert site.households == 10_000
    result = benchmark(sr.plan_site, site, policy)
    assert all(g.breach is None for g in result.value.groups)


@pytest.mark.parametrize("n", [100, 1_000, 10_000])
def test_partition_groups(benchmark: Any, n: int) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    entrances = _entrances(n)
    groups = benchmark(
        sr.partition_groups, entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy
    ).value
    assert sum(len(g.entrance_ids) for g in groups) == n


def test_partition_groups_4000_entrances_without_households(benchmark: Any) -> None:
    """Empty entrances (not yet moved in) once made the exact DP quadratic (1.27 s)."""
    policy = pp.Policy.load(PACK, on=ON)
    rng = random.Random(6)
    entrances = [
        pp.Entrance(id=f"E{i}", households=0 if rng.random() < 0.9 else rng.randint(12, 38))
        for i in range(4_000)
    ]
    groups = benchmark(
        sr.partition_groups, entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy
    ).value
    assert sum(len(g.entrance_ids) for g in groups) == 4_000


def test_partition_groups_4000_entrances_all_empty(benchmark: Any) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    entrances = [pp.Entrance(id=f"E{i}", households=0) for i in range(4_000)]
    groups = benchmark(
        sr.partition_groups, entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy
    ).value
    assert len(groups) == 1


def test_partition_groups_10000_entrances_above_the_band(benchmark: Any) -> None:
    """Every entrance above the band maximum: each its own group, marked (once 0.75 s)."""
    policy = pp.Policy.load(PACK, on=ON)
    rng = random.Random(7)
    entrances = [pp.Entrance(id=f"E{i}", households=rng.randint(121, 160)) for i in range(10_000)]
    groups = benchmark(
        sr.partition_groups, entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy
    ).value
    assert len(groups) == 10_000


@pytest.mark.parametrize("n", [100, 1_000, 10_000])
def test_grid_plan(benchmark: Any, n: int) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    rng = random.Random(5)
    sizes = [rng.randint(40, 120) for _ in range(n)]
    plan = benchmark(sr.grid_plan, sizes, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy).value
    assert sum(len(a.group_numbers) for a in plan.worker_areas) == n


def test_plan_site_explained(benchmark: Any) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    site = _site([pp.Entrance(id=f"E{i}", households=25) for i in range(400)])
    result = sr.plan_site(site, policy)
    text = benchmark(result.explain, "zh_Hans")
    assert "SITE-1" in text
