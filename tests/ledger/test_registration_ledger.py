"""One truth: the registration ledger equals the single-household rules (ID-1, ID-2, ID-5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Exclusion, LabourCapacity, Money, ledger
from povertypolicy.rules.registration import card_class, eligibility

PACK = "hn-longhui-town-registration-2014"
ON = dt.date(2014, 4, 10)
YES_NO = {True: "是", False: "否", None: None}
EXCL_ZH = {
    Exclusion.WHOLE_HOUSEHOLD_AWAY: "全户外出",
    Exclusion.BUSINESS_HOUSEHOLD: "经商户",
    Exclusion.BOUGHT_CAR: "家庭成员中有1人购置小车",
    Exclusion.CHILDREN_NOT_SUPPORTING: "子女条件较好而不履行赡养义务",
}

record = st.fixed_dictionaries(
    {
        "born": st.sampled_from([dt.date(1953, 4, 10), dt.date(1953, 4, 11), dt.date(1975, 6, 1)]),
        "labour": st.lists(st.sampled_from([*LabourCapacity, None]), min_size=1, max_size=6),
        "labourer": st.booleans(),
        "willing": st.sampled_from([True, False, None]),
        "income": st.one_of(st.none(), st.sampled_from([273_600, 273_601, 100_000])),
        "year": st.sampled_from([2013, None]),
        "exclusions": st.one_of(
            st.none(), st.frozensets(st.sampled_from(list(EXCL_ZH)), max_size=2)
        ),
        "dibao": st.none() | st.booleans(),
        "five": st.sampled_from([True, False, None]),
        "deep": st.sampled_from([True, False, None]),
    }
)


def build(population: list[dict[str, Any]]) -> tuple[list[pp.Applicant], pa.Table, pa.Table]:
    apps = []
    a: dict[str, list[Any]] = {
        k: []
        for k in (
            "户编号",
            "评议日期",
            "主要劳动力编号",
            "脱贫愿望较强",
            "人均纯收入",
            "收入年度",
            "十一不评",
            "低保",
            "五保户",
            "贫困程度较深",
        )
    }
    p: dict[str, list[Any]] = {k: [] for k in ("人员编号", "户编号", "出生日期", "劳动能力")}
    for h, r in enumerate(population):
        hid = f"H{h}"
        members = []
        for j, cap in enumerate(r["labour"]):
            born = r["born"] if j == 0 else dt.date(1990, 1, 1)
            members.append(pp.Person(id=f"{hid}-{j}", birth_date=born, labour_capacity=cap))
            p["人员编号"].append(f"{hid}-{j}")
            p["户编号"].append(hid)
            p["出生日期"].append(born)
            p["劳动能力"].append(None if cap is None else cap.value)
        income = None if r["income"] is None else Money.from_fen(r["income"])
        labourer = f"{hid}-0" if r["labourer"] else None
        apps.append(
            pp.Applicant(
                household=pp.Household(id=hid, members=members, dibao=r["dibao"]),
                assessed_on=ON,
                main_labourer_id=labourer,
                willing=r["willing"],
                per_capita_net_income=income,
                income_year=r["year"],
                exclusions=r["exclusions"],
                five_guarantee=r["five"],
                deep_poverty=r["deep"],
            )
        )
        a["户编号"].append(hid)
        a["评议日期"].append(ON)
        a["主要劳动力编号"].append(labourer)
        a["脱贫愿望较强"].append(YES_NO[r["willing"]])
        a["人均纯收入"].append(None if income is None else str(income))
        a["收入年度"].append(r["year"])
        excl = r["exclusions"]
        a["十一不评"].append(
            None if excl is None else ("无" if not excl else "、".join(EXCL_ZH[e] for e in excl))
        )
        a["低保"].append(r["dibao"])
        a["五保户"].append(YES_NO[r["five"]])
        a["贫困程度较深"].append(YES_NO[r["deep"]])
    return apps, pa.table(a), pa.table(p)


@settings(deadline=None, max_examples=50)
@given(st.lists(record, min_size=1, max_size=6))
def test_registration_ledger_equals_single_rule(population: list[dict[str, Any]]) -> None:
    policy = pp.Policy.load(PACK, on=ON)
    apps, applicants, persons = build(population)
    r = ledger.run("registration.eligibility", policy, applicants=applicants, persons=persons)
    assert r.summary.balanced
    assert len(r.log) == 0
    rows = {x["household_id"]: x for x in r.arrow.to_pylist()}
    for app in apps:
        e = eligibility(app, policy).value
        row = rows[app.household.id]
        assert row["reason"] == e.reason
        assert row["eligible"] is e.eligible
        assert row["exclusions"] == ",".join(x.value for x in e.exclusions)
        assert row["not_recorded"] == ",".join(x.value for x in e.not_recorded)
        card = card_class(app, policy).value.card if e.eligible else None
        assert row["card"] == (None if card is None else card.value)
    first = apps[0]
    assert r.explain(first.household.id, locale="zh_Hant") == eligibility(first, policy).explain(
        "zh_Hant"
    )


def test_unknown_exclusion_is_a_row_error() -> None:
    _, applicants, persons = build(
        [
            {
                "born": dt.date(1975, 6, 1),
                "labour": [LabourCapacity.FULL],
                "labourer": True,
                "willing": True,
                "income": 100_000,
                "year": 2013,
                "exclusions": frozenset(),
                "dibao": False,
                "five": False,
                "deep": False,
            },
        ]
    )
    applicants = applicants.set_column(6, "十一不评", pa.array(["养宠物"]))
    r = ledger.run("registration.eligibility", PACK, on=ON, applicants=applicants, persons=persons)
    assert len(r) == 0
    assert r.summary.balanced
    assert r.errors_arrow().column("code").to_pylist()[0] == "ledger.error.enum"
