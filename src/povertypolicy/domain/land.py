"""Parcels of land; 地块."""

from __future__ import annotations

import attrs

from ..units import Area
from . import _validate as v
from .base import DomainObject
from .enums import LandType

__all__ = ["Parcel"]


@attrs.frozen(kw_only=True)
class Parcel(DomainObject):
    """A parcel of land; 地块. ``contracted_by`` is the contracting household's id (承包户)."""

    id: str = attrs.field(validator=v.identifier)
    area: Area = attrs.field(validator=v.positive_area)
    land_type: LandType = attrs.field(validator=v.member_of(LandType))
    contracted_by: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    collective: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
