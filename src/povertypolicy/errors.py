"""Errors raised by povertypolicy; every one names what was wrong and what was expected."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "InputError",
    "MissingTranslationError",
    "ParameterNotFoundError",
    "ParameterPeriodError",
    "PolicyPackError",
    "PovertyPolicyError",
    "RuleError",
    "UnsupportedLocaleError",
]


class PovertyPolicyError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(PovertyPolicyError, ValueError):
    """Bad input data: names the object, the field, the value and what was expected."""

    def __init__(self, *, obj: str, field: str, value: Any, expected: str) -> None:
        self.obj = obj
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{obj}.{field}: got {value!r}; expected {expected}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_input_error, (self.obj, self.field, self.value, self.expected))


def _rebuild_input_error(obj: str, field: str, value: Any, expected: str) -> InputError:
    return InputError(obj=obj, field=field, value=value, expected=expected)


class PolicyPackError(PovertyPolicyError, ValueError):
    """A policy pack file is malformed: names the file, the key and the problem."""

    def __init__(self, *, file: str | Path, key: str, problem: str) -> None:
        self.file = str(file)
        self.key = key
        self.problem = problem
        super().__init__(f"{self.file}: [{key}] {problem}")


class ParameterNotFoundError(PovertyPolicyError, LookupError):
    """A rule needs a parameter that no pack in the chain defines."""

    def __init__(self, *, name: str, chain: Sequence[str]) -> None:
        self.name = name
        self.chain = tuple(chain)
        super().__init__(
            f"parameter {name!r} is not defined in policy pack chain {' → '.join(self.chain)}; "
            "add it to your pack (see docs/concepts/policy-packs.md)"
        )


class ParameterPeriodError(PovertyPolicyError, LookupError):
    """A parameter exists but has no value on the requested date; says which dates it covers."""

    def __init__(self, *, name: str, on: Any, covered: Sequence[str]) -> None:
        self.name = name
        self.on = on
        self.covered = tuple(covered)
        super().__init__(
            f"parameter {name!r} has no value on {on}; it covers: {', '.join(self.covered)}"
        )


class RuleError(PovertyPolicyError, ValueError):
    """A rule was asked something the policy forbids (e.g. a tranche out of milestone order)."""

    def __init__(self, *, rule: str, message: str) -> None:
        self.rule = rule
        self.message = message
        super().__init__(f"[{rule}] {message}")


class UnsupportedLocaleError(PovertyPolicyError, ValueError):
    """A locale for which no catalog ships (supported: zh_Hans, zh_Hant, en)."""


class MissingTranslationError(PovertyPolicyError, LookupError):
    """A message key has no translation in a catalog: never a silent fallback."""

    def __init__(self, *, key: str, locale: str, domain: str) -> None:
        self.key = key
        self.locale = locale
        self.domain = domain
        super().__init__(f"no {locale} translation for {key!r} in catalog {domain!r}")
