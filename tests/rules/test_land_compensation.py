"""LAND-1, LAND-2: the compensation items, both methods, the 15× / 30× caps (law art. 47 / 48)."""

from __future__ import annotations

import datetime as dt
import uuid
from fractions import Fraction
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules.land import CompensationMethod, compensation

OLD_LAW = dt.date(2019, 3, 1)
NEW_LAW = dt.date(2021, 3, 1)
DOC = 'citation = { document = "示例省征地补偿标准", section = "附表" }'


def province_pack(tmp_path: Path, parent: str = "cn", **values: str) -> Path:
    """A user's province pack (the provinces' figures are not in the seeds)."""
    figures = {
        "land.annual_output_value": ("yuan_per_mu", '"2000"'),
        "land.land_compensation_multiple": ("times", '"8"'),
        "land.resettlement_multiple": ("times", '"5"'),
        "land.zone_price": ("yuan_per_mu", '"60000"'),
        "land.zone_price_land_compensation_share": ("percent", '"40"'),
        "land.social_security_fee_per_mu": ("yuan_per_mu", '"30000"'),
        "land.household_share_of_land_compensation": ("percent", '"80"'),
        "land.resettlement_subsidy_payee": ("choice", '"households"'),
    }
    lines = [
        f'id = "province-{uuid.uuid4().hex[:8]}"',
        'title = "示例省"',
        'issuer = "示例省人民政府"',
        f'parent = "{parent}"',
        'source = { document = "示例省征地补偿标准", section = "全文" }',
    ]
    for name, (unit, default) in figures.items():
        key = name.split(".", 1)[1]
        value = values.pop(key, default)
        if value == "omit":
            continue
        lines += [
            f'[parameters."{name}"]',
            f'unit = "{unit}"',
            DOC,
            f"values = [{{ from = 2010-01-01, value = {value} }}]",
        ]
    for key, raw in values.items():  # overrides of national parameters (e.g. a raised cap)
        unit, _, value = raw.partition(":")
        bound = "inclusive" if key.endswith("cap_multiple") else None
        lines += [f'[parameters."land.{key}"]', f'unit = "{unit}"', DOC]
        if bound:
            lines.append(f'bound = "{bound}"')
        lines.append(f"values = [{{ from = 2010-01-01, until = 2019-12-31, value = {value} }}]")
    path = tmp_path / f"province-{uuid.uuid4().hex[:8]}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def case(
    *areas: str,
    approved_on: dt.date = OLD_LAW,
    per_capita: str | None = "0.8",
    other: str | None = None,
) -> pp.Expropriation:
    members = [pp.Person(id="A1", birth_date=dt.date(1970, 1, 1))]
    parcels = [
        pp.Parcel(
            id=f"p{i}",
            area=Area.mu(a),
            land_type=pp.LandType.CULTIVATED,
            contracted_by="H1",
        )
        for i, a in enumerate(areas)
    ]
    if other is not None:
        parcels.append(
            pp.Parcel(id="px", area=Area.mu(other), land_type=pp.LandType.OTHER_AGRICULTURAL)
        )
    return pp.Expropriation(
        collective="V1",
        approved_on=approved_on,
        parcels=parcels,
        households=[pp.Household(id="H1", members=members)],
        per_capita_cultivated_before=None if per_capita is None else Area.mu(per_capita),
    )


def load(path: Path, on: dt.date = OLD_LAW) -> pp.Policy:
    return pp.Policy.load(path, on=on)


def test_LAND_2_worked_example_within_the_law_ranges(tmp_path: Path) -> None:
    # 8 mu at 2,000 yuan/mu; land fee 8×; 0.8 mu per person → 10 persons × 5 × 2,000.
    r = compensation(case("5", "3"), load(province_pack(tmp_path)))
    c = r.value
    assert c.method is CompensationMethod.ANNUAL_OUTPUT_VALUE
    assert c.land_compensation == Money("128000")
    assert c.persons_to_resettle == 10
    assert c.resettlement_subsidy == Money("100000")
    assert c.social_security_fees == Money.zero()  # not an item under the 1998/2004 text
    assert c.total == Money("228000")
    assert not c.resettlement_capped
    assert not c.combined_capped
    assert r.rules == ("LAND-1", "LAND-2")
    names = {p.name for p in r.params}
    assert {"land.land_compensation_multiple_range", "land.resettlement_cap_multiple"} <= names


def test_LAND_2_persons_to_resettle_kept_exact(tmp_path: Path) -> None:
    c = compensation(case("1", per_capita="0.6"), load(province_pack(tmp_path))).value
    assert c.persons_to_resettle == Fraction(5, 3)
    # 5/3 persons × 5 × 2,000 = 16,666.666… → half-up to the fen
    assert c.resettlement_subsidy == Money("16666.67")
    assert not c.resettlement_capped


