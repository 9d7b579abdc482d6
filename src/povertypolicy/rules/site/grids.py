"""SITE-11 / SITE-12: grids and their visiting schedule; 网格化管理."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dateutil.rrule import MONTHLY, rrule

from ...domain.enums import SiteLocation
from ...errors import InputError, RuleError
from ...explain import Note, Result
from ...explain.recorder import Recorder, convention, warning
from ...policy import Parameter, Policy
from ._base import _check_count, _check_counts, _check_location, _int_range, _over, _size_range
from .values import Convention, Grid, GridBreach, GridPlan, GridSchedule, GridWorkerArea

__all__ = ["grid_plan", "grid_schedule"]

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
        leader_notes.append(convention("site.note.leaders_default", leaders=leaders))
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
    rec = Recorder("SITE-11")
    rec.step(
        "site.grid.workers",
        groups=len(sizes),
        households=sum(sizes),
        workers=len(areas),
        params=(per_worker, cap),
        notes=(convention("site.note.grid_objective"),),
    )
    for area in areas:
        shown = {
            "number": area.number,
            "groups": list(area.group_numbers),
            "households": area.households,
        }
        if area.breaches:
            rec.step(
                "site.grid.area_breach",
                shown,
                reasons=list(area.breaches),
                notes=(warning("site.note.grid_breach"),),
            )
        else:
            rec.step("site.grid.area", shown)
    per_leader = per_grid.integer
    n_grids = min(leaders // per_leader if per_leader else 0, len(areas))
    if areas and n_grids == 0:
        raise RuleError(
            rule="SITE-11",
            message=f"{leaders} two-committee members cannot lead a grid "
            f"({per_leader} grid leader(s) per grid)",
            code="site.error.too_few_grid_leaders",
            extra={"leaders": leaders, "per_grid": per_leader},
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
    leader_notes.append(convention("site.note.grid_split"))
    rec.step(
        "site.grid.grids",
        leaders=leaders,
        grids=len(grids),
        grid_leaders=sum(g.grid_leaders for g in grids),
        workers=len(areas),
        params=leader_params,
        notes=leader_notes,
    )
    return rec.result(
        GridPlan(worker_areas=tuple(areas), grids=tuple(grids), leaders_available=leaders)
    )


def grid_schedule(start: dt.date, policy: Policy, *, months: int = 3) -> Result[GridSchedule]:
    """Visit-round deadlines and joint-meeting dates from ``start``; 遍访与联席会议 (SITE-12).

    Every grid worker visits every household in the grid at least once a month (a round ends on
    the last day of each month); the two committees meet every half month (on the 1st and 16th,
    a convention).
    """
    if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
        raise InputError(
            obj="grid_schedule",
            field="start",
            value=start,
            expected="a datetime.date",
            code="core.error.date",
        )
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise InputError(
            obj="grid_schedule",
            field="months",
            value=months,
            expected="a whole number >= 1",
            code="core.error.positive_count",
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
    rec = Recorder("SITE-12")
    rec.step(
        "site.schedule.visits",
        visits=visits.integer,
        start=start,
        deadlines=list(deadlines),
        params=(visits,),
    )
    rec.step(
        "site.schedule.meetings",
        meetings=list(meeting_dates),
        params=(meetings,),
        notes=(convention("site.note.meeting_days", days=days),),
    )
    return rec.result(
        GridSchedule(
            visit_deadlines=deadlines, visits_per_month=visits.integer, joint_meetings=meeting_dates
        )
    )
