"""Checks shared by the error tests: a pack or check-list error reads in all three locales."""

from __future__ import annotations

import re

from povertypolicy import PolicyPackError
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.explain.catalog import message, placeholders


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
