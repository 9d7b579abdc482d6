"""LAND-4, LAND-5 (social security from state-farm-landless-farmers-security-2022), LAND-7 (campaign
phases), LAND-12 (transfers)."""

from __future__ import annotations

import datetime as dt
import uuid
from fractions import Fraction
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.rules.land import (
    CampaignPhase,
    benefit_floor,
    campaign_schedule,
    social_security_set_aside,
    transfer_schedule,
)

GOV = "state-farm-land-security-governance-2022"
TAIZHOU = "zj-taizhou-expropriated-farmers-2019"


@pytest.fixture(scope="module")
def gov() -> pp.Policy:
    return pp.Policy.load(GOV, on=dt.date(2022, 6, 1))


def county_pack(tmp_path: Path, body: str, parent: str = GOV) -> pp.Policy:
    path = tmp_path / f"county-{uuid.uuid4().hex[:8]}.toml"
    path.write_text(
        f'id = "county-{uuid.uuid4().hex[:8]}"\ntitle = "某县"\nissuer = "某县人民政府"\n'
        f'parent = "{parent}"\nsource = {{ document = "某县文件", section = "全文" }}\n{body}',
        encoding="utf-8",
    )
    return pp.Policy.load(path, on=dt.date(2022, 6, 1))


def test_LAND_4_minimum_set_aside_8_percent(gov: pp.Policy) -> None:
    r = social_security_set_aside(Money("10000000"), gov)
    assert r.value.minimum == Money("800000")
    assert r.value.meets is None
    assert r.steps[0].params[0].value == 8
    assert r.rules == ("LAND-4",)


def test_LAND_4_at_and_below_the_minimum(gov: pp.Policy) -> None:
    at = social_security_set_aside(Money("10000000"), gov, actual=Money("800000")).value
    assert (at.meets, at.shortfall) == (True, Money.zero())
    below = social_security_set_aside(Money("10000000"), gov, actual=Money("799999.99")).value
    assert (below.meets, below.shortfall) == (False, Money("0.01"))


def test_LAND_4_minimum_rounded_up_to_the_fen(gov: pp.Policy) -> None:
    # 8% of 12,345,678.91 = 987,654.3128 → 987,654.32, so that paying it meets "不低于8%"
    r = social_security_set_aside(Money("12345678.91"), gov, actual=Money("987654.32"))
    assert r.value.minimum == Money("987654.32")
    assert r.value.meets is True
    assert not social_security_set_aside(
        Money("12345678.91"), gov, actual=Money("987654.31")
    ).value.meets


def test_LAND_4_bad_revenue(gov: pp.Policy) -> None:
    with pytest.raises(pp.InputError, match="land_transfer_revenue"):
        social_security_set_aside(Money("-1"), gov)


def test_LAND_5_dibao_floor_needs_the_local_standard(gov: pp.Policy) -> None:
    with pytest.raises(pp.ParameterNotFoundError, match=r"land.dibao_standard"):
        benefit_floor(Money("600"), gov)


def test_LAND_5_benefit_at_and_below_the_dibao_standard(tmp_path: Path) -> None:
    policy = county_pack(
        tmp_path,
        '[parameters."land.dibao_standard"]\nunit = "yuan_per_person"\nbound = "inclusive"\n'
        'citation = { document = "某县城乡低保标准通知", section = "一" }\n'
        'values = [{ from = 2022-01-01, value = "650" }]\n',
    )
    at = benefit_floor(Money("650"), policy)
    assert (at.value.meets, at.value.gap) == (True, Money.zero())
    below = benefit_floor(Money("649.99"), policy).value
    assert (below.meets, below.gap) == (False, Money("0.01"))
    assert at.rules == ("LAND-5",)


