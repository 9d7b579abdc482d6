"""The shipped checklists: the four haves (city-four-haves-demonstration-towns-2022), the health
check (poverty-work-plan-samples 篇2), the seven haves (poverty-work-plan-samples 篇1), the
project self-inspection (poverty-work-plan-samples 篇6) and the three rates, one degree
(relocation-follow-up-documents 第二篇).

A checklist names its figures and, per indicator, the threshold parameter (value, bound and
citation live in the pack). KPI-1, KPI-2, KPI-3, KPI-5, FOLLOW-6.
"""

from __future__ import annotations

import enum

from ...domain.indicators import UnitLevel
from ._model import Checklist, Figure, FigureKind, Indicator, Measure

__all__ = [
    "CHECKLISTS",
    "FOUR_HAVES",
    "HEALTH_CHECK",
    "SELF_INSPECTION",
    "SEVEN_HAVES",
    "THREE_RATES",
    "FigureName",
    "IndicatorName",
    "checklist",
]


class IndicatorName(enum.StrEnum):
    """Every shipped indicator; 考核指标."""

    __label__ = "indicators.indicator"

    # KPI-1 four haves (city-four-haves-demonstration-towns-2022)
    PLATFORM_IN_PLACE = "platform_in_place"
    VILLAGE_STAFF_FULL_TIME = "village_staff_full_time"
    FOUR_HAVES_COVERAGE = "four_haves_coverage"
    TRANSFER_EMPLOYMENT = "transfer_employment"
    ZERO_TRANSFER_FAMILIES = "zero_transfer_families"
    PENSION_ENROLMENT = "pension_enrolment"
    MEDICAL_INSURANCE = "medical_insurance"
    TRAINING = "training"
    COORDINATORS = "coordinators"
    CERTIFIED_STAFF = "certified_staff"
    # KPI-2 health check (poverty-work-plan-samples 篇2)
    FAMILY_DOCTOR = "family_doctor"
    CHRONIC_REGISTRY = "chronic_registry"
    INPATIENT_REIMBURSEMENT = "inpatient_reimbursement"
    CHRONIC_REIMBURSEMENT = "chronic_reimbursement"
    BASIC_INSURANCE = "basic_insurance"
    SERIOUS_ILLNESS_INSURANCE = "serious_illness_insurance"
    MEDICAL_ASSISTANCE = "medical_assistance"
    # KPI-3 seven haves (poverty-work-plan-samples 篇1): household
    HOUSE = "house"
    FARMLAND = "farmland"
    DRINKING_WATER = "drinking_water"
    BIOGAS = "biogas"
    ORCHARD = "orchard"
    LIVESTOCK = "livestock"
    LARGE_ANIMALS = "large_animals"
    PIGS = "pigs"
    TECH_PERSON = "tech_person"
    # KPI-3 seven haves: village
    ROAD = "road"
    OFFICE_AND_CLINIC = "office_and_clinic"
    COMMUNICATIONS = "communications"
    INDUSTRY_ASSOCIATION = "industry_association"
    PILLAR_INDUSTRY = "pillar_industry"
    SCHOOL = "school"
    TWO_COMMITTEES = "two_committees"
    # KPI-5 project self-inspection (poverty-work-plan-samples 篇6)
    HOUSE_PROCEDURES = "house_procedures"
    HOUSE_OUTCOME = "house_outcome"
    WATER_PROCEDURES = "water_procedures"
    WATER_TESTS = "water_tests"
    ROAD_PROCEDURES = "road_procedures"
    # FOLLOW-6 three rates, one degree (relocation-follow-up-documents 第二篇)
    OCCUPANCY_RATE = "occupancy_rate"
    VACATING_RATE = "vacating_rate"
    SUPPORT_RATE = "support_rate"


