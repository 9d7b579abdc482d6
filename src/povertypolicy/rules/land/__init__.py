"""Land expropriation: compensation, split, social security, places, audit; 土地征收 (LAND-1..13).

Every number comes from the policy pack: the national pack ``cn`` carries the Land
Administration Law's ranges and caps, the shipped packs carry
state-farm-landless-farmers-security-2022 and zj-taizhou-2019-47, and a user's pack gives
the province's yuan figures (annual output value, zone price, multiples, shares).

A package by topic: ``compensation`` (LAND-1/2), ``split`` (LAND-3), ``audit`` (LAND-6),
``security`` (LAND-4/5), ``places`` (LAND-8..11), ``schedules`` (LAND-7/12), ``values``.
"""

from __future__ import annotations

from .audit import audit_payments
from .compensation import compensation
from .places import _capped_largest_remainder as _capped_largest_remainder
from .places import allocate_places, entry_check, place_validity, quota_by_land, reallocate_places
from .schedules import campaign_schedule, transfer_schedule
from .security import benefit_floor, social_security_set_aside
from .split import split_compensation
from .values import _HOUSEHOLD_PLACES_FIELDS as _HOUSEHOLD_PLACES_FIELDS
from .values import (
    BenefitCheck,
    CampaignPhase,
    CampaignSchedule,
    Compensation,
    CompensationItem,
    CompensationMethod,
    CompensationSplit,
    EntryCheck,
    HouseholdPlaces,
    PayeeAudit,
    PayeeDue,
    PayeeKind,
    PaymentAudit,
    PaymentStatus,
    Phase,
    PlaceAllocation,
    PlaceQuota,
    PlaceStatus,
    PlaceValidity,
    SetAsideCheck,
    SplitLine,
    TransferSchedule,
)

__all__ = [
    "BenefitCheck",
    "CampaignPhase",
    "CampaignSchedule",
    "Compensation",
    "CompensationItem",
    "CompensationMethod",
    "CompensationSplit",
    "EntryCheck",
    "HouseholdPlaces",
    "PayeeAudit",
    "PayeeDue",
    "PayeeKind",
    "PaymentAudit",
    "PaymentStatus",
    "Phase",
    "PlaceAllocation",
    "PlaceQuota",
    "PlaceStatus",
    "PlaceValidity",
    "SetAsideCheck",
    "SplitLine",
    "TransferSchedule",
    "allocate_places",
    "audit_payments",
    "benefit_floor",
    "campaign_schedule",
    "compensation",
    "entry_check",
    "place_validity",
    "quota_by_land",
    "reallocate_places",
    "social_security_set_aside",
    "split_compensation",
    "transfer_schedule",
]
