"""Record which parameters catalogued rule functions read, and which of those the catalogue
does not list for the rule (the specs in ``policy/specs/*.py`` name the rules that read them).

A read is charged to the innermost catalogued function on the stack: a helper that reads for
its caller is charged to the caller; a rule calling another rule is charged to the inner one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import CodeType
from typing import Any

import povertypolicy as pp
from povertypolicy.policy.policy import Policy

Listing = Mapping[CodeType, tuple[str, frozenset[str], frozenset[str]]]


def catalogue_listing() -> Listing:
    """Code object of each catalogued function → (name, its rule IDs, parameters listed)."""
    out: dict[CodeType, tuple[str, set[str], set[str]]] = {}
    for info in pp.catalog.rules():
        for fn in info.functions:
            entry = out.setdefault(fn.load().__code__, (fn.name, set(), set()))
            entry[1].add(info.id)
            entry[2].update(info.parameters)
    return {c: (n, frozenset(r), frozenset(p)) for c, (n, r, p) in out.items()}


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
                _, rules, before = out.get(code, ("", frozenset(), frozenset()))
                out[code] = (f"ledger {name}.{attr}", rules | set(rule.rule_ids), before | params)
    return out


@contextmanager
def unlisted_reads(listing: Listing) -> Iterator[list[tuple[str, str, str]]]:
    """Within the block, every ``(function, rules, parameter)`` read but not listed."""
    found: list[tuple[str, str, str]] = []
    param, contains = Policy.param, Policy.__contains__

    def charge(name: object) -> None:
        frame = sys._getframe(2)
        while frame is not None:
            hit = listing.get(frame.f_code)
            if hit is not None:
                fn, rules, listed = hit
                if name not in listed:
                    found.append((fn, ", ".join(sorted(rules)), str(name)))
                return
            frame = frame.f_back

    def recording_param(self: Policy, name: str) -> Any:
        charge(name)
        return param(self, name)

    def recording_contains(self: Policy, name: object) -> bool:
        charge(name)
        return contains(self, name)

    Policy.param = recording_param  # type: ignore[method-assign]
    Policy.__contains__ = recording_contains  # type: ignore[method-assign]
    try:
        yield found
    finally:
        Policy.param = param  # type: ignore[method-assign]
        Policy.__contains__ = contains  # type: ignore[method-assign]
