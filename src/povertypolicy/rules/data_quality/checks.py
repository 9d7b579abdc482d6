"""Check lists: the data-quality checks as data (TOML), so a county can add its own; 校验清单.

A check list names each check's code, rule ID, severity, table and field and, for a check the
library does not compute itself, the condition (``when``: every clause must hold) that makes a
record a finding. A county's list ``extends`` a shipped one: a check with a known code changes
only the keys it gives (``severity``, ``enabled``, …); a new code is a new check.

Every problem in a list has its own stable code (the pack reader's ``core.error.pack_*`` where
it means the same, ``core.error.checklist_*`` otherwise) with its values in ``extra``.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ...errors import PolicyPackError
from ...explain.citation import Citation
from ...policy._reader import _citation, _Ctx, _toml_position
from .clauses import _CLAUSE_SHAPE, Clause, Op, _clause, _no_field, _not_bool
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
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_RULE_RE = re.compile(r"^[A-Z][A-Z0-9]*-[0-9A-Za-z.]+$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDERS = frozenset({"value", "limit", "year"})
_CHECK_SHAPE = "{ code, rule, severity, table, field, when, citation }"
_LOCALES = ("zh_Hans", "zh_Hant", "en")


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
    from ..._resources import shipped

    return shipped("povertypolicy.rules.data_quality", "checks")


def checklist_ids() -> tuple[str, ...]:
    """Ids of the check lists shipped with the library."""
    return tuple(sorted(p.name[:-5] for p in _checks_dir().iterdir() if p.name.endswith(".toml")))


_cache: dict[Any, CheckList] = {}
# (file identity, list id, file) of each list whose ``extends`` is being read
_Chain = tuple[tuple[Any, str, str], ...]


def load_checks(ref: str | os.PathLike[str] | CheckList | None = None) -> CheckList:
    """A check list by shipped id or path (default: the poverty-work-plan-samples 篇7 list), with
    what it extends."""
    return _load(ref, ())


def _load(ref: str | os.PathLike[str] | CheckList | None, chain: _Chain) -> CheckList:
    if isinstance(ref, CheckList):
        return ref
    text = os.fspath(ref) if ref is not None else DEFAULT
    # a list named in a file's ``extends`` is that file's error; one asked for directly, the id's
    where, which = (chain[-1][2], "extends") if chain else (text, "id")
    shipped = not text.endswith(".toml") and "/" not in text and os.sep not in text
    if shipped:
        res = _checks_dir().joinpath(f"{text}.toml")
        if not res.is_file():
            raise PolicyPackError(
                file=where,
                key=which,
                problem=f"no shipped check list; shipped: {checklist_ids()}",
                code="core.error.checklist_unknown_list",
                extra={"name": text, "shipped": ", ".join(checklist_ids())},
            )
        key: Any = text
        if key not in _cache:
            file = f"povertypolicy/rules/data_quality/{text}"
            _cache[key] = _parse(res.read_bytes(), file, _unlooped(chain, text))
        return _cache[key]
    path = Path(text)
    if not path.is_file():
        raise PolicyPackError(
            file=where if chain else text,
            key=which if chain else "(file)",
            problem="check list file does not exist",
            code="core.error.checklist_no_file",
            extra={"path": text},
        )
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        _cache[key] = _parse(path.read_bytes(), str(path), _unlooped(chain, key[0]))
    return _cache[key]


def _unlooped(chain: _Chain, ident: Any) -> tuple[_Chain, Any]:
    """``chain`` and the identity of the list about to be read; an error if it extends itself."""
    for n, (seen, _, _) in enumerate(chain):
        if seen == ident:
            names = " → ".join([*(list_id for _, list_id, _ in chain[n:]), chain[n][1]])
            raise _Ctx(chain[-1][2]).fail(
                "extends",
                f"cycle in extends chain: {names}",
                "core.error.checklist_extends_cycle",
                chain=names,
            )
    return chain, ident


def _parse(data: bytes, file: str, where: tuple[_Chain, Any]) -> CheckList:
    import tomllib

    ctx = _Ctx(file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ctx.fail(
            "(file)",
            f"not valid UTF-8 TOML: {exc}",
            "core.error.pack_not_utf8",
            byte=exc.start + 1,
        ) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(exc, text)
        raise ctx.fail(
            "(file)",
            f"not valid UTF-8 TOML: {exc}",
            "core.error.pack_not_toml",
            line=line,
            column=column,
            detail=str(exc),
        ) from None
    ctx.unknown_keys(raw, _LIST_KEYS, "")
    list_id = ctx.text(raw, "id", "", required=True) or ""
    if not _ID_RE.match(list_id):
        raise ctx.fail(
            "id",
            "check list ids use lower-case letters, digits and '-'",
            "core.error.checklist_id",
            value=list_id,
        )
    parent: CheckList | None = None
    extends = ctx.text(raw, "extends", "", required=False)
    if extends is not None:
        base = Path(file).parent / extends if extends.endswith(".toml") else extends
        chain, ident = where
        parent = _load(base, (*chain, (ident, list_id, file)))
    if "source" not in raw:
        raise ctx.fail("source", "missing required key", "core.error.pack_missing_key")
    raw_checks = raw.get("checks", [])
    if not isinstance(raw_checks, list):
        raise ctx.fail(
            "checks",
            "must be an array of tables [[checks]]",
            "core.error.checklist_checks",
            shape="[[checks]]",
        )
    checks = {c.code: c for c in parent.checks} if parent else {}
    seen: set[str] = set()
    for n, item in enumerate(raw_checks):
        check = _check(ctx, item, f"checks[{n}]", checks)
        if check.code in seen:
            raise ctx.fail(
                f"checks[{n}].code",
                f"{check.code} is listed twice",
                "core.error.checklist_duplicate",
                check=check.code,
            )
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
        raise ctx.fail(key, "each check is a table", "core.error.pack_table", shape=_CHECK_SHAPE)
    ctx.unknown_keys(raw, _CHECK_KEYS, key)
    code = ctx.text(raw, "code", key, required=True) or ""
    if not _CODE_RE.match(code):
        raise ctx.fail(
            f"{key}.code",
            "codes look like area.name (lower case, digits, _ and .)",
            "core.error.checklist_code",
            value=code,
        )
    base = known.get(code)
    if base is None:
        for k in ("rule", "severity", "table", "field", "citation"):
            if k not in raw:
                raise ctx.fail(
                    f"{key}.{k}",
                    f"a new check ({code}) needs {k}",
                    "core.error.checklist_new_needs",
                    check=code,
                )
        if code not in BUILTIN and "when" not in raw:
            raise ctx.fail(
                f"{key}.when",
                f"{code} is not a built-in check: give its condition",
                "core.error.checklist_needs_condition",
                check=code,
            )
    rule = ctx.text(raw, "rule", key, required=False) or (base.rule if base else "")
    if not _RULE_RE.match(rule):
        raise ctx.fail(
            f"{key}.rule", "a rule ID such as DATA-2", "core.error.checklist_rule", value=rule
        )
    table = ctx.text(raw, "table", key, required=False) or (base.table if base else "")
    if table not in FIELDS:
        tables = ", ".join(FIELDS)
        raise ctx.fail(
            f"{key}.table",
            f"one of {tables}",
            "core.error.pack_choice",
            value=table,
            choices=tables,
        )
    field = ctx.text(raw, "field", key, required=False) or (base.field if base else "")
    if field_kind(table, field) is None:
        raise _no_field(ctx, f"{key}.field", field, table)
    if code in BUILTIN:
        if "when" in raw:
            raise ctx.fail(
                f"{key}.when",
                f"{code} is built in: it takes no condition",
                "core.error.checklist_builtin_condition",
                check=code,
            )
        if (BUILTIN[code][1], BUILTIN[code][2]) != (table, field):
            expected = f"{BUILTIN[code][1]}.{BUILTIN[code][2]}"
            raise ctx.fail(
                key,
                f"{code} checks {expected}",
                "core.error.checklist_builtin_field",
                check=code,
                expected=expected,
            )
    severity_text = raw.get("severity", base.severity.value if base else None)
    try:
        severity = Severity(str(severity_text))
    except ValueError:
        raise ctx.fail(
            f"{key}.severity",
            "one of error, doubt, notice",
            "core.error.pack_choice",
            value=severity_text,
            choices=", ".join(s.value for s in Severity),
        ) from None
    enabled = raw.get("enabled", base.enabled if base else True)
    if not isinstance(enabled, bool):
        raise _not_bool(ctx, f"{key}.enabled", enabled)
    when = base.when if base else ()
    if "when" in raw:
        if not isinstance(raw["when"], list) or not raw["when"]:
            raise ctx.fail(
                f"{key}.when",
                "a non-empty array of clauses",
                "core.error.pack_values",
                shape=_CLAUSE_SHAPE,
            )
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
        raise ctx.fail(
            f"{key}.{name}",
            "a table of texts by locale with at least zh_Hans",
            "core.error.checklist_texts",
            locales=", ".join(_LOCALES),
            required="zh_Hans",
        )
    ctx.unknown_keys(value, set(_LOCALES), f"{key}.{name}")
    for loc, text in value.items():
        where = f"{key}.{name}.{loc}"
        if not isinstance(text, str) or not text.strip():
            raise ctx.fail(
                where,
                "must be a non-empty string",
                "core.error.pack_text",
                value=repr(text) if isinstance(text, str) else text,
            )
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        except ValueError as exc:
            raise ctx.fail(
                where,
                f"not a text template: {exc} (write {{{{ and }}}} for a brace)",
                "core.error.checklist_braces",
                value=text,
                example="{value}",
            ) from None
        if used - _PLACEHOLDERS:
            raise ctx.fail(
                where,
                f"placeholders allowed: {sorted(_PLACEHOLDERS)}",
                "core.error.checklist_placeholders",
                unknown=", ".join(f"{{{f}}}" for f in sorted(used - _PLACEHOLDERS)),
                allowed=", ".join(f"{{{f}}}" for f in sorted(_PLACEHOLDERS)),
            )
    return dict(value)
