"""SITE-1 .. SITE-3 step by step: per branch the rule ID, message key, inputs, parameters, notes."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr
from tests.error_texts import check_rule_error

from ._site import make_site

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA
PACK = "gx-prefecture-relocation-site-management"
U = sr.UnitKind
G = sr.GroupKind
B = sr.GroupBreach


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=dt.date(2024, 1, 1))


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


def entrances(*sizes: int) -> list[pp.Entrance]:
    return [pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(sizes)]


def _target_pack(tmp_path: Path, inside: int, outside: int) -> pp.Policy:
    path = tmp_path / "county.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-county"
            title = "某县安置点管理细则"
            issuer = "某县民政局"
            parent = "{PACK}"
            source = {{ document = "county-notice", section = "全文" }}

            [parameters."site.group_target_inside"]
            unit = "households"
            citation = {{ document = "county-notice", section = "第四条" }}
            values = [{{ from = 2021-01-01, value = {inside} }}]

            [parameters."site.group_target_outside"]
            unit = "households"
            citation = {{ document = "county-notice", section = "第五条" }}
            values = [{{ from = 2021-01-01, value = {outside} }}]
            """
        ),
        encoding="utf-8",
    )
    return pp.Policy.load(path, on=dt.date(2024, 1, 1))


# -- SITE-1 / SITE-2: management_unit -------------------------------------------------------------

NOT_RECORDED: tuple[Any, ...] = ("warning", "site.note.existing_community_not_recorded", {})


@pytest.mark.parametrize(
    ("location", "households", "kind", "group_kind", "extra"),
    [
        (INSIDE, 1000, U.OWN_COMMUNITY, G.RESIDENTS_GROUP,
         (("boundary", "site.note.overlap",
           {"value": 1000, "winner": U.OWN_COMMUNITY,
            "loser": U.GROUPS_UNDER_RESIDENTS_COMMITTEE}),)),
        (INSIDE, 1001, U.OWN_COMMUNITY, G.RESIDENTS_GROUP, ()),
        (INSIDE, 999, U.GROUPS_UNDER_RESIDENTS_COMMITTEE, G.RESIDENTS_GROUP, ()),
        (INSIDE, 40, U.GROUPS_UNDER_RESIDENTS_COMMITTEE, G.RESIDENTS_GROUP, ()),
        (INSIDE, 39, U.JOIN_DESTINATION_GROUP, G.RESIDENTS_GROUP,
         (("convention", "site.note.too_small", {"min": 40}),)),
        (OUTSIDE, 300, U.OWN_COMMUNITY, G.RESIDENTS_GROUP,
         (("boundary", "site.note.overlap",
           {"value": 300, "winner": U.OWN_COMMUNITY, "loser": U.GROUPS_UNDER_VILLAGE}),)),
        (OUTSIDE, 299, U.GROUPS_UNDER_VILLAGE, G.VILLAGER_GROUP, ()),
        (OUTSIDE, 30, U.GROUPS_UNDER_VILLAGE, G.VILLAGER_GROUP, ()),
        (OUTSIDE, 29, U.JOIN_DESTINATION_GROUP, G.VILLAGER_GROUP,
         (("convention", "site.note.too_small", {"min": 30}),)),
    ],
)  # fmt: skip
def test_SITE_1_unit_steps(
    policy: pp.Policy,
    location: pp.SiteLocation,
    households: int,
    kind: sr.UnitKind,
    group_kind: sr.GroupKind,
    extra: tuple[Any, ...],
) -> None:
    site = make_site([households], location=location, population=7999)
    r = sr.management_unit(site, policy)
    inside = location is INSIDE
    threshold = (
        "site.community_min_households_inside"
        if inside
        else "site.community_min_households_outside"
    )
    band = "site.group_size_inside" if inside else "site.group_size_outside"
    assert view(r) == [
        ("SITE-1", "site.unit",
         {"location": location, "households": households, "kind": kind,
          "group_kind": group_kind, "band": policy.param(band).range},
         (threshold, band), (*extra, NOT_RECORDED)),
        ("SITE-2", "site.sub_district.no", {"population": 7999},
         ("site.sub_district_min_population",), ()),
    ]  # fmt: skip
    assert r.steps[0].params == (policy.param(threshold), policy.param(band))
    assert [c.section for c in r.steps[0].citations] == ["篇一 §二(一)", "篇一 §二(一)"]
    v = r.value
    assert (v.kind, v.group_kind, v.location, v.households, v.population) == (
        kind,
        group_kind,
        location,
        households,
        7999,
    )
    assert v.group_band == policy.param(band).range
    assert v.sub_district_may_apply is False


