"""Properties of the exact partitions of SITE-3 (groups of entrances) and SITE-11 (grid areas)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.rules import site as sr
from povertypolicy.rules.site import _grid_areas, _partition_sizes

POLICY = pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))
CAP = POLICY.param("site.grid_worker_max_households")


def _segments(starts: Sequence[int], n: int) -> list[tuple[int, int]]:
    ends = [*starts[1:], n] if starts else []
    return list(zip(starts, ends, strict=True))


def _all_partitions(n: int) -> list[list[int]]:
    """Every contiguous partition of n items, as start indices."""
    out = []
    for mask in itertools.product((False, True), repeat=max(n - 1, 0)):
        out.append([0, *(i + 1 for i, cut in enumerate(mask) if cut)])
    return out if n else [[]]


def _group_cost(
    sizes: Sequence[int], starts: Sequence[int], lo: int, hi: int, t2: int
) -> tuple[int, int]:
    d = q = 0
    for a, b in _segments(starts, len(sizes)):
        s = sum(sizes[a:b])
        d += lo - s if s < lo else (s - hi if s > hi else 0)
        q += (2 * s - t2) ** 2
    return d, q


def _grid_cost(
    sizes: Sequence[int], starts: Sequence[int], glo: int, ghi: int
) -> tuple[int, int, int, int]:
    cd = ex = sq = 0
    segs = _segments(starts, len(sizes))
    for a, b in segs:
        s = sum(sizes[a:b])
        n = b - a
        cd += glo - n if n < glo else (n - ghi if n > ghi else 0)
        ex += max(0, s - CAP.integer)
        sq += s * s
    return cd, ex, len(segs), sq


bands = st.tuples(st.integers(1, 60), st.integers(0, 80)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(sizes=st.lists(st.integers(0, 150), max_size=40), band=bands, data=st.data())
def test_SITE_3_partition_covers_every_entrance_once_in_order(
    sizes: list[int], band: tuple[int, int], data: st.DataObject
) -> None:
    lo, hi = band
    t2 = data.draw(st.integers(2 * lo, 2 * hi))
    starts = _partition_sizes(sizes, lo, hi, t2)
    segs = _segments(starts, len(sizes))
    covered = [i for a, b in segs for i in range(a, b)]
    assert covered == list(range(len(sizes)))
    assert all(b > a for a, b in segs)


@settings(max_examples=300, deadline=None)
@given(sizes=st.lists(st.integers(0, 150), min_size=0, max_size=9), band=bands, data=st.data())
def test_SITE_3_dp_is_never_worse_than_brute_force(
    sizes: list[int], band: tuple[int, int], data: st.DataObject
) -> None:
    lo, hi = band
    t2 = data.draw(st.integers(2 * lo, 2 * hi))
    dp = _group_cost(sizes, _partition_sizes(sizes, lo, hi, t2), lo, hi, t2)
    best = min(_group_cost(sizes, p, lo, hi, t2) for p in _all_partitions(len(sizes)))
    assert dp <= best
    if best[0] == 0:  # a valid partition exists, so no group breaks the band
        starts = _partition_sizes(sizes, lo, hi, t2)
        assert all(lo <= sum(sizes[a:b]) <= hi for a, b in _segments(starts, len(sizes)))


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(1, 130), min_size=1, max_size=60))
def test_SITE_3_public_rule_keeps_entrances_whole(sizes: list[int]) -> None:
    entrances = [pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(sizes)]
    groups = sr.partition_groups(entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, POLICY).value
    assert [e for g in groups for e in g.entrance_ids] == [e.id for e in entrances]
    assert sum(g.households for g in groups) == sum(sizes)
    for g in groups:
        assert (g.breach is None) is (40 <= g.households <= 120)


@settings(max_examples=300, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 200), max_size=9),
    band=st.tuples(st.integers(1, 3), st.integers(0, 3)).map(lambda t: (t[0], t[0] + t[1])),
)
def test_SITE_11_grid_dp_is_never_worse_than_brute_force(
    sizes: list[int], band: tuple[int, int]
) -> None:
    glo, ghi = band
    starts = _grid_areas(sizes, glo, ghi, CAP)
    segs = _segments(starts, len(sizes))
    assert [i for a, b in segs for i in range(a, b)] == list(range(len(sizes)))
    dp = _grid_cost(sizes, starts, glo, ghi)
    best = min(_grid_cost(sizes, p, glo, ghi) for p in _all_partitions(len(sizes)))
    assert dp <= best
    if best[:2] == (0, 0):
        assert all(glo <= b - a <= ghi and sum(sizes[a:b]) <= 300 for a, b in segs)


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(30, 120), min_size=0, max_size=80), leaders=st.integers(1, 12))
def test_SITE_11_public_grid_plan_covers_every_group_once(sizes: list[int], leaders: int) -> None:
    plan = sr.grid_plan(
        sizes, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, POLICY, leaders=leaders
    ).value
    numbers = [n for a in plan.worker_areas for n in a.group_numbers]
    assert numbers == list(range(1, len(sizes) + 1))
    areas = [n for g in plan.grids for n in g.worker_area_numbers]
    assert areas == [a.number for a in plan.worker_areas]
    assert plan.grid_leaders == min(leaders, plan.grid_workers)
    for a in plan.worker_areas:
        assert (not a.breaches) is (2 <= len(a.group_numbers) <= 4 and a.households <= 300)
