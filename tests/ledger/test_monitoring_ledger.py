"""One truth: the monitoring ledger kernels equal the single-case rules (MON-1, MON-3, MON-6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import BasicNeed, LabourCapacity, Money, MonitoringCategory, RiskFactor, ledger
from povertypolicy.ledger.schema import MissingColumnError
from povertypolicy.rules.monitoring import LevelCondition, screen, spot_check
from tests.error_texts import check_rule_error

PACK = "town-return-poverty-monitoring-2021"
ON = dt.date(2021, 6, 1)
ASSESSED = dt.date(2021, 5, 1)
YES_NO = {True: "是", False: "否", None: None}
RISK_ZH = {
    RiskFactor.SERIOUS_ILLNESS: "因大病",
    RiskFactor.SCHOOLING: "因学",
    RiskFactor.DISABILITY: "因残",
    RiskFactor.DISASTER: "因灾",
    RiskFactor.SUDDEN_EVENT: "因突发事件",
    RiskFactor.FAILED_INDUSTRY: "因产业失败",
    RiskFactor.UNSTABLE_EMPLOYMENT: "因就业不稳",
}
FACTS = {
    "registered_out_of_poverty": "建档立卡已脱贫户",
    "large_rigid_expenditure": "刚性支出较大",
    "sharp_income_drop": "收入大幅缩减",
    "severe_hardship": "基本生活严重困难",
    "living_difficulty": "基本生活困难",
    "entrepreneurial_ability": "有创业能力",
    "income_only_from_support": "收入仅靠帮扶分红",
    "unstable_income": "收入不稳定",
    "weak_self_development": "自主发展动力不足",
    "relies_on_projects": "主要依靠产业项目和帮扶",
}
THRESHOLD = 600_000  # fen: 1.5 × 4,000 yuan

tri = st.sampled_from([True, False, None])
incomes = st.one_of(
    st.none(),
    st.sampled_from([THRESHOLD - 1, THRESHOLD, THRESHOLD + 1, 0]),
    st.integers(0, 2_000_000),
)
record = st.fixed_dictionaries(
    {
        "labour": st.lists(
            st.sampled_from([*LabourCapacity, None]), min_size=1, max_size=20
        ).filter(lambda x: True),
        "income": incomes,
        "category": st.sampled_from([*MonitoringCategory, None]),
        "risk_cleared": st.sampled_from([True, False, False, None]),
        "dibao": st.none() | st.booleans(),
        "extreme": st.none() | st.booleans(),
        "risks": st.one_of(st.none(), st.frozensets(st.sampled_from(list(RiskFactor)))),
        "needs": st.one_of(st.none(), st.frozensets(st.sampled_from(list(BasicNeed)))),
        "facts": st.fixed_dictionaries(dict.fromkeys(FACTS, tri)),
        "previous": st.sampled_from(["红", "黄", "蓝", None]),
    }
)
ledgers = st.lists(record, min_size=1, max_size=8)


def _set_text(items: frozenset[Any] | None, zh: dict[Any, str] | None = None) -> str | None:
    if items is None:
        return None
    if not items:
        return "无"
    labels = [zh[x] if zh else x.value for x in items]
    return "、".join(sorted(labels))


def build(population: list[dict[str, Any]]) -> tuple[list[pp.MonitoringCase], pa.Table, pa.Table]:
    """Domain cases and the same ledger as two Arrow tables (Chinese headers)."""
    cases = []
    m: dict[str, list[Any]] = {
        k: []
        for k in (
            "户编号",
            "村",
            "评定日期",
            "人均可支配收入",
            "监测类别",
            "已标记消除风险",
            "低保",
            "特困供养",
            "风险类型",
            "未保障事项",
            "上次预警等级",
            *FACTS.values(),
        )
    }
    p: dict[str, list[Any]] = {k: [] for k in ("人员编号", "户编号", "出生日期", "劳动能力")}
    labour_zh = {
        LabourCapacity.FULL: "有劳动能力",
        LabourCapacity.PARTIAL: "部分丧失劳动能力",
        LabourCapacity.NONE: "完全丧失劳动能力",
        None: None,
    }
    for h, r in enumerate(population):
        hid = f"H{h:03d}"
        members = []
        for j, cap in enumerate(r["labour"]):
            pid = f"{hid}-{j}"
            members.append(pp.Person(id=pid, birth_date=dt.date(1960, 1, 1), labour_capacity=cap))
            p["人员编号"].append(pid)
            p["户编号"].append(hid)
            p["出生日期"].append("1960-01-01")
            p["劳动能力"].append(labour_zh[cap])
        household = pp.Household(
            id=hid,
            members=members,
            village=f"V{h % 3}",
            dibao=r["dibao"],
            extreme_poverty_support=r["extreme"],
        )
        income = None if r["income"] is None else Money.from_fen(r["income"])
        cases.append(
            pp.MonitoringCase(
                household=household,
                assessed_on=ASSESSED,
                per_capita_disposable_income=income,
                category=r["category"],
                risk_cleared=bool(r["risk_cleared"]),
                risk_factors=r["risks"],
                unmet_needs=r["needs"],
                **r["facts"],
            )
        )
        m["户编号"].append(hid)
        m["村"].append(f"V{h % 3}")
        m["评定日期"].append(ASSESSED.isoformat())
        m["人均可支配收入"].append(None if income is None else str(income))
        m["监测类别"].append(None if r["category"] is None else r["category"].value)
        m["已标记消除风险"].append(YES_NO[r["risk_cleared"]])
        m["低保"].append(YES_NO[r["dibao"]])
        m["特困供养"].append(r["extreme"])
        m["风险类型"].append(_set_text(r["risks"], RISK_ZH))
        m["未保障事项"].append(_set_text(r["needs"]))
        m["上次预警等级"].append(r["previous"])
        for field, header in FACTS.items():
            m[header].append(YES_NO[r["facts"][field]])
    return cases, pa.table(m), pa.table(p)


def _words(items: Any) -> str:
    return ",".join(x.value for x in items)


PREVIOUS = {"红": "red", "黄": "yellow", "蓝": "blue", None: None}


def check(
    result: ledger.LedgerResult, cases: list[pp.MonitoringCase], prev: list[Any], policy: pp.Policy
) -> None:
    rows = {r["household_id"]: r for r in result.arrow.to_pylist()}
    assert set(rows) == {c.household.id for c in cases}
    for c, before in zip(cases, prev, strict=True):
        single = screen(c, policy)
        s, w = single.value.screening, single.value.warning
        row = rows[c.household.id]
        assert row["scope"] == s.reason
        assert row["scope_groups"] == _words(s.groups)
        assert row["scope_not_recorded"] == _words(s.not_recorded)
        assert row["level"] == (None if w.level is None else w.level.value)
        assert row["reason"] == w.reason
        assert row["levels_held"] == _words(w.held)
        cond = dict(w.conditions)
        assert row["conditions_met"] == _words(x for x in LevelCondition if cond[x])
        assert row["conditions_not_recorded"] == _words(
            x for x in LevelCondition if cond[x] is None
        )
        risks = c.risk_factors
        assert row["risk_factors"] == (
            None if risks is None else _words(x for x in RiskFactor if x in risks)
        )
        assert row["previous_level"] == PREVIOUS[before]
        assert row["level_changed"] is (row["previous_level"] != row["level"])
        assert row["village"] == c.household.village
    # The ledger explains a row with the single-case rule's own explanation.
    first = cases[0]
    assert result.explain(first.household.id, locale="en") == screen(first, policy).explain("en")


@settings(deadline=None)
@given(ledgers)
def test_screening_kernel_equals_single_case_rule(population: list[dict[str, Any]]) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    cases, monitored, persons = build(population)
    result = ledger.run("monitoring.screening", policy, monitored=monitored, persons=persons)
    assert result.summary.balanced
    assert len(result.log) == 0
    check(result, cases, [r["previous"] for r in population], policy)


def _user_pack(tmp_path: Path) -> pp.Policy:
    body = f'id = "other-reading"\ntitle = "t"\nissuer = "t"\nparent = "{PACK}"\n'
    body += 'source = { document = "t.txt", section = "§1" }\n'
    for name, value in (
        ("no_labour_reading", "same"),
        ("red_hardship_scope", "spending_and_income"),
        ("profile_traits", "any"),
        ("drinking_water_for_red", "included"),
    ):
        body += (
            f'[parameters."monitoring.{name}"]\nunit = "choice"\n'
            'citation = { document = "t.txt", section = "§1" }\n'
            f'values = [{{ from = 2021-01-01, value = "{value}" }}]\n'
        )
    path = tmp_path / "other.toml"
    path.write_text(body, encoding="utf-8")
    return pp.Policy.load(path, on=ON)


@settings(deadline=None, max_examples=60)
@given(ledgers)
def test_screening_kernel_equals_single_case_rule_under_other_readings(
    population: list[dict[str, Any]],
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        policy = _user_pack(Path(tmp))
        cases, monitored, persons = build(population)
        result = ledger.run("monitoring.screening", policy, monitored=monitored, persons=persons)
        check(result, cases, [r["previous"] for r in population], policy)


def _one() -> tuple[pa.Table, pa.Table]:
    monitored = pa.table(
        {
            "household_id": ["H1", "H2", "H3"],
            "village": ["V1", "V1", "V2"],
            "assessed_on": [ASSESSED] * 3,
            "per_capita_disposable_income": ["5000", "9000", "7000"],
            "dibao": [True, False, False],
            "extreme_poverty_support": [False, False, False],
            "risk_factors": ["因大病", "无", "因灾,因学"],
        }
    )
    persons = pa.table(
        {
            "person_id": ["P1", "P2", "P3", "P4"],
            "household_id": ["H1", "H2", "H2", "H3"],
            "birth_date": [dt.date(1960, 1, 1)] * 4,
            "labour_capacity": ["有劳动能力", "有劳动能力", "部分丧失劳动能力", None],
        }
    )
    return monitored, persons


def test_bad_set_cell_and_bad_member_row_go_to_errors() -> None:
    monitored, persons = _one()
    monitored = monitored.set_column(6, "risk_factors", pa.array(["因大病", "因天气", "无"]))
    persons = persons.set_column(
        3, "labour_capacity", pa.array(["有劳动能力", "有劳动能力", "很强", None])
    )
    r = ledger.run(
        "monitoring.screening", PACK, on=ON, monitored=monitored, persons=persons, locale="en"
    )
    assert r.summary.balanced
    assert [x["household_id"] for x in r.arrow.to_pylist()] == ["H1", "H3"]
    errors = r.errors_arrow().to_pylist()
    codes = {(e["table"], e["code"]) for e in errors}
    assert ("monitored", "ledger.error.enum") in codes  # 因天气 is no risk factor
    assert ("persons", "ledger.error.enum") in codes  # 很强 is no labour capacity
    counts = {t.table: t for t in r.summary.tables}
    assert counts["monitored"].errors == 1
    assert counts["persons"].errors == 1
    assert counts["persons"].held == 1  # H2's other member


def test_empty_dibao_is_not_recorded_not_no() -> None:
    monitored, persons = _one()
    monitored = monitored.set_column(4, "dibao", pa.array([True, None, False]))
    r = ledger.run("monitoring.screening", PACK, on=ON, monitored=monitored, persons=persons)
    assert r.errors_arrow().num_rows == 0
    rows = {x["household_id"]: x for x in r.arrow.to_pylist()}
    assert rows["H2"]["scope"] == "scope_undetermined"
    assert "low_income" in rows["H2"]["scope_not_recorded"]
    assert "low_income" not in (rows["H3"]["scope_not_recorded"] or "")
    assert r.result("H2").value.screening.reason == "scope_undetermined"  # as the single rule
    assert "not recorded" in r.explain("H2", locale="en")
    assert r.summary.balanced


def test_absent_fact_columns_are_not_recorded() -> None:
    monitored, persons = _one()
    r = ledger.run("monitoring.screening", PACK, on=ON, monitored=monitored, persons=persons)
    row = r.arrow.to_pylist()[2]
    assert row["scope"] == "scope_undetermined"
    assert "registered_out_of_poverty" not in r.arrow.column_names
    assert "out_of_poverty" in row["scope_not_recorded"]
    assert "previous_level" not in r.arrow.column_names


def test_missing_required_column_is_one_error() -> None:
    monitored, persons = _one()
    with pytest.raises(MissingColumnError, match="dibao"):
        ledger.run(
            "monitoring.screening",
            PACK,
            on=ON,
            monitored=monitored.drop_columns(["dibao"]),
            persons=persons,
        )


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_dataframes_in_and_out(kind: str) -> None:
    monitored, persons = _one()
    if kind == "pandas":
        m, p = monitored.to_pandas(), persons.to_pandas()
    else:
        import polars as pl

        m, p = pl.from_arrow(monitored), pl.from_arrow(persons)
    r = ledger.run("monitoring.screening", PACK, on=ON, monitored=m, persons=p)
    assert type(r.table).__module__.split(".")[0] == kind
    assert len(r) == 3


# -- MON-6 ------------------------------------------------------------------------------------


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), min_size=1, max_size=30))
def test_spot_check_kernel_equals_single_rule(pairs: list[tuple[int, int]]) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    table = pa.table(
        {
            "村": [f"V{i}" for i in range(len(pairs))],
            "抽查户数": [s for s, _ in pairs],
            "疑似问题户数": [d for _, d in pairs],
        }
    )
    r = ledger.run("monitoring.spot_check", policy, spot_checks=table)
    assert r.summary.balanced
    rows = {x["village"]: x for x in r.arrow.to_pylist()}
    bad = {e["id"] for e in r.errors_arrow().to_pylist()}
    for i, (s, d) in enumerate(pairs):
        v = f"V{i}"
        if s == 0 or d > s:
            assert v in bad
            continue
        single = spot_check(v, s, d, policy).value
        assert rows[v]["rescreen_village"] is single.rescreen_village
        assert rows[v]["reason"] == (
            "rescreen_village" if single.rescreen_village else "recheck_doubtful"
        )
    if rows:
        v = next(iter(rows))
        i = int(v[1:])
        assert r.explain(v, locale="en") == spot_check(v, *pairs[i], policy).explain("en")


# -- the summary per village and township ------------------------------------------------------


def test_summary_counts_per_village_and_township(tmp_path: Path) -> None:
    from povertypolicy.ledger.monitoring_summary import summarise

    monitored, persons = _one()
    monitored = monitored.append_column("township", pa.array(["T1", "T1", "T2"]))
    monitored = monitored.append_column("previous_level", pa.array(["红", "红", None]))
    r = ledger.run("monitoring.screening", PACK, on=ON, monitored=monitored, persons=persons)
    checks = pa.table({"village": ["V1", "V2"], "sampled": [40, 50], "doubtful": [1, 1]})
    spot = ledger.run("monitoring.spot_check", PACK, on=ON, spot_checks=checks)
    s = summarise(r, spot_checks=spot)
    villages = {(x["township"], x["village"]): x for x in s.villages.to_pylist()}
    v1 = villages[("T1", "V1")]
    assert v1["households"] == 2
    assert v1["group_low_income"] == 1
    assert v1["group_below_income_line"] == 1
    assert v1["risk_serious_illness"] == 1
    assert v1["rescreen_village"] is True  # 1 of 40 = 2.5% > 2%
    assert villages[("T2", "V2")]["rescreen_village"] is False  # 1 of 50 = 2%
    levels = {x["township"]: x for x in s.townships.to_pylist()}
    rows = {x["household_id"]: x for x in r.arrow.to_pylist()}
    assert levels["T1"]["red"] == sum(rows[h]["reason"] == "red" for h in ("H1", "H2"))
    assert levels["T1"]["changed"] == sum(rows[h]["level_changed"] for h in ("H1", "H2"))
    assert s.rescreen == ("V1",)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert "V1" in s.text(locale)
    s.to_xlsx(str(tmp_path / "summary.xlsx"))
    assert (tmp_path / "summary.xlsx").stat().st_size > 0


def test_summary_needs_a_screening_run() -> None:
    from povertypolicy.ledger.monitoring_summary import summarise

    checks = pa.table({"village": ["V1"], "sampled": [40], "doubtful": [1]})
    spot = ledger.run("monitoring.spot_check", PACK, on=ON, spot_checks=checks)
    with pytest.raises(pp.InputError):
        summarise(spot)


def test_an_income_too_large_for_the_exact_column_test_is_refused(tmp_path: Path) -> None:
    # 1.001 times the line: income × 1000 must stay below 2⁶², else the kernel refuses.
    body = f'id = "fine-multiple"\ntitle = "t"\nissuer = "t"\nparent = "{PACK}"\n'
    body += 'source = { document = "t.txt", section = "§1" }\n'
    body += '[parameters."monitoring.income_line_multiple"]\nunit = "times"\n'
    body += 'bound = "exclusive"\ncitation = { document = "t.txt", section = "§1" }\n'
    body += 'values = [{ from = 2021-01-01, value = "1.001" }]\n'
    path = tmp_path / "fine.toml"
    path.write_text(body, encoding="utf-8")
    policy = pp.Policy.load(path, on=ON)
    monitored, persons = _one()
    column = monitored.schema.get_field_index("per_capita_disposable_income")
    huge = pa.array(["90000000000000", "9000", "7000"])
    monitored = monitored.set_column(column, "per_capita_disposable_income", huge)
    with pytest.raises(pp.RuleError) as exc:
        ledger.run("monitoring.screening", policy, monitored=monitored, persons=persons)
    assert str(exc.value) == "[MON-1] income too large for the exact column test"
    check_rule_error(exc.value, "monitoring.error.income_too_large", {})
