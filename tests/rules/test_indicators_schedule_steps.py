"""KPI-2 / KPI-5 schedules step by step: each task's step (rule, key, inputs, params, notes),
the date order, 29 February in every kind of year, and the refusals compared whole."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import InputError
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.indicators.schedule import Schedule, ScheduledTask

from .test_indicators import HEALTH, PROJECTS, policy

D = dt.date
T = ki.Task
BY_DAY = Note(kind=NoteKind.CONVENTION, key="indicators.note.by_the_day")


def test_task_values() -> None:
    assert [t.value for t in T] == [
        "health_check",
        "self_inspection",
        "self_inspection_report",
        "inspection_summary",
        "supervision_report",
        "water_test",
    ]
    assert T.__label__ == "indicators.task"  # type: ignore[attr-defined]


def test_KPI_2_health_check_steps() -> None:
    p = policy(HEALTH)
    r = ki.schedule("health_check", 2020, p)
    task = ScheduledTask(task=T.HEALTH_CHECK, start=D(2020, 1, 16), due=D(2020, 1, 22))
    assert r.value == Schedule(checklist="health_check", year=2020, tasks=(task,))
    assert r.steps == (
        Step(
            rule="KPI-2",
            key="indicators.schedule.period",
            inputs={"task": T.HEALTH_CHECK, "start": D(2020, 1, 16), "due": D(2020, 1, 22)},
            params=(
                p.param("indicators.health_check_start"),
                p.param("indicators.health_check_end"),
            ),
        ),
    )
    assert r.value.of(T.HEALTH_CHECK) == task


def test_KPI_5_self_inspection_steps() -> None:
    p = policy(PROJECTS)
    r = ki.schedule("self_inspection", 2024, p)
    tests = p.param("indicators.project_water_tests_per_year")
    assert r.value == Schedule(
        checklist="self_inspection",
        year=2024,
        tasks=(
            ScheduledTask(task=T.SELF_INSPECTION, start=D(2024, 4, 16), due=D(2024, 4, 22)),
            ScheduledTask(task=T.SELF_INSPECTION_REPORT, start=None, due=D(2024, 4, 22)),
            ScheduledTask(task=T.INSPECTION_SUMMARY, start=None, due=D(2024, 4, 22)),
            ScheduledTask(task=T.WATER_TEST, start=D(2024, 1, 1), due=D(2024, 12, 31)),
        ),
    )
    assert r.steps == (
        Step(
            rule="KPI-5",
            key="indicators.schedule.period",
            inputs={"task": T.SELF_INSPECTION, "start": D(2024, 4, 16), "due": D(2024, 4, 22)},
            params=(
                p.param("indicators.self_inspection_start"),
                p.param("indicators.self_inspection_end"),
            ),
        ),
        Step(
            rule="KPI-5",
            key="indicators.schedule.due",
            inputs={"task": T.SELF_INSPECTION_REPORT, "due": D(2024, 4, 22)},
            params=(p.param("indicators.self_inspection_report_due"),),
            notes=(BY_DAY,),
        ),
        Step(
            rule="KPI-5",
            key="indicators.schedule.due",
            inputs={"task": T.INSPECTION_SUMMARY, "due": D(2024, 4, 22)},
            params=(p.param("indicators.inspection_summary_due"),),
            notes=(BY_DAY,),
        ),
        Step(
            rule="KPI-5",
            key="indicators.schedule.not_given",
            inputs={"task": T.SUPERVISION_REPORT},
            notes=(Note(kind=NoteKind.WARNING, key="indicators.note.garbled_month"),),
        ),
        Step(
            rule="KPI-5",
            key="indicators.schedule.water_test",
            inputs={"times": tests.integer, "start": D(2024, 1, 1), "due": D(2024, 12, 31)},
            params=(tests,),
            notes=(Note(kind=NoteKind.CONVENTION, key="indicators.note.calendar_year"),),
        ),
    )


def _with_supervision(tmp_path: Path, day: str) -> pp.Policy:
    path = tmp_path / f"town-{day}.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            id = "my-town"
            title = "某镇自查安排"
            issuer = "某镇"
            parent = "{PROJECTS}"
            source = {{ document = "town-notice", section = "全文" }}

            [parameters."indicators.supervision_report_due"]
            unit = "date"
            citation = {{ document = "town-notice", section = "四" }}
            values = [{{ from = 2016-01-01, value = {day} }}]
            """
        ),
        encoding="utf-8",
    )
    return pp.Policy.load(path, on=D(2023, 1, 1))


