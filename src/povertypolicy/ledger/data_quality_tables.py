"""The ledger tables a data-quality report reads (poverty-work-plan-samples 篇7): households,
persons, helper
pairings and project beneficiaries; 数据清洗台账. Field names are those of
`povertypolicy.rules.data_quality.FIELDS`."""

from __future__ import annotations

from enum import StrEnum

from ..domain.enums import CardClass, LabourCapacity, Sex
from ..rules.data_quality.fields import PovertyStatus, ProjectKind
from .schema import Column, ColumnKind, TableSchema

__all__ = ["BENEFICIARIES", "HOUSEHOLDS", "PAIRINGS", "PERSONS", "TABLES"]

C = ColumnKind
_HOUSEHOLD_ID = ("戶編號", "户号", "戶號")


def _opt(
    name: str, zh: str, kind: ColumnKind, doc: str, *aliases: str, enum: type[StrEnum] | None = None
) -> Column:
    """An optional column (a ledger may leave it out; its checks then do not run)."""
    return Column(name=name, zh=zh, kind=kind, doc=doc, required=False, aliases=aliases, enum=enum)


HOUSEHOLDS = TableSchema(
    name="households",
    zh="户",
    key="household_id",
    doc="One row per registered household (建档立卡户).",
    columns=(
        Column(name="household_id", zh="户编号", kind=C.ID, nullable=False,
               aliases=_HOUSEHOLD_ID, doc="The household's id."),
        _opt("village", "村", C.ID, "Village: findings are totalled and sent back per village.",
             "行政村", "所在村", "村名"),
        _opt("registered_on", "识别时间", C.DATE,
             "When the household was identified as poor (DATA-3: pairings start after it).",
             "識別時間", "识别日期", "識別日期", "建档立卡时间", "建檔立卡時間"),
        _opt("poverty_status", "贫困户状态", C.ENUM, "未脱贫 / 已脱贫 (DATA-2).",
             "貧困戶狀態", "脱贫状态", "脫貧狀態", "脱贫属性", "脫貧屬性", enum=PovertyStatus),
        _opt("card_class", "卡类", C.ENUM, "黄卡 / 红卡 / 蓝卡 (DATA-2).",
             "卡類", "贫困户类别", "貧困戶類別", enum=CardClass),
        _opt("household_size", "家庭人口数", C.COUNT, "Household size as recorded (DATA-2).",
             "家庭人口數", "家庭人口", "人口数", "人口數"),
        _opt("per_capita_net_income", "人均纯收入", C.MONEY,
             "Yuan per person in the income year (DATA-2).", "人均純收入", "人均收入"),
        _opt("income_year", "收入年度", C.COUNT,
             "The calendar year of the income: compared with that year's poverty line.",
             "收入年份"),
        _opt("employed", "有务工", C.BOOL, "Someone in the household works for wages (DATA-4).",
             "有務工", "务工", "務工"),
        _opt("has_industry", "有产业", C.BOOL, "The household has an industry (DATA-4).",
             "有產業"),
        _opt("basic_needs_resolved", "两不愁三保障已解决", C.BOOL,
             "The two no-worries and three guarantees are met (DATA-4).",
             "兩不愁三保障已解決", "两不愁三保障"),
        _opt("infrastructure_resolved", "基础设施已解决", C.BOOL,
             "Roads, water and power are in place (DATA-4).", "基礎設施已解決", "基础设施"),
    ),
)  # fmt: skip

PERSONS = TableSchema(
    name="persons",
    zh="人员",
    key="person_id",
    link="household_id",
    doc="One row per household member (家庭成员), linked to a household by its id.",
    columns=(
        Column(name="person_id", zh="人员编号", kind=C.ID, nullable=False,
               aliases=("人員編號", "成员编号", "成員編號"), doc="The person's id in the ledger."),
        Column(name="household_id", zh="户编号", kind=C.ID, nullable=False,
               aliases=_HOUSEHOLD_ID, doc="The id of the person's household."),
        Column(name="id_number", zh="身份证号码", kind=C.ID,
               aliases=("身份證號碼", "身份证号", "身份證號", "公民身份号码", "证件号码",
                        "證件號碼"),
               doc="Citizen identity number (DATA-1); empty: not recorded."),
        _opt("name", "姓名", C.TEXT, "Name (DATA-2: missing)."),
        _opt("sex", "性别", C.ENUM, "Sex as recorded (DATA-1: against the sex digit).",
             "性別", enum=Sex),
        _opt("birth_date", "出生日期", C.DATE,
             "Birth date as recorded (DATA-1: against the number's birth date).", "出生年月日"),
        _opt("labour_capacity", "劳动能力", C.ENUM, "Labour capacity (DATA-2).",
             "勞動能力", "劳动技能", "勞動技能", enum=LabourCapacity),
    ),
)  # fmt: skip

PAIRINGS = TableSchema(
    name="pairings",
    zh="帮扶结对",
    key="pairing_id",
    link="household_id",
    doc="One row per pairing of a helper with a household over a period (结对帮扶).",
    columns=(
        Column(name="pairing_id", zh="结对编号", kind=C.ID, nullable=False,
               aliases=("結對編號",), doc="The pairing's id."),
        Column(name="household_id", zh="户编号", kind=C.ID, nullable=False,
               aliases=_HOUSEHOLD_ID, doc="The helped household's id."),
        Column(name="helper_id", zh="帮扶责任人编号", kind=C.ID, nullable=False,
               aliases=("幫扶責任人編號", "帮扶人编号", "幫扶人編號"), doc="The helper's id."),
        _opt("helper_name", "帮扶责任人", C.TEXT, "The helper's name (shown only).",
             "幫扶責任人", "帮扶责任人姓名", "幫扶責任人姓名"),
        _opt("helper_id_number", "帮扶责任人身份证号码", C.ID,
             "The helper's identity number (DATA-3: a helper who is a poor-household member).",
             "幫扶責任人身份證號碼", "帮扶人身份证号", "幫扶人身份證號"),
        Column(name="start", zh="结对开始时间", kind=C.DATE, nullable=False,
               aliases=("結對開始時間", "帮扶开始时间", "幫扶開始時間", "开始时间"),
               doc="First day of the pairing."),
        Column(name="end", zh="结对结束时间", kind=C.DATE,
               aliases=("結對結束時間", "帮扶结束时间", "幫扶結束時間", "结束时间"),
               doc="Last day of the pairing; empty: not ended (runs to the check date)."),
    ),
)  # fmt: skip

BENEFICIARIES = TableSchema(
    name="beneficiaries",
    zh="项目受益户",
    link="household_id",
    doc="One row per household benefiting from a project (项目受益户).",
    columns=(
        Column(name="project_id", zh="项目编号", kind=C.ID, nullable=False,
               aliases=("項目編號",), doc="The project's id."),
        Column(name="household_id", zh="户编号", kind=C.ID, nullable=False,
               aliases=_HOUSEHOLD_ID, doc="The benefiting household's id."),
        _opt("project_name", "项目名称", C.TEXT, "The project's name (shown only).", "項目名稱"),
        Column(name="project_kind", zh="项目类别", kind=C.ENUM, enum=ProjectKind,
               aliases=("項目類別", "项目类型", "項目類型"),
               doc="产业 / 基础设施 / 公益岗位 / 社会公共服务 (DATA-4)."),
    ),
)  # fmt: skip

#: Every table by name, households first (the parent of the others).
TABLES = {t.name: t for t in (HOUSEHOLDS, PERSONS, PAIRINGS, BENEFICIARIES)}
