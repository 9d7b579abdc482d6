"""What the API reference shows that docstrings cannot: fields, enum labels and error codes.

Read from the code itself, so the reference cannot go stale: an attrs class's constructor fields
with their defaults, an enum's values with their labels in every shipped locale (the one label
table of `povertypolicy.domain.labels`), and every error code with its message in every
locale. The docs' Griffe extension (``docs/_griffe/povertypolicy_reference.py``) puts the first
two on the class pages; ``python -m povertypolicy._reference`` writes the error-code page.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

import attrs

__all__ = [
    "ErrorCode",
    "FieldDoc",
    "ValueDoc",
    "attribute_docs",
    "error_codes",
    "error_codes_markdown",
    "fields_of",
    "shown",
    "values_of",
]


class FieldDoc(NamedTuple):
    """One constructor field of an attrs class: its name, default and kind."""

    name: str
    """The field (and keyword argument) name."""
    default: str | None
    """The default as code (``None``, ``()``, ``''``); None for a required field."""
    kw_only: bool
    """True for a keyword-only argument (every domain object's fields are)."""


class ValueDoc(NamedTuple):
    """One member of an enum: its name, value and label in each shipped locale."""

    name: str
    value: str
    labels: dict[str, str]
    """Locale → label; empty for an enum with no label table."""


class ErrorCode(NamedTuple):
    """A stable error code and its message template in each shipped locale."""

    code: str
    messages: dict[str, str]


def shown(value: Any) -> str:
    """A default value as code: enum members as ``Type.NAME``, everything else as ``repr``."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def fields_of(cls: type) -> tuple[FieldDoc, ...]:
    """The constructor fields of an attrs class, in constructor order (inherited first).

    A private field with a default (an internal cache such as ``_index``) is left out: no
    caller passes it. A private field without one is shown under its argument name.
    """
    out = []
    for field in attrs.fields(cls):
        if not field.init or (field.name.startswith("_") and field.default is not attrs.NOTHING):
            continue
        default: str | None = None
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = field.default.factory
            default = shown(factory(None) if field.default.takes_self else factory())
        elif field.default is not attrs.NOTHING:
            default = shown(field.default)
        out.append(FieldDoc(name=field.alias or field.name, default=default, kw_only=field.kw_only))
    return tuple(out)


def attribute_docs(cls: type) -> dict[str, str]:
    """Field → the docstring written under it in the class body (PEP 257 attribute docstring)."""
    import ast
    import inspect
    import textwrap

    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    body = ast.parse(source).body[0]
    out = {}
    if isinstance(body, ast.ClassDef):
        for node, after in zip(body.body, body.body[1:], strict=False):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                out[node.target.id.lstrip("_")] = inspect.cleandoc(after.value.value)
    return out


def values_of(enum_type: type[enum.Enum]) -> tuple[ValueDoc, ...]:
    """Every member of ``enum_type`` with its label in each shipped locale (if it has labels)."""
    from .domain.labels import label
    from .explain.locales import SUPPORTED_LOCALES

    out = []
    for member in enum_type:
        labels = {}
        for loc in SUPPORTED_LOCALES:
            text = label(member, loc)
            if text is not None:
                labels[loc] = text
        out.append(ValueDoc(name=member.name, value=str(member.value), labels=labels))
    return tuple(out)


def error_codes() -> tuple[ErrorCode, ...]:
    """Every error code (catalog keys ``<area>.error.<name>``) with its message per locale."""
    from .explain.catalog import domains, message, messages
    from .explain.locales import SUPPORTED_LOCALES

    codes = sorted(
        key
        for domain in domains()
        for key in messages(SUPPORTED_LOCALES[0], domain)
        if key.split(".")[1:2] == ["error"] and key.count(".") == 2
    )
    return tuple(
        ErrorCode(code=code, messages={loc: message(code, loc) for loc in SUPPORTED_LOCALES})
        for code in codes
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


_RAISED_AS = {
    "core.error.generic": "any error without a code of its own",
    "core.error.parameters_missing": "ParametersMissingError",
    "core.error.parameter_not_found": "ParameterNotFoundError",
    "core.error.parameter_period": "ParameterPeriodError",
    "core.error.locale_unknown": "UnsupportedLocaleError",
    "core.error.locale_unsupported": "UnsupportedLocaleError",
    "core.error.locale_empty": "UnsupportedLocaleError",
    "core.error.capital_locale": "UnsupportedLocaleError",
    "core.error.missing_translation": "MissingTranslationError",
}


def raised_as(code: str, template: str) -> str:
    """What carries a code, read from its English template: the class raised, or a ledger row."""
    if code in _RAISED_AS:
        return _RAISED_AS[code]
    for prefix, kind in (
        ("[{rule}]", "RuleError"),
        ("{obj}", "InputError"),
        ("{file}", "PolicyPackError"),
    ):
        if template.startswith(prefix):
            return kind
    if code.startswith("ledger."):
        return "errors-table row"
    raise ValueError(f"{code}: cannot tell what carries it from its template {template!r}")


_AREAS = {
    "core": (
        "Inputs, units, policy packs and check lists",
        "Shared by every area: the domain objects' fields, money and areas, policy packs and "
        "data-quality check lists.",
    ),
    "ledger": (
        "Ledger runs",
        "The `code` column of a run's errors table (a bad cell or row: the run goes on without "
        "that row and says so), and the arguments of the ledger functions.",
    ),
    "catalog": ("Rule catalogue", "Looking up rules and checking a policy against them."),
    "data_quality": ("Data quality (数据清洗)", "The DATA rules and their check lists."),
    "follow_up": ("Follow-up support (后续扶持)", "The FOLLOW rules and their arguments."),
    "housing": ("Relocation housing subsidy (建房补助)", "The HOUSE rules and their arguments."),
    "indicators": ("Targets and checklists (指标)", "The KPI rules and their arguments."),
    "land": ("Land expropriation (征地)", "The LAND rules and their arguments."),
    "monitoring": ("Monitoring (防返贫监测)", "The MON rules and their arguments."),
    "poverty": ("Poverty line (贫困线)", "The poverty-line rules and their arguments."),
    "registration": ("Registration (建档立卡)", "The ID rules and their arguments."),
    "site": ("Relocation sites (安置点)", "The SITE rules and their arguments."),
}


def error_codes_markdown() -> str:
    """The error-code reference page: every code and its message in zh_Hans, zh_Hant and en."""
    from .explain.locales import SUPPORTED_LOCALES

    out = [
        "# Error codes",
        "",
        "<!-- Generated by `python -m povertypolicy._reference`; a test keeps it in sync. -->",
        "",
        "Every error carries a stable `code`: match on the code, never on the message text.",
        "The messages below are the catalog templates; `error.text(locale)` fills them from",
        "the error: `obj`, `field` and `value` for an `InputError`, `rule` for a `RuleError`,",
        "`file` and `key` for a `PolicyPackError`, and the values in the error's `extra`,",
        "formatted as explanations format them. A ledger run's errors table carries its rows'",
        "codes in its `code` column. The column *raised as* says which it is.",
        "",
    ]
    codes = error_codes()
    order = list(_AREAS)
    areas = sorted(
        {ec.code.split(".")[0] for ec in codes},
        key=lambda a: (order.index(a) if a in order else len(order), a),
    )
    for area in areas:
        title, intro = _AREAS.get(area, (area, f"The {area} rules and their arguments."))
        out += [f"## {title} (`{area}.error.*`)", "", intro, ""]
        out += ["| code | raised as | " + " | ".join(SUPPORTED_LOCALES) + " |"]
        out += ["|---|---|---|---|---|"]
        for ec in codes:
            if ec.code.split(".")[0] == area:
                kind = raised_as(ec.code, ec.messages["en"])
                cells = " | ".join(_cell(ec.messages[loc]) for loc in SUPPORTED_LOCALES)
                out.append(f"| `{ec.code}` | {kind} | {cells} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(error_codes_markdown(), end="")
