"""Domain objects: the typed, validated inputs of every rule."""

from .base import DomainObject
from .enums import (
    BasicNeed,
    CardClass,
    HukouType,
    LabourCapacity,
    LandType,
    MonitoringCategory,
    RiskFactor,
    Sex,
    SiteLocation,
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
from .site import (
    Building,
    Entrance,
    MoveScope,
    PensionStatus,
    ResettlementSite,
    TransferSituation,
)

__all__ = [
    "Attachment",
    "AttachmentKind",
    "BasicNeed",
    "BuildProgress",
    "Building",
    "CardClass",
    "DomainObject",
    "Entrance",
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
    "Sex",
    "SiteLocation",
    "TransferSituation",
]
