"""Explanations: catalogs complete in three locales, locale normalisation, rendering, JSON."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import MissingTranslationError, UnsupportedLocaleError
from povertypolicy.explain import SUPPORTED_LOCALES, normalise_locale
from povertypolicy.explain.catalog import domains, message, messages, placeholders
from povertypolicy.explain.render import format_value
from povertypolicy.policy import all_specs

SRC = Path(pp.__file__).parent


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("zh_Hans", "zh_Hans"),
        ("zh_Hant", "zh_Hant"),
        ("en", "en"),
        ("zh_CN", "zh_Hans"),
        ("zh-TW", "zh_Hant"),
        ("zh_Hant_HK", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh", "zh_Hans"),
        ("en_US", "en"),
        ("en-GB", "en"),
    ],
)
def test_locale_normalisation(given: str, expected: str) -> None:
    assert normalise_locale(given) == expected


@pytest.mark.parametrize("bad", ["fr", "ja_JP", "", "xx-YY-ZZ", "zh_Latn"])
def test_unsupported_locale_is_an_error(bad: str) -> None:
    with pytest.raises(UnsupportedLocaleError):
        normalise_locale(bad)


def test_catalog_folders_never_use_a_bare_zh() -> None:
    folders = {p.name for p in (SRC / "locale").iterdir() if p.is_dir()}
    assert folders == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("domain", domains())
def test_every_catalog_has_every_key_in_every_locale(domain: str) -> None:
    base = messages("zh_Hans", domain)
    assert base, f"catalog {domain} is empty"
    for loc in SUPPORTED_LOCALES:
        other = messages(loc, domain)
        assert set(other) == set(base), f"{loc}/{domain}: keys differ"
        for key, template in other.items():
            assert key.startswith(f"{domain}."), key
            assert placeholders(template) == placeholders(base[key]), f"{loc} {key}"


def test_traditional_catalogs_are_really_traditional() -> None:
    for domain in domains():
        hans = messages("zh_Hans", domain)
        hant = messages("zh_Hant", domain)
        differing = sum(1 for k in hans if hans[k] != hant[k])
        # Most messages contain at least one character that differs between the scripts.
        assert differing >= len(hans) // 3, domain


def _string_constants() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _import_enum_modules() -> None:
    """Import every module that may define a labelled enum (domain modules load lazily)."""
    import importlib
    import pkgutil

    for pkg in ("domain", "rules", "policy", "sources", "explain"):
        base = importlib.import_module(f"povertypolicy.{pkg}")
        for info in pkgutil.walk_packages(base.__path__, f"{base.__name__}."):
            importlib.import_module(info.name)


def _label_prefixes() -> set[str]:
    import enum

    _import_enum_modules()
    found: set[str] = set()

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            walk(sub)
            label = getattr(sub, "__label__", None)
            if isinstance(label, str):
                found.add(label)

    walk(enum.Enum)
    return found


def test_every_message_key_used_in_src_exists() -> None:
    import povertypolicy.rules.housing
    import povertypolicy.rules.land
    import povertypolicy.rules.site
    import povertypolicy.sources  # noqa: F401  (their enums)

    doms = set(domains())
    key_re = re.compile(r"^[a-z_]+\.[a-z0-9_]+(\.[a-z0-9_]+)+$")
    skip = set(all_specs()) | _label_prefixes()
    missing = []
    for const in _string_constants():
        if not key_re.match(const) or const.split(".")[0] not in doms or const in skip:
            continue
        for loc in SUPPORTED_LOCALES:
            if const not in messages(loc, const.split(".")[0]):
                missing.append((loc, const))
    assert not missing


def test_every_parameter_has_a_label() -> None:
    for spec in all_specs().values():
        for loc in SUPPORTED_LOCALES:
            assert message(spec.label_key, loc)


def test_every_labelled_enum_has_labels() -> None:
    import enum

    import povertypolicy.rules.housing
    import povertypolicy.rules.land
    import povertypolicy.rules.site  # noqa: F401  (their enums)

    seen: list[type[enum.Enum]] = []

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            walk(sub)
            label = getattr(sub, "__label__", None)
            if isinstance(label, str) and sub.__module__.startswith("povertypolicy"):
                seen.append(sub)

    walk(enum.Enum)
    assert seen
    for cls in seen:
        for member in cls:
            for loc in SUPPORTED_LOCALES:
                assert message(f"{cls.__label__}.{member.value}", loc)  # type: ignore[attr-defined]


def test_missing_translation_is_an_error_not_english() -> None:
    with pytest.raises(MissingTranslationError) as exc:
        message("housing.no_such_message", "zh_Hans")
    assert exc.value.domain == "housing"


def test_format_value_uses_babel_per_locale() -> None:
    # Chinese: 公文 amounts (docs/concepts/wording.md); English: Babel's currency format.
    assert format_value(pp.Money("14000"), "zh_Hans") == "14000元"
    assert format_value(pp.Money("14000"), "zh_Hant") == "14,000元"
    assert format_value(pp.Money("3600.5"), "zh_Hans") == "3600.50元"
    assert format_value(pp.Money("14000"), "en") == "CN¥14,000.00"
    assert format_value(12345, "zh_Hans") == "12345"
    assert format_value(2022, "zh_Hant") == "2022"
    assert format_value(dt.date(2011, 6, 1), "en") == "June 1, 2011"
    assert format_value(dt.date(2011, 6, 1), "zh_Hant") == "2011年6月1日"
    assert format_value(12345, "en") == "12,345"
    assert format_value(pp.Area.mu("1.5"), "zh_Hans") == "1.5亩"
    assert format_value(pp.Area.mu("1.5"), "zh_Hant") == "1.5畝"
    assert format_value(pp.Area.hectares(2), "en") == "2 ha"
    assert format_value(True, "en") == "yes"
    assert format_value(pp.HukouType.AGRICULTURAL, "zh_Hans") == "农业户口"
    with pytest.raises(TypeError):
        format_value(object(), "en")


def _result() -> pp.Result[object]:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    household = pp.Household(
        id="H9",
        members=[
            pp.Person(
                id="A",
                birth_date=dt.date(1990, 1, 1),
                hukou=pp.HukouType.AGRICULTURAL,
                registered_locally=True,
                lives_in_area=True,
            )
        ],
        relocation_applied_on=dt.date(2011, 3, 1),
    )
    return pp.rules.housing.housing_subsidy(household, policy)  # type: ignore[return-value]


@pytest.mark.parametrize("locale", [*SUPPORTED_LOCALES, "zh_CN", "zh-TW", "zh_Hant_HK"])
def test_explain_renders_every_step_in_each_locale(locale: str) -> None:
    result = _result()
    text = result.explain(locale=locale)
    assert text.count("\n") >= len(result.steps) - 1
    for rule in ("HOUSE-1", "HOUSE-2", "HOUSE-3", "HOUSE-5"):
        assert f"[{rule}]" in text
    assert "篇3 §七1" in text


def test_default_locale_is_simplified_chinese() -> None:
    result = _result()
    assert result.explain() == result.explain("zh_Hans")
    assert "补助" in result.explain()


def test_explain_in_unsupported_locale_fails() -> None:
    with pytest.raises(UnsupportedLocaleError):
        _result().explain("fr")


def test_html_and_json() -> None:
    result = _result()
    html = result._repr_html_()
    assert html.startswith('<div class="povertypolicy-result"')
    assert "HOUSE-2" in html
    assert "<script" not in html
    data = result.to_dict(locale="en")
    json.dumps(data, ensure_ascii=False)
    assert data["value"]["net"] == "3000.00"
    step = data["steps"][0]
    assert {"rule", "key", "inputs", "params", "notes", "text"} <= set(step)
    assert step["params"][0]["citation"]["section"] == "篇3 §四1(2)"
    assert result.rules == ("HOUSE-1", "HOUSE-2", "HOUSE-3", "HOUSE-5")
    assert any(c.section == "篇3 §六2" for c in result.citations)


def test_every_choice_value_has_a_label() -> None:
    for spec in all_specs().values():
        if spec.unit.value != "choice":
            continue
        assert spec.choices, f"{spec.name}: a choice parameter must list its choices"
        for choice in spec.choices:
            for loc in SUPPORTED_LOCALES:
                assert message(f"{spec.label_key}.{choice}", loc)


def test_qualifiers_are_translated() -> None:
    from povertypolicy.policy.pack import QUALIFIERS

    for slug in QUALIFIERS.values():
        assert message(f"core.qualifier_word.{slug}", "en").isascii()
        assert message(f"core.qualifier_word.{slug}", "zh_Hant")


def test_a_fact_not_recorded_reads_as_not_recorded_never_as_none() -> None:
    assert format_value(None, "zh_Hans") == "未记录"
    assert format_value(None, "zh_Hant") == "未記錄"
    assert format_value(None, "en") == "not recorded"
    assert format_value((), "zh_Hans") == "无"  # an empty list is a recorded "none"


def test_a_missing_residence_permit_is_said_to_be_not_recorded() -> None:
    from povertypolicy.rules import site as sr

    situation = pp.TransferSituation(
        person_id="p",
        scope=pp.MoveScope.WITHIN_COUNTY,
        registration_moved=False,
        pension=pp.PensionStatus.DRAWING,
        medically_insured=True,
        residence_permit=None,
    )
    text = sr.service_transfer(situation).explain("zh_Hans")
    assert "办理居住证：未记录" in text
