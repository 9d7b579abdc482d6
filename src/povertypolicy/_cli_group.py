"""The command line's group: usage and library errors exit with status 1 and one line, in the
command's locale; 命令行出错提示. The ledger commands load at first use."""

from __future__ import annotations

import copy
import enum
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from .errors import PovertyPolicyError

if TYPE_CHECKING:
    from .ledger.schema import MissingColumnError


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

    # a MissingColumnError can only come from a loaded ledger schema (importing it for the
    # check would import numpy, pyarrow and polars for every other error)
    missing: type[MissingColumnError] | None = getattr(
        sys.modules.get(f"{__package__}.ledger.schema"), "MissingColumnError", None
    )
    if missing is not None and isinstance(exc, missing):
        # on the command line, a header maps by --column
        exc = copy.copy(exc)
        exc.extra = {**exc.extra, "option": "--column HEADER=FIELD"}
    text = " ".join(exc.text(locale).split())
    return message("ledger.cli.error", locale).format(message=text)


# The ledger commands, imported when used (they read the ledger rules, which import numpy,
# pyarrow and polars): `povertypolicy packs` or `--help` does not wait for them.
LAZY_COMMANDS = {
    "catalogue": "catalog.cli",
    "explain": "_cli_ledger",
    "rules": "_cli_rules",
    "run": "_cli_ledger",
}
# Their one-line help in the command list, shown without importing them
SHORT_HELP = {
    "catalogue": "The rule and parameter catalogue: rule IDs, parameters, gaps.",
    "explain": "Print the explanation of one result row.",
    "rules": "List the ledger rules, their rule IDs, titles and input columns.",
    "run": "Run a ledger rule over input files and write the results.",
}


def command_locale() -> str:
    """The locale the running command line asks for (``--locale``, else zh_Hans), for commands
    without a ``--locale`` option of their own."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return str(obj["locale"]) if isinstance(obj, dict) and "locale" in obj else "zh_Hans"


def cli_text(key: str, locale: str, **args: Any) -> str:
    """A command-line message (``ledger.cli.*``) in ``locale``."""
    from .explain.render import render_message

    return render_message(key, args, locale)


def fact(field: str, value: object, locale: str) -> str:
    """``label: value`` for one fact a listing shows (``ledger.cli.field.<field>``)."""
    label = cli_text(f"ledger.cli.field.{field}", locale)
    return cli_text("ledger.cli.fact", locale, label=label, value=value)


def label_of(member: enum.Enum, locale: str) -> str:
    """An enum member's label in ``locale`` (its value when it has no label)."""
    from .domain.labels import label

    return label(member, locale) or str(member.value)


def _hint(hint: Sequence[str] | str | None) -> str | None:
    """A parameter as click names it: ``'--pack'``; several as ``'-o' / '--out'``."""
    if hint is None or isinstance(hint, str):
        return hint
    return " / ".join(repr(h) for h in hint)


def _param_hint(exc: click.MissingParameter | click.BadParameter) -> str | None:
    if exc.param_hint is not None:
        return _hint(exc.param_hint)
    if exc.param is not None and exc.ctx is not None:
        return _hint(exc.param.get_error_hint(exc.ctx))
    return None


def _click_message(exc: click.ClickException, locale: str) -> str:
    """Click's error message, in ``locale`` for the usage errors a user meets most (a missing
    or unknown option, argument or command, a bad value); other messages as click words
    them. A bad value's detail is the converter's own text (click's types speak English)."""
    if isinstance(exc, click.MissingParameter):
        name = _param_hint(exc)
        kind = exc.param_type or (exc.param.param_type_name if exc.param else None)
        if name and kind == "option":
            return cli_text("ledger.cli.missing_option", locale, name=name)
        if name and kind == "argument":
            return cli_text("ledger.cli.missing_argument", locale, name=name)
    elif isinstance(exc, click.NoSuchOption | click.NoSuchCommand):
        possibilities = exc.possibilities
        if isinstance(exc, click.NoSuchOption):
            text = cli_text("ledger.cli.no_such_option", locale, name=repr(exc.option_name))
        else:
            text = cli_text("ledger.cli.no_such_command", locale, name=repr(exc.command_name))
            group = exc.ctx.command if exc.ctx is not None else None
            if isinstance(group, click.Group) and exc.ctx is not None:
                # click suggests only the commands loaded so far: ask for them all
                from difflib import get_close_matches

                possibilities = get_close_matches(exc.command_name, group.list_commands(exc.ctx))
        if possibilities:  # as click lists them: sorted, quoted, one or "one of"
            names = ", ".join(repr(p) for p in sorted(possibilities))
            key = (
                "ledger.cli.did_you_mean"
                if len(possibilities) == 1
                else "ledger.cli.did_you_mean_one_of"
            )
            text = cli_text(key, locale, message=text, names=names)
        return text
    elif isinstance(exc, click.BadParameter):
        name = _param_hint(exc)
        if name:
            return cli_text("ledger.cli.bad_value", locale, name=name, detail=exc.message)
    return exc.format_message()


def show_click_error(exc: click.ClickException, locale: str) -> None:
    """Print a click error as click does (usage, help hint, error line), in ``locale``."""
    from .explain.catalog import message

    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    if ctx is not None:
        usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
        click.echo(cli_text("ledger.cli.usage", locale, usage=usage), err=True)
        if ctx.command.get_help_option(ctx) is not None:
            hint = cli_text("ledger.cli.try_help", locale, command=ctx.command_path, help="--help")
            click.echo(hint, err=True)
        click.echo("", err=True)
    text = _click_message(exc, locale)
    click.echo(message("ledger.cli.error", locale).format(message=text), err=True)


def _first_line(exc: BaseException) -> str:
    """The first line of another library's message (they can run to a page)."""
    lines = [x.strip() for x in str(exc).splitlines() if x.strip()]
    return lines[0] if lines else type(exc).__name__


class _Cli(click.Group):
    """A group whose usage and input errors exit with status 1 and one line, no traceback;
    the commands in ``LAZY_COMMANDS`` are imported when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = LAZY_COMMANDS.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            loaded = importlib.import_module(f"{__package__}.{module}")
            self.add_command(getattr(loaded, cmd_name), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, with the lazy commands' one-line help (not importing them)."""
        limit = formatter.width - 6 - max(len(name) for name in self.list_commands(ctx))
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None:
                rows.append((name, SHORT_HELP[name]))
            elif not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(args) if args is not None else sys.argv[1:]
        locale = _locale_of(given)
        extra.setdefault("obj", {"locale": locale})  # see command_locale()
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
            show_click_error(exc, locale)
            sys.exit(1)
        except click.Abort:
            if not standalone_mode:
                raise
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except PovertyPolicyError as exc:
            if not standalone_mode:
                raise
            click.echo(_error_line(exc, locale), err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv
