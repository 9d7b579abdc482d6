"""The rule and parameter catalogue (pp.catalog) agrees with the code, the specs and the packs."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.policy import all_specs
from tests.catalog_reads import catalogue_listing, unlisted_reads

SRC = Path(pp.__file__).parent
RULE_ID = re.compile(r"^(HOUSE|SITE|LAND|MON|ID|DATA|FOLLOW|KPI)-\d+$")
ON = dt.date(2011, 6, 1)


def _rule_ids_in_code() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        if "catalog" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and RULE_ID.match(node.value)
            ):
                found.add(node.value)
    return found


def test_every_rule_id_in_the_code_is_catalogued_and_vice_versa() -> None:
    assert {r.id for r in pp.catalog.rules()} == _rule_ids_in_code()


def test_rules_are_in_catalogue_order() -> None:
    ids = [r.id for r in pp.catalog.rules()]
    assert ids[:2] == ["HOUSE-1", "HOUSE-2"]
    assert ids.index("SITE-2") < ids.index("SITE-10") < ids.index("LAND-1")
    assert ids[-1] == "DATA-4"
    assert len(ids) == 65


def _cited(doc: str | None) -> set[str]:
    """Rule IDs a docstring names: HOUSE-2, SITE-1..SITE-16, HOUSE-1, -2, -3."""
    out: set[str] = set()
    pattern = r"\b([A-Z]+)-(\d+)(?:\.\.(?:[A-Z]+-)?(\d+))?((?:,\s*-\d+)*)"
    for m in re.finditer(pattern, doc or ""):
        prefix, first, last, more = m.groups()
        if not RULE_ID.match(f"{prefix}-1"):
            continue
        numbers = range(int(first), int(last) + 1) if last else [int(first)]
        out |= {f"{prefix}-{n}" for n in numbers}
        out |= {f"{prefix}-{n}" for n in re.findall(r"-(\d+)", more)}
    return out


def test_every_public_rule_function_is_listed_for_the_rules_its_docstring_names() -> None:
    listed: dict[str, set[str]] = {}
    for info in pp.catalog.rules():
        for fn in info.functions:
            listed.setdefault(fn.name, set()).add(info.id)
    for area in pp.rules.__all__:
        module = importlib.import_module(f"povertypolicy.rules.{area}")
        for name in module.__all__:
            obj = getattr(module, name)
            if not inspect.isfunction(obj):
                continue
            dotted = f"povertypolicy.rules.{area}.{name}"
            cited = _cited(obj.__doc__)
            assert cited <= listed.get(dotted, set()), f"{dotted} cites {sorted(cited)}"
            # A listed function names its rules, except the engines that run a checklist or
            # a series for several rules.
            engines = {"indicators.evaluate", "indicators.scorecard", "poverty.poverty_line"}
            if dotted in listed and f"{area}.{name}" not in engines:
                assert cited, f"{dotted} is catalogued but its docstring names no rule"
                assert listed[dotted] <= cited, f"{dotted}: {sorted(listed[dotted] - cited)}"


def test_catalogued_functions_import_and_have_signatures() -> None:
    for info in pp.catalog.rules():
        assert info.functions, info.id
        for fn in info.functions:
            assert callable(fn.load())
            assert fn.signature.startswith(fn.name.removeprefix("povertypolicy.rules."))


def test_parameters_per_rule_are_the_specs_that_name_it() -> None:
    specs = all_specs()
    ids = {r.id for r in pp.catalog.rules()}
    for spec in specs.values():
        assert set(spec.rules) <= ids, spec.name
    for info in pp.catalog.rules():
        assert set(info.parameters) == {n for n, s in specs.items() if info.id in s.rules}
        assert set(info.optional) <= set(info.parameters), info.id
        assert set(info.required) | set(info.optional) == set(info.parameters)


def test_reading_a_parameter_the_catalogue_does_not_list_is_caught() -> None:
    listing = dict(catalogue_listing())
    grid_plan = pp.rules.site.grid_plan
    listed = listing[grid_plan.__code__]
    listing[grid_plan.__code__] = listed._replace(
        params=listed.params - {"site.residents_committee_inside"}
    )
    policy = pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2021, 6, 1))
    with unlisted_reads(listing) as found:
        grid_plan([50, 60, 70], pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy)
    assert ("povertypolicy.rules.site.grid_plan", "SITE-11", "site.residents_committee_inside") in (
        found
    )
    with unlisted_reads(catalogue_listing()) as found:
        grid_plan([50, 60, 70], pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA, policy)
    assert found == []


def test_reading_a_field_the_catalogue_does_not_list_is_caught(housing_policy: pp.Policy) -> None:
    household = pp.Household(
        id="H1",
        members=[pp.Person(id="P1", birth_date=dt.date(1970, 1, 1))],
        relocation_applied_on=dt.date(2011, 3, 1),
    )
    listing = dict(catalogue_listing())
    eligibility = pp.rules.housing.eligibility
    listed = listing[eligibility.__code__]
    assert listed.fields is not None
    listing[eligibility.__code__] = listed._replace(fields=listed.fields - {"Person.birth_date"})
    with unlisted_reads(listing, fields=True) as found:
        pp.rules.housing.eligibility(household, housing_policy)
    assert set(found) == {
        ("povertypolicy.rules.housing.eligibility", "HOUSE-1", "Person.birth_date")
    }
    with unlisted_reads(catalogue_listing(), fields=True) as found:
        pp.rules.housing.eligibility(household, housing_policy)
        pp.rules.housing.housing_subsidy(household, housing_policy)
    assert found == []
    assert pp.Person.birth_date is not None  # the descriptors are put back
    assert household.members[0].birth_date == dt.date(1970, 1, 1)


def test_listed_fields_exist_on_domain_classes() -> None:
    import attrs

    from povertypolicy.catalog._inputs import READS

    listed = {
        f.name.removeprefix("povertypolicy.rules.") for r in pp.catalog.rules() for f in r.functions
    }
    assert set(READS) <= listed
    for function, fields in READS.items():
        for text in fields:
            cls_name, _, field = text.partition(".")
            cls = getattr(pp.domain, cls_name)
            assert field in attrs.fields_dict(cls), (function, text)
    rule = pp.catalog.rule("HOUSE-1")
    assert "Person.birth_date" in rule.fields


def test_ledger_forms_match_the_ledger_registry() -> None:
    pytest.importorskip("pyarrow")
    from povertypolicy.ledger import ledger_rules

    for info in pp.catalog.rules():
        expected = {n for n, lr in ledger_rules().items() if info.id in lr.rule_ids}
        assert set(info.ledger) == expected, info.id


def test_every_rule_has_a_title_in_every_locale() -> None:
    for info in pp.catalog.rules():
        titles = {loc: info.title(loc) for loc in SUPPORTED_LOCALES}
        assert all(titles.values()), info.id
        assert titles["en"] != titles["zh_Hans"]


def test_sources_are_clauses_of_shipped_packs_or_laws() -> None:
    from povertypolicy.policy.pack import load_pack

    for info in pp.catalog.rules():
        assert info.sources, info.id
        for source in info.sources:
            citation = source.citation
            assert ".txt" not in source.text()
            if source.pack is None:
                assert citation.law == source.law
                continue
            pack = load_pack(source.pack)
            assert citation.section == source.section
            part = (pack.source.section or "").split(" ")[0]
            if not part.startswith("§") and part != "全文":
                assert (source.section or "").startswith(part), (info.id, source)
            assert source.title == pack.title


def test_source_needs_a_pack_or_a_law() -> None:
    with pytest.raises(pp.InputError):
        pp.catalog.Source(pack="cn")
    with pytest.raises(pp.InputError):
        pp.catalog.Source(pack="cn", section="§一", law="x", article="y")


def test_parameter_values_from_each_shipped_pack() -> None:
    p = pp.catalog.parameter("housing.subsidy_per_person")
    assert p.unit is pp.policy.Unit.YUAN_PER_PERSON
    assert p.rules == ("HOUSE-2",)
    assert p.meaning("zh_Hans") == "建房补助标准"
    (v,) = p.values
    assert (v.pack, v.value, v.valid_from) == (
        "county-deep-mountain-relocation-2011",
        pp.Money("3500"),
        dt.date(2011, 1, 1),
    )
    threshold = pp.catalog.parameter("site.community_min_households_inside")
    assert threshold.threshold is pp.policy.Side.LOWER
    assert {x.bound for x in threshold.values} == {pp.policy.Bound.INCLUSIVE}
    assert len(pp.catalog.parameters()) == len(all_specs())


def test_unknown_names_are_input_errors() -> None:
    with pytest.raises(pp.InputError, match="HOUSE-1"):
        pp.catalog.rule("HOUSE-99")
    with pytest.raises(pp.InputError, match=r"did you mean 'housing\.subsidy_per_person'"):
        pp.catalog.parameter("housing.subsidy_per_persn")
    with pytest.raises(pp.InputError, match="area"):
        pp.catalog.required_parameters("housng")


def test_selectors_by_id_prefix_and_area() -> None:
    by_area = pp.catalog.required_parameters("housing")
    assert by_area == pp.catalog.required_parameters("HOUSE")
    assert [p.name for p in by_area] == sorted(n for n in all_specs() if n.startswith("housing."))
    assert [p.name for p in pp.catalog.required_parameters("house-2")] == [
        "housing.subsidy_city_per_person",
        "housing.subsidy_county_per_person",
        "housing.subsidy_per_person",
        "housing.subsidy_province_per_person",
        "housing.withheld_per_person",
    ]
    assert pp.catalog.areas()["housing"] == ("HOUSE-1", "HOUSE-2", "HOUSE-3", "HOUSE-4", "HOUSE-5")
    # Optional parameters are not required: SITE-3's group targets, LAND-2's method inputs.
    site3 = {p.name for p in pp.catalog.required_parameters("SITE-3")}
    assert "site.group_target_inside" not in site3
    assert "site.group_size_inside" in site3
    assert len(pp.catalog.parameters("SITE-3")) == len(site3) + 2


def _write_pack(tmp_path: Path, params: str) -> Path:
    path = tmp_path / "my-county.toml"
    path.write_text(
        'id = "my-county"\ntitle = "我县搬迁方案"\nissuer = "我县人民政府"\nparent = "cn"\n'
        'source = { document = "my-plan", section = "全文" }\n' + params,
        encoding="utf-8",
    )
    return path


SUBSIDY = """
[parameters."housing.subsidy_per_person"]
unit = "yuan_per_person"
citation = { document = "my-plan", section = "§七" }
values = [{ from = 2011-01-01, value = "4000" }]
"""


def test_missing_parameters_lists_all_of_them_at_once(tmp_path: Path) -> None:
    policy = pp.Policy.load(_write_pack(tmp_path, SUBSIDY), on=ON)
    missing = pp.catalog.missing_parameters(policy, "housing")
    expected = sorted(n for n in all_specs() if n.startswith("housing."))
    expected.remove("housing.subsidy_per_person")
    assert [p.name for p in missing] == expected
    assert all(p.meaning("en") for p in missing)
    with pytest.raises(pp.ParametersMissingError) as exc:
        pp.catalog.check(policy, "housing")
    err = exc.value
    assert isinstance(err, pp.ParameterNotFoundError)
    assert err.names == tuple(expected)
    assert err.name == expected[0]
    assert err.chain == ("my-county", "cn")
    assert err.rules == ("HOUSE-1", "HOUSE-2", "HOUSE-3", "HOUSE-4", "HOUSE-5")
    again = pickle.loads(pickle.dumps(err))
    assert (again.names, again.chain, again.rules, str(again)) == (
        err.names,
        err.chain,
        err.rules,
        str(err),
    )
    for loc in SUPPORTED_LOCALES:
        text = err.text(loc)
        assert all(name in text for name in expected), loc
        assert "12" in text


def test_nothing_missing_for_a_complete_pack() -> None:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=ON)
    assert pp.catalog.missing_parameters(policy, "housing") == ()
    pp.catalog.check(policy, "HOUSE-1", "HOUSE-2")


def test_a_value_out_of_period_counts_as_missing() -> None:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2010, 6, 1))
    names = [p.name for p in pp.catalog.missing_parameters(policy, "HOUSE-2")]
    assert "housing.subsidy_per_person" in names


def test_the_catalogue_loads_only_when_used() -> None:
    code = "import povertypolicy, sys; print('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "povertypolicy.catalog._registry" not in out
    assert "povertypolicy.policy.pack" not in out
