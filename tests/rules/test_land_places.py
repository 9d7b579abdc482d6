"""LAND-8..LAND-11, LAND-13: quota by land, person–land allocation, waived places, validity."""

from __future__ import annotations

import datetime as dt
import uuid
from fractions import Fraction
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import Area
from povertypolicy.rules.land import (
    PlaceStatus,
    allocate_places,
    entry_check,
    place_validity,
    quota_by_land,
    reallocate_places,
)

PACK = "zj-taizhou-expropriated-farmers-2019"
APPROVED = dt.date(2020, 6, 30)


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=dt.date(2020, 7, 1))


def rounding_policy(tmp_path: Path, how: str) -> pp.Policy:
    path = tmp_path / f"county-{uuid.uuid4().hex[:8]}.toml"
    path.write_text(
        f'id = "county-{uuid.uuid4().hex[:8]}"\ntitle = "某县"\nissuer = "某县人民政府"\n'
        f'parent = "{PACK}"\nsource = {{ document = "某县实施细则", section = "全文" }}\n'
        '[parameters."land.places_rounding"]\nunit = "choice"\n'
        'citation = { document = "某县实施细则", section = "第三条" }\n'
        f'values = [{{ from = 2019-08-09, value = "{how}" }}]\n',
        encoding="utf-8",
    )
    return pp.Policy.load(path, on=dt.date(2020, 7, 1))


def min_age_policy(tmp_path: Path, age: int) -> pp.Policy:
    path = tmp_path / f"county-{uuid.uuid4().hex[:8]}.toml"
    path.write_text(
        f'id = "county-{uuid.uuid4().hex[:8]}"\ntitle = "某县"\nissuer = "某县人民政府"\n'
        f'parent = "{PACK}"\nsource = {{ document = "某县实施细则", section = "全文" }}\n'
        '[parameters."land.place_min_age"]\nunit = "years"\nbound = "inclusive"\n'
        'citation = { document = "某县实施细则", section = "第四条" }\n'
        f"values = [{{ from = 2019-08-09, value = {age} }}]\n",
        encoding="utf-8",
    )
    return pp.Policy.load(path, on=dt.date(2020, 7, 1))


def person(
    pid: str, born: dt.date = dt.date(1970, 1, 1), insured: bool | None = False
) -> pp.Person:
    return pp.Person(id=pid, birth_date=born, pension_insured=insured)


def village(
    taken_mu: str = "40",
    *,
    village_land: str = "1200",
    population: int = 900,
    insured: int = 100,
    construction: str | None = None,
) -> pp.Expropriation:
    parcels = [
        pp.Parcel(
            id="p1", area=Area.mu(taken_mu), land_type=pp.LandType.CULTIVATED, contracted_by="H1"
        )
    ]
    if construction is not None:
        parcels.append(
            pp.Parcel(id="p2", area=Area.mu(construction), land_type=pp.LandType.CONSTRUCTION)
        )
    return pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=parcels,
        households=[pp.Household(id="H1", members=[person("H1a")])],
        village_land=Area.mu(village_land),
        population_16_plus=population,
        already_insured=insured,
    )


# -- LAND-8 ----------------------------------------------------------------------------------


def test_LAND_8_four_figures_worked_example(policy: pp.Policy) -> None:
    # 1,200 mu of village farmland, 900 people aged 16+ → 4/3 mu each; 40 mu taken → 30 places.
    r = quota_by_land(village("40"), policy)
    q = r.value
    assert q.unrounded == 30
    assert (q.rounded, q.cap, q.places, q.capped) == (30, 800, 30, False)
    step = r.steps[0]
    assert step.inputs["per_person"] == Area.mu(Fraction(4, 3))
    assert step.params[0].name == "land.places_rounding"
    assert r.rules == ("LAND-8",)


def test_LAND_8_rounds_down_just_below_an_integer(policy: pp.Policy) -> None:
    q = quota_by_land(village("39.99"), policy).value
    assert q.unrounded == Fraction("29.9925")
    assert q.places == 29


