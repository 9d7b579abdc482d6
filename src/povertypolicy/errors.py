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
    "ParametersMissingError",
    "PolicyPackError",
    "PovertyPolicyError",
    "RuleError",
    "UnsupportedLocaleError",
]


class PovertyPolicyError(Exception):
    """Base class of every error this library raises on purpose.

    ``code`` is the error's stable catalog key (see the error-code reference); ``text(locale)``
    renders its message in zh_Hans, zh_Hant or en.
    """

    code: str = "core.error.generic"

    def params(self) -> dict[str, Any]:
        """The values the catalog message ``code`` is filled with."""
        return {"message": str(self)}

    def text(self, locale: str | None = None) -> str:
        """The error in ``locale`` (zh_Hans, zh_Hant or en; default: the locale set once)."""
        from .explain.catalog import message
        from .explain.locales import get_locale

        return message(self.code, locale or get_locale()).format(**self.params())


class InputError(PovertyPolicyError, ValueError):
    """Bad input data: names the object, the field, the value and what was expected.

    ``code`` is a stable catalog key (``core.error.*``, e.g. ``core.error.count``) and
    ``text(locale)`` renders it in zh_Hans, zh_Hant or en; ``extra`` fills its other fields.

    Args:
        obj: The object or function given the bad value, e.g. ``Person``.
        field: The field or argument, e.g. ``birth_date``.
        value: The value as given.
        expected: What was expected, in English (``str(error)``; the catalog message says it
            per locale).
        code: The catalog key of the message (``core.error.*``, ``<area>.error.*``).
        extra: Other values the message is filled with (formatted per locale by ``text``).
    """

    def __init__(
        self,
        *,
        obj: str,
        field: str,
        value: Any,
        expected: str,
        code: str = "core.error.input",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.obj = obj
        self.field = field
        self.value = value
        self.expected = expected
        self.code = code
        self.extra = dict(extra or {})
        super().__init__(f"{obj}.{field}: got {value!r}; expected {expected}")

    def params(self) -> dict[str, Any]:
        """``obj``, ``field``, ``value`` (as written), ``expected`` (English) and ``extra``."""
        return {
            "obj": self.obj,
            "field": self.field,
            "value": _shown(self.value),
            "expected": self.expected,
            **self.extra,
        }

    def text(self, locale: str | None = None) -> str:
        """The error in ``locale``: ``obj``, ``field`` and ``value`` as written, the values in
        ``extra`` formatted as explanations format them (money, dates, counts, lists)."""
        from .explain.catalog import message
        from .explain.locales import get_locale, normalise_locale
        from .explain.render import format_value

        loc = normalise_locale(locale or get_locale())
        args = {
            "obj": self.obj,
            "field": self.field,
            "value": _shown(self.value),
            "expected": self.expected,
        }
        for name, value in self.extra.items():
            try:
                args[name] = format_value(value, loc)
            except TypeError:  # a value explanations never show (a path, a type): as written
                args[name] = str(value)
        return message(self.code, loc).format(**args)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_input_error,
            (self.obj, self.field, self.value, self.expected, self.code, self.extra),
        )


def _shown(value: Any) -> str:
    """A value as an error message shows it: dates in ISO form, other values as written."""
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _rebuild_input_error(
    obj: str,
    field: str,
    value: Any,
    expected: str,
    code: str = "core.error.input",
    extra: dict[str, Any] | None = None,
) -> InputError:
    return InputError(obj=obj, field=field, value=value, expected=expected, code=code, extra=extra)


