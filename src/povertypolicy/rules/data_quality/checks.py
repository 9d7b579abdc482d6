"""Check lists: the data-quality checks as data (TOML), so a county can add its own; 校验清单.

A check list names each check's code, rule ID, severity, table and field and, for a check the
library does not compute itself, the condition (``when``: every clause must hold) that makes a
record a finding. A county's list ``extends`` a shipped one: a check with a known code changes
only the keys it gives (``severity``, ``enabled``, …); a new code is a new check.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ...errors import InputError, PolicyPackError
from ...explain.citation import Citation
from ...money import Money
from ...policy.pack import _citation, _Ctx
from ...policy.spec import Kind, all_specs
from .fields import BUILTIN, FIELDS, Severity, field_kind

__all__ = ["Check", "CheckList", "Clause", "Op", "checklist_ids", "load_checks"]

DEFAULT = "town-poverty-data-cleansing"
_LIST_KEYS = {"id", "title", "issuer", "source", "policy", "extends", "description", "checks"}
_CHECK_KEYS = {
    "code",
    "rule",
    "severity",
    "table",
    "field",
    "when",
    "citation",
    "title",
    "message",
    "enabled",
    "note",
}
_CLAUSE_KEYS = {"field", "op", "value", "than", "param", "year"}
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_RULE_RE = re.compile(r"^[A-Z][A-Z0-9]*-[0-9A-Za-z.]+$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDERS = frozenset({"value", "limit", "year"})
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


@attrs.frozen(kw_only=True)
class Check:
    """One data-quality check; 校验规则. Built-in checks (``id.*``, ``pairing.*``) have no
    ``when``; the library computes them.

    Args:
        code: Stable check code, e.g. ``id.check_digit``: the ``code`` of its findings.
        rule: Its rule ID, e.g. DATA-1.
        severity: How serious a finding is.
        table: The table it checks (households, persons, pairings …).
        field: The field a finding points at.
        citation: Where the check comes from.
        when: Conditions that all hold for the check to fire; ``()`` for a built-in check.
        title: Locale → title; None: the catalog's.
        message: Locale → message template; None: the catalog's.
        enabled: False: listed but not run.
        note: A note on how the check reads its source; None: none.
    """

    code: str
    rule: str
    severity: Severity
    table: str
    field: str
    citation: Citation
    when: tuple[Clause, ...] = ()
    title: Mapping[str, str] | None = None
    message: Mapping[str, str] | None = None
    enabled: bool = True
    note: str | None = None

    @property
    def builtin(self) -> bool:
        """Whether the library computes this check (no ``when``)."""
        return self.code in BUILTIN


@attrs.frozen(kw_only=True)
class CheckList:
    """A list of checks with its source and the policy pack its parameters come from.

    Args:
        id: The check list's id.
        title: Its title.
        source: The document it comes from.
        path: The file it was read from.
        checks: Its checks, in order.
        policy: The pack its parameters come from; None: none needed.
        description: A short description; None: none.
    """

    id: str
    title: str
    source: Citation
    path: str
    checks: tuple[Check, ...]
    policy: str | None = None
    description: str | None = None

    def enabled(self) -> tuple[Check, ...]:
        """The checks that run."""
        return tuple(c for c in self.checks if c.enabled)

    def get(self, code: str) -> Check:
        """The check with this code."""
        for c in self.checks:
            if c.code == code:
                return c
        raise KeyError(code)

    def runs(self, code: str) -> bool:
        """Whether the check ``code`` is in the list and enabled."""
        return any(c.code == code and c.enabled for c in self.checks)


def _checks_dir() -> Any:
    from importlib import resources

    return resources.files("povertypolicy.rules.data_quality").joinpath("checks")


def checklist_ids() -> tuple[str, ...]:
    """Ids of the check lists shipped with the library."""
    return tuple(sorted(p.name[:-5] for p in _checks_dir().iterdir() if p.name.endswith(".toml")))


_cache: dict[Any, CheckList] = {}


def load_checks(ref: str | os.PathLike[str] | CheckList | None = None) -> CheckList:
    """A check list by shipped id or path (default: the 003 篇7 list), with what it extends."""
    if isinstance(ref, CheckList):
        return ref
    text = os.fspath(ref) if ref is not None else DEFAULT
    shipped = not text.endswith(".toml") and "/" not in text and os.sep not in text
    if shipped:
        res = _checks_dir().joinpath(f"{text}.toml")
        if not res.is_file():
            raise PolicyPackError(
                file=text, key="id", problem=f"no shipped check list; shipped: {checklist_ids()}"
            )
        key: Any = text
        if key not in _cache:
            _cache[key] = _parse(res.read_bytes(), f"povertypolicy/rules/data_quality/{text}")
        return _cache[key]
    path = Path(text)
    if not path.is_file():
        raise PolicyPackError(file=text, key="(file)", problem="check list file does not exist")
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        _cache[key] = _parse(path.read_bytes(), str(path))
    return _cache[key]


def _parse(data: bytes, file: str) -> CheckList:
    import tomllib

    ctx = _Ctx(file)
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ctx.fail("(file)", f"not valid UTF-8 TOML: {exc}") from None
    ctx.unknown_keys(raw, _LIST_KEYS, "")
    list_id = ctx.text(raw, "id", "", required=True) or ""
    if not _ID_RE.match(list_id):
        raise ctx.fail("id", "check list ids use lower-case letters, digits and '-'")
    parent: CheckList | None = None
    extends = ctx.text(raw, "extends", "", required=False)
    if extends is not None:
        base = Path(file).parent / extends if extends.endswith(".toml") else extends
        parent = load_checks(base)
    if "source" not in raw:
        raise ctx.fail("source", "missing required key")
    raw_checks = raw.get("checks", [])
    if not isinstance(raw_checks, list):
        raise ctx.fail("checks", "must be an array of tables [[checks]]")
    checks = {c.code: c for c in parent.checks} if parent else {}
    seen: set[str] = set()
    for n, item in enumerate(raw_checks):
        check = _check(ctx, item, f"checks[{n}]", checks)
        if check.code in seen:
            raise ctx.fail(f"checks[{n}].code", f"{check.code} is listed twice")
        seen.add(check.code)
        checks[check.code] = check
    return CheckList(
        id=list_id,
        title=ctx.text(raw, "title", "", required=True) or "",
        source=_citation(ctx, raw["source"], "source"),
        path=file,
        checks=tuple(checks.values()),
        policy=ctx.text(raw, "policy", "", required=False) or (parent.policy if parent else None),
        description=ctx.text(raw, "description", "", required=False),
    )


def _check(ctx: _Ctx, raw: Any, key: str, known: Mapping[str, Check]) -> Check:
    if not isinstance(raw, dict):
        raise ctx.fail(key, "each check is a table")
    ctx.unknown_keys(raw, _CHECK_KEYS, key)
    code = ctx.text(raw, "code", key, required=True) or ""
    if not _CODE_RE.match(code):
        raise ctx.fail(f"{key}.code", "codes look like area.name (lower case, digits, _ and .)")
    base = known.get(code)
    if base is None:
        for k in ("rule", "severity", "table", "field", "citation"):
            if k not in raw:
                raise ctx.fail(f"{key}.{k}", f"a new check ({code}) needs {k}")
        if code not in BUILTIN and "when" not in raw:
            raise ctx.fail(f"{key}.when", f"{code} is not a built-in check: give its condition")
    rule = ctx.text(raw, "rule", key, required=False) or (base.rule if base else "")
    if not _RULE_RE.match(rule):
        raise ctx.fail(f"{key}.rule", "a rule ID such as DATA-2")
    table = ctx.text(raw, "table", key, required=False) or (base.table if base else "")
    if table not in FIELDS:
        raise ctx.fail(f"{key}.table", f"one of {', '.join(FIELDS)}")
    field = ctx.text(raw, "field", key, required=False) or (base.field if base else "")
    if field_kind(table, field) is None:
        raise ctx.fail(f"{key}.field", f"no field {field!r} on {table}")
    if code in BUILTIN:
        if "when" in raw:
            raise ctx.fail(f"{key}.when", f"{code} is built in: it takes no condition")
        if (BUILTIN[code][1], BUILTIN[code][2]) != (table, field):
            raise ctx.fail(key, f"{code} checks {BUILTIN[code][1]}.{BUILTIN[code][2]}")
    severity_text = raw.get("severity", base.severity.value if base else None)
    try:
        severity = Severity(str(severity_text))
    except ValueError:
        raise ctx.fail(f"{key}.severity", "one of error, doubt, notice") from None
    enabled = raw.get("enabled", base.enabled if base else True)
    if not isinstance(enabled, bool):
        raise ctx.fail(f"{key}.enabled", "true or false")
    when = base.when if base else ()
    if "when" in raw:
        if not isinstance(raw["when"], list) or not raw["when"]:
            raise ctx.fail(f"{key}.when", "a non-empty array of clauses")
        when = tuple(_clause(ctx, c, f"{key}.when[{i}]", table) for i, c in enumerate(raw["when"]))
    citation = _citation(ctx, raw["citation"], f"{key}.citation") if "citation" in raw else None
    return Check(
        code=code,
        rule=rule,
        severity=severity,
        table=table,
        field=field,
        citation=citation or (base.citation if base else Citation(document="?", section="?")),
        when=when,
        title=_texts(ctx, raw, "title", key) or (base.title if base else None),
        message=_texts(ctx, raw, "message", key) or (base.message if base else None),
        enabled=enabled,
        note=ctx.text(raw, "note", key, required=False) or (base.note if base else None),
    )


def _texts(ctx: _Ctx, raw: Mapping[str, Any], name: str, key: str) -> Mapping[str, str] | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, dict) or "zh_Hans" not in value:
        raise ctx.fail(f"{key}.{name}", "a table of texts by locale with at least zh_Hans")
    ctx.unknown_keys(value, {"zh_Hans", "zh_Hant", "en"}, f"{key}.{name}")
    for loc, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise ctx.fail(f"{key}.{name}.{loc}", "must be a non-empty string")
        used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        if used - _PLACEHOLDERS:
            raise ctx.fail(f"{key}.{name}.{loc}", f"placeholders allowed: {sorted(_PLACEHOLDERS)}")
    return dict(value)


def _kind_name(kind: str | type[enum.StrEnum]) -> str:
    return kind if isinstance(kind, str) else "enum"


def _clause(ctx: _Ctx, raw: Any, key: str, table: str) -> Clause:
    if not isinstance(raw, dict):
        raise ctx.fail(key, "a clause is a table {field, op, value | than | param}")
    ctx.unknown_keys(raw, _CLAUSE_KEYS, key)
    ref = ctx.text(raw, "field", key, required=True) or ""
    kind = field_kind(table, ref)
    if kind is None:
        raise ctx.fail(f"{key}.field", f"no field {ref!r} on {table}")
    try:
        op = Op(str(raw.get("op")))
    except ValueError:
        raise ctx.fail(f"{key}.op", f"one of {', '.join(o.value for o in Op)}") from None
    operands = [k for k in ("value", "than", "param") if k in raw]
    if op in (Op.MISSING, Op.RECORDED):
        if operands or "year" in raw:
            raise ctx.fail(key, f"{op.value} takes no value")
        return Clause(field=ref, op=op)
    if len(operands) != 1:
        raise ctx.fail(key, f"{op.value} needs exactly one of value, than, param")
    if op in (Op.LT, Op.LE, Op.GT, Op.GE) and _kind_name(kind) not in _ORDERED:
        raise ctx.fail(f"{key}.op", f"{ref} is not a number or date: use eq, ne or in")
    if op is Op.IN and operands != ["value"]:
        raise ctx.fail(key, "in takes a value list")
    if "year" in raw and operands != ["param"]:
        raise ctx.fail(f"{key}.year", "year goes with param")
    if "than" in raw:
        other = ctx.text(raw, "than", key, required=True) or ""
        if field_kind(table, other) != kind:
            raise ctx.fail(f"{key}.than", f"{other!r} is not a field of the same kind as {ref}")
        return Clause(field=ref, op=op, than=other)
    if "param" in raw:
        name = ctx.text(raw, "param", key, required=True) or ""
        spec = all_specs().get(name)
        wanted = {"money": Kind.MONEY, "count": Kind.INTEGER, "date": Kind.DATE}
        if spec is None or wanted.get(_kind_name(kind)) is not spec.unit.kind:
            raise ctx.fail(f"{key}.param", f"{name!r} is not a parameter comparable to {ref}")
        year = ctx.text(raw, "year", key, required=False)
        if year is not None and field_kind(table, year) != "count":
            raise ctx.fail(f"{key}.year", f"{year!r} is not a whole-number field (a year)")
        return Clause(field=ref, op=op, param=name, year=year)
    value = raw["value"]
    if op is Op.IN:
        if not isinstance(value, list) or not value:
            raise ctx.fail(f"{key}.value", "in takes a non-empty list")
        typed: Any = tuple(_typed(ctx, v, kind, f"{key}.value") for v in value)
    else:
        typed = _typed(ctx, value, kind, f"{key}.value")
    return Clause(field=ref, op=op, value=typed)


def _typed(ctx: _Ctx, value: Any, kind: str | type[enum.StrEnum], key: str) -> Any:
    """A literal as the domain value it is compared with."""
    if isinstance(kind, type):
        for member in kind:
            if isinstance(value, str) and value.lower() in (member.value, member.name.lower()):
                return member
        raise ctx.fail(key, f"one of {', '.join(m.value for m in kind)}")
    if kind == "money":
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ctx.fail(key, 'an amount in yuan as a string or integer, e.g. "2300"')
        try:
            return Money(str(value))
        except InputError:
            raise ctx.fail(key, "an amount in yuan") from None
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ctx.fail(key, "a whole number >= 0")
        return value
    if kind == "date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ctx.fail(key, "a date such as 2015-10-01")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ctx.fail(key, "true or false")
        return value
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(key, "a non-empty string")
    return value
