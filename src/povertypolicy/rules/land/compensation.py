"""LAND-1 / LAND-2: the compensation items of an expropriation; 征地补偿费用."""

from __future__ import annotations

from fractions import Fraction

from ...domain.enums import LandType
from ...domain.land import Expropriation
from ...errors import InputError, RuleError
from ...explain import Result
from ...explain.recorder import Recorder, convention, rounding
from ...money import Money
from ...policy import Parameter, Policy
from ...units import Area, total_square_metres
from ._base import (
    _CITE_ART47,
    _CITE_ART47_OTHER,
    _CITE_ART47_PERSONS,
    _CITE_ART48,
    _METHODS,
    _NO_FEN,
    _at,
    _fraction_in,
    _money_times,
    _mu_ratio,
    _Ratio,
    _yuan,
)
from .values import Compensation, CompensationItem, CompensationMethod

__all__ = ["compensation"]

# The province's approved increase (art. 47); a pack without it: none approved, none applied.
_INCREASE = "land.approved_resettlement_increase"

# Notes without arguments, built once and shared (a Note is immutable; building one is not free).
_HALF_UP = rounding("land.note.round_half_up")
_OTHER_LAND = convention("land.note.other_land_same_standard")
_PERSONS_NOT_ROUNDED = convention("land.note.persons_not_rounded")
_PER_PERSON_BASE = convention("land.note.per_person_base")
_CAP_CUTS_SUBSIDY = convention("land.note.combined_cap_cuts_subsidy")

# -- LAND-1 / LAND-2: compensation ---------------------------------------------------------


def compensation(expropriation: Expropriation, policy: Policy) -> Result[Compensation]:
    """The compensation items of an expropriation, by the pack's method, caps applied.

    征地补偿费用（土地补偿费、安置补助费、地上附着物和青苗补偿费、社会保障费用）. LAND-1, LAND-2.
    Parameters are read on the approval date (``expropriation.approved_on``).
    """
    exp = expropriation
    pol, date_notes = _at(policy, exp.approved_on)
    items_p = pol.param("land.compensation_items")
    method_p = pol.param("land.compensation_method")
    method = _METHODS.get(method_p.text) or CompensationMethod(method_p.text)
    area = exp.area
    four = items_p.text == "four"
    rec = Recorder("LAND-2")  # the method's steps (in the helpers); the items' steps say LAND-1
    rec.step(
        "land.items",
        {
            "approved_on": exp.approved_on,
            "parcels": len(exp.parcels),
            "area": area,
            "count": 4 if four else 3,
        },
        params=(items_p,),
        notes=date_notes,
        rule="LAND-1",
    )
    persons: Fraction | None = None
    rs_capped = combined_capped = False
    granted: Money | None = None
    if method is CompensationMethod.ANNUAL_OUTPUT_VALUE:
        land_fee, subsidy, persons, rs_capped, combined_capped, granted = _by_output_value(
            exp, pol, area, method_p, rec
        )
    else:
        land_fee, subsidy = _by_zone_price(pol, area, method_p, rec)

    attachments = Money.from_fen(sum([a.amount.fen for a in exp.attachments]))
    rec.step(
        "land.attachments_total",
        {"count": len(exp.attachments), "amount": attachments},
        citation=_CITE_ART48 if four else _CITE_ART47,
        rule="LAND-1",
    )
    if four:
        fee_p = pol.param("land.social_security_fee_per_mu")
        social = _money_times(fee_p.money, _mu_ratio(area))
        rec.step(
            "land.social_security_fees",
            {"rate": fee_p.money, "area": area, "amount": social},
            params=(fee_p,),
            notes=(_HALF_UP,),
            rule="LAND-1",
        )
    else:
        social = Money.zero()
    value = Compensation(
        method=method,
        area=area,
        land_compensation=land_fee,
        resettlement_subsidy=subsidy,
        attachments_compensation=attachments,
        social_security_fees=social,
        persons_to_resettle=persons,
        resettlement_capped=rs_capped,
        combined_capped=combined_capped,
        approved_increase=granted,
    )
    rec.step(
        "land.compensation_total",
        {
            "land_compensation": land_fee,
            "resettlement_subsidy": subsidy,
            "attachments": attachments,
            "social_security": social,
            "total": value.total,
        },
        rule="LAND-1",
    )
    return rec.result(value)


