"""The per-household follow-up checks (FOLLOW-1..5) and three rates one degree (FOLLOW-6)
step by step: which checks run, their steps in order, the outcome key, and the refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import povertypolicy as pp
from povertypolicy import InputError, RuleError
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules import follow_up as fu
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.follow_up.checks import FollowUpChecks
from tests.error_texts import check_rule_error

from .test_follow_up import SAFE, SHAANXI, _dibao_household, household, member, policy

D = dt.date
U = pp.UnitLevel


def _ok_household() -> pp.RelocatedHousehold:
    return household(
        member(stably_employed=True, trainings=(D(2020, 5, 1),)),
        settled_on=D(2020, 3, 15),
        registered_poor=True,
        industry_support=True,
        hardship=False,
        property_within_limits=True,
        old_house=pp.OldHouse(**SAFE, demolished_on=D(2020, 6, 1), reclaimed_on=D(2020, 7, 1)),
    )


def test_checks_steps_are_each_checks_in_order_then_the_outcome() -> None:
    h = _ok_household()
    pol, on = policy(), D(2021, 6, 1)
    r = fu.follow_up_checks(h, pol, as_of=on)
    t = fu.training(h, pol, as_of=on)
    e = fu.stable_employment(h, pol)
    d = fu.transitional_dibao(h, pol, as_of=on)
    o = fu.demolition(h, pol, as_of=on)
    assert r.value == FollowUpChecks(
        household_id="H1",
        as_of=on,
        training=t.value,
        employment=e.value,
        dibao=d.value,
        demolition=o.value,
        award=None,
    )
    assert r.value.states == (
        t.value.state,
        e.value.state,
        d.value.state,
        o.value.state,
        o.value.reclamation_state,
    )
    assert r.value.outcome is fu.Outcome.ON_TRACK
    assert r.steps == (
        *t.steps,
        *e.steps,
        *d.steps,
        *o.steps,
        Step(
            rule="FOLLOW-1",
            key="follow_up.checks.on_track",
            inputs={"household": "H1", "as_of": on},
        ),
    )


def test_checks_shaanxi_award_and_outcome_keys() -> None:
    h = _dibao_household(settled_on=D(2020, 3, 15), moved_in_on=D(2020, 3, 1))
    pol, on = policy(SHAANXI, D(2020, 6, 1)), D(2020, 6, 1)
    r = fu.follow_up_checks(h, pol, as_of=on)
    a = fu.homestead_award(h, pol)
    assert r.value.award == a.value
    assert r.value.training is None
    assert r.steps[-1 - len(a.steps) : -1] == a.steps
    assert r.steps[-1].key == f"follow_up.checks.{r.value.outcome.value}"
    assert r.steps[-1].rule == "FOLLOW-1"


def test_checks_outcomes_each_way() -> None:
    on = D(2021, 6, 1)
    late = _ok_household()
    late = pp.RelocatedHousehold(
        id="H1",
        members=(member(stably_employed=False, trainings=()),),
        settled_on=late.settled_on,
        registered_poor=True,
        industry_support=True,
        hardship=False,
        property_within_limits=True,
        old_house=late.old_house,
    )
    r = fu.follow_up_checks(late, policy(), as_of=on)
    assert r.value.outcome is fu.Outcome.ACTION_NEEDED
    assert r.steps[-1].key == "follow_up.checks.action_needed"
    unknown = household(
        member(stably_employed=None, trainings=(D(2020, 5, 1),)), settled_on=D(2020, 3, 15)
    )
    r = fu.follow_up_checks(unknown, policy(), as_of=D(2020, 6, 1))
    assert r.value.outcome is fu.Outcome.NOT_RECORDED
    assert r.steps[-1].key == "follow_up.checks.not_recorded"
    # action wins over unknown
    both = household(member(stably_employed=None, trainings=()), settled_on=D(2019, 3, 15))
    assert fu.follow_up_checks(both, policy(), as_of=on).value.outcome is (fu.Outcome.ACTION_NEEDED)


def test_checks_states_without_checks() -> None:
    empty = FollowUpChecks(
        household_id="H",
        as_of=D(2021, 1, 1),
        training=None,
        employment=None,
        dibao=None,
        demolition=None,
        award=None,
    )
    assert empty.states == ()
    assert empty.outcome is fu.Outcome.ON_TRACK
    assert [o.value for o in fu.Outcome] == ["on_track", "action_needed", "not_recorded"]
    assert fu.Outcome.__label__ == "follow_up.outcome"  # type: ignore[attr-defined]


def test_checks_refusals_compared_whole() -> None:
    with pytest.raises(InputError) as exc:
        fu.follow_up_checks("H1", policy(), as_of=D(2021, 1, 1))  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "rules.follow_up.follow_up_checks",
        "household",
        "H1",
        "a RelocatedHousehold",
    )
    moment = dt.datetime(2021, 1, 1)
    with pytest.raises(InputError) as exc:
        fu.follow_up_checks(_ok_household(), policy(), as_of=moment)
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "follow_up_checks",
        "as_of",
        moment,
        "a datetime.date",
    )
    with pytest.raises(RuleError) as err:
        fu.follow_up_checks(
            _ok_household(), pp.Policy.load("cn", on=D(2021, 1, 1)), as_of=D(2021, 1, 1)
        )
    assert err.value.rule == "FOLLOW-1"
    assert str(err.value.message) == "the pack cn sets no follow-up check"
    check_rule_error(err.value, "follow_up.error.no_check", {"pack": "cn"})


# -- FOLLOW-6 ----------------------------------------------------------------------------------

FIGURES = {
    "relocated_households": 200, "moved_in_households": 200,
    "homesteads_to_vacate": 180, "homesteads_vacated": 179,
    "households_with_labour": 150, "households_supported": 120,
}  # fmt: skip
DEGREE = Citation(
    document="relocation-follow-up-work-plans", section="第二篇 §一", quote="群众融入度大幅提升"
)
NO_TARGET = Note(kind=NoteKind.CONVENTION, key="follow_up.note.no_integration_target")


@pytest.mark.parametrize(
    ("degree", "key"),
    [
        (Decimal("86.5"), "follow_up.integration.reported"),
        (0, "follow_up.integration.reported"),
        (100, "follow_up.integration.reported"),
        (None, "follow_up.integration.none"),
    ],
)
def test_FOLLOW_6_integration_step(degree: Decimal | int | None, key: str) -> None:
    from povertypolicy.rules.follow_up._common import SEED

    figures = dict(FIGURES) if degree is None else {**FIGURES, "integration_degree": degree}
    site = pp.ReportingUnit(id="S1", level=U.SITE, figures=figures)
    pol = policy(SHAANXI)
    r = fu.three_rates_one_degree(site, pol)
    base = ki.evaluate(site, ki.THREE_RATES, pol)
    assert r.value == base.value
    assert r.steps == (
        *base.steps[:-1],
        Step(
            rule="FOLLOW-6",
            key=key,
            inputs={"degree": degree},
            citation=Citation(document=SEED, section="第二篇 §一", quote="群众融入度大幅提升"),
            notes=(NO_TARGET,),
        ),
        base.steps[-1],
    )


@pytest.mark.parametrize("bad", [Decimal("100.1"), 101, True])
def test_FOLLOW_6_integration_refused(bad: object) -> None:
    site = pp.ReportingUnit(id="S1", level=U.SITE, figures={**FIGURES, "integration_degree": bad})
    with pytest.raises(InputError) as exc:
        fu.three_rates_one_degree(site, policy(SHAANXI))
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "ReportingUnit S1",
        "integration_degree",
        bad,
        "0..100",
    )
