"""The 003 篇7 data-cleansing pack and check list: values, bounds, and quotes from the seed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.policy import Bound, Side, load_pack
from povertypolicy.rules.data_quality import load_checks

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_2d36845397adf6a3.txt"
PACK = "town-poverty-data-cleansing"


def test_DATA_3_three_or_more_households_is_one_helps_many() -> None:
    many = pp.Policy.load(PACK, on=dt.date(2019, 3, 1)).param("data_quality.many_households")
    assert many.integer == 3
    assert (many.threshold, many.bound) == (Side.LOWER, Bound.INCLUSIVE)
    assert many.admits(3)
    assert not many.admits(2)


def test_pack_inherits_the_poverty_line_series() -> None:
    policy = pp.Policy.load(PACK, on=dt.date(2019, 3, 1))
    assert [p.id for p in policy.chain] == [PACK, "cn"]
    assert policy.at(dt.date(2018, 12, 31)).param("poverty.line").money == pp.Money("2995")


def _seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)", "", text)  # pinyin glosses
    return re.sub(r"\s", "", text)


@pytest.mark.skipif(not SEED.is_file(), reason="seed documents are not shipped with the package")
def test_pack_and_check_list_quotes_are_from_the_seed() -> None:
    text = _seed_text()
    quotes = [v.citation for p in load_pack(PACK).parameters.values() for v in p.values]
    quotes += [c.citation for c in load_checks().checks]
    seen = 0
    for citation in quotes:
        if citation.document != SEED.name:
            assert citation.law  # GB 11643 / GB/T 2260 checks cite the standard
            continue
        assert citation.quote, citation
        assert re.sub(r"\s", "", citation.quote) in text, citation.quote
        seen += 1
    assert seen >= 20
