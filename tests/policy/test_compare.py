"""pp.compare: one case under two policies - what changes, by how much (exact), and why."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp
from povertypolicy import Change, Money
from povertypolicy.rules.housing import eligibility, housing_subsidy

PACK = "county-deep-mountain-relocation-2011"
SCENARIO = "县里测算：每人4000元，县级多出500元"


@pytest.fixture
def base() -> pp.Policy:
    return pp.Policy.load(PACK, on=dt.date(2011, 6, 1))


@pytest.fixture
def variant(base: pp.Policy) -> pp.Policy:
    return base.derive(
        {
            "housing.subsidy_per_person": Change("4000", scenario=SCENARIO),
            "housing.subsidy_county_per_person": Change("600", scenario=SCENARIO),
        }
    )


def household(n: int = 4) -> pp.Household:
    return pp.Household(
        id="H1",
        members=[
            pp.Person(
                id=f"P{i}",
                birth_date=dt.date(1975, 5, 5),
                hukou=pp.HukouType.AGRICULTURAL,
                registered_locally=True,
                lives_in_area=True,
            )
            for i in range(n)
        ],
        relocation_applied_on=dt.date(2011, 3, 20),
    )


def test_compare_lists_each_changed_amount_with_an_exact_delta(
    base: pp.Policy, variant: pp.Policy
) -> None:
    c = pp.compare(housing_subsidy, base, variant, household(4))
    assert c.changed
    by = {ch.field: ch for ch in c.changes}
    assert by["gross"].old == Money("14000")
    assert by["gross"].new == Money("16000")
    assert by["gross"].delta == Money("2000")
    assert by["net"].delta == Money("2000")
    assert by["tranches[3].amount"].delta == Money("200")
    assert "withheld" not in by  # 500 per person either way
    assert c.rule == "housing_subsidy"
    assert (c.base_policy, c.variant_policy) == (PACK, f"{PACK}+scenario")
    assert c.base.value.gross == Money("14000")
    assert c.variant.value.gross == Money("16000")


def test_compare_says_why_with_both_values_and_citations(
    base: pp.Policy, variant: pp.Policy
) -> None:
    c = pp.compare(housing_subsidy, base, variant, household(4))
    names = [p.name for p in c.parameters]
    assert sorted(names) == ["housing.subsidy_county_per_person", "housing.subsidy_per_person"]
    rate = next(p for p in c.parameters if p.name == "housing.subsidy_per_person")
    assert rate.old is not None
    assert rate.new is not None
    assert rate.old.money == Money("3500")
    assert rate.new.money == Money("4000")
    assert rate.old.citation.section == "篇3 §七1"
    assert rate.new.citation.scenario == SCENARIO


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hans", ["补助总额：14000元 → 16000元（增加2000元）", "情景假设（非政策规定）："]),
        ("zh_Hant", ["補助總額：14,000元 → 16,000元（增加2000元）", "情境假設（非政策規定）："]),
        ("en", ["gross: CN¥14,000.00 → CN¥16,000.00 (up CN¥2,000.00)", "Scenario (not policy): "]),
    ],
)
def test_comparison_text_in_three_locales(
    base: pp.Policy, variant: pp.Policy, locale: str, expected: list[str]
) -> None:
    text = pp.compare(housing_subsidy, base, variant, household(4)).text(locale)
    for part in expected:
        assert part in text


def test_a_decrease_reads_as_one(base: pp.Policy, variant: pp.Policy) -> None:
    c = pp.compare(housing_subsidy, variant, base, household(2))
    assert next(ch for ch in c.changes if ch.field == "gross").delta == Money("-1000")
    assert "补助总额：8000元 → 7000元（减少1000元）" in c.text("zh_Hans")


def test_nothing_changes_when_the_rule_reads_no_changed_value(
    base: pp.Policy, variant: pp.Policy
) -> None:
    c = pp.compare(eligibility, base, variant, household(3))
    assert not c.changed
    assert c.parameters == ()
    assert "结果不变" in c.text("zh_Hans")
    assert "规则所用的参数相同" in c.text("zh_Hans")


def test_comparison_to_dict(base: pp.Policy, variant: pp.Policy) -> None:
    d = pp.compare(housing_subsidy, base, variant, household(4)).to_dict()
    gross = next(ch for ch in d["changes"] if ch["field"] == "gross")
    assert gross == {"field": "gross", "old": "14000.00", "new": "16000.00", "delta": "2000.00"}
    rate = next(p for p in d["parameters"] if p["name"] == "housing.subsidy_per_person")
    assert rate["new"]["citation"]["scenario"] == SCENARIO
