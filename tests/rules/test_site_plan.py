"""The issue-3 worked example: 2,400 households, 9,600 people, 14 buildings, 62 party members."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

HOUSEHOLDS_PER_ENTRANCE = [
    [42, 48, 60],
    [60, 48],
    [54, 66, 42, 54],
    [54, 54, 66],
    [42, 54, 54],
    [66, 48, 48, 60],
    [54, 66],
    [48, 60, 66],
    [42, 54, 54, 66],
    [60, 48, 54],
    [54, 66],
    [48, 60, 60, 48],
    [48, 48, 60],
    [60, 48, 48, 60],
]


@pytest.fixture
def site() -> pp.ResettlementSite:
    return pp.ResettlementSite(
        id="sample-site",
        location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        population=9600,
        party_members=62,
        buildings=[
            pp.Building(
                id=f"B{b}",
                entrances=[pp.Entrance(id=f"B{b}-{e}", households=h) for e, h in enumerate(row, 1)],
            )
            for b, row in enumerate(HOUSEHOLDS_PER_ENTRANCE, 1)
        ],
    )


@pytest.fixture
def plan(site: pp.ResettlementSite) -> pp.Result[sr.SitePlan]:
    policy = pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 3, 1))
    return sr.plan_site(site, policy, start=dt.date(2024, 3, 1), months=2)


def test_SITE_1_worked_example_site(site: pp.ResettlementSite) -> None:
    assert site.households == 2400
    assert len(site.buildings) == 14
    assert all(2 <= len(b.entrances) <= 4 for b in site.buildings)


def test_SITE_1_SITE_2_worked_example_management_unit(plan: pp.Result[sr.SitePlan]) -> None:
    mu = plan.value.management_unit
    assert mu.kind is sr.UnitKind.OWN_COMMUNITY
    assert mu.sub_district_may_apply  # 9,600 ≥ 8,000: advice only


def test_SITE_3_worked_example_groups(
    plan: pp.Result[sr.SitePlan], site: pp.ResettlementSite
) -> None:
    groups = plan.value.groups
    assert len(groups) == 31
    assert all(40 <= g.households <= 120 and g.breach is None for g in groups)
    assert [e for g in groups for e in g.entrance_ids] == [e.id for e in site.entrances]
    assert sum(g.households for g in groups) == 2400


def test_SITE_4_SITE_5_worked_example_party(plan: pp.Result[sr.SitePlan]) -> None:
    party = plan.value.party_organisation
    assert party.kind is sr.PartyOrgKind.GENERAL_BRANCH
    assert party.seats is not None
    assert (party.seats.min, party.seats.max, party.seats.recommended) == (5, 7, 5)
    deputy = plan.value.deputy_secretary
    assert deputy.may_add
    assert deputy.reasons == (sr.DeputyReason.POPULATION,)


def test_SITE_6_SITE_7_SITE_9_worked_example_committees(plan: pp.Result[sr.SitePlan]) -> None:
    committees = plan.value.residents_committee
    assert committees is not None
    assert (committees.residents_committee.min, committees.residents_committee.max) == (5, 9)
    assert committees.group_leaders == 31
    reps = committees.representatives
    assert (reps.min, reps.max, reps.recommended, reps.conflict) == (50, 93, 71, False)
    assert sum(reps.per_group) == 71
    workers = plan.value.community_workers
    assert workers is not None
    assert (workers.min, workers.max, workers.recommended) == (12, 14, 13)
    sup = committees.supervisory_committee
    assert (sup.min, sup.max) == (3, 5)


def test_SITE_11_SITE_12_worked_example_grids(plan: pp.Result[sr.SitePlan]) -> None:
    grids = plan.value.grids
    # 31 groups of 54–108 households: ten grid workers, each 3–4 groups and at most 300.
    assert grids.grid_workers == 10
    assert all(2 <= len(a.group_numbers) <= 4 and a.households <= 300 for a in grids.worker_areas)
    assert grids.grid_leaders == 7  # the residents' committee's recommended size
    sched = plan.value.schedule
    assert sched is not None
    assert sched.visit_deadlines == (dt.date(2024, 3, 31), dt.date(2024, 4, 30))
    assert sched.joint_meetings[:2] == (dt.date(2024, 3, 1), dt.date(2024, 3, 16))


def test_SITE_10_SITE_13_SITE_16_worked_example_services(plan: pp.Result[sr.SitePlan]) -> None:
    v = plan.value
    assert v.service_centre.one_stop
    assert len(v.service_centre.functions) == 10
    assert v.service_centre.min_floor_area == pp.Area.m2(500)
    assert v.affiliated.women_federation
    assert v.affiliated.councils == 31
    assert v.township_staffing.deputy_leaders == 1


def test_SITE_worked_example_explains_in_three_locales(plan: pp.Result[sr.SitePlan]) -> None:
    # Inside the planning area: SITE-8 (outside) does not apply; SITE-14 is per person.
    assert set(plan.rules) == {f"SITE-{n}" for n in range(1, 17)} - {"SITE-8", "SITE-14"}
    zh = plan.explain("zh_Hans")
    assert "党总支部" in zh
    assert "单独成立社区" in zh
    hant = plan.explain("zh_Hant")
    assert "黨總支部" in hant
    assert "單獨成立社區" in hant
    en = plan.explain("en")
    assert "general party branch" in en
    assert "2,400 households" in en
    assert (
        "《县（市）易地扶贫搬迁安置点后续管理服务标准化规范化建设实施方案（通用）》篇一 §二(一)"
        in zh
    )
    assert (
        "《縣（市）易地扶貧搬遷安置點後續管理服務標準化規範化建設實施方案（通用）》篇一 §二(一)"
        in hant
    )
    assert "_e19348023069d8ed" not in zh + hant + en
    assert plan.to_html("en").startswith('<div class="povertypolicy-result"')


def test_SITE_worked_example_is_json_ready(plan: pp.Result[sr.SitePlan]) -> None:
    data = plan.to_dict(locale="en")
    text = json.dumps(data, ensure_ascii=False)
    assert '"kind": "own_community"' in text
    assert data["value"]["grids"]["worker_areas"][0]["group_numbers"] == [1, 2, 3]


def test_SITE_worked_example_with_user_band(
    site: pp.ResettlementSite, tmp_path: pytest.TempPathFactory
) -> None:
    pack = tmp_path / "county.toml"  # type: ignore[operator]
    pack.write_text(
        """
id = "my-county"
title = "某县安置点小组规模"
issuer = "某县民政局"
parent = "gx-prefecture-relocation-site-management"
source = { document = "county-notice", section = "第三条" }

[parameters."site.group_size_inside"]
unit = "households"
citation = { document = "county-notice", section = "第三条", quote = "每居民小组50—100户" }
values = [{ from = 2021-01-01, value = { min = 50, max = 100 } }]
""",
        encoding="utf-8",
    )
    policy = pp.Policy.load(pack, on=dt.date(2024, 3, 1))
    plan = sr.plan_site(site, policy)
    groups = plan.value.groups
    # No code change: the band comes from the user pack. With these entrances no split keeps
    # every group within 50–100 (e.g. 60, 48, 54, 66 in a row), so the offending groups are
    # marked, never split or dropped.
    assert all((g.breach is None) == (50 <= g.households <= 100) for g in groups)
    assert sum(1 for g in groups if g.breach is not None) == 5
    assert sum(g.households for g in groups) == 2400
    assert plan.value.management_unit.group_band.max == 100
    assert "my-county" in plan.explain("en")
