"""Citations, capital numerals and sources: every refusal has its own code and reads in three
locales (``check_input_error``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from povertypolicy import Citation, Money
from povertypolicy.errors import InputError
from povertypolicy.explain.numerals import to_capital
from povertypolicy.sources import find_quote, get_source
from tests.error_texts import check_refused

LAW = "land-administration-regulations-1998"

# name → (what raises, (obj, field, value), code, extra)
CASES: dict[str, tuple[Callable[[], object], tuple[str, str, Any], str, dict[str, Any]]] = {
    "citation_blank_section": (
        lambda: Citation(document="poverty-work-plan-samples", section=" "),
        ("Citation", "section", " "),
        "core.error.text_empty",
        {},
    ),
    "citation_law_not_text": (
        lambda: Citation(law=47, article="第四十七条"),  # type: ignore[arg-type]
        ("Citation", "law", 47),
        "core.error.text_empty",
        {},
    ),
    "citation_document_without_section": (
        lambda: Citation(document="poverty-work-plan-samples"),
        (
            "Citation",
            "document/section or law/article",
            {
                "document": "poverty-work-plan-samples",
                "section": None,
                "law": None,
                "article": None,
                "quote": None,
                "scenario": None,
            },
        ),
        "core.error.citation",
        {},
    ),
    "capital_float": (
        lambda: to_capital(12.5),  # type: ignore[arg-type]
        ("to_capital", "amount", 12.5),
        "core.error.amount_or_fen",
        {},
    ),
    "capital_bool": (
        lambda: to_capital(True),
        ("to_capital", "amount", True),
        "core.error.amount_or_fen",
        {},
    ),
    "capital_too_large": (
        lambda: to_capital(10**18),
        ("to_capital", "amount", 10**18),
        "core.error.capital_magnitude",
        {},
    ),
    "source_part": (
        lambda: get_source(LAW).part("第九十九条"),
        (f"Source({LAW})", "part", "第九十九条"),
        "core.error.source_part",
        {"parts": ("第二十五条", "第二十六条")},
    ),
    "source_without_parts": (
        lambda: get_source("zj-taizhou-2019-47").part("篇1"),
        ("Source(zj-taizhou-2019-47)", "part", "篇1"),
        "core.error.source_part",
        {"parts": ()},
    ),
    "quote_blank": (
        lambda: find_quote(LAW, "  "),
        ("find_quote", "quote", "  "),
        "core.error.text_empty",
        {},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_refusal_has_its_own_code(name: str) -> None:
    check_refused(*CASES[name])


def test_the_largest_capital_amount_is_written_and_one_fen_more_is_refused() -> None:
    assert to_capital(10**18 - 1).startswith("玖仟玖佰玖拾玖万")
    with pytest.raises(InputError) as exc:
        to_capital(Money.from_fen(10**18))
    assert exc.value.code == "core.error.capital_magnitude"
    assert exc.value.text("zh_Hans").endswith("大写金额最高写到万亿位，金额应小于10¹⁶元")


def test_a_source_lists_its_parts_in_the_locale() -> None:
    with pytest.raises(InputError) as exc:
        get_source(LAW).part("第九十九条")
    assert exc.value.text("zh_Hans").endswith("：第二十五条和第二十六条")
    assert exc.value.text("en").endswith(": 第二十五条 and 第二十六条")
    assert str(exc.value).endswith("expected one of 第二十五条, 第二十六条")
