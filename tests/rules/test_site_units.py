"""Relocation-site units SITE-1..SITE-3 (relocation-follow-up-documents 篇一 §二): the
management unit, the sub-district advice and the partition into villager groups, thresholds
on both sides."""

from __future__ import annotations

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

from ._site import INSIDE, OUTSIDE, make_site, note_keys
from ._site import policy as policy  # fixture

# -- SITE-1 / SITE-2 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "households", "kind"),
    [
        (INSIDE, 999, sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE),
        (INSIDE, 1000, sr.UnitKind.OWN_COMMUNITY),
        (OUTSIDE, 299, sr.UnitKind.GROUPS_UNDER_VILLAGE),
        (OUTSIDE, 300, sr.UnitKind.OWN_COMMUNITY),
        (INSIDE, 39, sr.UnitKind.JOIN_DESTINATION_GROUP),
        (INSIDE, 40, sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE),
        (OUTSIDE, 29, sr.UnitKind.JOIN_DESTINATION_GROUP),
        (OUTSIDE, 30, sr.UnitKind.GROUPS_UNDER_VILLAGE),
    ],
)
def test_SITE_1_management_unit_both_sides(
    policy: pp.Policy, location: pp.SiteLocation, households: int, kind: sr.UnitKind
) -> None:
    site = make_site([households], location=location)
    result = sr.management_unit(site, policy)
    assert result.value.kind is kind
    assert result.rules == ("SITE-1", "SITE-2")


def test_SITE_1_outside_small_sites_form_villager_groups(policy: pp.Policy) -> None:
    small = sr.management_unit(make_site([299], location=OUTSIDE), policy).value
    big = sr.management_unit(make_site([300], location=OUTSIDE), policy).value
    assert small.group_kind is sr.GroupKind.VILLAGER_GROUP
    assert big.group_kind is sr.GroupKind.RESIDENTS_GROUP
    assert big.group_band.min == 30
    assert big.group_band.max == 50


def test_SITE_1_threshold_in_both_bands_is_explained(policy: pp.Policy) -> None:
    at = sr.management_unit(make_site([1000]), policy)
    assert "site.note.overlap" in note_keys(at)
    assert "1,000" in at.explain("en")
    assert "site.note.overlap" not in note_keys(sr.management_unit(make_site([1001]), policy))


def test_SITE_1_existing_community_note(policy: pp.Policy) -> None:
    result = sr.management_unit(make_site([1200], existing_community=True), policy)
    assert "site.note.existing_community" in note_keys(result)
    assert "site.note.existing_community_not_recorded" not in note_keys(result)
    result = sr.management_unit(make_site([1200], existing_community=False), policy)
    assert not {k for k in note_keys(result) if k.startswith("site.note.existing_community")}


def test_SITE_1_existing_community_not_recorded_is_said(policy: pp.Policy) -> None:
    unknown = sr.management_unit(make_site([1200]), policy)
    assert note_keys(unknown).count("site.note.existing_community_not_recorded") == 1
    assert "site.note.existing_community" not in note_keys(unknown)
    assert "whether the site already has a community is not recorded" in unknown.explain("en")
    assert "是否已成立社区未记录" in unknown.explain("zh_Hans")
    assert "是否已成立社區未記錄" in unknown.explain("zh_Hant")
    # the unit itself is decided by the household count alone
    known = sr.management_unit(make_site([1200], existing_community=False), policy)
    assert unknown.value == known.value


@pytest.mark.parametrize(("population", "may"), [(7999, False), (8000, True)])
def test_SITE_2_sub_district_is_advice(policy: pp.Policy, population: int, may: bool) -> None:
    result = sr.management_unit(make_site([1200], population=population), policy)
    assert result.value.sub_district_may_apply is may
    assert ("site.note.sub_district_advisory" in note_keys(result)) is may


# -- SITE-3 -------------------------------------------------------------------------------------


