"""Land over a ledger (land.quota, land.places, land.split, land.audit): the ledger path gives
the single-case rules' numbers and explanations; bad rows go to the errors table."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Area, Money, ledger
from povertypolicy.errors import PovertyPolicyError
from povertypolicy.ledger import MissingColumnError
from povertypolicy.rules import land

PLACES_PACK = "zj-taizhou-expropriated-farmers-2019"
ON = dt.date(2020, 7, 1)
AS_OF = dt.date(2022, 1, 1)
LOCALES = ("zh_Hans", "zh_Hant", "en")
CULT, OTHER, BUILD = (
    pp.LandType.CULTIVATED,
    pp.LandType.OTHER_AGRICULTURAL,
    pp.LandType.CONSTRUCTION,
)

# -- cases as plain data, turned into ledger tables and into domain objects ---------------------


@dataclass
class Case:
    """One case: parcels (id, mu, type, contracted_by), households (id, members: id, born,
    insured), attachments (id, kind, owner, yuan), payments (voucher, payee, yuan, paid on)."""

    case_id: str
    approved_on: dt.date
    parcels: list[tuple[str, str, pp.LandType, str | None]]
    households: list[tuple[str, list[tuple[str, dt.date, bool]]]]
    attachments: list[tuple[str, pp.AttachmentKind, str, str]] = field(default_factory=list)
    payments: list[tuple[str, str, str, dt.date]] = field(default_factory=list)
    collective: str = ""
    per_capita: str | None = "0.8"
    village_land: str | None = "1200"
    population: int | None = 900
    insured: int | None = 100
    quota: int | None = None
    adjustment: int | None = None
    waived: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.collective = self.collective or f"V-{self.case_id}"

    def figures(self) -> tuple[Any, ...]:
        return (self.village_land, self.population, self.insured, self.quota, self.adjustment)


S, N, D = pa.string(), pa.int64(), pa.date32()


def _rows(spec: dict[str, pa.DataType], rows: list[tuple[Any, ...]]) -> pa.Table:
    """A table of ``rows`` (tuples in the order of ``spec``: header → type)."""
    return pa.table({h: pa.array([r[k] for r in rows], t) for k, (h, t) in enumerate(spec.items())})


def tables(cases: list[Case]) -> dict[str, pa.Table]:
    """The six ledger tables: Chinese headers (simplified and traditional) and English ones."""
    hh = [(c, h) for c in cases for h in c.households]
    return {
        "cases": _rows(
            {
                "征地批次编号": S,
                "村集体经济组织": S,
                "征收批准日期": S,
                "征地前人均耕地（亩）": S,
                "村农用地面积": S,
                "16周岁以上农业人口": N,
                "已参保人数": N,
                "核定参保指标": N,
                "调剂指标": N,
            },
            [
                (c.case_id, c.collective, str(c.approved_on), c.per_capita, *c.figures())
                for c in cases
            ],
        ),
        "parcels": _rows(
            {"地块编号": S, "征地批次编号": S, "面积（亩）": S, "地类": S, "承包户编号": S},
            [(p[0], c.case_id, p[1], p[2].value, p[3]) for c in cases for p in c.parcels],
        ),
        "households": _rows(
            {"戶編號": S, "徵地批次編號": S, "放棄參保人數": N},
            [(h[0], c.case_id, c.waived.get(h[0])) for c, h in hh],
        ),
        "persons": _rows(
            {"人員編號": S, "戶編號": S, "出生日期": D, "已參加養老保險": pa.bool_()},
            [(m[0], h[0], m[1], m[2]) for _, h in hh for m in h[1]],
        ),
        "attachments": _rows(
            {"attachment_id": S, "case_id": S, "kind": S, "owner": S, "amount": S},
            [(a[0], c.case_id, a[1].value, a[2], a[3]) for c in cases for a in c.attachments],
        ),
        "payments": _rows(
            {"payment_id": S, "case_id": S, "payee": S, "amount": S, "paid_on": D},
            [(p[0], c.case_id, *p[1:]) for c in cases for p in c.payments],
        ),
    }


def expropriation(case: Case) -> pp.Expropriation:
    return pp.Expropriation(
        collective=case.collective,
        approved_on=case.approved_on,
        parcels=[
            pp.Parcel(id=pid, area=Area.mu(mu), land_type=kind, contracted_by=by)
            for pid, mu, kind, by in case.parcels
        ],
        households=[
            pp.Household(
                id=hid,
                members=[
                    pp.Person(id=p, birth_date=born, pension_insured=ins) for p, born, ins in ms
                ],
            )
            for hid, ms in case.households
        ],
        attachments=[
            pp.Attachment(id=aid, kind=kind, owner=owner, amount=Money(yuan))
            for aid, kind, owner, yuan in case.attachments
        ],
        per_capita_cultivated_before=None if case.per_capita is None else Area.mu(case.per_capita),
        village_land=None if case.village_land is None else Area.mu(case.village_land),
        population_16_plus=case.population,
        already_insured=case.insured,
    )


def payment_ledger(case: Case) -> pp.PaymentLedger:
    return pp.PaymentLedger(
        entries=[
            pp.LedgerEntry(payee=payee, amount=Money(yuan), paid_on=on, reference=ref)
            for ref, payee, yuan, on in case.payments
        ]
    )


def pick(tabs: dict[str, pa.Table], *names: str) -> dict[str, pa.Table]:
    return {n: tabs[n] for n in names}


QUOTA_TABLES = ("cases", "parcels")
PLACES_TABLES = ("cases", "parcels", "households", "persons")
SPLIT_TABLES = (*PLACES_TABLES, "attachments")
AUDIT_TABLES = (*SPLIT_TABLES, "payments")


def rows_of(r: ledger.LedgerResult) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = r.arrow.to_pylist()
    return rows


# -- the packs ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places_policy() -> pp.Policy:
    return pp.Policy.load(PLACES_PACK, on=ON)


def write_province(path: Path, pack_id: str) -> Path:
    """A province pack priced by annual output value until 2019 and by zone price after, with
    social-security fees, households taking the resettlement subsidy (TOML at ``path``)."""
    doc = 'citation = { document = "示例省征地补偿标准", section = "附表" }'
    lines = [
        f'id = "{pack_id}"\ntitle = "示例省"\nissuer = "示例省人民政府"',
        'parent = "cn"\nsource = { document = "示例省征地补偿标准", section = "全文" }',
    ]
    for name, unit, value in (
        ("annual_output_value", "yuan_per_mu", "2000"),
        ("land_compensation_multiple", "times", "8"),
        ("resettlement_multiple", "times", "5"),
        ("household_share_of_land_compensation", "percent", "80"),
        ("resettlement_subsidy_payee", "choice", "households"),
        ("zone_price", "yuan_per_mu", "60000"),
        ("zone_price_land_compensation_share", "percent", "40"),
        ("social_security_fee_per_mu", "yuan_per_mu", "30000"),
    ):
        lines += [f'[parameters."land.{name}"]\nunit = "{unit}"\n{doc}']
        lines.append(f'values = [{{ from = 2010-01-01, value = "{value}" }}]')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> pp.Policy:
    path = tmp_path_factory.mktemp("packs") / "province.toml"
    write_province(path, f"province-{uuid.uuid4().hex[:8]}")
    return pp.Policy.load(path, on=dt.date(2019, 3, 1))


# -- small ledgers -----------------------------------------------------------------------------


def people(hid: str, n: int) -> list[tuple[str, dt.date, bool]]:
    return [(f"{hid}-{i}", dt.date(1975, 1, 1), False) for i in range(1, n + 1)]


def xiqiao(cid: str = "C1", **kw: Any) -> Case:
    """The insurance-places recipe's village: 40 mu of farmland, 30 places; H4 lost none."""
    h = [f"{cid}-H{i}" for i in (1, 2, 3, 4)]
    kid, gran = (
        (f"{h[1]}-kid", dt.date(2006, 2, 1), False),
        (f"{h[1]}-gran", dt.date(1950, 3, 3), True),
    )
    case = Case(
        case_id=cid,
        approved_on=dt.date(2020, 6, 30),
        parcels=[
            (f"{cid}-P1", "20", CULT, h[0]),
            (f"{cid}-P2", "12", CULT, h[1]),
            (f"{cid}-P3", "8", OTHER, h[2]),
            (f"{cid}-P4", "5", BUILD, None),
        ],
        households=[(x, people(x, n)) for x, n in zip(h, (20, 8, 3, 2), strict=True)],
        **kw,
    )
    case.households[1][1].extend([kid, gran])
    return case


