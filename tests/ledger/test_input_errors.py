"""Every bad argument of a ledger run, a ledger result or the ledger command has its own code and
reads in zh_Hans, zh_Hant and en (no English ``expected`` inside the Chinese texts)."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import dask
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from povertypolicy import InputError, ledger
from povertypolicy.ledger.chunks import _link_field, run_chunked
from povertypolicy.ledger.data_quality_report import report
from povertypolicy.ledger.frames import read_path, to_arrow
from povertypolicy.ledger.monitoring_summary import summarise
from povertypolicy.ledger.partitioned import parquet_partitions, run_dask
from povertypolicy.ledger.schema import Column, ColumnKind, MissingColumnError, TableSchema
from tests.error_texts import check_input_error
from tests.ledger import test_chunks as chunks
from tests.ledger import test_dask as partitioned
from tests.ledger.test_engine import households, persons, run
from tests.ledger.test_monitoring_ledger import PACK as MONITORING
from tests.ledger.test_monitoring_ledger import _one

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
HOUSING = ["households", "persons"]


def raised(call: Any, *args: Any, **kw: Any) -> InputError:
    with pytest.raises(InputError) as info:
        call(*args, **kw)
    return info.value


def tables() -> dict[str, pa.Table]:
    return {"persons": pa.table(persons()), "households": pa.table(households())}


# -- ledger.run and its tables ------------------------------------------------------------------


def test_an_unknown_rule() -> None:
    err = raised(ledger.run, "housing.nothing", PACK, on=ON)
    check_input_error(err, "ledger.error.unknown_rule", {"rules": list(ledger.ledger_rules())})
    assert "housing.subsidy" in err.text("zh_Hans")


def test_a_table_the_rule_does_not_read() -> None:
    err = raised(ledger.run, "housing.subsidy", PACK, on=ON, **tables(), progress=pa.table({}))
    check_input_error(err, "ledger.error.unknown_table", {"tables": HOUSING})
    assert (err.field, err.value) == ("progress", ["progress"])
    assert err.text("zh_Hans").endswith("本规则只读取以下表：households和persons")


def test_a_table_missing() -> None:
    err = raised(ledger.run, "housing.subsidy", PACK, on=ON, persons=pa.table(persons()))
    check_input_error(err, "ledger.error.missing_table", {"tables": HOUSING})
    assert err.field == "households"


def test_a_pack_id_needs_the_date() -> None:
    err = raised(ledger.run, "housing.subsidy", PACK, **tables())
    check_input_error(err, "ledger.error.policy_date", {"policy": PACK})
    assert PACK in err.text("zh_Hant")


def test_a_table_of_no_kind_read() -> None:
    err = raised(ledger.run, "housing.subsidy", PACK, on=ON, persons=None, households=[1, 2])
    check_input_error(
        err,
        "ledger.error.table_type",
        {"libraries": ["pandas", "polars", "pyarrow"], "suffixes": [".csv", ".xlsx", ".parquet"]},
    )
    assert (err.field, err.value) == ("households", "list")
    assert ".csv、.xlsx和.parquet" in err.text("zh_Hans")


def test_a_missing_file_and_a_file_of_another_kind(tmp_path: Path) -> None:
    err = raised(read_path, tmp_path / "nope.csv")
    check_input_error(err, "ledger.error.no_file", {})
    assert err.value == str(tmp_path / "nope.csv")
    (tmp_path / "notes.docx").write_text("x", encoding="utf-8")
    err = raised(to_arrow, str(tmp_path / "notes.docx"), name="persons")
    check_input_error(err, "ledger.error.file_type", {"suffixes": [".csv", ".xlsx", ".parquet"]})


def test_a_sheet_the_workbook_lacks(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "人员"
    book.create_sheet("户表")
    book.save(tmp_path / "ledger.xlsx")
    err = raised(read_path, tmp_path / "ledger.xlsx", sheet="進度")
    check_input_error(err, "core.error.enum", {"choices": "人员, 户表"})
    assert err.text("zh_Hans") == "ledger.sheet：收到 '進度'，应为以下之一：人员, 户表"


def test_missing_columns_are_named() -> None:
    p = persons()
    del p["birth_date"], p["hukou"]
    err = raised(run, p, households())
    assert isinstance(err, MissingColumnError)
    check_input_error(
        err,
        "ledger.error.missing_columns",
        {"columns": ["birth_date (出生日期)", "hukou (户籍性质)"], "option": "columns="},
    )
    assert err.text("zh_Hans").startswith("ledger housing.subsidy.persons：收到的列为 [")
    assert "缺少以下列：birth_date (出生日期)和hukou (户籍性质)" in err.text("zh_Hans")
    # sent between processes (Dask), it stays a MissingColumnError with its columns
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is MissingColumnError
    assert (back.rule, back.table, back.columns) == (err.rule, err.table, err.columns)
    assert back.text("zh_Hant") == err.text("zh_Hant")


def test_release_needs_the_payment_date() -> None:
    progress = pa.table(
        {
            "household_id": ["H1"],
            "foundation_accepted_on": [dt.date(2011, 5, 1)],
            "first_storey_on": pa.array([None], pa.date32()),
            "second_storey_on": pa.array([None], pa.date32()),
            "old_house_demolished_on": pa.array([None], pa.date32()),
            "demolished_by_township": [False],
            "demolition_cost": pa.array([None], pa.string()),
            "paid_foundation": [False],
            "paid_first_storey": [False],
            "paid_second_storey": [False],
            "paid_old_house_demolished": [False],
        }
    )
    err = raised(ledger.run, "housing.release", PACK, on=ON, **tables(), progress=progress)
    check_input_error(err, "ledger.error.no_payment_date", {"option": "as_of="})
    assert (err.obj, err.field) == ("ledger housing.release", "as_of")


# -- a ledger result ------------------------------------------------------------------------------


def test_an_id_no_result_row_has() -> None:
    r = run(persons(), households())  # ids in order: a binary search
    err = raised(r.explain, "H404")
    check_input_error(err, "ledger.error.no_row", {"key": "household_id"})
    assert err.value == "H404"


@pytest.mark.parametrize("lookups", [1, 5])  # a scan, then the hash index
def test_an_id_no_row_of_an_unsorted_result_has(lookups: int) -> None:
    h = households(household_id=["H2", "H1"])
    r = run(persons(household_id=["H2", "H2", "H1", "H1"]), h)
    assert r.arrow.column("household_id").to_pylist() == ["H2", "H1"]
    for _ in range(lookups - 1):
        r.result("H1")
    err = raised(r.result, "H3")
    check_input_error(err, "ledger.error.no_row", {"key": "household_id"})
    assert r._index is None if lookups == 1 else r._index is not None


def test_an_id_or_a_row_and_a_row_in_range() -> None:
    r = run(persons(), households())
    check_input_error(raised(r.result), "ledger.error.id_or_row", {})
    check_input_error(raised(r.result, "H1", row=0), "ledger.error.id_or_row", {})
    err = raised(r.explain, row=5)
    check_input_error(err, "ledger.error.row_range", {"last": 1})
    assert err.text("en") == "LedgerResult.explain.row: got 5; expected a row number from 0 to 1"


def test_the_summary_needs_a_screening_and_a_spot_check_result() -> None:
    monitored, people = _one()
    screening = ledger.run(
        "monitoring.screening", MONITORING, on=dt.date(2021, 6, 1), monitored=monitored,
        persons=people,
    )  # fmt: skip
    err = raised(summarise, run(persons(), households()))
    check_input_error(err, "ledger.error.wrong_result", {"rule": "monitoring.screening"})
    assert err.value == "housing.subsidy"
    err = raised(summarise, screening, spot_checks=screening)
    check_input_error(err, "ledger.error.wrong_result", {"rule": "monitoring.spot_check"})
    assert err.field == "spot_checks"


def test_the_quality_report_needs_a_date_and_a_table() -> None:
    err = raised(report, persons=pa.table({"x": ["1"]}))
    check_input_error(err, "ledger.error.policy_date", {"policy": "town-poverty-data-cleansing"})
    assert err.obj == "report"
    err = raised(report, on=dt.date(2020, 6, 30))
    check_input_error(
        err,
        "ledger.error.no_tables",
        {"tables": ["households", "persons", "pairings", "beneficiaries"]},
    )


# -- chunked runs ---------------------------------------------------------------------------------


def test_chunked_arguments(tmp_path: Path) -> None:
    paths = chunks.write(tmp_path, *chunks.ledger_rows(), "parquet")
    out = tmp_path / "out.parquet"
    err = raised(chunks.chunked, paths, out, chunk_households=0)
    check_input_error(err, "core.error.positive_count", {})
    err = raised(chunks.chunked, paths, out, unordered="sort")
    check_input_error(err, "core.error.enum", {"choices": "raise, whole"})
    err = raised(run_chunked, "housing.subsidy", PACK, on=ON, out=out, persons=paths["persons"])
    check_input_error(err, "ledger.error.tables", {"tables": HOUSING})
    assert err.value == ["persons"]
    for name, code, extra in (
        ("households.xlsx", "ledger.error.file_type", {"suffixes": [".parquet", ".csv"]}),
        ("nope.csv", "ledger.error.no_file", {}),
    ):
        if name.endswith(".xlsx"):
            (tmp_path / name).write_bytes(b"")
        err = raised(
            run_chunked,
            "housing.subsidy",
            PACK,
            on=ON,
            out=out,
            persons=paths["persons"],
            households=tmp_path / name,
        )
        check_input_error(err, code, extra)
        assert err.field == "households"


def test_a_table_chunks_cannot_link() -> None:
    col = Column(name="id", zh="编号", kind=ColumnKind.ID, doc="")
    parent = TableSchema(name="households", zh="户", columns=(col,), key="id")
    child = TableSchema(name="notes", zh="备注", columns=(col,), key="note_id")
    err = raised(_link_field, child, parent)
    check_input_error(err, "ledger.error.not_linked", {"parent": "households"})
    assert err.field == "notes"


def test_rows_out_of_household_order(tmp_path: Path) -> None:
    persons_, households_ = chunks.ledger_rows()
    persons_.append(chunks.person("P01c", "H01"))
    paths = chunks.write(tmp_path, persons_, households_, "parquet")
    err = raised(chunks.chunked, paths, tmp_path / "out.parquet", chunk_households=4)
    extra = {
        "row": len(persons_),
        "parent": "households",
        "parent_row": 1,
        "option": "unordered='whole'",
    }
    check_input_error(err, "ledger.error.chunk_order", extra)
    assert (err.field, err.value) == ("persons", "H01")
    assert f"第{len(persons_)}行属于 'H01'，对应 households 文件第1行" in err.text("zh_Hans")


def test_an_id_in_two_chunks(tmp_path: Path) -> None:
    persons_, households_ = chunks.ledger_rows()
    households_.append({"户编号": "H01", "申请日期": "2011-03-01"})
    paths = chunks.write(tmp_path, persons_, households_, "parquet")
    err = raised(chunks.chunked, paths, tmp_path / "out.parquet", chunk_households=4)
    check_input_error(err, "ledger.error.chunk_twice", {"option": "unordered='whole'"})
    assert (err.field, err.value) == ("households", "H01")


# -- Dask runs ------------------------------------------------------------------------------------


def dask_run(**kw: Any) -> Any:
    with dask.config.set(scheduler="sync"):
        return run_dask("housing.subsidy", PACK, on=ON, **kw)


def test_dask_tables_and_paths(tmp_path: Path) -> None:
    err = raised(parquet_partitions, tmp_path / "nowhere")
    check_input_error(err, "ledger.error.no_path", {})
    err = raised(dask_run, persons=tmp_path)
    check_input_error(err, "ledger.error.tables", {"tables": HOUSING})
    (tmp_path / "persons").mkdir()
    (tmp_path / "households").mkdir()
    (tmp_path / "households" / "_SUCCESS").write_text("", encoding="utf-8")
    err = raised(dask_run, persons=tmp_path / "persons", households=tmp_path / "households")
    check_input_error(err, "ledger.error.no_partitions", {})
    pq.write_table(pa.table(persons()), tmp_path / "persons" / "part-0.parquet")
    err = raised(dask_run, persons=tmp_path / "persons", households=tmp_path / "households")
    check_input_error(err, "ledger.error.no_files", {"format": "Parquet"})
    assert (err.field, err.value) == ("households", str(tmp_path / "households"))


def test_dask_frames_and_paths_together(tmp_path: Path) -> None:
    import dask.dataframe as dd

    p = dd.from_pandas(pa.table(persons()).to_pandas(), npartitions=2)
    h = dd.from_pandas(pa.table(households()).to_pandas(), npartitions=1)
    err = raised(dask_run, persons=p, households=tmp_path)
    check_input_error(err, "ledger.error.mixed_inputs", {"kind": "Dask DataFrame"})
    assert err.field == "persons"
    err = raised(dask_run, persons=p, households=h)
    check_input_error(err, "ledger.error.partition_counts", {})
    assert err.value == {"persons": 2, "households": 1}


def test_a_household_split_over_dask_partitions(tmp_path: Path) -> None:
    persons_, households_ = partitioned.ledger_rows()
    persons_[0]["village"] = "V2"
    partitioned.write(tmp_path, persons_, households_)
    err = raised(dask_run, persons=tmp_path / "persons", households=tmp_path / "households")
    check_input_error(
        err, "ledger.error.partitions_split", {"ids": ["V1-H1"], "option": "strict=False"}
    )
    assert err.text("zh_Hans").startswith(
        "ledger.run_dask.partitions：以下户或编号分布在两个分区中：V1-H1；"
    )


def test_an_id_in_two_dask_partitions(tmp_path: Path) -> None:
    persons_, households_ = partitioned.ledger_rows()
    households_.append({"户编号": "V1-H1", "申请日期": "2011-03-01", "village": "V3"})
    partitioned.write(tmp_path, persons_, households_)
    err = raised(dask_run, persons=tmp_path / "persons", households=tmp_path / "households")
    check_input_error(
        err, "ledger.error.partitions_split", {"ids": ["V1-H1"], "option": "strict=False"}
    )
    assert "ids of households in two partitions: ['V1-H1']" in str(err)


def test_an_id_dask_results_lack(tmp_path: Path) -> None:
    persons_, households_ = partitioned.ledger_rows()
    partitioned.write(tmp_path, persons_, households_)
    res = dask_run(persons=tmp_path / "persons", households=tmp_path / "households")
    with dask.config.set(scheduler="sync"):
        err = raised(res.explain, "H404")
    check_input_error(err, "ledger.error.no_row", {"key": "household_id"})
    assert err.obj == "DaskLedgerResult"


# -- the command line -----------------------------------------------------------------------------


def test_a_file_the_command_cannot_read(tmp_path: Path) -> None:
    from povertypolicy._cli_group import _first_line
    from povertypolicy._cli_ledger import _read, _unreadable

    bad = tmp_path / "persons.xlsx"
    bad.write_bytes(b"not a workbook")
    err = raised(_read, "persons", bad, None)
    assert err.__cause__ is not None
    check_input_error(err, "ledger.error.unreadable_file", {"reason": _first_line(err.__cause__)})
    assert err.text("zh_Hans").startswith(f"ledger.persons：无法将 '{bad}' 作为表格文件读取（")
    err = _unreadable("persons", bad, "人员", ValueError("sheet is damaged\nat row 3"))
    check_input_error(
        err, "ledger.error.unreadable_sheet", {"sheet": "人员", "reason": "sheet is damaged"}
    )
    assert err.text("en") == (
        f"ledger.persons: cannot read the sheet 人员 of '{bad}' (sheet is damaged)"
    )
