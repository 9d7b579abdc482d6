"""LAND-8, LAND-10, LAND-11, LAND-13 step by step: per branch the rule ID, message key, inputs,
parameters, notes and citation; every refusal compared whole."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Area
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.land import (
    PlaceStatus,
    allocate_places,
    entry_check,
    place_validity,
    quota_by_land,
    reallocate_places,
)
from povertypolicy.rules.land._base import (
    _CITE_002_ENTRY,
    _CITE_002_QUOTA,
    _CITE_002_WAIVE_RULE,
    _CITE_002_WAIVED,
)

from .test_land_places import APPROVED, PACK, person, rounding_policy, village

W = NoteKind.WARNING
CONVENTION = NoteKind.CONVENTION


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=dt.date(2020, 7, 1))


# -- LAND-8 -------------------------------------------------------------------------------------


def test_LAND_8_steps(policy: pp.Policy) -> None:
    r = quota_by_land(village("40", construction="5"), policy)
    rounding = policy.param("land.places_rounding")
    min_age = policy.param("land.place_min_age")
    assert r.steps == (
        Step(
            rule="LAND-8",
            key="land.quota",
            inputs={
                "min_age": min_age.integer,
                "area": Area.mu("40"),
                "village_land": Area.mu("1200"),
                "population": 900,
                "per_person": Area.mu(Fraction(4, 3)),
                "unrounded": Fraction(30),
                "rounded": 30,
            },
            params=(rounding, min_age),
            notes=(
                Note(kind=CONVENTION, key="land.note.rounding_not_in_text"),
                Note(kind=W, key="land.note.land_left_out", args={"area": Area.mu("5")}),
            ),
            citation=_CITE_002_QUOTA,
        ),
        Step(
            rule="LAND-8",
            key="land.quota_cap",
            inputs={
                "min_age": min_age.integer,
                "population": 900,
                "insured": 100,
                "cap": 800,
                "capped": False,
                "places": 30,
            },
            citation=_CITE_002_QUOTA,
        ),
    )


def test_LAND_8_capped_and_no_land_left_out(policy: pp.Policy) -> None:
    r = quota_by_land(village("40", insured=880), policy)
    assert (r.value.rounded, r.value.cap, r.value.places) == (30, 20, 20)
    assert r.steps[1].inputs["capped"] is True
    assert r.steps[1].inputs["places"] == 20
    assert [n.key for n in r.steps[0].notes] == ["land.note.rounding_not_in_text"]
    exact = quota_by_land(village("40", insured=870), policy)
    assert exact.steps[1].inputs["capped"] is False  # the cap reached exactly is not capped


def test_LAND_8_no_population_shows_the_village_land_per_person(policy: pp.Policy) -> None:
    r = quota_by_land(village("40", population=0, insured=0), policy)
    assert r.steps[0].inputs["per_person"] == Area.mu("1200")
    assert r.value.places == 0


@pytest.mark.parametrize(
    ("how", "taken", "expected"),
    [
        ("down", "40.5", 30),
        ("up", "40.5", 31),
        ("up", "40", 30),  # a whole number is not rounded up
        ("half_up", "40.6", 30),  # 30.45
        ("half_up", "40.7", 31),  # 30.525
    ],
)
def test_LAND_8_rounding_modes(tmp_path: Path, how: str, taken: str, expected: int) -> None:
    r = quota_by_land(village(taken), rounding_policy(tmp_path, how))
    assert r.value.rounded == expected
    assert r.steps[0].inputs["rounded"] == expected


@pytest.mark.parametrize("field", ["village_land", "population_16_plus", "already_insured"])
def test_LAND_8_a_missing_figure_is_refused_whole(policy: pp.Policy, field: str) -> None:
    import attrs

    exp = attrs.evolve(village("40"), **{field: None})
    with pytest.raises(pp.InputError) as exc:
        quota_by_land(exp, policy)
    e = exc.value
    assert (e.obj, e.field, e.value) == ("Expropriation", field, None)
    assert e.expected == (
        "a value: quota by land (LAND-8, 台政办函〔2019〕47号 §三(二)) needs the village's land, "
        "its agricultural population of insurable age and the number already insured"
    )


# -- LAND-10 ------------------------------------------------------------------------------------


def three_households() -> pp.Expropriation:
    parcels = [
        pp.Parcel(id=f"p{i}", area=Area.mu(a), land_type=pp.LandType.CULTIVATED, contracted_by=h)
        for i, (h, a) in enumerate((("H1", "20"), ("H2", "12"), ("H3", "8")))
    ]
    members = {"H1": 30, "H2": 8, "H3": 3}
    return pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=parcels,
        households=[
            pp.Household(id=h, members=[person(f"{h}-{i}") for i in range(n)])
            for h, n in members.items()
        ],
    )


def test_LAND_10_steps(policy: pp.Policy) -> None:
    a = allocate_places(three_households(), 30, policy).value
    assert [h.places for h in a.households] == [19, 8, 3]
    r = reallocate_places(a, {"H1": 2, "H2": 1}, adjustment_places=1)
    v = r.value
    # H1 keeps 11 members without a place (30 - 19 - 2 waived); H2 and H3 have none left
    assert [(h.places, h.waived, h.added) for h in v.households] == [(21, 2, 4), (7, 1, 0),
                                                                     (3, 0, 0)]  # fmt: skip
    assert v.unallocated == 0
    assert v.quota == 30
    assert r.steps == (
        Step(
            rule="LAND-10",
            key="land.reallocation",
            inputs={
                "waived": 3,
                "unallocated": 0,
                "adjustment": 1,
                "pool": 4,
                "households": 1,
                "placed": 4,
                "left": 0,
            },
            notes=(
                Note(kind=W, key="land.note.five_two_procedure"),
                Note(kind=CONVENTION, key="land.note.largest_remainder"),
            ),
            citation=_CITE_002_WAIVED,
        ),
    )


def test_LAND_10_nobody_to_take_a_place_leaves_it(policy: pp.Policy) -> None:
    a = allocate_places(three_households(), 30, policy).value
    r = reallocate_places(a, {"H3": 1})
    assert r.value.unallocated == 0  # H1 has members left: it takes it
    assert r.value.places_of("H1") == 20
    full = allocate_places(three_households(), 41, policy).value  # everyone has a place
    again = reallocate_places(full, {"H3": 1}, adjustment_places=2)
    assert again.value.unallocated == 3
    assert again.steps[0].inputs["households"] == 0
    assert again.steps[0].inputs["left"] == 3
    assert [h.took_remainder for h in again.value.households] == [False, False, False]
    nothing = reallocate_places(full, {})
    assert nothing.steps[0].inputs["pool"] == 0


def test_LAND_10_refusals_compared_whole(policy: pp.Policy) -> None:
    a = allocate_places(three_households(), 30, policy).value

    def refused(*args: Any, **kw: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(pp.InputError) as exc:
            reallocate_places(*args, **kw)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    count = "a whole number >= 0"
    for bad in (-1, True, 1.0):
        assert refused(a, {}, adjustment_places=bad) == (
            "reallocate_places",
            "adjustment_places",
            bad,
            count,
        )
    assert refused(a, [("H1", 1)]) == (
        "reallocate_places",
        "waived",
        [("H1", 1)],
        'a mapping of household id → places, e.g. {"H-1": 1}',
    )
    assert refused(a, {"H9": 1}) == ("reallocate_places", "waived", "H9", "a household id")
    for bad in (-1, 4, True):
        assert refused(a, {"H3": bad}) == (
            "reallocate_places",
            "waived['H3']",
            bad,
            "a whole number from 0 to the household's places (3)",
        )
    assert reallocate_places(a, {"H3": 3}).value.places_of("H3") == 0  # all its places: allowed


# -- LAND-11 ------------------------------------------------------------------------------------

ISSUED = dt.date(2020, 2, 29)
EXPIRES = dt.date(2021, 2, 28)


@pytest.mark.parametrize(
    ("kw", "status", "deadline", "good"),
    [
        ({"as_of": EXPIRES}, PlaceStatus.PENDING, EXPIRES, False),
        ({"as_of": dt.date(2021, 3, 1)}, PlaceStatus.DEEMED_WAIVED, EXPIRES, False),
        ({"as_of": dt.date(2021, 3, 1), "good_reason": True}, PlaceStatus.LAPSED, EXPIRES, False),
        ({"as_of": dt.date(2021, 3, 1), "enrolled_on": EXPIRES}, PlaceStatus.ENROLLED, EXPIRES,
         False),
        ({"as_of": dt.date(2021, 3, 1), "enrolled_on": dt.date(2021, 3, 1)},
         PlaceStatus.DEEMED_WAIVED, EXPIRES, False),
        # a local deadline before the year's end: after it, only a good reason keeps the place
        ({"as_of": dt.date(2020, 9, 1), "deadline": dt.date(2020, 8, 31)},
         PlaceStatus.DEEMED_WAIVED, dt.date(2020, 8, 31), False),
        ({"as_of": dt.date(2020, 9, 1), "deadline": dt.date(2020, 8, 31), "good_reason": True},
         PlaceStatus.PENDING, dt.date(2020, 8, 31), True),
        ({"as_of": dt.date(2020, 9, 1), "deadline": dt.date(2020, 8, 31),
          "enrolled_on": dt.date(2020, 9, 1), "good_reason": True},
         PlaceStatus.ENROLLED, dt.date(2020, 8, 31), True),
        ({"as_of": dt.date(2020, 9, 1), "deadline": dt.date(2020, 8, 31),
          "enrolled_on": dt.date(2020, 8, 31)}, PlaceStatus.ENROLLED, dt.date(2020, 8, 31), False),
        # a local deadline after the year's end is capped by it
        ({"as_of": dt.date(2021, 3, 1), "deadline": dt.date(2021, 6, 1)},
         PlaceStatus.DEEMED_WAIVED, EXPIRES, False),
        ({"as_of": EXPIRES, "deadline": EXPIRES}, PlaceStatus.PENDING, EXPIRES, False),
    ],
)  # fmt: skip
def test_LAND_11_steps(
    policy: pp.Policy, kw: dict[str, Any], status: PlaceStatus, deadline: dt.date, good: bool
) -> None:
    r = place_validity(ISSUED, policy, **kw)
    assert r.value == pp.rules.land.PlaceValidity(
        issued_on=ISSUED, expires_on=EXPIRES, deadline=deadline, status=status
    )
    notes = [Note(kind=CONVENTION, key="land.note.period_counting")]
    if good:
        notes.append(Note(kind=W, key="land.note.good_reason"))
    assert r.steps == (
        Step(
            rule="LAND-11",
            key="land.place_validity",
            inputs={
                "issued_on": ISSUED,
                "expires_on": EXPIRES,
                "deadline": deadline,
                "as_of": kw["as_of"],
                "status": status,
            },
            params=(policy.param("land.place_validity_years"),),
            notes=tuple(notes),
            citation=_CITE_002_WAIVE_RULE,
        ),
    )


def test_LAND_11_refusals_compared_whole(policy: pp.Policy) -> None:
    def refused(*args: Any, **kw: Any) -> tuple[str, str, Any, str]:
        with pytest.raises(pp.InputError) as exc:
            place_validity(*args, **kw)
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    moment = dt.datetime(2020, 1, 1, 8, 0)
    assert refused(moment, policy, as_of=EXPIRES) == (
        "place_validity",
        "issued_on",
        moment,
        "a datetime.date",
    )
    assert refused(ISSUED, policy, as_of="2021-01-01") == (
        "place_validity",
        "as_of",
        "2021-01-01",
        "a datetime.date",
    )
    assert refused(ISSUED, policy, as_of=EXPIRES, enrolled_on=dt.date(2020, 2, 28)) == (
        "place_validity",
        "enrolled_on",
        dt.date(2020, 2, 28),
        "on or after the issue date 2020-02-29",
    )
    assert place_validity(ISSUED, policy, as_of=EXPIRES, enrolled_on=ISSUED).value.status is (
        PlaceStatus.ENROLLED
    )


# -- LAND-13 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("enrol_on", "county", "construction_only", "admitted", "early"),
    [
        (APPROVED, False, False, True, False),
        (APPROVED - dt.timedelta(1), False, False, False, True),
        (APPROVED - dt.timedelta(1), True, False, True, True),
        (APPROVED, False, True, False, False),
        (APPROVED - dt.timedelta(1), True, True, False, True),
    ],
)
def test_LAND_13_steps(
    enrol_on: dt.date, county: bool, construction_only: bool, admitted: bool, early: bool
) -> None:
    exp = village("40")
    if construction_only:
        import attrs

        exp = attrs.evolve(
            exp,
            parcels=[pp.Parcel(id="c", area=Area.mu("5"), land_type=pp.LandType.CONSTRUCTION)],
        )
    area = Area.mu("0") if construction_only else Area.mu("40")
    r = entry_check(exp, enrol_on, county_decision=county)
    assert r.value == pp.rules.land.EntryCheck(admitted=admitted, early=early, eligible_area=area)
    assert r.steps == (
        Step(
            rule="LAND-13",
            key="land.entry",
            inputs={
                "enrol_on": enrol_on,
                "approved_on": APPROVED,
                "area": area,
                "early": early,
                "county_decision": county,
                "admitted": admitted,
            },
            citation=_CITE_002_ENTRY,
        ),
    )


# -- LAND-9 -------------------------------------------------------------------------------------


def test_LAND_9_step_with_every_note(policy: pp.Policy) -> None:
    import attrs

    from povertypolicy.rules.land._base import _CITE_002_MATCH

    exp = three_households()
    h3 = pp.Household(id="H3", members=[person("H3-0", insured=True), person("H3-1", insured=None)])
    exp = attrs.evolve(exp, households=[*exp.households[:2], h3])
    r = allocate_places(exp, 50, policy)
    assert [(h.household, h.places) for h in r.value.households] == [("H1", 30), ("H2", 8),
                                                                       ("H3", 0)]  # fmt: skip
    assert r.value.unallocated == 12
    assert r.steps == (
        Step(
            rule="LAND-9",
            key="land.allocation",
            inputs={
                "quota": 50,
                "households": 3,
                "eligible": 38,
                "allocated": 38,
                "full": 2,
                "approved_on": APPROVED,
                "cutoff": dt.date(2004, 6, 30),
            },
            params=(policy.param("land.place_min_age"),),
            notes=(
                Note(kind=CONVENTION, key="land.note.largest_remainder"),
                Note(
                    kind=NoteKind.ROUNDING,
                    key="land.note.remainder_places",
                    args={"count": 0, "households": "—"},
                ),
                Note(kind=W, key="land.note.no_eligible", args={"count": 1, "households": "H3"}),
                Note(
                    kind=W,
                    key="land.note.insured_not_recorded",
                    args={"count": 1, "persons": "H3-1"},
                ),
                Note(kind=W, key="land.note.unallocated", args={"count": 12}),
            ),
            citation=_CITE_002_MATCH,
        ),
    )


def test_LAND_9_remainder_note_names_who_took_a_place(policy: pp.Policy) -> None:
    r = allocate_places(three_households(), 30, policy)
    took = [h.household for h in r.value.households if h.took_remainder]
    note = next(n for n in r.steps[0].notes if n.key == "land.note.remainder_places")
    assert note.args == {"count": len(took), "households": ", ".join(sorted(took)) or "—"}
    assert r.steps[0].inputs["full"] == 2  # H2 and H3 get all their members' places


@pytest.mark.parametrize("quota", [-1, True, 2.0, "3"])
def test_LAND_9_quota_must_be_a_whole_number(policy: pp.Policy, quota: Any) -> None:
    with pytest.raises(pp.InputError) as exc:
        allocate_places(three_households(), quota, policy)
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "allocate_places",
        "quota",
        quota,
        "a whole number >= 0",
    )
