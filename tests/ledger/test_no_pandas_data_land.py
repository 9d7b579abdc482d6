"""A ledger run from files never imports pandas (pyarrow would, on its first conversion of a
Python or numpy value). Data quality and land rules, through the command line with every input
format and output kind, a few bad rows, and explanations."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

from tests.ledger.no_pandas import assert_no_pandas
from tests.ledger.test_land_ledger import bad_ledger, dongshan, tables, write_province, xiqiao

DQ_PACK = ["--pack", "town-poverty-data-cleansing", "--on", "2019-03-01"]
PLACES_PACK = ["--pack", "zj-taizhou-expropriated-farmers-2019", "--on", "2020-07-01"]


def _xlsx(table: pa.Table, path: Path) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(table.column_names)
    for row in table.to_pylist():
        sheet.append(list(row.values()))
    wb.save(path)
    return path


def _csv(table: pa.Table, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(table.column_names)
        for row in table.to_pylist():
            out.writerow(["" if v is None else v for v in row.values()])
    return path


def _parquet(table: pa.Table, path: Path) -> Path:
    pq.write_table(table, path)
    return path


def _data_quality_files(tmp_path: Path) -> dict[str, Path]:
    households = pa.table(
        {
            "户编号": ["H1", "H2", "H3", "H3"],
            "村": ["东村", "西村", None, "西村"],
            "识别时间": ["2015-01-01", "2016-02-30", "2015-06-01", "2015-06-01"],
            "贫困户状态": ["已脱贫", "未脱贫", "不详", None],
            "卡类": ["蓝卡", "黄卡", None, "蓝卡"],
            "人均纯收入": ["2000", "1500", "abc", "8000"],
            "收入年度": [2018, 2018, None, 2014],
            "家庭人口数": [1, 0, 2, 3],
            "有务工": ["是", "否", "?", None],
        }
    )
    persons = pa.table(
        {
            "人员编号": ["P1", "P2", "P3", "P4", "P5"],
            "户编号": ["H1", "H1", "H7", "H2", "H2"],
            "身份证号码": [
                "11010519491231002X",
                "12345",
                "440524188001010014",
                "11010519491231002x",
                "110105491231002",
            ],
            "性别": ["女", None, "男", "男", None],
            "出生日期": ["1949-12-31", "1990-02-30", "1880-01-01", None, None],
            "劳动能力": ["有劳动能力", None, "?", "完全丧失劳动能力", None],
        }
    )
    day = dt.date(2015, 6, 1)
    pairings = pa.table(
        {
            "结对编号": ["A1", "A2", "A3", "A4", "A5"],
            "户编号": ["H1", "H2", "H2", "H3", "H9"],
            "帮扶责任人编号": ["G1", "G1", "G1", "G2", "G1"],
            "帮扶责任人": ["甲", "甲", "甲", "乙", None],
            "帮扶责任人身份证号码": ["11010519491231002X", None, None, None, None],
            "结对开始时间": pa.array([day, day, day + dt.timedelta(400), day, day], pa.date32()),
            "结对结束时间": pa.array(
                [None, day - dt.timedelta(1), None, day + dt.timedelta(90), None], pa.date32()
            ),
        }
    )
    beneficiaries = pa.table(
        {
            "项目编号": ["X1", "X2", "X3"],
            "户编号": ["H1", "H2", "H8"],
            "项目名称": ["路", None, "岗"],
            "项目类别": ["基础设施", "公益岗位", "不详"],
        }
    )
    return {
        "households_csv": _csv(households, tmp_path / "households.csv"),
        "households_pq": _parquet(households, tmp_path / "households.parquet"),
        "persons_xlsx": _xlsx(persons, tmp_path / "persons.xlsx"),
        "persons_pq": _parquet(persons, tmp_path / "persons.parquet"),
        "pairings": _parquet(pairings, tmp_path / "pairings.parquet"),
        "pairings_csv": _csv(pairings, tmp_path / "pairings.csv"),
        "beneficiaries": _csv(beneficiaries, tmp_path / "beneficiaries.csv"),
    }


def test_data_quality_runs_without_pandas(tmp_path: Path) -> None:
    f = _data_quality_files(tmp_path)
    report = [
        "--households", f["households_csv"], "--persons", f["persons_xlsx"],
        "--pairings", f["pairings"], "--beneficiaries", f["beneficiaries"], *DQ_PACK,
    ]  # fmt: skip
    parquet = [
        "--households", f["households_pq"], "--persons", f["persons_pq"],
        "--pairings", f["pairings_csv"], "--beneficiaries", f["beneficiaries"], *DQ_PACK,
    ]  # fmt: skip
    identity = ["--persons", f["persons_pq"], *DQ_PACK]
    out = tmp_path
    commands = [
        ["run", "data_quality.report", *report, "--out", out / "report.xlsx"],
        ["run", "data_quality.report", *parquet, "--out", out / "report.parquet"],
        ["run", "data_quality.report", *report, "--out", out / "report.csv", "--locale", "en"],
        ["run", "data_quality.report", *parquet, "--out", out / "r.xlsx", "--locale", "zh_Hant"],
        ["run", "data_quality.identity", *identity, "--out", out / "identity.xlsx"],
        ["run", "data_quality.identity", *identity, "--out", out / "identity.csv"],
        ["explain", "data_quality.identity", "P4/id.sex_mismatch", *identity, "--locale", "en"],
        ["explain", "data_quality.report", "P1/id.duplicate", *report],
        ["explain", "data_quality.report", "H2/household.size_zero", *report, "--locale", "en"],
        ["explain", "data_quality.report", "A2/pairing.dates", *parquet, "--locale", "zh_Hant"],
    ]
    assert_no_pandas(tmp_path, commands)


_REPORT = """
import datetime as dt
from pathlib import Path

