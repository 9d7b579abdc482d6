"""Households under anti-return-to-poverty monitoring; 防止返贫监测对象."""

from __future__ import annotations

import datetime as dt

import attrs

from ..money import Money
from . import _validate as v
from .base import DomainObject
from .enums import BasicNeed, MonitoringCategory, RiskFactor
from .person import Household

__all__ = ["MonitoringCase"]


@attrs.frozen(kw_only=True)
class MonitoringCase(DomainObject):
    """A household's monitoring record on one assessment date; 监测对象."""

    household: Household = attrs.field(validator=v.instance(Household))
    assessed_on: dt.date = attrs.field(validator=v.past_date)
    per_capita_disposable_income: Money = attrs.field(validator=v.money)
    category: MonitoringCategory | None = attrs.field(
        default=None, validator=v.optional(v.member_of(MonitoringCategory))
    )
    risk_factors: frozenset[RiskFactor] = attrs.field(
        factory=frozenset, converter=v.to_frozenset, validator=v.enum_set(RiskFactor)
    )
    unmet_needs: frozenset[BasicNeed] = attrs.field(
        factory=frozenset, converter=v.to_frozenset, validator=v.enum_set(BasicNeed)
    )
    rigid_expenditure: Money = attrs.field(factory=Money.zero, validator=v.money)
    severe_hardship: bool = attrs.field(default=False, validator=v.boolean)
    income_only_from_support: bool = attrs.field(default=False, validator=v.boolean)
    unstable_income: bool = attrs.field(default=False, validator=v.boolean)
    risk_cleared: bool = attrs.field(default=False, validator=v.boolean)
