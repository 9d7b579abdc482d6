"""The shipped sources: documents, their parts, and where a quote was found; 出处文件."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..domain.enums import JurisdictionLevel

__all__ = ["DateBasis", "QuoteMatch", "Script", "Source", "SourceKind", "SourcePart", "Title"]


class SourceKind(enum.StrEnum):
    """What the package ships of a source; 收录方式."""

    __label__ = "core.enum.source_kind"

    DOCUMENT = "document"  # one document, full text byte for byte
    COLLECTION = "collection"  # several documents in one file (parts), full text
    EXCERPT = "excerpt"  # only the cited articles, as published; the whole text is elsewhere
    REFERENCE = "reference"  # metadata only: the text is not shipped


class DateBasis(enum.StrEnum):
    """What a source's date is; 日期依据."""

    __label__ = "core.enum.date_basis"

    ISSUED = "issued"  # the document's own date (落款、印发)
    POSTED = "posted"  # when the website carrying the text posted it
    TEXT = "text"  # ``year`` is a year the text itself states for its targets
    UNDATED = "undated"  # neither the text nor its posting says


class Script(enum.StrEnum):
    """The script a text is written in."""

    HANS = "hans"  # simplified characters
    HANT = "hant"  # traditional characters


@attrs.frozen(kw_only=True)
class Title:
    """A title written in both scripts (no conversion library needed)."""

    hans: str
    hant: str

    def in_locale(self, locale: str, original: Script) -> str:
        """zh_Hans → simplified, zh_Hant → traditional, any other locale → as the text writes it."""
        if locale == "zh_Hans":
            return self.hans
        if locale == "zh_Hant":
            return self.hant
        return self.hant if original is Script.HANT else self.hans


@attrs.frozen(kw_only=True)
class SourcePart:
    """One document of a collection (篇3 of poverty-work-plan-samples), or one article of an excerpt
    (第四十七条).

    ``title`` is None for a law's article (the law's title is used). ``start`` and ``end`` are
    character offsets into the source's text (end excluded), or None when the text is not shipped.

    Args:
        source_id: The source this part belongs to.
        name: The part's name as the text heads it (篇3, 第二篇, 第四十七条).
        title: Its title in both scripts; None for a law's article.
        title_given: True when the text has no heading and the title is ours.
        issuer: Who issued it; None: the text does not say.
        document_number: Its document number (文号); None: it has none.
        date: Its date; None: not known (see ``dated``).
        year: The year the text states, when there is no full date; None: none.
        dated: What ``date``/``year`` is (issued, posted, stated in the text, undated).
        level: Where it applies (适用层级); None: not known.
        province: ISO 3166-2 code of its province; None: the text does not say.
        place: The place it names; None: not named.
        note: A note on the metadata (how a reading was made); None: none.
        start: Offset of its first character in the source's text.
        end: Offset just after its last character.
    """

    source_id: str
    name: str
    title: Title | None
    title_given: bool
    issuer: str | None
    document_number: str | None
    date: dt.date | None
    year: int | None
    dated: DateBasis
    level: JurisdictionLevel | None
    province: str | None
    place: str | None
    note: str | None
    start: int
    end: int

    def text(self) -> str:
        """This part's text, from its first line to the next part."""
        from .registry import get_source

        return get_source(self.source_id).text()[self.start : self.end]

    def find(self, quote: str) -> QuoteMatch | None:
        """Where ``quote`` is in this part (None when it is not)."""
        from .registry import find_quote

        return find_quote(self.source_id, quote, part=self.name)


