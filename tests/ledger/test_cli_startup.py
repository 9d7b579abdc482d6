"""A command line run imports what it uses: a housing run loads the housing ledger modules and
no other area's, and no catalogue; the table options are known without loading every rule."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from povertypolicy._cli_ledger import TABLES, _all_tables
from povertypolicy.cli import cli

_OTHER_AREAS = (
    "povertypolicy.ledger.data_quality",
    "povertypolicy.ledger.follow_up",
    "povertypolicy.ledger.indicators",
    "povertypolicy.ledger.land",
    "povertypolicy.ledger.monitoring",
    "povertypolicy.ledger.registration",
    "povertypolicy.catalog.cli",
)


def test_the_table_options_are_every_rules_tables_in_order() -> None:
    assert tuple(_all_tables()) == TABLES


def test_run_help_names_the_rules_that_read_each_table() -> None:
    text = CliRunner().invoke(cli, ["run", "--help"], terminal_width=400).output
    for table, (schema, users) in _all_tables().items():
        line = next(
            x for x in text.splitlines() if x.strip().startswith(f"--{table.replace('_', '-')} ")
        )
        assert f"The {table} table ({schema.zh})" in line
        assert f"read by {', '.join(users)}." in line


def test_a_housing_run_imports_no_other_area(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text(
        "人员编号,户编号,出生日期,户籍性质,当地常住户口,仍在当地居住生产\nP1,H1,1970-01-01,农业,是,是\n",
        encoding="utf-8",
    )
    (tmp_path / "h.csv").write_text("户编号,申请日期\nH1,2011-03-01\n", encoding="utf-8")
    argv = [
        "run", "housing.subsidy", "--persons", str(tmp_path / "p.csv"),
        "--households", str(tmp_path / "h.csv"), "--pack", "county-deep-mountain-relocation-2011",
        "--on", "2011-06-01", "--out", str(tmp_path / "out.parquet"),
    ]  # fmt: skip
    code = (
        "import io, sys\n"
        "from povertypolicy.cli import main\n"
        "out, sys.stdout, sys.stderr = sys.stdout, io.StringIO(), io.StringIO()\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, sys.stderr.getvalue()\n"
        "sys.stdout = out\n"
        f"print(sorted(m for m in {_OTHER_AREAS!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ast.literal_eval(done.stdout.strip()) == []
    assert (tmp_path / "out.parquet").exists()


def test_no_progress_bar_and_no_tqdm_when_stderr_is_not_a_terminal() -> None:
    code = (
        "import io, sys\n"
        "from povertypolicy._cli_ledger import _progress\n"
        "sys.stderr = io.StringIO()\n"
        "with _progress(3) as step:\n"
        "    step('reading'); step('running')\n"
        "assert sys.stderr.getvalue() == ''\n"
        "print('tqdm' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_terminal_gets_the_tqdm_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from povertypolicy import _cli_ledger

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.setattr(_cli_ledger, "_PROGRESS_AFTER", 0.0)
    with _cli_ledger._progress(2) as step:
        step("reading persons.csv")
        step("running housing.subsidy")
    assert "running housing.subsidy" in term.getvalue()
