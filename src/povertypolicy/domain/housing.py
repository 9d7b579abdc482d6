"""Construction progress of a relocated household's new house; 建房进度."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..errors import InputError
from ..money import Money
from . import _validate as v
from .base import DomainObject

__all__ = ["BuildProgress", "Milestone"]


class Milestone(enum.StrEnum):
    """Milestones that release housing-subsidy tranches, in order; 拨付节点 (HOUSE-3)."""

    __label__ = "housing.milestone"

    FOUNDATION = "foundation"
    FIRST_STOREY = "first_storey"
    SECOND_STOREY = "second_storey"
    OLD_HOUSE_DEMOLISHED = "old_house_demolished"


CONSTRUCTION = (Milestone.FOUNDATION, Milestone.FIRST_STOREY, Milestone.SECOND_STOREY)


@attrs.frozen(kw_only=True)
class BuildProgress(DomainObject):
    """When each milestone was reached and which tranches were paid; 建房进度 (HOUSE-3, HOUSE-4).

    Args:
        foundation_accepted_on: Day the foundation was accepted (地基打好经验收, first tranche);
            None: not reached or not recorded.
        first_storey_on: Day the first storey was built (一层建好); None: not reached or not
            recorded.
        second_storey_on: Day the second storey was built (二层建好); None: not reached or not
            recorded.
        old_house_demolished_on: Day the old house was demolished and levelled (旧房拆除平整);
            None: not reached or not recorded.
        demolished_by_township: True: the township demolished it (乡镇强行拆除) and the cost is
            deducted; False: the household did; None: not recorded, never "the household did".
        demolition_cost: The township's demolition cost; required when ``demolished_by_township`` is
            True, else None.
        paid: Milestones whose tranche was already paid; ``()``: none.
    """

    foundation_accepted_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.a_date)
    )
    first_storey_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.a_date)
    )
    second_storey_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.a_date)
    )
    old_house_demolished_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.a_date)
    )
    demolished_by_township: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    demolition_cost: Money | None = attrs.field(default=None, validator=v.optional(v.money))
    paid: tuple[Milestone, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items_of(Milestone)
    )

    def __attrs_post_init__(self) -> None:
        if self.demolition_cost is not None and self.demolished_by_township is not True:
            raise InputError(
                obj="BuildProgress",
                field="demolition_cost",
                value=self.demolition_cost,
                expected="no cost unless demolished_by_township is True",
                code="core.error.cost_without_township",
                extra={"flag": "demolished_by_township"},
            )
        if self.demolished_by_township and self.old_house_demolished_on is None:
            raise InputError(
                obj="BuildProgress",
                field="old_house_demolished_on",
                value=None,
                expected="the date the township demolished the old house",
                code="core.error.demolition_date_missing",
                extra={"flag": "demolished_by_township"},
            )
        if self.demolished_by_township and self.demolition_cost is None:
            raise InputError(
                obj="BuildProgress",
                field="demolition_cost",
                value=None,
                expected="the cost of the township's demolition (not recorded: it is deducted "
                "from the subsidy, so it cannot be assumed to be zero)",
                code="core.error.demolition_cost_missing",
                extra={"flag": "demolished_by_township"},
            )
        twice = next((m for i, m in enumerate(self.paid) if m in self.paid[:i]), None)
        if twice is not None:
            raise InputError(
                obj="BuildProgress",
                field="paid",
                value=self.paid,
                expected="no milestone twice",
                code="core.error.repeated",
                extra={"repeated": twice},
            )

    def reached_on(self, milestone: Milestone) -> dt.date | None:
        """The date a milestone was reached, or None."""
        return {
            Milestone.FOUNDATION: self.foundation_accepted_on,
            Milestone.FIRST_STOREY: self.first_storey_on,
            Milestone.SECOND_STOREY: self.second_storey_on,
            Milestone.OLD_HOUSE_DEMOLISHED: self.old_house_demolished_on,
        }[milestone]
