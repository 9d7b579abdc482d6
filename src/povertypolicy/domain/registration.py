"""Households applying for poverty registration; 建档立卡申请户 (poverty-work-plan-samples 篇4,
篇5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import InputError
from ..money import Money
from . import _validate as v
from .base import DomainObject
from .enums import Exclusion
from .person import Household

__all__ = ["Applicant"]


def _flag() -> bool | None:
    return attrs.field(default=None, validator=v.optional(v.boolean))  # type: ignore[no-any-return]


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise v.fail(
            instance, attribute, value, "a calendar year such as 2013", code="core.error.year"
        )


@attrs.frozen(kw_only=True)
class Applicant(DomainObject):
    """A household assessed for registration on one date; 扶贫对象 (ID-1, ID-2, ID-5).

    Args:
        household: The household assessed, with its members.
        assessed_on: The assessment date (评定日期): ages and the poverty line are taken on it.
        main_labourer_id: Id of the main labourer (主要劳动力), a member of ``household``; None: not
            recorded.
        willing: Whether the household applied or agreed to be registered (自愿申请); None: not
            recorded.
        per_capita_net_income: Per-capita net income (人均纯收入) of ``income_year``; None: not
            recorded.
        income_year: Calendar year the income is for: compared with that year's poverty line at
            current prices; None: not recorded.
        exclusions: The 十一不评 found on the household visit; an empty set: none applies; None: not
            checked.
        family_planning_priority: A family-planning household given priority (计划生育户优先, ID-4);
            None: not recorded.
        five_guarantee: A five-guarantee household (五保户); None: not recorded.
        deep_poverty: In deep poverty (深度贫困); None: not recorded.
    """

    household: Household = attrs.field(validator=v.instance(Household))
    assessed_on: dt.date = attrs.field(converter=v.to_date, validator=v.past_date)
    main_labourer_id: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    willing: bool | None = _flag()
    per_capita_net_income: Money | None = attrs.field(default=None, validator=v.optional(v.money))
    income_year: int | None = attrs.field(default=None, validator=_year)
    exclusions: frozenset[Exclusion] | None = attrs.field(
        default=None, converter=v.to_frozenset, validator=v.optional(v.enum_set(Exclusion))
    )
    family_planning_priority: bool | None = _flag()
    five_guarantee: bool | None = _flag()
    deep_poverty: bool | None = _flag()

    def __attrs_post_init__(self) -> None:
        ids = {m.id for m in self.household.members}
        if self.main_labourer_id is not None and self.main_labourer_id not in ids:
            raise InputError(
                obj="Applicant",
                field="main_labourer_id",
                value=self.main_labourer_id,
                expected=f"the id of a member ({', '.join(sorted(ids))})",
                code="core.error.not_a_member",
                extra={"members": tuple(sorted(ids))},
            )
