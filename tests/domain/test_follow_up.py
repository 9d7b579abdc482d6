"""Relocated households, old houses, placements and reporting units: validation and JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

import povertypolicy as pp

D = dt.date


def _household() -> pp.RelocatedHousehold:
    return pp.RelocatedHousehold(
        id="H1",
        members=[
            pp.RelocatedMember(
                id="P1",
                labour_capacity=pp.LabourCapacity.FULL,
                wants_work=True,
                trainings=[D(2020, 5, 1)],
            ),
            pp.RelocatedMember(id="P2", trainings=None),
        ],
        settled_on=D(2020, 3, 15),
        dibao_granted_on=D(2020, 4, 1),
        old_house=pp.OldHouse(unsafe=True, demolished_on=D(2020, 4, 2), reclaimed_on=D(2020, 9, 1)),
    )


@pytest.mark.parametrize(
    "obj",
    [
        _household(),
        pp.Placement(person_id="P1", started_on=D(2020, 1, 15), ended_on=D(2020, 6, 1), local=True),
    ],
    ids=lambda o: type(o).__name__,
)
def test_json_round_trip_is_exact(obj: Any) -> None:
    data = obj.to_dict()
    again = type(obj).from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again == obj


def test_unrecorded_trainings_stay_unrecorded() -> None:
    h = _household()
    assert h.members[1].trainings is None
    assert pp.RelocatedMember(id="P3").trainings is None  # not recorded, not "none"
    assert pp.RelocatedMember(id="P4", trainings=()).trainings == ()
    assert h.size == 2


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: pp.RelocatedHousehold(id="H", members=[]), "members"),
        (
            lambda: pp.RelocatedHousehold(
                id="H", members=[pp.RelocatedMember(id="A"), pp.RelocatedMember(id="A")]
            ),
            "members",
        ),
        (lambda: pp.RelocatedMember(id="A", wants_work="yes"), "wants_work"),
        (lambda: pp.RelocatedMember(id="A", trainings=["2020-05-01"]), "trainings"),
        (lambda: pp.OldHouse(reclaimed_on=D(2020, 1, 1)), "reclaimed_on"),
        (
            lambda: pp.OldHouse(demolished_on=D(2020, 2, 1), reclaimed_on=D(2020, 1, 1)),
            "reclaimed_on",
        ),
        (
            lambda: pp.Placement(person_id="P", started_on=D(2020, 2, 1), ended_on=D(2020, 1, 1)),
            "ended_on",
        ),
        (lambda: pp.ReportingUnit(id="U", level="province"), "level"),
        (lambda: pp.ReportingUnit(id="U", level=pp.UnitLevel.TOWN, figures={"x": 1.5}), "figures"),
        (
            lambda: pp.ReportingUnit(id="U", level=pp.UnitLevel.TOWN, figures={"x": Decimal(-1)}),
            "figures",
        ),
    ],
)
def test_bad_input_names_the_field(build: Any, field: str) -> None:
    with pytest.raises(pp.InputError) as exc:
        build()
    assert exc.value.field == field


def test_reporting_unit_figures_are_read_only_and_compared_by_value() -> None:
    figures: dict[str, Any] = {
        "villagers": 10,
        "platform_staff": True,
        "house_floor_area": Decimal("80.5"),
    }
    unit = pp.ReportingUnit(id="U", level=pp.UnitLevel.TOWN, figures=figures)
    figures["villagers"] = 11
    assert unit.figure("villagers") == 10
    assert unit.figure("not_there") is None
    assert unit == pp.ReportingUnit(
        id="U", level=pp.UnitLevel.TOWN, figures={**figures, "villagers": 10}
    )
    with pytest.raises(TypeError):
        unit.figures["villagers"] = 12  # type: ignore[index]
