"""Money in yuan, exact to the fen (0.01 yuan); 金额（元，精确到分）."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Any, final

from .errors import InputError

__all__ = ["Money"]

_FEN = Decimal("0.01")


def _round_half_up(value: Fraction) -> int:
    """Round a fraction of fen to whole fen, halves away from zero (四舍五入)."""
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole = magnitude.numerator // magnitude.denominator
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return sign * whole


@final
class Money:
    """An amount of yuan held as an integer number of fen; 金额.

    Construct from ``str``, ``int`` or ``Decimal`` with at most two decimal places
    (``Money("3500")``, ``Money("0.05")``); floats are refused. Use :meth:`round` to
    bring a computed amount with more places to the fen, half-up (四舍五入).
    """

    __slots__ = ("_fen",)
    _fen: int

    def __init__(self, amount: str | int | Decimal = 0) -> None:
        object.__setattr__(self, "_fen", self._parse(amount))

    @staticmethod
    def _parse(amount: object) -> int:
        if isinstance(amount, bool) or not isinstance(amount, str | int | Decimal):
            raise InputError(
                obj="Money",
                field="amount",
                value=amount,
                expected="a str, int or Decimal amount of yuan (floats are not exact)",
            )
        if isinstance(amount, int):
            return amount * 100
        try:
            dec = Decimal(amount.strip()) if isinstance(amount, str) else amount
        except InvalidOperation:
            raise InputError(
                obj="Money", field="amount", value=amount, expected="a decimal number of yuan"
            ) from None
        if not dec.is_finite():
            raise InputError(obj="Money", field="amount", value=amount, expected="a finite amount")
        scaled = dec * 100
        if scaled != scaled.to_integral_value():
            raise InputError(
                obj="Money",
                field="amount",
                value=amount,
                expected="at most two decimal places (use Money.round for computed amounts)",
            )
        return int(scaled)

    # -- construction -----------------------------------------------------------------
    @classmethod
    def from_fen(cls, fen: int) -> Money:
        """An amount given in whole fen (分)."""
        if isinstance(fen, bool) or not isinstance(fen, int):
            raise InputError(obj="Money", field="fen", value=fen, expected="an int number of fen")
        return _of(fen)

    @classmethod
    def round(cls, amount: Decimal | Fraction | int | str) -> Money:
        """Round any exact amount of yuan to the fen, half-up (四舍五入)."""
        if isinstance(amount, str):
            try:
                amount = Decimal(amount)
            except InvalidOperation:
                raise InputError(
                    obj="Money", field="amount", value=amount, expected="a decimal number"
                ) from None
        if isinstance(amount, bool) or not isinstance(amount, Decimal | Fraction | int):
            raise InputError(
                obj="Money", field="amount", value=amount, expected="an exact number (no floats)"
            )
        return cls.from_fen(_round_half_up(Fraction(amount) * 100))

    @classmethod
    def zero(cls) -> Money:
        """Zero yuan."""
        return cls.from_fen(0)

    # -- views ------------------------------------------------------------------------
    @property
    def fen(self) -> int:
        """The amount in whole fen."""
        return self._fen

    @property
    def amount(self) -> Decimal:
        """The amount in yuan as a Decimal with exactly two places."""
        return (Decimal(self._fen) / 100).quantize(_FEN)

    def __str__(self) -> str:
        return str(self.amount)

    def __repr__(self) -> str:
        return f"Money('{self.amount}')"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Money is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Money.from_fen, (self._fen,))

    def format(self, locale: str = "zh_Hans") -> str:
        """Format with Babel for a locale (``¥14,000.00`` in zh_Hans, ``CN¥14,000.00`` in en)."""
        return _format_fen(self._fen, locale)

    # -- arithmetic -------------------------------------------------------------------
    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return _of(self._fen + other._fen)

    def __radd__(self, other: int) -> Money:
        # Lets sum() start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return _of(self._fen - other._fen)

    def __neg__(self) -> Money:
        return _of(-self._fen)

    def __abs__(self) -> Money:
        return _of(abs(self._fen))

    def __mul__(self, factor: int | Decimal | Fraction) -> Money:
        """Multiply; an int is exact, a Decimal or Fraction is rounded half-up to the fen."""
        if isinstance(factor, bool):
            return NotImplemented
        if isinstance(factor, int):
            return _of(self._fen * factor)
        if isinstance(factor, Decimal | Fraction):
            return _of(_round_half_up(Fraction(self._fen) * Fraction(factor)))
        return NotImplemented

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self._fen != 0

    def __hash__(self) -> int:
        return hash(("Money", self._fen))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self._fen == other._fen
        return NotImplemented

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._fen < other._fen

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._fen <= other._fen

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._fen > other._fen

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._fen >= other._fen

    # -- exact splitting --------------------------------------------------------------
    def allocate(self, weights: Sequence[int | Decimal | Fraction]) -> tuple[Money, ...]:
        """Split into parts proportional to ``weights`` that sum exactly to this amount.

        Largest remainder: every part gets its floor share of fen, and the fen left
        over go one each to the parts with the largest remainders (ties: earlier part).
        """
        return self.allocate_with_remainder(weights)[0]

    def allocate_with_remainder(
        self, weights: Sequence[int | Decimal | Fraction]
    ) -> tuple[tuple[Money, ...], tuple[int, ...]]:
        """Like :meth:`allocate`, also returning the indices of parts that took a rounding fen."""
        if not weights:
            raise InputError(
                obj="Money.allocate", field="weights", value=weights, expected="at least one weight"
            )
        scaled = _integer_weights(weights)
        if scaled is not None:
            return self._allocate_ints(scaled)
        exact: list[Fraction] = []
        for w in weights:
            if isinstance(w, bool) or not isinstance(w, int | Decimal | Fraction):
                raise InputError(
                    obj="Money.allocate",
                    field="weights",
                    value=w,
                    expected="int, Decimal or Fraction weights (no floats)",
                )
            if w < 0:
                raise InputError(
                    obj="Money.allocate", field="weights", value=w, expected="weights >= 0"
                )
            exact.append(Fraction(w))
        total_weight = sum(exact, Fraction(0))
        if total_weight == 0:
            raise InputError(
                obj="Money.allocate",
                field="weights",
                value=weights,
                expected="weights with a positive sum",
            )
        sign = -1 if self._fen < 0 else 1
        whole = abs(self._fen)
        shares = [whole * w / total_weight for w in exact]
        floors = [s.numerator // s.denominator for s in shares]
        left = whole - sum(floors)
        order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - floors[i]), i))
        extra = sorted(order[:left])
        for i in extra:
            floors[i] += 1
        return tuple(_of(sign * f) for f in floors), tuple(extra)

    def _allocate_ints(self, weights: list[int]) -> tuple[tuple[Money, ...], tuple[int, ...]]:
        total_weight = sum(weights)
        sign = -1 if self._fen < 0 else 1
        whole = abs(self._fen)
        floors: list[int] = []
        remainders: list[int] = []
        for w in weights:
            q, r = divmod(whole * w, total_weight)
            floors.append(q)
            remainders.append(r)
        left = whole - sum(floors)
        extra = sorted(sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left])
        for i in extra:
            floors[i] += 1
        return tuple(_of(sign * f) for f in floors), tuple(extra)


_new = object.__new__
_set = object.__setattr__


def _of(fen: int) -> Money:
    """A Money of ``fen`` fen, for amounts already known to be whole fen."""
    obj: Money = _new(Money)
    _set(obj, "_fen", fen)
    return obj


@lru_cache(maxsize=8192)
def _format_fen(fen: int, locale: str) -> str:
    from babel.numbers import format_currency

    from .explain.locales import babel_locale

    amount = (Decimal(fen) / 100).quantize(_FEN)
    return format_currency(amount, "CNY", locale=babel_locale(locale))


def _integer_weights(weights: Sequence[int | Decimal | Fraction]) -> list[int] | None:
    """Valid int/Decimal weights scaled to integers with the same ratios, else None."""
    whole: list[int] = []
    for w in weights:
        if type(w) is int and w >= 0:
            whole.append(w)
        elif type(w) is Decimal and w.is_finite() and w >= 0 and w == int(w):
            whole.append(int(w))
        else:
            break
    else:
        return whole if sum(whole) > 0 else None
    exponent = 0
    for w in weights:
        if isinstance(w, bool) or not isinstance(w, int | Decimal) or w < 0:
            return None
        if isinstance(w, Decimal):
            if not w.is_finite():
                return None
            exp = w.as_tuple().exponent
            if isinstance(exp, int):
                exponent = min(exponent, exp)
    scale = 10**-exponent
    ints = [int(w * scale) for w in weights]
    return ints if sum(ints) > 0 else None
