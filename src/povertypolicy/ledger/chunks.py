"""Large ledger files on one machine: read in chunks of whole households; 分块计算.

The households file is read ``chunk_households`` rows at a time; each other table (persons,
…) is cut where its rows move on to the next chunk's households, so every chunk holds whole
households. Each chunk goes through `run_arrow()`, result rows
and error rows are appended to Parquet files, and the summaries are added up exactly.
This needs the usual ledger layout: persons grouped by household, in the households
file's order. The run checks that, and that no id occurs in two chunks; if either fails it
stops with an `InputError` (``unordered="raise"``) or runs the whole files in memory
instead (``unordered="whole"``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import InputError
from ..policy import Policy
from . import arrays
from .batches import Cursor as _Cursor
from .batches import Source as _Source
from .engine import LedgerRule, RunSummary, _policy, get_rule, run, run_arrow
from .parse import parse_column
from .schema import Column, TableSchema
from .summaries import ERRORS_SCHEMA, sum_summaries
from .workers import threads_option

__all__ = ["ChunkedResult", "run_chunked"]

_OBJ = "ledger.run_chunked"
_WHOLE = "unordered='whole'"  # the option that runs files not in chunk order whole
_BATCH_ROWS = 65_536  # rows read at a time: smaller batches keep less of a file in memory


@attrs.frozen(kw_only=True)
class ChunkedResult:
    """What `run_chunked()` wrote: the result and errors files and the summed summary.

    Args:
        summary: The run's summary, summed over the chunks.
        table: The result rows file (Parquet).
        errors: The error rows file (Parquet); ``row`` is the row in the whole input file.
        chunks: Number of chunks run.
        whole: True: the files were not in household order and ran whole, in memory.
    """

    summary: RunSummary
    table: Path  # result rows (Parquet)
    errors: Path  # error rows (Parquet); ``row`` is the row in the whole input file
    chunks: int
    whole: bool = False  # True: the files were not in household order and ran whole


class _UnorderedError(Exception):
    """The files are not in the layout chunks need; ``why`` says where (in English), ``code``
    and ``extra`` are the `InputError` the run raises."""

    def __init__(
        self, table: str, why: str, value: Any, *, code: str, extra: dict[str, Any]
    ) -> None:
        super().__init__(why)
        self.table = table
        self.why = why
        self.value = value
        self.code = code
        self.extra = extra


def _hash(values: pa.Array) -> np.ndarray:
    import polars as pl

    return pl.Series(values).hash(seed=0).to_numpy()


class _Index:
    """Every household id in the file → its 0-based row (the first, if an id repeats)."""

    def __init__(self, source: _Source, header: str, column: Column) -> None:
        parts = [parse_column(t.column(header), column) for t in source.batches([header])]
        values = [
            pc.if_else(arrays.array(p.recorded), p.values, arrays.scalar(None, p.values.type))
            for p in parts
        ]
        self.ids = pa.concat_arrays(values) if values else arrays.array([], pa.string())
        h = _hash(self.ids)
        self.order = np.argsort(h, kind="stable")
        self.sorted = h[self.order]

    def lookup(self, values: pa.Array) -> np.ndarray:
        """Row of each value in the households file, -1 where no household has that id."""
        pos = np.full(len(values), -1, np.int64)
        if not len(self.sorted) or not len(values):
            return pos
        at = np.minimum(np.searchsorted(self.sorted, _hash(values)), len(self.sorted) - 1)
        cand = self.order[at]
        good = arrays.filled(pc.equal(self.ids.take(arrays.array(cand)), values), False)
        pos[good] = cand[good]
        rest = np.flatnonzero(~good)
        if len(rest):  # a hash shared by two ids, or an id no household has: look up exactly
            exact = pc.index_in(values.take(arrays.array(rest)), value_set=self.ids)
            pos[rest] = arrays.values(exact, -1)
        return pos


# -- cutting children at household boundaries -------------------------------------------------


@attrs.define
class _Chunking:
    """The household ids of this chunk and the next, and (built when needed) the id index."""

    parent: _Source
    header: str
    column: Column
    size: int
    k: int = 0
    last: bool = False
    here: pa.Array = attrs.field(factory=lambda: arrays.array([], pa.string()))
    ahead: pa.Array = attrs.field(factory=lambda: arrays.array([], pa.string()))
    index: _Index | None = None

    def ids(self, table: pa.Table) -> pa.Array:
        p = parse_column(table.column(self.header), self.column)
        return p.values.filter(arrays.array(p.recorded))

    def lookup(self, values: pa.Array) -> np.ndarray:
        if self.index is None:
            self.index = _Index(self.parent, self.header, self.column)
        return self.index.lookup(values)


def _plain(raw: pa.ChunkedArray) -> pa.Array | None:
    """Ids as plain text with no empty cell, or None (then rows are checked one by one)."""
    arr = arrays.flat(raw)
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    if pa.types.is_integer(arr.type):
        arr = arr.cast(pa.string())
    if arr.null_count or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return None
    return arr


def _runs_cut(cursor: _Cursor, header: str, here: pa.Array) -> int | None:
    """Fast path: the rows' household ids, run by run, are this chunk's ids in order.

    Returns where the next chunk starts, or None to check the rows one by one.
    """
    m, runs, scanned = len(here), 0, 0
    last: Any = None
    while True:
        buf = cursor.buffer()
        n = buf.num_rows
        if n > scanned:
            arr = _plain(buf.column(header).slice(scanned))
            if arr is None:
                return None
            change = arrays.filled(pc.not_equal(arr.slice(1), arr.slice(0, len(arr) - 1)), False)
            starts = np.flatnonzero(change) + 1
            if last is None or arr[0].as_py() != last:
                starts = np.concatenate([[0], starts])
            count = min(len(starts), m - runs)
            ids = arr.take(arrays.array(starts[:count], pa.int64()))
            if not pc.all(pc.equal(ids, here.slice(runs, count).cast(arr.type))).as_py():
                return None
            if count < len(starts):
                return scanned + int(starts[count])
            runs, scanned, last = runs + count, n, arr[len(arr) - 1].as_py()
        if not cursor.pull():
            return int(n)


def _cut(cursor: _Cursor, name: str, header: str, column: Column, ch: _Chunking) -> pa.Table:
    """This chunk's rows of a child table: up to the first row of a later chunk's household."""
    fast = _runs_cut(cursor, header, ch.here)
    # The last chunk takes every row left: any past its households' runs are checked below.
    if fast is not None and not (ch.last and (fast < cursor.rows or not cursor.done)):
        return cursor.take(fast)
    scanned = 0
    while True:
        buf = cursor.buffer()
        if buf.num_rows > scanned:
            first = _first_beyond(buf.slice(scanned), cursor.start + scanned, name, header, ch)
            if first is not None:
                return cursor.take(scanned + first)
            scanned = buf.num_rows
        if not cursor.pull():
            return cursor.take(cursor.rows)


def _first_beyond(rows: pa.Table, start: int, name: str, header: str, ch: _Chunking) -> int | None:
    """Position of the first row whose household is in a later chunk; raises if one is in
    an earlier chunk. Rows with no household id, or an id no household has, stay in this
    chunk: they are errors either way, as in a whole run."""
    p = parse_column(rows.column(header), ch.column)
    values, recorded = p.values, np.asarray(p.recorded)
    here = arrays.filled(pc.is_in(values, value_set=ch.here), False)
    rest = recorded & ~here
    if not rest.any():
        return None
    beyond = rest & arrays.filled(pc.is_in(values, value_set=ch.ahead), False)
    other = np.flatnonzero(rest & ~beyond)
    early = early_pos = np.zeros(0, np.int64)
    if len(other):
        pos = ch.lookup(values.take(arrays.array(other)))
        chunk = np.where(pos >= 0, pos // ch.size, -1)
        beyond[other[chunk > ch.k]] = True
        early_mask = (pos >= 0) & (chunk < ch.k)
        early, early_pos = other[early_mask], pos[early_mask]
    first = int(np.argmax(beyond)) if beyond.any() else None
    if len(early) and (first is None or int(early[0]) < first):
        i, at = int(early[0]), int(early_pos[0]) + 1
        raise _UnorderedError(
            name,
            f"row {start + i + 1} of {name} is for household {values[i].as_py()!r} at row "
            f"{at} of the households file, which an earlier chunk has already computed",
            values[i].as_py(),
            code="ledger.error.chunk_order",
            extra={
                "row": start + i + 1,
                "parent": ch.parent.name,
                "parent_row": at,
                "option": _WHOLE,
            },
        )
    return first


# -- no id in two chunks ----------------------------------------------------------------------


@attrs.define
class _Keys:
    """Per chunk, the sorted distinct hashes of one table's ids (8 bytes a row), kept in
    16 ranges so the final check sorts one range at a time."""

    ranges: list[list[np.ndarray]] = attrs.field(factory=lambda: [[] for _ in range(16)])
    rows: list[int] = attrs.field(factory=list)  # the table's rows in each chunk

    def add(self, ids: pa.Array, recorded: np.ndarray, rows: int) -> None:
        s = np.sort(_hash(ids.filter(arrays.array(recorded))))
        keep = np.ones(len(s), bool)
        keep[1:] = s[1:] != s[:-1]
        s = s[keep]
        edges = np.searchsorted(s, np.arange(1, 16, dtype=np.uint64) << np.uint64(60))
        for r, part in zip(self.ranges, np.split(s, edges), strict=True):
            r.append(part)
        self.rows.append(rows)

    def check(self, name: str, source: _Source, header: str, column: Column) -> None:
        """Raise `_UnorderedError` if an id occurs in two chunks."""
        if len(self.rows) < 2:
            return
        found = []
        for parts in self.ranges:
            merged = np.sort(np.concatenate(parts))
            found.append(merged[1:][merged[1:] == merged[:-1]])
        suspect = np.unique(np.concatenate(found))
        if not len(suspect):
            return
        # Confirm on the ids themselves: a shared hash is only a candidate.
        bounds = np.cumsum(self.rows)
        seen: dict[str, int] = {}
        start = 0
        for t in source.batches([header]):
            p = parse_column(t.column(header), column)
            hit = np.flatnonzero(np.isin(_hash(p.values), suspect) & np.asarray(p.recorded))
            found = p.values.take(arrays.array(hit)).to_pylist()
            for i, value in zip(hit.tolist(), found, strict=True):
                c = int(np.searchsorted(bounds, start + i, side="right"))
                if seen.setdefault(value, c) != c:
                    raise _UnorderedError(
                        name,
                        f"the id {value!r} occurs in two chunks",
                        value,
                        code="ledger.error.chunk_twice",
                        extra={"option": _WHOLE},
                    )
            start += t.num_rows


# -- writing ----------------------------------------------------------------------------------


class _Writer:
    """A Parquet file written a table at a time; the schema comes from the first table."""

    def __init__(self, path: Path, schema: pa.Schema | None = None) -> None:
        self.path = path
        self.schema = schema
        self.first: pa.Table | None = None
        self._writer: pq.ParquetWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self.first is None:
            self.first = table.slice(0, 0)
        if table.num_rows == 0:
            return
        schema = self.schema = self.schema or table.schema
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, schema)
        if table.schema != schema:
            table = table.select(schema.names).cast(schema)
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            return
        empty = arrays.empty_table(self.schema) if self.schema is not None else self.first
        pq.write_table(empty if empty is not None else pa.table({}), self.path)


def _offset_errors(errors: pa.Table, offsets: Mapping[str, int]) -> dict[str, pa.Table]:
    """The errors of one chunk by table, ``row`` counted from the start of each file."""
    out: dict[str, pa.Table] = {}
    for name in pc.unique(errors.column("table")).to_pylist():
        sub = errors.filter(pc.equal(errors.column("table"), arrays.scalar(name, pa.string())))
        rows = pc.add(sub.column("row"), arrays.scalar(offsets.get(name, 0), pa.int64()))
        out[name] = sub.set_column(sub.schema.get_field_index("row"), "row", rows).cast(
            ERRORS_SCHEMA
        )
    return out


# -- the runner -------------------------------------------------------------------------------


def _link_field(child: TableSchema, parent: TableSchema) -> str:
    if child.link is not None:
        return child.link
    if child.key is not None and child.key == parent.key:
        return child.key
    raise InputError(
        obj=_OBJ,
        field=child.name,
        value=None,
        expected=f"a table linked to {parent.name}",
        code="ledger.error.not_linked",
        extra={"parent": parent.name},
    )


def run_chunked(
    rule: str,
    policy: Policy | str,
    *,
    out: str | os.PathLike[str],
    errors_out: str | os.PathLike[str] | None = None,
    on: dt.date | None = None,
    chunk_households: int = 100_000,
    columns: Mapping[str, str] | None = None,
    locale: str = "zh_Hans",
    today: dt.date | None = None,
    as_of: dt.date | None = None,
    unordered: Literal["raise", "whole"] = "raise",
    read_rows: int = _BATCH_ROWS,
    threads: int | None = None,
    **tables: str | os.PathLike[str],
) -> ChunkedResult:
    """Run a rule over ledger files too large to load whole, ``chunk_households`` at a time.

    ``tables`` are paths to Parquet or CSV files (``persons=``, ``households=``, …). Result
    rows go to ``out`` and error rows to ``errors_out`` (default: ``out`` with the suffix
    ``.errors.parquet``), both Parquet; an error's ``row`` is its row in the whole input
    file. Both files equal a whole `run()`'s tables.
    ``read_rows`` is how many rows are read from a file at a time (less: less memory).
    ``threads``: threads per chunk, as in `run()`.
    """
    from ..explain.locales import normalise_locale

    threads = threads_option(threads, obj=_OBJ)
    if type(chunk_households) is not int or chunk_households < 1:
        raise InputError(
            obj=_OBJ,
            field="chunk_households",
            value=chunk_households,
            expected="an int ≥ 1",
            code="core.error.positive_count",
        )
    if unordered not in ("raise", "whole"):
        raise InputError(
            obj=_OBJ,
            field="unordered",
            value=unordered,
            expected="raise or whole",
            code="core.error.enum",
            extra={"choices": "raise, whole"},
        )
    lr = get_rule(rule)
    lr.as_of = as_of
    pol = _policy(policy, on)
    loc = normalise_locale(locale)
    clock = today  # only when asked (never the machine's clock), the same for every chunk
    names = [t.name for t in lr.tables]
    if sorted(tables) != sorted(names):
        raise InputError(
            obj=f"ledger {rule}",
            field="tables",
            value=sorted(tables),
            expected=f"paths {names}",
            code="ledger.error.tables",
            extra={"tables": names},
        )
    out_path = Path(out)
    err_path = (
        Path(errors_out) if errors_out is not None else out_path.with_suffix(".errors.parquet")
    )
    paths = {n: Path(tables[n]) for n in names}
    parent = lr.tables[0]
    sources = {n: _Source(p, n, chunk_households) for n, p in paths.items()}
    n_parent = sources[parent.name].num_rows()
    for name, src in sources.items():
        n = src.num_rows()
        if name != parent.name and n is not None and n_parent:
            # About one chunk's rows of this table per batch.
            src.batch_rows = max(1024, -(-n * chunk_households // n_parent))
        src.batch_rows = max(1, min(src.batch_rows, read_rows))
    # Every header is checked before any row is read, as in a whole run.
    headers = {
        s.name: s.resolve(sources[s.name].schema().names, lr.name, columns) for s in lr.tables
    }
    temps = [p.with_name(p.name + ".part") for p in (out_path, err_path)]
    temps += [err_path.with_name(f"{err_path.name}.{n}.part") for n in names]

    def compute(arrows: dict[str, pa.Table]) -> Any:
        return run_arrow(lr, pol, arrows, columns=columns, locale=loc, today=clock, threads=threads)

    try:
        summary, chunks = _stream(lr, pol, sources, headers, chunk_households, temps, compute)
    except _UnorderedError as exc:
        _remove(temps)
        if unordered == "raise":
            raise InputError(
                obj=_OBJ,
                field=exc.table,
                value=exc.value,
                expected=f"{exc.why}; chunks need every table grouped by household in the "
                "households file's order, and no id twice (sort the files, or pass "
                "unordered='whole' to run them whole in memory)",
                code=exc.code,
                extra=exc.extra,
            ) from None
        files: dict[str, Any] = {n: str(p) for n, p in paths.items()}
        res = run(rule, pol, columns=columns, locale=loc, today=clock, as_of=as_of, **files)
        pq.write_table(res.arrow, out_path)
        pq.write_table(res.errors_arrow().cast(ERRORS_SCHEMA), err_path)
        return ChunkedResult(
            summary=res.summary, table=out_path, errors=err_path, chunks=1, whole=True
        )
    except BaseException:
        _remove(temps)
        raise
    os.replace(temps[0], out_path)
    os.replace(temps[1], err_path)
    return ChunkedResult(summary=summary, table=out_path, errors=err_path, chunks=chunks)


def _remove(paths: Sequence[Path]) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


def _stream(
    lr: LedgerRule,
    pol: Policy,
    sources: Mapping[str, _Source],
    headers: Mapping[str, Mapping[str, str]],
    size: int,
    temps: Sequence[Path],
    compute: Callable[[dict[str, pa.Table]], Any],
) -> tuple[RunSummary, int]:
    """Read, cut, run and write chunk after chunk; reading ahead and writing in threads."""
    parent, children = lr.tables[0], lr.tables[1:]
    assert parent.key is not None
    links = {c.name: _link_field(c, parent) for c in children}
    ch = _Chunking(
        parent=sources[parent.name],
        header=headers[parent.name][parent.key],
        column=parent.column(parent.key),
        size=size,
    )
    keyed = [s for s in lr.tables if s.key is not None]
    keys = {s.name: _Keys() for s in keyed}
    result = _Writer(temps[0])
    errors = {s.name: _Writer(temps[2 + i], ERRORS_SCHEMA) for i, s in enumerate(lr.tables)}
    offsets = dict.fromkeys(sources, 0)
    summaries: list[RunSummary] = []
    reader = ThreadPoolExecutor(1, thread_name_prefix="ledger-read")
    writer = ThreadPoolExecutor(1, thread_name_prefix="ledger-write")
    pending: list[Future[None]] = []
    try:
        parents = _Cursor(sources[parent.name], reader)
        kids = {c.name: _Cursor(sources[c.name], reader) for c in children}
        current = parents.take(size)
        ch.here = ch.ids(current)
        while True:
            ahead = parents.take(size)
            ch.ahead = ch.ids(ahead)
            ch.last = ahead.num_rows == 0
            arrows = {parent.name: current}
            for c in children:
                link = links[c.name]
                arrows[c.name] = _cut(
                    kids[c.name], c.name, headers[c.name][link], c.column(link), ch
                )
            res = compute(arrows)
            for f in pending:  # at most one chunk is written while the next one runs
                f.result()
            pending = [writer.submit(_write_chunk, res, offsets.copy(), result, errors, keys)]
            for name, table in arrows.items():
                offsets[name] += table.num_rows
            summaries.append(res.summary)
            del res, arrows
            if ahead.num_rows == 0:
                break
            current, ch.here = ahead, ch.ahead
            ch.k += 1
        for f in pending:
            f.result()
        assert all(k.done and not k.rows for k in kids.values()), "rows left after the last chunk"
    finally:
        reader.shutdown(wait=True, cancel_futures=True)
        writer.shutdown(wait=True, cancel_futures=True)
        result.close()
        for w in errors.values():
            w.close()
    for s in keyed:
        assert s.key is not None
        keys[s.name].check(s.name, sources[s.name], headers[s.name][s.key], s.column(s.key))
    # One errors file sorted by table, then row: the same order as a whole run's errors.
    final = _Writer(temps[1], ERRORS_SCHEMA)
    for i, _ in sorted(enumerate(lr.tables), key=lambda e: e[1].name):
        for batch in pq.ParquetFile(temps[2 + i]).iter_batches():
            final.write(pa.Table.from_batches([batch]))
        temps[2 + i].unlink()
    final.close()
    return sum_summaries(lr, pol, summaries), len(summaries)


def _write_chunk(
    res: Any,
    offsets: Mapping[str, int],
    result: _Writer,
    errors: Mapping[str, _Writer],
    keys: Mapping[str, _Keys],
) -> None:
    result.write(res.arrow)
    for name, part in _offset_errors(res.errors_arrow(), offsets).items():
        errors[name].write(part)
    for name, tracker in keys.items():
        frame = res.frames[name]
        key = frame.schema.key
        assert key is not None
        tracker.add(frame.ids(), frame.cols[key].recorded, len(frame))
