"""Ledgers larger than one machine: the same ledger function per partition on Dask; 分区计算.

Each partition holds whole households (a village, a township, a ``part``): every Dask task
runs `run_arrow()` on one partition's tables, exactly as a whole
run would, and the summaries are added up exactly. Inputs are Parquet directories
partitioned the same way (``persons/village=V01/…``, ``households/village=V01/…``) or Dask
DataFrames with matching partitions. Needs the ``dask`` extra.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import InputError
from ..policy import Policy
from . import arrays
from .engine import LedgerResult, LedgerRule, RunSummary, _no_row, get_rule, run_arrow
from .summaries import ERRORS_SCHEMA, sum_summaries

__all__ = [
    "DASK_ERRORS_SCHEMA",
    "ERRORS_SCHEMA",
    "DaskLedgerResult",
    "parquet_partitions",
    "run_dask",
    "sum_summaries",
]

_OBJ = "ledger.run_dask"
_UNKNOWN_PARENT = arrays.scalar("ledger.error.unknown_parent", pa.string())

#: The errors table of a partitioned run: a whole run's columns, then where the row is.
#: ``row`` is the 1-based row in ``file`` (Parquet input) or in the whole Dask DataFrame
#: (DataFrame input); ``partition_row`` is the row in the partition's table.
DASK_ERRORS_SCHEMA = pa.schema(
    [
        *ERRORS_SCHEMA,
        ("partition", pa.string()),
        ("file", pa.string()),
        ("partition_row", pa.int64()),
    ]
)


def _error(field: str, value: Any, expected: str, *, code: str, **extra: Any) -> InputError:
    """The `InputError` of `run_dask` (``code``, filled from ``extra``)."""
    return InputError(obj=_OBJ, field=field, value=value, expected=expected, code=code, extra=extra)


def parquet_partitions(root: str | os.PathLike[str]) -> dict[str, list[str]]:
    """The partitions of a Parquet dataset: partition id → its files, relative to ``root``.

    A partition is a folder (``village=V01``, nested folders joined by ``/``); files right
    under ``root`` are a partition each, named by the file. Names that start with ``_`` or
    ``.`` (``_SUCCESS``, ``_metadata``) are not data. A single file is one partition, ``all``.
    """
    base = Path(root)
    if base.is_file():
        return {"all": [base.name]}  # one file: the whole table, one partition
    if not base.is_dir():
        raise _error("path", str(base), "a Parquet folder", code="ledger.error.no_path")
    out: dict[str, list[str]] = {}
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base)
        if not path.is_file() or any(p.startswith(("_", ".")) for p in rel.parts):
            continue
        parent = rel.parent.as_posix()
        out.setdefault(rel.name if parent == "." else parent, []).append(rel.as_posix())
    return out


@attrs.frozen
class _Files:
    """One partition of one table: files under a root (read in the worker)."""

    root: str
    files: tuple[str, ...]
    schema_of: str | None = None  # a file to take the schema from when ``files`` is empty


@attrs.define
class _Part:
    """What one partition's task keeps on its worker."""

    id: str
    table: pa.Table
    errors: pa.Table
    summary: RunSummary
    keys: dict[str, pa.Array]  # per keyed table: its ids (recorded ones)
    loose: list[str]  # household ids of child rows whose household is not in this partition


def _read(source: Any, name: str) -> tuple[pa.Table, list[tuple[str, int]]]:
    if isinstance(source, _Files):
        root = Path(source.root)
        if not source.files:
            assert source.schema_of is not None
            return arrays.empty_table(pq.read_schema(root / source.schema_of)), []
        parts = [pq.read_table(root / f, partitioning=None) for f in source.files]
        counts = [(f, t.num_rows) for f, t in zip(source.files, parts, strict=True)]
        return pa.concat_tables(parts, promote_options="permissive"), counts
    if isinstance(source, pa.Table):
        return source, []
    return pa.Table.from_pandas(source, preserve_index=False), []


def _dask() -> Any:
    import dask

    return dask


def _pandas_module() -> Any:
    import importlib

    return importlib.import_module("pandas")


