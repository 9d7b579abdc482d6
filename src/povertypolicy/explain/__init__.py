"""Explained results: ``Result[T]``, steps, citations and their rendering in three locales."""

from .citation import Citation
from .locales import DEFAULT_LOCALE, SUPPORTED_LOCALES, normalise_locale
from .result import Note, NoteKind, Result, Step

__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "Citation",
    "Note",
    "NoteKind",
    "Result",
    "Step",
    "normalise_locale",
]
