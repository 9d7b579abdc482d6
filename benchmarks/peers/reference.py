"""Exact pure-Python reference for the relocation housing subsidy (slow; for checking).

Row by row over ``to_pylist()``, Python ints in fen, no numpy, no assumption on row order.
Only the household reason definition is shared with the kernel (`household_reason`), so that
the provisional definition lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from numpy_kernel import (
    AGRICULTURAL,
    BORN_BEFORE,
    GROSS_PER_PERSON_FEN,
    TRANCHE_WEIGHTS,
    WITHHELD_PER_PERSON_FEN,
    household_reason,
)

__all__ = ["reference", "split"]


def split(total: int, weights: Sequence[int] = TRANCHE_WEIGHTS) -> list[int]:
    """Largest remainder on integers: floors, then one unit each to the largest remainders."""
    denominator = sum(weights)
    parts = [total * w // denominator for w in weights]
    remainders = [total * w % denominator for w in weights]
    for i in sorted(range(len(weights)), key=lambda j: (-remainders[j], j))[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _person(row: dict[str, Any], applied: bool | None) -> str:
    born = row["birth_date"]
    hukou = row["hukou"]
    facts = [
        None if born is None else born < BORN_BEFORE,
        None if hukou is None else hukou == AGRICULTURAL,
        row["registered_locally"],
        row["lives_in_area"],
        applied,
    ]
    if any(f is False for f in facts):
        return "failed"
    if any(f is None for f in facts):
        return "undetermined"
    return "eligible"


def reference(persons: pa.Table, households: pa.Table) -> list[dict[str, Any]]:
    """One dict per household, in households order, with the same fields as the kernel."""
    order = households["household_id"].to_pylist()
    applied = {
        h: None if d is None else True  # no application date: not recorded (undetermined)
        for h, d in zip(order, households["relocation_applied_on"].to_pylist(), strict=True)
    }
    counts = {h: {"members": 0, "eligible": 0, "failed": 0, "undetermined": 0} for h in order}
    for row in persons.to_pylist():
        household = row["household_id"]
        status = _person(row, applied[household])
        counts[household]["members"] += 1
        counts[household][status] += 1
    out = []
    for h in order:
        c = counts[h]
        gross = c["eligible"] * GROSS_PER_PERSON_FEN
        withheld = c["eligible"] * WITHHELD_PER_PERSON_FEN
        net = gross - withheld
        record: dict[str, Any] = {"household_id": h, **c}
        record.update(gross_fen=gross, withheld_fen=withheld, net_fen=net)
        for k, part in enumerate(split(net), start=1):
            record[f"tranche_{k}_fen"] = part
        record["reason"] = household_reason(
            c["members"], c["eligible"], c["failed"], c["undetermined"]
        )
        out.append(record)
    return out
