"""Two policies on the same case: what changes, by how much, and why; 政策对比.

``compare(rule, base, variant, case)`` runs ``rule(case, policy)`` under both policies and
lists each part of the answer that differs (money deltas exact) and the parameters the rule
read that differ between them, with both values and citations.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from ..errors import PovertyPolicyError
from ..money import Money

if TYPE_CHECKING:
    from ..explain.result import Result
    from .parameter import Parameter
    from .policy import Policy

__all__ = ["Comparison", "ParameterChange", "ValueChange", "compare", "parameter_changes"]

T = TypeVar("T")
_LEAVES = (Money, int, Decimal, Fraction, str, enum.Enum, dt.date, type(None))


@attrs.frozen(kw_only=True)
class ValueChange:
    """One part of a rule's answer that differs; ``field`` is its path (``""``: the answer)."""

    field: str
    old: Any
    new: Any

    @property
    def delta(self) -> Money | int | Decimal | Fraction | None:
        """``new - old`` when both are amounts or numbers of one kind (exact), else None."""
        old, new = self.old, self.new
        if isinstance(old, bool) or isinstance(new, bool) or type(old) is not type(new):
            return None
        if isinstance(old, Money | int | Decimal | Fraction):
            delta: Money | int | Decimal | Fraction = new - old
            return delta
        return None


@attrs.frozen(kw_only=True)
class ParameterChange:
    """A parameter that differs between two policies (None: the policy does not set it)."""

    name: str
    old: Parameter | None
    new: Parameter | None


def _same(a: Parameter | None, b: Parameter | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.value, a.unit, a.citation, a.bound, a.qualifier, a.threshold) == (
        b.value,
        b.unit,
        b.citation,
        b.bound,
        b.qualifier,
        b.threshold,
    )


def parameter_changes(
    base: Policy, variant: Policy, names: Sequence[str]
) -> tuple[ParameterChange, ...]:
    """The parameters among ``names`` whose value, bound, qualifier or citation differ."""
    out = []
    for name in dict.fromkeys(names):
        old = base.param(name) if name in base else None
        new = variant.param(name) if name in variant else None
        if not _same(old, new):
            out.append(ParameterChange(name=name, old=old, new=new))
    return tuple(out)


def _properties(value: Any) -> Iterator[tuple[str, Any]]:
    """Public read-only properties of an answer (such as ``total``) with a plain value."""
    for name in dir(type(value)):
        if name.startswith("_") or not isinstance(getattr(type(value), name), property):
            continue
        try:
            found = getattr(value, name)
        except PovertyPolicyError:
            continue
        if isinstance(found, _LEAVES):
            yield name, found


