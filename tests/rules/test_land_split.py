"""LAND-3 (the split, to the fen) and LAND-6 (the payment audit)."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules.land import (
    CompensationItem,
    PayeeKind,
    PaymentStatus,
    audit_payments,
    split_compensation,
)

APPROVED = dt.date(2019, 3, 1)
DOC = 'citation = { document = "示例省征地补偿标准", section = "附表" }'


def pack_text(share: str = "80", payee: str = "households", aov: str = "2000") -> str:
    figures = [
        ("land.annual_output_value", "yuan_per_mu", f'"{aov}"'),
        ("land.land_compensation_multiple", "times", '"8"'),
        ("land.resettlement_multiple", "times", '"5"'),
        ("land.household_share_of_land_compensation", "percent", f'"{share}"'),
        ("land.resettlement_subsidy_payee", "choice", f'"{payee}"'),
        ("land.zone_price", "yuan_per_mu", '"60000"'),
        ("land.zone_price_land_compensation_share", "percent", '"40"'),
        ("land.social_security_fee_per_mu", "yuan_per_mu", '"30000"'),
    ]
    lines = [
        f'id = "province-{uuid.uuid4().hex[:8]}"',
        'title = "示例省"',
        'issuer = "示例省人民政府"',
        'parent = "cn"',
        'source = { document = "示例省征地补偿标准", section = "全文" }',
    ]
    for name, unit, value in figures:
        lines += [
            f'[parameters."{name}"]',
            f'unit = "{unit}"',
            DOC,
            f"values = [{{ from = 2010-01-01, value = {value} }}]",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def pack_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def policy_for(folder: Path, on: dt.date = APPROVED, **kw: str) -> pp.Policy:
    path = folder / f"p-{uuid.uuid4().hex[:8]}.toml"
    path.write_text(pack_text(**kw), encoding="utf-8")
    return pp.Policy.load(path, on=on)


def household(hid: str, n: int = 1) -> pp.Household:
    return pp.Household(
        id=hid,
        members=[pp.Person(id=f"{hid}-{i}", birth_date=dt.date(1970, 1, 1)) for i in range(n)],
    )


def village_case(approved_on: dt.date = APPROVED) -> pp.Expropriation:
    return pp.Expropriation(
        collective="V1",
        approved_on=approved_on,
        parcels=[
            pp.Parcel(
                id="p1", area=Area.mu("3.3"), land_type=pp.LandType.CULTIVATED, contracted_by="H1"
            ),
            pp.Parcel(
                id="p2", area=Area.mu("2.1"), land_type=pp.LandType.CULTIVATED, contracted_by="H2"
            ),
            pp.Parcel(
                id="p3",
                area=Area.mu("1.6"),
                land_type=pp.LandType.OTHER_AGRICULTURAL,
                contracted_by="H3",
            ),
            pp.Parcel(id="p4", area=Area.mu("1"), land_type=pp.LandType.CULTIVATED),
        ],
        households=[household("H1"), household("H2"), household("H3"), household("H4")],
        attachments=[
            pp.Attachment(
                id="a1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H1", amount=Money("1200")
            ),
            pp.Attachment(
                id="a2",
                kind=pp.AttachmentKind.ATTACHMENT,
                owner="orchard-co",
                amount=Money("5000.50"),
            ),
            pp.Attachment(
                id="a3", kind=pp.AttachmentKind.ATTACHMENT, owner="orchard-co", amount=Money("10")
            ),
        ],
        per_capita_cultivated_before=Area.mu("0.8"),
    )


def test_LAND_3_worked_split(pack_dir: Path) -> None:
    r = split_compensation(village_case(), policy_for(pack_dir))
    s = r.value
    c = s.compensation
    assert c.land_compensation == Money("128000")  # 8 mu × 2,000 × 8
    assert c.resettlement_subsidy == Money("100000")  # 10 persons × 5 × 2,000
    due = s.due()
    # Collective keeps 20% of the fee, plus 80% of the share of its uncontracted 1 mu:
    # 128,000 × (0.2 + 0.8 × 1/8) = 38,400.
    assert due["V1"] == Money("38400")
    # H1: 80% × 128,000 × 3.3/8 = 42,240 of the fee + 100,000 × 3.3/7 = 47,142.857… → 47,142.86
    # (the resettlement fen goes to the largest remainder) + 1,200 young crops.
    assert due["H1"] == Money("42240") + Money("47142.86") + Money("1200")
    assert due["H2"] == Money("26880") + Money("30000")
    assert due["H3"] == Money("20480") + Money("22857.14")
    assert due["orchard-co"] == Money("5010.50")
    assert "H4" not in due  # no land taken: nothing due
    assert s.total == c.total == sum(due.values(), start=Money.zero())
    kinds = {p.payee: p.payee_kind for p in s.payees}
    assert kinds == {
        "V1": PayeeKind.COLLECTIVE,
        "H1": PayeeKind.HOUSEHOLD,
        "H2": PayeeKind.HOUSEHOLD,
        "H3": PayeeKind.HOUSEHOLD,
        "orchard-co": PayeeKind.OWNER,
    }
    fen_note = next(n for n in r.steps[-3].notes if n.key == "land.note.fen_to_payees")
    assert fen_note.args["payees"] == "H1"
    assert r.rules == ("LAND-1", "LAND-2", "LAND-3")


def test_LAND_3_rows_ready_to_pay(pack_dir: Path) -> None:
    rows = split_compensation(village_case(), policy_for(pack_dir)).value.to_rows()
    assert rows[0] == {"payee": "V1", "payee_kind": "collective", "amount": "38400.00"}
    assert [r["payee"] for r in rows] == ["V1", "H1", "H2", "H3", "orchard-co"]


def test_LAND_3_resettlement_subsidy_to_the_collective(pack_dir: Path) -> None:
    s = split_compensation(village_case(), policy_for(pack_dir, payee="collective")).value
    assert s.due()["V1"] == Money("38400") + Money("100000")


def test_LAND_3_resettlement_subsidy_to_a_resettling_unit(pack_dir: Path) -> None:
    policy = policy_for(pack_dir, payee="resettling_unit")
    with pytest.raises(pp.RuleError, match="no resettling_unit") as info:
        split_compensation(village_case(), policy)
    assert info.value.rule == "LAND-3"
    exp = village_case()
    exp = pp.Expropriation(
        collective=exp.collective,
        approved_on=exp.approved_on,
        parcels=exp.parcels,
        households=exp.households,
        per_capita_cultivated_before=exp.per_capita_cultivated_before,
        resettling_unit="county-resettlement-office",
    )
    s = split_compensation(exp, policy).value
    assert s.due()["county-resettlement-office"] == Money("100000")
    assert s.payees[-1].payee_kind is PayeeKind.RESETTLING_UNIT


def test_LAND_3_whole_fee_to_the_collective_when_share_is_zero(pack_dir: Path) -> None:
    s = split_compensation(village_case(), policy_for(pack_dir, share="0")).value
    fee_lines = [line for line in s.lines if line.item is CompensationItem.LAND_COMPENSATION]
    assert [(line.payee, line.amount) for line in fee_lines] == [("V1", Money("128000"))]


def test_LAND_3_share_above_100_percent_is_refused(pack_dir: Path) -> None:
    # Refused when the pack is read: a percentage has meaning only from 0 to 100.
    with pytest.raises(pp.PolicyPackError, match="not a percentage from 0 to 100"):
        split_compensation(village_case(), policy_for(pack_dir, share="120"))


def test_LAND_3_social_security_fees_to_the_fund_from_2020(pack_dir: Path) -> None:
    on = dt.date(2021, 3, 1)
    s = split_compensation(village_case(on), policy_for(pack_dir, on=on)).value
    assert s.due()["social-security-fund"] == Money("240000")
    assert s.payees[-1].payee_kind is PayeeKind.SOCIAL_SECURITY_FUND
    assert s.total == s.compensation.total


# -- hypothesis: every fen is conserved ------------------------------------------------------


@st.composite
def random_cases(draw: st.DrawFn) -> pp.Expropriation:
    n_households = draw(st.integers(1, 6))
    households = [household(f"H{i}") for i in range(n_households)]
    parcels = []
    for i in range(draw(st.integers(1, 10))):
        owner = draw(st.one_of(st.none(), st.sampled_from([h.id for h in households])))
        parcels.append(
            pp.Parcel(
                id=f"p{i}",
                area=Area(draw(st.integers(1, 5000)), "m2"),
                land_type=draw(st.sampled_from(list(pp.LandType))),
                contracted_by=owner,
            )
        )
    attachments = [
        pp.Attachment(
            id=f"a{i}",
            kind=draw(st.sampled_from(list(pp.AttachmentKind))),
            owner=draw(st.sampled_from(["H0", "V1", "co-1", "co-2"])),
            amount=Money.from_fen(draw(st.integers(1, 10_000_000))),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    if not any(p.contracted_by for p in parcels):
        parcels[0] = pp.Parcel(
            id="p0", area=parcels[0].area, land_type=parcels[0].land_type, contracted_by="H0"
        )
    return pp.Expropriation(
        collective="V1",
        approved_on=draw(st.sampled_from([APPROVED, dt.date(2021, 3, 1)])),
        parcels=parcels,
        households=households,
        attachments=attachments,
        per_capita_cultivated_before=Area.mu(draw(st.sampled_from(["0.3", "0.77", "1.2", "3"]))),
    )


@pytest.fixture(scope="module")
def policies(pack_dir: Path) -> list[pp.Policy]:
    return [
        policy_for(pack_dir, share=share, payee=payee, aov=aov)
        for share, payee, aov in [
            ("0", "collective", "1999.99"),
            ("33.33", "households", "2000"),
            ("80", "households", "777.77"),
            ("100", "collective", "1333.33"),
        ]
    ]


@settings(max_examples=150, deadline=None)
@given(exp=random_cases(), which=st.integers(0, 3))
def test_LAND_3_split_conserves_every_fen(
    policies: list[pp.Policy], exp: pp.Expropriation, which: int
) -> None:
    s = split_compensation(exp, policies[which]).value
    c = s.compensation
    assert s.total == c.total
    assert sum((p.amount for p in s.payees), start=Money.zero()) == c.total
    for item in CompensationItem:
        lines = [line.amount for line in s.lines if line.item is item]
        assert sum(lines, start=Money.zero()) == c.item(item)
    assert all(line.amount > Money.zero() for line in s.lines)
    for p in s.payees:
        assert p.amount == sum((a for _, a in p.items), start=Money.zero())


# -- LAND-6: the payment audit ---------------------------------------------------------------


@pytest.fixture
def split(pack_dir: Path) -> pp.rules.land.CompensationSplit:
    return split_compensation(village_case(), policy_for(pack_dir)).value


def test_LAND_6_audit_each_status(split: pp.rules.land.CompensationSplit, pack_dir: Path) -> None:
    due = split.due()
    ledger = pp.PaymentLedger.from_rows(
        [
            {"payee": "V1", "amount": str(due["V1"].amount), "paid_on": "2019-05-20"},
            {"payee": "H1", "amount": "50000", "paid_on": "2019-04-01"},
            {
                "payee": "H1",
                "amount": str((due["H1"] - Money("50000")).amount),
                "paid_on": "2019-06-11",
            },
            {"payee": "H2", "amount": "1000", "paid_on": "2019-04-01"},
            {"payee": "orchard-co", "amount": "6000", "paid_on": "2019-04-01"},
            {"payee": "H4", "amount": "300", "paid_on": "2019-04-01", "reference": "typo?"},
        ]
    )
    r = audit_payments(split, ledger, policy_for(pack_dir), as_of=dt.date(2019, 7, 1))
    a = r.value
    assert a.due_on == dt.date(2019, 6, 1)  # 3 months after approval (1998 regs art. 25)
    v1, h1, h2, h3 = a.of("V1"), a.of("H1"), a.of("H2"), a.of("H3")
    assert (v1.status, v1.late_days, v1.ok) == (PaymentStatus.PAID_IN_FULL, 0, True)
    assert (h1.status, h1.completed_on, h1.late_days) == (
        PaymentStatus.PAID_IN_FULL,
        dt.date(2019, 6, 11),
        10,
    )
    assert not h1.ok
    assert h2.status is PaymentStatus.SHORT
    assert h2.difference == Money("1000") - due["H2"]
    assert h2.overdue_days == 30
    assert h3.status is PaymentStatus.NEVER_PAID
    assert a.of("orchard-co").status is PaymentStatus.OVERPAID
    assert a.of("orchard-co").difference == Money("989.50")
    h4 = a.of("H4")
    assert (h4.status, h4.due, h4.payee_kind) == (PaymentStatus.NOT_DUE, Money.zero(), None)
    assert a.total_due == split.total
    assert a.total_paid == sum((e.amount for e in ledger.entries), start=Money.zero())
    assert a.total_short == (due["H2"] - Money("1000")) + due["H3"]
    assert a.total_over == Money("989.50") + Money("300")
    assert {p.payee for p in a.problems} == {"H1", "H2", "H3", "orchard-co", "H4"}
    assert r.rules == ("LAND-6",)
    assert "H4" in r.explain("en")
    h1_step = next(st for st in r.steps if st.inputs.get("payee") == "H1")
    assert [(n.key, n.args["days"]) for n in h1_step.notes] == [("land.note.paid_late", 10)]
    h3_step = next(st for st in r.steps if st.inputs.get("payee") == "H3")
    assert [(n.key, n.args["days"]) for n in h3_step.notes] == [("land.note.overdue", 30)]


def test_LAND_6_unknown_payee_is_an_error(
    split: pp.rules.land.CompensationSplit, pack_dir: Path
) -> None:
    ledger = [pp.LedgerEntry(payee="H9", amount=Money("1"), paid_on=dt.date(2019, 4, 1))]
    with pytest.raises(pp.InputError, match="a party of this expropriation") as info:
        audit_payments(split, ledger, policy_for(pack_dir))
    assert info.value.field == "payee"
    assert info.value.value == "H9"


def test_LAND_6_payment_after_the_audit_date_is_an_error(
    split: pp.rules.land.CompensationSplit, pack_dir: Path
) -> None:
    ledger = [pp.LedgerEntry(payee="H1", amount=Money("1"), paid_on=dt.date(2019, 9, 1))]
    with pytest.raises(pp.InputError, match="audit date"):
        audit_payments(split, ledger, policy_for(pack_dir), as_of=dt.date(2019, 8, 1))


def test_LAND_6_due_date_from_the_plan_or_given(
    split: pp.rules.land.CompensationSplit, pack_dir: Path
) -> None:
    policy = policy_for(pack_dir)
    plan = audit_payments(split, [], policy, plan_approved_on=dt.date(2019, 11, 30)).value
    assert plan.due_on == dt.date(2020, 2, 29)  # month-end: 30 Nov + 3 months
    given_ = audit_payments(split, [], policy, due_on=dt.date(2019, 12, 31)).value
    assert given_.due_on == dt.date(2019, 12, 31)
    assert all(p.status is PaymentStatus.NEVER_PAID for p in given_.payees)
    assert given_.payees[0].overdue_days is None  # no audit date given


def test_LAND_6_without_an_audit_date_lateness_is_not_assessed_and_says_so(
    split: pp.rules.land.CompensationSplit, pack_dir: Path
) -> None:
    policy = policy_for(pack_dir)
    r = audit_payments(split, [], policy, due_on=dt.date(2019, 12, 31))
    problems = [s for s in r.steps if s.key == "land.audit_problem"]
    assert problems
    for step in problems:
        assert [n.key for n in step.notes] == ["land.note.overdue_not_assessed"]
    assert "not assessed" in r.explain("en")
    dated = audit_payments(
        split, [], policy, due_on=dt.date(2019, 12, 31), as_of=dt.date(2020, 1, 30)
    )
    for step in (s for s in dated.steps if s.key == "land.audit_problem"):
        assert [n.key for n in step.notes] == ["land.note.overdue"]


def test_LAND_6_no_payment_period_after_the_1998_regulations(pack_dir: Path) -> None:
    on = dt.date(2021, 10, 1)
    split = split_compensation(village_case(on), policy_for(pack_dir, on=on)).value
    with pytest.raises(pp.ParameterPeriodError, match=r"land.payment_period_months.*2021-08-31"):
        audit_payments(split, [], policy_for(pack_dir, on=on))
