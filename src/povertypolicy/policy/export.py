"""Policies and packs written back as pack files (TOML) that load to the same parameters; 导出.

A small emitter for the one shape a pack has (the standard library reads TOML but does not
write it): strings, integers, dates, inline tables and arrays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..explain.citation import Citation
from ..money import Money
from .parameter import Bound, Range

if TYPE_CHECKING:
    from .pack import PackParameter, PolicyPack
    from .policy import Policy

__all__ = ["citation_table", "pack_toml", "policy_toml"]

_CITATION_ORDER = ("document", "section", "law", "article", "quote", "scenario")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"


def citation_table(citation: Citation) -> dict[str, str]:
    """A citation as the table a pack file writes (only the fields it has)."""
    return {k: v for k in _CITATION_ORDER if (v := getattr(citation, k)) is not None}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: Any) -> str:
    """One TOML value. Money and decimals are strings, as packs write them (exact)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Money):
        return _string(format(value.amount, "f"))
    if isinstance(value, Decimal):
        return _string(format(value, "f"))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):  # pragma: no cover - packs hold dates only
        raise TypeError("packs hold dates, not datetimes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Range):
        return _inline({"min": value.min, "max": value.max})
    if isinstance(value, Citation):
        return _inline(citation_table(value))
    if isinstance(value, Mapping):
        return _inline(value)
    raise TypeError(f"cannot write {type(value).__name__} to a pack file")


def _inline(table: Mapping[str, Any]) -> str:
    return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in table.items()) + " }"


def _key(name: str) -> str:
    bare = name.replace("_", "").replace("-", "").isalnum() and name.isascii()
    return name if bare else _string(name)


def _param_block(
    name: str,
    unit: str,
    bound: Bound | None,
    range_bounds: tuple[Bound, Bound] | None,
    qualifier: str | None,
    values: Iterable[tuple[dt.date, dt.date | None, Any, Citation]],
) -> list[str]:
    lines = ["", f"[parameters.{_string(name)}]", f"unit = {_string(unit)}"]
    if bound is not None:
        lines.append(f"bound = {_string(bound.value)}")
    if range_bounds is not None and range_bounds != (Bound.INCLUSIVE, Bound.INCLUSIVE):
        lines.append(
            f"bound = {_inline({'min': range_bounds[0].value, 'max': range_bounds[1].value})}"
        )
    if qualifier is not None:
        lines.append(f"qualifier = {_string(qualifier)}")
    lines.append("values = [")
    for start, end, value, citation in values:
        item: dict[str, Any] = {"from": start}
        if end is not None:
            item["until"] = end
        item["value"] = value
        item["citation"] = citation
        lines.append(f"  {_inline(item)},")
    lines.append("]")
    return lines


def _head(fields: Mapping[str, Any]) -> list[str]:
    return [f"{k} = {_value(v)}" for k, v in fields.items() if v is not None]


def pack_toml(pack: PolicyPack) -> str:
    """One pack (its own parameters, every dated value, its parent) as a pack file."""
    lines = _head(
        {
            "id": pack.id,
            "title": pack.title,
            "issuer": pack.issuer,
            "document_number": pack.document_number,
            "parent": pack.parent,
            "jurisdiction": pack.jurisdiction,
            "description": pack.description,
            "source": pack.source,
        }
    )
    for name in sorted(pack.parameters):
        pp: PackParameter = pack.parameters[name]
        lines += _param_block(
            name,
            pp.unit.value,
            pp.bound,
            pp.range_bounds,
            pp.qualifier,
            ((v.start, v.end, v.value, v.citation) for v in pp.values),
        )
    return "\n".join(lines) + "\n"


def policy_toml(policy: Policy, *, id: str | None = None) -> str:
    """A policy resolved on its date as one pack without a parent: every parameter in force,
    each with its period, value, bound, qualifier and citation (scenario markers kept)."""
    head = policy.chain[0]
    root = policy.chain[1] if head.derived_from is not None else head
    chain = " → ".join(p.id for p in policy.chain)
    lines = _head(
        {
            "id": id if id is not None else policy.id.replace("+", "-"),
            "title": head.title,
            "issuer": head.issuer,
            "document_number": root.document_number,
            "jurisdiction": root.jurisdiction,
            "description": f"{chain}, resolved on {policy.on.isoformat()}",
            "source": head.source,
        }
    )
    for p in policy:
        range_bounds = (
            (p.value.min_bound, p.value.max_bound) if isinstance(p.value, Range) else None
        )
        lines += _param_block(
            p.name,
            p.unit.value,
            p.bound,
            range_bounds,
            p.qualifier,
            [(p.valid_from, p.valid_until, p.value, p.citation)],
        )
    return "\n".join(lines) + "\n"