def _multiple(param: Parameter, allowed: Parameter) -> _Ratio:
    value = param.decimal
    if not allowed.range.contains(value):
        raise RuleError(
            rule="LAND-2",
            message=f"{param.name} = {value} (pack {param.pack_id}) is outside the range "
            f"{allowed.range.min}–{allowed.range.max} that {allowed.citation} allows",
            code="land.error.multiple_out_of_range",
            extra={
                "param": param.name,
                "value": value,
                "pack": param.pack_id,
                "min": allowed.range.min,
                "max": allowed.range.max,
                "citation": allowed.citation,
            },
        )
    return value.as_integer_ratio()


def _by_output_value(
    exp: Expropriation, pol: Policy, area: Area, method_p: Parameter, rec: Recorder
) -> tuple[Money, Money, Fraction, bool, bool, Money | None]:
    aov_p = pol.param("land.annual_output_value")
    lc_range = pol.param("land.land_compensation_multiple_range")
    lc_p = pol.param("land.land_compensation_multiple")
    rs_range = pol.param("land.resettlement_multiple_range")
    rs_p = pol.param("land.resettlement_multiple")
    rs_cap_p = pol.param("land.resettlement_cap_multiple")
    all_cap_p = pol.param("land.combined_cap_multiple")
    ln, ld = _multiple(lc_p, lc_range)
    rn, rd = _multiple(rs_p, rs_range)
    aov_fen = aov_p.money.fen  # annual output value per mu: aov_fen / 100 yuan
    mu_n, mu_d = _mu_ratio(area)
    # other land types than cultivated, by area (as ``area != exp.area_of((CULTIVATED,))``)
    cultivated = LandType.CULTIVATED
    other = any(p.land_type != cultivated for p in exp.parcels) and bool(
        total_square_metres(p.area for p in exp.parcels if p.land_type != cultivated)
    )
    rec.step(
        "land.method",
        {"method": CompensationMethod.ANNUAL_OUTPUT_VALUE},
        params=(method_p,),
        notes=(_OTHER_LAND if other else None,),
        citation=_CITE_ART47_OTHER if other else None,
    )
    # Exact yuan as unreduced integer ratios n / d (d > 0): output value, land fee, subsidy.
    ov_n, ov_d = aov_fen * mu_n, 100 * mu_d
    lc_n, lc_d = ov_n * ln, ov_d * ld
    land_fee = _yuan(lc_n, lc_d)
    rec.step(
        "land.lc_by_output_value",
        {"aov": aov_p.money, "area": area, "multiple": lc_p.decimal, "amount": land_fee},
        params=(aov_p, lc_p, lc_range),
        notes=(_HALF_UP,),
    )
    per_capita = exp.per_capita_cultivated_before
    if per_capita is None:
        raise InputError(
            obj="Expropriation",
            field="per_capita_cultivated_before",
            value=None,
            expected="the unit's cultivated land per agricultural person before expropriation "
            "(the annual-output-value method needs it, LAND-2)",
            code="land.error.per_capita_needed",
            extra={"rule": "LAND-2"},
        )
    persons = area / per_capita
    rec.step(
        "land.persons_to_resettle",
        {"area": area, "per_capita": per_capita, "persons": persons},
        notes=(_PERSONS_NOT_ROUNDED,),
        citation=_CITE_ART47_PERSONS,
    )
    rs_n, rs_d = persons.numerator * rn * aov_fen, persons.denominator * rd * 100
    uncapped = _yuan(rs_n, rs_d)
    rec.step(
        "land.rs_by_output_value",
        {"persons": persons, "multiple": rs_p.decimal, "aov": aov_p.money, "amount": uncapped},
        params=(rs_p, rs_range),
        notes=(_PER_PERSON_BASE,),
    )
    if not ov_n:  # the caps are multiples of the output value: none can be checked
        raise RuleError(
            rule="LAND-2",
            message=f"land.annual_output_value is {aov_p.money} in pack {aov_p.pack_id}: the "
            "caps on the resettlement subsidy are multiples of the land's annual output value, "
            "so it must be more than 0; check the policy pack",
            code="land.error.zero_output_value",
            extra={"value": aov_p.money, "pack": aov_p.pack_id},
        )
    ratio = Fraction(rs_n * ov_d, rs_d * ov_n)
    rs_capped = not rs_cap_p.admits(ratio)
    cap_n, cap_d = rs_cap_p.decimal.as_integer_ratio()
    if rs_capped:
        rs_n, rs_d = ov_n * cap_n, ov_d * cap_d
    before_increase = _yuan(rs_n, rs_d)
    rec.step(
        "land.rs_cap",
        {
            "ratio": ratio,
            "cap": _yuan(ov_n * cap_n, ov_d * cap_d),
            "capped": rs_capped,
            "amount": before_increase,
        },
        params=(rs_cap_p,),
    )
    increase_p = pol.param(_INCREASE) if _INCREASE in pol else None
    if increase_p is not None:
        rs_n, rs_d = _approved_increase(increase_p, aov_p, area, (ov_n, ov_d), (rs_n, rs_d), rec)
    combined = Fraction((lc_n * rs_d + rs_n * lc_d) * ov_d, lc_d * rs_d * ov_n)
    combined_capped = not all_cap_p.admits(combined)
    all_n, all_d = all_cap_p.decimal.as_integer_ratio()
    if combined_capped:
        rs_n, rs_d = ov_n * all_n * lc_d - lc_n * ov_d * all_d, ov_d * all_d * lc_d
    subsidy = _yuan(rs_n, rs_d)
    granted: Money | None = None
    if increase_p is not None:
        granted = Money.from_fen(max(0, subsidy.fen - before_increase.fen))
    rec.step(
        "land.combined_cap",
        {
            "ratio": combined,
            "cap": _yuan(ov_n * all_n, ov_d * all_d),
            "capped": combined_capped,
            "amount": subsidy,
        },
        params=(all_cap_p,),
        notes=(
            _CAP_CUTS_SUBSIDY if combined_capped else None,
            convention("land.note.approved_increase_capped", granted=granted)
            if combined_capped and granted is not None
            else None,
        ),
    )
    return land_fee, subsidy, persons, rs_capped, combined_capped, granted


def _approved_increase(
    increase_p: Parameter,
    aov_p: Parameter,
    area: Area,
    ov: tuple[int, int],
    rs: tuple[int, int],
    rec: Recorder,
) -> tuple[int, int]:
    """The province's approved increase of the resettlement subsidy (art. 47: 经省、自治区、
    直辖市人民政府批准，可以增加安置补助费), as a multiple of the land's annual output value,
    added after the per-hectare cap; the combined cap is applied after it."""
    (ov_n, ov_d), (rs_n, rs_d) = ov, rs
    i_n, i_d = increase_p.decimal.as_integer_ratio()
    add_n, add_d = ov_n * i_n, ov_d * i_d
    rs_n, rs_d = rs_n * add_d + add_n * rs_d, rs_d * add_d
    rec.step(
        "land.approved_increase",
        {
            "aov": aov_p.money,
            "area": area,
            "multiple": increase_p.decimal,
            "increase": _yuan(add_n, add_d),
            "amount": _yuan(rs_n, rs_d),
        },
        params=(increase_p,),
        notes=(_HALF_UP,),
    )
    return rs_n, rs_d


def _by_zone_price(
    pol: Policy, area: Area, method_p: Parameter, rec: Recorder
) -> tuple[Money, Money]:
    zone_p = pol.param("land.zone_price")
    share_p = pol.param("land.zone_price_land_compensation_share")
    share = _fraction_in(share_p, 0, 1, "LAND-2")
    rec.step("land.method", {"method": CompensationMethod.ZONE_PRICE}, params=(method_p,))
    total = _money_times(zone_p.money, _mu_ratio(area))
    (land_fee, subsidy), extra = total.allocate_with_remainder([share, 1 - share])
    took = [
        (CompensationItem.LAND_COMPENSATION, CompensationItem.RESETTLEMENT_SUBSIDY)[i]
        for i in extra
    ]
    rec.step(
        "land.by_zone_price",
        {
            "price": zone_p.money,
            "area": area,
            "total": total,
            "share": share_p.decimal,
            "land_compensation": land_fee,
            "resettlement_subsidy": subsidy,
        },
        params=(zone_p, share_p),
        notes=(
            _HALF_UP,
            rounding("land.note.fen_to_item", items=took) if took else _NO_FEN,
        ),
    )
    return land_fee, subsidy