class FigureName(enum.StrEnum):
    """Every figure a shipped checklist reads; 指标数据项."""

    __label__ = "indicators.figure"

    PLATFORM_ORGANISATION = "platform_organisation"
    PLATFORM_STAFF = "platform_staff"
    PLATFORM_FUNDS = "platform_funds"
    PLATFORM_PREMISES = "platform_premises"
    PLATFORM_WORK = "platform_work"
    PLATFORM_RULES = "platform_rules"
    VILLAGE_PLATFORM_STAFF = "village_platform_staff"
    VILLAGE_PLATFORM_FULL_TIME = "village_platform_full_time"
    VILLAGERS = "villagers"
    VILLAGERS_FOUR_HAVES = "villagers_four_haves"
    SURPLUS_LABOUR = "surplus_labour"
    TRANSFERRED_LABOUR = "transferred_labour"
    ZERO_TRANSFER_FAMILIES = "zero_transfer_families"
    PENSION_ELIGIBLE = "pension_eligible"
    PENSION_INSURED = "pension_insured"
    MEDICALLY_INSURED = "medically_insured"
    TRAINING_NEEDED = "training_needed"
    TRAINED = "trained"
    FULL_TIME_STAFF = "full_time_staff"
    CERTIFIED_STAFF = "certified_staff"
    COORDINATORS = "coordinators"
    REGISTERED_POOR_PEOPLE = "registered_poor_people"
    FAMILY_DOCTOR_CONTRACTED = "family_doctor_contracted"
    CHRONIC_PATIENTS = "chronic_patients"
    CHRONIC_REGISTERED = "chronic_registered"
    INPATIENT_REIMBURSEMENT_PCT = "inpatient_reimbursement_pct"
    CHRONIC_REIMBURSEMENT_PCT = "chronic_reimbursement_pct"
    BASIC_INSURED = "basic_insured"
    SERIOUS_ILLNESS_INSURED = "serious_illness_insured"
    MEDICAL_ASSISTANCE_COVERED = "medical_assistance_covered"
    HOUSE_FLOOR_AREA = "house_floor_area"
    FARMLAND_MU = "farmland_mu"
    SAFE_DRINKING_WATER = "safe_drinking_water"
    BIOGAS_OR_STOVE = "biogas_or_stove"
    ORCHARD_MU = "orchard_mu"
    LARGE_ANIMALS_SOLD = "large_animals_sold"
    PIGS_SOLD = "pigs_sold"
    FARM_TECH_PEOPLE = "farm_tech_people"
    HARDENED_ROAD = "hardened_road"
    VILLAGE_OFFICE = "village_office"
    VILLAGE_CLINIC = "village_clinic"
    COMMUNICATIONS = "communications"
    INDUSTRY_ASSOCIATION = "industry_association"
    PILLAR_INDUSTRIES = "pillar_industries"
    HAS_SCHOOL = "has_school"
    SCHOOL_STANDARD = "school_standard"
    TRUSTED_COMMITTEE = "trusted_committee"
    GOOD_RULES = "good_rules"
    HOUSE_RENOVATION = "house_renovation"
    HOUSE_APPRAISAL = "house_appraisal"
    HOUSE_CONSTRUCTION_PROCEDURES = "house_construction_procedures"
    HOUSE_COMPLETION_ACCEPTANCE = "house_completion_acceptance"
    HOUSE_RENOVATED = "house_renovated"
    OLD_DWELLING_DEMOLISHED = "old_dwelling_demolished"
    WATER_PROJECT = "water_project"
    WATER_PROCEDURES = "water_procedures"
    WATER_QUALITY = "water_quality"
    CENTRAL_SUPPLY = "central_supply"
    WATER_TESTS_THIS_YEAR = "water_tests_this_year"
    ROAD_PROJECT = "road_project"
    ROAD_APPROVAL = "road_approval"
    ROAD_QUALITY_INSPECTION = "road_quality_inspection"
    ROAD_SUPERVISION = "road_supervision"
    ROAD_ACCEPTANCE = "road_acceptance"
    RELOCATED_HOUSEHOLDS = "relocated_households"
    MOVED_IN_HOUSEHOLDS = "moved_in_households"
    HOMESTEADS_TO_VACATE = "homesteads_to_vacate"
    HOMESTEADS_VACATED = "homesteads_vacated"
    HOUSEHOLDS_WITH_LABOUR = "households_with_labour"
    HOUSEHOLDS_SUPPORTED = "households_supported"


F, N_ = FigureName, IndicatorName
_C, _Y, _Q, _P = FigureKind.COUNT, FigureKind.YES_NO, FigureKind.QUANTITY, FigureKind.PERCENT

