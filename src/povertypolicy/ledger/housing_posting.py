"""The posting period over a ledger of posted lists (HOUSE-1): the object-path example; 张榜公示."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..explain import Result
from ..policy import Policy
from ..rules import housing as rules
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame
from .objects import per_row
from .schema import Column, ColumnKind, TableSchema

__all__ = ["POSTINGS"]

# 1. The input table: field names as the rule's arguments, headers as ledgers write them.
POSTINGS = TableSchema(
    name="postings",
    zh="公示名单",
    key="list_id",
    doc="One row per posted list of movers (张榜公布的名单).",
    columns=(
        Column(name="list_id", zh="名单编号", kind=ColumnKind.ID, nullable=False,
               aliases=("名單編號",), doc="The posted list's id."),
        Column(name="posted_on", zh="公示日期", kind=ColumnKind.DATE, nullable=False,
               aliases=("公示日期",), doc="The day the list was posted."),
    ),
)  # fmt: skip


# 2. The rule: its name, rule IDs, tables, output table and key, reason codes.
@register
class Posting(LedgerRule):
    """HOUSE-1 over posted lists: the first day each list may be approved; 张榜公示."""

    name = "housing.posting"
    rule_ids = ("HOUSE-1",)
    title = "ledger.rule.housing.posting"
    tables = (POSTINGS,)
    output = "postings"
    key = "list_id"
    reasons = ("approval_date",)

    # 3. compute: here the object path, the single rule once per clean row.
    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        postings = frames["postings"]

        def one(row: int) -> dict[str, Any]:
            approval = self.result(frames, row, policy).value
            return {"reason": "approval_date", "approval_on": approval}

        rows = np.flatnonzero(postings.ok)
        return per_row(postings, rows, one, log, types={"approval_on": pa.date32()})

    # 4. result: the single rule's Result for one row, so explain() is that rule's own.
    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return rules.earliest_approval(frames["postings"].value("posted_on", row), policy)
