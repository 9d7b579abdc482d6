"""The ``povertypolicy`` command line: run a ledger rule over files, explain a row, list
packs, rules and sources; 命令行.

Needs the ``cli`` extra (click, tqdm); ``.xlsx`` output also needs the ``excel`` extra. The
ledger commands (``run`` and ``explain`` in ``_cli_ledger``, ``rules`` in ``_cli_rules``) load
when used.
"""

from __future__ import annotations

from collections.abc import Sequence

try:
    import click
except ImportError as exc:  # pragma: no cover - depends on the install
    raise ImportError(
        "the povertypolicy command needs the cli extra: pip install 'povertypolicy[cli]'"
    ) from exc

from ._cli_group import _Cli
from ._cli_packs import packs
from ._cli_sources import sources

__all__ = ["cli", "main"]


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="povertypolicy", prog_name="povertypolicy")
def cli() -> None:
    """Chinese rural policy rules over whole ledgers (台账): exact, with an errors table and
    the reason for every row."""


cli.add_command(packs)
cli.add_command(sources)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point of ``povertypolicy``."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="povertypolicy")
