"""Render steps as text or HTML in a locale; numbers, money and dates formatted per locale.

Chinese locales write amounts 公文 style (``3500元``) and numbers without grouping below
10,000; English uses Babel (``CN¥3,500.00``). See docs/concepts/wording.md.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import string
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

import attrs
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from ..money import Money
from ..policy.pack import QUALIFIERS
from ..units import Area
from .catalog import message, plural
from .citation import Citation, render_citation
from .locales import babel_locale, normalise_locale
from .numerals import chinese_amount, chinese_number
from .result import Step

__all__ = [
    "format_value",
    "in_script",
    "render_answer",
    "render_html",
    "render_message",
    "render_text",
]

_CHINESE = frozenset({"zh_Hans", "zh_Hant"})


def _decimal_text(value: Decimal, locale: str) -> str:
    if locale in _CHINESE:
        return chinese_number(format(value, "f"), locale)
    return format_decimal(value, locale=babel_locale(locale), decimal_quantization=False)


def _int_text(value: int, locale: str) -> str:
    if locale in _CHINESE:
        return chinese_number(str(value), locale)
    return format_decimal(value, locale=babel_locale(locale))


@lru_cache(maxsize=4)
def _converter(config: str) -> Any:
    try:
        import opencc  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # optional: citations then stay in the script they were stored in
        return None
    return opencc.OpenCC(config)


@lru_cache(maxsize=4096)
def in_script(text: str, locale: str) -> str:
    """A citation's text in the locale's script, when OpenCC is installed (else unchanged).

    zh_Hans: traditional characters are simplified. zh_Hant: a text written wholly in
    simplified characters is converted (OpenCC ``s2tw``); one stored in traditional is kept.
    """
    loc = normalise_locale(locale)
    if loc not in _CHINESE:
        return text
    to_simple = _converter("t2s")
    if to_simple is None:
        return text
    simple = str(to_simple.convert(text))
    if loc == "zh_Hans":
        return simple
    if simple != text:  # it has traditional characters: stored in traditional, kept
        return text
    return str(_converter("s2tw").convert(text))


def format_value(value: Any, locale: str) -> str:
    """Format one value for a locale: money, numbers, dates, areas, enums, lists."""
    from ..policy.parameter import Parameter, Range

    loc = normalise_locale(locale)
    if value is None:  # a fact nobody recorded: never shown as "none" or zero
        return message("core.not_recorded", loc)
    if isinstance(value, bool):
        return message("core.yes" if value else "core.no", loc)
    if isinstance(value, Money):
        return chinese_amount(value.fen, loc) if loc in _CHINESE else value.format(loc)
    label = getattr(type(value), "__label__", None)
    if isinstance(value, enum.Enum) and isinstance(label, str):
        return message(f"{label}.{value.value}", loc)
    if isinstance(value, int):
        return _int_text(value, loc)
    if isinstance(value, Decimal):
        return _decimal_text(value.normalize() if value == value.to_integral() else value, loc)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return _int_text(value.numerator, loc)
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
        return render_citation(value, loc)
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence | frozenset | set):
        items = [format_value(v, loc) for v in value]
        if not items:
            return message("core.none", loc)
        return format_list(items, locale=babel_locale(loc))
    raise TypeError(f"cannot format {type(value).__name__} value {value!r} for an explanation")


def _unit_key(param: Any) -> str:
    """The unit template of a parameter; an age in years (``*_age``) reads 周岁, not 年."""
    from ..policy.spec import Unit

    if param.unit is Unit.YEARS and param.name.endswith("_age"):
        return "core.unit.age"
    return f"core.unit.{param.unit.value}"


def format_param_value(param: Any, locale: str) -> str:
    """A parameter's value with its unit (``每人3500元``, ``30%``, ``16周岁``, ``2011年1月1日``)."""
    from ..policy.parameter import Range
    from ..policy.spec import Unit

    value = param.value
    if param.unit is Unit.CHOICE and isinstance(value, str):
        return message(f"{param.label_key}.{value}", locale)
    if isinstance(value, Range):
        text = message("core.range", locale).format(
            min=format_value(value.min, locale), max=format_value(value.max, locale)
        )
        count: Any = value.max
    else:
        text = format_value(value, locale)
        count = value
    return message(_unit_key(param), locale, n=count).format(value=text)


# List styles a template may ask for: ``{sizes:or}`` (5、7、9或11), ``{groups:series}`` (1、2).
_LIST_STYLES = frozenset({"and", "or", "series"})


def _format_list(value: Any, style: str, loc: str) -> str:
    if not isinstance(value, Sequence | frozenset | set) or isinstance(value, str):
        return format_value(value, loc)
    items = [format_value(v, loc) for v in value]
    if not items:
        return message("core.none", loc)
    if style == "series":
        return ("、" if loc in _CHINESE else ", ").join(items)
    return format_list(items, style="or" if style == "or" else "standard", locale=babel_locale(loc))


