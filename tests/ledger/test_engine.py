"""The ledger engine: headers, cell readers, errors table, balance, table kinds in and out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.ledger.parse import parse_column
from povertypolicy.ledger.schema import Column, ColumnKind
from povertypolicy.rules.housing import housing_subsidy, release_tranches

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)


def persons(**over: list[Any]) -> dict[str, list[Any]]:
    base: dict[str, list[Any]] = {
        "person_id": ["P1", "P2", "P3", "P4"],
        "household_id": ["H1", "H1", "H2", "H2"],
        "birth_date": ["1970-01-01", "1980-02-03", "1975-05-06", "2000-01-01"],
        "hukou": ["agricultural", "农业", "農業戶口", "农业户口"],
        "registered_locally": [True, True, True, True],
        "lives_in_area": ["是", "yes", "1", "true"],
    }
    base.update(over)
    return base


def households(**over: list[Any]) -> dict[str, list[Any]]:
    base: dict[str, list[Any]] = {
        "household_id": ["H1", "H2"],
        "relocation_applied_on": ["2011-03-20", "2011/3/21"],
    }
    base.update(over)
    return base


def run(p: dict[str, list[Any]], h: dict[str, list[Any]], **kw: Any) -> ledger.LedgerResult:
    return ledger.run(
        "housing.subsidy", PACK, on=ON, persons=pa.table(p), households=pa.table(h), **kw
    )


def test_clean_ledger_computes_every_household() -> None:
    r = run(persons(), households())
    assert r.arrow.column("net_fen").to_pylist() == [600000, 600000]
    assert r.arrow.column("reason").to_pylist() == ["all_eligible", "all_eligible"]
    assert r.summary.balanced
    assert r.summary.totals["net_fen"] == 1_200_000
    assert r.summary.reasons == {"all_eligible": 2}
    assert r.errors_arrow().num_rows == 0


def test_chinese_headers_and_user_mapping() -> None:
    zh = {
        "人员编号": "person_id",
        "户编号": "household_id",
        "出生日期": "birth_date",
        "户籍性质": "hukou",
        "当地常住户口": "registered_locally",
        "仍在当地居住生产": "lives_in_area",
    }
    p = {k: persons()[v] for k, v in zh.items()}
    h = {
        "戶編號": households()["household_id"],
        "自定义申请日": households()["relocation_applied_on"],
    }
    r = run(p, h, columns={"自定义申请日": "relocation_applied_on"})
    assert r.arrow.column("net_fen").to_pylist() == [600000, 600000]


def test_missing_columns_are_one_error_before_any_work() -> None:
    p = persons()
    del p["hukou"], p["lives_in_area"]
    with pytest.raises(ledger.MissingColumnError) as err:
        run(p, households())
    text = str(err.value)
    assert "hukou (户籍性质)" in text
    assert "lives_in_area" in text
    assert "housing.subsidy" in text


def test_bad_rows_go_to_the_errors_table_and_good_rows_are_computed() -> None:
    p = persons(
        person_id=["P1", "P2", "P3", "P4", "P5", "P5"],
        household_id=["H1", "H1", "H2", "H2", "H9", "H3"],
        birth_date=[
            "1970-01-01",
            "1980-13-45",
            "1975-05-06",
            "2000-01-01",
            "1970-01-01",
            "1970-01-01",
        ],
        hukou=["agricultural"] * 6,
        registered_locally=[True] * 6,
        lives_in_area=["是", "是", "也许", "是", "是", "是"],
    )
    h = households(household_id=["H1", "H2", "H3"], relocation_applied_on=["2011-03-20"] * 3)
    r = run(p, h, locale="en")
    # Every household has a bad member row: none is computed, none is dropped silently.
    assert r.arrow.num_rows == 0
    errors = r.errors_arrow("en").to_pylist()
    by_code = {(e["table"], e["row"], e["code"]) for e in errors}
    assert ("persons", 2, "ledger.error.date") in by_code
    assert ("persons", 3, "ledger.error.bool") in by_code
    assert ("persons", 5, "ledger.error.duplicate") in by_code
    assert ("persons", 6, "ledger.error.duplicate") in by_code
    assert ("persons", 5, "ledger.error.unknown_parent") in by_code
    assert ("households", 1, "ledger.error.member_row") in by_code
    date_error = next(e for e in errors if e["code"] == "ledger.error.date")
    assert date_error["value"] == "1980-13-45"
    assert date_error["column"] == "birth_date"
    assert date_error["id"] == "P2"
    assert "not a date" in date_error["message"]
    # Persons P1 and P4 are fine but their households are not: held back and listed.
    held = {(e["row"], e["code"]) for e in errors if e["table"] == "persons"}
    assert (1, "ledger.error.household_row") in held
    assert r.summary.balanced
    counts = {t.table: t for t in r.summary.tables}
    assert counts["persons"].rows == 6
    assert counts["persons"].used + counts["persons"].held + counts["persons"].errors == 6
    assert counts["households"].held == 3


def test_error_messages_in_each_locale() -> None:
    p = persons(birth_date=["bad", "1980-02-03", "1975-05-06", "2000-01-01"])
    r = run(p, households())
    messages = {
        loc: next(e["message"] for e in r.errors_arrow(loc).to_pylist() if e["table"] == "persons")
        for loc in ("zh_Hans", "zh_Hant", "en")
    }
    assert messages["zh_Hans"].startswith("日期无法识别")
    assert messages["zh_Hant"].startswith("日期無法識別")
    assert "not a date" in messages["en"]
    assert r.arrow.column("household_id").to_pylist() == ["H2"]


def test_empty_cell_is_not_recorded_not_false() -> None:
    p = persons(registered_locally=[True, None, True, True])
    r = run(p, households())
    rows = {row["household_id"]: row for row in r.arrow.to_pylist()}
    assert rows["H1"]["reason"] == "undetermined"
    assert rows["H1"]["not_recorded"] == "registered_locally"
    assert rows["H1"]["eligible_people"] == 1
    assert rows["H1"]["undetermined_people"] == 1


def test_dates_after_today_are_errors_only_when_asked() -> None:
    p = persons(birth_date=["1970-01-01", "2999-01-01", "1975-05-06", "2000-01-01"])
    assert "ledger.error.future_date" in run(p, households(), today=ON).log.codes()
    # Without today= no clock is read: the rule itself finds the member not eligible.
    r = run(p, households())
    assert r.log.codes() == {}
    assert r.arrow.column("eligible_people").to_pylist() == [1, 2]


def test_household_without_members_is_an_error() -> None:
    r = run(
        persons(),
        households(household_id=["H1", "H2", "H3"], relocation_applied_on=["2011-03-20"] * 3),
    )
    assert r.log.codes() == {"ledger.error.no_members": 1}
    assert r.summary.balanced


def test_unordered_ledger_links_by_hash_and_agrees() -> None:
    rng = np.random.default_rng(1)
    n = 300
    hid = [f"H{i}" for i in range(n)]
    size = rng.integers(1, 6, n)
    pid, phid, birth, hukou = [], [], [], []
    for i in range(n):
        for j in range(int(size[i])):
            pid.append(f"P{i}-{j}")
            phid.append(hid[i])
            birth.append(dt.date(1950 + j * 15, 1, 1))
            hukou.append("农业" if (i + j) % 3 else "非农业")
    p = {
        "person_id": pid,
        "household_id": phid,
        "birth_date": birth,
        "hukou": hukou,
        "registered_locally": [True] * len(pid),
        "lives_in_area": [True] * len(pid),
    }
    h = {"household_id": hid, "relocation_applied_on": [dt.date(2011, 3, 1)] * n}
    ordered = run(p, h)
    order = rng.permutation(len(pid))
    shuffled = run({k: [v[i] for i in order] for k, v in p.items()}, h)
    assert ordered.arrow.equals(shuffled.arrow)
    # Members are explained in ledger order, so only the numbers are compared here.


def test_pandas_in_pandas_out_and_polars_in_polars_out() -> None:
    r = ledger.run(
        "housing.subsidy",
        PACK,
        on=ON,
        persons=pd.DataFrame(persons()),
        households=pd.DataFrame(households()),
    )
    assert isinstance(r.table, pd.DataFrame)
    assert r.table["net_fen"].dtype == np.int64
    assert isinstance(r.errors, pd.DataFrame)
    q = ledger.run(
        "housing.subsidy",
        PACK,
        on=ON,
        persons=pl.DataFrame(persons()),
        households=pl.DataFrame(households()),
    )
    assert isinstance(q.table, pl.DataFrame)
    assert q.table["net_fen"].to_list() == [600000, 600000]


def test_files_in(tmp_path: Path) -> None:
    pq.write_table(pa.table(persons()), tmp_path / "p.parquet")
    pd.DataFrame(households()).to_csv(tmp_path / "h.csv", index=False)
    r = ledger.run(
        "housing.subsidy",
        PACK,
        on=ON,
        persons=tmp_path / "p.parquet",
        households=str(tmp_path / "h.csv"),
    )
    assert r.arrow.column("net_fen").to_pylist() == [600000, 600000]
    with pytest.raises(pp.InputError, match="existing file"):
        ledger.run(
            "housing.subsidy",
            PACK,
            on=ON,
            persons=tmp_path / "nope.csv",
            households=tmp_path / "h.csv",
        )


def test_run_arguments_are_checked() -> None:
    with pytest.raises(pp.InputError, match="rule"):
        ledger.run("housing.nothing", PACK, on=ON)
    with pytest.raises(pp.InputError, match="households"):
        ledger.run("housing.subsidy", PACK, on=ON, persons=pa.table(persons()))
    with pytest.raises(pp.InputError, match="on"):
        ledger.run(
            "housing.subsidy", PACK, persons=pa.table(persons()), households=pa.table(households())
        )
    with pytest.raises(pp.InputError, match="DataFrame"):
        ledger.run(
            "housing.subsidy", PACK, on=ON, persons=[1, 2], households=pa.table(households())
        )


def test_explain_by_id_and_row() -> None:
    r = run(persons(), households())
    assert r.explain("H2") == r.explain(row=1)
    with pytest.raises(pp.InputError):
        r.explain("H404")
    with pytest.raises(pp.InputError):
        r.explain(row=5)


# -- cell readers -------------------------------------------------------------------------------


def _read(kind: ColumnKind, values: list[Any], typ: Any = None, **kw: Any) -> Any:
    col = Column(name="x", zh="x", kind=kind, doc="", **kw)
    return parse_column(pa.array(values, typ), col)


def test_money_reader_is_exact() -> None:
    got = _read(ColumnKind.MONEY, ["3,500.00元", "0.29", "1.001", "", None, "abc"])
    assert got.values[:2].tolist() == [350000, 29]
    assert got.recorded.tolist() == [True, True, False, False, False, False]
    assert got.bad.tolist() == [False, False, True, False, False, True]
    floats = _read(ColumnKind.MONEY, [0.29, 0.291, 1e300, None])
    assert floats.values[0] == 29
    assert floats.bad.tolist() == [False, True, True, False]
    ints = _read(ColumnKind.MONEY, [3500, None])
    assert ints.values[0] == 350000


def test_date_reader_formats() -> None:
    got = _read(
        ColumnKind.DATE, ["2011-03-20", "2011/3/20", "2011年3月20日", "20110320", "2011-02-30", " "]
    )
    assert got.recorded.tolist() == [True, True, True, True, False, False]
    assert got.bad.tolist() == [False, False, False, False, True, False]
    assert len(set(got.values[:4].tolist())) == 1


def test_bool_and_enum_readers() -> None:
    got = _read(ColumnKind.BOOL, ["是", "否", "Y", "n", "maybe", None])
    assert got.values[:4].tolist() == [True, False, True, False]
    assert got.bad.tolist() == [False, False, False, False, True, False]
    enum = _read(
        ColumnKind.ENUM, ["农业", "非農業戶口", "Agricultural", "城市", None], enum=pp.HukouType
    )
    assert enum.values.tolist()[:3] == [0, 1, 0]
    assert enum.bad.tolist() == [False, False, False, True, False]
    dictionary = pa.array(["农业", "非农业", None, "农业"]).dictionary_encode()
    col = Column(name="x", zh="x", kind=ColumnKind.ENUM, doc="", enum=pp.HukouType)
    assert parse_column(dictionary, col).values.tolist() == [0, 1, -1, 0]


def test_id_reader_trims_and_reads_whole_floats() -> None:
    got = _read(ColumnKind.ID, [" H1 ", "\u3000H2", "", None])
    assert got.values.to_pylist()[:2] == ["H1", "H2"]
    assert got.recorded.tolist() == [True, True, False, False]
    floats = _read(ColumnKind.ID, [1.0, 2.5, None])
    assert floats.values.to_pylist()[0] == "1"
    assert floats.bad.tolist() == [False, True, False]


# -- release over a progress ledger -------------------------------------------------------------


def test_release_equals_single_household_rule() -> None:
    progress = pa.table(
        {
            "household_id": ["H1", "H2"],
            "foundation_accepted_on": [dt.date(2011, 7, 1), dt.date(2011, 7, 1)],
            "first_storey_on": [dt.date(2011, 8, 1), None],
            "second_storey_on": [None, None],
            "old_house_demolished_on": [None, dt.date(2012, 1, 5)],
            "demolished_by_township": [False, True],
            "demolition_cost": [None, "2000.00"],
            "paid_foundation": [True, False],
            "paid_first_storey": [False, False],
            "paid_second_storey": [False, False],
            "paid_old_house_demolished": [False, False],
        }
    )
    as_of = dt.date(2012, 2, 1)
    r = ledger.run(
        "housing.release",
        PACK,
        on=ON,
        as_of=as_of,
        persons=pa.table(persons()),
        households=pa.table(households()),
        progress=progress,
    )
    policy = pp.Policy.load(PACK, on=ON)
    rows = {row["household_id"]: row for row in r.arrow.to_pylist()}
    for i, hid in enumerate(["H1", "H2"]):
        home = r.frames["households"]
        assert home is not None
        single = r.result(hid)
        assert rows[hid]["payable_now_fen"] == single.value.payable_now.fen
        assert rows[hid]["deduction_fen"] == single.value.deduction.fen
        del i
    one = pp.Household(
        id="H2",
        members=[
            pp.Person(
                id=f"P{k}",
                birth_date=b,
                hukou=pp.HukouType.AGRICULTURAL,
                registered_locally=True,
                lives_in_area=True,
            )
            for k, b in ((3, dt.date(1975, 5, 6)), (4, dt.date(2000, 1, 1)))
        ],
        relocation_applied_on=dt.date(2011, 3, 21),
    )
    build = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 7, 1),
        old_house_demolished_on=dt.date(2012, 1, 5),
        demolished_by_township=True,
        demolition_cost=pp.Money("2000.00"),
    )
    want = release_tranches(housing_subsidy(one, policy).value, build, policy, as_of=as_of)
    assert rows["H2"]["payable_now_fen"] == want.value.payable_now.fen
    assert rows["H2"]["deduction_fen"] == want.value.deduction.fen == 200000
    assert r.explain("H2") == want.explain()


def test_release_needs_as_of_and_records_missing_cost() -> None:
    progress = pa.table(
        {
            "household_id": ["H1"],
            "foundation_accepted_on": [None],
            "first_storey_on": [None],
            "second_storey_on": [None],
            "old_house_demolished_on": [dt.date(2012, 1, 5)],
            "demolished_by_township": ["是"],
            "demolition_cost": [None],
            "paid_foundation": [False],
            "paid_first_storey": [False],
            "paid_second_storey": [False],
            "paid_old_house_demolished": [False],
        }
    )
    r = ledger.run(
        "housing.release",
        PACK,
        on=ON,
        as_of=dt.date(2012, 2, 1),
        persons=pa.table(persons()),
        households=pa.table(households()),
        progress=progress,
    )
    assert r.arrow.num_rows == 0
    errors = r.errors_arrow("en").to_pylist()
    assert errors[0]["code"] == "ledger.error.rule"
    assert "cannot be assumed to be zero" in errors[0]["message"]
    assert r.summary.balanced


def test_pandas_results_keep_integers_with_empty_cells() -> None:
    from povertypolicy.ledger.frames import FrameKind, from_arrow

    t = pa.table({"a": pa.array([1, None], pa.int64()), "b": [1, 2], "c": pa.array([True, None])})
    frame = from_arrow(t, FrameKind.PANDAS)
    assert str(frame["a"].dtype) == "Int64"
    assert frame["b"].dtype == np.int64
    assert str(frame["c"].dtype) == "boolean"
