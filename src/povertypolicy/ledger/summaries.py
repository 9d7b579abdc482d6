"""Runs over parts of one ledger put together: the summaries added (and the errors schema).

Chunked runs (`run_chunked`) and partitioned runs (`run_dask`, a Spark job) both use them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..policy import Policy
from .engine import LedgerRule, RunSummary, TableCount
from .errors import ERRORS_SCHEMA

__all__ = ["ERRORS_SCHEMA", "sum_summaries"]


def sum_summaries(lr: LedgerRule, policy: Policy, summaries: Sequence[RunSummary]) -> RunSummary:
    """The summaries of runs over parts of one ledger, added up exactly (Python ints)."""
    tables: dict[str, list[int]] = {s.name: [0, 0, 0, 0] for s in lr.tables}
    reasons: dict[str, int] = {}
    totals: dict[str, int] = {}
    for s in summaries:
        for t in s.tables:
            acc = tables.setdefault(t.table, [0, 0, 0, 0])
            for j, n in enumerate((t.rows, t.used, t.held, t.errors)):
                acc[j] += int(n)
        for code, n in s.reasons.items():
            reasons[code] = reasons.get(code, 0) + int(n)
        for column, fen in s.totals.items():
            totals[column] = totals.get(column, 0) + int(fen)
    return RunSummary(
        rule=lr.name,
        pack=policy.id,
        on=policy.on,
        tables=tuple(
            TableCount(table=name, rows=a[0], used=a[1], held=a[2], errors=a[3])
            for name, a in tables.items()
        ),
        output_rows=sum(int(s.output_rows) for s in summaries),
        error_rows=sum(int(s.error_rows) for s in summaries),
        reasons={r: reasons[r] for r in lr.reasons if r in reasons},
        totals=totals,
    )
