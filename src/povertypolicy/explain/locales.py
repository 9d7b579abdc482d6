"""Locale handling: the three supported locales and their normalisation with Babel.

Babel is imported at first use (a locale normalised or formatted), not with the package.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import UnsupportedLocaleError

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "babel_locale",
    "get_locale",
    "normalise_locale",
    "set_locale",
    "using_locale",
]

SUPPORTED_LOCALES: tuple[str, ...] = ("zh_Hans", "zh_Hant", "en")
DEFAULT_LOCALE = "zh_Hans"

_current: ContextVar[str] = ContextVar("povertypolicy_locale", default=DEFAULT_LOCALE)


def set_locale(locale: str) -> str:
    """Set the locale explanations use when none is given (notebooks: set it once).

    Returns the normalised name (``zh_TW`` → ``zh_Hant``). ``explain()``, ``to_html()`` and
    a notebook's display of a result use it; an explicit ``locale=`` still wins.
    """
    loc = normalise_locale(locale)
    _current.set(loc)
    return loc


def get_locale() -> str:
    """The locale explanations use when none is given (``zh_Hans`` unless set)."""
    return _current.get()


@contextlib.contextmanager
def using_locale(locale: str) -> Iterator[str]:
    """Within the block, explanations default to ``locale``; the previous default after."""
    token = _current.set(normalise_locale(locale))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@lru_cache(maxsize=64)
def _normalise(text: str) -> str:
    from babel import Locale, UnknownLocaleError

    sep = "-" if "-" in text else "_"
    try:
        loc = Locale.parse(text, sep=sep)
    except (ValueError, UnknownLocaleError):
        raise UnsupportedLocaleError(
            f"unknown locale {text!r}; supported: {', '.join(SUPPORTED_LOCALES)}",
            given=text,
            code="core.error.locale_unknown",
        ) from None
    if loc.language == "en":
        return "en"
    if loc.language == "zh":
        script = loc.script
        if script is None:
            # Babel's likely subtags: zh → zh_Hans_CN, zh_TW → zh_Hant_TW.
            script = "Hant" if loc.territory in {"TW", "HK", "MO"} else "Hans"
        if script in {"Hans", "Hant"}:
            return f"zh_{script}"
    raise UnsupportedLocaleError(
        f"locale {text!r} is not supported; supported: {', '.join(SUPPORTED_LOCALES)} "
        "(and their regional variants such as zh_CN, zh-TW, zh_Hant_HK, en_US)",
        given=text,
        code="core.error.locale_unsupported",
    )


@lru_cache(maxsize=8)
def babel_locale(locale: str) -> Locale:
    """The Babel ``Locale`` for a supported locale name (parsed once)."""
    from babel import Locale

    return Locale.parse(normalise_locale(locale))


def normalise_locale(locale: str | Locale) -> str:
    """Map a locale (``zh_CN``, ``zh-TW``, ``zh_Hant_HK``, ``en_GB`` …) to a catalog folder name."""
    if not isinstance(locale, str):
        from babel import Locale

        if isinstance(locale, Locale):
            locale = str(locale)
    if not isinstance(locale, str) or not locale:
        raise UnsupportedLocaleError(
            f"locale must be a non-empty string, got {locale!r}; "
            f"supported: {', '.join(SUPPORTED_LOCALES)}",
            given=locale,
            code="core.error.locale_empty",
        )
    return _normalise(locale)
