"""The relocation-site pack (gx-prefecture-relocation-site-management): every SITE parameter."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.policy import Bound, Range, Side, all_specs
from povertypolicy.rules import site as sr

PACK = "gx-prefecture-relocation-site-management"
SOURCE = "relocation-follow-up-documents"
OPTIONAL = {"site.group_target_inside", "site.group_target_outside"}


@pytest.fixture
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=dt.date(2024, 1, 1))


def test_site_pack_is_shipped_with_parent_cn() -> None:
    listed = {p.id: p for p in pp.packs()}
    assert listed[PACK].parent == "cn"
    assert listed[PACK].title.startswith("县（市）易地扶贫搬迁安置点")


def test_site_pack_defines_every_site_parameter(policy: pp.Policy) -> None:
    names = {n for n in all_specs() if n.startswith("site.")}
    assert {n for n in names if n in policy} == names - OPTIONAL
    for name in names - OPTIONAL:
        param = policy.param(name)
        assert param.pack_id == PACK
        assert param.citation.document == SOURCE
        assert param.citation.section is not None
        assert param.citation.section.startswith("篇一 §二")
        assert param.citation.quote


def test_site_pack_does_not_apply_before_2021() -> None:
    early = pp.Policy.load(PACK, on=dt.date(2020, 12, 31))
    with pytest.raises(pp.ParameterPeriodError):
        early.param("site.group_size_inside")


def test_site_pack_quotes_are_from_the_source(policy: pp.Policy) -> None:
    source = pp.get_source(SOURCE)
    for name in all_specs():
        if name.startswith("site.") and name in policy:
            quote = policy.param(name).citation.quote
            assert quote is not None
            assert source.find(quote, part="篇一") is not None, (name, quote)


@pytest.mark.parametrize(
    ("name", "value", "bound"),
    [
        ("site.community_min_households_inside", 1000, Bound.INCLUSIVE),
        ("site.community_min_households_outside", 300, Bound.INCLUSIVE),
        ("site.sub_district_min_population", 8000, Bound.INCLUSIVE),
        ("site.party_branch_min_members", 3, Bound.INCLUSIVE),
        ("site.party_general_branch_min_members", 50, Bound.INCLUSIVE),
        ("site.party_committee_min_members", 100, Bound.INCLUSIVE),
        ("site.deputy_secretary_min_population", 5000, Bound.INCLUSIVE),
        ("site.workers_medium_min_households", 2000, Bound.INCLUSIVE),
        ("site.workers_large_min_households", 3000, Bound.EXCLUSIVE),
        ("site.representatives_min_outside", 30, Bound.INCLUSIVE),
        ("site.union_min_members", 25, Bound.INCLUSIVE),
        ("site.league_min_members", 3, Bound.INCLUSIVE),
        ("site.grid_worker_max_households", 300, Bound.INCLUSIVE),
        ("site.centre_min_population", 800, Bound.EXCLUSIVE),
    ],
)
def test_site_thresholds_and_bounds(policy: pp.Policy, name: str, value: int, bound: Bound) -> None:
    param = policy.param(name)
    assert param.integer == value
    assert param.bound is bound
    side = all_specs()[name].threshold
    assert side in (Side.LOWER, Side.UPPER)


@pytest.mark.parametrize(
    ("name", "lo", "hi", "qualifier"),
    [
        ("site.group_size_inside", 40, 120, "原则上"),
        ("site.group_size_outside", 30, 50, "原则上"),
        ("site.branch_seats", 3, 5, "一般"),
        ("site.general_branch_seats", 5, 7, "一般"),
        ("site.committee_seats", 5, 9, "一般"),
        ("site.residents_committee_inside", 5, 9, None),
        ("site.residents_committee_outside", 3, 7, None),
        ("site.representatives_per_group_inside", 1, 3, None),
        ("site.representatives_total_inside", 50, 100, "一般"),
        ("site.households_per_representative_outside", 5, 15, None),
        ("site.workers_small", 9, 11, "一般"),
        ("site.workers_medium", 12, 14, "一般"),
        ("site.supervisory_committee", 3, 5, None),
        ("site.council_size", 5, 15, "一般"),
        ("site.owners_committee_size", 5, 11, None),
        ("site.groups_per_grid_worker", 2, 4, None),
        ("site.township_staff", 1, 2, None),
    ],
)
def test_site_ranges(policy: pp.Policy, name: str, lo: int, hi: int, qualifier: str | None) -> None:
    param = policy.param(name)
    assert param.range == Range(min=lo, max=hi)
    assert param.qualifier == qualifier


def test_site_floor_areas(policy: pp.Policy) -> None:
    assert policy.param("site.centre_floor_area_inside").decimal == 500
    assert policy.param("site.centre_floor_area_outside").decimal == 300


def _user_pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "county.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-county"
            title = "某县安置点管理细则"
            issuer = "某县民政局"
            parent = "{PACK}"
            source = {{ document = "county-notice", section = "全文" }}
            """
        )
        + textwrap.dedent(body),
        encoding="utf-8",
    )
    return path


