"""Every RuleError a rule raises has its own code, its values, and its text in three locales.

The checks of each refusal sit beside the test that triggers it (``check_rule_error`` from
``tests/error_texts.py``); this file checks that none is left on the generic code, that every
code is checked somewhere, and triggers the refusals no other test reaches.
"""

from __future__ import annotations

import ast
import pickle
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import povertypolicy as pp
from povertypolicy.errors import RuleError
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.explain.catalog import message
from tests.error_texts import check_rule_error

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "povertypolicy"


def _raised_codes() -> dict[str, list[str]]:
    """Code → where it is raised, for every ``RuleError(...)`` call in src."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "errors.py":  # the class itself (its unpickler passes a code through)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "RuleError"
            ):
                continue
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            name = code.value if isinstance(code, ast.Constant) else None
            found.setdefault(str(name), []).append(where)
    return found


def test_every_rule_error_in_src_names_its_own_code() -> None:
    # core.error.rule (the English message in a localised frame) is left for callers outside
    # the library; every refusal of a rule has its own code, written where it is raised.
    codes = _raised_codes()
    assert sum(len(v) for v in codes.values()) >= 33
    assert "None" not in codes, codes.get("None")
    assert "core.error.rule" not in codes, codes.get("core.error.rule")
    for code in codes:
        area, kind, _ = code.split(".")
        assert kind == "error", code
        assert (SRC / "rules" / area).exists() or (SRC / "rules" / f"{area}.py").exists(), code


def test_every_rule_error_code_has_three_messages_and_is_checked() -> None:
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    for code in _raised_codes():
        for loc in SUPPORTED_LOCALES:
            assert message(code, loc).startswith("[{rule}] "), (code, loc)
        assert f'"{code}"' in tests, f"{code} is not checked by any test"


def test_a_rule_error_pickles_with_its_code_and_values() -> None:
    err = RuleError(
        rule="HOUSE-3",
        message="the tranche shares add up to 110%, not 100%; check the policy pack",
        code="housing.error.tranche_shares",
        extra={"total": Decimal("110")},
    )
    back = pickle.loads(pickle.dumps(err))
    assert (back.rule, back.message, back.code, back.extra) == (
        err.rule,
        err.message,
        err.code,
        err.extra,
    )
    assert (
        back.text("zh_Hans")
        == err.text("zh_Hans")
        == ("[HOUSE-3] 各期拨付比例合计110%，不等于100%，请核对政策包")
    )


def test_the_generic_code_still_frames_an_english_message() -> None:
    err = RuleError(rule="X-1", message="out of order")
    assert err.code == "core.error.rule"
    assert {err.text(loc) for loc in SUPPORTED_LOCALES} == {"[X-1] out of order"}


def test_LAND_3_a_share_over_100_percent_is_refused(tmp_path: Path) -> None:
    # A pack refuses such a share when it loads; the rule checks it again on what it reads.
    from povertypolicy.rules.land._base import _fraction_in
    from tests.rules.test_land_split import policy_for

    loaded = policy_for(tmp_path).param("land.household_share_of_land_compensation")
    p = attrs.evolve(loaded, value=Decimal("120"))
    with pytest.raises(RuleError) as exc:
        _fraction_in(p, 0, 1, "LAND-3")
    assert str(exc.value) == (
        f"[LAND-3] land.household_share_of_land_compensation = 120 (pack {p.pack_id}) must lie "
        "between 0% and 100%"
    )
    shown = {"param": p.name, "value": Decimal("120"), "pack": p.pack_id, "min": 0, "max": 100}
    check_rule_error(exc.value, "land.error.share_out_of_range", shown)
    assert "为120%，应在0%至100%之间" in exc.value.text("zh_Hans")


def test_KPI_a_parameter_that_is_no_threshold_is_refused() -> None:
    from povertypolicy.rules import indicators as ki
    from povertypolicy.rules.indicators.engine import _params
    from tests.rules.test_indicators import BAZHONG, DATES

    policy = pp.Policy.load(BAZHONG, on=DATES[BAZHONG])
    ind = attrs.evolve(ki.FOUR_HAVES.indicators[0], param="indicators.fund_total")
    with pytest.raises(RuleError) as exc:
        _params(ind, policy)
    assert str(exc.value) == f"[{ind.rule}] indicators.fund_total is not a threshold parameter"
    check_rule_error(exc.value, "indicators.error.not_a_threshold", {"param": ind.param})
