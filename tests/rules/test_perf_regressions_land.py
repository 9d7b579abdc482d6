"""The faster land arithmetic gives exactly what the plain Fraction formulas give.

split_compensation (LAND-2 in integer ratios), the capped largest remainder behind
allocate_places and reallocate_places (grouped by weight and cap), HouseholdPlaces built without
attrs' __init__, and the exact helpers they use are checked against straightforward reference
versions. No timing here: speed lives in benchmarks/.
"""

from __future__ import annotations

import datetime as dt
import math
import pickle
import random
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy._exact import round_half_up, round_ratio, scale_to_integers
from povertypolicy.rules import land
from povertypolicy.rules.land import HouseholdPlaces

# -- exact helpers ---------------------------------------------------------------------------


def _round_half_up_reference(value: Fraction) -> int:
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole = magnitude.numerator // magnitude.denominator
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return sign * whole


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6), st.integers(1, 50))
def test_round_ratio_matches_fraction_rounding(n: int, d: int, k: int) -> None:
    expected = _round_half_up_reference(Fraction(n, d))
    assert round_ratio(n, d) == expected
    assert round_ratio(n * k, d * k) == expected  # unreduced ratios round the same
    assert round_half_up(Fraction(n, d)) == expected


@given(st.fractions(min_value=-(10**6), max_value=10**6), st.integers(-(10**9), 10**9))
def test_money_round_and_multiply_match_fraction_rounding(value: Fraction, fen: int) -> None:
    assert Money.round(value).fen == _round_half_up_reference(value * 100)
    assert (Money.from_fen(fen) * value).fen == _round_half_up_reference(fen * value)


