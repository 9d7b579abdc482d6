"""``povertypolicy rules``: every ledger rule with its rule IDs, title and input tables and
columns, in the locale; 台账规则一览. Imported when used (it reads the ledger rules, which need
the ``ledger`` extra).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

from ._cli_group import SHORT_HELP
from ._cli_ledger import _option_name, _rules

if TYPE_CHECKING:
    from .ledger import LedgerRule

__all__ = ["rules"]


def _width(text: str) -> int:
    """Display width on a terminal: CJK and full-width characters take two cells."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _schema_lines(rule: LedgerRule, locale: str) -> Iterator[str]:
    from .explain.render import render_message

    def text(what: str, **args: Any) -> str:
        return render_message(f"ledger.cli.rules.{what}", args, locale)

    def table_name(name: str, zh: str) -> str:
        return zh if locale == "en" else render_message(f"ledger.table.{name}", {}, locale)

    area = rule.name.partition(".")[0]
    yield f"{rule.name}  {render_message(rule.title, {}, locale)}"
    yield "  " + text("rule_ids", ids=", ".join(rule.rule_ids))
    output = next((t for t in rule.tables if t.name == rule.output), None)
    shown = rule.output if output is None or locale == "en" else table_name(output.name, output.zh)
    if rule.per:  # a result row is not one row of the output table (a payee of a case …)
        per = render_message(f"ledger.rule_per.{rule.name}", {}, locale)
        yield "  " + text("output_per", per=per, key=rule.key)
    else:
        yield "  " + text("output", table=shown, key=rule.key)
    for t in rule.tables:
        name = table_name(t.name, t.zh)
        doc = render_message(f"ledger.table_doc.{area}.{t.name}", {}, locale)
        yield "  " + text("table", name=t.name, zh=name, option=_option_name(t.name), doc=doc)
        rows = [
            (
                c.name,
                c.zh,
                text(f"kind.{c.kind.value}"),
                text("required" if c.required else "optional"),
                "" if c.nullable else text("never_empty"),
                text("alias_separator").join(c.aliases),
            )
            for c in t.columns
        ]
        widths = [max(_width(r[j]) for r in rows) for j in range(5)]
        for r in rows:
            cells = [_pad(r[j], widths[j]) for j in range(5)]
            also = "  " + text("also", aliases=r[5]) if r[5] else ""
            yield ("    " + "  ".join(cells)).rstrip() + also


@click.command(short_help=SHORT_HELP["rules"])
@click.option("--rule", "name", metavar="NAME", help="Show only this rule's input schema.")
@click.option("--locale", default="zh_Hans", show_default=True, metavar="LOCALE")
def rules(name: str | None, locale: str) -> None:
    """List the ledger rules with their rule IDs, titles and input tables and columns."""
    from .explain.locales import normalise_locale
    from .ledger.engine import get_rule

    loc = normalise_locale(locale)
    chosen = [get_rule(name)] if name else list(_rules().values())
    for i, rule in enumerate(chosen):
        if i:
            click.echo("")
        for line in _schema_lines(rule, loc):
            click.echo(line)