def test_LAND_7_campaign_phases(gov: pp.Policy) -> None:
    r = campaign_schedule(2022, gov)
    s = r.value
    assert [(p.phase, p.start, p.end) for p in s.phases] == [
        (CampaignPhase.PREPARATION, dt.date(2022, 2, 20), dt.date(2022, 3, 15)),
        (CampaignPhase.SELF_INSPECTION, dt.date(2022, 3, 16), dt.date(2022, 4, 30)),
        (CampaignPhase.RECTIFICATION, dt.date(2022, 5, 1), dt.date(2022, 6, 30)),
        (CampaignPhase.EVALUATION, dt.date(2022, 7, 1), dt.date(2022, 7, 31)),
    ]
    assert s.self_inspection_report_due == dt.date(2022, 4, 30)
    assert s.evaluation_report_due == dt.date(2022, 7, 15)
    assert s.self_inspection_coverage == 1
    assert s.campaign_end == dt.date(2022, 8, 31)
    # the phases follow each other without a gap
    for a, b in zip(s.phases, s.phases[1:], strict=False):
        assert b.start == a.end + dt.timedelta(days=1)
    keys = [n.key for n in r.steps[0].notes]
    assert "land.note.campaign_end_mismatch" in keys  # 8月底 vs phase 4 ending 31 July


@pytest.mark.parametrize(
    ("day", "phase"),
    [
        (dt.date(2023, 2, 19), None),
        (dt.date(2023, 2, 20), CampaignPhase.PREPARATION),
        (dt.date(2023, 3, 15), CampaignPhase.PREPARATION),
        (dt.date(2023, 3, 16), CampaignPhase.SELF_INSPECTION),
        (dt.date(2023, 6, 30), CampaignPhase.RECTIFICATION),
        (dt.date(2023, 7, 31), CampaignPhase.EVALUATION),
        (dt.date(2023, 8, 1), None),
    ],
)
def test_LAND_7_phase_on(gov: pp.Policy, day: dt.date, phase: CampaignPhase | None) -> None:
    assert campaign_schedule(2023, gov).value.phase_on(day) is phase


def test_LAND_7_29_february_only_in_leap_years(tmp_path: Path) -> None:
    policy = county_pack(
        tmp_path,
        '[parameters."land.campaign_end"]\nunit = "date"\n'
        'citation = { document = "某县文件", section = "三" }\n'
        "values = [{ from = 2022-01-01, value = 2020-02-29 }]\n",
    )
    assert campaign_schedule(2024, policy).value.campaign_end == dt.date(2024, 2, 29)
    with pytest.raises(pp.PolicyPackError, match=r"02-29 does not exist in 2022"):
        campaign_schedule(2022, policy)


def test_LAND_12_monthly_and_quarterly_transfers() -> None:
    policy = pp.Policy.load(TAIZHOU, on=dt.date(2020, 1, 1))
    r = transfer_schedule(dt.date(2020, 1, 15), dt.date(2020, 7, 15), policy)
    t = r.value
    assert t.pension_fund == (
        dt.date(2020, 1, 31),
        dt.date(2020, 2, 29),
        dt.date(2020, 3, 31),
        dt.date(2020, 4, 30),
        dt.date(2020, 5, 31),
        dt.date(2020, 6, 30),
    )
    assert t.risk_reserve == (dt.date(2020, 3, 31), dt.date(2020, 6, 30))
    assert r.rules == ("LAND-12",)


def test_LAND_12_month_end_in_a_common_year() -> None:
    policy = pp.Policy.load(TAIZHOU, on=dt.date(2021, 1, 1))
    t = transfer_schedule(dt.date(2021, 1, 31), dt.date(2021, 12, 31), policy).value
    assert t.pension_fund[1] == dt.date(2021, 2, 28)
    assert len(t.pension_fund) == 12
    assert len(t.risk_reserve) == 4


def test_LAND_12_bad_range() -> None:
    policy = pp.Policy.load(TAIZHOU, on=dt.date(2021, 1, 1))
    with pytest.raises(pp.InputError, match="until"):
        transfer_schedule(dt.date(2021, 2, 1), dt.date(2021, 1, 1), policy)


def test_LAND_4_share_is_exact_fraction(gov: pp.Policy) -> None:
    assert gov.param("land.social_security_min_share").fraction == Fraction(2, 25)
