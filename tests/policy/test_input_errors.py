"""Policies, pack look-ups and changes: every refusal has its own code and reads in three
locales (``check_input_error``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Change, Citation
from povertypolicy.domain.enums import JurisdictionLevel
from povertypolicy.errors import InputError
from tests.error_texts import check_refused

PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
CITED = Citation(document="poverty-work-plan-samples", section="篇1 §一")


def _base() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


# name → (what raises, (obj, field, value), code, extra)
CASES: dict[str, tuple[Callable[[], object], tuple[str, str, Any], str, dict[str, Any]]] = {
    "level": (
        lambda: pp.packs(level="galaxy"),
        ("packs", "level", "galaxy"),
        "core.error.enum",
        {"choices": ", ".join(m.value for m in JurisdictionLevel)},
    ),
    "province": (
        lambda: pp.packs(province="XX"),
        ("packs", "province", "XX"),
        "core.error.province",
        {"example": "CN-ZJ", "short": "ZJ"},
    ),
    "unknown_parameter_near": (
        lambda: pp.packs_setting("housing.subsidy_per_persn"),
        ("packs_setting", "name", "housing.subsidy_per_persn"),
        "core.error.unknown_parameter",
        {"closest": ("housing.subsidy_per_person",)},
    ),
    "unknown_parameter_far": (
        lambda: pp.packs_setting("zzz"),
        ("packs_setting", "name", "zzz"),
        "core.error.unknown_parameter",
        {"closest": ()},
    ),
    "load_on_text": (
        lambda: pp.Policy.load(PACK, on="2011-06-01"),  # type: ignore[arg-type]
        ("Policy.load", "on", "2011-06-01"),
        "core.error.date",
        {},
    ),
    "at_datetime": (
        lambda: _base().at(dt.datetime(2012, 1, 1, 8, 0)),
        ("Policy.at", "on", dt.datetime(2012, 1, 1, 8, 0)),
        "core.error.date",
        {},
    ),
    "range_keys": (
        lambda: Change({"min": "1", "most": "2"}, scenario="假设"),
        ("Change", "value", {"min": "1", "most": "2"}),
        "core.error.range_keys",
        {"keys": ("min", "max")},
    ),
    "neither_citation_nor_scenario": (
        lambda: Change("4000"),
        ("Change", "citation/scenario", None),
        "core.error.citation_or_scenario",
        {},
    ),
    "both_citation_and_scenario": (
        lambda: Change("4000", citation=CITED, scenario="假设"),
        ("Change", "citation/scenario", str(CITED)),
        "core.error.citation_or_scenario",
        {},
    ),
    "citation_not_a_citation": (
        lambda: Change("4000", citation="篇1 §一"),  # type: ignore[arg-type]
        ("Change", "citation", "篇1 §一"),
        "core.error.instance",
        {"type": "Citation"},
    ),
    "scenario_blank": (
        lambda: Change("4000", citation=None, scenario="  "),
        ("Change", "scenario", "  "),
        "core.error.text_empty",
        {},
    ),
    "bound_text": (
        lambda: Change("4000", scenario="假设", bound="至少"),  # type: ignore[arg-type]
        ("Change", "bound", "至少"),
        "core.error.enum",
        {"choices": "inclusive, exclusive, 以上, 以下, 超过, 超過, 不满, 不滿"},
    ),
    "derive_name": (
        lambda: _base().derive(
            {"housing.subsidy_per_person": Change("4000", scenario="假设")}, name="My Plan"
        ),
        ("Policy.derive", "name", "My Plan"),
        "core.error.scenario_name",
        {},
    ),
    "derive_no_changes": (
        lambda: _base().derive({}),
        ("Policy.derive", "changes", {}),
        "core.error.changes",
        {"type": "Change"},
    ),
    "derive_not_a_change": (
        lambda: _base().derive({"housing.subsidy_per_person": "4000"}),  # type: ignore[dict-item]
        ("Policy.derive", "housing.subsidy_per_person", "4000"),
        "core.error.instance",
        {"type": "Change"},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_policy_refusal_has_its_own_code(name: str) -> None:
    check_refused(*CASES[name])


def test_an_unknown_parameter_names_the_closest_in_each_locale() -> None:
    with pytest.raises(InputError) as near:
        pp.packs_setting("housing.subsidy_per_persn")
    assert near.value.text("zh_Hans").endswith("（最接近的：housing.subsidy_per_person）")
    assert "did you mean 'housing.subsidy_per_person'?" in str(near.value)  # as before
    with pytest.raises(InputError) as far:
        pp.packs_setting("zzz")
    assert far.value.text("en").endswith("(closest: none)")
    assert far.value.text("zh_Hant").endswith("（最接近的：無）")
