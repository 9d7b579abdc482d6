"""The rule and parameter reference pages are generated from the catalogue and stay in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.catalog.describe import main, parameters_markdown, rules_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "reference"


@pytest.mark.parametrize(
    ("page", "make", "arg"),
    [("rules.md", rules_markdown, "rules"), ("parameters.md", parameters_markdown, "parameters")],
)
def test_page_is_up_to_date(page: str, make: object, arg: str) -> None:
    assert callable(make)
    assert (DOCS / page).read_text(encoding="utf-8") == make(), (
        f"regenerate: python -m povertypolicy.catalog.describe {arg} > docs/reference/{page}"
    )


def test_every_rule_and_parameter_is_on_its_page() -> None:
    rules_page, params_page = rules_markdown(), parameters_markdown()
    for info in pp.catalog.rules():
        assert f"### {info.id}\n" in rules_page
    for p in pp.catalog.parameters():
        assert f"### `{p.name}`\n" in params_page
        for v in p.values:
            assert f"| `{v.pack}` |" in params_page


def test_pages_never_show_a_seed_file_name() -> None:
    for text in (rules_markdown(), parameters_markdown()):
        assert ".txt" not in text


def test_describe_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert capsys.readouterr().out == rules_markdown()
    assert main(["nonsense"]) == 2
