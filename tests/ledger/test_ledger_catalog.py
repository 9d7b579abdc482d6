"""Every ledger rule's title, reason codes and table names have labels in the three locales."""

from __future__ import annotations

import pytest

from povertypolicy.explain.catalog import messages, placeholders
from povertypolicy.ledger import ledger_rules

LOCALES = ("zh_Hans", "zh_Hant", "en")


@pytest.mark.parametrize("locale", LOCALES)
def test_rule_labels(locale: str) -> None:
    catalog = messages(locale, "ledger")
    for name, rule in ledger_rules().items():
        assert rule.title in catalog, f"{name}: no {locale} title"
        for reason in rule.reasons:
            assert f"ledger.reason.{reason}" in catalog, f"{name}: reason {reason} ({locale})"
        for table in rule.tables:
            assert f"ledger.table.{table.name}" in catalog, f"table {table.name} ({locale})"


def test_same_placeholders_in_every_locale() -> None:
    base = messages("en", "ledger")
    for locale in ("zh_Hans", "zh_Hant"):
        other = messages(locale, "ledger")
        assert set(other) == set(base), set(other) ^ set(base)
        for key, text in base.items():
            assert placeholders(other[key]) == placeholders(text), key
