"""Every InputError of the registration rules (ID-1..ID-7) has its own code, its values and its
text in three locales (``check_input_error``); the English ``str(error)`` stays as it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Money, VillageClass
from povertypolicy.rules.registration import (
    Stage,
    card_class,
    check_procedure,
    eligibility,
    evaluation_group,
    incidence_target,
    income_growth_target,
    industry_award,
    inpatient_rate,
    posting_period,
    replace_disqualified,
    schooling_and_training,
    seedlings,
    split_quota,
    vote,
)
from tests.error_texts import check_input_error, refused, where

from .test_registration import ASSESSED, JIANGXI, LONGHUI, VILLAGES, WEIGHTS

VC = VillageClass
CLASS_CHOICES = (
    "VillageClass.GOOD, VillageClass.AVERAGE, VillageClass.POOR, VillageClass.DEEPLY_POOR"
)
STAGE_CHOICES = (
    "Stage.APPLIED, Stage.NOMINATED, Stage.VOTED, Stage.VILLAGE_REVIEWED, "
    "Stage.TOWNSHIP_CHECKED, Stage.COUNTY_RECHECKED, Stage.COUNTY_APPROVED"
)


@pytest.fixture(scope="module")
def longhui() -> pp.Policy:
    return pp.Policy.load(LONGHUI, on=ASSESSED)


@pytest.fixture(scope="module")
def jx() -> pp.Policy:
    return pp.Policy.load(JIANGXI, on=dt.date(2016, 1, 1))


# -- ID-1, ID-2, ID-5 --------------------------------------------------------------------------


@pytest.mark.parametrize("rule", [eligibility, card_class])
def test_what_is_not_an_applicant(longhui: pp.Policy, rule: Any) -> None:
    err = refused(lambda: rule("H1", longhui))
    assert where(err) == ("rules.registration", "applicant", "H1")
    check_input_error(err, "registration.error.not_an_applicant", {})
    assert err.text("zh_Hans") == "rules.registration.applicant：收到 'H1'，应为申请户的记录"


# -- ID-4, ID-6 --------------------------------------------------------------------------------


@pytest.mark.parametrize("total", [-1, True, 1.0])
def test_quota_total_is_a_count(longhui: pp.Policy, total: Any) -> None:
    err = refused(lambda: split_quota(total, VILLAGES, longhui, weights=WEIGHTS))
    assert where(err) == ("split_quota", "total", total)
    check_input_error(err, "core.error.count", {})


def test_quota_needs_a_village(longhui: pp.Policy) -> None:
    err = refused(lambda: split_quota(5, {}, longhui, weights=WEIGHTS))
    assert where(err) == ("split_quota", "villages", {})
    check_input_error(err, "registration.error.quota_no_villages", {})


def test_quota_village_class_is_a_member(longhui: pp.Policy) -> None:
    err = refused(lambda: split_quota(5, {"甲村": "good"}, longhui, weights=WEIGHTS))
    assert where(err) == ("split_quota", "villages[甲村]", "good")
    check_input_error(err, "core.error.enum", {"choices": CLASS_CHOICES})
    assert err.text("en").endswith(f"expected one of {CLASS_CHOICES}")


@pytest.mark.parametrize("basis", [{"甲村": 1}, dict.fromkeys(VILLAGES, -1)])
def test_quota_basis_is_a_count_per_village(longhui: pp.Policy, basis: dict[str, Any]) -> None:
    err = refused(lambda: split_quota(5, VILLAGES, longhui, weights=WEIGHTS, basis=basis))
    assert err.field == ("basis[乙村]" if len(basis) == 1 else "basis[甲村]")
    check_input_error(err, "core.error.count", {})


@pytest.mark.parametrize(
    "weights",
    [{VC.GOOD: -1}, {VC.GOOD: True}, {VC.GOOD: 1.5}, {"good": 1}],
)
def test_quota_weights_are_a_weight_per_class(longhui: pp.Policy, weights: dict[Any, Any]) -> None:
    err = refused(lambda: split_quota(5, VILLAGES, longhui, weights=weights))
    assert where(err) == ("split_quota", "weights", weights)
    check_input_error(err, "registration.error.quota_weights", {"classes": list(VillageClass)})
    assert "（比较好、一般、贫困和深度贫困）" in err.text("zh_Hans")


@pytest.mark.parametrize(
    ("poor", "population", "field", "code"),
    [
        (-1, 10, "poor_people", "core.error.count"),
        (True, 10, "poor_people", "core.error.count"),
        (0, 0, "rural_population", "core.error.positive_count"),
        (1, False, "rural_population", "core.error.positive_count"),
    ],
)
def test_incidence_counts(jx: pp.Policy, poor: Any, population: Any, field: str, code: str) -> None:
    err = refused(lambda: incidence_target(poor, population, jx))
    assert err.field == field
    check_input_error(err, code, {})


def test_incidence_poor_people_at_most_the_population(jx: pp.Policy) -> None:
    err = refused(lambda: incidence_target(11, 10, jx))
    assert where(err) == ("incidence_target", "poor_people", 11)
    check_input_error(err, "registration.error.poor_above_population", {"population": 10})
    assert err.text("en") == (
        "incidence_target.poor_people: got 11; expected at most the rural population (10)"
    )


@pytest.mark.parametrize(
    ("village", "county", "field"),
    [(1.5, Decimal(1), "village_growth"), (Decimal(1), True, "county_growth")],
)
def test_growth_is_a_percent(jx: pp.Policy, village: Any, county: Any, field: str) -> None:
    err = refused(lambda: income_growth_target(village, county, jx))
    assert err.field == field
    check_input_error(err, "registration.error.growth_percent", {})


# -- ID-7 --------------------------------------------------------------------------------------


def test_award_is_money(jx: pp.Policy) -> None:
    err = refused(lambda: industry_award(1000, jx))  # type: ignore[arg-type]
    assert where(err) == ("industry_award", "amount", 1000)
    check_input_error(err, "core.error.money", {})


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda p: schooling_and_training(-1, 0, p), "student_years"),
        (lambda p: schooling_and_training(0, True, p), "certified_trainees"),
        (lambda p: seedlings(1.0, p), "given"),
    ],
)
def test_support_counts(jx: pp.Policy, call: Any, field: str) -> None:
    err = refused(lambda: call(jx))
    assert (err.obj, err.field) == ("rules.registration", field)
    check_input_error(err, "core.error.count", {})


@pytest.mark.parametrize("base", [Decimal(-1), Decimal("100.5"), True, 50.0])
def test_inpatient_base_rate_is_a_percent(jx: pp.Policy, base: Any) -> None:
    err = refused(lambda: inpatient_rate(base, jx))
    assert where(err) == ("inpatient_rate", "base_rate", base)
    check_input_error(err, "core.error.percent", {})


# -- ID-3 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda p: posting_period("2014-04-01", p), "posted_on"),
        (
            lambda p: posting_period(dt.date(2014, 4, 1), p, taken_down_on=dt.datetime(2014, 4, 9)),
            "taken_down_on",
        ),
        (lambda p: check_procedure({Stage.APPLIED: "2014-04-01"}), "dates[applied]"),
    ],
)
def test_procedure_dates_are_dates(longhui: pp.Policy, call: Any, field: str) -> None:
    err = refused(lambda: call(longhui))
    assert (err.obj, err.field) == ("rules.registration", field)
    check_input_error(err, "core.error.date", {})


def test_list_taken_down_before_it_was_posted(longhui: pp.Policy) -> None:
    posted = dt.date(2014, 4, 10)
    err = refused(lambda: posting_period(posted, longhui, taken_down_on=dt.date(2014, 4, 9)))
    assert where(err) == ("posting_period", "taken_down_on", dt.date(2014, 4, 9))
    check_input_error(err, "registration.error.taken_down_before_posted", {"posted_on": posted})
    assert "（2014年4月10日）" in err.text("zh_Hant")
    assert err.text("en").endswith("posted (April 10, 2014)")


@pytest.mark.parametrize(
    ("call", "field", "code"),
    [
        (lambda p: evaluation_group(-1, {"一组": 2}, p), "members", "core.error.count"),
        (
            lambda p: evaluation_group(30, {"一组": 2.0}, p),
            "households_by_group[一组]",
            "core.error.count",
        ),
        (lambda p: vote(0, 0, 0, p), "voters", "core.error.positive_count"),
        (lambda p: vote(10, True, 0, p), "participants", "core.error.positive_count"),
        (lambda p: vote(10, 8, -1, p), "approvals", "core.error.count"),
        (lambda p: replace_disqualified({"A": -1}, ["A"], []), "votes[A]", "core.error.count"),
    ],
)
def test_procedure_counts(longhui: pp.Policy, call: Any, field: str, code: str) -> None:
    err = refused(lambda: call(longhui))
    assert (err.obj, err.field) == ("rules.registration", field)
    check_input_error(err, code, {})


def test_evaluation_group_needs_its_villager_groups(longhui: pp.Policy) -> None:
    err = refused(lambda: evaluation_group(30, {}, longhui))
    assert where(err) == ("evaluation_group", "households_by_group", {})
    check_input_error(err, "registration.error.no_villager_groups", {})


@pytest.mark.parametrize(("voters", "participants", "approvals"), [(10, 11, 5), (10, 8, 9)])
def test_vote_counts_nest(
    longhui: pp.Policy, voters: int, participants: int, approvals: int
) -> None:
    err = refused(lambda: vote(voters, participants, approvals, longhui))
    assert where(err) == ("vote", "participants/approvals", (voters, participants, approvals))
    extra = {"voters": voters, "participants": participants, "approvals": approvals}
    check_input_error(err, "registration.error.vote_counts", extra)
    assert err.text("zh_Hans").startswith(
        f"vote.participants/approvals：应参加评议{voters}人，实际参加{participants}人，"
        f"表示认同{approvals}人；"
    )


@pytest.mark.parametrize(
    ("selected", "disqualified", "field", "unknown"),
    [(["A", "X"], [], "selected", ["X"]), (["A"], ["Y"], "disqualified", ["Y"])],
)
def test_replacement_households_must_have_votes(
    selected: list[str], disqualified: list[str], field: str, unknown: list[str]
) -> None:
    err = refused(lambda: replace_disqualified({"A": 3, "B": 2}, selected, disqualified))
    assert where(err) == ("replace_disqualified", field, unknown)
    check_input_error(err, "registration.error.replace_unknown", {})


def test_only_a_selected_household_is_disqualified() -> None:
    err = refused(lambda: replace_disqualified({"A": 3, "B": 2}, ["A"], ["B"]))
    assert where(err) == ("replace_disqualified", "disqualified", ["B"])
    check_input_error(err, "registration.error.replace_not_selected", {})


def test_procedure_stages_are_members() -> None:
    err = refused(lambda: check_procedure({"applied": dt.date(2014, 4, 1)}))  # type: ignore[dict-item]
    assert where(err) == ("check_procedure", "dates", "applied")
    check_input_error(err, "core.error.enum", {"choices": STAGE_CHOICES})


def test_money_given_where_a_count_is_read_is_refused(jx: pp.Policy) -> None:
    err = refused(lambda: seedlings(Money(3), jx))  # type: ignore[arg-type]
    check_input_error(err, "core.error.count", {})
