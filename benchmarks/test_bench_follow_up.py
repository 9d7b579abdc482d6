"""Follow-up and targets speed (issue 8; the issue sets no target for them): 10k relocated
households through follow_up.checks, one household, 10k towns and villages through the
four-haves checklist, one town's scorecard."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import povertypolicy as pp
from povertypolicy.ledger.engine import get_rule, run_arrow
from povertypolicy.rules import follow_up, indicators

COUNTY = "county-relocation-follow-up-2020"
FOUR_HAVES = "city-four-haves-demonstration-towns-2022"
ON = dt.date(2021, 6, 1)


def _demo() -> Any:
    path = Path(__file__).resolve().parents[1] / "examples" / "demo_70_follow_up_and_targets.py"
    spec = importlib.util.spec_from_file_location("demo_70", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site() -> tuple[pa.Table, pa.Table]:
    return _demo().site_ledger(10_000)  # type: ignore[no-any-return]


def test_follow_up_checks_ten_thousand_households(
    benchmark: Any, site: tuple[pa.Table, pa.Table]
) -> None:
    households, persons = site
    policy = pp.Policy.load(COUNTY, on=ON)

    def once() -> Any:
        rule = get_rule("follow_up.checks")
        return run_arrow(rule, policy, {"households": households, "persons": persons})

    result = benchmark.pedantic(once, rounds=3, iterations=1)
    assert result.summary.balanced


def test_one_household(benchmark: Any) -> None:
    policy = pp.Policy.load(COUNTY, on=ON)
    home = pp.RelocatedHousehold(
        id="H1",
        settled_on=dt.date(2020, 3, 15),
        moved_in_on=dt.date(2020, 3, 1),
        registered_poor=True,
        industry_support=False,
        hardship=True,
        property_within_limits=True,
        old_house=pp.OldHouse(unsafe=True, demolished_on=dt.date(2020, 4, 30)),
        members=[
            pp.RelocatedMember(
                id="P1",
                labour_capacity=pp.LabourCapacity.FULL,
                wants_work=True,
                stably_employed=False,
                wants_training=True,
                trainings=[dt.date(2020, 6, 1)],
            )
        ],
    )
    benchmark(follow_up.follow_up_checks, home, policy, as_of=ON)


def test_four_haves_ten_thousand_units(benchmark: Any) -> None:
    units = _demo().city_units(400, 24)
    policy = pp.Policy.load(FOUR_HAVES, on=dt.date(2022, 12, 1))
    rule = get_rule("indicators.four_haves")
    result = benchmark.pedantic(run_arrow, (rule, policy, {"units": units}), rounds=3)
    assert result.summary.balanced


def test_one_scorecard(benchmark: Any) -> None:
    policy = pp.Policy.load(FOUR_HAVES, on=dt.date(2022, 12, 1))
    town = pp.ReportingUnit(
        id="T", level=pp.UnitLevel.TOWN, figures={"surplus_labour": 100, "transferred_labour": 96}
    )
    villages = [
        pp.ReportingUnit(id=f"V{i}", level=pp.UnitLevel.VILLAGE, figures={"coordinators": i % 3})
        for i in range(20)
    ]
    benchmark(indicators.scorecard, town, "four_haves", policy, members=villages)
