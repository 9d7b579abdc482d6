"""Land expropriation parameters (LAND-1..LAND-13): compensation, split, social security, places."""

from ..spec import ParameterSpec, Side, Unit

SPECS = (
    # LAND-1 / LAND-2: which items and which method (national law, dated).
    ParameterSpec(
        name="land.compensation_items",
        unit=Unit.CHOICE,
        rules=("LAND-1",),
        choices=("three", "four"),
    ),
    ParameterSpec(
        name="land.compensation_method",
        unit=Unit.CHOICE,
        rules=("LAND-2",),
        choices=("annual_output_value", "zone_price"),
    ),
    # LAND-2, unified annual output value method (1998/2004 law art. 47).
    ParameterSpec(name="land.annual_output_value", unit=Unit.YUAN_PER_MU, rules=("LAND-2",)),
    ParameterSpec(
        name="land.land_compensation_multiple_range",
        unit=Unit.TIMES,
        rules=("LAND-2",),
        is_range=True,
    ),
    ParameterSpec(name="land.land_compensation_multiple", unit=Unit.TIMES, rules=("LAND-2",)),
    ParameterSpec(
        name="land.resettlement_multiple_range", unit=Unit.TIMES, rules=("LAND-2",), is_range=True
    ),
    ParameterSpec(name="land.resettlement_multiple", unit=Unit.TIMES, rules=("LAND-2",)),
    ParameterSpec(
        name="land.resettlement_cap_multiple",
        unit=Unit.TIMES,
        rules=("LAND-2",),
        threshold=Side.UPPER,
    ),
    ParameterSpec(
        name="land.combined_cap_multiple", unit=Unit.TIMES, rules=("LAND-2",), threshold=Side.UPPER
    ),
    # A province's approved increase of the resettlement subsidy (art. 47: 经省、自治区、直辖市
    # 人民政府批准，可以增加安置补助费), in times the annual output value of the land taken;
    # added after the per-hectare cap, under the combined cap. Absent: none approved.
    ParameterSpec(name="land.approved_resettlement_increase", unit=Unit.TIMES, rules=("LAND-2",)),
    # LAND-2, zone comprehensive land price method (2019 law art. 48).
    ParameterSpec(name="land.zone_price", unit=Unit.YUAN_PER_MU, rules=("LAND-2",)),
    ParameterSpec(
        name="land.zone_price_land_compensation_share", unit=Unit.PERCENT, rules=("LAND-2",)
    ),
    ParameterSpec(name="land.social_security_fee_per_mu", unit=Unit.YUAN_PER_MU, rules=("LAND-1",)),
    # LAND-3: the split.
    ParameterSpec(
        name="land.household_share_of_land_compensation", unit=Unit.PERCENT, rules=("LAND-3",)
    ),
    ParameterSpec(
        name="land.resettlement_subsidy_payee",
        unit=Unit.CHOICE,
        rules=("LAND-3",),
        choices=("collective", "resettling_unit", "households"),
    ),
    # LAND-4 / LAND-5: social security.
    ParameterSpec(
        name="land.social_security_min_share",
        unit=Unit.PERCENT,
        rules=("LAND-4",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="land.dibao_standard",
        unit=Unit.YUAN_PER_PERSON,
        rules=("LAND-5",),
        threshold=Side.LOWER,
    ),
    # LAND-6: payment audit.
    ParameterSpec(name="land.payment_period_months", unit=Unit.MONTHS, rules=("LAND-6",)),
    # LAND-7: campaign phases. The seed gives month and day only; a value is a date in the
    # pack's year and the rule applies its month and day to the campaign year asked for.
    *(
        ParameterSpec(name=f"land.campaign_{name}", unit=Unit.DATE, rules=("LAND-7",))
        for name in (
            "preparation_start",
            "preparation_end",
            "self_inspection_start",
            "self_inspection_end",
            "self_inspection_report_due",
            "rectification_start",
            "rectification_end",
            "evaluation_start",
            "evaluation_end",
            "evaluation_report_due",
            "end",
        )
    ),
    ParameterSpec(name="land.self_inspection_coverage", unit=Unit.PERCENT, rules=("LAND-7",)),
    # LAND-8 .. LAND-11: insurance places.
    ParameterSpec(
        name="land.places_rounding",
        unit=Unit.CHOICE,
        rules=("LAND-8",),
        choices=("down", "half_up", "up"),
    ),
    ParameterSpec(
        name="land.place_min_age",
        unit=Unit.YEARS,
        rules=("LAND-8", "LAND-9"),
        threshold=Side.LOWER,
    ),
    ParameterSpec(name="land.place_validity_years", unit=Unit.YEARS, rules=("LAND-11",)),
    # LAND-12: fund transfers.
    ParameterSpec(
        name="land.pension_fund_transfer_frequency",
        unit=Unit.CHOICE,
        rules=("LAND-12",),
        choices=("monthly", "quarterly"),
    ),
    ParameterSpec(
        name="land.risk_reserve_transfer_frequency",
        unit=Unit.CHOICE,
        rules=("LAND-12",),
        choices=("monthly", "quarterly"),
    ),
)
