"""Policy packs: loading, validation errors naming file and key, dated resolution, inheritance."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import ParameterNotFoundError, ParameterPeriodError, PolicyPackError
from povertypolicy.policy import Bound, Side, Unit, all_specs, load_pack, packs

HOUSING = "county-deep-mountain-relocation-2011"
CITE = '{ document = "county.txt", section = "§1" }'


def write(tmp_path: Path, body: str, name: str = "county.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def header(pack_id: str = "my-county", parent: str | None = HOUSING) -> str:
    parent_line = f'parent = "{parent}"\n' if parent else ""
    return (
        f'id = "{pack_id}"\ntitle = "本县政策"\nissuer = "某县人民政府"\n{parent_line}'
        f"source = {CITE}\n"
    )


def test_shipped_packs_are_listed_with_titles() -> None:
    listed = {p.id: p for p in packs()}
    assert {"cn", HOUSING} <= set(listed)
    assert listed[HOUSING].title.startswith("深山区移民搬迁")
    assert listed[HOUSING].parent == "cn"


def test_every_shipped_pack_loads_and_cites_every_value() -> None:
    for info in packs():
        pack = load_pack(info.id)
        for param in pack.parameters.values():
            assert param.unit is all_specs()[param.name].unit
            for value in param.values:
                assert value.citation.document or value.citation.law


def test_policy_resolves_chain_with_citations() -> None:
    policy = pp.Policy.load(HOUSING, on=dt.date(2011, 6, 1))
    assert [p.id for p in policy.chain] == [HOUSING, "cn"]
    rate = policy.param("housing.subsidy_per_person")
    assert rate.money == pp.Money("3500")
    assert rate.citation.section == "篇3 §七1"
    assert rate.pack_id == HOUSING
    line = policy.param("core.poverty_line_2010_prices")
    assert line.pack_id == "cn"
    assert line.money == pp.Money("2300")
    cutoff = policy.param("housing.birth_cutoff")
    assert (cutoff.threshold, cutoff.bound) == (Side.UPPER, Bound.EXCLUSIVE)
    assert "housing.timber_per_person" in policy
    assert "nope" not in policy


def test_policy_is_cached_hashable_and_immutable() -> None:
    a = pp.Policy.load(HOUSING, on=dt.date(2011, 6, 1))
    b = pp.Policy.load(HOUSING, on=dt.date(2011, 6, 1))
    assert a is b
    assert hash(a) == hash(b)
    assert a.at(dt.date(2012, 1, 1)).on == dt.date(2012, 1, 1)
    with pytest.raises(AttributeError):
        a.on = dt.date(2000, 1, 1)  # type: ignore[misc]


def test_no_value_on_date_says_which_dates_are_covered() -> None:
    policy = pp.Policy.load(HOUSING, on=dt.date(2010, 6, 1))
    with pytest.raises(ParameterPeriodError) as exc:
        policy.param("housing.subsidy_per_person")
    assert "2011-01-01" in str(exc.value)


def test_unknown_parameter_is_not_found() -> None:
    policy = pp.Policy.load(HOUSING, on=dt.date(2011, 6, 1))
    with pytest.raises(ParameterNotFoundError, match=r"housing\.nothing"):
        policy.param("housing.nothing")


def test_load_requires_a_date() -> None:
    with pytest.raises(pp.InputError):
        pp.Policy.load(HOUSING, on="2011-06-01")  # type: ignore[arg-type]


def test_user_pack_overrides_one_number(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        header()
        + """
[parameters."housing.withheld_per_person"]
unit = "yuan_per_person"
citation = { document = "本县文件", section = "第三条", quote = "每人提取300元" }
values = [{ from = 2011-01-01, value = "300" }]
""",
    )
    policy = pp.Policy.load(path, on=dt.date(2011, 6, 1))
    assert policy.param("housing.withheld_per_person").money == pp.Money("300")
    assert policy.param("housing.withheld_per_person").pack_id == "my-county"
    assert policy.param("housing.subsidy_per_person").pack_id == HOUSING


def test_child_falls_back_to_parent_outside_its_dates(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        header()
        + """
