"""Message catalogs: gettext ``.po`` files read with Babel at first use, one domain per area."""

from __future__ import annotations

import string
import threading
from functools import cache
from typing import Any

from ..errors import MissingTranslationError
from .locales import SUPPORTED_LOCALES, normalise_locale

__all__ = ["domains", "message", "messages"]

_lock = threading.Lock()


def _locale_dir() -> Any:
    from importlib import resources

    return resources.files("povertypolicy").joinpath("locale")


@cache
def domains() -> tuple[str, ...]:
    """The catalog domains shipped (one ``.po`` file per area, e.g. ``core``, ``housing``)."""
    folder = _locale_dir().joinpath(SUPPORTED_LOCALES[0], "LC_MESSAGES")
    return tuple(sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".po")))


@cache
def messages(locale: str, domain: str) -> dict[str, str]:
    """All translated messages of one catalog (fuzzy and empty entries are left out)."""
    from babel.messages.pofile import read_po

    loc = normalise_locale(locale)
    path = _locale_dir().joinpath(loc, "LC_MESSAGES", f"{domain}.po")
    if not path.is_file():
        return {}
    with _lock, path.open("rb") as fh:
        catalog = read_po(fh, locale=loc, domain=domain)
    out: dict[str, str] = {}
    for msg in catalog:
        if not msg.id or msg.fuzzy or not isinstance(msg.id, str):
            continue
        if isinstance(msg.string, str) and msg.string:
            out[msg.id] = msg.string
    return out


def message(key: str, locale: str) -> str:
    """The template for ``key`` in ``locale``; its domain is the key's first segment."""
    loc = normalise_locale(locale)
    domain = key.split(".", 1)[0]
    try:
        return messages(loc, domain)[key]
    except KeyError:
        raise MissingTranslationError(key=key, locale=loc, domain=domain) from None


def placeholders(template: str) -> frozenset[str]:
    """The named ``{fields}`` a template uses."""
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )
