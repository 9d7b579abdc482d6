"""``povertypolicy sources``: list the shipped sources, show one, find a quote; 出处文件."""

from __future__ import annotations

from typing import Any

import click

from ._cli_group import command_locale

__all__ = ["sources"]


@click.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """The source documents shipped with the library: list, show one, find a quote."""
    if ctx.invoked_subcommand is not None:
        return
    from .sources import list_sources

    for src in list_sources():
        text = "text shipped" if src.has_text else "text not shipped"
        if src.is_excerpt:
            text = "excerpt: " + ", ".join(p.name for p in src.parts) + " only"
        click.echo(f"{src.id}  {src.title.hans}  [{text}]")


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
def sources_show(source_id: str, with_text: bool) -> None:
    """Show one source's metadata and parts (and, with --text, its text)."""
    src = _source(source_id)
    click.echo(f"{src.id}  {src.title.hans}  /  {src.title.hant}")
    for label, value in (
        ("kind", src.kind.value),
        ("issuer", src.issuer),
        ("document number", src.document_number),
        ("date", None if src.date is None else f"{src.date.isoformat()} ({src.dated.value})"),
        ("year", src.year),
        ("level", None if src.level is None else src.level.value),
        ("province", src.province),
        ("place", src.place),
        ("official text", src.official),
        ("url", src.url),
        ("formerly", src.formerly),
        ("note", src.note),
    ):
        if value is not None:
            click.echo(f"  {label}: {value}")
    if not src.has_text:
        click.echo("  text: not shipped with the package")
    for part in src.parts:
        title = "" if part.title is None else f"  {part.title.hans}"
        where = [x for x in (part.level and part.level.value, part.province, part.place) if x]
        click.echo(f"  - {part.name}{title}" + (f"  ({'; '.join(where)})" if where else ""))
    if with_text and src.has_text:
        click.echo("")
        click.echo(src.text())


@sources.command("find")
@click.argument("source_id")
@click.argument("quote")
@click.option("--part", default=None, help="Look only in this part (篇3, 第二篇, 第四十七条).")
def sources_find(source_id: str, quote: str, part: str | None) -> None:
    """Find QUOTE in a source: its part, line and the sentence around it (exit 1 if absent)."""
    from .errors import InputError
    from .sources import find_quote

    src = _source(source_id)
    if not src.has_text:
        raise click.ClickException(
            f"the text of {src.id} is not shipped with the package; see {src.official or src.url}"
        )
    try:
        match = find_quote(src.id, quote, part=part)
    except InputError as exc:
        raise click.BadParameter(exc.text(command_locale()), param_hint="--part") from None
    if match is None:
        click.echo(f"not found in {src.id}" + (f" {part}" if part else ""), err=True)
        raise SystemExit(1)
    where = f"{match.part} " if match.part else ""
    click.echo(f"{src.id} {where}line {match.line}, column {match.column}")
    click.echo(match.plain_sentence)
