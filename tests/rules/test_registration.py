"""Poverty registration, poverty-work-plan-samples 篇4 and 篇5: ID-1..ID-7 from the seeds' own
numbers, both sides."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import (
    CardClass,
    Exclusion,
    InputError,
    LabourCapacity,
    Money,
    RuleError,
    VillageClass,
)
from povertypolicy.explain.catalog import message
from povertypolicy.rules.registration import (
    PairedHousehold,
    RegistrationCondition,
    Stage,
    card_class,
    check_procedure,
    eligibility,
    evaluation_group,
    incidence_target,
    income_growth_target,
    industry_award,
    inpatient_rate,
    pairing,
    posting_period,
    replace_disqualified,
    schooling_and_training,
    seedlings,
    split_quota,
    vote,
)

LONGHUI = "hn-longhui-town-registration-2014"
JIANGXI = "jx-township-poverty-plan-2015"
ASSESSED = dt.date(2014, 4, 10)


@pytest.fixture
def policy() -> pp.Policy:
    return pp.Policy.load(LONGHUI, on=ASSESSED)


@pytest.fixture
def jx() -> pp.Policy:
    return pp.Policy.load(JIANGXI, on=dt.date(2016, 1, 1))


def applicant(
    born: dt.date = dt.date(1970, 1, 1),
    capacity: LabourCapacity | None = LabourCapacity.FULL,
    *,
    dibao: bool = False,
    more: tuple[LabourCapacity | None, ...] = (),
    **kw: Any,
) -> pp.Applicant:
    members = [pp.Person(id="P1", birth_date=born, labour_capacity=capacity)]
    members += [
        pp.Person(id=f"P{i + 2}", birth_date=dt.date(1990, 1, 1), labour_capacity=c)
        for i, c in enumerate(more)
    ]
    facts: dict[str, Any] = {
        "main_labourer_id": "P1",
        "willing": True,
        "per_capita_net_income": Money("2500"),
        "income_year": 2013,
        "exclusions": set(),
    }
    facts.update(kw)
    return pp.Applicant(
        household=pp.Household(id="H1", members=members, dibao=dibao), assessed_on=ASSESSED, **facts
    )


# -- ID-1 -------------------------------------------------------------------------------------


def test_ID_1_eligible_household(policy: pp.Policy) -> None:
    e = eligibility(applicant(), policy).value
    assert (e.reason, e.eligible, e.failed, e.not_recorded) == ("eligible", True, (), ())


@pytest.mark.parametrize(
    ("born", "ok"),
    [
        (dt.date(1953, 4, 11), True),  # 60 on the day
        (dt.date(1953, 4, 10), False),  # 61 on the day
        (dt.date(1954, 4, 10), True),
    ],
)
def test_ID_1_sixty_or_under_includes_sixty(policy: pp.Policy, born: dt.date, ok: bool) -> None:
    e = eligibility(applicant(born), policy).value
    assert (RegistrationCondition.MAIN_LABOURER_AGE in e.failed) is not ok


def test_ID_1_age_sixty_notes_the_boundary(policy: pp.Policy) -> None:
    assert "includes the figure itself" in eligibility(
        applicant(dt.date(1953, 4, 11)), policy
    ).explain("en")


@pytest.mark.parametrize(("income", "ok"), [("2736.00", True), ("2736.01", False), ("0", True)])
def test_ID_1_income_at_or_below_the_2013_line(policy: pp.Policy, income: str, ok: bool) -> None:
    e = eligibility(applicant(per_capita_net_income=Money(income)), policy).value
    assert e.eligible is ok


def test_ID_1_line_for_the_income_year_at_current_prices(policy: pp.Policy) -> None:
    assert eligibility(
        applicant(per_capita_net_income=Money("2800"), income_year=2014), policy
    ).value.eligible
    assert not eligibility(
        applicant(per_capita_net_income=Money("2800"), income_year=2013), policy
    ).value.eligible
    text = eligibility(applicant(income_year=2017), policy).explain("en")
    assert "could not be confirmed" in text  # a qualified year says so


@pytest.mark.parametrize(
    ("capacity", "ok"),
    [(LabourCapacity.FULL, True), (LabourCapacity.PARTIAL, True), (LabourCapacity.NONE, False)],
)
def test_ID_1_main_labourer_able(policy: pp.Policy, capacity: LabourCapacity, ok: bool) -> None:
    assert eligibility(applicant(capacity=capacity), policy).value.eligible is ok


def test_ID_1_unwilling_is_ineligible(policy: pp.Policy) -> None:
    e = eligibility(applicant(willing=False), policy).value
    assert e.failed == (RegistrationCondition.WILLING,)


@pytest.mark.parametrize(
    ("facts", "missing"),
    [
        ({"main_labourer_id": None}, RegistrationCondition.MAIN_LABOURER_AGE),
        ({"willing": None}, RegistrationCondition.WILLING),
        ({"per_capita_net_income": None}, RegistrationCondition.INCOME_AT_OR_BELOW_LINE),
        ({"income_year": None}, RegistrationCondition.INCOME_AT_OR_BELOW_LINE),
        ({"exclusions": None}, RegistrationCondition.NOT_EXCLUDED),
    ],
)
def test_ID_1_not_recorded_is_undetermined(
    policy: pp.Policy, facts: dict[str, Any], missing: RegistrationCondition
) -> None:
    e = eligibility(applicant(**facts), policy).value
    assert e.reason == "undetermined"
    assert e.eligible is None
    assert missing in e.not_recorded


def test_ID_1_dibao_households_are_all_included(policy: pp.Policy) -> None:
    e = eligibility(
        applicant(dt.date(1940, 1, 1), LabourCapacity.NONE, dibao=True, willing=None), policy
    )
    assert e.value.reason == "dibao"
    assert e.value.eligible
    assert "all are included" in e.explain("en")


def test_ID_1_main_labourer_must_be_a_member() -> None:
    with pytest.raises(InputError):
        applicant(main_labourer_id="P9")


# -- ID-2 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("exclusion", list(Exclusion))
def test_ID_2_each_exclusion_is_named(policy: pp.Policy, exclusion: Exclusion) -> None:
    r = eligibility(applicant(exclusions={exclusion}), policy)
    assert r.value.reason == "excluded"
    assert r.value.exclusions == (exclusion,)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        label = message(f"registration.enum.exclusion.{exclusion.value}", locale)
        assert label in r.explain(locale)


def test_ID_2_there_are_eleven() -> None:
    assert len(Exclusion) == 11


def test_ID_2_children_not_supporting_is_in_principle(policy: pp.Policy) -> None:
    text = eligibility(applicant(exclusions={Exclusion.CHILDREN_NOT_SUPPORTING}), policy).explain(
        "en"
    )
    assert "in principle" in text
    assert "in principle" not in eligibility(
        applicant(exclusions={Exclusion.NOT_FARMING}), policy
    ).explain("en")


def test_ID_2_failed_condition_wins_over_exclusion(policy: pp.Policy) -> None:
    e = eligibility(applicant(willing=False, exclusions={Exclusion.BOUGHT_CAR}), policy).value
    assert e.reason == "ineligible"
    assert e.exclusions == (Exclusion.BOUGHT_CAR,)


def test_ID_2_family_planning_priority_is_reported(policy: pp.Policy) -> None:
    assert eligibility(applicant(family_planning_priority=True), policy).value.priority is True


# -- ID-3 -------------------------------------------------------------------------------------


def test_ID_3_posting_counts_from_the_next_day(policy: pp.Policy) -> None:
    p = posting_period(dt.date(2014, 4, 25), policy).value
    assert (p.first_day, p.last_day, p.next_stage_on) == (
        dt.date(2014, 4, 26),
        dt.date(2014, 5, 2),
        dt.date(2014, 5, 3),
    )
    assert "第二百零一条" in posting_period(dt.date(2014, 4, 25), policy).explain("zh_Hans")


@pytest.mark.parametrize(
    ("down", "ok"),
    [(dt.date(2014, 5, 2), True), (dt.date(2014, 5, 1), False), (dt.date(2014, 5, 9), True)],
)
def test_ID_3_posting_at_least_seven_days(policy: pp.Policy, down: dt.date, ok: bool) -> None:
    p = posting_period(dt.date(2014, 4, 25), policy, taken_down_on=down).value
    assert p.complies is ok


def test_ID_3_posting_taken_down_before_posting_is_an_error(policy: pp.Policy) -> None:
    with pytest.raises(InputError):
        posting_period(dt.date(2014, 4, 25), policy, taken_down_on=dt.date(2014, 4, 24))


@pytest.mark.parametrize(("members", "ok"), [(30, True), (29, False), (45, True)])
def test_ID_3_evaluation_group_thirty_or_more(policy: pp.Policy, members: int, ok: bool) -> None:
    assert evaluation_group(members, {"一组": 2, "二组": 3}, policy).value.valid is ok


def test_ID_3_two_households_per_group(policy: pp.Policy) -> None:
    g = evaluation_group(30, {"一组": 2, "二组": 1, "三组": 0}, policy).value
    assert g.short_groups == ("二组", "三组")
    assert not g.valid


@pytest.mark.parametrize(
    ("voters", "participants", "approvals", "ok"),
    [(100, 80, 64, True), (100, 79, 79, False), (100, 80, 63, False), (3, 3, 3, True)],
)
def test_ID_3_eighty_percent_or_more(
    policy: pp.Policy, voters: int, participants: int, approvals: int, ok: bool
) -> None:
    assert vote(voters, participants, approvals, policy).value.valid is ok


def test_ID_3_replacement_in_vote_order() -> None:
    votes = {"A": 90, "B": 80, "C": 70, "D": 60, "E": 60, "F": 10}
    r = replace_disqualified(votes, ["A", "B", "C"], ["B", "A"], priority={"E"}).value
    assert [(x.disqualified, x.replacement) for x in r] == [("B", "E"), ("A", "D")]
    none = replace_disqualified({"A": 1}, ["A"], ["A"]).value
    assert none[0].replacement is None


def test_ID_3_replacement_inputs_checked() -> None:
    with pytest.raises(InputError):
        replace_disqualified({"A": 1, "B": 0}, ["A"], ["B"])  # B was not selected


def test_ID_3_procedure_order() -> None:
    d = dt.date(2014, 4, 1)
    dates = {s: d + dt.timedelta(days=8 * i) for i, s in enumerate(Stage)}
    assert check_procedure(dates).value.complete
    dates[Stage.TOWNSHIP_CHECKED] = d
    del dates[Stage.COUNTY_APPROVED]
    c = check_procedure(dates).value
    assert c.out_of_order == (Stage.TOWNSHIP_CHECKED,)
    assert c.missing == (Stage.COUNTY_APPROVED,)


# -- ID-4 -------------------------------------------------------------------------------------

VILLAGES = {
    "甲村": VillageClass.GOOD,
    "乙村": VillageClass.AVERAGE,
    "丙村": VillageClass.POOR,
    "丁村": VillageClass.DEEPLY_POOR,
}
WEIGHTS = {
    VillageClass.GOOD: 1,
    VillageClass.AVERAGE: 2,
    VillageClass.POOR: 3,
    VillageClass.DEEPLY_POOR: 4,
}


def test_ID_4_split_by_class_weights(policy: pp.Policy) -> None:
    s = split_quota(100, VILLAGES, policy, weights=WEIGHTS).value
    assert [x.quota for x in s.shares] == [10, 20, 30, 40]
    s = split_quota(7, VILLAGES, policy, weights=WEIGHTS).value
    assert [x.quota for x in s.shares] == [1, 1, 2, 3]  # 0.7, 1.4, 2.1, 2.8
    assert sum(x.quota for x in s.shares) == 7
    assert [x.village for x in s.shares if x.took_remainder] == ["甲村", "丁村"]


def test_ID_4_without_weights_is_an_error_never_an_even_split(policy: pp.Policy) -> None:
    with pytest.raises(RuleError, match="even split"):
        split_quota(100, VILLAGES, policy)
    with pytest.raises(RuleError, match="deeply_poor"):
        split_quota(
            100,
            VILLAGES,
            policy,
            weights={VillageClass.GOOD: 1, VillageClass.AVERAGE: 1, VillageClass.POOR: 1},
        )


def test_ID_4_weights_from_a_user_pack_and_basis(tmp_path: Path) -> None:
    body = textwrap.dedent(
        f"""
        id = "my-county"
        title = "本县"
        issuer = "某县"
        parent = "{LONGHUI}"
        source = {{ document = "county.txt", section = "§1" }}
        """
    )
    for cls, w in (("good", "1"), ("average", "1.5"), ("poor", "2"), ("deeply_poor", "3")):
        body += textwrap.dedent(
            f"""
            [parameters."registration.quota_weight_{cls}"]
            unit = "times"
            citation = {{ document = "county.txt", section = "§2" }}
            values = [{{ from = 2014-01-01, value = "{w}" }}]
            """
        )
    path = tmp_path / "county.toml"
    path.write_text(body, encoding="utf-8")
    pol = pp.Policy.load(path, on=ASSESSED)
    s = split_quota(
        90, VILLAGES, pol, basis={"甲村": 100, "乙村": 100, "丙村": 100, "丁村": 100}
    ).value
    assert [x.quota for x in s.shares] == [12, 18, 24, 36]
    assert "from the pack" in split_quota(90, VILLAGES, pol).explain("en")
    # The weights are listed in the village classes' order, whatever the villages' order or
    # the hash seed: the same call explains itself the same way on every machine.
    for villages in (VILLAGES, dict(reversed(list(VILLAGES.items())))):
        step = next(st for st in split_quota(90, villages, pol).steps if st.params)
        assert [p.name for p in step.params] == [
            f"registration.quota_weight_{c.value}"
            for c in VillageClass
            if c in set(VILLAGES.values())
        ]


@given(
    st.integers(0, 10_000),
    st.lists(st.sampled_from(list(VillageClass)), min_size=1, max_size=30),
    st.fixed_dictionaries({c: st.integers(1, 9) for c in VillageClass}),
)
def test_ID_4_parts_add_up_exactly(
    total: int, classes: list[VillageClass], weights: dict[VillageClass, int]
) -> None:
    policy = pp.Policy.load(LONGHUI, on=ASSESSED)
    villages = {f"V{i}": c for i, c in enumerate(classes)}
    s = split_quota(total, villages, policy, weights=weights).value
    assert sum(x.quota for x in s.shares) == total
    wsum = sum(weights[c] for c in classes)
    for x in s.shares:  # each part within one household of its exact share
        exact = total * weights[x.village_class] / wsum
        assert abs(x.quota - exact) < 1


# -- ID-5 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "card"),
    [
        ({"five_guarantee": True, "deep_poverty": False}, CardClass.BLUE),
        (
            {"capacity": LabourCapacity.NONE, "five_guarantee": False, "deep_poverty": True},
            CardClass.BLUE,
        ),
        ({"five_guarantee": False, "deep_poverty": False}, CardClass.YELLOW),
        ({"five_guarantee": False, "deep_poverty": True}, CardClass.RED),
        (
            {"capacity": LabourCapacity.PARTIAL, "five_guarantee": False, "deep_poverty": True},
            CardClass.RED,
        ),
        ({"five_guarantee": None, "deep_poverty": True}, None),
        ({"five_guarantee": False, "deep_poverty": None}, None),
    ],
)
def test_ID_5_card_classes(jx: pp.Policy, kw: dict[str, Any], card: CardClass | None) -> None:
    assert card_class(applicant(**kw), jx).value.card is card


# -- ID-6 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("poor", "met"), [(300, True), (301, False), (0, True)])
def test_ID_6_incidence_three_percent_or_less(jx: pp.Policy, poor: int, met: bool) -> None:
    assert incidence_target(poor, 10_000, jx).value.met is met


@pytest.mark.parametrize(("village", "met"), [("12.5", True), ("12.49", False), ("20", True)])
def test_ID_6_growth_five_points_or_more_above_the_county(
    jx: pp.Policy, village: str, met: bool
) -> None:
    assert income_growth_target(Decimal(village), Decimal("7.5"), jx).value.met is met


def test_ID_6_targets_apply_2015_to_2017() -> None:
    with pytest.raises(pp.ParameterPeriodError):
        incidence_target(1, 100, pp.Policy.load(JIANGXI, on=dt.date(2018, 1, 1)))


# -- ID-7 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "ok"), [("1000", True), ("999.99", False), ("5000", True), ("5000.01", False)]
)
def test_ID_7_industry_award_range(jx: pp.Policy, amount: str, ok: bool) -> None:
    assert industry_award(Money(amount), jx).value.within is ok


def test_ID_7_schooling_and_training(jx: pp.Policy) -> None:
    v = schooling_and_training(3, 2, jx).value
    assert (v.schooling, v.training, v.total) == (Money("6000"), Money("2000"), Money("8000"))


def test_ID_7_pairing(jx: pp.Policy) -> None:
    good = [
        PairedHousehold(household_id="A", card=CardClass.YELLOW, income_gain=Money("2000")),
        PairedHousehold(household_id="B", card=CardClass.RED, income_gain=Money("2500")),
    ]
    assert pairing("干部甲", good, jx).value.ok is True
    short = [
        good[0],
        PairedHousehold(household_id="B", card=CardClass.RED, income_gain=Money("1999.99")),
    ]
    assert pairing("干部甲", short, jx).value.short_gain == ("B",)
    blue = [
        good[0],
        PairedHousehold(household_id="C", card=CardClass.BLUE, income_gain=Money("3000")),
    ]
    assert pairing("干部甲", blue, jx).value.wrong_card == ("C",)
    assert pairing("干部甲", good[:1], jx).value.ok is False
    unknown = [good[0], PairedHousehold(household_id="D", card=CardClass.RED, income_gain=None)]
    assert pairing("干部甲", unknown, jx).value.ok is None


@pytest.mark.parametrize(("given_", "ok"), [(20, True), (19, False)])
def test_ID_7_twenty_seedlings_or_more(jx: pp.Policy, given_: int, ok: bool) -> None:
    assert seedlings(given_, jx).value is ok


def test_ID_7_inpatient_rate_five_points_up(jx: pp.Policy) -> None:
    r = inpatient_rate(Decimal("70"), jx)
    assert r.value == Decimal("75")
    assert "percentage points" in r.explain("en")
    assert inpatient_rate(Decimal("98"), jx).value == Decimal("100")
