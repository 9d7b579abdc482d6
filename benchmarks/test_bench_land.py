"""Speed of the land rules: split_compensation (2,000 parcels, 800 households) < 20 ms,
allocate_places (10,000 households) < 50 ms (targets of issue 4; measured, never asserted)."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules import land

APPROVED = dt.date(2019, 3, 1)
PACK = """
id = "bench-province"
title = "bench"
issuer = "bench"
parent = "cn"
source = { document = "bench", section = "全文" }

[parameters."land.annual_output_value"]
unit = "yuan_per_mu"
citation = { document = "bench", section = "1" }
values = [{ from = 2015-01-01, value = "1777.77" }]

[parameters."land.land_compensation_multiple"]
unit = "times"
citation = { document = "bench", section = "2" }
values = [{ from = 2015-01-01, value = "8" }]

[parameters."land.resettlement_multiple"]
unit = "times"
citation = { document = "bench", section = "2" }
values = [{ from = 2015-01-01, value = "5" }]

[parameters."land.household_share_of_land_compensation"]
unit = "percent"
citation = { document = "bench", section = "3" }
values = [{ from = 2015-01-01, value = "80" }]

[parameters."land.resettlement_subsidy_payee"]
unit = "choice"
citation = { document = "bench", section = "4" }
values = [{ from = 2015-01-01, value = "households" }]
"""


def _case(parcels: int, households: int, members: int = 3) -> pp.Expropriation:
    rng = random.Random(4)
    hh = [
        pp.Household(
            id=f"H{i:05d}",
            members=[
                pp.Person(
                    id=f"H{i:05d}-{j}",
                    birth_date=dt.date(rng.randint(1940, 2010), rng.randint(1, 12), 1),
                    pension_insured=rng.random() < 0.2,
                )
                for j in range(members)
            ],
        )
        for i in range(households)
    ]
    lots = [
        pp.Parcel(
            id=f"P{k:05d}",
            area=Area.mu(f"{rng.randint(1, 400) / 100}"),
            land_type=pp.LandType.CULTIVATED
            if rng.random() < 0.8
            else pp.LandType.OTHER_AGRICULTURAL,
            contracted_by=hh[k % households].id if k % 25 else None,
        )
        for k in range(parcels)
    ]
    items = [
        pp.Attachment(
            id=f"A{k}",
            kind=pp.AttachmentKind.YOUNG_CROPS,
            owner=hh[k].id,
            amount=Money.from_fen(rng.randint(100, 500_000)),
        )
        for k in range(0, households, 4)
    ]
    return pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=lots,
        households=hh,
        attachments=items,
        per_capita_cultivated_before=Area.mu("0.9"),
        village_land=Area.mu("100000"),
        population_16_plus=30000,
        already_insured=1000,
    )


@pytest.fixture(scope="module")
def province() -> Any:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench.toml"
        path.write_text(textwrap.dedent(PACK), encoding="utf-8")
        yield pp.Policy.load(path, on=APPROVED)


def test_split_compensation_2000_parcels_800_households(benchmark: Any, province: Any) -> None:
    exp = _case(2000, 800)
    result = benchmark(land.split_compensation, exp, province)
    assert result.value.total == result.value.compensation.total


def test_allocate_places_10000_households(benchmark: Any) -> None:
    policy = pp.Policy.load("zj-taizhou-expropriated-farmers-2019", on=dt.date(2019, 9, 1))
    exp = _case(10000, 10000)
    quota = land.quota_by_land(exp, policy).value
    result = benchmark(land.allocate_places, exp, quota, policy)
    assert result.value.allocated + result.value.unallocated == quota.places