def dongshan(case_id: str = "D1", approved_on: dt.date = dt.date(2019, 3, 1)) -> Case:
    """The split recipe's village, with attachments and payments."""
    h = [f"{case_id}-H{i}" for i in (1, 2, 3)]
    return Case(
        case_id=case_id,
        approved_on=approved_on,
        parcels=[
            (f"{case_id}-P1", "3.3", CULT, h[0]),
            (f"{case_id}-P2", "2.1", CULT, h[1]),
            (f"{case_id}-P3", "1.6", CULT, h[2]),
            (f"{case_id}-P4", "1", CULT, None),
        ],
        households=[(x, people(x, 1)) for x in h],
        attachments=[
            (f"{case_id}-A1", pp.AttachmentKind.YOUNG_CROPS, h[0], "1200"),
            (f"{case_id}-A2", pp.AttachmentKind.ATTACHMENT, "Orchard Co.", "5000.50"),
        ],
        payments=[
            (f"{case_id}-T1", f"V-{case_id}", "38400", approved_on + dt.timedelta(days=30)),
            (f"{case_id}-T2", h[0], "20000", approved_on + dt.timedelta(days=40)),
            (f"{case_id}-T3", h[0], "70582.86", approved_on + dt.timedelta(days=200)),
            (f"{case_id}-T4", "Orchard Co.", "6000", approved_on + dt.timedelta(days=20)),
        ],
    )


