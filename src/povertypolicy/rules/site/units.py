"""SITE-1 .. SITE-3: management unit and residents' groups; 管理单元、居民小组."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ...domain.enums import SiteLocation
from ...domain.site import (
    Entrance,
    ResettlementSite,
)
from ...errors import InputError, RuleError
from ...explain import Note, Result
from ...explain.recorder import Recorder, convention, default, warning
from ...policy import Parameter, Policy
from ._base import _band_param, _check_location, _int_range, _overlap_note
from .values import GroupBreach, GroupKind, ManagementUnit, ResidentsGroup, UnitKind

__all__ = ["management_unit", "partition_groups"]

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
            obj="management_unit",
            field="site",
            value=site,
            expected="a ResettlementSite",
            code="site.error.site_type",
            extra={"type": "ResettlementSite"},
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
        notes.append(convention("site.note.too_small", min=lo))
    if site.existing_community:
        notes.append(default("site.note.existing_community"))
    elif site.existing_community is None:
        notes.append(warning("site.note.existing_community_not_recorded"))
    rec = Recorder("SITE-1")
    rec.step(
        "site.unit",
        location=site.location,
        households=households,
        kind=kind,
        group_kind=group_kind,
        band=band_param.range,
        params=(threshold, band_param),
        notes=notes,
    )
    sub = policy.param("site.sub_district_min_population")
    may_apply = sub.admits(site.population)
    rec.step(
        "site.sub_district.yes" if may_apply else "site.sub_district.no",
        rule="SITE-2",
        population=site.population,
        params=(sub,),
        notes=(default("site.note.sub_district_advisory") if may_apply else None,),
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
    return rec.result(value)


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
            code="site.error.entrances",
            extra={"type": "Entrance"},
        )
    for e in entrances:
        if not isinstance(e, Entrance):
            raise InputError(
                obj="partition_groups",
                field="entrances",
                value=e,
                expected="each item an Entrance",
                code="core.error.item",
                extra={"item": "Entrance"},
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
                code="site.error.group_target_outside_band",
                extra={"param": target_name, "target": target_param.integer, "min": lo, "max": hi},
            )
    else:
        target2 = lo + hi
        notes.append(convention("site.note.target_midpoint"))
    target_text = Decimal(target2) / 2
    notes.append(convention("site.note.objective"))
    sizes = [e.households for e in entrances]
    ids = [e.id for e in entrances]
    starts = _partition_sizes(sizes, lo, hi, target2)
    site_total = sum(sizes)
    band = band_param.range
    groups: list[ResidentsGroup] = []
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
        groups.append(
            ResidentsGroup(
                number=number,
                kind=kind,
                entrance_ids=tuple(ids[a:b]),
                households=total,
                breach=breach,
            )
        )
    rec = Recorder("SITE-3")
    rec.step(
        "site.groups.summary",
        entrances=len(entrances),
        households=site_total,
        groups=len(groups),
        group_kind=kind,
        band=band,
        target=target_text,
        breaches=sum(1 for group in groups if group.breach is not None),
        params=params,
        notes=notes,
    )
    for group in groups:
        shown = {
            "number": group.number,
            "entrances": list(group.entrance_ids),
            "households": group.households,
        }
        if group.breach is None:
            rec.step("site.groups.group", shown)
        else:
            rec.step(
                "site.groups.breach",
                shown,
                band=band,
                reason=group.breach,
                notes=(warning("site.note.entrances_whole"),),
            )
    return rec.result(tuple(groups))
