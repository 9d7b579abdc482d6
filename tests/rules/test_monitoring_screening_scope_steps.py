"""MON-1 and MON-2 screening explanations step by step: the income threshold and its rounding,
the monitoring scope per group and the content step, per branch the rule ID, message key,
inputs, params, notes and citation (compared whole)."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import povertypolicy as pp
from povertypolicy import BasicNeed, Money, RiskFactor, ScopeGroup
from povertypolicy.explain import Citation, Note, NoteKind, Step
from povertypolicy.rules.monitoring import income_threshold, screening, warning_level
from povertypolicy.rules.monitoring.screening import IncomeThreshold, Screening, _threshold
from povertypolicy.rules.poverty import poverty_line

from ._monitoring_screening_steps import SEED, T, at_line, conv, p
from ._monitoring_screening_steps import policy as policy  # fixture
from .test_monitoring import ON, PACK, case, quiet

SCOPE = Citation(document=SEED, section="篇8 §三(一)")
CONTENT = Citation(document=SEED, section="篇8 §三(二)", quote="“兩不愁三保障”、飲水安全是否存隱患")


# -- the income line ---------------------------------------------------------------------------


def test_MON_1_threshold_value_and_step(policy: pp.Policy) -> None:
    r = income_threshold(policy)
    line = poverty_line(2020, policy, rule="MON-1")
    assert r.value == IncomeThreshold(
        year=2020, line=Money("4000"), multiple=Decimal("1.5"), amount=T, ratio=Fraction(3, 2)
    )
    assert r.steps == (
        *line.steps,
        Step(
            rule="MON-1",
            key="monitoring.threshold",
            inputs={"multiple": Decimal("1.5"), "line": Money("4000"), "threshold": T},
            params=(p(policy, "income_line_multiple"), p(policy, "income_line_date")),
        ),
    )
    t = r.value
    assert t.below(Money("5999.99"))
    assert not t.below(T)
    assert not t.below(Money("6000.01"))


def _multiple_pack(tmp_path: Path, multiple: str) -> pp.Policy:
    body = textwrap.dedent(
        f"""
        id = "my-town"
        title = "本镇"
        issuer = "某镇"
        parent = "{PACK}"
        source = {{ document = "town.txt", section = "§1" }}

        [parameters."monitoring.income_line_multiple"]
        unit = "times"
        bound = "exclusive"
        citation = {{ document = "town.txt", section = "§1" }}
        values = [{{ from = 2021-01-01, value = "{multiple}" }}]
        """
    )
    path = tmp_path / "town.toml"
    path.write_text(body, encoding="utf-8")
    return pp.Policy.load(path, on=ON)


def test_MON_1_threshold_rounding_is_noted(tmp_path: Path) -> None:
    pol = _multiple_pack(tmp_path, "1.333333")
    r = income_threshold(pol)
    t = r.value
    assert t.amount == Money("5333.33")  # 4000 × 1.333333 = 5333.332
    assert t.ratio == Fraction(1333333, 1000000)
    assert r.steps[-1].notes == (
        Note(kind=NoteKind.ROUNDING, key="monitoring.note.threshold_rounded"),
    )
    # below() compares with the exact line, not the rounded amount
    assert t.below(Money("5333.33"))
    assert not t.below(Money("5333.34"))
    exact = _multiple_pack(tmp_path, "1.25")
    assert income_threshold(exact).steps[-1].notes == ()


# -- MON-1 -------------------------------------------------------------------------------------


def scope_steps(c: pp.MonitoringCase, states: tuple[str, ...], **notes: Any) -> list[Step]:
    h = c.household
    inputs: list[tuple[ScopeGroup, dict[str, Any]]] = [
        (ScopeGroup.OUT_OF_POVERTY, {"value": c.registered_out_of_poverty}),
        (ScopeGroup.RISK_CLEARED, {"category": c.category, "cleared": c.risk_cleared}),
        (
            ScopeGroup.SEVERE_HARDSHIP,
            {
                "spending": c.large_rigid_expenditure,
                "drop": c.sharp_income_drop,
                "severe": c.severe_hardship,
                "amount": c.rigid_expenditure,
            },
        ),
        (ScopeGroup.LOW_INCOME, {"dibao": h.dibao, "extreme": h.extreme_poverty_support}),
        (
            ScopeGroup.BELOW_INCOME_LINE,
            {"income": c.per_capita_disposable_income, "threshold": T},
        ),
    ]
    return [
        Step(
            rule="MON-1",
            key=f"monitoring.scope.{g.value}.{state}",
            inputs={"group": g, **extra},
            notes=notes.get(g.value, ()),
            citation=SCOPE,
        )
        for (g, extra), state in zip(inputs, states, strict=True)
    ]


def summary(reason: str, groups: tuple[ScopeGroup, ...], unknown: tuple[ScopeGroup, ...]) -> Step:
    return Step(
        rule="MON-1",
        key=f"monitoring.scope.summary.{reason}",
        inputs={"household": "H1", "groups": groups, "not_recorded": unknown},
        notes=(conv("city_decides"),),
    )


def test_MON_1_out_of_scope_steps(policy: pp.Policy) -> None:
    c = quiet()
    r = screening(c, policy)
    assert r.value == Screening(
        household_id="H1", groups=(), failed=tuple(ScopeGroup), not_recorded=(), threshold=T,
        income=Money("9000"),
    )  # fmt: skip
    assert r.steps == (
        *_threshold(policy).steps,
        *scope_steps(c, ("no",) * 5),
        summary("out_of_scope", (), ()),
    )


def test_MON_1_in_scope_steps_and_the_boundary_note(policy: pp.Policy) -> None:
    c = quiet(
        registered_out_of_poverty=True,
        risk_cleared=True,
        category=pp.MonitoringCategory.UNSTABLE_OUT_OF_POVERTY,
        large_rigid_expenditure=True,
        severe_hardship=True,
        rigid_expenditure=Money("20000"),
        household={"dibao": True},
        per_capita_disposable_income=T,
    )
    r = screening(c, policy)
    groups = tuple(ScopeGroup)[:4]
    assert r.value.groups == groups
    assert r.value.failed == (ScopeGroup.BELOW_INCOME_LINE,)
    assert r.steps[-6:] == (
        *scope_steps(c, ("yes", "yes", "yes", "yes", "no"), below_income_line=(at_line(),)),
        summary("in_scope", groups, ()),
    )


def test_MON_1_not_recorded_steps(policy: pp.Policy) -> None:
    c = case(risk_cleared=True)  # cleared, but no category recorded
    r = screening(c, policy)
    assert r.value.groups == ()
    assert r.value.failed == ()
    assert r.value.not_recorded == tuple(ScopeGroup)
    assert r.value.income is None
    assert r.steps[-6:] == (
        *scope_steps(c, ("unknown",) * 5),
        summary("scope_undetermined", (), tuple(ScopeGroup)),
    )
    not_cleared = screening(case(), policy).value
    assert ScopeGroup.RISK_CLEARED in not_cleared.failed  # not cleared: a plain no


def test_MON_1_screening_properties() -> None:
    base: dict[str, Any] = {"household_id": "H", "threshold": T, "income": None}
    one = Screening(groups=(ScopeGroup.LOW_INCOME,), failed=(), not_recorded=(), **base)
    assert (one.in_scope, one.reason) == (True, "in_scope")
    both = Screening(
        groups=(ScopeGroup.LOW_INCOME,), failed=(), not_recorded=(ScopeGroup.RISK_CLEARED,),
        **base,
    )  # fmt: skip
    assert (both.in_scope, both.reason) == (True, "in_scope")
    unk = Screening(groups=(), failed=(), not_recorded=(ScopeGroup.RISK_CLEARED,), **base)
    assert (unk.in_scope, unk.reason) == (None, "scope_undetermined")
    out = Screening(groups=(), failed=(ScopeGroup.RISK_CLEARED,), not_recorded=(), **base)
    assert (out.in_scope, out.reason) == (False, "out_of_scope")


# -- MON-2 -------------------------------------------------------------------------------------


def test_MON_2_content_step_lists_in_enum_order(policy: pp.Policy) -> None:
    needs = {BasicNeed.DRINKING_WATER, BasicNeed.FOOD}
    risks = {RiskFactor.UNSTABLE_EMPLOYMENT, RiskFactor.SERIOUS_ILLNESS}
    r = warning_level(quiet(unmet_needs=needs, risk_factors=risks), policy)
    assert r.steps[len(_threshold(policy).steps)] == Step(
        rule="MON-2",
        key="monitoring.content",
        inputs={
            "needs": tuple(n for n in BasicNeed if n in needs),
            "risks": tuple(f for f in RiskFactor if f in risks),
            "income": Money("9000"),
        },
        citation=CONTENT,
    )
    r = warning_level(case(), policy)
    assert r.steps[len(_threshold(policy).steps)] == Step(
        rule="MON-2",
        key="monitoring.content",
        inputs={"needs": None, "risks": None, "income": None},
        citation=CONTENT,
    )
