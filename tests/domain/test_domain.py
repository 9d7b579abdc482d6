"""Domain objects: validation with InputError, and exact JSON round-trips."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import InputError


def person(pid: str = "P1", **kw: Any) -> pp.Person:
    return pp.Person(id=pid, birth_date=kw.pop("birth_date", dt.date(1980, 1, 1)), **kw)


def test_household_head_and_members() -> None:
    h = pp.Household(id="H1", members=[person("P1"), person("P2")], head_id="P2")
    assert h.head.id == "P2"
    assert h.size == 2
    assert isinstance(h.members, tuple)
    assert pp.Household(id="H2", members=[person("A")]).head.id == "A"


@pytest.mark.parametrize(
    ("build", "obj", "field"),
    [
        (lambda: pp.Household(id="H1", members=[]), "Household", "members"),
        (lambda: person(birth_date="1980-02-30"), "Person", "birth_date"),
        (lambda: person(hukou="城镇"), "Person", "hukou"),
        (lambda: pp.Entrance(id="E1", households=-1), "Entrance", "households"),
        (lambda: pp.Household(id="H1", members=[person("A"), person("A")]), "Household", "members"),
        (lambda: pp.Household(id="H1", members=[person("A")], head_id="B"), "Household", "head_id"),
        (lambda: person(birth_date="1 Jan 1980"), "Person", "birth_date"),
        (lambda: pp.Person(id="", birth_date=dt.date(1980, 1, 1)), "Person", "id"),
        (lambda: person(registered_locally=1), "Person", "registered_locally"),
        (
            lambda: pp.Parcel(id="X", area=pp.Area.mu(0), land_type=pp.LandType.CULTIVATED),
            "Parcel",
            "area",
        ),
        (
            lambda: pp.ResettlementSite(
                id="S",
                location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
                buildings=[],
                population=-5,
            ),
            "ResettlementSite",
            "population",
        ),
    ],
)
def test_bad_input_names_object_field_value_and_expectation(
    build: Any, obj: str, field: str
) -> None:
    with pytest.raises(InputError) as exc:
        build()
    err = exc.value
    assert (err.obj, err.field) == (obj, field)
    assert err.expected
    assert obj in str(err)
    assert field in str(err)


def test_age_on_handles_29_february() -> None:
    p = person(birth_date=dt.date(2000, 2, 29))
    assert p.age_on(dt.date(2016, 2, 28)) == 15
    assert p.age_on(dt.date(2016, 2, 29)) == 16
    # Month-end rule (Civil Code art. 203, as relativedelta does): 28 Feb in a common year.
    assert p.age_on(dt.date(2017, 2, 27)) == 16
    assert p.age_on(dt.date(2017, 2, 28)) == 17
    with pytest.raises(InputError):
        p.age_on(dt.date(1999, 1, 1))


def _site() -> pp.ResettlementSite:
    return pp.ResettlementSite(
        id="S1",
        location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        buildings=[
            pp.Building(id="B1", entrances=[pp.Entrance(id="B1-1", households=30)]),
            pp.Building(
                id="B2",
                entrances=[
                    pp.Entrance(id="B2-1", households=20),
                    pp.Entrance(id="B2-2", households=25),
                ],
            ),
        ],
        population=300,
        party_members=4,
    )


def test_site_totals_in_street_order() -> None:
    site = _site()
    assert site.households == 75
    assert [e.id for e in site.entrances] == ["B1-1", "B2-1", "B2-2"]


def test_entrance_ids_unique_across_site() -> None:
    with pytest.raises(InputError, match="entrance ids"):
        pp.ResettlementSite(
            id="S",
            location=pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA,
            buildings=[
                pp.Building(id="B1", entrances=[pp.Entrance(id="E", households=1)]),
                pp.Building(id="B2", entrances=[pp.Entrance(id="E", households=1)]),
            ],
            population=2,
        )


def _examples() -> list[pp.domain.DomainObject]:
    h = pp.Household(
        id="H1",
        members=[
            person(
                "P1", hukou=pp.HukouType.AGRICULTURAL, sex=pp.Sex.FEMALE, registered_locally=True
            ),
            person("P2", labour_capacity=pp.LabourCapacity.PARTIAL, pension_insured=True),
        ],
        relocation_applied_on=dt.date(2011, 3, 1),
        card_class=pp.CardClass.RED,
        annual_net_income=pp.Money("4321.09"),
    )
    return [
        h,
        _site(),
        pp.Parcel(id="X", area=pp.Area.mu(1).to("m2"), land_type=pp.LandType.CULTIVATED),
        pp.MonitoringCase(
            household=h,
            assessed_on=dt.date(2021, 5, 1),
            per_capita_disposable_income=pp.Money("5100"),
            risk_factors={pp.RiskFactor.DISASTER, pp.RiskFactor.SCHOOLING},
            unmet_needs={pp.BasicNeed.SAFE_HOUSING},
        ),
        pp.BuildProgress(
            foundation_accepted_on=dt.date(2011, 6, 1), paid=[pp.Milestone.FOUNDATION]
        ),
    ]


@pytest.mark.parametrize("obj", _examples(), ids=lambda o: type(o).__name__)
def test_json_round_trip_is_exact(obj: pp.domain.DomainObject) -> None:
    data = obj.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    again = type(obj).from_dict(json.loads(text))
    assert again == obj
    assert again.to_dict() == data


@pytest.mark.parametrize(
    ("data", "path_part", "field"),
    [
        (
            {"id": "H1", "members": [{"id": "P1", "birth_date": "1980-13-01"}]},
            "members[0]",
            "birth_date",
        ),
        (
            {"id": "H1", "members": [{"id": "P1", "birth_date": "1980-01-01", "hukou": "city"}]},
            "members[0]",
            "hukou",
        ),
        (
            {"id": "H1", "members": [{"id": "P1", "birth_date": "1980-01-01", "age": 3}]},
            "members[0]",
            "age",
        ),
        (
            {
                "id": "H1",
                "members": [{"id": "P1", "birth_date": "1980-01-01"}],
                "annual_net_income": 1.5,
            },
            "Household",
            "annual_net_income",
        ),
        ({"id": "H1", "members": [{"id": 7, "birth_date": "1980-01-01"}]}, "members[0]", "id"),
        ({"id": "H1", "members": []}, "Household", "members"),
        ({"id": "H1"}, "Household", "members"),
    ],
)
def test_from_dict_errors_name_the_path(data: dict[str, Any], path_part: str, field: str) -> None:
    with pytest.raises(InputError) as exc:
        pp.Household.from_dict(data)
    assert path_part in exc.value.obj
    assert exc.value.field == field


def test_from_dict_does_not_coerce() -> None:
    with pytest.raises(InputError):
        pp.Entrance.from_dict({"id": "E", "households": "12"})
    with pytest.raises(InputError):
        pp.Entrance.from_dict({"id": "E", "households": True})
    with pytest.raises(InputError):
        pp.Household.from_dict([])  # type: ignore[arg-type]


@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=8),
    st.integers(min_value=0, max_value=10**5),
)
def test_site_round_trip_property(counts: list[int], population: int) -> None:
    site = pp.ResettlementSite(
        id="S",
        location=pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA,
        buildings=[
            pp.Building(
                id="B",
                entrances=[pp.Entrance(id=f"E{i}", households=c) for i, c in enumerate(counts)],
            )
        ],
        population=population,
    )
    assert pp.ResettlementSite.from_dict(site.to_dict()) == site


@pytest.mark.parametrize(
    ("cls", "field"),
    [
        ("Household", "dibao"),
        ("Household", "extreme_poverty_support"),
        ("Household", "registered_poor"),
        ("Person", "pension_insured"),
    ],
)
def test_facts_not_given_are_not_recorded_never_no(cls: str, field: str) -> None:
    member = pp.Person(id="P1", birth_date=dt.date(1970, 1, 1))
    obj: object = member if cls == "Person" else pp.Household(id="H1", members=[member])
    assert getattr(obj, field) is None
    with pytest.raises(pp.InputError) as exc:
        attrs.evolve(obj, **{field: 1})
    assert exc.value.field == field
    assert getattr(attrs.evolve(obj, **{field: False}), field) is False
