"""Relocation-site organisation (安置点组织设置), 001 篇一 §二: SITE-1..SITE-16.

Every part of a site plan is its own rule; :func:`plan_site` runs them all on one
:class:`~povertypolicy.domain.ResettlementSite` and returns one explained :class:`SitePlan`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
from dateutil.rrule import MONTHLY, rrule

from ..domain.enums import HukouType, SiteLocation
from ..domain.site import (
    Entrance,
    MoveScope,
    PensionStatus,
    ResettlementSite,
    TransferSituation,
)
from ..errors import InputError, RuleError
from ..explain import Citation, Note, NoteKind, Result, Step
from ..policy import Bound, Parameter, Policy, Range
from ..units import Area

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

_SEED = "001_e19348023069d8ed.txt"


def _cite(section: str) -> Citation:
    return Citation(document=_SEED, section=f"篇一 {section}")


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
    """An allowed size with a recommended value and how it was picked; 职数范围及推荐值."""

    min: int
    max: int | None
    recommended: int
    convention: Convention


@attrs.frozen(kw_only=True)
class ManagementUnit:
    """The site's management unit and group band; 基本管理单元 (SITE-1, SITE-2)."""

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
    """A residents' (or villager) group of whole entrances; 居民小组 (SITE-1, SITE-3)."""

    number: int
    kind: GroupKind
    entrance_ids: tuple[str, ...]
    households: int
    breach: GroupBreach | None = None


@attrs.frozen(kw_only=True)
class PartyOrganisation:
    """The site's party organisation and its committee seats; 党组织设置 (SITE-4)."""

    kind: PartyOrgKind | None
    """``None``: the party members were not recorded, so no kind is decided."""
    members: int | None
    seats: SizeRange | None


@attrs.frozen(kw_only=True)
class DeputySecretary:
    """Whether one extra full-time deputy secretary may be added; 增配专职副书记 (SITE-5)."""

    may_add: bool | None
    """``None``: undetermined, a fact it depends on was not recorded."""
    extra: int
    reasons: tuple[DeputyReason, ...]


@attrs.frozen(kw_only=True)
class Representatives:
    """Residents' representatives: allowed total, recommendation and per-group split; 居民代表."""

    method: RepresentativeMethod
    min: int
    max: int | None
    recommended: int
    per_group: tuple[int, ...]
    conflict: bool


@attrs.frozen(kw_only=True)
class Committees:
    """Residents' committee, group leaders, representatives, supervisory committee (SITE-6/8/9)."""

    residents_committee: SizeRange
    group_leaders: int
    representatives: Representatives
    supervisory_committee: SizeRange


@attrs.frozen(kw_only=True)
class AffiliatedOrganisations:
    """Union, League, women's federation, councils, owners' committee; 配套组织 (SITE-10)."""

    union_committee: bool | None
    """``None``: union members not recorded, nothing decided."""
    league_branch: bool | None
    """``None``: League members not recorded, nothing decided."""
    women_federation: bool
    women_federation_chairs: int
    councils: int
    council_size: SizeRange
    owners_committee: SizeRange | None
    owners_committee_sizes: tuple[int, ...]


@attrs.frozen(kw_only=True)
class GridWorkerArea:
    """The residents' groups one grid worker covers; 网格员责任区 (SITE-11)."""

    number: int
    group_numbers: tuple[int, ...]
    households: int
    breaches: tuple[GridBreach, ...] = ()


@attrs.frozen(kw_only=True)
class Grid:
    """A grid with one grid leader and the worker areas in it; 网格 (SITE-11)."""

    number: int
    worker_area_numbers: tuple[int, ...]
    households: int
    grid_leaders: int


@attrs.frozen(kw_only=True)
class GridPlan:
    """Grid worker areas, grids and the number of grid workers and leaders; 网格划分 (SITE-11)."""

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
    """Visit-round deadlines and joint-meeting dates; 遍访与联席会议日程 (SITE-12)."""

    visit_deadlines: tuple[dt.date, ...]
    visits_per_month: int
    joint_meetings: tuple[dt.date, ...]


@attrs.frozen(kw_only=True)
class ServiceCentre:
    """The party-mass service centre: one-stop or not, functions, floor area; 党群服务中心."""

    one_stop: bool
    functions: tuple[CentreFunction, ...]
    min_floor_area: Area
    planned_floor_area: Area | None
    floor_area_met: bool | None


@attrs.frozen(kw_only=True)
class ServiceTransfer:
    """Where a relocated person's pension, medical insurance and dibao are handled (SITE-14)."""

    person_id: str
    pension: Handling
    medical_insurance: Handling
    dibao: Handling


@attrs.frozen(kw_only=True)
class ServiceWindows:
    """Windows to set up and the department coordinating each service; 便民服务窗口 (SITE-15)."""

    windows: tuple[ServiceWindow, ...]
    coordinators: tuple[tuple[Service, Department], ...]

    def department(self, service: Service) -> Department:
        """The department that coordinates ``service``."""
        return dict(self.coordinators)[service]


@attrs.frozen(kw_only=True)
class TownshipStaffing:
    """The township working group for its sites; 乡镇安置点管理服务工作专班 (SITE-16)."""

    deputy_leaders: int
    staff: SizeRange


@attrs.frozen(kw_only=True)
class SitePlan:
    """The whole organisation plan of one resettlement site; 安置点组织设置方案 (SITE-1..16)."""

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


# -- helpers --------------------------------------------------------------------------------------


def _int_range(param: Parameter) -> tuple[int, int]:
    rng = param.range
    lo, hi = rng.min, rng.max
    if not isinstance(lo, int) or not isinstance(hi, int):  # pragma: no cover - spec units
        raise param._wrong("a range of whole numbers")
    if rng.min_bound is Bound.EXCLUSIVE:
        lo += 1
    if rng.max_bound is Bound.EXCLUSIVE:
        hi -= 1
    return lo, hi


def _over(param: Parameter, value: int) -> int:
    """How far ``value`` is past an upper threshold (0 when admitted)."""
    if param.admits(value):
        return 0
    return value - param.integer + (1 if param.bound is Bound.EXCLUSIVE else 0)


def _odd_near_middle(lo: int, hi: int) -> int | None:
    best: int | None = None
    for c in range(lo, hi + 1):
        if c % 2 == 1 and (best is None or abs(2 * c - lo - hi) < abs(2 * best - lo - hi)):
            best = c
    return best


