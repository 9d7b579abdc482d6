"""Every bad argument of the catalogue has its own code and reads in zh_Hans, zh_Hant and en."""

from __future__ import annotations

from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import InputError
from tests.error_texts import check_input_error


def raised(call: Any, *args: Any, **kw: Any) -> InputError:
    with pytest.raises(InputError) as info:
        call(*args, **kw)
    return info.value


def test_an_unknown_rule_id() -> None:
    err = raised(pp.catalog.rule, "HOUSE-99")
    ids = [r.id for r in pp.catalog.rules()]
    check_input_error(err, "catalog.error.unknown_rule", {"rules": ids})
    assert (err.field, err.value) == ("rule_id", "HOUSE-99")
    assert err.text("zh_Hans").startswith(
        "catalog.rule.rule_id：收到 'HOUSE-99'，没有这一规则编号；现有规则编号：HOUSE-1、HOUSE-2、"
    )


def test_an_unknown_selector() -> None:
    err = raised(pp.catalog.required_parameters, "housng")
    areas = list(pp.catalog.areas())
    check_input_error(
        err,
        "catalog.error.unknown_selector",
        {"rule_id": "HOUSE-2", "prefix": "HOUSE", "areas": areas},
    )
    assert "housing" in areas
    assert err.text("zh_Hant").startswith(
        "catalog.rules：收到 'housng'，應為規則編號（例如 HOUSE-2）、編號字首（例如 HOUSE）"
    )


def test_a_misspelt_and_an_unknown_parameter() -> None:
    err = raised(pp.catalog.parameter, "housing.subsidy_per_persn")
    check_input_error(
        err, "catalog.error.misspelt_parameter", {"suggestion": "housing.subsidy_per_person"}
    )
    assert err.text("en").endswith("did you mean housing.subsidy_per_person?")
    err = raised(pp.catalog.parameter, "zzz")
    check_input_error(
        err, "catalog.error.unknown_parameter", {"example": "housing.subsidy_per_person"}
    )
    assert err.value == "zzz"


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"pack": "cn"},
        {"law": "x"},
        {"pack": "cn", "section": "§一", "law": "x", "article": "y"},
    ],
)
def test_a_source_is_a_pack_or_a_law(given: dict[str, str]) -> None:
    err = raised(pp.catalog.Source, **given)
    check_input_error(err, "catalog.error.source_form", {})
    assert err.value == {"pack": None, "section": None, "law": None, "article": None} | given
    assert err.text("zh_Hans").endswith("应给出政策包及其章节，或法律及其条款，二者只能选其一")
