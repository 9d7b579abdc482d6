"""povertypolicy: Chinese rural policy as tested, explainable code.

Load a policy pack at a date, build typed inputs, call a pure rule, and get a
:class:`Result` that explains itself in simplified Chinese, traditional Chinese or English.
"""

from . import rules
from .domain import (
    BasicNeed,
    Building,
    BuildProgress,
    CardClass,
    Entrance,
    Household,
    HukouType,
    LabourCapacity,
    LandType,
    Milestone,
    MonitoringCase,
    MonitoringCategory,
    Parcel,
    Person,
    ResettlementSite,
    RiskFactor,
    Sex,
    SiteLocation,
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
    "BasicNeed",
    "BuildProgress",
    "Building",
    "CardClass",
    "Citation",
    "Entrance",
    "Household",
    "HukouType",
    "InputError",
    "LabourCapacity",
    "LandType",
    "Milestone",
    "MissingTranslationError",
    "Money",
    "MonitoringCase",
    "MonitoringCategory",
    "Note",
    "NoteKind",
    "ParameterNotFoundError",
    "ParameterPeriodError",
    "Parcel",
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
    "UnsupportedLocaleError",
    "__version__",
    "packs",
    "rules",
]
