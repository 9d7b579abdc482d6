"""Chunked ledger runs over files: the same rows, errors (with file row numbers) and totals as
one whole run, whatever the chunk and read sizes; files not in household order are refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from povertypolicy import InputError, ledger
from povertypolicy.ledger.chunks import ChunkedResult, run_chunked

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
TODAY = dt.date(2024, 1, 1)


def person(pid: str, hid: str, born: str = "1970-01-01", hukou: str = "农业") -> dict[str, Any]:
    return {
        "人员编号": pid,
        "户编号": hid,
        "出生日期": born,
        "户籍性质": hukou,
        "当地常住户口": "是",
        "仍在当地居住生产": "是",
    }


def ledger_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Twelve households, two persons each, and a row of every awkward kind."""
    households = [
        {"户编号": f"H{i:02d}", "申请日期": "" if i == 10 else "2011-03-01"} for i in range(1, 13)
    ]
    persons: list[dict[str, Any]] = []
    for i in range(1, 13):
        hid = f"H{i:02d}"
        if i == 5:
            continue  # H05 has no members (an error row, and no fast cut for its chunk)
        persons.append(person(f"P{i:02d}a", hid))
        persons.append(person(f"P{i:02d}b", hid, born="2011-05-01" if i % 3 == 0 else "1980-02-02"))
        if i == 3:
            persons[-1]["出生日期"] = "not a date"  # unreadable: H03 is held back
        if i == 4:
            persons[-1]["户籍性质"] = ""  # not recorded: H04 is undetermined
        if i == 6:
            persons.append(person("P99", "H99"))  # no such household
        if i == 7:
            persons[-1]["户编号"] = "H07 "  # space around the id: still H07
        if i == 8:
            persons.append(person("P00", ""))  # no household id
        if i == 9:
            persons[-1]["出生日期"] = ""  # empty birth date
    return persons, households


def write(
    tmp: Path,
    persons: list[dict[str, Any]],
    households: list[dict[str, Any]],
    fmt: str,
    row_group: int = 3,
) -> dict[str, Path]:
    paths = {}
    for name, rows in (("persons", persons), ("households", households)):
        table = pa.Table.from_pylist(rows)
        path = tmp / f"{name}.{fmt}"
        if fmt == "parquet":
            pq.write_table(table, path, row_group_size=row_group)
        else:
            pacsv.write_csv(table, path)
        paths[name] = path
    return paths


def whole(paths: dict[str, Path], rule: str = "housing.subsidy") -> ledger.LedgerResult:
    return ledger.run(rule, PACK, on=ON, today=TODAY, **{k: str(v) for k, v in paths.items()})


def chunked(paths: dict[str, Path], out: Path, **kw: Any) -> ChunkedResult:
    return run_chunked("housing.subsidy", PACK, on=ON, today=TODAY, out=out, **kw, **paths)


def same(res: ChunkedResult, ref: ledger.LedgerResult) -> None:
    assert pq.read_table(res.table).to_pylist() == ref.arrow.to_pylist()
    assert pq.read_table(res.errors).to_pylist() == ref.errors_arrow().to_pylist()
    assert res.summary == ref.summary
    assert res.summary.balanced


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize(("chunk", "read"), [(1, 1), (2, 4), (3, 3), (4, 5), (5, 2), (100, 7)])
def test_chunked_equals_whole(tmp_path: Path, fmt: str, chunk: int, read: int) -> None:
    paths = write(tmp_path, *ledger_rows(), fmt)
    ref = whole(paths)
    res = chunked(paths, tmp_path / "out.parquet", chunk_households=chunk, read_rows=read)
    assert res.chunks == -(-12 // chunk)
    assert not res.whole
    same(res, ref)
    assert res.errors == tmp_path / "out.errors.parquet"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"persons.{fmt}", f"households.{fmt}", "out.parquet", "out.errors.parquet"]
    )


def test_error_rows_are_rows_of_the_whole_file(tmp_path: Path) -> None:
    persons, households = ledger_rows()
    paths = write(tmp_path, persons, households, "parquet")
    res = chunked(paths, tmp_path / "out.parquet", chunk_households=2, read_rows=3)
    errors = pq.read_table(res.errors).to_pylist()
    bad_date = next(e for e in errors if e["code"] == "ledger.error.date")
    assert persons[bad_date["row"] - 1]["出生日期"] == "not a date"
    orphan = next(e for e in errors if e["code"] == "ledger.error.unknown_parent")
    assert persons[orphan["row"] - 1]["人员编号"] == "P99"
    empty = [e for e in errors if e["table"] == "households" and e["id"] == "H05"]
    assert [e["row"] for e in empty] == [5]
    assert all(e["row"] > 2 for e in errors if e["table"] == "persons")


