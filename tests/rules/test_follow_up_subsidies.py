"""The Chengkou sub-district's subsidy schedule (relocation-follow-up-documents 第三篇): FOLLOW-7,
every cap and threshold
on both sides of its 以上/以下."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.rules import follow_up as fu

D = dt.date
M = pp.Money


@pytest.fixture
def policy() -> pp.Policy:
    return pp.Policy.load("cq-chengkou-subdistrict-relocation-follow-up-2020", on=D(2020, 6, 1))


# -- industry ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "basis", "amount"),
    [
        (fu.IndustryKind.FOREST_GUESTHOUSE, M(7500), M(7500)),
        (fu.IndustryKind.FOREST_GUESTHOUSE, M(6000), M(6000)),
        (fu.IndustryKind.FOREST_GUESTHOUSE, M("5999.99"), M(6000)),
        (fu.IndustryKind.FOREST_GUESTHOUSE, M(9000), M(9000)),
        (fu.IndustryKind.FOREST_GUESTHOUSE, M("9000.01"), M(9000)),
        (fu.IndustryKind.OTHER, M(2000), M(2000)),
        (fu.IndustryKind.OTHER, M("1999.99"), M(2000)),
        (fu.IndustryKind.OTHER, M(5000), M(5000)),
        (fu.IndustryKind.OTHER, M("5000.01"), M(5000)),
    ],
)
def test_FOLLOW_7_industry_subsidy_within_its_range(
    policy: pp.Policy, kind: fu.IndustryKind, basis: pp.Money, amount: pp.Money
) -> None:
    result = fu.industry_subsidy(kind, policy, basis=basis)
    assert result.value.amount == amount
    clamped = any(n.key == "follow_up.note.basis_clamped" for s in result.steps for n in s.notes)
    assert clamped == (basis != amount)


def test_FOLLOW_7_industry_without_a_basis_gives_the_range_only(policy: pp.Policy) -> None:
    value = fu.industry_subsidy(fu.IndustryKind.FOREST_GUESTHOUSE, policy).value
    assert (value.minimum, value.maximum, value.amount) == (M(6000), M(9000), None)


@pytest.mark.parametrize(
    ("rule", "requested", "amount", "capped"),
    [
        (fu.household_industry_topup, M(500), M(500), False),
        (fu.household_industry_topup, M("500.01"), M(500), True),
        (fu.household_industry_topup, M("499.99"), M("499.99"), False),
        (fu.employment_award, M(500), M(500), False),
        (fu.employment_award, M("500.01"), M(500), True),
        (fu.employment_award, M(0), M(0), False),
    ],
)
def test_FOLLOW_7_caps_of_500_per_household(
    policy: pp.Policy, rule: Any, requested: pp.Money, amount: pp.Money, capped: bool
) -> None:
    value = rule(policy, requested=requested).value
    assert value.amount == amount
    assert value.capped is capped
    assert rule(policy).value.amount is None  # nothing asked: only the cap is known


@pytest.mark.parametrize(("built", "amount"), [(True, M(1000)), (False, M(0)), (None, None)])
def test_FOLLOW_7_livestock_pens(policy: pp.Policy, built: bool | None, amount: Any) -> None:
    assert fu.livestock_pen_award(policy, pens_built=built).value == amount


# -- in-home business: not lower than 50% of the investment, at most 5,000 ------------------------


@pytest.mark.parametrize(
    ("investment", "minimum"),
    [
        (M(10000), M(5000)),  # 50% is exactly the cap
        (M("9999.98"), M("4999.99")),
        (M("10000.02"), M(5000)),  # 50% is over the cap: the cap
        (M("3333.33"), M("1666.67")),  # half of an odd fen is rounded up (不低于)
        (M("0.01"), M("0.01")),
        (M(0), M(0)),
    ],
)
def test_FOLLOW_7_in_home_business_minimum(
    policy: pp.Policy, investment: pp.Money, minimum: pp.Money
) -> None:
    assert fu.in_home_business_subsidy(investment, policy).value.minimum == minimum


@pytest.mark.parametrize(
    ("investment", "granted", "complies"),
    [
        (M(6000), M(3000), True),
        (M(6000), M("2999.99"), False),
        (M(6000), M(5000), True),
        (M(6000), M("5000.01"), False),
        (M(20000), M(5000), True),
        (M(20000), M("4999.99"), False),
    ],
)
def test_FOLLOW_7_in_home_business_grant_complies(
    policy: pp.Policy, investment: pp.Money, granted: pp.Money, complies: bool
) -> None:
    value = fu.in_home_business_subsidy(investment, policy, granted=granted).value
    assert value.complies is complies


@given(fen=st.integers(0, 3_000_000))
def test_FOLLOW_7_property_in_home_minimum_is_half_rounded_up_capped(fen: int) -> None:
    p = pp.Policy.load("cq-chengkou-subdistrict-relocation-follow-up-2020", on=D(2020, 6, 1))
    value = fu.in_home_business_subsidy(M.from_fen(fen), p).value
    half = Fraction(fen, 2)
    assert value.minimum <= M(5000)
    if half <= 500_000:
        assert value.minimum.fen >= half
        assert value.minimum.fen - half < 1
    else:
        assert value.minimum == M(5000)


# -- vegetable plot --------------------------------------------------------------------------------


def test_FOLLOW_7_vegetable_plot_one_fen_five_years(policy: pp.Policy) -> None:
    value = fu.vegetable_plot_subsidy(pp.Area.mu("0.1"), policy, first_year=2020).value
    assert value.yearly == M(100)
    assert value.years == (2020, 2021, 2022, 2023, 2024)
    assert value.total == M(500)


@pytest.mark.parametrize(
    ("cost", "yearly"),
    [(M(1000), M(100)), (M("1000.01"), M(100)), (M(800), M(80)), (None, M(100))],
)
def test_FOLLOW_7_vegetable_plot_rate_not_higher_than_1000(
    policy: pp.Policy, cost: pp.Money | None, yearly: pp.Money
) -> None:
    value = fu.vegetable_plot_subsidy(
        pp.Area.mu("0.1"), policy, first_year=2020, cost_per_mu_year=cost
    ).value
    assert value.yearly == yearly


def test_FOLLOW_7_vegetable_plot_counts_at_most_the_guaranteed_fen(policy: pp.Policy) -> None:
    bigger = fu.vegetable_plot_subsidy(pp.Area.mu("0.15"), policy, first_year=2020)
    assert bigger.value.area == pp.Area.mu("0.1")
    assert any(n.key == "follow_up.note.plot_area" for s in bigger.steps for n in s.notes)
    smaller = fu.vegetable_plot_subsidy(pp.Area.mu("0.05"), policy, first_year=2020).value
    assert smaller.yearly == M(50)


# -- public-welfare jobs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jobs", "household_ok", "over"),
    [
        ({"A": 1, "B": 1}, True, ()),
        ({"A": 1, "B": 1, "C": 1}, False, ()),
        ({"A": 2}, True, ("A",)),
        ({"A": 0}, True, ()),
    ],
)
def test_FOLLOW_7_two_jobs_per_household_one_per_person(
    policy: pp.Policy, jobs: dict[str, int], household_ok: bool, over: tuple[str, ...]
) -> None:
    result = fu.welfare_jobs(jobs, policy)
    assert result.value.household_ok is household_ok
    assert result.value.people_over == over
    assert {p.qualifier for p in result.params} == {"可", "原则上"}


# -- the one-off awards: 10 people / 50 workers for 3 months ---------------------------------


START = D(2020, 1, 15)


def _placements(n: int, start: dt.date = START, **kw: Any) -> list[pp.Placement]:
    facts: dict[str, Any] = {
        "relocated_poor": True,
        "local": True,
        "outside_county": True,
        "contract": True,
    }
    facts.update(kw)
    return [pp.Placement(person_id=f"P{i}", started_on=start, **facts) for i in range(n)]


def test_FOLLOW_7_broker_three_months_counted_to_the_corresponding_day(policy: pp.Policy) -> None:
    ten = _placements(10)
    assert fu.broker_award(ten, policy, as_of=D(2020, 4, 15)).value.award == M(3000)
    assert fu.broker_award(ten, policy, as_of=D(2020, 4, 14)).value.award == M(0)


def test_FOLLOW_7_broker_ten_people_or_more_both_sides(policy: pp.Policy) -> None:
    assert fu.broker_award(_placements(10), policy, as_of=D(2020, 6, 1)).value.granted is True
    assert fu.broker_award(_placements(9), policy, as_of=D(2020, 6, 1)).value.granted is False


def test_FOLLOW_7_broker_counts_only_people_placed_outside_under_contract(
    policy: pp.Policy,
) -> None:
    inside = _placements(9) + _placements(1, outside_county=False)
    assert fu.broker_award(inside, policy, as_of=D(2020, 6, 1)).value.granted is False
    no_contract = [
        *_placements(9),
        pp.Placement(person_id="X", started_on=D(2020, 1, 1), relocated_poor=True, local=True,
                     outside_county=True, contract=False)
    ]  # fmt: skip
    assert fu.broker_award(no_contract, policy, as_of=D(2020, 6, 1)).value.granted is False


def test_FOLLOW_7_broker_unknown_facts_leave_it_undetermined(policy: pp.Policy) -> None:
    people = [*_placements(9), pp.Placement(person_id="X", started_on=D(2020, 1, 1))]
    value = fu.broker_award(people, policy, as_of=D(2020, 6, 1)).value
    assert value.award is None
    assert value.undetermined == ("X",)


def test_FOLLOW_7_a_person_with_two_placements_counts_once(policy: pp.Policy) -> None:
    twice = _placements(9) + _placements(1)  # P0 twice
    assert len(fu.broker_award(twice, policy, as_of=D(2020, 6, 1)).value.qualifying) == 9


def test_FOLLOW_7_a_job_that_ended_early_does_not_count(policy: pp.Policy) -> None:
    ended = [
        pp.Placement(person_id=f"P{i}", started_on=D(2020, 1, 15), ended_on=D(2020, 4, 14),
                     relocated_poor=True, local=True, outside_county=True, contract=True)
        for i in range(10)
    ]  # fmt: skip
    assert fu.broker_award(ended, policy, as_of=D(2020, 12, 1)).value.granted is False


def test_FOLLOW_7_enterprise_fifty_workers_both_sides(policy: pp.Policy) -> None:
    fifty = _placements(50, outside_county=None, contract=None, local=None)
    assert fu.enterprise_award(fifty, policy, as_of=D(2020, 4, 15)).value.award == M(50000)
    assert fu.enterprise_award(fifty[:49], policy, as_of=D(2020, 4, 15)).value.award == M(0)
    assert fu.enterprise_award(fifty, policy, as_of=D(2020, 4, 14)).value.award == M(0)


def test_FOLLOW_7_a_start_after_the_check_date_is_refused(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError):
        fu.broker_award(_placements(1, start=D(2020, 6, 2)), policy, as_of=D(2020, 6, 1))


@given(
    starts=st.lists(st.integers(0, 200), min_size=0, max_size=14),
    as_of_offset=st.integers(90, 300),
)
def test_FOLLOW_7_property_the_count_agrees_with_a_brute_force(
    starts: list[int], as_of_offset: int
) -> None:
    from dateutil.relativedelta import relativedelta

    p = pp.Policy.load("cq-chengkou-subdistrict-relocation-follow-up-2020", on=D(2020, 6, 1))
    base = D(2020, 1, 1)
    as_of = base + dt.timedelta(days=as_of_offset)
    facts = {"relocated_poor": True, "local": True, "outside_county": True, "contract": True}
    people = [
        pp.Placement(person_id=f"P{i}", started_on=base + dt.timedelta(days=s), **facts)
        for i, s in enumerate(starts)
        if base + dt.timedelta(days=s) <= as_of
    ]
    expected = sum(1 for q in people if q.started_on + relativedelta(months=3) <= as_of)
    value = fu.broker_award(people, p, as_of=as_of).value
    assert len(value.qualifying) == expected
    assert value.granted is (expected >= 10)
