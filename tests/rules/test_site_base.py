"""The shared SITE helpers: open band ends, how far past a cap, recommended sizes, refusals."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr
from povertypolicy.rules.site._base import (
    _check_count,
    _check_counts,
    _check_location,
    _int_range,
    _odd_near_middle,
    _over,
    _size_range,
)

PACK = "gx-prefecture-relocation-site-management"


def _county(tmp_path: Path, body: str) -> pp.Policy:
    path = tmp_path / "county.toml"
    head = f"""
        id = "my-county"
        title = "某县安置点管理细则"
        issuer = "某县民政局"
        parent = "{PACK}"
        source = {{ document = "county-notice", section = "全文" }}
        """
    path.write_text(textwrap.dedent(head) + textwrap.dedent(body), encoding="utf-8")
    return pp.Policy.load(path, on=dt.date(2024, 1, 1))


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        ('{ min = "exclusive", max = "exclusive" }', (41, 119)),
        ('{ min = "exclusive" }', (41, 120)),
        ('{ max = "exclusive" }', (40, 119)),
        ('"inclusive"', (40, 120)),
    ],
)
def test_SITE_3_open_band_ends_are_whole_households(
    tmp_path: Path, bound: str, expected: tuple[int, int]
) -> None:
    policy = _county(
        tmp_path,
        f"""
        [parameters."site.group_size_inside"]
        unit = "households"
        bound = {bound}
        citation = {{ document = "county-notice", section = "第三条" }}
        values = [{{ from = 2021-01-01, value = {{ min = 40, max = 120 }} }}]
        """,
    )
    assert _int_range(policy.param("site.group_size_inside")) == expected


def test_SITE_11_how_far_past_the_cap(tmp_path: Path) -> None:
    seed = pp.Policy.load(PACK, on=dt.date(2024, 1, 1)).param("site.grid_worker_max_households")
    assert [_over(seed, v) for v in (299, 300, 301, 310)] == [0, 0, 1, 10]
    policy = _county(
        tmp_path,
        """
        [parameters."site.grid_worker_max_households"]
        unit = "households"
        bound = "exclusive"
        citation = { document = "county-notice", section = "第六条" }
        values = [{ from = 2021-01-01, value = 300 }]
        """,
    )
    cap = policy.param("site.grid_worker_max_households")
    assert [_over(cap, v) for v in (0, 299, 300, 301, 310)] == [0, 0, 1, 2, 11]


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [(3, 5, 3), (5, 9, 7), (5, 8, 7), (4, 6, 5), (3, 3, 3), (1, 1, 1), (10, 10, None)],
)
def test_SITE_4_odd_size_nearest_the_middle(lo: int, hi: int, expected: int | None) -> None:
    assert _odd_near_middle(lo, hi) == expected


@pytest.mark.parametrize(
    ("lo", "hi", "convention", "recommended", "used"),
    [
        (8, 8, sr.Convention.ODD_NEAR_MIDDLE, 8, sr.Convention.MIDDLE),
        (5, 8, sr.Convention.ODD_NEAR_MIDDLE, 7, sr.Convention.ODD_NEAR_MIDDLE),
        (5, 8, sr.Convention.MIDDLE, 6, sr.Convention.MIDDLE),
        (5, 8, sr.Convention.MINIMUM, 5, sr.Convention.MINIMUM),
    ],
)
def test_SITE_6_recommended_size_and_its_convention(
    tmp_path: Path,
    lo: int,
    hi: int,
    convention: sr.Convention,
    recommended: int,
    used: sr.Convention,
) -> None:
    policy = _county(
        tmp_path,
        f"""
        [parameters."site.residents_committee_inside"]
        unit = "people"
        citation = {{ document = "county-notice", section = "第七条" }}
        values = [{{ from = 2021-01-01, value = {{ min = {lo}, max = {hi} }} }}]
        """,
    )
    size, note = _size_range(policy.param("site.residents_committee_inside"), convention)
    assert (size.min, size.max, size.recommended, size.convention) == (lo, hi, recommended, used)
    assert type(size.recommended) is int
    assert (note.kind, note.key, dict(note.args)) == (
        pp.NoteKind.CONVENTION,
        "site.note.recommended",
        {"value": recommended, "convention": used},
    )


def test_SITE_refusals_say_what_was_expected() -> None:
    with pytest.raises(pp.InputError) as exc:
        _check_location("inside", "rule_x")
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "rule_x",
        "location",
        "inside",
        "SiteLocation.INSIDE_COUNTY_SEAT_AREA or OUTSIDE_COUNTY_SEAT_AREA",
    )
    for bad in (-1, True, 1.0, None):
        with pytest.raises(pp.InputError) as exc:
            _check_count(bad, "rule_x", "count")
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "rule_x",
            "count",
            bad,
            "a whole number >= 0",
        )
    assert _check_count(0, "rule_x", "count") == 0
    for bad_seq in ("123", 5, None):
        with pytest.raises(pp.InputError) as exc:
            _check_counts(bad_seq, "rule_x", "counts")
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "rule_x",
            "counts",
            bad_seq,
            "a sequence of whole numbers",
        )
    assert _check_counts([3, 0], "rule_x", "counts") == (3, 0)
