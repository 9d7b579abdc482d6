"""SITE-3's partition with its shortcuts (runs of empty entrances stepped over, the scan stopped
by a lower bound) is exactly the plain dynamic programme's, ties included.

The plain version below is the one the shortcuts replaced: every group start is scanned, and
the scan stops only when the last group alone costs more than the best so far. No timing here:
speed lives in benchmarks/test_bench_site.py.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertypolicy.rules.site import _partition_sizes


def _plain(sizes: Sequence[int], lo: int, hi: int, target2: int) -> list[int]:
    n = len(sizes)
    best_d = [0] * (n + 1)
    best_q = [0] * (n + 1)
    prev = [0] * (n + 1)
    for i in range(1, n + 1):
        total = 0
        cur_d = -1
        cur_q = 0
        arg = i - 1
        for j in range(i - 1, -1, -1):
            total += sizes[j]
            d = lo - total if total < lo else (total - hi if total > hi else 0)
            q = (2 * total - target2) ** 2
            cd = best_d[j] + d
            cq = best_q[j] + q
            if cur_d < 0 or cd < cur_d or (cd == cur_d and cq < cur_q):
                cur_d, cur_q, arg = cd, cq, j
            elif total > hi and (d > cur_d or (d == cur_d and q > cur_q)):
                break
        best_d[i], best_q[i], prev[i] = cur_d, cur_q, arg
    starts: list[int] = []
    i = n
    while i > 0:
        starts.append(prev[i])
        i = prev[i]
    return starts[::-1]


def _cost(
    sizes: Sequence[int], starts: Sequence[int], lo: int, hi: int, t2: int
) -> tuple[int, int]:
    d = q = 0
    ends = [*starts[1:], len(sizes)] if starts else []
    for a, b in zip(starts, ends, strict=True):
        s = sum(sizes[a:b])
        d += lo - s if s < lo else (s - hi if s > hi else 0)
        q += (2 * s - t2) ** 2
    return d, q


bands = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1]))
# many entrances without households, and some far above any band
sizes_lists = st.lists(st.one_of(st.just(0), st.integers(0, 60), st.integers(80, 400)), max_size=60)


@settings(max_examples=1500, deadline=None)
@given(sizes=sizes_lists, band=bands, data=st.data())
def test_same_partition_as_the_plain_dp(
    sizes: list[int], band: tuple[int, int], data: st.DataObject
) -> None:
    lo, hi = band
    t2 = data.draw(st.integers(2 * lo, 2 * hi))
    assert _partition_sizes(sizes, lo, hi, t2) == _plain(sizes, lo, hi, t2)


@settings(max_examples=300, deadline=None)
@given(
    sizes=st.lists(st.sampled_from([0, 0, 0, 1, 7, 19, 30, 45, 120]), max_size=10),
    band=bands,
    data=st.data(),
)
def test_zero_household_entrances_partition_equals_brute_force(
    sizes: list[int], band: tuple[int, int], data: st.DataObject
) -> None:
    lo, hi = band
    t2 = data.draw(st.integers(2 * lo, 2 * hi))
    starts = _partition_sizes(sizes, lo, hi, t2)
    every = (
        [
            [0, *(i + 1 for i, cut in enumerate(mask) if cut)]
            for mask in itertools.product((False, True), repeat=max(len(sizes) - 1, 0))
        ]
        if sizes
        else [[]]
    )
    assert _cost(sizes, starts, lo, hi, t2) == min(_cost(sizes, s, lo, hi, t2) for s in every)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    "make",
    [
        lambda rng: [0] * 300,  # no households at all
        lambda rng: [rng.choice([0, 0, 0, 0, rng.randint(1, 40)]) for _ in range(400)],
        lambda rng: [rng.randint(51, 200) for _ in range(300)],  # every entrance above the max
        lambda rng: [rng.choice([0, rng.randint(51, 90), rng.randint(5, 20)]) for _ in range(400)],
    ],
)
def test_long_streets_match_the_plain_dp(
    seed: int, make: Callable[[random.Random], list[int]]
) -> None:
    rng = random.Random(seed)
    sizes = make(rng)
    for lo, hi, t2 in ((30, 50, 80), (1, 1, 2), (0, 10, 10)):
        assert _partition_sizes(sizes, lo, hi, t2) == _plain(sizes, lo, hi, t2)
