"""Run a block with every ledger job cut into pieces on threads, however small the table."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from povertypolicy.ledger import threads


@contextlib.contextmanager
def threaded(n: int = 3) -> Iterator[None]:
    """``n`` threads and no size limit: small generated ledgers take the threaded paths."""
    old_rows, old_env = threads.PARALLEL_ROWS, os.environ.get("POVERTYPOLICY_THREADS")
    threads.PARALLEL_ROWS = 1
    os.environ["POVERTYPOLICY_THREADS"] = str(n)
    try:
        yield
    finally:
        threads.PARALLEL_ROWS = old_rows
        if old_env is None:
            del os.environ["POVERTYPOLICY_THREADS"]
        else:
            os.environ["POVERTYPOLICY_THREADS"] = old_env
