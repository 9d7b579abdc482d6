"""The povertypolicy command line: run, explain, packs, rules; exit codes and outputs."""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import openpyxl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.cli import cli, main
from povertypolicy.ledger.frames import read_path

PACK = "county-deep-mountain-relocation-2011"
BASE = ["--pack", PACK, "--on", "2011-06-01"]
PERSON_HEADERS = ["人员编号", "户编号", "出生日期", "户籍性质", "当地常住户口", "仍在当地居住生产"]
PEOPLE: list[list[Any]] = [
    ["P1", "H1", dt.date(1970, 1, 1), "农业", "是", "是"],
    ["P2", "H1", dt.date(2011, 1, 1), "农业", "是", "是"],
    ["P3", "H2", dt.date(1980, 5, 1), "农业", "是", "是"],
    ["P4", "H3", dt.date(1985, 2, 1), "农业", "也许", "是"],  # the bad row: not yes or no
    ["P5", "H2", dt.date(1990, 7, 1), "农业", "是", "是"],
]


def write_sheet(ws: Any, headers: list[str], rows: list[list[Any]]) -> None:
    ws.append(headers)
    for row in rows:
        ws.append(row)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """persons.xlsx (Chinese headers, one bad row), households.csv, and both in one book."""
    wb = openpyxl.Workbook()
    write_sheet(wb.active, PERSON_HEADERS, PEOPLE)
    wb.save(tmp_path / "persons.xlsx")
    (tmp_path / "households.csv").write_text(
        "户编号,申请日期\nH1,2011-03-01\nH2,2011-03-20\nH3,2011-03-01\n", encoding="utf-8"
    )
    book = openpyxl.Workbook()
    book.active.title = "說明"  # a sheet that is not a table is left alone
    write_sheet(book.create_sheet("人員"), PERSON_HEADERS, PEOPLE)
    write_sheet(
        book.create_sheet("户表"),
        ["户编号", "申请日期"],
        [["H1", dt.date(2011, 3, 1)], ["H2", dt.date(2011, 3, 20)], ["H3", dt.date(2011, 3, 1)]],
    )
    book.save(tmp_path / "ledger.xlsx")
    return {
        "persons": tmp_path / "persons.xlsx",
        "households": tmp_path / "households.csv",
        "book": tmp_path / "ledger.xlsx",
    }


def invoke(*args: Any) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def inputs(files: dict[str, Path]) -> list[Any]:
    return ["--persons", files["persons"], "--households", files["households"], *BASE]


def expected(files: dict[str, Path], locale: str = "zh_Hans") -> ledger.LedgerResult:
    return ledger.run(
        "housing.subsidy",
        PACK,
        on=dt.date(2011, 6, 1),
        persons=files["persons"],
        households=files["households"],
        locale=locale,
    )


