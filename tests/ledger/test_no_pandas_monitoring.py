"""A ledger run from files never imports pandas: monitoring (MON-1..MON-6), registration (ID-1,
-2, -5), follow-up support (FOLLOW-1..5) and the checklists (KPI-1..5, FOLLOW-6), through the
command line with CSV, XLSX and Parquet inputs, every output kind and explanations."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

from tests.ledger.no_pandas import assert_no_pandas


def _csv(path: Path, headers: list[str], rows: list[list[Any]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _xlsx(path: Path, headers: list[str], rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _parquet(path: Path, headers: list[str], rows: list[list[Any]]) -> Path:
    columns = zip(*rows, strict=True)
    pq.write_table(pa.table(dict(zip(headers, map(list, columns), strict=True))), path)
    return path


def _outputs(rule: str, inputs: list[Any], pack: list[str], tmp: Path) -> list[list[Any]]:
    """``rule`` written as XLSX, Parquet, CSV in English and XLSX in traditional Chinese."""
    stem = rule.replace(".", "-")
    return [
        ["run", rule, *inputs, *pack, "--out", tmp / f"{stem}.xlsx"],
        ["run", rule, *inputs, *pack, "--out", tmp / f"{stem}.parquet"],
        ["run", rule, *inputs, *pack, "--out", tmp / f"{stem}.csv", "--locale", "en"],
        ["run", rule, *inputs, *pack, "--out", tmp / f"{stem}-hant.xlsx", "--locale", "zh_Hant"],
    ]


def _errors(path: Path) -> set[tuple[str, str]]:
    """The (id, code) pairs of an errors table written next to a result."""
    return {(e["id"], e["code"]) for e in pq.read_table(path).to_pylist()}


# -- monitoring -------------------------------------------------------------------------------

MON_PACK = ["--pack", "town-return-poverty-monitoring-2021", "--on", "2021-06-01"]
MONITORED = [
    "户编号",
    "村",
    "乡镇",
    "评定日期",
    "人均可支配收入",
    "监测类别",
    "已标记消除风险",
    "低保",
    "特困供养",
    "刚性支出较大",
    "基本生活严重困难",
    "基本生活困难",
    "风险类型",
    "未保障事项",
    "上次预警等级",
]
MONITORED_ROWS = [
    ["H1", "V1", "T1", "2021-05-01", "5000", None, "否", "是", "否", "是", "是", "是",
     "因大病", "无", "红"],
    ["H2", "V1", "T1", "2021-05-01", "9000", "脱贫不稳定户", "是", "否", "否", "否", "否", None,
     "无", None, None],
    ["H3", "V2", "T2", "2021-05-01", None, None, None, None, "否", None, None, "是",
     "因灾、因学", "住房安全有保障", "黄"],
    ["H4", "V2", "T2", "2021-05-01", "7000", None, "否", "否", "否", "否", "否", "否",
     "因天气", "无", None],  # no such risk factor
    ["H5", "V3", "T2", "2021-13-01", "7000", None, "否", "否", "否", "否", "否", "否",
     "无", "无", None],  # no such date
    ["H6", "V3", "T2", "2021-05-01", "7000", None, "否", "否", "否", "否", "否", "否",
     "无", "无", "蓝"],  # a member with a bad row
]  # fmt: skip
PERSONS = ["人员编号", "户编号", "出生日期", "劳动能力"]
PERSON_ROWS = [
    ["P1", "H1", "1960-01-01", "完全丧失劳动能力"],
    ["P2", "H2", "1970-01-01", "有劳动能力"],
    ["P3", "H2", "1995-03-01", "部分丧失劳动能力"],
    ["P4", "H3", "1958-07-01", None],
    ["P5", "H4", "1980-01-01", "有劳动能力"],
    ["P6", "H5", "1980-01-01", "有劳动能力"],
    ["P7", "H6", "1980-01-01", "很强"],  # no such labour capacity
    ["P8", "H9", "1980-01-01", "有劳动能力"],  # no such household
]
SPOT = ["村", "乡镇", "抽查户数", "疑似问题户数"]
SPOT_ROWS = [
    ["V1", "T1", 40, 1],
    ["V2", "T2", 50, 1],
    ["V3", "T2", 0, 0],  # nothing sampled
    ["V4", "T2", 5, 6],  # more doubtful than sampled
    ["V5", None, "x", 1],  # not a count
]


def test_monitoring_runs_without_pandas(tmp_path: Path) -> None:
    csv_in = [
        "--monitored",
        _csv(tmp_path / "monitored.csv", MONITORED, MONITORED_ROWS),
        "--persons",
        _xlsx(tmp_path / "persons.xlsx", PERSONS, PERSON_ROWS),
    ]
    parquet_in = [
        "--monitored",
        _parquet(tmp_path / "monitored.parquet", MONITORED, MONITORED_ROWS),
        "--persons",
        _parquet(tmp_path / "persons.parquet", PERSONS, PERSON_ROWS),
    ]
    spot_csv = ["--spot-checks", _csv(tmp_path / "spot.csv", SPOT, SPOT_ROWS)]
    spot_xlsx = ["--spot-checks", _xlsx(tmp_path / "spot.xlsx", SPOT, SPOT_ROWS)]
    commands = [
        *_outputs("monitoring.screening", csv_in, MON_PACK, tmp_path),
        ["run", "monitoring.screening", *parquet_in, *MON_PACK, "--out", tmp_path / "p.csv"],
        *_outputs("monitoring.spot_check", spot_csv, MON_PACK, tmp_path),
        ["run", "monitoring.spot_check", *spot_xlsx, *MON_PACK, "--out", tmp_path / "s.parquet"],
        ["explain", "monitoring.screening", "H1", *csv_in, *MON_PACK],
        ["explain", "monitoring.screening", "H3", *parquet_in, *MON_PACK, "--locale", "en"],
        ["explain", "monitoring.screening", "H2", *csv_in, *MON_PACK, "--locale", "zh_Hant"],
        ["explain", "monitoring.spot_check", "V1", *spot_csv, *MON_PACK, "--locale", "en"],
        ["explain", "monitoring.spot_check", "V2", *spot_xlsx, *MON_PACK],
    ]
    assert_no_pandas(tmp_path, commands)
    out = pq.read_table(tmp_path / "monitoring-screening.parquet")
    assert sorted(out.column("household_id").to_pylist()) == ["H1", "H2", "H3"]
    spot = pq.read_table(tmp_path / "monitoring-spot_check.parquet")
    assert spot.column("village").to_pylist() == ["V1", "V2"]
    errors = _errors(tmp_path / "monitoring-screening.errors.parquet")
    assert {("H4", "ledger.error.enum"), ("P7", "ledger.error.enum")} <= errors
    assert ("H6", "ledger.error.member_row") in errors
    assert ("V4", "ledger.error.more_than_sampled") in _errors(tmp_path / "s.errors.parquet")


_SUMMARY = """
import datetime as dt, json
import pyarrow.parquet as pq
from povertypolicy import ledger
from povertypolicy.ledger.monitoring_summary import summarise