def test_quota_equals_the_single_case_rule(places_policy: pp.Policy) -> None:
    cases = [xiqiao("C1"), xiqiao("C2", population=120, insured=118)]
    r = ledger.run("land.quota", places_policy, **pick(tables(cases), *QUOTA_TABLES))
    assert r.summary.balanced
    assert len(r.errors_arrow()) == 0
    rows = {row["case_id"]: row for row in rows_of(r)}
    for case in cases:
        direct = land.quota_by_land(expropriation(case), places_policy)
        q, row = direct.value, rows[case.case_id]
        assert (row["places"], row["rounded"], row["cap"]) == (q.places, q.rounded, q.cap)
        assert Fraction(row["unrounded"]) == q.unrounded
        assert row["capped"] is q.capped
        assert row["reason"] == ("capped" if q.capped else "by_land")
        for loc in LOCALES:
            assert r.explain(case.case_id, locale=loc) == direct.explain(loc)
    assert rows["C1"]["places"] == 30
    assert rows["C1"]["farmland_mu"] == "40"
    # 40 mu ÷ (1,200 mu ÷ 120) = 4, but only 120 − 118 = 2 people are left to insure
    assert (rows["C2"]["rounded"], rows["C2"]["places"], rows["C2"]["reason"]) == (4, 2, "capped")
    assert r.summary.reasons == {"by_land": 1, "capped": 1}


def test_places_equal_the_single_case_rule(places_policy: pp.Policy) -> None:
    cases = [xiqiao("C1"), xiqiao("C2", quota=10), xiqiao("C3", waived={"C3-H1": 2})]
    r = ledger.run("land.places", places_policy, **pick(tables(cases), *PLACES_TABLES))
    assert r.summary.balanced
    assert len(r.errors_arrow()) == 0
    assert len(r) == sum(len(c.households) for c in cases)
    rows = {row["id"]: row for row in rows_of(r)}
    for case in cases:
        exp = expropriation(case)
        quota = (
            case.quota if case.quota is not None else land.quota_by_land(exp, places_policy).value
        )
        direct = land.allocate_places(exp, quota, places_policy)
        expected = direct
        if case.waived:
            again = land.reallocate_places(direct.value, case.waived)
            expected = pp.Result(value=again.value, steps=direct.steps + again.steps)
        alloc = expected.value
        by_id = {h.household: h for h in alloc.households}
        for hid, _ in case.households:
            row = rows[f"{case.case_id}/{hid}"]
            assert row["places"] == alloc.places_of(hid)
            assert row["quota"] == alloc.quota
            hp = by_id.get(hid)
            if hp is None:
                assert row["reason"] == "no_farmland_taken"
                assert row["eligible_members"] is None
            else:
                assert row["eligible_members"] == len(hp.eligible)
                assert row["took_remainder"] is hp.took_remainder
                assert (row["waived"], row["added"]) == (hp.waived, hp.added)
                assert Fraction(row["area_mu"]) == hp.area_mu
                assert Fraction(row["unrounded"]) == hp.unrounded
            for loc in LOCALES:
                assert r.explain(f"{case.case_id}/{hid}", locale=loc) == expected.explain(loc)
    assert [rows[f"C1/C1-H{i}"]["places"] for i in (1, 2, 3, 4)] == [19, 8, 3, 0]
    assert [rows[f"C2/C2-H{i}"]["places"] for i in (1, 2, 3)] == [5, 3, 2]
    assert rows["C3/C3-H1"]["places"] == 18
    assert rows["C3/C3-H1"]["waived"] == 2
    assert "LAND-10" in r.explain("C3/C3-H1", locale="en")


