"""SITE-11 / SITE-12 step by step: per branch the rule ID, message key, inputs, params, notes."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr
from tests.error_texts import check_rule_error

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA
GB = sr.GridBreach
PACK = "gx-prefecture-relocation-site-management"
WORKER_PARAMS = ("site.groups_per_grid_worker", "site.grid_worker_max_households")
OBJECTIVE: tuple[Any, ...] = (("convention", "site.note.grid_objective", {}),)
SPLIT: tuple[Any, ...] = ("convention", "site.note.grid_split", {})
BREACH: tuple[Any, ...] = (("warning", "site.note.grid_breach", {}),)


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def view(result: pp.Result[Any]) -> list[tuple[Any, ...]]:
    return [
        (
            s.rule,
            s.key,
            dict(s.inputs),
            tuple(p.name for p in s.params),
            tuple((n.kind.value, n.key, dict(n.args)) for n in s.notes),
        )
        for s in result.steps
    ]


def area(number: int, groups: list[int], households: int) -> tuple[Any, ...]:
    return (
        "SITE-11",
        "site.grid.area",
        {"number": number, "groups": groups, "households": households},
        (),
        (),
    )


def area_breach(
    number: int, groups: list[int], households: int, reasons: list[sr.GridBreach]
) -> tuple[Any, ...]:
    return (
        "SITE-11",
        "site.grid.area_breach",
        {"number": number, "groups": groups, "households": households, "reasons": reasons},
        (),
        BREACH,
    )


@pytest.mark.parametrize(
    ("location", "committee", "leaders"),
    [
        (INSIDE, "site.residents_committee_inside", 7),
        (OUTSIDE, "site.residents_committee_outside", 5),
    ],
)
def test_SITE_11_default_leaders_steps(
    policy: pp.Policy, location: pp.SiteLocation, committee: str, leaders: int
) -> None:
    r = sr.grid_plan([50] * 6, location, policy)
    assert view(r) == [
        ("SITE-11", "site.grid.workers", {"groups": 6, "households": 300, "workers": 2},
         WORKER_PARAMS, OBJECTIVE),
        area(1, [1, 2, 3], 150),
        area(2, [4, 5, 6], 150),
        ("SITE-11", "site.grid.grids",
         {"leaders": leaders, "grids": 2, "grid_leaders": 2, "workers": 2},
         ("site.grid_leaders_per_grid", committee),
         (("convention", "site.note.leaders_default", {"leaders": leaders}), SPLIT)),
    ]  # fmt: skip
    assert r.steps[0].params == tuple(policy.param(n) for n in WORKER_PARAMS)
    v = r.value
    assert v.leaders_available == leaders
    assert [(a.number, a.group_numbers, a.households, a.breaches) for a in v.worker_areas] == [
        (1, (1, 2, 3), 150, ()),
        (2, (4, 5, 6), 150, ()),
    ]
    assert [(g.number, g.worker_area_numbers, g.households, g.grid_leaders) for g in v.grids] == [
        (1, (1,), 150, 1),
        (2, (2,), 150, 1),
    ]


def test_SITE_11_given_leaders_steps(policy: pp.Policy) -> None:
    r = sr.grid_plan([80] * 30, INSIDE, policy, leaders=3)
    steps = view(r)
    assert steps[0] == (
        "SITE-11",
        "site.grid.workers",
        {"groups": 30, "households": 2400, "workers": 10},
        WORKER_PARAMS,
        OBJECTIVE,
    )
    assert steps[-1] == (
        "SITE-11",
        "site.grid.grids",
        {"leaders": 3, "grids": 3, "grid_leaders": 3, "workers": 10},
        ("site.grid_leaders_per_grid",),
        (SPLIT,),
    )
    v = r.value
    assert v.leaders_available == 3
    assert [g.number for g in v.grids] == [1, 2, 3]
    assert [g.worker_area_numbers for g in v.grids] == [(1, 2, 3, 4), (5, 6, 7), (8, 9, 10)]
    assert [g.households for g in v.grids] == [
        sum(a.households for a in v.worker_areas[:4]),
        sum(a.households for a in v.worker_areas[4:7]),
        sum(a.households for a in v.worker_areas[7:]),
    ]
    assert sum(a.households for a in v.worker_areas) == 2400


def test_SITE_11_more_leaders_than_areas_one_grid_each(policy: pp.Policy) -> None:
    r = sr.grid_plan([50] * 6, INSIDE, policy, leaders=9)
    assert view(r)[-1][2] == {"leaders": 9, "grids": 2, "grid_leaders": 2, "workers": 2}


@pytest.mark.parametrize(
    ("sizes", "steps"),
    [
        ([150, 151], [area_breach(1, [1, 2], 301, [GB.OVER_HOUSEHOLDS])]),
        ([150, 150], [area(1, [1, 2], 300)]),
        ([50], [area_breach(1, [1], 50, [GB.TOO_FEW_GROUPS])]),
        ([301], [area_breach(1, [1], 301, [GB.TOO_FEW_GROUPS, GB.OVER_HOUSEHOLDS])]),
    ],
)
def test_SITE_11_area_breach_steps(
    policy: pp.Policy, sizes: list[int], steps: list[tuple[Any, ...]]
) -> None:
    r = sr.grid_plan(sizes, INSIDE, policy, leaders=1)
    assert view(r)[1:-1] == steps
    assert [list(a.breaches) for a in r.value.worker_areas] == [
        s[2].get("reasons", []) for s in steps
    ]


def test_SITE_11_no_groups(policy: pp.Policy) -> None:
    r = sr.grid_plan([], INSIDE, policy, leaders=0)
    assert view(r) == [
        ("SITE-11", "site.grid.workers", {"groups": 0, "households": 0, "workers": 0},
         WORKER_PARAMS, OBJECTIVE),
        ("SITE-11", "site.grid.grids", {"leaders": 0, "grids": 0, "grid_leaders": 0, "workers": 0},
         ("site.grid_leaders_per_grid",), (SPLIT,)),
    ]  # fmt: skip
    assert r.value.grids == ()
    assert r.value.worker_areas == ()


def test_SITE_11_refusals(policy: pp.Policy) -> None:
    with pytest.raises(pp.RuleError) as rexc:
        sr.grid_plan([50, 50], INSIDE, policy, leaders=0)
    assert rexc.value.rule == "SITE-11"
    assert str(rexc.value.message) == (
        "0 two-committee members cannot lead a grid (1 grid leader(s) per grid)"
    )
    shown = {"leaders": 0, "per_grid": 1}
    check_rule_error(rexc.value, "site.error.too_few_grid_leaders", shown)
    for bad in (-1, True, "3"):
        with pytest.raises(pp.InputError) as exc:
            sr.grid_plan([50, 50], INSIDE, policy, leaders=bad)  # type: ignore[arg-type]
        assert (exc.value.obj, exc.value.field, exc.value.value) == ("grid_plan", "leaders", bad)
    with pytest.raises(pp.InputError) as exc:
        sr.grid_plan("50", INSIDE, policy)  # type: ignore[arg-type]
    assert (exc.value.obj, exc.value.field) == ("grid_plan", "group_households")
    with pytest.raises(pp.InputError) as exc:
        sr.grid_plan([50], "inside", policy)  # type: ignore[arg-type]
    assert (exc.value.obj, exc.value.field) == ("grid_plan", "location")


# -- SITE-12 --------------------------------------------------------------------------------------


def schedule_view(
    start: dt.date, deadlines: list[dt.date], meetings: list[dt.date]
) -> list[tuple[Any, ...]]:
    return [
        ("SITE-12", "site.schedule.visits",
         {"visits": 1, "start": start, "deadlines": deadlines}, ("site.visits_per_month",), ()),
        ("SITE-12", "site.schedule.meetings", {"meetings": meetings},
         ("site.joint_meetings_per_month",),
         (("convention", "site.note.meeting_days", {"days": [1, 16]}),)),
    ]  # fmt: skip


D = dt.date


def test_SITE_12_schedule_steps(policy: pp.Policy) -> None:
    start = D(2024, 1, 31)
    r = sr.grid_schedule(start, policy, months=3)
    deadlines = [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)]
    meetings = [D(2024, 2, 1), D(2024, 2, 16), D(2024, 3, 1), D(2024, 3, 16)]
    assert view(r) == schedule_view(start, deadlines, meetings)
    assert r.steps[0].params == (policy.param("site.visits_per_month"),)
    assert r.steps[1].params == (policy.param("site.joint_meetings_per_month"),)
    v = r.value
    assert v.visit_deadlines == tuple(deadlines)
    assert v.visits_per_month == 1
    assert v.joint_meetings == tuple(meetings)


@pytest.mark.parametrize(
    ("start", "months", "deadlines", "meetings"),
    [
        (D(2024, 1, 1), 1, [D(2024, 1, 31)], [D(2024, 1, 1), D(2024, 1, 16)]),
        (D(2024, 1, 10), 1, [D(2024, 1, 31)], [D(2024, 1, 16)]),
        (D(2024, 1, 16), 2, [D(2024, 1, 31), D(2024, 2, 29)],
         [D(2024, 1, 16), D(2024, 2, 1), D(2024, 2, 16)]),
        (D(2024, 1, 17), 1, [D(2024, 1, 31)], []),
    ],
)  # fmt: skip
def test_SITE_12_schedule_window(
    policy: pp.Policy, start: dt.date, months: int, deadlines: list[Any], meetings: list[Any]
) -> None:
    r = sr.grid_schedule(start, policy, months=months)
    assert view(r) == schedule_view(start, deadlines, meetings)


def test_SITE_12_three_months_by_default(policy: pp.Policy) -> None:
    r = sr.grid_schedule(D(2024, 11, 5), policy)
    assert r.value.visit_deadlines == (D(2024, 11, 30), D(2024, 12, 31), D(2025, 1, 31))
    assert r.value.joint_meetings[-1] == D(2025, 1, 16)


def test_SITE_12_refusals(policy: pp.Policy) -> None:
    for bad_start in (dt.datetime(2024, 1, 1, 9), "2024-01-01"):
        with pytest.raises(pp.InputError) as exc:
            sr.grid_schedule(bad_start, policy)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "grid_schedule",
            "start",
            bad_start,
            "a datetime.date",
        )
    for bad in (0, -1, True, "2"):
        with pytest.raises(pp.InputError) as exc:
            sr.grid_schedule(D(2024, 1, 1), policy, months=bad)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.value, e.expected) == (
            "grid_schedule",
            "months",
            bad,
            "a whole number >= 1",
        )


def _county(tmp_path: Path, body: str) -> pp.Policy:
    path = tmp_path / "county.toml"
    head = f"""
        id = "my-county"
        title = "某县安置点管理细则"
        issuer = "某县民政局"
        parent = "{PACK}"
        source = {{ document = "county-notice", section = "全文" }}
        """
    path.write_text(textwrap.dedent(head) + textwrap.dedent(body), encoding="utf-8")
    return pp.Policy.load(path, on=dt.date(2024, 1, 1))


def test_SITE_11_county_bands_too_many_groups_and_even_committee(tmp_path: Path) -> None:
    policy = _county(
        tmp_path,
        """
        [parameters."site.groups_per_grid_worker"]
        unit = "count"
        citation = { document = "county-notice", section = "第六条" }
        values = [{ from = 2021-01-01, value = { min = 3, max = 3 } }]

        [parameters."site.residents_committee_inside"]
        unit = "people"
        citation = { document = "county-notice", section = "第七条" }
        values = [{ from = 2021-01-01, value = { min = 5, max = 8 } }]
        """,
    )
    # four groups: one area of four (one group too many) beats 3 + 1 (two too few)
    r = sr.grid_plan([50] * 4, INSIDE, policy)
    assert view(r)[1] == area_breach(1, [1, 2, 3, 4], 200, [GB.TOO_MANY_GROUPS])
    # the default leaders are the committee's odd size nearest the middle of 5–8: 7, not 6
    assert r.value.leaders_available == 7
    r = sr.grid_plan([50] * 5, INSIDE, policy, leaders=2)
    assert [list(a.breaches) for a in r.value.worker_areas] == [[], [GB.TOO_FEW_GROUPS]]


def test_SITE_11_no_grid_leader_per_grid_is_refused(tmp_path: Path) -> None:
    policy = _county(
        tmp_path,
        """
        [parameters."site.grid_leaders_per_grid"]
        unit = "count"
        citation = { document = "county-notice", section = "第八条" }
        values = [{ from = 2021-01-01, value = 0 }]
        """,
    )
    with pytest.raises(pp.RuleError):
        sr.grid_plan([50, 50], INSIDE, policy, leaders=5)
    assert sr.grid_plan([], INSIDE, policy, leaders=5).value.grids == ()


@pytest.mark.parametrize(
    ("per", "days", "meetings"),
    [
        (0, [], []),
        (15, [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29], None),
    ],
)
def test_SITE_12_county_meeting_counts(
    tmp_path: Path, per: int, days: list[int], meetings: list[dt.date] | None
) -> None:
    policy = _county(
        tmp_path,
        f"""
        [parameters."site.joint_meetings_per_month"]
        unit = "count"
        citation = {{ document = "county-notice", section = "第九条" }}
        values = [{{ from = 2021-01-01, value = {per} }}]
        """,
    )
    r = sr.grid_schedule(D(2024, 1, 1), policy, months=1)
    assert r.steps[1].notes[0].args == {"days": days}
    if meetings is not None:
        assert list(r.value.joint_meetings) == meetings
    else:
        # the 29th is moved to the 28th, so that every month has it
        assert r.value.joint_meetings[-1] == D(2024, 1, 28)
        assert D(2024, 1, 29) not in r.value.joint_meetings
    assert r.value.joint_meetings == tuple(r.steps[1].inputs["meetings"])
