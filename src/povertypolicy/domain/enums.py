"""Enumerations used by the domain objects; names from the glossary (docs/reference/glossary.md)."""

from __future__ import annotations

import enum

__all__ = [
    "BasicNeed",
    "CardClass",
    "Exclusion",
    "HukouType",
    "JurisdictionLevel",
    "LabourCapacity",
    "LandType",
    "MonitoringCategory",
    "RiskFactor",
    "ScopeGroup",
    "Sex",
    "SiteLocation",
    "VillageClass",
    "WarningLevel",
]


class Sex(enum.StrEnum):
    """Sex as recorded on the identity document; 性别."""

    __label__ = "core.enum.sex"

    MALE = "male"
    FEMALE = "female"


class HukouType(enum.StrEnum):
    """Household-registration type; 户口性质 (农业 / 非农业)."""

    __label__ = "core.enum.hukou"
    __aliases__ = {  # noqa: RUF012 - short forms ledgers write, read by the ledger readers
        "agricultural": ("农业", "農業"),
        "non_agricultural": ("非农业", "非農業"),
    }

    AGRICULTURAL = "agricultural"
    NON_AGRICULTURAL = "non_agricultural"


class LabourCapacity(enum.StrEnum):
    """Labour capacity; 劳动能力 (完全丧失 / 部分丧失 / 有)."""

    __label__ = "core.enum.labour"
    __aliases__ = {  # noqa: RUF012 - the wording of poverty ledgers, read by the ledger readers
        "full": ("普通劳动力", "技能劳动力", "普通勞動力", "技能勞動力"),
        "partial": (
            "弱劳动力或半劳动力",
            "弱劳动力",
            "半劳动力",
            "弱勞動力或半勞動力",
            "弱勞動力",
            "半勞動力",
        ),
        "none": ("丧失劳动力", "无劳动力", "喪失勞動力", "無勞動力"),
    }

    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class LandType(enum.StrEnum):
    """Land type; 地类 (耕地 / 其他农用地 / 建设用地 / 未利用地)."""

    __label__ = "core.enum.land_type"

    CULTIVATED = "cultivated"
    OTHER_AGRICULTURAL = "other_agricultural"
    CONSTRUCTION = "construction"
    UNUSED = "unused"


class SiteLocation(enum.StrEnum):
    """Where a resettlement site lies; 县级人民政府所在地的乡镇规划区内 / 外."""

    __label__ = "core.enum.site_location"

    INSIDE_COUNTY_SEAT_AREA = "inside_county_seat_area"
    OUTSIDE_COUNTY_SEAT_AREA = "outside_county_seat_area"


class CardClass(enum.StrEnum):
    """Card class of a registered poor household; 黄卡 / 红卡 / 蓝卡."""

    __label__ = "core.enum.card"

    YELLOW = "yellow"
    RED = "red"
    BLUE = "blue"


class MonitoringCategory(enum.StrEnum):
    """Category of a monitored household; 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户."""

    __label__ = "core.enum.monitoring_category"

    UNSTABLE_OUT_OF_POVERTY = "unstable_out_of_poverty"
    MARGINAL_AT_RISK = "marginal_at_risk"
    SUDDEN_SEVERE_HARDSHIP = "sudden_severe_hardship"


class RiskFactor(enum.StrEnum):
    """Risk factor for return to poverty; 返贫（致贫）风险因素."""

    __label__ = "core.enum.risk"

    SERIOUS_ILLNESS = "serious_illness"
    SCHOOLING = "schooling"
    DISABILITY = "disability"
    DISASTER = "disaster"
    SUDDEN_EVENT = "sudden_event"
    FAILED_INDUSTRY = "failed_industry"
    UNSTABLE_EMPLOYMENT = "unstable_employment"


class BasicNeed(enum.StrEnum):
    """The two no-worries, three guarantees and safe drinking water; 两不愁三保障及饮水安全."""

    __label__ = "core.enum.basic_need"

    FOOD = "food"
    CLOTHING = "clothing"
    SCHOOLING = "schooling"
    MEDICAL_CARE = "medical_care"
    SAFE_HOUSING = "safe_housing"
    DRINKING_WATER = "drinking_water"


class WarningLevel(enum.StrEnum):
    """Warning level of a monitored household, highest first; 预警等级 Ⅰ红 / Ⅱ黄 / Ⅲ蓝 (MON-3)."""

    __label__ = "monitoring.enum.level"
    __aliases__ = {  # noqa: RUF012 - short forms ledgers write, read by the ledger readers
        "red": ("红", "紅", "Ⅰ级", "Ⅰ級", "I级", "1级", "红色", "紅色"),
        "yellow": ("黄", "黃", "Ⅱ级", "Ⅱ級", "II级", "2级", "黄色", "黃色"),
        "blue": ("蓝", "藍", "Ⅲ级", "Ⅲ級", "III级", "3级", "蓝色", "藍色"),
    }

    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"


class ScopeGroup(enum.StrEnum):
    """The five groups screened for monitoring; 监测对象和范围 (MON-1)."""

    __label__ = "monitoring.enum.scope"

    OUT_OF_POVERTY = "out_of_poverty"
    RISK_CLEARED = "risk_cleared"
    SEVERE_HARDSHIP = "severe_hardship"
    LOW_INCOME = "low_income"
    BELOW_INCOME_LINE = "below_income_line"


class Exclusion(enum.StrEnum):
    """The eleven exclusions from registration; 十一不评 (ID-2)."""

    __label__ = "registration.enum.exclusion"

    WHOLE_HOUSEHOLD_AWAY = "whole_household_away"
    SEVERAL_HOUSES = "several_houses"
    BOUGHT_CAR = "bought_car"
    UNREASONABLE_DEMANDS = "unreasonable_demands"
    BREAKS_LAW = "breaks_law"
    FAMILY_PLANNING_VIOLATION = "family_planning_violation"
    CHILDREN_NOT_SUPPORTING = "children_not_supporting"
    OBSTRUCTS_PUBLIC_WORKS = "obstructs_public_works"
    LAND_LEFT_IDLE = "land_left_idle"
    BUSINESS_HOUSEHOLD = "business_household"
    NOT_FARMING = "not_farming"


class VillageClass(enum.StrEnum):
    """Class of a village before quotas are split; 比较好 / 一般 / 贫困 / 深度贫困 (ID-4)."""

    __label__ = "registration.enum.village_class"
    __aliases__ = {  # noqa: RUF012 - short forms ledgers write, read by the ledger readers
        "good": ("比较好", "比較好", "好"),
        "average": ("一般",),
        "poor": ("贫困", "貧困"),
        "deeply_poor": ("深度贫困", "深度貧困"),
    }

    GOOD = "good"
    AVERAGE = "average"
    POOR = "poor"
    DEEPLY_POOR = "deeply_poor"


class JurisdictionLevel(enum.StrEnum):
    """Where a document applies: the level of the government that issued it; 适用层级.

    国家 / 省级 / 地级（市、州、盟）/ 县级 / 乡镇 / 街道 / 国有农场.
    """

    __label__ = "core.enum.jurisdiction_level"

    NATIONAL = "national"
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    TOWNSHIP = "township"
    SUBDISTRICT = "subdistrict"
    STATE_FARM = "state_farm"
