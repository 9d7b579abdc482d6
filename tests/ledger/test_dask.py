"""Ledgers on Dask: one run_arrow per partition on a real LocalCluster gives the same rows,
totals and errors as one in-process run, and every error row points back to its file."""

from __future__ import annotations

import datetime as dt
import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

import povertypolicy as pp
from povertypolicy import InputError, ledger
from povertypolicy.ledger.partitioned import (
    DASK_ERRORS_SCHEMA,
    DaskLedgerResult,
    parquet_partitions,
    run_dask,
)

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
TODAY = dt.date(2024, 1, 1)
FIELDS = ("table", "id", "column", "value", "code", "message")


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # Threads, not processes: quick and steady in CI; pickling is tested on its own below.
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def person(pid: str, hid: str, born: str = "1970-01-01", village: str = "V1") -> dict[str, Any]:
    return {
        "人员编号": pid,
        "户编号": hid,
        "出生日期": born,
        "户籍性质": "农业",
        "当地常住户口": "是",
        "仍在当地居住生产": "是",
        "village": village,
    }


def ledger_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Three villages of four households; each village has its own kind of bad row."""
    persons: list[dict[str, Any]] = []
    households: list[dict[str, Any]] = []
    for v in ("V1", "V2", "V3"):
        for i in range(1, 5):
            hid = f"{v}-H{i}"
            applied = "" if (v, i) == ("V3", 2) else "2011-03-01"
            households.append({"户编号": hid, "申请日期": applied, "village": v})
            if (v, i) == ("V3", 4):
                continue  # no members
            persons.append(person(f"{hid}-a", hid, village=v))
            persons.append(person(f"{hid}-b", hid, born=f"20{i:02d}-05-01", village=v))
    persons[3]["出生日期"] = "not a date"  # V1-H2 is held back
    persons.insert(10, person("V2-X", "NOWHERE", village="V2"))  # no such household
    persons[-1]["人员编号"] = persons[-2]["人员编号"]  # a duplicate id inside V3
    return persons, households


def write(
    root: Path,
    persons: list[dict[str, Any]],
    households: list[dict[str, Any]],
    rows_per_file: int = 100,
) -> None:
    """Hive folders village=V1/… with the village column left out, as write_to_dataset does."""
    for name, rows in (("persons", persons), ("households", households)):
        for v in sorted({r["village"] for r in rows}):
            mine = [
                {k: x for k, x in r.items() if k != "village"} for r in rows if r["village"] == v
            ]
            folder = root / name / f"village={v}"
            folder.mkdir(parents=True)
            for n, start in enumerate(range(0, len(mine), rows_per_file)):
                chunk = mine[start : start + rows_per_file]
                pq.write_table(pa.Table.from_pylist(chunk), folder / f"part-{n}.parquet")


def whole(persons: list[dict[str, Any]], households: list[dict[str, Any]]) -> ledger.LedgerResult:
    def table(rows: list[dict[str, Any]]) -> pa.Table:
        return pa.Table.from_pylist(rows).drop(["village"])

    return ledger.run(
        "housing.subsidy",
        PACK,
        on=ON,
        today=TODAY,
        persons=table(persons),
        households=table(households),
    )


def by_id(table: pa.Table) -> list[dict[str, Any]]:
    return sorted(table.to_pylist(), key=lambda r: r["household_id"])


def errors_as_set(table: pa.Table) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(r[f] for f in FIELDS) for r in table.to_pylist())


def dask_run(client: Client, root: Path, **kw: Any) -> DaskLedgerResult:
    return run_dask(
        "housing.subsidy",
        PACK,
        on=ON,
        today=TODAY,
        client=client,
        persons=root / "persons",
        households=root / "households",
        **kw,
    )


def test_parquet_partitions_equal_one_run(client: Client, tmp_path: Path) -> None:
    persons, households = ledger_rows()
    write(tmp_path, persons, households)
    ref = whole(persons, households)
    res = dask_run(client, tmp_path)
    assert res.partitions == ("village=V1", "village=V2", "village=V3")
    assert res.summary == ref.summary
    assert res.summary.balanced
    assert res.summary.totals["net_fen"] == sum(s.totals["net_fen"] for s in res.summaries.values())
    assert by_id(res.to_arrow()) == by_id(ref.arrow)
    frame = res.table.compute()
    assert isinstance(res.table, dd.DataFrame)
    assert len(frame) == len(ref)
    assert int(frame["net_fen"].sum()) == ref.summary.totals["net_fen"]
    errors = res.errors_arrow()
    assert errors.schema == DASK_ERRORS_SCHEMA
    assert errors_as_set(errors) == errors_as_set(ref.errors_arrow())
    assert len(res.errors.compute()) == errors.num_rows == ref.summary.error_rows
    assert res.explain("V2-H3", locale="en") == ref.explain("V2-H3", locale="en")


def test_error_rows_point_to_their_file(client: Client, tmp_path: Path) -> None:
    persons, households = ledger_rows()
    write(tmp_path, persons, households, rows_per_file=3)
    res = dask_run(client, tmp_path)
    assert res.summary == whole(persons, households).summary
    errors = res.errors_arrow().to_pylist()
    assert {e["partition"] for e in errors} == {"village=V1", "village=V2", "village=V3"}
    for e in errors:
        source = pq.read_table(tmp_path / e["table"] / e["file"])
        row = source.slice(e["row"] - 1, 1).to_pylist()[0]
        key = "人员编号" if e["table"] == "persons" else "户编号"
        assert row[key] == e["id"], e
    bad = next(e for e in errors if e["code"] == "ledger.error.date")
    assert (bad["file"], bad["row"], bad["partition_row"]) == ("village=V1/part-1.parquet", 1, 4)
    assert bad["value"] == "not a date"
    orphan = next(e for e in errors if e["code"] == "ledger.error.unknown_parent")
    assert (orphan["file"], orphan["row"], orphan["value"]) == (
        "village=V2/part-0.parquet",
        3,
        "NOWHERE",
    )


def test_dask_dataframes_in(client: Client) -> None:
    persons, households = ledger_rows()
    villages = ["V1", "V2", "V3"]

    def frame(rows: list[dict[str, Any]], village: str) -> Any:
        return pa.Table.from_pylist([r for r in rows if r["village"] == village]).to_pandas()

    p = dd.from_map(lambda v: frame(persons, v), villages)
    h = dd.from_map(lambda v: frame(households, v), villages)
    assert p.npartitions == h.npartitions == 3
    res = run_dask(
        "housing.subsidy", PACK, on=ON, today=TODAY, client=client, persons=p, households=h
    )
    ref = whole(persons, households)
    assert res.partitions == ("0", "1", "2")
    assert res.summary == ref.summary
    assert by_id(res.to_arrow()) == by_id(ref.arrow)
    # Rows count through the whole Dask DataFrame, partitions in order.
    flat = p.compute().reset_index(drop=True)
    for e in res.errors_arrow().to_pylist():
        if e["table"] == "persons":
            assert flat.iloc[e["row"] - 1]["人员编号"] == e["id"]
            assert e["file"] is None
            assert e["partition_row"] <= e["row"]


def test_a_household_split_over_two_partitions_is_refused(client: Client, tmp_path: Path) -> None:
    persons, households = ledger_rows()
    persons[0]["village"] = "V2"  # a member of V1-H1 filed under V2
    write(tmp_path, persons, households)
    with pytest.raises(InputError, match=r"two partitions: \['V1-H1'\]"):
        dask_run(client, tmp_path)
    res = dask_run(client, tmp_path, strict=False)
    assert res.problems
    assert res.summary.balanced
    codes = res.errors_arrow().filter(pc.equal(pc.field("id"), "V1-H1-a")).column("code")
    assert codes.to_pylist() == ["ledger.error.unknown_parent"]


def test_an_id_in_two_partitions_is_refused(client: Client, tmp_path: Path) -> None:
    persons, households = ledger_rows()
    households.append({"户编号": "V1-H1", "申请日期": "2011-03-01", "village": "V3"})
    write(tmp_path, persons, households)
    with pytest.raises(InputError, match=r"ids of households in two partitions: \['V1-H1'\]"):
        dask_run(client, tmp_path)


def test_a_partition_missing_from_one_table(client: Client, tmp_path: Path) -> None:
    persons, households = ledger_rows()
    persons = [r for r in persons if r["village"] != "V3"]
    write(tmp_path, persons, households)
    assert set(parquet_partitions(tmp_path / "persons")) == {"village=V1", "village=V2"}
    res = dask_run(client, tmp_path)
    ref = whole(persons, households)
    assert res.summary == ref.summary
    assert res.summaries["village=V3"].output_rows == 0


def test_no_client_and_single_files(tmp_path: Path) -> None:
    persons, households = ledger_rows()
    for name, rows in (("persons", persons), ("households", households)):
        pq.write_table(pa.Table.from_pylist(rows).drop(["village"]), tmp_path / f"{name}.parquet")
    with dask.config.set(scheduler="sync"):
        res = run_dask(
            "housing.subsidy",
            PACK,
            on=ON,
            today=TODAY,
            persons=tmp_path / "persons.parquet",
            households=tmp_path / "households.parquet",
        )
    assert res.partitions == ("all",)
    assert res.summary == whole(persons, households).summary
    assert {e["file"] for e in res.errors_arrow().to_pylist()} == {
        "persons.parquet",
        "households.parquet",
    }


def test_what_crosses_to_a_worker_pickles(tmp_path: Path) -> None:
    persons, households = ledger_rows()
    write(tmp_path, persons, households)
    from povertypolicy.ledger.partitioned import _Files, _run_part

    policy = pp.Policy.load(PACK, on=ON)
    parts = parquet_partitions(tmp_path / "persons")
    sources = {
        "persons": _Files(root=str(tmp_path / "persons"), files=tuple(parts["village=V1"])),
        "households": _Files(
            root=str(tmp_path / "households"),
            files=tuple(parquet_partitions(tmp_path / "households")["village=V1"]),
        ),
    }
    options = {"as_of": None, "columns": None, "locale": "en", "today": TODAY}
    args = pickle.loads(pickle.dumps(("V1", "housing.subsidy", policy, sources, options)))
    part = pickle.loads(pickle.dumps(_run_part(*args)))
    assert part.summary.output_rows == 3
    assert part.errors.num_rows == 3
