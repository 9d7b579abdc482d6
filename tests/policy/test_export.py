"""Export to TOML: shipped packs, resolved chains and a derived scenario load back the same."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import attrs
import pytest

import povertypolicy as pp
from povertypolicy import Change, Citation
from povertypolicy.policy import Bound, Range, load_pack, pack_toml, packs

IDS = [info.id for info in packs()]
DATES = [dt.date(2011, 6, 1), dt.date(2019, 3, 1), dt.date(2021, 3, 1)]


def _same_params(a: pp.Policy, b: pp.Policy) -> None:
    assert [p.name for p in a] == [p.name for p in b]
    for p in a:
        q = b.param(p.name)
        assert attrs.evolve(q, pack_id=p.pack_id) == p, p.name


@pytest.mark.parametrize("pack_id", IDS)
def test_every_shipped_pack_round_trips(tmp_path: Path, pack_id: str) -> None:
    pack = load_pack(pack_id)
    text = pack_toml(pack)
    path = tmp_path / f"{pack_id}.toml"
    path.write_text(text, encoding="utf-8")
    back = load_pack(path)
    assert dict(back.parameters) == dict(pack.parameters)
    for field in ("id", "title", "issuer", "source", "parent", "document_number", "jurisdiction"):
        assert getattr(back, field) == getattr(pack, field), field
    assert back.description == pack.description


@pytest.mark.parametrize("pack_id", IDS)
@pytest.mark.parametrize("on", DATES)
def test_every_resolved_chain_round_trips(tmp_path: Path, pack_id: str, on: dt.date) -> None:
    policy = pp.Policy.load(pack_id, on=on)
    path = tmp_path / "resolved.toml"
    path.write_text(policy.to_toml(id="resolved"), encoding="utf-8")
    back = pp.Policy.load(path, on=on)
    assert back.id == "resolved"
    assert [p.id for p in back.chain] == ["resolved"]  # standalone: no parent needed
    _same_params(policy, back)


def test_scenario_markers_bounds_ranges_qualifiers_round_trip(tmp_path: Path) -> None:
    base = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    cite = Citation(document="某县补充通知", section="二", quote='每人补助"4000"元\\')
    v = base.derive(
        {
            "housing.subsidy_per_person": Change("4000", scenario="县里测算：每人4000元\n第二行"),
            "housing.subsidy_county_per_person": Change("600", citation=cite),
            "land.resettlement_multiple_range": Change(
                Range(min="4", max="6.5", min_bound=Bound.EXCLUSIVE), scenario="假设范围"
            ),
            "land.combined_cap_multiple": Change(
                "30", scenario="上限", bound=Bound.EXCLUSIVE, qualifier="原则上"
            ),
        }
    )
    text = v.to_toml()
    raw = tomllib.loads(text)
    assert raw["id"] == "county-deep-mountain-relocation-2011-scenario"
    path = tmp_path / "v.toml"
    path.write_text(text, encoding="utf-8")
    back = pp.Policy.load(path, on=v.on)
    _same_params(v, back)
    assert back.param("housing.subsidy_per_person").citation.scenario == (
        "县里测算：每人4000元\n第二行"
    )
    assert back.param("land.combined_cap_multiple").qualifier == "原则上"
    assert back.param("land.resettlement_multiple_range").range.min_bound is Bound.EXCLUSIVE


def test_dated_values_keep_their_periods(tmp_path: Path) -> None:
    cn = load_pack("cn")
    multi = [p for p in cn.parameters.values() if len(p.values) > 1]
    assert multi  # the national pack has values that change with the law
    path = tmp_path / "cn.toml"
    path.write_text(pack_toml(cn), encoding="utf-8")
    back = load_pack(path)
    for p in multi:
        assert back.parameters[p.name].values == p.values