spec = json.loads({spec!r})
on = dt.date.fromisoformat(spec["on"])
screening = ledger.run(
    "monitoring.screening", spec["pack"], on=on,
    monitored=pq.ParquetFile(spec["monitored"]).read(),
    persons=pq.ParquetFile(spec["persons"]).read(),
)
spot = ledger.run(
    "monitoring.spot_check", spec["pack"], on=on,
    spot_checks=pq.ParquetFile(spec["spot"]).read(),
)
s = summarise(screening, spot_checks=spot)
s.to_xlsx(spec["xlsx"], locale="en")
got = {{"villages": s.villages.to_pylist(), "rescreen": list(s.rescreen)}}
got["text"] = s.text("zh_Hant")
with open(spec["out"], "w", encoding="utf-8") as out:
    json.dump(got, out)
"""


def test_monitoring_summary_without_pandas(tmp_path: Path) -> None:
    """The Python API: two runs from Parquet tables and their summary (counts, XLSX, text)."""
    spec = {
        "pack": MON_PACK[1],
        "on": MON_PACK[3],
        "monitored": str(_parquet(tmp_path / "m.parquet", MONITORED, MONITORED_ROWS)),
        "persons": str(_parquet(tmp_path / "p.parquet", PERSONS, PERSON_ROWS)),
        "spot": str(_parquet(tmp_path / "s.parquet", SPOT, [r for r in SPOT_ROWS if r[2] != "x"])),
        "xlsx": str(tmp_path / "summary.xlsx"),
        "out": str(tmp_path / "summary.json"),
    }
    assert_no_pandas(tmp_path, [], setup=_SUMMARY.format(spec=json.dumps(spec)))
    got = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert got["rescreen"] == ["V1"]
    villages = {(v["township"], v["village"]): v for v in got["villages"]}
    assert villages[("T1", "V1")]["households"] == 2
    assert villages[("T1", "V1")]["rescreen_village"] is True
    assert (tmp_path / "summary.xlsx").exists()
    # The tables are those pa.Table.from_pylist builds (the types inferred as it infers them).
    from povertypolicy import ledger
    from povertypolicy.ledger.monitoring_summary import summarise

    on = dt.date.fromisoformat(spec["on"])
    screening = ledger.run(
        "monitoring.screening",
        spec["pack"],
        on=on,
        monitored=pq.read_table(spec["monitored"]),
        persons=pq.read_table(spec["persons"]),
    )
    here = summarise(screening)
    assert here.townships.equals(pa.Table.from_pylist(here.townships.to_pylist()))
    no_rescreen = here.villages.drop_columns(["rescreen_village"])
    assert no_rescreen.equals(pa.Table.from_pylist(no_rescreen.to_pylist()))
    assert here.villages.column("rescreen_village").type == pa.bool_()


# -- registration -----------------------------------------------------------------------------

REG_PACK = ["--pack", "hn-longhui-town-registration-2014", "--on", "2014-04-10"]
APPLICANTS = [
    "户编号",
    "村",
    "评议日期",
    "主要劳动力编号",
    "脱贫愿望较强",
    "人均纯收入",
    "收入年度",
    "十一不评",
    "低保",
    "五保户",
    "贫困程度较深",
]
APPLICANT_ROWS = [
    ["A1", "V1", "2014-04-01", "Q1", "是", "2000", 2013, "无", "否", "否", "是"],
    ["A2", "V1", "2014-04-01", None, None, "2736.01", 2013, "经商户", "否", None, None],
    ["A3", "V2", "2014-04-01", "Q4", "是", None, None, None, "是", "是", "否"],
    ["A4", "V2", "2014-04-01", "Q5", "是", "1000", 2013, "因天气", "否", "否", "否"],  # no such
    ["A5", "V2", "2014-04-01", "Q6", "是", "一千", 2013, "无", "否", "否", "否"],  # no money
]
MEMBERS = [
    ["Q1", "A1", "1975-06-01", "有劳动能力"],
    ["Q2", "A1", "1953-04-10", "完全丧失劳动能力"],
    ["Q3", "A2", "1990-01-01", "部分丧失劳动能力"],
    ["Q4", "A3", "1953-04-11", None],
    ["Q5", "A4", "1990-01-01", "有劳动能力"],
    ["Q6", "A5", "1990-01-01", "有劳动能力"],
    ["Q7", "A9", "1990-01-01", "有劳动能力"],  # no such household
]


def test_registration_runs_without_pandas(tmp_path: Path) -> None:
    mixed = [
        "--applicants",
        _csv(tmp_path / "applicants.csv", APPLICANTS, APPLICANT_ROWS),
        "--persons",
        _xlsx(tmp_path / "persons.xlsx", PERSONS, MEMBERS),
    ]
    parquet = [
        "--applicants",
        _xlsx(tmp_path / "applicants.xlsx", APPLICANTS, APPLICANT_ROWS),
        "--persons",
        _parquet(tmp_path / "persons.parquet", PERSONS, MEMBERS),
    ]
    rule = "registration.eligibility"
    commands = [
        *_outputs(rule, mixed, REG_PACK, tmp_path),
        ["run", rule, *parquet, *REG_PACK, "--out", tmp_path / "other.parquet"],
        ["explain", rule, "A1", *mixed, *REG_PACK],
        ["explain", rule, "A2", *parquet, *REG_PACK, "--locale", "en"],
        ["explain", rule, "A3", *mixed, *REG_PACK, "--locale", "zh_Hant"],
    ]
    assert_no_pandas(tmp_path, commands)
    out = pq.read_table(tmp_path / "registration-eligibility.parquet")
    assert sorted(out.column("household_id").to_pylist()) == ["A1", "A2", "A3"]
    errors = _errors(tmp_path / "registration-eligibility.errors.parquet")
    assert {("A4", "ledger.error.enum"), ("Q7", "ledger.error.unknown_parent")} <= errors


# -- follow-up support --------------------------------------------------------------------------

FU_PACK = ["--pack", "county-relocation-follow-up-2020", "--on", "2021-06-01"]
RELOCATED = [
    "户编号",
    "落户日期",
    "实际入住日期",
    "建档立卡贫困户",
    "产业支撑",
    "生活困难",
    "家庭财产符合低保规定",
    "低保救助日期",
    "危房",
    "非砖混旧房",
    "灾害隐患点",
    "旧房拆除日期",
]
RELOCATED_ROWS = [
    ["H1", "2020-03-15", "2020-03-01", "是", "否", "是", "是", "2020-04-10", "是", "否", "否",
     "2020-04-20"],
    ["H2", "2020年5月1日", "2020-04-01", "是", "是", "否", "是", None, "否", "否", "否", None],
    ["H3", None, "2020-04-01", "否", None, "是", "是", None, "否", None, "否", "2020-09-30"],
    ["H4", "2020-02-30", "2020-04-01", "否", "否", "否", "是", None, "否", "否", "否", None],
]  # fmt: skip
MOVERS = ["人员编号", "户编号", "劳动能力", "就业意愿", "稳定就业", "培训意愿", "培训日期"]
MOVER_ROWS = [
    ["P1", "H1", "有劳动能力", "是", "否", "是", "2020-06-01；2020-09-01"],
    ["P2", "H1", "完全丧失劳动能力", None, "否", "否", None],
    ["P3", "H2", "full", "是", "是", "是", "无"],
    ["P4", "H3", "有劳动能力", "是", "否", "是", "2020/5/1"],
    ["P5", "H3", "部分丧失劳动能力", "否", "否", "否", None],
    ["P6", "H4", "有劳动能力", "是", "否", "是", "2020-06-01、明天"],  # no such date
]


def test_follow_up_runs_without_pandas(tmp_path: Path) -> None:
    mixed = [
        "--households",
        _csv(tmp_path / "households.csv", RELOCATED, RELOCATED_ROWS),
        "--persons",
        _xlsx(tmp_path / "persons.xlsx", MOVERS, MOVER_ROWS),
    ]
    parquet = [
        "--households",
        _parquet(tmp_path / "households.parquet", RELOCATED, RELOCATED_ROWS),
        "--persons",
        _parquet(tmp_path / "persons.parquet", MOVERS, MOVER_ROWS),
    ]
    rule = "follow_up.checks"
    commands = [
        *_outputs(rule, mixed, FU_PACK, tmp_path),
        ["run", rule, *parquet, *FU_PACK, "--out", tmp_path / "other.xlsx"],
        ["run", rule, *parquet, *FU_PACK, "--as-of", "2020-06-01", "--out", tmp_path / "o.csv"],
        ["explain", rule, "H1", *mixed, *FU_PACK, "--locale", "en"],
        ["explain", rule, "H2", *parquet, *FU_PACK],
        ["explain", rule, "H3", *mixed, *FU_PACK, "--locale", "zh_Hant"],
    ]
    assert_no_pandas(tmp_path, commands)
    out = pq.read_table(tmp_path / "follow_up-checks.parquet")
    assert sorted(out.column("household_id").to_pylist()) == ["H1", "H2", "H3"]
    errors = _errors(tmp_path / "follow_up-checks.errors.parquet")
    assert errors == {("H4", "ledger.error.date"), ("P6", "ledger.error.date")}


# -- checklists -------------------------------------------------------------------------------

CHECKLISTS: dict[str, tuple[list[str], list[str], list[list[Any]]]] = {
    "indicators.four_haves": (
        ["--pack", "city-four-haves-demonstration-towns-2022", "--on", "2022-12-01"],
        ["单位编号", "层级", "上级单位编号", "富余劳动力人数", "转移就业人数", "零转移家庭数",
         "村级平台专职人员数", "平台机构到位"],
        [
            ["T1", "乡镇", None, 2000, 1899, 0, None, "是"],
            ["V1", "村", "T1", None, None, None, 1, None],
            ["V2", "村", "T1", None, None, None, 0, None],
            ["T2", "乡镇", None, 10, "x", None, None, None],  # not a count
            ["T3", "安置点", None, 10, 5, None, None, None],  # a site is not scored here
            ["T9", "乡镇", None, 1, 1, 0, None, "否"],  # the same id twice
            ["T9", "乡镇", None, 2, 1, 0, None, "否"],
        ],
    ),
    "indicators.health_check": (
        ["--pack", "county-health-poverty-check", "--on", "2020-01-01"],
        ["单位编号", "层级", "家庭医生签约人数", "建档立卡贫困人口数", "住院报销比例"],
        [
            ["U1", "乡镇", 95, 100, "90.5"],
            ["U2", "乡镇", None, 100, "八成"],  # not a number
            ["U3", "乡镇", 100, 100, None],
        ],
    ),
    "indicators.seven_haves": (
        ["--pack", "sc-bazhong-contiguous-area-plan-2011", "--on", "2011-06-01"],
        ["单位编号", "层级", "住房建筑面积", "高产稳产农田地", "安全卫生饮用水", "生猪出售头数"],
        [
            ["F1", "户", "120.5", "1.25", "是", 3],
            ["F2", "户", None, "0.5", "否", None],
            ["F3", "户", "abc", None, "是", 1],  # not a number
        ],
    ),
    "indicators.self_inspection": (
        ["--pack", "town-poverty-project-self-inspection", "--on", "2020-01-01"],
        ["单位编号", "层级", "原始房屋鉴定", "施工手续", "本年水质检测次数", "安全饮水工程"],
        [
            ["J1", "项目", "是", "否", 2, "是"],
            ["J2", "项目", None, "是", None, "否"],
            ["J3", "项目", "也许", "是", 1, "是"],  # not yes or no
        ],
    ),
    "follow_up.three_rates": (
        ["--pack", "sn-city-relocation-plan-2019", "--on", "2019-11-01"],
        ["单位编号", "层级", "实际入住户数", "搬迁户数", "已腾退旧宅基地户数",
         "应腾退旧宅基地户数"],
        [
            ["S1", "安置点", 98, 100, 50, 50],
            ["S2", "安置点", None, 100, 0, 0],
            ["S3", "安置点", -1, 100, None, None],  # not a count
        ],
    ),
}  # fmt: skip


def test_checklists_run_without_pandas(tmp_path: Path) -> None:
    commands: list[list[Any]] = []
    first: dict[str, str] = {}
    for rule, (pack, headers, rows) in CHECKLISTS.items():
        stem = rule.replace(".", "-")
        units_csv = ["--units", _csv(tmp_path / f"{stem}.in.csv", headers, rows)]
        units_xlsx = ["--units", _xlsx(tmp_path / f"{stem}.in.xlsx", headers, rows)]
        units_pq = ["--units", _parquet(tmp_path / f"{stem}.in.parquet", headers, rows[:2])]
        commands += [
            *_outputs(rule, units_csv, pack, tmp_path),
            ["run", rule, *units_xlsx, *pack, "--out", tmp_path / f"{stem}.x.parquet"],
            ["run", rule, *units_pq, *pack, "--out", tmp_path / f"{stem}.p.csv"],
        ]
        first[rule] = str(rows[0][0])
    ids = {
        "indicators.four_haves": "T1/transfer_employment",
        "indicators.health_check": None,
        "indicators.seven_haves": None,
        "indicators.self_inspection": None,
        "follow_up.three_rates": None,
    }
    # An explanation per checklist: the first indicator the first unit was scored on.
    for rule, (pack, headers, rows) in CHECKLISTS.items():
        stem = rule.replace(".", "-")
        unit_id = ids[rule] or _first_id(rule, pack, headers, rows, tmp_path)
        commands += [
            ["explain", rule, unit_id, "--units", tmp_path / f"{stem}.in.csv", *pack],
            ["explain", rule, unit_id, "--units", tmp_path / f"{stem}.in.xlsx", *pack,
             "--locale", "en"],
            ["explain", rule, unit_id, "--units", tmp_path / f"{stem}.in.parquet", *pack,
             "--locale", "zh_Hant"],
        ]  # fmt: skip
    assert_no_pandas(tmp_path, commands)
    out = pq.read_table(tmp_path / "indicators-four_haves.parquet")
    assert {i.split("/")[0] for i in out.column("id").to_pylist()} == {"T1", "V1", "V2"}
    errors = _errors(tmp_path / "indicators-four_haves.errors.parquet")
    assert {("T3", "ledger.error.rule"), ("T9", "ledger.error.duplicate")} <= errors


def _first_id(rule: str, pack: list[str], headers: list[str], rows: list[Any], tmp: Path) -> str:
    """The id of the first result row of ``rule`` over the first unit (found in this process)."""
    from povertypolicy import ledger

    units = pa.table(dict(zip(headers, map(list, zip(*rows[:1], strict=True)), strict=True)))
    r = ledger.run(rule, pack[1], on=dt.date.fromisoformat(pack[3]), units=units)
    found: str = r.arrow.column("id")[0].as_py()
    return found
