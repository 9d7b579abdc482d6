"""The national poverty line (扶贫标准) for a calendar year, with its status; ID-1, MON-1, MON-3."""

from __future__ import annotations

import datetime as dt

from ..errors import InputError
from ..explain import Result
from ..explain.recorder import Recorder, warning
from ..money import Money
from ..policy import Policy

__all__ = ["poverty_line"]


def poverty_line(year: int, policy: Policy, *, rule: str = "ID-1") -> Result[Money]:
    """The poverty line at ``year``'s prices, yuan per person per year; 扶贫标准 (当年价).

    Read from ``poverty.line`` on 31 December of ``year``. A year whose figure could not be
    confirmed from a National Bureau of Statistics table says so in a note.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(
            obj="poverty_line",
            field="year",
            value=year,
            expected="a year (int)",
            code="core.error.year",
        )
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
    shown = {"year": str(year), "line": line.money}
    published = status.text == "published"
    rec = Recorder(rule)
    rec.step(
        "poverty.line",
        shown,
        params=params,
        notes=(None if published else warning(f"poverty.note.{status.text}", **shown),),
    )
    return rec.result(line.money)
