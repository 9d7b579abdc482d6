"""JSON conversion of domain objects with cattrs: strict, exact, with paths in errors."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..errors import InputError
from ..money import Money
from ..units import Area, AreaUnit

if TYPE_CHECKING:
    import cattrs

__all__ = ["from_dict", "jsonable", "to_dict"]

T = TypeVar("T")


class _BadValueError(Exception):
    """A leaf structuring failure: what was expected."""

    def __init__(self, value: Any, expected: str, *, code: str, **extra: Any) -> None:
        self.value = value
        self.expected = expected
        self.code = code
        self.extra = extra
        super().__init__(expected)


def _strict(typ: type, name: str, code: str) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if typ is int and isinstance(value, bool):
            raise _BadValueError(value, name, code=code)
        if not isinstance(value, typ):
            raise _BadValueError(value, name, code=code)
        return value

    return hook


def _money(value: Any, _: Any) -> Money:
    if isinstance(value, Money):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _BadValueError(
            value, 'an amount of yuan as a string such as "1200.00"', code="core.error.money"
        )
    try:
        return Money(value)
    except InputError as exc:
        raise _BadValueError(value, exc.expected, code=exc.code, **exc.extra) from None


def _date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or len(value) != 10:
        raise _BadValueError(value, "an ISO date string YYYY-MM-DD", code="core.error.date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _BadValueError(value, "a valid ISO date YYYY-MM-DD", code="core.error.date") from None


def _decimal(value: Any, _: Any) -> Decimal:
    if not isinstance(value, str):
        raise _BadValueError(value, "a decimal number as a string", code="core.error.decimal")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise _BadValueError(
            value, "a decimal number as a string", code="core.error.decimal"
        ) from None


def _area(value: Any, _: Any) -> Area:
    from .labels import parse_member

    if isinstance(value, Area):
        return value
    if not isinstance(value, dict) or set(value) != {"value", "unit"}:
        raise _BadValueError(
            value, 'an area {"value": "1.5", "unit": "mu"}', code="core.error.area"
        )
    if not isinstance(value["value"], str):
        raise _BadValueError(
            value, 'an area value as a string, e.g. "1.5" or "2000/3"', code="core.error.area"
        )
    unit = parse_member(AreaUnit, value["unit"])
    if unit is None:
        raise _BadValueError(
            value, f"a unit, one of {[u.value for u in AreaUnit]}", code="core.error.area_unit"
        )
    try:
        return Area(value["value"], unit)
    except InputError as exc:
        raise _BadValueError(value, exc.expected, code=exc.code, **exc.extra) from None


def _enum(value: Any, typ: type[enum.Enum]) -> enum.Enum:
    from .labels import parse_member

    found = parse_member(typ, value)
    if found is None:
        choices = ", ".join(repr(m.value) for m in typ)
        raise _BadValueError(value, f"one of {choices}", code="core.error.enum", choices=choices)
    return found


def _sorted_list(items: Any) -> list[Any]:
    return sorted((jsonable(x) for x in items), key=str)


@cache
def _converter() -> cattrs.Converter:
    import cattrs

    conv = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        unstruct_collection_overrides={AbstractSet: _sorted_list, Sequence: list},
    )
    conv.register_structure_hook(str, _strict(str, "a string", "core.error.text"))
    conv.register_structure_hook(int, _strict(int, "a whole number", "core.error.count"))
    conv.register_structure_hook(bool, _strict(bool, "true or false", "core.error.boolean"))
    conv.register_structure_hook(Money, _money)
    conv.register_structure_hook(dt.date, _date)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_structure_hook(Area, _area)
    conv.register_structure_hook(enum.StrEnum, _enum)
    conv.register_structure_hook(enum.Enum, _enum)
    conv.register_unstructure_hook(Money, str)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(Area, lambda a: {"value": a.value_text(), "unit": a.unit.value})
    # StrEnum before str in the MRO, so enum members become their plain values.
    conv.register_unstructure_hook(enum.StrEnum, lambda e: e.value)
    conv.register_unstructure_hook(enum.Enum, lambda e: e.value)
    return conv


def _leaf(exc: BaseException, path: str) -> tuple[BaseException, str]:
    """Walk a cattrs exception group down to its first leaf, building a JSON path."""
    import cattrs

    if isinstance(exc, cattrs.ClassValidationError):
        with_notes, without = exc.group_exceptions()
        if with_notes:
            inner, note = with_notes[0]
            return _leaf(inner, f"{path}.{note.name}")
        return _leaf(without[0], path)
    if isinstance(exc, cattrs.IterableValidationError):
        with_notes_i, without_i = exc.group_exceptions()
        if with_notes_i:
            inner, inote = with_notes_i[0]
            return _leaf(inner, f"{path}[{inote.index}]")
        return _leaf(without_i[0], path)
    if isinstance(exc, cattrs.BaseValidationError) and exc.exceptions:
        return _leaf(exc.exceptions[0], path)
    return exc, path


def from_dict(cls: type[T], data: Any) -> T:
    """Build a domain object from JSON-like data; errors name the path, value and expectation."""
    import cattrs

    if not isinstance(data, dict):
        raise InputError(
            obj=cls.__name__,
            field="(root)",
            value=data,
            expected="a dict",
            code="core.error.dict",
        )
    try:
        return _converter().structure(data, cls)
    except (cattrs.BaseValidationError, cattrs.ForbiddenExtraKeysError) as exc:
        leaf, path = _leaf(exc, cls.__name__)
        if isinstance(leaf, cattrs.ForbiddenExtraKeysError):
            raise InputError(
                obj=path,
                field=", ".join(sorted(leaf.extra_fields)),
                value="(unknown key)",
                expected=f"only the fields of {leaf.cl.__name__}",
                code="core.error.unknown_key",
            ) from None
        if isinstance(leaf, InputError):
            obj = path.rsplit(".", 1)[0] if path.endswith(f".{leaf.field}") else path
            raise InputError(
                obj=obj,
                field=leaf.field,
                value=leaf.value,
                expected=leaf.expected,
                code=leaf.code,
                extra=leaf.extra,
            ) from None
        if isinstance(leaf, _BadValueError):
            obj, _, field = path.rpartition(".")
            raise InputError(
                obj=obj or cls.__name__,
                field=field,
                value=leaf.value,
                expected=leaf.expected,
                code=leaf.code,
                extra=leaf.extra,
            ) from None
        if isinstance(leaf, KeyError):
            obj, _, _ = path.rpartition(".")
            raise InputError(
                obj=obj or path,
                field=path.rpartition(".")[2],
                value="(missing)",
                expected="a value: this field is required",
                code="core.error.required",
            ) from None
        # a list or table where the data has something else (cattrs' own TypeError, ...)
        obj, _, field = path.rpartition(".")
        raise InputError(
            obj=obj or cls.__name__,
            field=field if obj else "(root)",
            value=_at(data, path[len(cls.__name__) :]),
            expected=str(leaf),
            code="core.error.shape",
        ) from None


_STEP_RE = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def _at(data: Any, steps: str) -> Any:
    """The value ``steps`` (``.members[0]``, a path `_leaf` built) names in ``data``: as far as
    ``data`` goes."""
    value = data
    for name, index in _STEP_RE.findall(steps):
        try:
            value = value[name] if name else value[int(index)]
        except (KeyError, IndexError, TypeError):
            return value
    return value


def to_dict(obj: Any) -> dict[str, Any]:
    """A domain object as a JSON-ready dict."""
    out = _converter().unstructure(obj)
    if not isinstance(out, dict):  # pragma: no cover - domain objects are attrs classes
        raise TypeError(f"{type(obj).__name__} is not a domain object")
    return out


def jsonable(value: Any) -> Any:
    """Any rule value (attrs objects, money, dates, areas, enums, containers) as JSON data."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Money | Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Area):
        return {"value": value.value_text(), "unit": value.unit.value}
    if isinstance(value, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted((jsonable(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if attrs.has(type(value)):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {
            f.name: jsonable(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if not f.name.startswith("_")
        }
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")
