"""Resolved parameters: one value on one date, with its unit, bound and citation."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ..errors import PolicyPackError
from ..explain.citation import Citation
from ..money import Money
from .spec import Kind, Side, Unit

__all__ = ["Bound", "Parameter", "Range", "Scalar"]


class Bound(enum.StrEnum):
    """Whether a threshold's own value counts: 以上/以下 include it, 超过/不满 exclude it."""

    __label__ = "core.bound"

    INCLUSIVE = "inclusive"
    EXCLUSIVE = "exclusive"


Scalar = Money | Decimal | int | dt.date | str


@attrs.frozen(kw_only=True)
class Range:
    """An allowed range such as "5—9名"; both ends included unless the pack says otherwise.

    Args:
        min: The lower end.
        max: The upper end.
        min_bound: Whether the lower end is included.
        max_bound: Whether the upper end is included.
    """

    min: Scalar
    max: Scalar
    min_bound: Bound = Bound.INCLUSIVE
    max_bound: Bound = Bound.INCLUSIVE

    def contains(self, x: Any) -> bool:
        """Whether ``x`` lies in the range, honouring each end's bound."""
        lo_ok = x >= self.min if self.min_bound is Bound.INCLUSIVE else x > self.min
        hi_ok = x <= self.max if self.max_bound is Bound.INCLUSIVE else x < self.max
        return bool(lo_ok and hi_ok)


# What a rule read a parameter as → the view it used (``param.money`` …; ``admits``: as a
# threshold), for the error saying its unit has no such view (core.error.pack_read_as).
_VIEWS = {
    "money": "money",
    "a decimal": "decimal",
    "an integer": "integer",
    "a date": "date",
    "a choice": "text",
    "a range": "range",
    "a range of whole numbers": "range",
    "a threshold": "admits",
}


@attrs.frozen(kw_only=True)
class Parameter:
    """A parameter's value on the policy date; 参数. Rules record these in their steps.

    Args:
        name: Parameter name, e.g. ``housing.subsidy_per_person``.
        value: Its value on the policy date (money, a number, a date, text or a range).
        unit: The unit of the value.
        citation: Where the value is written.
        pack_id: The pack that gave it.
        valid_from: First day the value is valid.
        valid_until: Last day it is valid; None: open-ended.
        threshold: For a threshold: lower or upper; None: not a threshold.
        bound: For a threshold: inclusive (以上/以下) or exclusive (超过/不满).
        qualifier: A qualifier the source attaches (e.g. 约); None: none.
    """

    name: str
    value: Scalar | Range
    unit: Unit
    citation: Citation
    pack_id: str
    valid_from: dt.date
    valid_until: dt.date | None
    threshold: Side | None = None
    bound: Bound | None = None
    qualifier: str | None = None

    @property
    def label_key(self) -> str:
        """Catalog key of this parameter's label."""
        area, _, rest = self.name.partition(".")
        return f"{area}.param.{rest}"

    def _wrong(self, wanted: str) -> PolicyPackError:
        """A rule read this parameter as ``wanted`` (a key of ``_VIEWS``), which its unit is not."""
        view = _VIEWS[wanted]
        if view == "admits":
            code, extra = "core.error.pack_read_not_threshold", {}
        else:
            code, extra = "core.error.pack_read_as", {"view": view, "unit": self.unit.value}
        return PolicyPackError(
            file=self.pack_id,
            key=f"parameters.{self.name}",
            problem=f"a rule read it as {wanted}, but its unit is {self.unit.value}",
            code=code,
            extra=extra,
        )

    @property
    def money(self) -> Money:
        """The value as Money (units yuan, yuan_per_person, …)."""
        if isinstance(self.value, Money):
            return self.value
        raise self._wrong("money")

    @property
    def decimal(self) -> Decimal:
        """The value as a Decimal (percent, times, m², mu, m³)."""
        if isinstance(self.value, Decimal):
            return self.value
        raise self._wrong("a decimal")

    @property
    def fraction(self) -> Fraction:
        """A percent parameter as an exact fraction of one (30 → 3/10); others as they are."""
        numerator, denominator = self.decimal.as_integer_ratio()
        if self.unit is Unit.PERCENT:
            denominator *= 100
        return Fraction(numerator, denominator)

    @property
    def integer(self) -> int:
        """The value as an int (people, households, days, counts …)."""
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            return self.value
        raise self._wrong("an integer")

    @property
    def date(self) -> dt.date:
        """The value as a date."""
        if isinstance(self.value, dt.date):
            return self.value
        raise self._wrong("a date")

    @property
    def text(self) -> str:
        """The value of a choice parameter."""
        if isinstance(self.value, str):
            return self.value
        raise self._wrong("a choice")

    @property
    def range(self) -> Range:
        """The value as a Range."""
        if isinstance(self.value, Range):
            return self.value
        raise self._wrong("a range")

    def admits(self, x: Any) -> bool:
        """Whether ``x`` meets this threshold (lower: x ≥ / > value; upper: x ≤ / < value)."""
        if self.threshold is None or self.bound is None:
            raise self._wrong("a threshold")
        v = self.value
        if type(x) is Fraction and type(v) is Decimal and v.is_finite():
            # the same comparison in integers (denominators > 0): Decimal vs Fraction is slow
            vn, vd = v.as_integer_ratio()
            x, v = x.numerator * vd, vn * x.denominator
        if self.threshold is Side.LOWER:
            return bool(x >= v if self.bound is Bound.INCLUSIVE else x > v)
        return bool(x <= v if self.bound is Bound.INCLUSIVE else x < v)

    @property
    def kind(self) -> Kind:
        """The value kind."""
        return self.unit.kind

    def to_dict(self, locale: str | None = None) -> dict[str, Any]:
        """JSON-ready form; the citation's ``text`` is rendered in ``locale`` (default: current)."""
        from ..domain.convert import jsonable

        out: dict[str, Any] = {
            "name": self.name,
            "value": jsonable(self.value),
            "unit": self.unit.value,
            "citation": self.citation.to_dict(locale),
            "pack": self.pack_id,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
        }
        if self.threshold is not None:
            out["threshold"] = self.threshold.value
        if self.bound is not None:
            out["bound"] = self.bound.value
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        return out
