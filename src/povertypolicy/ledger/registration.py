"""Registration over a ledger of applicants (poverty-work-plan-samples 篇4, 篇5): ID-1, ID-2, ID-5;
建档立卡识别台账.

The object path: each applicant row and its members become an
`Applicant` and the single-household rules run on it, so the
numbers and explanations are theirs by construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..domain.enums import Exclusion
from ..domain.registration import Applicant
from ..explain import Result
from ..policy import Policy
from ..rules import registration as rules
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame
from .monitoring_tables import PERSONS, household_object, link_members, set_column
from .objects import per_row
from .schema import Column, ColumnKind, TableSchema

__all__ = ["APPLICANTS", "applicant_object"]

C = ColumnKind


def _fact(name: str, zh: str, hant: str, doc: str) -> Column:
    return Column(name=name, zh=zh, kind=C.BOOL, required=False, aliases=(hant,), doc=doc)


APPLICANTS = TableSchema(
    name="applicants",
    zh="申请户",
    key="household_id",
    doc="One row per household assessed for registration (建档立卡申请户).",
    columns=(
        Column(
            name="household_id",
            zh="户编号",
            kind=C.ID,
            nullable=False,
            aliases=("戶編號", "户号", "戶號"),
            doc="The household's id.",
        ),
        Column(
            name="village",
            zh="村",
            kind=C.ID,
            required=False,
            aliases=("所在村", "行政村"),
            doc="Village (shown only).",
        ),
        Column(
            name="assessed_on",
            zh="评议日期",
            kind=C.DATE,
            nullable=False,
            past=True,
            aliases=("評議日期", "调查日期", "調查日期"),
            doc="The date ages and facts are taken on.",
        ),
        Column(
            name="main_labourer_id",
            zh="主要劳动力编号",
            kind=C.ID,
            required=False,
            aliases=("主要勞動力編號",),
            doc="Person id of the main labourer (家庭主要劳动力, ID-1); empty: not recorded.",
        ),
        _fact("willing", "脱贫愿望较强", "脫貧願望較強", "A strong wish to leave poverty (ID-1)."),
        Column(
            name="per_capita_net_income",
            zh="人均纯收入",
            kind=C.MONEY,
            required=False,
            aliases=("人均純收入",),
            doc="Yuan per person in the income year (ID-1).",
        ),
        Column(
            name="income_year",
            zh="收入年度",
            kind=C.COUNT,
            required=False,
            aliases=("收入年份",),
            doc="The calendar year the income is for: compared with that year's line.",
        ),
        Column(
            name="exclusions",
            zh="十一不评",
            kind=C.TEXT,
            required=False,
            aliases=("十一不評",),
            doc="The exclusions found (全户外出、经商户…); 无: none; empty: not checked (ID-2).",
        ),
        Column(
            name="dibao",
            zh="低保",
            kind=C.BOOL,
            aliases=("农村低保", "農村低保", "低保户", "低保戶"),
            doc="A rural dibao household registered by civil affairs (included, ID-1); empty: not "
            "recorded.",
        ),
        _fact(
            "family_planning_priority",
            "计划生育优先",
            "計劃生育優先",
            "A family-planning household (一优先, ID-2).",
        ),
        _fact("five_guarantee", "五保户", "五保戶", "A five-guarantee household (ID-5)."),
        _fact(
            "deep_poverty",
            "贫困程度较深",
            "貧困程度較深",
            "Deeper poverty (red card) rather than at the edge of the line (yellow, ID-5).",
        ),
    ),
)


def applicant_object(frames: Mapping[str, Frame], h: int, exclusions: Any) -> Applicant:
    """Applicant row ``h`` and its members as an `Applicant`."""
    app = frames["applicants"]
    bits, known = exclusions
    excl = (
        frozenset(e for j, e in enumerate(Exclusion) if int(bits[h]) >> j & 1) if known[h] else None
    )
    year = app.value("income_year", h)
    return Applicant(
        household=household_object(frames, "applicants", h, dibao=app.value("dibao", h)),
        assessed_on=app.value("assessed_on", h),
        main_labourer_id=app.value("main_labourer_id", h),
        willing=app.value("willing", h),
        per_capita_net_income=app.value("per_capita_net_income", h),
        income_year=year,
        exclusions=excl,
        family_planning_priority=app.value("family_planning_priority", h),
        five_guarantee=app.value("five_guarantee", h),
        deep_poverty=app.value("deep_poverty", h),
    )


@register
class Eligibility(LedgerRule):
    """ID-1, ID-2 and the ID-5 card class per applicant household; 建档立卡识别."""

    name = "registration.eligibility"
    rule_ids = ("ID-1", "ID-2", "ID-5")
    title = "ledger.rule.registration.eligibility"
    tables = (APPLICANTS, PERSONS)
    output = "applicants"
    key = "household_id"
    reasons = ("dibao", "eligible", "ineligible", "excluded", "undetermined")
    exclusions: Any

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        self.exclusions = set_column(frames["applicants"], "exclusions", log)
        link_members(frames, "applicants", log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        app = frames["applicants"]

        def one(i: int) -> dict[str, Any]:
            applicant = applicant_object(frames, i, self.exclusions)
            e = rules.eligibility(applicant, policy).value
            card = rules.card_class(applicant, policy).value.card if e.eligible else None
            return {
                "reason": e.reason,
                "eligible": e.eligible,
                "failed": ",".join(c.value for c in e.failed),
                "not_recorded": ",".join(c.value for c in e.not_recorded),
                "exclusions": ",".join(x.value for x in e.exclusions),
                "priority": e.priority,
                "card": None if card is None else card.value,
            }

        return per_row(
            app,
            np.flatnonzero(app.ok),
            one,
            log,
            types={"eligible": pa.bool_(), "priority": pa.bool_(), "card": pa.string()},
        )

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return rules.eligibility(applicant_object(frames, row, self.exclusions), policy)
