"""DATA-3 step by step: per finding the rule ID, message key, inputs, params, notes and
citation (compared whole), the ok steps, and the span and merge edges."""

from __future__ import annotations

import datetime as dt

from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.data_quality import helper_overloads, household_pairings
from povertypolicy.rules.data_quality.checks import load_checks
from povertypolicy.rules.data_quality.pairings import (
    HouseholdPairings,
    Overload,
    Pairing,
    merged,
    overload_periods,
)

from .test_data_quality_pairings import ON, POLICY, pairing

D = dt.date
CHECKS = load_checks()
OPEN_END = Note(kind=NoteKind.CONVENTION, key="data_quality.note.open_end")
BEIJING = "11010519491231002X"


def finding(code: str, notes: tuple[Note, ...] = (), **inputs: object) -> Step:
    return Step(
        rule="DATA-3",
        key=f"data_quality.finding.{code}",
        inputs=inputs,
        notes=notes,
        citation=CHECKS.get(code).citation,
    )


def test_DATA_3_ok_step() -> None:
    r = household_pairings([pairing("A1", D(2016, 1, 1))], on=ON)
    assert r.value == HouseholdPairings(
        no_helper=False, gaps=(), wrong_dates=(), before_registration=(), helper_is_poor=()
    )
    assert r.steps == (
        Step(rule="DATA-3", key="data_quality.step.pairings_ok", inputs={"count": 1, "on": ON}),
    )


def test_DATA_3_every_finding_in_order() -> None:
    ps = [
        pairing("A1", D(2015, 9, 30), D(2016, 6, 30), number="110105491231002"),
        pairing("A2", D(2016, 7, 3), D(2018, 12, 31)),
        pairing("A3", D(2017, 1, 1), D(2016, 1, 1)),
    ]
    r = household_pairings(ps, on=ON, registered_on=D(2015, 10, 1), poor_numbers={BEIJING})
    assert r.value == HouseholdPairings(
        no_helper=True,
        gaps=((D(2016, 7, 1), D(2016, 7, 2)),),
        wrong_dates=("A3",),
        before_registration=("A1",),
        helper_is_poor=("A1",),
    )
    assert r.steps == (
        finding("pairing.no_helper", (OPEN_END,), on=ON, last=D(2018, 12, 31)),
        finding("pairing.gap", days=2, start=D(2016, 7, 1), end=D(2016, 7, 2)),
        finding("pairing.before_registration", pairing="A1", start=D(2015, 9, 30),
                registered=D(2015, 10, 1)),
        finding("pairing.helper_is_poor", pairing="A1", helper="G1", number="110105491231002"),
        finding("pairing.dates", pairing="A3", start=D(2017, 1, 1), end=D(2016, 1, 1)),
    )  # fmt: skip


def test_DATA_3_no_pairing_at_all() -> None:
    r = household_pairings([], on=ON)
    assert r.steps == (finding("pairing.no_helper", (OPEN_END,), on=ON, last=None),)


def test_DATA_3_helper_numbers_blank_or_missing_never_match() -> None:
    ps = [pairing("A1", D(2016, 1, 1), number="  "), pairing("A2", D(2016, 1, 1))]
    assert household_pairings(ps, on=ON, poor_numbers={BEIJING}).value.helper_is_poor == ()
    lower = [pairing("A1", D(2016, 1, 1), number=BEIJING.lower())]
    assert household_pairings(lower, on=ON, poor_numbers={BEIJING}).value.helper_is_poor == ("A1",)
    odd = [pairing("A1", D(2016, 1, 1), number="abc12")]  # not a number: compared as written
    assert household_pairings(odd, on=ON, poor_numbers={"ABC12"}).value.helper_is_poor == ("A1",)


