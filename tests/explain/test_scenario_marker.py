"""A scenario value is shown as a scenario, not policy, in every rendering of an explanation."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

import povertypolicy as pp
from povertypolicy import Change
from povertypolicy.explain.result import compact_dicts
from povertypolicy.rules.housing import housing_subsidy

SCENARIO = "县里测算：每人4000元"
MARKERS = {
    "zh_Hans": "情景假设（非政策规定）：县里测算：每人4000元",
    "zh_Hant": "情境假設（非政策規定）：",
    "en": "Scenario (not policy): 县里测算：每人4000元",
}


@pytest.fixture
def variant() -> pp.Policy:
    base = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    return base.derive(
        {
            "housing.subsidy_per_person": Change("4000", scenario=SCENARIO),
            "housing.subsidy_county_per_person": Change("600", scenario=SCENARIO),
        }
    )


def household() -> pp.Household:
    return pp.Household(
        id="H1",
        members=[
            pp.Person(
                id="P1",
                birth_date=dt.date(1975, 5, 5),
                hukou=pp.HukouType.AGRICULTURAL,
                registered_locally=True,
                lives_in_area=True,
            )
        ],
        relocation_applied_on=dt.date(2011, 3, 20),
    )


@pytest.mark.parametrize("locale", sorted(MARKERS))
def test_text_marks_the_changed_value(variant: pp.Policy, locale: str) -> None:
    text = housing_subsidy(household(), variant).explain(locale)
    line = next(x for x in text.splitlines() if MARKERS[locale] in x)
    assert "4000" in line or "4,000" in line
    # the unchanged values keep their document citation, with no marker
    assert all("篇3 §七1" not in x for x in text.splitlines() if MARKERS[locale] in x)


@pytest.mark.parametrize("locale", sorted(MARKERS))
def test_html_marks_the_changed_value_and_warns(variant: pp.Policy, locale: str) -> None:
    html = housing_subsidy(household(), variant).to_html(locale)
    assert MARKERS[locale] in html
    assert 'class="povertypolicy-scenario"' in html


def test_html_without_a_scenario_has_no_warning() -> None:
    base = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    html = housing_subsidy(household(), base).to_html("zh_Hans")
    assert "povertypolicy-scenario" not in html
    assert "情景假设" not in html


def test_dicts_carry_the_scenario(variant: pp.Policy) -> None:
    r = housing_subsidy(household(), variant)
    full = r.to_dict()
    cited = [p["citation"] for s in full["steps"] for p in s.get("params", [])]
    zh = {"scenario": SCENARIO, "text": f"情景假设（非政策规定）：{SCENARIO}"}
    assert zh in cited
    compact = r.to_dict(compact=True)
    assert any(c.get("scenario") == SCENARIO for c in compact["citations"])
    assert any(c.get("scenario") == SCENARIO for c in compact_dicts([r])["citations"])
    rendered = r.to_dict("en")
    en = [p["citation"] for s in rendered["steps"] for p in s.get("params", [])]
    assert {"scenario": SCENARIO, "text": f"Scenario (not policy): {SCENARIO}"} in en
    # a parameter's own dict says where the value came from: the derived policy
    assert any(p["pack"].endswith("+scenario") for s in full["steps"] for p in s["params"])


def test_ledger_explanations_mark_the_changed_value(variant: pp.Policy) -> None:
    from povertypolicy import ledger

    persons = pa.table(
        {
            "人员编号": ["A1"],
            "户编号": ["A"],
            "出生日期": ["1970-01-01"],
            "户籍性质": ["农业"],
            "当地常住户口": ["是"],
            "仍在当地居住生产": [True],
        }
    )
    households = pa.table({"户编号": ["A"], "申请日期": pa.array([dt.date(2011, 3, 1)])})
    run = ledger.run("housing.subsidy", variant, persons=persons, households=households)
    assert run.summary.pack == variant.id
    for locale, marker in MARKERS.items():
        assert marker in run.explain("A", locale=locale)
    assert any(MARKERS["zh_Hans"] in text for _, text in run.explanations())


def test_a_scenario_with_a_document_shows_both() -> None:
    from povertypolicy.explain.render import format_value

    c = pp.Citation(scenario="草案测算", document="某县征求意见稿", section="三")
    assert format_value(c, "zh_Hans") == "情景假设（非政策规定）：草案测算; 某县征求意见稿 三"
