"""The ledger engine: a rule over whole tables, exact, with an errors table and per-row why.

A ledger rule declares its input tables (`TableSchema`), how they link, and two
things: ``compute`` (the rule over columns; a numpy kernel, or the single-household rule per
row) and ``result`` (the single-household rule's `Result` for one output row). The
engine reads and checks the tables, keeps every bad row in the errors table, and hands the
rule only clean rows.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import InputError, PovertyPolicyError
from ..policy import Policy
from . import arrays
from .errors import ErrorLog
from .frame import Frame
from .frames import FrameKind, from_arrow, to_arrow
from .parts import compute_in_parts
from .reading import read_frames
from .schema import TableSchema
from .workers import Workers, threads_option

if TYPE_CHECKING:
    from ..explain import Result

__all__ = ["LedgerResult", "LedgerRule", "RunSummary", "TableCount", "ledger_rules", "run"]


class LedgerRule:
    """Base of every ledger rule. Subclasses set the class attributes and two methods."""

    name: ClassVar[str]  # e.g. "housing.subsidy"
    rule_ids: ClassVar[tuple[str, ...]]
    title: ClassVar[str]  # catalog key of a short title
    tables: ClassVar[tuple[TableSchema, ...]]  # the first is the parent of the others' links
    output: ClassVar[str]  # the table whose rows are the output rows
    key: ClassVar[str]  # the output rows' id column
    reasons: ClassVar[tuple[str, ...]]  # every reason code a row can get
    per: ClassVar[str] = ""  # what one result row is, when not one row of `output`
    as_of: dt.date | None = None  # the date of the event asked about (payments, audits)
    locale: str = "zh_Hans"  # the run's locale, for rules whose rows carry messages
    # (child, parent) tables when each output row depends on one parent row and its child
    # rows alone, and compute logs nothing: compute may then run on ranges of them (parts)
    parts: ClassVar[tuple[str, str] | None] = None

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        """Link the tables and hold back rows that depend on a bad row (default: none)."""

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        """The output rows (positions in the output table) and their result columns."""
        raise NotImplementedError

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        """The single-household (single-row) rule's result for output-table row ``row``."""
        raise NotImplementedError


_REGISTRY: dict[str, Callable[[], LedgerRule]] = {}


def register(cls: type[LedgerRule]) -> type[LedgerRule]:
    """Class decorator adding a ledger rule to the registry under its ``name``."""
    _REGISTRY[cls.name] = cls
    return cls


def _load_all() -> None:
    from . import (  # noqa: F401 - registers the rules
        data_quality,
        follow_up,
        housing,
        housing_posting,
        indicators,
        land,
        monitoring,
        registration,
    )


def ledger_rules() -> dict[str, LedgerRule]:
    """Every ledger rule by name."""
    _load_all()
    return {name: make() for name, make in sorted(_REGISTRY.items())}


# The modules that register the rules of an area (the part of a rule name before the dot),
# so one run imports only its own; any other name loads every module.
_AREA_MODULES = {
    "data_quality": ("data_quality",),
    "follow_up": ("follow_up", "indicators"),
    "housing": ("housing", "housing_posting"),
    "indicators": ("indicators",),
    "land": ("land", "land_payments", "land_places"),
    "monitoring": ("monitoring",),
    "registration": ("registration",),
}


def get_rule(name: str) -> LedgerRule:
    """The ledger rule called ``name`` (e.g. ``housing.subsidy``)."""
    if name not in _REGISTRY:
        import importlib

        for module in _AREA_MODULES.get(name.split(".", 1)[0], ()):
            importlib.import_module(f"{__package__}.{module}")
    if name in _REGISTRY:
        return _REGISTRY[name]()
    rules = ledger_rules()
    if name not in rules:
        raise InputError(
            obj="ledger",
            field="rule",
            value=name,
            expected=f"one of {list(rules)}",
            code="ledger.error.unknown_rule",
            extra={"rules": list(rules)},
        )
    return rules[name]


