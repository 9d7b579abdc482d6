"""Policy.derive: what-if policies in code, each change cited or marked as a scenario."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import povertypolicy as pp
from povertypolicy import Change, Citation, Money, PolicyPackError
from povertypolicy.policy import Bound, Range

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
SCENARIO = "县里测算：每人4000元"


@pytest.fixture
def base() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


def test_derive_changes_one_value_and_keeps_the_rest(base: pp.Policy) -> None:
    v = base.derive({"housing.subsidy_per_person": Change("4000", scenario=SCENARIO)})
    assert isinstance(v, pp.Policy)
    assert v.id == f"{PACK}+scenario"
    assert v.derived_from == PACK
    assert v.changed == ("housing.subsidy_per_person",)
    p = v.param("housing.subsidy_per_person")
    assert p.money == Money("4000")
    assert p.citation == Citation(scenario=SCENARIO)
    assert p.pack_id == f"{PACK}+scenario"
    assert v.param("housing.withheld_per_person") == base.param("housing.withheld_per_person")
    assert base.param("housing.subsidy_per_person").money == Money("3500")  # base untouched
    assert base.derived_from is None
    assert base.changed == ()
    d = v.to_dict()
    assert d["derived_from"] == PACK
    assert d["changed"] == ["housing.subsidy_per_person"]
    assert d["parameters"]["housing.subsidy_per_person"]["citation"]["scenario"] == SCENARIO
    assert "derived_from" not in base.to_dict()


def test_derived_policy_is_cached_hashable_and_distinct(base: pp.Policy) -> None:
    a = base.derive({"housing.subsidy_per_person": Change("4000", scenario=SCENARIO)})
    b = base.derive({"housing.subsidy_per_person": Change("4000", scenario=SCENARIO)})
    c = base.derive({"housing.subsidy_per_person": Change("4500", scenario=SCENARIO)})
    assert a is b
    assert hash(a) == hash(b)
    assert a != c
    assert a != base
    assert len({a, b, c, base}) == 3


def test_derived_policy_at_another_date_keeps_the_change(base: pp.Policy) -> None:
    v = base.derive({"housing.subsidy_per_person": Change("4000", scenario=SCENARIO)})
    later = v.at(dt.date(2011, 9, 1))
    assert later.on == dt.date(2011, 9, 1)
    assert later.param("housing.subsidy_per_person").money == Money("4000")
    assert later.id == v.id


def test_deriving_from_a_derived_policy_adds_changes(base: pp.Policy) -> None:
    v = base.derive({"housing.subsidy_per_person": Change("4000", scenario=SCENARIO)})
    w = v.derive({"housing.subsidy_county_per_person": Change("600", scenario=SCENARIO)})
    assert w.id == f"{PACK}+scenario"
    assert [p.id for p in w.chain] == [f"{PACK}+scenario", PACK, "cn"]
    assert w.changed == ("housing.subsidy_county_per_person", "housing.subsidy_per_person")
    x = w.derive({"housing.subsidy_per_person": Change("4200", scenario="再测算")}, name="v2")
    assert x.id == f"{PACK}+v2"
    assert x.param("housing.subsidy_per_person").money == Money("4200")
    assert x.param("housing.subsidy_county_per_person").money == Money("600")


def test_a_change_with_a_real_citation(base: pp.Policy) -> None:
    cite = Citation(document="某县补充通知", section="二", quote="每人补助4000元")
    v = base.derive({"housing.subsidy_per_person": Change(Money("4000"), citation=cite)})
    assert v.param("housing.subsidy_per_person").citation == cite


def test_threshold_keeps_the_base_bound_and_ranges_take_theirs() -> None:
    cn = pp.Policy.load("cn", on=dt.date(2019, 3, 1))
    v = cn.derive(
        {
            "land.combined_cap_multiple": Change(Decimal("32"), scenario="假设上限32倍"),
            "land.resettlement_multiple_range": Change(
                Range(min="4", max="8", max_bound=Bound.EXCLUSIVE), scenario="假设范围"
            ),
        }
    )
    cap = v.param("land.combined_cap_multiple")
    assert cap.decimal == 32
    assert cap.bound is Bound.INCLUSIVE  # the base's 不得超过
    r = v.param("land.resettlement_multiple_range").range
    assert (r.min, r.max, r.max_bound) == (Decimal(4), Decimal(8), Bound.EXCLUSIVE)
    d = cn.derive({"land.resettlement_multiple_range": Change({"min": 4, "max": 7}, scenario="x")})
    assert d.param("land.resettlement_multiple_range").range.max == 7


def test_a_parameter_the_base_lacks_can_be_added() -> None:
    cn = pp.Policy.load("cn", on=dt.date(2019, 3, 1))
    assert "land.approved_resettlement_increase" not in cn
    v = cn.derive({"land.approved_resettlement_increase": Change("5", scenario="假设批准5倍")})
    assert v.param("land.approved_resettlement_increase").decimal == 5


def test_unknown_parameter_fails_with_did_you_mean(base: pp.Policy) -> None:
    with pytest.raises(PolicyPackError, match=r"did you mean 'housing.subsidy_per_person'") as e:
        base.derive({"housing.subsidy_per_persn": Change("4000", scenario=SCENARIO)})
    assert e.value.code == "core.error.pack_unknown_parameter"
    assert e.value.extra["suggestion"] == "housing.subsidy_per_person"
    assert e.value.key == "parameters.housing.subsidy_per_persn"
    assert "是否应为“housing.subsidy_per_person”" in e.value.text("zh_Hans")


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("housing.subsidy_per_person", "-4000", "negative"),
        ("housing.subsidy_per_person", 4000.0, "floats are not exact"),
        ("housing.subsidy_per_person", "4000.001", "two decimal places"),
        ("housing.tranche_foundation", "120", "percentage from 0 to 100"),
        ("housing.posting_days", "5", "integer"),
        ("housing.birth_cutoff", "2011-01-01", "TOML date"),
        ("land.compensation_method", "market_price", "not one of"),
        ("land.resettlement_multiple_range", Range(min="8", max="4"), "below min"),
    ],
)
def test_values_are_checked_as_a_pack_checks_them(
    base: pp.Policy, name: str, value: object, problem: str
) -> None:
    with pytest.raises(PolicyPackError, match=problem):
        base.derive({name: Change(value, scenario=SCENARIO)})


def test_a_new_threshold_needs_its_bound() -> None:
    cn = pp.Policy.load("cn", on=dt.date(2019, 3, 1))
    assert "land.place_min_age" not in cn
    with pytest.raises(PolicyPackError, match="inclusive"):
        cn.derive({"land.place_min_age": Change(16, scenario="假设16周岁")})
    v = cn.derive({"land.place_min_age": Change(16, scenario="假设16周岁", bound=Bound.INCLUSIVE)})
    assert v.param("land.place_min_age").bound is Bound.INCLUSIVE
    # the bound as a pack writes it, or as the source words it
    for word, bound in [("inclusive", Bound.INCLUSIVE), ("以上", Bound.INCLUSIVE)]:
        assert Change(16, scenario="假设", bound=word).bound is bound
    for word in ("exclusive", "超过", "不满", "不滿"):
        assert Change(16, scenario="假设", bound=word).bound is Bound.EXCLUSIVE


def test_a_change_needs_exactly_one_of_citation_and_scenario() -> None:
    with pytest.raises(pp.InputError, match="exactly one"):
        Change("4000")
    with pytest.raises(pp.InputError, match="exactly one"):
        Change("4000", scenario="x", citation=Citation(law="某法", article="第一条"))
    with pytest.raises(pp.InputError):
        Change("4000", scenario="  ")


def test_derive_refuses_bad_arguments(base: pp.Policy) -> None:
    with pytest.raises(pp.InputError, match="at least one"):
        base.derive({})
    with pytest.raises(pp.InputError, match="Change"):
        base.derive({"housing.subsidy_per_person": "4000"})  # type: ignore[dict-item]
    with pytest.raises(pp.InputError, match="lower-case"):
        base.derive({"housing.subsidy_per_person": Change("1", scenario="x")}, name="What If")


def test_a_scenario_citation_needs_no_document() -> None:
    c = Citation(scenario="假设")
    assert c.to_dict() == {"scenario": "假设", "text": "情景假设（非政策规定）：假设"}
    assert str(c) == "情景假设（非政策规定）：假设"  # the current locale (zh_Hans by default)
    with pp.using_locale("en"):
        assert str(c) == "Scenario (not policy): 假设"
    with pytest.raises(pp.InputError):
        Citation()
    with pytest.raises(pp.InputError):
        Citation(scenario="")


def test_a_threshold_out_of_its_period_keeps_the_packs_bound() -> None:
    cn = pp.Policy.load("cn", on=dt.date(2021, 3, 1))
    assert "land.combined_cap_multiple" not in cn  # the 1998/2004 text ended in 2019
    v = cn.derive({"land.combined_cap_multiple": Change("30", scenario="假设沿用三十倍")})
    assert v.param("land.combined_cap_multiple").bound is Bound.INCLUSIVE