def test_split_equals_the_single_case_rule(province: pp.Policy) -> None:
    cases = [dongshan("D1"), dongshan("D2", approved_on=dt.date(2021, 3, 1))]
    r = ledger.run("land.split", province, **pick(tables(cases), *SPLIT_TABLES))
    assert r.summary.balanced
    assert len(r.errors_arrow()) == 0
    got = rows_of(r)
    for case in cases:
        direct = land.split_compensation(expropriation(case), province)
        mine = [row for row in got if row["case_id"] == case.case_id]
        assert [row["payee"] for row in mine] == [p.payee for p in direct.value.payees]
        for row, p in zip(mine, direct.value.payees, strict=True):
            assert row["id"] == f"{case.case_id}/{p.payee}"
            assert row["amount_fen"] == p.amount.fen
            assert row["payee_kind"] == p.payee_kind.value
            items = dict(p.items)
            for item in land.CompensationItem:
                assert row[f"{item.value}_fen"] == items.get(item, Money.zero()).fen
            assert row["reason"] == f"to_{p.payee_kind.value}"
        for loc in LOCALES:
            assert r.explain(f"{case.case_id}/V-{case.case_id}", locale=loc) == direct.explain(loc)
    d1 = {row["payee"]: row for row in got if row["case_id"] == "D1"}
    assert d1["V-D1"]["amount_fen"] == 3_840_000  # the recipe's 38,400 yuan
    total = sum(land.split_compensation(expropriation(c), province).value.total.fen for c in cases)
    assert r.summary.totals["amount_fen"] == total


def test_audit_equals_the_single_case_rule(province: pp.Policy) -> None:
    cases = [dongshan("D1"), dongshan("D2", approved_on=dt.date(2019, 6, 1))]
    r = ledger.run("land.audit", province, as_of=AS_OF, **pick(tables(cases), *AUDIT_TABLES))
    assert r.summary.balanced
    assert len(r.errors_arrow()) == 0
    got = rows_of(r)
    for case in cases:
        split = land.split_compensation(expropriation(case), province).value
        direct = land.audit_payments(split, payment_ledger(case), province, as_of=AS_OF)
        mine = [row for row in got if row["case_id"] == case.case_id]
        assert [row["payee"] for row in mine] == [p.payee for p in direct.value.payees]
        for row, p in zip(mine, direct.value.payees, strict=True):
            assert (row["due_fen"], row["paid_fen"]) == (p.due.fen, p.paid.fen)
            assert row["status"] == p.status.value
            assert (row["late_days"], row["overdue_days"]) == (p.late_days, p.overdue_days)
            assert row["completed_on"] == p.completed_on
            assert row["due_on"] == direct.value.due_on
        for loc in LOCALES:
            assert r.explain(f"{case.case_id}/{case.households[0][0]}", locale=loc) == (
                direct.explain(loc)
            )
    d1 = {row["payee"]: row for row in got if row["case_id"] == "D1"}
    assert d1["V-D1"]["reason"] == "paid_in_full"
    assert d1["D1-H1"]["reason"] == "paid_late"
    assert d1["D1-H1"]["late_days"] > 0
    assert d1["D1-H2"]["reason"] == "never_paid"
    assert d1["D1-H2"]["overdue_days"] > 0
    assert d1["Orchard Co."]["reason"] == "overpaid"


def test_pandas_in_pandas_out(places_policy: pp.Policy) -> None:
    cases = [xiqiao("C1"), xiqiao("C2", quota=10)]
    frames = {k: v.to_pandas() for k, v in pick(tables(cases), *PLACES_TABLES).items()}
    r = ledger.run("land.places", places_policy, **frames)
    assert isinstance(r.table, pd.DataFrame)
    assert isinstance(r.errors, pd.DataFrame)
    places = dict(zip(r.table["id"], r.table["places"], strict=True))
    assert places["C1/C1-H1"] == 19
    assert places["C2/C2-H1"] == 5
    direct = land.allocate_places(expropriation(cases[1]), 10, places_policy)
    assert r.explain("C2/C2-H2") == direct.explain()


