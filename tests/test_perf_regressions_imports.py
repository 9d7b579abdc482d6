"""`import povertypolicy` stays light: Babel, importlib.resources and other modules only needed
to render a message, format money, read a pack or parse JSON are imported at first use.

No timing here (speed lives in benchmarks/); this only checks what the import pulls in.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

LAZY = (
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
