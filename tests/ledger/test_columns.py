"""Per-household counts and ORs over child rows: the packed and running-sum paths against a
plain count, for grouped and ungrouped child rows and groups of any size."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy.ledger.columns import group_counts, group_or, per_child
from povertypolicy.ledger.frame import Frame
from povertypolicy.ledger.housing_tables import PERSONS


def frame(parent: np.ndarray) -> Frame:
    n = len(parent)
    return Frame(
        schema=PERSONS,
        source=pa.table({"x": pa.array(np.zeros(n, np.int8))}),
        headers={},
        cols={},
        bad=np.zeros(n, bool),
        held=np.zeros(n, bool),
        parent=parent,
    )


def plain_counts(parent: np.ndarray, mask: np.ndarray, n_parent: int) -> np.ndarray:
    out = np.zeros(n_parent, np.int64)
    for p, m in zip(parent.tolist(), mask.tolist(), strict=True):
        if p >= 0 and m:
            out[p] += 1
    return out


sizes = st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=30)


@given(sizes, st.randoms(use_true_random=False), st.booleans())
def test_counts_and_ors_equal_a_plain_count(size: list[int], rng: Any, shuffle: bool) -> None:
    parent = np.repeat(np.arange(len(size), dtype=np.int32), size)
    if shuffle:
        order = list(range(len(parent)))
        rng.shuffle(order)
        parent = parent[np.array(order, np.intp)] if order else parent
    n = len(parent)
    masks = [
        np.array([rng.random() < 0.5 for _ in range(n)], bool),
        np.ones(n, bool),
        np.zeros(n, bool),
        np.array([rng.random() < 0.2 for _ in range(n)], bool),
    ]
    f = frame(parent)
    got = group_counts(f, masks, len(size))
    for g, m in zip(got, masks, strict=True):
        assert g.tolist() == plain_counts(parent, m, len(size)).tolist()
    bits = np.array([rng.randrange(1 << 13) for _ in range(n)], np.uint16)
    ors = group_or(f, bits, masks[0], len(size), 16)
    want = [0] * len(size)
    for p, b, m in zip(parent.tolist(), bits.tolist(), masks[0].tolist(), strict=True):
        if m:
            want[p] |= b
    assert ors.tolist() == want
    values = np.arange(len(size)) * 10
    if n:
        assert per_child(f, values).tolist() == values[parent].tolist()


@pytest.mark.parametrize("big", [1, 40_000, 70_000])
def test_a_very_large_household_is_counted_exactly(big: int) -> None:
    parent = np.repeat(np.arange(3, dtype=np.int32), [2, big, 3])
    rng = np.random.default_rng(big)
    masks = [rng.random(len(parent)) < 0.5, rng.random(len(parent)) < 0.9]
    got = group_counts(frame(parent), masks, 3)
    for g, m in zip(got, masks, strict=True):
        assert g.tolist() == np.bincount(parent[m], minlength=3).tolist()


@given(
    st.lists(st.one_of(st.none(), st.booleans()), max_size=40),
    st.integers(min_value=0, max_value=20),
)
def test_boolean_cells_and_validity_read_from_the_bitmaps(cells: list[Any], start: int) -> None:
    from povertypolicy.ledger.arrays import filled
    from povertypolicy.ledger.parse import _valid

    arr = pa.array(cells, pa.bool_()).slice(min(start, len(cells)))
    assert filled(arr, False).tolist() == [bool(c) for c in arr.to_pylist()]
    assert _valid(arr).tolist() == [c is not None for c in arr.to_pylist()]
