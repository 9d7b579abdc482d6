"""The national poverty line step by step: the year read, its status note, the rule it is
explained under, the cache that must never mix policies or rules."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.poverty import poverty_line
from tests.error_texts import check_input_error


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("cn", on=dt.date(2014, 1, 1))


@pytest.mark.parametrize(
    ("year", "amount", "status"),
    [
        (2010, "2300", "published"),
        (2013, "2736", "published"),
        (2016, "2952", "published"),
        (2017, "2952", "unconfirmed"),
        (2019, "3218", "unconfirmed"),
        (2020, "4000", "approximate"),
    ],
)
def test_line_step_per_year(policy: pp.Policy, year: int, amount: str, status: str) -> None:
    r = poverty_line(year, policy, rule="MON-1")
    at = policy.at(dt.date(year, 12, 31))
    assert r.value == Money(amount)
    params = [at.param("poverty.line"), at.param("poverty.line_status")]
    if "core.poverty_line_2010_prices" in at:
        params.append(at.param("core.poverty_line_2010_prices"))
    notes = (
        ()
        if status == "published"
        else (
            Note(
                kind=NoteKind.WARNING,
                key=f"poverty.note.{status}",
                args={"year": str(year), "line": Money(amount)},
            ),
        )
    )
    assert r.steps == (
        Step(
            rule="MON-1",
            key="poverty.line",
            inputs={"year": str(year), "line": Money(amount)},
            params=tuple(params),
            notes=notes,
        ),
    )
    assert params[0].valid_from == dt.date(year, 1, 1)  # the year's own figure, not its neighbour


def test_line_is_read_on_31_december(policy: pp.Policy) -> None:
    # the figure of the year asked about, whatever the policy's own date
    assert poverty_line(2011, policy.at(dt.date(2019, 1, 1))).value == Money("2536")
    assert poverty_line(2019, policy).value == Money("3218")


def test_the_rule_id_is_the_callers(policy: pp.Policy) -> None:
    assert poverty_line(2013, policy).steps[0].rule == "ID-1"  # the default
    assert poverty_line(2013, policy, rule="MON-3").steps[0].rule == "MON-3"
    assert poverty_line(2013, policy, rule="ID-1").steps[0].rule == "ID-1"


def test_the_cache_never_mixes_policies_or_rules(policy: pp.Policy) -> None:
    first = poverty_line(2013, policy, rule="ID-1")
    assert poverty_line(2013, policy, rule="ID-1") is first
    assert poverty_line(2014, policy, rule="ID-1").value == Money("2800")
    other = pp.Policy.load("cn", on=dt.date(2015, 1, 1))
    assert poverty_line(2013, other, rule="ID-1").steps[0].params[0].pack_id == "cn"
    assert poverty_line(2013, other, rule="ID-1") is not first
    for n in range(300):  # more entries than the cache keeps: still right after it is cleared
        poverty_line(2010 + n % 11, policy, rule=f"R-{n}")
    assert poverty_line(2013, policy, rule="ID-1").value == Money("2736")


@pytest.mark.parametrize("year", ["2013", True, 2013.0, None])
def test_year_must_be_an_int(policy: pp.Policy, year: object) -> None:
    with pytest.raises(pp.InputError) as exc:
        poverty_line(year, policy)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == ("poverty_line", "year", year, "a year (int)")
    check_input_error(e, "core.error.year", {})
    assert e.text("zh_Hans").endswith("应为公历年份，如2013")