def test_run_to_xlsx(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    res = invoke("run", "housing.subsidy", *inputs(files), "--out", out)
    assert res.exit_code == 0, res.output
    r = expected(files)
    assert r.summary.text("zh_Hans") in res.stderr
    assert "\r" not in res.stderr  # no progress bar when stderr is not a terminal
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["结果", "问题清单", "计算说明", "汇总"]
    results = list(wb["结果"].iter_rows(values_only=True))
    header = results[0]
    assert header[0] == "户编号"
    net = header.index("净补助（元）")
    assert {row[0]: Decimal(str(row[net])) for row in results[1:]} == {
        "H1": Decimal("3000.00"),
        "H2": Decimal("6000.00"),
    }
    assert wb["结果"].cell(row=2, column=net + 1).number_format == "#,##0.00"
    errors = list(wb["问题清单"].iter_rows(values_only=True))
    assert errors[0][:3] == ("所在表", "行号（不含表头）", "编号")
    by_id = {row[2]: row for row in errors[1:]}
    assert by_id["P4"][:6] == ("人员表", 4, "P4", "当地常住户口", "也许", "ledger.error.bool")
    assert by_id["H3"][5] == "ledger.error.member_row"
    why = list(wb["计算说明"].iter_rows(values_only=True))[1:]
    assert why == [("H1", r.explain("H1")), ("H2", r.explain("H2"))]


def test_run_to_csv_writes_fen_and_an_errors_file(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    res = invoke("run", "housing.subsidy", *inputs(files), "--out", out, "--locale", "en")
    assert res.exit_code == 0, res.output
    assert "Errors table written to" in res.stderr
    back = read_path(out).to_pylist()
    assert [(row["household_id"], row["net_fen"]) for row in back] == [
        ("H1", "300000"),
        ("H2", "600000"),
    ]
    errors = read_path(tmp_path / "out.errors.csv").to_pylist()
    assert [(e["table"], e["row"], e["id"], e["code"]) for e in errors] == [
        ("households", "3", "H3", "ledger.error.member_row"),
        ("persons", "4", "P4", "ledger.error.bool"),
    ]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel reads the Chinese


def test_run_to_parquet(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    res = invoke("run", "housing.subsidy", *inputs(files), "--out", out)
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).equals(expected(files).arrow)
    assert pq.read_table(tmp_path / "out.errors.parquet").num_rows == 2


def test_one_workbook_with_a_sheet_per_table(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    res = invoke("run", "housing.subsidy", "--ledger", files["book"], *BASE, "--out", out)
    assert res.exit_code == 0, res.output
    got = pq.read_table(out)
    assert got.column("household_id").to_pylist() == ["H1", "H2"]
    assert got.column("net_fen").to_pylist() == [300000, 600000]


def test_locale_and_column_mapping(files: dict[str, Path], tmp_path: Path) -> None:
    csv = tmp_path / "households2.csv"
    csv.write_text("户编号,搬迁日子\nH1,2011-03-01\nH2,2011-03-20\nH3,2011-03-01\n", "utf-8")
    out = tmp_path / "out.xlsx"
    args = ["--persons", files["persons"], "--households", csv, *BASE, "--out", out]
    res = invoke("run", "housing.subsidy", *args, "--locale", "zh_TW")
    assert res.exit_code == 1
    assert "relocation_applied_on (申请日期)" in res.stderr
    mapping = ["--column", "搬迁日子=relocation_applied_on"]
    res = invoke("run", "housing.subsidy", *args, "--locale", "zh_TW", *mapping)
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["結果", "問題清單", "計算說明", "彙總"]
    assert "淨補助（元）" in [c.value for c in wb["結果"][1]]


def test_release_needs_its_progress_table_and_as_of(files: dict[str, Path], tmp_path: Path) -> None:
    progress = tmp_path / "progress.csv"
    progress.write_text(
        "户编号,地基验收日期,一层建好日期,二层建好日期,旧房拆除日期,拆除费用,乡镇强制拆除,"
        "已拨付地基款,已拨付一层款,已拨付二层款,已拨付拆旧款\n"
        "H1,2011-05-01,,,,,否,否,否,否,否\n",
        encoding="utf-8",
    )
    out = tmp_path / "release.parquet"
    res = invoke("run", "housing.release", *inputs(files), "--out", out)
    assert res.exit_code == 1
    assert "--progress" in res.stderr
    res = invoke("run", "housing.release", *inputs(files), "--progress", progress, "--out", out)
    assert res.exit_code == 1
    assert "as_of" in res.stderr
    res = invoke(
        "run", "housing.release", *inputs(files), "--progress", progress, "--as-of", "2011-06-01",
        "--out", out,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).column("payable_now_fen").to_pylist() == [90000]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--out", "out.txt"], "--out"),
        (["--out", "x.csv", "--column", "nonsense"], "HEADER=FIELD"),
        (["--out", "x.csv", "--column", "a=no_field"], "no_field"),
        (["--out", "x.csv", "--locale", "fr"], "fr"),
        (["--out", "x.csv", "--progress", "PERSONS"], "不读取 progress 表"),
    ],
)
def test_usage_errors_exit_1_with_one_line(
    files: dict[str, Path], args: list[str], says: str
) -> None:
    args = [str(files["persons"]) if a == "PERSONS" else a for a in args]
    res = invoke("run", "housing.subsidy", *inputs(files), *args)
    assert res.exit_code == 1
    assert says in res.stderr
    assert "Traceback" not in res.stderr
    assert isinstance(res.exception, SystemExit)


def test_input_errors_exit_1_without_a_traceback(files: dict[str, Path], tmp_path: Path) -> None:
    no_birth = tmp_path / "persons.csv"
    no_birth.write_text(
        "人员编号,户编号,户籍性质,当地常住户口,仍在当地居住生产\nP1,H1,农业,是,是\n", "utf-8"
    )
    out = tmp_path / "out.xlsx"
    cases = [
        (["--persons", no_birth, "--households", files["households"], *BASE], "birth_date"),
        (["--persons", files["persons"], *BASE], "--households"),
        ([*inputs(files)[:4], "--pack", "no-such-pack", "--on", "2011-06-01"], "no-such-pack"),
        (["--persons", tmp_path / "missing.csv", "--households", files["households"], *BASE], ""),
    ]
    for args, says in cases:
        res = invoke("run", "housing.subsidy", *args, "--out", out)
        assert res.exit_code == 1, (args, res.output)
        assert says in res.stderr
        assert isinstance(res.exception, SystemExit)
        assert not out.exists()
    res = invoke("run", "housing.nothing", *inputs(files), "--out", out)
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1
    assert "housing.subsidy" in res.stderr  # lists the rules there are


def test_not_a_workbook_is_one_line(files: dict[str, Path], tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", "utf-8")
    args = ["--persons", fake, "--households", files["households"], *BASE]
    res = invoke("run", "housing.subsidy", *args, "--out", tmp_path / "o.csv")
    assert res.exit_code == 1
    assert res.stderr.startswith("错误：ledger.persons：")  # the commands' default locale
    assert res.stderr.count("\n") == 1
    res = invoke("run", "housing.subsidy", *args, "--out", tmp_path / "o.csv", "--locale=en")
    assert res.stderr.startswith("Error: ledger.persons: ")


@pytest.mark.parametrize(
    ("locale", "says"),
    [
        ("zh_Hans", "错误：ledger housing.subsidy.households：收到的列为"),
        ("zh_TW", "錯誤：ledger housing.subsidy.households：收到的欄位為"),
        ("en", "Error: ledger housing.subsidy.households: got the columns"),
    ],
)
def test_an_error_is_printed_in_the_commands_locale(
    files: dict[str, Path], tmp_path: Path, locale: str, says: str
) -> None:
    csv = tmp_path / "households2.csv"
    csv.write_text("户编号,搬迁日子\nH1,2011-03-01\n", "utf-8")
    args = ["--persons", files["persons"], "--households", csv, *BASE, "--out", tmp_path / "o.csv"]
    res = invoke("run", "housing.subsidy", *args, "--locale", locale)
    assert res.exit_code == 1
    assert res.stderr.startswith(says), res.stderr
    assert "--column HEADER=FIELD" in res.stderr  # the command line's way to map a header
    assert "columns=" not in res.stderr
    assert res.stderr.count("\n") == 1


def test_explain_prints_the_rows_explanation(files: dict[str, Path]) -> None:
    r = expected(files, locale="en")
    res = invoke("explain", "housing.subsidy", "H1", *inputs(files), "--locale", "en")
    assert res.exit_code == 0, res.output
    assert res.stdout == r.explain("H1") + "\n"
    assert "[HOUSE-2]" in res.stdout


def test_explain_a_row_in_the_errors_table(files: dict[str, Path]) -> None:
    res = invoke("explain", "housing.subsidy", "H3", *inputs(files), "--locale", "en")
    assert res.exit_code == 1
    assert "errors table" in res.stderr
    assert "member row" in res.stderr
    res = invoke("explain", "housing.subsidy", "H404", *inputs(files))
    assert res.exit_code == 1
    assert "H404" in res.stderr


def test_packs_lists_every_shipped_pack() -> None:
    res = invoke("packs")
    assert res.exit_code == 0
    for info in pp.packs():
        assert f"{info.id}  {info.title}" in res.stdout
    assert "台政办函〔2019〕47号" in res.stdout


def test_rules_lists_rules_titles_tables_and_columns() -> None:
    res = invoke("rules", "--locale", "en")
    assert res.exit_code == 0
    for name in ledger.ledger_rules():
        assert f"\n{name}  " in "\n" + res.stdout
    assert "housing.subsidy  Housing subsidy and tranches (per household)" in res.stdout
    assert "HOUSE-1, HOUSE-2, HOUSE-3, HOUSE-5" in res.stdout
    one = invoke("rules", "--rule", "housing.release", "--locale", "zh_Hant")
    assert one.exit_code == 0
    assert one.stdout.startswith("housing.release  分期撥付及拆舊扣款（逐戶）\n")
    lines = one.stdout.splitlines()
    cost = next(x for x in lines if x.strip().startswith("demolition_cost"))
    assert cost.split()[:4] == ["demolition_cost", "拆除费用", "金額", "必需"]
    name = next(x for x in lines if x.strip().startswith("name "))
    assert name.split()[:4] == ["name", "姓名", "文字", "可選"]
    assert "  規則編號：HOUSE-1, HOUSE-2, HOUSE-3, HOUSE-4\n" in one.stdout
    assert "  輸出：建房進度表每行一行，按 household_id\n" in one.stdout
    en = invoke("rules", "--rule", "housing.release", "--locale", "en").stdout.splitlines()
    cost = next(x for x in en if x.strip().startswith("demolition_cost"))
    assert cost.split()[:4] == ["demolition_cost", "拆除费用", "money", "required"]
    assert "  output: one row per progress row, by household_id" in en
    household = next(x for x in en if x.strip().startswith("household_id"))
    assert household.endswith("  also: 戶編號, 户号, 戶號")
    hans = invoke("rules", "--rule", "housing.release").stdout
    assert "户表（households），选项 --households：" in hans
    assert "也认：戶編號、户号、戶號" in hans
    assert "housing.subsidy" not in one.stdout
    bad = invoke("rules", "--rule", "nope")
    assert bad.exit_code == 1
    assert "nope" in bad.stderr


def test_main_is_the_console_entry(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["packs"])
    assert exit_.value.code == 0
    assert PACK in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["run"])
    assert exit_.value.code == 1


def test_importing_the_library_does_not_import_the_cli_stack() -> None:
    code = (
        "import sys, povertypolicy, povertypolicy.ledger; "
        "povertypolicy.ledger.ledger_rules(); "
        "print(sorted(m for m in ('click', 'tqdm', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_packs_filters_by_level_and_province() -> None:
    res = invoke("packs", "--province", "ZJ", "--locale", "en")
    assert res.exit_code == 0
    assert res.stdout.startswith("zj-taizhou-expropriated-farmers-2019  ")
    level = "level: prefecture (city, autonomous prefecture, league)"
    assert f"{level}; province: CN-ZJ; place: 浙江省台州市" in res.stdout
    assert "county-deep" not in res.stdout
    national = invoke("packs", "--level", "national")
    assert national.stdout.splitlines()[0].startswith("cn  ")
    assert len(national.stdout.splitlines()) == 2
    bad = invoke("packs", "--level", "village")
    assert bad.exit_code == 1  # the CLI exits 1 on every user error
    assert "--level" in bad.stderr


def test_sources_lists_shows_and_finds() -> None:
    res = invoke("sources", "--locale", "en")
    assert res.exit_code == 0
    for src in pp.list_sources():
        assert f"{src.id}  {src.title.in_locale('en', src.script)}" in res.stdout
    assert "nbs-rural-poverty-monitoring-report  中国农村贫困监测报告  [text not shipped]" in (
        res.stdout
    )
    show = invoke("sources", "show", "poverty-work-plan-samples", "--locale", "en")
    assert show.exit_code == 0
    # in en a title is shown as the text writes it (traditional here)
    assert (
        "  - 篇3  深山區移民搬遷扶貧工作方案  (county; 某县（彭山林场、车桥镇、林泉乡）)"
        in show.stdout
    )
    assert "formerly: 003_2d36845397adf6a3.txt" in show.stdout
    found = invoke(
        "sources", "find", "poverty-work-plan-samples", "2011年1月1日以前出生", "--locale", "en"
    )
    assert found.exit_code == 0
    assert found.stdout.startswith("poverty-work-plan-samples 篇3 line 74, column 79\n")
    assert "2011年1月1日以前出生" in found.stdout
    missing = invoke("sources", "find", "poverty-work-plan-samples", "每人4000元", "--locale", "en")
    assert missing.exit_code == 1
    assert "not found" in missing.stderr
    nbs = invoke("sources", "--locale", "en", "find", "nbs-rural-poverty-monitoring-report", "2300")
    assert nbs.exit_code == 1
    assert "not shipped" in nbs.stderr
    unknown = invoke("sources", "show", "003_2d36845397adf6a3.txt")
    assert unknown.exit_code == 1
    assert "poverty-work-plan-samples" in unknown.stderr


_LEDGER_STACK = ("numpy", "pyarrow", "polars", "povertypolicy.ledger", "povertypolicy._cli_ledger")


def _modules_after_commands(*argvs: list[str]) -> list[str]:
    """The ledger-stack modules loaded after running ``argvs`` in a fresh interpreter."""
    code = (
        "import io, sys\n"
        "from povertypolicy.cli import main\n"
        "out, sys.stdout, sys.stderr = sys.stdout, io.StringIO(), io.StringIO()\n"
        f"for argv in {list(argvs)!r}:\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "sys.stdout = out\n"
        f"print(sorted(m for m in {_LEDGER_STACK!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return list(ast.literal_eval(out.strip()))


def test_commands_that_read_no_ledger_do_not_import_the_ledger_stack() -> None:
    """`--help`, `packs`, `sources`, `catalogue` and their errors answer without numpy,
    pyarrow or polars (importing them takes about two seconds)."""
    loaded = _modules_after_commands(
        ["--help"],
        ["packs"],
        ["packs", "--level", "nowhere"],
        ["sources", "list"],
        ["catalogue", "rules"],
    )
    assert loaded == []


def test_ledger_commands_load_when_used() -> None:
    assert "povertypolicy._cli_ledger" in _modules_after_commands(["run", "--help"])
    loaded = _modules_after_commands(["rules"])
    assert "povertypolicy.ledger" in loaded
    assert "polars" not in loaded  # imported only by the steps that use it


def test_the_command_list_is_the_same_before_and_after_the_ledger_commands_load() -> None:
    from povertypolicy._cli_group import LAZY_COMMANDS, SHORT_HELP

    fresh = subprocess.run(
        [sys.executable, "-c", "from povertypolicy.cli import main; main(['--help'])"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "80"},
    ).stdout
    for name in LAZY_COMMANDS:  # loads each command
        command = cli.get_command(click.Context(cli), name)
        assert command is not None
        assert command.get_short_help_str() == SHORT_HELP[name]
    # click formats a real terminal 2 columns narrower than its width
    after = CliRunner().invoke(cli, ["--help"], prog_name="povertypolicy", terminal_width=78)
    assert after.output == fresh


@pytest.mark.parametrize(
    ("locale", "usage", "says"),
    [
        ("zh_Hans", "用法：cli run [OPTIONS] RULE", "错误：缺少选项 '--pack'。"),
        ("zh_TW", "用法：cli run [OPTIONS] RULE", "錯誤：缺少選項 '--pack'。"),
        ("en", "Usage: cli run [OPTIONS] RULE", "Error: Missing option '--pack'."),
    ],
)
def test_usage_errors_are_in_the_commands_locale(locale: str, usage: str, says: str) -> None:
    res = invoke(
        "run", "housing.subsidy", "--on", "2011-06-01", "--out", "x.csv", "--locale", locale
    )
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert lines[0] == usage
    assert lines[-1] == says


@pytest.mark.parametrize(
    "args",
    [
        ["run", "housing.subsidy", "--on", "2011-06-01", "--out", "x.csv"],  # no --pack
        ["run"],  # no RULE
        ["run", "housing.subsidy", "--pak", "x"],  # unknown option, with a suggestion
        ["run", "housing.subsidy", "--ou", "x"],  # unknown option, several suggestions
        ["run", "housing.subsidy", "--pack", "x", "--on", "2011-13-01", "--out", "x.csv"],
        ["run", "housing.subsidy", "--pack", "x", "--on", "2011-06-01", "--out", "x.txt"],
    ],
)
def test_in_english_usage_errors_read_as_click_words_them(args: list[str]) -> None:
    """The en rendering of click's usage errors is click's own text, line for line."""
    import io

    args = [*args, "--locale", "en"]
    exc = CliRunner().invoke(cli, args, standalone_mode=False).exception
    assert isinstance(exc, click.UsageError)
    theirs = io.StringIO()
    exc.show(file=theirs)
    assert invoke(*args).stderr == theirs.getvalue()


def test_usage_errors_without_a_locale_are_in_simplified_chinese() -> None:
    res = invoke("runn")
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "用法：cli [OPTIONS] COMMAND [ARGS]...",
        "运行 'cli --help' 查看帮助。",
        "",
        "错误：没有命令 'runn'。是否要用 'run'？",  # the lazy commands are suggested too
    ]


@pytest.mark.parametrize(
    ("locale", "first", "last"),
    [
        ("zh_Hans", "正在读取 households.csv", "正在计算 housing.subsidy"),
        ("zh_Hant", "正在讀取 households.csv", "正在計算 housing.subsidy"),
        ("en", "reading households.csv", "running housing.subsidy"),
    ],
)
def test_the_progress_bar_names_its_phases_in_the_locale(
    files: dict[str, Path], locale: str, first: str, last: str
) -> None:
    from povertypolicy._cli_ledger import _compute

    phases: list[str] = []
    _compute(
        "housing.subsidy",
        {"persons": files["persons"], "households": files["households"]},
        workbook=None,
        pack=PACK,
        on=dt.date(2011, 6, 1),
        as_of=None,
        locale=locale,
        columns=(),
        threads=None,
        step=phases.append,
    )
    assert phases[0].startswith(first)
    assert phases[-1] == last
    assert len(phases) == 3
