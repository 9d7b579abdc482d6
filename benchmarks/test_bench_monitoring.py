"""Monitoring speed (issue 11): 1M cases screened and levelled through the ledger; one case;
spot-check decisions for 10k villages. Targets: ≤ 1 s, < 50 µs, < 10 ms."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.ledger.engine import get_rule, run_arrow
from povertypolicy.rules.monitoring import screen, warning_level

PACK = "town-return-poverty-monitoring-2021"
ON = dt.date(2021, 6, 1)


def _demo() -> Any:
    path = Path(__file__).resolve().parents[1] / "examples" / "demo_50_monitoring.py"
    spec = importlib.util.spec_from_file_location("demo_50_monitoring", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def million() -> tuple[pa.Table, pa.Table]:
    return _demo().township(1_000_000, villages=10_000)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


def test_screen_one_million_cases(
    benchmark: Any, million: tuple[pa.Table, pa.Table], policy: pp.Policy
) -> None:
    monitored, persons = million

    def once() -> ledger.LedgerResult:
        rule = get_rule("monitoring.screening")
        return run_arrow(rule, policy, {"monitored": monitored, "persons": persons})

    result = benchmark.pedantic(once, rounds=3, iterations=1)
    assert len(result) == 1_000_000
    assert result.summary.balanced


def test_one_case(benchmark: Any, policy: pp.Policy) -> None:
    members = [
        pp.Person(id=f"P{i}", birth_date=dt.date(1960 + i, 1, 1), labour_capacity=c)
        for i, c in enumerate(
            (pp.LabourCapacity.FULL, pp.LabourCapacity.PARTIAL, pp.LabourCapacity.NONE)
        )
    ]
    case = pp.MonitoringCase(
        household=pp.Household(id="H1", members=members),
        assessed_on=dt.date(2021, 5, 1),
        per_capita_disposable_income=pp.Money("5800"),
        risk_factors={pp.RiskFactor.SERIOUS_ILLNESS},
        unmet_needs=set(),
        living_difficulty=True,
    )
    result = benchmark(screen, case, policy)
    assert result.value.warning.level is pp.WarningLevel.RED


def test_one_case_level_only(benchmark: Any, policy: pp.Policy) -> None:
    case = pp.MonitoringCase(
        household=pp.Household(
            id="H1", members=[pp.Person(id="P1", birth_date=dt.date(1960, 1, 1))]
        ),
        assessed_on=dt.date(2021, 5, 1),
        per_capita_disposable_income=pp.Money("9000"),
    )
    benchmark(warning_level, case, policy)


def test_spot_check_ten_thousand_villages(benchmark: Any, policy: pp.Policy) -> None:
    rng = np.random.default_rng(3)
    sampled = rng.integers(20, 200, 10_000)
    table = pa.table(
        {
            "village": pa.array([f"V{i:05d}" for i in range(10_000)]),
            "sampled": pa.array(sampled),
            "doubtful": pa.array(rng.integers(0, 6, 10_000)),
        }
    )
    rule = get_rule("monitoring.spot_check")
    result = benchmark(run_arrow, rule, policy, {"spot_checks": table})
    assert len(result) == 10_000
