"""Policy packs: dated, cited parameters resolved at a date; 政策包."""

from .pack import DatedValue, PackParameter, PolicyPack, load_pack
from .parameter import Bound, Parameter, Range
from .policy import PackInfo, Policy, packs
from .spec import Kind, ParameterSpec, Side, Unit, all_specs

__all__ = [
    "Bound",
    "DatedValue",
    "Kind",
    "PackInfo",
    "PackParameter",
    "Parameter",
    "ParameterSpec",
    "Policy",
    "PolicyPack",
    "Range",
    "Side",
    "Unit",
    "all_specs",
    "load_pack",
    "packs",
]
