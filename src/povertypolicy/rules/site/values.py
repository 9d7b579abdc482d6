"""Resettlement sites: the enums and values the SITE rules return; 安置点."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ...domain.enums import SiteLocation
from ...policy import Range
from ...units import Area

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
]

# -- enums ----------------------------------------------------------------------------------------


class UnitKind(enum.StrEnum):
    """The site's basic management unit; 基本管理单元 (SITE-1)."""

    __label__ = "site.enum.unit_kind"

    OWN_COMMUNITY = "own_community"
    GROUPS_UNDER_RESIDENTS_COMMITTEE = "groups_under_residents_committee"
    GROUPS_UNDER_VILLAGE = "groups_under_village"
    JOIN_DESTINATION_GROUP = "join_destination_group"


class GroupKind(enum.StrEnum):
    """Residents' group or villager group; 居民小组 / 村民小组 (SITE-1)."""

    __label__ = "site.enum.group_kind"

    RESIDENTS_GROUP = "residents_group"
    VILLAGER_GROUP = "villager_group"


class GroupBreach(enum.StrEnum):
    """Why a group breaks the size band; 超出规模的原因 (SITE-1, SITE-3)."""

    __label__ = "site.enum.group_breach"

    ENTRANCE_ABOVE_MAX = "entrance_above_max"
    ABOVE_MAX = "above_max"
    SITE_BELOW_MIN = "site_below_min"
    BELOW_MIN = "below_min"


class PartyOrgKind(enum.StrEnum):
    """Kind of party organisation; 党组织类型 (SITE-4)."""

    __label__ = "site.enum.party_org"

    INSTRUCTOR = "instructor"
    JOINT_BRANCH = "joint_branch"
    BRANCH = "branch"
    GENERAL_BRANCH = "general_branch"
    COMMITTEE = "committee"


class DeputyReason(enum.StrEnum):
    """A condition allowing an extra full-time deputy secretary; 增配专职副书记的条件 (SITE-5)."""

    __label__ = "site.enum.deputy_reason"

    PARTY_COMMITTEE = "party_committee"
    ONE_SHOULDER = "one_shoulder"
    POPULATION = "population"


class WorkerBand(enum.StrEnum):
    """A community-worker band by households; 社区工作者配备档次 (SITE-7)."""

    __label__ = "site.enum.worker_band"

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class Convention(enum.StrEnum):
    """How a recommended value was picked from a range; 推荐值的取法 (a convention, not text)."""

    __label__ = "site.enum.convention"

    ODD_NEAR_MIDDLE = "odd_near_middle"
    MIDDLE = "middle"
    MINIMUM = "minimum"
    FEASIBLE_MIDDLE = "feasible_middle"


class RepresentativeMethod(enum.StrEnum):
    """How residents' representatives are chosen; 居民代表推选方式 (SITE-6, SITE-8)."""

    __label__ = "site.enum.rep_method"

    PER_GROUP = "per_group"
    PER_HOUSEHOLDS = "per_households"
    BY_GROUPS = "by_groups"


class GridBreach(enum.StrEnum):
    """Why a grid worker's area breaks SITE-11; 网格员责任区超标原因 (SITE-11)."""

    __label__ = "site.enum.grid_breach"

    TOO_FEW_GROUPS = "too_few_groups"
    TOO_MANY_GROUPS = "too_many_groups"
    OVER_HOUSEHOLDS = "over_households"


class CentreFunction(enum.StrEnum):
    """A function of the one-stop party-mass service centre; 党群服务中心功能 (SITE-13)."""

    __label__ = "site.enum.centre_function"

    COMMUNITY_SERVICE = "community_service"
    CIVILISATION_PRACTICE = "civilisation_practice"
    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security"
    CULTURE_SPORTS = "culture_sports"
    ELDERLY = "elderly"
    YOUTH = "youth"
    CHILDREN = "children"
    FAIR_PRICE_SHOP = "fair_price_shop"
    PUBLIC_SECURITY = "public_security"
    PROPERTY_SERVICE = "property_service"


