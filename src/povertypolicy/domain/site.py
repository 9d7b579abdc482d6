"""Resettlement sites, their buildings and entrances; 安置点 / 楼栋 / 楼宇门栋."""

from __future__ import annotations

import attrs

from ..errors import InputError
from . import _validate as v
from .base import DomainObject
from .enums import SiteLocation

__all__ = ["Building", "Entrance", "ResettlementSite"]


@attrs.frozen(kw_only=True)
class Entrance(DomainObject):
    """A building entrance (stairwell unit) and its households; 楼宇门栋."""

    id: str = attrs.field(validator=v.identifier)
    households: int = attrs.field(validator=v.count)


@attrs.frozen(kw_only=True)
class Building(DomainObject):
    """A building with its entrances in street order; 楼栋."""

    id: str = attrs.field(validator=v.identifier)
    entrances: tuple[Entrance, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(Entrance, non_empty=True)
    )

    def __attrs_post_init__(self) -> None:
        v.unique_ids(self, "entrances", self.entrances)

    @property
    def households(self) -> int:
        """Households in all entrances."""
        return sum(e.households for e in self.entrances)


@attrs.frozen(kw_only=True)
class ResettlementSite(DomainObject):
    """A resettlement site; 安置点. Buildings and entrances are given in street order."""

    id: str = attrs.field(validator=v.identifier)
    location: SiteLocation = attrs.field(validator=v.member_of(SiteLocation))
    buildings: tuple[Building, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(Building)
    )
    population: int = attrs.field(validator=v.count)
    name: str = attrs.field(default="", validator=v.text)
    party_members: int = attrs.field(default=0, validator=v.count)
    union_members: int = attrs.field(default=0, validator=v.count)
    league_members: int = attrs.field(default=0, validator=v.count)

    def __attrs_post_init__(self) -> None:
        v.unique_ids(self, "buildings", self.buildings)
        seen: set[str] = set()
        for entrance in self.entrances:
            if entrance.id in seen:
                raise InputError(
                    obj="ResettlementSite",
                    field="buildings",
                    value=entrance.id,
                    expected="entrance ids unique across the site",
                )
            seen.add(entrance.id)

    @property
    def entrances(self) -> tuple[Entrance, ...]:
        """All entrances in street order (building by building)."""
        return tuple(e for b in self.buildings for e in b.entrances)

    @property
    def households(self) -> int:
        """Households in all entrances."""
        return sum(b.households for b in self.buildings)
