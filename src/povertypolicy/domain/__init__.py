"""Domain objects: the typed, validated inputs of every rule."""

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
from .follow_up import OldHouse, Placement, RelocatedHousehold, RelocatedMember
from .housing import BuildProgress, Milestone
from .indicators import ReportingUnit, UnitLevel
from .land import (
    Attachment,
    AttachmentKind,
    Expropriation,
    LedgerEntry,
    Parcel,
    PaymentLedger,
)
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