class Handling(enum.StrEnum):
    """Where a public service is handled after the move; 转移接续办法 (SITE-14)."""

    __label__ = "site.enum.handling"

    STAY_ORIGINAL = "stay_original"
    CHANGE_ADDRESS_ONLY = "change_address_only"
    TRANSFER = "transfer"
    ORIGINAL_REGISTRATION_PLACE = "original_registration_place"
    DESTINATION_NEXT_YEAR = "destination_next_year"
    NEW_REGISTRATION_PLACE = "new_registration_place"
    SITE_URBAN_DIBAO = "site_urban_dibao"
    SITE_RURAL_DIBAO = "site_rural_dibao"
    ORIGIN_POLICIES = "origin_policies"
    NOT_STATED = "not_stated"
    NOT_RECORDED = "not_recorded"  # a fact it depends on was not recorded


class Service(enum.StrEnum):
    """A public service handled at the site's windows; 服务事项 (SITE-15)."""

    __label__ = "site.enum.service"

    EMPLOYMENT = "employment"
    PENSION = "pension"
    LABOUR_RIGHTS = "labour_rights"
    HOUSEHOLD_REGISTRATION = "household_registration"
    DIBAO = "dibao"
    EXTREME_POVERTY_SUPPORT = "extreme_poverty_support"
    TEMPORARY_ASSISTANCE = "temporary_assistance"
    DISABILITY_ALLOWANCES = "disability_allowances"
    HEALTH = "health"
    FAMILY_PLANNING = "family_planning"
    MEDICAL_INSURANCE = "medical_insurance"
    MEDICAL_ASSISTANCE = "medical_assistance"
    PUBLIC_ORDER = "public_order"
    MEDIATION = "mediation"
    LEGAL_ADVICE = "legal_advice"
    PROPERTY_SERVICES = "property_services"


class Department(enum.StrEnum):
    """The department that coordinates a service; 牵头协调部门 (SITE-15)."""

    __label__ = "site.enum.department"

    HUMAN_RESOURCES = "human_resources"
    PUBLIC_SECURITY = "public_security"
    CIVIL_AFFAIRS = "civil_affairs"
    HEALTH = "health"
    MEDICAL_SECURITY = "medical_security"
    POLITICAL_LEGAL = "political_legal"
    HOUSING = "housing"


class ServiceWindow(enum.StrEnum):
    """A service window of the site community; 服务窗口 (SITE-15)."""

    __label__ = "site.enum.window"

    EMPLOYMENT = "employment"
    INDUSTRY = "industry"
    MEDICAL = "medical"
    ELDERLY_CARE = "elderly_care"
    EDUCATION = "education"
    CIVIL_AFFAIRS = "civil_affairs"
    PROPERTY = "property"
    LEGAL = "legal"
    CULTURE_SPORTS = "culture_sports"
    GENERAL = "general"


# -- values ---------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SizeRange:
    """An allowed size with a recommended value and how it was picked; 职数范围及推荐值.

    Args:
        min: Smallest allowed size.
        max: Largest allowed size; None: no upper limit.
        recommended: The recommended size.
        convention: How the recommended size was picked within the range.
    """

    min: int
    max: int | None
    recommended: int
    convention: Convention


@attrs.frozen(kw_only=True)
class ManagementUnit:
    """The site's management unit and group band; 基本管理单元 (SITE-1, SITE-2).

    Args:
        kind: The site's management unit (its own community, a group of an existing one …).
        group_kind: Residents' groups or villager groups.
        location: Inside or outside the county seat's planning area.
        households: Households at the site.
        population: People at the site.
        group_band: Households a group may have.
        sub_district_may_apply: True when the site is large enough that a sub-district (街道) may be
            applied for (advice only).
    """

    kind: UnitKind
    group_kind: GroupKind
    location: SiteLocation
    households: int
    population: int
    group_band: Range
    sub_district_may_apply: bool

    @property
    def own_community(self) -> bool:
        """Whether the site is its own community (单独成立社区)."""
        return self.kind is UnitKind.OWN_COMMUNITY


@attrs.frozen(kw_only=True)
class ResidentsGroup:
    """A residents' (or villager) group of whole entrances; 居民小组 (SITE-1, SITE-3).

    Args:
        number: The group's number, from 1.
        kind: Residents' group or villager group.
        entrance_ids: Ids of its entrances, in street order.
        households: Households in it.
        breach: The size rule it cannot meet; None: none.
    """

    number: int
    kind: GroupKind
    entrance_ids: tuple[str, ...]
    households: int
    breach: GroupBreach | None = None


