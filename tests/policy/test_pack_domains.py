"""Values with meaning only: a pack's values are checked against their unit's domain on load."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from povertypolicy import Money, PolicyPackError
from povertypolicy.policy import Unit, load_pack
from povertypolicy.policy.spec import ParameterSpec, domain_problem

HOUSING = "county-deep-mountain-relocation-2011"


def pack(tmp_path: Path, name: str, unit: str, value: str) -> Path:
    path = tmp_path / "county.toml"
    body = f"""\
        id = "county"
        title = "本县政策"
        issuer = "某县人民政府"
        parent = "{HOUSING}"
        source = {{ document = "county.txt", section = "§1" }}

        [parameters."{name}"]
        unit = "{unit}"
        citation = {{ document = "本县文件", section = "第三条" }}
        values = [{{ from = 2011-01-01, value = {value} }}]
        """
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "problem"),
    [('"-5"', "negative"), ('"99999999999999999999"', "below"), ('"1.234"', "decimal places")],
)
def test_money_per_person_must_have_meaning(tmp_path: Path, value: str, problem: str) -> None:
    path = pack(tmp_path, "housing.subsidy_per_person", "yuan_per_person", value)
    with pytest.raises(PolicyPackError, match=problem) as exc:
        load_pack(str(path))
    assert exc.value.key == "parameters.housing.subsidy_per_person.values[0].value"
    assert exc.value.code.startswith("core.error.pack_")
    assert "county.toml" in exc.value.text("zh_Hans")


def test_a_sane_amount_loads(tmp_path: Path) -> None:
    path = pack(tmp_path, "housing.subsidy_per_person", "yuan_per_person", '"3500"')
    loaded = load_pack(str(path))
    assert loaded.parameters["housing.subsidy_per_person"].values[0].value == Money("3500")


def spec(unit: Unit, *, signed: bool = False) -> ParameterSpec:
    return ParameterSpec(name="x.y", unit=unit, rules=("X-1",), signed=signed)


@pytest.mark.parametrize(
    ("unit", "value", "ok"),
    [
        (Unit.PERCENT, Decimal(0), True),
        (Unit.PERCENT, Decimal(100), True),
        (Unit.PERCENT, Decimal("100.01"), False),
        (Unit.PERCENT, Decimal("-0.01"), False),
        (Unit.PEOPLE, 0, True),
        (Unit.PEOPLE, -1, False),
        (Unit.DAYS, -3, False),
        (Unit.MU, Decimal("-0.5"), False),
        (Unit.TIMES, Decimal("1.5"), True),
        (Unit.YUAN, Money("-1"), False),
        (Unit.YUAN, Money("0"), True),
        (Unit.CHOICE, "any", True),
    ],
)
def test_unit_domains(unit: Unit, value: object, ok: bool) -> None:
    assert (domain_problem(spec(unit), value) is None) is ok


def test_a_signed_parameter_may_be_negative() -> None:
    assert domain_problem(spec(Unit.YUAN, signed=True), Money("-1")) is None
    assert domain_problem(spec(Unit.COUNT, signed=True), -2) is None
    assert domain_problem(spec(Unit.PERCENT, signed=True), Decimal(101)) is not None


# Each problem: a stable code, and a text in every locale that names the file, key and value.
DOMAIN_CASES = [
    ("housing.subsidy_per_person", "yuan_per_person", '"-5"', "core.error.pack_negative", "-5"),
    (
        "housing.subsidy_per_person",
        "yuan_per_person",
        '"1.234"',
        "core.error.pack_money_places",
        "1.234",
    ),
    (
        "housing.subsidy_per_person",
        "yuan_per_person",
        '"99999999999999999999"',
        "core.error.pack_money_magnitude",
        "99999999999999999999",
    ),
    ("housing.subsidy_per_person", "yuan_per_person", '"abc"', "core.error.pack_money", "abc"),
    ("housing.subsidy_per_person", "yuan_per_person", "3500.5", "core.error.pack_float", "3500.5"),
    ("housing.tranche_foundation", "percent", '"101"', "core.error.pack_percent", "101"),
    ("housing.tranche_foundation", "percent", '"-0.01"', "core.error.pack_percent", "-0.01"),
    ("housing.posting_days", "days", "-3", "core.error.pack_negative", "-3"),
    ("housing.posting_days", "days", '"7.5"', "core.error.pack_whole", "7.5"),
    ("follow_up.vegetable_plot_area", "mu", '"-1"', "core.error.pack_negative", "-1"),
    ("follow_up.vegetable_plot_area", "mu", '"inf"', "core.error.pack_finite", "inf"),
    ("follow_up.vegetable_plot_area", "mu", '"NaN"', "core.error.pack_finite", "NaN"),
    ("follow_up.vegetable_plot_area", "mu", '"很多"', "core.error.pack_number", "很多"),
]
NATIVE = {
    "zh_Hans": {
        "core.error.pack_negative": "应为不小于0的值",
        "core.error.pack_money_places": "金额最多保留两位小数",
        "core.error.pack_money_magnitude": "金额应小于一百万亿",
        "core.error.pack_money": "应为以元为单位的金额",
        "core.error.pack_float": "浮点数不精确",
        "core.error.pack_percent": "应为0至100之间的百分数",
        "core.error.pack_whole": "应为不带引号的整数",
        "core.error.pack_finite": "应为有限的数值",
        "core.error.pack_number": "应为整数或字符串形式的数字",
    },
    "zh_Hant": {
        "core.error.pack_negative": "應為不小於0的值",
        "core.error.pack_money_places": "金額最多保留兩位小數",
        "core.error.pack_money_magnitude": "金額應小於一百萬億",
        "core.error.pack_money": "應為以元為單位的金額",
        "core.error.pack_float": "浮點數不精確",
        "core.error.pack_percent": "應為0至100之間的百分數",
        "core.error.pack_whole": "應為不帶引號的整數",
        "core.error.pack_finite": "應為有限的數值",
        "core.error.pack_number": "應為整數或字串形式的數字",
    },
    "en": {
        "core.error.pack_negative": "expected zero or more",
        "core.error.pack_money_places": "at most two decimal places",
        "core.error.pack_money_magnitude": "below one hundred trillion",
        "core.error.pack_money": "expected an amount in yuan",
        "core.error.pack_float": "floats are not exact",
        "core.error.pack_percent": "a percentage from 0 to 100",
        "core.error.pack_whole": "expected a whole number",
        "core.error.pack_finite": "expected a finite number",
        "core.error.pack_number": "expected a number",
    },
}


@pytest.mark.parametrize(("name", "unit", "value", "code", "shown"), DOMAIN_CASES)
def test_pack_domain_problems_have_codes_and_render_in_three_locales(
    tmp_path: Path, name: str, unit: str, value: str, code: str, shown: str
) -> None:
    path = pack(tmp_path, name, unit, value)
    with pytest.raises(PolicyPackError) as exc:
        load_pack(str(path))
    err = exc.value
    assert err.code == code
    assert err.key == f"parameters.{name}.values[0].value"
    for locale, phrases in NATIVE.items():
        text = err.text(locale)
        assert text.startswith(f"{path}"), locale
        assert f"[{err.key}]" in text
        assert shown in text
        assert phrases[code] in text, (locale, text)
    assert "expected" not in err.text("zh_Hans")
    assert "expected" not in err.text("zh_Hant")
    assert err.problem in str(err)  # the English problem stays in the exception's message


def test_every_pack_domain_code_is_tested() -> None:
    assert {c[3] for c in DOMAIN_CASES} == set(NATIVE["en"])


def test_pack_domain_error_pickles_with_its_code(tmp_path: Path) -> None:
    import pickle

    path = pack(tmp_path, "housing.tranche_foundation", "percent", '"101"')
    with pytest.raises(PolicyPackError) as exc:
        load_pack(str(path))
    again = pickle.loads(pickle.dumps(exc.value))
    assert (again.code, again.text("zh_Hant")) == (exc.value.code, exc.value.text("zh_Hant"))


def test_domain_problem_says_which_code() -> None:
    negative = domain_problem(spec(Unit.YUAN), Money("-1"))
    assert negative is not None
    assert negative.code == "core.error.pack_negative"
    assert "negative" in str(negative)
    percent = domain_problem(spec(Unit.PERCENT), Decimal(101))
    assert percent is not None
    assert percent.code == "core.error.pack_percent"