def test_LAND_8_rounds_down_just_above_an_integer(policy: pp.Policy) -> None:
    q = quota_by_land(village("40.01"), policy).value
    assert q.unrounded == Fraction("30.0075")
    assert q.places == 30


@pytest.mark.parametrize(
    ("how", "taken", "expected"),
    [
        ("half_up", "39.99", 30),
        ("half_up", "40.01", 30),
        ("half_up", "40.6666", 30),  # 30.49995
        ("half_up", "40.6667", 31),  # 30.500025
        ("up", "39.99", 30),
        ("up", "40", 30),
        ("up", "40.01", 31),
    ],
)
def test_LAND_8_rounding_is_a_pack_parameter(
    tmp_path: Path, how: str, taken: str, expected: int
) -> None:
    assert quota_by_land(village(taken), rounding_policy(tmp_path, how)).value.places == expected


def test_LAND_8_cap_at_the_uninsured_population(policy: pp.Policy) -> None:
    at_cap = quota_by_land(village("40", insured=870), policy).value
    assert (at_cap.cap, at_cap.places, at_cap.capped) == (30, 30, False)
    beyond = quota_by_land(village("40", insured=880), policy)
    assert (beyond.value.cap, beyond.value.places, beyond.value.capped) == (20, 20, True)
    assert beyond.steps[1].inputs["capped"] is True


def test_LAND_8_only_cultivated_and_other_agricultural_land_counts(policy: pp.Policy) -> None:
    r = quota_by_land(village("40", construction="10"), policy)
    assert r.value.places == 30
    assert r.value.expropriated_area == Area.mu("40")
    assert any(n.key == "land.note.land_left_out" for n in r.steps[0].notes)


def test_LAND_8_missing_figures_are_named() -> None:
    exp = pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=[pp.Parcel(id="p1", area=Area.mu("1"), land_type=pp.LandType.CULTIVATED)],
    )
    with pytest.raises(pp.InputError, match="village_land"):
        quota_by_land(exp, pp.Policy.load(PACK, on=APPROVED))


# -- LAND-9 ----------------------------------------------------------------------------------


def allocation_case(
    lands: dict[str, str], members: dict[str, list[pp.Person]], approved_on: dt.date = APPROVED
) -> pp.Expropriation:
    return pp.Expropriation(
        collective="V1",
        approved_on=approved_on,
        parcels=[
            pp.Parcel(
                id=f"p-{hid}",
                area=Area.mu(mu),
                land_type=pp.LandType.CULTIVATED,
                contracted_by=hid,
            )
            for hid, mu in lands.items()
        ],
        households=[pp.Household(id=hid, members=ms) for hid, ms in members.items()],
    )


def adults(hid: str, n: int) -> list[pp.Person]:
    return [person(f"{hid}-{i}") for i in range(n)]


def test_LAND_9_proportional_with_largest_remainder(policy: pp.Policy) -> None:
    exp = allocation_case(
        {"A": "5", "B": "3", "C": "2"},
        {"A": adults("A", 5), "B": adults("B", 5), "C": adults("C", 5)},
    )
    r = allocate_places(exp, 7, policy)
    a = r.value
    # shares 3.5, 2.1, 1.4 → floors 3, 2, 1 → the 1 left goes to A (remainder .5)
    assert [(h.household, h.places) for h in a.households] == [("A", 4), ("B", 2), ("C", 1)]
    assert a.allocated == 7
    assert a.unallocated == 0
    assert [h.unrounded for h in a.households] == [Fraction(7, 2), Fraction(21, 10), Fraction(7, 5)]
    assert [h.took_remainder for h in a.households] == [True, False, False]
    assert r.rules == ("LAND-9",)


