"""Shared behaviour of domain objects: exact JSON round-trips."""

from __future__ import annotations

from typing import Any, Self

__all__ = ["DomainObject"]


class DomainObject:
    """Mixin: ``to_dict()`` / ``from_dict()`` that round-trip exactly through JSON."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (money and dates as strings, enums as their values)."""
        from .convert import to_dict

        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build from a dict like `to_dict()` gives; bad data raises InputError with a path."""
        from .convert import from_dict

        return from_dict(cls, data)
