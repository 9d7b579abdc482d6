"""The ledger commands of ``povertypolicy``: ``run`` a ledger rule over files, ``explain`` a
row; 台账命令. Imported when one of them is used (they read the ledger rules, which need the
``ledger`` extra); ``.xlsx`` output also needs ``excel``. ``rules`` is in ``_cli_rules``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._cli_group import SHORT_HELP, _first_line, cli_text
from .errors import InputError, PovertyPolicyError

if TYPE_CHECKING:
    import pyarrow as pa

    from .ledger import LedgerResult, LedgerRule
    from .ledger.schema import TableSchema

__all__ = ["TABLES", "explain", "run"]

_DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
_OUT_SUFFIXES = (".xlsx", ".parquet", ".csv")
_PROGRESS_AFTER = 1.0  # seconds before the progress bar appears
_OWN_PARAMS = frozenset(
    {"rule", "row_id", "workbook", "pack", "on", "as_of", "locale", "columns", "out"}
    | {"explain_limit", "threads"}
)


def _rules() -> dict[str, LedgerRule]:
    from .ledger import ledger_rules

    return ledger_rules()


def _date(value: dt.datetime | None) -> dt.date | None:
    return None if value is None else value.date()


def _option_name(table: str) -> str:
    return "--" + table.replace("_", "-")


# Every input table a ledger rule reads, in the order `_all_tables()` finds them (a test holds
# the two equal). The options are made from this list, so the command line can parse a run
# after importing only that rule's module; `--help` reads the rules to say who reads each.
TABLES = (
    "persons",
    "households",
    "pairings",
    "beneficiaries",
    "units",
    "postings",
    "progress",
    "cases",
    "parcels",
    "attachments",
    "payments",
    "monitored",
    "spot_checks",
    "applicants",
)


def _phases(name: str, *, writing: bool) -> int:
    """The progress bar's phases: reading each table of rule ``name``, running it and (for
    ``run``) writing. Only the rule's own area is imported; an unknown rule fails later."""
    from .ledger.engine import get_rule

    try:
        tables = len(get_rule(name).tables)
    except PovertyPolicyError:
        tables = 0
    return tables + 1 + writing


