"""What a data-quality check can look at: own fields, ``household.<field>`` on child tables
only, unknown references, and the enum values the ledgers write."""

from __future__ import annotations

import povertypolicy as pp
from povertypolicy.rules.data_quality import PovertyStatus, ProjectKind, Severity
from povertypolicy.rules.data_quality.fields import (
    BUILTIN,
    CHILD_TABLES,
    FIELDS,
    GB11643,
    SEED,
    field_kind,
)


def test_field_kind() -> None:
    assert field_kind("households", "household_size") == "count"
    assert field_kind("households", "poverty_status") is PovertyStatus
    assert field_kind("persons", "sex") is pp.Sex
    assert field_kind("persons", "household.card_class") is pp.CardClass
    assert field_kind("pairings", "household.registered_on") == "date"
    assert field_kind("beneficiaries", "household.employed") == "bool"
    assert field_kind("beneficiaries", "project_kind") is ProjectKind
    assert field_kind("persons", "household.nope") is None
    assert field_kind("households", "household.card_class") is None  # not a child table
    assert field_kind("persons", "person.sex") is None
    assert field_kind("persons", "nope") is None
    assert field_kind("villages", "village") is None
    assert field_kind("villages", "household.village") is None
    assert CHILD_TABLES == ("persons", "pairings", "beneficiaries")


def test_enums_and_constants() -> None:
    assert [s.value for s in Severity] == ["error", "doubt", "notice"]
    assert [s.value for s in PovertyStatus] == ["poor", "out_of_poverty"]
    assert [k.value for k in ProjectKind] == [
        "industry",
        "infrastructure",
        "public_welfare_job",
        "public_service",
    ]
    assert (SEED, GB11643) == ("poverty-work-plan-samples", "GB 11643—1999 公民身份号码")
    assert list(FIELDS) == ["households", "persons", "pairings", "beneficiaries"]
    for code, (rule, table, field) in BUILTIN.items():
        assert rule == ("DATA-1" if code.startswith("id.") else "DATA-3")
        assert field_kind(table, field) is not None