@pytest.mark.parametrize(("chunk", "read"), [(2, 4), (2, 3)])
def test_read_boundary_at_and_inside_a_household(tmp_path: Path, chunk: int, read: int) -> None:
    # Two persons per household: reads of 4 rows end at a household, reads of 3 inside one.
    persons = [person(f"P{i}{s}", f"H{i}") for i in range(1, 9) for s in "ab"]
    households = [{"户编号": f"H{i}", "申请日期": "2011-03-01"} for i in range(1, 9)]
    paths = write(tmp_path, persons, households, "parquet", row_group=read)
    res = chunked(paths, tmp_path / "out.parquet", chunk_households=chunk, read_rows=read)
    same(res, whole(paths))
    assert res.summary.output_rows == 8
    assert res.chunks == 4


def test_persons_out_of_household_order_are_refused(tmp_path: Path) -> None:
    persons, households = ledger_rows()
    persons.append(person("P01c", "H01"))  # H01 is in the first chunk, long gone
    paths = write(tmp_path, persons, households, "parquet")
    out = tmp_path / "out.parquet"
    with pytest.raises(InputError, match=r"household 'H01' at row 1.*unordered='whole'"):
        chunked(paths, out, chunk_households=4)
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))
    # One chunk holds every household: nothing to refuse.
    same(chunked(paths, out, chunk_households=12), whole(paths))


def test_unordered_whole_falls_back_to_one_run(tmp_path: Path) -> None:
    persons, households = ledger_rows()
    persons.reverse()
    paths = write(tmp_path, persons, households, "csv")
    res = chunked(paths, tmp_path / "out.parquet", chunk_households=3, unordered="whole")
    assert res.whole
    assert res.chunks == 1
    same(res, whole(paths))


@pytest.mark.parametrize("table", ["households", "persons"])
def test_an_id_in_two_chunks_is_refused(tmp_path: Path, table: str) -> None:
    persons, households = ledger_rows()
    if table == "households":
        households.append({"户编号": "H01", "申请日期": "2011-03-01"})
    else:
        persons[-1]["人员编号"] = "P01a"
    paths = write(tmp_path, persons, households, "parquet")
    with pytest.raises(InputError, match=r"occurs in two chunks"):
        chunked(paths, tmp_path / "out.parquet", chunk_households=4)
    res = chunked(paths, tmp_path / "out.parquet", chunk_households=4, unordered="whole")
    assert res.whole
    same(res, whole(paths))


def test_release_with_a_progress_table(tmp_path: Path) -> None:
    persons, households = ledger_rows()
    paths = write(tmp_path, persons, households, "parquet")
    progress = [
        {
            "户编号": h["户编号"],
            "地基验收日期": "2011-05-01",
            "一层建好日期": "",
            "二层建好日期": "",
            "旧房拆除日期": "",
            "乡镇强制拆除": "否",
            "拆除费用": "",
            "已拨付地基款": "是" if i % 4 == 0 else "否",
            "已拨付一层款": "否",
            "已拨付二层款": "否",
            "已拨付拆旧款": "否",
        }
        for i, h in enumerate(households)
    ]
    paths["progress"] = tmp_path / "progress.parquet"
    pq.write_table(pa.Table.from_pylist(progress), paths["progress"])
    as_of = dt.date(2011, 6, 1)
    ref = ledger.run(
        "housing.release",
        PACK,
        on=ON,
        today=TODAY,
        as_of=as_of,
        **{k: str(v) for k, v in paths.items()},
    )
    res = run_chunked(
        "housing.release",
        PACK,
        on=ON,
        today=TODAY,
        as_of=as_of,
        out=tmp_path / "r.parquet",
        chunk_households=5,
        **paths,
    )
    same(res, ref)
    assert res.summary.totals["payable_now_fen"] > 0


def test_bad_arguments(tmp_path: Path) -> None:
    paths = write(tmp_path, *ledger_rows(), "parquet")
    out = tmp_path / "out.parquet"
    with pytest.raises(InputError, match="chunk_households"):
        chunked(paths, out, chunk_households=0)
    with pytest.raises(InputError, match="tables"):
        run_chunked("housing.subsidy", PACK, on=ON, out=out, persons=paths["persons"])
    xlsx = tmp_path / "households.xlsx"
    xlsx.write_bytes(b"")
    with pytest.raises(InputError, match=r"\.parquet or \.csv"):
        run_chunked(
            "housing.subsidy", PACK, on=ON, out=out, persons=paths["persons"], households=xlsx
        )
    pq.write_table(pa.table({"户编号": ["H1"]}), tmp_path / "h.parquet")
    with pytest.raises(ledger.MissingColumnError):
        run_chunked(
            "housing.subsidy",
            PACK,
            on=ON,
            out=out,
            persons=paths["persons"],
            households=tmp_path / "h.parquet",
        )