@pytest.mark.parametrize(
    ("existing", "notes"),
    [
        (True, (("default", "site.note.existing_community", {}),)),
        (False, ()),
        (None, (NOT_RECORDED,)),
    ],
)
def test_SITE_1_existing_community_notes(
    policy: pp.Policy, existing: bool | None, notes: tuple[Any, ...]
) -> None:
    site = make_site([500], location=INSIDE, existing_community=existing)
    assert view(sr.management_unit(site, policy))[0][4] == notes


@pytest.mark.parametrize(
    ("population", "key", "notes", "may"),
    [
        (8000, "site.sub_district.yes",
         (("default", "site.note.sub_district_advisory", {}),), True),
        (8001, "site.sub_district.yes",
         (("default", "site.note.sub_district_advisory", {}),), True),
        (7999, "site.sub_district.no", (), False),
    ],
)  # fmt: skip
def test_SITE_2_sub_district_steps(
    policy: pp.Policy, population: int, key: str, notes: tuple[Any, ...], may: bool
) -> None:
    r = sr.management_unit(make_site([2000], population=population), policy)
    assert view(r)[1] == (
        "SITE-2",
        key,
        {"population": population},
        ("site.sub_district_min_population",),
        notes,
    )
    assert r.steps[1].params == (policy.param("site.sub_district_min_population"),)
    assert r.value.sub_district_may_apply is may
    assert r.value.population == population


def test_SITE_1_refuses_what_is_not_a_site(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.management_unit("S1", policy)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "management_unit",
        "site",
        "S1",
        "a ResettlementSite",
    )


# -- SITE-3: partition_groups ---------------------------------------------------------------------

OBJECTIVE: tuple[Any, ...] = ("convention", "site.note.objective", {})
MIDPOINT: tuple[Any, ...] = ("convention", "site.note.target_midpoint", {})
WHOLE: tuple[Any, ...] = (("warning", "site.note.entrances_whole", {}),)


def summary(
    policy: pp.Policy,
    location: pp.SiteLocation,
    *,
    entrances: int,
    households: int,
    groups: int,
    kind: sr.GroupKind,
    target: Decimal,
    breaches: int,
    params: tuple[str, ...] = (),
    notes: tuple[Any, ...] = (MIDPOINT, OBJECTIVE),
) -> tuple[Any, ...]:
    band = "site.group_size_inside" if location is INSIDE else "site.group_size_outside"
    return (
        "SITE-3",
        "site.groups.summary",
        {
            "entrances": entrances,
            "households": households,
            "groups": groups,
            "group_kind": kind,
            "band": policy.param(band).range,
            "target": target,
            "breaches": breaches,
        },
        (band, *params),
        notes,
    )


def group(number: int, members: list[str], households: int) -> tuple[Any, ...]:
    return (
        "SITE-3",
        "site.groups.group",
        {"number": number, "entrances": members, "households": households},
        (),
        (),
    )


def breach(
    policy: pp.Policy, number: int, members: list[str], households: int, reason: sr.GroupBreach
) -> tuple[Any, ...]:
    return (
        "SITE-3",
        "site.groups.breach",
        {
            "number": number,
            "entrances": members,
            "households": households,
            "band": policy.param("site.group_size_inside").range,
            "reason": reason,
        },
        (),
        WHOLE,
    )


def test_SITE_3_valid_groups_steps(policy: pp.Policy) -> None:
    r = sr.partition_groups(entrances(40, 40, 40, 40, 40, 40), INSIDE, policy)
    assert view(r) == [
        summary(policy, INSIDE, entrances=6, households=240, groups=3,
                kind=G.RESIDENTS_GROUP, target=Decimal(80), breaches=0),
        group(1, ["E0", "E1"], 80),
        group(2, ["E2", "E3"], 80),
        group(3, ["E4", "E5"], 80),
    ]  # fmt: skip
    assert r.steps[0].params == (policy.param("site.group_size_inside"),)
    assert [(g.number, g.kind, g.entrance_ids, g.households, g.breach) for g in r.value] == [
        (1, G.RESIDENTS_GROUP, ("E0", "E1"), 80, None),
        (2, G.RESIDENTS_GROUP, ("E2", "E3"), 80, None),
        (3, G.RESIDENTS_GROUP, ("E4", "E5"), 80, None),
    ]