def _hash(values: pa.Array) -> np.ndarray:
    """The distinct hashes of ``values``, sorted."""
    import polars as pl

    h = np.sort(pl.Series(values).hash(seed=0).to_numpy())
    keep = np.ones(len(h), bool)
    keep[1:] = h[1:] != h[:-1]
    out: np.ndarray = h[keep]
    return out


def _run_arrow(
    rule: str, policy: Policy, arrows: Mapping[str, pa.Table], options: Mapping[str, Any]
) -> LedgerResult:
    """One partition's run, on one thread: Dask runs the partitions in parallel."""
    lr = get_rule(rule)
    lr.as_of = options["as_of"]
    return run_arrow(
        lr,
        policy,
        arrows,
        columns=options["columns"],
        locale=options["locale"],
        today=options["today"],
        threads=1,
    )


def _run_part(
    part: str,
    rule: str,
    policy: Policy,
    sources: Mapping[str, Any],
    options: Mapping[str, Any],
) -> _Part:
    """The task: one partition's tables through `run_arrow()`."""
    arrows: dict[str, pa.Table] = {}
    files: dict[str, list[tuple[str, int]]] = {}
    for name, source in sources.items():
        arrows[name], files[name] = _read(source, name)
    res = _run_arrow(rule, policy, arrows, options)
    errors = _locate(res.errors_arrow(), part, files)
    keys = {}
    for name, frame in res.frames.items():
        if frame.schema.key is not None:
            keys[name] = frame.ids().filter(arrays.array(frame.cols[frame.schema.key].recorded))
    unknown = errors.filter(pc.equal(errors.column("code"), _UNKNOWN_PARENT))
    return _Part(
        id=part,
        table=res.arrow,
        errors=errors,
        summary=res.summary,
        keys=keys,
        loose=sorted(set(unknown.column("value").to_pylist()) - {None}),
    )


def _locate(errors: pa.Table, part: str, files: Mapping[str, list[tuple[str, int]]]) -> pa.Table:
    """Add partition, file and partition_row; ``row`` becomes the row in its file."""
    n = errors.num_rows
    at = arrays.numpy(errors.column("row"))  # 1-based in the partition's table
    row = at.copy()
    file: list[str | None] = [None] * n
    names = errors.column("table").to_pylist()
    for name, counts in files.items():
        if not counts:
            continue
        ends = np.cumsum([c for _, c in counts])
        mask = np.array([t == name for t in names], bool)
        k = np.searchsorted(ends, at[mask] - 1, side="right")
        starts = np.concatenate([[0], ends[:-1]])
        row[mask] = at[mask] - starts[k]
        for i, j in zip(np.flatnonzero(mask).tolist(), k.tolist(), strict=True):
            file[i] = counts[j][0]
    cols = {c: errors.column(c) for c in ERRORS_SCHEMA.names}
    cols["row"] = arrays.array(row, pa.int64())
    return pa.table(
        {
            **cols,
            "partition": arrays.repeat(part, n, pa.string()),
            "file": arrays.array(file, pa.string()),
            "partition_row": arrays.array(at, pa.int64()),
        }
    ).cast(DASK_ERRORS_SCHEMA)


# -- what the client asks of the parts (small answers) ----------------------------------------


def _facts(p: _Part) -> tuple[RunSummary, pa.Schema, list[str], dict[str, int]]:
    return p.summary, p.table.schema, p.loose, {k: len(_hash(v)) for k, v in p.keys.items()}


def _holds(p: _Part, table: str, ids: list[str]) -> list[str]:
    """Which of ``ids`` this partition's ``table`` has."""
    found = pc.is_in(arrays.array(ids, pa.string()), value_set=p.keys[table])
    return [i for i, f in zip(ids, found.to_pylist(), strict=True) if f]


def _hashes(p: _Part, table: str) -> Any:
    pd = _pandas_module()

    return pd.Series(_hash(p.keys[table]), dtype="uint64", name="h")