def _size_range(param: Parameter, convention: Convention) -> tuple[SizeRange, Note]:
    """A range parameter with its recommended value under ``convention``."""
    lo, hi = _int_range(param)
    rec: int
    if convention is Convention.ODD_NEAR_MIDDLE:
        odd = _odd_near_middle(lo, hi)
        if odd is None:
            convention = Convention.MIDDLE
            rec = (lo + hi) // 2
        else:
            rec = odd
    elif convention is Convention.MINIMUM:
        rec = lo
    else:
        rec = (lo + hi) // 2
    note = Note(
        kind=NoteKind.CONVENTION,
        key="site.note.recommended",
        args={"value": rec, "convention": convention},
    )
    return SizeRange(min=lo, max=hi, recommended=rec, convention=convention), note


def _overlap_note(param: Parameter, value: int, winner: Any, loser: Any) -> tuple[Note, ...]:
    """A boundary note when ``value`` sits on a bound the seed text puts in two bands."""
    if value != param.value:
        return ()
    return (
        Note(
            kind=NoteKind.BOUNDARY,
            key="site.note.overlap",
            args={"value": value, "winner": winner, "loser": loser},
        ),
    )


def _band_param(location: SiteLocation) -> str:
    inside = location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
    return "site.group_size_inside" if inside else "site.group_size_outside"


def _check_location(location: Any, obj: str) -> SiteLocation:
    if not isinstance(location, SiteLocation):
        raise InputError(
            obj=obj,
            field="location",
            value=location,
            expected="SiteLocation.INSIDE_COUNTY_SEAT_AREA or OUTSIDE_COUNTY_SEAT_AREA",
        )
    return location


