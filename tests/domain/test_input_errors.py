"""Domain objects: every refusal has its own code, its values, and its text in three locales.

Each case builds one bad object and checks the error with ``check_input_error``: the code,
the exact ``extra``, the object first in every locale, no English ``expected`` in the
message and no English words in the Chinese texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.domain import _validate as v
from povertypolicy.domain.convert import from_dict
from povertypolicy.domain.housing import Milestone
from povertypolicy.domain.id_number import IdProblem, check_character, upgrade_old_number
from povertypolicy.domain.indicators import require_unit
from povertypolicy.errors import InputError
from tests.error_texts import check_refused

D1, D2 = dt.date(2021, 3, 1), dt.date(2021, 6, 1)
BEIJING = "11010519491231002X"  # GB 11643—1999 附录A: a valid number, female, born 1949-12-31
EXCLUSION_CHOICES = ", ".join(f"Exclusion.{m.name}" for m in pp.Exclusion)


def _person(pid: str = "P1") -> pp.Person:
    return pp.Person(id=pid, birth_date=dt.date(1970, 1, 1))


def _household(hid: str = "H1", *members: str) -> pp.Household:
    return pp.Household(id=hid, members=[_person(m) for m in members or (f"{hid}a",)])


def _parcel(pid: str = "p1", **kw: Any) -> pp.Parcel:
    return pp.Parcel(id=pid, area=Area.mu("2"), land_type=pp.LandType.CULTIVATED, **kw)


def _expropriation(**kw: Any) -> pp.Expropriation:
    fields: dict[str, Any] = {
        "collective": "V1",
        "approved_on": dt.date(2019, 3, 1),
        "parcels": [_parcel(contracted_by="H1")],
        "households": [_household("H1")],
    }
    fields.update(kw)
    return pp.Expropriation(**fields)


def _applicant(**kw: Any) -> pp.Applicant:
    fields: dict[str, Any] = {"household": _household("H1", "P1", "P2"), "assessed_on": D1}
    fields.update(kw)
    return pp.Applicant(**fields)


def _unit(figures: Any) -> pp.ReportingUnit:
    return pp.ReportingUnit(id="T1", level="town", figures=figures)


@attrs.frozen(kw_only=True)
class _Fields:
    """Every shared field validator once, for the refusals no domain class reaches alone."""

    name: str = attrs.field(default="", validator=v.text)
    flag: bool = attrs.field(default=False, validator=v.boolean)
    count: int = attrs.field(default=0, validator=v.count)
    floors: int = attrs.field(default=1, validator=v.positive_count)
    cost: Money = attrs.field(default=Money("1"), validator=v.money)
    plot: Area = attrs.field(default=Area.mu("1"), validator=v.positive_area)
    yard: Area = attrs.field(default=Area.zero(), validator=v.area)
    days: tuple[dt.date, ...] = attrs.field(default=(), validator=v.items_of(dt.date))


@attrs.frozen(kw_only=True)
class _Rate:
    """A class with a Decimal field, for the JSON hook of Decimal."""

    rate: Decimal


def _site_with_twin_entrances() -> pp.ResettlementSite:
    return pp.ResettlementSite(
        id="s",
        location=pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA,
        population=100,
        buildings=[
            pp.Building(id="B1", entrances=[pp.Entrance(id="E1", households=3)]),
            pp.Building(id="B2", entrances=[pp.Entrance(id="E1", households=4)]),
        ],
    )


# name → (what raises, (obj, field, value), code, extra)
CASES: dict[str, tuple[Callable[[], object], tuple[str, str, Any], str, dict[str, Any]]] = {
    # _validate: the shared field validators
    "instance": (
        lambda: _applicant(household="H1"),
        ("Applicant", "household", "H1"),
        "core.error.instance",
        {"type": "Household"},
    ),
    "sequence": (
        lambda: pp.Household(id="H1", members="P1"),
        ("Household", "members", "P1"),
        "core.error.sequence",
        {"item": "Person"},
    ),
    "empty": (
        lambda: pp.Household(id="H1", members=[]),
        ("Household", "members", ()),
        "core.error.empty",
        {"item": "Person"},
    ),
    "set": (
        lambda: _applicant(exclusions="in_jail"),
        ("Applicant", "exclusions", "in_jail"),
        "core.error.set",
        {"item": "Exclusion"},
    ),
    "set_item": (
        lambda: _applicant(exclusions=["in_jail"]),
        ("Applicant", "exclusions", "in_jail"),
        "core.error.enum",
        {"choices": EXCLUSION_CHOICES},
    ),
    "text": (lambda: _Fields(name=3), ("_Fields", "name", 3), "core.error.text", {}),
    "boolean": (lambda: _Fields(flag=1), ("_Fields", "flag", 1), "core.error.boolean", {}),
    "count": (lambda: _Fields(count=-1), ("_Fields", "count", -1), "core.error.count", {}),
    "positive_count": (
        lambda: _Fields(floors=0),
        ("_Fields", "floors", 0),
        "core.error.positive_count",
        {},
    ),
    "money": (lambda: _Fields(cost="1"), ("_Fields", "cost", "1"), "core.error.money", {}),
    "money_negative": (
        lambda: _Fields(cost=Money("-1")),
        ("_Fields", "cost", Money("-1")),
        "core.error.money_negative",
        {},
    ),
    "area_type": (lambda: _Fields(yard="1 mu"), ("_Fields", "yard", "1 mu"), "core.error.area", {}),
    "area_positive": (
        lambda: _Fields(plot=Area.zero()),
        ("_Fields", "plot", Area.zero()),
        "core.error.area_positive",
        {},
    ),
    "item": (
        lambda: _Fields(days=("2021-03-01",)),
        ("_Fields", "days", "2021-03-01"),
        "core.error.item",
        {"item": "date"},
    ),
    "identifier": (
        lambda: _person(" "),
        ("Person", "id", " "),
        "core.error.identifier",
        {},
    ),
    "member_of": (
        lambda: pp.Person(id="P1", birth_date=D1, sex="m"),
        ("Person", "sex", "m"),
        "core.error.enum",
        {"choices": "Sex.MALE, Sex.FEMALE"},
    ),
    "member_twice": (
        lambda: pp.Household(id="H1", members=[_person("P1"), _person("P1")]),
        ("Household", "members", "P1"),
        "core.error.unique",
        {},
    ),
    # from_dict
    "required": (
        lambda: from_dict(pp.Person, {"id": "P1"}),
        ("Person", "birth_date", "(missing)"),
        "core.error.required",
        {},
    ),
    "unknown_key": (
        lambda: from_dict(pp.Person, {"id": "P1", "birth_date": "1970-01-01", "age": 3}),
        ("Person", "age", "(unknown key)"),
        "core.error.unknown_key",
        {},
    ),
    "json_money": (
        lambda: from_dict(pp.Household, {"id": "H1", "members": [], "annual_net_income": 1.5}),
        ("Household", "annual_net_income", 1.5),
        "core.error.money",
        {},
    ),
    "json_date": (
        lambda: from_dict(pp.Person, {"id": "P1", "birth_date": "1970-13-01"}),
        ("Person", "birth_date", "1970-13-01"),
        "core.error.date",
        {},
    ),
    "json_area_unit": (
        lambda: from_dict(
            pp.Parcel, {"id": "p1", "area": {"value": "1", "unit": "acre"}, "land_type": "unused"}
        ),
        ("Parcel", "area", {"value": "1", "unit": "acre"}),
        "core.error.area_unit",
        {},
    ),
    "json_enum": (
        lambda: from_dict(
            pp.Parcel, {"id": "p1", "area": {"value": "1", "unit": "mu"}, "land_type": "forest"}
        ),
        ("Parcel", "land_type", "forest"),
        "core.error.enum",
        {"choices": ", ".join(repr(m.value) for m in pp.LandType)},
    ),
    # units
    "area_negative": (
        lambda: Area.mu("-1"),
        ("Area", "value", "-1"),
        "core.error.area_negative",
        {},
    ),
    "area_finite": (
        lambda: Area.mu(Decimal("Infinity")),
        ("Area", "value", Decimal("Infinity")),
        "core.error.area_finite",
        {},
    ),
    "area_unit": (
        lambda: Area("1", "acre"),
        ("Area", "unit", "acre"),
        "core.error.area_unit",
        {},
    ),
    "area_unit_not_text": (
        lambda: Area("1", 5),  # type: ignore[arg-type]
        ("Area", "unit", 5),
        "core.error.area_unit",
        {},
    ),
    "area_to_unit": (
        lambda: Area.mu("1").to("acre"),
        ("Area.to", "unit", "acre"),
        "core.error.area_unit",
        {},
    ),
    "area_in_unit": (
        lambda: Area.mu("1").in_unit("英亩"),
        ("Area.in_unit", "unit", "英亩"),
        "core.error.area_unit",
        {},
    ),
    # from_dict
    "dict": (
        lambda: from_dict(pp.Household, ["H1"]),
        ("Household", "(root)", ["H1"]),
        "core.error.dict",
        {},
    ),
    "shape": (
        lambda: from_dict(pp.Household, {"id": "H1", "members": 3}),
        ("Household", "members", 3),
        "core.error.shape",
        {},
    ),
    "shape_item": (
        lambda: from_dict(pp.Household, {"id": "H1", "members": ["P1"]}),
        ("Household", "members[0]", "P1"),
        "core.error.shape",
        {},
    ),
    "decimal_type": (
        lambda: from_dict(_Rate, {"rate": 0.5}),
        ("_Rate", "rate", 0.5),
        "core.error.decimal",
        {},
    ),
    "decimal_text": (
        lambda: from_dict(_Rate, {"rate": "half"}),
        ("_Rate", "rate", "half"),
        "core.error.decimal",
        {},
    ),
    # follow_up
    "reclaim_not_demolished": (
        lambda: pp.OldHouse(reclaimed_on=D1),
        ("OldHouse", "reclaimed_on", D1),
        "core.error.reclaim_not_demolished",
        {"needs": "demolished_on"},
    ),
    "reclaim_before_demolition": (
        lambda: pp.OldHouse(demolished_on=D2, reclaimed_on=D1),
        ("OldHouse", "reclaimed_on", D1),
        "core.error.date_order",
        {"earlier": "demolished_on", "start": D2},
    ),
    "placement_ends_before_start": (
        lambda: pp.Placement(person_id="W1", started_on=D2, ended_on=D1),
        ("Placement", "ended_on", D1),
        "core.error.date_order",
        {"earlier": "started_on", "start": D2},
    ),
    # housing
    "cost_without_township": (
        lambda: pp.BuildProgress(demolished_by_township=False, demolition_cost=Money("800")),
        ("BuildProgress", "demolition_cost", Money("800")),
        "core.error.cost_without_township",
        {"flag": "demolished_by_township"},
    ),
    "demolition_date_missing": (
        lambda: pp.BuildProgress(demolished_by_township=True, demolition_cost=Money("800")),
        ("BuildProgress", "old_house_demolished_on", None),
        "core.error.demolition_date_missing",
        {"flag": "demolished_by_township"},
    ),
    "demolition_cost_missing": (
        lambda: pp.BuildProgress(demolished_by_township=True, old_house_demolished_on=D1),
        ("BuildProgress", "demolition_cost", None),
        "core.error.demolition_cost_missing",
        {"flag": "demolished_by_township"},
    ),
    "paid_twice": (
        lambda: pp.BuildProgress(
            paid=[Milestone.FOUNDATION, Milestone.FIRST_STOREY, Milestone.FOUNDATION]
        ),
        (
            "BuildProgress",
            "paid",
            (Milestone.FOUNDATION, Milestone.FIRST_STOREY, Milestone.FOUNDATION),
        ),
        "core.error.repeated",
        {"repeated": Milestone.FOUNDATION},
    ),
    # id_number
    "id_check_digit": (
        lambda: pp.Person.checked(
            id="P1", birth_date=dt.date(1949, 12, 31), id_number="110105194912310020"
        ),
        ("Person", "id_number", "110105194912310020"),
        "core.error.id_number",
        {"problems": (IdProblem.CHECK_DIGIT,)},
    ),
    "id_sex_and_birth": (
        lambda: pp.Person.checked(
            id="P1", birth_date=dt.date(1950, 1, 1), sex=pp.Sex.MALE, id_number=BEIJING
        ),
        ("Person", "id_number", BEIJING),
        "core.error.id_number",
        {"problems": (IdProblem.SEX_MISMATCH, IdProblem.BIRTH_MISMATCH)},
    ),
    "id_missing": (
        lambda: pp.Person.checked(id="P1", birth_date=dt.date(1949, 12, 31)),
        ("Person", "id_number", None),
        "core.error.id_number",
        {"problems": (IdProblem.MISSING,)},
    ),
    "id_old_form": (
        lambda: pp.Person.checked(
            id="P1", birth_date=dt.date(1949, 12, 31), id_number="110105491231002"
        ),
        ("Person", "id_number", "110105491231002"),
        "core.error.id_number",
        {"problems": (IdProblem.OLD_FORMAT,)},
    ),
    # indicators
    "figures": (
        lambda: _unit([1]),
        ("ReportingUnit", "figures", [1]),
        "core.error.figures",
        {},
    ),
    "figure_name": (
        lambda: _unit({"": 1}),
        ("ReportingUnit", "figures", ""),
        "core.error.figure_name",
        {},
    ),
    "figure_negative": (
        lambda: _unit({"surplus_labour": -1}),
        ("ReportingUnit", "figures", -1),
        "core.error.figure_negative",
        {"figure": "surplus_labour"},
    ),
    "figure_negative_decimal": (
        lambda: _unit({"coverage": Decimal("-0.5")}),
        ("ReportingUnit", "figures", Decimal("-0.5")),
        "core.error.figure_negative",
        {"figure": "coverage"},
    ),
    "figure_finite": (
        lambda: _unit({"coverage": Decimal("Infinity")}),
        ("ReportingUnit", "figures", Decimal("Infinity")),
        "core.error.figure_finite",
        {"figure": "coverage"},
    ),
    "figure_type": (
        lambda: _unit({"coverage": 0.5}),
        ("ReportingUnit", "figures", 0.5),
        "core.error.figure_type",
        {"figure": "coverage"},
    ),
    "require_unit": (
        lambda: require_unit("T1", "town"),
        ("rules.indicators", "town", "T1"),
        "core.error.instance",
        {"type": "ReportingUnit"},
    ),
    # land
    "money_positive": (
        lambda: pp.Attachment(
            id="a1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H1", amount=Money("0")
        ),
        ("Attachment", "amount", Money("0")),
        "core.error.money_positive",
        {},
    ),
    "parcel_collective": (
        lambda: _expropriation(parcels=[_parcel(collective="V2")]),
        ("Expropriation", "parcels", "p1: collective 'V2'"),
        "core.error.parcel_collective",
        {"parcel": "p1", "collective": "V2", "own": "V1"},
    ),
    "parcel_household": (
        lambda: _expropriation(parcels=[_parcel(contracted_by="H9")]),
        ("Expropriation", "parcels", "p1: contracted_by 'H9'"),
        "core.error.parcel_household",
        {"parcel": "p1", "household": "H9"},
    ),
    "attachment_parcel": (
        lambda: _expropriation(
            attachments=[
                pp.Attachment(
                    id="a1",
                    kind=pp.AttachmentKind.ATTACHMENT,
                    owner="H1",
                    amount=Money("99.99"),
                    parcel="p9",
                )
            ]
        ),
        ("Expropriation", "attachments", "a1: parcel 'p9'"),
        "core.error.attachment_parcel",
        {"attachment": "a1", "parcel": "p9"},
    ),
    "insured_over_population": (
        lambda: _expropriation(population_16_plus=12, already_insured=13),
        ("Expropriation", "already_insured", 13),
        "core.error.exceeds_field",
        {"other": "population_16_plus", "limit": 12},
    ),
    "unknown_household": (
        lambda: _expropriation().household("H9"),
        ("Expropriation", "households", "H9"),
        "core.error.unknown_household",
        {},
    ),
    "json": (
        lambda: pp.PaymentLedger.from_json('[{"payee": "H1",\n "amount": }]'),
        ("PaymentLedger", "(json)", '[{"payee": "H1",\n "amount": }]'),
        "core.error.json",
        {"format": "JSON", "line": 2, "column": 12},
    ),
    # person
    "head_not_a_member": (
        lambda: pp.Household(id="H1", members=[_person("P1"), _person("P2")], head_id="P3"),
        ("Household", "head_id", "P3"),
        "core.error.not_a_member",
        {"members": ("P1", "P2")},
    ),
    "member_not_found": (
        lambda: _household("H1", "P1", "P2").member("P3"),
        ("Household", "members", "P3"),
        "core.error.not_a_member",
        {"members": ("P1", "P2")},
    ),
    # registration
    "year": (
        lambda: _applicant(income_year="2013"),
        ("Applicant", "income_year", "2013"),
        "core.error.year",
        {},
    ),
    "main_labourer_not_a_member": (
        lambda: _applicant(main_labourer_id="P3"),
        ("Applicant", "main_labourer_id", "P3"),
        "core.error.not_a_member",
        {"members": ("P1", "P2")},
    ),
    # identity numbers
    "id_body": (
        lambda: check_character("1234567890123456X"),
        ("check_character", "body", "1234567890123456X"),
        "core.error.id_digits",
        {"count": 17},
    ),
    "id_old_number": (
        lambda: upgrade_old_number("4405241980"),
        ("upgrade_old_number", "old", "4405241980"),
        "core.error.id_digits",
        {"count": 15},
    ),
    # site
    "entrance_twice": (
        _site_with_twin_entrances,
        ("ResettlementSite", "buildings", "E1"),
        "core.error.unique",
        {},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_domain_refusal_has_its_own_code(name: str) -> None:
    check_refused(*CASES[name])


def test_id_number_problems_are_labelled_in_the_locale() -> None:
    with pytest.raises(InputError) as exc:
        pp.Person.checked(
            id="P1", birth_date=dt.date(1950, 1, 1), sex=pp.Sex.MALE, id_number=BEIJING
        )
    err = exc.value
    assert err.extra["problems"] == ("sex_mismatch", "birth_mismatch")  # the ID_PROBLEMS names
    assert "odd 17th digit for a man" in str(err)  # the English details, as before
    assert err.text("zh_Hans").endswith(
        "公民身份号码未通过校验：第17位与登记的性别不符（单数为男，双数为女）"
        "和第7至14位与登记的出生日期不符"
    )
    assert "第17位與登記的性別不符" in err.text("zh_Hant")
    assert err.text("en").endswith(
        "the 17th digit does not match the recorded sex (odd: male, even: female) and "
        "digits 7–14 do not match the recorded birth date"
    )


def test_dated_and_listed_values_are_shown_as_explanations_show_them() -> None:
    with pytest.raises(InputError) as dated:
        pp.Placement(person_id="W1", started_on=D2, ended_on=D1)
    assert dated.value.text("zh_Hans") == (
        "Placement.ended_on：收到 2021-03-01，日期不得早于 started_on（2021年6月1日）"
    )
    assert dated.value.text("en") == (
        "Placement.ended_on: got 2021-03-01; expected a date on or after started_on (June 1, 2021)"
    )
    with pytest.raises(InputError) as listed:
        _household("H1", "P1", "P2").member("P3")
    assert listed.value.text("zh_Hant") == (
        "Household.members：收到 'P3'，應為家庭成員的編號：P1和P2"
    )
    with pytest.raises(InputError) as twice:
        pp.BuildProgress(paid=[Milestone.FOUNDATION, Milestone.FOUNDATION])
    assert twice.value.text("en").startswith("BuildProgress.paid: ")
    assert "twice" in twice.value.text("en")


def test_a_from_dict_shape_error_names_the_path_and_the_value_there() -> None:
    data = {"id": "H1", "members": [{"id": "P1", "birth_date": "1970-01-01"}, 7]}
    with pytest.raises(InputError) as exc:
        from_dict(pp.Household, data)
    err = exc.value
    assert (err.obj, err.field, err.value, err.code) == (
        "Household",
        "members[1]",
        7,
        "core.error.shape",
    )
    assert "not iterable" in err.expected  # cattrs' own words stay the English expectation


@pytest.mark.parametrize("name", ["id_sex_and_birth", "placement_ends_before_start", "paid_twice"])
def test_an_input_error_pickles_with_its_code_and_values(name: str) -> None:
    import pickle

    make, _, code, extra = CASES[name]
    with pytest.raises(InputError) as exc:
        make()
    back = pickle.loads(pickle.dumps(exc.value))
    assert (back.code, back.extra, str(back)) == (code, extra, str(exc.value))
    assert back.text("zh_Hant") == exc.value.text("zh_Hant")
