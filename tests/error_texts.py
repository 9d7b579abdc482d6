"""Checks shared by the error tests: a pack, check-list, rule or input error reads in all three
locales."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

import pytest

from povertypolicy import InputError, PolicyPackError, RuleError
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.explain.catalog import message, placeholders
from povertypolicy.explain.render import format_value


def without_values(text: str, err: PolicyPackError, latin_ok: re.Pattern[str]) -> str:
    """``text`` with the file, the key, every value the error names and ``latin_ok`` taken
    out: what is left is the message's own wording."""
    text = latin_ok.sub("", text)
    shown = [err.file, err.key, *(str(v) for v in err.extra.values() if v is not None)]
    for value in sorted(shown, key=len, reverse=True):
        text = text.replace(value, "")
    return text


def assert_reads_in_three_locales(err: PolicyPackError, latin_ok: re.Pattern[str]) -> None:
    """The error's own message in each locale: file and key first, no English words in the
    Chinese texts, 繁體 not a copy of 简体, every value shown in English."""
    texts = {loc: err.text(loc) for loc in SUPPORTED_LOCALES}
    for loc, text in texts.items():
        assert "problem" not in placeholders(message(err.code, loc)), loc
        assert text.startswith(err.file), loc
        assert f"[{err.key}]" in text, loc
    for loc in ("zh_Hans", "zh_Hant"):
        words = re.findall(r"[A-Za-z]{2,}", without_values(texts[loc], err, latin_ok))
        assert not words, (loc, texts[loc])
        assert err.problem not in texts[loc]
    assert len(set(texts.values())) == 3, texts  # 繁體 differs from 简体, not just copied
    for name in placeholders(message(err.code, "en")) - {"file", "key", "suggestion"}:
        assert str(err.params()[name]) in texts["en"], name


_GENERIC = "core.error.rule"


def _without_rule_values(text: str, err: RuleError, locale: str) -> str:
    """``text`` with the rule ID and every value the error names (as shown) taken out."""
    shown = [err.rule]
    for value in err.extra.values():
        shown += [format_value(value, locale), str(value)]
    for value in sorted(shown, key=len, reverse=True):
        text = text.replace(value, "")
    return text


def check_rule_error(err: RuleError, code: str, extra: dict[str, Any]) -> None:
    """``err`` has its own ``code`` and ``extra``; its zh texts hold no English words."""
    assert code != _GENERIC
    assert code.split(".")[1] == "error", code
    assert (err.code, err.extra) == (code, extra)
    assert str(err) == f"[{err.rule}] {err.message}"  # the English message, as before
    texts = {loc: err.text(loc) for loc in SUPPORTED_LOCALES}
    for loc, text in texts.items():
        template = message(code, loc)
        assert "message" not in placeholders(template), (loc, template)
        assert placeholders(template) == {"rule", *extra}, (loc, template)
        assert text.startswith(f"[{err.rule}] "), (loc, text)
    for loc in ("zh_Hans", "zh_Hant"):
        words = re.findall(r"[A-Za-z]{2,}", _without_rule_values(texts[loc], err, loc))
        assert not words, (loc, texts[loc], words)
        assert err.message not in texts[loc]
    assert len(set(texts.values())) == 3, texts  # 繁體 differs from 简体, not just copied


_GENERIC_INPUT = "core.error.input"


def _without_input_values(text: str, err: InputError, locale: str) -> str:
    """``text`` with the object, the field, the value and every value in ``extra`` taken out."""
    from povertypolicy.errors import _shown

    shown = [err.obj, err.field, _shown(err.value)]
    for value in err.extra.values():
        with contextlib.suppress(TypeError):
            shown.append(format_value(value, locale))
        shown.append(str(value))
    for value in sorted(shown, key=len, reverse=True):
        text = text.replace(value, "")
    return text


def check_input_error(err: InputError, code: str, extra: dict[str, Any]) -> None:
    """``err`` has its own ``code`` and ``extra``; its text names the object first in every
    locale, needs no English ``expected``, and its zh texts hold no English words."""
    assert code != _GENERIC_INPUT
    assert code.split(".")[1] == "error", code
    assert (err.code, err.extra) == (code, extra)
    texts = {loc: err.text(loc) for loc in SUPPORTED_LOCALES}
    for loc, text in texts.items():
        names = placeholders(message(code, loc))
        assert "expected" not in names, (loc, code)
        assert {"obj"} <= names <= {"obj", "field", "value", *extra}, (loc, code, names)
        assert text.startswith(err.obj), (loc, text)
    for loc in ("zh_Hans", "zh_Hant"):
        words = re.findall(r"[A-Za-z]{2,}", _without_input_values(texts[loc], err, loc))
        assert not words, (loc, texts[loc], words)
    assert len(set(texts.values())) == 3, texts  # 繁體 differs from 简体, not just copied


def refused(call: Callable[..., Any], *args: Any, **kw: Any) -> InputError:
    """The InputError ``call(*args, **kw)`` raises (the test fails if it raises none)."""
    with pytest.raises(InputError) as exc:
        call(*args, **kw)
    return exc.value


def where(err: InputError) -> tuple[str, str, Any]:
    """What an input error names: the object, the field and the value."""
    return (err.obj, err.field, err.value)


def check_refused(
    make: Callable[[], object], named: tuple[str, str, Any], code: str, extra: dict[str, Any]
) -> None:
    """``make()`` raises an InputError naming ``named`` (object, field, value of the same
    type) with its own ``code`` and ``extra``, reading in three locales."""
    err = refused(make)
    assert where(err) == named
    assert type(err.value) is type(named[2])
    check_input_error(err, code, extra)
