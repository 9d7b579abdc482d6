"""Resettlement sites: clauses and shared helpers; 安置点 (SITE-1..16)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...domain.enums import SiteLocation
from ...errors import InputError
from ...explain import Citation, Note
from ...explain.recorder import boundary, convention
from ...policy import Bound, Parameter
from .values import Convention, SizeRange

_SEED = "relocation-follow-up-documents"


def _cite(section: str) -> Citation:
    return Citation(document=_SEED, section=f"篇一 {section}")


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


def _recommended(value: int, chosen: Convention) -> Note:
    """The note saying which value a range's recommendation took, under which convention."""
    return convention("site.note.recommended", value=value, convention=chosen)


def _size_range(param: Parameter, chosen: Convention) -> tuple[SizeRange, Note]:
    """A range parameter with its recommended value under the convention ``chosen``."""
    lo, hi = _int_range(param)
    rec: int
    if chosen is Convention.ODD_NEAR_MIDDLE:
        odd = _odd_near_middle(lo, hi)
        if odd is None:
            chosen = Convention.MIDDLE
            rec = (lo + hi) // 2
        else:
            rec = odd
    elif chosen is Convention.MINIMUM:
        rec = lo
    else:
        rec = (lo + hi) // 2
    return SizeRange(min=lo, max=hi, recommended=rec, convention=chosen), _recommended(rec, chosen)


def _overlap_note(param: Parameter, value: int, winner: Any, loser: Any) -> tuple[Note, ...]:
    """A boundary note when ``value`` sits on a bound the seed text puts in two bands."""
    if value != param.value:
        return ()
    return (boundary("site.note.overlap", value=value, winner=winner, loser=loser),)


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
            code="core.error.enum",
            extra={"choices": ", ".join(f"SiteLocation.{m.name}" for m in SiteLocation)},
        )
    return location


def _check_count(value: Any, obj: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            obj=obj,
            field=field,
            value=value,
            expected="a whole number >= 0",
            code="core.error.count",
        )
    return value


def _check_counts(values: Any, obj: str, field: str) -> tuple[int, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InputError(
            obj=obj,
            field=field,
            value=values,
            expected="a sequence of whole numbers",
            code="site.error.counts",
        )
    return tuple(_check_count(v, obj, field) for v in values)