def test_LAND_9_insurance_not_recorded_gives_no_place_and_says_so(policy: pp.Policy) -> None:
    members = [person("known"), person("unknown", insured=None)]
    r = allocate_places(allocation_case({"H": "10"}, {"H": members}), 5, policy)
    assert r.value.households[0].eligible == ("known",)
    assert r.value.households[0].places == 1
    notes = [n for s in r.steps for n in s.notes if n.key == "land.note.insured_not_recorded"]
    assert [(n.kind, n.args) for n in notes] == [
        (pp.NoteKind.WARNING, {"count": 1, "persons": "unknown"})
    ]
    assert "pension insurance is not recorded (1), given no place" in r.explain("en")
    assert "1人是否已参加养老保险未记录" in r.explain("zh_Hans")
    recorded = allocate_places(allocation_case({"H": "10"}, {"H": [person("known")]}), 5, policy)
    assert "land.note.insured_not_recorded" not in [n.key for s in recorded.steps for n in s.notes]


def test_LAND_9_ties_go_to_larger_area_then_household_id(policy: pp.Policy) -> None:
    # equal remainders (.5 each): larger area first
    exp = allocation_case({"A": "1", "B": "3"}, {"A": adults("A", 3), "B": adults("B", 3)})
    assert [h.places for h in allocate_places(exp, 2, policy).value.households] == [0, 2]
    exp = allocation_case({"B": "1", "A": "1"}, {"A": adults("A", 3), "B": adults("B", 3)})
    a = allocate_places(exp, 1, policy).value
    assert a.places_of("A") == 1
    assert a.places_of("B") == 0


def test_LAND_9_age_16_on_the_approval_date_and_not_insured(policy: pp.Policy) -> None:
    members = [
        person("turns16today", APPROVED - relativedelta(years=16)),
        person("turns16tomorrow", APPROVED - relativedelta(years=16) + dt.timedelta(days=1)),
        person("insured", dt.date(1960, 1, 1), insured=True),
        person("adult", dt.date(1980, 1, 1)),
    ]
    a = allocate_places(allocation_case({"H": "10"}, {"H": members}), 5, policy).value
    assert a.households[0].eligible == ("turns16today", "adult")
    assert a.households[0].places == 2
    assert a.unallocated == 3


def test_LAND_9_born_29_february(policy: pp.Policy) -> None:
    kid = person("leap", dt.date(2004, 2, 29))
    before = allocation_case({"H": "1"}, {"H": [kid]}, approved_on=dt.date(2020, 2, 28))
    on = allocation_case({"H": "1"}, {"H": [kid]}, approved_on=dt.date(2020, 2, 29))
    assert allocate_places(before, 1, policy).value.households[0].eligible == ()
    assert allocate_places(on, 1, policy).value.households[0].eligible == ("leap",)


def test_LAND_9_born_29_february_common_year_counts_as_person_age_on(tmp_path: Path) -> None:
    # With a minimum age of 17 the birthday falls in a common year: counted as Person.age_on
    # counts (relativedelta), the year turns over on 28 February.
    policy = min_age_policy(tmp_path, 17)
    kid = person("leap", dt.date(2004, 2, 29))
    for on, ok in [(dt.date(2021, 2, 27), False), (dt.date(2021, 2, 28), True)]:
        exp = allocation_case({"H": "1"}, {"H": [kid]}, approved_on=on)
        assert (kid.age_on(on) >= 17) is ok
        eligible = allocate_places(exp, 1, policy).value.households[0].eligible
        assert eligible == (("leap",) if ok else ())


def test_LAND_9_household_without_eligible_members_passes_its_share(policy: pp.Policy) -> None:
    exp = allocation_case(
        {"A": "5", "B": "5"},
        {"A": [person("old", dt.date(1950, 1, 1), insured=True)], "B": adults("B", 4)},
    )
    r = allocate_places(exp, 3, policy)
    assert r.value.places_of("A") == 0
    assert r.value.places_of("B") == 3
    assert any(n.key == "land.note.no_eligible" for n in r.steps[0].notes)