@attrs.frozen(kw_only=True)
class PartyOrganisation:
    """The site's party organisation and its committee seats; 党组织设置 (SITE-4).

    Args:
        members: Full party members at the site; None: not recorded.
        seats: Seats of its committee; None: no committee, or members not recorded.
    """

    kind: PartyOrgKind | None
    """``None``: the party members were not recorded, so no kind is decided."""
    members: int | None
    seats: SizeRange | None


@attrs.frozen(kw_only=True)
class DeputySecretary:
    """Whether one extra full-time deputy secretary may be added; 增配专职副书记 (SITE-5).

    Args:
        extra: Extra full-time deputy secretaries that may be added (0 or 1).
        reasons: Why one may be added.
    """

    may_add: bool | None
    """``None``: undetermined, a fact it depends on was not recorded."""
    extra: int
    reasons: tuple[DeputyReason, ...]


@attrs.frozen(kw_only=True)
class Representatives:
    """Residents' representatives: allowed total, recommendation and per-group split; 居民代表.

    Args:
        method: How representatives are chosen.
        min: Fewest allowed in all.
        max: Most allowed in all; None: no upper limit.
        recommended: The recommended total.
        per_group: Representatives of each residents' group, in group order.
        conflict: True when no total satisfies every rule at once (the explanation says which was
            chosen).
    """

    method: RepresentativeMethod
    min: int
    max: int | None
    recommended: int
    per_group: tuple[int, ...]
    conflict: bool


@attrs.frozen(kw_only=True)
class Committees:
    """Residents' committee, group leaders, representatives, supervisory committee (SITE-6/8/9).

    Args:
        residents_committee: Members of the residents' committee (居民委员会).
        group_leaders: Residents' group leaders (居民小组长).
        representatives: Residents' representatives (居民代表).
        supervisory_committee: Members of the supervisory committee (居务监督委员会).
    """

    residents_committee: SizeRange
    group_leaders: int
    representatives: Representatives
    supervisory_committee: SizeRange


@attrs.frozen(kw_only=True)
class AffiliatedOrganisations:
    """Union, League, women's federation, councils, owners' committee; 配套组织 (SITE-10).

    Args:
        women_federation: True when a women's federation is set up.
        women_federation_chairs: Its vice-chairs from the community; 0 when none is set up.
        councils: Number of councils (议事会) to set up.
        council_size: Members of each council.
        owners_committee: Size of the owners' committee; None: not set up (conditions not mature).
        owners_committee_sizes: The sizes the pack allows for an owners' committee.
    """

    union_committee: bool | None
    """``None``: union members not recorded, nothing decided."""
    league_branch: bool | None
    """``None``: League members not recorded, nothing decided."""
    women_federation: bool
    women_federation_chairs: int
    councils: int
    council_size: SizeRange
    owners_committee: SizeRange | None
    """``None``: no owners' committee yet (conditions not mature, or not recorded)."""
    owners_committee_sizes: tuple[int, ...]
    not_recorded: tuple[str, ...] = ()
    """The site's facts this plan needed that were not recorded (field names)."""


@attrs.frozen(kw_only=True)
class GridWorkerArea:
    """The residents' groups one grid worker covers; 网格员责任区 (SITE-11).

    Args:
        number: The area's number, from 1.
        group_numbers: Numbers of the residents' groups it covers.
        households: Households in it.
        breaches: Rules the area cannot meet (e.g. too many households); ``()``: none.
    """

    number: int
    group_numbers: tuple[int, ...]
    households: int
    breaches: tuple[GridBreach, ...] = ()


@attrs.frozen(kw_only=True)
class Grid:
    """A grid with one grid leader and the worker areas in it; 网格 (SITE-11).

    Args:
        number: The grid's number, from 1.
        worker_area_numbers: Numbers of the grid-worker areas in it.
        households: Households in the grid.
        grid_leaders: Grid leaders (网格长).
    """

    number: int
    worker_area_numbers: tuple[int, ...]
    households: int
    grid_leaders: int


