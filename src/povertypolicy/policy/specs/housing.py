"""Relocation housing subsidy parameters (HOUSE-1..HOUSE-5, poverty-work-plan-samples 篇3)."""

from ..spec import ParameterSpec, Side, Unit

SPECS = (
    ParameterSpec(
        name="housing.birth_cutoff", unit=Unit.DATE, rules=("HOUSE-1",), threshold=Side.UPPER
    ),
    ParameterSpec(name="housing.posting_days", unit=Unit.DAYS, rules=("HOUSE-1",)),
    ParameterSpec(name="housing.subsidy_per_person", unit=Unit.YUAN_PER_PERSON, rules=("HOUSE-2",)),
    ParameterSpec(
        name="housing.subsidy_province_per_person", unit=Unit.YUAN_PER_PERSON, rules=("HOUSE-2",)
    ),
    ParameterSpec(
        name="housing.subsidy_city_per_person", unit=Unit.YUAN_PER_PERSON, rules=("HOUSE-2",)
    ),
    ParameterSpec(
        name="housing.subsidy_county_per_person", unit=Unit.YUAN_PER_PERSON, rules=("HOUSE-2",)
    ),
    ParameterSpec(
        name="housing.withheld_per_person", unit=Unit.YUAN_PER_PERSON, rules=("HOUSE-2",)
    ),
    ParameterSpec(name="housing.tranche_foundation", unit=Unit.PERCENT, rules=("HOUSE-3",)),
    ParameterSpec(name="housing.tranche_first_storey", unit=Unit.PERCENT, rules=("HOUSE-3",)),
    ParameterSpec(name="housing.tranche_second_storey", unit=Unit.PERCENT, rules=("HOUSE-3",)),
    ParameterSpec(
        name="housing.tranche_old_house_demolished", unit=Unit.PERCENT, rules=("HOUSE-3",)
    ),
    ParameterSpec(
        name="housing.demolition_deadline",
        unit=Unit.DATE,
        rules=("HOUSE-4",),
        threshold=Side.UPPER,
    ),
    ParameterSpec(
        name="housing.timber_per_person", unit=Unit.CUBIC_METRES_PER_PERSON, rules=("HOUSE-5",)
    ),
)