class PolicyPackError(PovertyPolicyError, ValueError):
    """A policy pack file (or a data-quality check list) is malformed: names the file, the key
    and the problem.

    Every problem the pack and check-list readers find has its own ``code``
    (``core.error.pack_*``: an unknown key, a wrong unit, a negative amount, ...;
    ``core.error.checklist_*`` for what only a check list has) whose text is in all three
    locales, filled from ``extra``; ``str(error)`` is the English ``problem``.
    ``core.error.pack`` (the English ``problem`` in a localised frame) is left for callers that
    give no code of their own.

    Args:
        file: The pack or check-list file (or a pack or check-list id).
        key: The key in it that is wrong, e.g. ``parameters."housing.subsidy_per_person"``.
        problem: What is wrong, in English.
        code: The stable error code (``core.error.pack_*``, ``core.error.checklist_*``, or
            ``core.error.pack``).
        extra: Values the code's message names (e.g. ``value``); a ``suggestion`` (the
            closest known name, or None) is shown as "did you mean …" in the locale.
    """

    def __init__(
        self,
        *,
        file: str | Path,
        key: str,
        problem: str,
        code: str = "core.error.pack",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.file = str(file)
        self.key = key
        self.problem = problem
        self.code = code
        self.extra = dict(extra or {})
        super().__init__(f"{self.file}: [{key}] {problem}")

    def params(self) -> dict[str, Any]:
        """``file``, ``key``, ``problem`` (English) and ``extra`` (e.g. ``value``)."""
        return {"file": self.file, "key": self.key, "problem": self.problem, **self.extra}

    def text(self, locale: str | None = None) -> str:
        """The error in ``locale``; a ``suggestion`` reads "did you mean …" in that locale."""
        from .explain.catalog import message
        from .explain.locales import get_locale

        loc = locale or get_locale()
        args = self.params()
        if "suggestion" in args:
            name = args["suggestion"]
            args["suggestion"] = (
                "" if name is None else message("core.pack.suggestion", loc).format(name=name)
            )
        return message(self.code, loc).format(**args)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_pack_error, (self.file, self.key, self.problem, self.code, self.extra))


def _rebuild_pack_error(
    file: str, key: str, problem: str, code: str, extra: dict[str, Any]
) -> PolicyPackError:
    return PolicyPackError(file=file, key=key, problem=problem, code=code, extra=extra)


class ParameterNotFoundError(PovertyPolicyError, LookupError):
    """A rule needs a parameter that no pack in the chain defines.

    Args:
        name: The parameter, e.g. ``land.zone_price``.
        chain: The pack ids searched, child first.
    """

    code = "core.error.parameter_not_found"

    def __init__(self, *, name: str, chain: Sequence[str]) -> None:
        self.name = name
        self.chain = tuple(chain)
        super().__init__(
            f"parameter {name!r} is not defined in policy pack chain {' → '.join(self.chain)}; "
            "add it to your pack (see docs/concepts/policy-packs.md)"
        )

    def params(self) -> dict[str, Any]:
        """``name`` and ``chain`` (the pack ids joined by →)."""
        return {"name": self.name, "chain": " → ".join(self.chain)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_not_found, (self.name, self.chain))


def _rebuild_not_found(name: str, chain: Sequence[str]) -> ParameterNotFoundError:
    return ParameterNotFoundError(name=name, chain=chain)


class ParameterPeriodError(PovertyPolicyError, LookupError):
    """A parameter exists but has no value on the requested date; says which dates it covers.

    Args:
        name: The parameter.
        on: The date asked for.
        covered: The periods its values cover, as text.
    """

    code = "core.error.parameter_period"

    def __init__(self, *, name: str, on: Any, covered: Sequence[str]) -> None:
        self.name = name
        self.on = on
        self.covered = tuple(covered)
        super().__init__(
            f"parameter {name!r} has no value on {on}; it covers: {', '.join(self.covered)}"
        )

    def params(self) -> dict[str, Any]:
        """``name``, ``on`` and ``covered`` (the periods joined by ; )."""
        return {"name": self.name, "on": str(self.on), "covered": "; ".join(self.covered)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_period, (self.name, self.on, self.covered))


def _rebuild_period(name: str, on: Any, covered: Sequence[str]) -> ParameterPeriodError:
    return ParameterPeriodError(name=name, on=on, covered=covered)


class ParametersMissingError(ParameterNotFoundError):
    """A policy lacks parameters that rules need: every missing name at once, not the first.

    Raised by `povertypolicy.catalog.check`; ``name`` is the first of ``names``.

    Args:
        names: Every missing parameter's name.
        chain: The pack chain's ids, child first.
        on: The policy's date (ISO).
        rules: The rule IDs that need them.
    """

    code = "core.error.parameters_missing"

    def __init__(
        self, *, names: Sequence[str], chain: Sequence[str], on: str, rules: Sequence[str]
    ) -> None:
        self.names = tuple(names)
        self.name = self.names[0]
        self.chain = tuple(chain)
        self.on = on
        self.rules = tuple(rules)
        LookupError.__init__(
            self,
            f"policy pack chain {' → '.join(self.chain)} has no value on {on} for "
            f"{len(self.names)} parameter(s) that rules {', '.join(self.rules)} need: "
            + ", ".join(self.names),
        )

    def params(self) -> dict[str, Any]:
        """``chain``, ``on``, ``count``, ``rules`` and ``names``, joined for the message."""
        return {
            "chain": " → ".join(self.chain),
            "on": self.on,
            "count": len(self.names),
            "rules": ", ".join(self.rules),
            "names": ", ".join(self.names),
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_parameters_missing, (self.names, self.chain, self.on, self.rules))