class _TableOption(click.Option):
    """``--persons FILE`` …: its help, which names the rules that read the table, is written
    when help is shown (it needs every rule; a run needs only its own)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        table = str(self.name)
        schema, users = _all_tables()[table]
        self.help = (
            f"The {table} table ({schema.zh}) as CSV, XLSX or Parquet; read by {', '.join(users)}."
        )
        return super().get_help_record(ctx)


def _all_tables() -> dict[str, tuple[TableSchema, list[str]]]:
    """Every input table any rule reads, with the rules that read it."""
    found: dict[str, tuple[TableSchema, list[str]]] = {}
    for name, rule in _rules().items():
        for t in rule.tables:
            found.setdefault(t.name, (t, []))[1].append(name)
    return found


def _input_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads a ledger takes, one per input table."""
    path = click.Path(exists=True, dir_okay=True, path_type=Path)
    date = click.DateTime(_DATE_FORMATS)
    options = [
        click.option(
            "--ledger",
            "workbook",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            metavar="FILE.xlsx",
            help="One workbook with a sheet per input table, each sheet named after its "
            "table in English or Chinese (persons / 人员 / 人员表 …). A table option wins.",
        ),
        click.option("--pack", required=True, metavar="ID", help="The policy pack id."),
        click.option(
            "--on", "on", required=True, type=date, metavar="DATE", help="Read the policy on DATE."
        ),
        click.option(
            "--as-of",
            "as_of",
            type=date,
            metavar="DATE",
            help="The date of the event asked about (payments: housing.release).",
        ),
        click.option(
            "--locale",
            default="zh_Hans",
            show_default=True,
            metavar="LOCALE",
            help="zh_Hans, zh_Hant or en (zh_CN, zh_TW, en_US … are accepted).",
        ),
        click.option(
            "--column",
            "columns",
            multiple=True,
            metavar="HEADER=FIELD",
            help="Read the column headed HEADER as FIELD (repeatable).",
        ),
        click.option(
            "--threads",
            type=click.IntRange(min=1),
            metavar="N",
            help="Threads that read and compute the tables (default: every available core "
            "for 100,000 rows or more, else one). The results are the same for any N.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    for table in reversed(TABLES):
        if table in _OWN_PARAMS:  # a table named like an option would shadow it
            raise RuntimeError(f"a ledger table may not be called {table!r}")
        f = click.option(_option_name(table), table, cls=_TableOption, type=path, metavar="FILE")(f)
    return f


def _mapping(rule: LedgerRule, pairs: Sequence[str], loc: str) -> dict[str, str]:
    fields = {c.name for t in rule.tables for c in t.columns}
    out: dict[str, str] = {}
    for pair in pairs:
        source, sep, field = pair.rpartition("=")
        source, field = source.strip(), field.strip()
        if not sep or not source or not field:
            form = "HEADER=FIELD"
            text = cli_text("ledger.cli.not_header_field", loc, pair=repr(pair), form=form)
            raise click.BadParameter(text, param_hint="--column")
        if field not in fields:
            text = cli_text(
                "ledger.cli.not_a_field",
                loc,
                field=repr(field),
                rule=rule.name,
                fields=", ".join(sorted(fields)),
            )
            raise click.BadParameter(text, param_hint="--column")
        out[source] = field
    return out


def _sheet_names(schema: TableSchema) -> set[str]:
    from .explain.catalog import messages
    from .explain.locales import SUPPORTED_LOCALES
    from .ledger.schema import normalise_header

    names = {schema.name, schema.zh, schema.zh + "表"}
    for loc in SUPPORTED_LOCALES:
        label = messages(loc, "ledger").get(f"ledger.table.{schema.name}")
        if label:
            names |= {label, label.removesuffix("表")}
    return {normalise_header(n) for n in names}


def _matching_sheet(path: Path, schema: TableSchema) -> str | None:
    """The sheet of workbook ``path`` named after ``schema``'s table, if there is one."""
    import fastexcel

    from .ledger.schema import normalise_header

    wanted = _sheet_names(schema)
    try:
        sheets = fastexcel.read_excel(str(path)).sheet_names
    except Exception as exc:  # not a workbook after all: one line, no traceback
        raise _unreadable(schema.name, path, None, exc) from exc
    for sheet in sheets:
        if normalise_header(sheet) in wanted:
            return str(sheet)
    return None


def _unreadable(table: str, path: Path, sheet: str | None, exc: Exception) -> InputError:
    reason = _first_line(exc)
    if sheet:
        return InputError(
            obj="ledger",
            field=table,
            value=str(path),
            expected=f"a readable CSV, XLSX or Parquet file (sheet {sheet}): {reason}",
            code="ledger.error.unreadable_sheet",
            extra={"sheet": sheet, "reason": reason},
        )
    return InputError(
        obj="ledger",
        field=table,
        value=str(path),
        expected=f"a readable CSV, XLSX or Parquet file: {reason}",
        code="ledger.error.unreadable_file",
        extra={"reason": reason},
    )


def _sources(
    rule: LedgerRule, given: Mapping[str, Path | None], workbook: Path | None, loc: str
) -> dict[str, tuple[Path, str | None]]:
    """Each input table of ``rule``: the file, and the sheet to read when it is a workbook."""
    read = {s.name for s in rule.tables}
    extra = sorted(t for t, p in given.items() if p is not None and t not in read)
    if extra:
        option = _option_name(extra[0])
        text = cli_text(
            "ledger.cli.extra_table", loc, rule=rule.name, table=extra[0], option=option
        )
        raise click.UsageError(text)
    out: dict[str, tuple[Path, str | None]] = {}
    for schema in rule.tables:
        path = given.get(schema.name)
        if path is None and workbook is not None:
            sheet = _matching_sheet(workbook, schema)
            if sheet is not None:
                out[schema.name] = (workbook, sheet)
                continue
        if path is None:
            text = cli_text(
                "ledger.cli.needs_table" if workbook is None else "ledger.cli.needs_table_or_sheet",
                loc,
                rule=rule.name,
                table=schema.name,
                zh=schema.zh,
                option=_option_name(schema.name),
                file="FILE",
                ledger="--ledger",
            )
            raise click.UsageError(text)
        sheet = None
        if path.suffix.lower() in {".xlsx", ".xlsm", ".xls"}:
            sheet = _matching_sheet(path, schema)
        out[schema.name] = (path, sheet)
    return out


def _read(name: str, path: Path, sheet: str | None) -> pa.Table:
    from .ledger.frames import read_path

    try:
        return read_path(path, sheet=sheet)
    except PovertyPolicyError:
        raise
    except Exception as exc:  # a file that is not what its name says: one line, no traceback
        raise _unreadable(name, path, sheet, exc) from exc


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """A tqdm bar on stderr over the phases of a run (reading each file, the run, writing),
    shown only on a terminal and only once the run has taken a second."""
    import importlib
    import threading
    import time

    if not _is_terminal(sys.stderr):  # as tqdm's disable=None decides; tqdm takes 50 ms to load
        yield lambda phase: None
        return
    # tqdm ships no type information (and mypy's overrides do not list it): typed Any here.
    tqdm: Any = importlib.import_module("tqdm").tqdm
    bar = tqdm(
        total=total,
        file=sys.stderr,
        disable=None,  # off when stderr is not a terminal
        delay=_PROGRESS_AFTER,
        leave=False,
        bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}]",
    )
    started = time.monotonic()
    done = threading.Event()
    phases = [0]

    def shown() -> bool:
        return time.monotonic() - started >= _PROGRESS_AFTER

    def step(phase: str) -> None:
        if phases[0]:
            bar.update()
        phases[0] += 1
        bar.set_description_str(phase, refresh=shown())

    def tick() -> None:  # a phase is one long call: keep the elapsed time moving
        while not done.wait(0.5):
            if shown():
                bar.refresh()

    ticker = None if bar.disable else threading.Thread(target=tick, daemon=True)
    if ticker is not None:
        ticker.start()
    try:
        yield step
    finally:
        done.set()
        if ticker is not None:
            ticker.join()
        bar.close()


