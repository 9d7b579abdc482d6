"""Check-list clauses: one condition on a record (``field`` ``op`` a value, another field or a
policy parameter) and how a list's ``when`` is read; 校验条件.

Every problem in a clause has its own stable code (``core.error.pack_*`` where it means the same
as in a pack, ``core.error.checklist_*`` otherwise) with its values in ``extra``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from ...errors import InputError, PolicyPackError
from ...money import Money
from ...policy._reader import _MONEY_CODES, _closest, _Ctx
from ...policy.spec import Kind, all_specs
from .fields import field_kind

__all__ = ["Clause", "Op"]

_CLAUSE_KEYS = {"field", "op", "value", "than", "param", "year"}
_CLAUSE_SHAPE = "{ field, op, value | than | param }"
_ORDERED = frozenset({"money", "count", "date"})


class Op(enum.StrEnum):
    """How a clause compares: ``missing`` (not recorded), ``recorded``, ``eq``, ``ne``, ``lt``,
    ``le``, ``gt``, ``ge``, ``in`` (one of a list)."""

    MISSING = "missing"
    RECORDED = "recorded"
    EQ = "eq"
    NE = "ne"
    LT = "lt"
    LE = "le"
    GT = "gt"
    GE = "ge"
    IN = "in"


@attrs.frozen(kw_only=True)
class Clause:
    """One condition on a record: ``field`` ``op`` a value, another field or a policy parameter.

    Args:
        field: The record's field compared.
        op: The comparison.
        value: A literal compared with; None when ``than`` or ``param`` is given.
        than: Another field compared with; None: not used.
        param: A policy parameter compared with; None: not used.
        year: The field holding the year on whose 31 December ``param`` is read; None: the policy
            date.
    """

    field: str
    op: Op
    value: Any = None
    than: str | None = None
    param: str | None = None
    year: str | None = None

    def refs(self) -> tuple[str, ...]:
        """The fields this clause reads."""
        return tuple(r for r in (self.field, self.than, self.year) if r is not None)


def _no_field(ctx: _Ctx, key: str, name: str, table: str) -> PolicyPackError:
    return ctx.fail(
        key, f"no field {name!r} on {table}", "core.error.checklist_field", name=name, table=table
    )


def _not_bool(ctx: _Ctx, key: str, value: Any) -> PolicyPackError:
    return ctx.fail(
        key, "true or false", "core.error.pack_choice", value=value, choices="true, false"
    )


def _kind_name(kind: str | type[enum.StrEnum]) -> str:
    return kind if isinstance(kind, str) else "enum"


def _clause(ctx: _Ctx, raw: Any, key: str, table: str) -> Clause:
    if not isinstance(raw, dict):
        raise ctx.fail(
            key,
            "a clause is a table {field, op, value | than | param}",
            "core.error.pack_table",
            shape=_CLAUSE_SHAPE,
        )
    ctx.unknown_keys(raw, _CLAUSE_KEYS, key)
    ref = ctx.text(raw, "field", key, required=True) or ""
    kind = field_kind(table, ref)
    if kind is None:
        raise _no_field(ctx, f"{key}.field", ref, table)
    ops = ", ".join(o.value for o in Op)
    try:
        op = Op(str(raw.get("op")))
    except ValueError:
        if "op" not in raw:
            raise ctx.fail(f"{key}.op", f"one of {ops}", "core.error.pack_missing_key") from None
        raise ctx.fail(
            f"{key}.op", f"one of {ops}", "core.error.pack_choice", value=raw["op"], choices=ops
        ) from None
    operands = [k for k in ("value", "than", "param") if k in raw]
    if op in (Op.MISSING, Op.RECORDED):
        if operands or "year" in raw:
            raise ctx.fail(
                key,
                f"{op.value} takes no value",
                "core.error.checklist_no_operand",
                op=op.value,
                keys="value, than, param, year",
            )
        return Clause(field=ref, op=op)
    if len(operands) != 1:
        raise ctx.fail(
            key,
            f"{op.value} needs exactly one of value, than, param",
            "core.error.checklist_one_operand",
            op=op.value,
            keys="value, than, param",
        )
    if op in (Op.LT, Op.LE, Op.GT, Op.GE) and _kind_name(kind) not in _ORDERED:
        raise ctx.fail(
            f"{key}.op",
            f"{ref} is not a number or date: use eq, ne or in",
            "core.error.checklist_order",
            name=ref,
            op=op.value,
            choices="eq, ne, in",
        )
    if op is Op.IN and operands != ["value"]:
        raise _in_list(ctx, key, "in takes a value list")
    if "year" in raw and operands != ["param"]:
        raise ctx.fail(
            f"{key}.year", "year goes with param", "core.error.checklist_year_param", needs="param"
        )
    if "than" in raw:
        other = ctx.text(raw, "than", key, required=True) or ""
        if field_kind(table, other) != kind:
            raise ctx.fail(
                f"{key}.than",
                f"{other!r} is not a field of the same kind as {ref}",
                "core.error.checklist_than_kind",
                name=other,
                field=ref,
            )
        return Clause(field=ref, op=op, than=other)
    if "param" in raw:
        return _param_clause(ctx, raw, key, table, (ref, kind), op)
    value = raw["value"]
    if op is Op.IN:
        if not isinstance(value, list) or not value:
            raise _in_list(ctx, f"{key}.value", "in takes a non-empty list")
        typed: Any = tuple(_typed(ctx, v, kind, f"{key}.value") for v in value)
    else:
        typed = _typed(ctx, value, kind, f"{key}.value")
    return Clause(field=ref, op=op, value=typed)


def _in_list(ctx: _Ctx, key: str, problem: str) -> PolicyPackError:
    return ctx.fail(key, problem, "core.error.checklist_in_list", op="in", operand="value")


def _param_clause(
    ctx: _Ctx,
    raw: Mapping[str, Any],
    key: str,
    table: str,
    field: tuple[str, str | type[enum.StrEnum]],
    op: Op,
) -> Clause:
    """A clause comparing a field (name, kind) with a policy parameter (on 31 December of
    ``year``)."""
    ref, kind = field
    name = ctx.text(raw, "param", key, required=True) or ""
    problem = f"{name!r} is not a parameter comparable to {ref}"
    specs = all_specs()
    spec = specs.get(name)
    if spec is None:
        raise ctx.fail(
            f"{key}.param",
            problem,
            "core.error.checklist_unknown_param",
            name=name,
            suggestion=_closest(name, specs),
        )
    wanted = {"money": Kind.MONEY, "count": Kind.INTEGER, "date": Kind.DATE}
    if wanted.get(_kind_name(kind)) is not spec.unit.kind:
        raise ctx.fail(
            f"{key}.param",
            problem,
            "core.error.checklist_param_kind",
            name=name,
            unit=spec.unit.value,
            field=ref,
        )
    year = ctx.text(raw, "year", key, required=False)
    if year is not None and field_kind(table, year) != "count":
        raise ctx.fail(
            f"{key}.year",
            f"{year!r} is not a whole-number field (a year)",
            "core.error.checklist_year_field",
            name=year,
        )
    return Clause(field=ref, op=op, param=name, year=year)


def _typed(ctx: _Ctx, value: Any, kind: str | type[enum.StrEnum], key: str) -> Any:
    """A literal as the domain value it is compared with."""
    if isinstance(kind, type):
        for member in kind:
            if isinstance(value, str) and value.lower() in (member.value, member.name.lower()):
                return member
        choices = ", ".join(m.value for m in kind)
        raise ctx.fail(
            key, f"one of {choices}", "core.error.pack_choice", value=value, choices=choices
        )
    if kind == "money":
        if isinstance(value, bool) or not isinstance(value, int | str):
            problem = 'an amount in yuan as a string or integer, e.g. "2300"'
            code = "core.error.pack_float" if isinstance(value, float) else "core.error.pack_money"
            raise ctx.fail(key, problem, code, value=value)
        try:
            return Money(str(value))
        except InputError as exc:
            code = _MONEY_CODES.get(exc.code, "core.error.pack_money")
            raise ctx.fail(key, "an amount in yuan", code, value=value) from None
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ctx.fail(key, "a whole number >= 0", "core.error.pack_whole", value=value)
        if value < 0:
            raise ctx.fail(key, "a whole number >= 0", "core.error.checklist_negative", value=value)
        return value
    if kind == "date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ctx.fail(key, "a date such as 2015-10-01", "core.error.pack_date", value=value)
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise _not_bool(ctx, key, value)
        return value
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(
            key,
            "a non-empty string",
            "core.error.pack_text",
            value=repr(value) if isinstance(value, str) else value,
        )
    return value
