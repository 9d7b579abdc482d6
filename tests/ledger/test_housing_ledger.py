"""One truth: the housing ledger kernels equal the single-household rules (HOUSE-1..HOUSE-5)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.rules.housing import eligibility, housing_subsidy

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
CUTOFF = dt.date(2011, 1, 1)

births = st.one_of(
    st.sampled_from([CUTOFF - dt.timedelta(days=1), CUTOFF, CUTOFF + dt.timedelta(days=1)]),
    st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2011, 5, 31)),
)
facts = st.fixed_dictionaries(
    {
        "birth_date": births,
        "hukou": st.sampled_from([pp.HukouType.AGRICULTURAL, pp.HukouType.NON_AGRICULTURAL, None]),
        "registered_locally": st.sampled_from([True, True, True, False, None]),
        "lives_in_area": st.sampled_from([True, True, True, False, None]),
    }
)
households_st = st.lists(
    st.tuples(
        st.lists(facts, min_size=1, max_size=20),
        st.sampled_from([dt.date(2011, 3, 20), None]),
    ),
    min_size=1,
    max_size=8,
)


def build(
    population: list[tuple[list[dict[str, Any]], dt.date | None]],
) -> tuple[list[pp.Household], pa.Table, pa.Table]:
    """Domain households and the same ledger as two Arrow tables."""
    homes: list[pp.Household] = []
    prow: dict[str, list[Any]] = {
        k: []
        for k in ("人员编号", "户编号", "出生日期", "户籍性质", "当地常住户口", "仍在当地居住生产")
    }
    for h, (members, applied) in enumerate(population):
        people = []
        for m, f in enumerate(members):
            pid = f"H{h}-{m}"
            people.append(pp.Person(id=pid, **f))
            prow["人员编号"].append(pid)
            prow["户编号"].append(f"H{h}")
            prow["出生日期"].append(f["birth_date"].isoformat())
            prow["户籍性质"].append(
                None
                if f["hukou"] is None
                else {"agricultural": "农业", "non_agricultural": "非农业户口"}[f["hukou"].value]
            )
            prow["当地常住户口"].append(
                {True: "是", False: "否", None: ""}[f["registered_locally"]]
            )
            prow["仍在当地居住生产"].append(f["lives_in_area"])
        homes.append(pp.Household(id=f"H{h}", members=people, relocation_applied_on=applied))
    households = pa.table(
        {
            "户编号": [h.id for h in homes],
            "申请日期": pa.array([h.relocation_applied_on for h in homes], pa.date32()),
        }
    )
    return homes, pa.table(prow), households


def _names(conditions: tuple[Any, ...]) -> str:
    return ",".join(c.value for c in conditions)


def check_subsidy(
    result: ledger.LedgerResult, homes: list[pp.Household], policy: pp.Policy
) -> None:
    rows = {r["household_id"]: r for r in result.arrow.to_pylist()}
    assert set(rows) == {h.id for h in homes}
    for home in homes:
        single = housing_subsidy(home, policy)
        elig = eligibility(home, policy).value
        row = rows[home.id]
        v = single.value
        assert row["eligible_people"] == v.people
        assert row["members"] == home.size
        assert row["undetermined_people"] == len(elig.undetermined_ids)
        assert row["reason"] == elig.reason
        assert row["failed"] == _names(elig.failed)
        assert row["not_recorded"] == _names(elig.not_recorded)
        assert row["gross_fen"] == v.gross.fen
        assert row["withheld_fen"] == v.withheld.fen
        assert row["net_fen"] == v.net.fen
        for share in v.by_level:
            assert row[f"{share.level.value}_fen"] == share.amount.fen
        for t in v.tranches:
            assert row[f"tranche_{t.milestone.value}_fen"] == t.amount.fen
        took = [t.milestone.value for t in v.tranches if t.took_rounding_fen]
        assert row["rounding_fen_to"] == ",".join(took)
        assert row["timber_m3"] == v.timber_m3
        # The ledger explains a row with the single-household rule's own explanation.
        assert result.explain(home.id, locale="en") == single.explain("en")


@given(households_st)
def test_subsidy_kernel_equals_single_household_rule(population: Any) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    homes, persons, households = build(population)
    result = ledger.run("housing.subsidy", policy, persons=persons, households=households)
    assert result.summary.balanced
    assert len(result.log) == 0
    check_subsidy(result, homes, policy)


@given(households_st, st.randoms(use_true_random=False))
def test_subsidy_kernel_on_shuffled_rows_equals_single_household_rule(
    population: Any, rng: Any
) -> None:
    """Person and household rows in any order (the paths for ledgers not grouped by household)."""
    policy = pp.Policy.load(PACK, on=ON)
    homes, persons, households = build(population)
    order = list(range(persons.num_rows))
    rng.shuffle(order)
    persons = persons.take(pa.array(order, pa.int64()))
    back = list(range(households.num_rows))[::-1]
    households = households.take(pa.array(back, pa.int64()))
    # A household's members are listed (and explained) in the ledger's row order.
    at = {pid: i for i, pid in enumerate(persons.column("人员编号").to_pylist())}
    homes = [
        attrs.evolve(h, members=tuple(sorted(h.members, key=lambda m: at[m.id]))) for h in homes
    ]
    result = ledger.run("housing.subsidy", policy, persons=persons, households=households)
    assert result.summary.balanced
    assert len(result.log) == 0
    check_subsidy(result, homes, policy)


@given(households_st)
def test_eligibility_kernel_equals_single_household_rule(population: Any) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    homes, persons, households = build(population)
    result = ledger.run("housing.eligibility", policy, persons=persons, households=households)
    rows = {r["person_id"]: r for r in result.arrow.to_pylist()}
    for home in homes:
        for member in eligibility(home, policy).value.members:
            row = rows[member.person_id]
            assert row["household_id"] == home.id
            assert row["eligible"] is member.eligible
            want = (
                "eligible"
                if member.eligible
                else ("ineligible" if member.failed else "undetermined")
            )
            assert row["reason"] == want
            assert row["failed"] == _names(member.failed)
            assert row["not_recorded"] == _names(member.not_recorded)


def odd_policy(tmp_path: Path) -> pp.Policy:
    """A pack with an odd per-person amount and shares, so tranches take rounding fen."""

    def param(name: str, unit: str, value: str) -> str:
        return textwrap.dedent(
            f"""
            [parameters."{name}"]
            unit = "{unit}"
            citation = {{ document = "test.txt", section = "§1" }}
            values = [{{ from = 2011-01-01, value = "{value}" }}]
            """
        )

    body = textwrap.dedent(
        f"""
        id = "odd-fen"
        title = "test"
        issuer = "test"
        parent = "{PACK}"
        source = {{ document = "test.txt", section = "§1" }}
        """
    )
    body += param("housing.subsidy_per_person", "yuan_per_person", "3333.33")
    body += param("housing.subsidy_province_per_person", "yuan_per_person", "3000.00")
    body += param("housing.subsidy_city_per_person", "yuan_per_person", "333.33")
    body += param("housing.subsidy_county_per_person", "yuan_per_person", "0")
    body += param("housing.withheld_per_person", "yuan_per_person", "0.01")
    body += param("housing.tranche_foundation", "percent", "33.3")
    body += param("housing.tranche_first_storey", "percent", "33.3")
    body += param("housing.tranche_second_storey", "percent", "33.3")
    body += param("housing.tranche_old_house_demolished", "percent", "0.1")
    body += param("housing.timber_per_person", "m3_per_person", "1.25")
    path = tmp_path / "odd.toml"
    path.write_text(body, encoding="utf-8")
    return pp.Policy.load(path, on=ON)


@given(households_st)
def test_odd_fen_split_equals_single_household_rule(population: Any) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        policy = odd_policy(Path(tmp))
        homes, persons, households = build(population)
        result = ledger.run("housing.subsidy", policy, persons=persons, households=households)
        check_subsidy(result, homes, policy)


def test_odd_fen_takes_rounding(tmp_path: Path) -> None:
    policy = odd_policy(tmp_path)
    facts = {"hukou": pp.HukouType.AGRICULTURAL, "registered_locally": True, "lives_in_area": True}
    home = pp.Household(
        id="H0",
        members=[pp.Person(id=f"P{i}", birth_date=dt.date(1980, 1, 1), **facts) for i in range(3)],
        relocation_applied_on=dt.date(2011, 3, 1),
    )
    _, persons, households = build(
        [([dict(birth_date=dt.date(1980, 1, 1), **facts)] * 3, dt.date(2011, 3, 1))]
    )
    result = ledger.run("housing.subsidy", policy, persons=persons, households=households)
    row = result.arrow.to_pylist()[0]
    assert row["rounding_fen_to"] != ""  # 999,996 fen × 33.3% does not divide evenly
    assert sum(row[f"tranche_{m.value}_fen"] for m in pp.Milestone) == row["net_fen"]
    assert row["net_fen"] == housing_subsidy(home, policy).value.net.fen
