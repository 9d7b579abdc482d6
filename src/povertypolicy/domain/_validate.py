"""attrs validators that raise InputError naming the object, field, value and expectation."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

import attrs

from ..errors import InputError
from ..money import Money
from ..units import Area

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(
    instance: Any,
    attribute: attrs.Attribute[Any],
    value: Any,
    expected: str,
    *,
    code: str,
    **extra: Any,
) -> InputError:
    """Build the InputError for a field (``code``: its catalog key, ``extra``: its fields)."""
    return InputError(
        obj=type(instance).__name__,
        field=attribute.name,
        value=value,
        expected=expected,
        code=code,
        extra=extra,
    )


def _is(value: Any, typ: type) -> bool:
    if typ is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if typ is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    return isinstance(value, typ)


def optional(inner: Validator) -> Validator:
    """Allow None, else apply ``inner``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def instance(typ: type) -> Validator:
    """An instance of ``typ``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, typ):
            raise fail(
                instance,
                attribute,
                value,
                f"a {typ.__name__}",
                code="core.error.instance",
                type=typ.__name__,
            )

    return check


def identifier(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-empty identifier string."""
    if not isinstance(value, str) or not value.strip():
        raise fail(
            instance,
            attribute,
            value,
            "a non-empty string identifier",
            code="core.error.identifier",
        )


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Any string (may be empty)."""
    if not isinstance(value, str):
        raise fail(instance, attribute, value, "a string", code="core.error.text")


def boolean(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """True or False (not 0/1, not "yes")."""
    if not isinstance(value, bool):
        raise fail(instance, attribute, value, "True or False", code="core.error.boolean")


def count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number, zero or more."""
    if not _is(value, int) or value < 0:
        raise fail(instance, attribute, value, "a whole number >= 0", code="core.error.count")


def positive_count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number, one or more."""
    if not _is(value, int) or value < 1:
        raise fail(
            instance, attribute, value, "a whole number >= 1", code="core.error.positive_count"
        )


def a_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A datetime.date (not a datetime, not a string)."""
    if not _is(value, dt.date):
        raise fail(instance, attribute, value, "a datetime.date", code="core.error.date")


def past_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A date; kept for compatibility. It is no longer checked against the machine's clock: a
    date is checked against the date a rule is asked about (e.g. ``Person.age_on``)."""
    a_date(instance, attribute, value)


def money(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A Money amount, zero or more."""
    if not isinstance(value, Money):
        raise fail(
            instance,
            attribute,
            value,
            "a Money amount (e.g. Money('1200.00'))",
            code="core.error.money",
        )
    if value < Money.zero():
        raise fail(instance, attribute, value, "an amount >= 0", code="core.error.money_negative")


def positive_area(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An Area greater than zero."""
    if not isinstance(value, Area):
        raise fail(
            instance, attribute, value, "an Area (e.g. Area.mu('1.5'))", code="core.error.area"
        )
    if value <= Area.zero():
        raise fail(instance, attribute, value, "an area > 0", code="core.error.area_positive")


def area(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An Area of zero or more."""
    if not isinstance(value, Area):
        raise fail(
            instance, attribute, value, "an Area (e.g. Area.mu('1.5'))", code="core.error.area"
        )
    if value < Area.zero():
        raise fail(instance, attribute, value, "an area >= 0", code="core.error.area_negative")


def _choices(enum_cls: type[enum.Enum]) -> str:
    """The members of ``enum_cls`` as an error message lists them (``Sex.MALE, Sex.FEMALE``)."""
    return ", ".join(f"{enum_cls.__name__}.{m.name}" for m in enum_cls)


def member_of(enum_cls: type[enum.Enum]) -> Validator:
    """A member of ``enum_cls`` (a plain string is refused: pass the enum member)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, enum_cls):
            choices = _choices(enum_cls)
            raise fail(
                instance,
                attribute,
                value,
                f"one of {choices}",
                code="core.error.enum",
                choices=choices,
            )

    return check


def items_of(typ: type, *, non_empty: bool = False) -> Validator:
    """A tuple whose items are all ``typ``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise fail(
                instance,
                attribute,
                value,
                f"a sequence of {typ.__name__}",
                code="core.error.sequence",
                item=typ.__name__,
            )
        if non_empty and not value:
            raise fail(
                instance,
                attribute,
                value,
                f"at least one {typ.__name__}",
                code="core.error.empty",
                item=typ.__name__,
            )
        for item in value:
            if not _is(item, typ):
                raise fail(
                    instance,
                    attribute,
                    item,
                    f"each item a {typ.__name__}",
                    code="core.error.item",
                    item=typ.__name__,
                )

    return check


def enum_set(enum_cls: type[enum.Enum]) -> Validator:
    """A frozenset of ``enum_cls`` members."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, frozenset):
            raise fail(
                instance,
                attribute,
                value,
                f"a set of {enum_cls.__name__}",
                code="core.error.set",
                item=enum_cls.__name__,
            )
        for item in value:
            if not isinstance(item, enum_cls):
                raise fail(
                    instance,
                    attribute,
                    item,
                    f"each item a {enum_cls.__name__} member",
                    code="core.error.enum",
                    choices=_choices(enum_cls),
                )

    return check


def as_member(enum_cls: type[enum.Enum], value: Any) -> Any:
    """Converter body: a member, its value, name, a label in any locale or an alias (农业)
    becomes the member; anything else is kept as given so that the validator reports it.
    Fields use it as ``converter=lambda x: v.as_member(HukouType, x)``."""
    if value is None or isinstance(value, enum_cls):
        return value
    from .labels import parse_member

    found = parse_member(enum_cls, value)
    return value if found is None else found


def to_date(value: Any) -> Any:
    """Converter: an ISO date string ``YYYY-MM-DD`` becomes a date; anything else is kept."""
    if isinstance(value, str) and len(value.strip()) == 10:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def to_tuple(value: Any) -> Any:
    """Accept a list or tuple for a sequence field (stored as a tuple); anything else is kept
    as given so that the validator reports it."""
    return tuple(value) if isinstance(value, list) else value


def to_frozenset(value: Any) -> Any:
    """Accept a set, list or tuple for a set field (stored as a frozenset)."""
    return frozenset(value) if isinstance(value, set | list | tuple) else value


def unique_ids(instance: Any, field: str, items: tuple[Any, ...]) -> None:
    """Raise if two items share an ``id``."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InputError(
                obj=type(instance).__name__,
                field=field,
                value=item.id,
                expected="unique ids (this id appears twice)",
                code="core.error.unique",
            )
        seen.add(item.id)
