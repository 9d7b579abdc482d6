"""Anti-return-to-poverty monitoring parameters (MON-1..MON-7, poverty-work-plan-samples 篇8)."""

from ..spec import ParameterSpec, Side, Unit

SPECS = (
    # MON-1 group 5 and MON-3 red: income below a multiple of the line at a reference date.
    ParameterSpec(
        name="monitoring.income_line_multiple",
        unit=Unit.TIMES,
        rules=("MON-1", "MON-3", "MON-4"),
        threshold=Side.UPPER,
    ),
    ParameterSpec(
        name="monitoring.income_line_date", unit=Unit.DATE, rules=("MON-1", "MON-3", "MON-4")
    ),
    # MON-3: the readings the text leaves open.
    ParameterSpec(
        name="monitoring.no_labour_reading",
        unit=Unit.CHOICE,
        rules=("MON-3", "MON-4"),
        choices=("distinct", "same"),
    ),
    ParameterSpec(
        name="monitoring.red_hardship_scope",
        unit=Unit.CHOICE,
        rules=("MON-3", "MON-4"),
        choices=("all_first_clauses", "spending_and_income"),
    ),
    ParameterSpec(
        name="monitoring.profile_traits",
        unit=Unit.CHOICE,
        rules=("MON-3", "MON-4"),
        choices=("all", "any"),
    ),
    ParameterSpec(
        name="monitoring.drinking_water_for_red",
        unit=Unit.CHOICE,
        rules=("MON-2", "MON-3", "MON-4"),
        choices=("excluded", "included"),
    ),
    # MON-5: cadence.
    ParameterSpec(
        name="monitoring.half_month",
        unit=Unit.CHOICE,
        rules=("MON-5",),
        choices=("calendar_halves", "fifteen_days"),
    ),
    ParameterSpec(name="monitoring.ledger_report_months", unit=Unit.MONTHS, rules=("MON-5",)),
    ParameterSpec(name="monitoring.data_exchange_months", unit=Unit.MONTHS, rules=("MON-5",)),
    ParameterSpec(name="monitoring.risk_assessment_months", unit=Unit.MONTHS, rules=("MON-5",)),
    # MON-6: spot checks.
    ParameterSpec(
        name="monitoring.spot_check_doubtful_rate",
        unit=Unit.PERCENT,
        rules=("MON-6",),
        threshold=Side.LOWER,
    ),
)
