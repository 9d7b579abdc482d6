"""The object path: a ledger rule that runs the single-household rule once per row.

Used where a numpy kernel would not pay for itself (payments, land cases): the numbers
are the single rule's by construction. A rule error on one row goes to the errors table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..errors import PovertyPolicyError
from . import arrays
from .errors import ErrorLog
from .frame import Frame

__all__ = ["per_row"]


def per_row(
    frame: Frame,
    rows: np.ndarray,
    one: Callable[[int], Mapping[str, Any]],
    log: ErrorLog,
    *,
    types: Mapping[str, pa.DataType] | None = None,
) -> tuple[np.ndarray, dict[str, pa.Array]]:
    """Call ``one(row)`` for each row; rows that raise a library error are logged, not kept."""
    kept: list[int] = []
    out: list[Mapping[str, Any]] = []
    for i in rows.tolist():
        try:
            values = one(i)
        except PovertyPolicyError as exc:
            log.add(
                table=frame.name,
                rows=np.array([i]),
                column="",
                code="ledger.error.rule",
                ids=frame.ids().take(arrays.array([i])) if frame.schema.key else None,
                args={"detail": str(exc)},
            )
            frame.bad[i] = True
            continue
        kept.append(i)
        out.append(values)
    names: list[str] = list(out[0]) if out else []
    types = dict(types or {})
    cols: dict[str, pa.Array] = {}
    for name in names:
        data = [row[name] for row in out]
        if name.endswith("_fen"):
            cols[name] = arrays.array(data, pa.int64())
        elif name in types:
            cols[name] = arrays.array(data, types[name])
        else:
            cols[name] = arrays.array(data)
        if name == "reason" or name.endswith("_state"):
            cols[name] = cols[name].dictionary_encode()
    return np.array(kept, dtype=np.int64), cols
