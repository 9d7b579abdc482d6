"""povertypolicy: Chinese rural policy as tested, explainable code.

Load a policy pack at a date, build typed inputs, call a pure rule, and get a
`Result` that explains itself in simplified Chinese, traditional Chinese or English.

Every name here is loaded with its module at first use (``pp.Policy`` imports the policy
machinery, ``pp.Household`` the person classes), so ``import povertypolicy`` itself loads
nothing but this table.
"""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "Applicant",
    "Area",
    "AreaUnit",
    "Attachment",
    "AttachmentKind",
    "BasicNeed",
    "BuildProgress",
    "Building",
    "CardClass",
    "Change",
    "Citation",
    "Comparison",
    "Entrance",
    "Exclusion",
    "Expropriation",
    "Household",
    "HukouType",
    "InputError",
    "JurisdictionLevel",
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
    "OldHouse",
    "ParameterNotFoundError",
    "ParameterPeriodError",
    "ParametersMissingError",
    "Parcel",
    "PaymentLedger",
    "PensionStatus",
    "Person",
    "Placement",
    "Policy",
    "PolicyPackError",
    "PovertyPolicyError",
    "QuoteMatch",
    "RelocatedHousehold",
    "RelocatedMember",
    "ReportingUnit",
    "ResettlementSite",
    "Result",
    "RiskFactor",
    "RuleError",
    "ScopeGroup",
    "Sex",
    "SiteLocation",
    "Source",
    "SourceKind",
    "SourcePart",
    "Step",
    "TransferSituation",
    "UnitLevel",
    "UnsupportedLocaleError",
    "VillageClass",
    "WarningLevel",
    "__version__",
    "catalog",
    "compare",
    "find_quote",
    "get_locale",
    "get_source",
    "list_sources",
    "packs",
    "packs_setting",
    "rules",
    "set_locale",
    "to_capital",
    "using_locale",
]


if TYPE_CHECKING:
    from . import catalog, rules
    from .domain import (
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
    from .domain.follow_up import OldHouse, Placement, RelocatedHousehold, RelocatedMember
    from .domain.housing import BuildProgress, Milestone
    from .domain.indicators import ReportingUnit, UnitLevel
    from .domain.land import (
        Attachment,
        AttachmentKind,
        Expropriation,
        LedgerEntry,
        Parcel,
        PaymentLedger,
    )
    from .domain.monitoring import MonitoringCase
    from .domain.person import Household, Person
    from .domain.registration import Applicant
    from .domain.site import (
        Building,
        Entrance,
        MoveScope,
        PensionStatus,
        ResettlementSite,
        TransferSituation,
    )
    from .errors import (
        InputError,
        MissingTranslationError,
        ParameterNotFoundError,
        ParameterPeriodError,
        ParametersMissingError,
        PolicyPackError,
        PovertyPolicyError,
        RuleError,
        UnsupportedLocaleError,
    )
    from .explain import (
        Citation,
        Note,
        NoteKind,
        Result,
        Step,
        get_locale,
        set_locale,
        to_capital,
        using_locale,
    )
    from .money import Money
    from .policy import Policy, packs, packs_setting
    from .policy.compare import Comparison, compare
    from .policy.scenario import Change
    from .sources import (
        QuoteMatch,
        Source,
        SourceKind,
        SourcePart,
        find_quote,
        get_source,
        list_sources,
    )
    from .units import Area, AreaUnit

# Each public name -> the module that defines it. The names are imported at first use.
_MODULE_OF: dict[str, str] = {
    name: module
    for module, names in {
        ".domain": (
            "BasicNeed",
            "CardClass",
            "Exclusion",
            "HukouType",
            "JurisdictionLevel",
            "LabourCapacity",
            "LandType",
            "MonitoringCategory",
            "RiskFactor",
            "ScopeGroup",
            "Sex",
            "SiteLocation",
            "VillageClass",
            "WarningLevel",
        ),
        ".domain.follow_up": ("OldHouse", "Placement", "RelocatedHousehold", "RelocatedMember"),
        ".domain.housing": ("BuildProgress", "Milestone"),
        ".domain.indicators": ("ReportingUnit", "UnitLevel"),
        ".domain.land": (
            "Attachment",
            "AttachmentKind",
            "Expropriation",
            "LedgerEntry",
            "Parcel",
            "PaymentLedger",
        ),
        ".domain.monitoring": ("MonitoringCase",),
        ".domain.person": ("Household", "Person"),
        ".domain.registration": ("Applicant",),
        ".domain.site": (
            "Building",
            "Entrance",
            "MoveScope",
            "PensionStatus",
            "ResettlementSite",
            "TransferSituation",
        ),
        ".errors": (
            "InputError",
            "MissingTranslationError",
            "ParameterNotFoundError",
            "ParameterPeriodError",
            "ParametersMissingError",
            "PolicyPackError",
            "PovertyPolicyError",
            "RuleError",
            "UnsupportedLocaleError",
        ),
        ".explain": (
            "Citation",
            "Note",
            "NoteKind",
            "Result",
            "Step",
            "get_locale",
            "set_locale",
            "to_capital",
            "using_locale",
        ),
        ".money": ("Money",),
        ".policy": ("Policy", "packs", "packs_setting"),
        ".policy.compare": ("Comparison", "compare"),
        ".policy.scenario": ("Change",),
        ".sources": (
            "QuoteMatch",
            "Source",
            "SourceKind",
            "SourcePart",
            "find_quote",
            "get_source",
            "list_sources",
        ),
        ".units": ("Area", "AreaUnit"),
    }.items()
    for name in names
}
# Subpackages reachable as attributes (``pp.rules.housing``, ``pp.ledger.run``), imported at
# first use too (``ledger`` needs the ledger extra).
_SUBMODULES = frozenset(
    {
        "catalog",
        "domain",
        "errors",
        "explain",
        "ledger",
        "money",
        "policy",
        "rules",
        "sources",
        "units",
    }
)


def __getattr__(name: str) -> object:
    import importlib

    module = _MODULE_OF.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