def _rebuild_parameters_missing(
    names: Sequence[str], chain: Sequence[str], on: str, rules: Sequence[str]
) -> ParametersMissingError:
    return ParametersMissingError(names=names, chain=chain, on=on, rules=rules)


class RuleError(PovertyPolicyError, ValueError):
    """A rule was asked something the policy forbids (e.g. a tranche out of milestone order).

    Every refusal a rule raises has its own ``code`` (``<area>.error.*``, e.g.
    ``housing.error.tranche_shares``) whose text is in all three locales, filled from ``extra``
    with the values formatted as explanations format them (money 公文 style, dates, enum
    labels); ``str(error)`` is ``[rule] message``, the English message. ``core.error.rule``
    (the English message in a localised frame) is left for callers that give no code.

    Args:
        rule: The rule ID, e.g. HOUSE-3.
        message: What was forbidden, in English (the catalog message says it per locale).
        code: The catalog key of the message (``<area>.error.*``, or ``core.error.rule``).
        extra: The values the code's message names (Money, numbers, dates, enums, text).
    """

    def __init__(
        self,
        *,
        rule: str,
        message: str,
        code: str = "core.error.rule",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.rule = rule
        self.message = message
        self.code = code
        self.extra = dict(extra or {})
        super().__init__(f"[{rule}] {message}")

    def params(self) -> dict[str, Any]:
        """``rule``, ``message`` (English) and ``extra``."""
        return {"rule": self.rule, "message": self.message, **self.extra}

    def text(self, locale: str | None = None) -> str:
        """The error in ``locale``, its values formatted as an explanation formats them."""
        from .explain.locales import get_locale
        from .explain.render import render_message

        return render_message(self.code, self.params(), locale or get_locale())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_rule_error, (self.rule, self.message, self.code, self.extra))


def _rebuild_rule_error(
    rule: str, message: str, code: str, extra: dict[str, Any] | None
) -> RuleError:
    return RuleError(rule=rule, message=message, code=code, extra=extra)


class UnsupportedLocaleError(PovertyPolicyError, ValueError):
    """A locale for which no catalog ships (supported: zh_Hans, zh_Hant, en).

    Args:
        message: What is wrong, in English (``str(error)``).
        given: The locale as given.
        code: ``core.error.locale_unknown`` (not a locale), ``core.error.locale_unsupported``
            (a locale no catalog ships), ``core.error.locale_empty`` (not a non-empty string)
            or ``core.error.capital_locale`` (capital numerals are Chinese only).
    """

    def __init__(self, message: str, *, given: Any, code: str) -> None:
        self.given = given
        self.code = code
        super().__init__(message)

    def params(self) -> dict[str, Any]:
        """``given`` (as written), ``supported`` (the three locales) and ``variants`` (regional
        names that are accepted too)."""
        from .explain.locales import SUPPORTED_LOCALES

        return {
            "given": _shown(self.given),
            "supported": ", ".join(SUPPORTED_LOCALES),
            "variants": "zh_CN, zh-TW, en_US",
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_locale_error, (str(self), self.given, self.code))


def _rebuild_locale_error(message: str, given: Any, code: str) -> UnsupportedLocaleError:
    return UnsupportedLocaleError(message, given=given, code=code)


class MissingTranslationError(PovertyPolicyError, LookupError):
    """A message key has no translation in a catalog: never a silent fallback.

    Args:
        key: The message key.
        locale: The locale asked for.
        domain: The catalog (``.po`` file) searched.
    """

    def __init__(self, *, key: str, locale: str, domain: str) -> None:
        self.key = key
        self.locale = locale
        self.domain = domain
        super().__init__(f"no {locale} translation for {key!r} in catalog {domain!r}")

    code = "core.error.missing_translation"

    def params(self) -> dict[str, Any]:
        """``key``, ``locale`` and ``domain``."""
        return {"key": self.key, "locale": self.locale, "domain": self.domain}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_missing_translation, (self.key, self.locale, self.domain))


def _rebuild_missing_translation(key: str, locale: str, domain: str) -> MissingTranslationError:
    return MissingTranslationError(key=key, locale=locale, domain=domain)