def test_polars_in_polars_out(province: pp.Policy) -> None:
    cases = [dongshan("D1")]
    frames = {k: pl.from_arrow(v) for k, v in pick(tables(cases), *SPLIT_TABLES).items()}
    r = ledger.run("land.split", province, **frames)
    assert isinstance(r.table, pl.DataFrame)
    due = dict(zip(r.table["payee"].to_list(), r.table["amount_fen"].to_list(), strict=True))
    direct = land.split_compensation(expropriation(cases[0]), province)
    assert due == {p.payee: p.amount.fen for p in direct.value.payees}
    assert r.explain("D1/D1-H1", locale="zh_Hant") == direct.explain("zh_Hant")


# -- bad rows ----------------------------------------------------------------------------------


def error_codes(r: ledger.LedgerResult) -> set[tuple[str, str | None, str]]:
    e = r.errors_arrow()
    return set(zip(*(e.column(c).to_pylist() for c in ("table", "id", "code")), strict=True))


def bad_ledger() -> tuple[list[Case], dict[str, pa.Table]]:
    """C1 and C5 good; C2 a bad date; C3 a negative area; C4 a duplicate parcel id; a parcel
    of an unknown case."""
    cases = [xiqiao("C1"), xiqiao("C2"), xiqiao("C3"), xiqiao("C4"), xiqiao("C5")]
    tabs = tables(cases)
    c = tabs["cases"].to_pydict()
    c["征收批准日期"][1] = "2020-13-45"
    p = tabs["parcels"].to_pydict()
    p["面积（亩）"][8] = "-2"  # C3-P1
    p["地块编号"][13] = "C4-P1"  # C4-P2 → a second C4-P1
    for col, value in (("地块编号", "X-P1"), ("征地批次编号", "C9"), ("面积（亩）", "3")):
        p[col].append(value)
    p["地类"].append("耕地")
    p["承包户编号"].append(None)
    tabs["cases"] = pa.table(c)
    tabs["parcels"] = pa.table(p)
    return cases, tabs


def test_bad_rows_go_to_the_errors_and_good_cases_are_computed(places_policy: pp.Policy) -> None:
    cases, tabs = bad_ledger()
    r = ledger.run("land.places", places_policy, **pick(tabs, *PLACES_TABLES))
    assert r.summary.balanced
    assert sorted({row["case_id"] for row in rows_of(r)}) == ["C1", "C5"]
    codes = error_codes(r)
    assert ("cases", "C2", "ledger.error.date") in codes
    assert ("parcels", "C3-P1", "ledger.error.decimal") in codes
    assert ("cases", "C3", "ledger.error.case_parcel_row") in codes
    assert ("parcels", "C4-P1", "ledger.error.duplicate") in codes
    assert ("parcels", "X-P1", "ledger.error.unknown_parent") in codes
    # every other row of a held case is listed, not dropped
    assert ("parcels", "C2-P1", "ledger.error.case_row") in codes
    assert ("households", "C3-H1", "ledger.error.case_row") in codes
    assert ("persons", "C4-H1-1", "ledger.error.household_row") in codes
    counts = {t.table: t for t in r.summary.tables}
    # own errors: C3-P1, both C4-P1 and the stray parcel; held: the other parcels of C2–C4
    p = counts["parcels"]
    assert (p.rows, p.used, p.held, p.errors) == (21, 2 * 4, 4 + 3 + 2, 4)
    c = counts["cases"]
    assert (c.used, c.held, c.errors) == (2, 2, 1)
    for case in (cases[0], cases[4]):
        direct = land.allocate_places(
            expropriation(case),
            land.quota_by_land(expropriation(case), places_policy).value,
            places_policy,
        )
        h1 = f"{case.case_id}/{case.case_id}-H1"
        assert r.explain(h1) == direct.explain()
    messages = r.errors_arrow("en").column("message").to_pylist()
    assert any("is not a date" in m for m in messages)


