"""Rules: pure functions ``rule(subject, policy, ...) -> Result[T]``, one module per policy area.

Areas are imported on first use (``pp.rules.housing``), which keeps ``import povertypolicy`` fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import (
        data_quality,
        follow_up,
        housing,
        indicators,
        land,
        monitoring,
        poverty,
        registration,
        site,
    )

__all__ = [
    "data_quality",
    "follow_up",
    "housing",
    "indicators",
    "land",
    "monitoring",
    "poverty",
    "registration",
    "site",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
