"""``povertypolicy sources``: list the shipped sources, show one, find a quote; 出处文件."""

from __future__ import annotations

from typing import Any

import click

from ._cli_group import cli_text, command_locale, fact, label_of

__all__ = ["sources"]

_LOCALE = click.option("--locale", default="zh_Hans", show_default=True, metavar="LOCALE")


@click.group(invoke_without_command=True)
@_LOCALE
@click.pass_context
def sources(ctx: click.Context, locale: str) -> None:
    """The source documents shipped with the library: list, show one, find a quote."""
    if ctx.invoked_subcommand is not None:
        return
    from .sources import list_sources

    loc = command_locale()
    for src in list_sources():
        if src.is_excerpt:
            parts = cli_text("ledger.cli.separator", loc).join(p.name for p in src.parts)
            text = cli_text("ledger.cli.source.excerpt", loc, parts=parts)
        elif src.has_text:
            text = cli_text("ledger.cli.source.text_shipped", loc)
        else:
            text = cli_text("ledger.cli.source.text_not_shipped", loc)
        click.echo(f"{src.id}  {src.title.in_locale(loc, src.script)}  {text}")


def _source(source_id: str) -> Any:
    from .errors import InputError
    from .sources import get_source

    try:
        return get_source(source_id)
    except InputError as exc:
        raise click.BadParameter(exc.text(command_locale()), param_hint="SOURCE_ID") from None


@sources.command("show")
@click.argument("source_id")
@click.option("--text", "with_text", is_flag=True, help="Print the whole shipped text too.")
@_LOCALE
def sources_show(source_id: str, with_text: bool, locale: str) -> None:
    """Show one source's metadata and parts (and, with --text, its text)."""
    loc = command_locale()
    src = _source(source_id)
    click.echo(f"{src.id}  {src.title.hans}  /  {src.title.hant}")
    date = None
    if src.date is not None:
        date = cli_text(
            "ledger.cli.source.date", loc, date=src.date.isoformat(), basis=label_of(src.dated, loc)
        )
    for field, value in (
        ("kind", label_of(src.kind, loc)),
        ("issuer", src.issuer),
        ("document_number", src.document_number),
        ("date", date),
        ("year", src.year),
        ("level", None if src.level is None else label_of(src.level, loc)),
        ("province", src.province),
        ("place", src.place),
        ("official", src.official),
        ("url", src.url),
        ("formerly", src.formerly),
        ("note", src.note),
    ):
        if value is not None:
            click.echo("  " + fact(field, value, loc))
    if not src.has_text:
        click.echo("  " + fact("text", cli_text("ledger.cli.source.not_shipped", loc), loc))
    for part in src.parts:
        title = "" if part.title is None else f"  {part.title.in_locale(loc, src.script)}"
        level = part.level and label_of(part.level, loc)
        where = [x for x in (level, part.province, part.place) if x]
        listed = cli_text("ledger.cli.separator", loc).join(where)
        click.echo(f"  - {part.name}{title}" + (f"  ({listed})" if where else ""))
    if with_text and src.has_text:
        click.echo("")
        click.echo(src.text())


@sources.command("find")
@click.argument("source_id")
@click.argument("quote")
@click.option("--part", default=None, help="Look only in this part (篇3, 第二篇, 第四十七条).")
@_LOCALE
def sources_find(source_id: str, quote: str, part: str | None, locale: str) -> None:
    """Find QUOTE in a source: its part, line and the sentence around it (exit 1 if absent)."""
    from .errors import InputError
    from .sources import find_quote

    loc = command_locale()
    src = _source(source_id)
    if not src.has_text:
        where = src.official or src.url
        raise click.ClickException(
            cli_text("ledger.cli.source.no_text", loc, source=src.id, where=where)
        )
    try:
        match = find_quote(src.id, quote, part=part)
    except InputError as exc:
        raise click.BadParameter(exc.text(loc), param_hint="--part") from None
    if match is None:
        place = f"{src.id} {part}" if part else src.id
        click.echo(cli_text("ledger.cli.source.not_found", loc, place=place), err=True)
        raise SystemExit(1)
    place = f"{src.id} {match.part}" if match.part else src.id
    click.echo(
        cli_text("ledger.cli.source.found", loc, place=place, line=match.line, column=match.column)
    )
    click.echo(match.plain_sentence)
