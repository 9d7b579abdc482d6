"""Follow-up support after relocation parameters (FOLLOW-1..8: relocation-follow-up-documents 篇二,
第二篇, 第三篇, 第五篇)."""

from ..spec import ParameterSpec, Side, Unit


def _p(
    name: str, unit: Unit, rule: str, side: Side | None = None, *, is_range: bool = False
) -> ParameterSpec:
    return ParameterSpec(
        name=f"follow_up.{name}", unit=unit, rules=(rule,), threshold=side, is_range=is_range
    )


L, U = Side.LOWER, Side.UPPER

SPECS = (
    # FOLLOW-1 training within a year of settling; FOLLOW-2 one stable job per household
    _p("training_within_years", Unit.YEARS, "FOLLOW-1", U),
    _p("training_min_sessions", Unit.COUNT, "FOLLOW-1", L),
    _p("stable_jobs_min_per_household", Unit.PEOPLE, "FOLLOW-2", L),
    # FOLLOW-3 transitional dibao
    _p("dibao_months", Unit.MONTHS, "FOLLOW-3"),
    # FOLLOW-4 old houses: a transition after moving in, or dated deadlines
    _p("demolition_transition_months", Unit.MONTHS, "FOLLOW-4", U),
    _p("hazard_demolition_days", Unit.DAYS, "FOLLOW-4", U),
    _p("early_move_in_cutoff", Unit.DATE, "FOLLOW-4", U),
    _p("early_movers_demolition_deadline", Unit.DATE, "FOLLOW-4", U),
    _p("unsafe_demolition_deadline", Unit.DATE, "FOLLOW-4", U),
    _p("demolition_deadline", Unit.DATE, "FOLLOW-4", U),
    _p("reclamation_deadline", Unit.DATE, "FOLLOW-4", U),
    # FOLLOW-5 old-homestead vacating award
    _p("homestead_award_per_person", Unit.YUAN_PER_PERSON, "FOLLOW-5"),
    # FOLLOW-6 three rates, one degree
    _p("occupancy_rate_min", Unit.PERCENT, "FOLLOW-6", L),
    _p("vacating_rate_min", Unit.PERCENT, "FOLLOW-6", L),
    _p("support_rate_min", Unit.PERCENT, "FOLLOW-6", L),
    _p("occupancy_due", Unit.DATE, "FOLLOW-6", U),
    _p("vacating_due", Unit.DATE, "FOLLOW-6", U),
    _p("support_due", Unit.DATE, "FOLLOW-6", U),
    # FOLLOW-7 the Chengkou sub-district's subsidies
    _p("forest_guesthouse_subsidy", Unit.YUAN_PER_HOUSEHOLD, "FOLLOW-7", is_range=True),
    _p("other_industry_subsidy", Unit.YUAN_PER_HOUSEHOLD, "FOLLOW-7", is_range=True),
    _p("household_industry_topup_max", Unit.YUAN_PER_HOUSEHOLD, "FOLLOW-7", U),
    _p("vegetable_plot_rate_max", Unit.YUAN_PER_MU, "FOLLOW-7", U),
    _p("vegetable_plot_years", Unit.YEARS, "FOLLOW-7"),
    _p("vegetable_plot_area", Unit.MU, "FOLLOW-7"),
    _p("livestock_pen_award", Unit.YUAN_PER_HOUSEHOLD, "FOLLOW-7"),
    _p("in_home_business_min_share", Unit.PERCENT, "FOLLOW-7", L),
    _p("in_home_business_max", Unit.YUAN_PER_HOUSEHOLD, "FOLLOW-7", U),
    _p("employment_award_max", Unit.YUAN_PER_HOUSEHOLD, "FOLLOW-7", U),
    _p("welfare_jobs_max_per_household", Unit.COUNT, "FOLLOW-7", U),
    _p("welfare_jobs_max_per_person", Unit.COUNT, "FOLLOW-7", U),
    _p("broker_min_people", Unit.PEOPLE, "FOLLOW-7", L),
    _p("broker_min_months", Unit.MONTHS, "FOLLOW-7", L),
    _p("broker_award", Unit.YUAN, "FOLLOW-7"),
    _p("enterprise_min_workers", Unit.PEOPLE, "FOLLOW-7", L),
    _p("enterprise_min_months", Unit.MONTHS, "FOLLOW-7", L),
    _p("enterprise_award", Unit.YUAN, "FOLLOW-7"),
    # FOLLOW-8 supplementary serious-illness insurance
    _p("serious_illness_premium", Unit.YUAN_PER_PERSON, "FOLLOW-8"),
)
