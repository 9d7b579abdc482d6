"""The schema reference page is generated from the ledger rules and must stay in sync."""

from __future__ import annotations

from pathlib import Path

from povertypolicy.ledger import ledger_rules
from povertypolicy.ledger.describe import schema_markdown

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "ledger-schemas.md"


def test_schema_page_is_up_to_date() -> None:
    assert PAGE.read_text(encoding="utf-8") == schema_markdown(), (
        "regenerate: python -m povertypolicy.ledger.describe > docs/reference/ledger-schemas.md"
    )


def test_every_rule_and_column_is_documented() -> None:
    text = schema_markdown()
    for name, rule in ledger_rules().items():
        assert f"## `{name}`" in text
        for table in rule.tables:
            assert table.doc, f"{name}: table {table.name} has no doc"
            for col in table.columns:
                assert col.doc, f"{name}: {table.name}.{col.name} has no doc"
                assert f"| `{col.name}` | {col.zh}" in text