def test_bad_rows_in_payments_and_attachments(province: pp.Policy) -> None:
    cases = [dongshan("D1"), dongshan("D2"), dongshan("D3"), dongshan("D4")]
    cases[1].payments.append(("D2-T9", "D2-H9", "10", dt.date(2019, 4, 1)))  # not a party
    cases[2].attachments.append(("D3-A9", pp.AttachmentKind.ATTACHMENT, "D3-H1", "0"))
    cases[3].payments.append(("D4-T9", "D4-H1", "10", dt.date(2022, 2, 1)))  # after as_of
    r = ledger.run("land.audit", province, as_of=AS_OF, **pick(tables(cases), *AUDIT_TABLES))
    assert r.summary.balanced
    assert {row["case_id"] for row in rows_of(r)} == {"D1"}
    codes = error_codes(r)
    assert ("payments", "D2-T9", "ledger.error.unknown_payee") in codes
    assert ("cases", "D2", "ledger.error.case_payment_row") in codes
    assert ("attachments", "D3-A9", "ledger.error.not_positive") in codes
    assert ("cases", "D3", "ledger.error.case_attachment_row") in codes
    assert ("payments", "D4-T9", "ledger.error.after_as_of") in codes
    assert ("payments", "D4-T1", "ledger.error.case_row") in codes


def test_contracted_by_must_name_a_household_of_the_same_case(province: pp.Policy) -> None:
    cases = [dongshan("D1"), dongshan("D2")]
    cases[1].parcels[0] = ("D2-P1", "3.3", CULT, "D1-H1")  # a household of D1
    r = ledger.run("land.split", province, **pick(tables(cases), *SPLIT_TABLES))
    assert r.summary.balanced
    assert ("parcels", "D2-P1", "ledger.error.not_household_of_case") in error_codes(r)
    assert {row["case_id"] for row in rows_of(r)} == {"D1"}


def test_a_case_the_rule_refuses_is_an_error_row(places_policy: pp.Policy) -> None:
    cases = [xiqiao("C1"), xiqiao("C2", population=50, insured=60)]
    r = ledger.run("land.quota", places_policy, **pick(tables(cases), *QUOTA_TABLES))
    assert r.summary.balanced
    assert [row["case_id"] for row in rows_of(r)] == ["C1"]
    codes = error_codes(r)
    assert ("cases", "C2", "ledger.error.rule") in codes
    assert ("parcels", "C2-P1", "ledger.error.case_row") in codes
    with pytest.raises(pp.InputError):
        expropriation(cases[1])


def test_a_missing_required_column_is_named(places_policy: pp.Policy) -> None:
    tabs = pick(tables([xiqiao("C1")]), *QUOTA_TABLES)
    tabs["parcels"] = tabs["parcels"].drop_columns(["面积（亩）"])
    with pytest.raises(MissingColumnError) as err:
        ledger.run("land.quota", places_policy, **tabs)
    assert [c.name for c in err.value.columns] == ["area"]
    assert "面积" in str(err.value)
    tabs = pick(tables([xiqiao("C1")]), *QUOTA_TABLES)
    tabs["cases"] = tabs["cases"].drop_columns(["村农用地面积"])
    with pytest.raises(MissingColumnError) as err:
        ledger.run("land.quota", places_policy, **tabs)
    assert [c.name for c in err.value.columns] == ["village_land"]


def test_land_rules_are_registered_with_titles() -> None:
    from povertypolicy.explain.render import render_message

    rules = ledger.ledger_rules()
    for name in ("land.quota", "land.places", "land.split", "land.audit"):
        rule = rules[name]
        for loc in LOCALES:
            assert render_message(rule.title, {}, loc)
            for code in rule.reasons:
                assert render_message(f"ledger.reason.{code}", {}, loc)
            for t in rule.tables:
                assert render_message(f"ledger.table.{t.name}", {}, loc)


# -- property: the ledger path is the single-case path ------------------------------------------


