"""What the relocation-site tests share: the two locations, the 篇一 pack's policy and a
one-building site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

import povertypolicy as pp

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA


@pytest.fixture
def policy() -> pp.Policy:
    """The relocation-follow-up-documents 篇一 pack on a date it covers."""
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def make_site(
    households: Sequence[int],
    *,
    location: pp.SiteLocation = INSIDE,
    population: int | None = None,
    **extra: object,
) -> pp.ResettlementSite:
    """A one-building site whose entrances have the given households, in street order."""
    return pp.ResettlementSite(
        id="t",
        location=location,
        population=4 * sum(households) if population is None else population,
        buildings=[
            pp.Building(
                id="B1",
                entrances=[pp.Entrance(id=f"E{i}", households=h) for i, h in enumerate(households)],
            )
        ]
        if households
        else [],
        **extra,  # type: ignore[arg-type]
    )


def note_keys(result: pp.Result[object]) -> list[str]:
    return [n.key for s in result.steps for n in s.notes]
