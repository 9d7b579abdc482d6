"""SITE-4 / SITE-5 step by step: per branch the rule ID, message key, inputs, parameters, notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

K = sr.PartyOrgKind
R = sr.DeputyReason
PARTY_PARAMS = (
    "site.party_branch_min_members",
    "site.party_general_branch_min_members",
    "site.party_committee_min_members",
)
DEPUTY_PARAMS = ("site.deputy_secretary_min_population", "site.extra_deputy_secretaries")


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
            s.citation,
        )
        for s in result.steps
    ]


def rec(value: int) -> tuple[str, str, dict[str, Any]]:
    return (
        "convention",
        "site.note.recommended",
        {"value": value, "convention": sr.Convention.ODD_NEAR_MIDDLE},
    )


JOINT: tuple[Any, ...] = ("convention", "site.note.joint_branch_seats", {})


@pytest.mark.parametrize(
    ("members", "key", "kind", "overlap", "seats", "lo", "hi", "recommended", "extra"),
    [
        (1, "site.party.joint_branch", K.JOINT_BRANCH, (), "site.branch_seats", 3, 5, 3,
         (JOINT,)),
        (2, "site.party.joint_branch", K.JOINT_BRANCH, (), "site.branch_seats", 3, 5, 3,
         (JOINT,)),
        (3, "site.party.branch", K.BRANCH, (), "site.branch_seats", 3, 5, 3, ()),
        (49, "site.party.branch", K.BRANCH, (), "site.branch_seats", 3, 5, 3, ()),
        (50, "site.party.general_branch", K.GENERAL_BRANCH, (), "site.general_branch_seats",
         5, 7, 5, ()),
        (99, "site.party.general_branch", K.GENERAL_BRANCH, (), "site.general_branch_seats",
         5, 7, 5, ()),
        (100, "site.party.committee", K.COMMITTEE,
         (("boundary", "site.note.overlap",
           {"value": 100, "winner": K.COMMITTEE, "loser": K.GENERAL_BRANCH}),),
         "site.committee_seats", 5, 9, 7, ()),
        (101, "site.party.committee", K.COMMITTEE, (), "site.committee_seats", 5, 9, 7, ()),
    ],
)  # fmt: skip
def test_SITE_4_party_steps(
    policy: pp.Policy,
    members: int,
    key: str,
    kind: sr.PartyOrgKind,
    overlap: tuple[Any, ...],
    seats: str,
    lo: int,
    hi: int,
    recommended: int,
    extra: tuple[Any, ...],
) -> None:
    r = sr.party_organisation(members, policy)
    assert view(r) == [
        ("SITE-4", key, {"members": members, "kind": kind}, PARTY_PARAMS, overlap, None),
        ("SITE-4", "site.party.seats",
         {"kind": kind, "range": policy.param(seats).range, "recommended": recommended},
         (seats,), (rec(recommended), *extra), None),
    ]  # fmt: skip
    assert r.steps[0].params == tuple(policy.param(n) for n in PARTY_PARAMS)
    v = r.value
    assert (v.kind, v.members) == (kind, members)
    assert v.seats is not None
    assert (v.seats.min, v.seats.max, v.seats.recommended) == (lo, hi, recommended)


def test_SITE_4_no_members_an_instructor(policy: pp.Policy) -> None:
    r = sr.party_organisation(0, policy)
    assert view(r) == [
        (
            "SITE-4",
            "site.party.instructor",
            {"members": 0, "kind": K.INSTRUCTOR},
            PARTY_PARAMS,
            (),
            None,
        )
    ]
    assert (r.value.kind, r.value.members, r.value.seats) == (K.INSTRUCTOR, 0, None)


def test_SITE_4_members_not_recorded(policy: pp.Policy) -> None:
    r = sr.party_organisation(None, policy)
    assert view(r) == [("SITE-4", "site.party.not_recorded", {}, PARTY_PARAMS, (), None)]
    assert (r.value.kind, r.value.members, r.value.seats) == (None, None, None)


def test_SITE_4_refusals(policy: pp.Policy) -> None:
    for bad in (-1, True, "3"):
        with pytest.raises(pp.InputError) as exc:
            sr.party_organisation(bad, policy)  # type: ignore[arg-type]
        assert (exc.value.obj, exc.value.field, exc.value.value) == (
            "party_organisation",
            "members",
            bad,
        )


# -- SITE-5 ---------------------------------------------------------------------------------------

MAY: tuple[Any, ...] = (("default", "site.note.deputy_may", {}),)


@pytest.mark.parametrize(
    ("kind", "shoulder", "population", "reasons"),
    [
        (K.COMMITTEE, True, 6000, [R.PARTY_COMMITTEE, R.ONE_SHOULDER, R.POPULATION]),
        (K.COMMITTEE, False, 10, [R.PARTY_COMMITTEE]),
        (K.BRANCH, True, 10, [R.ONE_SHOULDER]),
        (K.BRANCH, False, 5000, [R.POPULATION]),
        (None, None, 5000, [R.POPULATION]),
        (K.GENERAL_BRANCH, None, 5001, [R.POPULATION]),
        (K.BRANCH, False, 4999, []),
        (K.INSTRUCTOR, False, 0, []),
    ],
)
def test_SITE_5_deputy_steps(
    policy: pp.Policy,
    kind: sr.PartyOrgKind | None,
    shoulder: bool | None,
    population: int,
    reasons: list[sr.DeputyReason],
) -> None:
    r = sr.deputy_secretary(kind, policy, population=population, secretary_is_director=shoulder)
    may = bool(reasons)
    assert view(r) == [
        ("SITE-5", "site.deputy.yes" if may else "site.deputy.no",
         {"kind": kind, "one_shoulder": shoulder, "population": population,
          "reasons": reasons, "extra": 1},
         DEPUTY_PARAMS, MAY if may else (), None),
    ]  # fmt: skip
    assert r.steps[0].params == tuple(policy.param(n) for n in DEPUTY_PARAMS)
    v = r.value
    assert (v.may_add, v.extra, v.reasons) == (may, 1 if may else 0, tuple(reasons))


@pytest.mark.parametrize(
    ("kind", "shoulder", "unknown"),
    [
        (None, None, [R.PARTY_COMMITTEE, R.ONE_SHOULDER]),
        (K.BRANCH, None, [R.ONE_SHOULDER]),
        (None, False, [R.PARTY_COMMITTEE]),
    ],
)
def test_SITE_5_undetermined_steps(
    policy: pp.Policy,
    kind: sr.PartyOrgKind | None,
    shoulder: bool | None,
    unknown: list[sr.DeputyReason],
) -> None:
    r = sr.deputy_secretary(kind, policy, population=4999, secretary_is_director=shoulder)
    assert view(r) == [
        (
            "SITE-5",
            "site.deputy.undetermined",
            {"unknown": unknown, "population": 4999},
            DEPUTY_PARAMS,
            (),
            None,
        )
    ]
    assert (r.value.may_add, r.value.extra, r.value.reasons) == (None, 0, ())


def test_SITE_5_one_shoulder_not_recorded_by_default(policy: pp.Policy) -> None:
    r = sr.deputy_secretary(K.BRANCH, policy, population=10)
    assert r.steps[0].key == "site.deputy.undetermined"


def test_SITE_5_refusals(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.deputy_secretary("branch", policy, population=10)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "deputy_secretary",
        "kind",
        "branch",
        "a PartyOrgKind or None",
    )
    for bad in (-1, True):
        with pytest.raises(pp.InputError) as exc:
            sr.deputy_secretary(K.BRANCH, policy, population=bad)
        assert (exc.value.obj, exc.value.field, exc.value.value) == (
            "deputy_secretary",
            "population",
            bad,
        )
    with pytest.raises(pp.InputError) as exc:
        sr.deputy_secretary(
            K.BRANCH,
            policy,
            population=10,
            secretary_is_director="yes",  # type: ignore[arg-type]
        )
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "deputy_secretary",
        "secretary_is_director",
        "yes",
        "True, False or None (not recorded)",
    )
