"""povertypolicy: Chinese rural policy as tested, explainable code.

Load a policy pack at a date, build typed inputs, call a pure rule, and get a
:class:`Result` that explains itself in simplified Chinese, traditional Chinese or English.
"""

from . import rules
from .domain import (
    Attachment,
    AttachmentKind,
    BasicNeed,
    Building,
    BuildProgress,
    CardClass,
    Entrance,
    Expropriation,
    Household,
    HukouType,
    LabourCapacity,
    LandType,
    LedgerEntry,
    Milestone,
    MonitoringCase,
    MonitoringCategory,
    MoveScope,
    Parcel,
    PaymentLedger,
    PensionStatus,
    Person,
    ResettlementSite,
    RiskFactor,
    Sex,
    SiteLocation,
    TransferSituation,
)
from .errors import (
    InputError,
    MissingTranslationError,
    ParameterNotFoundError,
    ParameterPeriodError,
    PolicyPackError,
    PovertyPolicyError,
    RuleError,
    UnsupportedLocaleError,
)
from .explain import Citation, Note, NoteKind, Result, Step
from .money import Money
from .policy import Policy, packs
from .units import Area, AreaUnit

__version__ = "0.1.0"

__all__ = [
    "Area",
    "AreaUnit",
    "Attachment",
    "AttachmentKind",
    "BasicNeed",
    "BuildProgress",
    "Building",
    "CardClass",
    "Citation",
    "Entrance",
    "Expropriation",
    "Household",
    "HukouType",
    "InputError",
    "LabourCapacity",
    "LandType",
    "LedgerEntry",
    "Milestone",
    "MissingTranslationError",
    "Money",
    "MonitoringCase",
    "MonitoringCategory",
    "MoveScope",
    "Note",
    "NoteKind",
    "ParameterNotFoundError",
    "ParameterPeriodError",
    "Parcel",
    "PaymentLedger",
    "PensionStatus",
    "Person",
    "Policy",
    "PolicyPackError",
    "PovertyPolicyError",
    "ResettlementSite",
    "Result",
    "RiskFactor",
    "RuleError",
    "Sex",
    "SiteLocation",
    "Step",
    "TransferSituation",
    "UnsupportedLocaleError",
    "__version__",
    "packs",
    "rules",
]
