"""The errors that are neither input, rule nor pack errors (a parameter the policy lacks, a
locale, a translation) also have their own codes and read in three locales."""

from __future__ import annotations

import datetime as dt
import inspect
import pickle
import re
from collections.abc import Callable
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import errors
from povertypolicy.explain import SUPPORTED_LOCALES, normalise_locale
from povertypolicy.explain.catalog import message
from povertypolicy.explain.numerals import to_capital


def _policy_1990() -> pp.Policy:
    return pp.Policy.load("cn", on=dt.date(1990, 1, 1))


def _subsidy_in_1990() -> object:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(1990, 1, 1))
    return policy.param("housing.subsidy_per_person")


CASES: dict[str, tuple[Callable[[], object], str, dict[str, Any]]] = {
    "parameter not found": (
        lambda: _policy_1990().param("housing.no_such_thing"),
        "core.error.parameter_not_found",
        {"name": "housing.no_such_thing", "chain": "cn"},
    ),
    "parameter out of period": (
        _subsidy_in_1990,
        "core.error.parameter_period",
        {"name": "housing.subsidy_per_person", "on": "1990-01-01"},
    ),
    "unknown locale": (lambda: normalise_locale("!!"), "core.error.locale_unknown", {}),
    "unsupported locale": (lambda: normalise_locale("fr"), "core.error.locale_unsupported", {}),
    "empty locale": (lambda: normalise_locale(""), "core.error.locale_empty", {}),
    "capital numerals in English": (
        lambda: to_capital(pp.Money("1"), "en"),
        "core.error.capital_locale",
        {"given": "'en'"},
    ),
    "missing translation": (
        lambda: message("core.no_such_message", "zh_Hant"),
        "core.error.missing_translation",
        {"key": "core.no_such_message", "locale": "zh_Hant", "domain": "core"},
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_error_has_its_code_and_reads_in_three_locales(case: str) -> None:
    trigger, code, values = CASES[case]
    with pytest.raises(errors.PovertyPolicyError) as exc:
        trigger()
    err = exc.value
    assert err.code == code
    params = err.params()
    assert values.items() <= params.items()
    texts = {loc: err.text(loc) for loc in SUPPORTED_LOCALES}
    assert len(set(texts.values())) == 3, texts
    for loc in ("zh_Hans", "zh_Hant"):
        rest = texts[loc]
        for value in sorted(map(str, params.values()), key=len, reverse=True):
            rest = rest.replace(value, "")
        assert not re.findall(r"[A-Za-z]{2,}", rest), texts[loc]
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.code, back.text("zh_Hans")) == (type(err), code, texts["zh_Hans"])


def test_every_error_class_names_a_code_of_its_own() -> None:
    # core.error.generic stays for a caller's own subclass; every class the library raises
    # has a code whose message is more than the English text
    classes = [
        c
        for _, c in inspect.getmembers(errors, inspect.isclass)
        if issubclass(c, errors.PovertyPolicyError) and c is not errors.PovertyPolicyError
    ]
    assert len(classes) >= 8
    for cls in classes:
        init = inspect.signature(cls.__init__).parameters
        assert cls.code != "core.error.generic" or "code" in init, cls
    assert message("core.error.generic", "zh_Hans") == "{message}"
