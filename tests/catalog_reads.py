"""Record what catalogued rule functions read, and what of it the catalogue does not list:
parameters (the specs in ``policy/specs/*.py`` name the rules that read them) and fields of
domain objects (``catalog/_inputs.py`` lists them per function).

A read is charged to the innermost catalogued function on the stack: a helper that reads for
its caller is charged to the caller; a rule calling another rule is charged to the inner one.
The walk stops at the first frame outside the package (a test, attrs' generated methods).
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import CodeType
from typing import Any, NamedTuple

import attrs

import povertypolicy as pp
import povertypolicy.domain
from povertypolicy.policy.policy import Policy

_PKG = os.path.dirname(pp.__file__)


class Listed(NamedTuple):
    """What the catalogue lists for one function."""

    name: str
    rules: frozenset[str]
    params: frozenset[str]
    fields: frozenset[str] | None  # None: fields not checked (ledger methods)


Listing = Mapping[CodeType, Listed]


def catalogue_listing() -> Listing:
    """Code object of each catalogued function → what the catalogue lists for it."""
    out: dict[CodeType, Listed] = {}
    for info in pp.catalog.rules():
        for fn in info.functions:
            code = fn.load().__code__
            before = out.get(code, Listed(fn.name, frozenset(), frozenset(), frozenset()))
            out[code] = Listed(
                fn.name,
                before.rules | {info.id},
                before.params | set(info.parameters),
                frozenset(fn.reads),
            )
    return out


def ledger_listing() -> Listing:
    """The catalogue listing plus each ledger rule's own methods, charged to its rule IDs."""
    from povertypolicy.ledger import ledger_rules

    listed = {r.id: frozenset(r.parameters) for r in pp.catalog.rules()}
    out = dict(catalogue_listing())
    for name, rule in ledger_rules().items():
        params = frozenset().union(*(listed[i] for i in rule.rule_ids))
        for attr, value in vars(type(rule)).items():
            code = getattr(value, "__code__", None)
            if code is not None and not attr.startswith("__"):
                before = out.get(code, Listed("", frozenset(), frozenset(), None))
                out[code] = Listed(
                    f"ledger {name}.{attr}",
                    before.rules | set(rule.rule_ids),
                    before.params | params,
                    None,
                )
    return out


def _charged(listing: Listing) -> Listed | None:
    frame = sys._getframe(3)
    while frame is not None:
        code = frame.f_code
        hit = listing.get(code)
        if hit is not None:
            return hit
        if not code.co_filename.startswith(_PKG):
            return None
        frame = frame.f_back
    return None


class _Field:
    """A slot descriptor that reports each read, then reads the slot."""

    __slots__ = ("inner", "key", "report")

    def __init__(self, inner: Any, key: str, report: Any) -> None:
        self.inner, self.key, self.report = inner, key, report

    def __get__(self, obj: object, typ: type | None = None) -> Any:
        if obj is not None:
            self.report(self.key)
        return self.inner.__get__(obj, typ)

    def __set__(self, obj: object, value: Any) -> None:
        self.inner.__set__(obj, value)

    def __delete__(self, obj: object) -> None:
        self.inner.__delete__(obj)


def _domain_slots() -> list[tuple[type, str, Any]]:
    out = []
    for name in povertypolicy.domain.__all__:
        cls = getattr(povertypolicy.domain, name)
        if inspect.isclass(cls) and attrs.has(cls):
            for field in attrs.fields(cls):
                inner = cls.__dict__.get(field.name)
                if inner is not None and hasattr(inner, "__set__"):
                    out.append((cls, field.name, inner))
    return out


@contextmanager
def unlisted_reads(
    listing: Listing, *, fields: bool = False
) -> Iterator[list[tuple[str, str, str]]]:
    """Within the block, every ``(function, rules, parameter or Class.field)`` read but not
    listed. Fields are recorded only with ``fields=True``."""
    found: list[tuple[str, str, str]] = []
    param, contains = Policy.param, Policy.__contains__

    def charge_param(name: object) -> None:
        hit = _charged(listing)
        if hit is not None and name not in hit.params:
            found.append((hit.name, ", ".join(sorted(hit.rules)), str(name)))

    def charge_field(key: str) -> None:
        hit = _charged(listing)
        if hit is not None and hit.fields is not None and key not in hit.fields:
            found.append((hit.name, ", ".join(sorted(hit.rules)), key))

    def recording_param(self: Policy, name: str) -> Any:
        charge_param(name)
        return param(self, name)

    def recording_contains(self: Policy, name: object) -> bool:
        charge_param(name)
        return contains(self, name)

    slots = _domain_slots() if fields else []
    Policy.param = recording_param  # type: ignore[method-assign]
    Policy.__contains__ = recording_contains  # type: ignore[method-assign]
    for cls, name, inner in slots:
        setattr(cls, name, _Field(inner, f"{cls.__name__}.{name}", charge_field))
    try:
        yield found
    finally:
        Policy.param = param  # type: ignore[method-assign]
        Policy.__contains__ = contains  # type: ignore[method-assign]
        for cls, name, inner in slots:
            setattr(cls, name, inner)
