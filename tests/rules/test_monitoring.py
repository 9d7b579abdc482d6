"""Anti-return-to-poverty monitoring, poverty-work-plan-samples 篇8: MON-1..MON-3 on both sides of
every boundary."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import BasicNeed, LabourCapacity, Money, RiskFactor, ScopeGroup, WarningLevel
from povertypolicy.rules.monitoring import (
    LevelCondition,
    income_threshold,
    screen,
    screening,
    warning_level,
)

PACK = "town-return-poverty-monitoring-2021"
ON = dt.date(2021, 6, 1)
FULL, PARTIAL, NONE = LabourCapacity.FULL, LabourCapacity.PARTIAL, LabourCapacity.NONE


@pytest.fixture
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


def home(*labour: LabourCapacity | None, **kw: Any) -> pp.Household:
    members = [
        pp.Person(id=f"P{i}", birth_date=dt.date(1970, 1, 1), labour_capacity=c)
        for i, c in enumerate(labour or (FULL,))
    ]
    return pp.Household(id=kw.pop("id", "H1"), members=members, **kw)


def case(
    *labour: LabourCapacity | None, household: dict[str, Any] | None = None, **kw: Any
) -> pp.MonitoringCase:
    return pp.MonitoringCase(
        household=home(*labour, **(household or {})), assessed_on=dt.date(2021, 5, 1), **kw
    )


# Every fact recorded and pointing away from every level and group.
QUIET: dict[str, Any] = {
    "per_capita_disposable_income": Money("9000"),
    "registered_out_of_poverty": False,
    "category": pp.MonitoringCategory.MARGINAL_AT_RISK,
    "risk_factors": set(),
    "unmet_needs": set(),
    "large_rigid_expenditure": False,
    "sharp_income_drop": False,
    "severe_hardship": False,
    "living_difficulty": False,
    "entrepreneurial_ability": True,
    "income_only_from_support": False,
    "unstable_income": False,
    "weak_self_development": False,
    "relies_on_projects": False,
}
QUIET_HOUSEHOLD: dict[str, Any] = {"dibao": False, "extreme_poverty_support": False}


def quiet(*labour: LabourCapacity | None, **kw: Any) -> pp.MonitoringCase:
    facts = {**QUIET, **kw}
    household = {**QUIET_HOUSEHOLD, **(facts.pop("household", None) or {})}
    return case(*labour, household=household, **facts)


def user_pack(tmp_path: Path, **choices: str) -> pp.Policy:
    body = textwrap.dedent(
        f"""
        id = "my-town"
        title = "本镇"
        issuer = "某镇"
        parent = "{PACK}"
        source = {{ document = "town.txt", section = "§1" }}
        """
    )
    for name, value in choices.items():
        body += textwrap.dedent(
            f"""
            [parameters."monitoring.{name}"]
            unit = "choice"
            citation = {{ document = "town.txt", section = "§1" }}
            values = [{{ from = 2021-01-01, value = "{value}" }}]
            """
        )
    path = tmp_path / "town.toml"
    path.write_text(body, encoding="utf-8")
    return pp.Policy.load(path, on=ON)


# -- the income line -----------------------------------------------------------------------


def test_MON_1_threshold_is_computed_from_the_2020_line(policy: pp.Policy) -> None:
    t = income_threshold(policy).value
    assert t.year == 2020
    assert t.line == Money("4000")
    assert t.amount == Money("6000")
    assert t.line == policy.at(dt.date(2020, 12, 31)).param("poverty.line").money
    text = income_threshold(policy).explain("en")
    assert "about" in text  # the 2020 figure carries its qualifier


@pytest.mark.parametrize(
    ("income", "below"),
    [("5999.99", True), ("6000.00", False), ("6000.01", False), ("0", True)],
)
def test_MON_1_group_5_below_is_strict(policy: pp.Policy, income: str, below: bool) -> None:
    s = screening(quiet(per_capita_disposable_income=Money(income)), policy).value
    assert (ScopeGroup.BELOW_INCOME_LINE in s.groups) is below
    assert s.in_scope is below


def test_MON_1_income_on_the_line_notes_the_boundary(policy: pp.Policy) -> None:
    text = screening(quiet(per_capita_disposable_income=Money("6000")), policy).explain("en")
    assert "excludes the figure itself" in text


# -- MON-1 groups, each on both sides ------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "group"),
    [
        ({"registered_out_of_poverty": True}, ScopeGroup.OUT_OF_POVERTY),
        (
            {"risk_cleared": True, "category": pp.MonitoringCategory.UNSTABLE_OUT_OF_POVERTY},
            ScopeGroup.RISK_CLEARED,
        ),
        (
            {"risk_cleared": True, "category": pp.MonitoringCategory.MARGINAL_AT_RISK},
            ScopeGroup.RISK_CLEARED,
        ),
        ({"large_rigid_expenditure": True, "severe_hardship": True}, ScopeGroup.SEVERE_HARDSHIP),
        ({"sharp_income_drop": True, "severe_hardship": True}, ScopeGroup.SEVERE_HARDSHIP),
        ({"household": {"dibao": True}}, ScopeGroup.LOW_INCOME),
        ({"household": {"extreme_poverty_support": True}}, ScopeGroup.LOW_INCOME),
        ({"per_capita_disposable_income": Money("100")}, ScopeGroup.BELOW_INCOME_LINE),
    ],
)
def test_MON_1_each_group_named(
    policy: pp.Policy, facts: dict[str, Any], group: ScopeGroup
) -> None:
    s = screening(quiet(**facts), policy).value
    assert s.groups == (group,)
    assert s.reason == "in_scope"


@pytest.mark.parametrize(
    "facts",
    [
        {"registered_out_of_poverty": False},
        {"risk_cleared": False, "category": pp.MonitoringCategory.UNSTABLE_OUT_OF_POVERTY},
        {"risk_cleared": True, "category": pp.MonitoringCategory.SUDDEN_SEVERE_HARDSHIP},
        {"large_rigid_expenditure": True, "severe_hardship": False},
        {"large_rigid_expenditure": False, "sharp_income_drop": False, "severe_hardship": True},
    ],
)
def test_MON_1_group_does_not_apply(policy: pp.Policy, facts: dict[str, Any]) -> None:
    s = screening(quiet(**facts), policy).value
    assert s.groups == ()
    assert s.reason == "out_of_scope"


def test_MON_1_every_group_that_applied_is_named(policy: pp.Policy) -> None:
    c = quiet(
        registered_out_of_poverty=True,
        large_rigid_expenditure=True,
        severe_hardship=True,
        per_capita_disposable_income=Money("5000"),
        household={"dibao": True},
    )
    s = screening(c, policy).value
    assert s.groups == (
        ScopeGroup.OUT_OF_POVERTY,
        ScopeGroup.SEVERE_HARDSHIP,
        ScopeGroup.LOW_INCOME,
        ScopeGroup.BELOW_INCOME_LINE,
    )


def test_MON_1_not_recorded_is_never_no(policy: pp.Policy) -> None:
    s = screening(case(), policy).value  # nothing recorded
    assert s.in_scope is None
    assert s.reason == "scope_undetermined"
    assert ScopeGroup.BELOW_INCOME_LINE in s.not_recorded
    assert ScopeGroup.OUT_OF_POVERTY in s.not_recorded
    assert ScopeGroup.LOW_INCOME in s.not_recorded  # dibao not recorded is not 否
    # One group that applies decides the scope, even with others unknown.
    s = screening(case(household={"dibao": True}), policy).value
    assert s.in_scope is True


# -- MON-3 levels -----------------------------------------------------------------------------


def test_MON_3_quiet_household_has_no_level(policy: pp.Policy) -> None:
    w = warning_level(quiet(), policy).value
    assert (w.level, w.reason, w.held) == (None, "no_level", ())


@pytest.mark.parametrize(
    "facts",
    [
        {"per_capita_disposable_income": Money("5999.99")},
        {"unmet_needs": {BasicNeed.SAFE_HOUSING}},
        {"unmet_needs": {BasicNeed.FOOD}},
        {"unmet_needs": {BasicNeed.SCHOOLING}},
        {"large_rigid_expenditure": True, "severe_hardship": True},
        {"sharp_income_drop": True, "severe_hardship": True},
    ],
)
def test_MON_3_red_clauses(policy: pp.Policy, facts: dict[str, Any]) -> None:
    w = warning_level(quiet(**facts), policy).value
    assert w.level is WarningLevel.RED
    assert w.reason == "red"


@pytest.mark.parametrize(
    "facts",
    [
        {"per_capita_disposable_income": Money("6000.00")},
        {"large_rigid_expenditure": True, "severe_hardship": False},
        {"unmet_needs": {BasicNeed.DRINKING_WATER}},  # not a red guarantee by default
    ],
)
def test_MON_3_not_red(policy: pp.Policy, facts: dict[str, Any]) -> None:
    w = warning_level(quiet(**facts), policy).value
    assert w.level is None


def test_MON_3_drinking_water_is_flagged_and_can_count(policy: pp.Policy, tmp_path: Path) -> None:
    c = quiet(unmet_needs={BasicNeed.DRINKING_WATER})
    assert "drinking water is not assured" in warning_level(c, policy).explain("en")
    included = user_pack(tmp_path, drinking_water_for_red="included")
    assert warning_level(c, included).value.level is WarningLevel.RED


def test_MON_3_red_labour_needs_severe_hardship_by_default(
    policy: pp.Policy, tmp_path: Path
) -> None:
    lost = quiet(NONE, NONE)
    assert warning_level(lost, policy).value.level is None
    assert (
        warning_level(quiet(NONE, NONE, severe_hardship=True), policy).value.level
        is WarningLevel.RED
    )
    text = warning_level(lost, policy).explain("en")
    assert "judgement" in text
    assert "governing both" in text
    other = user_pack(tmp_path, red_hardship_scope="spending_and_income")
    assert warning_level(lost, other).value.level is WarningLevel.RED
    assert "governing only" in warning_level(lost, other).explain("en")


YELLOW = {
    "entrepreneurial_ability": False,
    "income_only_from_support": True,
    "risk_factors": {RiskFactor.SERIOUS_ILLNESS},
    "living_difficulty": True,
}
BLUE = {
    "unstable_income": True,
    "weak_self_development": True,
    "relies_on_projects": True,
    "risk_factors": {RiskFactor.UNSTABLE_EMPLOYMENT},
    "living_difficulty": True,
}


def test_MON_3_yellow_profile(policy: pp.Policy) -> None:
    w = warning_level(quiet(PARTIAL, NONE, **YELLOW), policy).value
    assert w.level is WarningLevel.YELLOW
    assert w.held == (WarningLevel.YELLOW,)  # blue needs unstable income too


@pytest.mark.parametrize(
    "drop",
    [
        {"entrepreneurial_ability": True},
        {"income_only_from_support": False},
        {"risk_factors": set()},
        {"living_difficulty": False},
    ],
)
def test_MON_3_yellow_needs_every_trait_by_default(policy: pp.Policy, drop: dict[str, Any]) -> None:
    w = warning_level(quiet(PARTIAL, **{**YELLOW, **drop}), policy).value
    assert w.level is not WarningLevel.YELLOW


def test_MON_3_yellow_no_labour_readings(policy: pp.Policy, tmp_path: Path) -> None:
    partial = quiet(PARTIAL, PARTIAL, **YELLOW)
    assert warning_level(partial, policy).value.level is WarningLevel.YELLOW
    same = user_pack(tmp_path, no_labour_reading="same")
    w = warning_level(partial, same).value
    assert w.level is not WarningLevel.YELLOW  # no labour now means all capacity lost
    assert "the same as red" in warning_level(partial, same).explain("en")
    lost = quiet(NONE, NONE, **YELLOW)  # no severe hardship: red's labour clause is out
    assert warning_level(lost, same).value.level is WarningLevel.YELLOW


def test_MON_3_any_trait_reading(tmp_path: Path) -> None:
    anyone = user_pack(tmp_path, profile_traits="any")
    c = quiet(
        FULL, unstable_income=True, risk_factors={RiskFactor.DISASTER}, living_difficulty=True
    )
    assert warning_level(c, anyone).value.level is WarningLevel.BLUE
    assert warning_level(c, pp.Policy.load(PACK, on=ON)).value.level is None


def test_MON_3_blue_profile_and_partly_lost_labour(policy: pp.Policy) -> None:
    assert warning_level(quiet(FULL, PARTIAL, **BLUE), policy).value.level is WarningLevel.BLUE
    assert warning_level(quiet(FULL, NONE, **BLUE), policy).value.level is WarningLevel.BLUE
    # All members fully able: labour not partly lost.
    assert warning_level(quiet(FULL, FULL, **BLUE), policy).value.level is None
    # All members completely lost: not "partly".
    assert warning_level(quiet(NONE, **BLUE), policy).value.level is None


def test_MON_3_highest_wins_and_every_level_explained(policy: pp.Policy) -> None:
    c = quiet(PARTIAL, **{**YELLOW, **BLUE}, per_capita_disposable_income=Money("100"))
    r = warning_level(c, policy)
    assert r.value.level is WarningLevel.RED
    assert r.value.held == (WarningLevel.RED, WarningLevel.YELLOW, WarningLevel.BLUE)
    text = r.explain("en")
    for label in ("level I red", "level II yellow", "level III blue"):
        assert f"{label}: conditions hold" in text


def test_MON_3_why_a_level_failed(policy: pp.Policy) -> None:
    c = quiet(PARTIAL, **{**YELLOW, "entrepreneurial_ability": True})
    check = warning_level(c, policy).value.checks[1]
    assert check.level is WarningLevel.YELLOW
    assert check.failed == (LevelCondition.NO_ENTREPRENEURIAL_ABILITY,)
    assert "not met: no entrepreneurial ability" in warning_level(c, policy).explain("en")


def test_MON_3_unknown_higher_level_leaves_a_lower_bound(policy: pp.Policy) -> None:
    c = quiet(FULL, PARTIAL, **BLUE, per_capita_disposable_income=None)
    w = warning_level(c, policy).value
    assert w.level is WarningLevel.BLUE
    assert not w.determined
    assert w.reason == "undetermined"
    nothing = warning_level(case(), policy).value
    assert (nothing.level, nothing.reason) == (None, "undetermined")
    assert "cannot be decided" in warning_level(case(), policy).explain("en")


def test_MON_4_cleared_household_has_no_level_and_stays_monitored(policy: pp.Policy) -> None:
    c = quiet(per_capita_disposable_income=Money("100"), risk_cleared=True)
    w = warning_level(c, policy).value
    assert (w.level, w.reason, w.risk_cleared) == (None, "risk_cleared", True)
    assert WarningLevel.RED in w.held  # the conditions still show
    assert "still monitored" in warning_level(c, policy).explain("en")


def test_screen_runs_both_in_one_explanation(policy: pp.Policy) -> None:
    r = screen(quiet(household={"dibao": True}), policy)
    assert r.value.screening.groups == (ScopeGroup.LOW_INCOME,)
    assert r.value.warning.level is None
    assert set(r.rules) >= {"MON-1", "MON-2", "MON-3"}
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert r.explain(locale)


# -- properties ---------------------------------------------------------------------------------

tri = st.sampled_from([True, False, None])
labours = st.lists(st.sampled_from([FULL, PARTIAL, NONE, None]), min_size=1, max_size=5)
cases = st.builds(
    lambda labour, income, risks, needs, facts, cleared: case(
        *labour,
        per_capita_disposable_income=income,
        risk_factors=risks,
        unmet_needs=needs,
        risk_cleared=cleared,
        **facts,
    ),
    labours,
    st.one_of(st.none(), st.integers(0, 1_000_000).map(Money.from_fen)),
    st.one_of(st.none(), st.frozensets(st.sampled_from(list(RiskFactor)))),
    st.one_of(st.none(), st.frozensets(st.sampled_from(list(BasicNeed)))),
    st.fixed_dictionaries(
        dict.fromkeys(
            (
                "large_rigid_expenditure",
                "sharp_income_drop",
                "severe_hardship",
                "living_difficulty",
                "entrepreneurial_ability",
                "income_only_from_support",
                "unstable_income",
                "weak_self_development",
                "relies_on_projects",
            ),
            tri,
        )
    ),
    st.booleans(),
)
RED_CONDITIONS = [
    {"per_capita_disposable_income": Money("1")},
    {"unmet_needs": frozenset({BasicNeed.MEDICAL_CARE})},
    {"large_rigid_expenditure": True, "severe_hardship": True},
]
RANK = {WarningLevel.RED: 3, WarningLevel.YELLOW: 2, WarningLevel.BLUE: 1, None: 0}


def _with(c: pp.MonitoringCase, **facts: Any) -> pp.MonitoringCase:
    return attrs.evolve(c, **facts)


@given(cases, st.sampled_from(RED_CONDITIONS))
def test_adding_a_red_condition_never_lowers_the_level(
    c: pp.MonitoringCase, red: dict[str, Any]
) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    before = warning_level(c, policy).value
    after = warning_level(_with(c, **red), policy).value
    assert RANK[after.level] >= RANK[before.level]
    if not c.risk_cleared:
        assert after.level is WarningLevel.RED
        assert after.reason == "red"


@given(cases)
def test_clearing_risk_always_removes_the_level(c: pp.MonitoringCase) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    cleared = _with(c, risk_cleared=True)
    w = warning_level(cleared, policy).value
    assert (w.level, w.reason) == (None, "risk_cleared")
    assert w.held == warning_level(_with(c, risk_cleared=False), policy).value.held


@given(cases, st.integers(0, 500_000))
def test_income_falling_never_improves_the_level(c: pp.MonitoringCase, drop: int) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    if c.per_capita_disposable_income is None:
        return
    lower = Money.from_fen(max(0, c.per_capita_disposable_income.fen - drop))
    before = warning_level(c, policy).value
    after = warning_level(_with(c, per_capita_disposable_income=lower), policy).value
    assert RANK[after.level] >= RANK[before.level]
