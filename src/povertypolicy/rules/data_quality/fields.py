"""What a data-quality check can look at: the ledger tables, their fields and kinds; 台账字段.

Plain Python (no numpy): the check lists are validated against it, and the ledger schemas in
`povertypolicy.ledger.data_quality_tables` declare exactly these fields (a test checks it).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from ...domain.enums import CardClass, LabourCapacity, Sex

__all__ = [
    "BUILTIN",
    "FIELDS",
    "GB11643",
    "SEED",
    "PovertyStatus",
    "ProjectKind",
    "Severity",
    "field_kind",
]

SEED = "poverty-work-plan-samples"
GB11643 = "GB 11643—1999 公民身份号码"


class Severity(enum.StrEnum):
    """How sure a finding is: an error to correct, a doubt to verify, a notice; 问题等级."""

    __label__ = "data_quality.enum.severity"

    ERROR = "error"
    DOUBT = "doubt"
    NOTICE = "notice"


class PovertyStatus(enum.StrEnum):
    """A registered household's poverty status; 贫困户状态 (未脱贫 / 已脱贫)."""

    __label__ = "data_quality.enum.status"
    __aliases__ = {  # noqa: RUF012 - short forms ledgers write, read by the ledger readers
        "poor": ("贫困户", "貧困戶", "未脱贫户", "未脫貧戶", "贫困", "貧困"),
        "out_of_poverty": ("脱贫", "脫貧", "脱贫户", "脫貧戶", "已脱贫户", "已脫貧戶"),
    }

    POOR = "poor"
    OUT_OF_POVERTY = "out_of_poverty"


class ProjectKind(enum.StrEnum):
    """The kind of a poverty-alleviation project (DATA-4); 项目类别."""

    __label__ = "data_quality.enum.project"
    __aliases__ = {  # noqa: RUF012 - short forms ledgers write, read by the ledger readers
        "industry": ("产业项目", "產業項目", "产业扶贫", "產業扶貧"),
        "infrastructure": ("基础设施项目", "基礎設施項目"),
        "public_welfare_job": ("公益性岗位", "公益性崗位", "公益岗", "公益崗"),
        "public_service": ("社会公共服务项目", "社會公共服務項目", "公共服务", "公共服務"),
    }

    INDUSTRY = "industry"
    INFRASTRUCTURE = "infrastructure"
    PUBLIC_WELFARE_JOB = "public_welfare_job"
    PUBLIC_SERVICE = "public_service"


#: table → field → kind (a ``ColumnKind`` value) or the enum of an enum field.
FIELDS: Mapping[str, Mapping[str, str | type[enum.StrEnum]]] = {
    "households": {
        "household_id": "id",
        "village": "id",
        "registered_on": "date",
        "poverty_status": PovertyStatus,
        "card_class": CardClass,
        "household_size": "count",
        "per_capita_net_income": "money",
        "income_year": "count",
        "employed": "bool",
        "has_industry": "bool",
        "basic_needs_resolved": "bool",
        "infrastructure_resolved": "bool",
        "member_rows": "count",  # not a column: how many person rows name the household
    },
    "persons": {
        "person_id": "id",
        "household_id": "id",
        "name": "text",
        "sex": Sex,
        "birth_date": "date",
        "id_number": "id",
        "labour_capacity": LabourCapacity,
    },
    "pairings": {
        "pairing_id": "id",
        "household_id": "id",
        "helper_id": "id",
        "helper_name": "text",
        "helper_id_number": "id",
        "start": "date",
        "end": "date",
    },
    "beneficiaries": {
        "project_id": "id",
        "household_id": "id",
        "project_name": "text",
        "project_kind": ProjectKind,
    },
}

#: Tables whose rows name a household (``household.<field>`` reads that household's field).
CHILD_TABLES = ("persons", "pairings", "beneficiaries")

#: Checks the library computes itself (their code says what they do), by table and field.
BUILTIN: Mapping[str, tuple[str, str, str]] = {
    "id.missing": ("DATA-1", "persons", "id_number"),
    "id.format": ("DATA-1", "persons", "id_number"),
    "id.old_format": ("DATA-1", "persons", "id_number"),
    "id.check_digit": ("DATA-1", "persons", "id_number"),
    "id.birth_date": ("DATA-1", "persons", "id_number"),
    "id.province": ("DATA-1", "persons", "id_number"),
    "id.sex_mismatch": ("DATA-1", "persons", "sex"),
    "id.birth_mismatch": ("DATA-1", "persons", "birth_date"),
    "id.duplicate": ("DATA-1", "persons", "id_number"),
    "pairing.no_helper": ("DATA-3", "households", "household_id"),
    "pairing.gap": ("DATA-3", "households", "household_id"),
    "pairing.dates": ("DATA-3", "pairings", "end"),
    "pairing.before_registration": ("DATA-3", "pairings", "start"),
    "pairing.helper_is_poor": ("DATA-3", "pairings", "helper_id_number"),
    "pairing.one_helps_many": ("DATA-3", "pairings", "helper_id"),
}


def field_kind(table: str, ref: str) -> str | type[enum.StrEnum] | None:
    """The kind of ``ref`` on ``table``: own field, ``household.<field>`` or None if unknown."""
    own = FIELDS.get(table, {})
    if ref in own:
        return own[ref]
    head, _, rest = ref.partition(".")
    if head == "household" and table in CHILD_TABLES:
        return FIELDS["households"].get(rest)
    return None
