"""What-if policies in code: a policy with some values changed; 情景测算（派生政策）.

``policy.derive({"housing.subsidy_per_person": Change("4000", scenario="县里测算")})`` is the
same policy with one value changed. Every change carries its own citation or a scenario
marker, and is checked exactly as a pack's value is (unit, domain, bound, range).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import InputError
from ..explain.citation import Citation
from ..money import Money
from .parameter import Bound, Range

if TYPE_CHECKING:
    from .pack import PackParameter, PolicyPack
    from .policy import Policy

__all__ = ["Change", "derive"]

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A changed value holds on every date the derived policy is read on.
_ALWAYS = dt.date.min


def _range(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {"min", "max"}:
            raise InputError(
                obj="Change",
                field="value",
                value=value,
                expected="a range {min: …, max: …}",
                code="core.error.range_keys",
                extra={"keys": ("min", "max")},
            )
        return Range(min=value["min"], max=value["max"])
    return value


# How a source words a threshold's bound: 以上/以下 include the number, 超过/不满 exclude it.
_BOUND_WORDS = {
    "以上": Bound.INCLUSIVE,
    "以下": Bound.INCLUSIVE,
    "超过": Bound.EXCLUSIVE,
    "超過": Bound.EXCLUSIVE,
    "不满": Bound.EXCLUSIVE,
    "不滿": Bound.EXCLUSIVE,
}


def _bound(value: Any) -> Any:
    """A bound as a pack writes it (``"inclusive"``), as the source words it (以上), or a member."""
    if isinstance(value, str) and not isinstance(value, Bound):
        return _BOUND_WORDS.get(value) or {m.value: m for m in Bound}.get(value, value)
    return value


@attrs.frozen
class Change:
    """One changed value: the value as a pack writes it, and its citation or scenario; 变更.

    ``value`` is what a pack's ``value =`` holds (``"4000"``, ``30``, a date, a choice, a
    `Range` or ``{"min": …, "max": …}``); Money and Decimal are taken too. Give exactly
    one of ``citation`` (a real source) and ``scenario`` (an assumption, shown as such in
    every explanation). ``bound``: 以上/以下 for a threshold the base does not have (else the
    base's bound is kept); ``qualifier``: 原则上/一般/可 if the source uses one.

    Args:
        value: The new value, written as a pack writes it.
        citation: The source that sets this value; None when it is a scenario.
        scenario: What was assumed (情景假设), shown in every explanation; None when cited.
        bound: 以上/以下 (inclusive) or 超过/不满 (exclusive) for a new threshold, as a
            `Bound`, its value (``"inclusive"``) or those words; None: keep the base's.
        qualifier: 原则上/一般/可 when the source uses one; None: none.
    """

    value: Any = attrs.field(converter=_range)
    citation: Citation | None = attrs.field(default=None, kw_only=True)
    scenario: str | None = attrs.field(default=None, kw_only=True)
    bound: Bound | None = attrs.field(default=None, kw_only=True, converter=_bound)
    qualifier: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (self.citation is None) == (self.scenario is None):
            raise InputError(
                obj="Change",
                field="citation/scenario",
                value=None if self.citation is None else str(self.citation),
                expected="exactly one of citation= (a source) or scenario= (an assumption)",
                code="core.error.citation_or_scenario",
            )
        if self.citation is not None and not isinstance(self.citation, Citation):
            raise InputError(
                obj="Change",
                field="citation",
                value=self.citation,
                expected="a Citation",
                code="core.error.instance",
                extra={"type": "Citation"},
            )
        if self.scenario is not None and (
            not isinstance(self.scenario, str) or not self.scenario.strip()
        ):
            raise InputError(
                obj="Change",
                field="scenario",
                value=self.scenario,
                expected="a non-empty text",
                code="core.error.text_empty",
            )
        if self.bound is not None and not isinstance(self.bound, Bound):
            raise InputError(
                obj="Change",
                field="bound",
                value=self.bound,
                expected="a Bound, 'inclusive'/'exclusive' or 以上/以下/超过/不满",
                code="core.error.enum",
                extra={"choices": ", ".join([*(m.value for m in Bound), *_BOUND_WORDS])},
            )

    @property
    def source(self) -> Citation:
        """The citation the changed value carries (a scenario citation for a scenario)."""
        if self.citation is not None:
            return self.citation
        return Citation(scenario=self.scenario)


def _raw_scalar(value: Any) -> Any:
    """A typed value back in the form a pack file writes it (the pack parser checks it)."""
    if isinstance(value, Money):
        return format(value.amount, "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _raw(name: str, change: Change, base: Policy) -> dict[str, Any]:
    """The pack-file table for one change, so that the pack parser validates it."""
    from .spec import all_specs

    spec = all_specs().get(name)
    # the bound as the base's packs write it, even when it has no value on the base's date
    old_bound = next(
        (pp.bound for pack in base.chain if (pp := pack.parameters.get(name)) is not None), None
    )
    raw: dict[str, Any] = {"unit": spec.unit.value if spec is not None else ""}
    value = change.value
    if isinstance(value, Range):
        raw["bound"] = {"min": value.min_bound.value, "max": value.max_bound.value}
        value = {"min": _raw_scalar(value.min), "max": _raw_scalar(value.max)}
    else:
        value = _raw_scalar(value)
        bound = change.bound or old_bound
        if bound is not None:
            raw["bound"] = bound.value
    if change.qualifier is not None:
        raw["qualifier"] = change.qualifier
    from .export import citation_table

    raw["values"] = [{"from": _ALWAYS, "value": value, "citation": citation_table(change.source)}]
    return raw


# Derived packs by what they are made of, so that deriving the same change twice gives the
# same (cached) policy; bounded, since a sweep over many values makes many.
_derived: dict[Any, PolicyPack] = {}
_DERIVED_MAX = 1024


def derive(base: Policy, changes: Mapping[str, Change], *, name: str = "scenario") -> Policy:
    """``base`` with the values in ``changes`` (parameter name → `Change`); 派生政策.

    The result is an ordinary `Policy` (same date) whose id is ``<base>+<name>``.
    Deriving from a derived policy adds to (or replaces) its changes.
    """
    from ._reader import _Ctx
    from .pack import PolicyPack, _parameter
    from .policy import _cached
    from .spec import all_specs

    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise InputError(
            obj="Policy.derive",
            field="name",
            value=name,
            expected="a name of lower-case letters, digits and '-'",
            code="core.error.scenario_name",
        )
    if not isinstance(changes, Mapping) or not changes:
        raise InputError(
            obj="Policy.derive",
            field="changes",
            value=changes,
            expected="a mapping of parameter name → Change, at least one",
            code="core.error.changes",
            extra={"type": "Change"},
        )
    head = base.chain[0]
    root = base.chain[1:] if head.derived_from is not None else base.chain
    root_id = root[0].id
    derived_id = f"{root_id}+{name}"
    ctx = _Ctx(f"Policy.derive({base.id})")
    specs = all_specs()
    params: dict[str, PackParameter] = (
        {p.name: p for p in head.changes} if head.derived_from is not None else {}
    )
    for pname, change in changes.items():
        if not isinstance(change, Change):
            raise InputError(
                obj="Policy.derive",
                field=str(pname),
                value=change,
                expected='a Change(value, citation=… or scenario="…")',
                code="core.error.instance",
                extra={"type": "Change"},
            )
        params[pname] = _parameter(ctx, pname, _raw(pname, change, base), specs)
    ordered = tuple(params[k] for k in sorted(params))
    key = (tuple(id(p) for p in root), derived_id, ordered)
    pack = _derived.get(key)
    if pack is None:
        if len(_derived) >= _DERIVED_MAX:
            _derived.clear()
        scenario_texts = list(
            dict.fromkeys(
                v.citation.scenario
                for p in ordered
                for v in p.values
                if v.citation.scenario is not None
            )
        )
        pack = PolicyPack(
            id=derived_id,
            title=f"{root[0].title}（{name}）",
            issuer=root[0].issuer,
            source=Citation(scenario="; ".join(scenario_texts))
            if scenario_texts
            else root[0].source,
            path=ctx.file,
            parameters=dict(params),
            parent=root_id,
            derived_from=root_id,
            changes=ordered,
        )
        _derived[key] = pack
    return _cached((pack, *root), base.on)
