"""Households applying for poverty registration; 建档立卡申请户 (003 篇4, 篇5)."""

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
        raise v.fail(instance, attribute, value, "a calendar year such as 2013")


@attrs.frozen(kw_only=True)
class Applicant(DomainObject):
    """A household assessed for registration on one date; 扶贫对象 (ID-1, ID-2, ID-5).

    ``income_year`` is the calendar year the per-capita net income is for: it is compared with
    that year's poverty line at current prices. ``exclusions`` are the 十一不评 found on the
    household visit; ``None`` means not checked, an empty set means none applies.
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
            )
