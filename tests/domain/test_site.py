"""Site domain additions: SITE-5/SITE-1/SITE-10 flags and the SITE-14 transfer situation."""

from __future__ import annotations

import json

import pytest

import povertypolicy as pp


def _site(**extra: object) -> pp.ResettlementSite:
    return pp.ResettlementSite(
        id="s",
        location=pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA,
        population=100,
        buildings=[pp.Building(id="B", entrances=[pp.Entrance(id="E", households=30)])],
        **extra,  # type: ignore[arg-type]
    )


def test_SITE_5_site_flags_default_to_not_recorded() -> None:
    site = _site()
    assert site.secretary_is_director is None
    assert site.existing_community is None
    assert site.owners_conditions_mature is None


@pytest.mark.parametrize(
    "field", ["secretary_is_director", "existing_community", "owners_conditions_mature"]
)
def test_SITE_5_site_flags_must_be_bools(field: str) -> None:
    with pytest.raises(pp.InputError) as exc:
        _site(**{field: 1})
    assert exc.value.field == field


def test_SITE_5_site_round_trips_with_flags() -> None:
    site = _site(secretary_is_director=True, owners_conditions_mature=True)
    data = json.loads(json.dumps(site.to_dict()))
    assert data["secretary_is_director"] is True
    assert pp.ResettlementSite.from_dict(data) == site


def test_SITE_14_transfer_situation_round_trip() -> None:
    situation = pp.TransferSituation(
        person_id="p1",
        scope=pp.MoveScope.ACROSS_COUNTIES,
        registration_moved=True,
        pension=pp.PensionStatus.CONTRIBUTING,
        medically_insured=False,
        residence_permit=True,
        hukou=pp.HukouType.NON_AGRICULTURAL,
    )
    data = json.loads(json.dumps(situation.to_dict()))
    assert data["scope"] == "across_counties"
    assert pp.TransferSituation.from_dict(data) == situation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("scope", "across_counties"),
        ("registration_moved", "yes"),
        ("pension", "drawing"),
        ("medically_insured", 0),
        ("person_id", ""),
    ],
)
def test_SITE_14_transfer_situation_rejects_loose_values(field: str, value: object) -> None:
    fields: dict[str, object] = {
        "person_id": "p1",
        "scope": pp.MoveScope.WITHIN_COUNTY,
        "registration_moved": False,
        "pension": pp.PensionStatus.DRAWING,
        "medically_insured": True,
    }
    fields[field] = value
    with pytest.raises(pp.InputError) as exc:
        pp.TransferSituation(**fields)  # type: ignore[arg-type]
    assert exc.value.field == field


def test_SITE_14_from_dict_names_the_bad_field() -> None:
    with pytest.raises(pp.InputError) as exc:
        pp.TransferSituation.from_dict(
            {
                "person_id": "p1",
                "scope": "sideways",
                "registration_moved": False,
                "pension": "drawing",
                "medically_insured": True,
            }
        )
    assert exc.value.field == "scope"
