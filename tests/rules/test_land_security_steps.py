"""LAND-4, LAND-5, LAND-7, LAND-12 step by step: per branch the rule ID, message key, inputs,
params and notes (compared whole), and the refusals."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import InputError, Money
from povertypolicy.explain import Note, NoteKind, Step
from povertypolicy.rules.land import (
    CampaignPhase,
    benefit_floor,
    campaign_schedule,
    social_security_set_aside,
    transfer_schedule,
)
from povertypolicy.rules.land.values import (
    BenefitCheck,
    CampaignSchedule,
    Phase,
    SetAsideCheck,
    TransferSchedule,
)

from .test_land_security import GOV, TAIZHOU, county_pack

D = dt.date
ROUND_UP = Note(kind=NoteKind.ROUNDING, key="land.note.round_up_minimum")


@pytest.fixture(scope="module")
def gov() -> pp.Policy:
    return pp.Policy.load(GOV, on=D(2022, 6, 1))


@pytest.fixture(scope="module")
def taizhou() -> pp.Policy:
    return pp.Policy.load(TAIZHOU, on=D(2020, 1, 1))


# -- LAND-4 ------------------------------------------------------------------------------------


def test_LAND_4_steps_without_and_with_actual(gov: pp.Policy) -> None:
    share = gov.param("land.social_security_min_share")
    rev = Money("12345678.91")
    minimum = Money("987654.32")
    r = social_security_set_aside(rev, gov)
    assert r.value == SetAsideCheck(
        land_transfer_revenue=rev, minimum=minimum, actual=None, meets=None
    )
    assert r.value.shortfall is None
    first = Step(
        rule="LAND-4",
        key="land.set_aside_minimum",
        inputs={"revenue": rev, "minimum": minimum},
        params=(share,),
        notes=(ROUND_UP,),
    )
    assert r.steps == (first,)
    actual = Money("987654.31")
    r = social_security_set_aside(rev, gov, actual=actual)
    percent = Fraction(actual.fen * 100, rev.fen)
    assert r.value == SetAsideCheck(
        land_transfer_revenue=rev, minimum=minimum, actual=actual, meets=False
    )
    assert r.value.shortfall == Money("0.01")
    assert r.steps == (
        first,
        Step(
            rule="LAND-4",
            key="land.set_aside_check",
            inputs={"actual": actual, "percent": percent, "meets": False},
            params=(share,),
        ),
    )
    over = social_security_set_aside(rev, gov, actual=Money("1000000")).value
    assert (over.meets, over.shortfall) == (True, Money.zero())


def test_LAND_4_zero_revenue(gov: pp.Policy) -> None:
    r = social_security_set_aside(Money.zero(), gov, actual=Money.zero())
    assert r.value.minimum == Money.zero()
    assert r.value.meets is True
    assert r.steps[1].inputs["percent"] == Fraction(100)
    assert social_security_set_aside(Money.zero(), gov).value.meets is None


@pytest.mark.parametrize("bad", [Money("-0.01"), 100, None])
def test_LAND_4_refusals_compared_whole(gov: pp.Policy, bad: object) -> None:
    with pytest.raises(InputError) as exc:
        social_security_set_aside(bad, gov)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "social_security_set_aside",
        "land_transfer_revenue",
        bad,
        "a Money amount >= 0",
    )
    if bad is None:
        return
    with pytest.raises(InputError) as exc:
        social_security_set_aside(Money("100"), gov, actual=bad)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "social_security_set_aside",
        "actual",
        bad,
        "a Money amount >= 0",
    )


def test_LAND_4_zero_is_accepted(gov: pp.Policy) -> None:
    r = social_security_set_aside(Money("100"), gov, actual=Money.zero())
    assert r.value.meets is False
    assert r.value.shortfall == Money("8")


# -- LAND-5 ------------------------------------------------------------------------------------


def _dibao(tmp_path: Path) -> pp.Policy:
    return county_pack(
        tmp_path,
        '[parameters."land.dibao_standard"]\nunit = "yuan_per_person"\nbound = "inclusive"\n'
        'citation = { document = "某县城乡低保标准通知", section = "一" }\n'
        'values = [{ from = 2022-01-01, value = "650" }]\n',
    )


def test_LAND_5_steps(tmp_path: Path) -> None:
    policy = _dibao(tmp_path)
    standard = policy.param("land.dibao_standard")
    for benefit, meets, gap in (
        (Money("649.99"), False, Money("0.01")),
        (Money("650"), True, Money.zero()),
        (Money("700"), True, Money.zero()),
        (Money.zero(), False, Money("650")),
    ):
        r = benefit_floor(benefit, policy)
        assert r.value == BenefitCheck(benefit=benefit, dibao_standard=Money("650"), meets=meets)
        assert r.value.gap == gap
        assert r.steps == (
            Step(
                rule="LAND-5",
                key="land.benefit_floor",
                inputs={
                    "benefit": benefit,
                    "standard": Money("650"),
                    "meets": meets,
                    "gap": gap,
                },
                params=(standard,),
            ),
        )


@pytest.mark.parametrize("bad", [Money("-0.01"), 650])
def test_LAND_5_refusals_compared_whole(tmp_path: Path, bad: object) -> None:
    with pytest.raises(InputError) as exc:
        benefit_floor(bad, _dibao(tmp_path))  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "benefit_floor",
        "monthly_benefit",
        bad,
        "a Money amount >= 0",
    )


# -- LAND-7 ------------------------------------------------------------------------------------

NAMES = (
    "preparation_start",
    "preparation_end",
    "self_inspection_start",
    "self_inspection_end",
    "rectification_start",
    "rectification_end",
    "evaluation_start",
    "evaluation_end",
)


def test_LAND_7_step(gov: pp.Policy) -> None:
    r = campaign_schedule(2022, gov)
    phases = (
        Phase(phase=CampaignPhase.PREPARATION, start=D(2022, 2, 20), end=D(2022, 3, 15)),
        Phase(phase=CampaignPhase.SELF_INSPECTION, start=D(2022, 3, 16), end=D(2022, 4, 30)),
        Phase(phase=CampaignPhase.RECTIFICATION, start=D(2022, 5, 1), end=D(2022, 6, 30)),
        Phase(phase=CampaignPhase.EVALUATION, start=D(2022, 7, 1), end=D(2022, 7, 31)),
    )
    coverage = gov.param("land.self_inspection_coverage")
    assert r.value == CampaignSchedule(
        year=2022,
        phases=phases,
        self_inspection_report_due=D(2022, 4, 30),
        evaluation_report_due=D(2022, 7, 15),
        campaign_end=D(2022, 8, 31),
        self_inspection_coverage=Fraction(1),
    )
    used = (
        *(gov.param(f"land.campaign_{n}") for n in NAMES),
        gov.param("land.campaign_self_inspection_report_due"),
        gov.param("land.campaign_evaluation_report_due"),
        gov.param("land.campaign_end"),
        coverage,
    )
    days = [d for p in phases for d in (p.start, p.end)]
    assert r.steps == (
        Step(
            rule="LAND-7",
            key="land.campaign",
            inputs={
                "year": "2022",
                **dict(zip(NAMES, days, strict=True)),
                "report1": D(2022, 4, 30),
                "report2": D(2022, 7, 15),
                "coverage": coverage.decimal,
            },
            params=used,
            notes=(
                Note(kind=NoteKind.BOUNDARY, key="land.note.report_before"),
                Note(
                    kind=NoteKind.WARNING,
                    key="land.note.campaign_end_mismatch",
                    args={"end": D(2022, 8, 31), "last": D(2022, 7, 31)},
                ),
            ),
        ),
    )


def test_LAND_7_no_mismatch_note_when_the_end_matches(tmp_path: Path) -> None:
    policy = county_pack(
        tmp_path,
        '[parameters."land.campaign_end"]\nunit = "date"\n'
        'citation = { document = "某县文件", section = "三" }\n'
        "values = [{ from = 2022-01-01, value = 2022-07-31 }]\n",
    )
    r = campaign_schedule(2023, policy)
    assert r.value.campaign_end == D(2023, 7, 31)
    assert r.steps[0].notes == (Note(kind=NoteKind.BOUNDARY, key="land.note.report_before"),)


def test_LAND_7_missing_day_refusal_compared_whole(tmp_path: Path) -> None:
    policy = county_pack(
        tmp_path,
        '[parameters."land.campaign_end"]\nunit = "date"\n'
        'citation = { document = "某县文件", section = "三" }\n'
        "values = [{ from = 2022-01-01, value = 2020-02-29 }]\n",
    )
    with pytest.raises(pp.PolicyPackError) as exc:
        campaign_schedule(2023, policy)
    e = exc.value
    assert e.file == policy.param("land.campaign_end").pack_id
    assert e.key == "parameters.land.campaign_end"
    assert e.problem == "02-29 does not exist in 2023"
    assert (e.code, e.extra) == ("core.error.pack_month_day", {"month": 2, "day": 29, "year": 2023})
    assert e.text("zh_Hans").endswith("该日期按每年2月29日取用，但2023年没有这一天")


@pytest.mark.parametrize("year", [True, 2022.0, "2022", 0, 10000, -1])
def test_LAND_7_refuses_what_is_not_a_year(gov: pp.Policy, year: object) -> None:
    with pytest.raises(InputError) as exc:
        campaign_schedule(year, gov)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == ("campaign_schedule", "year", year, "a year")


@pytest.mark.parametrize("year", [1, 9999])
def test_LAND_7_first_and_last_year(gov: pp.Policy, year: int) -> None:
    assert campaign_schedule(year, gov).value.year == year


def test_LAND_7_phase_on_edges(gov: pp.Policy) -> None:
    s = campaign_schedule(2022, gov).value
    assert s.phase_on(D(2022, 2, 20)) is CampaignPhase.PREPARATION
    assert s.phase_on(D(2022, 4, 30)) is CampaignPhase.SELF_INSPECTION
    assert s.phase_on(D(2022, 5, 1)) is CampaignPhase.RECTIFICATION
    assert s.phase_on(D(2022, 8, 1)) is None


# -- LAND-12 -----------------------------------------------------------------------------------


def test_LAND_12_step(taizhou: pp.Policy) -> None:
    start, until = D(2020, 1, 15), D(2020, 7, 15)
    r = transfer_schedule(start, until, taizhou)
    pension = tuple(
        D(2020, m, d) for m, d in ((1, 31), (2, 29), (3, 31), (4, 30), (5, 31), (6, 30))
    )
    reserve = (D(2020, 3, 31), D(2020, 6, 30))
    assert r.value == TransferSchedule(pension_fund=pension, risk_reserve=reserve)
    assert r.steps == (
        Step(
            rule="LAND-12",
            key="land.transfers",
            inputs={
                "start": start,
                "until": until,
                "pension": 6,
                "reserve": 2,
                "first_pension": D(2020, 1, 31),
                "first_reserve": D(2020, 3, 31),
            },
            params=(
                taizhou.param("land.pension_fund_transfer_frequency"),
                taizhou.param("land.risk_reserve_transfer_frequency"),
            ),
            notes=(Note(kind=NoteKind.CONVENTION, key="land.note.period_end"),),
        ),
    )


def test_LAND_12_short_range_has_no_dates(taizhou: pp.Policy) -> None:
    r = transfer_schedule(D(2020, 1, 2), D(2020, 1, 30), taizhou)
    assert r.value == TransferSchedule(pension_fund=(), risk_reserve=())
    assert r.steps[0].inputs["first_pension"] == "—"
    assert r.steps[0].inputs["first_reserve"] == "—"
    # a range ending on a month end includes it; a single day is allowed
    one = transfer_schedule(D(2020, 3, 31), D(2020, 3, 31), taizhou).value
    assert one == TransferSchedule(pension_fund=(D(2020, 3, 31),), risk_reserve=(D(2020, 3, 31),))


def test_LAND_12_refusals_compared_whole(taizhou: pp.Policy) -> None:
    def refused(start: object, until: object) -> tuple[object, ...]:
        with pytest.raises(InputError) as exc:
            transfer_schedule(start, until, taizhou)  # type: ignore[arg-type]
        e = exc.value
        return (e.obj, e.field, e.value, e.expected)

    moment = dt.datetime(2020, 1, 1)
    assert refused(moment, D(2020, 2, 1)) == (
        "transfer_schedule", "start", moment, "a datetime.date",
    )  # fmt: skip
    assert refused(D(2020, 1, 1), "2020-02-01") == (
        "transfer_schedule", "until", "2020-02-01", "a datetime.date",
    )  # fmt: skip
    assert refused(D(2020, 2, 1), D(2020, 1, 31)) == (
        "transfer_schedule", "until", D(2020, 1, 31), "on or after 2020-02-01",
    )  # fmt: skip
