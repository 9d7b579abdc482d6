"""Relocation housing subsidy, poverty-work-plan-samples 篇3: HOUSE-1..HOUSE-5 from the seed's own
numbers."""

from __future__ import annotations

import datetime as dt
import textwrap
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Milestone, Money, RuleError
from povertypolicy.rules.housing import (
    Condition,
    FundingLevel,
    TrancheState,
    earliest_approval,
    eligibility,
    housing_subsidy,
    release_tranches,
)

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)


@pytest.fixture
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


def mover(pid: str, born: dt.date = dt.date(1975, 5, 5), **kw: Any) -> pp.Person:
    facts: dict[str, Any] = {
        "hukou": pp.HukouType.AGRICULTURAL,
        "registered_locally": True,
        "lives_in_area": True,
    }
    facts.update(kw)
    return pp.Person(id=pid, birth_date=born, **facts)


def household(n: int, **kw: Any) -> pp.Household:
    return pp.Household(
        id=kw.pop("id", "H001"),
        members=[mover(f"P{i}") for i in range(1, n + 1)],
        relocation_applied_on=kw.pop("applied", dt.date(2011, 3, 20)),
        **kw,
    )


def test_HOUSE_2_HOUSE_3_four_people_seed_example(policy: pp.Policy) -> None:
    s = housing_subsidy(household(4), policy).value
    assert s.gross == Money("14000.00")  # 4 × 3,500
    assert s.withheld == Money("2000.00")  # 4 × 500
    assert s.net == Money("12000.00")
    assert [t.amount for t in s.tranches] == [
        Money("3600"),
        Money("3600"),
        Money("3600"),
        Money("1200"),
    ]
    assert [t.milestone for t in s.tranches] == list(Milestone)
    assert {b.level: b.amount for b in s.by_level} == {
        FundingLevel.PROVINCE: Money("12000"),
        FundingLevel.CITY: Money("1600"),
        FundingLevel.COUNTY: Money("400"),
    }
    assert s.timber_m3 == Decimal(4)  # HOUSE-5: 1 m³ per person


def test_HOUSE_2_HOUSE_3_three_people(policy: pp.Policy) -> None:
    s = housing_subsidy(household(3), policy).value
    assert (s.gross, s.withheld, s.net) == (Money("10500"), Money("1500"), Money("9000"))
    assert [t.amount for t in s.tranches] == [
        Money("2700"),
        Money("2700"),
        Money("2700"),
        Money("900"),
    ]
    assert not any(t.took_rounding_fen for t in s.tranches)


@pytest.mark.parametrize(
    ("born", "eligible"),
    [
        (dt.date(2010, 12, 31), True),  # the day before the cut-off
        (dt.date(2011, 1, 1), False),  # the cut-off day: "以前" read as exclusive
        (dt.date(2011, 1, 2), False),
    ],
)
def test_HOUSE_1_birth_cutoff_both_sides(policy: pp.Policy, born: dt.date, eligible: bool) -> None:
    h = pp.Household(id="H", members=[mover("A", born)], relocation_applied_on=dt.date(2011, 3, 1))
    result = eligibility(h, policy)
    assert result.value.members[0].eligible is eligible
    if born == dt.date(2011, 1, 1):
        assert result.value.members[0].failed == (Condition.BORN_BEFORE_CUTOFF,)
        assert "按不含当天理解" in result.explain("zh_Hans")  # the boundary note


@pytest.mark.parametrize(
    ("facts", "failed"),
    [
        ({"hukou": pp.HukouType.NON_AGRICULTURAL}, Condition.AGRICULTURAL_HUKOU),
        ({"registered_locally": False}, Condition.REGISTERED_LOCALLY),
        ({"lives_in_area": False}, Condition.LIVES_IN_AREA),
    ],
)
def test_HOUSE_1_each_condition_can_fail(
    policy: pp.Policy, facts: dict[str, Any], failed: Condition
) -> None:
    h = pp.Household(
        id="H", members=[mover("A"), mover("B", **facts)], relocation_applied_on=dt.date(2011, 3, 1)
    )
    result = housing_subsidy(h, policy)
    assert result.value.eligible_person_ids == ("A",)
    member = eligibility(h, policy).value.members[1]
    assert member.failed == (failed,)
    assert result.value.gross == Money("3500")


def test_HOUSE_1_application_not_recorded_is_undetermined_not_refused(policy: pp.Policy) -> None:
    h = pp.Household(id="H", members=[mover("A")])
    result = housing_subsidy(h, policy)
    assert result.value.people == 0
    assert result.value.net == Money.zero()
    member = eligibility(h, policy).value.members[0]
    assert member.failed == ()
    assert member.not_recorded == (Condition.APPLIED,)
    assert eligibility(h, policy).value.reason == "undetermined"
    assert "请补录" in result.explain("zh_Hans")


def test_HOUSE_1_unrecorded_facts_make_a_member_undetermined(policy: pp.Policy) -> None:
    h = pp.Household(
        id="H",
        members=[mover("A"), pp.Person(id="B", birth_date=dt.date(1980, 1, 1))],
        relocation_applied_on=dt.date(2011, 3, 1),
    )
    elig = eligibility(h, policy)
    assert elig.value.eligible_ids == ("A",)
    assert elig.value.undetermined_ids == ("B",)
    assert set(elig.value.members[1].not_recorded) == {
        Condition.AGRICULTURAL_HUKOU,
        Condition.REGISTERED_LOCALLY,
        Condition.LIVES_IN_AREA,
    }
    assert "请补录" in elig.explain("zh_Hans")


def test_HOUSE_1_posting_for_five_days_counted_as_the_civil_code_counts(policy: pp.Policy) -> None:
    # 民法典 art. 201: the period starts the day after posting: 2–6 April, approval on 7 April.
    result = earliest_approval(dt.date(2011, 4, 1), policy)
    assert result.value == dt.date(2011, 4, 7)
    assert "2011年4月6日" in result.explain("zh_Hans")
    assert result.steps[0].notes[0].key == "housing.note.posting_civil_code"
    assert earliest_approval(dt.date(2011, 2, 28), policy).value == dt.date(2011, 3, 6)
    with pytest.raises(pp.InputError):
        earliest_approval("2011-04-01", policy)  # type: ignore[arg-type]


def test_HOUSE_3_explanation_says_no_rounding_or_who_took_it(
    policy: pp.Policy, tmp_path: Path
) -> None:
    assert "无尾差" in housing_subsidy(household(4), policy).explain("zh_Hans")
    pol = _policy_with_shares(tmp_path, (33, 33, 33, 1))
    s = housing_subsidy(household(1), pol)  # net 3,000.00 → 990 / 990 / 990 / 30
    assert sum((t.amount for t in s.value.tranches), Money.zero()) == s.value.net
    pol2 = _policy_with_shares(tmp_path, (30, 30, 30, 10), withheld="499.99")
    s2 = housing_subsidy(household(1), pol2)  # net 3,000.01
    assert [t.amount for t in s2.value.tranches] == [
        Money("900.01"),
        Money("900.00"),
        Money("900.00"),
        Money("300.00"),
    ]
    assert [t.took_rounding_fen for t in s2.value.tranches] == [True, False, False, False]
    assert "rounding fen went to foundation accepted" in s2.explain("en")


def _policy_with_shares(
    tmp_path: Path, shares: tuple[int, ...] | tuple[Decimal, ...], withheld: str = "500"
) -> pp.Policy:
    names = ["foundation", "first_storey", "second_storey", "old_house_demolished"]
    body = textwrap.dedent(
        f"""
        id = "test-shares"
        title = "测试"
        issuer = "测试"
        parent = "{PACK}"
        source = {{ document = "test.txt", section = "§1" }}
        [parameters."housing.withheld_per_person"]
        unit = "yuan_per_person"
        citation = {{ document = "test.txt", section = "§1" }}
        values = [{{ from = 2011-01-01, value = "{withheld}" }}]
        """
    )
    for name, share in zip(names, shares, strict=True):
        body += textwrap.dedent(
            f"""
            [parameters."housing.tranche_{name}"]
            unit = "percent"
            citation = {{ document = "test.txt", section = "§2" }}
            values = [{{ from = 2011-01-01, value = "{share}" }}]
            """
        )
    path = tmp_path / f"shares-{uuid.uuid4().hex}.toml"
    path.write_text(body, encoding="utf-8")
    return pp.Policy.load(path, on=ON)


@settings(max_examples=60, deadline=None)
@given(
    net_fen=st.integers(min_value=0, max_value=10**10),
    cuts=st.lists(st.integers(min_value=0, max_value=10_000), min_size=3, max_size=3),
)
def test_HOUSE_3_tranches_always_sum_to_net(
    tmp_path_factory: pytest.TempPathFactory, net_fen: int, cuts: list[int]
) -> None:
    a, b, c = sorted(cuts)
    shares = tuple(Decimal(x) / 100 for x in (a, b - a, c - b, 10_000 - c))
    assert sum(shares) == 100
    pol = _policy_with_shares(tmp_path_factory.mktemp("p"), shares, withheld="0")
    net = Money.from_fen(net_fen)
    from povertypolicy.rules.housing import _tranches

    tranches, _ = _tranches(net, pol)
    assert sum((t.amount for t in tranches), Money.zero()) == net
    assert all(t.amount >= Money.zero() for t in tranches)


def test_HOUSE_2_inconsistent_pack_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "bad-levels"
            title = "x"
            issuer = "x"
            parent = "{PACK}"
            source = {{ document = "x.txt", section = "§1" }}
            [parameters."housing.subsidy_per_person"]
            unit = "yuan_per_person"
            citation = {{ document = "x.txt", section = "§1" }}
            values = [{{ from = 2011-01-01, value = "4000" }}]
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="HOUSE-2"):
        housing_subsidy(household(1), pp.Policy.load(path, on=ON))


def test_HOUSE_3_shares_must_total_100(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="100%"):
        housing_subsidy(household(1), _policy_with_shares(tmp_path, (30, 30, 30, 20)))


# -- release in milestone order -----------------------------------------------------------------


@pytest.fixture
def subsidy(policy: pp.Policy) -> pp.rules.housing.HousingSubsidy:
    return housing_subsidy(household(4), policy).value


def test_HOUSE_3_tranches_released_in_order(policy: pp.Policy, subsidy: Any) -> None:
    progress = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 10), first_storey_on=dt.date(2011, 7, 20)
    )
    r = release_tranches(subsidy, progress, policy, as_of=dt.date(2011, 8, 1)).value
    assert r.payable_now == Money("7200")
    assert [t.state for t in r.tranches] == [
        TrancheState.PAYABLE,
        TrancheState.PAYABLE,
        TrancheState.NOT_REACHED,
        TrancheState.NOT_REACHED,
    ]
    paid = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 10),
        first_storey_on=dt.date(2011, 7, 20),
        paid=[Milestone.FOUNDATION],
    )
    r2 = release_tranches(subsidy, paid, policy, as_of=dt.date(2011, 8, 1)).value
    assert (r2.paid_before, r2.payable_now) == (Money("3600"), Money("3600"))


def test_HOUSE_3_second_storey_without_first_is_refused(policy: pp.Policy, subsidy: Any) -> None:
    progress = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 10), second_storey_on=dt.date(2011, 8, 1)
    )
    with pytest.raises(RuleError, match="first_storey was never reported"):
        release_tranches(subsidy, progress, policy, as_of=dt.date(2011, 9, 1))


@pytest.mark.parametrize(
    ("progress", "message"),
    [
        (
            pp.BuildProgress(
                foundation_accepted_on=dt.date(2011, 7, 1), first_storey_on=dt.date(2011, 6, 1)
            ),
            "before foundation",
        ),
        (pp.BuildProgress(foundation_accepted_on=dt.date(2011, 12, 1)), "after the payment date"),
        (
            pp.BuildProgress(
                foundation_accepted_on=dt.date(2011, 6, 1), paid=[Milestone.FIRST_STOREY]
            ),
            "never reached",
        ),
        (
            pp.BuildProgress(
                foundation_accepted_on=dt.date(2011, 6, 1),
                first_storey_on=dt.date(2011, 7, 1),
                paid=[Milestone.FIRST_STOREY],
            ),
            "paid only in order",
        ),
    ],
)
def test_HOUSE_3_inconsistent_progress_is_refused(
    policy: pp.Policy, subsidy: Any, progress: pp.BuildProgress, message: str
) -> None:
    with pytest.raises(RuleError, match=message):
        release_tranches(subsidy, progress, policy, as_of=dt.date(2011, 11, 1))


def test_HOUSE_3_demolition_tranche_waits_for_construction(policy: pp.Policy, subsidy: Any) -> None:
    progress = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 10),
        old_house_demolished_on=dt.date(2011, 12, 1),
        demolished_by_township=False,
    )
    r = release_tranches(subsidy, progress, policy, as_of=dt.date(2011, 12, 5)).value
    assert r.tranches[3].state is TrancheState.WAITING
    assert r.payable_now == Money("3600")


def _built(**kw: Any) -> pp.BuildProgress:
    return pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 10),
        first_storey_on=dt.date(2011, 7, 20),
        second_storey_on=dt.date(2011, 9, 1),
        paid=[Milestone.FOUNDATION, Milestone.FIRST_STOREY, Milestone.SECOND_STOREY],
        **kw,
    )


@pytest.mark.parametrize(
    ("demolished_on", "deducted"),
    [(dt.date(2011, 12, 30), False), (dt.date(2011, 12, 31), True)],
)
def test_HOUSE_4_deadline_both_sides(
    policy: pp.Policy, subsidy: Any, demolished_on: dt.date, deducted: bool
) -> None:
    progress = _built(
        old_house_demolished_on=demolished_on,
        demolished_by_township=True,
        demolition_cost=Money("800"),
    )
    r = release_tranches(subsidy, progress, policy, as_of=dt.date(2012, 1, 5)).value
    assert r.deduction == (Money("800") if deducted else Money.zero())
    assert r.payable_now == (Money("400") if deducted else Money("1200"))


def test_HOUSE_4_cost_beyond_unpaid_tranches_is_owed_not_negative(
    policy: pp.Policy, subsidy: Any
) -> None:
    progress = _built(
        old_house_demolished_on=dt.date(2012, 1, 3),
        demolished_by_township=True,
        demolition_cost=Money("1500.50"),
    )
    result = release_tranches(subsidy, progress, policy, as_of=dt.date(2012, 1, 5))
    r = result.value
    assert r.payable_now == Money.zero()
    assert r.deduction == Money("1200")
    assert r.owed_by_household == Money("300.50")
    assert all(t.payable >= Money.zero() for t in r.tranches)
    assert "不作负数拨付" in result.explain("zh_Hans")


def test_HOUSE_4_deducted_from_unpaid_tranches_last_first(policy: pp.Policy, subsidy: Any) -> None:
    progress = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 1),
        first_storey_on=dt.date(2011, 7, 1),
        old_house_demolished_on=dt.date(2012, 1, 5),
        demolished_by_township=True,
        demolition_cost=Money("1500"),
        paid=[Milestone.FOUNDATION],
    )
    r = release_tranches(subsidy, progress, policy, as_of=dt.date(2012, 1, 10)).value
    deductions = {t.milestone: t.deduction for t in r.tranches}
    assert deductions[Milestone.OLD_HOUSE_DEMOLISHED] == Money("1200")
    assert deductions[Milestone.SECOND_STOREY] == Money("300")
    assert deductions[Milestone.FIRST_STOREY] == Money.zero()
    assert r.payable_now == Money("3600")
    total = r.paid_before + sum((t.amount for t in r.tranches[1:]), Money.zero())
    assert total == subsidy.net


def test_HOUSE_4_household_demolished_on_time_or_still_standing(
    policy: pp.Policy, subsidy: Any
) -> None:
    on_time = _built(old_house_demolished_on=dt.date(2011, 12, 20), demolished_by_township=False)
    r = release_tranches(subsidy, on_time, policy, as_of=dt.date(2011, 12, 21))
    assert r.value.payable_now == Money("1200")
    standing = release_tranches(subsidy, _built(), policy, as_of=dt.date(2012, 1, 2))
    assert "强行拆除" in standing.explain("zh_Hans")
    pending = release_tranches(subsidy, _built(), policy, as_of=dt.date(2011, 12, 30))
    assert "尚未拆除" in pending.explain("zh_Hans")


def test_HOUSE_4_who_demolished_not_recorded_is_refused(policy: pp.Policy, subsidy: Any) -> None:
    progress = _built(old_house_demolished_on=dt.date(2012, 1, 5))
    with pytest.raises(RuleError, match="not recorded"):
        release_tranches(subsidy, progress, policy, as_of=dt.date(2012, 1, 10))


def test_HOUSE_4_build_progress_validation() -> None:
    with pytest.raises(pp.InputError, match="demolition_cost"):
        pp.BuildProgress(demolition_cost=Money("5"))
    with pytest.raises(pp.InputError, match="cannot be assumed"):
        pp.BuildProgress(old_house_demolished_on=dt.date(2012, 1, 5), demolished_by_township=True)
    with pytest.raises(pp.InputError, match="old_house_demolished_on"):
        pp.BuildProgress(demolished_by_township=True)
    with pytest.raises(pp.InputError):
        pp.BuildProgress(paid=[Milestone.FOUNDATION, Milestone.FOUNDATION])


def test_rules_refuse_wrong_input_types(policy: pp.Policy, subsidy: Any) -> None:
    with pytest.raises(pp.InputError):
        housing_subsidy({"id": "H"}, policy)  # type: ignore[arg-type]
    with pytest.raises(pp.InputError):
        release_tranches(subsidy, pp.BuildProgress(), policy, as_of="2011-01-01")  # type: ignore[arg-type]
