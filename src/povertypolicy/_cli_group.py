"""The command line's group: usage and library errors exit with status 1 and one line, in the
command's locale; 命令行出错提示."""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence
from typing import Any

import click

from .errors import PovertyPolicyError


def _locale_of(args: Sequence[str]) -> str:
    """The ``--locale`` a command line asks for (zh_Hans, as the commands' default, if none)."""
    from .explain.locales import normalise_locale

    asked = "zh_Hans"
    for n, arg in enumerate(args):
        if arg == "--locale" and n + 1 < len(args):
            asked = args[n + 1]
        elif arg.startswith("--locale="):
            asked = arg.partition("=")[2]
    try:
        return normalise_locale(asked)
    except PovertyPolicyError:  # the command refused the locale itself: say so in English
        return "en"


def _error_line(exc: PovertyPolicyError, locale: str) -> str:
    """The error as the command line prints it: one line, in the command's locale."""
    from .explain.catalog import message
    from .ledger import MissingColumnError

    if isinstance(exc, MissingColumnError):  # on the command line, a header maps by --column
        exc = copy.copy(exc)
        exc.extra = {**exc.extra, "option": "--column HEADER=FIELD"}
    text = " ".join(exc.text(locale).split())
    return message("ledger.cli.error", locale).format(message=text)


def _first_line(exc: BaseException) -> str:
    """The first line of another library's message (they can run to a page)."""
    lines = [x.strip() for x in str(exc).splitlines() if x.strip()]
    return lines[0] if lines else type(exc).__name__


class _Cli(click.Group):
    """A group whose usage and input errors exit with status 1 and one line, no traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            rv = super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            exc.show()
            sys.exit(1)
        except click.Abort:
            if not standalone_mode:
                raise
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except PovertyPolicyError as exc:
            if not standalone_mode:
                raise
            given = list(args) if args is not None else sys.argv[1:]
            click.echo(_error_line(exc, _locale_of(given)), err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv
