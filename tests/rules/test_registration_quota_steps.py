"""ID-4 and ID-6 (quota.py) step by step: the quota split by village class and the incidence
and income-growth targets, per branch the rule ID, message key, inputs, params, notes and
citation; the refusals and rule errors compared whole."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import InputError, RuleError, VillageClass
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.registration import (
    QuotaShare,
    QuotaSplit,
    TargetCheck,
    incidence_target,
    income_growth_target,
    split_quota,
)
from tests.error_texts import check_rule_error

from ._registration_steps import SEED
from ._registration_steps import jx as jx  # fixture
from ._registration_steps import policy as policy  # fixture
from .test_registration import VILLAGES, WEIGHTS

# -- ID-4, ID-6 (quota.py) --------------------------------------------------------------------

QUOTA_CITE = Citation(
    document=SEED,
    section="篇4 §四(一)1",
    quote="扶貧對象指標分解切忌搞平均主義,要根據各村發展和農民人均收入水平,按照比較好、一般、貧困、深度貧困四類標準對村先行分類,再按照分類分解扶貧對象指標",
)
VC = VillageClass


def test_ID_4_split_steps(policy: pp.Policy) -> None:
    r = split_quota(7, VILLAGES, policy, weights=WEIGHTS)
    quotas = [1, 1, 2, 3]
    took = [True, False, False, True]
    assert r.value == QuotaSplit(
        total=7,
        shares=tuple(
            QuotaShare(
                village=v, village_class=c, weight=Fraction(WEIGHTS[c]), quota=q, took_remainder=t
            )
            for (v, c), q, t in zip(VILLAGES.items(), quotas, took, strict=True)
        ),
    )
    assert r.value.of("丙村") == 2
    assert r.steps == (
        *(
            Step(
                rule="ID-4",
                key="registration.quota.share",
                inputs={"village": v, "class": c, "weight": Fraction(WEIGHTS[c]), "quota": q},
            )
            for (v, c), q in zip(VILLAGES.items(), quotas, strict=True)
        ),
        Step(
            rule="ID-4",
            key="registration.quota.total",
            inputs={"total": 7, "villages": 4},
            notes=(
                Note(
                    kind=NoteKind.ROUNDING,
                    key="registration.note.quota_remainder",
                    args={"villages": ("甲村", "丁村")},
                ),
                Note(kind=NoteKind.CONVENTION, key="registration.note.quota_weights_given"),
            ),
            citation=QUOTA_CITE,
        ),
    )


def test_ID_4_no_remainder_no_rounding_note_and_basis(policy: pp.Policy) -> None:
    r = split_quota(100, VILLAGES, policy, weights=WEIGHTS)
    assert [n.key for n in r.steps[-1].notes] == ["registration.note.quota_weights_given"]
    basis = {"甲村": 10, "乙村": 0, "丙村": 10, "丁村": 10}
    b = split_quota(80, VILLAGES, policy, weights=WEIGHTS, basis=basis).value
    assert [s.quota for s in b.shares] == [10, 0, 30, 40]
    assert [s.weight for s in b.shares] == [10, 0, 30, 40]
    zero = split_quota(0, VILLAGES, policy, weights=WEIGHTS).value
    assert [s.quota for s in zero.shares] == [0, 0, 0, 0]
    fractions = {VC.GOOD: Decimal("0.5"), VC.AVERAGE: Fraction(1, 3), VC.POOR: 0, VC.DEEPLY_POOR: 1}
    f = split_quota(11, VILLAGES, policy, weights=fractions).value
    assert sum(s.quota for s in f.shares) == 11
    assert f.shares[2].quota == 0


def test_ID_4_refusals_compared_whole(policy: pp.Policy) -> None:
    def refused(*args: Any, **kw: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(InputError) as exc:
            split_quota(*args, **kw)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    for bad in (-1, True, 1.0):
        assert refused(bad, VILLAGES, policy, weights=WEIGHTS) == (
            "split_quota",
            "total",
            bad,
            "a whole number >= 0",
        )
    assert refused(5, {}, policy, weights=WEIGHTS) == (
        "split_quota",
        "villages",
        {},
        "at least one village",
    )
    assert refused(5, {"甲村": "good"}, policy, weights=WEIGHTS) == (
        "split_quota",
        "villages[甲村]",
        "good",
        "a VillageClass",
    )
    for bad_basis in ({"甲村": 1}, dict.fromkeys(VILLAGES, -1), dict.fromkeys(VILLAGES, True)):
        got = refused(5, VILLAGES, policy, weights=WEIGHTS, basis=bad_basis)
        assert got[0] == "split_quota"
        assert got[1].startswith("basis[")
        assert got[3] == "a whole number >= 0"
    expected = "VillageClass → a weight >= 0 (int, Decimal or Fraction)"
    for bad_w in ({VC.GOOD: -1}, {VC.GOOD: True}, {VC.GOOD: 1.5}, {"good": 1}):
        assert refused(5, VILLAGES, policy, weights=bad_w) == (
            "split_quota",
            "weights",
            bad_w,
            expected,
        )
    with pytest.raises(RuleError) as zero:
        split_quota(5, VILLAGES, policy, weights=dict.fromkeys(VC, 0))
    assert (zero.value.rule, zero.value.message) == (
        "ID-4",
        "every village's weight is zero: nothing to split by",
    )
    check_rule_error(zero.value, "registration.error.quota_weights_zero", {})
    with pytest.raises(RuleError) as missing:
        split_quota(5, VILLAGES, policy, weights={VC.GOOD: 1, VC.POOR: 1})
    assert missing.value.message == (
        "no weight given for the village class(es) average, deeply_poor"
    )
    classes = {"classes": [VC.AVERAGE, VC.DEEPLY_POOR]}
    check_rule_error(missing.value, "registration.error.quota_weights_not_given", classes)
    with pytest.raises(RuleError) as none:
        split_quota(5, {"甲村": VC.GOOD, "乙村": VC.AVERAGE}, policy)
    assert none.value.rule == "ID-4"
    assert none.value.message == (
        "the quota follows the village class, but no weights are given for average, good: "
        "the text gives none, so pass weights= or load a pack with "
        "registration.quota_weight_<class>; an even split is not allowed (切忌搞平均主义)"
    )
    classes = {"classes": [VC.AVERAGE, VC.GOOD]}
    check_rule_error(none.value, "registration.error.quota_weights_not_set", classes)


@pytest.mark.parametrize(
    ("poor", "population", "met"), [(3, 100, True), (31, 1000, False), (0, 1, True), (1, 1, False)]
)
def test_ID_6_incidence_step(jx: pp.Policy, poor: int, population: int, met: bool) -> None:
    r = incidence_target(poor, population, jx)
    rate = Fraction(poor * 100, population)
    assert r.value == TargetCheck(value=rate, met=met)
    assert r.steps == (
        Step(
            rule="ID-6",
            key="registration.target.incidence",
            inputs={"poor": poor, "population": population, "rate": rate, "met": met},
            params=(jx.param("registration.incidence_target"),),
        ),
    )


@pytest.mark.parametrize(
    ("village", "county", "met"),
    [(Decimal(15), Decimal(10), True), (Decimal("14.99"), Decimal(10), False), (12, 5, True)],
)
def test_ID_6_growth_step(jx: pp.Policy, village: Decimal, county: Decimal, met: bool) -> None:
    r = income_growth_target(village, county, jx)
    gap = Fraction(Decimal(village)) - Fraction(Decimal(county))
    assert r.value == TargetCheck(value=gap, met=met)
    assert r.steps == (
        Step(
            rule="ID-6",
            key="registration.target.growth",
            inputs={"village": village, "county": county, "gap": gap, "met": met},
            params=(jx.param("registration.income_growth_margin"),),
        ),
    )


def test_ID_6_refusals_compared_whole(jx: pp.Policy) -> None:
    def refused(fn: Any, *args: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(InputError) as exc:
            fn(*args, jx)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    assert refused(incidence_target, -1, 10) == (
        "incidence_target",
        "poor_people",
        -1,
        "a whole number >= 0",
    )
    assert refused(incidence_target, 0, 0) == (
        "incidence_target",
        "rural_population",
        0,
        "a whole number >= 1",
    )
    assert refused(incidence_target, True, 10) == (
        "incidence_target",
        "poor_people",
        True,
        "a whole number >= 0",
    )
    assert refused(incidence_target, 11, 10) == (
        "incidence_target",
        "poor_people",
        11,
        "at most 10",
    )
    assert refused(income_growth_target, 1.5, Decimal(1)) == (
        "income_growth_target",
        "village_growth",
        1.5,
        "a Decimal percent",
    )
    assert refused(income_growth_target, Decimal(1), True) == (
        "income_growth_target",
        "county_growth",
        True,
        "a Decimal percent",
    )
