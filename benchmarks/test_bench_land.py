"""Speed of the land rules (measured, never asserted): split_compensation on the docs recipe
(docs/recipes/split-compensation.md) < 50 µs and with 2,000 parcels, 800 households < 20 ms;
allocate_places with 10,000 households < 20 ms. Beside each, its peer: the result's objects
alone, built again with nothing computed."""

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
from povertypolicy.explain.recorder import Recorder
from povertypolicy.rules import land
from povertypolicy.rules.land.places import _household_places
from povertypolicy.rules.land.values import (
    Compensation,
    CompensationSplit,
    PayeeDue,
    PlaceAllocation,
    SplitLine,
)

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


RECIPE_PACK = """
id = "example-province-land"
title = "示例省征地补偿标准"
issuer = "示例省人民政府"
parent = "cn"
source = { document = "示例省征地统一年产值和区片综合地价通知", section = "全文" }

[parameters."land.annual_output_value"]
unit = "yuan_per_mu"
citation = { document = "示例省征地统一年产值和区片综合地价通知", section = "附表一" }
values = [{ from = 2015-01-01, until = 2019-12-31, value = "2000" }]

[parameters."land.land_compensation_multiple"]
unit = "times"
citation = { document = "示例省征地统一年产值和区片综合地价通知", section = "二" }
values = [{ from = 2015-01-01, until = 2019-12-31, value = "8" }]

[parameters."land.resettlement_multiple"]
unit = "times"
citation = { document = "示例省征地统一年产值和区片综合地价通知", section = "二" }
values = [{ from = 2015-01-01, until = 2019-12-31, value = "5" }]

[parameters."land.zone_price"]
unit = "yuan_per_mu"
citation = { document = "示例省区片综合地价", section = "附表" }
values = [{ from = 2020-01-01, value = "60000" }]

[parameters."land.zone_price_land_compensation_share"]
unit = "percent"
citation = { document = "示例省区片综合地价", section = "三" }
values = [{ from = 2020-01-01, value = "40" }]

[parameters."land.social_security_fee_per_mu"]
unit = "yuan_per_mu"
citation = { document = "示例省区片综合地价", section = "四" }
values = [{ from = 2020-01-01, value = "30000" }]

[parameters."land.household_share_of_land_compensation"]
unit = "percent"
citation = { document = "示例省征地补偿费分配办法", section = "第五条" }
values = [{ from = 2015-01-01, value = "80" }]

[parameters."land.resettlement_subsidy_payee"]
unit = "choice"
citation = { document = "示例省征地补偿费分配办法", section = "第六条" }
values = [{ from = 2015-01-01, value = "households" }]
"""


def _recipe_case() -> pp.Expropriation:
    """The expropriation of docs/recipes/split-compensation.md (approved 2019-03-01)."""
    return pp.Expropriation(
        collective="V-Dongshan",
        approved_on=APPROVED,
        parcels=[
            pp.Parcel(
                id="P-01",
                area=Area.mu("3.3"),
                land_type=pp.LandType.CULTIVATED,
                contracted_by="H-01",
            ),
            pp.Parcel(
                id="P-02",
                area=Area.mu("2.1"),
                land_type=pp.LandType.CULTIVATED,
                contracted_by="H-02",
            ),
            pp.Parcel(
                id="P-03",
                area=Area.mu("1.6"),
                land_type=pp.LandType.CULTIVATED,
                contracted_by="H-03",
            ),
            pp.Parcel(id="P-04", area=Area.mu("1"), land_type=pp.LandType.CULTIVATED),
        ],
        households=[
            pp.Household(id=h, members=[pp.Person(id=f"{h}a", birth_date=born)])
            for h, born in (
                ("H-01", dt.date(1968, 4, 2)),
                ("H-02", dt.date(1975, 9, 9)),
                ("H-03", dt.date(1981, 1, 20)),
            )
        ],
        attachments=[
            pp.Attachment(
                id="A-1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H-01", amount=Money("1200")
            ),
            pp.Attachment(
                id="A-2",
                kind=pp.AttachmentKind.ATTACHMENT,
                owner="Orchard Co.",
                amount=Money("5000.50"),
                description="irrigation pump house",
            ),
        ],
        per_capita_cultivated_before=Area.mu("0.8"),
    )


@pytest.fixture(scope="module")
def recipe_province() -> Any:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "province.toml"
        path.write_text(textwrap.dedent(RECIPE_PACK), encoding="utf-8")
        yield pp.Policy.load(path, on=APPROVED)


