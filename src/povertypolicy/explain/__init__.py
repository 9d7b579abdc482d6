"""Explained results: ``Result[T]``, steps, citations and their rendering in three locales."""

from .citation import Citation
from .locales import (
    DEFAULT_LOCALE,
    SUPPORTED_LOCALES,
    get_locale,
    normalise_locale,
    set_locale,
    using_locale,
)
from .numerals import to_capital
from .result import Note, NoteKind, Result, Step, compact_dicts

__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "Citation",
    "Note",
    "NoteKind",
    "Result",
    "Step",
    "compact_dicts",
    "get_locale",
    "normalise_locale",
    "set_locale",
    "to_capital",
    "using_locale",
]
