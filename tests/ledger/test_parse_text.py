"""Text readers: the raw-byte edge-space check and dictionary-encoded text cells."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy.ledger.parse import _may_have_edge_space, parse_column
from povertypolicy.ledger.schema import Column, ColumnKind

# Every white space utf8_trim_whitespace removes, and characters whose bytes look like them.
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000"
)
_OTHERS = "aZ0-某镇第村éß€中😀\u3001\u1681\u00a1\u2ff0\x7f"
_CJK = "aZ09-某镇第村中镇😀"  # no byte 0xC0–0xE3: read without a trim unless a space is near
cells = st.lists(
    st.none() | st.text(st.sampled_from(_SPACES + _OTHERS), max_size=5), min_size=1, max_size=8
)
chinese = st.lists(
    st.none() | st.text(st.sampled_from(_CJK) | st.sampled_from(_SPACES), max_size=5),
    min_size=1,
    max_size=8,
)


@given(cells | chinese, st.integers(0, 2))
def test_no_edge_space_answer_means_nothing_to_trim(texts: list[str | None], cut: int) -> None:
    arr = pa.array(texts, pa.string()).slice(min(cut, len(texts) - 1))
    if not _may_have_edge_space(arr):
        assert pc.utf8_trim_whitespace(arr).equals(arr)


def test_chinese_ids_need_no_trim() -> None:
    assert not _may_have_edge_space(pa.array(["某镇", "第12村", "JC0000001", "村"]))
    assert _may_have_edge_space(pa.array(["某镇", "第12村\u3000"]))
    assert _may_have_edge_space(pa.array(["\xa0某镇", "村"]))


@given(cells)
def test_dictionary_text_reads_as_plain_text(texts: list[str | None]) -> None:
    column = Column(name="note", zh="备注", kind=ColumnKind.TEXT, required=False, doc="A note.")
    plain = parse_column(pa.array(texts, pa.string()), column)
    encoded = parse_column(pc.dictionary_encode(pa.array(texts, pa.string())), column)
    assert encoded.values.equals(plain.values)
    assert np.array_equal(encoded.recorded, plain.recorded)
    assert np.array_equal(encoded.bad, plain.bad)
