"""`import povertypolicy` stays light: every public name loads its module at first use, and
Babel, the pack reader and other modules only needed to render a message, format money, read a
pack or parse JSON are imported when that happens. Shipped data on disk is read without
importlib.resources, and reading a pack does not read the source registry.

No timing here (speed lives in benchmarks/); this only checks what the import pulls in.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

LAZY = (
    "attrs",  # every name loads its module at first use: nothing but the name table is loaded
    "decimal",
    "povertypolicy.domain",
    "povertypolicy.errors",
    "povertypolicy.explain",
    "povertypolicy.money",
    "povertypolicy.policy",
    "povertypolicy.rules",
    "povertypolicy.units",
    "babel",
    "importlib.resources",
    "tomllib",
    "difflib",
    "pkgutil",
    "json",
    "dateutil",
    "povertypolicy.policy.pack",  # the pack reader: loaded with the first pack
    "povertypolicy.catalog",  # the rule and parameter catalogue
    "povertypolicy.policy.compare",  # what-if comparisons
    "povertypolicy.policy.scenario",
    "povertypolicy.sources",  # the shipped source texts
    # each area's domain classes load with their module, at first use
    "povertypolicy.domain.follow_up",
    "povertypolicy.domain.housing",
    "povertypolicy.domain.indicators",
    "povertypolicy.domain.land",
    "povertypolicy.domain.monitoring",
    "povertypolicy.domain.person",
    "povertypolicy.domain.registration",
    "povertypolicy.domain.site",
)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_import_does_not_load_lazy_modules() -> None:
    loaded = _modules_after("import povertypolicy")
    assert sorted(m for m in LAZY if m in loaded) == []


@pytest.mark.parametrize(
    ("code", "module"),
    [
        (
            "import datetime as dt, povertypolicy as pp\n"
            "pp.Policy.load('cn', on=dt.date(2020, 1, 1))",
            "tomllib",
        ),
        (
            "import datetime as dt, povertypolicy as pp\n"
            "pp.Policy.load('cn', on=dt.date(2020, 1, 1))",
            "povertypolicy.policy.pack",
        ),
        ("from povertypolicy.policy import load_pack", "povertypolicy.policy.pack"),
        ("import povertypolicy as pp\npp.Money('1').format('en')", "babel"),
        ("import povertypolicy as pp\npp.catalog.rule('HOUSE-1')", "povertypolicy.catalog"),
        ("import povertypolicy as pp\npp.compare", "povertypolicy.policy.compare"),
        ("import povertypolicy as pp\npp.Change", "povertypolicy.policy.scenario"),
        (
            "import povertypolicy as pp\npp.get_source('zj-taizhou-2019-47')",
            "povertypolicy.sources",
        ),
        ("from povertypolicy.explain import normalise_locale\nnormalise_locale('zh_CN')", "babel"),
        ("import povertypolicy as pp\npp.Household", "povertypolicy.domain.person"),
        ("from povertypolicy import Expropriation", "povertypolicy.domain.land"),
        ("from povertypolicy.domain import ResettlementSite", "povertypolicy.domain.site"),
    ],
)
def test_lazy_modules_load_when_used(code: str, module: str) -> None:
    assert module in _modules_after(code)


def test_a_pack_loads_without_the_source_registry_or_importlib_resources() -> None:
    loaded = _modules_after(
        "import datetime as dt, povertypolicy as pp\n"
        "pp.Policy.load('county-deep-mountain-relocation-2011', on=dt.date(2011, 6, 1))"
    )
    assert "povertypolicy.policy.pack" in loaded
    assert (
        sorted(m for m in ("povertypolicy.sources.registry", "importlib.resources") if m in loaded)
        == []
    )


def test_every_public_name_resolves_to_its_module_object() -> None:
    import importlib

    import povertypolicy as pp

    for name in pp.__all__:
        value = getattr(pp, name)
        if name == "__version__":
            assert isinstance(value, str)
            continue
        module = pp._MODULE_OF.get(name)
        if module is None:  # a subpackage (catalog, rules)
            assert value is importlib.import_module(f"povertypolicy.{name}")
        else:
            assert value is getattr(importlib.import_module(module, "povertypolicy"), name)
    for sub in ("domain", "errors", "explain", "ledger", "money", "policy", "units"):
        assert getattr(pp, sub) is importlib.import_module(f"povertypolicy.{sub}")
    assert set(pp.__all__) <= set(dir(pp))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        pp.Nope  # noqa: B018


def test_star_import_gives_every_public_name() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "from povertypolicy import *\nprint(Money('1.5'), Policy, rules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("1.50")


def test_lazy_names_are_the_same_objects() -> None:
    """A name loaded lazily is the class its module defines, under both import paths."""
    import povertypolicy as pp
    from povertypolicy import domain
    from povertypolicy.domain import land, person

    assert pp.Household is domain.Household is person.Household
    assert pp.Expropriation is land.Expropriation
    assert {"Household", "Expropriation", "ResettlementSite"} <= set(dir(pp)) & set(dir(domain))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        domain.Nope  # noqa: B018
