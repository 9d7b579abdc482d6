"""Pack metadata (level, province, place, source) and lookup: packs(level=, province=),
packs_setting(name)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.policy import load_pack


def test_every_shipped_pack_says_its_level() -> None:
    levels = {info.id: info.level for info in pp.packs()}
    assert levels["cn"] is pp.JurisdictionLevel.NATIONAL
    assert levels["county-deep-mountain-relocation-2011"] is pp.JurisdictionLevel.COUNTY
    assert levels["state-farm-land-security-governance-2022"] is pp.JurisdictionLevel.STATE_FARM
    assert levels["hn-longhui-town-registration-2014"] is pp.JurisdictionLevel.TOWNSHIP
    assert (
        levels["cq-chengkou-subdistrict-relocation-follow-up-2020"]
        is pp.JurisdictionLevel.SUBDISTRICT
    )
    assert None not in levels.values()


def test_packs_by_level() -> None:
    county = [i.id for i in pp.packs(level="county")]
    assert "county-deep-mountain-relocation-2011" in county
    assert all(i.level is pp.JurisdictionLevel.COUNTY for i in pp.packs(level="county"))
    # the Chinese label and the member work too
    assert [i.id for i in pp.packs(level="县级")] == county
    assert [i.id for i in pp.packs(level=pp.JurisdictionLevel.COUNTY)] == county
    assert [i.id for i in pp.packs(level="national")] == ["cn"]
    with pytest.raises(pp.InputError):
        pp.packs(level="village")


def test_packs_by_province() -> None:
    assert [i.id for i in pp.packs(province="CN-ZJ")] == ["zj-taizhou-expropriated-farmers-2019"]
    assert [i.id for i in pp.packs(province="zj")] == ["zj-taizhou-expropriated-farmers-2019"]
    jx = {i.id for i in pp.packs(province="CN-JX")}
    assert jx == {"jx-county-relocation-follow-up-measures", "jx-township-poverty-plan-2015"}
    assert pp.packs(province="CN-BJ") == ()
    both = pp.packs(level="township", province="CN-HN")
    assert [i.id for i in both] == ["hn-longhui-town-registration-2014"]
    assert both[0].place == "湖南省邵阳市隆回县"
    with pytest.raises(pp.InputError):
        pp.packs(province="CN-XX")


def test_pack_info_names_its_source_and_part() -> None:
    info = {i.id: i for i in pp.packs()}["county-deep-mountain-relocation-2011"]
    assert (info.source_id, info.source_part) == ("poverty-work-plan-samples", "篇3")
    assert info.source == "《深山区移民搬迁扶贫工作方案》篇3"


def test_packs_setting_lists_each_pack_and_its_values() -> None:
    found = pp.packs_setting("housing.subsidy_per_person")
    assert [s.pack.id for s in found] == ["county-deep-mountain-relocation-2011"]
    assert found[0].values[0].value == pp.Money("3500")
    line = pp.packs_setting("poverty.line")
    assert [s.pack.id for s in line] == ["cn"]
    assert len(line[0].values) == 11
    # inherited values are not "set" by the child
    assert "town-return-poverty-monitoring-2021" not in {s.pack.id for s in line}
    with pytest.raises(pp.InputError, match="did you mean"):
        pp.packs_setting("housing.subsidy_per_persn")


def _pack(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "county.toml"
    path.write_text(
        textwrap.dedent(
            """\
            id = "my-county"
            title = "县方案"
            issuer = "县政府"
            parent = "cn"
            source = { document = "county.txt", section = "§1" }
            """
        )
        + extra,
        encoding="utf-8",
    )
    return path


def test_user_pack_level_and_province_are_validated(tmp_path: Path) -> None:
    ok = load_pack(_pack(tmp_path, 'level = "county"\nprovince = "CN-GZ"\nplace = "某县"\n'))
    assert (ok.level, ok.province, ok.place) == (pp.JurisdictionLevel.COUNTY, "CN-GZ", "某县")


def test_user_pack_bad_level(tmp_path: Path) -> None:
    with pytest.raises(pp.PolicyPackError, match="must be one of national"):
        load_pack(_pack(tmp_path, 'level = "city"\n'))


def test_user_pack_bad_province(tmp_path: Path) -> None:
    with pytest.raises(pp.PolicyPackError, match="ISO 3166-2"):
        load_pack(_pack(tmp_path, 'province = "Zhejiang"\n'))


def test_user_pack_without_level_still_loads(tmp_path: Path) -> None:
    assert load_pack(_pack(tmp_path, "")).level is None