def test_LAND_2_rounding_half_up_to_the_fen(tmp_path: Path) -> None:
    pack = province_pack(
        tmp_path, annual_output_value='"1333.33"', land_compensation_multiple='"7"'
    )
    c = compensation(case("1.37"), load(pack)).value
    # 1,333.33 × 1.37 × 7 = 12,786.6347 → 12,786.63
    assert c.land_compensation == Money("12786.63")


def test_LAND_2_resettlement_cap_15x_at_the_cap(tmp_path: Path) -> None:
    # 0.4 mu per person, 6× → exactly 15× the output value of the land taken.
    pack = province_pack(tmp_path, annual_output_value='"1000"', resettlement_multiple='"6"')
    c = compensation(case("6", per_capita="0.4"), load(pack)).value
    assert c.persons_to_resettle == 15
    assert c.resettlement_subsidy == Money("90000")  # 15 × 1,000 × 6
    assert not c.resettlement_capped


def test_LAND_2_resettlement_cap_15x_beyond_the_cap(tmp_path: Path) -> None:
    pack = province_pack(tmp_path, annual_output_value='"1000"', resettlement_multiple='"6"')
    r = compensation(case("6", per_capita="0.3"), load(pack))
    c = r.value
    assert c.persons_to_resettle == 20  # 20 × 6 × 1,000 = 120,000 before the cap
    assert c.resettlement_subsidy == Money("90000")
    assert c.resettlement_capped
    cap_step = next(s for s in r.steps if s.key == "land.rs_cap")
    assert cap_step.inputs["capped"] is True
    assert cap_step.inputs["ratio"] == 20


def test_LAND_2_combined_cap_30x_at_the_cap(tmp_path: Path) -> None:
    # The combined cap's arithmetic, with the per-hectare cap overridden so it does not bite
    # first. A province's approval is its own parameter (test_land_approved_increase.py).
    pack = province_pack(
        tmp_path,
        annual_output_value='"1000"',
        land_compensation_multiple='"10"',
        resettlement_multiple='"6"',
        resettlement_cap_multiple="times:25",
    )
    c = compensation(case("3", per_capita="0.3"), load(pack)).value
    assert c.land_compensation == Money("30000")  # 10×
    assert c.resettlement_subsidy == Money("60000")  # 20×: 10 + 20 = 30× exactly
    assert not c.resettlement_capped
    assert not c.combined_capped


def test_LAND_2_combined_cap_30x_beyond_the_cap(tmp_path: Path) -> None:
    pack = province_pack(
        tmp_path,
        annual_output_value='"1000"',
        land_compensation_multiple='"10"',
        resettlement_multiple='"6"',
        resettlement_cap_multiple="times:25",
    )
    r = compensation(case("3", per_capita="0.25"), load(pack))
    c = r.value
    # 24× before the combined cap; 10 + 24 = 34 > 30 → the subsidy is cut to 20×.
    assert not c.resettlement_capped
    assert c.combined_capped
    assert c.resettlement_subsidy == Money("60000")
    assert c.land_compensation + c.resettlement_subsidy == Money("90000")  # 30 × 1,000 × 3
    notes = [n.key for s in r.steps for n in s.notes]
    assert "land.note.combined_cap_cuts_subsidy" in notes


def test_LAND_2_multiple_outside_the_law_range_is_refused(tmp_path: Path) -> None:
    pack = province_pack(tmp_path, land_compensation_multiple='"12"')
    with pytest.raises(pp.RuleError, match="outside the range 6–10") as info:
        compensation(case("1"), load(pack))
    assert info.value.rule == "LAND-2"


@pytest.mark.parametrize(("multiple", "ok"), [('"6"', True), ('"10"', True), ('"5.99"', False)])
def test_LAND_2_land_fee_range_ends_are_inclusive(tmp_path: Path, multiple: str, ok: bool) -> None:
    pack = province_pack(tmp_path, land_compensation_multiple=multiple)
    if ok:
        assert compensation(case("1"), load(pack)).value.land_compensation
    else:
        with pytest.raises(pp.RuleError):
            compensation(case("1"), load(pack))


def test_LAND_2_missing_province_figure_names_it(tmp_path: Path) -> None:
    pack = province_pack(tmp_path, annual_output_value="omit")
    with pytest.raises(pp.ParameterNotFoundError) as info:
        compensation(case("1"), load(pack))
    assert info.value.name == "land.annual_output_value"
    assert "cn" in info.value.chain
    assert "land.annual_output_value" in str(info.value)


