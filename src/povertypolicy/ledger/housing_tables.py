"""The housing ledgers' input tables (poverty-work-plan-samples 篇3): persons, households, build
progress; 建房台账表."""

from __future__ import annotations

from ..domain.enums import HukouType, Sex
from ..domain.housing import Milestone
from .schema import Column, ColumnKind, TableSchema

__all__ = ["HOUSEHOLDS", "PERSONS", "PROGRESS"]

C = ColumnKind

PERSONS = TableSchema(
    name="persons",
    zh="人员",
    key="person_id",
    link="household_id",
    doc="One row per person (家庭成员), linked to a household by its id.",
    columns=(
        Column(
            name="person_id",
            zh="人员编号",
            kind=C.ID,
            nullable=False,
            aliases=("人員編號", "成员编号"),
            doc="The person's id in the ledger.",
        ),
        Column(
            name="household_id",
            zh="户编号",
            kind=C.ID,
            nullable=False,
            aliases=("戶編號", "户号", "戶號"),
            doc="The id of the person's household.",
        ),
        Column(
            name="birth_date",
            zh="出生日期",
            kind=C.DATE,
            nullable=False,
            past=True,
            doc="Date of birth (HOUSE-1: born before the cut-off).",
        ),
        Column(
            name="hukou",
            zh="户籍性质",
            kind=C.ENUM,
            enum=HukouType,
            aliases=("戶籍性質", "户口性质", "戶口性質"),
            doc="Household registration: 农业 / 非农业 (HOUSE-1).",
        ),
        Column(
            name="registered_locally",
            zh="当地常住户口",
            kind=C.BOOL,
            aliases=("當地常住戶口", "有当地常住户口"),
            doc="Has local permanent registration (HOUSE-1).",
        ),
        Column(
            name="lives_in_area",
            zh="仍在当地居住生产",
            kind=C.BOOL,
            aliases=("仍在當地居住生產", "居住在深山区"),
            doc="Still lives and farms in the area (HOUSE-1).",
        ),
        Column(name="name", zh="姓名", kind=C.TEXT, required=False, doc="Name (shown only)."),
        Column(
            name="sex",
            zh="性别",
            kind=C.ENUM,
            enum=Sex,
            required=False,
            aliases=("性別",),
            doc="Sex (not used by HOUSE rules).",
        ),
        Column(
            name="id_number",
            zh="身份证号码",
            kind=C.ID,
            required=False,
            aliases=("身份證號碼", "身份证号"),
            doc="Identity card number (not checked here).",
        ),
    ),
)

HOUSEHOLDS = TableSchema(
    name="households",
    zh="户",
    key="household_id",
    doc="One row per household (户).",
    columns=(
        Column(
            name="household_id",
            zh="户编号",
            kind=C.ID,
            nullable=False,
            aliases=("戶編號", "户号", "戶號"),
            doc="The household's id.",
        ),
        Column(
            name="relocation_applied_on",
            zh="申请日期",
            kind=C.DATE,
            past=True,
            aliases=("申請日期", "搬迁申请日期"),
            doc="When the household applied (户申请); empty: not recorded (undetermined).",
        ),
        Column(
            name="head_id",
            zh="户主编号",
            kind=C.ID,
            required=False,
            aliases=("戶主編號",),
            doc="Person id of the head of household (户主).",
        ),
        Column(
            name="village",
            zh="村",
            kind=C.ID,
            required=False,
            aliases=("所在村", "村名"),
            doc="Village (shown only).",
        ),
    ),
)

PROGRESS = TableSchema(
    name="progress",
    zh="建房进度",
    key="household_id",
    doc="One row per household: milestones reached and tranches already paid (HOUSE-3, -4).",
    columns=(
        Column(
            name="household_id",
            zh="户编号",
            kind=C.ID,
            nullable=False,
            aliases=("戶編號", "户号"),
            doc="The household's id.",
        ),
        Column(
            name="foundation_accepted_on",
            zh="地基验收日期",
            kind=C.DATE,
            aliases=("地基驗收日期",),
            doc="Foundation laid and accepted.",
        ),
        Column(
            name="first_storey_on",
            zh="一层建好日期",
            kind=C.DATE,
            aliases=("一層建好日期",),
            doc="First storey built.",
        ),
        Column(
            name="second_storey_on",
            zh="二层建好日期",
            kind=C.DATE,
            aliases=("二層建好日期",),
            doc="Second storey built.",
        ),
        Column(
            name="old_house_demolished_on",
            zh="旧房拆除日期",
            kind=C.DATE,
            aliases=("舊房拆除日期",),
            doc="Old house demolished and levelled.",
        ),
        Column(
            name="demolished_by_township",
            zh="乡镇强制拆除",
            kind=C.BOOL,
            aliases=("鄉鎮強制拆除",),
            doc="The township demolished it (HOUSE-4); 否: the household did; empty: not "
            "recorded (an error once the old house is demolished).",
        ),
        Column(
            name="demolition_cost",
            zh="拆除费用",
            kind=C.MONEY,
            aliases=("拆除費用",),
            doc="Cost of a township demolition; required when the township demolished.",
        ),
        *(
            Column(
                name=f"paid_{m.value}",
                zh=f"已拨付{zh}",
                kind=C.BOOL,
                nullable=False,
                aliases=(f"已撥付{zh_t}",),
                doc=f"The {m.value} tranche was already paid.",
            )
            for m, zh, zh_t in (
                (Milestone.FOUNDATION, "地基款", "地基款"),
                (Milestone.FIRST_STOREY, "一层款", "一層款"),
                (Milestone.SECOND_STOREY, "二层款", "二層款"),
                (Milestone.OLD_HOUSE_DEMOLISHED, "拆旧款", "拆舊款"),
            )
        ),
    ),
)