@attrs.frozen(kw_only=True)
class TableCount:
    """Rows of one input table: read, used, held back and in errors; 行数核对.

    Args:
        table: The input table's name, e.g. ``persons``.
        rows: Rows read.
        used: Rows used in a result.
        held: Rows held back because a related row was bad (listed in the errors table).
        errors: Rows in the errors table.
    """

    table: str
    rows: int
    used: int
    held: int
    errors: int

    @property
    def balanced(self) -> bool:
        """Rows in = rows used + rows held + rows in errors."""
        return self.rows == self.used + self.held + self.errors


@attrs.frozen(kw_only=True)
class RunSummary:
    """What a ledger run read and produced; 运行汇总. ``balanced`` is always checked.

    Args:
        rule: The ledger rule's name, e.g. ``housing.subsidy``.
        pack: The pack id the policy was loaded from.
        on: The policy date.
        tables: Row counts of each input table.
        output_rows: Rows in the result table.
        error_rows: Rows in the errors table.
        reasons: Result rows per reason code.
        totals: Sums of the result's money columns, in fen, by column.
    """

    rule: str
    pack: str
    on: dt.date
    tables: tuple[TableCount, ...]
    output_rows: int
    error_rows: int
    reasons: Mapping[str, int]
    totals: Mapping[str, int]

    @property
    def balanced(self) -> bool:
        """Every input row is used, held back (and listed), or in the errors table."""
        return all(t.balanced for t in self.tables)

    def text(self, locale: str = "zh_Hans") -> str:
        """The summary as lines of text in ``locale``."""
        from ..explain.catalog import messages
        from ..explain.locales import normalise_locale
        from ..explain.render import render_message
        from ..money import Money

        labels = messages(normalise_locale(locale), "ledger")
        lines = [
            render_message(
                "ledger.summary.head",
                {"rule": self.rule, "pack": self.pack, "on": self.on},
                locale,
            )
        ]
        for t in self.tables:
            lines.append(
                render_message(
                    "ledger.summary.table",
                    {
                        "table": render_message(f"ledger.table.{t.table}", {}, locale),
                        "rows": t.rows,
                        "used": t.used,
                        "held": t.held,
                        "errors": t.errors,
                    },
                    locale,
                )
            )
        lines.append(
            render_message(
                "ledger.summary.output",
                {"rows": self.output_rows, "errors": self.error_rows},
                locale,
            )
        )
        for code, count in self.reasons.items():
            lines.append(
                render_message(
                    "ledger.summary.reason",
                    {"reason": render_message(f"ledger.reason.{code}", {}, locale), "count": count},
                    locale,
                )
            )
        for column, fen in self.totals.items():
            lines.append(
                render_message(
                    "ledger.summary.total",
                    {
                        "column": labels.get(f"ledger.column.{column}", column),
                        "amount": Money.from_fen(fen),
                    },
                    locale,
                )
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text("en")


@attrs.define(eq=False)
class LedgerResult:
    """A rule's answer for a whole ledger: result rows, error rows, summary, and why per row.

    Returned by ``ledger.run``; the constructor is internal.

    Args:
        rule: The ledger rule that ran.
        policy: The policy it ran with.
        arrow: The result rows as an Arrow table (``table`` gives them in the input's kind).
        frames: The typed input tables, by name, as read.
        log: The error rows collected while reading and running.
        summary: Rows read, used, held back and in errors; reason counts and totals.
        kind: The kind of table the ledger came in (pandas, polars, Arrow); results come back in it.
        locale: The locale of error messages and explanations (zh_Hans, zh_Hant or en).
        rows: Internal: the position of each result row's case in the input tables.
    """

    rule: LedgerRule
    policy: Policy
    arrow: pa.Table
    frames: Mapping[str, Frame]
    log: ErrorLog
    summary: RunSummary
    kind: FrameKind
    locale: str
    _rows: np.ndarray
    _index: tuple[np.ndarray, np.ndarray] | None = None
    _lookups: int = 0
    _sorted: bool | None = None

    @property
    def table(self) -> Any:
        """The result rows as the kind of table the ledger came in (pandas in, pandas out)."""
        return from_arrow(self.arrow, self.kind)

    @property
    def errors(self) -> Any:
        """The errors table (table, row, id, column, value, code, message) in the input's kind."""
        return from_arrow(self.errors_arrow(), self.kind)

    def errors_arrow(self, locale: str | None = None) -> pa.Table:
        """The errors table as Arrow, messages in ``locale`` (default: the run's)."""
        return self.log.to_arrow(locale or self.locale)

    def __len__(self) -> int:
        return int(self.arrow.num_rows)

    def _find(self, key: str) -> int:
        """Position of the result row with id ``key``: a scan for the first few look-ups,
        then a hash index (built once) for a user who explains many rows."""
        ids = self.arrow.column(self.rule.key)
        self._lookups += 1
        if self._sorted is None:
            n = len(ids)
            self._sorted = n < 2 or bool(pc.all(pc.less(ids.slice(0, n - 1), ids.slice(1))).as_py())
        if self._sorted:
            at = bisect.bisect_left(_Keys(ids), key)
            if at < len(ids) and ids[at].as_py() == key:
                return at
            raise _no_row(self.rule.key, key)
        if self._index is None and self._lookups <= 3:
            found = int(pc.index(ids, arrays.scalar(key, ids.type)).as_py())
            if found < 0:
                raise _no_row(self.rule.key, key)
            return found
        if self._index is None:
            from .frame import _hashes

            h = _hashes(arrays.flat(ids))
            order = np.argsort(h, kind="stable")
            self._index = (h[order], order)
        sorted_h, order = self._index
        import polars as pl

        target = pl.Series([key]).hash(seed=0).to_numpy()[0]
        lo = int(np.searchsorted(sorted_h, target, side="left"))
        hi = int(np.searchsorted(sorted_h, target, side="right"))
        for j in range(lo, hi):
            if ids[int(order[j])].as_py() == key:
                return int(order[j])
        raise _no_row(self.rule.key, key)

    def result(self, id: str | None = None, *, row: int | None = None) -> Result[Any]:
        """The single-household rule's `Result` for a result row, by id or position."""
        if (id is None) == (row is None):
            raise InputError(
                obj="LedgerResult.explain",
                field="id",
                value=id,
                expected="an id or row=",
                code="ledger.error.id_or_row",
            )
        if row is None:
            assert id is not None
            row = self._find(id)
        if not 0 <= row < len(self):
            raise InputError(
                obj="LedgerResult.explain",
                field="row",
                value=row,
                expected=f"0..{len(self) - 1}",
                code="ledger.error.row_range",
                extra={"last": len(self) - 1},
            )
        return self.rule.result(self.frames, int(self._rows[row]), self.policy)

    def explain(
        self, id: str | None = None, *, row: int | None = None, locale: str | None = None
    ) -> str:
        """The same explanation the single-household rule gives for this row."""
        return self.result(id, row=row).explain(locale or self.locale)

    def explanations(
        self, limit: int = 1000, locale: str | None = None
    ) -> Iterator[tuple[str, str]]:
        """(id, explanation) for the first ``limit`` result rows."""
        ids = self.arrow.column(self.rule.key)
        for i in range(min(limit, len(self))):
            yield ids[i].as_py(), self.explain(row=i, locale=locale)

    def to_parquet(self, path: str) -> None:
        """Write the result rows as Parquet (money stays integer fen)."""
        import pyarrow.parquet as pq

        pq.write_table(self.arrow, path)

    def to_xlsx(self, path: str, *, locale: str | None = None, explain_limit: int = 1000) -> None:
        """Write results, errors and (for up to ``explain_limit`` rows) explanations to XLSX."""
        from .excel import write_xlsx

        write_xlsx(self, path, locale=locale or self.locale, explain_limit=explain_limit)


def _no_row(
    key: str, value: str, *, obj: str = "LedgerResult", expected: str = "the id of a result row"
) -> InputError:
    """``value`` is no result row's id (``key``, e.g. ``household_id``)."""
    return InputError(
        obj=obj,
        field="id",
        value=value,
        expected=expected,
        code="ledger.error.no_row",
        extra={"key": key},
    )


class _Keys:
    """An Arrow string column seen as a sequence of str, for `bisect.bisect_left()`."""

    def __init__(self, ids: Any) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> str:
        value: str = self.ids[i].as_py()
        return value


def _policy(policy: Policy | str, on: dt.date | None) -> Policy:
    if isinstance(policy, Policy):
        return policy if on is None else policy.at(on)
    if on is None:
        raise InputError(
            obj="ledger.run",
            field="on",
            value=None,
            expected="the date to read the policy on",
            code="ledger.error.policy_date",
            extra={"policy": policy},
        )
    return Policy.load(policy, on=on)


def run(
    rule: str,
    policy: Policy | str,
    *,
    on: dt.date | None = None,
    columns: Mapping[str, str] | None = None,
    locale: str = "zh_Hans",
    today: dt.date | None = None,
    as_of: dt.date | None = None,
    threads: int | None = None,
    **tables: Any,
) -> LedgerResult:
    """Run a rule over a ledger and return result rows, an errors table and a summary; 台账计算.

    ``tables`` are the rule's input tables by name (``persons=``, ``households=``, …), each a
    pandas or polars DataFrame, a pyarrow Table, or a CSV / XLSX / Parquet path. ``columns``
    maps other headers to field names. A bad row never stops the run: it goes to the errors
    table, and rows in = rows used + rows held back + rows in errors for every table.
    With ``today=``, dates that cannot lie in the future (birth, application) after it are row
    errors; without it they are not checked (as the domain objects do not check them), and
    the machine's clock is never read.
    ``threads``: how many threads read and compute the tables (None: every available core
    for tables of 100,000 rows or more, else one); the answer is the same for any number.
    """
    from ..explain.locales import normalise_locale

    threads = threads_option(threads)
    lr = get_rule(rule)
    lr.as_of = as_of
    pol = _policy(policy, on)
    loc = normalise_locale(locale)
    names = [t.name for t in lr.tables]
    unknown = sorted(set(tables) - set(names))
    if unknown:
        raise InputError(
            obj=f"ledger {rule}",
            field=unknown[0],
            value=unknown,
            expected=f"{names}",
            code="ledger.error.unknown_table",
            extra={"tables": names},
        )
    missing = [n for n in names if n not in tables]
    if missing:
        raise InputError(
            obj=f"ledger {rule}",
            field=missing[0],
            value=None,
            expected=f"the tables {names}",
            code="ledger.error.missing_table",
            extra={"tables": names},
        )
    arrows: dict[str, pa.Table] = {}
    kind: FrameKind | None = None
    for schema in lr.tables:
        name = schema.name
        arrows[name], k = to_arrow(tables[name], name=name, schema=schema, mapping=columns)
        kind = kind or k
    assert kind is not None
    return run_arrow(
        lr, pol, arrows, kind=kind, columns=columns, locale=loc, today=today, threads=threads
    )


def run_arrow(
    lr: LedgerRule,
    pol: Policy,
    arrows: Mapping[str, pa.Table],
    *,
    kind: FrameKind = FrameKind.ARROW,
    columns: Mapping[str, str] | None = None,
    locale: str = "zh_Hans",
    today: dt.date | None = None,
    threads: int | None = None,
) -> LedgerResult:
    """`run()` on Arrow tables already read (what Dask and Spark partitions call)."""
    log = ErrorLog()
    # Every schema is checked before any row is read: one error lists what is missing.
    for schema in lr.tables:
        schema.resolve(arrows[schema.name].column_names, lr.name, columns)
    clock = today  # only when asked: the domain objects do not check dates against a clock
    workers = Workers(threads_option(threads), max(t.num_rows for t in arrows.values()))
    frames = read_frames(
        lr.tables, arrows, rule=lr.name, log=log, workers=workers, mapping=columns, today=clock
    )
    lr.locale = locale
    lr.prepare(frames, log)
    for frame in frames.values():  # links found beforehand that the rule did not use
        frame.links.clear()
    try:
        done = compute_in_parts(lr, frames, pol, workers)
        rows, cols = lr.compute(frames, pol, log) if done is None else done
    except PovertyPolicyError:
        raise
    out = frames[lr.output]
    key_ids = out.ids()
    # A rule whose rows are not one per output-table row (e.g. one per payee of a case)
    # returns its own key column (composite ids such as "<case>/<payee>"); it replaces these.
    ids = key_ids if len(rows) == len(out) and not out.bad.any() else None
    if ids is None or lr.key in cols:
        ids = pc.take(key_ids, arrays.array(rows)) if lr.key not in cols else cols[lr.key]
    table = pa.table({lr.key: ids, **{k: v for k, v in cols.items() if k != lr.key}})
    summary = _summary(lr, pol, frames, log, table)
    return LedgerResult(
        rule=lr,
        policy=pol,
        arrow=table,
        frames=frames,
        log=log,
        summary=summary,
        kind=kind,
        locale=locale,
        rows=rows,
    )


def _summary(
    lr: LedgerRule, pol: Policy, frames: Mapping[str, Frame], log: ErrorLog, table: pa.Table
) -> RunSummary:
    counts = []
    for name, frame in frames.items():
        errs = frame.bad
        errors = int(np.count_nonzero(errs))
        # Held back and not also in errors; used: neither.
        held = int(np.count_nonzero(frame.held & ~errs)) if frame.held.any() else 0
        counts.append(
            TableCount(
                table=name,
                rows=len(frame),
                used=len(frame) - held - errors,
                held=held,
                errors=errors,
            )
        )
    reasons: dict[str, int] = {}
    if "reason" in table.column_names:
        found = _value_counts(arrays.flat(table.column("reason")))
        reasons = {r: int(found[r]) for r in lr.reasons if r in found}
    totals = {
        c: int(pc.sum(table.column(c)).as_py() or 0)
        for c in table.column_names
        if c.endswith("_fen")
    }
    error_rows = sum(len(log.rows(name)) for name in frames)
    return RunSummary(
        rule=lr.name,
        pack=pol.id,
        on=pol.on,
        tables=tuple(counts),
        output_rows=table.num_rows,
        error_rows=error_rows,
        reasons=reasons,
        totals=totals,
    )


def _value_counts(column: pa.Array) -> dict[Any, int]:
    """How many cells hold each value (nulls as None)."""
    if (
        pa.types.is_dictionary(column.type)
        and not column.null_count
        and len(column.dictionary) < 2**16
        and pc.count_distinct(column.dictionary).as_py() == len(column.dictionary)
    ):
        # A count per dictionary entry: no cell is decoded.
        per_entry = np.bincount(arrays.numpy(column.indices), minlength=len(column.dictionary))
        values = column.dictionary.to_pylist()
        return {v: int(c) for v, c in zip(values, per_entry.tolist(), strict=True) if c}
    vc = pc.value_counts(column)
    return dict(zip(vc.field("values").to_pylist(), vc.field("counts").to_pylist(), strict=True))


def reason_array(codes: np.ndarray, reasons: Sequence[str]) -> pa.Array:
    """A dictionary-encoded reason column from small integer codes."""
    return pa.DictionaryArray.from_arrays(
        arrays.array(codes.astype(np.int8)), arrays.array(list(reasons), pa.string())
    )
