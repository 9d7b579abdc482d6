"""The national poverty line (扶贫标准) for a calendar year, with its status; ID-1, MON-1, MON-3."""

from __future__ import annotations

import datetime as dt

from ..errors import InputError
from ..explain import Note, NoteKind, Result, Step
from ..money import Money
from ..policy import Policy

__all__ = ["poverty_line"]


def poverty_line(year: int, policy: Policy, *, rule: str = "ID-1") -> Result[Money]:
    """The poverty line at ``year``'s prices, yuan per person per year; 扶贫标准 (当年价).

    Read from ``poverty.line`` on 31 December of ``year``. A year whose figure could not be
    confirmed from a National Bureau of Statistics table says so in a note.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(obj="poverty_line", field="year", value=year, expected="a year (int)")
    key = (year, id(policy), rule)
    hit = _cache.get(key)
    if hit is not None and hit[0] is policy:
        return hit[1]
    if len(_cache) >= 256:
        _cache.clear()
    found = _line(year, policy, rule)
    _cache[key] = (policy, found)
    return found


# Keyed by the policy's identity: resolved policies are shared, and hashing one is slow.
_cache: dict[tuple[int, int, str], tuple[Policy, Result[Money]]] = {}


def _line(year: int, policy: Policy, rule: str) -> Result[Money]:
    at = policy.at(dt.date(year, 12, 31))
    line = at.param("poverty.line")
    status = at.param("poverty.line_status")
    params = [line, status]
    if "core.poverty_line_2010_prices" in at:
        params.append(at.param("core.poverty_line_2010_prices"))
    notes: tuple[Note, ...] = ()
    if status.text != "published":
        notes = (
            Note(
                kind=NoteKind.WARNING,
                key=f"poverty.note.{status.text}",
                args={"year": str(year), "line": line.money},
            ),
        )
    step = Step(
        rule=rule,
        key="poverty.line",
        inputs={"year": str(year), "line": line.money},
        params=tuple(params),
        notes=notes,
    )
    return Result(value=line.money, steps=(step,))
