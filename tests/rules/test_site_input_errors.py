"""SITE-1 .. SITE-14: every bad input has its own error code, read in all three locales."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp
from povertypolicy import SiteLocation
from povertypolicy.rules import site as sr
from povertypolicy.rules.site._base import _check_count, _check_counts, _check_location
from tests.error_texts import check_input_error, refused

INSIDE = SiteLocation.INSIDE_COUNTY_SEAT_AREA
LOCATIONS = "SiteLocation.INSIDE_COUNTY_SEAT_AREA, SiteLocation.OUTSIDE_COUNTY_SEAT_AREA"


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def test_location_count_and_counts() -> None:
    e = refused(lambda: _check_location("inside", "rule_x"))
    check_input_error(e, "core.error.enum", {"choices": LOCATIONS})
    assert e.text("zh_Hans") == f"rule_x.location：收到 'inside'，应为以下之一：{LOCATIONS}"
    for bad in (-1, True, None):
        check_input_error(refused(_check_count, bad, "rule_x", "n"), "core.error.count", {})
    for bad_seq in ("123", 5):
        e = refused(_check_counts, bad_seq, "rule_x", "counts")
        check_input_error(e, "site.error.counts", {})
    assert e.text("zh_Hant") == "rule_x.counts：收到 5，應為一組不小於0的整數"
    e = refused(lambda: _check_counts([3, -1], "rule_x", "counts"))
    check_input_error(e, "core.error.count", {})


@pytest.mark.parametrize("rule", ["management_unit", "affiliated_organisations", "plan_site"])
def test_a_site_is_a_resettlement_site(policy: pp.Policy, rule: str) -> None:
    kw = {"councils": 1} if rule == "affiliated_organisations" else {}
    e = refused(lambda: getattr(sr, rule)("S1", policy, **kw))
    check_input_error(e, "site.error.site_type", {"type": "ResettlementSite"})
    assert e.text("zh_Hans") == f"{rule}.site：收到 'S1'，应为安置点（ResettlementSite）"
    assert e.text("en") == f"{rule}.site: got 'S1'; expected a resettlement site (ResettlementSite)"


def test_SITE_3_entrances(policy: pp.Policy) -> None:
    e = refused(lambda: sr.partition_groups("E1", INSIDE, policy))  # type: ignore[arg-type]
    check_input_error(e, "site.error.entrances", {"type": "Entrance"})
    assert e.text("zh_Hans") == (
        "partition_groups.entrances：收到 'E1'，应为按街道顺序排列的门栋（Entrance）列表"
    )
    e = refused(lambda: sr.partition_groups([3], INSIDE, policy))  # type: ignore[list-item]
    check_input_error(e, "core.error.item", {"item": "Entrance"})


def test_SITE_5_kind_and_one_shoulder(policy: pp.Policy) -> None:
    e = refused(lambda: sr.deputy_secretary("branch", policy, population=10))  # type: ignore[arg-type]
    choices = ", ".join([*(f"PartyOrgKind.{m.name}" for m in sr.PartyOrgKind), "None"])
    assert choices.endswith("PartyOrgKind.COMMITTEE, None")
    check_input_error(e, "core.error.enum", {"choices": choices})
    e = refused(
        lambda: sr.deputy_secretary(
            sr.PartyOrgKind.BRANCH,
            policy,
            population=10,
            secretary_is_director="yes",  # type: ignore[arg-type]
        )
    )
    check_input_error(e, "core.error.boolean_or_unknown", {})
    assert e.text("zh_Hans") == (
        "deputy_secretary.secretary_is_director：收到 'yes'，应为是或否；未记录时不填"
    )


def test_SITE_12_start_and_months(policy: pp.Policy) -> None:
    e = refused(lambda: sr.grid_schedule(dt.datetime(2024, 1, 1, 9), policy))
    check_input_error(e, "core.error.date", {})
    for bad in (0, True, "2"):
        e = refused(sr.grid_schedule, dt.date(2024, 1, 1), policy, months=bad)
        check_input_error(e, "core.error.positive_count", {})


def test_SITE_13_SITE_14(policy: pp.Policy) -> None:
    e = refused(lambda: sr.service_centre(900, INSIDE, policy, planned_floor_area=520))  # type: ignore[arg-type]
    check_input_error(e, "core.error.area", {})
    e = refused(lambda: sr.service_transfer("someone"))  # type: ignore[arg-type]
    check_input_error(e, "site.error.situation_type", {"type": "TransferSituation"})
    assert e.text("zh_Hant") == (
        "service_transfer.situation：收到 'someone'，應為搬遷人員的公共服務轉移接續情況"
        "（TransferSituation）"
    )
