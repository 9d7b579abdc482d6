"""Households under anti-return-to-poverty monitoring; 防止返贫监测对象 (poverty-work-plan-samples
篇8)."""

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

    Args:
        household: The household, with its members (their labour capacity) and its dibao and
            extreme-poverty support.
        assessed_on: The assessment date (评定日期).
        per_capita_disposable_income: Per-capita disposable income (人均可支配收入); None: not
            recorded.
        category: The monitoring category if already identified (监测对象类别); None: not recorded.
        registered_out_of_poverty: A household registered as out of poverty (脱贫户); None: not
            recorded.
        risk_cleared: The system's mark that the risk was cleared (标记消除风险); without it, not
            cleared.
        risk_factors: Risks found (返贫致贫风险): illness, disability, disaster …; an empty set:
            none; None: not recorded.
        unmet_needs: Basic needs not secured (两不愁三保障); an empty set: none; None: not recorded.
        rigid_expenditure: Rigid expenditure (刚性支出) in the year; None: not recorded.
        large_rigid_expenditure: Rigid expenditure is large (刚性支出数额较大); None: not recorded.
        sharp_income_drop: Income dropped sharply (收入大幅缩减); None: not recorded.
        severe_hardship: Basic living in serious difficulty (导致基本生活出现严重困难); None: not
            recorded.
        living_difficulty: Basic living in difficulty (导致基本生活出现困难); None: not recorded.
        entrepreneurial_ability: Has entrepreneurial ability (False: 无创业能力, MON-3); None: not
            recorded.
        income_only_from_support: Income only from fund support, industry dividends and the like
            (收入仅靠资金帮扶、产业分红等方式带动); None: not recorded.
        unstable_income: Income is unstable (收入不稳定); None: not recorded.
        weak_self_development: Weak drive to develop on its own (自主发展动力不足); None: not
            recorded.
        relies_on_projects: Relies mainly on industry projects and support
            (主要依靠产业项目和帮扶带动); None: not recorded.
        industry_conditions: Has conditions for industry support (产业帮扶, MON-5); None: not
            recorded.
        wants_training: Wants skills training (就业技能培训, MON-5); None: not recorded.
        wants_migrant_work: Wants organised migrant work (有组织劳务输出, MON-5); None: not
            recorded.
        hard_to_employ: Hard to employ: for a public-welfare job (公益性岗位安置, MON-5); None: not
            recorded.
        self_reliant: Shows self-reliance worth rewarding (扶志扶智, MON-5); None: not recorded.
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