# Each figure: simplified header, traditional header, kind, what it is.
# fmt: off
_FIGURES: dict[FigureName, tuple[str, str, FigureKind, str]] = {
    F.PLATFORM_ORGANISATION: ("平台机构到位", "平台機構到位", _Y,
        "Township platform: organisation in place"),
    F.PLATFORM_STAFF: ("平台人员到位", "平台人員到位", _Y, "Township platform: staff in place"),
    F.PLATFORM_FUNDS: ("平台经费到位", "平台經費到位", _Y, "Township platform: funds in place"),
    F.PLATFORM_PREMISES: ("平台场地到位", "平台場地到位", _Y,
        "Township platform: premises in place"),
    F.PLATFORM_WORK: ("平台工作到位", "平台工作到位", _Y, "Township platform: work in place"),
    F.PLATFORM_RULES: ("平台制度到位", "平台制度到位", _Y, "Township platform: rules in place"),
    F.VILLAGE_PLATFORM_STAFF: ("村级平台人员数", "村級平台人員數", _C,
        "Staff of the village platforms"),
    F.VILLAGE_PLATFORM_FULL_TIME: ("村级平台专职人员数", "村級平台專職人員數", _C,
        "Of whom full-time"),
    F.VILLAGERS: ("村民人数", "村民人數", _C, "Villagers of the town"),
    F.VILLAGERS_FOUR_HAVES: ("四有达标村民数", "四有達標村民數", _C,
        "Villagers meeting the four haves"),
    F.SURPLUS_LABOUR: ("富余劳动力人数", "富餘勞動力人數", _C, "Surplus rural labour"),
    F.TRANSFERRED_LABOUR: ("转移就业人数", "轉移就業人數", _C, "Of whom in transfer employment"),
    F.ZERO_TRANSFER_FAMILIES: ("零转移家庭数", "零轉移家庭數", _C,
        "Families with nobody transferred"),
    F.PENSION_ELIGIBLE: ("符合参保条件村民数", "符合參保條件村民數", _C,
        "Villagers eligible for a pension"),
    F.PENSION_INSURED: ("养老保险参保人数", "養老保險參保人數", _C,
        "Of whom enrolled in a pension"),
    F.MEDICALLY_INSURED: ("参加医疗保险村民数", "參加醫療保險村民數", _C,
        "Villagers medically insured"),
    F.TRAINING_NEEDED: ("有培训需求村民数", "有培訓需求村民數", _C,
        "Villagers who need skills training"),
    F.TRAINED: ("参加实用技能培训人数", "參加實用技能培訓人數", _C,
        "Of whom trained in practical skills"),
    F.FULL_TIME_STAFF: ("专职人员数", "專職人員數", _C, "Full-time platform staff"),
    F.CERTIFIED_STAFF: ("持协理员证书人数", "持協理員證書人數", _C,
        "Of whom holding the assistant certificate"),
    F.COORDINATORS: ("专职协管员人数", "專職協管員人數", _C, "A village's full-time coordinators"),
    F.REGISTERED_POOR_PEOPLE: ("建档立卡贫困人口数", "建檔立卡貧困人口數", _C,
        "Registered poor people"),
    F.FAMILY_DOCTOR_CONTRACTED: ("家庭医生签约人数", "家庭醫生簽約人數", _C,
        "Of whom with a family doctor"),
    F.CHRONIC_PATIENTS: ("慢病患者人数", "慢病患者人數", _C, "Registered poor chronic patients"),
    F.CHRONIC_REGISTERED: ("慢病建册人数", "慢病建冊人數", _C, "Of whom in the chronic registry"),
    F.INPATIENT_REIMBURSEMENT_PCT: ("住院报销比例", "住院報銷比例", _P,
        "Inpatient reimbursement, percent"),
    F.CHRONIC_REIMBURSEMENT_PCT: ("普通慢病报销比例", "普通慢病報銷比例", _P,
        "Chronic reimbursement, percent"),
    F.BASIC_INSURED: ("参加基本医疗保险人数", "參加基本醫療保險人數", _C,
        "In basic medical insurance"),
    F.SERIOUS_ILLNESS_INSURED: ("参加大病保险人数", "參加大病保險人數", _C,
        "In serious-illness insurance"),
    F.MEDICAL_ASSISTANCE_COVERED: ("纳入医疗救助人数", "納入醫療救助人數", _C,
        "Covered by medical assistance"),
    F.HOUSE_FLOOR_AREA: ("住房建筑面积", "住房建築面積", _Q, "Floor area of the house, m²"),
    F.FARMLAND_MU: ("高产稳产农田地", "高產穩產農田地", _Q, "High, stable-yield farmland, mu"),
    F.SAFE_DRINKING_WATER: ("安全卫生饮用水", "安全衛生飲用水", _Y, "Safe, clean drinking water"),
    F.BIOGAS_OR_STOVE: ("沼气池或节能灶", "沼氣池或節能灶", _Y,
        "A biogas pit or an efficient stove"),
    F.ORCHARD_MU: ("经济林果园", "經濟林果園", _Q, "Cash-tree orchard, mu"),
    F.LARGE_ANIMALS_SOLD: ("大牲畜出栏头数", "大牲畜出欄頭數", _C,
        "Large animals sold in the year"),
    F.PIGS_SOLD: ("生猪出售头数", "生豬出售頭數", _C, "Pigs sold in the year"),
    F.FARM_TECH_PEOPLE: ("科技明白人数", "科技明白人數", _C, "Members trained in farm technology"),
    F.HARDENED_ROAD: ("进村硬化公路", "進村硬化公路", _Y, "Hardened road into the village"),
    F.VILLAGE_OFFICE: ("标准村务活动室", "標準村務活動室", _Y, "A standard village office"),
    F.VILLAGE_CLINIC: ("卫生室", "衛生室", _Y, "A village clinic"),
    F.COMMUNICATIONS: ("通讯设施", "通訊設施", _Y, "Communications"),
    F.INDUSTRY_ASSOCIATION: ("产业协会", "產業協會", _Y, "An industry association"),
    F.PILLAR_INDUSTRIES: ("支柱产业数", "支柱產業數", _C, "Pillar industries that raise incomes"),
    F.HAS_SCHOOL: ("有村小学", "有村小學", _Y, "The village has a primary school"),
    F.SCHOOL_STANDARD: ("村小学达到普九标准", "村小學達到普九標準", _Y,
        "It meets the nine-year standard"),
    F.TRUSTED_COMMITTEE: ("两委班子群众信任", "兩委班子群眾信任", _Y,
        "A trusted two-committee team"),
    F.GOOD_RULES: ("维护群众利益的好制度", "維護群眾利益的好制度", _Y, "Good rules for villagers"),
    F.HOUSE_RENOVATION: ("危房改造项目", "危房改造項目", _Y,
        "A dangerous-house renovation project"),
    F.HOUSE_APPRAISAL: ("原始房屋鉴定", "原始房屋鑒定", _Y, "The original house was appraised"),
    F.HOUSE_CONSTRUCTION_PROCEDURES: ("施工手续", "施工手續", _Y,
        "Construction procedures complete"),
    F.HOUSE_COMPLETION_ACCEPTANCE: ("竣工验收", "竣工驗收", _Y, "Completion acceptance done"),
    F.HOUSE_RENOVATED: ("应改已改", "應改已改", _Y, "Renovated where it had to be"),
    F.OLD_DWELLING_DEMOLISHED: ("原住宅已拆除", "原住宅已拆除", _Y,
        "The original dwelling demolished"),
    F.WATER_PROJECT: ("安全饮水工程", "安全飲水工程", _Y, "A safe drinking-water project"),
    F.WATER_PROCEDURES: ("饮水工程手续合规", "飲水工程手續合規", _Y, "Its procedures comply"),
    F.WATER_QUALITY: ("水质达标", "水質達標", _Y, "The water meets the standard"),
    F.CENTRAL_SUPPLY: ("集中供水工程", "集中供水工程", _Y, "A central water supply"),
    F.WATER_TESTS_THIS_YEAR: ("本年水质检测次数", "本年水質檢測次數", _C,
        "Water-quality tests this year"),
    F.ROAD_PROJECT: ("道路桥梁工程", "道路橋樑工程", _Y, "A road or bridge project"),
    F.ROAD_APPROVAL: ("审批", "審批", _Y, "Approved"),
    F.ROAD_QUALITY_INSPECTION: ("质检", "質檢", _Y, "Quality-inspected"),
    F.ROAD_SUPERVISION: ("监理", "監理", _Y, "Supervised"),
    F.ROAD_ACCEPTANCE: ("验收", "驗收", _Y, "Accepted"),
    F.RELOCATED_HOUSEHOLDS: ("搬迁户数", "搬遷戶數", _C, "Registered poor households relocated"),
    F.MOVED_IN_HOUSEHOLDS: ("实际入住户数", "實際入住戶數", _C, "Of which actually moved in"),
    F.HOMESTEADS_TO_VACATE: ("应腾退旧宅基地户数", "應騰退舊宅基地戶數", _C,
        "Old homesteads to vacate"),
    F.HOMESTEADS_VACATED: ("已腾退旧宅基地户数", "已騰退舊宅基地戶數", _C, "Of which vacated"),
    F.HOUSEHOLDS_WITH_LABOUR: ("有劳动能力搬迁户数", "有勞動能力搬遷戶數", _C,
        "Households with labour"),
    F.HOUSEHOLDS_SUPPORTED: ("后续帮扶措施落实户数", "後續幫扶措施落實戶數", _C,
        "Of which supported"),
}
# fmt: on

