"""Follow-up support over a ledger of relocated households (relocation-follow-up-documents):
FOLLOW-1..FOLLOW-5; 后续扶持台账.

The object path: each household row and its person rows become a
`RelocatedHousehold` and
`follow_up_checks()` runs on it, so every number, date and
explanation is the single-household rule's. The checks made are those the pack sets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..domain.enums import LabourCapacity
from ..domain.follow_up import OldHouse, RelocatedHousehold, RelocatedMember
from ..explain import Result
from ..policy import Policy
from ..rules import follow_up as rules
from . import arrays
from .columns import group_counts, members_of
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame, link
from .objects import per_row
from .parse import days_to_date, parse_column
from .schema import Column, ColumnKind, TableSchema

__all__ = ["HOUSEHOLDS", "PERSONS", "Columns", "column_values", "household_object"]

C = ColumnKind


def _fact(name: str, zh: str, hant: str, doc: str, *aliases: str) -> Column:
    """A yes/no fact; an absent column or an empty cell is "not recorded"."""
    return Column(name=name, zh=zh, kind=C.BOOL, required=False, aliases=(hant, *aliases), doc=doc)


def _date(name: str, zh: str, hant: str, doc: str, *aliases: str) -> Column:
    return Column(
        name=name, zh=zh, kind=C.DATE, required=False, past=True, aliases=(hant, *aliases), doc=doc
    )


HOUSEHOLDS = TableSchema(
    name="households",
    zh="搬迁户",
    key="household_id",
    doc="One row per relocated household (易地扶贫搬迁户) and its old house.",
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
            aliases=("所在村", "安置点"),
            doc="Village or site (shown only).",
        ),
        _date(
            "settled_on",
            "落户日期",
            "落戶日期",
            "Registration settled at the destination (FOLLOW-1).",
        ),
        _date(
            "moved_in_on",
            "实际入住日期",
            "實際入住日期",
            "Moved into the new house (FOLLOW-4).",
            "入住日期",
        ),
        _fact(
            "registered_poor",
            "建档立卡贫困户",
            "建檔立卡貧困戶",
            "A registered poor household (FOLLOW-3).",
        ),
        _fact("industry_support", "产业支撑", "產業支撐", "Has industry support (FOLLOW-3)."),
        _fact("hardship", "生活困难", "生活困難", "Life is hard (FOLLOW-3)."),
        _fact(
            "property_within_limits",
            "家庭财产符合低保规定",
            "家庭財產符合低保規定",
            "Property within the dibao rules, the relocation house not counted (FOLLOW-3).",
        ),
        _date(
            "dibao_granted_on",
            "低保救助日期",
            "低保救助批准日期",
            "The day the transitional dibao was granted (FOLLOW-3).",
            "低保批准日期",
        ),
        _fact(
            "in_hazard_zone",
            "灾害隐患点",
            "災害隱患點",
            "The old house is in a hazard zone (FOLLOW-4).",
            "地质灾害隐患区",
            "地質災害隱患區",
        ),
        _fact(
            "unsafe_house", "危房", "住房不安全", "The old house is dangerous or unsafe (FOLLOW-4)."
        ),
        _fact(
            "non_brick_concrete",
            "非砖混旧房",
            "非磚混舊房",
            "Not a brick-and-concrete house (FOLLOW-4).",
        ),
        _date(
            "demolished_on",
            "旧房拆除日期",
            "舊房拆除日期",
            "Old house demolished, homestead vacated; empty: not yet (FOLLOW-4, FOLLOW-5).",
            "拆旧日期",
            "拆舊日期",
        ),
        _date(
            "reclaimed_on",
            "复垦日期",
            "復墾日期",
            "Homestead reclaimed; empty: not yet (FOLLOW-4).",
            "复绿复垦日期",
            "復綠復墾日期",
        ),
    ),
)

PERSONS = TableSchema(
    name="persons",
    zh="搬迁人员",
    key="person_id",
    link="household_id",
    doc="One row per member of a relocated household, linked by the household's id.",
    columns=(
        Column(
            name="person_id",
            zh="人员编号",
            kind=C.ID,
            nullable=False,
            aliases=("人員編號", "成员编号", "成員編號"),
            doc="The person's id.",
        ),
        Column(
            name="household_id",
            zh="户编号",
            kind=C.ID,
            nullable=False,
            aliases=("戶編號", "户号", "戶號"),
            doc="The household the person belongs to.",
        ),
        Column(
            name="labour_capacity",
            zh="劳动能力",
            kind=C.ENUM,
            enum=LabourCapacity,
            required=False,
            aliases=("勞動能力",),
            doc="Labour capacity (none / partial / full).",
        ),
        _fact("wants_work", "就业意愿", "就業意願", "Wants to work (FOLLOW-2)."),
        _fact(
            "stably_employed", "稳定就业", "穩定就業", "In stable employment (FOLLOW-2, FOLLOW-3)."
        ),
        _fact("wants_training", "培训意愿", "培訓意願", "Wants training (FOLLOW-1)."),
        Column(
            name="training_dates",
            zh="培训日期",
            kind=C.TEXT,
            required=False,
            aliases=("培訓日期",),
            doc="Training dates, separated by ; or 、 (无: none; empty: not recorded).",
        ),
    ),
)

_DATE_CELL = Column(name="training_date", zh="培训日期", kind=C.DATE, doc="One training date.")
_SEPARATORS = re.compile(r"[;；,，、\s]+")
_NONE_WORDS = {"无", "無", "none", "-"}


def _training_dates(persons: Frame, log: ErrorLog | None) -> list[tuple[dt.date, ...] | None]:
    """Each person's training dates; an unreadable date is an error on that person's row
    (logged and marked only when ``log`` is given: while the ledger is read)."""
    n = len(persons)
    out: list[tuple[dt.date, ...] | None] = [None] * n
    parsed = persons.cols.get("training_dates")
    if parsed is None:
        return out
    cells: list[str] = []
    owner: list[int] = []
    for i in np.flatnonzero(parsed.recorded).tolist():
        text = str(parsed.values[i].as_py()).strip()
        if text.lower() in _NONE_WORDS:
            out[i] = ()
            continue
        parts = [p for p in _SEPARATORS.split(text) if p]
        out[i] = ()
        for p in parts:
            cells.append(p)
            owner.append(i)
    if not cells:
        return out
    days = parse_column(arrays.strings(cells), _DATE_CELL)
    bad_rows: list[int] = []
    for k, i in enumerate(owner):
        if days.bad[k] or not days.recorded[k]:
            bad_rows.append(i)
            continue
        current = out[i] or ()
        out[i] = (*current, days_to_date(int(days.values[k])))
    rows = np.unique(np.array(bad_rows, np.int64))
    rows = rows[~persons.bad[rows]] if len(rows) else rows
    if len(rows) and log is not None:
        log.add(
            table="persons",
            rows=rows,
            column=persons.headers["training_dates"],
            code="ledger.error.date",
            ids=persons.ids().take(arrays.array(rows)),
            values=parsed.values.take(arrays.array(rows)),
        )
        persons.bad[rows] = True
    return out


def _link_members(frames: Mapping[str, Frame], log: ErrorLog) -> None:
    """Persons → households; a household with a bad member row, or none, is not used."""
    persons, households = frames["persons"], frames["households"]
    link(persons, households, log)
    parent = persons.parent
    assert parent is not None
    linked = parent >= 0
    bad_count, size = group_counts(persons, (persons.bad, linked), len(households))
    ids = households.ids()
    rows = households.mark_held(bad_count > 0)
    if len(rows):
        log.add(
            table="households",
            rows=rows,
            column=persons.headers["household_id"],
            code="ledger.error.member_row",
            ids=ids.take(arrays.array(rows)),
        )
    empty = np.flatnonzero((size == 0) & ~households.bad & ~households.held)
    if len(empty):
        log.add(
            table="households",
            rows=empty,
            column=persons.headers["household_id"],
            code="ledger.error.no_members",
            ids=ids.take(arrays.array(empty)),
        )
        households.bad[empty] = True
    not_ok = np.zeros(len(persons), bool)
    not_ok[linked] = ~households.ok[parent[linked]]
    rows = persons.mark_held(not_ok)
    if len(rows):
        log.add(
            table="persons",
            rows=rows,
            column=persons.headers["household_id"],
            code="ledger.error.household_row",
            ids=persons.ids().take(arrays.array(rows)),
        )


def column_values(frame: Frame, field: str) -> list[Any]:
    """Every row's value of ``field`` as `Frame.value()` gives it (``None``: not recorded),
    converted once for the whole column."""
    n = len(frame)
    parsed = frame.cols.get(field)
    if parsed is None:
        return [None] * n
    column = frame.schema.column(field)
    if column.kind is C.DATE:
        days = np.asarray(parsed.values, dtype=np.int64).astype("datetime64[D]")
        values: list[Any] = days.astype(object).tolist()
    elif column.kind is C.BOOL:
        values = np.asarray(parsed.values).astype(bool).tolist()
    elif column.kind is C.ENUM:
        assert column.enum is not None
        members = list(column.enum)
        values = [members[int(c)] for c in np.asarray(parsed.values).tolist()]
    elif column.kind in (C.ID, C.TEXT):
        values = parsed.values.to_pylist()
    else:  # pragma: no cover - this ledger reads no other kinds
        return [frame.value(field, i) for i in range(n)]
    recorded = np.asarray(parsed.recorded).tolist()
    return [v if r else None for v, r in zip(values, recorded, strict=True)]


_PERSON_FIELDS = ("person_id", "labour_capacity", "wants_work", "stably_employed", "wants_training")
_HOUSEHOLD_FIELDS = tuple(c.name for c in HOUSEHOLDS.columns)


class Columns:
    """The ledger's columns as Python lists, built once per run (the object path's inputs)."""

    def __init__(self, frames: Mapping[str, Frame], log: ErrorLog | None = None) -> None:
        persons, households = frames["persons"], frames["households"]
        self.persons = {f: column_values(persons, f) for f in _PERSON_FIELDS}
        self.households = {f: column_values(households, f) for f in _HOUSEHOLD_FIELDS}
        self.trainings = _training_dates(persons, log)


def household_object(frames: Mapping[str, Frame], h: int, cols: Columns) -> RelocatedHousehold:
    """Household row ``h`` and its person rows as a `RelocatedHousehold`."""
    p, hv = cols.persons, cols.households
    members = tuple(
        RelocatedMember(
            id=p["person_id"][i],
            labour_capacity=p["labour_capacity"][i],
            wants_work=p["wants_work"][i],
            stably_employed=p["stably_employed"][i],
            wants_training=p["wants_training"][i],
            trainings=cols.trainings[i],
        )
        for i in members_of(frames["persons"], h).tolist()
    )
    house = OldHouse(
        in_hazard_zone=hv["in_hazard_zone"][h],
        unsafe=hv["unsafe_house"][h],
        non_brick_concrete=hv["non_brick_concrete"][h],
        demolished_on=hv["demolished_on"][h],
        reclaimed_on=hv["reclaimed_on"][h],
    )
    return RelocatedHousehold(
        id=hv["household_id"][h],
        members=members,
        village=hv["village"][h],
        settled_on=hv["settled_on"][h],
        moved_in_on=hv["moved_in_on"][h],
        registered_poor=hv["registered_poor"][h],
        industry_support=hv["industry_support"][h],
        hardship=hv["hardship"][h],
        property_within_limits=hv["property_within_limits"][h],
        dibao_granted_on=hv["dibao_granted_on"][h],
        old_house=house,
    )


_TYPES: dict[str, pa.DataType] = {
    "training_deadline": pa.date32(),
    "dibao_until": pa.date32(),
    "demolition_deadline": pa.date32(),
    "workers_wanting_training": pa.int64(),
    "training_state": pa.string(),
    "employment_state": pa.string(),
    "dibao_state": pa.string(),
    "demolition_state": pa.string(),
    "reclamation_state": pa.string(),
}


def _row(checks: rules.FollowUpChecks) -> dict[str, Any]:
    t, e, d, o, a = (
        checks.training,
        checks.employment,
        checks.dibao,
        checks.demolition,
        checks.award,
    )
    return {
        "reason": f"follow_up_{checks.outcome.value}",
        "workers_wanting_training": None if t is None else t.wanting,
        "training_state": None if t is None else t.state.value,
        "training_deadline": None if t is None else t.deadline,
        "employment_state": None if e is None else e.state.value,
        "dibao_state": None if d is None else d.state.value,
        "dibao_until": None if d is None else d.until,
        "demolition_state": None if o is None else o.state.value,
        "demolition_deadline": None if o is None else o.deadline,
        "reclamation_state": None
        if o is None or o.reclamation_state is None
        else o.reclamation_state.value,
    } | ({} if a is None else {"homestead_award_fen": a.payable_now.fen})


@register
class Checks(LedgerRule):
    """FOLLOW-1..5 per relocated household: training, job, dibao, old house, award; 逐户核查.

    ``as_of`` (the date of the check) defaults to the policy date.
    """

    name = "follow_up.checks"
    rule_ids = ("FOLLOW-1", "FOLLOW-2", "FOLLOW-3", "FOLLOW-4", "FOLLOW-5")
    title = "ledger.rule.follow_up.checks"
    tables = (HOUSEHOLDS, PERSONS)
    output = "households"
    key = "household_id"
    reasons = tuple(f"follow_up_{o.value}" for o in rules.Outcome)
    _columns: Columns | None = None

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        self._columns = Columns(frames, log)
        _link_members(frames, log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        households = frames["households"]

        def one(row: int) -> dict[str, Any]:
            return _row(self.result(frames, row, policy).value)

        rows = np.flatnonzero(households.ok)
        return per_row(households, rows, one, log, types=_TYPES)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        if self._columns is None:  # a rule object used without prepare
            self._columns = Columns(frames)
        household = household_object(frames, row, self._columns)
        return rules.follow_up_checks(household, policy, as_of=self.as_of or policy.on)
