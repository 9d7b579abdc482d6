"""The whole organisation plan of a resettlement site; 安置点组织设置方案 (SITE-1..16)."""

from __future__ import annotations

import datetime as dt

from ...domain.enums import SiteLocation
from ...domain.site import (
    ResettlementSite,
)
from ...errors import InputError
from ...explain import Result, Step
from ...policy import Policy
from ._base import _cite
from .affiliated import affiliated_organisations
from .committees import committee_sizes, community_workers
from .grids import grid_plan, grid_schedule
from .party import deputy_secretary, party_organisation
from .services import service_centre, service_windows, township_staffing
from .units import management_unit, partition_groups
from .values import Committees, GridSchedule, ResidentsGroup, SitePlan, SizeRange, UnitKind

__all__ = ["plan_site"]

# -- the whole plan -------------------------------------------------------------------------------


def plan_site(
    site: ResettlementSite,
    policy: Policy,
    *,
    grid_leaders: int | None = None,
    start: dt.date | None = None,
    months: int = 3,
) -> Result[SitePlan]:
    """The whole organisation plan of a resettlement site; 安置点组织设置方案 (SITE-1..SITE-13,
    SITE-15, SITE-16; a person's service transfer is `service_transfer`).

    Runs every SITE rule on ``site`` and joins their steps into one explanation. ``grid_leaders``
    is the number of two-committee members available to lead grids (default: the residents'
    committee's recommended size); ``start`` adds a visiting and meeting schedule.
    """
    if not isinstance(site, ResettlementSite):
        raise InputError(obj="plan_site", field="site", value=site, expected="a ResettlementSite")
    steps: list[Step] = []
    unit = management_unit(site, policy)
    steps.extend(unit.steps)
    mu = unit.value
    groups: tuple[ResidentsGroup, ...] = ()
    if mu.kind is UnitKind.JOIN_DESTINATION_GROUP:
        steps.append(
            Step(
                rule="SITE-1",
                key="site.groups.joined",
                inputs={"households": site.households, "group_kind": mu.group_kind},
            )
        )
    else:
        grouped = partition_groups(site.entrances, site.location, policy, kind=mu.group_kind)
        steps.extend(grouped.steps)
        groups = grouped.value
    group_sizes = [g.households for g in groups]
    party = party_organisation(site.party_members, policy)
    steps.extend(party.steps)
    deputy = deputy_secretary(
        party.value.kind,
        policy,
        population=site.population,
        secretary_is_director=site.secretary_is_director,
    )
    steps.extend(deputy.steps)
    committees: Committees | None = None
    workers: SizeRange | None = None
    if mu.own_community:
        com = committee_sizes(site.location, group_sizes, policy)
        steps.extend(com.steps)
        committees = com.value
        if site.location is SiteLocation.INSIDE_COUNTY_SEAT_AREA:
            wk = community_workers(site.households, policy)
            steps.extend(wk.steps)
            workers = wk.value
        else:
            steps.append(
                Step(rule="SITE-7", key="site.workers.not_applicable", citation=_cite("§二(二)2"))
            )
    else:
        steps.append(
            Step(
                rule="SITE-6",
                key="site.committee.host",
                inputs={"kind": mu.kind},
                citation=_cite("§二(一)"),
            )
        )
    grid_leader_count = grid_leaders
    if grid_leader_count is None and committees is not None:
        grid_leader_count = committees.residents_committee.recommended
    grids = grid_plan(group_sizes, site.location, policy, leaders=grid_leader_count)
    steps.extend(grids.steps)
    schedule: GridSchedule | None = None
    if start is not None:
        sched = grid_schedule(start, policy, months=months)
        steps.extend(sched.steps)
        schedule = sched.value
    affiliated = affiliated_organisations(
        site, policy, councils=len(groups), community=mu.own_community
    )
    steps.extend(affiliated.steps)
    centre = service_centre(site.population, site.location, policy)
    steps.extend(centre.steps)
    windows = service_windows()
    steps.extend(windows.steps)
    township = township_staffing(policy)
    steps.extend(township.steps)
    plan = SitePlan(
        site_id=site.id,
        management_unit=mu,
        groups=groups,
        party_organisation=party.value,
        deputy_secretary=deputy.value,
        residents_committee=committees,
        community_workers=workers,
        affiliated=affiliated.value,
        grids=grids.value,
        schedule=schedule,
        service_centre=centre.value,
        service_windows=windows.value,
        township_staffing=township.value,
    )
    return Result(value=plan, steps=tuple(steps))
