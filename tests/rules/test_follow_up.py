"""Follow-up support, relocation-follow-up-documents: FOLLOW-1..FOLLOW-5 and FOLLOW-8 on the
sources' numbers and dates,
each boundary on both sides."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.rules import follow_up as fu

COUNTY = "county-relocation-follow-up-2020"
SHAANXI = "sn-city-relocation-plan-2019"
CHENGKOU = "cq-chengkou-subdistrict-relocation-follow-up-2020"
JIANGXI = "jx-county-relocation-follow-up-measures"
L = pp.LabourCapacity
D = dt.date


ON = D(2021, 6, 1)


def policy(pack: str = COUNTY, on: dt.date = ON) -> pp.Policy:
    return pp.Policy.load(pack, on=on)


def member(pid: str = "P1", **kw: Any) -> pp.RelocatedMember:
    facts: dict[str, Any] = {"labour_capacity": L.FULL, "wants_work": True, "wants_training": True}
    facts.update(kw)
    return pp.RelocatedMember(id=pid, **facts)


def household(*members: pp.RelocatedMember, **kw: Any) -> pp.RelocatedHousehold:
    return pp.RelocatedHousehold(id=kw.pop("id", "H1"), members=members or (member(),), **kw)


def user_pack(tmp_path: Path, body: str, parent: str = COUNTY) -> Path:
    path = tmp_path / "county.toml"
    head = f"""
        id = "my-county"
        title = "某县后续扶持细则"
        issuer = "某县人民政府"
        parent = "{parent}"
        source = {{ document = "county-notice", section = "全文" }}
        """
    path.write_text(textwrap.dedent(head) + textwrap.dedent(body), encoding="utf-8")
    return path


# -- FOLLOW-1 training within a year of settling ------------------------------------------------


def _training(trainings: tuple[dt.date, ...] | None, as_of: dt.date, **kw: Any) -> fu.TrainingCheck:
    h = household(member(trainings=trainings), settled_on=kw.pop("settled_on", D(2020, 3, 15)))
    return fu.training(h, kw.pop("policy", policy()), as_of=as_of).value


def test_FOLLOW_1_deadline_is_a_year_after_settling_counted_from_the_next_day() -> None:
    result = fu.training(household(settled_on=D(2020, 3, 15)), policy(), as_of=D(2020, 6, 1))
    assert result.value.deadline == D(2021, 3, 15)
    assert result.steps[0].inputs["first_day"] == D(2020, 3, 16)
    assert any(c.law == "中华人民共和国民法典" for c in result.citations)


def test_FOLLOW_1_training_on_the_last_day_counts_the_day_after_does_not() -> None:
    last = _training((D(2021, 3, 15),), as_of=D(2021, 6, 1))
    assert last.members[0].state is fu.TrainingState.TRAINED
    late = _training((D(2021, 3, 16),), as_of=D(2021, 6, 1))
    assert late.members[0].state is fu.TrainingState.OVERDUE
    assert late.members[0].counted == 0


def test_FOLLOW_1_due_until_the_deadline_then_overdue() -> None:
    assert _training((), as_of=D(2021, 3, 15)).state is fu.TrainingState.DUE
    assert _training((), as_of=D(2021, 3, 16)).state is fu.TrainingState.OVERDUE


def test_FOLLOW_1_training_before_settling_does_not_count_on_the_day_does() -> None:
    assert _training((D(2020, 3, 14),), as_of=D(2021, 6, 1)).state is fu.TrainingState.OVERDUE
    assert _training((D(2020, 3, 15),), as_of=D(2021, 6, 1)).state is fu.TrainingState.TRAINED


def test_FOLLOW_1_29_february_has_no_corresponding_day() -> None:
    check = _training((), as_of=D(2020, 6, 1), settled_on=D(2020, 2, 29))
    assert check.deadline == D(2021, 2, 28)  # 民法典第二百零二条: the month's last day


@pytest.mark.parametrize(
    ("facts", "state"),
    [
        ({"wants_training": False}, fu.TrainingState.NOT_WANTED),
        ({"wants_training": None}, fu.TrainingState.NOT_RECORDED),
        ({"trainings": None}, fu.TrainingState.NOT_RECORDED),
        ({"labour_capacity": L.NONE}, fu.TrainingState.NOT_A_WORKER),
        ({"labour_capacity": L.PARTIAL, "trainings": (D(2020, 5, 1),)}, fu.TrainingState.TRAINED),
    ],
)
def test_FOLLOW_1_member_states(facts: dict[str, Any], state: fu.TrainingState) -> None:
    h = household(member(**facts), settled_on=D(2020, 3, 15))
    assert fu.training(h, policy(), as_of=D(2021, 6, 1)).value.members[0].state is state


def test_FOLLOW_1_no_settling_date_is_not_recorded_never_a_default() -> None:
    check = fu.training(household(member(trainings=())), policy(), as_of=D(2021, 6, 1)).value
    assert check.deadline is None
    assert check.state is fu.TrainingState.NOT_RECORDED


def test_FOLLOW_1_household_state_is_the_most_urgent_members() -> None:
    h = household(
        member("A", trainings=(D(2020, 5, 1),)),
        member("B", trainings=()),
        member("C", wants_training=False),
        settled_on=D(2020, 3, 15),
    )
    check = fu.training(h, policy(), as_of=D(2021, 6, 1)).value
    assert [m.state for m in check.members] == [
        fu.TrainingState.TRAINED,
        fu.TrainingState.OVERDUE,
        fu.TrainingState.NOT_WANTED,
    ]
    assert check.state is fu.TrainingState.OVERDUE
    assert check.wanting == 2


def test_FOLLOW_1_a_training_after_the_check_date_is_refused() -> None:
    with pytest.raises(pp.InputError):
        _training((D(2020, 6, 2),), as_of=D(2020, 6, 1))


def test_FOLLOW_1_exclusive_bound_in_a_user_pack_moves_the_last_day(tmp_path: Path) -> None:
    path = user_pack(
        tmp_path,
        """
        [parameters."follow_up.training_within_years"]
        unit = "years"
        bound = "exclusive"
        citation = { document = "county-notice", section = "第二条", quote = "落户不满1年" }
        values = [{ from = 2020-01-01, value = 1 }]
        """,
    )
    p = pp.Policy.load(path, on=D(2021, 6, 1))
    assert (
        _training((D(2021, 3, 15),), as_of=D(2021, 6, 1), policy=p).state
        is fu.TrainingState.OVERDUE
    )
    assert (
        _training((D(2021, 3, 14),), as_of=D(2021, 6, 1), policy=p).state
        is fu.TrainingState.TRAINED
    )


@given(
    settled=st.dates(D(2019, 1, 1), D(2021, 12, 31)),
    offsets=st.lists(st.integers(-30, 400), max_size=4),
)
def test_FOLLOW_1_property_the_period_is_one_civil_code_year(
    settled: dt.date, offsets: list[int]
) -> None:
    dates = tuple(settled + dt.timedelta(days=o) for o in offsets)
    as_of = max([settled + dt.timedelta(days=400), *dates])
    h = household(member(trainings=dates), settled_on=settled)
    check = fu.training(h, policy(on=D(2022, 1, 1)), as_of=as_of).value
    assert check.deadline is not None
    assert (check.deadline - settled).days in (365, 366)
    inside = [d for d in dates if settled <= d <= check.deadline]
    assert check.members[0].counted == len(inside)
    assert (check.state is fu.TrainingState.TRAINED) == bool(inside)


# -- FOLLOW-2 one stable job per household -------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "state"),
    [
        ((member(stably_employed=True),), fu.EmploymentState.MET),
        ((member(stably_employed=False),), fu.EmploymentState.NOT_MET),
        (
            (member(stably_employed=False), member("P2", stably_employed=True)),
            fu.EmploymentState.MET,
        ),
        ((member(labour_capacity=L.NONE, stably_employed=False),), fu.EmploymentState.NO_LABOUR),
        ((member(wants_work=False, stably_employed=False),), fu.EmploymentState.NO_LABOUR),
        ((member(labour_capacity=L.PARTIAL, stably_employed=False),), fu.EmploymentState.NOT_MET),
        ((member(labour_capacity=None, stably_employed=False),), fu.EmploymentState.NOT_RECORDED),
        ((member(stably_employed=None),), fu.EmploymentState.NOT_RECORDED),
        (
            (
                member(stably_employed=False),
                member("P2", labour_capacity=L.NONE, stably_employed=None),
            ),
            fu.EmploymentState.NOT_MET,
        ),
    ],
)
def test_FOLLOW_2_one_member_in_stable_employment(
    members: tuple[pp.RelocatedMember, ...], state: fu.EmploymentState
) -> None:
    for pack in (COUNTY, JIANGXI):
        on = D(2020, 6, 1) if pack == COUNTY else D(2018, 1, 1)
        assert fu.stable_employment(household(*members), policy(pack, on)).value.state is state


def test_FOLLOW_2_a_county_asking_two_jobs_both_sides(tmp_path: Path) -> None:
    path = user_pack(
        tmp_path,
        """
        [parameters."follow_up.stable_jobs_min_per_household"]
        unit = "people"
        bound = "inclusive"
        citation = { document = "county-notice", section = "第三条", quote = "每户2人以上稳定就业" }
        values = [{ from = 2020-01-01, value = 2 }]
        """,
    )
    p = pp.Policy.load(path, on=D(2021, 6, 1))
    one = household(member(stably_employed=True), member("P2", stably_employed=False))
    two = household(member(stably_employed=True), member("P2", stably_employed=True))
    assert fu.stable_employment(one, p).value.state is fu.EmploymentState.NOT_MET
    assert fu.stable_employment(two, p).value.state is fu.EmploymentState.MET


# -- FOLLOW-3 six months of dibao ----------------------------------------------------------------


def _dibao_household(**kw: Any) -> pp.RelocatedHousehold:
    facts: dict[str, Any] = {
        "registered_poor": True,
        "industry_support": False,
        "hardship": True,
        "property_within_limits": True,
    }
    facts.update(kw)
    employed = facts.pop("employed", False)
    return household(member(stably_employed=employed), **facts)


def test_FOLLOW_3_six_months_from_the_day_after_the_grant() -> None:
    h = _dibao_household(dibao_granted_on=D(2020, 4, 10))
    inside = fu.transitional_dibao(h, policy(), as_of=D(2020, 10, 10)).value
    assert inside.until == D(2020, 10, 10)
    assert inside.state is fu.DibaoState.IN_PERIOD
    after = fu.transitional_dibao(h, policy(), as_of=D(2020, 10, 11)).value
    assert after.state is fu.DibaoState.REVIEW_DUE


def test_FOLLOW_3_month_end_without_a_corresponding_day() -> None:
    h = _dibao_household(dibao_granted_on=D(2020, 8, 31))
    assert fu.transitional_dibao(h, policy(), as_of=D(2020, 9, 1)).value.until == D(2021, 2, 28)


def test_FOLLOW_3_eligible_but_not_granted_is_to_grant() -> None:
    result = fu.transitional_dibao(_dibao_household(), policy(), as_of=D(2020, 6, 1))
    assert result.value.state is fu.DibaoState.TO_GRANT
    assert result.value.eligible is True
    keys = [n.key for s in result.steps for n in s.notes]
    assert "follow_up.note.relocation_house_not_counted" in keys


@pytest.mark.parametrize(
    ("facts", "condition"),
    [
        ({"registered_poor": False}, fu.DibaoCondition.REGISTERED_POOR),
        ({"employed": True}, fu.DibaoCondition.NO_EMPLOYMENT),
        ({"industry_support": True}, fu.DibaoCondition.NO_INDUSTRY_SUPPORT),
        ({"hardship": False}, fu.DibaoCondition.HARDSHIP),
        ({"property_within_limits": False}, fu.DibaoCondition.PROPERTY),
    ],
)
def test_FOLLOW_3_each_condition_failed_or_not_recorded(
    facts: dict[str, Any], condition: fu.DibaoCondition
) -> None:
    failed = fu.transitional_dibao(_dibao_household(**facts), policy(), as_of=D(2020, 6, 1)).value
    assert failed.state is fu.DibaoState.NOT_ELIGIBLE
    assert failed.failed == (condition,)
    unknown = dict.fromkeys(facts)
    check = fu.transitional_dibao(_dibao_household(**unknown), policy(), as_of=D(2020, 6, 1)).value
    assert check.state is fu.DibaoState.NOT_RECORDED
    assert check.not_recorded == (condition,)
    assert check.eligible is None


# -- FOLLOW-4 old houses -------------------------------------------------------------------------


def _old(pack: str, moved: dt.date | None, as_of: dt.date, **house: Any) -> fu.DemolitionCheck:
    h = household(moved_in_on=moved, old_house=pp.OldHouse(**house))
    return fu.demolition(h, policy(pack, as_of), as_of=as_of).value


SAFE = {"in_hazard_zone": False, "unsafe": False, "non_brick_concrete": False}


def test_FOLLOW_4_shaanxi_six_months_after_moving_in_both_sides() -> None:
    on_time = _old(SHAANXI, D(2019, 3, 1), D(2019, 11, 1), demolished_on=D(2019, 9, 1), **SAFE)
    assert on_time.deadline == D(2019, 9, 1)
    assert on_time.decided_by is fu.LimitKind.TRANSITION
    assert on_time.state is fu.DemolitionState.ON_TIME
    late = _old(SHAANXI, D(2019, 3, 1), D(2019, 11, 1), demolished_on=D(2019, 9, 2), **SAFE)
    assert late.state is fu.DemolitionState.LATE


def test_FOLLOW_4_shaanxi_hazard_house_is_demolished_on_moving() -> None:
    same_day = _old(SHAANXI, D(2019, 3, 1), D(2019, 6, 1), demolished_on=D(2019, 3, 1), unsafe=True)
    assert same_day.deadline == D(2019, 3, 1)
    assert same_day.decided_by is fu.LimitKind.HAZARD
    assert same_day.state is fu.DemolitionState.ON_TIME
    next_day = _old(SHAANXI, D(2019, 3, 1), D(2019, 6, 1), demolished_on=D(2019, 3, 2), unsafe=True)
    assert next_day.state is fu.DemolitionState.LATE


def test_FOLLOW_4_shaanxi_year_end_deadline_beats_a_later_transition() -> None:
    check = _old(SHAANXI, D(2019, 8, 15), D(2019, 12, 31), **SAFE)
    assert check.deadline == D(2019, 12, 31)
    assert check.decided_by is fu.LimitKind.ALL_DATE
    assert check.state is fu.DemolitionState.PENDING
    assert _old(SHAANXI, D(2019, 8, 15), D(2020, 1, 1), **SAFE).state is fu.DemolitionState.OVERDUE


def test_FOLLOW_4_shaanxi_early_movers_cut_off_both_sides() -> None:
    early = _old(SHAANXI, D(2018, 12, 31), D(2019, 3, 1), **SAFE)
    assert fu.LimitKind.EARLY_MOVERS in {lim.kind for lim in early.limits}
    assert early.deadline == D(2019, 6, 30)
    later = _old(SHAANXI, D(2019, 1, 1), D(2019, 3, 1), **SAFE)
    assert fu.LimitKind.EARLY_MOVERS not in {lim.kind for lim in later.limits}


def test_FOLLOW_4_chengkou_one_year_in_principle() -> None:
    result = fu.demolition(
        household(moved_in_on=D(2020, 5, 31), old_house=pp.OldHouse()),
        policy(CHENGKOU, D(2021, 5, 31)),
        as_of=D(2021, 5, 31),
    )
    assert result.value.deadline == D(2021, 5, 31)
    assert result.value.state is fu.DemolitionState.PENDING
    assert result.params[0].qualifier == "原则上"
    assert _old(CHENGKOU, D(2020, 5, 31), D(2021, 6, 1)).state is fu.DemolitionState.OVERDUE


@pytest.mark.parametrize("fact", ["unsafe", "in_hazard_zone", "non_brick_concrete"])
def test_FOLLOW_4_county_dated_deadline_for_unsafe_houses(fact: str) -> None:
    house = {**SAFE, fact: True}
    on_day = _old(COUNTY, D(2019, 12, 1), D(2020, 6, 1), demolished_on=D(2020, 4, 30), **house)
    assert on_day.deadline == D(2020, 4, 30)
    assert on_day.state is fu.DemolitionState.ON_TIME
    after = _old(COUNTY, D(2019, 12, 1), D(2020, 6, 1), demolished_on=D(2020, 5, 1), **house)
    assert after.state is fu.DemolitionState.LATE


def test_FOLLOW_4_county_every_house_by_the_end_of_september_and_reclamation() -> None:
    check = _old(COUNTY, None, D(2020, 12, 31), demolished_on=D(2020, 9, 30), **SAFE)
    assert check.deadline == D(2020, 9, 30)
    assert check.state is fu.DemolitionState.ON_TIME
    assert check.reclamation_deadline == D(2020, 12, 31)
    assert check.reclamation_state is fu.DemolitionState.PENDING
    done = _old(
        COUNTY,
        None,
        D(2021, 2, 1),
        demolished_on=D(2020, 9, 30),
        reclaimed_on=D(2020, 12, 31),
        **SAFE,
    )
    assert done.reclamation_state is fu.DemolitionState.ON_TIME
    late = _old(
        COUNTY,
        None,
        D(2021, 2, 1),
        demolished_on=D(2020, 9, 30),
        reclaimed_on=D(2021, 1, 1),
        **SAFE,
    )
    assert late.reclamation_state is fu.DemolitionState.LATE
    assert _old(COUNTY, None, D(2021, 1, 1), demolished_on=D(2020, 10, 1), **SAFE).state is (
        fu.DemolitionState.LATE
    )


@pytest.mark.parametrize(
    ("pack", "moved", "house", "missing"),
    [
        (SHAANXI, None, SAFE, (fu.OldHouseFact.MOVED_IN_ON,)),
        (SHAANXI, D(2019, 3, 1), {"unsafe": False}, (fu.OldHouseFact.IN_HAZARD_ZONE,)),
        (
            COUNTY,
            D(2019, 3, 1),
            {"unsafe": False, "in_hazard_zone": False},
            (fu.OldHouseFact.NON_BRICK_CONCRETE,),
        ),
    ],
)
def test_FOLLOW_4_missing_facts_are_named_never_assumed(
    pack: str, moved: dt.date | None, house: dict[str, Any], missing: tuple[fu.OldHouseFact, ...]
) -> None:
    check = _old(pack, moved, D(2020, 1, 1) if pack == SHAANXI else D(2020, 6, 1), **house)
    assert check.state is fu.DemolitionState.NOT_RECORDED
    assert check.missing == missing
    assert check.deadline is None


def test_FOLLOW_4_one_unsafe_fact_is_enough_whatever_the_others() -> None:
    check = _old(SHAANXI, D(2019, 3, 1), D(2019, 6, 1), unsafe=True, demolished_on=D(2019, 3, 1))
    assert check.state is fu.DemolitionState.ON_TIME


def test_FOLLOW_4_a_pack_without_deadlines_is_an_error() -> None:
    with pytest.raises(pp.RuleError):
        fu.demolition(household(), policy(JIANGXI, D(2018, 1, 1)), as_of=D(2018, 1, 1))


@given(
    moved=st.dates(D(2018, 6, 1), D(2019, 12, 31)),
    unsafe=st.booleans(),
    hazard=st.booleans(),
)
def test_FOLLOW_4_property_the_deadline_is_the_earliest_limit(
    moved: dt.date, unsafe: bool, hazard: bool
) -> None:
    check = _old(SHAANXI, moved, D(2020, 6, 1), unsafe=unsafe, in_hazard_zone=hazard)
    assert check.deadline == min(lim.deadline for lim in check.limits)
    assert check.deadline <= D(2019, 12, 31)
    assert check.deadline <= moved + dt.timedelta(days=184)
    if unsafe or hazard:
        assert check.deadline == moved


# -- FOLLOW-5 homestead award; FOLLOW-8 serious-illness insurance --------------------------------


def test_FOLLOW_5_ten_thousand_per_person_once_vacated() -> None:
    people = (member("A"), member("B"), member("C"))
    done = household(*people, old_house=pp.OldHouse(demolished_on=D(2019, 5, 1)))
    award = fu.homestead_award(done, policy(SHAANXI, D(2019, 6, 1))).value
    assert award.amount == pp.Money("30000.00")
    assert award.payable_now == pp.Money("30000.00")
    assert award.state is fu.AwardState.PAYABLE
    waiting = fu.homestead_award(household(*people), policy(SHAANXI, D(2019, 6, 1))).value
    assert waiting.state is fu.AwardState.NOT_YET
    assert waiting.payable_now == pp.Money(0)
    assert waiting.amount == pp.Money("30000.00")


def test_FOLLOW_8_ninety_yuan_per_person_per_year() -> None:
    jx = policy(JIANGXI, D(2018, 1, 1))
    assert fu.serious_illness_premium(1234, jx).value == pp.Money("111060.00")
    assert fu.serious_illness_premium(1, jx, years=2).value == pp.Money("180.00")
    assert fu.serious_illness_premium(0, jx).value == pp.Money(0)
    with pytest.raises(pp.InputError):
        fu.serious_illness_premium(-1, jx)


# -- every check of a household ------------------------------------------------------------------


def test_checks_run_what_the_pack_sets() -> None:
    h = _dibao_household(settled_on=D(2020, 3, 15), moved_in_on=D(2020, 3, 1))
    county = fu.follow_up_checks(h, policy(), as_of=D(2021, 6, 1)).value
    assert county.training is not None
    assert county.employment is not None
    assert county.dibao is not None
    assert county.demolition is not None
    assert county.award is None
    shaanxi = fu.follow_up_checks(h, policy(SHAANXI, D(2020, 6, 1)), as_of=D(2020, 6, 1)).value
    assert shaanxi.training is None
    assert shaanxi.award is not None
    with pytest.raises(pp.RuleError):
        fu.follow_up_checks(h, pp.Policy.load("cn", on=D(2021, 1, 1)), as_of=D(2021, 1, 1))


def test_checks_outcome_order() -> None:
    trained = member(stably_employed=True, trainings=(D(2020, 5, 1),))
    h = household(
        trained,
        settled_on=D(2020, 3, 15),
        registered_poor=True,
        industry_support=True,
        hardship=False,
        property_within_limits=True,
        old_house=pp.OldHouse(**SAFE, demolished_on=D(2020, 6, 1), reclaimed_on=D(2020, 7, 1)),
    )
    ok = fu.follow_up_checks(h, policy(), as_of=D(2021, 6, 1)).value
    assert ok.outcome is fu.Outcome.ON_TRACK
    unknown = household(
        member(stably_employed=None, trainings=(D(2020, 5, 1),)), settled_on=D(2020, 3, 15)
    )
    assert fu.follow_up_checks(unknown, policy(), as_of=D(2020, 6, 1)).value.outcome is (
        fu.Outcome.NOT_RECORDED
    )
    late = attrs_evolve(h, members=(member(stably_employed=False, trainings=()),))
    assert fu.follow_up_checks(late, policy(), as_of=D(2021, 6, 1)).value.outcome is (
        fu.Outcome.ACTION_NEEDED
    )


def attrs_evolve(h: pp.RelocatedHousehold, **kw: Any) -> pp.RelocatedHousehold:
    import attrs

    return attrs.evolve(h, **kw)


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_checks_explain_in_every_locale(locale: str) -> None:
    h = _dibao_household(
        settled_on=D(2020, 3, 15), moved_in_on=D(2020, 3, 1), old_house=pp.OldHouse(unsafe=True)
    )
    text = fu.follow_up_checks(h, policy(), as_of=D(2021, 6, 1)).explain(locale)
    assert "FOLLOW-1" in text
    assert "FOLLOW-4" in text
    assert "2021" in text