def test_LAND_2_national_pack_alone_lacks_the_province_figures() -> None:
    with pytest.raises(pp.ParameterNotFoundError, match=r"land.annual_output_value"):
        compensation(case("1"), pp.Policy.load("cn", on=OLD_LAW))
    with pytest.raises(pp.ParameterNotFoundError, match=r"land.zone_price"):
        compensation(case("1", approved_on=NEW_LAW), pp.Policy.load("cn", on=NEW_LAW))


def test_LAND_2_needs_per_capita_land_for_the_output_value_method(tmp_path: Path) -> None:
    with pytest.raises(pp.InputError, match="per_capita_cultivated_before"):
        compensation(case("1", per_capita=None), load(province_pack(tmp_path)))


def test_LAND_1_LAND_2_zone_price_and_four_items_from_2020(tmp_path: Path) -> None:
    r = compensation(case("5", "3", approved_on=NEW_LAW), load(province_pack(tmp_path), NEW_LAW))
    c = r.value
    assert c.method is CompensationMethod.ZONE_PRICE
    assert c.land_compensation == Money("192000")  # 40% of 60,000 × 8
    assert c.resettlement_subsidy == Money("288000")
    assert c.social_security_fees == Money("240000")  # 30,000 × 8
    assert c.persons_to_resettle is None
    assert r.steps[0].inputs["count"] == 4


def test_LAND_2_zone_price_split_names_the_item_that_took_the_fen(tmp_path: Path) -> None:
    pack = province_pack(tmp_path, zone_price='"100.01"', zone_price_land_compensation_share='"50"')
    r = compensation(case("1", approved_on=NEW_LAW), load(pack, NEW_LAW))
    c = r.value
    assert c.land_compensation + c.resettlement_subsidy == Money("100.01")
    assert c.land_compensation == Money("50.01")
    note = next(n for s in r.steps for n in s.notes if n.key == "land.note.fen_to_item")
    assert note.args["items"] == [pp.rules.land.CompensationItem.LAND_COMPENSATION]


def test_LAND_2_reads_the_policy_on_its_own_date_and_notes_the_approval_date(
    tmp_path: Path,
) -> None:
    # One convention for every area: the policy's own date decides; a differing approval
    # date is noted, and policy.at(approved_on) applies the law in force then.
    pack = province_pack(tmp_path)
    policy = load(pack, dt.date(2022, 6, 1))
    r = compensation(case("1"), policy)
    assert r.value.method is CompensationMethod.ZONE_PRICE
    note = r.steps[0].notes[0]
    assert note.key == "land.note.policy_date"
    assert note.args == {"policy_on": dt.date(2022, 6, 1), "approved_on": OLD_LAW}
    again = compensation(case("1"), policy.at(OLD_LAW))
    assert again.value.method is CompensationMethod.ANNUAL_OUTPUT_VALUE
    assert all(n.key != "land.note.policy_date" for s in again.steps for n in s.notes)


def test_LAND_2_a_2021_approval_read_on_a_2019_policy_uses_the_2019_method(
    tmp_path: Path,
) -> None:
    policy = load(province_pack(tmp_path), NEW_LAW)
    r = compensation(case("1", approved_on=NEW_LAW), policy.at(OLD_LAW))
    assert r.value.method is CompensationMethod.ANNUAL_OUTPUT_VALUE
    assert r.steps[0].notes[0].args == {"policy_on": OLD_LAW, "approved_on": NEW_LAW}
    assert "2019" in r.explain("en")
    assert "differs" in r.explain("en")


def test_LAND_2_other_agricultural_land_noted(tmp_path: Path) -> None:
    r = compensation(case("1", other="1"), load(province_pack(tmp_path)))
    assert r.value.area == Area.mu("2")
    assert any(n.key == "land.note.other_land_same_standard" for s in r.steps for n in s.notes)


def test_LAND_1_attachments_total(tmp_path: Path) -> None:
    exp = case("1")
    exp = pp.Expropriation(
        collective="V1",
        approved_on=OLD_LAW,
        parcels=exp.parcels,
        households=exp.households,
        per_capita_cultivated_before=Area.mu("1"),
        attachments=[
            pp.Attachment(
                id="a1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H1", amount=Money("800.5")
            ),
            pp.Attachment(
                id="a2", kind=pp.AttachmentKind.ATTACHMENT, owner="C9", amount=Money("99.5")
            ),
        ],
    )
    c = compensation(exp, load(province_pack(tmp_path))).value
    assert c.attachments_compensation == Money("900")


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_LAND_2_explains_in_every_locale(tmp_path: Path, locale: str) -> None:
    import importlib.util

    r = compensation(case("6", per_capita="0.3"), load(province_pack(tmp_path)))
    text = r.explain(locale)
    assert "[LAND-2]" in text
    # With OpenCC installed the law's citation is shown in the explanation's script.
    traditional = locale == "zh_Hant" and importlib.util.find_spec("opencc") is not None
    assert ("第四十七條" if traditional else "第四十七条") in text