def test_SITE_1_user_pack_overrides_one_band(tmp_path: Path) -> None:
    path = _user_pack(
        tmp_path,
        """
        [parameters."site.group_size_inside"]
        unit = "households"
        citation = { document = "county-notice", section = "第三条", quote = "每居民小组50—100户" }
        values = [{ from = 2021-01-01, value = { min = 50, max = 100 } }]
        """,
    )
    policy = pp.Policy.load(path, on=dt.date(2024, 1, 1))
    entrances = [
        pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate([30, 30, 45, 45, 60, 40])
    ]
    result = sr.partition_groups(entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy)
    assert [g.households for g in result.value] == [60, 90, 100]
    assert all(g.breach is None for g in result.value)
    assert result.params[0].pack_id == "my-county"
    # The other band is still the seed's.
    assert policy.param("site.group_size_outside").pack_id == PACK


def test_SITE_3_user_pack_sets_the_target(tmp_path: Path) -> None:
    path = _user_pack(
        tmp_path,
        """
        [parameters."site.group_target_inside"]
        unit = "households"
        citation = { document = "county-notice", section = "第四条", quote = "每组以60户左右为宜" }
        values = [{ from = 2021-01-01, value = 60 }]
        """,
    )
    policy = pp.Policy.load(path, on=dt.date(2024, 1, 1))
    entrances = [pp.Entrance(id=f"E{i}", households=30) for i in range(8)]
    result = sr.partition_groups(entrances, pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy)
    assert [g.households for g in result.value] == [60, 60, 60, 60]
    keys = [n.key for s in result.steps for n in s.notes]
    assert "site.note.target_midpoint" not in keys
    seed = sr.partition_groups(
        entrances,
        pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        pp.Policy.load(PACK, on=dt.date(2024, 1, 1)),
    )
    assert [g.households for g in seed.value] == [90, 90, 60]


def test_SITE_3_target_outside_the_band_is_refused(tmp_path: Path) -> None:
    path = _user_pack(
        tmp_path,
        """
        [parameters."site.group_target_inside"]
        unit = "households"
        citation = { document = "county-notice", section = "第四条" }
        values = [{ from = 2021-01-01, value = 150 }]
        """,
    )
    policy = pp.Policy.load(path, on=dt.date(2024, 1, 1))
    with pytest.raises(pp.RuleError) as exc:
        sr.partition_groups(
            [pp.Entrance(id="E", households=50)], pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy
        )
    assert exc.value.rule == "SITE-3"


def test_SITE_4_user_pack_moves_hundred_to_the_general_branch(tmp_path: Path) -> None:
    path = _user_pack(
        tmp_path,
        """
        [parameters."site.party_committee_min_members"]
        unit = "people"
        bound = "exclusive"
        citation = { document = "county-notice", section = "第五条", quote = "超过100人的成立党委" }
        values = [{ from = 2021-01-01, value = 100 }]
        """,
    )
    policy = pp.Policy.load(path, on=dt.date(2024, 1, 1))
    result = sr.party_organisation(100, policy)
    assert result.value.kind is sr.PartyOrgKind.GENERAL_BRANCH
    assert any(n.key == "site.note.overlap" for s in result.steps for n in s.notes)
    assert sr.party_organisation(101, policy).value.kind is sr.PartyOrgKind.COMMITTEE


def test_SITE_1_user_pack_with_exclusive_thousand(tmp_path: Path) -> None:
    path = _user_pack(
        tmp_path,
        """
        [parameters."site.community_min_households_inside"]
        unit = "households"
        bound = "exclusive"
        citation = { document = "county-notice", section = "第二条", quote = "超过1000户的" }
        values = [{ from = 2021-01-01, value = 1000 }]
        """,
    )
    policy = pp.Policy.load(path, on=dt.date(2024, 1, 1))
    site = pp.ResettlementSite(
        id="s",
        location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        population=4000,
        buildings=[pp.Building(id="B", entrances=[pp.Entrance(id="E", households=1000)])],
    )
    result = sr.management_unit(site, policy)
    assert result.value.kind is sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE
    notes = [n for s in result.steps for n in s.notes if n.key == "site.note.overlap"]
    assert notes[0].args["winner"] is sr.UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE
