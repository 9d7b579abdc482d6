"""HOUSE-1 .. HOUSE-4: every bad input has its own error code, read in all three locales."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules.housing import (
    earliest_approval,
    eligibility,
    housing_subsidy,
    release_tranches,
)
from tests.error_texts import check_input_error, refused

from .test_housing import ON, PACK, household

D = dt.date
policy = pp.Policy.load(PACK, on=ON)


@pytest.mark.parametrize("bad", ["2011-04-01", dt.datetime(2011, 4, 1)])
def test_HOUSE_1_posted_on_is_a_date(bad: object) -> None:
    e = refused(earliest_approval, bad, policy)
    check_input_error(e, "core.error.date", {})
    assert (e.obj, e.field) == ("earliest_approval", "posted_on")


@pytest.mark.parametrize("rule", [eligibility, housing_subsidy])
def test_HOUSE_1_HOUSE_2_a_household_is_required(rule: Callable[..., Any]) -> None:
    e = refused(rule, "H1", policy)
    check_input_error(e, "housing.error.household_type", {"type": "Household"})
    assert (
        e.text("zh_Hans") == "rules.housing.household：收到 'H1'，应为一户及其家庭成员（Household）"
    )
    assert e.text("en") == (
        "rules.housing.household: got 'H1'; expected a household and its members (Household)"
    )


def test_HOUSE_3_what_release_tranches_is_given() -> None:
    sub = housing_subsidy(household(4), policy).value
    e = refused(release_tranches, "x", pp.BuildProgress(), policy, as_of=D(2011, 1, 1))
    check_input_error(e, "housing.error.subsidy_type", {"type": "HousingSubsidy"})
    assert (
        e.text("zh_Hant")
        == "rules.housing.subsidy：收到 'x'，應為已算出的該戶建房補助（HousingSubsidy）"
    )
    e = refused(release_tranches, sub, "x", policy, as_of=D(2011, 1, 1))
    check_input_error(e, "housing.error.progress_type", {"type": "BuildProgress"})
    assert e.text("zh_Hans") == "rules.housing.progress：收到 'x'，应为建房进度（BuildProgress）"
    e = refused(release_tranches, sub, pp.BuildProgress(), policy, as_of="2011-01-01")
    check_input_error(e, "core.error.date", {})
    assert (e.obj, e.field) == ("release_tranches", "as_of")