@st.composite
def ledgers(draw: st.DrawFn) -> list[Case]:
    def n(lo: int, hi: int) -> int:
        return draw(st.integers(lo, hi))

    def one(*options: Any) -> Any:
        return draw(st.sampled_from(options))

    def born() -> dt.date:
        return dt.date(n(1950, 2012), n(1, 12), 1)

    out = []
    for k in range(n(1, 4)):
        cid, on = f"K{k}", one(dt.date(2019, 3, 1), dt.date(2021, 3, 1))
        hids = [f"{cid}-H{i}" for i in range(n(1, 4))]
        owners = [*hids, "Co-1"]
        population = n(1, 1000)
        case = Case(
            case_id=cid,
            approved_on=on,
            households=[
                (h, [(f"{h}-{j}", born(), one(True, False)) for j in range(n(1, 3))]) for h in hids
            ],
            parcels=[
                (
                    f"{cid}-P{i}",
                    str(n(1, 500) / 10),
                    one(CULT, CULT, OTHER, BUILD),
                    one(*hids, None),
                )
                for i in range(n(1, 5))
            ],
            attachments=[
                (f"{cid}-A{i}", one(*pp.AttachmentKind), one(*owners), str(n(1, 10**6) / 100))
                for i in range(n(0, 2))
            ],
            payments=[
                (
                    f"{cid}-T{i}",
                    one(f"V-{cid}", *owners),
                    str(n(1, 10**7) / 100),
                    on + dt.timedelta(days=n(0, 250)),
                )
                for i in range(n(0, 3))
            ],
            per_capita=one("0.8", "1.5", "2"),
            village_land=str(n(100, 5000)),
            population=population,
            insured=n(0, population),
        )
        out.append(case)
    return out


def direct_results(case: Case, places: pp.Policy, province: pp.Policy) -> dict[str, Any]:
    """The single-case rules on one case: each rule's Result, or None where it refuses."""
    exp = expropriation(case)
    out: dict[str, Any] = {"quota": None, "places": None, "split": None, "audit": None}
    try:
        out["quota"] = land.quota_by_land(exp, places)
        out["places"] = land.allocate_places(exp, out["quota"].value, places)
    except PovertyPolicyError:
        pass
    try:
        out["split"] = land.split_compensation(exp, province)
        ledger_ = payment_ledger(case)
        out["audit"] = land.audit_payments(out["split"].value, ledger_, province, as_of=AS_OF)
    except PovertyPolicyError:
        pass
    return out


@settings(max_examples=25, deadline=None)
@given(cases=ledgers())
def test_ledger_path_equals_single_case_path(
    cases: list[Case], places_policy: pp.Policy, province: pp.Policy
) -> None:
    tabs = tables(cases)
    quota = ledger.run("land.quota", places_policy, **pick(tabs, *QUOTA_TABLES))
    places = ledger.run("land.places", places_policy, **pick(tabs, *PLACES_TABLES))
    split = ledger.run("land.split", province, **pick(tabs, *SPLIT_TABLES))
    audit = ledger.run("land.audit", province, as_of=AS_OF, **pick(tabs, *AUDIT_TABLES))
    for r in (quota, places, split, audit):
        assert r.summary.balanced
    for case in cases:
        cid = case.case_id
        direct = direct_results(case, places_policy, province)
        q, a, sp, au = (direct[k] for k in ("quota", "places", "split", "audit"))
        rows = [row for row in rows_of(quota) if row["case_id"] == cid]
        if q is None:
            assert not rows
            assert ("cases", cid, "ledger.error.rule") in error_codes(quota)
        else:
            got = [(x["places"], Fraction(x["unrounded"])) for x in rows]
            assert got == [(q.value.places, q.value.unrounded)]
            assert quota.explain(cid) == q.explain()
        rows = [row for row in rows_of(places) if row["case_id"] == cid]
        if a is None:
            assert not rows
        else:
            assert {x["household_id"]: x["places"] for x in rows} == {
                hid: a.value.places_of(hid) for hid, _ in case.households
            }
            assert places.explain(f"{cid}/{case.households[0][0]}") == a.explain()
        rows = [row for row in rows_of(split) if row["case_id"] == cid]
        if sp is None:
            assert not rows
            assert ("cases", cid, "ledger.error.rule") in error_codes(split)
        else:
            assert [(x["payee"], x["amount_fen"]) for x in rows] == [
                (p.payee, p.amount.fen) for p in sp.value.payees
            ]
            assert split.explain(rows[0]["id"], locale="en") == sp.explain("en")
        rows = [row for row in rows_of(audit) if row["case_id"] == cid]
        if au is None:
            assert not rows
        else:
            assert [
                (x["payee"], x["due_fen"], x["paid_fen"], x["status"], x["overdue_days"])
                for x in rows
            ] == [
                (p.payee, p.due.fen, p.paid.fen, p.status.value, p.overdue_days)
                for p in au.value.payees
            ]
            assert audit.explain(rows[0]["id"]) == au.explain()
