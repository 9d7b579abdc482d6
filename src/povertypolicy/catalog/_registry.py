"""The rule registry: for each rule ID, the functions that implement it, its ledger forms, the
parameters it can do without, and the clauses it comes from.

The parameters a rule reads are not listed here: they are the specs (``policy/specs/*.py``)
that name the rule. Tests keep this table, the docstrings, the ledger registry and what the
rules actually read in step.
"""

from __future__ import annotations

from typing import NamedTuple

# Rule-ID prefix → policy area (module under povertypolicy.rules).
AREAS: dict[str, str] = {
    "HOUSE": "housing",
    "SITE": "site",
    "LAND": "land",
    "FOLLOW": "follow_up",
    "ID": "registration",
    "MON": "monitoring",
    "KPI": "indicators",
    "DATA": "data_quality",
}


class Doc(NamedTuple):
    """A clause of the document a shipped pack encodes."""

    pack: str
    section: str


class Law(NamedTuple):
    """A national law, regulation or statistics series, with its article."""

    law: str
    article: str


class Entry(NamedTuple):
    """One rule: its functions (relative to ``povertypolicy.rules``) and what else we know."""

    id: str
    functions: tuple[str, ...]
    sources: tuple[Doc | Law, ...]
    ledger: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


_DM = "county-deep-mountain-relocation-2011"
_GX = "gx-prefecture-relocation-site-management"
_SF = "state-farm-land-security-governance-2022"
_TZ = "zj-taizhou-expropriated-farmers-2019"
_FU = "county-relocation-follow-up-2020"
_SN = "sn-city-relocation-plan-2019"
_CK = "cq-chengkou-subdistrict-relocation-follow-up-2020"
_JX = "jx-county-relocation-follow-up-measures"
_HN = "hn-longhui-town-registration-2014"
_JT = "jx-township-poverty-plan-2015"
_TM = "town-return-poverty-monitoring-2021"
_FH = "city-four-haves-demonstration-towns-2022"
_HC = "county-health-poverty-check"
_BZ = "sc-bazhong-contiguous-area-plan-2011"
_SI = "town-poverty-project-self-inspection"
_DC = "town-poverty-data-cleansing"

_LAW_1998 = "中华人民共和国土地管理法（1998年修订，2004年修正）"
_LAW_2019 = "中华人民共和国土地管理法（2019年修正）"
_REGS_1998 = "中华人民共和国土地管理法实施条例（1998年）"
_NBS = Law("中国农村贫困监测报告（国家统计局住户调查办公室）", "农村贫困标准（现行标准，当年价）")

_HOUSING_LEDGER = ("housing.release", "housing.subsidy")
_PLAN = "site.plan_site"
_SCREEN = ("monitoring.screening",)
_LAND_LEDGER = ("land.audit", "land.split")
_FOLLOW_CHECKS = "follow_up.follow_up_checks"

# Land compensation parameters that only one of the two methods reads (land.compensation_method).
_BY_OUTPUT_VALUE = (
    "land.annual_output_value",
    "land.land_compensation_multiple",
    "land.land_compensation_multiple_range",
    "land.resettlement_multiple",
    "land.resettlement_multiple_range",
    "land.resettlement_cap_multiple",
    "land.combined_cap_multiple",
)
_BY_ZONE_PRICE = ("land.zone_price", "land.zone_price_land_compensation_share")
# Old-house deadlines: a pack sets the ones its document gives (at least one).
_DEMOLITION = (
    "follow_up.demolition_transition_months",
    "follow_up.hazard_demolition_days",
    "follow_up.early_move_in_cutoff",
    "follow_up.early_movers_demolition_deadline",
    "follow_up.unsafe_demolition_deadline",
    "follow_up.demolition_deadline",
    "follow_up.reclamation_deadline",
)

