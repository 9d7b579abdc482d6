"""Message catalogs: gettext ``.po`` files read with Babel at first use, one domain per area.

Plural forms are gettext plural entries: ``msgid`` is the key, ``msgid_plural`` names the count
argument in braces (``"{eligible}"``), and ``msgstr[i]`` are the forms the file's
``Plural-Forms`` header picks from (English: one, other; Chinese: one form).
"""

from __future__ import annotations

import string
import threading
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any, NamedTuple

from ..errors import MissingTranslationError
from .locales import SUPPORTED_LOCALES, normalise_locale

__all__ = ["Plural", "count_of", "domains", "message", "messages", "plural", "plural_index"]

_lock = threading.Lock()


def _locale_dir() -> Any:
    from .._resources import shipped

    return shipped("povertypolicy", "locale")


@cache
def domains() -> tuple[str, ...]:
    """The catalog domains shipped (one ``.po`` file per area, e.g. ``core``, ``housing``)."""
    folder = _locale_dir().joinpath(SUPPORTED_LOCALES[0], "LC_MESSAGES")
    return tuple(sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".po")))


class Plural(NamedTuple):
    """A message with plural forms: the argument that counts, and one template per form."""

    arg: str
    forms: tuple[str, ...]


class _Catalog(NamedTuple):
    single: dict[str, str]
    plural: dict[str, Plural]
    rule: Callable[[int], int]


@cache
def _catalog(loc: str, domain: str) -> _Catalog:
    import gettext

    from babel.messages.pofile import read_po

    path = _locale_dir().joinpath(loc, "LC_MESSAGES", f"{domain}.po")
    if not path.is_file():
        return _Catalog({}, {}, lambda n: 0)
    with _lock, path.open("rb") as fh:
        catalog = read_po(fh, locale=loc, domain=domain)
    single: dict[str, str] = {}
    plurals: dict[str, Plural] = {}
    for msg in catalog:
        if not msg.id or msg.fuzzy:
            continue
        if isinstance(msg.id, str):
            if isinstance(msg.string, str) and msg.string:
                single[msg.id] = msg.string
            continue
        key, count = msg.id[0], str(msg.id[1]).strip("{}")
        forms = tuple(str(f) for f in msg.string or ())
        if key and all(forms):
            plurals[key] = Plural(count, forms)
            single[key] = forms[-1]
    return _Catalog(single, plurals, gettext.c2py(catalog.plural_expr or "0"))


def messages(locale: str, domain: str) -> dict[str, str]:
    """All translated messages of one catalog (fuzzy and empty entries are left out).

    A message with plural forms is given by its last form (English "other").
    """
    return _catalog(normalise_locale(locale), domain).single


def plural(key: str, locale: str) -> Plural | None:
    """The plural forms of ``key`` in ``locale``, or None for a message with one form."""
    return _catalog(normalise_locale(locale), key.split(".", 1)[0]).plural.get(key)


def count_of(value: Any) -> int | None:
    """The count a value stands for in a plural choice: an integer, a whole number, a length.

    None for anything else (a fraction, a value not recorded): such a count takes the last form.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal | Fraction) and value == int(value):
        return int(value)
    if isinstance(value, list | tuple | set | frozenset):
        return len(value)
    return None


def plural_index(locale: str, domain: str, n: int | None) -> int:
    """Which plural form a count takes in ``locale`` (the file's ``Plural-Forms`` rule)."""
    cat = _catalog(normalise_locale(locale), domain)
    if n is None:
        return -1
    return int(cat.rule(abs(n)))


def message(key: str, locale: str, n: Any = None) -> str:
    """The template for ``key`` in ``locale``; its domain is the key's first segment.

    For a message with plural forms, ``n`` (a count) chooses the form; without it, the last.
    """
    loc = normalise_locale(locale)
    domain = key.split(".", 1)[0]
    cat = _catalog(loc, domain)
    forms = cat.plural.get(key)
    if forms is not None:
        index = plural_index(loc, domain, count_of(n))
        return forms.forms[min(index, len(forms.forms) - 1)]
    try:
        return cat.single[key]
    except KeyError:
        raise MissingTranslationError(key=key, locale=loc, domain=domain) from None


def placeholders(template: str) -> frozenset[str]:
    """The named ``{fields}`` a template uses."""
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )
