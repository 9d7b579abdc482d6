"""Poverty registration parameters (ID-1..ID-7, poverty-work-plan-samples 篇4 and 篇5)."""

from ..spec import ParameterSpec, Side, Unit

SPECS = (
    # ID-1: who may be registered.
    ParameterSpec(
        name="registration.main_labourer_max_age",
        unit=Unit.YEARS,
        rules=("ID-1",),
        threshold=Side.UPPER,
    ),
    ParameterSpec(
        name="registration.income_line_multiple",
        unit=Unit.TIMES,
        rules=("ID-1",),
        threshold=Side.UPPER,
    ),
    # ID-3: procedure.
    ParameterSpec(
        name="registration.evaluation_group_min_members",
        unit=Unit.PEOPLE,
        rules=("ID-3",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="registration.evaluation_group_min_households",
        unit=Unit.HOUSEHOLDS,
        rules=("ID-3",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="registration.min_participation",
        unit=Unit.PERCENT,
        rules=("ID-3",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="registration.min_approval", unit=Unit.PERCENT, rules=("ID-3",), threshold=Side.LOWER
    ),
    ParameterSpec(
        name="registration.posting_min_days", unit=Unit.DAYS, rules=("ID-3",), threshold=Side.LOWER
    ),
    # ID-4: quota weights per village class; no seed gives them, a user pack does.
    *(
        ParameterSpec(name=f"registration.quota_weight_{c}", unit=Unit.TIMES, rules=("ID-4",))
        for c in ("good", "average", "poor", "deeply_poor")
    ),
    # ID-6: targets.
    ParameterSpec(
        name="registration.incidence_target",
        unit=Unit.PERCENT,
        rules=("ID-6",),
        threshold=Side.UPPER,
    ),
    ParameterSpec(
        name="registration.income_growth_margin",
        unit=Unit.PERCENT,
        rules=("ID-6",),
        threshold=Side.LOWER,
    ),
    # ID-7: support amounts.
    ParameterSpec(
        name="registration.industry_award_range",
        unit=Unit.YUAN_PER_HOUSEHOLD,
        rules=("ID-7",),
        is_range=True,
    ),
    ParameterSpec(
        name="registration.vocational_school_subsidy", unit=Unit.YUAN_PER_PERSON, rules=("ID-7",)
    ),
    ParameterSpec(
        name="registration.skills_training_subsidy", unit=Unit.YUAN_PER_PERSON, rules=("ID-7",)
    ),
    ParameterSpec(name="registration.pairing_households", unit=Unit.HOUSEHOLDS, rules=("ID-7",)),
    ParameterSpec(
        name="registration.pairing_min_income_gain",
        unit=Unit.YUAN_PER_HOUSEHOLD,
        rules=("ID-7",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="registration.pomelo_seedlings_min",
        unit=Unit.COUNT,
        rules=("ID-7",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(name="registration.inpatient_uplift", unit=Unit.PERCENT, rules=("ID-7",)),
    ParameterSpec(
        name="registration.public_welfare_jobs_range",
        unit=Unit.PEOPLE,
        rules=("ID-7",),
        is_range=True,
    ),
    ParameterSpec(
        name="registration.industry_support_min_households",
        unit=Unit.HOUSEHOLDS,
        rules=("ID-7",),
        threshold=Side.LOWER,
    ),
)