ENTRIES: tuple[Entry, ...] = (
    # HOUSE — relocation housing subsidy (poverty-work-plan-samples 篇3)
    Entry(
        "HOUSE-1",
        ("housing.eligibility", "housing.earliest_approval", "housing.housing_subsidy"),
        (Doc(_DM, "篇3 §四1"),),
        ledger=("housing.eligibility", "housing.posting", *_HOUSING_LEDGER),
    ),
    Entry("HOUSE-2", ("housing.housing_subsidy",), (Doc(_DM, "篇3 §七1"),), _HOUSING_LEDGER),
    Entry(
        "HOUSE-3",
        ("housing.housing_subsidy", "housing.release_tranches"),
        (Doc(_DM, "篇3 §六2"),),
        _HOUSING_LEDGER,
    ),
    Entry("HOUSE-4", ("housing.release_tranches",), (Doc(_DM, "篇3 §八3"),), ("housing.release",)),
    Entry("HOUSE-5", ("housing.housing_subsidy",), (Doc(_DM, "篇3 §七3"),), ("housing.subsidy",)),
    # SITE — relocation-site community organisation (relocation-follow-up-documents 篇一)
    Entry("SITE-1", ("site.management_unit", _PLAN), (Doc(_GX, "篇一 §二(一)"),)),
    Entry("SITE-2", ("site.management_unit", _PLAN), (Doc(_GX, "篇一 §二(一)"),)),
    Entry(
        "SITE-3",
        ("site.partition_groups", _PLAN),
        (Doc(_GX, "篇一 §二(一)"),),
        optional=("site.group_target_inside", "site.group_target_outside"),
    ),
    Entry("SITE-4", ("site.party_organisation", _PLAN), (Doc(_GX, "篇一 §二(二)1"),)),
    Entry("SITE-5", ("site.deputy_secretary", _PLAN), (Doc(_GX, "篇一 §二(二)1"),)),
    Entry("SITE-6", ("site.committee_sizes", _PLAN), (Doc(_GX, "篇一 §二(二)2"),)),
    Entry("SITE-7", ("site.community_workers", _PLAN), (Doc(_GX, "篇一 §二(二)2"),)),
    Entry("SITE-8", ("site.committee_sizes", _PLAN), (Doc(_GX, "篇一 §二(二)2"),)),
    Entry("SITE-9", ("site.committee_sizes", _PLAN), (Doc(_GX, "篇一 §二(二)2"),)),
    Entry("SITE-10", ("site.affiliated_organisations", _PLAN), (Doc(_GX, "篇一 §二(二)3"),)),
    Entry("SITE-11", ("site.grid_plan", _PLAN), (Doc(_GX, "篇一 §二(三)1"),)),
    Entry("SITE-12", ("site.grid_schedule", _PLAN), (Doc(_GX, "篇一 §二(三)2"),)),
    Entry("SITE-13", ("site.service_centre", _PLAN), (Doc(_GX, "篇一 §二(四)1"),)),
    Entry("SITE-14", ("site.service_transfer",), (Doc(_GX, "篇一 §二(四)2"),)),
    Entry("SITE-15", ("site.service_windows", _PLAN), (Doc(_GX, "篇一 §二(四)4"),)),
    Entry("SITE-16", ("site.township_staffing", _PLAN), (Doc(_GX, "篇一 §二(六)1"),)),
    # LAND — land expropriation, compensation and social security
    # (state-farm-landless-farmers-security-2022, zj-taizhou-2019-47, national law)
    Entry(
        "LAND-1",
        ("land.compensation", "land.split_compensation"),
        (Law(_LAW_2019, "第四十八条"), Doc(_SF, "§二(二)1")),
        _LAND_LEDGER,
    ),
    Entry(
        "LAND-2",
        ("land.compensation", "land.split_compensation"),
        (Doc(_SF, "§二(二)1"), Law(_LAW_1998, "第四十七条"), Law(_LAW_2019, "第四十八条")),
        _LAND_LEDGER,
        optional=(*_BY_OUTPUT_VALUE, *_BY_ZONE_PRICE),
    ),
    Entry(
        "LAND-3",
        ("land.split_compensation",),
        (Doc(_SF, "§二(二)1"), Law(_REGS_1998, "第二十六条")),
        _LAND_LEDGER,
    ),
    Entry("LAND-4", ("land.social_security_set_aside",), (Doc(_SF, "§二(二)2"),)),
    Entry("LAND-5", ("land.benefit_floor",), (Doc(_SF, "§二(二)2"),)),
    Entry("LAND-6", ("land.audit_payments",), (Doc(_SF, "§二(二)1"),), ("land.audit",)),
    Entry("LAND-7", ("land.campaign_schedule",), (Doc(_SF, "§三"),)),
    Entry("LAND-8", ("land.quota_by_land",), (Doc(_TZ, "§三(二)"),), ("land.places", "land.quota")),
    Entry("LAND-9", ("land.allocate_places",), (Doc(_TZ, "§三(三)"),), ("land.places",)),
    Entry("LAND-10", ("land.reallocate_places",), (Doc(_TZ, "§三(三)"),), ("land.places",)),
    Entry("LAND-11", ("land.place_validity",), (Doc(_TZ, "§三(四)"),)),
    Entry("LAND-12", ("land.transfer_schedule",), (Doc(_TZ, "§二(三)"),)),
    Entry("LAND-13", ("land.entry_check",), (Doc(_TZ, "§三(一)"),)),
    # FOLLOW — follow-up support after relocation (relocation-follow-up-documents 篇二, 第二篇,
    # 第三篇, 第五篇)
    Entry(
        "FOLLOW-1",
        ("follow_up.training", _FOLLOW_CHECKS),
        (Doc(_FU, "篇二 §三(二)4"),),
        ("follow_up.checks",),
    ),
    Entry(
        "FOLLOW-2",
        ("follow_up.stable_employment", _FOLLOW_CHECKS),
        (Doc(_FU, "篇二 §三(二)4"), Doc(_JX, "第五篇 第三章 第二条")),
        ("follow_up.checks",),
    ),
    Entry(
        "FOLLOW-3",
        ("follow_up.transitional_dibao", _FOLLOW_CHECKS),
        (Doc(_FU, "篇二 §三(二)4"), Doc(_FU, "篇二 §三(三)3")),
        ("follow_up.checks",),
    ),
    Entry(
        "FOLLOW-4",
        ("follow_up.demolition", _FOLLOW_CHECKS),
        (Doc(_SN, "第二篇 §二(四)"), Doc(_CK, "第三篇 §二(四)9"), Doc(_FU, "篇二 §三(三)4")),
        ("follow_up.checks",),
        optional=_DEMOLITION,
    ),
    Entry(
        "FOLLOW-5",
        ("follow_up.homestead_award", _FOLLOW_CHECKS),
        (Doc(_SN, "第二篇 §二(三)"),),
        ("follow_up.checks",),
    ),
    Entry(
        "FOLLOW-6",
        ("follow_up.three_rates_one_degree", "indicators.evaluate"),
        (Doc(_SN, "第二篇 §一"),),
        ("follow_up.three_rates",),
    ),
    Entry(
        "FOLLOW-7",
        (
            "follow_up.industry_subsidy",
            "follow_up.household_industry_topup",
            "follow_up.vegetable_plot_subsidy",
            "follow_up.livestock_pen_award",
            "follow_up.in_home_business_subsidy",
            "follow_up.employment_award",
            "follow_up.welfare_jobs",
            "follow_up.broker_award",
            "follow_up.enterprise_award",
        ),
        (Doc(_CK, "第三篇 §二(二)"), Doc(_CK, "第三篇 §二(三)")),
    ),
    Entry("FOLLOW-8", ("follow_up.serious_illness_premium",), (Doc(_JX, "第五篇 第三章 第五条"),)),
    # ID — poverty registration and classification (poverty-work-plan-samples 篇4, 篇5; NBS)
    Entry(
        "ID-1",
        ("registration.eligibility", "poverty.poverty_line"),
        (Doc(_HN, "篇4 §二(二)"), Doc(_HN, "篇4 §三(一)"), _NBS),
        ("registration.eligibility",),
    ),
    Entry(
        "ID-2",
        ("registration.eligibility",),
        (Doc(_HN, "篇4 §三(一)"),),
        ("registration.eligibility",),
    ),
    Entry(
        "ID-3",
        (
            "registration.check_procedure",
            "registration.evaluation_group",
            "registration.posting_period",
            "registration.replace_disqualified",
            "registration.vote",
        ),
        (Doc(_HN, "篇4 §三(二)"), Doc(_HN, "篇4 §三(三)")),
    ),
    Entry("ID-4", ("registration.split_quota",), (Doc(_HN, "篇4 §四(一)1"),)),
    Entry(
        "ID-5",
        ("registration.card_class",),
        (Doc(_JT, "篇5 §二(二)"),),
        ("registration.eligibility",),
    ),
    Entry(
        "ID-6",
        ("registration.incidence_target", "registration.income_growth_target"),
        (Doc(_JT, "篇5"),),
    ),
    Entry(
        "ID-7",
        (
            "registration.industry_award",
            "registration.schooling_and_training",
            "registration.pairing",
            "registration.seedlings",
            "registration.inpatient_rate",
        ),
        (Doc(_JT, "篇5 §三"), Doc(_JT, "篇5 §四")),
    ),
    # MON — anti-return-to-poverty monitoring (poverty-work-plan-samples 篇8)
    Entry(
        "MON-1",
        (
            "monitoring.screening",
            "monitoring.screen",
            "monitoring.income_threshold",
            "poverty.poverty_line",
        ),
        (Doc(_TM, "篇8 §三(一)"),),
        _SCREEN,
    ),
    Entry("MON-2", ("monitoring.warning_level",), (Doc(_TM, "篇8 §三(二)"),), _SCREEN),
    Entry(
        "MON-3",
        (
            "monitoring.warning_level",
            "monitoring.screen",
            "monitoring.income_threshold",
            "poverty.poverty_line",
        ),
        (Doc(_TM, "篇8 §三(四)"),),
        _SCREEN,
    ),
    Entry(
        "MON-4",
        ("monitoring.warning_level", "monitoring.level_history"),
        (Doc(_TM, "篇8 §三(四)"),),
        _SCREEN,
    ),
    Entry("MON-5", ("monitoring.calendar",), (Doc(_TM, "篇8 §三(三)"),)),
    Entry(
        "MON-6", ("monitoring.spot_check",), (Doc(_TM, "篇8 §三(三)6"),), ("monitoring.spot_check",)
    ),
    Entry("MON-7", ("monitoring.support_measures",), (Doc(_TM, "篇8 §四"),)),
    # KPI — targets, checklists and audits (poverty-work-plan-samples 篇1, 篇2, 篇6;
    # city-four-haves-demonstration-towns-2022)
    Entry(
        "KPI-1",
        ("indicators.evaluate", "indicators.scorecard"),
        (Doc(_FH, "§二"), Doc(_FH, "§三(一)"), Doc(_FH, "§三(二)")),
        ("indicators.four_haves",),
    ),
    Entry(
        "KPI-2",
        ("indicators.evaluate", "indicators.schedule"),
        (Doc(_HC, "篇2 §三"),),
        ("indicators.health_check",),
    ),
    Entry("KPI-3", ("indicators.evaluate",), (Doc(_BZ, "篇1 §一"),), ("indicators.seven_haves",)),
    Entry("KPI-4", ("indicators.fund_plan", "indicators.split_budget"), (Doc(_BZ, "篇1 §三"),)),
    Entry(
        "KPI-5",
        ("indicators.evaluate", "indicators.schedule"),
        (Doc(_SI, "篇6 §二"),),
        ("indicators.self_inspection",),
        optional=("indicators.supervision_report_due",),
    ),
    # DATA — data-quality checks on poverty ledgers (poverty-work-plan-samples 篇7)
    Entry(
        "DATA-1",
        ("data_quality.check_id_number",),
        (Doc(_DC, "篇7 §二(一)1"),),
        ("data_quality.identity", "data_quality.report"),
    ),
    Entry(
        "DATA-2",
        ("data_quality.check_record",),
        (Doc(_DC, "篇7 §二(一)2"),),
        ("data_quality.report",),
    ),
    Entry(
        "DATA-3",
        ("data_quality.household_pairings", "data_quality.helper_overloads"),
        (Doc(_DC, "篇7 §二(二)1"),),
        ("data_quality.report",),
    ),
    Entry(
        "DATA-4",
        ("data_quality.check_record",),
        (Doc(_DC, "篇7 §二(三)2"),),
        ("data_quality.report",),
    ),
)
