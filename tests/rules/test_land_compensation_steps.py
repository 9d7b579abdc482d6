"""LAND-1 / LAND-2 step by step: both methods, three and four items, the caps with their
notes, the approved increase and the refusals: rule ID, key, inputs, params, notes, citation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Area, InputError, Money, RuleError
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.land import CompensationItem, CompensationMethod, compensation
from povertypolicy.rules.land._base import (
    _CITE_ART47,
    _CITE_ART47_OTHER,
    _CITE_ART47_PERSONS,
    _CITE_ART48,
)
from povertypolicy.rules.land.values import Compensation
from tests.error_texts import check_rule_error

from .test_land_approved_increase import case as increase_case
from .test_land_approved_increase import province as increase_province
from .test_land_compensation import case, load, province_pack
from .test_land_split import pack_dir, policy_for, village_case

__all__ = ["pack_dir"]

ROUND = Note(kind=NoteKind.ROUNDING, key="land.note.round_half_up")


def conv(key: str, **args: object) -> Note:
    return Note(kind=NoteKind.CONVENTION, key=f"land.note.{key}", args=args)


def test_LAND_1_LAND_2_output_value_steps(pack_dir: Path) -> None:
    policy = policy_for(pack_dir)
    exp = village_case()
    r = compensation(exp, policy)
    p = policy.param
    mu8 = Area.mu("8")
    assert r.value == Compensation(
        method=CompensationMethod.ANNUAL_OUTPUT_VALUE,
        area=mu8,
        land_compensation=Money("128000"),
        resettlement_subsidy=Money("100000"),
        attachments_compensation=Money("6210.50"),
        social_security_fees=Money.zero(),
        persons_to_resettle=Fraction(10),
    )
    assert r.steps == (
        Step(rule="LAND-1", key="land.items",
             inputs={"approved_on": exp.approved_on, "parcels": 4, "area": mu8, "count": 3},
             params=(p("land.compensation_items"),)),
        Step(rule="LAND-2", key="land.method",
             inputs={"method": CompensationMethod.ANNUAL_OUTPUT_VALUE},
             params=(p("land.compensation_method"),),
             notes=(conv("other_land_same_standard"),), citation=_CITE_ART47_OTHER),
        Step(rule="LAND-2", key="land.lc_by_output_value",
             inputs={"aov": Money("2000"), "area": mu8, "multiple": Decimal("8"),
                     "amount": Money("128000")},
             params=(p("land.annual_output_value"), p("land.land_compensation_multiple"),
                     p("land.land_compensation_multiple_range")),
             notes=(ROUND,)),
        Step(rule="LAND-2", key="land.persons_to_resettle",
             inputs={"area": mu8, "per_capita": Area.mu("0.8"), "persons": Fraction(10)},
             notes=(conv("persons_not_rounded"),), citation=_CITE_ART47_PERSONS),
        Step(rule="LAND-2", key="land.rs_by_output_value",
             inputs={"persons": Fraction(10), "multiple": Decimal("5"), "aov": Money("2000"),
                     "amount": Money("100000")},
             params=(p("land.resettlement_multiple"), p("land.resettlement_multiple_range")),
             notes=(conv("per_person_base"),)),
        Step(rule="LAND-2", key="land.rs_cap",
             inputs={"ratio": Fraction(25, 4), "cap": Money("240000"), "capped": False,
                     "amount": Money("100000")},
             params=(p("land.resettlement_cap_multiple"),)),
        Step(rule="LAND-2", key="land.combined_cap",
             inputs={"ratio": Fraction(57, 4), "cap": Money("480000"), "capped": False,
                     "amount": Money("100000")},
             params=(p("land.combined_cap_multiple"),)),
        Step(rule="LAND-1", key="land.attachments_total",
             inputs={"count": 3, "amount": Money("6210.50")}, citation=_CITE_ART47),
        Step(rule="LAND-1", key="land.compensation_total",
             inputs={"land_compensation": Money("128000"),
                     "resettlement_subsidy": Money("100000"), "attachments": Money("6210.50"),
                     "social_security": Money.zero(), "total": Money("234210.50")}),
    )  # fmt: skip


def test_LAND_1_LAND_2_zone_price_four_items_steps(pack_dir: Path) -> None:
    on = dt.date(2021, 3, 1)
    policy = policy_for(pack_dir, on=on)
    exp = village_case(on)
    r = compensation(exp, policy)
    p = policy.param
    mu8 = Area.mu("8")
    assert r.value == Compensation(
        method=CompensationMethod.ZONE_PRICE,
        area=mu8,
        land_compensation=Money("192000"),
        resettlement_subsidy=Money("288000"),
        attachments_compensation=Money("6210.50"),
        social_security_fees=Money("240000"),
    )
    assert r.steps == (
        Step(rule="LAND-1", key="land.items",
             inputs={"approved_on": on, "parcels": 4, "area": mu8, "count": 4},
             params=(p("land.compensation_items"),)),
        Step(rule="LAND-2", key="land.method", inputs={"method": CompensationMethod.ZONE_PRICE},
             params=(p("land.compensation_method"),)),
        Step(rule="LAND-2", key="land.by_zone_price",
             inputs={"price": Money("60000"), "area": mu8, "total": Money("480000"),
                     "share": Decimal("40"), "land_compensation": Money("192000"),
                     "resettlement_subsidy": Money("288000")},
             params=(p("land.zone_price"), p("land.zone_price_land_compensation_share")),
             notes=(ROUND, Note(kind=NoteKind.ROUNDING, key="land.note.no_fen"))),
        Step(rule="LAND-1", key="land.attachments_total",
             inputs={"count": 3, "amount": Money("6210.50")}, citation=_CITE_ART48),
        Step(rule="LAND-1", key="land.social_security_fees",
             inputs={"rate": Money("30000"), "area": mu8, "amount": Money("240000")},
             params=(p("land.social_security_fee_per_mu"),), notes=(ROUND,)),
        Step(rule="LAND-1", key="land.compensation_total",
             inputs={"land_compensation": Money("192000"),
                     "resettlement_subsidy": Money("288000"), "attachments": Money("6210.50"),
                     "social_security": Money("240000"), "total": Money("726210.50")}),
    )  # fmt: skip


def test_LAND_2_zone_price_fen_goes_to_an_item(tmp_path: Path) -> None:
    pack = province_pack(tmp_path, zone_price='"0.03"', zone_price_land_compensation_share='"50"')
    r = compensation(case("1", approved_on=dt.date(2021, 3, 1)), load(pack, dt.date(2021, 3, 1)))
    step = next(s for s in r.steps if s.key == "land.by_zone_price")
    assert step.inputs["total"] == Money("0.03")
    assert step.notes == (
        ROUND,
        Note(kind=NoteKind.ROUNDING, key="land.note.fen_to_item",
             args={"items": [CompensationItem.LAND_COMPENSATION]}),
    )  # fmt: skip
    assert (r.value.land_compensation, r.value.resettlement_subsidy) == (
        Money("0.02"),
        Money("0.01"),
    )


def test_LAND_2_cultivated_only_has_no_other_land_note(tmp_path: Path) -> None:
    pack = province_pack(tmp_path)
    r = compensation(case("1"), load(pack))
    method = r.steps[1]
    assert method.key == "land.method"
    assert method.notes == ()
    assert method.citation is None


def test_LAND_2_resettlement_cap_step(tmp_path: Path) -> None:
    pack = province_pack(tmp_path, annual_output_value='"1000"', resettlement_multiple='"6"')
    policy = load(pack)
    r = compensation(case("6", per_capita="0.3"), policy)
    step = next(s for s in r.steps if s.key == "land.rs_cap")
    assert step == Step(
        rule="LAND-2",
        key="land.rs_cap",
        inputs={"ratio": Fraction(20), "cap": Money("90000"), "capped": True,
                "amount": Money("90000")},
        params=(policy.param("land.resettlement_cap_multiple"),),
    )  # fmt: skip
    assert r.value.resettlement_capped is True
    at = compensation(case("6", per_capita="0.4"), policy)
    step = next(s for s in at.steps if s.key == "land.rs_cap")
    assert step.inputs["capped"] is False
    assert step.inputs["ratio"] == 15


def test_LAND_2_combined_cap_step(tmp_path: Path) -> None:
    pack = province_pack(
        tmp_path,
        annual_output_value='"1000"',
        land_compensation_multiple='"10"',
        resettlement_multiple='"6"',
        resettlement_cap_multiple="times:25",
    )
    policy = load(pack)
    r = compensation(case("3", per_capita="0.25"), policy)
    step = next(s for s in r.steps if s.key == "land.combined_cap")
    assert step == Step(
        rule="LAND-2",
        key="land.combined_cap",
        inputs={"ratio": Fraction(34), "cap": Money("90000"), "capped": True,
                "amount": Money("60000")},
        params=(policy.param("land.combined_cap_multiple"),),
        notes=(conv("combined_cap_cuts_subsidy"),),
    )  # fmt: skip
    assert r.value.combined_capped is True
    assert r.value.approved_increase is None


def test_LAND_2_refusals_compared_whole(tmp_path: Path) -> None:
    pack = province_pack(tmp_path)
    with pytest.raises(InputError) as exc:
        compensation(case("1", per_capita=None), load(pack))
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "Expropriation",
        "per_capita_cultivated_before",
        None,
        "the unit's cultivated land per agricultural person before expropriation "
        "(the annual-output-value method needs it, LAND-2)",
    )
    bad = load(province_pack(tmp_path, land_compensation_multiple='"12"'))
    with pytest.raises(RuleError) as err:
        compensation(case("1"), bad)
    lc = bad.param("land.land_compensation_multiple")
    rng = bad.param("land.land_compensation_multiple_range")
    assert err.value.rule == "LAND-2"
    assert str(err.value.message) == (
        f"land.land_compensation_multiple = 12 (pack {lc.pack_id}) is outside the range "
        f"{rng.range.min}–{rng.range.max} that {rng.citation} allows"
    )
    shown = {"param": lc.name, "value": Decimal("12"), "pack": lc.pack_id}
    shown |= {"min": rng.range.min, "max": rng.range.max, "citation": rng.citation}
    check_rule_error(err.value, "land.error.multiple_out_of_range", shown)
    low = load(province_pack(tmp_path, resettlement_multiple='"3"'))
    with pytest.raises(RuleError) as err:
        compensation(case("1"), low)
    assert str(err.value.message).startswith("land.resettlement_multiple = 3 (pack ")


def test_LAND_2_a_zero_output_value_is_refused_by_name(tmp_path: Path) -> None:
    """The caps are multiples of the annual output value: with 0 none can be checked, so the
    rule says which parameter is wrong (it used to fail with a bare ZeroDivisionError)."""
    zero = load(province_pack(tmp_path, annual_output_value='"0"'))
    with pytest.raises(RuleError) as err:
        compensation(case("1"), zero)
    aov = zero.param("land.annual_output_value")
    assert err.value.rule == "LAND-2"
    assert str(err.value.message) == (
        f"land.annual_output_value is {aov.money} in pack {aov.pack_id}: the caps on the "
        "resettlement subsidy are multiples of the land's annual output value, so it must be "
        "more than 0; check the policy pack"
    )
    shown = {"value": aov.money, "pack": aov.pack_id}
    check_rule_error(err.value, "land.error.zero_output_value", shown)


def test_LAND_2_other_land_only_is_noted_and_cited(tmp_path: Path) -> None:
    # No cultivated parcel at all: other land by the cultivated-land standard (art. 47).
    policy = load(province_pack(tmp_path))
    exp = case(other="2")
    assert {p.land_type for p in exp.parcels} == {pp.LandType.OTHER_AGRICULTURAL}
    r = compensation(exp, policy)
    assert r.steps[1] == Step(
        rule="LAND-2",
        key="land.method",
        inputs={"method": CompensationMethod.ANNUAL_OUTPUT_VALUE},
        params=(policy.param("land.compensation_method"),),
        notes=(conv("other_land_same_standard"),),
        citation=_CITE_ART47_OTHER,
    )
    # 2 mu / 0.8 mu per person = 5/2 persons × 5 × 2,000 = 25,000; land fee 8 × 2,000 × 2
    assert r.value.persons_to_resettle == Fraction(5, 2)
    assert (r.value.land_compensation, r.value.resettlement_subsidy) == (
        Money("32000"),
        Money("25000"),
    )


def test_LAND_2_approved_increase_steps_under_the_combined_cap(tmp_path: Path) -> None:
    # 3 mu at 1,000 yuan/mu, land fee 10×; 10 persons × 6 × 1,000 = 60,000 cut to 15× 45,000;
    # the province's 8× adds 24,000 → 69,000; 10× + 23× > 30× → cut to 60,000, 15,000 granted.
    policy = increase_province(tmp_path, "8")
    r = compensation(increase_case(), policy)
    p = policy.param
    mu3 = Area.mu("3")
    assert r.value.approved_increase == Money("15000")
    assert r.value.resettlement_subsidy == Money("60000")
    assert (r.value.resettlement_capped, r.value.combined_capped) == (True, True)
    assert r.steps[5:8] == (
        Step(rule="LAND-2", key="land.rs_cap",
             inputs={"ratio": Fraction(20), "cap": Money("45000"), "capped": True,
                     "amount": Money("45000")},
             params=(p("land.resettlement_cap_multiple"),)),
        Step(rule="LAND-2", key="land.approved_increase",
             inputs={"aov": Money("1000"), "area": mu3, "multiple": Decimal("8"),
                     "increase": Money("24000"), "amount": Money("69000")},
             params=(p("land.approved_resettlement_increase"),), notes=(ROUND,)),
        Step(rule="LAND-2", key="land.combined_cap",
             inputs={"ratio": Fraction(33), "cap": Money("90000"), "capped": True,
                     "amount": Money("60000")},
             params=(p("land.combined_cap_multiple"),),
             notes=(conv("combined_cap_cuts_subsidy"),
                    conv("approved_increase_capped", granted=Money("15000")))),
    )  # fmt: skip


def test_LAND_2_approved_increase_not_capped_has_no_cap_notes(tmp_path: Path) -> None:
    # 0.6 mu per person: 5 persons × 6 × 1,000 = 30,000 (10×); + 2× 6,000 = 36,000; 22× ≤ 30×.
    policy = increase_province(tmp_path, "2")
    r = compensation(increase_case("0.6"), policy)
    step = next(s for s in r.steps if s.key == "land.combined_cap")
    assert step.inputs == {
        "ratio": Fraction(22),
        "cap": Money("90000"),
        "capped": False,
        "amount": Money("36000"),
    }
    assert step.notes == ()
    assert r.value.approved_increase == Money("6000")


def test_LAND_2_approved_increase_wholly_cut_grants_nothing(tmp_path: Path) -> None:
    # The per-hectare cap raised to 25×: 12 persons × 6 × 1,000 = 72,000 (24×) before the
    # increase; + 2× → 26×, 10× + 26× > 30× → the subsidy is cut to 60,000, below the 72,000
    # it was before the increase: nothing of the increase is granted (not a negative amount).
    pack = province_pack(
        tmp_path,
        annual_output_value='"1000"',
        land_compensation_multiple='"10"',
        resettlement_multiple='"6"',
        resettlement_cap_multiple="times:25",
        approved_resettlement_increase="times:2",
    )
    r = compensation(case("3", per_capita="0.25"), load(pack))
    assert r.value.approved_increase == Money.zero()
    assert r.value.resettlement_subsidy == Money("60000")
    assert (r.value.resettlement_capped, r.value.combined_capped) == (False, True)
    step = next(s for s in r.steps if s.key == "land.combined_cap")
    assert step.notes == (
        conv("combined_cap_cuts_subsidy"),
        conv("approved_increase_capped", granted=Money.zero()),
    )
