"""povertypolicy: Chinese rural policy as tested, explainable code.

Load a policy pack at a date, build typed inputs, call a pure rule, and get a
`Result` that explains itself in simplified Chinese, traditional Chinese or English.
"""

from typing import TYPE_CHECKING

from . import rules
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
from .units import Area, AreaUnit

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
    from . import catalog
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
    from .policy.compare import Comparison, compare
    from .policy.scenario import Change

# The shipped sources (``povertypolicy.sources``), the catalogue and the what-if tools are
# imported at first use, which keeps `import povertypolicy` light.
_FROM_SOURCES = frozenset(
    {"QuoteMatch", "Source", "SourceKind", "SourcePart", "find_quote", "get_source", "list_sources"}
)
_LAZY: dict[str, tuple[str, str | None]] = {
    "catalog": (".catalog", None),
    "compare": (".policy.compare", "compare"),
    "Comparison": (".policy.compare", "Comparison"),
    "Change": (".policy.scenario", "Change"),
    # the domain classes of each area load with their module
    "Applicant": (".domain.registration", "Applicant"),
    "Attachment": (".domain.land", "Attachment"),
    "AttachmentKind": (".domain.land", "AttachmentKind"),
    "BuildProgress": (".domain.housing", "BuildProgress"),
    "Building": (".domain.site", "Building"),
    "Entrance": (".domain.site", "Entrance"),
    "Expropriation": (".domain.land", "Expropriation"),
    "Household": (".domain.person", "Household"),
    "LedgerEntry": (".domain.land", "LedgerEntry"),
    "Milestone": (".domain.housing", "Milestone"),
    "MonitoringCase": (".domain.monitoring", "MonitoringCase"),
    "MoveScope": (".domain.site", "MoveScope"),
    "OldHouse": (".domain.follow_up", "OldHouse"),
    "Parcel": (".domain.land", "Parcel"),
    "PaymentLedger": (".domain.land", "PaymentLedger"),
    "PensionStatus": (".domain.site", "PensionStatus"),
    "Person": (".domain.person", "Person"),
    "Placement": (".domain.follow_up", "Placement"),
    "RelocatedHousehold": (".domain.follow_up", "RelocatedHousehold"),
    "RelocatedMember": (".domain.follow_up", "RelocatedMember"),
    "ReportingUnit": (".domain.indicators", "ReportingUnit"),
    "ResettlementSite": (".domain.site", "ResettlementSite"),
    "TransferSituation": (".domain.site", "TransferSituation"),
    "UnitLevel": (".domain.indicators", "UnitLevel"),
}


def __getattr__(name: str) -> object:
    if name in _FROM_SOURCES:
        from . import sources

        value = getattr(sources, name)
        globals()[name] = value
        return value
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        module = importlib.import_module(module_name, __name__)
        value = module if attr is None else getattr(module, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
