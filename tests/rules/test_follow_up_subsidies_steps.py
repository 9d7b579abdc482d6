"""FOLLOW-7 (the Chengkou subsidies) step by step: per branch the rule ID, message key, inputs,
parameters, notes and citation; every refusal compared whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules import follow_up as fu

from ._follow_up_steps import D, M, fu_, refusal, view

F7 = "FOLLOW-7"
PACK = "cq-chengkou-subdistrict-relocation-follow-up-2020"


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=D(2020, 6, 1))


# -- industry, caps, pens ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "basis", "key", "lo", "hi", "amount", "clamped"),
    [
        (fu.IndustryKind.OTHER, None, "range", "2000", "5000", None, False),
        (fu.IndustryKind.OTHER, M(100), "amount", "2000", "5000", M(2000), True),
        (fu.IndustryKind.OTHER, M(6000), "amount", "2000", "5000", M(5000), True),
        (fu.IndustryKind.FOREST_GUESTHOUSE, M(7000), "amount", "6000", "9000", M(7000), False),
        (fu.IndustryKind.FOREST_GUESTHOUSE, None, "range", "6000", "9000", None, False),
    ],
)
def test_industry_subsidy_step(
    policy: pp.Policy,
    kind: fu.IndustryKind,
    basis: Money | None,
    key: str,
    lo: str,
    hi: str,
    amount: Money | None,
    clamped: bool,
) -> None:
    r = fu.industry_subsidy(kind, policy, basis=basis)
    assert r.value == fu.RangeAmount(minimum=M(lo), maximum=M(hi), basis=basis, amount=amount)
    param = "forest_guesthouse" if kind is fu.IndustryKind.FOREST_GUESTHOUSE else "other_industry"
    notes = (("convention", "follow_up.note.basis_clamped", {}),) if clamped else ()
    assert view(r) == [
        (
            F7,
            f"follow_up.industry_subsidy.{key}",
            {"kind": kind, "min": M(lo), "max": M(hi), "basis": basis, "amount": amount},
            (fu_(f"{param}_subsidy"),),
            notes,
            None,
        )
    ]


@pytest.mark.parametrize(
    ("rule", "key", "param"),
    [
        (fu.household_industry_topup, "topup", "household_industry_topup_max"),
        (fu.employment_award, "employment_award", "employment_award_max"),
    ],
)
@pytest.mark.parametrize(
    ("requested", "outcome", "amount", "capped"),
    [
        (None, "cap_only", None, False),
        (M(0), "within", M(0), False),
        (M(500), "within", M(500), False),
        (M("500.01"), "capped", M(500), True),
    ],
)
def test_capped_amount_steps(
    policy: pp.Policy,
    rule: Any,
    key: str,
    param: str,
    requested: Money | None,
    outcome: str,
    amount: Money | None,
    capped: bool,
) -> None:
    r = rule(policy, requested=requested)
    assert r.value == fu.CappedAmount(cap=M(500), requested=requested, amount=amount, capped=capped)
    assert view(r) == [
        (
            F7,
            f"follow_up.{key}.{outcome}",
            {"cap": M(500), "requested": requested, "amount": amount},
            (fu_(param),),
            (),
            None,
        )
    ]


@pytest.mark.parametrize(
    ("built", "state", "amount"),
    [(None, "not_recorded", None), (True, "award", M(1000)), (False, "none", M(0))],
)
def test_livestock_pen_steps(
    policy: pp.Policy, built: bool | None, state: str, amount: Money | None
) -> None:
    r = fu.livestock_pen_award(policy, pens_built=built)
    assert r.value == amount
    assert view(r) == [
        (F7, f"follow_up.pens.{state}", {"award": M(1000)}, (fu_("livestock_pen_award"),), (), None)
    ]


# -- in-home business, vegetable plot, welfare jobs ---------------------------------------------

ROUND_UP = ("rounding", "follow_up.note.round_up", {})
IN_HOME_PARAMS = (fu_("in_home_business_min_share"), fu_("in_home_business_max"))


@pytest.mark.parametrize(
    ("investment", "granted", "key", "minimum", "complies"),
    [
        (M("3000.01"), None, "share", M("1500.01"), None),  # half, rounded up to the fen
        (M("3000.03"), None, "share", M("1500.02"), None),
        (M(10000), M(5000), "share", M(5000), True),  # exactly at the cap: not capped
        (M(20000), M(5000), "capped", M(5000), True),
        (M(20000), M("5000.01"), "capped", M(5000), False),  # over the cap
        (M(4000), M(1999), "share", M(2000), False),  # below half
        (M(4000), M(2000), "share", M(2000), True),
    ],
)
def test_in_home_business_steps(
    policy: pp.Policy,
    investment: Money,
    granted: Money | None,
    key: str,
    minimum: Money,
    complies: bool | None,
) -> None:
    r = fu.in_home_business_subsidy(investment, policy, granted=granted)
    assert r.value == fu.InHomeBusiness(
        investment=investment, minimum=minimum, cap=M(5000), granted=granted, complies=complies
    )
    expected = [
        (
            F7,
            f"follow_up.in_home.{key}",
            {"investment": investment, "minimum": minimum, "cap": M(5000)},
            IN_HOME_PARAMS,
            (ROUND_UP,),
            None,
        )
    ]
    if granted is not None:
        word = "complies" if complies else "does_not_comply"
        expected.append(
            (
                F7,
                f"follow_up.in_home.{word}",
                {"granted": granted, "minimum": minimum, "cap": M(5000)},
                (),
                (),
                None,
            )
        )
    assert view(r) == expected


PLOT_PARAMS = (
    fu_("vegetable_plot_rate_max"),
    fu_("vegetable_plot_years"),
    fu_("vegetable_plot_area"),
)


@pytest.mark.parametrize(
    ("area", "cost", "counted", "rate", "notes"),
    [
        ("0.05", None, "0.05", M(1000), ("plot_at_cap",)),
        ("0.1", None, "0.1", M(1000), ("plot_at_cap",)),
        ("0.5", M(800), "0.1", M(800), ("plot_area",)),
        ("0.5", None, "0.1", M(1000), ("plot_area", "plot_at_cap")),
        ("0.1", M(1000), "0.1", M(1000), ()),
        ("0.1", M("1000.01"), "0.1", M(1000), ()),  # above the cap: the cap
    ],
)
def test_vegetable_plot_steps(
    policy: pp.Policy,
    area: str,
    cost: Money | None,
    counted: str,
    rate: Money,
    notes: tuple[str, ...],
) -> None:
    r = fu.vegetable_plot_subsidy(Area.mu(area), policy, first_year=2020, cost_per_mu_year=cost)
    yearly = rate * Area.mu(counted).in_unit("mu")
    years = (2020, 2021, 2022, 2023, 2024)
    assert r.value == fu.VegetablePlot(
        area=Area.mu(counted), rate_cap=M(1000), yearly=yearly, years=years, total=yearly * 5
    )
    assert view(r) == [
        (
            F7,
            "follow_up.plot",
            {
                "area": Area.mu(counted),
                "rate": rate,
                "yearly": yearly,
                "first": "2020",
                "last": "2024",
                "total": yearly * 5,
            },
            PLOT_PARAMS,
            tuple(("convention", f"follow_up.note.{n}", {}) for n in notes),
            None,
        )
    ]


@pytest.mark.parametrize(
    ("jobs", "key", "household_ok", "over"),
    [
        ({"A": 1, "B": 1}, "ok", True, ()),
        ({"A": 1}, "ok", True, ()),
        ({}, "ok", True, ()),
        ({"A": 2}, "over", True, ("A",)),
        ({"A": 1, "B": 1, "C": 1}, "over", False, ()),
        ({"A": 2, "B": 1}, "over", False, ("A",)),
    ],
)
def test_welfare_jobs_steps(
    policy: pp.Policy, jobs: dict[str, int], key: str, household_ok: bool, over: tuple[str, ...]
) -> None:
    r = fu.welfare_jobs(jobs, policy)
    total = sum(jobs.values())
    assert r.value == fu.WelfareJobs(jobs=total, household_ok=household_ok, people_over=over)
    assert r.value.complies is (key == "ok")
    assert view(r) == [
        (
            F7,
            f"follow_up.welfare_jobs.{key}",
            {"jobs": total, "over": over, "household_ok": household_ok},
            (fu_("welfare_jobs_max_per_household"), fu_("welfare_jobs_max_per_person")),
            (),
            None,
        )
    ]


# -- one-off awards ----------------------------------------------------------------------------


JAN_1 = D(2020, 1, 1)


def placement(pid: str, start: dt.date = JAN_1, **facts: Any) -> pp.Placement:
    defaults = {"relocated_poor": True, "local": True, "outside_county": True, "contract": True}
    return pp.Placement(person_id=pid, started_on=start, **{**defaults, **facts})


@pytest.mark.parametrize(
    ("placements", "outcome", "award", "yes", "maybe"),
    [
        ([placement(f"P{i}") for i in range(10)], "granted", M(3000), 10, 0),
        ([placement(f"P{i}") for i in range(9)], "not_granted", M(0), 9, 0),
        (
            [*(placement(f"P{i}") for i in range(9)), placement("X", contract=None)],
            "not_recorded",
            None,
            9,
            1,
        ),
        (
            [*(placement(f"P{i}") for i in range(9)), placement("X", contract=False)],
            "not_granted",
            M(0),
            9,
            0,
        ),
        ([placement("P0"), placement("P0", D(2020, 2, 1))], "not_granted", M(0), 1, 0),
    ],
)
def test_broker_award_steps(
    policy: pp.Policy,
    placements: list[pp.Placement],
    outcome: str,
    award: Money | None,
    yes: int,
    maybe: int,
) -> None:
    as_of = D(2020, 6, 1)
    r = fu.broker_award(placements, policy, as_of=as_of)
    assert (len(r.value.qualifying), len(r.value.undetermined), r.value.award) == (
        yes,
        maybe,
        award,
    )
    assert r.value.required == 10
    assert r.value.granted is (None if award is None else bool(award))
    assert view(r) == [
        (
            F7,
            f"follow_up.broker.{outcome}",
            {
                "people": yes,
                "maybe": maybe,
                "required": 10,
                "months": 3,
                "award": M(3000),
                "as_of": as_of,
            },
            (fu_("broker_min_people"), fu_("broker_min_months"), fu_("broker_award")),
            (),
            "中华人民共和国民法典",
        )
    ]


@pytest.mark.parametrize(
    ("start", "ended", "as_of", "counts"),
    [
        (D(2020, 3, 1), None, D(2020, 6, 1), True),  # three months on the corresponding day
        (D(2020, 3, 1), None, D(2020, 5, 31), False),
        (D(2020, 3, 1), D(2020, 6, 1), D(2020, 9, 1), True),  # ended on the day: worked through
        (D(2020, 3, 1), D(2020, 5, 31), D(2020, 9, 1), False),
        (D(2020, 3, 1), D(2020, 9, 1), D(2020, 6, 1), True),  # an end after the audit date
    ],
)
def test_qualifying_people_counts_months_per_civil_code(
    policy: pp.Policy, start: dt.date, ended: dt.date | None, as_of: dt.date, counts: bool
) -> None:
    months = policy.param("follow_up.broker_min_months")
    p = pp.Placement(person_id="P", started_on=start, ended_on=ended, relocated_poor=True)
    yes, maybe = fu.qualifying_people([p], months, as_of=as_of, facts=("relocated_poor",))
    assert (yes, maybe) == ((("P",), ()) if counts else ((), ()))
    unknown = pp.Placement(person_id="P", started_on=start, ended_on=ended)
    yes, maybe = fu.qualifying_people([unknown], months, as_of=as_of, facts=("relocated_poor",))
    assert (yes, maybe) == (((), ("P",)) if counts else ((), ()))


def test_a_person_who_qualifies_once_is_not_also_undetermined(policy: pp.Policy) -> None:
    months = policy.param("follow_up.broker_min_months")
    both = [
        pp.Placement(person_id="P", started_on=D(2020, 1, 1), relocated_poor=True),
        pp.Placement(person_id="P", started_on=D(2020, 2, 1)),
        pp.Placement(person_id="Q", started_on=D(2020, 2, 1)),
        pp.Placement(person_id="Q", started_on=D(2020, 1, 1), relocated_poor=True),
    ]
    yes, maybe = fu.qualifying_people(both, months, as_of=D(2020, 6, 1), facts=("relocated_poor",))
    assert (yes, maybe) == (("P", "Q"), ())


def test_enterprise_award_step(policy: pp.Policy) -> None:
    workers = [
        placement(f"W{i}", local=None, outside_county=None, contract=None) for i in range(50)
    ]
    r = fu.enterprise_award(workers, policy, as_of=D(2020, 6, 1))
    assert r.value.award == M(50000)
    assert view(r)[0][:4] == (
        F7,
        "follow_up.enterprise.granted",
        {
            "people": 50,
            "maybe": 0,
            "required": 50,
            "months": 3,
            "award": M(50000),
            "as_of": D(2020, 6, 1),
        },
        (fu_("enterprise_min_workers"), fu_("enterprise_min_months"), fu_("enterprise_award")),
    )
    fewer = fu.enterprise_award(workers[:49], policy, as_of=D(2020, 6, 1))
    assert fewer.value.award == M(0)


# -- refusals ---------------------------------------------------------------------------------


def test_refusals_compared_whole(policy: pp.Policy) -> None:
    money = "a Money amount >= 0"
    assert refusal(fu.industry_subsidy, "other", policy) == (
        "industry_subsidy",
        "kind",
        "other",
        "an IndustryKind",
    )
    assert refusal(fu.industry_subsidy, fu.IndustryKind.OTHER, policy, basis=M(-1)) == (
        "industry_subsidy",
        "basis",
        M(-1),
        money,
    )
    assert refusal(fu.household_industry_topup, policy, requested=500) == (
        "topup",
        "requested",
        500,
        money,
    )
    assert refusal(fu.livestock_pen_award, policy, pens_built=1) == (
        "livestock_pen_award",
        "pens_built",
        1,
        "True, False or None",
    )
    assert refusal(fu.in_home_business_subsidy, None, policy) == (
        "in_home_business_subsidy",
        "investment",
        None,
        money,
    )
    assert refusal(fu.in_home_business_subsidy, M(1), policy, granted=M(-1)) == (
        "in_home_business_subsidy",
        "granted",
        M(-1),
        money,
    )
    assert refusal(fu.vegetable_plot_subsidy, Area.zero(), policy, first_year=2020) == (
        "vegetable_plot_subsidy",
        "area",
        Area.zero(),
        "an Area > 0",
    )
    assert refusal(fu.vegetable_plot_subsidy, Area.mu("0.1"), policy, first_year=True) == (
        "vegetable_plot_subsidy",
        "first_year",
        True,
        "a year",
    )
    assert refusal(
        fu.vegetable_plot_subsidy, Area.mu("0.1"), policy, first_year=2020, cost_per_mu_year=M(-1)
    ) == ("vegetable_plot_subsidy", "cost_per_mu_year", M(-1), money)
    for bad in (-1, True, 1.0):
        assert refusal(fu.welfare_jobs, {"A": bad}, policy) == (
            "welfare_jobs",
            "A",
            bad,
            "a whole number >= 0",
        )
    assert refusal(fu.broker_award, ["P"], policy, as_of=D(2020, 6, 1)) == (
        "placements",
        "item",
        "P",
        "a Placement",
    )
    late = placement("P", D(2020, 7, 1))
    assert refusal(fu.broker_award, [late], policy, as_of=D(2020, 6, 1)) == (
        "Placement P",
        "started_on",
        D(2020, 7, 1),
        "on or before 2020-06-01",
    )
