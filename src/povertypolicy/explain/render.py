"""Render steps as text or HTML in a locale; numbers, money and dates formatted by Babel."""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from ..money import Money
from ..policy.pack import QUALIFIERS
from ..units import Area
from .catalog import message
from .citation import Citation
from .locales import babel_locale, normalise_locale
from .result import Step

__all__ = ["format_value", "render_html", "render_message", "render_text"]


def _decimal_text(value: Decimal, locale: str) -> str:
    return format_decimal(value, locale=babel_locale(locale), decimal_quantization=False)


def format_value(value: Any, locale: str) -> str:
    """Format one value for a locale: money, numbers, dates, areas, enums, lists."""
    from ..policy.parameter import Parameter, Range

    loc = normalise_locale(locale)
    if value is None:
        return message("core.none", loc)
    if isinstance(value, bool):
        return message("core.yes" if value else "core.no", loc)
    if isinstance(value, Money):
        return value.format(loc)
    label = getattr(type(value), "__label__", None)
    if isinstance(value, enum.Enum) and isinstance(label, str):
        return message(f"{label}.{value.value}", loc)
    if isinstance(value, int):
        return format_decimal(value, locale=babel_locale(loc))
    if isinstance(value, Decimal):
        return _decimal_text(value.normalize() if value == value.to_integral() else value, loc)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return format_decimal(value.numerator, locale=babel_locale(loc))
        dec = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal("0.0001"), rounding=ROUND_HALF_UP
        )
        return _decimal_text(dec.normalize(), loc)
    if isinstance(value, dt.date):
        return format_date(value, "long", locale=babel_locale(loc))
    if isinstance(value, Area):
        number = _decimal_text(value.rounded(places=4).normalize(), loc)
        return message(f"core.area_unit.{value.unit.value}", loc).format(value=number)
    if isinstance(value, Range):
        return message("core.range", loc).format(
            min=format_value(value.min, loc), max=format_value(value.max, loc)
        )
    if isinstance(value, Parameter):
        return format_param_value(value, loc)
    if isinstance(value, Citation):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence | frozenset | set):
        items = [format_value(v, loc) for v in value]
        if not items:
            return message("core.none", loc)
        return format_list(items, locale=babel_locale(loc))
    raise TypeError(f"cannot format {type(value).__name__} value {value!r} for an explanation")


def format_param_value(param: Any, locale: str) -> str:
    """A parameter's value with its unit (``每人¥3,500.00``, ``30%``, ``2011年1月1日``)."""
    from ..policy.parameter import Range
    from ..policy.spec import Unit

    value = param.value
    if param.unit is Unit.CHOICE and isinstance(value, str):
        return message(f"{param.label_key}.{value}", locale)
    if isinstance(value, Range):
        text = message("core.range", locale).format(
            min=format_value(value.min, locale), max=format_value(value.max, locale)
        )
    else:
        text = format_value(value, locale)
    return message(f"core.unit.{param.unit.value}", locale).format(value=text)


def render_message(key: str, args: Mapping[str, Any], locale: str) -> str:
    """Fill a catalog template with locale-formatted values."""
    loc = normalise_locale(locale)
    template = message(key, loc)
    formatted = {k: format_value(v, loc) for k, v in args.items()}
    try:
        return template.format(**formatted)
    except (KeyError, IndexError) as exc:
        raise KeyError(
            f"message {key!r} ({loc}) needs argument {exc}; got {sorted(args)}"
        ) from None


def _param_line(param: Any, loc: str) -> str:
    bound = ""
    if param.threshold is not None and param.bound is not None:
        bound = message(f"core.bound.{param.threshold.value}.{param.bound.value}", loc)
    return message("core.layout.param", loc).format(
        label=message(param.label_key, loc),
        value=format_param_value(param, loc),
        bound=bound,
        citation=str(param.citation),
        pack=param.pack_id,
    )


def _step_lines(step: Step, loc: str) -> tuple[str, list[str], list[str]]:
    head = render_message(step.key, step.inputs, loc)
    params = [_param_line(p, loc) for p in step.params]
    if step.citation is not None:
        params.insert(0, message("core.layout.source", loc).format(citation=str(step.citation)))
    notes = [
        message("core.layout.note", loc).format(
            kind=message(f"core.note_kind.{n.kind.value}", loc),
            text=render_message(n.key, n.args, loc),
        )
        for n in step.notes
    ]
    for p in step.params:
        if p.qualifier is not None:
            notes.append(
                message("core.layout.note", loc).format(
                    kind=message("core.note_kind.default", loc),
                    text=message("core.qualifier", loc).format(
                        qualifier=message(f"core.qualifier_word.{QUALIFIERS[p.qualifier]}", loc),
                        label=message(p.label_key, loc),
                    ),
                )
            )
    return head, params, notes


def render_text(steps: Iterable[Step], locale: str) -> str:
    """All steps as numbered plain text."""
    loc = normalise_locale(locale)
    lines: list[str] = []
    for n, step in enumerate(steps, 1):
        head, params, notes = _step_lines(step, loc)
        lines.append(f"{n}. [{step.rule}] {head}")
        lines.extend(f"   {p}" for p in params)
        lines.extend(f"   {t}" for t in notes)
    return "\n".join(lines)


def render_html(steps: Iterable[Step], locale: str) -> str:
    """All steps as an HTML table (for notebooks)."""
    loc = normalise_locale(locale)
    head = "".join(
        f"<th>{html.escape(message(k, loc))}</th>"
        for k in ("core.html.step", "core.html.rule", "core.html.text", "core.html.basis")
    )
    rows = []
    for n, step in enumerate(steps, 1):
        text, params, notes = _step_lines(step, loc)
        basis = "<br>".join(html.escape(x) for x in [*params, *notes])
        rows.append(
            f"<tr><td>{n}</td><td>{html.escape(step.rule)}</td>"
            f"<td>{html.escape(text)}</td><td>{basis}</td></tr>"
        )
    return (
        '<table class="povertypolicy-result">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