FIGURES: dict[FigureName, Figure] = {
    name: Figure(name=name, zh=zh, hant=hant, kind=kind, doc=doc)
    for name, (zh, hant, kind, doc) in _FIGURES.items()
}


def _ind(
    name: IndicatorName,
    rule: str,
    level: UnitLevel,
    param: str,
    measure: Measure,
    *figures: FigureName,
    applies_when: FigureName | None = None,
    either: Indicator | None = None,
    due: str | None = None,
    part: IndicatorName | None = None,
) -> Indicator:
    return Indicator(
        id=name,
        rule=rule,
        level=level,
        param=param if "." in param else f"indicators.{param}",
        measure=measure,
        figures=figures,
        applies_when=applies_when,
        either=either,
        due=due,
        part=part,
    )


def _checklist(id: str, rule: str, *indicators: Indicator) -> Checklist:
    names: dict[str, None] = {}
    for i in indicators:
        for part in (i, i.either):
            if part is None:
                continue
            names.update(dict.fromkeys(f.value for f in part.figures))
            if part.applies_when is not None:
                names[part.applies_when.value] = None
    return Checklist(
        id=id,
        rules=(rule,),
        indicators=indicators,
        figures=tuple(FIGURES[FigureName(n)] for n in names),
    )


T, V, H, S, P = (
    UnitLevel.TOWN,
    UnitLevel.VILLAGE,
    UnitLevel.HOUSEHOLD,
    UnitLevel.SITE,
    UnitLevel.PROJECT,
)
R, N, FL, PC = Measure.RATIO, Measure.NUMBER, Measure.FLAGS, Measure.PERCENT