def _check_count(value: Any, obj: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(obj=obj, field=field, value=value, expected="a whole number >= 0")
    return value


def _check_counts(values: Any, obj: str, field: str) -> tuple[int, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InputError(obj=obj, field=field, value=values, expected="a sequence of whole numbers")
    return tuple(_check_count(v, obj, field) for v in values)


# -- SITE-1, SITE-2: management unit --------------------------------------------------------------


def management_unit(site: ResettlementSite, policy: Policy) -> Result[ManagementUnit]:
    """The site's basic management unit; 基本管理单元设置 (SITE-1, SITE-2).

    Inside the county-seat planning area a site of ≥1000 households is its own community,
    otherwise its groups join the local residents' committee; outside, ≥300 households is its
    own community, otherwise villager groups join the local village. A site smaller than one
    group joins a group of the destination. A site of ≥8000 people may apply for a sub-district.
    """
    if not isinstance(site, ResettlementSite):
        raise InputError(
            obj="management_unit", field="site", value=site, expected="a ResettlementSite"
        )
    inside = site.location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
    threshold = policy.param(
        "site.community_min_households_inside"
        if inside
        else "site.community_min_households_outside"
    )
    band_param = policy.param(_band_param(site.location))
    lo, _ = _int_range(band_param)
    households = site.households
    steps: list[Step] = []
    own = threshold.admits(households)
    if own:
        kind = UnitKind.OWN_COMMUNITY
        group_kind = GroupKind.RESIDENTS_GROUP
    elif households < lo:
        kind = UnitKind.JOIN_DESTINATION_GROUP
        group_kind = GroupKind.RESIDENTS_GROUP if inside else GroupKind.VILLAGER_GROUP
    elif inside:
        kind = UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE
        group_kind = GroupKind.RESIDENTS_GROUP
    else:
        kind = UnitKind.GROUPS_UNDER_VILLAGE
        group_kind = GroupKind.VILLAGER_GROUP
    below = UnitKind.GROUPS_UNDER_RESIDENTS_COMMITTEE if inside else UnitKind.GROUPS_UNDER_VILLAGE
    notes: list[Note] = list(
        _overlap_note(threshold, households, UnitKind.OWN_COMMUNITY, below)
        if own
        else _overlap_note(threshold, households, below, UnitKind.OWN_COMMUNITY)
    )
    if kind is UnitKind.JOIN_DESTINATION_GROUP:
        notes.append(Note(kind=NoteKind.CONVENTION, key="site.note.too_small", args={"min": lo}))
    if site.existing_community:
        notes.append(Note(kind=NoteKind.DEFAULT, key="site.note.existing_community"))
    steps.append(
        Step(
            rule="SITE-1",
            key="site.unit",
            inputs={
                "location": site.location,
                "households": households,
                "kind": kind,
                "group_kind": group_kind,
                "band": band_param.range,
            },
            params=(threshold, band_param),
            notes=tuple(notes),
        )
    )
    sub = policy.param("site.sub_district_min_population")
    may_apply = sub.admits(site.population)
    steps.append(
        Step(
            rule="SITE-2",
            key="site.sub_district.yes" if may_apply else "site.sub_district.no",
            inputs={"population": site.population},
            params=(sub,),
            notes=(Note(kind=NoteKind.DEFAULT, key="site.note.sub_district_advisory"),)
            if may_apply
            else (),
        )
    )
    value = ManagementUnit(
        kind=kind,
        group_kind=group_kind,
        location=site.location,
        households=households,
        population=site.population,
        group_band=band_param.range,
        sub_district_may_apply=may_apply,
    )
    return Result(value=value, steps=tuple(steps))


# -- SITE-1, SITE-3: residents' groups of whole entrances -----------------------------------------


def _partition_sizes(sizes: Sequence[int], lo: int, hi: int, target2: int) -> list[int]:
    """Exact DP: contiguous cut points minimising (households outside the band, Σ(2s − 2t)²).

    ``best[i]`` is the least cost of splitting the first ``i`` entrances; ties go to the
    shortest last group. Candidate groups ending at ``i`` are scanned right to left, and two
    exact shortcuts keep the scan short:

    * a run of entrances without households is stepped over at once: a group start inside
      the run costs the same as the run's last start (same total, and ``best`` does not change
      across an entrance without households), and that one is the tie-winner already seen;
    * once a group is above the band, its cost plus a lower bound of ``best`` for the entrances
      before it (each entrance's own households above the band maximum: a group is at least
      that far above the band) only grows as it extends, so the scan stops as soon as that
      bound exceeds ``best[i]``.

    Returns the start index of each group. Sizes are households (never negative).
    """
    n = len(sizes)
    best_d = [0] * (n + 1)
    best_q = [0] * (n + 1)
    prev = [0] * (n + 1)
    # floor_d[j]: households above the band maximum entrance by entrance, first j entrances
    floor_d = [0] * (n + 1)
    # step[j]: the next group start to try after j (j - 1, or below a run of empty entrances;
    # never below 1, as the empty prefix has best 0 and is not like the starts after it)
    step = list(range(-1, n))
    running = 0
    for k, size in enumerate(sizes):
        running += size - hi if size > hi else 0
        floor_d[k + 1] = running
        if size == 0 and k >= 1:
            step[k + 1] = step[k]
    for i in range(1, n + 1):
        total = 0
        cur_d = -1
        cur_q = 0
        arg = i - 1
        j = i - 1
        while j >= 0:
            total += sizes[j]
            if total < lo:
                d = lo - total
            elif total > hi:
                d = total - hi
            else:
                d = 0
            dev = 2 * total - target2
            q = dev * dev
            cd = best_d[j] + d
            cq = best_q[j] + q
            if cur_d < 0 or cd < cur_d or (cd == cur_d and cq < cur_q):
                cur_d, cur_q, arg = cd, cq, j
            elif total > hi:
                bound = floor_d[j] + d
                if bound > cur_d or (bound == cur_d and q > cur_q):
                    break
            j = step[j]
        best_d[i], best_q[i], prev[i] = cur_d, cur_q, arg
    starts: list[int] = []
    i = n
    while i > 0:
        starts.append(prev[i])
        i = prev[i]
    starts.reverse()
    return starts


def partition_groups(
    entrances: Sequence[Entrance],
    location: SiteLocation,
    policy: Policy,
    *,
    kind: GroupKind | None = None,
) -> Result[tuple[ResidentsGroup, ...]]:
    """Split entrances, in street order, into groups of whole entrances; 划分居民小组 (SITE-3).

    Exact dynamic programming over the street order. Objective, lexicographic: first the fewest
    households outside the band (summed over groups; zero whenever a valid partition exists),
    then the least sum of squared deviations of group sizes from the target size. Entrances are
    never split, dropped or reordered; a group that breaks the band is marked with its reason.
    """
    location = _check_location(location, "partition_groups")
    if isinstance(entrances, str) or not isinstance(entrances, Sequence):
        raise InputError(
            obj="partition_groups",
            field="entrances",
            value=entrances,
            expected="a sequence of Entrance",
        )
    for e in entrances:
        if not isinstance(e, Entrance):
            raise InputError(
                obj="partition_groups", field="entrances", value=e, expected="each item an Entrance"
            )
    inside = location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
    if kind is None:
        kind = GroupKind.RESIDENTS_GROUP if inside else GroupKind.VILLAGER_GROUP
    band_param = policy.param(_band_param(location))
    lo, hi = _int_range(band_param)
    target_name = "site.group_target_inside" if inside else "site.group_target_outside"
    params: list[Parameter] = [band_param]
    notes: list[Note] = []
    if target_name in policy:
        target_param = policy.param(target_name)
        target2 = 2 * target_param.integer
        params.append(target_param)
        if not lo <= target_param.integer <= hi:
            raise RuleError(
                rule="SITE-3",
                message=f"{target_name} = {target_param.integer} lies outside the band {lo}–{hi}",
            )
    else:
        target2 = lo + hi
        notes.append(Note(kind=NoteKind.CONVENTION, key="site.note.target_midpoint"))
    target_text = Decimal(target2) / 2
    notes.append(Note(kind=NoteKind.CONVENTION, key="site.note.objective"))
    sizes = [e.households for e in entrances]
    ids = [e.id for e in entrances]
    starts = _partition_sizes(sizes, lo, hi, target2)
    site_total = sum(sizes)
    band = band_param.range
    groups: list[ResidentsGroup] = []
    group_steps: list[Step] = []
    breaches = 0
    ends = [*starts[1:], len(sizes)] if starts else []
    for number, (a, b) in enumerate(zip(starts, ends, strict=True), 1):
        total = sum(sizes[a:b])
        breach: GroupBreach | None = None
        if total > hi:
            breach = (
                GroupBreach.ENTRANCE_ABOVE_MAX if max(sizes[a:b]) > hi else GroupBreach.ABOVE_MAX
            )
        elif total < lo:
            breach = GroupBreach.SITE_BELOW_MIN if site_total < lo else GroupBreach.BELOW_MIN
        members = ids[a:b]
        groups.append(
            ResidentsGroup(
                number=number,
                kind=kind,
                entrance_ids=tuple(members),
                households=total,
                breach=breach,
            )
        )
        if breach is None:
            group_steps.append(
                Step(
                    rule="SITE-3",
                    key="site.groups.group",
                    inputs={"number": number, "entrances": members, "households": total},
                )
            )
        else:
            breaches += 1
            group_steps.append(
                Step(
                    rule="SITE-3",
                    key="site.groups.breach",
                    inputs={
                        "number": number,
                        "entrances": members,
                        "households": total,
                        "band": band,
                        "reason": breach,
                    },
                    notes=(Note(kind=NoteKind.WARNING, key="site.note.entrances_whole"),),
                )
            )
    summary = Step(
        rule="SITE-3",
        key="site.groups.summary",
        inputs={
            "entrances": len(entrances),
            "households": site_total,
            "groups": len(groups),
            "group_kind": kind,
            "band": band,
            "target": target_text,
            "breaches": breaches,
        },
        params=tuple(params),
        notes=tuple(notes),
    )
    return Result(value=tuple(groups), steps=(summary, *group_steps))


# -- SITE-4, SITE-5: party organisation -----------------------------------------------------------


def party_organisation(members: int | None, policy: Policy) -> Result[PartyOrganisation]:
    """The party organisation for the site's full party members; 党组织设置 (SITE-4).

    0 → a party-building instructor is sent; 1–2 → joint branch with neighbours; 3–49 →
    branch; 50–99 → general branch; ≥100 → party committee (the text puts 100 in both of the
    last two bands; the pack's bound decides, and the explanation says so).
    """
    branch = policy.param("site.party_branch_min_members")
    general = policy.param("site.party_general_branch_min_members")
    committee = policy.param("site.party_committee_min_members")
    if members is None:
        step = Step(
            rule="SITE-4", key="site.party.not_recorded", params=(branch, general, committee)
        )
        return Result(value=PartyOrganisation(kind=None, members=None, seats=None), steps=(step,))
    members = _check_count(members, "party_organisation", "members")
    if members == 0:
        kind = PartyOrgKind.INSTRUCTOR
    elif not branch.admits(members):
        kind = PartyOrgKind.JOINT_BRANCH
    elif committee.admits(members):
        kind = PartyOrgKind.COMMITTEE
    elif general.admits(members):
        kind = PartyOrgKind.GENERAL_BRANCH
    else:
        kind = PartyOrgKind.BRANCH
    if kind is PartyOrgKind.COMMITTEE:
        notes = _overlap_note(
            committee, members, PartyOrgKind.COMMITTEE, PartyOrgKind.GENERAL_BRANCH
        )
    else:
        notes = _overlap_note(
            committee, members, PartyOrgKind.GENERAL_BRANCH, PartyOrgKind.COMMITTEE
        )
    steps = [
        Step(
            rule="SITE-4",
            key=f"site.party.{kind.value}",
            inputs={"members": members, "kind": kind},
            params=(branch, general, committee),
            notes=notes,
        )
    ]
    seats_param = {
        PartyOrgKind.JOINT_BRANCH: "site.branch_seats",
        PartyOrgKind.BRANCH: "site.branch_seats",
        PartyOrgKind.GENERAL_BRANCH: "site.general_branch_seats",
        PartyOrgKind.COMMITTEE: "site.committee_seats",
    }.get(kind)
    seats: SizeRange | None = None
    if seats_param is not None:
        param = policy.param(seats_param)
        seats, note = _size_range(param, Convention.ODD_NEAR_MIDDLE)
        extra = (
            (Note(kind=NoteKind.CONVENTION, key="site.note.joint_branch_seats"),)
            if kind is PartyOrgKind.JOINT_BRANCH
            else ()
        )
        steps.append(
            Step(
                rule="SITE-4",
                key="site.party.seats",
                inputs={"kind": kind, "range": param.range, "recommended": seats.recommended},
                params=(param,),
                notes=(note, *extra),
            )
        )
    return Result(
        value=PartyOrganisation(kind=kind, members=members, seats=seats), steps=tuple(steps)
    )


def deputy_secretary(
    kind: PartyOrgKind | None,
    policy: Policy,
    *,
    population: int,
    secretary_is_director: bool | None = None,
) -> Result[DeputySecretary]:
    """Whether one extra full-time deputy secretary may be added; 增配专职副书记 (SITE-5).

    Any one condition suffices: a party committee, the secretary also residents' committee
    director (一肩挑), or a resident population of ≥5000. The text says "可" (may).
    """
    if kind is not None and not isinstance(kind, PartyOrgKind):
        raise InputError(
            obj="deputy_secretary", field="kind", value=kind, expected="a PartyOrgKind or None"
        )
    population = _check_count(population, "deputy_secretary", "population")
    if secretary_is_director is not None and not isinstance(secretary_is_director, bool):
        raise InputError(
            obj="deputy_secretary",
            field="secretary_is_director",
            value=secretary_is_director,
            expected="True, False or None (not recorded)",
        )
    threshold = policy.param("site.deputy_secretary_min_population")
    extra = policy.param("site.extra_deputy_secretaries")
    reasons: list[DeputyReason] = []
    if kind is PartyOrgKind.COMMITTEE:
        reasons.append(DeputyReason.PARTY_COMMITTEE)
    if secretary_is_director:
        reasons.append(DeputyReason.ONE_SHOULDER)
    if threshold.admits(population):
        reasons.append(DeputyReason.POPULATION)
    unknown = [
        reason
        for reason, fact in (
            (DeputyReason.PARTY_COMMITTEE, kind),
            (DeputyReason.ONE_SHOULDER, secretary_is_director),
        )
        if fact is None
    ]
    if not reasons and unknown:
        undetermined = Step(
            rule="SITE-5",
            key="site.deputy.undetermined",
            inputs={"unknown": unknown, "population": population},
            params=(threshold, extra),
        )
        return Result(
            value=DeputySecretary(may_add=None, extra=0, reasons=()), steps=(undetermined,)
        )
    may = bool(reasons)
    step = Step(
        rule="SITE-5",
        key="site.deputy.yes" if may else "site.deputy.no",
        inputs={
            "kind": kind,
            "one_shoulder": secretary_is_director,
            "population": population,
            "reasons": reasons,
            "extra": extra.integer,
        },
        params=(threshold, extra),
        notes=(Note(kind=NoteKind.DEFAULT, key="site.note.deputy_may"),) if may else (),
    )
    return Result(
        value=DeputySecretary(
            may_add=may, extra=extra.integer if may else 0, reasons=tuple(reasons)
        ),
        steps=(step,),
    )


# -- SITE-6, SITE-8, SITE-9: committees and representatives ---------------------------------------


def _spread(total: int, sizes: Sequence[int], lo: int, hi: int) -> tuple[int, ...]:
    """Split ``total`` over groups, each within [lo, hi] when possible; extras to larger groups."""
    g = len(sizes)
    if g == 0:
        return ()
    base, extra = divmod(total, g)
    order = sorted(range(g), key=lambda k: (-sizes[k], k))
    out = [base] * g
    for k in order[:extra]:
        out[k] += 1
    return tuple(max(lo, min(hi, x)) if lo <= hi else x for x in out)


def committee_sizes(
    location: SiteLocation, group_households: Sequence[int], policy: Policy
) -> Result[Committees]:
    """Sizes of the self-government bodies of a site community (SITE-6, SITE-8, SITE-9).

    居民委员会职数、居民小组长、居民代表、居务监督委员会. Inside: committee 5–9, each group 1–3
    representatives and 50–100 in all; the feasible total satisfies both, and a conflict is
    reported when none does. Outside: committee 3–7, one representative per 5–15 households
    and at least 30 in all (or chosen by the groups). Supervisory committee 3–5.
    """
    location = _check_location(location, "committee_sizes")
    sizes = _check_counts(group_households, "committee_sizes", "group_households")
    inside = location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
    g = len(sizes)
    households = sum(sizes)
    steps: list[Step] = []
    committee_param = policy.param(
        "site.residents_committee_inside" if inside else "site.residents_committee_outside"
    )
    committee, note = _size_range(committee_param, Convention.ODD_NEAR_MIDDLE)
    steps.append(
        Step(
            rule="SITE-6" if inside else "SITE-8",
            key="site.committee.residents",
            inputs={
                "location": location,
                "range": committee_param.range,
                "recommended": committee.recommended,
            },
            params=(committee_param,),
            notes=(note,),
        )
    )
    leaders_param = policy.param("site.group_leaders_per_group")
    leaders = g * leaders_param.integer
    steps.append(
        Step(
            rule="SITE-6" if inside else "SITE-8",
            key="site.committee.group_leaders",
            inputs={"groups": g, "leaders": leaders},
            params=(leaders_param,),
        )
    )
    reps: Representatives
    if inside:
        per = policy.param("site.representatives_per_group_inside")
        tot = policy.param("site.representatives_total_inside")
        plo, phi = _int_range(per)
        tlo, thi = _int_range(tot)
        lo, hi = max(g * plo, tlo), min(g * phi, thi)
        if lo <= hi:
            rec = (lo + hi) // 2
            reps = Representatives(
                method=RepresentativeMethod.PER_GROUP,
                min=lo,
                max=hi,
                recommended=rec,
                per_group=_spread(rec, sizes, plo, phi),
                conflict=False,
            )
            steps.append(
                Step(
                    rule="SITE-6",
                    key="site.reps.inside",
                    inputs={"groups": g, "min": lo, "max": hi, "recommended": rec},
                    params=(per, tot),
                    notes=(
                        Note(
                            kind=NoteKind.CONVENTION,
                            key="site.note.recommended",
                            args={"value": rec, "convention": Convention.FEASIBLE_MIDDLE},
                        ),
                    ),
                )
            )
        else:
            rec = g * phi if g * phi < tlo else g * plo
            reps = Representatives(
                method=RepresentativeMethod.PER_GROUP,
                min=g * plo,
                max=g * phi,
                recommended=rec,
                per_group=_spread(rec, sizes, plo, phi),
                conflict=True,
            )
            steps.append(
                Step(
                    rule="SITE-6",
                    key="site.reps.inside_conflict",
                    inputs={
                        "groups": g,
                        "group_min": g * plo,
                        "group_max": g * phi,
                        "total": tot.range,
                        "recommended": rec,
                    },
                    params=(per, tot),
                    notes=(
                        Note(kind=NoteKind.WARNING, key="site.note.reps_conflict"),
                        Note(kind=NoteKind.CONVENTION, key="site.note.reps_conflict_choice"),
                    ),
                )
            )
    else:
        per = policy.param("site.households_per_representative_outside")
        floor = policy.param("site.representatives_min_outside")
        hlo, hhi = _int_range(per)
        by_hh_lo = -(-households // hhi)
        by_hh_hi = households // hlo
        lo = by_hh_lo
        while not floor.admits(lo):
            lo += 1
        if lo <= by_hh_hi:
            rec = (lo + by_hh_hi) // 2
            reps = Representatives(
                method=RepresentativeMethod.PER_HOUSEHOLDS,
                min=lo,
                max=by_hh_hi,
                recommended=rec,
                per_group=_spread(rec, sizes, 0, rec),
                conflict=False,
            )
            steps.append(
                Step(
                    rule="SITE-8",
                    key="site.reps.outside",
                    inputs={
                        "households": households,
                        "min": lo,
                        "max": by_hh_hi,
                        "recommended": rec,
                    },
                    params=(per, floor),
                    notes=(
                        Note(
                            kind=NoteKind.CONVENTION,
                            key="site.note.recommended",
                            args={"value": rec, "convention": Convention.FEASIBLE_MIDDLE},
                        ),
                    ),
                )
            )
        else:
            rec = lo
            reps = Representatives(
                method=RepresentativeMethod.BY_GROUPS,
                min=lo,
                max=None,
                recommended=rec,
                per_group=_spread(rec, sizes, 0, rec),
                conflict=True,
            )
            steps.append(
                Step(
                    rule="SITE-8",
                    key="site.reps.outside_conflict",
                    inputs={
                        "households": households,
                        "household_max": by_hh_hi,
                        "minimum": lo,
                        "recommended": rec,
                    },
                    params=(per, floor),
                    notes=(
                        Note(kind=NoteKind.WARNING, key="site.note.reps_outside_conflict"),
                        Note(
                            kind=NoteKind.CONVENTION,
                            key="site.note.recommended",
                            args={"value": rec, "convention": Convention.MINIMUM},
                        ),
                    ),
                )
            )
    sup_param = policy.param("site.supervisory_committee")
    supervisory, sup_note = _size_range(sup_param, Convention.ODD_NEAR_MIDDLE)
    steps.append(
        Step(
            rule="SITE-9",
            key="site.committee.supervisory",
            inputs={"range": sup_param.range, "recommended": supervisory.recommended},
            params=(sup_param,),
            notes=(sup_note, Note(kind=NoteKind.DEFAULT, key="site.note.supervisory_chair")),
        )
    )
    value = Committees(
        residents_committee=committee,
        group_leaders=leaders,
        representatives=reps,
        supervisory_committee=supervisory,
    )
    return Result(value=value, steps=tuple(steps))


# -- SITE-7: community workers --------------------------------------------------------------------


def community_workers(households: int, policy: Policy) -> Result[SizeRange]:
    """Full-time community workers for a community of ``households``; 专职社区工作者 (SITE-7).

    <2000 households → 9–11; 2000–3000 → 12–14; >3000 → at least 15. The text puts 2000 and
    3000 in two bands each; the explicit "2000—3000" band wins in the seed pack.
    """
    households = _check_count(households, "community_workers", "households")
    medium = policy.param("site.workers_medium_min_households")
    large = policy.param("site.workers_large_min_households")
    notes: list[Note] = []
    if large.admits(households):
        floor = policy.param("site.workers_large_min")
        value = SizeRange(
            min=floor.integer, max=None, recommended=floor.integer, convention=Convention.MINIMUM
        )
        used: tuple[Parameter, ...] = (medium, large, floor)
        notes.append(
            Note(
                kind=NoteKind.CONVENTION,
                key="site.note.recommended",
                args={"value": value.recommended, "convention": Convention.MINIMUM},
            )
        )
        key = "site.workers.large"
        notes.extend(_overlap_note(large, households, WorkerBand.LARGE, WorkerBand.MEDIUM))
    else:
        band = policy.param(
            "site.workers_medium" if medium.admits(households) else "site.workers_small"
        )
        value, note = _size_range(band, Convention.MIDDLE)
        used = (medium, large, band)
        notes.append(note)
        key = "site.workers.band"
        if medium.admits(households):
            notes.extend(_overlap_note(medium, households, WorkerBand.MEDIUM, WorkerBand.SMALL))
            notes.extend(_overlap_note(large, households, WorkerBand.MEDIUM, WorkerBand.LARGE))
        else:
            notes.extend(_overlap_note(medium, households, WorkerBand.SMALL, WorkerBand.MEDIUM))
    step = Step(
        rule="SITE-7",
        key=key,
        inputs={
            "households": households,
            "min": value.min,
            "max": value.max,
            "recommended": value.recommended,
        },
        params=used,
        notes=tuple(notes),
    )
    return Result(value=value, steps=(step,))


# -- SITE-10: affiliated organisations ------------------------------------------------------------


def _admits(param: Parameter, members: int | None) -> bool | None:
    """Whether ``members`` reach the threshold; ``None`` when they were not recorded."""
    return None if members is None else param.admits(members)


def _decided(answer: bool | None) -> str:
    return "not_recorded" if answer is None else "yes" if answer else "no"


def affiliated_organisations(
    site: ResettlementSite,
    policy: Policy,
    *,
    councils: int,
    community: bool = True,
) -> Result[AffiliatedOrganisations]:
    """Union, League, women's federation, councils, owners' committee; 配套组织 (SITE-10).

    ≥25 union members → union committee; ≥3 League members → League branch; every site
    community has a women's federation; one council of 5–15 per group or grid (``councils``);
    an owners' committee of 5–11 (odd) where conditions allow.
    """
    if not isinstance(site, ResettlementSite):
        raise InputError(
            obj="affiliated_organisations", field="site", value=site, expected="a ResettlementSite"
        )
    councils = _check_count(councils, "affiliated_organisations", "councils")
    union = policy.param("site.union_min_members")
    league = policy.param("site.league_min_members")
    chairs = policy.param("site.women_federation_chairs")
    council = policy.param("site.council_size")
    owners = policy.param("site.owners_committee_size")
    parity = policy.param("site.owners_committee_parity")
    steps: list[Step] = []
    has_union = _admits(union, site.union_members)
    steps.append(
        Step(
            rule="SITE-10",
            key=f"site.affiliated.union.{_decided(has_union)}",
            inputs={"members": site.union_members},
            params=(union,),
        )
    )
    has_league = _admits(league, site.league_members)
    steps.append(
        Step(
            rule="SITE-10",
            key=f"site.affiliated.league.{_decided(has_league)}",
            inputs={"members": site.league_members},
            params=(league,),
        )
    )
    steps.append(
        Step(
            rule="SITE-10",
            key="site.affiliated.women.yes" if community else "site.affiliated.women.no",
            inputs={"chairs": chairs.integer},
            params=(chairs,),
        )
    )
    council_size, council_note = _size_range(council, Convention.ODD_NEAR_MIDDLE)
    steps.append(
        Step(
            rule="SITE-10",
            key="site.affiliated.councils",
            inputs={
                "councils": councils,
                "range": council.range,
                "recommended": council_size.recommended,
            },
            params=(council,),
            notes=(council_note,),
        )
    )
    olo, ohi = _int_range(owners)
    odd_only = parity.text == "odd"
    sizes = tuple(n for n in range(olo, ohi + 1) if not odd_only or n % 2 == 1)
    owners_value: SizeRange | None = None
    if community and site.owners_conditions_mature and sizes:
        owners_value, owners_note = _size_range(owners, Convention.ODD_NEAR_MIDDLE)
        if odd_only and owners_value.recommended % 2 == 0:  # pragma: no cover - odd sizes exist
            owners_value = attrs.evolve(owners_value, recommended=sizes[0])
        steps.append(
            Step(
                rule="SITE-10",
                key="site.affiliated.owners.yes",
                inputs={"sizes": list(sizes), "recommended": owners_value.recommended},
                params=(owners, parity),
                notes=(owners_note,),
            )
        )
    else:
        steps.append(
            Step(
                rule="SITE-10",
                key="site.affiliated.owners.no",
                inputs={"sizes": list(sizes)},
                params=(owners, parity),
            )
        )
    value = AffiliatedOrganisations(
        union_committee=has_union,
        league_branch=has_league,
        women_federation=community,
        women_federation_chairs=chairs.integer if community else 0,
        councils=councils,
        council_size=council_size,
        owners_committee=owners_value,
        owners_committee_sizes=sizes,
    )
    return Result(value=value, steps=tuple(steps))


# -- SITE-11, SITE-12: grids ----------------------------------------------------------------------


def _grid_areas(sizes: Sequence[int], glo: int, ghi: int, cap: Parameter) -> list[int]:
    """Exact DP: contiguous worker areas minimising (groups outside [glo, ghi], households over
    the cap, number of areas, Σ households²), lexicographically. Returns area start indices."""
    n = len(sizes)
    inf = (1 << 62, 0, 0, 0)
    best: list[tuple[int, int, int, int]] = [(0, 0, 0, 0)] + [inf] * n
    prev = [0] * (n + 1)
    for i in range(1, n + 1):
        total = 0
        cur = inf
        arg = i - 1
        for j in range(i - 1, -1, -1):
            total += sizes[j]
            length = i - j
            cd = glo - length if length < glo else (length - ghi if length > ghi else 0)
            ex = _over(cap, total)
            own = (cd, ex, 1, total * total)
            b = best[j]
            cand = (b[0] + cd, b[1] + ex, b[2] + 1, b[3] + own[3])
            if cand < cur:
                cur, arg = cand, j
            elif length > ghi and own > cur:
                break
        best[i], prev[i] = cur, arg
    starts: list[int] = []
    i = n
    while i > 0:
        starts.append(prev[i])
        i = prev[i]
    starts.reverse()
    return starts


def grid_plan(
    group_households: Sequence[int],
    location: SiteLocation,
    policy: Policy,
    *,
    leaders: int | None = None,
) -> Result[GridPlan]:
    """Grid worker areas and grids for residents' groups in street order; 网格化管理 (SITE-11).

    One grid worker per 2–4 contiguous groups and, in principle, at most 300 households (exact
    DP: fewest breaches, then fewest grid workers, then the most even household load). The text
    does not fix the number of grids: each grid has one grid leader from the two committees, so
    ``leaders`` (default: the residents' committee's recommended size) caps the number of grids.
    """
    location = _check_location(location, "grid_plan")
    sizes = _check_counts(group_households, "grid_plan", "group_households")
    per_worker = policy.param("site.groups_per_grid_worker")
    cap = policy.param("site.grid_worker_max_households")
    per_grid = policy.param("site.grid_leaders_per_grid")
    glo, ghi = _int_range(per_worker)
    steps: list[Step] = []
    leader_notes: list[Note] = []
    leader_params: list[Parameter] = [per_grid]
    if leaders is None:
        committee_param = policy.param(
            "site.residents_committee_inside"
            if location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
            else "site.residents_committee_outside"
        )
        committee, _ = _size_range(committee_param, Convention.ODD_NEAR_MIDDLE)
        leaders = committee.recommended
        leader_params.append(committee_param)
        leader_notes.append(
            Note(
                kind=NoteKind.CONVENTION, key="site.note.leaders_default", args={"leaders": leaders}
            )
        )
    else:
        leaders = _check_count(leaders, "grid_plan", "leaders")
    starts = _grid_areas(sizes, glo, ghi, cap)
    ends = [*starts[1:], len(sizes)] if starts else []
    areas: list[GridWorkerArea] = []
    for number, (a, b) in enumerate(zip(starts, ends, strict=True), 1):
        total = sum(sizes[a:b])
        breaches: list[GridBreach] = []
        if b - a < glo:
            breaches.append(GridBreach.TOO_FEW_GROUPS)
        if b - a > ghi:
            breaches.append(GridBreach.TOO_MANY_GROUPS)
        if not cap.admits(total):
            breaches.append(GridBreach.OVER_HOUSEHOLDS)
        areas.append(
            GridWorkerArea(
                number=number,
                group_numbers=tuple(range(a + 1, b + 1)),
                households=total,
                breaches=tuple(breaches),
            )
        )
    steps.append(
        Step(
            rule="SITE-11",
            key="site.grid.workers",
            inputs={"groups": len(sizes), "households": sum(sizes), "workers": len(areas)},
            params=(per_worker, cap),
            notes=(Note(kind=NoteKind.CONVENTION, key="site.note.grid_objective"),),
        )
    )
    for area in areas:
        steps.append(
            Step(
                rule="SITE-11",
                key="site.grid.area_breach" if area.breaches else "site.grid.area",
                inputs={
                    "number": area.number,
                    "groups": list(area.group_numbers),
                    "households": area.households,
                    "reasons": list(area.breaches),
                }
                if area.breaches
                else {
                    "number": area.number,
                    "groups": list(area.group_numbers),
                    "households": area.households,
                },
                notes=(Note(kind=NoteKind.WARNING, key="site.note.grid_breach"),)
                if area.breaches
                else (),
            )
        )
    per_leader = per_grid.integer
    n_grids = min(leaders // per_leader if per_leader else 0, len(areas))
    if areas and n_grids == 0:
        raise RuleError(
            rule="SITE-11",
            message=f"{leaders} two-committee members cannot lead a grid "
            f"({per_leader} grid leader(s) per grid)",
        )
    grids: list[Grid] = []
    if n_grids:
        base, extra = divmod(len(areas), n_grids)
        k = 0
        for number in range(1, n_grids + 1):
            take = base + (1 if number <= extra else 0)
            members = areas[k : k + take]
            k += take
            grids.append(
                Grid(
                    number=number,
                    worker_area_numbers=tuple(a.number for a in members),
                    households=sum(a.households for a in members),
                    grid_leaders=per_leader,
                )
            )
    leader_notes.append(Note(kind=NoteKind.CONVENTION, key="site.note.grid_split"))
    steps.append(
        Step(
            rule="SITE-11",
            key="site.grid.grids",
            inputs={
                "leaders": leaders,
                "grids": len(grids),
                "grid_leaders": sum(g.grid_leaders for g in grids),
                "workers": len(areas),
            },
            params=tuple(leader_params),
            notes=tuple(leader_notes),
        )
    )
    return Result(
        value=GridPlan(worker_areas=tuple(areas), grids=tuple(grids), leaders_available=leaders),
        steps=tuple(steps),
    )


def grid_schedule(start: dt.date, policy: Policy, *, months: int = 3) -> Result[GridSchedule]:
    """Visit-round deadlines and joint-meeting dates from ``start``; 遍访与联席会议 (SITE-12).

    Every grid worker visits every household in the grid at least once a month (a round ends on
    the last day of each month); the two committees meet every half month (on the 1st and 16th,
    a convention).
    """
    if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
        raise InputError(
            obj="grid_schedule", field="start", value=start, expected="a datetime.date"
        )
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise InputError(
            obj="grid_schedule", field="months", value=months, expected="a whole number >= 1"
        )
    visits = policy.param("site.visits_per_month")
    meetings = policy.param("site.joint_meetings_per_month")
    first = dt.datetime(start.year, start.month, 1)
    deadlines = tuple(d.date() for d in rrule(MONTHLY, dtstart=first, bymonthday=-1, count=months))
    per = meetings.integer
    days = sorted({1 + (k * 30) // per for k in range(per)}) if per > 0 else []
    last = deadlines[-1]
    meeting_dates: tuple[dt.date, ...] = ()
    if days:
        meeting_dates = tuple(
            d.date()
            for d in rrule(
                MONTHLY,
                dtstart=dt.datetime(start.year, start.month, start.day),
                until=dt.datetime(last.year, last.month, last.day),
                bymonthday=[min(day, 28) for day in days],
            )
        )
    steps = (
        Step(
            rule="SITE-12",
            key="site.schedule.visits",
            inputs={"visits": visits.integer, "start": start, "deadlines": list(deadlines)},
            params=(visits,),
        ),
        Step(
            rule="SITE-12",
            key="site.schedule.meetings",
            inputs={"meetings": list(meeting_dates)},
            params=(meetings,),
            notes=(
                Note(kind=NoteKind.CONVENTION, key="site.note.meeting_days", args={"days": days}),
            ),
        ),
    )
    return Result(
        value=GridSchedule(
            visit_deadlines=deadlines, visits_per_month=visits.integer, joint_meetings=meeting_dates
        ),
        steps=steps,
    )


# -- SITE-13: party-mass service centre -----------------------------------------------------------


def service_centre(
    population: int,
    location: SiteLocation,
    policy: Policy,
    *,
    planned_floor_area: Area | None = None,
) -> Result[ServiceCentre]:
    """The party-mass service centre; 党群服务中心 (SITE-13).

    A site of more than 800 people gets a one-stop centre with ten functions; 800 or fewer builds
    what it can (应建尽建). A new centre has at least 500 m² inside, 300 m² outside (原则上).
    """
    population = _check_count(population, "service_centre", "population")
    location = _check_location(location, "service_centre")
    if planned_floor_area is not None and not isinstance(planned_floor_area, Area):
        raise InputError(
            obj="service_centre",
            field="planned_floor_area",
            value=planned_floor_area,
            expected="an Area (e.g. Area.m2(520)) or None",
        )
    threshold = policy.param("site.centre_min_population")
    area_param = policy.param(
        "site.centre_floor_area_inside"
        if location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
        else "site.centre_floor_area_outside"
    )
    one_stop = threshold.admits(population)
    functions = tuple(CentreFunction)
    steps: list[Step] = [
        Step(
            rule="SITE-13",
            key="site.centre.one_stop" if one_stop else "site.centre.gradual",
            inputs={"population": population, "functions": list(functions)},
            params=(threshold,),
            notes=(
                (
                    Note(
                        kind=NoteKind.BOUNDARY,
                        key="site.note.centre_800",
                        args={"value": population},
                    ),
                )
                if population == threshold.value
                else ()
            ),
        )
    ]
    minimum = Area.m2(area_param.decimal)
    met: bool | None = None
    if planned_floor_area is not None:
        planned_m2 = planned_floor_area.in_unit("m2")
        met = area_param.admits(planned_m2)
        steps.append(
            Step(
                rule="SITE-13",
                key="site.centre.area_check",
                inputs={
                    "location": location,
                    "minimum": minimum,
                    "planned": planned_floor_area,
                    "met": met,
                },
                params=(area_param,),
            )
        )
    else:
        steps.append(
            Step(
                rule="SITE-13",
                key="site.centre.area",
                inputs={"location": location, "minimum": minimum},
                params=(area_param,),
            )
        )
    return Result(
        value=ServiceCentre(
            one_stop=one_stop,
            functions=functions if one_stop else (),
            min_floor_area=minimum,
            planned_floor_area=planned_floor_area,
            floor_area_met=met,
        ),
        steps=tuple(steps),
    )


# -- SITE-14, SITE-15: service transfer and windows -----------------------------------------------


def service_transfer(situation: TransferSituation) -> Result[ServiceTransfer]:
    """Where a relocated person's pension, medical insurance and dibao are handled (SITE-14).

    公共服务转移接续: a decision table from 篇一 §二(四)2 (no numbers, so no policy).
    """
    if not isinstance(situation, TransferSituation):
        raise InputError(
            obj="service_transfer",
            field="situation",
            value=situation,
            expected="a TransferSituation",
        )
    s = situation
    cite = _cite("§二(四)2")
    across = s.scope is MoveScope.ACROSS_COUNTIES
    # Pension (城乡居民养老保险)
    pension_notes: tuple[Note, ...] = ()
    if s.pension is PensionStatus.DRAWING:
        pension = Handling.STAY_ORIGINAL
    elif s.pension is PensionStatus.CONTRIBUTING:
        if not s.registration_moved:
            pension = Handling.ORIGINAL_REGISTRATION_PLACE
        elif across:
            pension = Handling.TRANSFER
        else:
            pension = Handling.CHANGE_ADDRESS_ONLY
    else:
        pension = Handling.NOT_STATED
        pension_notes = (Note(kind=NoteKind.WARNING, key="site.note.pension_not_stated"),)
    # Medical insurance (城乡居民基本医疗保险)
    if not across or not s.registration_moved:
        medical = Handling.STAY_ORIGINAL
    elif s.medically_insured:
        medical = Handling.DESTINATION_NEXT_YEAR
    else:
        medical = Handling.NEW_REGISTRATION_PLACE
    # Minimum living allowance (最低生活保障)
    if s.registration_moved or s.residence_permit:
        dibao = (
            Handling.SITE_RURAL_DIBAO
            if s.hukou is HukouType.AGRICULTURAL
            else Handling.SITE_URBAN_DIBAO
        )
        dibao_notes: tuple[Note, ...] = (
            Note(kind=NoteKind.WARNING, key="site.note.dibao_conditions"),
        )
    else:
        dibao = Handling.ORIGIN_POLICIES
        dibao_notes = ()
    steps = (
        Step(
            rule="SITE-14",
            key="site.transfer.pension",
            inputs={
                "status": s.pension,
                "scope": s.scope,
                "moved": s.registration_moved,
                "handling": pension,
            },
            citation=cite,
            notes=pension_notes,
        ),
        Step(
            rule="SITE-14",
            key="site.transfer.medical",
            inputs={
                "scope": s.scope,
                "moved": s.registration_moved,
                "insured": s.medically_insured,
                "handling": medical,
            },
            citation=cite,
        ),
        Step(
            rule="SITE-14",
            key="site.transfer.dibao",
            inputs={
                "moved": s.registration_moved,
                "permit": s.residence_permit,
                "hukou": s.hukou,
                "handling": dibao,
            },
            citation=cite,
            notes=dibao_notes,
        ),
    )
    return Result(
        value=ServiceTransfer(
            person_id=s.person_id, pension=pension, medical_insurance=medical, dibao=dibao
        ),
        steps=steps,
    )


_COORDINATORS: tuple[tuple[Service, Department], ...] = (
    (Service.EMPLOYMENT, Department.HUMAN_RESOURCES),
    (Service.PENSION, Department.HUMAN_RESOURCES),
    (Service.LABOUR_RIGHTS, Department.HUMAN_RESOURCES),
    (Service.HOUSEHOLD_REGISTRATION, Department.PUBLIC_SECURITY),
    (Service.DIBAO, Department.CIVIL_AFFAIRS),
    (Service.EXTREME_POVERTY_SUPPORT, Department.CIVIL_AFFAIRS),
    (Service.TEMPORARY_ASSISTANCE, Department.CIVIL_AFFAIRS),
    (Service.DISABILITY_ALLOWANCES, Department.CIVIL_AFFAIRS),
    (Service.HEALTH, Department.HEALTH),
    (Service.FAMILY_PLANNING, Department.HEALTH),
    (Service.MEDICAL_INSURANCE, Department.MEDICAL_SECURITY),
    (Service.MEDICAL_ASSISTANCE, Department.MEDICAL_SECURITY),
    (Service.PUBLIC_ORDER, Department.POLITICAL_LEGAL),
    (Service.MEDIATION, Department.POLITICAL_LEGAL),
    (Service.LEGAL_ADVICE, Department.POLITICAL_LEGAL),
    (Service.PROPERTY_SERVICES, Department.HOUSING),
)


def service_windows() -> Result[ServiceWindows]:
    """The site community's service windows and the department coordinating each service (SITE-15).

    便民服务窗口及牵头协调部门, from 篇一 §二(四)4 (a table, no numbers, so no policy).
    """
    cite = _cite("§二(四)4")
    steps = [
        Step(
            rule="SITE-15",
            key="site.windows.list",
            inputs={"windows": list(ServiceWindow)},
            citation=cite,
        )
    ]
    for department in Department:
        services = [s for s, d in _COORDINATORS if d is department]
        steps.append(
            Step(
                rule="SITE-15",
                key="site.windows.department",
                inputs={"department": department, "services": services},
                citation=cite,
            )
        )
    return Result(
        value=ServiceWindows(windows=tuple(ServiceWindow), coordinators=_COORDINATORS),
        steps=tuple(steps),
    )


# -- SITE-16: township staffing -------------------------------------------------------------------


def township_staffing(policy: Policy) -> Result[TownshipStaffing]:
    """The township working group for its sites; 乡镇安置点管理服务工作专班 (SITE-16).

    One deputy leader in charge and 1–2 dedicated, established staff.
    """
    leaders = policy.param("site.township_deputy_leaders")
    staff_param = policy.param("site.township_staff")
    staff, note = _size_range(staff_param, Convention.MINIMUM)
    step = Step(
        rule="SITE-16",
        key="site.township",
        inputs={
            "leaders": leaders.integer,
            "staff": staff_param.range,
            "recommended": staff.recommended,
        },
        params=(leaders, staff_param),
        notes=(note,),
    )
    return Result(
        value=TownshipStaffing(deputy_leaders=leaders.integer, staff=staff), steps=(step,)
    )


# -- the whole plan -------------------------------------------------------------------------------


def plan_site(
    site: ResettlementSite,
    policy: Policy,
    *,
    grid_leaders: int | None = None,
    start: dt.date | None = None,
    months: int = 3,
) -> Result[SitePlan]:
    """The whole organisation plan of a resettlement site; 安置点组织设置方案 (SITE-1..SITE-16).

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
