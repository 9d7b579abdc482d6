"""SITE-6 .. SITE-9: committees, representatives, community workers; 两委、居民代表."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.enums import SiteLocation
from ...explain import Note, Result
from ...explain.recorder import Recorder, convention, default, warning
from ...policy import Parameter, Policy
from ._base import (
    _check_count,
    _check_counts,
    _check_location,
    _int_range,
    _overlap_note,
    _recommended,
    _size_range,
)
from .values import (
    Committees,
    Convention,
    RepresentativeMethod,
    Representatives,
    SizeRange,
    WorkerBand,
)

__all__ = ["committee_sizes", "community_workers"]

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
    rec = Recorder("SITE-6" if inside else "SITE-8")
    committee_param = policy.param(
        "site.residents_committee_inside" if inside else "site.residents_committee_outside"
    )
    committee, note = _size_range(committee_param, Convention.ODD_NEAR_MIDDLE)
    rec.step(
        "site.committee.residents",
        location=location,
        range=committee_param.range,
        recommended=committee.recommended,
        params=(committee_param,),
        notes=(note,),
    )
    leaders_param = policy.param("site.group_leaders_per_group")
    leaders = g * leaders_param.integer
    rec.step("site.committee.group_leaders", groups=g, leaders=leaders, params=(leaders_param,))
    reps: Representatives
    if inside:  # SITE-6
        per = policy.param("site.representatives_per_group_inside")
        tot = policy.param("site.representatives_total_inside")
        plo, phi = _int_range(per)
        tlo, thi = _int_range(tot)
        lo, hi = max(g * plo, tlo), min(g * phi, thi)
        if lo <= hi:
            pick = (lo + hi) // 2
            reps = Representatives(
                method=RepresentativeMethod.PER_GROUP,
                min=lo,
                max=hi,
                recommended=pick,
                per_group=_spread(pick, sizes, plo, phi),
                conflict=False,
            )
            rec.step(
                "site.reps.inside",
                groups=g,
                min=lo,
                max=hi,
                recommended=pick,
                params=(per, tot),
                notes=(_recommended(pick, Convention.FEASIBLE_MIDDLE),),
            )
        else:
            pick = g * phi if g * phi < tlo else g * plo
            reps = Representatives(
                method=RepresentativeMethod.PER_GROUP,
                min=g * plo,
                max=g * phi,
                recommended=pick,
                per_group=_spread(pick, sizes, plo, phi),
                conflict=True,
            )
            rec.step(
                "site.reps.inside_conflict",
                groups=g,
                group_min=g * plo,
                group_max=g * phi,
                total=tot.range,
                recommended=pick,
                params=(per, tot),
                notes=(
                    warning("site.note.reps_conflict"),
                    convention("site.note.reps_conflict_choice"),
                ),
            )
    else:  # SITE-8
        per = policy.param("site.households_per_representative_outside")
        floor = policy.param("site.representatives_min_outside")
        hlo, hhi = _int_range(per)
        by_hh_lo = -(-households // hhi)
        by_hh_hi = households // hlo
        lo = by_hh_lo
        while not floor.admits(lo):
            lo += 1
        if lo <= by_hh_hi:
            pick = (lo + by_hh_hi) // 2
            reps = Representatives(
                method=RepresentativeMethod.PER_HOUSEHOLDS,
                min=lo,
                max=by_hh_hi,
                recommended=pick,
                per_group=_spread(pick, sizes, 0, pick),
                conflict=False,
            )
            rec.step(
                "site.reps.outside",
                households=households,
                min=lo,
                max=by_hh_hi,
                recommended=pick,
                params=(per, floor),
                notes=(_recommended(pick, Convention.FEASIBLE_MIDDLE),),
            )
        else:
            pick = lo
            reps = Representatives(
                method=RepresentativeMethod.BY_GROUPS,
                min=lo,
                max=None,
                recommended=pick,
                per_group=_spread(pick, sizes, 0, pick),
                conflict=True,
            )
            rec.step(
                "site.reps.outside_conflict",
                households=households,
                household_max=by_hh_hi,
                minimum=lo,
                recommended=pick,
                params=(per, floor),
                notes=(
                    warning("site.note.reps_outside_conflict"),
                    _recommended(pick, Convention.MINIMUM),
                ),
            )
    sup_param = policy.param("site.supervisory_committee")
    supervisory, sup_note = _size_range(sup_param, Convention.ODD_NEAR_MIDDLE)
    rec.step(
        "site.committee.supervisory",
        rule="SITE-9",
        range=sup_param.range,
        recommended=supervisory.recommended,
        params=(sup_param,),
        notes=(sup_note, default("site.note.supervisory_chair")),
    )
    value = Committees(
        residents_committee=committee,
        group_leaders=leaders,
        representatives=reps,
        supervisory_committee=supervisory,
    )
    return rec.result(value)


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
        notes.append(_recommended(value.recommended, Convention.MINIMUM))
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
    rec = Recorder("SITE-7")
    rec.step(
        key,
        households=households,
        min=value.min,
        max=value.max,
        recommended=value.recommended,
        params=used,
        notes=notes,
    )
    return rec.result(value)
