"""``povertypolicy packs``: the shipped policy packs, by level and province; 内置政策包."""

from __future__ import annotations

import click

from ._cli_group import command_locale

__all__ = ["packs"]


@click.command()
@click.option(
    "--level",
    default=None,
    help="Only packs of this level: national, province, prefecture, county, township, "
    "subdistrict, state_farm (or its Chinese label, e.g. 县级).",
)
@click.option("--province", default=None, help="Only packs of this province: CN-ZJ or ZJ.")
def packs(level: str | None, province: str | None) -> None:
    """List the policy packs shipped with the library."""
    from .errors import InputError
    from .policy import packs as shipped

    try:
        found = shipped(level=level, province=province)
    except InputError as exc:
        raise click.BadParameter(exc.text(command_locale()), param_hint=f"--{exc.field}") from None
    for info in found:
        click.echo(f"{info.id}  {info.title}")
        facts = [f"issuer: {info.issuer}"]
        if info.level is not None:
            facts.append(f"level: {info.level.value}")
        if info.province:
            facts.append(f"province: {info.province}")
        if info.place:
            facts.append(f"place: {info.place}")
        if info.document_number:
            facts.append(f"document: {info.document_number}")
        facts.append(f"source: {info.source}")
        if info.parent:
            facts.append(f"parent: {info.parent}")
        click.echo("    " + "; ".join(facts))
