"""The rule and parameter catalogue; 规则与参数目录.

Every rule ID with its title, the functions that implement it, the parameters it reads and the
clauses it comes from; every parameter with its unit, bound, meaning, rules and the value each
shipped pack gives it; and what a pack must set for a rule area, all at once::

    import povertypolicy as pp

    pp.catalog.rule("HOUSE-2").parameters
    pp.catalog.required_parameters("housing")
    pp.catalog.missing_parameters(policy, "housing")  # every missing name, not the first

Nothing here is imported with ``povertypolicy``: the registry, the specs and the packs load on
first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from .model import PackValue, ParameterInfo, RuleFunction, RuleInfo, Source

if TYPE_CHECKING:
    from ..policy.policy import Policy

__all__ = [
    "PackValue",
    "ParameterInfo",
    "RuleFunction",
    "RuleInfo",
    "Source",
    "areas",
    "check",
    "missing_parameters",
    "parameter",
    "parameters",
    "required_parameters",
    "rule",
    "rules",
]


def _rule_order(rule_id: str) -> tuple[int, int]:
    from ._registry import AREAS

    prefix, _, number = rule_id.partition("-")
    return (list(AREAS).index(prefix), int(number))


@cache
def _rules() -> Mapping[str, RuleInfo]:
    from ..policy.spec import all_specs
    from ._inputs import READS
    from ._registry import AREAS, ENTRIES, Doc

    specs = all_specs()
    out: dict[str, RuleInfo] = {}
    for entry in sorted(ENTRIES, key=lambda e: _rule_order(e.id)):
        prefix = entry.id.partition("-")[0]
        out[entry.id] = RuleInfo(
            id=entry.id,
            area=AREAS[prefix],
            functions=tuple(
                RuleFunction(name=f"povertypolicy.rules.{f}", reads=READS.get(f, ()))
                for f in entry.functions
            ),
            ledger=entry.ledger,
            parameters=tuple(sorted(n for n, s in specs.items() if entry.id in s.rules)),
            optional=tuple(sorted(entry.optional)),
            sources=tuple(
                Source(pack=s.pack, section=s.section)
                if isinstance(s, Doc)
                else Source(law=s.law, article=s.article)
                for s in entry.sources
            ),
            title_key=f"catalog.rule.{entry.id.lower().replace('-', '_')}",
        )
    return out


def rules() -> tuple[RuleInfo, ...]:
    """Every rule ID the library encodes, in catalogue order (HOUSE, SITE, LAND, … DATA)."""
    return tuple(_rules().values())


def rule(rule_id: str) -> RuleInfo:
    """One rule by its ID (``"HOUSE-2"``); an unknown ID is an InputError listing the known."""
    found = _rules().get(rule_id.strip().upper())
    if found is None:
        from ..errors import InputError

        raise InputError(
            obj="catalog.rule",
            field="rule_id",
            value=rule_id,
            expected="one of " + _known(),
            code="catalog.error.unknown_rule",
            extra={"rules": list(_rules())},
        )
    return found


def _known() -> str:
    ids = list(_rules())
    return ", ".join(ids)


def areas() -> Mapping[str, tuple[str, ...]]:
    """Each policy area (``housing``, ``site``, …) with its rule IDs."""
    out: dict[str, list[str]] = {}
    for info in _rules().values():
        out.setdefault(info.area, []).append(info.id)
    return {area: tuple(ids) for area, ids in out.items()}


def _select(selectors: tuple[str, ...]) -> tuple[RuleInfo, ...]:
    """Rules named by ID (``HOUSE-2``), prefix (``HOUSE``) or area (``housing``); all if none."""
    from ._registry import AREAS

    if not selectors:
        return rules()
    by_area = areas()
    chosen: dict[str, RuleInfo] = {}
    for sel in selectors:
        key = sel.strip()
        area = AREAS.get(key.upper(), key.lower())
        if area in by_area:
            chosen.update((i, _rules()[i]) for i in by_area[area])
            continue
        if key.upper() not in _rules():
            from ..errors import InputError

            raise InputError(
                obj="catalog",
                field="rules",
                value=sel,
                expected="a rule ID (HOUSE-2), a prefix (HOUSE) or an area ("
                + ", ".join(by_area)
                + ")",
                code="catalog.error.unknown_selector",
                extra={"rule_id": "HOUSE-2", "prefix": "HOUSE", "areas": list(by_area)},
            )
        info = rule(key)
        chosen[info.id] = info
    return tuple(sorted(chosen.values(), key=lambda r: _rule_order(r.id)))


@cache
def _parameters() -> Mapping[str, ParameterInfo]:
    from ..policy.pack import load_pack, shipped_pack_ids
    from ..policy.spec import all_specs

    values: dict[str, list[PackValue]] = {}
    for pack_id in shipped_pack_ids():
        pack = load_pack(pack_id)
        for name, pp in sorted(pack.parameters.items()):
            values.setdefault(name, []).extend(
                PackValue(
                    pack=pack.id,
                    value=v.value,
                    valid_from=v.start,
                    valid_until=v.end,
                    citation=v.citation,
                    bound=pp.bound,
                    qualifier=pp.qualifier,
                )
                for v in pp.values
            )
    return {
        name: ParameterInfo(
            name=name,
            unit=spec.unit,
            kind=spec.unit.kind,
            threshold=spec.threshold,
            is_range=spec.is_range,
            choices=spec.choices,
            signed=spec.signed,
            rules=tuple(sorted(spec.rules, key=_rule_order)),
            label_key=spec.label_key,
            values=tuple(values.get(name, ())),
        )
        for name, spec in sorted(all_specs().items())
    }


def parameters(*selectors: str) -> tuple[ParameterInfo, ...]:
    """Every declared parameter by name, or those the selected rules read (IDs or areas)."""
    if not selectors:
        return tuple(_parameters().values())
    names = {n for r in _select(selectors) for n in r.parameters}
    return tuple(p for n, p in _parameters().items() if n in names)


def parameter(name: str) -> ParameterInfo:
    """One parameter by name; an unknown name is an InputError with the closest match."""
    found = _parameters().get(name)
    if found is None:
        import difflib

        from ..errors import InputError

        hint = difflib.get_close_matches(name, list(_parameters()), n=1)
        if hint:
            raise InputError(
                obj="catalog.parameter",
                field="name",
                value=name,
                expected=f"a declared parameter (did you mean {hint[0]!r}?)",
                code="catalog.error.misspelt_parameter",
                extra={"suggestion": hint[0]},
            )
        raise InputError(
            obj="catalog.parameter",
            field="name",
            value=name,
            expected="a declared parameter name such as 'housing.subsidy_per_person'",
            code="catalog.error.unknown_parameter",
            extra={"example": "housing.subsidy_per_person"},
        )
    return found


def required_parameters(*selectors: str) -> tuple[ParameterInfo, ...]:
    """What a pack must set for the selected rules (IDs, prefixes or areas; all if none).

    Parameters a rule reads only when a pack sets them (``RuleInfo.optional``) are left out
    unless another selected rule needs them.
    """
    names = {n for r in _select(selectors) for n in r.required}
    return tuple(p for n, p in _parameters().items() if n in names)


def missing_parameters(policy: Policy, *selectors: str) -> tuple[ParameterInfo, ...]:
    """Every parameter the selected rules need that ``policy`` has no value for on its date.

    All of them at once, not the first a rule happens to read; empty when nothing is missing.
    """
    return tuple(p for p in required_parameters(*selectors) if p.name not in policy)


def check(policy: Policy, *selectors: str) -> None:
    """Raise one `povertypolicy.ParametersMissingError` naming every missing parameter."""
    missing = missing_parameters(policy, *selectors)
    if missing:
        from ..errors import ParametersMissingError

        raise ParametersMissingError(
            names=[p.name for p in missing],
            chain=[p.id for p in policy.chain],
            on=policy.on.isoformat(),
            rules=[r.id for r in _select(selectors)],
        )