# fmt: off
# KPI-1 "four haves" demonstration town (city-four-haves-demonstration-towns-2022 §二,
# §三(一)–(二)).
FOUR_HAVES = _checklist(
    "four_haves", "KPI-1",
    _ind(N_.PLATFORM_IN_PLACE, "KPI-1", T, "four_haves_platform_in_place", FL,
         F.PLATFORM_ORGANISATION, F.PLATFORM_STAFF, F.PLATFORM_FUNDS, F.PLATFORM_PREMISES,
         F.PLATFORM_WORK, F.PLATFORM_RULES),
    _ind(N_.VILLAGE_STAFF_FULL_TIME, "KPI-1", T, "four_haves_village_staff_full_time", R,
         F.VILLAGE_PLATFORM_FULL_TIME, F.VILLAGE_PLATFORM_STAFF),
    _ind(N_.FOUR_HAVES_COVERAGE, "KPI-1", T, "four_haves_coverage", R,
         F.VILLAGERS_FOUR_HAVES, F.VILLAGERS),
    _ind(N_.TRANSFER_EMPLOYMENT, "KPI-1", T, "four_haves_transfer_employment", R,
         F.TRANSFERRED_LABOUR, F.SURPLUS_LABOUR),
    _ind(N_.ZERO_TRANSFER_FAMILIES, "KPI-1", T, "four_haves_zero_transfer_families", N,
         F.ZERO_TRANSFER_FAMILIES),
    _ind(N_.PENSION_ENROLMENT, "KPI-1", T, "four_haves_pension_enrolment", R,
         F.PENSION_INSURED, F.PENSION_ELIGIBLE),
    _ind(N_.MEDICAL_INSURANCE, "KPI-1", T, "four_haves_medical_insurance", R,
         F.MEDICALLY_INSURED, F.VILLAGERS),
    _ind(N_.TRAINING, "KPI-1", T, "four_haves_training", R, F.TRAINED, F.TRAINING_NEEDED),
    _ind(N_.CERTIFIED_STAFF, "KPI-1", T, "four_haves_certified_staff", R,
         F.CERTIFIED_STAFF, F.FULL_TIME_STAFF),
    _ind(N_.COORDINATORS, "KPI-1", V, "four_haves_coordinators", N, F.COORDINATORS),
)

