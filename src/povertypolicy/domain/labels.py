"""Every spelling of an enum member a user or a ledger may write (one way in).

Values, names, the labels in every shipped locale and the enum's ``__aliases__`` (e.g. 农业 for
``HukouType.AGRICULTURAL``, 亩 for ``AreaUnit.MU``). Constructors, ``from_dict`` and the ledger
readers use the same table.
"""

from __future__ import annotations

import enum
from functools import cache
from typing import Any, TypeVar

from ..units import AreaUnit

__all__ = ["label", "parse_member", "spellings"]

E = TypeVar("E", bound=enum.Enum)

# Enums defined outside the domain: their catalog label prefix and short forms.
_LABELS: dict[type[enum.Enum], str] = {AreaUnit: "core.area_unit"}
_ALIASES: dict[type[enum.Enum], dict[str, tuple[str, ...]]] = {
    AreaUnit: {
        "m2": ("㎡", "m²", "平方米", "平米", "square_metre", "square metre"),
        "mu": ("亩", "畝"),
        "fen": ("分",),
        "hectare": ("ha", "公顷", "公頃"),
    },
}


def _fold(text: str) -> str:
    return text.strip().lower()


@cache
def spellings(enum_type: type[enum.Enum]) -> dict[str, enum.Enum]:
    """Every accepted spelling (folded: trimmed, lower case) → member."""
    from ..explain.catalog import messages
    from ..explain.locales import SUPPORTED_LOCALES

    label = getattr(enum_type, "__label__", None) or _LABELS.get(enum_type)
    out: dict[str, enum.Enum] = {}
    for member in enum_type:
        out[_fold(str(member.value))] = member
        out[_fold(member.name)] = member
        if label:
            domain = label.split(".", 1)[0]
            for loc in SUPPORTED_LOCALES:
                text = messages(loc, domain).get(f"{label}.{member.value}")
                if text:
                    out[_fold(text.replace("{value}", ""))] = member
    aliases = getattr(enum_type, "__aliases__", None) or _ALIASES.get(enum_type, {})
    for member in enum_type:
        for alias in aliases.get(member.value, ()):
            out[_fold(alias)] = member
    return out


def parse_member(enum_type: type[E], value: Any) -> E | None:
    """The member ``value`` spells (a member, its value, name, a label or an alias), else None."""
    if isinstance(value, enum_type):
        return value
    if not isinstance(value, str):
        return None
    found = spellings(enum_type).get(_fold(value))
    return found if isinstance(found, enum_type) else None


def label(member: enum.Enum, locale: str) -> str | None:
    """The label of ``member`` in ``locale`` (e.g. 耕地 for ``LandType.CULTIVATED`` in zh_Hans),
    from the same catalog entries ``spellings`` reads; None for an enum with no label table."""
    from ..explain.catalog import message

    prefix = getattr(type(member), "__label__", None) or _LABELS.get(type(member))
    if not prefix:
        return None
    return message(f"{prefix}.{member.value}", locale).replace("{value}", "").strip()
