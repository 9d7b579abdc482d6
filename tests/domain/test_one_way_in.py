"""One way in: constructors and from_dict accept the same values; errors have codes and render
in every locale."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.domain.labels import parse_member, spellings
from povertypolicy.errors import InputError, RuleError
from povertypolicy.explain.catalog import messages, placeholders
from povertypolicy.units import AreaUnit

LOCALES = ("zh_Hans", "zh_Hant", "en")


@pytest.mark.parametrize("hukou", ["agricultural", "AGRICULTURAL", "农业", "農業", "农业户口"])
def test_constructor_and_from_dict_accept_the_same_hukou(hukou: str) -> None:
    built = pp.Person(id="P", birth_date="1970-01-01", hukou=hukou)  # type: ignore[arg-type]
    read = pp.Person.from_dict({"id": "P", "birth_date": "1970-01-01", "hukou": hukou})
    assert built == read
    assert built.hukou is pp.HukouType.AGRICULTURAL


def test_from_dict_takes_a_date_object() -> None:
    p = pp.Person.from_dict({"id": "P", "birth_date": dt.date(1970, 1, 2)})
    assert p.birth_date == dt.date(1970, 1, 2)


def test_from_dict_refuses_a_datetime() -> None:
    with pytest.raises(InputError) as exc:
        pp.Person.from_dict({"id": "P", "birth_date": dt.datetime(1970, 1, 2)})
    assert exc.value.code == "core.error.date"


@pytest.mark.parametrize(
    ("unit", "member"),
    [
        ("亩", AreaUnit.MU),
        ("畝", AreaUnit.MU),
        ("mu", AreaUnit.MU),
        ("公顷", AreaUnit.HECTARE),
        ("平方米", AreaUnit.SQUARE_METRE),
        ("m2", AreaUnit.SQUARE_METRE),
        ("ha", AreaUnit.HECTARE),
    ],
)
def test_area_units_in_chinese_and_english(unit: str, member: AreaUnit) -> None:
    data = {"id": "X", "area": {"value": "1.5", "unit": unit}, "land_type": "耕地"}
    parcel = pp.Parcel.from_dict(data)
    assert parcel.area == pp.Area("1.5", member)
    assert parcel.land_type is pp.LandType.CULTIVATED


def test_unknown_area_unit_has_its_code() -> None:
    with pytest.raises(InputError) as exc:
        pp.Parcel.from_dict(
            {"id": "X", "area": {"value": "1", "unit": "acre"}, "land_type": "cultivated"}
        )
    assert exc.value.code == "core.error.area_unit"
    assert "亩" in exc.value.text("zh_Hans")


def test_spellings_include_labels_aliases_and_names() -> None:
    table = spellings(pp.HukouType)
    assert table["非农业"] is pp.HukouType.NON_AGRICULTURAL
    assert table["non_agricultural"] is pp.HukouType.NON_AGRICULTURAL
    assert parse_member(pp.HukouType, " 农业 ") is pp.HukouType.AGRICULTURAL
    assert parse_member(pp.HukouType, "城镇") is None
    assert parse_member(pp.HukouType, 1) is None


def test_birth_date_is_checked_against_the_date_asked_about_not_the_clock() -> None:
    p = pp.Person(id="P", birth_date=dt.date(2999, 1, 1))
    assert p.age_on(dt.date(3000, 1, 1)) == 1
    with pytest.raises(InputError) as exc:
        p.age_on(dt.date(2020, 1, 1))
    err = exc.value
    assert err.code == "core.error.birth_after"
    assert "2020-01-01" in err.text("zh_Hans")
    assert "2999-01-01" in err.text("en")


BAD: list[tuple[Any, str]] = [
    (lambda: pp.Person(id="", birth_date="1970-01-01"), "core.error.identifier"),
    (lambda: pp.Person(id="P", birth_date="1970-02-30"), "core.error.date"),
    (lambda: pp.Person(id="P", birth_date="1970-01-01", hukou="城镇"), "core.error.enum"),
    (lambda: pp.Person(id="P", birth_date="1970-01-01", lives_in_area=1), "core.error.boolean"),
    (lambda: pp.Entrance(id="E", households=-1), "core.error.count"),
    (lambda: pp.Person.from_dict({"id": "P"}), "core.error.required"),
    (
        lambda: pp.Person.from_dict({"id": "P", "birth_date": "1970-01-01", "x": 1}),
        "core.error.unknown_key",
    ),
    (lambda: pp.Person.from_dict({"id": "P", "birth_date": 19700101}), "core.error.date"),
    (
        lambda: pp.Household(id="H", members=[pp.Person(id="A", birth_date="1970-01-01")] * 2),
        "core.error.unique",
    ),
]


@pytest.mark.parametrize(("build", "code"), BAD)
def test_every_failure_has_a_code_and_renders_in_every_locale(build: Any, code: str) -> None:
    with pytest.raises(InputError) as exc:
        build()
    err = exc.value
    assert err.code == code
    texts = {loc: err.text(loc) for loc in LOCALES}
    assert len(set(texts.values())) == 3, texts
    for text in texts.values():
        assert err.field in text
    assert "{" not in "".join(texts.values())


def test_error_catalog_entries_agree_across_locales() -> None:
    en = {k: v for k, v in messages("en", "core").items() if k.startswith("core.error.")}
    assert len(en) >= 20
    for loc in ("zh_Hans", "zh_Hant"):
        other = messages(loc, "core")
        for key, text in en.items():
            assert placeholders(other[key]) == placeholders(text), (loc, key)


def test_errors_keep_their_code_when_pickled() -> None:
    err = InputError(obj="A", field="b", value=1, expected="x", code="core.error.count")
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, back.text("en")) == ("core.error.count", err.text("en"))
    rule = RuleError(rule="HOUSE-1", message="out of order")
    back_rule = pickle.loads(pickle.dumps(rule))
    assert back_rule.code == "core.error.rule"
    assert back_rule.text("zh_Hant") == "[HOUSE-1] out of order"


@pytest.mark.parametrize(
    ("value", "unit", "code"),
    [
        ("-1", "mu", "core.error.area_negative"),
        ("1e400", "mu", "core.error.area_finite"),
        ("inf", "mu", "core.error.area"),
        ("nan", "亩", "core.error.area"),
        ("1", "acre", "core.error.area_unit"),
    ],
)
def test_area_takes_only_values_with_meaning(value: str, unit: str, code: str) -> None:
    with pytest.raises(InputError) as exc:
        pp.Area(value, unit)
    assert exc.value.code == code
    assert exc.value.text("zh_Hant") != exc.value.text("en")


def test_area_unit_in_chinese() -> None:
    assert pp.Area("1.5", "亩") == pp.Area.mu("1.5")
    assert pp.Area("2", "公顷") == pp.Area.mu(30)


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("99999999999999999999", "core.error.money_magnitude"),
        (10**14, "core.error.money_magnitude"),
        ("1.234", "core.error.money_places"),
        ("inf", "core.error.money"),
        (1.5, "core.error.money"),
    ],
)
def test_money_takes_only_values_with_meaning(amount: Any, code: str) -> None:
    with pytest.raises(InputError) as exc:
        pp.Money(amount)
    assert exc.value.code == code


def test_money_below_the_limit_and_negative_differences_are_kept() -> None:
    assert pp.Money(10**14 - 1).fen == (10**14 - 1) * 100
    assert pp.Money("-5").fen == -500


def test_float_of_money_points_to_amount() -> None:
    with pytest.raises(TypeError, match=r"money\.amount"):
        float(pp.Money("1.50"))
    assert pp.Money("1.50").amount == __import__("decimal").Decimal("1.50")
