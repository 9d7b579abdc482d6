"""CSV ledgers: typed where every cell of a column is plainly written, text otherwise, and the
same answers, errors and summary either way; the rule lookup imports only its own area."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

from povertypolicy import ledger
from povertypolicy.ledger.frames import read_path
from povertypolicy.ledger.housing_tables import HOUSEHOLDS, PERSONS

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)

PERSONS_CSV = (
    "person_id,household_id,birth_date,hukou,registered_locally,lives_in_area,name\n"
    "007,H1,1970-01-01,农业,是,true,甲\n"
    "008,H1,1980-02-03,agricultural,否,1,\n"
    "009,H2,1975-05-06,,TRUE,No,丙\n"
    "010,H2,2000-01-01,non_agricultural,,false,丁\n"
)
HOUSEHOLDS_CSV = "household_id,relocation_applied_on\nH1,2011-03-20\nH2,\n"


def write(folder: Path, persons: str, households: str = HOUSEHOLDS_CSV) -> tuple[Path, Path]:
    p, h = folder / "persons.csv", folder / "households.csv"
    p.write_text(persons, "utf-8")
    h.write_text(households, "utf-8")
    return p, h


def as_text_table(csv: str) -> pa.Table:
    """The same CSV as an Arrow table of text cells (empty = null), read by hand."""
    lines = csv.splitlines()
    names = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:]]
    return pa.table(
        {n: pa.array([r[i] or None for r in rows], pa.string()) for i, n in enumerate(names)}
    )


def run_both(persons: str, tmp_path: Path) -> tuple[ledger.LedgerResult, ledger.LedgerResult]:
    p, h = write(tmp_path, persons)
    from_file = ledger.run("housing.subsidy", PACK, on=ON, persons=p, households=h)
    from_text = ledger.run(
        "housing.subsidy",
        PACK,
        on=ON,
        persons=as_text_table(persons),
        households=as_text_table(HOUSEHOLDS_CSV),
    )
    return from_file, from_text


def same(a: ledger.LedgerResult, b: ledger.LedgerResult) -> None:
    assert a.arrow.to_pylist() == b.arrow.to_pylist()
    assert a.errors_arrow().to_pylist() == b.errors_arrow().to_pylist()
    assert a.summary == b.summary
    assert a.summary.balanced


def test_plain_cells_are_typed_by_the_reader(tmp_path: Path) -> None:
    p, _ = write(tmp_path, PERSONS_CSV)
    table = read_path(p, schema=PERSONS)
    types = dict(zip(table.column_names, table.schema.types, strict=True))
    assert types["birth_date"] == pa.date32()
    assert types["registered_locally"] == pa.bool_()
    assert types["lives_in_area"] == pa.bool_()
    assert pa.types.is_dictionary(types["hukou"])
    assert types["person_id"] == pa.string()  # ids keep their leading zeros
    assert table.column("person_id").to_pylist() == ["007", "008", "009", "010"]
    assert table.column("registered_locally").to_pylist() == [True, False, True, None]
    assert table.column("name").to_pylist() == ["甲", None, "丙", "丁"]


def test_typed_and_text_reading_give_the_same_answer(tmp_path: Path) -> None:
    a, b = run_both(PERSONS_CSV, tmp_path)
    same(a, b)
    assert a.arrow.column("household_id").to_pylist() == ["H1", "H2"]


def test_an_impossible_date_is_a_row_error_and_the_column_is_read_as_text(
    tmp_path: Path,
) -> None:
    bad = PERSONS_CSV.replace("1980-02-03", "1980-02-30")
    p, _ = write(tmp_path, bad)
    table = read_path(p, schema=PERSONS)
    assert table.schema.field("birth_date").type == pa.string()
    assert table.schema.field("lives_in_area").type == pa.bool_()  # still typed
    a, b = run_both(bad, tmp_path)
    same(a, b)
    errors = a.errors_arrow().to_pylist()
    assert [(e["table"], e["row"], e["value"], e["code"]) for e in errors] == [
        ("households", 1, None, "ledger.error.member_row"),
        ("persons", 1, None, "ledger.error.household_row"),
        ("persons", 2, "1980-02-30", "ledger.error.date"),
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("1970-01-01", "1970/1/1"),  # another date spelling
        ("1970-01-01", " 1970-01-01"),  # white space around a date
        (",是,", ", 是 ,"),  # white space around yes
        (",是,", ",√,"),
        (",是,", ",NA,"),  # not a yes/no: a row error, never "not recorded"
        (",是,", ",maybe,"),
        ("农业,", "農業戶口,"),
    ],
)
def test_other_spellings_read_as_the_cell_readers_read_them(
    tmp_path: Path, old: str, new: str
) -> None:
    a, b = run_both(PERSONS_CSV.replace(old, new, 1), tmp_path)
    same(a, b)


def test_na_in_a_yes_no_column_is_an_error(tmp_path: Path) -> None:
    a, _ = run_both(PERSONS_CSV.replace(",是,", ",NA,", 1), tmp_path)
    errors = [e for e in a.errors_arrow().to_pylist() if e["table"] == "persons"]
    assert [(e["row"], e["value"], e["code"]) for e in errors] == [
        (1, "NA", "ledger.error.bool"),
        (2, None, "ledger.error.household_row"),
    ]


def test_byte_order_mark_and_quoted_newlines(tmp_path: Path) -> None:
    text = PERSONS_CSV.replace(",甲\n", ',"甲\n乙"\n')
    p, _ = write(tmp_path, text)
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    table = read_path(p, schema=PERSONS)
    assert table.column_names[0] == "person_id"
    assert table.num_rows == 4
    assert table.column("name").to_pylist()[0] == "甲\n乙"
    assert table.schema.field("birth_date").type == pa.date32()


def test_chinese_headers_are_typed_too(tmp_path: Path) -> None:
    text = "户编号,申请日期\nH1,2011-03-20\nH2,\n"
    h = tmp_path / "h.csv"
    h.write_text(text, "utf-8")
    table = read_path(h, schema=HOUSEHOLDS)
    assert table.schema.field("申请日期").type == pa.date32()
    assert table.column("申请日期").to_pylist() == [dt.date(2011, 3, 20), None]


def test_not_utf8_falls_back_to_the_lenient_reader(tmp_path: Path) -> None:
    h = tmp_path / "h.csv"
    h.write_bytes(b"household_id,relocation_applied_on\nH1,2011-03-20\nH\xff,\n")
    table = read_path(h, schema=HOUSEHOLDS)
    assert table.num_rows == 2
    assert table.column("household_id").to_pylist()[0] == "H1"


def test_every_rule_is_found_by_its_area_alone() -> None:
    code = (
        "from povertypolicy.ledger import engine\n"
        "names = sorted(engine.ledger_rules())\n"
        "for name in names:\n"
        "    engine._REGISTRY.clear()\n"
        "    import importlib, sys\n"
        "    for m in [m for m in sys.modules if m.startswith('povertypolicy.ledger.')]:\n"
        "        if m.rsplit('.', 1)[1] not in ('engine', 'frame', 'frames', 'schema'):\n"
        "            del sys.modules[m]\n"
        "    engine.ledger_rules = None  # the fallback would load every area\n"
        "    assert engine.get_rule(name).name == name, name\n"
        "print(len(names))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(out) >= 10