def _scale_reference(weights: Sequence[int | Decimal | Fraction]) -> list[int] | None:
    exact: list[Fraction] = []
    for w in weights:
        if isinstance(w, bool) or not isinstance(w, int | Decimal | Fraction):
            return None
        if isinstance(w, Decimal) and not w.is_finite():
            return None
        f = Fraction(w)
        if f < 0:
            return None
        exact.append(f)
    denominator = math.lcm(*(f.denominator for f in exact)) if exact else 1
    ints = [f.numerator * (denominator // f.denominator) for f in exact]
    return ints if sum(ints) > 0 else None


_weights = st.lists(
    st.one_of(
        st.integers(-3, 10**6),
        st.fractions(min_value=-1, max_value=10**4, max_denominator=10**4),
        st.decimals(min_value=-1, max_value=10**4, places=3, allow_nan=False),
    ),
    min_size=1,
    max_size=12,
)


@given(_weights)
def test_scale_to_integers_matches_reference(weights: list[int | Decimal | Fraction]) -> None:
    assert scale_to_integers(weights) == _scale_reference(weights)


@given(
    st.integers(-(10**9), 10**9),
    st.lists(st.integers(0, 10**5), min_size=1, max_size=15).filter(lambda w: sum(w) > 0),
)
def test_allocate_with_remainder_matches_reference(fen: int, weights: list[int]) -> None:
    total = sum(weights)
    whole = abs(fen)
    floors = [whole * w // total for w in weights]
    remainders = [whole * w % total for w in weights]
    extra = sorted(
        sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[: whole - sum(floors)]
    )
    for i in extra:
        floors[i] += 1
    sign = -1 if fen < 0 else 1
    parts, took = Money.from_fen(fen).allocate_with_remainder(weights)
    assert [p.fen for p in parts] == [sign * f for f in floors]
    assert took == tuple(extra)


# -- the capped largest remainder (LAND-9, LAND-10) ------------------------------------------


def _capped_reference(
    quota: int, weights: Sequence[int], caps: Sequence[int], ids: Sequence[str]
) -> tuple[list[int], list[tuple[int, int]], set[int], int]:
    """The plain version: every household every round, remainders sorted as tuples."""
    n = len(weights)
    places = [0] * n
    shares = [(0, 1)] * n
    active = [i for i in range(n) if weights[i] > 0 and caps[i] > 0]
    left = quota
    while active and left > 0:
        total = sum(weights[i] for i in active)
        full = [i for i in active if left * weights[i] >= caps[i] * total]
        if not full:
            break
        for i in full:
            places[i] = caps[i]
            shares[i] = (left * weights[i], total)
        left -= sum(caps[i] for i in full)
        active = [i for i in active if i not in set(full)]
    took: set[int] = set()
    if active and left > 0:
        total = sum(weights[i] for i in active)
        rems: list[tuple[int, int, str, int]] = []
        given = 0
        for i in active:
            scaled = left * weights[i]
            q, r = divmod(scaled, total)
            places[i] = q
            shares[i] = (scaled, total)
            given += q
            rems.append((-r, -weights[i], ids[i], i))
        rems.sort()
        for _, _, _, i in rems[: left - given]:
            places[i] += 1
            took.add(i)
        left = 0
    return places, shares, took, max(left, 0)


@settings(max_examples=400)
@given(
    st.integers(0, 60),
    st.lists(
        st.tuples(st.sampled_from([0, 1, 2, 3, 5, 8, 13, 40, 41]), st.integers(0, 5)),
        min_size=0,
        max_size=40,
    ),
    st.randoms(use_true_random=False),
)
def test_capped_largest_remainder_matches_reference(
    quota: int, households: list[tuple[int, int]], rng: random.Random
) -> None:
    weights = [w for w, _ in households]
    caps = [c for _, c in households]
    ids = [f"H{i:03d}" for i in range(len(households))]
    rng.shuffle(ids)  # ties between equal weights go to the smaller id, not the earlier one
    got = land._capped_largest_remainder(quota, weights, caps, ids)
    assert got == _capped_reference(quota, weights, caps, ids)


# -- allocate_places / reallocate_places / split_compensation --------------------------------

APPROVED = dt.date(2019, 9, 1)


def _case(rng: random.Random, households: int) -> pp.Expropriation:
    hh = [
        pp.Household(
            id=f"H{i:04d}",
            members=[
                pp.Person(
                    id=f"H{i:04d}-{j}",
                    birth_date=rng.choice(
                        [
                            dt.date(
                                rng.randint(1940, 2012), rng.randint(1, 12), rng.randint(1, 28)
                            ),
                            dt.date(rng.choice([2000, 2003, 2004]), 2, 28),
                            dt.date(2004, 2, 29),
                        ]
                    ),
                    pension_insured=rng.random() < 0.2,
                )
                for j in range(rng.randint(1, 5))
            ],
        )
        for i in range(households)
    ]
    parcels = [
        pp.Parcel(
            id=f"P{k:04d}",
            area=rng.choice([Area.mu(f"{rng.randint(1, 30) / 10}"), Area.m2(rng.randint(50, 900))]),
            land_type=rng.choice(list(pp.LandType)),
            contracted_by=rng.choice([None, *(h.id for h in hh)]),
        )
        for k in range(households * 2)
    ]
    return pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=parcels,
        households=hh,
        per_capita_cultivated_before=Area.mu("0.9"),
        village_land=Area.mu("900"),
        population_16_plus=1000,
        already_insured=10,
    )


def test_household_places_fields_are_the_ones_set_directly() -> None:
    # allocate_places sets these slots itself (land._HOUSEHOLD_PLACES_FIELDS); a new field,
    # validator or converter on HouseholdPlaces must be added there too
    fields = attrs.fields(HouseholdPlaces)
    assert tuple(f.name for f in fields) == land._HOUSEHOLD_PLACES_FIELDS
    assert all(f.validator is None and f.converter is None for f in fields)
    assert not hasattr(HouseholdPlaces, "__attrs_post_init__")


@pytest.mark.parametrize("seed", range(6))
def test_allocate_places_builds_the_same_objects_as_attrs(seed: int) -> None:
    rng = random.Random(seed)
    exp = _case(rng, 60)
    policy = pp.Policy.load("zj-taizhou-expropriated-farmers-2019", on=APPROVED)
    for quota in (0, 1, 7, rng.randint(0, 150), 1000):
        allocation = land.allocate_places(exp, quota, policy).value
        for h in allocation.households:
            rebuilt = HouseholdPlaces(
                **{a.alias: getattr(h, a.name) for a in attrs.fields(type(h))}
            )
            assert h == rebuilt
            assert hash(h) == hash(rebuilt)
            assert repr(h) == repr(rebuilt)
            assert pickle.loads(pickle.dumps(h)) == h
            assert attrs.evolve(h, places=h.places) == h
        assert allocation.allocated + allocation.unallocated == quota or allocation.unallocated == 0
        waived = {h.household: 1 for h in allocation.households[::3] if h.places}
        again = land.reallocate_places(allocation, waived, adjustment_places=3).value
        assert sum(h.places for h in again.households) + again.unallocated >= 0


def _lc_rs_reference(
    exp: pp.Expropriation, policy: pp.Policy
) -> tuple[Money, Money, Fraction, Fraction, Fraction, Money, Money]:
    """LAND-2 by the annual output value, in plain Fractions (the law's formulas)."""
    area = exp.area
    mu = area.square_metres / Fraction(10_000, 15)
    aov = Fraction(policy.param("land.annual_output_value").money.fen, 100)
    lc = Fraction(policy.param("land.land_compensation_multiple").decimal)
    rs = Fraction(policy.param("land.resettlement_multiple").decimal)
    rs_cap_p = policy.param("land.resettlement_cap_multiple")
    all_cap_p = policy.param("land.combined_cap_multiple")
    output_value = aov * mu
    lc_exact = output_value * lc
    assert exp.per_capita_cultivated_before is not None
    persons = area / exp.per_capita_cultivated_before
    rs_exact = persons * rs * aov
    ratio = rs_exact / output_value
    if ratio > Fraction(rs_cap_p.decimal):  # the caps are upper bounds, "inclusive" in cn
        rs_exact = output_value * Fraction(rs_cap_p.decimal)
    combined = (lc_exact + rs_exact) / output_value
    if combined > Fraction(all_cap_p.decimal):
        rs_exact = output_value * Fraction(all_cap_p.decimal) - lc_exact
    return (
        Money.round(lc_exact),
        Money.round(rs_exact),
        persons,
        ratio,
        combined,
        Money.round(output_value * Fraction(rs_cap_p.decimal)),
        Money.round(output_value * Fraction(all_cap_p.decimal)),
    )


def _province(tmp_path: Path, aov: str, lc: str, rs: str, combined_cap: str | None) -> pp.Policy:
    cap = (
        '[parameters."land.combined_cap_multiple"]\nunit = "times"\nbound = "inclusive"\n'
        'citation = { document = "d", section = "5" }\n'
        f'values = [{{ from = 2015-01-01, until = 2019-12-31, value = "{combined_cap}" }}]\n'
        if combined_cap
        else ""
    )
    path = tmp_path / f"province-{len(list(tmp_path.iterdir()))}.toml"
    path.write_text(
        f'id = "p"\ntitle = "t"\nissuer = "i"\nparent = "cn"\n'
        'source = { document = "d", section = "s" }\n'
        '[parameters."land.annual_output_value"]\nunit = "yuan_per_mu"\n'
        'citation = { document = "d", section = "1" }\n'
        f'values = [{{ from = 2015-01-01, value = "{aov}" }}]\n'
        '[parameters."land.land_compensation_multiple"]\nunit = "times"\n'
        'citation = { document = "d", section = "2" }\n'
        f'values = [{{ from = 2015-01-01, value = "{lc}" }}]\n'
        '[parameters."land.resettlement_multiple"]\nunit = "times"\n'
        'citation = { document = "d", section = "2" }\n'
        f'values = [{{ from = 2015-01-01, value = "{rs}" }}]\n'
        '[parameters."land.household_share_of_land_compensation"]\nunit = "percent"\n'
        'citation = { document = "d", section = "3" }\n'
        'values = [{ from = 2015-01-01, value = "66.67" }]\n'
        '[parameters."land.resettlement_subsidy_payee"]\nunit = "choice"\n'
        'citation = { document = "d", section = "4" }\n'
        'values = [{ from = 2015-01-01, value = "households" }]\n' + cap,
        encoding="utf-8",
    )
    return pp.Policy.load(path, on=APPROVED)


@pytest.mark.parametrize(
    ("aov", "lc", "rs", "per_capita", "combined_cap"),
    [
        ("2000", "8", "5", "0.8", None),
        ("1777.77", "9.99", "4.25", "0.05", None),  # the resettlement cap cuts the subsidy
        ("0.01", "6", "6", "3.7", None),
        ("99999.99", "10", "6", "0.01", None),
        ("1234.56", "7.5", "5", "0.05", "12.5"),  # and the combined cap cuts it again
        ("1234.56", "7.5", "5", "0.3", "9"),
    ],
)
def test_land_2_amounts_match_the_fraction_formulas(
    tmp_path: Path, aov: str, lc: str, rs: str, per_capita: str, combined_cap: str | None
) -> None:
    policy = _province(tmp_path, aov, lc, rs, combined_cap)
    exp = attrs.evolve(
        _case(random.Random(aov), 8), per_capita_cultivated_before=Area.mu(per_capita)
    )
    land_fee, subsidy, persons, ratio, combined, cap, all_cap = _lc_rs_reference(exp, policy)
    result = land.split_compensation(exp, policy)
    c = result.value.compensation
    assert (c.land_compensation, c.resettlement_subsidy, c.persons_to_resettle) == (
        land_fee,
        subsidy,
        persons,
    )
    by_key = {s.key: s.inputs for s in result.steps}
    assert by_key["land.rs_cap"]["ratio"] == ratio
    assert by_key["land.rs_cap"]["cap"] == cap
    assert by_key["land.combined_cap"]["ratio"] == combined
    assert by_key["land.combined_cap"]["cap"] == all_cap
    assert result.value.total == c.total
    if combined_cap:
        assert c.combined_capped
