"""Money in yuan, exact to the fen (0.01 yuan); 金额（元，精确到分）."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Any, final

from ._exact import round_half_up, round_ratio, scale_to_integers
from .errors import InputError

__all__ = ["Money"]

_FEN = Decimal("0.01")
# A sane magnitude for an amount written as input: under 10^14 yuan (一百万亿元), so that every
# amount and any ledger's total fits int64 fen. Computed amounts (Money.round, sums) are not capped.
MAX_YUAN = 10**14
MAX_FEN = MAX_YUAN * 100


def _too_large(amount: object) -> InputError:
    return InputError(
        obj="Money",
        field="amount",
        value=amount,
        expected=f"an amount below {MAX_YUAN} yuan",
        code="core.error.money_magnitude",
        extra={"limit": str(MAX_YUAN)},
    )


@final
class Money:
    """An amount of yuan held as an integer number of fen; 金额.

    Construct from ``str``, ``int`` or ``Decimal`` with at most two decimal places
    (``Money("3500")``, ``Money("0.05")``); floats are refused. Use `round()` to
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
                code="core.error.money",
            )
        if isinstance(amount, int):
            fen = amount * 100
        else:
            try:
                dec = Decimal(amount.strip()) if isinstance(amount, str) else amount
            except InvalidOperation:
                raise InputError(
                    obj="Money",
                    field="amount",
                    value=amount,
                    expected="a decimal number of yuan",
                    code="core.error.money",
                ) from None
            if not dec.is_finite():
                raise InputError(
                    obj="Money",
                    field="amount",
                    value=amount,
                    expected="a finite amount",
                    code="core.error.money",
                )
            if abs(dec) >= MAX_YUAN:
                raise _too_large(amount)
            scaled = dec * 100
            if scaled != scaled.to_integral_value():
                raise InputError(
                    obj="Money",
                    field="amount",
                    value=amount,
                    expected="at most two decimal places (use Money.round for computed amounts)",
                    code="core.error.money_places",
                )
            fen = int(scaled)
        if not -MAX_FEN < fen < MAX_FEN:
            raise _too_large(amount)
        return fen

    # -- construction -----------------------------------------------------------------
    @classmethod
    def from_fen(cls, fen: int) -> Money:
        """An amount given in whole fen (分)."""
        if type(fen) is not int and (isinstance(fen, bool) or not isinstance(fen, int)):
            raise InputError(
                obj="Money",
                field="fen",
                value=fen,
                expected="an int number of fen",
                code="core.error.money_fen",
            )
        return _of(fen)

    @classmethod
    def round(cls, amount: Decimal | Fraction | int | str) -> Money:
        """Round any exact amount of yuan to the fen, half-up (四舍五入)."""
        if type(amount) is Fraction:  # the rules' usual case: integer arithmetic only
            return _of(round_ratio(amount.numerator * 100, amount.denominator))
        if isinstance(amount, str):
            try:
                amount = Decimal(amount)
            except InvalidOperation:
                raise InputError(
                    obj="Money",
                    field="amount",
                    value=amount,
                    expected="a decimal number",
                    code="core.error.money",
                ) from None
        if isinstance(amount, bool) or not isinstance(amount, Decimal | Fraction | int):
            raise InputError(
                obj="Money",
                field="amount",
                value=amount,
                expected="an exact number (no floats)",
                code="core.error.money",
            )
        if isinstance(amount, Decimal) and not amount.is_finite():
            raise InputError(
                obj="Money",
                field="amount",
                value=amount,
                expected="a finite amount",
                code="core.error.money",
            )
        return cls.from_fen(round_half_up(Fraction(amount) * 100))

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

    def __float__(self) -> float:
        """Refused: money is exact. ``money.amount`` is a Decimal, ``money.fen`` an int.

        (``Decimal(money)`` cannot be supported by Python's Decimal: use ``money.amount``.)
        """
        raise TypeError(
            "Money is exact and never a float: use money.amount (a Decimal of yuan) "
            "or money.fen (an int of fen); Decimal(money) is money.amount"
        )

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
        if isinstance(factor, Fraction):
            return _of(round_ratio(self._fen * factor.numerator, factor.denominator))
        if isinstance(factor, Decimal):
            return _of(round_half_up(Fraction(self._fen) * Fraction(factor)))
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
        """Like `allocate()`, also returning the indices of parts that took a rounding fen."""
        if not weights:
            raise InputError(
                obj="Money.allocate",
                field="weights",
                value=weights,
                expected="at least one weight",
                code="core.error.weights_empty",
            )
        scaled = scale_to_integers(weights)
        if scaled is None:
            for w in weights:
                if isinstance(w, bool) or not isinstance(w, int | Decimal | Fraction):
                    raise InputError(
                        obj="Money.allocate",
                        field="weights",
                        value=w,
                        expected="int, Decimal or Fraction weights (no floats)",
                        code="core.error.weight_type",
                    )
                if (isinstance(w, Decimal) and not w.is_finite()) or not w >= 0:
                    raise InputError(
                        obj="Money.allocate",
                        field="weights",
                        value=w,
                        expected="finite weights >= 0",
                        code="core.error.weight_negative",
                    )
            raise InputError(
                obj="Money.allocate",
                field="weights",
                value=weights,
                expected="weights with a positive sum",
                code="core.error.weights_zero",
            )
        total_weight = sum(scaled)
        fen = self._fen
        whole = -fen if fen < 0 else fen
        floors: list[int] = []
        ranked: list[tuple[int, int]] = []  # (-remainder, index) of the parts with one
        given = 0
        for i, w in enumerate(scaled):
            q, r = divmod(whole * w, total_weight)
            floors.append(q)
            given += q
            if r:
                ranked.append((-r, i))
        left = whole - given  # fewer than the parts with a remainder, so those take them all
        extra: list[int] = []
        if left:
            ranked.sort()
            extra = sorted([i for _, i in ranked[:left]])
            for i in extra:
                floors[i] += 1
        parts: list[Money] = []
        for f in floors:
            part = _new(Money)
            _set(part, "_fen", -f if fen < 0 else f)
            parts.append(part)
        return tuple(parts), tuple(extra)


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
