"""Ledgers (台账): every rule over a whole population, exact, with errors and per-row why.

Needs the ``ledger`` extra (numpy, pyarrow, polars): ``pip install 'povertypolicy[ledger]'``.
"""

from __future__ import annotations

from importlib.util import find_spec

# numpy and pyarrow are imported below; polars only where a step uses it (hashing unsorted ids,
# polars frames), so a run that needs none of it does not wait the third of a second it takes.
if any(find_spec(m) is None for m in ("numpy", "pyarrow", "polars")):  # pragma: no cover
    raise ImportError(
        "povertypolicy.ledger needs the ledger extra: pip install 'povertypolicy[ledger]'"
    )

from typing import Any

from .chunks import ChunkedResult, run_chunked
from .compare import LedgerComparison, compare
from .engine import LedgerResult, LedgerRule, RunSummary, TableCount, ledger_rules, run, run_arrow
from .schema import Column, ColumnKind, MissingColumnError, TableSchema

__all__ = [
    "ChunkedResult",
    "Column",
    "ColumnKind",
    "LedgerComparison",
    "LedgerResult",
    "LedgerRule",
    "MissingColumnError",
    "RunSummary",
    "TableCount",
    "compare",
    "ledger_rules",
    "run",
    "run_arrow",
    "run_chunked",
    "run_dask",
    "schema",
]


def schema(rule: str) -> tuple[TableSchema, ...]:
    """The input tables and columns of a ledger rule, e.g. ``schema("housing.subsidy")``."""
    from .engine import get_rule

    return get_rule(rule).tables


def __getattr__(name: str) -> Any:
    """``run_dask`` is imported on first use, so the ledger does not need Dask installed."""
    if name == "run_dask":
        from .partitioned import run_dask

        return run_dask
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
