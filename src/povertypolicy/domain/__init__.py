"""Domain objects: the typed, validated inputs of every rule."""

from .base import DomainObject
from .enums import (
    BasicNeed,
    CardClass,
    Exclusion,
    HukouType,
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
from .housing import BuildProgress, Milestone
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
    "LabourCapacity",
    "LandType",
    "LedgerEntry",
    "Milestone",
    "MonitoringCase",
    "MonitoringCategory",
    "MoveScope",
    "Parcel",
    "PaymentLedger",
    "PensionStatus",
    "Person",
    "ResettlementSite",
    "RiskFactor",
    "ScopeGroup",
    "Sex",
    "SiteLocation",
    "TransferSituation",
    "VillageClass",
    "WarningLevel",
]
