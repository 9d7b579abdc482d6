"""Reading a pack's values and saying what is wrong with one: 政策包校验.

Every problem has its own stable code (``core.error.pack_*``) with the values its message names
in ``extra``, so that it reads in zh_Hans, zh_Hant and en (see the error-code reference).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import InputError, PolicyPackError
from ..explain.citation import Citation
from ..money import Money
from .parameter import Bound, Scalar
from .spec import Kind, ParameterSpec, domain_problem

_CITATION_KEYS = {"document", "section", "law", "article", "quote", "scenario"}
_CITATION_FORMS = "{ document, section } | { law, article } | { scenario }"
_BOUNDS = '"inclusive", "exclusive"'


def _closest(name: str, known: Any) -> str | None:
    """The known name closest to a misspelt one (for "did you mean"), or None."""
    import difflib

    hint = difflib.get_close_matches(name, sorted(known), n=1)
    return hint[0] if hint else None


class _Ctx:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, problem: str, code: str, **args: Any) -> PolicyPackError:
        """The error at ``key``: ``problem`` in English; ``args`` fill the message of ``code``
        (a code of its own, never the bare ``core.error.pack``)."""
        extra = {k: _shown(v) if k == "value" else v for k, v in args.items()}
        return PolicyPackError(file=self.file, key=key, problem=problem, code=code, extra=extra)

    def unknown_keys(self, table: Mapping[str, Any], allowed: set[str], key: str) -> None:
        for k in table:
            if k not in allowed:
                hint = _closest(k, allowed)
                more = f" (did you mean {hint!r}?)" if hint else ""
                names = ", ".join(sorted(allowed))
                raise self.fail(
                    f"{key}.{k}" if key else k,
                    f"unknown key{more}; allowed: {names}",
                    "core.error.pack_unknown_key",
                    name=k,
                    suggestion=hint,
                    allowed=names,
                )

    def text(self, table: Mapping[str, Any], name: str, key: str, *, required: bool) -> str | None:
        value = table.get(name)
        where = f"{key}.{name}" if key else name
        if value is None:
            if required:
                raise self.fail(where, "missing required key", "core.error.pack_missing_key")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                where,
                "must be a non-empty string",
                "core.error.pack_text",
                value=repr(value) if isinstance(value, str) else value,
            )
        return value


def _citation(ctx: _Ctx, raw: Any, key: str) -> Citation:
    if not isinstance(raw, dict):
        raise ctx.fail(
            key,
            "citation must be a table {document, section}, {law, article} or {scenario}",
            "core.error.pack_citation",
            forms=_CITATION_FORMS,
        )
    ctx.unknown_keys(raw, _CITATION_KEYS, key)
    for k, v in raw.items():
        if not isinstance(v, str) or not v.strip():
            raise ctx.fail(
                f"{key}.{k}",
                "must be a non-empty string",
                "core.error.pack_text",
                value=repr(v) if isinstance(v, str) else v,
            )
    document = raw.get("document")
    # Only a former seed file name (always *.txt, sources.toml checks it) was renamed: a source
    # id needs no look-up, so reading a pack does not read the source registry and its texts.
    if document is not None and document.endswith(".txt"):
        from ..sources.registry import renamed_document

        new_id = renamed_document(document)
        if new_id is not None:
            import warnings

            warnings.warn(
                f"{ctx.file}: {key}.document {document!r} is now the source id {new_id!r}; "
                "the file name will be removed",
                DeprecationWarning,
                stacklevel=2,
            )
            raw = {**raw, "document": new_id}
    try:
        return Citation(**raw)
    except InputError:
        raise ctx.fail(
            key,
            "citation needs document + section (a source id, or your own document), "
            "law + article, or scenario (an assumed value, shown as a scenario, not policy)",
            "core.error.pack_citation",
            forms=_CITATION_FORMS,
        ) from None


_MONEY_CODES = {
    "core.error.money": "core.error.pack_money",
    "core.error.money_places": "core.error.pack_money_places",
    "core.error.money_magnitude": "core.error.pack_money_magnitude",
    "core.error.money_negative": "core.error.pack_negative",
}


def _scalar(ctx: _Ctx, raw: Any, kind: Kind, key: str, spec: ParameterSpec) -> Scalar:
    value = _scalar_value(ctx, raw, kind, key, spec)
    problem = domain_problem(spec, value)
    if problem is not None:
        raise ctx.fail(key, problem.english, problem.code, value=value)
    return value


def _shown(value: Any) -> str:
    """A pack value as an error message shows it: as written in the file."""
    return repr(value) if isinstance(value, float) else str(value)


def _scalar_value(ctx: _Ctx, raw: Any, kind: Kind, key: str, spec: ParameterSpec) -> Scalar:
    if isinstance(raw, float):
        raise ctx.fail(
            key,
            'floats are not exact: write the number as a string, e.g. "0.08"',
            "core.error.pack_float",
            value=raw,
        )
    if kind is Kind.MONEY:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ctx.fail(
                key,
                "expected an amount of yuan as an integer or a string",
                "core.error.pack_money",
                value=raw,
            )
        try:
            return Money(raw)
        except InputError as exc:
            code = _MONEY_CODES.get(exc.code, "core.error.pack_money")
            raise ctx.fail(key, exc.expected, code, value=raw) from None
    if kind is Kind.DECIMAL:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ctx.fail(
                key,
                "expected a number as an integer or a string",
                "core.error.pack_number",
                value=raw,
            )
        try:
            dec = Decimal(raw)
        except InvalidOperation:
            raise ctx.fail(
                key, f"{raw!r} is not a number", "core.error.pack_number", value=raw
            ) from None
        if not dec.is_finite():
            raise ctx.fail(key, "expected a finite number", "core.error.pack_finite", value=raw)
        return dec
    if kind is Kind.INTEGER:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ctx.fail(key, "expected an integer", "core.error.pack_whole", value=raw)
        return raw
    if kind is Kind.DATE:
        if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
            raise ctx.fail(
                key, "expected a TOML date such as 2011-01-01", "core.error.pack_date", value=raw
            )
        return raw
    choices = ", ".join(spec.choices or ())
    if not isinstance(raw, str):
        raise ctx.fail(
            key, "expected a string choice", "core.error.pack_choice", value=raw, choices=choices
        )
    if spec.choices is not None and raw not in spec.choices:
        raise ctx.fail(
            key,
            f"{raw!r} is not one of {choices}",
            "core.error.pack_choice",
            value=raw,
            choices=choices,
        )
    return raw


def _bound(ctx: _Ctx, raw: Any, key: str) -> Bound:
    try:
        return Bound(raw)
    except ValueError:
        raise ctx.fail(
            key,
            'bound must be "inclusive" or "exclusive"',
            "core.error.pack_choice",
            value=raw,
            choices=_BOUNDS,
        ) from None


def _toml_position(exc: Exception, text: str) -> tuple[int, int]:
    """Line and column (from 1) a TOML error names; the end of the text when it says so."""
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if found is not None:
        return int(found.group(1)), int(found.group(2))
    lines = text.split("\n")  # "(at end of document)"
    return len(lines), len(lines[-1]) + 1