def test_SITE_3_band_edges_are_inside_the_band(policy: pp.Policy) -> None:
    r = sr.partition_groups(entrances(120, 40), INSIDE, policy)
    assert view(r)[1:] == [group(1, ["E0"], 120), group(2, ["E1"], 40)]
    assert [g.breach for g in r.value] == [None, None]


def test_SITE_3_outside_villager_groups_steps(policy: pp.Policy) -> None:
    r = sr.partition_groups(entrances(20, 20, 20, 20, 20, 20), OUTSIDE, policy)
    assert view(r) == [
        summary(policy, OUTSIDE, entrances=6, households=120, groups=3,
                kind=G.VILLAGER_GROUP, target=Decimal(40), breaches=0),
        group(1, ["E0", "E1"], 40),
        group(2, ["E2", "E3"], 40),
        group(3, ["E4", "E5"], 40),
    ]  # fmt: skip
    assert all(g.kind is G.VILLAGER_GROUP for g in r.value)


def test_SITE_3_kind_given_overrides_the_location(policy: pp.Policy) -> None:
    r = sr.partition_groups(entrances(80), INSIDE, policy, kind=G.VILLAGER_GROUP)
    assert r.steps[0].inputs["group_kind"] is G.VILLAGER_GROUP
    assert r.value[0].kind is G.VILLAGER_GROUP
    r = sr.partition_groups(entrances(40), OUTSIDE, policy, kind=G.RESIDENTS_GROUP)
    assert r.steps[0].inputs["group_kind"] is G.RESIDENTS_GROUP
    assert r.value[0].kind is G.RESIDENTS_GROUP


def test_SITE_3_breach_steps_each_reason(policy: pp.Policy) -> None:
    r = sr.partition_groups(entrances(60, 121), INSIDE, policy)
    assert view(r) == [
        summary(policy, INSIDE, entrances=2, households=181, groups=2,
                kind=G.RESIDENTS_GROUP, target=Decimal(80), breaches=1),
        group(1, ["E0"], 60),
        breach(policy, 2, ["E1"], 121, B.ENTRANCE_ABOVE_MAX),
    ]  # fmt: skip
    assert [g.breach for g in r.value] == [None, B.ENTRANCE_ABOVE_MAX]
    # an entrance of exactly the maximum is not itself above it
    r = sr.partition_groups(entrances(120, 20), INSIDE, policy)
    assert view(r)[1:] == [breach(policy, 1, ["E0", "E1"], 140, B.ABOVE_MAX)]
    assert r.steps[0].inputs["breaches"] == 1
    r = sr.partition_groups(entrances(120, 30, 120), INSIDE, policy)
    assert view(r)[1:] == [
        group(1, ["E0"], 120),
        breach(policy, 2, ["E1"], 30, B.BELOW_MIN),
        group(3, ["E2"], 120),
    ]
    r = sr.partition_groups(entrances(10, 29), INSIDE, policy)
    assert view(r) == [
        summary(policy, INSIDE, entrances=2, households=39, groups=1,
                kind=G.RESIDENTS_GROUP, target=Decimal(80), breaches=1),
        breach(policy, 1, ["E0", "E1"], 39, B.SITE_BELOW_MIN),
    ]  # fmt: skip
    assert [(g.number, g.households, g.breach) for g in r.value] == [(1, 39, B.SITE_BELOW_MIN)]


def test_SITE_3_two_breaches_are_counted(policy: pp.Policy) -> None:
    r = sr.partition_groups(entrances(130, 50, 130), INSIDE, policy)
    assert r.steps[0].inputs["breaches"] == sum(g.breach is not None for g in r.value)
    assert r.steps[0].inputs["breaches"] >= 2


def test_SITE_3_no_entrances_no_groups(policy: pp.Policy) -> None:
    r = sr.partition_groups([], INSIDE, policy)
    assert r.value == ()
    assert view(r) == [
        summary(policy, INSIDE, entrances=0, households=0, groups=0,
                kind=G.RESIDENTS_GROUP, target=Decimal(80), breaches=0),
    ]  # fmt: skip


