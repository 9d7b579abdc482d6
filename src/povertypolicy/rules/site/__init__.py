"""Relocation-site organisation (安置点组织设置), relocation-follow-up-documents 篇一 §二:
SITE-1..SITE-16.

Every part of a site plan is its own rule; `plan_site()` runs them all on one
`ResettlementSite` and returns one explained `SitePlan`.

A package by topic: ``units`` (SITE-1..3), ``party`` (SITE-4/5), ``committees`` (SITE-6..9),
``affiliated`` (SITE-10), ``grids`` (SITE-11/12), ``services`` (SITE-13..16), ``plan``, ``values``.
"""

from __future__ import annotations

from .affiliated import affiliated_organisations
from .committees import committee_sizes, community_workers
from .grids import _grid_areas as _grid_areas
from .grids import grid_plan, grid_schedule
from .party import deputy_secretary, party_organisation
from .plan import plan_site
from .services import service_centre, service_transfer, service_windows, township_staffing
from .units import _partition_sizes as _partition_sizes
from .units import management_unit, partition_groups
from .values import (
    AffiliatedOrganisations,
    CentreFunction,
    Committees,
    Convention,
    Department,
    DeputyReason,
    DeputySecretary,
    Grid,
    GridBreach,
    GridPlan,
    GridSchedule,
    GridWorkerArea,
    GroupBreach,
    GroupKind,
    Handling,
    ManagementUnit,
    PartyOrganisation,
    PartyOrgKind,
    RepresentativeMethod,
    Representatives,
    ResidentsGroup,
    Service,
    ServiceCentre,
    ServiceTransfer,
    ServiceWindow,
    ServiceWindows,
    SitePlan,
    SizeRange,
    TownshipStaffing,
    UnitKind,
    WorkerBand,
)

__all__ = [
    "AffiliatedOrganisations",
    "CentreFunction",
    "Committees",
    "Convention",
    "Department",
    "DeputyReason",
    "DeputySecretary",
    "Grid",
    "GridBreach",
    "GridPlan",
    "GridSchedule",
    "GridWorkerArea",
    "GroupBreach",
    "GroupKind",
    "Handling",
    "ManagementUnit",
    "PartyOrgKind",
    "PartyOrganisation",
    "RepresentativeMethod",
    "Representatives",
    "ResidentsGroup",
    "Service",
    "ServiceCentre",
    "ServiceTransfer",
    "ServiceWindow",
    "ServiceWindows",
    "SitePlan",
    "SizeRange",
    "TownshipStaffing",
    "UnitKind",
    "WorkerBand",
    "affiliated_organisations",
    "committee_sizes",
    "community_workers",
    "deputy_secretary",
    "grid_plan",
    "grid_schedule",
    "management_unit",
    "partition_groups",
    "party_organisation",
    "plan_site",
    "service_centre",
    "service_transfer",
    "service_windows",
    "township_staffing",
]
