"""Notebook HTML (answer first, styled, quotes, locale set once) and compact JSON."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re

import pytest

import povertypolicy as pp
from povertypolicy.explain import (
    compact_dicts,
    get_locale,
    set_locale,
    using_locale,
)
from povertypolicy.explain.render import render_answer

HAS_OPENCC = importlib.util.find_spec("opencc") is not None


def _household(hid: str, n: int = 1) -> pp.Household:
    return pp.Household(
        id=hid,
        members=[
            pp.Person(
                id=f"{hid}-{i}",
                birth_date=dt.date(1960 + i, 2, 1),
                hukou=pp.HukouType.AGRICULTURAL,
                registered_locally=True,
                lives_in_area=True,
            )
            for i in range(n)
        ],
        relocation_applied_on=dt.date(2011, 3, 1),
    )


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))


@pytest.fixture
def result(policy: pp.Policy) -> pp.Result[object]:
    return pp.rules.housing.housing_subsidy(_household("H<1>"), policy)  # type: ignore[return-value]


@pytest.fixture(autouse=True)
def _restore_locale() -> object:
    before = get_locale()
    yield
    set_locale(before)


def test_answer_comes_first_then_steps(result: pp.Result[object]) -> None:
    html = result.to_html("zh_Hans")
    answer = html.index('class="povertypolicy-answer"')
    steps = html.index('class="povertypolicy-steps"')
    assert answer < steps
    head = html[answer:steps]
    assert "结果" in head
    assert "农户应得" in head
    assert "3000元" in head
    # The first step of the table is HOUSE-1, after the answer.
    assert html.index("HOUSE-1") > steps


def test_html_is_styled_inline_and_safe(result: pp.Result[object]) -> None:
    html = result.to_html("en")
    assert 'style="' in html
    assert "<style" not in html  # inline CSS only: notebooks may strip <style> blocks
    for forbidden in ("<script", "<link", "src=", "http://", "https://", "@import"):
        assert forbidden not in html
    # The household id is escaped, never markup.
    assert "H&lt;1&gt;" in html
    assert "H<1>" not in html
    # Tags balance.
    for tag in ("div", "table", "tr", "td", "blockquote"):
        assert html.count(f"<{tag}") == html.count(f"</{tag}>"), tag


def test_html_shows_quotes_with_their_source(result: pp.Result[object]) -> None:
    html = result.to_html("zh_Hant")
    assert html.count("<blockquote") == sum(1 for s in result.steps for c in s.citations if c.quote)
    assert "每人3500元" in html  # quoted from the seed, as stored (traditional)
    assert "篇3 §七1" in html


@pytest.mark.skipif(not HAS_OPENCC, reason="OpenCC converts quotes to the explanation's script")
def test_quotes_in_the_explanations_script(result: pp.Result[object]) -> None:
    hans = result.to_html("zh_Hans")
    hant = result.to_html("zh_Hant")
    assert "实施政府一次性建房补助政策" in hans
    assert "實施政府一次性建房補助政策" in hant
    assert "實施政府" not in hans


def test_locale_set_once_is_used_by_display_and_explain(result: pp.Result[object]) -> None:
    assert get_locale() == "zh_Hans"
    assert "依据" in result._repr_html_()
    assert set_locale("en_GB") == "en"
    assert "Answer" in result._repr_html_()
    assert "CN¥3,000.00" in result._repr_html_()
    assert result.explain() == result.explain("en")
    assert result.steps[0].text() == result.steps[0].text("en")
    # An explicit locale still wins.
    assert "依據" in result.to_html("zh-TW")
    with using_locale("zh_Hant"):
        assert "農戶應得" in result._repr_html_()
    assert get_locale() == "en"
    with pytest.raises(pp.UnsupportedLocaleError):
        set_locale("fr")


def test_answer_of_a_plain_value(policy: pp.Policy) -> None:
    assert render_answer(dt.date(2011, 4, 6), "en") == [("Answer", "April 6, 2011")]
    assert render_answer(pp.Money("3500"), "zh_Hans") == [("结果", "3500元")]
    approval = pp.rules.housing.earliest_approval(dt.date(2011, 4, 1), policy)
    day = approval.value
    assert f"{day.year}年{day.month}月{day.day}日" in approval.to_html("zh_Hans")


def test_compact_dict_lists_citations_once(result: pp.Result[object]) -> None:
    full = result.to_dict()
    compact = result.to_dict(compact=True)
    assert compact["value"] == full["value"]
    assert [s["key"] for s in compact["steps"]] == [s["key"] for s in full["steps"]]
    # Each citation and parameter once; steps point at them by index.
    cites = [json.dumps(c, sort_keys=True) for c in compact["citations"]]
    assert len(cites) == len(set(cites)) == len(result.citations)
    assert len(compact["params"]) == len(result.params)
    for step, original in zip(compact["steps"], result.steps, strict=True):
        names = [compact["params"][i]["name"] for i in step.get("params", [])]
        assert names == [p.name for p in original.params]
        for i in step.get("params", []):
            row = compact["params"][i]
            assert isinstance(row["citation"], int)
            assert compact["citations"][row["citation"]]["section"]
    assert len(json.dumps(compact)) < len(json.dumps(full))


def test_compact_dicts_share_tables_across_results(policy: pp.Policy) -> None:
    results = [
        pp.rules.housing.housing_subsidy(_household(f"H{i}", 1 + i % 3), policy) for i in range(30)
    ]
    batch = compact_dicts(results, locale="en")
    assert len(batch["results"]) == 30
    assert len(batch["params"]) == len({p for r in results for p in r.params})
    assert batch["results"][4]["value"] == results[4].to_dict()["value"]
    assert batch["results"][4]["steps"][2]["text"] == results[4].steps[2].text("en")
    size_full = len(json.dumps([r.to_dict() for r in results]))
    assert len(json.dumps(compact_dicts(results))) < size_full / 2
    json.dumps(batch, ensure_ascii=False)


def test_html_numbers_steps_in_order(result: pp.Result[object]) -> None:
    html = result.to_html("en")
    cells = re.findall(r"<tr><td[^>]*>(\d+)</td>", html)
    assert cells == [str(n) for n in range(1, len(result.steps) + 1)]
