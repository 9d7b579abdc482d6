"""Enumerations used by the domain objects; names from GLOSSARY.md."""

from __future__ import annotations

import enum

__all__ = [
    "BasicNeed",
    "CardClass",
    "HukouType",
    "LabourCapacity",
    "LandType",
    "MonitoringCategory",
    "RiskFactor",
    "Sex",
    "SiteLocation",
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