@attrs.frozen(kw_only=True)
class GridPlan:
    """Grid worker areas, grids and the number of grid workers and leaders; 网格划分 (SITE-11).

    Args:
        worker_areas: The grid-worker areas (one grid worker each).
        grids: The grids.
        leaders_available: Two-committee members available to lead grids.
    """

    worker_areas: tuple[GridWorkerArea, ...]
    grids: tuple[Grid, ...]
    leaders_available: int

    @property
    def grid_workers(self) -> int:
        """Grid workers needed: one per worker area (网格员)."""
        return len(self.worker_areas)

    @property
    def grid_leaders(self) -> int:
        """Grid leaders needed: one per grid (网格长)."""
        return sum(g.grid_leaders for g in self.grids)


@attrs.frozen(kw_only=True)
class GridSchedule:
    """Visit-round deadlines and joint-meeting dates; 遍访与联席会议日程 (SITE-12).

    Args:
        visit_deadlines: Last day of each visiting round (遍访).
        visits_per_month: Visiting rounds per month.
        joint_meetings: Days of the joint meetings (联席会议).
    """

    visit_deadlines: tuple[dt.date, ...]
    visits_per_month: int
    joint_meetings: tuple[dt.date, ...]


@attrs.frozen(kw_only=True)
class ServiceCentre:
    """The party-mass service centre: one-stop or not, functions, floor area; 党群服务中心.

    Args:
        one_stop: True for a one-stop service centre (一站式).
        functions: Functions it must have.
        min_floor_area: Its minimum floor area.
        planned_floor_area: The planned floor area; None: not given.
        floor_area_met: True when the planned area is at least the minimum; None: not given.
    """

    one_stop: bool
    functions: tuple[CentreFunction, ...]
    min_floor_area: Area
    planned_floor_area: Area | None
    floor_area_met: bool | None


@attrs.frozen(kw_only=True)
class ServiceTransfer:
    """Where a relocated person's pension, medical insurance and dibao are handled (SITE-14).

    Args:
        person_id: Id of the relocated person.
        pension: Where the pension insurance is handled.
        medical_insurance: Where the medical insurance is handled.
        dibao: Where dibao is handled.
    """

    person_id: str
    pension: Handling
    medical_insurance: Handling
    dibao: Handling


@attrs.frozen(kw_only=True)
class ServiceWindows:
    """Windows to set up and the department coordinating each service; 便民服务窗口 (SITE-15).

    Args:
        windows: The service windows to set up.
        coordinators: Each service with the department that coordinates it.
    """

    windows: tuple[ServiceWindow, ...]
    coordinators: tuple[tuple[Service, Department], ...]

    def department(self, service: Service) -> Department:
        """The department that coordinates ``service``."""
        return dict(self.coordinators)[service]


@attrs.frozen(kw_only=True)
class TownshipStaffing:
    """The township working group for its sites; 乡镇安置点管理服务工作专班 (SITE-16).

    Args:
        deputy_leaders: Deputy leaders of the working group.
        staff: Its staff.
    """

    deputy_leaders: int
    staff: SizeRange


@attrs.frozen(kw_only=True)
class SitePlan:
    """The whole organisation plan of one resettlement site; 安置点组织设置方案 (SITE-1..16).

    Args:
        site_id: The site's id.
        management_unit: Its management unit (SITE-1, SITE-2).
        groups: Its residents' groups (SITE-3).
        party_organisation: Its party organisation (SITE-4).
        deputy_secretary: Whether a full-time deputy secretary may be added (SITE-5).
        residents_committee: Its self-government bodies (SITE-6, 8, 9); None: the site has no
            community of its own.
        community_workers: Community workers (SITE-7); None: not applicable to the site.
        affiliated: Affiliated organisations (SITE-10).
        grids: Grids and grid workers (SITE-11).
        schedule: Visiting and meeting schedule (SITE-12); None: no start date given.
        service_centre: The party-mass service centre.
        service_windows: Service windows (SITE-15).
        township_staffing: The township working group (SITE-16).
    """

    site_id: str
    management_unit: ManagementUnit
    groups: tuple[ResidentsGroup, ...]
    party_organisation: PartyOrganisation
    deputy_secretary: DeputySecretary
    residents_committee: Committees | None
    community_workers: SizeRange | None
    affiliated: AffiliatedOrganisations
    grids: GridPlan
    schedule: GridSchedule | None
    service_centre: ServiceCentre
    service_windows: ServiceWindows
    township_staffing: TownshipStaffing