def test_LAND_9_quota_above_eligible_members_leaves_places(policy: pp.Policy) -> None:
    exp = allocation_case({"A": "5", "B": "1"}, {"A": adults("A", 1), "B": adults("B", 2)})
    r = allocate_places(exp, 6, policy)
    assert (r.value.places_of("A"), r.value.places_of("B"), r.value.unallocated) == (1, 2, 3)
    assert any(n.key == "land.note.unallocated" for n in r.steps[0].notes)


def test_LAND_9_takes_the_quota_result(policy: pp.Policy) -> None:
    exp = pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=[
            pp.Parcel(
                id="p1", area=Area.mu("30"), land_type=pp.LandType.CULTIVATED, contracted_by="A"
            ),
            pp.Parcel(
                id="p2",
                area=Area.mu("10"),
                land_type=pp.LandType.OTHER_AGRICULTURAL,
                contracted_by="B",
            ),
        ],
        households=[
            pp.Household(id="A", members=adults("A", 40)),
            pp.Household(id="B", members=adults("B", 40)),
        ],
        village_land=Area.mu("1200"),
        population_16_plus=900,
        already_insured=0,
    )
    q = quota_by_land(exp, policy)
    a = allocate_places(exp, q.value, policy).value
    assert (a.quota, a.places_of("A"), a.places_of("B")) == (
        30,
        23,
        7,
    )  # 22.5 / 7.5 → tie → larger area A


def test_LAND_9_bad_quota(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError, match="quota"):
        allocate_places(allocation_case({"A": "1"}, {"A": adults("A", 1)}), -1, policy)


@st.composite
def households_and_quota(draw: st.DrawFn) -> tuple[pp.Expropriation, int]:
    n = draw(st.integers(1, 12))
    lands = {f"H{i:02d}": str(draw(st.integers(1, 40)) / 10) for i in range(n)}
    members = {}
    for hid in lands:
        k = draw(st.integers(1, 5))
        insured = draw(st.integers(0, k))
        members[hid] = [person(f"{hid}-{j}", insured=j < insured) for j in range(k)]
    exp = allocation_case(lands, members)
    eligible_total = sum(sum(not m.pension_insured for m in ms) for ms in members.values())
    return exp, draw(st.integers(0, eligible_total + 3))


@settings(max_examples=200, deadline=None)
@given(data=households_and_quota())
def test_LAND_9_allocation_properties(
    policy: pp.Policy, data: tuple[pp.Expropriation, int]
) -> None:
    exp, quota = data
    a = allocate_places(exp, quota, policy).value
    eligible_total = sum(len(h.eligible) for h in a.households)
    # exactly the quota (or everyone eligible when the quota is larger)
    assert a.allocated == min(quota, eligible_total)
    assert a.allocated + a.unallocated == quota
    for h in a.households:
        assert 0 <= h.places <= len(h.eligible)
    # more area never means fewer places, unless the household has run out of eligible members
    for x in a.households:
        for y in a.households:
            if x.area_mu > y.area_mu:
                assert x.places >= min(y.places, len(x.eligible))
            if x.area_mu == y.area_mu:
                assert x.places >= min(y.places - 1, len(x.eligible))


@settings(max_examples=100, deadline=None)
@given(
    data=households_and_quota(),
    extra=st.integers(1, 30),
)
def test_LAND_9_monotone_in_quota(
    policy: pp.Policy, data: tuple[pp.Expropriation, int], extra: int
) -> None:
    exp, quota = data
    small = allocate_places(exp, quota, policy).value
    large = allocate_places(exp, quota + extra, policy).value
    assert large.allocated >= small.allocated