def _with_hash(p: _Part, table: str, hashes: list[int]) -> list[str]:
    """The ids of ``table`` whose hash is one of ``hashes``."""
    import polars as pl

    ids = p.keys[table]
    h = pl.Series(ids).hash(seed=0).to_numpy()
    return list(ids.filter(arrays.array(np.isin(h, np.array(hashes, np.uint64)))).to_pylist())


def _pandas(table: pa.Table, schema: pa.Schema) -> Any:
    pd = _pandas_module()

    if table.schema != schema:
        table = arrays.empty_table(schema) if table.num_rows == 0 else table
    plain = pa.schema(
        [
            pa.field(f.name, f.type.value_type) if pa.types.is_dictionary(f.type) else f
            for f in schema
        ]
    )
    return table.cast(plain).to_pandas(types_mapper=pd.ArrowDtype)


def _table_of(p: _Part, schema: pa.Schema) -> Any:
    return _pandas(p.table, schema)


def _errors_of(p: _Part, offsets: Mapping[str, int]) -> pa.Table:
    if not offsets or not p.errors.num_rows:
        return p.errors
    names = p.errors.column("table").to_pylist()
    add = arrays.array([offsets.get(t, 0) for t in names], pa.int64())
    row = pc.add(p.errors.column("row"), add)
    return p.errors.set_column(p.errors.schema.get_field_index("row"), "row", row)


def _errors_pandas(p: _Part, offsets: Mapping[str, int]) -> Any:
    return _pandas(_errors_of(p, offsets), DASK_ERRORS_SCHEMA)


def _result_of(p: _Part) -> pa.Table:
    return p.table


def _has_key(p: _Part, key: str, value: str) -> bool:
    column = p.table.column(key)
    return bool(pc.any(pc.equal(column, arrays.scalar(value, column.type))).as_py())


def _explain(
    rule: str,
    policy: Policy,
    sources: Mapping[str, Any],
    options: Mapping[str, Any],
    key: str,
    locale: str | None,
) -> str:
    arrows = {name: _read(source, name)[0] for name, source in sources.items()}
    return _run_arrow(rule, policy, arrows, options).explain(key, locale=locale)


@attrs.define(eq=False)
class DaskLedgerResult:
    """A partitioned run's answer: result and error rows as Dask DataFrames, and the
    summary added up over every partition (exact Python ints)."""

    rule: str
    summary: RunSummary
    partitions: tuple[str, ...]
    summaries: Mapping[str, RunSummary]  # per partition
    _parts: list[Any]
    _schema: pa.Schema
    _offsets: list[dict[str, int]]
    _sources: list[dict[str, Any]]
    _policy: Policy
    _options: dict[str, Any]
    _client: Any
    problems: tuple[str, ...] = ()  # what strict=False let through (split households, …)

    def _compute(self, *objs: Any) -> Any:
        dask = _dask()
        if self._client is not None:
            return tuple(self._client.compute(list(objs), sync=True))
        return dask.compute(*objs)

    @property
    def table(self) -> Any:
        """The result rows as a Dask DataFrame (one partition per ledger partition)."""
        import dask.dataframe as dd

        dask = _dask()
        parts = [dask.delayed(_table_of)(p, self._schema) for p in self._parts]
        return dd.from_delayed(
            parts, meta=_pandas(arrays.empty_table(self._schema), self._schema), verify_meta=False
        )

    @property
    def errors(self) -> Any:
        """The error rows as a Dask DataFrame, with partition, file and partition_row."""
        import dask.dataframe as dd

        dask = _dask()
        parts = [
            dask.delayed(_errors_pandas)(p, off)
            for p, off in zip(self._parts, self._offsets, strict=True)
        ]
        meta = _pandas(arrays.empty_table(DASK_ERRORS_SCHEMA), DASK_ERRORS_SCHEMA)
        return dd.from_delayed(parts, meta=meta, verify_meta=False)

    def to_arrow(self) -> pa.Table:
        """Every result row in one Arrow table (gathered to this machine)."""
        dask = _dask()
        tables = self._compute(*[dask.delayed(_result_of)(p) for p in self._parts])
        tables = [t if t.num_rows else arrays.empty_table(self._schema) for t in tables]
        return pa.concat_tables(tables, promote_options="permissive").cast(self._schema)

    def errors_arrow(self) -> pa.Table:
        """Every error row in one Arrow table, in partition order (gathered)."""
        dask = _dask()
        parts = zip(self._parts, self._offsets, strict=True)
        tables = self._compute(*[dask.delayed(_errors_of)(p, off) for p, off in parts])
        return pa.concat_tables([arrays.empty_table(DASK_ERRORS_SCHEMA), *tables])

    def explain(self, id: str, *, locale: str | None = None) -> str:
        """The single-household rule's explanation for result row ``id`` (its partition is
        found, then run again on a worker)."""
        dask = _dask()
        key = get_rule(self.rule).key
        found = self._compute(*[dask.delayed(_has_key)(p, key, id) for p in self._parts])
        for hit, sources in zip(found, self._sources, strict=True):
            if hit:
                task = dask.delayed(_explain)(
                    self.rule, self._policy, sources, self._options, id, locale
                )
                return str(self._compute(task)[0])
        raise _no_row(key, id, obj="DaskLedgerResult", expected="a result row id")


