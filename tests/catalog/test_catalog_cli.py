"""``povertypolicy catalogue``: list rules and parameters, show one, list what a pack lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("click")
from click.testing import CliRunner, Result

from povertypolicy.cli import cli


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_rules_lists_every_rule_with_its_title() -> None:
    out = invoke("catalogue", "rules", "--locale", "en")
    assert out.exit_code == 0
    lines = out.output.splitlines()
    assert len(lines) == 65
    assert lines[0].startswith("HOUSE-1 ")
    assert "DATA-4" in lines[-1]


def test_rules_of_one_area_in_traditional_chinese() -> None:
    out = invoke("catalogue", "rules", "housing", "--locale", "zh_Hant")
    assert out.exit_code == 0
    assert len(out.output.splitlines()) == 5
    assert "搬遷對象認定" in out.output


def test_rule_shows_functions_parameters_source_and_boundaries() -> None:
    out = invoke("catalogue", "rule", "HOUSE-1", "--locale", "en")
    assert out.exit_code == 0
    text = out.output
    assert "function: povertypolicy.rules.housing.eligibility(household: Household" in text
    assert "parameter: housing.birth_cutoff" in text
    assert "source: 《深山区移民搬迁扶贫工作方案（2011年）》篇3 §四1" in text
    assert "boundary: housing.birth_cutoff: upper threshold: exclusive" in text
    assert ".txt" not in text


def test_unknown_rule_is_one_line_and_status_1() -> None:
    out = CliRunner().invoke(cli, ["catalogue", "rule", "HOUSE-99"])
    assert out.exit_code == 1
    assert "HOUSE-99" in out.output


def test_parameters_with_values() -> None:
    out = invoke("catalogue", "parameters", "HOUSE-2", "--values", "--locale", "en")
    assert out.exit_code == 0
    assert "housing.subsidy_per_person  housing subsidy per person" in out.output
    assert "county-deep-mountain-relocation-2011: 3500.00 from 2011-01-01" in out.output
    assert "housing.birth_cutoff" not in out.output


def test_parameter_shows_every_pack() -> None:
    out = invoke("catalogue", "parameter", "site.community_min_households_inside")
    assert out.exit_code == 0
    assert "lower threshold: inclusive" in out.output
    assert "gx-prefecture-relocation-site-management: 1000" in out.output


def test_missing_lists_everything_a_pack_lacks(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        'id = "mine"\ntitle = "我县"\nissuer = "我县"\nparent = "cn"\n'
        'source = { document = "plan", section = "全文" }\n',
        encoding="utf-8",
    )
    out = invoke("catalogue", "missing", "HOUSE-2", "--pack", str(pack), "--on", "2011-06-01")
    assert out.exit_code == 1
    assert "5 parameter(s) missing" in out.output
    assert "housing.withheld_per_person" in out.output
    assert "建房补助标准" in out.output


def test_missing_nothing() -> None:
    out = invoke(
        "catalogue",
        "missing",
        "housing",
        "--pack",
        "county-deep-mountain-relocation-2011",
        "--on",
        "2011年6月1日",
    )
    assert out.exit_code == 0
    assert "nothing missing" in out.output
