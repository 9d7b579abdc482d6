"""Households under anti-return-to-poverty monitoring; 防止返贫监测对象 (003 篇8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..money import Money
from . import _validate as v
from .base import DomainObject
from .enums import BasicNeed, MonitoringCategory, RiskFactor
from .person import Household

__all__ = ["MonitoringCase"]


def _flag() -> bool | None:
    return attrs.field(default=None, validator=v.optional(v.boolean))  # type: ignore[no-any-return]


def _to_monitoring_category(value: Any) -> Any:
    """Converter to a MonitoringCategory member (its value, a label or an alias)."""
    return v.as_member(MonitoringCategory, value)


@attrs.frozen(kw_only=True)
class MonitoringCase(DomainObject):
    """A household's monitoring record on one assessment date; 监测对象 (MON-1..MON-7).

    ``None`` in a fact field means "not recorded": a rule that needs it says so and never
    reads it as "no". Members' labour capacity is read from ``household.members``; dibao and
    extreme-poverty support from ``household``. ``risk_cleared`` is the mark the system sets
    (标记消除风险): a record without the mark is not cleared.
    """

    household: Household = attrs.field(validator=v.instance(Household))
    assessed_on: dt.date = attrs.field(converter=v.to_date, validator=v.past_date)
    per_capita_disposable_income: Money | None = attrs.field(
        default=None, validator=v.optional(v.money)
    )
    category: MonitoringCategory | None = attrs.field(
        converter=_to_monitoring_category,
        default=None,
        validator=v.optional(v.member_of(MonitoringCategory)),
    )
    registered_out_of_poverty: bool | None = _flag()
    risk_cleared: bool = attrs.field(default=False, validator=v.boolean)
    risk_factors: frozenset[RiskFactor] | None = attrs.field(
        default=None, converter=v.to_frozenset, validator=v.optional(v.enum_set(RiskFactor))
    )
    unmet_needs: frozenset[BasicNeed] | None = attrs.field(
        default=None, converter=v.to_frozenset, validator=v.optional(v.enum_set(BasicNeed))
    )
    rigid_expenditure: Money | None = attrs.field(default=None, validator=v.optional(v.money))
    large_rigid_expenditure: bool | None = _flag()
    sharp_income_drop: bool | None = _flag()
    severe_hardship: bool | None = _flag()
    living_difficulty: bool | None = _flag()
    entrepreneurial_ability: bool | None = _flag()
    income_only_from_support: bool | None = _flag()
    unstable_income: bool | None = _flag()
    weak_self_development: bool | None = _flag()
    relies_on_projects: bool | None = _flag()
    industry_conditions: bool | None = _flag()
    wants_training: bool | None = _flag()
    wants_migrant_work: bool | None = _flag()
    hard_to_employ: bool | None = _flag()
    self_reliant: bool | None = _flag()
