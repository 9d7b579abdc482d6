"""The API reference is complete: every public name on a page, every field described, every
enum labelled, no Sphinx roles; the error-code page is in sync. Nothing is built."""

from __future__ import annotations

import enum
import importlib
import importlib.util
import inspect
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import povertypolicy as pp
from povertypolicy._reference import attribute_docs, error_codes_markdown, fields_of, values_of

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "reference" / "api"
CODES_PAGE = ROOT / "docs" / "reference" / "error-codes.md"

PUBLIC_MODULES = [
    "povertypolicy",
    "povertypolicy.domain",
    "povertypolicy.policy",
    "povertypolicy.explain",
    "povertypolicy.errors",
    "povertypolicy.money",
    "povertypolicy.units",
    "povertypolicy.ledger",
    *(f"povertypolicy.rules.{area}" for area in pp.rules.__all__),
]
# Every attrs class these modules export describes every field (a docstring under the field,
# or an entry in the class docstring's ``Args:``).
DESCRIBED_MODULES = PUBLIC_MODULES
NOT_OBJECTS = {"__version__", "rules"}  # the version string; the rules namespace (its areas)
ROLE = re.compile(r":(func|class|mod|meth|attr|data|exc|obj|const):`")


def _resolve(path: str) -> Any:
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(path)


def _targets() -> list[str]:
    out = []
    for page in sorted(PAGES.glob("*.md")):
        out += re.findall(r"^::: (\S+)$", page.read_text(encoding="utf-8"), flags=re.M)
    return out


def _shadowed(module: ModuleType, name: str) -> bool:
    """A submodule of the same name hides the object from the docs' static analysis."""
    return hasattr(module, "__path__") and bool(
        importlib.util.find_spec(f"{module.__name__}.{name}")
    )


def _documented() -> set[int]:
    """Identities of every object a page renders: its own directive or its module's."""
    out: set[int] = set()
    for target in _targets():
        obj = _resolve(target)
        out.add(id(obj))
        if isinstance(obj, ModuleType):
            for name in getattr(obj, "__all__", ()):
                if not _shadowed(obj, name):
                    out.add(id(getattr(obj, name)))
    return out


def _public(modules: list[str]) -> dict[str, Any]:
    out = {}
    for mod_name in modules:
        module = importlib.import_module(mod_name)
        for name in module.__all__:
            if name not in NOT_OBJECTS:
                out[f"{mod_name}.{name}"] = getattr(module, name)
    return out


# Shadowed by a submodule of the same name and written on the page by hand; the signature is
# checked here so the text cannot go stale.
BY_HAND = {
    "povertypolicy.ledger.schema": ("ledger.md", "`schema(rule: str) -> tuple[TableSchema, ...]`")
}


def test_names_written_by_hand_match_the_code() -> None:
    from povertypolicy import ledger

    assert list(inspect.signature(ledger.schema).parameters) == ["rule"]
    for page, text in BY_HAND.values():
        assert text in (PAGES / page).read_text(encoding="utf-8")


def test_every_directive_resolves() -> None:
    targets = _targets()
    assert len(targets) > 50
    for target in targets:
        _resolve(target)


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_name_is_on_a_reference_page(module: str) -> None:
    documented = _documented()
    missing = [
        path
        for path, obj in _public([module]).items()
        if id(obj) not in documented and path not in BY_HAND
    ]
    assert not missing, f"not in docs/reference/api/*.md: {missing}"


def _enums() -> dict[str, type[enum.Enum]]:
    return {
        p: o
        for p, o in _public(PUBLIC_MODULES).items()
        if inspect.isclass(o) and issubclass(o, enum.Enum)
    }


def test_every_labelled_enum_member_has_a_label_in_every_locale() -> None:
    enums = _enums()
    assert "povertypolicy.LandType" in enums
    for path, enum_type in enums.items():
        if getattr(enum_type, "__label__", None) is None and enum_type is not pp.AreaUnit:
            continue
        for value in values_of(enum_type):
            assert set(value.labels) == {"zh_Hans", "zh_Hant", "en"}, (path, value.name)
            assert all(value.labels.values()), (path, value.name)


def test_every_enum_of_the_package_root_has_labels() -> None:
    """The enums users pass to constructors show their Chinese labels on the page."""
    for name in pp.__all__:
        obj = getattr(pp, name)
        if inspect.isclass(obj) and issubclass(obj, enum.Enum):
            assert all(v.labels for v in values_of(obj)), name


def test_land_type_values_and_labels() -> None:
    rows = {v.name: v for v in values_of(pp.LandType)}
    assert rows["CULTIVATED"].value == "cultivated"
    assert rows["CULTIVATED"].labels == {
        "zh_Hans": "耕地",
        "zh_Hant": "耕地",
        "en": "cultivated land",
    }


def test_fields_have_their_defaults() -> None:
    person = {f.name: f for f in fields_of(pp.Person)}
    assert person["birth_date"].default is None  # required
    assert person["sex"].default == "None"
    assert person["name"].default == "''"
    assert all(f.kw_only for f in person.values())
    household = {f.name: f for f in fields_of(pp.Household)}
    assert household["relocation_applied_on"].default == "None"
    progress = {f.name: f for f in fields_of(pp.BuildProgress)}
    assert progress["paid"].default == "()"  # a factory, called


def _described(cls: type) -> dict[str, str]:
    griffe = pytest.importorskip("griffe")
    sections = griffe.Docstring(inspect.getdoc(cls) or "").parse("google")
    out = {}
    for section in sections:
        if section.kind is griffe.DocstringSectionKind.parameters:
            out.update({p.name: p.description for p in section.value})
    return out


def test_every_field_of_a_public_class_is_described() -> None:
    missing = []
    for path, obj in _public(DESCRIBED_MODULES).items():
        if not (inspect.isclass(obj) and attrs.has(obj)):
            continue
        described = {**_described(obj), **attribute_docs(obj)}
        names = {f.name for f in fields_of(obj)}
        missing += [f"{path}.{f}" for f in sorted(names) if not described.get(f)]
        stale = set(described) - names
        assert not stale, f"{path}: Args entries for fields it does not have: {stale}"
    assert not missing, f"fields without a meaning (attribute docstring or Args:): {missing}"


def test_no_sphinx_roles_in_the_sources() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROLE.search(line)
    ]
    assert not found, f"use Markdown code spans or [name][path] cross-references: {found}"


def test_error_code_page_is_up_to_date() -> None:
    assert CODES_PAGE.read_text(encoding="utf-8") == error_codes_markdown(), (
        "regenerate: python -m povertypolicy._reference > docs/reference/error-codes.md"
    )


def test_every_raised_code_is_on_the_error_code_page() -> None:
    text = CODES_PAGE.read_text(encoding="utf-8")
    for code in ("core.error.input", "core.error.money_places", "core.error.rule"):
        assert f"| `{code}` |" in text
    raised = set(re.findall(r'code="([a-z_]+\.error\.[a-z_]+)"', _sources()))
    assert raised
    for code in raised:
        assert f"| `{code}` |" in text, code


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))


def test_every_error_argument_is_described() -> None:
    from povertypolicy import errors

    for name in errors.__all__:
        cls = getattr(errors, name)
        if "__init__" not in vars(cls):
            continue
        params = set(inspect.signature(cls).parameters)
        described = _described(cls)
        assert params <= set(described), (name, params - set(described))
