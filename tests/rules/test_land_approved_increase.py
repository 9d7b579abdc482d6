"""LAND-2: a province's approved increase of the resettlement subsidy (1998/2004 law art. 47:
经省、自治区、直辖市人民政府批准，可以增加安置补助费。但是……总和不得超过……三十倍)."""

from __future__ import annotations

import datetime as dt
import textwrap
import uuid
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Area, Change, Citation, Money
from povertypolicy.rules.land import compensation, split_compensation

ON = dt.date(2019, 3, 1)
APPROVAL = Citation(
    document="示例省人民政府关于提高征地安置补助费的批复", section="二", quote="同意增加安置补助费"
)


def province(tmp_path: Path, increase: str | None) -> pp.Policy:
    """1,000 yuan/mu, land fee 10×, 6× per person; the approved increase in its own entry."""
    doc = '{ document = "示例省征地补偿标准", section = "附表" }'
    body = f"""
    id = "province-{uuid.uuid4().hex[:8]}"
    title = "示例省"
    issuer = "示例省人民政府"
    parent = "cn"
    source = {doc}

    [parameters."land.annual_output_value"]
    unit = "yuan_per_mu"
    citation = {doc}
    values = [{{ from = 2010-01-01, value = "1000" }}]

    [parameters."land.land_compensation_multiple"]
    unit = "times"
    citation = {doc}
    values = [{{ from = 2010-01-01, value = "10" }}]

    [parameters."land.resettlement_multiple"]
    unit = "times"
    citation = {doc}
    values = [{{ from = 2010-01-01, value = "6" }}]

    [parameters."land.household_share_of_land_compensation"]
    unit = "percent"
    citation = {doc}
    values = [{{ from = 2010-01-01, value = "80" }}]

    [parameters."land.resettlement_subsidy_payee"]
    unit = "choice"
    citation = {doc}
    values = [{{ from = 2010-01-01, value = "households" }}]
    """
    if increase is not None:
        body += f"""
    [parameters."land.approved_resettlement_increase"]
    unit = "times"
    citation = {{ document = "{APPROVAL.document}", section = "二", quote = "{APPROVAL.quote}" }}
    values = [{{ from = 2015-01-01, until = 2019-12-31, value = "{increase}" }}]
    """
    path = tmp_path / "province.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return pp.Policy.load(path, on=ON)


def case(per_capita: str = "0.3") -> pp.Expropriation:
    """3 mu cultivated; 0.3 mu per person → 10 persons × 6 × 1,000 = 60,000, cut to 15× 45,000."""
    return pp.Expropriation(
        collective="V1",
        approved_on=ON,
        parcels=[
            pp.Parcel(
                id="p1", area=Area.mu("3"), land_type=pp.LandType.CULTIVATED, contracted_by="H1"
            )
        ],
        households=[
            pp.Household(id="H1", members=[pp.Person(id="A1", birth_date=dt.date(1970, 1, 1))])
        ],
        per_capita_cultivated_before=Area.mu(per_capita),
    )


def keys(r: pp.Result[object]) -> list[str]:
    return [s.key for s in r.steps]


def test_no_approved_increase_recorded_none_applied_nothing_said(tmp_path: Path) -> None:
    r = compensation(case(), province(tmp_path, None))
    c = r.value
    assert c.approved_increase is None
    assert c.resettlement_subsidy == Money("45000")  # the 15× cap
    assert c.resettlement_capped
    assert "land.approved_increase" not in keys(r)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        text = r.explain(locale)
        assert "省级人民政府批准增加" not in text
        assert "省級人民政府批准增加" not in text
        assert "approved by the provincial" not in text


def test_exactly_30x_is_allowed(tmp_path: Path) -> None:
    # 45,000 (15×) + 5 × 1,000 × 3 = 60,000 → 10× + 20× = 30× exactly: 不得超过 is inclusive
    r = compensation(case(), province(tmp_path, "5"))
    c = r.value
    assert c.resettlement_subsidy == Money("60000")
    assert c.approved_increase == Money("15000")
    assert not c.combined_capped
    assert c.land_compensation + c.resettlement_subsidy == Money("90000")
    notes = [n.key for s in r.steps for n in s.notes]
    assert "land.note.approved_increase_capped" not in notes


