"""Data quality (数据清洗, poverty-work-plan-samples 篇7): DATA-1..DATA-4 checks on one record, and
the check lists.

The ledger form (`povertypolicy.ledger.data_quality`) runs the same checks over whole
ledgers and gives one row per finding; these functions are the single-record rules it is
tested against and that explain each finding.
"""

from __future__ import annotations

from .checks import Check, CheckList, Clause, Op, checklist_ids, load_checks
from .conditions import RecordCheck, Verdict, check_record, verdict
from .fields import FIELDS, PovertyStatus, ProjectKind, Severity
from .identity import IdCheck, check_id_number
from .pairings import (
    HouseholdPairings,
    Overload,
    Pairing,
    helper_overloads,
    household_pairings,
)

__all__ = [
    "FIELDS",
    "Check",
    "CheckList",
    "Clause",
    "HouseholdPairings",
    "IdCheck",
    "Op",
    "Overload",
    "Pairing",
    "PovertyStatus",
    "ProjectKind",
    "RecordCheck",
    "Severity",
    "Verdict",
    "check_id_number",
    "check_record",
    "checklist_ids",
    "helper_overloads",
    "household_pairings",
    "load_checks",
    "verdict",
]
