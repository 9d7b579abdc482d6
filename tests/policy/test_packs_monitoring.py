"""The poverty-line series (cn) and the 篇4, 篇5, 篇8 packs: values, bounds, quotes."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp
from povertypolicy.policy import Bound, all_specs, load_pack

SOURCE = "poverty-work-plan-samples"
PACKS = {
    "town-return-poverty-monitoring-2021": ("monitoring.", "篇8", dt.date(2021, 6, 1)),
    "hn-longhui-town-registration-2014": ("registration.", "篇4", dt.date(2014, 4, 1)),
    "jx-township-poverty-plan-2015": ("registration.", "篇5", dt.date(2016, 1, 1)),
}
SERIES = {
    2010: "2300",
    2011: "2536",
    2012: "2625",
    2013: "2736",
    2014: "2800",
    2015: "2855",
    2016: "2952",
    2017: "2952",
    2018: "2995",
    2019: "3218",
    2020: "4000",
}


@pytest.mark.parametrize(("year", "value"), SERIES.items())
def test_poverty_line_by_calendar_year(year: int, value: str) -> None:
    cn = pp.Policy.load("cn", on=dt.date(year, 1, 1))
    assert cn.param("poverty.line").money == pp.Money(value)
    assert cn.at(dt.date(year, 12, 31)).param("poverty.line").money == pp.Money(value)
    status = cn.param("poverty.line_status").text
    assert status == (
        "published" if year <= 2016 else ("approximate" if year == 2020 else "unconfirmed")
    )


def test_poverty_line_is_cited_per_year() -> None:
    pack = load_pack("cn")
    values = pack.parameters["poverty.line"].values
    assert [v.start.year for v in values] == list(SERIES)
    for v in values:  # the national NBS table, never a county's plan
        assert v.citation.document == "nbs-rural-poverty-monitoring-report"
        assert str(v.start.year) in (v.citation.section or "")
    assert (
        str(values[0].citation) == "《中国农村贫困监测报告》农村贫困标准（现行标准，当年价）2010年"
    )
    assert pp.get_source("nbs-rural-poverty-monitoring-report").issuer == "国家统计局住户调查办公室"


def test_no_line_after_2020() -> None:
    with pytest.raises(pp.ParameterPeriodError):
        pp.Policy.load("cn", on=dt.date(2021, 1, 1)).param("poverty.line")


@pytest.mark.parametrize("pack_id", PACKS)
def test_pack_is_shipped_cited_and_child_of_cn(pack_id: str) -> None:
    prefix, section, on = PACKS[pack_id]
    pack = load_pack(pack_id)
    assert pack.parent == "cn"
    policy = pp.Policy.load(pack_id, on=on)
    for name in pack.parameters:
        assert name.startswith(prefix)
        p = policy.param(name)
        assert p.citation.document == SOURCE
        assert (p.citation.section or "").startswith(section)
        assert p.citation.quote


def test_every_area_parameter_is_in_a_shipped_pack_or_user_supplied() -> None:
    user = {f"registration.quota_weight_{c}" for c in ("good", "average", "poor", "deeply_poor")}
    shipped = {n for pid in PACKS for n in load_pack(pid).parameters}
    for name in all_specs():
        if name.startswith(("monitoring.", "registration.")):
            assert name in shipped or name in user, name


@pytest.mark.parametrize(
    ("pack_id", "name", "value", "bound"),
    [
        (
            "town-return-poverty-monitoring-2021",
            "monitoring.income_line_multiple",
            "1.5",
            Bound.EXCLUSIVE,
        ),
        (
            "town-return-poverty-monitoring-2021",
            "monitoring.spot_check_doubtful_rate",
            "2",
            Bound.EXCLUSIVE,
        ),
        (
            "hn-longhui-town-registration-2014",
            "registration.main_labourer_max_age",
            60,
            Bound.INCLUSIVE,
        ),
        (
            "hn-longhui-town-registration-2014",
            "registration.evaluation_group_min_members",
            30,
            Bound.INCLUSIVE,
        ),
        (
            "hn-longhui-town-registration-2014",
            "registration.evaluation_group_min_households",
            2,
            Bound.INCLUSIVE,
        ),
        (
            "hn-longhui-town-registration-2014",
            "registration.min_participation",
            "80",
            Bound.INCLUSIVE,
        ),
        ("hn-longhui-town-registration-2014", "registration.posting_min_days", 7, Bound.INCLUSIVE),
        ("jx-township-poverty-plan-2015", "registration.incidence_target", "3", Bound.INCLUSIVE),
        (
            "jx-township-poverty-plan-2015",
            "registration.income_growth_margin",
            "5",
            Bound.INCLUSIVE,
        ),
        (
            "jx-township-poverty-plan-2015",
            "registration.pairing_min_income_gain",
            pp.Money("2000"),
            Bound.INCLUSIVE,
        ),
    ],
)
def test_thresholds_and_bounds(pack_id: str, name: str, value: object, bound: Bound) -> None:
    p = pp.Policy.load(pack_id, on=PACKS[pack_id][2]).param(name)
    assert str(p.value) == str(value) or p.value == value
    assert p.bound is bound


def test_half_month_is_a_default_in_principle() -> None:
    p = pp.Policy.load("town-return-poverty-monitoring-2021", on=dt.date(2021, 6, 1))
    assert p.param("monitoring.half_month").qualifier == "原则上"


@pytest.mark.parametrize("pack_id", [*PACKS, "cn"])
def test_quotes_are_from_the_source(pack_id: str) -> None:
    for name, param in load_pack(pack_id).parameters.items():
        if pack_id == "cn" and not name.startswith(("poverty.", "core.")):
            continue  # other areas' national parameters are tested with their areas
        for v in param.values:
            c = v.citation
            assert c.document is not None
            source = pp.get_source(c.document)
            if not source.has_text:
                assert pack_id == "cn"  # the NBS report: cited by table and year
                continue
            assert c.quote, name
            part = source.part_for(c.section)
            assert source.find(c.quote, part=None if part is None else part.name), (name, c.quote)


def test_rule_citation_quotes_are_from_the_source() -> None:
    from povertypolicy.rules.monitoring import history, screening
    from povertypolicy.rules.registration import eligibility, procedure, quota

    source = pp.get_source(SOURCE)
    for module in (screening, history, eligibility, procedure, quota):
        for value in vars(module).values():
            if isinstance(value, pp.Citation) and value.document == SOURCE and value.quote:
                part = source.part_for(value.section)
                assert part is not None, value
                assert source.find(value.quote, part=part.name) is not None, value.quote
