"""Relocated households after the move; 易地扶贫搬迁后续扶持对象 (FOLLOW-1..FOLLOW-7).

``None`` in a fact field means "not recorded". A date left out (``demolished_on=None``) means the
event has not happened (yet), as in `BuildProgress`.
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

    Args:
        id: The member's id.
        labour_capacity: Labour capacity (劳动能力); None: not recorded.
        wants_work: Wants to work (有就业意愿); None: not recorded.
        stably_employed: Stably employed (稳定就业, FOLLOW-2); None: not recorded.
        wants_training: Wants training (有培训意愿); None: not recorded.
        trainings: Dates of the trainings received; ``()``: none; None: not recorded.
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

    Args:
        in_hazard_zone: At a disaster or geological-hazard point (灾害隐患点, 地质灾害隐患区); None:
            not recorded.
        unsafe: A dangerous or unsafe house (危房, 住房不安全); None: not recorded.
        non_brick_concrete: Not a brick-and-concrete house (非砖混旧房); None: not recorded.
        demolished_on: Day it was demolished and the homestead vacated (拆旧腾退); None: not yet or
            not recorded.
        reclaimed_on: Day the homestead was reclaimed (复绿复垦); None: not yet or not recorded.
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
                code="core.error.reclaim_not_demolished",
                extra={"needs": "demolished_on"},
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
                code="core.error.date_order",
                extra={"earlier": "demolished_on", "start": self.demolished_on},
            )


@attrs.frozen(kw_only=True)
class RelocatedHousehold(DomainObject):
    """A relocated household; 易地扶贫搬迁户 (FOLLOW-1..FOLLOW-5).

    Args:
        id: The household's id.
        members: Its members, at least one.
        village: The village or site it belongs to; None: not recorded.
        settled_on: Household registration settled at the destination (落户, FOLLOW-1); None: not
            recorded.
        moved_in_on: Actually moved into the new house (实际入住, FOLLOW-4); None: not recorded.
        registered_poor: A registered poor household (建档立卡贫困户); None: not recorded.
        industry_support: Has industry support (产业支撑); None: not recorded.
        hardship: Life is hard (生活困难); None: not recorded.
        property_within_limits: Family property meets the dibao rules, assessed without the
            relocation house (FOLLOW-3); None: not recorded.
        dibao_granted_on: Day the transitional dibao was granted; None: not granted or not recorded.
        old_house: The old house it moved out of; None: not recorded.
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

    Args:
        person_id: Id of the worker.
        started_on: First day worked.
        ended_on: Last day worked; None: still working.
        relocated_poor: A relocated registered-poor worker (易地扶贫搬迁建卡贫困户劳动力); None: not
            recorded.
        local: Registered in the county (城口籍); None: not recorded.
        outside_county: Working outside the county (县外务工); None: not recorded.
        contract: With a labour contract or labour agreement (劳动合同或劳务协议); None: not
            recorded.
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
                code="core.error.date_order",
                extra={"earlier": "started_on", "start": self.started_on},
            )
