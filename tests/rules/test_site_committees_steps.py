"""SITE-6 .. SITE-9 step by step: per branch the rule ID, message key, inputs, parameters, notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA
C = sr.Convention
M = sr.RepresentativeMethod
WB = sr.WorkerBand


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def view(result: pp.Result[Any]) -> list[tuple[Any, ...]]:
    return [
        (
            s.rule,
            s.key,
            dict(s.inputs),
            tuple(p.name for p in s.params),
            tuple((n.kind.value, n.key, dict(n.args)) for n in s.notes),
        )
        for s in result.steps
    ]


def rec(value: int, convention: sr.Convention) -> tuple[str, str, dict[str, Any]]:
    return ("convention", "site.note.recommended", {"value": value, "convention": convention})


def head(policy: pp.Policy, location: pp.SiteLocation, groups: int) -> list[tuple[Any, ...]]:
    inside = location is INSIDE
    name = "site.residents_committee_inside" if inside else "site.residents_committee_outside"
    rule = "SITE-6" if inside else "SITE-8"
    recommended = 7 if inside else 5
    return [
        (rule, "site.committee.residents",
         {"location": location, "range": policy.param(name).range, "recommended": recommended},
         (name,), (rec(recommended, C.ODD_NEAR_MIDDLE),)),
        (rule, "site.committee.group_leaders", {"groups": groups, "leaders": groups},
         ("site.group_leaders_per_group",), ()),
    ]  # fmt: skip


def supervisory(policy: pp.Policy) -> tuple[Any, ...]:
    return (
        "SITE-9",
        "site.committee.supervisory",
        {"range": policy.param("site.supervisory_committee").range, "recommended": 3},
        ("site.supervisory_committee",),
        (rec(3, C.ODD_NEAR_MIDDLE), ("default", "site.note.supervisory_chair", {})),
    )


INSIDE_PARAMS = ("site.representatives_per_group_inside", "site.representatives_total_inside")
OUTSIDE_PARAMS = ("site.households_per_representative_outside", "site.representatives_min_outside")


def reps_tuple(r: sr.Representatives) -> tuple[Any, ...]:
    return (r.method, r.min, r.max, r.recommended, r.per_group, r.conflict)


@pytest.mark.parametrize(
    ("groups", "lo", "hi", "recommended", "per_group"),
    [
        (30, 50, 90, 70, (3,) * 10 + (2,) * 20),
        (17, 50, 51, 50, (3,) * 16 + (2,)),
        (100, 100, 100, 100, (1,) * 100),
    ],
)
def test_SITE_6_inside_steps(
    policy: pp.Policy,
    groups: int,
    lo: int,
    hi: int,
    recommended: int,
    per_group: tuple[int, ...],
) -> None:
    r = sr.committee_sizes(INSIDE, [80] * groups, policy)
    assert view(r) == [
        *head(policy, INSIDE, groups),
        ("SITE-6", "site.reps.inside",
         {"groups": groups, "min": lo, "max": hi, "recommended": recommended},
         INSIDE_PARAMS, (rec(recommended, C.FEASIBLE_MIDDLE),)),
        supervisory(policy),
    ]  # fmt: skip
    v = r.value
    assert reps_tuple(v.representatives) == (M.PER_GROUP, lo, hi, recommended, per_group, False)
    assert v.group_leaders == groups
    assert (v.residents_committee.min, v.residents_committee.max) == (5, 9)
    assert (v.supervisory_committee.min, v.supervisory_committee.max) == (3, 5)
    assert v.supervisory_committee.recommended == 3


def test_SITE_6_extra_representatives_go_to_larger_groups(policy: pp.Policy) -> None:
    sizes = [40, 120] + [80] * 28
    reps = sr.committee_sizes(INSIDE, sizes, policy).value.representatives
    assert reps.recommended == 70
    assert reps.per_group[1] == 3
    assert reps.per_group[0] == 2
    assert sum(reps.per_group) == 70


@pytest.mark.parametrize(
    ("groups", "recommended", "each"),
    [(10, 30, 3), (16, 48, 3), (120, 120, 1)],
)
def test_SITE_6_conflict_steps(policy: pp.Policy, groups: int, recommended: int, each: int) -> None:
    r = sr.committee_sizes(INSIDE, [40] * groups, policy)
    assert view(r)[2] == (
        "SITE-6",
        "site.reps.inside_conflict",
        {
            "groups": groups,
            "group_min": groups,
            "group_max": 3 * groups,
            "total": policy.param("site.representatives_total_inside").range,
            "recommended": recommended,
        },
        INSIDE_PARAMS,
        (
            ("warning", "site.note.reps_conflict", {}),
            ("convention", "site.note.reps_conflict_choice", {}),
        ),
    )
    assert reps_tuple(r.value.representatives) == (
        M.PER_GROUP,
        groups,
        3 * groups,
        recommended,
        (each,) * groups,
        True,
    )


@pytest.mark.parametrize(
    ("sizes", "lo", "hi", "recommended", "per_group"),
    [
        ([150], 30, 30, 30, (30,)),
        ([300], 30, 60, 45, (45,)),
        ([100, 200], 30, 60, 45, (22, 23)),
        ([600], 40, 120, 80, (80,)),
        ([451], 31, 90, 60, (60,)),
    ],
)
def test_SITE_8_outside_steps(
    policy: pp.Policy,
    sizes: list[int],
    lo: int,
    hi: int,
    recommended: int,
    per_group: tuple[int, ...],
) -> None:
    r = sr.committee_sizes(OUTSIDE, sizes, policy)
    assert view(r) == [
        *head(policy, OUTSIDE, len(sizes)),
        ("SITE-8", "site.reps.outside",
         {"households": sum(sizes), "min": lo, "max": hi, "recommended": recommended},
         OUTSIDE_PARAMS, (rec(recommended, C.FEASIBLE_MIDDLE),)),
        supervisory(policy),
    ]  # fmt: skip
    assert reps_tuple(r.value.representatives) == (
        M.PER_HOUSEHOLDS,
        lo,
        hi,
        recommended,
        per_group,
        False,
    )
    assert (r.value.residents_committee.min, r.value.residents_committee.max) == (3, 7)


@pytest.mark.parametrize(("sizes", "household_max"), [([149], 29), ([60, 40], 20)])
def test_SITE_8_outside_conflict_steps(
    policy: pp.Policy, sizes: list[int], household_max: int
) -> None:
    r = sr.committee_sizes(OUTSIDE, sizes, policy)
    assert view(r)[2] == (
        "SITE-8",
        "site.reps.outside_conflict",
        {
            "households": sum(sizes),
            "household_max": household_max,
            "minimum": 30,
            "recommended": 30,
        },
        OUTSIDE_PARAMS,
        (("warning", "site.note.reps_outside_conflict", {}), rec(30, C.MINIMUM)),
    )
    reps = r.value.representatives
    assert (reps.method, reps.min, reps.max, reps.recommended, reps.conflict) == (
        M.BY_GROUPS,
        30,
        None,
        30,
        True,
    )
    assert sum(reps.per_group) == 30
    assert len(reps.per_group) == len(sizes)


def test_SITE_6_no_groups(policy: pp.Policy) -> None:
    r = sr.committee_sizes(INSIDE, [], policy)
    assert view(r)[1][2] == {"groups": 0, "leaders": 0}
    assert r.value.representatives.per_group == ()


def test_SITE_6_refusals(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.committee_sizes("inside", [80], policy)  # type: ignore[arg-type]
    assert (exc.value.obj, exc.value.field) == ("committee_sizes", "location")
    with pytest.raises(pp.InputError) as exc:
        sr.committee_sizes(INSIDE, [80, -1], policy)
    assert (exc.value.obj, exc.value.field, exc.value.value) == (
        "committee_sizes",
        "group_households",
        -1,
    )


# -- SITE-7 ---------------------------------------------------------------------------------------

BANDS = ("site.workers_medium_min_households", "site.workers_large_min_households")


@pytest.mark.parametrize(
    ("households", "key", "band", "lo", "hi", "recommended", "extra"),
    [
        (0, "site.workers.band", "site.workers_small", 9, 11, 10, ()),
        (1999, "site.workers.band", "site.workers_small", 9, 11, 10, ()),
        (2000, "site.workers.band", "site.workers_medium", 12, 14, 13,
         (("boundary", "site.note.overlap",
           {"value": 2000, "winner": WB.MEDIUM, "loser": WB.SMALL}),)),
        (2500, "site.workers.band", "site.workers_medium", 12, 14, 13, ()),
        (3000, "site.workers.band", "site.workers_medium", 12, 14, 13,
         (("boundary", "site.note.overlap",
           {"value": 3000, "winner": WB.MEDIUM, "loser": WB.LARGE}),)),
        (3001, "site.workers.large", "site.workers_large_min", 15, None, 15, ()),
    ],
)  # fmt: skip
def test_SITE_7_worker_steps(
    policy: pp.Policy,
    households: int,
    key: str,
    band: str,
    lo: int,
    hi: int | None,
    recommended: int,
    extra: tuple[Any, ...],
) -> None:
    r = sr.community_workers(households, policy)
    convention = C.MINIMUM if hi is None else C.MIDDLE
    assert view(r) == [
        ("SITE-7", key,
         {"households": households, "min": lo, "max": hi, "recommended": recommended},
         (*BANDS, band), (rec(recommended, convention), *extra)),
    ]  # fmt: skip
    assert r.steps[0].params == tuple(policy.param(n) for n in (*BANDS, band))
    v = r.value
    assert (v.min, v.max, v.recommended, v.convention) == (lo, hi, recommended, convention)


def test_SITE_7_refusals(policy: pp.Policy) -> None:
    for bad in (-1, True, "2000"):
        with pytest.raises(pp.InputError) as exc:
            sr.community_workers(bad, policy)  # type: ignore[arg-type]
        assert (exc.value.obj, exc.value.field, exc.value.value) == (
            "community_workers",
            "households",
            bad,
        )
