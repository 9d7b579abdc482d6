"""The monitoring ledger's tables (监测台账): schemas, set-valued cells, members by household.

Shared by `monitoring` (MON-1 + MON-3 kernels, MON-6) and `registration`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..domain.enums import (
    BasicNeed,
    Exclusion,
    LabourCapacity,
    MonitoringCategory,
    RiskFactor,
    WarningLevel,
)
from ..domain.person import Household, Person
from . import arrays
from .columns import group_counts, members_of
from .errors import ErrorLog
from .frame import Frame, link
from .parse import enum_labels, index_buffer, per_index
from .schema import Column, ColumnKind, TableSchema

__all__ = [
    "MONITORED",
    "PERSONS",
    "household_object",
    "link_members",
    "set_column",
]

C = ColumnKind

HOUSEHOLD_ID = Column(
    name="household_id",
    zh="户编号",
    kind=C.ID,
    nullable=False,
    aliases=("戶編號", "户号", "戶號", "户码", "戶碼"),
    doc="The household's id.",
)


def _fact(name: str, zh: str, hant: str, doc: str, *aliases: str) -> Column:
    """A yes/no fact; an absent column or an empty cell is "not recorded"."""
    return Column(name=name, zh=zh, kind=C.BOOL, required=False, aliases=(hant, *aliases), doc=doc)


PERSONS = TableSchema(
    name="persons",
    zh="人员",
    key="person_id",
    link="household_id",
    doc="One row per household member (家庭成员), linked to a household by its id.",
    columns=(
        Column(
            name="person_id",
            zh="人员编号",
            kind=C.ID,
            nullable=False,
            aliases=("人員編號", "成员编号", "成員編號"),
            doc="The person's id in the ledger.",
        ),
        HOUSEHOLD_ID,
        Column(
            name="birth_date",
            zh="出生日期",
            kind=C.DATE,
            nullable=False,
            past=True,
            doc="Date of birth.",
        ),
        Column(
            name="labour_capacity",
            zh="劳动能力",
            kind=C.ENUM,
            enum=LabourCapacity,
            aliases=("勞動能力",),
            doc="有劳动能力 / 部分丧失劳动能力 / 完全丧失劳动能力; empty: not recorded (MON-3).",
        ),
    ),
)

MONITORED = TableSchema(
    name="monitored",
    zh="监测户",
    key="household_id",
    doc="One row per household on the monitoring ledger (监测台账), facts as of its assessment.",
    columns=(
        HOUSEHOLD_ID,
        Column(
            name="village",
            zh="村",
            kind=C.ID,
            required=False,
            aliases=("所在村", "村名", "行政村"),
            doc="Administrative village (for the summary and spot checks).",
        ),
        Column(
            name="township",
            zh="乡镇",
            kind=C.ID,
            required=False,
            aliases=("鄉鎮", "镇", "鎮"),
            doc="Township (for the summary).",
        ),
        Column(
            name="assessed_on",
            zh="评定日期",
            kind=C.DATE,
            nullable=False,
            past=True,
            aliases=("評定日期", "排查日期"),
            doc="The assessment date of the row's facts.",
        ),
        Column(
            name="per_capita_disposable_income",
            zh="人均可支配收入",
            kind=C.MONEY,
            required=False,
            doc="Yuan per person per year (MON-1 group 5, MON-3 red).",
        ),
        Column(
            name="category",
            zh="监测类别",
            kind=C.ENUM,
            enum=MonitoringCategory,
            required=False,
            aliases=("監測類別", "监测对象类别"),
            doc="脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户 (MON-1 group 2).",
        ),
        _fact(
            "registered_out_of_poverty",
            "建档立卡已脱贫户",
            "建檔立卡已脫貧戶",
            "A registered household that has left poverty (MON-1 group 1).",
            "已脱贫户",
        ),
        Column(
            name="risk_cleared",
            zh="已标记消除风险",
            kind=C.BOOL,
            required=False,
            aliases=("已標記消除風險", "风险已消除", "已消除风险"),
            doc="The risk-cleared mark (标记消除风险, MON-4); an empty cell is read as not marked.",
        ),
        Column(
            name="dibao",
            zh="低保",
            kind=C.BOOL,
            aliases=("农村低保", "農村低保", "低保户", "低保戶"),
            doc="A rural dibao household (MON-1 group 4); empty: not recorded.",
        ),
        Column(
            name="extreme_poverty_support",
            zh="特困供养",
            kind=C.BOOL,
            aliases=("特困供養", "特困人员", "特困人員"),
            doc="Extreme-poverty support (MON-1 group 4); empty: not recorded.",
        ),
        _fact(
            "large_rigid_expenditure",
            "刚性支出较大",
            "剛性支出較大",
            "Large rigid spending from illness, disaster or accident (MON-1 group 3, red).",
        ),
        Column(
            name="rigid_expenditure",
            zh="刚性支出",
            kind=C.MONEY,
            required=False,
            aliases=("剛性支出",),
            doc="Rigid spending in yuan (shown only: the text gives no amount).",
        ),
        _fact("sharp_income_drop", "收入大幅缩减", "收入大幅縮減", "A sharp income drop."),
        _fact(
            "severe_hardship",
            "基本生活严重困难",
            "基本生活嚴重困難",
            "Basic living in severe hardship (导致基本生活出现严重困难).",
        ),
        _fact(
            "living_difficulty",
            "基本生活困难",
            "基本生活困難",
            "Basic living in hardship (导致基本生活出现困难; yellow, blue).",
        ),
        Column(
            name="risk_factors",
            zh="风险类型",
            kind=C.TEXT,
            required=False,
            aliases=("風險類型", "风险因素", "風險因素"),
            doc="Risk factors as listed (因大病、因学…, separated by 、 or ,); 无: none; "
            "empty: not recorded.",
        ),
        Column(
            name="unmet_needs",
            zh="未保障事项",
            kind=C.TEXT,
            required=False,
            aliases=("未保障事項", "两不愁三保障未保障", "兩不愁三保障未保障"),
            doc="Unmet guarantees and drinking water (住房安全有保障…); 无: none; empty: not "
            "recorded.",
        ),
        _fact(
            "entrepreneurial_ability",
            "有创业能力",
            "有創業能力",
            "Has entrepreneurial ability (yellow: 无创业能力).",
        ),
        _fact(
            "income_only_from_support",
            "收入仅靠帮扶分红",
            "收入僅靠幫扶分紅",
            "Income only from support funds or dividends (yellow).",
        ),
        _fact("unstable_income", "收入不稳定", "收入不穩定", "Unstable income (blue)."),
        _fact(
            "weak_self_development",
            "自主发展动力不足",
            "自主發展動力不足",
            "Weak drive to develop (blue).",
        ),
        _fact(
            "relies_on_projects",
            "主要依靠产业项目和帮扶",
            "主要依靠產業項目和幫扶",
            "Relies mainly on industry projects and assistance (blue).",
        ),
        Column(
            name="previous_level",
            zh="上次预警等级",
            kind=C.ENUM,
            enum=WarningLevel,
            required=False,
            aliases=("上次預警等級",),
            doc="The level at the last run (for levels changed); empty: no level then.",
        ),
    ),
)

_NONE_WORDS = frozenset({"无", "無", "none", "没有", "沒有", "-"})
_SPLIT = re.compile(r"[,，、;；/\s]+")
#: Set-valued columns and the enum their items belong to.
SET_COLUMNS: dict[str, type[enum.StrEnum]] = {
    "risk_factors": RiskFactor,
    "unmet_needs": BasicNeed,
    "exclusions": Exclusion,
}


def _cell_bits(text: str, labels: Mapping[str, int]) -> int | None:
    """Bitmask of the items in one cell; -1 for none (无); None when an item is unknown."""
    tokens = [t for t in _SPLIT.split(text.strip().lower()) if t]
    if not tokens:
        return -2  # blank
    if all(t in _NONE_WORDS for t in tokens):
        return 0
    bits = 0
    for t in tokens:
        pos = labels.get(t)
        if pos is None:
            return None
        bits |= 1 << pos
    return bits


def set_column(frame: Frame, name: str, log: ErrorLog) -> tuple[np.ndarray, np.ndarray]:
    """Read a set-valued text column as (bits uint16, recorded); unknown items are row errors.

    Each distinct cell text is read once. An absent column is not recorded in every row.
    """
    n = len(frame)
    parsed = frame.cols.get(name)
    if parsed is None:
        return np.zeros(n, np.uint16), np.zeros(n, bool)
    labels = enum_labels(SET_COLUMNS[name])
    values = parsed.values
    encoded = parsed.encoded if parsed.encoded is not None else pc.dictionary_encode(values)
    entries = encoded.dictionary
    words = (entries if pa.types.is_string(entries.type) else entries.cast(pa.string())).to_pylist()
    if not words:
        return np.zeros(n, np.uint16), np.zeros(n, bool)
    codes = [_cell_bits(w, labels) if w is not None else -2 for w in words]
    # Per entry: its bits where read (0: none or not read), and 0 read, 1 blank, 2 unknown item.
    table = np.array([0 if c is None or c < 0 else c for c in codes], np.uint16)
    state = np.array([2 if c is None else (1 if c == -2 else 0) for c in codes], np.int8)
    index = index_buffer(encoded.indices)
    st = per_index(state, index)
    # An empty cell (a null index, or a null or blank text) is not recorded.
    np.copyto(st, np.int8(1), where=~parsed.recorded)
    bad = np.flatnonzero(st == 2)
    if len(bad):
        log.add(
            table=frame.name,
            rows=bad,
            column=frame.headers[name],
            code="ledger.error.enum",
            ids=frame.ids().take(arrays.array(bad)),
            values=arrays.flat(values).take(arrays.array(bad)),
        )
        frame.bad[bad] = True
    read = st == 0
    bits = per_index(table, index)
    np.copyto(bits, np.uint16(0), where=~read)
    return bits, read


def link_members(frames: Mapping[str, Frame], parent: str, log: ErrorLog) -> None:
    """Persons → their household rows in ``parent``; a household with a bad member row, or
    with none, is held back or an error; members of a bad household are held back."""
    persons, households = frames["persons"], frames[parent]
    link(persons, households, log)
    where = persons.parent
    assert where is not None
    linked = where >= 0
    bad_count, size = group_counts(persons, (persons.bad, linked), len(households))
    ids = households.ids()
    rows = households.mark_held(bad_count > 0)
    if len(rows):
        log.add(
            table=parent,
            rows=rows,
            column=persons.headers["household_id"],
            code="ledger.error.member_row",
            ids=ids.take(arrays.array(rows)),
        )
    empty = np.flatnonzero((size == 0) & ~households.bad & ~households.held)
    if len(empty):
        log.add(
            table=parent,
            rows=empty,
            column=persons.headers["household_id"],
            code="ledger.error.no_members",
            ids=ids.take(arrays.array(empty)),
        )
        households.bad[empty] = True
    not_ok = np.zeros(len(persons), bool)
    not_ok[linked] = ~households.ok[where[linked]]
    rows = persons.mark_held(not_ok)
    if len(rows):
        log.add(
            table="persons",
            rows=rows,
            column=persons.headers["household_id"],
            code="ledger.error.household_row",
            ids=persons.ids().take(arrays.array(rows)),
        )


def household_object(frames: Mapping[str, Frame], parent: str, h: int, **facts: Any) -> Household:
    """Household row ``h`` of ``parent`` and its person rows as a `Household`."""
    persons, households = frames["persons"], frames[parent]
    members = tuple(
        Person(
            id=persons.value("person_id", int(i)),
            birth_date=persons.value("birth_date", int(i)),
            labour_capacity=persons.value("labour_capacity", int(i)),
        )
        for i in members_of(persons, h)
    )
    return Household(
        id=households.value("household_id", h),
        members=members,
        village=households.value("village", h),
        **facts,
    )