@settings(max_examples=200, deadline=None)
@given(
    born=st.dates(dt.date(1990, 1, 1), dt.date(2012, 12, 31)),
    approved=st.dates(dt.date(2019, 8, 9), dt.date(2028, 12, 31)),
)
def test_LAND_9_eligibility_agrees_with_age_on(
    policy: pp.Policy, born: dt.date, approved: dt.date
) -> None:
    assume(born <= approved)
    kid = person("k", born)
    exp = allocation_case({"H": "1"}, {"H": [kid]}, approved_on=approved)
    eligible = allocate_places(exp, 1, policy).value.households[0].eligible == ("k",)
    assert eligible == (kid.age_on(approved) >= 16)


# -- LAND-10 ---------------------------------------------------------------------------------


def test_LAND_10_waived_places_go_to_uninsured_expropriated_members(policy: pp.Policy) -> None:
    exp = allocation_case(
        {"A": "6", "B": "3", "C": "1"},
        {"A": adults("A", 2), "B": adults("B", 2), "C": adults("C", 1)},
    )
    first = allocate_places(exp, 4, policy).value
    # A's 2.4 reaches its 2 members: A = 2; B and C share 2 as 1.5 / 0.5 → tie → larger B.
    assert [h.places for h in first.households] == [2, 2, 0]
    r = reallocate_places(first, {"A": 1})
    after = r.value
    # A's waived place: no one left in A (1 placed, 1 waived), B is full, C takes it.
    assert [h.places for h in after.households] == [1, 2, 1]
    assert [(h.waived, h.added) for h in after.households] == [(1, 0), (0, 0), (0, 1)]
    assert after.unallocated == 0
    assert after.allocated == 4
    assert r.rules == ("LAND-10",)
    assert any(n.key == "land.note.five_two_procedure" for n in r.steps[0].notes)


def test_LAND_10_adjustment_places_and_leftovers(policy: pp.Policy) -> None:
    exp = allocation_case({"A": "1", "B": "1"}, {"A": adults("A", 2), "B": adults("B", 2)})
    first = allocate_places(exp, 2, policy).value
    after = reallocate_places(first, {}, adjustment_places=5).value
    assert [h.places for h in after.households] == [2, 2]
    assert after.unallocated == 3


def test_LAND_10_bad_waivers(policy: pp.Policy) -> None:
    first = allocate_places(allocation_case({"A": "1"}, {"A": adults("A", 2)}), 1, policy).value
    with pytest.raises(pp.InputError, match="household id"):
        reallocate_places(first, {"Z": 1})
    with pytest.raises(pp.InputError, match="from 0 to"):
        reallocate_places(first, {"A": 2})
    with pytest.raises(pp.InputError, match="adjustment_places"):
        reallocate_places(first, {}, adjustment_places=-1)


# -- LAND-11 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issued", "expires"),
    [
        (dt.date(2020, 2, 29), dt.date(2021, 2, 28)),  # no 29 Feb next year: month end
        (dt.date(2019, 2, 28), dt.date(2020, 2, 28)),
        (dt.date(2020, 8, 31), dt.date(2021, 8, 31)),
        (dt.date(2019, 12, 31), dt.date(2020, 12, 31)),
    ],
)
def test_LAND_11_validity_one_year(policy: pp.Policy, issued: dt.date, expires: dt.date) -> None:
    v = place_validity(issued, policy, as_of=issued).value
    assert v.expires_on == expires
    assert v.deadline == expires
    assert v.status is PlaceStatus.PENDING


def test_LAND_11_29_february_last_day_and_the_day_after(policy: pp.Policy) -> None:
    issued = dt.date(2020, 2, 29)
    assert place_validity(issued, policy, as_of=dt.date(2021, 2, 28)).value.status is (
        PlaceStatus.PENDING
    )
    after = place_validity(issued, policy, as_of=dt.date(2021, 3, 1))
    assert after.value.status is PlaceStatus.DEEMED_WAIVED
    assert after.rules == ("LAND-11",)