# KPI-2 health poverty check (poverty-work-plan-samples 篇2 §三).
HEALTH_CHECK = _checklist(
    "health_check", "KPI-2",
    _ind(N_.FAMILY_DOCTOR, "KPI-2", T, "health_family_doctor", R,
         F.FAMILY_DOCTOR_CONTRACTED, F.REGISTERED_POOR_PEOPLE),
    _ind(N_.CHRONIC_REGISTRY, "KPI-2", T, "health_chronic_registry", R,
         F.CHRONIC_REGISTERED, F.CHRONIC_PATIENTS),
    _ind(N_.INPATIENT_REIMBURSEMENT, "KPI-2", T, "health_inpatient_reimbursement", PC,
         F.INPATIENT_REIMBURSEMENT_PCT),
    _ind(N_.CHRONIC_REIMBURSEMENT, "KPI-2", T, "health_chronic_reimbursement", PC,
         F.CHRONIC_REIMBURSEMENT_PCT),
    _ind(N_.BASIC_INSURANCE, "KPI-2", T, "health_basic_insurance", R,
         F.BASIC_INSURED, F.REGISTERED_POOR_PEOPLE),
    _ind(N_.SERIOUS_ILLNESS_INSURANCE, "KPI-2", T, "health_serious_illness_insurance", R,
         F.SERIOUS_ILLNESS_INSURED, F.REGISTERED_POOR_PEOPLE),
    _ind(N_.MEDICAL_ASSISTANCE, "KPI-2", T, "health_medical_assistance", R,
         F.MEDICAL_ASSISTANCE_COVERED, F.REGISTERED_POOR_PEOPLE),
)

# KPI-3 "seven haves" for households and villages (poverty-work-plan-samples 篇1 §一).
SEVEN_HAVES = _checklist(
    "seven_haves", "KPI-3",
    _ind(N_.HOUSE, "KPI-3", H, "seven_haves_house_area", N, F.HOUSE_FLOOR_AREA),
    _ind(N_.FARMLAND, "KPI-3", H, "seven_haves_farmland", N, F.FARMLAND_MU),
    _ind(N_.DRINKING_WATER, "KPI-3", H, "seven_haves_drinking_water", FL, F.SAFE_DRINKING_WATER),
    _ind(N_.BIOGAS, "KPI-3", H, "seven_haves_biogas", FL, F.BIOGAS_OR_STOVE),
    _ind(N_.ORCHARD, "KPI-3", H, "seven_haves_orchard", N, F.ORCHARD_MU),
    _ind(N_.LIVESTOCK, "KPI-3", H, "seven_haves_large_animals", N, F.LARGE_ANIMALS_SOLD,
         either=_ind(N_.PIGS, "KPI-3", H, "seven_haves_pigs_sold", N, F.PIGS_SOLD),
         part=N_.LARGE_ANIMALS),
    _ind(N_.TECH_PERSON, "KPI-3", H, "seven_haves_tech_person", N, F.FARM_TECH_PEOPLE),
    _ind(N_.ROAD, "KPI-3", V, "seven_haves_road", FL, F.HARDENED_ROAD),
    _ind(N_.OFFICE_AND_CLINIC, "KPI-3", V, "seven_haves_office_and_clinic", FL,
         F.VILLAGE_OFFICE, F.VILLAGE_CLINIC),
    _ind(N_.COMMUNICATIONS, "KPI-3", V, "seven_haves_communications", FL, F.COMMUNICATIONS),
    _ind(N_.INDUSTRY_ASSOCIATION, "KPI-3", V, "seven_haves_industry_association", FL,
         F.INDUSTRY_ASSOCIATION),
    _ind(N_.PILLAR_INDUSTRY, "KPI-3", V, "seven_haves_pillar_industries", N,
         F.PILLAR_INDUSTRIES),
    _ind(N_.SCHOOL, "KPI-3", V, "seven_haves_school", FL, F.SCHOOL_STANDARD,
         applies_when=F.HAS_SCHOOL),
    _ind(N_.TWO_COMMITTEES, "KPI-3", V, "seven_haves_two_committees", FL,
         F.TRUSTED_COMMITTEE, F.GOOD_RULES),
)

