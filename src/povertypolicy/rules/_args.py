"""Argument checks the rules of several areas share: each refusal an InputError with its code."""

from __future__ import annotations

from ..errors import InputError
from ..money import Money

__all__ = ["amount"]


def amount(obj: str, field: str, value: object) -> Money:
    """``value`` if it is a Money amount of zero or more, else the InputError that says which:
    not an amount (``core.error.money``) or a negative one (``core.error.money_negative``)."""
    if not isinstance(value, Money):
        raise InputError(
            obj=obj,
            field=field,
            value=value,
            expected="a Money amount >= 0",
            code="core.error.money",
        )
    if value < Money.zero():
        raise InputError(
            obj=obj,
            field=field,
            value=value,
            expected="a Money amount >= 0",
            code="core.error.money_negative",
        )
    return value