def test_LAND_11_local_deadline_and_enrolment(policy: pp.Policy) -> None:
    issued = dt.date(2020, 7, 1)
    deadline = dt.date(2020, 9, 30)
    ok = place_validity(
        issued, policy, as_of=dt.date(2020, 12, 1), deadline=deadline, enrolled_on=deadline
    )
    assert ok.value.status is PlaceStatus.ENROLLED
    late = place_validity(
        issued,
        policy,
        as_of=dt.date(2020, 12, 1),
        deadline=deadline,
        enrolled_on=dt.date(2020, 10, 1),
    )
    assert late.value.status is PlaceStatus.DEEMED_WAIVED
    excused = place_validity(
        issued,
        policy,
        as_of=dt.date(2020, 12, 1),
        deadline=deadline,
        enrolled_on=dt.date(2020, 10, 1),
        good_reason=True,
    )
    assert excused.value.status is PlaceStatus.ENROLLED
    waiting = place_validity(
        issued, policy, as_of=dt.date(2020, 10, 1), deadline=deadline, good_reason=True
    )
    assert waiting.value.status is PlaceStatus.PENDING
    lapsed = place_validity(
        issued, policy, as_of=dt.date(2021, 7, 2), deadline=deadline, good_reason=True
    )
    assert lapsed.value.status is PlaceStatus.LAPSED
    # a deadline later than the validity is capped by it
    capped = place_validity(issued, policy, as_of=issued, deadline=dt.date(2022, 1, 1)).value
    assert capped.deadline == dt.date(2021, 7, 1)


def test_LAND_11_bad_dates(policy: pp.Policy) -> None:
    with pytest.raises(pp.InputError, match="enrolled_on"):
        place_validity(
            dt.date(2020, 7, 1), policy, as_of=dt.date(2020, 8, 1), enrolled_on=dt.date(2020, 6, 1)
        )
    with pytest.raises(pp.InputError, match="issued_on"):
        place_validity("2020-07-01", policy, as_of=dt.date(2020, 8, 1))  # type: ignore[arg-type]


# -- LAND-13 ---------------------------------------------------------------------------------


def test_LAND_13_entry_before_approval_needs_a_county_decision() -> None:
    exp = village("10")
    assert entry_check(exp, APPROVED).value.admitted
    early = entry_check(exp, APPROVED - dt.timedelta(days=1))
    assert (early.value.admitted, early.value.early) == (False, True)
    assert entry_check(exp, APPROVED - dt.timedelta(days=1), county_decision=True).value.admitted
    assert early.rules == ("LAND-13",)


def test_LAND_13_construction_land_alone_does_not_enter() -> None:
    exp = pp.Expropriation(
        collective="V1",
        approved_on=APPROVED,
        parcels=[pp.Parcel(id="p", area=Area.mu("3"), land_type=pp.LandType.CONSTRUCTION)],
    )
    assert not entry_check(exp, APPROVED).value.admitted


def test_LAND_9_result_is_json_ready(policy: pp.Policy) -> None:
    import json

    exp = allocation_case({"A": "5", "B": "3"}, {"A": adults("A", 5), "B": adults("B", 5)})
    data = json.loads(json.dumps(allocate_places(exp, 3, policy).to_dict("en"), ensure_ascii=False))
    first = data["value"]["households"][0]
    assert first == {
        "household": "A",
        "area_mu": "5",
        "eligible": ["A-0", "A-1", "A-2", "A-3", "A-4"],
        "places": 2,
        "unrounded": "15/8",
        "took_remainder": True,
        "waived": 0,
        "added": 0,
    }
    assert data["steps"][0]["rule"] == "LAND-9"
    assert "largest remainder" in data["steps"][0]["notes_text"][0]


def test_LAND_8_age_in_the_text_is_the_packs(policy: pp.Policy) -> None:
    r = quota_by_land(village("40"), policy)
    assert "land.place_min_age" in {p.name for p in r.params}
    age = policy.param("land.place_min_age").integer
    assert f"{age}周岁以上" in r.explain("zh_Hans")
    assert f"aged {age}+" in r.explain("en")
