"""Units that report figures against targets; 考核单位 (KPI-1..KPI-5, FOLLOW-6)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from ..errors import InputError
from . import _validate as v

__all__ = ["FigureValue", "ReportingUnit", "UnitLevel"]

FigureValue = bool | int | Decimal


class UnitLevel(enum.StrEnum):
    """What kind of unit reports the figures; 考核层级."""

    __label__ = "indicators.level"

    TOWN = "town"
    VILLAGE = "village"
    HOUSEHOLD = "household"
    SITE = "site"
    PROJECT = "project"


def _figures(value: Any) -> Any:
    """A read-only copy of a mapping; anything else is kept for the validator to report."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


def _check_figures(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping):
        raise v.fail(
            instance,
            attribute,
            value,
            "a mapping of figure name → value",
            code="core.error.figures",
        )
    for name, figure in value.items():
        if not isinstance(name, str) or not name:
            raise v.fail(
                instance,
                attribute,
                name,
                "figure names as non-empty strings",
                code="core.error.figure_name",
            )
        if figure is None or isinstance(figure, bool):
            continue
        if isinstance(figure, int):
            if figure < 0:
                raise v.fail(
                    instance,
                    attribute,
                    figure,
                    f"{name}: a whole number >= 0",
                    code="core.error.figure_negative",
                    figure=name,
                )
            continue
        if isinstance(figure, Decimal):
            if not figure.is_finite():
                raise v.fail(
                    instance,
                    attribute,
                    figure,
                    f"{name}: a finite number >= 0",
                    code="core.error.figure_finite",
                    figure=name,
                )
            if figure < 0:
                raise v.fail(
                    instance,
                    attribute,
                    figure,
                    f"{name}: a finite number >= 0",
                    code="core.error.figure_negative",
                    figure=name,
                )
            continue
        raise v.fail(
            instance,
            attribute,
            figure,
            f"{name}: True/False, a whole number or a Decimal",
            code="core.error.figure_type",
            figure=name,
        )


def _to_unit_level(value: Any) -> Any:
    """Converter to a UnitLevel member (its value, a label or an alias)."""
    return v.as_member(UnitLevel, value)


@attrs.frozen(kw_only=True, eq=False)
class ReportingUnit:
    """A town, village, household, site or project and the figures it reports; 考核单位.

    Args:
        id: The unit's id (e.g. the town's name).
        level: Town, village, household, site or project.
        figures: Figure name (e.g. ``surplus_labour``) → value: True/False for a yes/no item, a
            whole number for a count, a ``Decimal`` for a quantity or a percentage. Missing or None:
            not reported, never zero.
        name: Display name; free text.
        parent_id: Id of the unit it belongs to (a village's town); None: none or not recorded.
    """

    id: str = attrs.field(validator=v.identifier)
    level: UnitLevel = attrs.field(converter=_to_unit_level, validator=v.member_of(UnitLevel))
    figures: Mapping[str, FigureValue | None] = attrs.field(
        factory=dict, converter=_figures, validator=_check_figures
    )
    name: str = attrs.field(default="", validator=v.text)
    parent_id: str | None = attrs.field(default=None, validator=v.optional(v.identifier))

    def figure(self, name: str) -> FigureValue | None:
        """The figure ``name`` as reported, or ``None`` when it was not reported."""
        return self.figures.get(name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReportingUnit):
            return NotImplemented
        return (self.id, self.level, dict(self.figures), self.name, self.parent_id) == (
            other.id,
            other.level,
            dict(other.figures),
            other.name,
            other.parent_id,
        )

    def __hash__(self) -> int:
        return hash((self.id, self.level))


def require_unit(value: object, field: str) -> ReportingUnit:
    """``value`` if it is a `ReportingUnit`, else an InputError naming ``field``."""
    if not isinstance(value, ReportingUnit):
        raise InputError(
            obj="rules.indicators",
            field=field,
            value=value,
            expected="a ReportingUnit",
            code="core.error.instance",
            extra={"type": "ReportingUnit"},
        )
    return value