[parameters."housing.withheld_per_person"]
unit = "yuan_per_person"
citation = { document = "本县文件", section = "第三条" }
values = [{ from = 2012-01-01, until = 2012-12-31, value = "300" }]
""",
    )
    assert pp.Policy.load(path, on=dt.date(2011, 6, 1)).param(
        "housing.withheld_per_person"
    ).money == pp.Money("500")
    assert pp.Policy.load(path, on=dt.date(2012, 6, 1)).param(
        "housing.withheld_per_person"
    ).money == pp.Money("300")


def test_user_pack_can_use_a_relative_parent_path(tmp_path: Path) -> None:
    write(tmp_path, header("province-pack"), name="province.toml")
    child = write(tmp_path, header("city-pack", parent="province.toml"), name="city.toml")
    policy = pp.Policy.load(child, on=dt.date(2011, 6, 1))
    assert [p.id for p in policy.chain] == ["city-pack", "province-pack", HOUSING, "cn"]


BAD_CASES = {
    "unknown top-level key": (header() + 'titel = "x"\n', "titel", "unknown key"),
    "missing title": (
        'id = "x"\nissuer = "y"\nsource = ' + CITE + "\n",
        "title",
        "missing required key",
    ),
    "unknown parameter": (
        header() + '[parameters."housing.subsidy"]\nunit = "yuan"\nvalues = []\n',
        "parameters.housing.subsidy",
        "unknown parameter",
    ),
    "wrong unit": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan"\ncitation = '
        + CITE
        + '\nvalues = [{ from = 2011-01-01, value = "1" }]\n',
        "parameters.housing.subsidy_per_person.unit",
        "wrong unit",
    ),
    "missing citation": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan_per_person"\n'
        + 'values = [{ from = 2011-01-01, value = "1" }]\n',
        "parameters.housing.subsidy_per_person.citation",
        "missing citation",
    ),
    "overlapping dates": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan_per_person"\ncitation = '
        + CITE
        + '\nvalues = [{ from = 2011-01-01, value = "1" }, { from = 2011-06-01, value = "2" }]\n',
        "parameters.housing.subsidy_per_person.values",
        "overlapping dates",
    ),
    "float value": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan_per_person"\ncitation = '
        + CITE
        + "\nvalues = [{ from = 2011-01-01, value = 3500.0 }]\n",
        "parameters.housing.subsidy_per_person.values[0].value",
        "floats are not exact",
    ),
    "threshold without bound": (
        header()
        + '[parameters."housing.birth_cutoff"]\nunit = "date"\ncitation = '
        + CITE
        + "\nvalues = [{ from = 2011-01-01, value = 2011-01-01 }]\n",
        "parameters.housing.birth_cutoff.bound",
        "threshold",
    ),
    "bound on a non-threshold": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan_per_person"\n'
        + 'bound = "inclusive"\ncitation = '
        + CITE
        + '\nvalues = [{ from = 2011-01-01, value = "1" }]\n',
        "parameters.housing.subsidy_per_person.bound",
        "not a threshold",
    ),
    "until before from": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan_per_person"\ncitation = '
        + CITE
        + '\nvalues = [{ from = 2011-01-01, until = 2010-01-01, value = "1" }]\n',
        "parameters.housing.subsidy_per_person.values[0].until",
        "before",
    ),
    "citation without section": (
        header()
        + '[parameters."housing.subsidy_per_person"]\nunit = "yuan_per_person"\n'
        + 'citation = { document = "x.txt" }\nvalues = [{ from = 2011-01-01, value = "1" }]\n',
        "parameters.housing.subsidy_per_person.citation",
        "section",
    ),
    "missing parent": (header(parent="no-such-pack"), "parent", "no shipped pack"),
    "unquoted dotted name": (
        header() + '[parameters.housing.subsidy_per_person]\nunit = "yuan_per_person"\n',
        "parameters.housing",
        "with quotes",
    ),
    "not TOML": ("id = \n", "(file)", "not valid TOML"),
    "bad id": (header(pack_id="My Pack"), "id", "lower-case"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_malformed_pack_names_file_and_key(tmp_path: Path, case: str) -> None:
    body, key, problem = BAD_CASES[case]
    path = write(tmp_path, body)
    with pytest.raises(PolicyPackError) as exc:
        pp.Policy.load(path, on=dt.date(2011, 6, 1))
    err = exc.value
    assert err.file.endswith("county.toml")
    assert err.key == key
    assert problem in err.problem
    assert "county.toml" in str(err)
    assert key in str(err)


def test_parent_cycle_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, header("pack-a", parent="b.toml"), name="a.toml")
    write(tmp_path, header("pack-b", parent="a.toml"), name="b.toml")
    with pytest.raises(PolicyPackError, match="cycle"):
        pp.Policy.load(tmp_path / "a.toml", on=dt.date(2011, 6, 1))


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyPackError, match="does not exist"):
        pp.Policy.load(tmp_path / "nothing.toml", on=dt.date(2011, 6, 1))


def test_unknown_shipped_id_lists_the_shipped_packs() -> None:
    with pytest.raises(PolicyPackError, match="county-deep-mountain-relocation-2011"):
        pp.Policy.load("no-such-pack", on=dt.date(2011, 6, 1))


def test_units_know_their_kinds() -> None:
    assert Unit.YUAN_PER_PERSON.kind.value == "money"
    assert Unit.DAYS.kind.value == "integer"


def test_renamed_pack_ids_still_load_with_a_warning() -> None:
    from povertypolicy.policy.pack import RENAMED_PACKS

    for old, new in RENAMED_PACKS.items():
        with pytest.warns(DeprecationWarning, match=new):
            policy = pp.Policy.load(old, on=dt.date(2022, 6, 1))
        assert policy.id == new