@attrs.frozen(kw_only=True)
class Source:
    """A source the packs cite: its identity, where it applies and (unless a reference) its text.

    For a collection the metadata that differs per document is on its ``parts``; ``level``,
    ``province`` and ``place`` are then None on the source itself.

    Args:
        id: The stable source id citations use (``poverty-work-plan-samples``).
        kind: What the package ships of it (full text, collection, excerpt, reference only).
        title: Its title in both scripts.
        title_given: True when the text has no title and the title is ours.
        issuer: Who issued it.
        document_number: Its document number (文号); None: it has none.
        date: Its date; None: not known (see ``dated``).
        year: The year the text states, when there is no full date; None: none.
        dated: What ``date``/``year`` is (issued, posted, stated in the text, undated).
        level: Where it applies (适用层级); None for a collection (see its parts).
        province: ISO 3166-2 code of its province; None: not stated, or a collection.
        place: The place it names; None: not named, or a collection.
        script: The script its text is written in.
        language: Its language tag (``zh``).
        note: A note on the text or the metadata; None: none.
        url: Where the whole text is published; None: not known.
        official: Where the official text is kept (a law's gazette or database); None: none.
        formerly: The seed file name citations used before (still accepted, deprecated).
        file: The shipped text file; None for a reference (no text shipped).
        parts: Its parts (documents of a collection, articles of an excerpt).
    """

    id: str
    kind: SourceKind
    title: Title
    title_given: bool
    issuer: str
    document_number: str | None
    date: dt.date | None
    year: int | None
    dated: DateBasis
    level: JurisdictionLevel | None
    province: str | None
    place: str | None
    script: Script
    language: str
    note: str | None
    url: str | None
    official: str | None
    formerly: str | None
    file: str | None
    parts: tuple[SourcePart, ...]

    @property
    def has_text(self) -> bool:
        """Whether the package ships this source's text (False for a reference)."""
        return self.file is not None

    @property
    def is_excerpt(self) -> bool:
        """Whether only the cited articles are shipped (the whole text is at ``url``)."""
        return self.kind is SourceKind.EXCERPT

    def text(self) -> str:
        """The shipped text (byte for byte as published or as collected); raises for a reference."""
        from .registry import source_text

        return source_text(self)

    def part(self, name: str) -> SourcePart:
        """The part called ``name`` (篇3, 第二篇, 第四十七条); raises when there is none."""
        for p in self.parts:
            if p.name == name:
                return p
        from ..errors import InputError

        raise InputError(
            obj=f"Source({self.id})",
            field="part",
            value=name,
            expected="one of " + (", ".join(p.name for p in self.parts) or "(no parts)"),
            code="core.error.source_part",
            extra={"parts": tuple(p.name for p in self.parts)},
        )

    def part_for(self, section: str | None) -> SourcePart | None:
        """The part a citation's section names by its first word (篇3 §七1 → 篇3), if any."""
        if not section or not self.parts:
            return None
        head = section.split()[0]
        for p in self.parts:
            if p.name == head:
                return p
        return None

    def title_for(self, section: str | None, locale: str) -> str:
        """The title a citation of ``section`` shows: its part's title, else the source's."""
        part = self.part_for(section)
        title = part.title if part is not None and part.title is not None else self.title
        return title.in_locale(locale, self.script)

    def find(self, quote: str, *, part: str | None = None) -> QuoteMatch | None:
        """Where ``quote`` is in this source (or in one part); None when it is not."""
        from .registry import find_quote

        return find_quote(self.id, quote, part=part)


@attrs.frozen(kw_only=True)
class QuoteMatch:
    """Where a quote was found: the part, line and column, offsets, the text matched and the
    sentence around it (as the source writes it, glosses and line breaks included).

    Args:
        source_id: The source the quote was found in.
        part: The part it is in; None for a source without parts.
        line: 1-based line of its first character.
        column: 1-based column of its first character.
        start: Offset of its first character in the source's text.
        end: Offset just after its last character.
        text: The text matched, as the source writes it.
        sentence: The sentence around it, as the source writes it.
    """

    source_id: str
    part: str | None
    line: int
    column: int
    start: int
    end: int
    text: str
    sentence: str

    @property
    def plain_sentence(self) -> str:
        """The sentence without pinyin glosses and line breaks (標(biāo) → 標), for reading."""
        from .registry import plain

        return plain(self.sentence)
