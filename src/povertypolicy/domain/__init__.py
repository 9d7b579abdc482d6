"""Domain objects: the typed, validated inputs of every rule.

The enums and the base class load with the package; each area's classes load from their
module at first use (``pp.Household`` imports ``domain.person``), which keeps
``import povertypolicy`` light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .base import DomainObject
from .enums import (
    BasicNeed,
    CardClass,
    Exclusion,
    HukouType,
    JurisdictionLevel,
    LabourCapacity,
    LandType,
    MonitoringCategory,
    RiskFactor,
    ScopeGroup,
    Sex,
    SiteLocation,
    VillageClass,
    WarningLevel,
)

if TYPE_CHECKING:
    from .follow_up import OldHouse, Placement, RelocatedHousehold, RelocatedMember
    from .housing import BuildProgress, Milestone
    from .indicators import ReportingUnit, UnitLevel
    from .land import Attachment, AttachmentKind, Expropriation, LedgerEntry, Parcel, PaymentLedger
    from .monitoring import MonitoringCase
    from .person import Household, Person
    from .registration import Applicant
    from .site import (
        Building,
        Entrance,
        MoveScope,
        PensionStatus,
        ResettlementSite,
        TransferSituation,
    )

# name -> the module that defines it, imported at first use
_LAZY: dict[str, str] = {
    "Applicant": "registration",
    "Attachment": "land",
    "AttachmentKind": "land",
    "BuildProgress": "housing",
    "Building": "site",
    "Entrance": "site",
    "Expropriation": "land",
    "Household": "person",
    "LedgerEntry": "land",
    "Milestone": "housing",
    "MonitoringCase": "monitoring",
    "MoveScope": "site",
    "OldHouse": "follow_up",
    "Parcel": "land",
    "PaymentLedger": "land",
    "PensionStatus": "site",
    "Person": "person",
    "Placement": "follow_up",
    "RelocatedHousehold": "follow_up",
    "RelocatedMember": "follow_up",
    "ReportingUnit": "indicators",
    "ResettlementSite": "site",
    "TransferSituation": "site",
    "UnitLevel": "indicators",
}

__all__ = [
    "Applicant",
    "Attachment",
    "AttachmentKind",
    "BasicNeed",
    "BuildProgress",
    "Building",
    "CardClass",
    "DomainObject",
    "Entrance",
    "Exclusion",
    "Expropriation",
    "Household",
    "HukouType",
    "JurisdictionLevel",
    "LabourCapacity",
    "LandType",
    "LedgerEntry",
    "Milestone",
    "MonitoringCase",
    "MonitoringCategory",
    "MoveScope",
    "OldHouse",
    "Parcel",
    "PaymentLedger",
    "PensionStatus",
    "Person",
    "Placement",
    "RelocatedHousehold",
    "RelocatedMember",
    "ReportingUnit",
    "ResettlementSite",
    "RiskFactor",
    "ScopeGroup",
    "Sex",
    "SiteLocation",
    "TransferSituation",
    "UnitLevel",
    "VillageClass",
    "WarningLevel",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