def _inputs(
    names: Sequence[str], tables: Mapping[str, Any]
) -> tuple[list[str], list[dict[str, Any]], bool]:
    """Partition ids and, per partition, each table's source; True if from DataFrames."""
    import dask.dataframe as dd

    frames = [n for n in names if isinstance(tables[n], dd.DataFrame)]
    if frames and len(frames) != len(names):
        raise _error(
            frames[0],
            "a Dask DataFrame",
            "every table a Dask DataFrame, or every table a path",
            code="ledger.error.mixed_inputs",
            kind="Dask DataFrame",
        )
    if frames:
        counts = {n: tables[n].npartitions for n in names}
        if len(set(counts.values())) != 1:
            raise _error(
                "npartitions",
                counts,
                "the same partitions in every table",
                code="ledger.error.partition_counts",
            )
        delayed = {n: tables[n].to_delayed() for n in names}
        ids = [str(i) for i in range(counts[names[0]])]
        return ids, [{n: delayed[n][i] for n in names} for i in range(len(ids))], True
    found = {n: parquet_partitions(tables[n]) for n in names}
    ids = sorted(set().union(*found.values()))
    sources = []
    for i in ids:
        row = {}
        for n in names:
            files = tuple(found[n].get(i, ()))
            any_file = next((f[0] for f in found[n].values() if f), None)
            if any_file is None:
                raise _error(
                    n,
                    str(tables[n]),
                    "Parquet files",
                    code="ledger.error.no_files",
                    format="Parquet",
                )
            root = tables[n] if Path(tables[n]).is_dir() else Path(tables[n]).parent
            row[n] = _Files(root=str(root), files=files, schema_of=any_file)
        sources.append(row)
    return ids, sources, False


def _twice(
    lr: LedgerRule, parts: list[Any], facts: list[Any], compute: Any
) -> list[tuple[str, list[str]]]:
    """Per table, the first five ids that occur in two partitions (a whole run's duplicates)."""
    import dask.dataframe as dd

    dask, pd = _dask(), _pandas_module()
    out = []
    for table in [t.name for t in lr.tables if t.key is not None]:
        apart = sum(f[3][table] for f in facts)
        meta = pd.Series(dtype="uint64", name="h")
        h = dd.from_delayed(
            [dask.delayed(_hashes)(p, table) for p in parts], meta=meta, verify_meta=False
        )
        if len(parts) < 2 or int(compute([h.nunique()])[0]) == apart:
            continue
        counts = compute([h.value_counts()])[0]
        shared = [int(x) for x in counts[counts > 1].index]
        found = compute([dask.delayed(_with_hash)(p, table, shared) for p in parts])
        where: dict[str, int] = {}
        twice = sorted({v for i, f in enumerate(found) for v in f if where.setdefault(v, i) != i})
        if twice:
            out.append((table, twice[:5]))
    return out