@lru_cache(maxsize=4096)
def _parse(template: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The template without list styles, and the (field, style) pairs it asked for."""
    styled: list[tuple[str, str]] = []
    out: list[str] = []
    for literal, name, spec, conv in string.Formatter().parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if spec in _LIST_STYLES:
            styled.append((name, spec))
            spec = ""
        out.append("{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out), tuple(styled)


def render_message(key: str, args: Mapping[str, Any], locale: str) -> str:
    """Fill a catalog template with locale-formatted values.

    A message with plural forms takes the form its count argument asks for (see
    `povertypolicy.explain.catalog`); ``{name:or}`` joins a list with 或 / "or".
    """
    loc = normalise_locale(locale)
    forms = plural(key, loc)
    template = message(key, loc, n=args.get(forms.arg) if forms is not None else None)
    template, styled = _parse(template)
    formatted = {k: format_value(v, loc) for k, v in args.items()}
    for name, style in styled:
        if name in args:
            formatted[name] = _format_list(args[name], style, loc)
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
        citation=render_citation(param.citation, loc),
        pack=param.pack_id,
    )


def _step_lines(step: Step, loc: str) -> tuple[str, list[str], list[str]]:
    head = render_message(step.key, step.inputs, loc)
    params = [_param_line(p, loc) for p in step.params]
    if step.citation is not None:
        source = render_citation(step.citation, loc)
        params.insert(0, message("core.layout.source", loc).format(citation=source))
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


def _answer_value(value: Any, loc: str) -> str | None:
    from ..domain.convert import jsonable

    scalars = str | int | enum.Enum | dt.date | Money
    is_list = isinstance(value, tuple | list | frozenset | set)
    if is_list and not all(isinstance(v, scalars) for v in value):
        return None
    try:
        return format_value(value, loc)
    except TypeError:
        jsonable(value)  # a value the formatter does not know: not part of the answer
        return None


def render_answer(value: Any, locale: str) -> list[tuple[str, str]]:
    """The answer as (label, text) pairs: the value itself, or its fields with a label.

    A field is shown when the catalog has ``core.field.<name>`` for it and its value is a
    scalar (an amount, a count, a date, yes/no, a label) or a list of ids.
    """

    from .catalog import messages

    loc = normalise_locale(locale)
    if not attrs.has(type(value)):
        text = _answer_value(value, loc)
        return [] if text is None else [(message("core.html.answer", loc), text)]
    labels = messages(loc, "core")
    out: list[tuple[str, str]] = []
    for f in attrs.fields(type(value)):
        label = labels.get(f"core.field.{f.name}")
        if label is None:
            continue
        text = _answer_value(getattr(value, f.name), loc)
        if text is not None:
            out.append((label, text))
    return out


_CSS_BOX = (
    "font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;font-size:13px;"
    "line-height:1.5;color:#1f2328;max-width:60em"
)
_CSS_ANSWER = "border-left:4px solid #1a7f37;background:#f0f7f2;padding:6px 10px;margin:0 0 8px 0"
_CSS_SCENARIO = "border-left:4px solid #bf8700;background:#fff8c5;padding:6px 10px;margin:0 0 8px 0"
_CSS_TABLE = "border-collapse:collapse;width:100%"
_CSS_TH = "text-align:left;border-bottom:2px solid #d0d7de;padding:4px 8px;background:#f6f8fa"
_CSS_TD = "vertical-align:top;border-bottom:1px solid #d0d7de;padding:4px 8px"
_CSS_RULE = "font-family:ui-monospace,monospace;white-space:nowrap;color:#0550ae"
_CSS_SMALL = "color:#57606a;font-size:12px;margin-top:2px"
_CSS_QUOTE = "margin:2px 0 2px 0;padding:0 0 0 8px;border-left:3px solid #d0d7de;color:#57606a"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(steps: Iterable[Step], locale: str, *, value: Any = None) -> str:
    """The answer first, then every step with its basis and quoted text, as styled HTML.

    Inline CSS only (no scripts, no external assets), so it shows the same in Jupyter,
    in an exported notebook and in a mail.
    """
    loc = normalise_locale(locale)
    steps = tuple(steps)
    parts = [f'<div class="povertypolicy-result" lang="{_lang(loc)}" style="{_CSS_BOX}">']
    answer = render_answer(value, loc) if value is not None else []
    if answer:
        answer_rows = "".join(
            f'<tr><th style="text-align:left;padding:0 12px 0 0;font-weight:600">{_esc(k)}</th>'
            f"<td>{_esc(v)}</td></tr>"
            for k, v in answer
        )
        title = _esc(message("core.html.answer", loc))
        parts.append(
            f'<div class="povertypolicy-answer" style="{_CSS_ANSWER}">'
            f'<div style="font-weight:600;margin-bottom:2px">{title}</div>'
            f"<table>{answer_rows}</table></div>"
        )
    if any(c.scenario is not None for step in steps for c in step.citations):
        parts.append(
            f'<div class="povertypolicy-scenario" style="{_CSS_SCENARIO}">'
            f"{_esc(message('core.html.scenario', loc))}</div>"
        )
    head = "".join(
        f'<th style="{_CSS_TH}">{_esc(message(k, loc))}</th>'
        for k in ("core.html.step", "core.html.rule", "core.html.text", "core.html.basis")
    )
    rows: list[str] = []
    for n, step in enumerate(steps, 1):
        text, params, notes = _step_lines(step, loc)
        basis = "".join(f'<div style="{_CSS_SMALL}">{_esc(x)}</div>' for x in [*params, *notes])
        quotes = "".join(
            f'<blockquote style="{_CSS_QUOTE}">{_esc(in_script(c.quote, loc))}'
            f'<div style="{_CSS_SMALL}">— {_esc(render_citation(c, loc))}</div></blockquote>'
            for c in step.citations
            if c.quote
        )
        rows.append(
            f'<tr><td style="{_CSS_TD}">{n}</td>'
            f'<td style="{_CSS_TD};{_CSS_RULE}">{_esc(step.rule)}</td>'
            f'<td style="{_CSS_TD}">{_esc(text)}</td>'
            f'<td style="{_CSS_TD}">{basis}{quotes}</td></tr>'
        )
    parts.append(
        f'<table class="povertypolicy-steps" style="{_CSS_TABLE}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    return "".join(parts)


def _lang(loc: str) -> str:
    return {"zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant"}.get(loc, "en")
