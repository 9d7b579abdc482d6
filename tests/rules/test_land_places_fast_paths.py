"""allocate_places (LAND-9) built column by column gives what the plain per-household version
gives: the same HouseholdPlaces (each field), unallocated places and step. No timing here."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Area
from povertypolicy.rules.land import HouseholdPlaces, allocate_places
from povertypolicy.rules.land._base import _integer_weights
from povertypolicy.rules.land.places import (
    _capped_largest_remainder,
    _eligible_cutoff,
    _last_birth_date,
)

PACK = "zj-taizhou-expropriated-farmers-2019"
POLICY = pp.Policy.load(PACK, on=dt.date(2020, 7, 1))


def _reference(exp: pp.Expropriation, quota: int) -> tuple[tuple[HouseholdPlaces, ...], int]:
    """One household at a time, ages by Person.age_on, objects by HouseholdPlaces(...)."""
    _, years, _ = _eligible_cutoff(exp, POLICY)
    on = exp.approved_on
    areas: dict[str, Fraction] = {}
    for p in exp.parcels:
        if p.contracted_by is not None and p.land_type in {
            pp.LandType.CULTIVATED,
            pp.LandType.OTHER_AGRICULTURAL,
        }:
            areas[p.contracted_by] = areas.get(p.contracted_by, Fraction(0)) + p.area.square_metres
    households = [h for h in exp.households if h.id in areas]
    eligible = [
        tuple(
            m.id
            for m in h.members
            if m.pension_insured is False and m.birth_date <= on and m.age_on(on) >= years
        )
        for h in households
    ]
    ids = [h.id for h in households]
    places, shares, took, left = _capped_largest_remainder(
        quota, _integer_weights([areas[i] for i in ids]), [len(e) for e in eligible], ids
    )
    built = tuple(
        HouseholdPlaces(
            household=hid,
            area_m2=areas[hid],
            eligible=eligible[i],
            places=places[i],
            share=shares[i],
            took_remainder=i in took,
        )
        for i, hid in enumerate(ids)
    )
    return built, left


_births = st.one_of(
    st.dates(dt.date(1950, 1, 1), dt.date(2012, 12, 31)),
    st.sampled_from(
        [
            dt.date(y, 2, d)
            for y in (2000, 2003, 2004, 2008)
            for d in (28, 29)
            if d == 28 or y % 4 == 0
        ]
    ),
)
_person = st.tuples(_births, st.sampled_from([False, False, True, None]))
_household = st.lists(_person, min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_household, min_size=0, max_size=8),  # no household at all, too
    st.lists(
        st.tuples(
            st.integers(0, 9),  # household index (beyond the list: not contracted)
            st.sampled_from(["1", "0.5", "2.25", "1/3", "7"]),
            st.sampled_from(list(pp.LandType)),
        ),
        min_size=1,
        max_size=14,
    ),
    st.sampled_from(
        [
            dt.date(2019, 2, 28),
            dt.date(2020, 2, 29),
            dt.date(2021, 2, 28),
            dt.date(2020, 6, 30),
            dt.date(2024, 3, 1),
        ]
    ),
    st.integers(0, 25),
)
def test_allocate_places_matches_the_plain_version(
    people: list[list[tuple[dt.date, bool | None]]],
    lots: list[tuple[int, str, pp.LandType]],
    approved: dt.date,
    quota: int,
) -> None:
    hh = [
        pp.Household(
            id=f"H{i}",
            members=[
                pp.Person(id=f"H{i}-{j}", birth_date=born, pension_insured=insured)
                for j, (born, insured) in enumerate(members)
            ],
        )
        for i, members in enumerate(people)
    ]
    parcels = [
        pp.Parcel(
            id=f"P{k}",
            area=Area.mu(size),
            land_type=kind,
            contracted_by=f"H{h}" if h < len(hh) else None,
        )
        for k, (h, size, kind) in enumerate(lots)
    ]
    exp = pp.Expropriation(
        collective="V1",
        approved_on=approved,
        parcels=parcels,
        households=hh,
        village_land=Area.mu("900"),
        population_16_plus=1000,
        already_insured=10,
    )
    result = allocate_places(exp, quota, POLICY)
    households, left = _reference(exp, quota)
    assert result.value.households == households
    for got, want in zip(result.value.households, households, strict=True):
        assert attrs.asdict(got) == attrs.asdict(want)
        assert type(got.area_m2) is Fraction
        assert got.unrounded == want.unrounded
    assert result.value.unallocated == left


def test_last_birth_date_is_person_age_on_for_every_birth_near_the_cutoff() -> None:
    # Every approval date in 2019-2025 (29 February 2020 and 2024 included), minimum ages
    # 15-18; births from two days before to two days after the cutoff: old enough exactly when
    # born on or before _last_birth_date, as Person.age_on counts.
    start = dt.date(2019, 1, 1)
    for years in (15, 16, 17, 18):
        for day in range((dt.date(2025, 12, 31) - start).days + 1):
            on = start + dt.timedelta(days=day)
            cutoff = on - relativedelta(years=years)
            last = _last_birth_date(cutoff, years, on)
            for shift in range(-2, 3):
                born = cutoff + dt.timedelta(days=shift)
                person = pp.Person(id="P", birth_date=born)
                assert (born <= last) == (person.age_on(on) >= years), (on, years, born)
