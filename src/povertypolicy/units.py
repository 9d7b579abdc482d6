"""Land area with exact conversions between m², mu (亩), fen (分) and hectares (公顷)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, final

from ._exact import exact_sum
from .errors import InputError

__all__ = ["Area", "AreaUnit", "total_square_metres"]


class AreaUnit(enum.StrEnum):
    """Units of land area; 面积单位."""

    SQUARE_METRE = "m2"
    MU = "mu"
    FEN = "fen"
    HECTARE = "hectare"


# Square metres in one unit: 1 mu = 10,000/15 m² (≈ 666.67), 1 fen = 0.1 mu, 1 ha = 15 mu.
_M2_PER: dict[AreaUnit, Fraction] = {
    AreaUnit.SQUARE_METRE: Fraction(1),
    AreaUnit.MU: Fraction(10_000, 15),
    AreaUnit.FEN: Fraction(1_000, 15),
    AreaUnit.HECTARE: Fraction(10_000),
}
# Unit names and members to members (a StrEnum member hashes and compares as its value).
_UNITS: dict[str, AreaUnit] = {u.value: u for u in AreaUnit}


# Largest value a constructor takes (10^12 of any unit: far beyond any county's land).
_MAX_VALUE = Fraction(10**12)


def _unit(unit: AreaUnit | str, obj: str = "Area") -> AreaUnit:
    """A unit by member, value or label (亩, 畝, 公顷, 平方米, ha …); ``obj`` names the caller."""
    found = _UNITS.get(unit) if isinstance(unit, str) else None
    if found is None and isinstance(unit, str) and not isinstance(unit, AreaUnit):
        from .domain.labels import parse_member

        found = parse_member(AreaUnit, unit)
    if found is None:
        raise InputError(
            obj=obj,
            field="unit",
            value=unit,
            expected=f"one of {[u.value for u in AreaUnit]}",
            code="core.error.area_unit",
        )
    return found


def _exact(value: object, field: str) -> Fraction:
    if type(value) is Fraction:  # immutable: no copy needed
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal | Fraction):
        raise InputError(
            obj="Area",
            field=field,
            value=value,
            expected="a str, int, Decimal or Fraction",
            code="core.error.area",
        )
    if isinstance(value, str):
        try:
            return Fraction(Decimal(value.strip())) if "/" not in value else Fraction(value)
        except (InvalidOperation, ValueError, ZeroDivisionError, OverflowError):
            raise InputError(
                obj="Area",
                field=field,
                value=value,
                expected="a finite decimal number or 'p/q'",
                code="core.error.area",
            ) from None
    if isinstance(value, Decimal) and not value.is_finite():
        raise InputError(
            obj="Area",
            field=field,
            value=value,
            expected="a finite number",
            code="core.error.area_finite",
        )
    return Fraction(value)


@final
class Area:
    """An exact land area; 面积. Stored as a fraction of m², shown in the unit it was given in."""

    __slots__ = ("_m2", "_unit")
    _m2: Fraction
    _unit: AreaUnit

    def __init__(self, value: str | int | Decimal | Fraction, unit: AreaUnit | str) -> None:
        unit = _unit(unit)
        exact = _exact(value, "value")
        if exact < 0:
            raise InputError(
                obj="Area",
                field="value",
                value=value,
                expected="an area of zero or more",
                code="core.error.area_negative",
            )
        if exact > _MAX_VALUE:
            raise InputError(
                obj="Area",
                field="value",
                value=value,
                expected="a finite area of a sane size (at most 10^12 in its unit)",
                code="core.error.area_finite",
            )
        _set(self, "_m2", exact if unit is AreaUnit.SQUARE_METRE else exact * _M2_PER[unit])
        _set(self, "_unit", unit)

    @classmethod
    def m2(cls, value: str | int | Decimal | Fraction) -> Area:
        """An area in square metres (平方米)."""
        if type(value) is Fraction:  # exact already: no parsing or conversion
            return _area(value, AreaUnit.SQUARE_METRE)
        return cls(value, AreaUnit.SQUARE_METRE)

    @classmethod
    def mu(cls, value: str | int | Decimal | Fraction) -> Area:
        """An area in mu (亩, 10,000/15 m²)."""
        return cls(value, AreaUnit.MU)

    @classmethod
    def fen(cls, value: str | int | Decimal | Fraction) -> Area:
        """An area in fen (分, 0.1 mu)."""
        return cls(value, AreaUnit.FEN)

    @classmethod
    def hectares(cls, value: str | int | Decimal | Fraction) -> Area:
        """An area in hectares (公顷, 15 mu)."""
        return cls(value, AreaUnit.HECTARE)

    @classmethod
    def zero(cls, unit: AreaUnit = AreaUnit.MU) -> Area:
        """No area, shown in ``unit``."""
        return cls(0, unit)

    @property
    def unit(self) -> AreaUnit:
        """The unit the area is shown and serialised in."""
        return self._unit

    @property
    def square_metres(self) -> Fraction:
        """The exact area in m²."""
        return self._m2

    @property
    def value(self) -> Fraction:
        """The exact value in `unit`."""
        return self._m2 / _M2_PER[self._unit]

    def in_unit(self, unit: AreaUnit | str) -> Fraction:
        """The exact value in another unit."""
        unit = _unit(unit, "Area.in_unit")
        return self._m2 if unit is AreaUnit.SQUARE_METRE else self._m2 / _M2_PER[unit]

    def to(self, unit: AreaUnit | str) -> Area:
        """The same area, shown in another unit."""
        return _area(self._m2, _unit(unit, "Area.to"))

    def rounded(self, unit: AreaUnit | str | None = None, places: int = 2) -> Decimal:
        """The value in ``unit`` (default: its own) rounded half-up to ``places`` decimals."""
        exact = self.in_unit(unit or self._unit)
        q = Decimal(1).scaleb(-places)
        return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            q, rounding=ROUND_HALF_UP
        )

    def value_text(self) -> str:
        """The exact value in its unit: a decimal when it terminates, else ``p/q``."""
        v = self.value
        d = v.denominator
        while d % 2 == 0:
            d //= 2
        while d % 5 == 0:
            d //= 5
        if d != 1:
            return f"{v.numerator}/{v.denominator}"
        dec = Decimal(v.numerator) / Decimal(v.denominator)
        return format(dec.normalize(), "f")

    def __repr__(self) -> str:
        return f"Area({self.value_text()!r}, {self._unit.value!r})"

    def __str__(self) -> str:
        return f"{self.value_text()} {self._unit.value}"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Area is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Area, (self.value_text(), self._unit))

    def _coerce(self, other: object) -> Fraction | None:
        return other._m2 if isinstance(other, Area) else None

    def __add__(self, other: Area) -> Area:
        if not isinstance(other, Area):
            return NotImplemented
        return _area(self._m2 + other._m2, self._unit)

    def __radd__(self, other: int) -> Area:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Area) -> Area:
        if not isinstance(other, Area):
            return NotImplemented
        return _area(self._m2 - other._m2, self._unit)

    def __mul__(self, factor: int | Decimal | Fraction) -> Area:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal | Fraction):
            return NotImplemented
        return _area(self._m2 * Fraction(factor), self._unit)

    __rmul__ = __mul__

    def __truediv__(self, other: Area) -> Fraction:
        """The exact ratio of two areas."""
        if not isinstance(other, Area):
            return NotImplemented
        num, den = other._m2.numerator, other._m2.denominator
        if num == 0:
            raise ZeroDivisionError("division by a zero area")
        mine = self._m2
        return Fraction(mine.numerator * den, mine.denominator * num)

    def __bool__(self) -> bool:
        return self._m2 != 0

    def __hash__(self) -> int:
        return hash(("Area", self._m2))

    def __eq__(self, other: object) -> bool:
        m = self._coerce(other)
        return NotImplemented if m is None else self._m2 == m

    def __lt__(self, other: Area) -> bool:
        if not isinstance(other, Area):
            return NotImplemented
        return self._m2 < other._m2

    def __le__(self, other: Area) -> bool:
        if not isinstance(other, Area):
            return NotImplemented
        return self._m2 <= other._m2

    def __gt__(self, other: Area) -> bool:
        if not isinstance(other, Area):
            return NotImplemented
        return self._m2 > other._m2

    def __ge__(self, other: Area) -> bool:
        if not isinstance(other, Area):
            return NotImplemented
        return self._m2 >= other._m2


_set = object.__setattr__
_new = object.__new__


# The largest area in m² per unit a constructor takes, as (numerator, denominator).
_MAX_M2: dict[AreaUnit, tuple[int, int]] = {
    u: (_MAX_VALUE * k).as_integer_ratio() for u, k in _M2_PER.items()
}


def _area(m2: Fraction, unit: AreaUnit) -> Area:
    """``Area(m2 / (m² per unit), unit)`` without parsing or converting again: an exact area
    of ``m2`` square metres shown in ``unit``; out of range, the constructor says why."""
    n, d = m2.as_integer_ratio()
    top_n, top_d = _MAX_M2[unit]
    if n < 0 or n * top_d > top_n * d:  # below zero or above 10^12 in its unit
        return Area(m2 if unit is AreaUnit.SQUARE_METRE else m2 / _M2_PER[unit], unit)
    obj: Area = _new(Area)
    _set(obj, "_m2", m2)
    _set(obj, "_unit", unit)
    return obj


def total_square_metres(areas: Iterable[Area]) -> Fraction:
    """The exact total of many areas in m² (without building intermediate Area objects)."""
    return exact_sum([a._m2 for a in areas])
