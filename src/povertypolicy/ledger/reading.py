"""Every input table of a run read against its schema, the independent work on threads.

Which work runs where: the id and link columns are read first; then the other columns and
the duplicate-key checks go to the worker threads while this thread finds the links (the
step with the most temporary arrays: on this thread, their memory is reused at once for
what follows). What is found is applied afterwards in table order, as a one-thread run
applies it, so the errors table is the same for any number of threads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa

from .errors import ErrorLog
from .frame import Frame, Links, duplicate_rows, link_positions, parse_columns, read_frame
from .parse import Parsed, parse_column
from .schema import TableSchema
from .workers import Pending, Workers

__all__ = ["read_frames"]


def _links(schemas: Sequence[TableSchema]) -> dict[str, str]:
    """Child table → parent table, where the child's link column is one table's key."""
    by_key: dict[str, list[str]] = {}
    for s in schemas:
        if s.key is not None:
            by_key.setdefault(s.key, []).append(s.name)
    out = {}
    for s in schemas:
        parents = by_key.get(s.link or "", [])
        if len(parents) == 1 and parents[0] != s.name:
            out[s.name] = parents[0]
    return out


def read_frames(
    schemas: Sequence[TableSchema],
    arrows: Mapping[str, pa.Table],
    *,
    rule: str,
    log: ErrorLog,
    workers: Workers,
    mapping: Mapping[str, str] | None,
    today: dt.date | None,
) -> dict[str, Frame]:
    """`read_frame` of each table, with the columns read, keys checked and links found
    beforehand on ``workers``; errors logged in table order."""
    by_name = {s.name: s for s in schemas}
    headers = {s.name: s.resolve(arrows[s.name].column_names, rule, mapping) for s in schemas}
    links = _links(schemas)
    jobs = [
        (s.name, field, source, column)
        for s in schemas
        for field, source, column in parse_columns(s, arrows[s.name], headers[s.name])
    ]
    # Ids and links first: the key checks and the links need them.
    first = {(s.name, s.key) for s in schemas} | {(c, by_name[c].link) for c in links}
    early = [j for j in jobs if j[:2] in first]
    parsed: dict[str, dict[str, Parsed]] = {s.name: {} for s in schemas}
    done = workers.map(parse_column, [j[2] for j in early], [j[3] for j in early])
    for (table, field, _, _), p in zip(early, done, strict=True):
        parsed[table][field] = p
    later: list[tuple[str, str, Pending[Parsed]]] = [
        (table, field, workers.submit(parse_column, source, column))
        for table, field, source, column in jobs
        if (table, field) not in first
    ]
    dups: dict[str, Pending[Any]] = {}
    for s in schemas:
        key = parsed[s.name].get(s.key or "")
        if key is not None:
            dups[s.name] = workers.submit(duplicate_rows, key.values, key.recorded)
    found: dict[str, Links] = {}
    for child, parent in links.items():
        own = parsed[child].get(by_name[child].link or "")
        ids = parsed[parent].get(by_name[parent].key or "")
        if own is not None and ids is not None and len(ids.values):  # no parent rows: no link
            found[child] = link_positions(own.values, own.recorded, ids.values)
    for table, field, pending in later:
        parsed[table][field] = pending.result()
    frames = {}
    for s in schemas:
        frames[s.name] = read_frame(
            s,
            arrows[s.name],
            rule=rule,
            log=log,
            mapping=mapping,
            today=today,
            read={field: parsed[s.name][field] for table, field, _, _ in jobs if table == s.name},
            duplicates=dups[s.name].result() if s.name in dups else None,
        )
    for child, positions in found.items():
        frames[child].links[links[child]] = positions
    return frames
