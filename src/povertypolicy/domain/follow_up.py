"""Relocated households after the move; 易地扶贫搬迁后续扶持对象 (FOLLOW-1..FOLLOW-7).

``None`` in a fact field means "not recorded". A date left out (``demolished_on=None``) means the
event has not happened (yet), as in :class:`~povertypolicy.domain.BuildProgress`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import InputError
from . import _validate as v
from .base import DomainObject
from .enums import LabourCapacity

__all__ = ["OldHouse", "Placement", "RelocatedHousehold", "RelocatedMember"]


def _dates(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    v.items_of(dt.date)(instance, attribute, value)
    for d in value:
        v.past_date(instance, attribute, d)


def _to_labour_capacity(value: Any) -> Any:
    """Converter to a LabourCapacity member (its value, a label or an alias)."""
    return v.as_member(LabourCapacity, value)


@attrs.frozen(kw_only=True)
class RelocatedMember(DomainObject):
    """A member of a relocated household and the follow-up facts about them; 搬迁群众.

    ``trainings`` are the dates of the trainings received (``()``: none; ``None``: not
    recorded). ``stably_employed`` is 稳定就业 (FOLLOW-2).
    """

    id: str = attrs.field(validator=v.identifier)
    labour_capacity: LabourCapacity | None = attrs.field(
        converter=_to_labour_capacity,
        default=None,
        validator=v.optional(v.member_of(LabourCapacity)),
    )
    wants_work: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    stably_employed: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    wants_training: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    trainings: tuple[dt.date, ...] | None = attrs.field(
        default=None, converter=v.to_tuple, validator=_dates
    )


@attrs.frozen(kw_only=True)
class OldHouse(DomainObject):
    """The old house a household moved out of; 旧房 (FOLLOW-4, FOLLOW-5).

    ``in_hazard_zone``: at a disaster or geological-hazard point (灾害隐患点, 地质灾害隐患区);
    ``unsafe``: a dangerous or unsafe house (危房, 住房不安全); ``non_brick_concrete``: not a
    brick-and-concrete house (非砖混旧房). ``demolished_on`` is the day it was demolished and the
    homestead vacated (拆旧腾退); ``reclaimed_on`` the day the homestead was reclaimed (复绿复垦).
    """

    in_hazard_zone: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    unsafe: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    non_brick_concrete: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    demolished_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.past_date)
    )
    reclaimed_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.past_date)
    )

    def __attrs_post_init__(self) -> None:
        if self.reclaimed_on is not None and self.demolished_on is None:
            raise InputError(
                obj="OldHouse",
                field="reclaimed_on",
                value=self.reclaimed_on,
                expected="a demolition date first: a homestead is reclaimed after demolition",
            )
        if (
            self.reclaimed_on is not None
            and self.demolished_on is not None
            and self.reclaimed_on < self.demolished_on
        ):
            raise InputError(
                obj="OldHouse",
                field="reclaimed_on",
                value=self.reclaimed_on,
                expected=f"on or after the demolition date {self.demolished_on}",
            )


@attrs.frozen(kw_only=True)
class RelocatedHousehold(DomainObject):
    """A relocated household; 易地扶贫搬迁户 (FOLLOW-1..FOLLOW-5).

    ``settled_on``: household registration settled at the destination (落户, FOLLOW-1);
    ``moved_in_on``: actually moved into the new house (实际入住, FOLLOW-4);
    ``industry_support``: has industry support (产业支撑); ``hardship``: life is hard (生活困难);
    ``property_within_limits``: family property meets the dibao rules, assessed without the
    relocation house (FOLLOW-3); ``dibao_granted_on``: the day the transitional dibao was granted.
    """

    id: str = attrs.field(validator=v.identifier)
    members: tuple[RelocatedMember, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(RelocatedMember, non_empty=True)
    )
    village: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    settled_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.past_date)
    )
    moved_in_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.past_date)
    )
    registered_poor: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    industry_support: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    hardship: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    property_within_limits: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    dibao_granted_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.past_date)
    )
    old_house: OldHouse | None = attrs.field(
        default=None, validator=v.optional(v.instance(OldHouse))
    )

    def __attrs_post_init__(self) -> None:
        v.unique_ids(self, "members", self.members)

    @property
    def size(self) -> int:
        """Number of members (the relocated people of the household)."""
        return len(self.members)


@attrs.frozen(kw_only=True)
class Placement(DomainObject):
    """One relocated worker's job placement; 转移就业 / 吸纳就业 (FOLLOW-7).

    ``ended_on`` is the last day worked (``None``: still working). ``relocated_poor``: a
    relocated registered-poor worker (易地扶贫搬迁建卡贫困户劳动力); ``local``: registered in the
    county (城口籍); ``outside_county``: working outside the county (县外务工); ``contract``: with
    a labour contract or labour agreement (劳动合同或劳务协议).
    """

    person_id: str = attrs.field(validator=v.identifier)
    started_on: dt.date = attrs.field(converter=v.to_date, validator=v.past_date)
    ended_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.past_date)
    )
    relocated_poor: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    local: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    outside_county: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    contract: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))

    def __attrs_post_init__(self) -> None:
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise InputError(
                obj="Placement",
                field="ended_on",
                value=self.ended_on,
                expected=f"on or after the start {self.started_on}",
            )
