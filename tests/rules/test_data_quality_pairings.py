"""DATA-3 on one household and one helper: no helper, gaps, wrong dates, early starts, helpers
in poor households, and "one helps many" with its exact period (a sweep = a day-by-day count)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.rules.data_quality import Pairing, helper_overloads, household_pairings
from povertypolicy.rules.data_quality.pairings import overload_periods

POLICY = pp.Policy.load("town-poverty-data-cleansing", on=dt.date(2019, 3, 1))
ON = dt.date(2019, 3, 1)
D = dt.date


def pairing(pid: str, start: dt.date, end: dt.date | None = None, *, hh: str = "H1",
            helper: str = "G1", number: str | None = None) -> Pairing:  # fmt: skip
    return Pairing(id=pid, household_id=hh, helper_id=helper, start=start, end=end,
                   helper_id_number=number)  # fmt: skip


def test_DATA_3_open_pairing_covers_the_check_date() -> None:
    result = household_pairings([pairing("A1", D(2016, 1, 1))], on=ON)
    assert not result.value.no_helper
    assert result.value.gaps == ()
    assert "没有发现问题" in result.explain("zh_Hans")


def test_DATA_3_no_helper_on_the_check_date_both_sides() -> None:
    ended_day_before = household_pairings([pairing("A1", D(2016, 1, 1), ON - dt.timedelta(1))],
                                          on=ON)  # fmt: skip
    assert ended_day_before.value.no_helper
    assert "约定" in ended_day_before.explain("zh_Hans")  # the empty-end convention is said
    ends_on_the_day = household_pairings([pairing("A1", D(2016, 1, 1), ON)], on=ON)
    assert not ends_on_the_day.value.no_helper
    assert household_pairings([], on=ON).value.no_helper


def test_DATA_3_gaps_between_pairings_with_the_exact_days() -> None:
    touching = [pairing("A1", D(2016, 1, 1), D(2016, 6, 30)), pairing("A2", D(2016, 7, 1))]
    assert household_pairings(touching, on=ON).value.gaps == ()
    one_day = [pairing("A1", D(2016, 1, 1), D(2016, 6, 30)), pairing("A2", D(2016, 7, 2))]
    assert household_pairings(one_day, on=ON).value.gaps == ((D(2016, 7, 1), D(2016, 7, 1)),)
    overlapping = [
        pairing("A1", D(2016, 1, 1), D(2016, 12, 31)),
        pairing("A2", D(2016, 6, 1), D(2017, 3, 31), helper="G2"),
        pairing("A3", D(2017, 6, 1)),
    ]
    result = household_pairings(overlapping, on=ON)
    assert result.value.gaps == ((D(2017, 4, 1), D(2017, 5, 31)),)
    assert "61" in result.explain("en")  # days in the gap


def test_DATA_3_wrong_dates_are_left_out() -> None:
    wrong = [pairing("A1", D(2016, 1, 1)), pairing("A2", D(2017, 1, 1), D(2016, 1, 1)),
             pairing("A3", ON + dt.timedelta(1))]  # fmt: skip
    value = household_pairings(wrong, on=ON).value
    assert value.wrong_dates == ("A2", "A3")
    assert not value.no_helper


def test_DATA_3_helping_before_identification_both_sides() -> None:
    same_day = household_pairings([pairing("A1", D(2015, 10, 1))], on=ON,
                                  registered_on=D(2015, 10, 1))  # fmt: skip
    assert same_day.value.before_registration == ()
    day_before = household_pairings([pairing("A1", D(2015, 9, 30))], on=ON,
                                    registered_on=D(2015, 10, 1))  # fmt: skip
    assert day_before.value.before_registration == ("A1",)
    not_recorded = household_pairings([pairing("A1", D(2015, 9, 30))], on=ON)
    assert not_recorded.value.before_registration == ()


def test_DATA_3_helper_in_a_poor_household() -> None:
    number = "11010519491231002X"
    old = "110105491231002"  # the same person's old number
    value = household_pairings([pairing("A1", D(2016, 1, 1), number=old)], on=ON,
                               poor_numbers={number}).value  # fmt: skip
    assert value.helper_is_poor == ("A1",)
    value = household_pairings([pairing("A1", D(2016, 1, 1), number="440524188001010014")],
                               on=ON, poor_numbers={number}).value  # fmt: skip
    assert value.helper_is_poor == ()


def test_DATA_3_one_helps_many_two_and_three_households() -> None:
    two = [pairing("A1", D(2016, 1, 1), hh="H1"), pairing("A2", D(2016, 1, 1), hh="H2")]
    assert helper_overloads(two, POLICY, on=ON).value == ()
    three = [*two, pairing("A3", D(2017, 3, 1), D(2017, 8, 31), hh="H3")]
    result = helper_overloads(three, POLICY, on=ON)
    (period,) = result.value
    assert (period.start, period.end, period.households) == (D(2017, 3, 1), D(2017, 8, 31), 3)
    assert period.household_ids == ("H1", "H2", "H3")
    assert "2017" in result.explain("en")
    assert "one helps many" in result.explain("en")
    assert result.params[0].name == "data_quality.many_households"


def test_DATA_3_the_same_household_twice_counts_once() -> None:
    twice = [pairing("A1", D(2016, 1, 1), hh="H1"), pairing("A2", D(2016, 6, 1), hh="H1"),
             pairing("A3", D(2016, 1, 1), hh="H2")]  # fmt: skip
    assert helper_overloads(twice, POLICY, on=ON).value == ()


def brute_force(spans: list[tuple[str, dt.date, dt.date]], many: int) -> list[tuple[dt.date,
                dt.date, int]]:  # fmt: skip
    """Day by day: how many distinct households on each day; runs of days with >= many."""
    if not spans:
        return []
    first = min(s for _, s, _ in spans)
    last = max(e for _, _, e in spans)
    out: list[tuple[dt.date, dt.date, int]] = []
    day = first
    run: list[dt.date | int] | None = None
    while day <= last + dt.timedelta(1):
        count = len({hh for hh, s, e in spans if s <= day <= e})
        if count >= many:
            if run is None:
                run = [day, day, count]
            else:
                run[1], run[2] = day, max(int(run[2]), count)
        elif run is not None:
            out.append((run[0], run[1], run[2]))  # type: ignore[arg-type]
            run = None
        day += dt.timedelta(1)
    return out


spans_strategy = st.lists(
    st.tuples(
        st.sampled_from(["H1", "H2", "H3", "H4", "H5"]),
        st.integers(0, 120),
        st.integers(0, 60),
    ),
    max_size=12,
)


@given(spans_strategy, st.integers(1, 4))
def test_DATA_3_sweep_agrees_with_a_day_by_day_count(
    raw: list[tuple[str, int, int]], many: int
) -> None:
    base = D(2016, 1, 1)
    spans = [(hh, base + dt.timedelta(s), base + dt.timedelta(s + n)) for hh, s, n in raw]
    got = [(o.start, o.end, o.households) for o in overload_periods(spans, many)]
    assert got == brute_force(spans, many)