def test_split_compensation_recipe(benchmark: Any, recipe_province: Any) -> None:
    """One household-sized case, priced by annual output value (the recipe's section 4)."""
    exp = _recipe_case()
    result = benchmark(land.split_compensation, exp, recipe_province)
    assert result.value.due()["V-Dongshan"] == Money("38400")
    assert result.value.total == Money("234200.50")


def test_split_compensation_recipe_zone_price(benchmark: Any, recipe_province: Any) -> None:
    """The same case approved in 2021: zone price and social-security fees."""
    exp = pp.Expropriation.from_dict({**_recipe_case().to_dict(), "approved_on": "2021-03-01"})
    policy = recipe_province.at(dt.date(2021, 3, 1))
    result = benchmark(land.split_compensation, exp, policy)
    assert result.value.due()["social-security-fund"] == Money("240000")


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


# -- Peers: the objects alone ---------------------------------------------------------------
# What any implementation that returns these results must spend: building the result's objects
# again from their fields, with nothing computed (the explanation steps included, as the rule
# records them). Beside the calls above, in the same run, they show how much of each call's
# time is the answer's objects rather than the rule (docs/decisions/0004-single-case-speed.md).


def _rebuild_result(result: Any, value: Any) -> Any:
    rec = Recorder(result.steps[-1].rule)
    for s in result.steps:
        rec.step(s.key, s.inputs, params=s.params, notes=s.notes, citation=s.citation, rule=s.rule)
    return rec.result(value)


def _rebuild_split(reference: Any) -> Any:
    v, c = reference.value, reference.value.compensation
    fen = Money.from_fen
    comp = Compensation(
        method=c.method,
        area=c.area,
        land_compensation=fen(c.land_compensation.fen),
        resettlement_subsidy=fen(c.resettlement_subsidy.fen),
        attachments_compensation=fen(c.attachments_compensation.fen),
        social_security_fees=fen(c.social_security_fees.fen),
        persons_to_resettle=c.persons_to_resettle,
        resettlement_capped=c.resettlement_capped,
        combined_capped=c.combined_capped,
        approved_increase=c.approved_increase,
    )
    lines = tuple(
        SplitLine(payee=x.payee, payee_kind=x.payee_kind, item=x.item, amount=fen(x.amount.fen))
        for x in v.lines
    )
    payees = tuple(
        PayeeDue(
            payee=p.payee,
            payee_kind=p.payee_kind,
            amount=fen(p.amount.fen),
            items=tuple((item, fen(m.fen)) for item, m in p.items),
        )
        for p in v.payees
    )
    split = CompensationSplit(
        collective=v.collective,
        approved_on=v.approved_on,
        compensation=comp,
        lines=lines,
        payees=payees,
        parties=v.parties,
    )
    return _rebuild_result(reference, split)


def test_split_compensation_recipe_objects_only(benchmark: Any, recipe_province: Any) -> None:
    """Peer of test_split_compensation_recipe: its result's 13 steps, 9 lines, 5 payees and
    amounts built again, nothing computed."""
    reference = land.split_compensation(_recipe_case(), recipe_province)
    rebuilt = benchmark(_rebuild_split, reference)
    assert rebuilt == reference


def _rebuild_allocation(exp: pp.Expropriation, reference: Any, fields: Any) -> Any:
    # every member's two facts read once (the rule cannot choose eligible members without them)
    read = 0
    for h in exp.households:
        for m in h.members:
            if m.pension_insured is False and m.birth_date:
                read += 1
    value = PlaceAllocation(
        quota=reference.value.quota,
        households=_household_places(*fields),
        unallocated=reference.value.unallocated,
    )
    assert read >= 0
    return _rebuild_result(reference, value)


def test_allocate_places_10000_households_objects_only(benchmark: Any) -> None:
    """Peer of test_allocate_places_10000_households: the 30,000 members' two facts read and
    the 9,600 HouseholdPlaces built again (as the rule builds them), nothing computed."""
    policy = pp.Policy.load("zj-taizhou-expropriated-farmers-2019", on=dt.date(2019, 9, 1))
    exp = _case(10000, 10000)
    reference = land.allocate_places(exp, land.quota_by_land(exp, policy).value, policy)
    hp = reference.value.households
    fields = (  # the result's fields, taken out beforehand (the rule has them at hand)
        [h.household for h in hp],
        [h.area_m2 for h in hp],
        [h.eligible for h in hp],
        [h.places for h in hp],
        [h._share for h in hp],
        {i for i, h in enumerate(hp) if h.took_remainder},
    )
    rebuilt = benchmark(_rebuild_allocation, exp, reference, fields)
    assert rebuilt == reference


