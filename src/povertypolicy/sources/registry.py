"""Reading ``sources.toml`` and the shipped texts; finding a quote (loaded at first use)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from ..domain.enums import JurisdictionLevel
from ..errors import InputError
from .model import DateBasis, QuoteMatch, Script, Source, SourceKind, SourcePart, Title

__all__ = ["find_quote", "get_source", "list_sources", "lookup", "source_text"]

_PROVINCE_RE = re.compile(r"^CN-[A-Z]{2}$")
# poverty-work-plan-samples's pinyin glosses after characters: 標(biāo) is 標.
_GLOSS_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)")
_SENTENCE_END = frozenset("。！？；!?;\n")
_GAP = "……"


def _files() -> Any:
    from .._resources import shipped

    return shipped("povertypolicy.sources")


def _title(raw: Any, where: str) -> Title:
    if not isinstance(raw, dict) or set(raw) != {"hans", "hant"}:
        raise ValueError(f"{where}: title must be {{hans = …, hant = …}}")
    return Title(hans=raw["hans"], hant=raw["hant"])


def _optional_date(raw: Any, where: str) -> dt.date | None:
    if raw is None:
        return None
    if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
        raise ValueError(f"{where}: date must be a TOML date")
    return raw


def _common(raw: dict[str, Any], where: str) -> dict[str, Any]:
    province = raw.get("province")
    if province is not None and not _PROVINCE_RE.match(province):
        raise ValueError(f"{where}: province must be an ISO 3166-2 code such as CN-ZJ")
    level = raw.get("level")
    return {
        "issuer": raw.get("issuer"),
        "document_number": raw.get("document_number"),
        "date": _optional_date(raw.get("date"), where),
        "year": raw.get("year"),
        "dated": DateBasis(raw["dated"]),
        "level": None if level is None else JurisdictionLevel(level),
        "province": province,
        "place": raw.get("place"),
        "note": raw.get("note"),
    }


def _parts(raw: dict[str, Any], sid: str, text: str | None) -> tuple[SourcePart, ...]:
    specs: list[tuple[str, str, dict[str, Any]]] = []
    for p in raw.get("part", []):
        specs.append((p["name"], p["starts"], p))
    for article in raw.get("articles", []):
        specs.append((article, article, {"dated": raw["dated"]}))
    if not specs:
        return ()
    if text is None:
        raise ValueError(f"{sid}: parts need a shipped text")
    starts: list[int] = []
    pos = 0
    for name, marker, _ in specs:
        found = text.find(marker, pos)
        if found < 0:
            raise ValueError(f"{sid}: part {name!r} does not start with {marker!r} in the text")
        starts.append(found)
        pos = found + len(marker)
    ends = [*starts[1:], len(text)]
    out = []
    for (name, _, p), start, end in zip(specs, starts, ends, strict=True):
        fields = _common(p, f"{sid}.{name}")
        out.append(
            SourcePart(
                source_id=sid,
                name=name,
                title=_title(p["title"], f"{sid}.{name}") if "title" in p else None,
                title_given=bool(p.get("title_given", False)),
                start=start,
                end=end,
                **fields,
            )
        )
    return tuple(out)


@cache
def _registry() -> dict[str, Source]:
    import tomllib

    raw = tomllib.loads(_files().joinpath("sources.toml").read_text(encoding="utf-8"))
    out: dict[str, Source] = {}
    for item in raw["source"]:
        sid = item["id"]
        file = item.get("file")
        kind = SourceKind(item["kind"])
        if (file is None) != (kind is SourceKind.REFERENCE):
            raise ValueError(f"{sid}: a reference ships no file; every other kind ships one")
        text = None if file is None else _read(file)
        formerly = item.get("formerly")
        if formerly is not None and not formerly.endswith(".txt"):
            # pack reading looks up only .txt names (policy/_reader.py): keep it so
            raise ValueError(f"{sid}: formerly must be a former seed file name (*.txt)")
        out[sid] = Source(
            id=sid,
            kind=kind,
            title=_title(item["title"], sid),
            title_given=bool(item.get("title_given", False)),
            script=Script(item["script"]),
            language=item.get("language", "zh"),
            url=item.get("url"),
            official=item.get("official"),
            formerly=formerly,
            file=file,
            parts=_parts(item, sid, text),
            **_common(item, sid),
        )
    return out


@cache
def _read(file: str) -> str:
    data: bytes = _files().joinpath("texts", file).read_bytes()
    return data.decode("utf-8")


@cache
def _formerly() -> dict[str, str]:
    return {s.formerly: s.id for s in _registry().values() if s.formerly is not None}


def list_sources() -> tuple[Source, ...]:
    """Every shipped source, by id; 出处文件列表."""
    return tuple(_registry()[k] for k in sorted(_registry()))


def lookup(document: str) -> Source | None:
    """The source a citation's ``document`` names (its id or its former file name), or None."""
    reg = _registry()
    found = reg.get(document)
    if found is None and document in _formerly():
        found = reg[_formerly()[document]]
    return found


