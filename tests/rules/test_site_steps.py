"""SITE-10 step by step: per branch the rule ID, message key, inputs, parameters and notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

from .test_not_recorded_sweep import full_site


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


def recommended(value: int) -> tuple[str, str, dict[str, Any]]:
    return (
        "convention",
        "site.note.recommended",
        {"value": value, "convention": sr.Convention.ODD_NEAR_MIDDLE},
    )


COUNCIL_RANGE_PARAM = ("site.council_size",)
OWNERS_PARAMS = ("site.owners_committee_size", "site.owners_committee_parity")


@pytest.mark.parametrize(
    ("union", "league", "mature", "community", "u_key", "l_key", "o_key"),
    [
        (30, 5, True, True, "yes", "yes", "yes"),
        (25, 3, False, True, "yes", "yes", "no"),
        (24, 2, None, True, "no", "no", "not_recorded"),
        (None, None, None, False, "not_recorded", "not_recorded", "no"),
        (0, 0, True, False, "no", "no", "no"),
    ],
)
def test_SITE_10_steps(
    policy: pp.Policy,
    union: int | None,
    league: int | None,
    mature: bool | None,
    community: bool,
    u_key: str,
    l_key: str,
    o_key: str,
) -> None:
    site = attrs.evolve(
        full_site(), union_members=union, league_members=league, owners_conditions_mature=mature
    )
    r = sr.affiliated_organisations(site, policy, councils=3, community=community)
    v = r.value
    decided = {"yes": True, "no": False, "not_recorded": None}
    assert v.union_committee is decided[u_key]
    assert v.league_branch is decided[l_key]
    assert v.women_federation is community
    assert v.women_federation_chairs == (1 if community else 0)
    assert v.councils == 3
    assert (v.council_size.min, v.council_size.max, v.council_size.recommended) == (5, 15, 9)
    assert v.owners_committee_sizes == (5, 7, 9, 11)
    if o_key == "yes":
        assert v.owners_committee is not None
        assert (v.owners_committee.min, v.owners_committee.max) == (5, 11)
        assert v.owners_committee.recommended == 7
    else:
        assert v.owners_committee is None
    missing = tuple(
        name
        for name, key in (
            ("union_members", u_key),
            ("league_members", l_key),
            ("owners_conditions_mature", o_key),
        )
        if key == "not_recorded"
    )
    assert v.not_recorded == missing
    owners_step: tuple[Any, ...] = (
        ("SITE-10", "site.affiliated.owners.yes", {"sizes": [5, 7, 9, 11], "recommended": 7},
         OWNERS_PARAMS, (recommended(7),))
        if o_key == "yes"
        else ("SITE-10", f"site.affiliated.owners.{o_key}", {"sizes": [5, 7, 9, 11]},
              OWNERS_PARAMS, ())
    )  # fmt: skip
    council = policy.param("site.council_size")
    assert view(r) == [
        ("SITE-10", f"site.affiliated.union.{u_key}", {"members": union},
         ("site.union_min_members",), ()),
        ("SITE-10", f"site.affiliated.league.{l_key}", {"members": league},
         ("site.league_min_members",), ()),
        ("SITE-10", "site.affiliated.women.yes" if community else "site.affiliated.women.no",
         {"chairs": 1}, ("site.women_federation_chairs",), ()),
        ("SITE-10", "site.affiliated.councils",
         {"councils": 3, "range": council.range, "recommended": 9}, COUNCIL_RANGE_PARAM,
         (recommended(9),)),
        owners_step,
    ]  # fmt: skip
    assert all(s.rule == "SITE-10" for s in r.steps)


def test_SITE_10_refusals(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.affiliated_organisations("S1", policy, councils=1)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "affiliated_organisations",
        "site",
        "S1",
        "a ResettlementSite",
    )
    for bad in (-1, True):
        with pytest.raises(pp.InputError) as exc:
            sr.affiliated_organisations(full_site(), policy, councils=bad)
        assert (exc.value.obj, exc.value.field, exc.value.value) == (
            "affiliated_organisations",
            "councils",
            bad,
        )