def test_DATA_3_a_disabled_check_is_not_reported(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "county.toml"
    path.write_text(
        'id = "county"\ntitle = "本县"\nextends = "town-poverty-data-cleansing"\n'
        'source = { document = "本县文件", section = "一" }\n\n'
        '[[checks]]\ncode = "pairing.no_helper"\nenabled = false\n',
        encoding="utf-8",
    )
    r = household_pairings([], on=ON, checks=str(path))
    assert r.value.no_helper is True
    assert r.steps == (
        Step(rule="DATA-3", key="data_quality.step.pairings_ok", inputs={"count": 0, "on": ON}),
    )


def test_span_edges() -> None:
    p = Pairing(id="A", household_id="H", helper_id="G", start=D(2016, 1, 1))
    assert p.end is None
    assert p.helper_id_number is None
    assert p.span(D(2016, 1, 1)) == (D(2016, 1, 1), D(2016, 1, 1))
    assert p.span(D(2015, 12, 31)) is None
    ended = Pairing(id="A", household_id="H", helper_id="G", start=D(2016, 1, 1),
                    end=D(2016, 3, 1))  # fmt: skip
    assert ended.span(D(2016, 2, 1)) == (D(2016, 1, 1), D(2016, 2, 1))
    assert ended.span(D(2016, 3, 1)) == (D(2016, 1, 1), D(2016, 3, 1))
    assert ended.span(D(2017, 1, 1)) == (D(2016, 1, 1), D(2016, 3, 1))
    one_day = Pairing(id="A", household_id="H", helper_id="G", start=D(2016, 1, 1),
                      end=D(2016, 1, 1))  # fmt: skip
    assert one_day.span(ON) == (D(2016, 1, 1), D(2016, 1, 1))


def test_merged_edges() -> None:
    assert merged([]) == []
    a, b = (D(2016, 1, 1), D(2016, 1, 31)), (D(2016, 2, 1), D(2016, 2, 10))
    assert merged([b, a]) == [(D(2016, 1, 1), D(2016, 2, 10))]
    c = (D(2016, 2, 2), D(2016, 2, 5))
    assert merged([a, c]) == [a, c]
    inside = (D(2016, 1, 5), D(2016, 1, 10))
    assert merged([a, inside]) == [a]


def test_DATA_3_overload_steps() -> None:
    many = POLICY.param("data_quality.many_households")
    three = [
        pairing("A1", D(2016, 1, 1), hh="H1"),
        pairing("A2", D(2016, 1, 1), hh="H2"),
        pairing("A3", D(2017, 3, 1), D(2017, 8, 31), hh="H3"),
        pairing("A4", D(2020, 1, 1), hh="H4"),  # starts after the check date: left out
    ]
    r = helper_overloads(three, POLICY, on=ON)
    assert r.value == (
        Overload(start=D(2017, 3, 1), end=D(2017, 8, 31), households=3,
                 household_ids=("H1", "H2", "H3")),
    )  # fmt: skip
    assert r.steps == (
        Step(
            rule="DATA-3",
            key="data_quality.finding.pairing.one_helps_many",
            inputs={"helper": "G1", "count": 3, "start": D(2017, 3, 1), "end": D(2017, 8, 31),
                    "households": "H1, H2, H3"},
            params=(many,),
            notes=(Note(kind=NoteKind.BOUNDARY, key="data_quality.note.many",
                        args={"count": many.integer}),),
        ),
    )  # fmt: skip
    ok = helper_overloads(three[:2], POLICY, on=ON)
    assert ok.steps == (
        Step(rule="DATA-3", key="data_quality.step.helper_ok", inputs={"helper": "G1", "count": 2},
             params=(many,)),
    )  # fmt: skip
    none = helper_overloads([], POLICY, on=ON)
    assert none.value == ()
    assert none.steps[0].inputs == {"helper": "", "count": 0}


def test_overload_periods_peaks_and_ends() -> None:
    spans = [
        ("H1", D(2016, 1, 1), D(2016, 12, 31)),
        ("H2", D(2016, 3, 1), D(2016, 6, 30)),
        ("H3", D(2016, 4, 1), D(2016, 4, 30)),
        ("H3", D(2016, 5, 1), D(2016, 5, 31)),  # the same household again, touching: once
        ("H4", D(2016, 5, 10), D(2016, 5, 20)),
    ]
    assert overload_periods(spans, 3) == [
        Overload(start=D(2016, 4, 1), end=D(2016, 5, 31), households=4,
                 household_ids=("H1", "H2", "H3", "H4")),
    ]  # fmt: skip
    assert overload_periods(spans, 5) == []
    two = overload_periods(spans, 2)
    assert [(o.start, o.end, o.households) for o in two] == [(D(2016, 3, 1), D(2016, 6, 30), 4)]
