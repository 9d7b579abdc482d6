"""`Frame.read_cells`: a column read whole gives every cell exactly as `Frame.value` reads it.

The land rules read their tables whole (`reading_cells`) before they build a case's objects;
explaining one row reads its cells one by one. Both must give the same values, for every kind
of column, with empty and unreadable cells among them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy.domain.enums import LandType
from povertypolicy.ledger.errors import ErrorLog
from povertypolicy.ledger.frame import Frame, reading_cells
from povertypolicy.ledger.reading import read_frames
from povertypolicy.ledger.schema import Column, ColumnKind, TableSchema
from povertypolicy.ledger.workers import Workers

C = ColumnKind
SCHEMA = TableSchema(
    name="things",
    zh="测试表",
    key="thing_id",
    columns=(
        Column(name="thing_id", zh="编号", kind=C.ID, nullable=False, doc="id"),
        Column(name="note", zh="备注", kind=C.TEXT, doc="text"),
        Column(name="born", zh="日期", kind=C.DATE, doc="date"),
        Column(name="insured", zh="是否", kind=C.BOOL, doc="bool"),
        Column(name="land_type", zh="地类", kind=C.ENUM, enum=LandType, doc="enum"),
        Column(name="amount", zh="金额", kind=C.MONEY, doc="money"),
        Column(name="people", zh="人数", kind=C.COUNT, doc="count"),
        Column(name="area", zh="面积", kind=C.DECIMAL, doc="decimal"),
    ),
)

# Each column's cells: readable ones, empty ones (None, "") and unreadable ones.
CELLS: dict[str, st.SearchStrategy[Any]] = {
    "note": st.sampled_from([None, "", "东坡", " 有空格 ", "x"]),
    "born": st.sampled_from([None, "", "1970-01-01", "2011/3/20", "2000-02-29", "1980-02-30", "?"]),
    "insured": st.sampled_from([None, "", "是", "否", "yes", "0", "也许"]),
    "land_type": st.sampled_from([None, "", "耕地", "其他农用地", "建设用地", "沙漠"]),
    "amount": st.sampled_from([None, "", "0", "12.34", "1200", "-5", "1.234", "abc"]),
    "people": st.sampled_from([None, "", "0", "3", "20", "-1", "2.5"]),
    "area": st.sampled_from([None, "", "0", "3.3", "1/3", "-2", "abc"]),
}


def _frame(rows: list[dict[str, Any]]) -> Frame:
    table = pa.table(
        {
            "thing_id": [f"T{i}" for i in range(len(rows))],
            **{name: pa.array([r[name] for r in rows], pa.string()) for name in CELLS},
        }
    )
    frames = read_frames(
        [SCHEMA],
        {"things": table},
        rule="test",
        log=ErrorLog(),
        workers=Workers(1, table.num_rows),
        mapping=None,
        today=None,
    )
    return frames["things"]


@given(st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=30))
def test_read_whole_equals_read_by_cell(rows: list[dict[str, Any]]) -> None:
    frame = _frame(rows)
    fields = ["thing_id", *CELLS]
    by_cell = {f: [frame.value(f, i) for i in range(len(frame))] for f in fields}
    assert not frame.cells
    frame.read_cells(*fields, "not_a_column")
    assert set(frame.cells) == set(fields)
    for f in fields:
        whole = [frame.value(f, i) for i in range(len(frame))]
        assert whole == by_cell[f], f
        assert [type(v) for v in whole] == [type(v) for v in by_cell[f]], f


def test_empty_and_unreadable_cells_are_not_recorded_either_way() -> None:
    unreadable = {
        "note": "",
        "born": "1980-02-30",
        "insured": "也许",
        "land_type": "沙漠",
        "amount": "1.234",
        "people": "2.5",
        "area": "-2",
    }
    frame = _frame([unreadable, dict.fromkeys(CELLS)])
    assert frame.bad.tolist() == [True, False]
    frame.read_cells(*CELLS)
    assert all(frame.value(f, i) is None for f in CELLS for i in (0, 1))


def test_reading_cells_lets_go_afterwards() -> None:
    frame = _frame([{**dict.fromkeys(CELLS), "born": "1970-01-01", "area": "3.3"}])
    seen: dict[str, Any] = {}

    class Rule:
        @reading_cells
        def compute(self, frames: dict[str, Frame], tag: str) -> str:
            seen.update(frames["things"].cells)
            return tag

    assert Rule().compute({"things": frame}, "done") == "done"
    assert seen["born"] == [dt.date(1970, 1, 1)]
    assert seen["thing_id"] == ["T0"]
    assert not frame.cells  # the result keeps none of them
    assert np.array_equal(frame.bad, [False])
