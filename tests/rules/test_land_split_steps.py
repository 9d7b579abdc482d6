"""LAND-3 step by step: per branch the rule ID, message key, inputs, params, notes and
citation of the split (compared whole), the lines and payees, and the refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.land import CompensationItem, PayeeKind, compensation, split_compensation
from povertypolicy.rules.land.values import PayeeDue, SplitLine
from tests.error_texts import check_rule_error

from .test_land_split import household, pack_dir, policy_for, village_case

__all__ = ["pack_dir"]

REGS26 = Citation(
    document="land-administration-regulations-1998",
    section="第二十六条",
    quote="土地补偿费归农村集体经济组织所有；地上附着物及青苗补偿费归地上附着物及青苗的所有者所有",
)
REGS32 = Citation(
    law="中华人民共和国土地管理法实施条例（2021年）",
    article="第三十二条",
    quote="地上附着物和青苗等的补偿费用，归其所有权人所有",
)
PAY = Citation(
    document="state-farm-landless-farmers-security-2022",
    section="§二(二)1",
    quote="征地補償費用支付給集體經濟組織或發放到農民個人是否足額到位,是否存在擅自降低征地補償"
    "標準,隨意截留、挪用和拖欠征地補償款的現象",
)
BY_AREA = Note(kind=NoteKind.CONVENTION, key="land.note.by_contracted_area")
NO_FEN = Note(kind=NoteKind.ROUNDING, key="land.note.no_fen")
NO_CONTRACTOR = Note(kind=NoteKind.WARNING, key="land.note.no_contractor", args={"parcels": ["p4"]})
LC, RS = CompensationItem.LAND_COMPENSATION, CompensationItem.RESETTLEMENT_SUBSIDY
AT, SS = CompensationItem.ATTACHMENTS_COMPENSATION, CompensationItem.SOCIAL_SECURITY_FEES
COLL, HH, OWNER = PayeeKind.COLLECTIVE, PayeeKind.HOUSEHOLD, PayeeKind.OWNER


def fen_to(*payees: str) -> Note:
    return Note(
        kind=NoteKind.ROUNDING,
        key="land.note.fen_to_payees",
        args={"count": len(payees), "payees": ", ".join(payees)},
    )


def split_steps(exp: pp.Expropriation, policy: pp.Policy) -> tuple[Step, ...]:
    n = len(compensation(exp, policy).steps)
    r = split_compensation(exp, policy)
    assert r.steps[:n] == compensation(exp, policy).steps
    return r.steps[n:]


def test_LAND_3_worked_split_steps(pack_dir: Path) -> None:
    policy = policy_for(pack_dir)
    exp = village_case()
    r = split_compensation(exp, policy)
    share = policy.param("land.household_share_of_land_compensation")
    payee = policy.param("land.resettlement_subsidy_payee")
    assert split_steps(exp, policy) == (
        Step(
            rule="LAND-3",
            key="land.split_land_compensation",
            inputs={
                "amount": Money("128000"),
                "collective": "V1",
                "kept": Money("38400"),
                "share": Decimal("80"),
                "households": 3,
                "to_households": Money("89600"),
            },
            params=(share,),
            notes=(BY_AREA, NO_FEN, NO_CONTRACTOR),
            citation=REGS26,
        ),
        Step(
            rule="LAND-3",
            key="land.split_resettlement",
            inputs={"amount": Money("100000"), "payee": "H1, H2, H3", "choice": "households"},
            params=(payee,),
            notes=(BY_AREA, fen_to("H1")),
        ),
        Step(
            rule="LAND-3",
            key="land.split_attachments",
            inputs={"amount": Money("6210.50"), "owners": 2},
            citation=REGS26,
        ),
        Step(
            rule="LAND-3",
            key="land.split_total",
            inputs={"total": Money("234210.50"), "payees": 5},
            citation=PAY,
        ),
    )
    s = r.value
    assert (s.collective, s.approved_on, s.parties) == ("V1", exp.approved_on, exp.parties)
    assert s.compensation == compensation(exp, policy).value
    assert s.lines == (
        SplitLine(payee="V1", payee_kind=COLL, item=LC, amount=Money("38400")),
        SplitLine(payee="H1", payee_kind=HH, item=LC, amount=Money("42240")),
        SplitLine(payee="H2", payee_kind=HH, item=LC, amount=Money("26880")),
        SplitLine(payee="H3", payee_kind=HH, item=LC, amount=Money("20480")),
        SplitLine(payee="H1", payee_kind=HH, item=RS, amount=Money("47142.86")),
        SplitLine(payee="H2", payee_kind=HH, item=RS, amount=Money("30000")),
        SplitLine(payee="H3", payee_kind=HH, item=RS, amount=Money("22857.14")),
        SplitLine(payee="H1", payee_kind=HH, item=AT, amount=Money("1200")),
        SplitLine(payee="orchard-co", payee_kind=OWNER, item=AT, amount=Money("5010.50")),
    )
    assert s.payees == (
        PayeeDue(payee="V1", payee_kind=COLL, amount=Money("38400"),
                 items=((LC, Money("38400")),)),
        PayeeDue(payee="H1", payee_kind=HH, amount=Money("90582.86"),
                 items=((LC, Money("42240")), (RS, Money("47142.86")), (AT, Money("1200")))),
        PayeeDue(payee="H2", payee_kind=HH, amount=Money("56880"),
                 items=((LC, Money("26880")), (RS, Money("30000")))),
        PayeeDue(payee="H3", payee_kind=HH, amount=Money("43337.14"),
                 items=((LC, Money("20480")), (RS, Money("22857.14")))),
        PayeeDue(payee="orchard-co", payee_kind=OWNER, amount=Money("5010.50"),
                 items=((AT, Money("5010.50")),)),
    )  # fmt: skip


def test_LAND_3_fen_left_over_goes_to_named_payees(pack_dir: Path) -> None:
    # share 100%: nothing kept; 24800.25 and 15500.16 by area leave one fen each, to H3
    exp = pp.Expropriation(
        collective="V1",
        approved_on=dt.date(2019, 3, 1),
        parcels=[
            pp.Parcel(id=f"p{i}", area=Area.mu(a), land_type=pp.LandType.CULTIVATED,
                      contracted_by=f"H{i}")
            for i, a in ((1, "1"), (2, "1"), (3, "1.1"))
        ],
        households=[household("H1"), household("H2"), household("H3")],
        per_capita_cultivated_before=Area.mu("1"),
    )  # fmt: skip
    policy = policy_for(pack_dir, share="100", aov="1000.01")
    steps = split_steps(exp, policy)
    assert steps[0].inputs == {
        "amount": Money("24800.25"),
        "collective": "V1",
        "kept": Money.zero(),
        "share": Decimal("100"),
        "households": 3,
        "to_households": Money("24800.25"),
    }
    assert steps[0].notes == (BY_AREA, fen_to("H3"))
    assert steps[1].inputs == {
        "amount": Money("15500.16"),
        "payee": "H1, H2, H3",
        "choice": "households",
    }
    assert steps[1].notes == (BY_AREA, fen_to("H3"))
    # no attachments: zero owners, and nothing to the collective
    assert steps[2].inputs == {"amount": Money.zero(), "owners": 0}
    assert steps[3].inputs == {"total": Money("40300.41"), "payees": 3}
    s = split_compensation(exp, policy).value
    assert [p.payee for p in s.payees] == ["H1", "H2", "H3"]
    assert all(line.payee != "V1" for line in s.lines)
    assert sum(line.amount.fen for line in s.lines) == 4030041


def test_LAND_3_resettlement_to_the_collective_steps(pack_dir: Path) -> None:
    policy = policy_for(pack_dir, payee="collective")
    exp = village_case()
    steps = split_steps(exp, policy)
    assert steps[1] == Step(
        rule="LAND-3",
        key="land.split_resettlement",
        inputs={"amount": Money("100000"), "payee": "V1", "choice": "collective"},
        params=(policy.param("land.resettlement_subsidy_payee"),),
    )
    s = split_compensation(exp, policy).value
    assert SplitLine(payee="V1", payee_kind=COLL, item=RS, amount=Money("100000")) in s.lines
    assert s.payees[0] == PayeeDue(
        payee="V1",
        payee_kind=COLL,
        amount=Money("138400"),
        items=((LC, Money("38400")), (RS, Money("100000"))),
    )


def test_LAND_3_resettlement_to_a_unit_steps(pack_dir: Path) -> None:
    policy = policy_for(pack_dir, payee="resettling_unit")
    exp = attrs.evolve(village_case(), resettling_unit="office")
    steps = split_steps(exp, policy)
    assert steps[1] == Step(
        rule="LAND-3",
        key="land.split_resettlement",
        inputs={"amount": Money("100000"), "payee": "office", "choice": "resettling_unit"},
        params=(policy.param("land.resettlement_subsidy_payee"),),
    )
    s = split_compensation(exp, policy).value
    line = SplitLine(payee="office", payee_kind=PayeeKind.RESETTLING_UNIT, item=RS,
                     amount=Money("100000"))  # fmt: skip
    assert line in s.lines
    with pytest.raises(pp.RuleError) as exc:
        split_compensation(village_case(), policy)
    assert exc.value.rule == "LAND-3"
    assert str(exc.value.message) == (
        f"pack {policy.param('land.resettlement_subsidy_payee').pack_id} pays the "
        "resettlement subsidy to the unit that resettles the people, but the expropriation "
        "names no resettling_unit"
    )
    pack = policy.param("land.resettlement_subsidy_payee").pack_id
    check_rule_error(exc.value, "land.error.no_resettling_unit", {"pack": pack})


def test_LAND_3_households_but_no_contractor_refused(pack_dir: Path) -> None:
    policy = policy_for(pack_dir)
    exp = pp.Expropriation(
        collective="V1",
        approved_on=dt.date(2019, 3, 1),
        parcels=[pp.Parcel(id="p4", area=Area.mu("1"), land_type=pp.LandType.CULTIVATED)],
        households=[household("H1")],
        per_capita_cultivated_before=Area.mu("1"),
    )
    with pytest.raises(pp.RuleError) as exc:
        split_compensation(exp, policy)
    assert exc.value.rule == "LAND-3"
    assert str(exc.value.message) == (
        f"pack {policy.param('land.resettlement_subsidy_payee').pack_id} pays the resettlement "
        "subsidy to the households, but no parcel names a contracting household"
    )
    pack = policy.param("land.resettlement_subsidy_payee").pack_id
    check_rule_error(exc.value, "land.error.no_contracting_household", {"pack": pack})
    # under the collective reading it splits, the whole fee kept
    other = policy_for(pack_dir, payee="collective")
    steps = split_steps(exp, other)
    assert steps[0].inputs["households"] == 0
    assert steps[0].inputs["kept"] == steps[0].inputs["amount"]
    assert steps[0].notes == (BY_AREA, NO_FEN, NO_CONTRACTOR)


def test_LAND_3_social_security_steps(pack_dir: Path) -> None:
    on = dt.date(2021, 3, 1)
    policy = policy_for(pack_dir, on=on)
    exp = village_case(on)
    steps = split_steps(exp, policy)
    assert steps[0].citation == REGS32
    assert steps[2].citation == REGS32
    fund = exp.social_security_account
    assert steps[3] == Step(
        rule="LAND-3",
        key="land.split_social_security",
        inputs={"amount": Money("240000"), "payee": fund},
    )
    assert steps[4].key == "land.split_total"
    assert steps[4].inputs["payees"] == 6
    s = split_compensation(exp, policy).value
    assert s.lines[-1] == SplitLine(
        payee=fund, payee_kind=PayeeKind.SOCIAL_SECURITY_FUND, item=SS, amount=Money("240000")
    )


def test_LAND_3_payee_kinds_of_attachment_owners(pack_dir: Path) -> None:
    policy = policy_for(pack_dir, payee="resettling_unit")
    exp = attrs.evolve(
        village_case(),
        resettling_unit="office",
        attachments=[
            pp.Attachment(id=f"a{i}", kind=pp.AttachmentKind.ATTACHMENT, owner=o,
                          amount=Money("1"))
            for i, o in enumerate(("V1", "H4", "office", "social-security-fund", "co"))
        ],
    )  # fmt: skip
    s = split_compensation(exp, policy).value
    kinds = {line.payee: line.payee_kind for line in s.lines if line.item is AT}
    assert kinds == {
        "V1": COLL,
        "H4": HH,
        "office": PayeeKind.RESETTLING_UNIT,
        "social-security-fund": PayeeKind.SOCIAL_SECURITY_FUND,
        "co": OWNER,
    }
    # payees by kind order, then id
    assert [p.payee for p in s.payees] == [
        "V1", "H1", "H2", "H3", "H4", "co", "office", "social-security-fund",
    ]  # fmt: skip
