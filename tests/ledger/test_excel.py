"""A ledger run as XLSX: localized sheets and headers, exact yuan, errors, explanations."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow as pa
import pytest

from povertypolicy import ledger
from povertypolicy.explain.catalog import messages
from povertypolicy.explain.locales import SUPPORTED_LOCALES
from povertypolicy.ledger.excel import column_label, yuan

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
AS_OF = dt.date(2012, 3, 1)

SHEETS = {
    "zh_Hans": ["结果", "问题清单", "计算说明", "汇总"],
    "zh_Hant": ["結果", "問題清單", "計算說明", "彙總"],
    "en": ["Results", "Errors", "Explanations", "Summary"],
}
NET = {"zh_Hans": "净补助（元）", "zh_Hant": "淨補助（元）", "en": "Net subsidy (yuan)"}


def persons() -> pa.Table:
    return pa.table(
        {
            "人员编号": ["P1", "P2", "P3", "P4"],
            "户编号": ["=H1", "=H1", "H2", "H3"],
            "出生日期": ["1970-01-01", "2011-01-01", "1980-01-01", "bad"],
            "户籍性质": ["农业"] * 4,
            "当地常住户口": ["是"] * 4,
            "仍在当地居住生产": ["是"] * 4,
        }
    )


def households() -> pa.Table:
    return pa.table({"户编号": ["=H1", "H2", "H3"], "申请日期": ["2011-03-01"] * 3})


def progress() -> pa.Table:
    """H2: the township demolished the old house after the deadline, at a cost of 123.45."""
    return pa.table(
        {
            "户编号": ["=H1", "H2"],
            "地基验收日期": ["2011-05-01", "2011-05-01"],
            "一层建好日期": ["2011-07-01", None],
            "二层建好日期": [None, None],
            "旧房拆除日期": [None, "2012-01-10"],
            "拆除费用": [None, "123.45"],
            "乡镇强制拆除": ["否", "是"],
            "已拨付地基款": ["是", "否"],
            "已拨付一层款": ["否", "否"],
            "已拨付二层款": ["否", "否"],
            "已拨付拆旧款": ["否", "否"],
        }
    )


def postings() -> pa.Table:
    return pa.table({"名单编号": ["L1", "L2"], "公示日期": ["2011-04-01", "nope"]})


INPUTS = {
    "persons": persons,
    "households": households,
    "progress": progress,
    "postings": postings,
}


def run(rule: str, **kw: Any) -> ledger.LedgerResult:
    lr = ledger.ledger_rules()[rule]
    missing = [t.name for t in lr.tables if t.name not in INPUTS]
    assert not missing, f"add a small {missing} table for {rule} to INPUTS"
    tables = {t.name: INPUTS[t.name]() for t in lr.tables}
    return ledger.run(rule, PACK, on=ON, as_of=AS_OF, **tables, **kw)


def sheet_rows(path: Path, index: int) -> list[tuple[Any, ...]]:
    wb = openpyxl.load_workbook(path)
    return list(wb.worksheets[index].iter_rows(values_only=True))


def test_yuan_is_exact_decimal_never_float() -> None:
    assert yuan(12345) == Decimal("123.45")
    assert yuan(-5) == Decimal("-0.05")
    assert yuan(0) == 0
    big = 2**62 + 1  # far beyond a float's 53 bits
    assert yuan(big) == Decimal(f"{big // 100}.{big % 100:02d}")
    assert isinstance(yuan(1), Decimal)


def test_money_is_written_as_exact_yuan(tmp_path: Path) -> None:
    r = run("housing.release")
    path = tmp_path / "release.xlsx"
    r.to_xlsx(str(path), locale="en")
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    col = header.index(column_label("deduction_fen", "en")) + 1
    ids = [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)]
    cell = ws.cell(row=ids.index("H2") + 2, column=col)
    assert Decimal(str(cell.value)) == Decimal("123.45")
    assert cell.number_format == "#,##0.00"
    # The XML holds the decimal text itself, not a float's expansion of it.
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>123.45</v>" in xml
    payable = header.index("Payable now (yuan)") + 1
    assert ws.cell(row=2, column=payable).value == 900
    # Every money cell of every row is that row's amount.
    for name in (n for n in r.arrow.column_names if n.endswith("_fen")):
        j = header.index(column_label(name, "en")) + 1
        cells = [ws.cell(row=i, column=j).value for i in range(2, ws.max_row + 1)]
        assert [Decimal(str(v)) for v in cells] == [yuan(v) for v in r.arrow[name].to_pylist()]
    assert len({ws.cell(row=i, column=col).value for i in (2, 3)}) == 2


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_sheet_names_and_headers_are_localized(tmp_path: Path, locale: str) -> None:
    r = run("housing.subsidy")
    path = tmp_path / f"subsidy-{locale}.xlsx"
    r.to_xlsx(str(path), locale=locale)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS[locale]
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert NET[locale] in header
    assert "net_fen" not in header
    # The reason code, then its text in the locale.
    at = header.index(column_label("reason", locale))
    codes = [row[at] for row in ws.iter_rows(min_row=2, values_only=True)]
    texts = [row[at + 1] for row in ws.iter_rows(min_row=2, values_only=True)]
    ledger_msgs = messages(locale, "ledger")
    assert texts == [ledger_msgs[f"ledger.reason.{c}"] for c in codes]
    assert set(codes) == {"some_eligible", "all_eligible"}
    errors = wb.worksheets[1]
    assert errors.freeze_panes == "A2"
    assert [c.value for c in errors[1]][-1] == ledger_msgs["ledger.xlsx.error.message"]


def test_errors_sheet_holds_every_bad_row(tmp_path: Path) -> None:
    r = run("housing.subsidy")
    path = tmp_path / "subsidy.xlsx"
    r.to_xlsx(str(path), locale="zh_Hans")
    rows = sheet_rows(path, 1)[1:]
    assert len(rows) == r.errors_arrow().num_rows == 2
    message = r.errors_arrow("zh_Hans")["message"][1].as_py()
    bad = [row for row in rows if row[2] == "P4"]
    assert bad == [("人员表", 4, "P4", "出生日期", "bad", "ledger.error.date", message)]
    assert rows[0][:3] == ("户表", 3, "H3")


def test_explanations_sheet_is_the_single_rule_explanation(tmp_path: Path) -> None:
    r = run("housing.subsidy")
    path = tmp_path / "subsidy.xlsx"
    r.to_xlsx(str(path), locale="zh_Hant")
    rows = sheet_rows(path, 2)
    assert rows[0] == ("戶編號", "計算說明")
    ids = r.arrow["household_id"].to_pylist()
    assert rows[1:] == [(ids[i], r.explain(row=i, locale="zh_Hant")) for i in range(2)]
    assert rows[1][1] == r.explain("=H1", locale="zh_Hant")


def test_explanations_are_left_out_above_the_limit(tmp_path: Path) -> None:
    r = run("housing.subsidy")
    path = tmp_path / "subsidy.xlsx"
    r.to_xlsx(str(path), locale="en", explain_limit=1)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Results", "Errors", "Summary"]
    lines = [row[0] for row in wb["Summary"].iter_rows(values_only=True)]
    assert lines[:-1] == r.summary.text("en").split("\n")
    assert "explanations left out" in lines[-1]


def test_summary_sheet_is_the_run_summary(tmp_path: Path) -> None:
    r = run("housing.eligibility")
    path = tmp_path / "eligibility.xlsx"
    r.to_xlsx(str(path), locale="zh_Hans")
    rows = sheet_rows(path, 3)
    assert [row[0] for row in rows] == r.summary.text("zh_Hans").split("\n")


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    r = run("housing.eligibility")
    path = tmp_path / "eligibility.xlsx"
    r.to_xlsx(str(path), locale="en")
    ws = openpyxl.load_workbook(path).worksheets[0]
    cell = ws.cell(row=2, column=2)
    assert cell.value == "=H1"
    assert cell.data_type == "s"
    # Booleans read as yes / no in the locale, not TRUE / FALSE.
    assert [c.value for c in ws[2]][2] == "yes"


def test_dates_are_date_cells(tmp_path: Path) -> None:
    r = run("housing.posting")
    path = tmp_path / "posting.xlsx"
    r.to_xlsx(str(path), locale="en")
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index(column_label("approval_on", "en")) + 1)
    assert cell.is_date
    assert cell.value.date() == r.arrow["approval_on"][0].as_py()


def test_a_column_without_a_label_keeps_its_name() -> None:
    assert column_label("no_such_column", "zh_Hans") == "no_such_column"
    assert column_label("net_fen", "zh_Hans") == "净补助（元）"


HOUSING = sorted(n for n in ledger.ledger_rules() if n.startswith("housing."))


@pytest.mark.parametrize("rule", HOUSING)
def test_every_housing_output_column_has_a_label(rule: str) -> None:
    r = run(rule)
    assert len(r) > 0, "the sample tables must give at least one result row"
    missing = [
        (loc, name)
        for name in r.arrow.column_names
        for loc in SUPPORTED_LOCALES
        if f"ledger.column.{name}" not in messages(loc, "ledger")
    ]
    assert not missing
