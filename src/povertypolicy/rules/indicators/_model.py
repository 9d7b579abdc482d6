"""What a checklist is made of: figures, indicators, and an indicator's score; 指标体系."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction

import attrs

from ...domain.indicators import UnitLevel

__all__ = [
    "Checklist",
    "Figure",
    "FigureKind",
    "Indicator",
    "Measure",
    "Score",
    "Status",
    "UnitScores",
]


class Status(enum.StrEnum):
    """An indicator's outcome for one unit; 考核结果. Not reported is never read as zero."""

    __label__ = "indicators.status"

    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"
    NOT_APPLICABLE = "not_applicable"


class Measure(enum.StrEnum):
    """How an indicator reads its figures."""

    RATIO = "ratio"  # numerator and denominator counts, as a percentage
    PERCENT = "percent"  # one figure that is already a percentage (报销比例)
    NUMBER = "number"  # one count or quantity (m², mu)
    FLAGS = "flags"  # yes/no items: how many are yes


class FigureKind(enum.StrEnum):
    """What a reported figure is."""

    COUNT = "count"  # a whole number >= 0
    YES_NO = "yes_no"  # True / False
    QUANTITY = "quantity"  # a Decimal >= 0 (m², mu)
    PERCENT = "percent"  # a Decimal from 0 to 100


@attrs.frozen(kw_only=True)
class Figure:
    """One figure a unit reports: its name, ledger headers and kind; 指标数据项.

    Args:
        name: The figure's name.
        zh: Its header in simplified Chinese.
        hant: Its header in traditional Chinese.
        kind: Count, yes/no, quantity or percent.
        doc: What it means.
    """

    name: enum.StrEnum
    zh: str
    hant: str
    kind: FigureKind
    doc: str


@attrs.frozen(kw_only=True)
class Indicator:
    """One target: the figures it reads, its threshold parameter and the level it applies to.

    Args:
        id: The indicator's name.
        rule: Its rule ID.
        level: The level of unit it applies to.
        param: Its threshold parameter.
        measure: How the figures are compared (ratio, percent, number, flags, count, yes/no,
            quantity).
        figures: The figures it reads.
        applies_when: A yes/no figure: not applicable when it is False (a village without a school
            is not scored on its school); None: always applies.
        either: An alternative target: met when one of the two is (1 large animal *or* 2 pigs);
            None: none.
        due: A date parameter: when the target is due, shown with the score; None: none.
        part: With ``either``: this indicator's own alternative (the indicator is their union);
            None: none.
    """

    id: enum.StrEnum
    rule: str
    level: UnitLevel
    param: str
    measure: Measure
    figures: tuple[enum.StrEnum, ...]
    applies_when: enum.StrEnum | None = None
    either: Indicator | None = None
    due: str | None = None
    part: enum.StrEnum | None = None


@attrs.frozen(kw_only=True)
class Checklist:
    """A set of indicators over the figures units report; 考核清单 (e.g. the four haves).

    Args:
        id: The checklist's id, e.g. ``four_haves``.
        rules: Its rule IDs.
        indicators: Its indicators.
        figures: The figures units report for it.
    """

    id: str
    rules: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    figures: tuple[Figure, ...]

    @property
    def levels(self) -> tuple[UnitLevel, ...]:
        """The levels its indicators apply to, in order of first use."""
        return tuple(dict.fromkeys(i.level for i in self.indicators))

    def for_level(self, level: UnitLevel) -> tuple[Indicator, ...]:
        """The indicators a unit of ``level`` is scored on."""
        return tuple(i for i in self.indicators if i.level is level)

    def figure(self, name: enum.StrEnum) -> Figure:
        """The figure called ``name``."""
        for f in self.figures:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def params(self) -> tuple[str, ...]:
        """Every threshold parameter the checklist reads."""
        out: list[str] = []
        for i in self.indicators:
            out.append(i.param)
            if i.either is not None:
                out.append(i.either.param)
        return tuple(out)


@attrs.frozen(kw_only=True)
class Score:
    """One indicator's score for one unit; 指标得分.

    Args:
        indicator: The indicator scored.
        level: The unit's level.
        status: Met, not met, not reported or not applicable.
        value: The figure as compared (a percentage for ratios, the number of yes items for flags);
            None: not reported.
        threshold: The target; None: not applicable.
        gap: How far the value is from the threshold, positive when short of it (minimum: threshold
            − value; maximum: value − threshold).
        short_by: How many more (for a maximum, fewer) to meet the target: people or
            households for a ratio, items in place for flags.
        missing: Figures not reported.
        parts: With an alternative target: the score of each part.
    """

    indicator: enum.StrEnum
    level: UnitLevel
    status: Status
    value: Fraction | None = None
    threshold: Fraction | None = None
    gap: Fraction | None = None
    short_by: int | None = None
    missing: tuple[enum.StrEnum, ...] = ()
    parts: tuple[Score, ...] = ()


@attrs.frozen(kw_only=True)
class UnitScores:
    """Every indicator of a checklist scored for one unit; 单位考核结果.

    Args:
        unit_id: The unit's id.
        level: Its level.
        checklist: The checklist's id.
        scores: Each indicator's score.
    """

    unit_id: str
    level: UnitLevel
    checklist: str
    scores: tuple[Score, ...]

    def count(self, status: Status) -> int:
        """How many indicators have ``status``."""
        return sum(1 for s in self.scores if s.status is status)

    @property
    def status(self) -> Status:
        """Not met if one is not met; else not reported if one is not reported; else met."""
        return overall(s.status for s in self.scores)

    def score(self, indicator: enum.StrEnum) -> Score:
        """The score of one indicator."""
        for s in self.scores:
            if s.indicator == indicator:
                return s
        raise KeyError(indicator)


def overall(statuses: Iterable[Status]) -> Status:
    """Not met beats not reported beats met; not applicable items do not count."""
    seen = set(statuses)
    if Status.NOT_MET in seen:
        return Status.NOT_MET
    if Status.NOT_REPORTED in seen:
        return Status.NOT_REPORTED
    if Status.MET in seen:
        return Status.MET
    return Status.NOT_APPLICABLE
