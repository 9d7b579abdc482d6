"""Policy packs: dated, cited parameters resolved at a date; 政策包."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lookup import PackInfo, ParameterSetting, packs, packs_setting
from .parameter import Bound, Parameter, Range
from .policy import Policy
from .spec import Kind, ParameterSpec, Side, Unit, all_specs

if TYPE_CHECKING:
    from .export import pack_toml
    from .pack import DatedValue, PackParameter, PolicyPack, load_pack
    from .scenario import Change

__all__ = [
    "Bound",
    "Change",
    "DatedValue",
    "Kind",
    "PackInfo",
    "PackParameter",
    "Parameter",
    "ParameterSetting",
    "ParameterSpec",
    "Policy",
    "PolicyPack",
    "Range",
    "Side",
    "Unit",
    "all_specs",
    "load_pack",
    "pack_toml",
    "packs",
    "packs_setting",
]

# The pack reader is imported when first needed (a pack loaded, or one of these names used),
# which keeps `import povertypolicy` light.
_FROM_PACK = frozenset({"DatedValue", "PackParameter", "PolicyPack", "load_pack"})
_LAZY = {"Change": "scenario", "pack_toml": "export"}


def __getattr__(name: str) -> Any:
    if name in _FROM_PACK or name in _LAZY:
        import importlib

        module = importlib.import_module(f"{__name__}.{_LAZY.get(name, 'pack')}")
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