def test_KPI_5_supervision_step_and_date_order(tmp_path: Path) -> None:
    p = _with_supervision(tmp_path, "2016-02-29")
    r = ki.schedule("self_inspection", 2023, p)
    assert r.steps[3] == Step(
        rule="KPI-5",
        key="indicators.schedule.due",
        inputs={"task": T.SUPERVISION_REPORT, "due": D(2023, 2, 28)},
        params=(p.param("indicators.supervision_report_due"),),
        notes=(BY_DAY,),
    )
    assert [t.task for t in r.value.tasks] == [
        T.SUPERVISION_REPORT,
        T.SELF_INSPECTION,
        T.SELF_INSPECTION_REPORT,
        T.INSPECTION_SUMMARY,
        T.WATER_TEST,
    ]
    # a later day: sorted after the April tasks, before the water test
    later = ki.schedule("self_inspection", 2023, _with_supervision(tmp_path, "2016-05-01"))
    assert [t.task for t in later.value.tasks] == [
        T.SELF_INSPECTION,
        T.SELF_INSPECTION_REPORT,
        T.INSPECTION_SUMMARY,
        T.SUPERVISION_REPORT,
        T.WATER_TEST,
    ]
    # same day as the others: in task order
    same = ki.schedule("self_inspection", 2023, _with_supervision(tmp_path, "2016-04-22"))
    assert [t.task for t in same.value.tasks] == [
        T.SELF_INSPECTION,
        T.SELF_INSPECTION_REPORT,
        T.INSPECTION_SUMMARY,
        T.SUPERVISION_REPORT,
        T.WATER_TEST,
    ]


@pytest.mark.parametrize(
    ("year", "day"),
    [(1900, 28), (2000, 29), (2023, 28), (2024, 29), (2100, 28), (1904, 29)],
)
def test_29_february_in_the_year_asked(tmp_path: Path, year: int, day: int) -> None:
    p = _with_supervision(tmp_path, "2016-02-29")
    r = ki.schedule("self_inspection", year, p)
    assert r.value.of(T.SUPERVISION_REPORT).due == D(year, 2, day)
    assert r.value.year == year


def test_other_days_keep_their_day_in_common_years(tmp_path: Path) -> None:
    p = _with_supervision(tmp_path, "2016-02-28")
    assert ki.schedule("self_inspection", 2023, p).value.of(T.SUPERVISION_REPORT).due == D(
        2023, 2, 28
    )
    p = _with_supervision(tmp_path, "2016-03-29")
    assert ki.schedule("self_inspection", 2023, p).value.of(T.SUPERVISION_REPORT).due == D(
        2023, 3, 29
    )


@pytest.mark.parametrize("year", [True, 2020.0, "2020", 1899, 2101])
def test_refuses_what_is_not_a_year(year: object) -> None:
    with pytest.raises(InputError) as exc:
        ki.schedule("health_check", year, policy(HEALTH))  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "schedule",
        "year",
        year,
        "a year 1900..2100",
    )


def test_refuses_a_checklist_without_dates() -> None:
    with pytest.raises(InputError) as exc:
        ki.schedule("four_haves", 2024, policy(PROJECTS))
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "schedule",
        "checklist",
        "four_haves",
        '"health_check" or "self_inspection" (the checklists with dates)',
    )
