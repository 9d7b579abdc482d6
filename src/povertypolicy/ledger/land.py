"""Land expropriation over a ledger (LAND-*): many cases in flat tables; 征地台账.

A county land office keeps one row per expropriation case (``cases``, 征地批次) and child
tables linked to it by ``case_id``: ``parcels``, ``households`` (with ``persons``),
``attachments`` and ``payments`` (those two in `land_payments`). Each ledger rule
builds one `Expropriation` per case and calls the single-case rule of
`povertypolicy.rules.land`, so numbers and explanations are that rule's by construction.
A case with any bad row in any table is held back whole; the rules are registered by
`land_places` and `land_payments`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import numpy as np
import pyarrow as pa

from ..domain.enums import LandType
from ..domain.land import (
    Attachment,
    Expropriation,
    Parcel,
)
from ..domain.person import Household, Person
from ..errors import PovertyPolicyError
from ..units import Area
from .arrays import array
from .columns import members_of
from .errors import ErrorLog
from .frame import Frame, _link_hash, link
from .schema import Column, ColumnKind, TableSchema

__all__ = [
    "CASES",
    "CASE_ID",
    "HOUSEHOLDS",
    "PARCELS",
    "PERSONS",
    "PERSONS_BASIC",
    "case_rows",
    "expropriation_object",
    "hold_children",
    "household_object",
    "mark_bad",
    "output_table",
    "prepare_cases",
    "solve_cases",
]

C = ColumnKind
T = TypeVar("T")

CASE_ID = Column(
    name="case_id",
    zh="征地批次编号",
    kind=C.ID,
    nullable=False,
    aliases=("徵地批次編號", "批次编号", "批次編號", "征地批次", "徵地批次"),
    doc="The id of the expropriation case (征地批次) the row belongs to.",
)

CASES = TableSchema(
    name="cases",
    zh="征地批次",
    key="case_id",
    doc="One row per expropriation case (征地批次): who lost the land, when, and its figures.",
    columns=(
        attrs.evolve(CASE_ID, doc="The case's id (征地批次编号)."),
        Column(
            name="collective",
            zh="村集体经济组织",
            kind=C.ID,
            nullable=False,
            aliases=("村集體經濟組織", "被征收单位", "被徵收單位", "集体经济组织", "集體經濟組織"),
            doc="The village collective whose land is taken; also its payee id (LAND-3).",
        ),
        Column(
            name="approved_on",
            zh="征收批准日期",
            kind=C.DATE,
            nullable=False,
            aliases=("徵收批准日期", "批准日期", "征地批准日期", "徵地批准日期"),
            doc="The date the expropriation was approved (征收批准日).",
        ),
        Column(
            name="per_capita_cultivated_before",
            zh="征地前人均耕地（亩）",
            kind=C.DECIMAL,
            required=False,
            aliases=("徵地前人均耕地（畝）", "征地前人均耕地", "徵地前人均耕地"),
            doc="Cultivated land per agricultural person before, in mu (LAND-2, output value).",
        ),
        Column(
            name="village_land",
            zh="村农用地面积（亩）",
            kind=C.DECIMAL,
            required=False,
            aliases=("村農用地面積（畝）", "村农用地面积", "村農用地面積"),
            doc="The village's farmland at the end of last year's land survey, in mu (LAND-8).",
        ),
        Column(
            name="population_16_plus",
            zh="16周岁以上农业人口",
            kind=C.COUNT,
            required=False,
            aliases=("16週歲以上農業人口",),
            doc="The village's agricultural population aged 16 and over (LAND-8).",
        ),
        Column(
            name="already_insured",
            zh="已参保人数",
            kind=C.COUNT,
            required=False,
            aliases=("已參保人數",),
            doc="People of the village already in the expropriated farmers' insurance (LAND-8).",
        ),
        Column(
            name="quota",
            zh="核定参保指标",
            kind=C.COUNT,
            required=False,
            aliases=("核定參保指標", "参保指标", "參保指標"),
            doc="Places already set for the case; if empty, LAND-8 computes them (LAND-9).",
        ),
        Column(
            name="adjustment_places",
            zh="调剂指标",
            kind=C.COUNT,
            required=False,
            aliases=("調劑指標",),
            doc="Adjustment places given to the case (LAND-10); recorded: LAND-10 is applied.",
        ),
        Column(
            name="resettling_unit",
            zh="安置单位",
            kind=C.ID,
            required=False,
            aliases=("安置單位",),
            doc="The unit that resettles the people, when another unit does (LAND-3).",
        ),
        Column(
            name="social_security_account",
            zh="社保费用专户",
            kind=C.ID,
            required=False,
            aliases=("社保費用專戶", "社会保障费用专户", "社會保障費用專戶"),
            doc="Payee id of the social-security fees; empty: social-security-fund.",
        ),
        Column(
            name="plan_approved_on",
            zh="补偿安置方案批准日期",
            kind=C.DATE,
            required=False,
            aliases=("補償安置方案批准日期", "方案批准日期"),
            doc="When the compensation plan was approved; empty: the approval date (LAND-6).",
        ),
        Column(
            name="due_on",
            zh="支付期限",
            kind=C.DATE,
            required=False,
            aliases=("支付截止日期", "應付日期", "应付日期"),
            doc="The payment deadline, when it is known; empty: from the pack (LAND-6).",
        ),
    ),
)

PARCELS = TableSchema(
    name="parcels",
    zh="地块",
    key="parcel_id",
    link="case_id",
    doc="One row per parcel taken (地块); ids are unique in the table.",
    columns=(
        Column(
            name="parcel_id",
            zh="地块编号",
            kind=C.ID,
            nullable=False,
            aliases=("地塊編號", "地块编码", "地塊編碼"),
            doc="The parcel's id.",
        ),
        CASE_ID,
        Column(
            name="area",
            zh="面积（亩）",
            kind=C.DECIMAL,
            nullable=False,
            aliases=("面積（畝）", "面积", "面積", "地块面积", "地塊面積"),
            doc="The area taken, in mu (亩), more than 0.",
        ),
        Column(
            name="land_type",
            zh="地类",
            kind=C.ENUM,
            enum=LandType,
            nullable=False,
            aliases=("地類", "土地类型", "土地類型"),
            doc="耕地 / 其他农用地 / 建设用地 / 未利用地.",
        ),
        Column(
            name="contracted_by",
            zh="承包户编号",
            kind=C.ID,
            aliases=("承包戶編號", "承包户", "承包戶"),
            doc="The household that contracts the parcel (a household of the same case).",
        ),
    ),
)

HOUSEHOLDS = TableSchema(
    name="households",
    zh="户",
    key="household_id",
    link="case_id",
    doc="One row per household of a case (户); ids are unique in the table.",
    columns=(
        Column(
            name="household_id",
            zh="户编号",
            kind=C.ID,
            nullable=False,
            aliases=("戶編號", "户号", "戶號"),
            doc="The household's id; also its payee id (LAND-3).",
        ),
        CASE_ID,
        Column(
            name="head_id",
            zh="户主编号",
            kind=C.ID,
            required=False,
            aliases=("戶主編號",),
            doc="Person id of the head of household (户主).",
        ),
        Column(
            name="waived",
            zh="放弃参保人数",
            kind=C.COUNT,
            required=False,
            aliases=("放棄參保人數", "放弃参保指标数", "放棄參保指標數"),
            doc="Places the household waived (LAND-10); recorded: LAND-10 is applied.",
        ),
    ),
)

_PERSON_ID = Column(
    name="person_id",
    zh="人员编号",
    kind=C.ID,
    nullable=False,
    aliases=("人員編號", "成员编号", "成員編號"),
    doc="The person's id.",
)
_PERSON_HOUSEHOLD = Column(
    name="household_id",
    zh="户编号",
    kind=C.ID,
    nullable=False,
    aliases=("戶編號", "户号", "戶號"),
    doc="The id of the person's household.",
)
_BIRTH = Column(
    name="birth_date",
    zh="出生日期",
    kind=C.DATE,
    nullable=False,
    past=True,
    doc="Date of birth (LAND-9: aged 16+ on the approval date).",
)
_NAME = Column(name="name", zh="姓名", kind=C.TEXT, required=False, doc="Name (shown only).")

PERSONS = TableSchema(
    name="persons",
    zh="人员",
    key="person_id",
    link="household_id",
    doc="One row per household member (家庭成员), linked to a household.",
    columns=(
        _PERSON_ID,
        _PERSON_HOUSEHOLD,
        _BIRTH,
        Column(
            name="pension_insured",
            zh="已参加养老保险",
            kind=C.BOOL,
            aliases=("已參加養老保險", "已参保", "已參保"),
            doc="Already insured, so not eligible for a place (LAND-9); empty: not recorded, "
            "no place until it is.",
        ),
        _NAME,
    ),
)

#: Persons as the split and audit read them: ids and birth dates only (members of a household).
PERSONS_BASIC = attrs.evolve(PERSONS, columns=(_PERSON_ID, _PERSON_HOUSEHOLD, _BIRTH, _NAME))

# -- linking and holding -----------------------------------------------------------------------


def _ids(frame: Frame, rows: np.ndarray) -> pa.Array | None:
    if frame.schema.key is None:
        return None
    return frame.ids().take(array(rows, pa.int64()))


def mark_bad(
    frame: Frame, rows: np.ndarray, column: str, code: str, log: ErrorLog, **args: Any
) -> None:
    """Log ``rows`` of ``frame`` with ``code`` (their cell in ``column``) and mark them bad."""
    rows = rows[~frame.bad[rows]]
    if not len(rows):
        return
    values = None
    if column in frame.headers:
        values = frame.source.column(frame.headers[column]).take(array(rows, pa.int64()))
    log.add(
        table=frame.name,
        rows=rows,
        column=frame.headers.get(column, column),
        code=code,
        ids=_ids(frame, rows),
        values=values,
        args=args,
    )
    frame.bad[rows] = True


def _hold(
    frame: Frame, mask: np.ndarray, column: str, code: str, log: ErrorLog, **args: Any
) -> None:
    """Hold back the rows in ``mask`` (not already bad or held) and list them in the errors."""
    rows = frame.mark_held(mask)
    if len(rows):
        log.add(
            table=frame.name,
            rows=rows,
            column=frame.headers.get(column, column),
            code=code,
            ids=_ids(frame, rows),
            args=args,
        )


def _not_positive(frame: Frame, field: str, log: ErrorLog) -> None:
    """Rows whose ``field`` is recorded but not more than 0 (a Decimal or fen column)."""
    parsed = frame.cols.get(field)
    if parsed is None:
        return
    if isinstance(parsed.values, list):
        low = np.array([v is not None and v <= 0 for v in parsed.values], bool)
    else:
        low = np.asarray(parsed.values) <= 0
    rows = np.flatnonzero(parsed.recorded & low)
    mark_bad(frame, rows, field, "ledger.error.not_positive", log)


def _same_case(child: Frame, field: str, target: Frame, code: str, log: ErrorLog) -> None:
    """``child.field`` must name a row of ``target`` in the same case (e.g. contracted_by)."""
    parsed = child.cols.get(field)
    if parsed is None or child.parent is None or target.parent is None:
        return
    check = parsed.recorded & (child.parent >= 0)
    rows = np.flatnonzero(check)
    if not len(rows):
        return
    names = parsed.values.take(array(rows, pa.int64()))
    pos = _link_hash(names, target.ids())
    found = pos >= 0
    same = np.zeros(len(rows), bool)
    same[found] = target.parent[pos[found]] == child.parent[rows[found]]
    mark_bad(child, rows[~same], field, code, log)


# A case held back because of a bad row in another table: which table.
_PART_CODES = {
    "parcels": "ledger.error.case_parcel_row",
    "households": "ledger.error.case_household_row",
    "attachments": "ledger.error.case_attachment_row",
    "payments": "ledger.error.case_payment_row",
}


def hold_children(frames: Mapping[str, Frame], log: ErrorLog) -> None:
    """Hold back every row whose case (or, for persons, household) is not used."""
    cases = frames["cases"]
    for name, frame in frames.items():
        if name in ("cases", "persons") or frame.parent is None:
            continue
        linked = frame.parent >= 0
        stale = np.zeros(len(frame), bool)
        stale[linked] = ~cases.ok[frame.parent[linked]]
        _hold(frame, stale, "case_id", "ledger.error.case_row", log)
    persons, households = frames.get("persons"), frames.get("households")
    if persons is not None and households is not None and persons.parent is not None:
        linked = persons.parent >= 0
        stale = np.zeros(len(persons), bool)
        stale[linked] = ~households.ok[persons.parent[linked]]
        _hold(persons, stale, "household_id", "ledger.error.household_row", log)


def prepare_cases(
    frames: Mapping[str, Frame],
    log: ErrorLog,
    check: Callable[[Mapping[str, Frame], ErrorLog], None] | None = None,
) -> None:
    """Link every table to its case, check what the domain objects would refuse, hold back.

    ``check`` adds a rule's own row checks once the tables are linked (payments: LAND-6).

    A case with a bad (or held) row in any table is held back whole, and so are all the rows
    of a case that is bad or held: a case is computed from all its rows or not at all.
    """
    cases = frames["cases"]
    for field in ("village_land", "per_capita_cultivated_before"):
        _not_positive(cases, field, log)
    children = [f for n, f in frames.items() if n not in ("cases", "persons")]
    for child in children:
        link(child, cases, log)
    for name, field in (("parcels", "area"), ("attachments", "amount"), ("payments", "amount")):
        if name in frames:
            _not_positive(frames[name], field, log)
    households = frames.get("households")
    persons = frames.get("persons")
    if households is not None and persons is not None:
        link(persons, households, log)
        assert persons.parent is not None
        linked = persons.parent >= 0
        n_h = len(households)
        bad_member = np.bincount(persons.parent[linked & persons.bad], minlength=n_h) > 0
        _hold(households, bad_member, "household_id", "ledger.error.member_row", log)
        size = np.bincount(persons.parent[linked], minlength=n_h)
        empty = np.flatnonzero((size == 0) & households.ok)
        mark_bad(households, empty, "household_id", "ledger.error.no_members", log)
        code = "ledger.error.not_household_of_case"
        _same_case(frames["parcels"], "contracted_by", households, code, log)
    if "attachments" in frames:
        code = "ledger.error.not_parcel_of_case"
        _same_case(frames["attachments"], "parcel", frames["parcels"], code, log)
    if check is not None:
        check(frames, log)
    parcels = frames["parcels"]
    assert parcels.parent is not None
    has = np.bincount(parcels.parent[parcels.parent >= 0], minlength=len(cases)) > 0
    mark_bad(cases, np.flatnonzero(~has & cases.ok), "case_id", "ledger.error.no_parcels", log)
    for child in children:
        assert child.parent is not None
        not_ok = (child.parent >= 0) & ~child.ok
        bad_part = np.bincount(child.parent[not_ok], minlength=len(cases)) > 0
        _hold(cases, bad_part, "case_id", _PART_CODES[child.name], log)
    hold_children(frames, log)


def solve_cases(
    frames: Mapping[str, Frame], log: ErrorLog, solve: Callable[[int], T]
) -> dict[int, T]:
    """``solve(case_row)`` for every used case; a case the rule refuses is an error row.

    The refused case's rows in the other tables are then held back (listed in the errors).
    """
    cases = frames["cases"]
    out: dict[int, T] = {}
    refused: list[int] = []
    for c in np.flatnonzero(cases.ok).tolist():
        try:
            out[c] = solve(c)
        except PovertyPolicyError as exc:
            log.add(
                table="cases",
                rows=np.array([c], np.int64),
                column="",
                code="ledger.error.rule",
                ids=_ids(cases, np.array([c], np.int64)),
                args={"detail": str(exc)},
            )
            refused.append(c)
    if refused:
        cases.bad[np.array(refused, np.int64)] = True
        hold_children(frames, log)
    return out


def output_table(
    rows: list[dict[str, Any]], types: Mapping[str, pa.DataType]
) -> dict[str, pa.Array]:
    """Result columns in ``types`` order, one dict per output row; reasons dictionary-encoded."""
    cols: dict[str, pa.Array] = {}
    for name, kind in types.items():
        arr = array([r[name] for r in rows], kind)
        if name in ("reason", "status", "payee_kind", "method"):
            arr = arr.dictionary_encode()
        cols[name] = arr
    return cols


def case_rows(frame: Frame, c: int) -> list[int]:
    """The used rows of ``frame`` that belong to case row ``c``, in table order."""
    return [int(i) for i in members_of(frame, c)]


# -- domain objects ----------------------------------------------------------------------------


def _area(frame: Frame, field: str, i: int) -> Area | None:
    value = frame.value(field, i)
    return None if value is None else Area.mu(value)


def _person(persons: Frame, i: int) -> Person:
    extra: dict[str, Any] = {}
    name = persons.value("name", i)
    if name is not None:
        extra["name"] = name
    insured = persons.value("pension_insured", i)
    if insured is not None:
        extra["pension_insured"] = insured
    return Person(
        id=persons.value("person_id", i), birth_date=persons.value("birth_date", i), **extra
    )


def household_object(frames: Mapping[str, Frame], h: int) -> Household:
    """Household row ``h`` and its person rows as a `Household`."""
    households, persons = frames["households"], frames["persons"]
    return Household(
        id=households.value("household_id", h),
        members=tuple(_person(persons, i) for i in case_rows(persons, h)),
        head_id=households.value("head_id", h),
    )


def _parcel(parcels: Frame, i: int, contracts: bool) -> Parcel:
    return Parcel(
        id=parcels.value("parcel_id", i),
        area=Area.mu(parcels.value("area", i)),
        land_type=parcels.value("land_type", i),
        contracted_by=parcels.value("contracted_by", i) if contracts else None,
    )


def _attachment(items: Frame, i: int) -> Attachment:
    description = items.value("description", i)
    return Attachment(
        id=items.value("attachment_id", i),
        kind=items.value("kind", i),
        owner=items.value("owner", i),
        amount=items.value("amount", i),
        parcel=items.value("parcel", i),
        **({} if description is None else {"description": description}),
    )


def expropriation_object(frames: Mapping[str, Frame], c: int) -> Expropriation:
    """Case row ``c`` and its rows in the other tables as an `Expropriation`.

    Without a households table (LAND-8 needs none) the parcels' ``contracted_by`` is left
    out, since it must name a household of the case.
    """
    cases, parcels = frames["cases"], frames["parcels"]
    contracts = "households" in frames
    households: Iterable[Household] = ()
    if contracts:
        households = tuple(household_object(frames, h) for h in case_rows(frames["households"], c))
    attachments: Iterable[Attachment] = ()
    if "attachments" in frames:
        items = frames["attachments"]
        attachments = tuple(_attachment(items, i) for i in case_rows(items, c))
    account = cases.value("social_security_account", c)
    return Expropriation(
        collective=cases.value("collective", c),
        approved_on=cases.value("approved_on", c),
        parcels=tuple(_parcel(parcels, i, contracts) for i in case_rows(parcels, c)),
        households=households,
        attachments=attachments,
        per_capita_cultivated_before=_area(cases, "per_capita_cultivated_before", c),
        village_land=_area(cases, "village_land", c),
        population_16_plus=cases.value("population_16_plus", c),
        already_insured=cases.value("already_insured", c),
        resettling_unit=cases.value("resettling_unit", c),
        **({} if account is None else {"social_security_account": account}),
    )


# The rules (imported last: they use the tables and helpers above).
from . import land_payments, land_places  # noqa: E402, F401
