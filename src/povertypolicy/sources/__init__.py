"""The sources the packs cite, shipped with the package; 出处文件.

The five public policy documents the packs encode (byte for byte), excerpts of the national
laws they cite (only the cited articles), and the NBS poverty-monitoring report (metadata only).
A pack cites one as ``document = "<source id>"`` with its ``section``; `find_quote` finds a
cited sentence in the text. Everything is read at first use (stdlib only).

>>> import povertypolicy as pp
>>> pp.get_source("poverty-work-plan-samples").part("篇3").title.hans
'深山区移民搬迁扶贫工作方案'
"""

from __future__ import annotations

from .model import DateBasis, QuoteMatch, Script, Source, SourceKind, SourcePart, Title
from .registry import find_quote, get_source, list_sources

__all__ = [
    "DateBasis",
    "QuoteMatch",
    "Script",
    "Source",
    "SourceKind",
    "SourcePart",
    "Title",
    "find_quote",
    "get_source",
    "list_sources",
]
