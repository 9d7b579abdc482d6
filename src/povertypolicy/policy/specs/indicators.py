"""Targets and checklists parameters (KPI-1..KPI-5: city-four-haves-demonstration-towns-2022,
poverty-work-plan-samples 篇1, 篇2, 篇6).

Each indicator of a checklist is one threshold parameter: its value, its side (a minimum
"以上 / 不低于 / 达到", or a maximum "以下 / 清零") and, in the pack, its bound.
"""

from ..spec import ParameterSpec, Side, Unit


def _t(name: str, unit: Unit, rule: str, side: Side = Side.LOWER) -> ParameterSpec:
    return ParameterSpec(name=f"indicators.{name}", unit=unit, rules=(rule,), threshold=side)


def _v(name: str, unit: Unit, rule: str) -> ParameterSpec:
    return ParameterSpec(name=f"indicators.{name}", unit=unit, rules=(rule,))


P, C = Unit.PERCENT, Unit.COUNT

SPECS = (
    # KPI-1 "four haves" demonstration towns (city-four-haves-demonstration-towns-2022)
    _t("four_haves_platform_in_place", C, "KPI-1"),
    _t("four_haves_village_staff_full_time", P, "KPI-1"),
    _t("four_haves_coverage", P, "KPI-1"),
    _t("four_haves_transfer_employment", P, "KPI-1"),
    _t("four_haves_zero_transfer_families", Unit.HOUSEHOLDS, "KPI-1", Side.UPPER),
    _t("four_haves_pension_enrolment", P, "KPI-1"),
    _t("four_haves_medical_insurance", P, "KPI-1"),
    _t("four_haves_training", P, "KPI-1"),
    _t("four_haves_coordinators", Unit.PEOPLE, "KPI-1"),
    _t("four_haves_certified_staff", P, "KPI-1"),
    # KPI-2 health poverty check (poverty-work-plan-samples 篇2)
    _t("health_family_doctor", P, "KPI-2"),
    _t("health_chronic_registry", P, "KPI-2"),
    _t("health_inpatient_reimbursement", P, "KPI-2"),
    _t("health_chronic_reimbursement", P, "KPI-2"),
    _t("health_basic_insurance", P, "KPI-2"),
    _t("health_serious_illness_insurance", P, "KPI-2"),
    _t("health_medical_assistance", P, "KPI-2"),
    _v("health_check_start", Unit.DATE, "KPI-2"),
    _v("health_check_end", Unit.DATE, "KPI-2"),
    # KPI-3 "seven haves" for households and villages (poverty-work-plan-samples 篇1)
    _t("seven_haves_house_area", Unit.SQUARE_METRES, "KPI-3"),
    _t("seven_haves_farmland", Unit.MU, "KPI-3"),
    _t("seven_haves_drinking_water", C, "KPI-3"),
    _t("seven_haves_biogas", C, "KPI-3"),
    _t("seven_haves_orchard", Unit.MU, "KPI-3"),
    _t("seven_haves_large_animals", C, "KPI-3"),
    _t("seven_haves_pigs_sold", C, "KPI-3"),
    _t("seven_haves_tech_person", Unit.PEOPLE, "KPI-3"),
    _t("seven_haves_road", C, "KPI-3"),
    _t("seven_haves_office_and_clinic", C, "KPI-3"),
    _t("seven_haves_communications", C, "KPI-3"),
    _t("seven_haves_industry_association", C, "KPI-3"),
    _t("seven_haves_pillar_industries", C, "KPI-3"),
    _t("seven_haves_school", C, "KPI-3"),
    _t("seven_haves_two_committees", C, "KPI-3"),
    # KPI-4 fund plan (poverty-work-plan-samples 篇1 §三)
    _v("fund_total", Unit.YUAN, "KPI-4"),
    _v("fund_infrastructure", Unit.YUAN, "KPI-4"),
    _v("fund_industry", Unit.YUAN, "KPI-4"),
    _v("fund_social", Unit.YUAN, "KPI-4"),
    _v("fund_household_environment", Unit.YUAN, "KPI-4"),
    _v("fund_share_infrastructure", P, "KPI-4"),
    _v("fund_share_industry", P, "KPI-4"),
    _v("fund_share_social", P, "KPI-4"),
    _v("fund_share_household_environment", P, "KPI-4"),
    # KPI-5 self-inspection of projects built with poverty funds (poverty-work-plan-samples 篇6)
    _v("self_inspection_start", Unit.DATE, "KPI-5"),
    _v("self_inspection_end", Unit.DATE, "KPI-5"),
    _v("self_inspection_report_due", Unit.DATE, "KPI-5"),
    _v("inspection_summary_due", Unit.DATE, "KPI-5"),
    _v("supervision_report_due", Unit.DATE, "KPI-5"),
    _t("project_house_procedures", C, "KPI-5"),
    _t("project_house_outcome", C, "KPI-5"),
    _t("project_water_procedures", C, "KPI-5"),
    _t("project_water_tests_per_year", C, "KPI-5"),
    _t("project_road_procedures", C, "KPI-5"),
)
