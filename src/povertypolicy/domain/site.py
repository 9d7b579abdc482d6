"""Resettlement sites, their buildings and entrances; 安置点 / 楼栋 / 楼宇门栋."""

from __future__ import annotations

import enum

import attrs

from ..errors import InputError
from . import _validate as v
from .base import DomainObject
from .enums import HukouType, SiteLocation

__all__ = [
    "Building",
    "Entrance",
    "MoveScope",
    "PensionStatus",
    "ResettlementSite",
    "TransferSituation",
]


@attrs.frozen(kw_only=True)
class Entrance(DomainObject):
    """A building entrance (stairwell unit) and its households; 楼宇门栋.

    Args:
        id: The entrance's id.
        households: Number of households behind it; zero or more.
    """

    id: str = attrs.field(validator=v.identifier)
    households: int = attrs.field(validator=v.count)


@attrs.frozen(kw_only=True)
class Building(DomainObject):
    """A building with its entrances in street order; 楼栋.

    Args:
        id: The building's id.
        entrances: Its entrances (门栋) in street order; at least one.
    """

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
    """A resettlement site; 安置点. Buildings and entrances are given in street order.

    Args:
        id: The site's id.
        location: Inside or outside the planning area of the town where the county government
            sits (县级人民政府所在地的乡镇规划区内 / 外).
        buildings: Its buildings in street order, at least one.
        population: People living at the site (安置人口).
        name: Display name (e.g. 幸福家园安置点).
    """

    id: str = attrs.field(validator=v.identifier)
    location: SiteLocation = attrs.field(validator=v.member_of(SiteLocation))
    buildings: tuple[Building, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(Building)
    )
    population: int = attrs.field(validator=v.count)
    name: str = attrs.field(default="", validator=v.text)
    party_members: int | None = attrs.field(default=None, validator=v.optional(v.count))
    """Full party members (正式党员); ``None``: not recorded, never 0 (SITE-4)."""
    union_members: int | None = attrs.field(default=None, validator=v.optional(v.count))
    """Union members (工会会员); ``None``: not recorded (SITE-10)."""
    league_members: int | None = attrs.field(default=None, validator=v.optional(v.count))
    """Youth League members (团员); ``None``: not recorded (SITE-10)."""
    secretary_is_director: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    """The party secretary is also residents' committee director; 一肩挑 (SITE-5).
    ``None``: not recorded, never 否."""
    existing_community: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    """The site already has its own community; 已成立社区的安置点 (SITE-1).
    ``None``: not recorded."""
    owners_conditions_mature: bool | None = attrs.field(
        default=None, validator=v.optional(v.boolean)
    )
    """Conditions allow an owners' committee; 条件成熟 (SITE-10). ``None``: not recorded."""

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
                    code="core.error.unique",
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


class PensionStatus(enum.StrEnum):
    """A person's place in residents' pension insurance; 城乡居民养老保险 (SITE-14)."""

    __label__ = "site.enum.pension_status"

    DRAWING = "drawing"
    CONTRIBUTING = "contributing"
    NOT_ENROLLED = "not_enrolled"


class MoveScope(enum.StrEnum):
    """Whether a move stays in the county or crosses counties; 本县范围内 / 跨县 (SITE-14)."""

    __label__ = "site.enum.move_scope"

    WITHIN_COUNTY = "within_county"
    ACROSS_COUNTIES = "across_counties"


@attrs.frozen(kw_only=True)
class TransferSituation(DomainObject):
    """A relocated person's situation for moving public services; 公共服务转移接续 (SITE-14).

    Args:
        person_id: Id of the relocated person.
        scope: Whether the move stays in the county or crosses counties.
        pension: Place in residents' pension insurance: drawing, contributing or not enrolled.
    """

    person_id: str = attrs.field(validator=v.identifier)
    scope: MoveScope = attrs.field(validator=v.member_of(MoveScope))
    registration_moved: bool = attrs.field(validator=v.boolean)
    """Household registration (户籍) moved to the destination."""
    pension: PensionStatus = attrs.field(validator=v.member_of(PensionStatus))
    medically_insured: bool = attrs.field(validator=v.boolean)
    """Already enrolled in residents' basic medical insurance (已参保者) before the move."""
    residence_permit: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    """Holds a residence permit (居住证) at the destination; ``None``: not recorded."""
    hukou: HukouType | None = attrs.field(
        default=None, validator=v.optional(v.member_of(HukouType))
    )
    """Registration type after the move: agricultural → rural dibao, otherwise urban dibao;
    ``None``: not recorded."""