def test_SITE_3_entrances_stay_whole_and_in_order(policy: pp.Policy) -> None:
    sizes = [30, 30, 50, 70, 10, 40, 90]
    entrances = [pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(sizes)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [e for g in groups for e in g.entrance_ids] == [e.id for e in entrances]
    assert all(40 <= g.households <= 120 and g.breach is None for g in groups)
    assert sum(g.households for g in groups) == sum(sizes)


def test_SITE_3_entrance_above_max_is_marked_not_split(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id="A", households=60), pp.Entrance(id="Big", households=130)]
    result = sr.partition_groups(entrances, INSIDE, policy)
    groups = result.value
    assert [g.entrance_ids for g in groups] == [("A",), ("Big",)]
    assert groups[0].breach is None
    assert groups[1].breach is sr.GroupBreach.ENTRANCE_ABOVE_MAX
    assert "site.groups.breach" in [s.key for s in result.steps]


def test_SITE_3_site_below_min_is_one_marked_group(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id="A", households=10), pp.Entrance(id="B", households=15)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert len(groups) == 1
    assert groups[0].breach is sr.GroupBreach.SITE_BELOW_MIN
    assert groups[0].households == 25


def test_SITE_3_no_valid_split_is_marked_above_max(policy: pp.Policy) -> None:
    # 120 + 20: a group of 120 and one of 20 (20 short) ties a group of 140 (20 over) on
    # households outside the band; 140 is closer to the target of 80, so it wins.
    entrances = [pp.Entrance(id="A", households=120), pp.Entrance(id="B", households=20)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [(g.entrance_ids, g.breach) for g in groups] == [(("A", "B"), sr.GroupBreach.ABOVE_MAX)]


def test_SITE_3_leftover_below_min_is_marked(policy: pp.Policy) -> None:
    # 30 between two full groups: alone it is 10 short; joined to either side it is 30 over.
    entrances = [
        pp.Entrance(id="A", households=120),
        pp.Entrance(id="B", households=30),
        pp.Entrance(id="C", households=120),
    ]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [g.entrance_ids for g in groups] == [("A",), ("B",), ("C",)]
    assert [g.breach for g in groups] == [None, sr.GroupBreach.BELOW_MIN, None]


def test_SITE_3_entrance_above_max_takes_the_leftover(policy: pp.Policy) -> None:
    # 130 is above the maximum whatever happens; adding the 20 costs less than a group of 20.
    entrances = [pp.Entrance(id="A", households=130), pp.Entrance(id="B", households=20)]
    groups = sr.partition_groups(entrances, INSIDE, policy).value
    assert [(g.entrance_ids, g.breach) for g in groups] == [
        (("A", "B"), sr.GroupBreach.ENTRANCE_ABOVE_MAX)
    ]


def test_SITE_3_outside_band_and_villager_groups(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id=f"E{i}", households=20) for i in range(6)]
    groups = sr.partition_groups(entrances, OUTSIDE, policy).value
    assert all(30 <= g.households <= 50 for g in groups)
    assert all(g.kind is sr.GroupKind.VILLAGER_GROUP for g in groups)


def test_SITE_3_target_is_midpoint_by_convention(policy: pp.Policy) -> None:
    entrances = [pp.Entrance(id=f"E{i}", households=40) for i in range(6)]
    result = sr.partition_groups(entrances, INSIDE, policy)
    # 240 households, target 80: three groups of two entrances beat any other split.
    assert [g.households for g in result.value] == [80, 80, 80]
    assert "site.note.target_midpoint" in note_keys(result)
    assert "site.note.objective" in note_keys(result)


def test_SITE_3_bad_input_is_an_input_error(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError):
        sr.partition_groups([40, 50], INSIDE, policy)  # type: ignore[list-item]
    with pytest.raises(pp.InputError):
        sr.partition_groups([], "inside", policy)  # type: ignore[arg-type]
