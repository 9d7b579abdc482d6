"""A ledger run from files never imports pandas (pyarrow would, on its first conversion of a
Python or numpy value: 0.4–0.6 s of a township's run). Housing rules, through the command line
with every input format and output kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.ledger.no_pandas import assert_no_pandas
from tests.ledger.test_cli import PEOPLE, PERSON_HEADERS, write_sheet

PACK = ["--pack", "county-deep-mountain-relocation-2011", "--on", "2011-06-01"]


def _people(tmp_path: Path) -> dict[str, Path]:
    wb = openpyxl.Workbook()
    write_sheet(wb.active, PERSON_HEADERS, PEOPLE)
    wb.save(tmp_path / "persons.xlsx")
    households = "户编号,申请日期\nH1,2011-03-01\nH2,2011-03-20\nH3,2011-03-01\nH3,2011-03-01\n"
    (tmp_path / "households.csv").write_text(households, encoding="utf-8")
    persons = pa.table(
        {
            h: pa.array([str(v) if isinstance(v, dt.date) else v for v in col])
            for h, col in zip(PERSON_HEADERS, zip(*PEOPLE, strict=True), strict=True)
        }
    )
    pq.write_table(persons, tmp_path / "persons.parquet")
    pq.write_table(
        pa.table({"户编号": ["H1", "H2", "H9"], "申请日期": ["2011-03-01", "2011-13-01", None]}),
        tmp_path / "households.parquet",
    )
    return {
        "xlsx": tmp_path / "persons.xlsx",
        "csv": tmp_path / "households.csv",
        "pq_persons": tmp_path / "persons.parquet",
        "pq_households": tmp_path / "households.parquet",
    }


def test_housing_runs_without_pandas(tmp_path: Path) -> None:
    f = _people(tmp_path)
    mixed = ["--persons", f["xlsx"], "--households", f["csv"], *PACK]
    parquet = ["--persons", f["pq_persons"], "--households", f["pq_households"], *PACK]
    commands = [
        ["run", "housing.subsidy", *mixed, "--out", tmp_path / "subsidy.xlsx"],
        ["run", "housing.subsidy", *parquet, "--out", tmp_path / "subsidy.parquet"],
        ["run", "housing.subsidy", *mixed, "--out", tmp_path / "subsidy.csv", "--locale", "en"],
        ["run", "housing.eligibility", *parquet, "--out", tmp_path / "eligibility.xlsx"],
        ["explain", "housing.subsidy", "H1", *mixed],
        ["explain", "housing.subsidy", "H3", *mixed, "--locale", "zh_Hant"],
    ]
    assert_no_pandas(tmp_path, commands, codes=[0, 0, 0, 0, 0, 1])  # H3: a duplicate id


def test_the_check_fails_when_pandas_is_imported(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="pandas was imported here"):
        assert_no_pandas(tmp_path, [["packs"]], setup="import pyarrow as pa; pa.array([1])")


_API = """
import datetime as dt
import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy import Change

base = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
files = {"persons": "@pq_persons@", "households": "@pq_households@"}
res = ledger.run("housing.subsidy", base, **files)
res.table  # the kind it was given: Arrow
res.errors_arrow("en")
res.explain("H1", locale="en")
res.explanations(locale="zh_Hant")
res.to_parquet("@out@/api.parquet")
res.to_xlsx("@out@/api.xlsx")
str(res.summary)
ledger.run_chunked(
    "housing.subsidy",
    base,
    out="@out@/chunked.parquet",
    chunk_households=1,
    unordered="whole",
    **files,
)
ledger.run_chunked(
    "housing.subsidy",
    base,
    out="@out@/chunked-csv.parquet",
    chunk_households=1,
    persons="@csv_persons@",
    households="@csv_households@",
)
variant = base.derive(
    {
        "housing.subsidy_per_person": Change("4000", scenario="test"),
        "housing.subsidy_county_per_person": Change("600", scenario="test"),
    }
)
diff = ledger.compare("housing.subsidy", base, variant, **files)
diff.text("en")
diff.table
"""


def test_the_python_api_runs_without_pandas(tmp_path: Path) -> None:
    f = _people(tmp_path)
    (tmp_path / "persons.csv").write_text(
        "人员编号,户编号,出生日期,户籍性质,当地常住户口,仍在当地居住生产\n"
        "P1,H1,1970-01-01,农业,是,是\nP2,H1,2011-01-01,农业,是,是\nP3,H2,1980-05-01,农业,也许,是\n",
        encoding="utf-8",
    )
    (tmp_path / "households.csv").write_text(
        "户编号,申请日期\nH1,2011-03-01\nH2,2011-03-20\n", encoding="utf-8"
    )
    setup = _API
    for name, path in {
        "pq_persons": f["pq_persons"],
        "pq_households": f["pq_households"],
        "csv_persons": tmp_path / "persons.csv",
        "csv_households": tmp_path / "households.csv",
        "out": tmp_path,
    }.items():
        setup = setup.replace(f"@{name}@", str(path))
    assert_no_pandas(tmp_path, [["packs"]], setup=setup)
    assert (tmp_path / "chunked.parquet").exists()
    assert (tmp_path / "api.xlsx").exists()
