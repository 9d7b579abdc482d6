"""The values screening and warning levels return (MON-1..MON-3); 监测识别结果."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from fractions import Fraction

import attrs

from ...domain.enums import ScopeGroup, WarningLevel
from ...money import Money

__all__ = [
    "LEVELS",
    "LEVEL_CONDITIONS",
    "IncomeThreshold",
    "LevelCheck",
    "LevelCondition",
    "MonitoringAssessment",
    "Screening",
    "Status",
    "WarningAssessment",
]


class Status(enum.StrEnum):
    """A record's warning status (MON-3, MON-4); the ledger's reason codes."""

    __label__ = "monitoring.status"

    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"
    NO_LEVEL = "no_level"
    RISK_CLEARED = "risk_cleared"
    UNDETERMINED = "undetermined"


class LevelCondition(enum.StrEnum):
    """A condition of a warning level; 预警条件 (MON-3). Bit order of the ledger columns."""

    __label__ = "monitoring.condition"

    ALL_LABOUR_LOST = "all_labour_lost"
    SPENDING_OR_INCOME_DROP = "spending_or_income_drop"
    SEVERE_HARDSHIP = "severe_hardship"
    INCOME_BELOW_LINE = "income_below_line"
    BASIC_NEEDS_UNMET = "basic_needs_unmet"
    NO_LABOUR = "no_labour"
    NO_ENTREPRENEURIAL_ABILITY = "no_entrepreneurial_ability"
    INCOME_ONLY_FROM_SUPPORT = "income_only_from_support"
    PARTLY_LOST_LABOUR = "partly_lost_labour"
    UNSTABLE_INCOME = "unstable_income"
    WEAK_SELF_DEVELOPMENT = "weak_self_development"
    RELIES_ON_PROJECTS = "relies_on_projects"
    RISK_FACTOR = "risk_factor"
    LIVING_DIFFICULTY = "living_difficulty"


C = LevelCondition
#: The conditions each level looks at, in the order the text lists them.
LEVEL_CONDITIONS: dict[WarningLevel, tuple[LevelCondition, ...]] = {
    WarningLevel.RED: (
        C.ALL_LABOUR_LOST,
        C.SPENDING_OR_INCOME_DROP,
        C.SEVERE_HARDSHIP,
        C.INCOME_BELOW_LINE,
        C.BASIC_NEEDS_UNMET,
    ),
    WarningLevel.YELLOW: (
        C.NO_LABOUR,
        C.NO_ENTREPRENEURIAL_ABILITY,
        C.INCOME_ONLY_FROM_SUPPORT,
        C.RISK_FACTOR,
        C.LIVING_DIFFICULTY,
    ),
    WarningLevel.BLUE: (
        C.PARTLY_LOST_LABOUR,
        C.UNSTABLE_INCOME,
        C.WEAK_SELF_DEVELOPMENT,
        C.RELIES_ON_PROJECTS,
        C.RISK_FACTOR,
        C.LIVING_DIFFICULTY,
    ),
}
LEVELS = tuple(WarningLevel)  # highest first


@attrs.frozen(kw_only=True)
class IncomeThreshold:
    """The monitoring income line: multiple × the poverty line on the reference date (MON-1).

    Args:
        year: The reference year.
        line: The poverty line of that year.
        multiple: The multiple applied (from the pack).
        amount: The monitoring income line: multiple × line.
        ratio: The multiple, exact.
    """

    year: int
    line: Money
    multiple: Decimal
    amount: Money
    ratio: Fraction  # the multiple, exact

    def below(self, income: Money) -> bool:
        """Whether ``income`` is strictly below (低于) the line: exact, in whole fen."""
        return income.fen * self.ratio.denominator < self.line.fen * self.ratio.numerator


@attrs.frozen(kw_only=True)
class Screening:
    """Which scope groups a household falls in; 监测范围 (MON-1).

    Args:
        household_id: The household's id.
        groups: Scope groups it falls in.
        failed: Scope groups it does not fall in.
        not_recorded: Scope groups that could not be decided for want of a fact.
        threshold: The monitoring income line applied.
        income: The household's per-capita disposable income; None: not recorded.
    """

    household_id: str
    groups: tuple[ScopeGroup, ...]
    failed: tuple[ScopeGroup, ...]
    not_recorded: tuple[ScopeGroup, ...]
    threshold: Money
    income: Money | None

    @property
    def in_scope(self) -> bool | None:
        """True when a group applies; None when none applies but one could not be checked."""
        if self.groups:
            return True
        return None if self.not_recorded else False

    @property
    def reason(self) -> str:
        """``in_scope``, ``out_of_scope`` or ``scope_undetermined``."""
        s = self.in_scope
        return "in_scope" if s else ("out_of_scope" if s is False else "scope_undetermined")


@attrs.frozen(kw_only=True)
class LevelCheck:
    """One level's conditions: met, failed and not recorded, and whether the level holds.

    Args:
        level: The warning level checked.
        holds: True when its conditions hold; None: a fact it needs was not recorded.
        met: Conditions met.
        failed: Conditions failed.
        not_recorded: Conditions that could not be checked for want of a fact.
    """

    level: WarningLevel
    holds: bool | None
    met: tuple[LevelCondition, ...]
    failed: tuple[LevelCondition, ...]
    not_recorded: tuple[LevelCondition, ...]


@attrs.frozen(kw_only=True)
class WarningAssessment:
    """The household's warning level with every level's check; 分级预警 (MON-3, MON-4).

    ``level`` is the highest level whose conditions hold (None: no level, or risk cleared).
    When a higher level could not be checked for want of a fact, ``determined`` is False and
    ``level`` is only a lower bound.

    Args:
        household_id: The household's id.
        assessed_on: The assessment date.
        level: The highest level whose conditions hold; None: no level, or risk cleared.
        risk_cleared: True when the record carries the risk-cleared mark.
        checks: Each level's check.
        conditions: Every level condition with its value (None: not recorded).
    """

    household_id: str
    assessed_on: dt.date
    level: WarningLevel | None
    risk_cleared: bool
    checks: tuple[LevelCheck, ...]
    conditions: tuple[tuple[LevelCondition, bool | None], ...]

    @property
    def held(self) -> tuple[WarningLevel, ...]:
        """Every level whose conditions hold, highest first."""
        return tuple(c.level for c in self.checks if c.holds)

    @property
    def determined(self) -> bool:
        """False when a level above ``level`` could not be checked."""
        if self.risk_cleared:
            return True
        for c in self.checks:
            if c.holds is None:
                return False
            if c.holds:
                return True
        return True

    @property
    def reason(self) -> str:
        """``red``, ``yellow``, ``blue``, ``no_level``, ``risk_cleared`` or ``undetermined``."""
        if self.risk_cleared:
            return "risk_cleared"
        if not self.determined:
            return "undetermined"
        return "no_level" if self.level is None else self.level.value


@attrs.frozen(kw_only=True)
class MonitoringAssessment:
    """MON-1 screening and MON-3 warning level of one monitoring record; 监测预警.

    Args:
        screening: The MON-1 screening.
        warning: The MON-3 warning level.
    """

    screening: Screening
    warning: WarningAssessment
