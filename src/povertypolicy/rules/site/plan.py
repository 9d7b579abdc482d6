"""The whole organisation plan of a resettlement site; 安置点组织设置方案 (SITE-1..16)."""

from __future__ import annotations

import datetime as dt

from ...domain.enums import SiteLocation
from ...domain.site import (
    ResettlementSite,
)
from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder
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
        raise InputError(
            obj="plan_site",
            field="site",
            value=site,
            expected="a ResettlementSite",
            code="site.error.site_type",
            extra={"type": "ResettlementSite"},
        )
    rec = Recorder("SITE-1")
    mu = rec.use(management_unit(site, policy))
    groups: tuple[ResidentsGroup, ...] = ()
    if mu.kind is UnitKind.JOIN_DESTINATION_GROUP:
        rec.step("site.groups.joined", households=site.households, group_kind=mu.group_kind)
    else:
        groups = rec.use(
            partition_groups(site.entrances, site.location, policy, kind=mu.group_kind)
        )
    group_sizes = [g.households for g in groups]
    party = rec.use(party_organisation(site.party_members, policy))
    deputy = rec.use(
        deputy_secretary(
            party.kind,
            policy,
            population=site.population,
            secretary_is_director=site.secretary_is_director,
        )
    )
    committees: Committees | None = None
    workers: SizeRange | None = None
    if mu.own_community:
        committees = rec.use(committee_sizes(site.location, group_sizes, policy))
        if site.location is SiteLocation.INSIDE_COUNTY_SEAT_AREA:
            workers = rec.use(community_workers(site.households, policy))
        else:
            rec.step("site.workers.not_applicable", rule="SITE-7", citation=_cite("§二(二)2"))
    else:
        rec.step("site.committee.host", rule="SITE-6", kind=mu.kind, citation=_cite("§二(一)"))
    grid_leader_count = grid_leaders
    if grid_leader_count is None and committees is not None:
        grid_leader_count = committees.residents_committee.recommended
    grids = rec.use(grid_plan(group_sizes, site.location, policy, leaders=grid_leader_count))
    schedule: GridSchedule | None = None
    if start is not None:
        schedule = rec.use(grid_schedule(start, policy, months=months))
    affiliated = rec.use(
        affiliated_organisations(site, policy, councils=len(groups), community=mu.own_community)
    )
    centre = rec.use(service_centre(site.population, site.location, policy))
    windows = rec.use(service_windows())
    township = rec.use(township_staffing(policy))
    plan = SitePlan(
        site_id=site.id,
        management_unit=mu,
        groups=groups,
        party_organisation=party,
        deputy_secretary=deputy,
        residents_committee=committees,
        community_workers=workers,
        affiliated=affiliated,
        grids=grids,
        schedule=schedule,
        service_centre=centre,
        service_windows=windows,
        township_staffing=township,
    )
    return rec.result(plan)
