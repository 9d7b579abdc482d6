"""``povertypolicy packs``: the shipped policy packs, by level and province; 内置政策包."""

from __future__ import annotations

import click

from ._cli_group import cli_text, command_locale, fact, label_of

__all__ = ["packs"]


@click.command()
@click.option(
    "--level",
    default=None,
    help="Only packs of this level: national, province, prefecture, county, township, "
    "subdistrict, state_farm (or its Chinese label, e.g. 县级).",
)
@click.option("--province", default=None, help="Only packs of this province: CN-ZJ or ZJ.")
@click.option("--locale", default="zh_Hans", show_default=True, metavar="LOCALE")
def packs(level: str | None, province: str | None, locale: str) -> None:
    """List the policy packs shipped with the library."""
    from .errors import InputError
    from .policy import packs as shipped

    loc = command_locale()
    try:
        found = shipped(level=level, province=province)
    except InputError as exc:
        raise click.BadParameter(exc.text(loc), param_hint=f"--{exc.field}") from None
    for info in found:
        click.echo(f"{info.id}  {info.title}")
        facts = [fact("issuer", info.issuer, loc)]
        if info.level is not None:
            facts.append(fact("level", label_of(info.level, loc), loc))
        if info.province:
            facts.append(fact("province", info.province, loc))
        if info.place:
            facts.append(fact("place", info.place, loc))
        if info.document_number:
            facts.append(fact("document", info.document_number, loc))
        facts.append(fact("source", info.source, loc))
        if info.parent:
            facts.append(fact("parent", info.parent, loc))
        click.echo("    " + cli_text("ledger.cli.separator", loc).join(facts))