def test_SITE_3_odd_midpoint_target_is_a_half(policy: pp.Policy, tmp_path: Path) -> None:
    path = tmp_path / "band.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-county"
            title = "某县安置点管理细则"
            issuer = "某县民政局"
            parent = "{PACK}"
            source = {{ document = "county-notice", section = "全文" }}

            [parameters."site.group_size_inside"]
            unit = "households"
            citation = {{ document = "county-notice", section = "第三条" }}
            values = [{{ from = 2021-01-01, value = {{ min = 40, max = 121 }} }}]
            """
        ),
        encoding="utf-8",
    )
    odd = pp.Policy.load(path, on=dt.date(2024, 1, 1))
    r = sr.partition_groups(entrances(80), INSIDE, odd)
    assert r.steps[0].inputs["target"] == Decimal("80.5")


@pytest.mark.parametrize(("inside", "outside"), [(40, 30), (120, 50), (60, 45)])
def test_SITE_3_target_from_the_pack(tmp_path: Path, inside: int, outside: int) -> None:
    policy = _target_pack(tmp_path, inside, outside)
    r = sr.partition_groups(entrances(30, 30), INSIDE, policy)
    assert view(r)[0] == summary(
        policy, INSIDE, entrances=2, households=60, groups=1, kind=G.RESIDENTS_GROUP,
        target=Decimal(inside), breaches=0, params=("site.group_target_inside",),
        notes=(OBJECTIVE,),
    )  # fmt: skip
    assert r.steps[0].params[1] == policy.param("site.group_target_inside")
    r = sr.partition_groups(entrances(30, 30), OUTSIDE, policy)
    assert view(r)[0] == summary(
        policy, OUTSIDE, entrances=2, households=60, groups=2, kind=G.VILLAGER_GROUP,
        target=Decimal(outside), breaches=0, params=("site.group_target_outside",),
        notes=(OBJECTIVE,),
    )  # fmt: skip


def test_SITE_3_target_drives_the_split(tmp_path: Path) -> None:
    # 8 × 30 = 240: the midpoint 80 gives 90 + 90 + 60; a target of 60 gives four of 60.
    policy = _target_pack(tmp_path, 60, 40)
    r = sr.partition_groups(entrances(*[30] * 8), INSIDE, policy)
    assert [g.households for g in r.value] == [60, 60, 60, 60]


@pytest.mark.parametrize(
    ("inside", "outside", "name", "value", "band"),
    [
        (39, 40, "site.group_target_inside", 39, "40–120"),
        (121, 40, "site.group_target_inside", 121, "40–120"),
        (80, 29, "site.group_target_outside", 29, "30–50"),
        (80, 51, "site.group_target_outside", 51, "30–50"),
    ],
)
def test_SITE_3_target_outside_the_band_is_refused(
    tmp_path: Path, inside: int, outside: int, name: str, value: int, band: str
) -> None:
    policy = _target_pack(tmp_path, inside, outside)
    location = INSIDE if name.endswith("inside") else OUTSIDE
    with pytest.raises(pp.RuleError) as exc:
        sr.partition_groups(entrances(40), location, policy)
    assert exc.value.rule == "SITE-3"
    assert str(exc.value.message) == f"{name} = {value} lies outside the band {band}"
    lo, hi = (int(x) for x in band.split("–"))
    check_rule_error(
        exc.value,
        "site.error.group_target_outside_band",
        {"param": name, "target": value, "min": lo, "max": hi},
    )


def test_SITE_3_refusals(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.partition_groups([], "inside", policy)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value) == ("partition_groups", "location", "inside")
    for bad in ("E1", {pp.Entrance(id="E", households=1)}, None):
        with pytest.raises(pp.InputError) as exc:
            sr.partition_groups(bad, INSIDE, policy)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "partition_groups",
            "entrances",
            bad,
            "a sequence of Entrance",
        )
    with pytest.raises(pp.InputError) as exc:
        sr.partition_groups([pp.Entrance(id="E", households=1), 40], INSIDE, policy)  # type: ignore[list-item]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "partition_groups",
        "entrances",
        40,
        "each item an Entrance",
    )


def test_SITE_3_a_tie_goes_to_the_shortest_last_group(policy: pp.Policy) -> None:
    # 40 + 40 + 40, target 80: (80, 40), (40, 80) and (120) all cost 40² × 4; the DP keeps
    # the shortest last group, so street order fills the first group to the target.
    r = sr.partition_groups(entrances(40, 40, 40), INSIDE, policy)
    assert [g.entrance_ids for g in r.value] == [("E0", "E1"), ("E2",)]
    assert [g.households for g in r.value] == [80, 40]