# KPI-5 self-inspection of projects built with poverty funds (poverty-work-plan-samples 篇6 §二).
SELF_INSPECTION = _checklist(
    "self_inspection", "KPI-5",
    _ind(N_.HOUSE_PROCEDURES, "KPI-5", P, "project_house_procedures", FL,
         F.HOUSE_APPRAISAL, F.HOUSE_CONSTRUCTION_PROCEDURES, F.HOUSE_COMPLETION_ACCEPTANCE,
         applies_when=F.HOUSE_RENOVATION),
    _ind(N_.HOUSE_OUTCOME, "KPI-5", P, "project_house_outcome", FL,
         F.HOUSE_RENOVATED, F.OLD_DWELLING_DEMOLISHED, applies_when=F.HOUSE_RENOVATION),
    _ind(N_.WATER_PROCEDURES, "KPI-5", P, "project_water_procedures", FL,
         F.WATER_PROCEDURES, F.WATER_QUALITY, applies_when=F.WATER_PROJECT),
    _ind(N_.WATER_TESTS, "KPI-5", P, "project_water_tests_per_year", N,
         F.WATER_TESTS_THIS_YEAR, applies_when=F.CENTRAL_SUPPLY),
    _ind(N_.ROAD_PROCEDURES, "KPI-5", P, "project_road_procedures", FL,
         F.ROAD_APPROVAL, F.ROAD_QUALITY_INSPECTION, F.ROAD_SUPERVISION, F.ROAD_ACCEPTANCE,
         applies_when=F.ROAD_PROJECT),
)

# FOLLOW-6 three rates, one degree of a relocation site (relocation-follow-up-documents 第二篇 §一).
THREE_RATES = _checklist(
    "three_rates", "FOLLOW-6",
    _ind(N_.OCCUPANCY_RATE, "FOLLOW-6", S, "follow_up.occupancy_rate_min", R,
         F.MOVED_IN_HOUSEHOLDS, F.RELOCATED_HOUSEHOLDS, due="follow_up.occupancy_due"),
    _ind(N_.VACATING_RATE, "FOLLOW-6", S, "follow_up.vacating_rate_min", R,
         F.HOMESTEADS_VACATED, F.HOMESTEADS_TO_VACATE, due="follow_up.vacating_due"),
    _ind(N_.SUPPORT_RATE, "FOLLOW-6", S, "follow_up.support_rate_min", R,
         F.HOUSEHOLDS_SUPPORTED, F.HOUSEHOLDS_WITH_LABOUR, due="follow_up.support_due"),
)
# fmt: on

CHECKLISTS: dict[str, Checklist] = {
    c.id: c for c in (FOUR_HAVES, HEALTH_CHECK, SEVEN_HAVES, SELF_INSPECTION, THREE_RATES)
}


def checklist(ref: str | Checklist) -> Checklist:
    """A shipped checklist by id (``"four_haves"``), or the checklist given."""
    if isinstance(ref, Checklist):
        return ref
    found = CHECKLISTS.get(ref)
    if found is None:
        from ...errors import InputError

        raise InputError(
            obj="rules.indicators",
            field="checklist",
            value=ref,
            expected=f"one of {list(CHECKLISTS)}",
            code="core.error.enum",
            extra={"choices": ", ".join(CHECKLISTS)},
        )
    return found