def _diff(old: Any, new: Any, path: str) -> Iterator[ValueChange]:
    if type(old) is not type(new):
        yield ValueChange(field=path, old=old, new=new)
        return
    if attrs.has(type(old)):
        for f in attrs.fields(type(old)):
            yield from _diff(getattr(old, f.name), getattr(new, f.name), _join(path, f.name))
        fields = {f.name for f in attrs.fields(type(old))}
        new_props = dict(_properties(new))
        for name, value in _properties(old):
            if name not in fields and name in new_props and value != new_props[name]:
                yield ValueChange(field=_join(path, name), old=value, new=new_props[name])
        return
    if isinstance(old, Mapping):
        for k in dict.fromkeys([*old, *new]):
            yield from _diff(old.get(k), new.get(k), _join(path, str(k)))
        return
    if isinstance(old, tuple | list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _diff(a, b, f"{path}[{i}]")
        return
    if old != new:
        yield ValueChange(field=path, old=old, new=new)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


@attrs.frozen(kw_only=True)
class Comparison(Generic[T]):
    """One case under two policies: both results, what differs and why; 对比结果.

    Args:
        rule: The rule's name.
        base: Its result under the base policy.
        variant: Its result under the variant policy.
        base_policy: The base policy's id.
        variant_policy: The variant policy's id.
        changes: Each part of the answer that differs, with old, new and delta.
        parameters: The parameters the rule read whose values differ, with both citations.
    """

    rule: str
    base: Result[T]
    variant: Result[T]
    base_policy: str
    variant_policy: str
    changes: tuple[ValueChange, ...]
    parameters: tuple[ParameterChange, ...]

    @property
    def changed(self) -> bool:
        """Whether any part of the answer differs."""
        return bool(self.changes)

    def text(self, locale: str | None = None) -> str:
        """What changes and why, as lines of text in ``locale``."""
        from ..explain.locales import get_locale, normalise_locale

        loc = normalise_locale(locale or get_locale())
        lines = [
            _msg(
                "core.compare.head",
                loc,
                rule=self.rule,
                base=self.base_policy,
                variant=self.variant_policy,
            )
        ]
        if not self.changes:
            lines.append("  " + _msg("core.compare.same", loc))
        lines.extend("  " + change_line(c.field, c.old, c.new, c.delta, loc) for c in self.changes)
        lines.extend(parameter_lines(self.parameters, loc))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the changes (old, new, delta) and the differing parameters."""
        from ..domain.convert import jsonable

        return {
            "rule": self.rule,
            "base": self.base_policy,
            "variant": self.variant_policy,
            "changes": [
                {
                    "field": c.field,
                    "old": _json(c.old),
                    "new": _json(c.new),
                    "delta": None if c.delta is None else jsonable(c.delta),
                }
                for c in self.changes
            ],
            "parameters": [
                {
                    "name": p.name,
                    "old": None if p.old is None else p.old.to_dict(),
                    "new": None if p.new is None else p.new.to_dict(),
                }
                for p in self.parameters
            ],
        }


def _json(value: Any) -> Any:
    from ..domain.convert import jsonable

    return jsonable(value)


def _msg(key: str, loc: str, **args: Any) -> str:
    from ..explain.render import render_message

    return render_message(key, args, loc)


def _show(value: Any, loc: str) -> str:
    from ..explain.render import format_value

    try:
        return format_value(value, loc)
    except TypeError:
        if isinstance(value, tuple | list):
            return format_value(len(value), loc)
        return repr(value)


def change_text(delta: Money | int | Decimal | Fraction, loc: str) -> str:
    """增加… / 减少… / 不变 for an exact delta."""
    if not delta:
        return _msg("core.compare.unchanged", loc)
    up = delta.fen > 0 if isinstance(delta, Money) else delta > 0
    key = "core.compare.up" if up else "core.compare.down"
    return _msg(key, loc, delta=abs(delta))


def change_line(field: str, old: Any, new: Any, delta: Any, loc: str) -> str:
    """``field：old → new（增加…）`` with the field's label when the catalog has one."""
    from ..explain.catalog import messages

    name = field.rsplit(".", 1)[-1]
    label = messages(loc, "core").get(f"core.field.{name}") if name.isidentifier() else None
    shown = field if label is None or "." in field or "[" in field else label
    old_t, new_t = _show(old, loc), _show(new, loc)
    if delta is None:
        from ..explain.render import render_message

        return render_message(
            "core.compare.field", {"field": shown, "old": old_t, "new": new_t}, loc
        )
    return _msg(
        "core.compare.field_delta",
        loc,
        field=shown,
        old=old_t,
        new=new_t,
        change=change_text(delta, loc),
    )


def parameter_lines(params: Sequence[ParameterChange], loc: str) -> list[str]:
    """The "why" lines: each differing parameter with both values and citations."""
    from ..explain.catalog import message
    from ..explain.citation import render_citation
    from ..explain.render import format_param_value

    if not params:
        return ["  " + _msg("core.compare.no_param", loc)]
    unset = message("core.compare.not_set", loc)
    lines = [_msg("core.compare.why", loc)]
    for p in params:
        shown = p.new or p.old
        assert shown is not None
        lines.append(
            "  "
            + message("core.compare.param", loc).format(
                label=message(shown.label_key, loc),
                old=unset if p.old is None else format_param_value(p.old, loc),
                old_citation="—" if p.old is None else render_citation(p.old.citation, loc),
                new=unset if p.new is None else format_param_value(p.new, loc),
                new_citation="—" if p.new is None else render_citation(p.new.citation, loc),
            )
        )
    return lines


def compare(
    rule: Callable[..., Result[T]], base: Policy, variant: Policy, *args: Any, **kwargs: Any
) -> Comparison[T]:
    """``rule(*args, policy, **kwargs)`` under ``base`` and ``variant``: what differs and why.

    E.g. ``compare(housing_subsidy, base, variant, household)``. ``parameters`` lists the
    parameters either run read whose value, bound or citation differ.
    """
    old = rule(*args, base, **kwargs)
    new = rule(*args, variant, **kwargs)
    names = [p.name for p in (*old.params, *new.params)]
    return Comparison(
        rule=getattr(rule, "__name__", repr(rule)),
        base=old,
        variant=new,
        base_policy=base.id,
        variant_policy=variant.id,
        changes=tuple(_diff(old.value, new.value, "")),
        parameters=parameter_changes(base, variant, names),
    )