def test_just_above_30x_is_capped_and_says_so(tmp_path: Path) -> None:
    # 5.01×: 15.03 yuan over the cap; the subsidy is cut to 30× and the increase to 15,000
    r = compensation(case(), province(tmp_path, "5.01"))
    c = r.value
    assert c.combined_capped
    assert c.resettlement_subsidy == Money("60000")
    assert c.approved_increase == Money("15000")
    step = next(s for s in r.steps if s.key == "land.approved_increase")
    assert step.inputs["increase"] == Money("15030")
    assert step.inputs["amount"] == Money("60030")
    notes = [n for s in r.steps for n in s.notes]
    capped = next(n for n in notes if n.key == "land.note.approved_increase_capped")
    assert capped.args["granted"] == Money("15000")


def test_far_above_the_cap(tmp_path: Path) -> None:
    c = compensation(case(), province(tmp_path, "8")).value
    assert c.combined_capped
    assert c.resettlement_subsidy == Money("60000")
    assert c.approved_increase == Money("15000")


def test_increase_under_the_per_hectare_cap_too(tmp_path: Path) -> None:
    # 0.6 mu per person: 5 persons × 6 × 1,000 = 30,000 (10×), under 15×; + 2× = 36,000
    c = compensation(case("0.6"), province(tmp_path, "2")).value
    assert not c.resettlement_capped
    assert not c.combined_capped
    assert c.resettlement_subsidy == Money("36000")
    assert c.approved_increase == Money("6000")


def test_order_of_the_explanation_law_then_province_then_cap(tmp_path: Path) -> None:
    r = compensation(case(), province(tmp_path, "8"))
    order = keys(r)
    assert (
        order.index("land.rs_by_output_value")
        < order.index("land.rs_cap")
        < order.index("land.approved_increase")
        < order.index("land.combined_cap")
    )
    step = next(s for s in r.steps if s.key == "land.approved_increase")
    (param,) = step.params
    assert param.name == "land.approved_resettlement_increase"
    assert param.citation.document == APPROVAL.document  # the province's own citation
    range_step = next(s for s in r.steps if s.key == "land.rs_by_output_value")
    law_range = next(p for p in range_step.params if p.name == "land.resettlement_multiple_range")
    assert law_range.pack_id == "cn"  # the law's range stays the law's
    assert law_range.range.max == 6


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "zh_Hans",
            [
                "经省级人民政府批准增加安置补助费：年产值1000元 × 3亩 × 8倍 = 24000元",
                "= 24000元；安置补助费 = 69000元",
                "示例省人民政府关于提高征地安置补助费的批复 二",
                "省级批准的增加额受两项费用总和上限限制，实际增加15000元",
            ],
        ),
        (
            "zh_Hant",
            [
                "經省級人民政府批准增加安置補助費：年產值1000元 × 3畝 × 8倍 = 24,000元",
                "省級批准的增加額受兩項費用總和上限限制，實際增加15,000元",
            ],
        ),
        (
            "en",
            [
                "increase of the resettlement subsidy approved by the provincial government",
                "= CN¥24,000.00; resettlement subsidy = CN¥69,000.00",
                "the approved increase is limited by the combined cap: CN¥15,000.00 is added",
            ],
        ),
    ],
)
def test_explained_in_three_locales(tmp_path: Path, locale: str, expected: list[str]) -> None:
    text = compensation(case(), province(tmp_path, "8")).explain(locale)
    for part in expected:
        assert part in text, text


def test_outside_its_period_none_applied(tmp_path: Path) -> None:
    policy = province(tmp_path, "5").at(dt.date(2014, 6, 1))
    exp = pp.Expropriation.from_dict({**case().to_dict(), "approved_on": "2014-06-01"})
    c = compensation(exp, policy).value
    assert c.approved_increase is None
    assert c.resettlement_subsidy == Money("45000")


def test_split_pays_the_increase_to_the_resettlement_payee(tmp_path: Path) -> None:
    s = split_compensation(case(), province(tmp_path, "5")).value
    assert s.total == Money("90000")
    assert s.due()["H1"] == Money("60000") + Money("24000")  # subsidy + 80% of the land fee


def test_a_what_if_approved_increase(tmp_path: Path) -> None:
    base = province(tmp_path, None)
    variant = base.derive(
        {"land.approved_resettlement_increase": Change("5", scenario="假设省里批准增加5倍")}
    )
    cmp = pp.compare(compensation, base, variant, case())
    by = {ch.field: ch for ch in cmp.changes}
    assert by["resettlement_subsidy"].delta == Money("15000")
    assert by["total"].delta == Money("15000")
    assert by["approved_increase"].new == Money("15000")
    assert [p.name for p in cmp.parameters] == ["land.approved_resettlement_increase"]
    assert "情景假设（非政策规定）：假设省里批准增加5倍" in cmp.variant.explain("zh_Hans")
