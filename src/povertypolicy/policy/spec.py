"""Parameter specifications: the names, units and kinds every rule area declares."""

from __future__ import annotations

import enum
import importlib
from collections.abc import Mapping
from functools import cache

import attrs

__all__ = [
    "DomainProblem",
    "Kind",
    "ParameterSpec",
    "Side",
    "Unit",
    "all_specs",
    "domain_problem",
]


class Kind(enum.StrEnum):
    """What Python type a parameter's value has once loaded."""

    MONEY = "money"
    DECIMAL = "decimal"
    INTEGER = "integer"
    DATE = "date"
    TEXT = "text"


class Unit(enum.StrEnum):
    """Units a parameter may be given in; 单位."""

    YUAN = "yuan"
    YUAN_PER_PERSON = "yuan_per_person"
    YUAN_PER_HOUSEHOLD = "yuan_per_household"
    YUAN_PER_MU = "yuan_per_mu"
    PERCENT = "percent"
    TIMES = "times"
    HOUSEHOLDS = "households"
    PEOPLE = "people"
    SQUARE_METRES = "m2"
    MU = "mu"
    CUBIC_METRES_PER_PERSON = "m3_per_person"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    COUNT = "count"
    DATE = "date"
    CHOICE = "choice"

    @property
    def kind(self) -> Kind:
        """The value kind of this unit."""
        return _UNIT_KIND[self]


_UNIT_KIND: dict[Unit, Kind] = {
    Unit.YUAN: Kind.MONEY,
    Unit.YUAN_PER_PERSON: Kind.MONEY,
    Unit.YUAN_PER_HOUSEHOLD: Kind.MONEY,
    Unit.YUAN_PER_MU: Kind.MONEY,
    Unit.PERCENT: Kind.DECIMAL,
    Unit.TIMES: Kind.DECIMAL,
    Unit.HOUSEHOLDS: Kind.INTEGER,
    Unit.PEOPLE: Kind.INTEGER,
    Unit.SQUARE_METRES: Kind.DECIMAL,
    Unit.MU: Kind.DECIMAL,
    Unit.CUBIC_METRES_PER_PERSON: Kind.DECIMAL,
    Unit.DAYS: Kind.INTEGER,
    Unit.MONTHS: Kind.INTEGER,
    Unit.YEARS: Kind.INTEGER,
    Unit.COUNT: Kind.INTEGER,
    Unit.DATE: Kind.DATE,
    Unit.CHOICE: Kind.TEXT,
}


_PERCENT_MAX = 100


@attrs.frozen
class DomainProblem:
    """Why a value has no meaning in its unit: a stable catalog ``code`` and the English text."""

    code: str
    english: str

    def __str__(self) -> str:
        return self.english


def domain_problem(spec: ParameterSpec, value: object) -> DomainProblem | None:
    """Why ``value`` has no meaning in ``spec``'s unit (None if it has one).

    Percentages are 0–100; money, counts, areas, periods and multipliers are zero or more unless
    the parameter is declared ``signed``; money has at most two decimals (checked by Money).
    """
    from decimal import Decimal

    from ..money import Money

    if isinstance(value, Money):
        negative = value.fen < 0
    elif isinstance(value, int | Decimal) and not isinstance(value, bool):
        negative = value < 0
        if spec.unit is Unit.PERCENT and not 0 <= value <= _PERCENT_MAX:
            return DomainProblem(
                "core.error.pack_percent", f"{value} is not a percentage from 0 to 100"
            )
    else:
        return None
    if negative and not spec.signed:
        return DomainProblem(
            "core.error.pack_negative",
            f"{value} is negative; a {spec.unit.value} value is zero or more "
            "(declare the parameter signed if it may be negative)",
        )
    return None


class Side(enum.StrEnum):
    """Which side a threshold bounds: ``lower`` (N以上 / 超过 N) or ``upper`` (N以下 / 不满 N)."""

    LOWER = "lower"
    UPPER = "upper"


@attrs.frozen(kw_only=True)
class ParameterSpec:
    """What a rule area expects of one parameter: its unit, whether it is a threshold or a range.

    Args:
        name: Parameter name, e.g. ``housing.subsidy_per_person``.
        unit: The unit a pack must give it in.
        rules: The rule IDs that read it.
        threshold: Lower or upper for a threshold (a pack must say its bound); None: not a
            threshold.
        is_range: True for a range (min and max).
        choices: For a choice: the allowed values; None: not a choice.
    """

    name: str
    unit: Unit
    rules: tuple[str, ...]
    threshold: Side | None = None
    is_range: bool = False
    choices: tuple[str, ...] | None = None
    signed: bool = False
    """A value may be negative (else money, counts, areas and multipliers are zero or more)."""

    @property
    def label_key(self) -> str:
        """Catalog key of the parameter's label: ``<area>.param.<rest>``."""
        area, _, rest = self.name.partition(".")
        return f"{area}.param.{rest}"


@cache
def all_specs() -> Mapping[str, ParameterSpec]:
    """Every declared parameter, from each module in ``povertypolicy.policy.specs``."""
    import pkgutil

    from . import specs

    out: dict[str, ParameterSpec] = {}
    for info in sorted(pkgutil.iter_modules(specs.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{specs.__name__}.{info.name}")
        for spec in getattr(module, "SPECS", ()):
            if spec.name in out:  # pragma: no cover - guarded by tests
                raise RuntimeError(f"parameter {spec.name} declared twice")
            out[spec.name] = spec
    return out