def renamed_document(document: str) -> str | None:
    """The id that replaced a former file name (``003_2d36845397adf6a3.txt``), else None."""
    return _formerly().get(document)


def get_source(source_id: str) -> Source:
    """One source by id; raises InputError naming the shipped ids."""
    found = _registry().get(source_id)
    if found is None:
        raise InputError(
            obj="source",
            field="id",
            value=source_id,
            expected="a shipped source id",
            code="core.error.source_unknown",
            extra={"known": ", ".join(sorted(_registry()))},
        )
    return found


def source_text(source: Source) -> str:
    """The text of ``source``; raises InputError when the package does not ship it."""
    if source.file is None:
        raise InputError(
            obj="source",
            field="text",
            value=source.id,
            expected="a source whose text is shipped",
            code="core.error.source_no_text",
            extra={"official": source.official or source.url or "-"},
        )
    return _read(source.file)


# -- quotes ----------------------------------------------------------------------------------


def plain(text: str) -> str:
    """``text`` without pinyin glosses and line breaks."""
    return _GLOSS_RE.sub("", text).replace("\n", "")


def _normalise(text: str) -> tuple[str, list[int]]:
    """``text`` without pinyin glosses and whitespace, and each kept character's offset."""
    keep: list[str] = []
    where: list[int] = []
    glosses = [(m.start(), m.end()) for m in _GLOSS_RE.finditer(text)]
    g = 0
    i = 0
    while i < len(text):
        if g < len(glosses) and glosses[g][0] == i:
            i = glosses[g][1]
            g += 1
            continue
        ch = text[i]
        if not ch.isspace():
            keep.append(ch)
            where.append(i)
        i += 1
    return "".join(keep), where


@cache
def _normalised(source_id: str) -> tuple[str, list[int]]:
    return _normalise(get_source(source_id).text())


def _sentence(text: str, start: int, end: int) -> str:
    lo = start
    while lo > 0 and text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = max(end, start + 1)
    while hi < len(text) and text[hi - 1] not in _SENTENCE_END:
        hi += 1
    return text[lo:hi].strip()


def find_quote(source_id: str, quote: str, *, part: str | None = None) -> QuoteMatch | None:
    """Where ``quote`` is in the source (or in one ``part`` of it); None when it is not there.

    Whitespace and line breaks are ignored, as are poverty-work-plan-samples's pinyin glosses
    (標(biāo) reads 標);
    a ``……`` in the quote stands for left-out words: its pieces must follow in order. Raises
    InputError for an unknown source, an unknown part, or a source whose text is not shipped.
    """
    source = get_source(source_id)
    if not isinstance(quote, str) or not quote.strip():
        raise InputError(
            obj="find_quote",
            field="quote",
            value=quote,
            expected="a quote",
            code="core.error.text_empty",
        )
    text = source.text()
    flat, where = _normalised(source_id)
    lo, hi = 0, len(flat)
    if part is not None:
        p = source.part(part)
        from bisect import bisect_left

        lo, hi = bisect_left(where, p.start), bisect_left(where, p.end)
    pieces = [_normalise(piece)[0] for piece in quote.split(_GAP)]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return None
    pos = lo
    first = last = -1
    for piece in pieces:
        found = flat.find(piece, pos, hi)
        if found < 0:
            return None
        if first < 0:
            first = found
        last = found + len(piece)
        pos = last
    start, end = where[first], where[last - 1] + 1
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    in_part = next((p.name for p in source.parts if p.start <= start < p.end), None)
    return QuoteMatch(
        source_id=source_id,
        part=in_part,
        line=line,
        column=column,
        start=start,
        end=end,
        text=text[start:end],
        sentence=_sentence(text, start, end),
    )