from povertypolicy.ledger.data_quality import report

rep = report("town-poverty-data-cleansing", on=dt.date(2019, 3, 1), **{files!r})
out = Path({out!r})
rep.to_xlsx(out / "report.xlsx", locale="en")
rep.to_xlsx_by_village(out / "villages", locale="zh_Hant")
rep.text("en")
rep.explain("P1/id.duplicate", locale="zh_Hant")
assert len(rep.by_village_arrow()) == 3  # 东村, 西村 and the households with no village
"""


def test_data_quality_report_api_without_pandas(tmp_path: Path) -> None:
    """`report()` from files, totals by village and a workbook per village (the Python API
    path the command line does not take): no pandas."""
    f = _data_quality_files(tmp_path)
    files = {"households": f["households_csv"], "persons": f["persons_xlsx"],
             "pairings": f["pairings"], "beneficiaries": f["beneficiaries"]}  # fmt: skip
    code = _REPORT.format(files={k: str(v) for k, v in files.items()}, out=str(tmp_path))
    assert_no_pandas(tmp_path, [], setup=code)
    assert sorted(p.name for p in (tmp_path / "villages").iterdir()) == [
        "东村.xlsx",
        "西村.xlsx",
        "（未錄入村）.xlsx",
    ]


def _province(tmp_path: Path) -> Path:
    return write_province(tmp_path / "province.toml", "province-no-pandas")


def _land_files(tmp_path: Path) -> dict[str, list[object]]:
    _, bad = bad_ledger()  # a bad date, a negative area, a duplicate parcel, an unknown case
    good = tables([xiqiao("C1"), xiqiao("C2", quota=10), xiqiao("C3", waived={"C3-H1": 2})])
    split = tables([dongshan("D1"), dongshan("D2", approved_on=dt.date(2019, 6, 1))])
    pay = split["payments"].to_pydict()
    for col, value in (("payment_id", "D1-T9"), ("case_id", "D1"), ("payee", "Stranger"),
                       ("amount", "12"), ("paid_on", dt.date(2019, 5, 1))):  # fmt: skip
        pay[col].append(value)
    pay["amount"][1] = "-3"
    split["payments"] = pa.table(pay, schema=split["payments"].schema)
    d = tmp_path / "land"
    d.mkdir()
    places_tables = ("cases", "parcels", "households", "persons")
    files: dict[str, list[object]] = {}
    files["places_bad"] = [
        a for n in places_tables for a in (f"--{n}", _csv(bad[n], d / f"bad_{n}.csv"))
    ]
    files["places_good"] = [
        a for n in places_tables for a in (f"--{n}", _parquet(good[n], d / f"{n}.parquet"))
    ]
    files["quota"] = [
        "--cases", _xlsx(bad["cases"], d / "cases.xlsx"),
        "--parcels", _parquet(bad["parcels"], d / "bad_parcels.parquet"),
    ]  # fmt: skip
    writers = {"cases": _xlsx, "parcels": _csv, "households": _parquet, "persons": _xlsx,
               "attachments": _csv, "payments": _parquet}  # fmt: skip
    ext = {_xlsx: "xlsx", _csv: "csv", _parquet: "parquet"}
    files["audit"] = [
        a
        for n, write in writers.items()
        for a in (f"--{n}", write(split[n], d / f"split_{n}.{ext[write]}"))
    ]
    files["split"] = list(files["audit"][:-2])  # no payments
    return files


def test_land_runs_without_pandas(tmp_path: Path) -> None:
    f = _land_files(tmp_path)
    province = ["--pack", _province(tmp_path), "--on", "2019-03-01"]
    audit = [*f["audit"], *province, "--as-of", "2022-01-01"]
    split = [*f["split"], *province]
    out = tmp_path
    commands = [
        ["run", "land.quota", *f["quota"], *PLACES_PACK, "--out", out / "quota.xlsx"],
        ["run", "land.quota", *f["quota"], *PLACES_PACK, "--out", out / "quota.csv"],
        ["run", "land.places", *f["places_bad"], *PLACES_PACK, "--out", out / "places.xlsx"],
        ["run", "land.places", *f["places_good"], *PLACES_PACK, "--out", out / "p.parquet"],
        ["run", "land.split", *split, "--out", out / "split.xlsx", "--locale", "zh_Hant"],
        ["run", "land.split", *split, "--out", out / "split.parquet", "--locale", "en"],
        ["run", "land.audit", *audit, "--out", out / "audit.xlsx"],
        ["run", "land.audit", *audit, "--out", out / "audit.csv", "--locale", "en"],
        ["explain", "land.quota", "C1", *f["quota"], *PLACES_PACK, "--locale", "en"],
        ["explain", "land.places", "C3/C3-H1", *f["places_good"], *PLACES_PACK],
        ["explain", "land.split", "D1/V-D1", *split, "--locale", "zh_Hant"],
        ["explain", "land.audit", "D2/D2-H1", *audit, "--locale", "en"],
        ["explain", "land.audit", "D1/D1-H1", *audit],  # D1 held back: its bad payments
    ]
    assert_no_pandas(tmp_path, commands, codes=[0] * 12 + [1])
