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
    assert exc.value.code == "core.error.pack"
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