def _compute(
    rule_name: str,
    given: Mapping[str, Path | None],
    *,
    workbook: Path | None,
    pack: str,
    on: dt.date,
    as_of: dt.date | None,
    locale: str,
    columns: Sequence[str],
    threads: int | None,
    step: Callable[[str], None],
) -> LedgerResult:
    from . import ledger
    from .explain.locales import normalise_locale
    from .ledger.engine import get_rule

    loc = normalise_locale(locale)
    rule = get_rule(rule_name)
    mapping = _mapping(rule, columns, loc)
    sources = _sources(rule, given, workbook, loc)
    tables: dict[str, Any] = {}
    for name, (path, sheet) in sources.items():
        file = path.name + (f" [{sheet}]" if sheet else "")
        step(cli_text("ledger.cli.step_reading", loc, file=file))
        tables[name] = _read(name, path, sheet)
    step(cli_text("ledger.cli.step_running", loc, rule=rule_name))
    return ledger.run(
        rule_name,
        pack,
        on=on,
        as_of=as_of,
        columns=mapping or None,
        locale=loc,
        threads=threads,
        **tables,
    )


def _write_csv(table: pa.Table, path: Path) -> None:
    """CSV in UTF-8 with a byte-order mark (so Excel reads Chinese), money as integer fen."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    cols = []
    for col in table.columns:
        if pa.types.is_dictionary(col.type):
            col = col.cast(col.type.value_type)
        cols.append(col)
    plain = pa.table(cols, names=table.column_names)
    with path.open("wb") as fh:
        fh.write(b"\xef\xbb\xbf")
        pcsv.write_csv(plain, fh)


def _write(result: LedgerResult, out: Path, *, locale: str, explain_limit: int) -> list[Path]:
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        result.to_xlsx(str(out), locale=locale, explain_limit=explain_limit)
        return [out]
    errors_path = out.with_name(f"{out.stem}.errors{suffix}")
    errors = result.errors_arrow(locale)
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        result.to_parquet(str(out))
        pq.write_table(errors, errors_path)
    else:
        _write_csv(result.arrow, out)
        _write_csv(errors, errors_path)
    return [out, errors_path]


def _table_args(kwargs: Mapping[str, Any]) -> dict[str, Path | None]:
    return {t: kwargs.get(t) for t in TABLES}


@click.command(short_help=SHORT_HELP["run"])
@click.argument("rule", metavar="RULE")
@_input_options
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Where to write the results: .xlsx (results, errors, explanations, summary), "
    ".parquet or .csv (money in integer fen; errors beside it in <stem>.errors.<ext>).",
)
@click.option(
    "--explain-limit",
    default=1000,
    show_default=True,
    type=click.IntRange(min=0),
    help="In .xlsx output, add an explanations sheet when there are at most this many rows.",
)
def run(
    rule: str,
    workbook: Path | None,
    pack: str,
    on: dt.datetime,
    as_of: dt.datetime | None,
    locale: str,
    columns: tuple[str, ...],
    threads: int | None,
    out: Path,
    explain_limit: int,
    **tables: Path | None,
) -> None:
    """Run the ledger rule RULE over input files and write the results.

    The run summary goes to stderr. Exit status 0 when the run completed, even if some rows
    are in the errors table; 1 when the command or an input cannot be used.
    """
    from .explain.locales import normalise_locale

    loc = normalise_locale(locale)
    if out.suffix.lower() not in _OUT_SUFFIXES:
        text = cli_text(
            "ledger.cli.out_suffix", loc, name=repr(out.name), suffixes=", ".join(_OUT_SUFFIXES)
        )
        raise click.BadParameter(text, param_hint="--out")
    with _progress(_phases(rule, writing=True)) as step:
        result = _compute(
            rule,
            _table_args(tables),
            workbook=workbook,
            pack=pack,
            on=on.date(),
            as_of=_date(as_of),
            locale=loc,
            columns=columns,
            threads=threads,
            step=step,
        )
        step(cli_text("ledger.cli.step_writing", loc, file=out.name))
        try:
            written = _write(result, out, locale=loc, explain_limit=explain_limit)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            text = cli_text("ledger.cli.cannot_write", loc, path=str(out), reason=reason)
            raise click.ClickException(text) from exc
    click.echo(result.summary.text(loc), err=True)
    click.echo(cli_text("ledger.cli.wrote", loc, path=str(written[0])), err=True)
    if len(written) > 1:
        click.echo(cli_text("ledger.cli.wrote_errors", loc, path=str(written[1])), err=True)


@click.command(short_help=SHORT_HELP["explain"])
@click.argument("rule", metavar="RULE")
@click.argument("row_id", metavar="ID")
@_input_options
def explain(
    rule: str,
    row_id: str,
    workbook: Path | None,
    pack: str,
    on: dt.datetime,
    as_of: dt.datetime | None,
    locale: str,
    columns: tuple[str, ...],
    threads: int | None,
    **tables: Path | None,
) -> None:
    """Print why the result row ID of RULE is what it is (the single-household explanation)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .explain.locales import normalise_locale
    from .ledger import arrays

    loc = normalise_locale(locale)
    with _progress(_phases(rule, writing=False)) as step:
        result = _compute(
            rule,
            _table_args(tables),
            workbook=workbook,
            pack=pack,
            on=on.date(),
            as_of=_date(as_of),
            locale=loc,
            columns=columns,
            threads=threads,
            step=step,
        )
    ids = result.arrow.column(result.rule.key)
    if not pc.any(pc.equal(ids, arrays.scalar(row_id, ids.type))).as_py():
        errors = result.errors_arrow(loc)
        mine = errors.filter(pc.equal(errors.column("id"), arrays.scalar(row_id, pa.string())))
        if mine.num_rows:
            why = "; ".join(
                cli_text("ledger.cli.error_row", loc, table=t, row=r, message=m)
                for t, r, m in zip(
                    mine.column("table").to_pylist(),
                    mine.column("row").to_pylist(),
                    mine.column("message").to_pylist(),
                    strict=True,
                )
            )
            raise click.ClickException(
                cli_text("ledger.cli.no_result_row", loc, id=row_id, why=why)
            )
        text = cli_text("ledger.cli.not_an_id", loc, id=row_id, table=result.rule.output)
        raise click.ClickException(text)
    click.echo(result.explain(row_id, locale=loc))