# -- A county's land cases over a ledger ---------------------------------------------------
# 300 cases of 30 households of 4 people (9,000 households, 36,000 persons): `land.places`
# from Arrow tables, beside its peer, the same 300 `allocate_places` calls on cases already
# built as objects (what the ledger calls once it has read the tables).

LEDGER_CASES, LEDGER_HOUSEHOLDS = 300, 30


def _county() -> tuple[dict[str, Any], list[pp.Expropriation]]:
    """The ledger's tables (Arrow) and the same cases as objects."""
    import pyarrow as pa

    rng = random.Random(7)
    rows: dict[str, list[dict[str, Any]]] = {"cases": [], "parcels": [], "households": []}
    rows["persons"] = []
    objects = []
    for c in range(LEDGER_CASES):
        cid = f"C{c:04d}"
        rows["cases"].append(
            {
                "case_id": cid,
                "collective": f"V{c}",
                "approved_on": "2020-06-30",
                "village_land": "1200",
                "population_16_plus": 900,
                "already_insured": 100,
            }
        )
        households, parcels = [], []
        for h in range(LEDGER_HOUSEHOLDS):
            hid = f"{cid}-H{h:02d}"
            area = f"{rng.randint(10, 300) / 100}"
            rows["households"].append({"household_id": hid, "case_id": cid})
            rows["parcels"].append(
                {
                    "parcel_id": f"{hid}-P",
                    "case_id": cid,
                    "area": area,
                    "land_type": "耕地",
                    "contracted_by": hid,
                }
            )
            parcels.append(
                pp.Parcel(
                    id=f"{hid}-P",
                    area=Area.mu(area),
                    land_type=pp.LandType.CULTIVATED,
                    contracted_by=hid,
                )
            )
            members = []
            for m in range(4):
                born = dt.date(rng.randint(1940, 2010), rng.randint(1, 12), rng.randint(1, 28))
                insured = rng.random() < 0.5
                rows["persons"].append(
                    {
                        "person_id": f"{hid}-{m}",
                        "household_id": hid,
                        "birth_date": born.isoformat(),
                        "pension_insured": "是" if insured else "否",
                    }
                )
                members.append(pp.Person(id=f"{hid}-{m}", birth_date=born, pension_insured=insured))
            households.append(pp.Household(id=hid, members=members))
        objects.append(
            pp.Expropriation(
                collective=f"V{c}",
                approved_on=dt.date(2020, 6, 30),
                parcels=parcels,
                households=households,
                village_land=Area.mu("1200"),
                population_16_plus=900,
                already_insured=100,
            )
        )
    tables = {name: pa.Table.from_pylist(r) for name, r in rows.items()}
    return tables, objects


@pytest.fixture(scope="module")
def county() -> tuple[dict[str, Any], list[pp.Expropriation]]:
    return _county()


@pytest.fixture(scope="module")
def taizhou_2020() -> pp.Policy:
    return pp.Policy.load("zj-taizhou-expropriated-farmers-2019", on=dt.date(2020, 7, 1))


def test_land_places_ledger_300_cases(benchmark: Any, county: Any, taizhou_2020: Any) -> None:
    from povertypolicy import ledger

    tables, _ = county
    result = benchmark.pedantic(
        ledger.run, ("land.places", taizhou_2020), tables, rounds=5, iterations=1
    )
    assert len(result.table) == LEDGER_CASES * LEDGER_HOUSEHOLDS
    assert result.summary.balanced


def test_land_places_300_cases_as_objects(benchmark: Any, county: Any, taizhou_2020: Any) -> None:
    """Peer of test_land_places_ledger_300_cases: the same rule calls on cases built before."""
    _, cases = county
    policy = taizhou_2020

    def calls() -> list[Any]:
        return [land.allocate_places(e, land.quota_by_land(e, policy).value, policy) for e in cases]

    results = benchmark.pedantic(calls, rounds=5, iterations=1)
    assert sum(len(r.value.households) for r in results) == LEDGER_CASES * LEDGER_HOUSEHOLDS
