"""``povertypolicy catalogue``: the rule and parameter catalogue on the command line; 规则目录.

Registered on the main command group in ``povertypolicy.cli`` (needs the ``cli`` extra).
"""

from __future__ import annotations

import datetime as dt

import click

from .._cli_group import SHORT_HELP
from . import missing_parameters, parameter, parameters, rule, rules
from .describe import bound_text, value_text
from .model import ParameterInfo

__all__ = ["catalogue"]

_DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
_SELECTORS = click.argument("selectors", nargs=-1, metavar="[RULE|AREA]...")
_LOCALE = click.option("--locale", default="zh_Hans", show_default=True, metavar="LOCALE")


def _loc(locale: str) -> str:
    from ..explain.locales import normalise_locale

    return normalise_locale(locale)


@click.group(short_help=SHORT_HELP["catalogue"])
def catalogue() -> None:
    """The rule and parameter catalogue: every rule ID, every parameter, what a pack lacks."""


@catalogue.command("rules")
@_SELECTORS
@_LOCALE
def list_rules(selectors: tuple[str, ...], locale: str) -> None:
    """List rule IDs with their titles (all, or those of the rules and areas given)."""
    from . import _select

    loc = _loc(locale)
    chosen = _select(selectors) if selectors else rules()
    for info in chosen:
        click.echo(f"{info.id:<10} {info.title(loc)}")


@catalogue.command("rule")
@click.argument("rule_id", metavar="RULE")
@_LOCALE
def show_rule(rule_id: str, locale: str) -> None:
    """Show one rule: functions, inputs, parameters, source clauses and boundaries."""
    loc = _loc(locale)
    info = rule(rule_id)
    click.echo(f"{info.id}  {info.title(loc)}")
    click.echo(f"  area: {info.area}")
    for fn in info.functions:
        click.echo(f"  function: povertypolicy.rules.{fn.signature}")
    for name in info.ledger:
        click.echo(f"  ledger: {name}")
    for text in info.inputs:
        click.echo(f"  input: {text}")
    for text in info.fields:
        click.echo(f"  reads: {text}")
    for name in info.parameters:
        p = parameter(name)
        mark = " (optional)" if name in info.optional else ""
        click.echo(f"  parameter: {name}{mark}  {p.meaning(loc)}")
    for source in info.sources:
        click.echo(f"  source: {source.text()}")
    for name in info.parameters:
        p = parameter(name)
        if p.threshold is not None:
            click.echo(f"  boundary: {name}: {bound_text(p)}")


def _parameter_lines(p: ParameterInfo, loc: str, *, values: bool) -> list[str]:
    bound = f"; {bound_text(p)}" if p.threshold is not None or p.is_range else ""
    lines = [
        f"{p.name}  {p.meaning(loc)}",
        f"  unit: {p.unit.value}{bound}; rules: {', '.join(p.rules)}",
    ]
    if values:
        lines += [
            f"  {v.pack}: {value_text(v)} from {v.valid_from.isoformat()}"
            + ("" if v.valid_until is None else f" until {v.valid_until.isoformat()}")
            for v in p.values
        ]
        if not p.values:
            lines.append("  (no shipped pack sets it)")
    return lines


@catalogue.command("parameters")
@_SELECTORS
@_LOCALE
@click.option("--values/--no-values", default=False, help="Also show each shipped pack's value.")
def list_parameters(selectors: tuple[str, ...], locale: str, values: bool) -> None:
    """List parameters with unit, bound, meaning and rules (all, or those the rules given read)."""
    loc = _loc(locale)
    for p in parameters(*selectors):
        for line in _parameter_lines(p, loc, values=values):
            click.echo(line)


@catalogue.command("parameter")
@click.argument("name", metavar="NAME")
@_LOCALE
def show_parameter(name: str, locale: str) -> None:
    """Show one parameter and the value each shipped pack gives it."""
    for line in _parameter_lines(parameter(name), _loc(locale), values=True):
        click.echo(line)


@catalogue.command("missing")
@_SELECTORS
@click.option("--pack", required=True, metavar="ID|PATH", help="Shipped pack id or pack file.")
@click.option("--on", "on", required=True, type=click.DateTime(formats=_DATE_FORMATS))
@_LOCALE
def missing(selectors: tuple[str, ...], pack: str, on: dt.datetime, locale: str) -> None:
    """List every parameter a pack lacks on a date for the rules or areas given (all if none).

    Exit status 0 when nothing is missing, 1 when something is (each listed with its meaning).
    """
    from ..policy.policy import Policy

    loc = _loc(locale)
    policy = Policy.load(pack, on=on.date())
    found = missing_parameters(policy, *selectors)
    if not found:
        click.echo(f"{policy.id} on {policy.on.isoformat()}: nothing missing")
        return
    click.echo(f"{policy.id} on {policy.on.isoformat()}: {len(found)} parameter(s) missing")
    for p in found:
        click.echo(f"  {p.name}  ({p.unit.value}; rules {', '.join(p.rules)})  {p.meaning(loc)}")
    click.get_current_context().exit(1)