def run_dask(
    rule: str,
    policy: Policy | str,
    *,
    on: dt.date | None = None,
    client: Any = None,
    columns: Mapping[str, str] | None = None,
    locale: str = "zh_Hans",
    today: dt.date | None = None,
    as_of: dt.date | None = None,
    strict: bool = True,
    **tables: Any,
) -> DaskLedgerResult:
    """Run a rule over a partitioned ledger on Dask, one task per partition; 分区台账计算.

    ``tables`` (``persons=``, ``households=``, …) are all Parquet folders partitioned the
    same way (see `parquet_partitions()`; a partition missing from one table is read as
    empty), or all Dask DataFrames with the same partitions. ``client`` is a
    ``distributed.Client`` (default: Dask's current scheduler). Results stay on the workers
    until asked for. With ``strict`` (the default), a household whose rows are in two
    partitions, or an id in two partitions, stops the run: a whole run would differ.
    """
    from ..explain.locales import normalise_locale
    from .engine import _policy

    dask = _dask()
    lr = get_rule(rule)
    pol = _policy(policy, on)
    names = [t.name for t in lr.tables]
    if sorted(tables) != sorted(names):
        raise InputError(
            obj=f"ledger {rule}",
            field="tables",
            value=sorted(tables),
            expected=f"the tables {names}",
            code="ledger.error.tables",
            extra={"tables": names},
        )
    ids, sources, from_frames = _inputs(names, tables)
    if not ids:
        raise _error("partitions", 0, "at least one", code="ledger.error.no_partitions")
    options = {
        "as_of": as_of,
        "columns": dict(columns) if columns else None,
        "locale": normalise_locale(locale),
        "today": today,  # only when asked (never the machine's clock)
    }
    # id(pol): two what-if policies derived from one pack share an id and a date
    token = dask.base.tokenize(rule, pol.id, pol.on, id(pol), ids, os.getpid(), id(sources))
    shared = dask.delayed(pol, name=f"ledger-policy-{token}")
    tasks = [
        dask.delayed(_run_part, pure=False)(
            part, rule, shared, src, options, dask_key_name=f"ledger-{rule}-{token}-{n}"
        )
        for n, (part, src) in enumerate(zip(ids, sources, strict=True))
    ]
    parts = list(client.persist(tasks) if client is not None else dask.persist(*tasks))

    def compute(objs: list[Any]) -> list[Any]:
        if client is not None:
            return list(client.compute(objs, sync=True))
        return list(dask.compute(*objs))

    facts = compute([dask.delayed(_facts)(p) for p in parts])
    summaries = {i: f[0] for i, f in zip(ids, facts, strict=True)}
    with_rows = [f[1] for f in facts if f[0].output_rows] or [facts[0][1]]
    offsets: list[dict[str, int]] = []
    seen = dict.fromkeys(names, 0)
    for f in facts:
        offsets.append(dict(seen) if from_frames else {})
        for t in f[0].tables:
            seen[t.table] += t.rows
    problems: list[str] = []
    apart: list[str] = []  # the households and ids the problems name
    loose = sorted(set().union(*(f[2] for f in facts)))
    if loose:
        parent = names[0]
        held = compute([dask.delayed(_holds)(p, parent, loose) for p in parts])
        split = sorted(set().union(*held))
        if split:
            problems.append(f"households with rows in two partitions: {split[:5]}")
            apart += split[:5]
    with dask.config.set({"dataframe.shuffle.method": "tasks"}):
        for table, twice in _twice(lr, parts, facts, compute):
            problems.append(f"ids of {table} in two partitions: {twice}")
            apart += twice
    if problems and strict:
        raise _error(
            "partitions",
            "; ".join(problems),
            "each partition to hold whole households, and each id once "
            "(partition by the household's village or part; strict=False runs "
            "anyway, those rows then in the errors table or counted twice)",
            code="ledger.error.partitions_split",
            ids=list(dict.fromkeys(apart)),
            option="strict=False",
        )
    return DaskLedgerResult(
        rule=rule,
        summary=sum_summaries(lr, pol, list(summaries.values())),
        partitions=tuple(ids),
        summaries=summaries,
        parts=parts,
        schema=with_rows[0],
        offsets=offsets,
        sources=sources,
        policy=pol,
        options=options,
        client=client,
        problems=tuple(problems),
    )
