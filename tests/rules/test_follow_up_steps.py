"""FOLLOW-7 (the Chengkou subsidies) step by step: per branch the rule ID, message key, inputs,
parameters, notes and citation; every refusal compared whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules import follow_up as fu
from tests.error_texts import check_rule_error

D = dt.date
M = Money
F7 = "FOLLOW-7"
PACK = "cq-chengkou-subdistrict-relocation-follow-up-2020"


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=D(2020, 6, 1))


def view(result: pp.Result[Any]) -> list[tuple[Any, ...]]:
    """Each step as (rule, key, inputs, parameter names, notes, citation section or law)."""
    return [
        (
            s.rule,
            s.key,
            dict(s.inputs),
            tuple(p.name for p in s.params),
            tuple((n.kind.value, n.key, dict(n.args)) for n in s.notes),
            None if s.citation is None else (s.citation.section or s.citation.law),
        )
        for s in result.steps
    ]


def fu_(name: str) -> str:
    return f"follow_up.{name}"


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


def refusal(fn: Any, *args: Any, **kw: Any) -> tuple[str, str, Any, str]:
    with pytest.raises(pp.InputError) as exc:
        fn(*args, **kw)
    e = exc.value
    return (e.obj, e.field, e.value, e.expected)


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


# -- FOLLOW-1, -2, -3 (support.py) ------------------------------------------------------------

SUPPORT = "county-relocation-follow-up-2020"
SETTLED = D(2020, 3, 15)
DEADLINE = D(2021, 3, 15)  # a year from the day after settling, inclusive


@pytest.fixture(scope="module")
def support_policy() -> pp.Policy:
    return pp.Policy.load(SUPPORT, on=D(2021, 6, 1))


def member(pid: str, **facts: Any) -> pp.RelocatedMember:
    base: dict[str, Any] = {
        "labour_capacity": pp.LabourCapacity.FULL,
        "wants_work": True,
        "stably_employed": False,
        "wants_training": True,
        "trainings": (),
    }
    return pp.RelocatedMember(id=pid, **{**base, **facts})


def relocated(*members: pp.RelocatedMember, **facts: Any) -> pp.RelocatedHousehold:
    base: dict[str, Any] = {"settled_on": SETTLED}
    return pp.RelocatedHousehold(id="H1", members=members or (member("P1"),), **{**base, **facts})


@pytest.mark.parametrize(
    ("facts", "as_of", "state", "counted", "first"),
    [
        ({"trainings": (DEADLINE,)}, D(2021, 6, 1), "trained", 1, DEADLINE),  # on the last day
        ({"trainings": (DEADLINE + dt.timedelta(1),)}, D(2021, 6, 1), "overdue", 0, None),
        ({"trainings": (SETTLED,)}, D(2021, 6, 1), "trained", 1, SETTLED),  # the settling day
        ({"trainings": (SETTLED - dt.timedelta(1),)}, D(2021, 6, 1), "overdue", 0, None),
        ({"trainings": ()}, DEADLINE, "due", 0, None),  # the deadline itself: still due
        ({"trainings": ()}, DEADLINE + dt.timedelta(1), "overdue", 0, None),
        (
            {"trainings": (D(2020, 9, 1), D(2020, 5, 1))},
            D(2021, 6, 1),
            "trained",
            2,
            D(2020, 5, 1),
        ),
        ({"trainings": None}, D(2021, 6, 1), "not_recorded", 0, None),
        ({"wants_training": None}, D(2021, 6, 1), "not_recorded", 0, None),
        ({"wants_training": False, "trainings": None}, D(2021, 6, 1), "not_wanted", 0, None),
        (
            {"labour_capacity": pp.LabourCapacity.NONE, "wants_training": True},
            D(2021, 6, 1),
            "not_a_worker",
            0,
            None,
        ),
    ],
)
def test_FOLLOW_1_member_steps(
    support_policy: pp.Policy,
    facts: dict[str, Any],
    as_of: dt.date,
    state: str,
    counted: int,
    first: dt.date | None,
) -> None:
    r = fu.training(relocated(member("P1", **facts)), support_policy, as_of=as_of)
    assert r.value.members == (
        fu.MemberTraining(
            person_id="P1", state=fu.TrainingState(state), counted=counted, first_on=first
        ),
    )
    assert r.value.state is fu.TrainingState(state)
    assert (r.value.settled_on, r.value.deadline) == (SETTLED, DEADLINE)
    years = fu_("training_within_years")
    assert view(r) == [
        (
            "FOLLOW-1",
            "follow_up.training.deadline",
            {
                "household": "H1",
                "settled_on": SETTLED,
                "first_day": SETTLED + dt.timedelta(1),
                "deadline": DEADLINE,
            },
            (years, fu_("training_min_sessions")),
            (),
            "中华人民共和国民法典",
        ),
        (
            "FOLLOW-1",
            f"follow_up.training.{state}",
            {
                "person": "P1",
                "deadline": DEADLINE,
                "counted": counted,
                "first": first,
                "as_of": as_of,
            },
            (),
            (),
            None,
        ),
    ]


def test_FOLLOW_1_household_state_and_wanting(support_policy: pp.Policy) -> None:
    members = (
        member("A", trainings=(D(2020, 5, 1),)),
        member("B", wants_training=False),
        member("C", labour_capacity=pp.LabourCapacity.NONE),
        member("D", trainings=None),
        member("E"),
    )
    at = D(2020, 12, 1)
    r = fu.training(relocated(*members), support_policy, as_of=at)
    assert [m.state.value for m in r.value.members] == [
        "trained",
        "not_wanted",
        "not_a_worker",
        "not_recorded",
        "due",
    ]
    assert r.value.state is fu.TrainingState.NOT_RECORDED  # before due, after overdue
    assert r.value.wanting == 3
    late = fu.training(relocated(*members), support_policy, as_of=D(2021, 6, 1))
    assert late.value.state is fu.TrainingState.OVERDUE
    only = fu.training(relocated(members[1], members[2]), support_policy, as_of=at)
    assert only.value.state is fu.TrainingState.NOT_WANTED
    assert only.value.wanting == 0
    trained = fu.training(relocated(members[0], members[1]), support_policy, as_of=at)
    assert trained.value.state is fu.TrainingState.TRAINED


def test_FOLLOW_1_without_a_settling_date(support_policy: pp.Policy) -> None:
    r = fu.training(relocated(settled_on=None), support_policy, as_of=D(2021, 6, 1))
    assert (r.value.settled_on, r.value.deadline) == (None, None)
    assert view(r)[0] == (
        "FOLLOW-1",
        "follow_up.training.no_settled_date",
        {"household": "H1"},
        (fu_("training_within_years"),),
        (),
        None,
    )
    assert r.value.members[0].state is fu.TrainingState.NOT_RECORDED


def test_FOLLOW_1_a_training_after_the_check_date_is_refused(support_policy: pp.Policy) -> None:
    h = relocated(member("P1", trainings=(D(2021, 7, 1),)))
    assert refusal(fu.training, h, support_policy, as_of=D(2021, 6, 1)) == (
        "RelocatedMember P1",
        "trainings",
        D(2021, 7, 1),
        "dates on or before the check date 2021-06-01",
    )


@pytest.mark.parametrize(
    ("members", "state", "able", "employed", "undetermined", "unknown"),
    [
        ((member("A", stably_employed=True),), "met", ("A",), ("A",), (), ()),
        (
            (member("A", stably_employed=True, labour_capacity=None, wants_work=None),),
            "met",
            (),
            ("A",),
            (),
            (),
        ),
        ((member("A"), member("B")), "not_met", ("A", "B"), (), (), ()),
        ((member("A", wants_work=False),), "no_labour", (), (), (), ()),
        ((member("A", labour_capacity=pp.LabourCapacity.NONE),), "no_labour", (), (), (), ()),
        ((member("A", stably_employed=None),), "not_recorded", ("A",), (), ("A",), ()),
        ((member("A", wants_work=None),), "not_recorded", (), (), (), ("A",)),
        ((member("A"), member("B", wants_work=None)), "not_met", ("A",), (), (), ("B",)),
        (
            (member("A", labour_capacity=pp.LabourCapacity.PARTIAL),),
            "not_met",
            ("A",),
            (),
            (),
            (),
        ),
    ],
)
def test_FOLLOW_2_steps(
    support_policy: pp.Policy,
    members: tuple[pp.RelocatedMember, ...],
    state: str,
    able: tuple[str, ...],
    employed: tuple[str, ...],
    undetermined: tuple[str, ...],
    unknown: tuple[str, ...],
) -> None:
    r = fu.stable_employment(relocated(*members), support_policy)
    assert r.value == fu.EmploymentCheck(
        household_id="H1",
        state=fu.EmploymentState(state),
        able_and_willing=able,
        employed=employed,
        undetermined=undetermined,
        not_recorded=unknown,
    )
    notes: tuple[Any, ...] = (("convention", "follow_up.note.partial_capacity", {}),)
    if unknown:
        notes += (("warning", "follow_up.note.work_not_recorded", {"persons": ", ".join(unknown)}),)
    assert view(r) == [
        (
            "FOLLOW-2",
            f"follow_up.employment.{state}",
            {"household": "H1", "able": able, "employed": employed, "undetermined": undetermined},
            (fu_("stable_jobs_min_per_household"),),
            notes,
            None,
        )
    ]


DIBAO_FACTS: dict[str, Any] = {
    "registered_poor": True,
    "industry_support": False,
    "hardship": True,
    "property_within_limits": True,
}
HOUSE_CITE = "篇二 §三(三)3"
JAN_31 = D(2021, 1, 31)
C = fu.DibaoCondition


@pytest.mark.parametrize(
    ("facts", "as_of", "state", "failed", "unknown", "until", "notes"),
    [
        ({}, D(2021, 6, 1), "to_grant", (), (), None, ()),
        ({"dibao_granted_on": JAN_31}, D(2021, 7, 31), "in_period", (), (), D(2021, 7, 31), ()),
        ({"dibao_granted_on": JAN_31}, D(2021, 8, 1), "review_due", (), (), D(2021, 7, 31), ()),
        ({"registered_poor": False}, D(2021, 6, 1), "not_eligible", (C.REGISTERED_POOR,), (), None,
         ("grant_not_recorded",)),
        ({"industry_support": True, "dibao_granted_on": D(2021, 1, 1)}, D(2021, 6, 1),
         "not_eligible", (C.NO_INDUSTRY_SUPPORT,), (), D(2021, 7, 1), ("granted_not_eligible",)),
        ({"hardship": False, "property_within_limits": False}, D(2021, 6, 1), "not_eligible",
         (C.HARDSHIP, C.PROPERTY), (), None, ("grant_not_recorded",)),
        ({"hardship": None}, D(2021, 6, 1), "not_recorded", (), (C.HARDSHIP,), None, ()),
        ({"registered_poor": None, "industry_support": None}, D(2021, 6, 1), "not_recorded", (),
         (C.REGISTERED_POOR, C.NO_INDUSTRY_SUPPORT), None, ()),
        ({"hardship": False, "industry_support": None}, D(2021, 6, 1), "not_eligible",
         (C.HARDSHIP,), (C.NO_INDUSTRY_SUPPORT,), None, ("grant_not_recorded",)),
    ],
)  # fmt: skip
def test_FOLLOW_3_steps(
    support_policy: pp.Policy,
    facts: dict[str, Any],
    as_of: dt.date,
    state: str,
    failed: tuple[Any, ...],
    unknown: tuple[Any, ...],
    until: dt.date | None,
    notes: tuple[str, ...],
) -> None:
    h = relocated(member("A"), **{**DIBAO_FACTS, **facts})
    r = fu.transitional_dibao(h, support_policy, as_of=as_of)
    granted = h.dibao_granted_on
    assert r.value == fu.DibaoCheck(
        household_id="H1",
        state=fu.DibaoState(state),
        failed=failed,
        not_recorded=unknown,
        granted_on=granted,
        until=until,
    )
    assert r.value.eligible is (False if failed else (None if unknown else True))
    all_notes = (
        ("convention", "follow_up.note.relocation_house_not_counted", {}),
        *(("warning", f"follow_up.note.{n}", {}) for n in notes),
    )
    expected = [
        (
            "FOLLOW-3",
            f"follow_up.dibao.{state}",
            {
                "household": "H1",
                "failed": failed,
                "not_recorded": unknown,
                "granted_on": granted,
                "until": until,
                "as_of": as_of,
            },
            (fu_("dibao_months"),),
            all_notes,
            HOUSE_CITE if state == "not_eligible" else None,
        )
    ]
    if state in ("in_period", "review_due"):
        assert until is not None
        expected.append(
            (
                "FOLLOW-3",
                "follow_up.dibao.period",
                {"granted_on": granted, "until": until, "review": until + dt.timedelta(1)},
                (),
                (),
                "中华人民共和国民法典",
            )
        )
    assert view(r) == expected


def test_FOLLOW_3_a_member_in_a_job_is_no_employment_failed(support_policy: pp.Policy) -> None:
    h = relocated(member("A"), member("B", stably_employed=True), **DIBAO_FACTS)
    r = fu.transitional_dibao(h, support_policy, as_of=D(2021, 6, 1))
    assert r.value.failed == (C.NO_EMPLOYMENT,)
    h = relocated(member("A"), member("B", stably_employed=None), **DIBAO_FACTS)
    assert fu.transitional_dibao(h, support_policy, as_of=D(2021, 6, 1)).value.not_recorded == (
        C.NO_EMPLOYMENT,
    )


def test_support_rules_refuse_what_is_not_a_household(support_policy: pp.Policy) -> None:
    for name, fn, kw in (
        ("training", fu.training, {"as_of": D(2021, 6, 1)}),
        ("stable_employment", fu.stable_employment, {}),
        ("transitional_dibao", fu.transitional_dibao, {"as_of": D(2021, 6, 1)}),
    ):
        got = refusal(fn, "H1", support_policy, **kw)
        assert got[:3] == (f"rules.follow_up.{name}", "household", "H1"), name


@pytest.mark.parametrize(("people", "years", "total"), [(10, 1, 10), (3, 2, 6), (0, 1, 0)])
def test_FOLLOW_8_premium_step(people: int, years: int, total: int) -> None:
    policy = pp.Policy.load("jx-county-relocation-follow-up-measures", on=D(2021, 6, 1))
    rate = policy.param("follow_up.serious_illness_premium")
    r = fu.serious_illness_premium(people, policy, years=years)
    assert r.value == rate.money * total
    assert view(r) == [
        (
            "FOLLOW-8",
            "follow_up.premium",
            {"rate": rate.money, "people": people, "years": years, "total": rate.money * total},
            (fu_("serious_illness_premium"),),
            (),
            None,
        )
    ]
    assert fu.serious_illness_premium(people, policy).value == rate.money * people


@pytest.mark.parametrize(("people", "years", "field"), [(-1, 1, "people"), (1, True, "years")])
def test_FOLLOW_8_refusals(people: Any, years: Any, field: str) -> None:
    policy = pp.Policy.load("jx-county-relocation-follow-up-measures", on=D(2021, 6, 1))
    bad = people if field == "people" else years
    assert refusal(fu.serious_illness_premium, people, policy, years=years) == (
        "serious_illness_premium",
        field,
        bad,
        "a whole number >= 0",
    )


# -- FOLLOW-4, FOLLOW-5 (old_house.py) ----------------------------------------------------------

SHAANXI = "sn-city-relocation-plan-2019"
SAFE = {"in_hazard_zone": False, "unsafe": False, "non_brick_concrete": False}


@pytest.mark.parametrize(("demolished", "key"), [(D(2019, 5, 1), "payable"), (None, "not_yet")])
def test_FOLLOW_5_award_steps(demolished: dt.date | None, key: str) -> None:
    policy = pp.Policy.load(SHAANXI, on=D(2019, 6, 1))
    rate = policy.param("follow_up.homestead_award_per_person")
    h = relocated(member("A"), member("B"), old_house=pp.OldHouse(demolished_on=demolished))
    r = fu.homestead_award(h, policy)
    amount = rate.money * 2
    assert r.value == fu.HomesteadAward(
        household_id="H1",
        people=2,
        per_person=rate.money,
        amount=amount,
        state=fu.AwardState(key),
    )
    assert r.value.payable_now == (amount if key == "payable" else M(0))
    assert view(r) == [
        (
            "FOLLOW-5",
            f"follow_up.award.{key}",
            {
                "household": "H1",
                "rate": rate.money,
                "people": 2,
                "amount": amount,
                "date": demolished,
            },
            (fu_("homestead_award_per_person"),),
            (("convention", "follow_up.note.award_on_vacating", {}),),
            None,
        )
    ]
    assert refusal(fu.homestead_award, "H1", policy)[:3] == (
        "rules.follow_up.homestead_award",
        "household",
        "H1",
    )


@pytest.mark.parametrize(
    ("demolished", "as_of", "state"),
    [
        (D(2019, 9, 1), D(2019, 11, 1), "on_time"),  # on the deadline itself
        (D(2019, 9, 2), D(2019, 11, 1), "late"),
        (None, D(2019, 9, 1), "pending"),
        (None, D(2019, 9, 2), "overdue"),
    ],
)
def test_FOLLOW_4_shaanxi_steps(demolished: dt.date | None, as_of: dt.date, state: str) -> None:
    policy = pp.Policy.load(SHAANXI, on=D(2019, 6, 1))
    house = pp.OldHouse(demolished_on=demolished, **SAFE)
    h = relocated(member("A"), moved_in_on=D(2019, 3, 1), old_house=house)
    r = fu.demolition(h, policy, as_of=as_of)
    v = r.value
    assert (v.state, v.deadline, v.decided_by, v.missing, v.demolished_on) == (
        fu.DemolitionState(state),
        D(2019, 9, 1),
        fu.LimitKind.TRANSITION,
        (),
        demolished,
    )
    steps = view(r)
    first = steps[0]
    assert first[:3] == (
        "FOLLOW-4",
        "follow_up.deadline.transition",
        {"deadline": D(2019, 9, 1), "moved_in_on": D(2019, 3, 1)},
    )
    assert first[5] == "中华人民共和国民法典"
    last = next(s for s in steps if s[1].startswith("follow_up.demolition."))
    notes = (("convention", "follow_up.note.earliest_limit", {}),) if len(v.limits) > 1 else ()
    assert last == (
        "FOLLOW-4",
        f"follow_up.demolition.{state}",
        {
            "household": "H1",
            "deadline": D(2019, 9, 1),
            "limit": fu.LimitKind.TRANSITION,
            "date": demolished,
            "as_of": as_of,
        },
        (),
        notes,
        None,
    )
    others = [s for s in steps if s[1].startswith("follow_up.deadline.") and s is not first]
    assert all(s[5] is None for s in others)  # only the transition period cites the Civil Code


def test_FOLLOW_4_not_recorded_step() -> None:
    policy = pp.Policy.load(SHAANXI, on=D(2019, 6, 1))
    h = relocated(member("A"), old_house=pp.OldHouse())
    r = fu.demolition(h, policy, as_of=D(2019, 11, 1))
    v = r.value
    assert v.state is fu.DemolitionState.NOT_RECORDED
    assert (v.deadline, v.decided_by) == (None, None)
    assert fu.OldHouseFact.MOVED_IN_ON in v.missing
    assert view(r)[-1] == (
        "FOLLOW-4",
        "follow_up.demolition.not_recorded",
        {"household": "H1", "missing": v.missing},
        (),
        (),
        None,
    )


@pytest.mark.parametrize(
    ("reclaimed", "as_of", "state"),
    [
        (D(2020, 12, 31), D(2021, 2, 1), "on_time"),
        (D(2021, 1, 1), D(2021, 2, 1), "late"),
        (None, D(2020, 12, 31), "pending"),
        (None, D(2021, 1, 1), "overdue"),
    ],
)
def test_FOLLOW_4_reclamation_steps(
    support_policy: pp.Policy, reclaimed: dt.date | None, as_of: dt.date, state: str
) -> None:
    house = pp.OldHouse(demolished_on=D(2020, 9, 30), reclaimed_on=reclaimed, **SAFE)
    h = relocated(member("A"), old_house=house)
    r = fu.demolition(h, support_policy, as_of=as_of)
    p = support_policy.param("follow_up.reclamation_deadline")
    assert (r.value.reclamation_deadline, r.value.reclamation_state) == (
        D(2020, 12, 31),
        fu.DemolitionState(state),
    )
    assert view(r)[-1] == (
        "FOLLOW-4",
        f"follow_up.reclamation.{state}",
        {"deadline": D(2020, 12, 31), "date": reclaimed, "as_of": as_of},
        (p.name,),
        (),
        None,
    )


def test_FOLLOW_4_refusals(support_policy: pp.Policy, tmp_path: Any) -> None:
    assert refusal(fu.demolition, "H1", support_policy, as_of=D(2021, 1, 1))[:3] == (
        "rules.follow_up.demolition",
        "household",
        "H1",
    )
    bare = pp.Policy.load("cn", on=D(2021, 1, 1))
    with pytest.raises(pp.RuleError) as exc:
        fu.demolition(relocated(member("A")), bare, as_of=D(2021, 1, 1))
    assert (exc.value.rule, exc.value.message) == (
        "FOLLOW-4",
        "the pack cn sets no demolition deadline",
    )
    check_rule_error(exc.value, "follow_up.error.no_demolition_deadline", {"pack": "cn"})
