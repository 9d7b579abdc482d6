"""The 篇7 data-cleansing pack and check list: values, bounds, and quotes from the source."""

from __future__ import annotations

import datetime as dt

import povertypolicy as pp
from povertypolicy.policy import Bound, Side, load_pack
from povertypolicy.rules.data_quality import load_checks

SOURCE = "poverty-work-plan-samples"
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


def test_pack_and_check_list_quotes_are_from_the_source() -> None:
    source = pp.get_source(SOURCE)
    quotes = [v.citation for p in load_pack(PACK).parameters.values() for v in p.values]
    quotes += [c.citation for c in load_checks().checks]
    seen = 0
    for citation in quotes:
        if citation.document != SOURCE:
            assert citation.law  # GB 11643 / GB/T 2260 checks cite the standard
            continue
        assert citation.quote, citation
        part = source.part_for(citation.section)
        assert part is not None, citation
        assert source.find(citation.quote, part=part.name) is not None, citation.quote
        seen += 1
    assert seen >= 20
