"""The checklist engine's helpers on both sides of every threshold reading (KPI-1): how far a
ratio is short, an unreachable ratio, numbers as shown, flags at most, the tally of each
status and the gap on each side."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from povertypolicy import InputError, RuleError
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.indicators.engine import Tally
from tests.error_texts import check_rule_error

from ._indicators_engine_steps import SIX, F, N, S, U, unit
from .test_indicators import FOUR_HAVES, policy

# -- the helpers on both sides of every threshold reading --------------------------------------


def _ratio_param(side: Any, bound: Any, value: str) -> Any:
    import attrs

    p = policy(FOUR_HAVES).param("indicators.four_haves_transfer_employment")
    return attrs.evolve(p, threshold=side, bound=bound, value=Decimal(value))


@pytest.mark.parametrize(
    ("side", "bound", "value", "num", "den", "expected"),
    [
        # at least 95% of 20 (19); more than 95% (20); at least 95% of 7 (6.65 → 7)
        ("lower", "inclusive", "95", 18, 20, 1),
        ("lower", "inclusive", "95", 19, 20, 0),
        ("lower", "exclusive", "95", 18, 20, 2),
        ("lower", "exclusive", "95", 19, 20, 1),
        ("lower", "inclusive", "95", 5, 7, 2),
        ("lower", "exclusive", "95", 5, 7, 2),
        ("lower", "exclusive", "100", 5, 7, None),  # more than 100%: never
        ("lower", "inclusive", "100", 7, 7, 0),
        # at most 10% of 20 (2); less than 10% (1); at most 10% of 7 (0.7 → 0)
        ("upper", "inclusive", "10", 5, 20, 3),
        ("upper", "exclusive", "10", 5, 20, 4),
        ("upper", "inclusive", "10", 2, 20, 0),
        ("upper", "inclusive", "10", 3, 7, 3),
        ("upper", "exclusive", "10", 3, 7, 3),
        ("upper", "exclusive", "0", 3, 7, None),  # less than 0%: never
        ("upper", "inclusive", "0", 3, 7, 3),
    ],
)
def test_ratio_short_by(
    side: str, bound: str, value: str, num: int, den: int, expected: int | None
) -> None:
    from povertypolicy.policy import Bound, Side
    from povertypolicy.rules.indicators.engine import _ratio_short_by

    p = _ratio_param(Side(side), Bound(bound), value)
    assert _ratio_short_by(p, num, den) == expected


def test_an_unreachable_ratio_step() -> None:
    import attrs

    from povertypolicy.policy import Bound

    p = policy(FOUR_HAVES)
    target = p.param("indicators.four_haves_transfer_employment")
    cl = ki.FOUR_HAVES
    ind = next(i for i in cl.indicators if i.id is N.TRANSFER_EMPLOYMENT)
    from povertypolicy.rules.indicators.engine import _score_ratio

    never = attrs.evolve(target, bound=Bound.EXCLUSIVE, value=Decimal("100"))
    u = unit(transferred_labour=3, surplus_labour=4)
    score, step = _score_ratio(ind, u, cl, never, (never,))
    assert step.key == "indicators.score.ratio.unreachable"
    assert step.inputs["short_by"] is None
    assert score.short_by is None
    assert score.status is S.NOT_MET


def test_number_and_shown_number() -> None:
    import attrs

    from povertypolicy.rules.indicators.engine import _number, _shown_number

    p = policy(FOUR_HAVES)
    count = p.param("indicators.four_haves_zero_transfer_families")
    ind = next(i for i in ki.FOUR_HAVES.indicators if i.id is N.ZERO_TRANSFER_FAMILIES)
    assert _number(ind, count) == 0
    assert _number(ind, attrs.evolve(count, value=Decimal("2.5"))) == Fraction(5, 2)
    for bad in ("two", True):
        with pytest.raises(RuleError) as exc:
            _number(ind, attrs.evolve(count, value=bad))
        assert exc.value.rule == "KPI-1"
        assert (
            str(exc.value.message) == "indicators.four_haves_zero_transfer_families is not a number"
        )
        shown = {"param": "indicators.four_haves_zero_transfer_families"}
        check_rule_error(exc.value, "indicators.error.not_a_number", shown)
    whole = _shown_number(count, Fraction(3))
    assert (whole, type(whole)) == (3, int)
    part = _shown_number(count, Fraction(5, 2))
    assert (part, type(part)) == (Decimal("2.50"), Decimal)
    assert str(_shown_number(count, Fraction(1, 3))) == "0.33"


def test_scorecard_refuses_what_is_not_a_unit() -> None:
    p = policy(FOUR_HAVES)
    for town, members, field in (("T1", [], "town"), (unit(uid="T1"), ["V1"], "members")):
        with pytest.raises(InputError) as exc:
            ki.scorecard(town, "four_haves", p, members=members)  # type: ignore[arg-type]
        e = exc.value
        assert (e.obj, e.field, e.expected) == ("rules.indicators", field, "a ReportingUnit")


def test_a_tally_counts_each_status() -> None:
    import attrs

    from povertypolicy.rules.indicators.checklists import _checklist as build

    # the village indicator of the four haves, made conditional (the shipped conditional
    # checklists are not KPI-1's, and the catalogue lists scorecard() under KPI-1)
    coord = next(i for i in ki.FOUR_HAVES.indicators if i.id is N.COORDINATORS)
    cl = build("conditional", "KPI-1", attrs.evolve(coord, applies_when=F.HAS_SCHOOL))
    p = policy(FOUR_HAVES)
    villages = [
        unit(U.VILLAGE, "V1", has_school=False),
        unit(U.VILLAGE, "V2", has_school=False, coordinators=0),
        unit(U.VILLAGE, "V3", has_school=True, coordinators=1),
        unit(U.VILLAGE, "V4", has_school=True, coordinators=0),
        unit(U.VILLAGE, "V5", has_school=True),
    ]
    r = ki.scorecard(unit(uid="T1"), cl, p, members=villages)
    (t,) = r.value.tallies
    assert t == Tally(
        indicator=N.COORDINATORS,
        level=U.VILLAGE,
        units=5,
        met=1,
        not_met=1,
        not_reported=1,
        not_applicable=2,
        not_met_ids=("V4",),
        not_reported_ids=("V5",),
    )
    step = next(s for s in r.steps if s.key == "indicators.scorecard.tally")
    assert step.inputs["not_applicable"] == 2
    assert step.inputs["failing"] == ("V4",)
    assert step.rule == "KPI-1"


def test_gap_on_each_side() -> None:
    from povertypolicy.policy import Bound, Side
    from povertypolicy.rules.indicators.engine import _gap

    lower = _ratio_param(Side.LOWER, Bound.INCLUSIVE, "3")
    upper = _ratio_param(Side.UPPER, Bound.INCLUSIVE, "3")
    assert _gap(lower, Fraction(5), Fraction(3)) == -2
    assert _gap(upper, Fraction(5), Fraction(3)) == 2
    assert _gap(upper, Fraction(1), Fraction(3)) == -2


@pytest.mark.parametrize(
    ("flags", "status", "key"),
    [
        # at most 1 of the six platform items
        ({"platform_staff": True}, S.NOT_REPORTED, None),  # 1 yes, 5 unknown: could be 6
        (dict.fromkeys(SIX[:5], False) | {"platform_rules": True}, S.MET, "met"),
        (dict.fromkeys(SIX[:5], False), S.MET, "met"),  # 0 yes, 1 unknown: at most 1
        (dict.fromkeys(SIX[:4], False), S.NOT_REPORTED, None),  # 0 yes, 2 unknown
        ({"platform_staff": True, "platform_funds": True}, S.NOT_MET, "over"),  # 2 yes
        (dict.fromkeys(SIX[:2], True) | dict.fromkeys(SIX[2:], False), S.NOT_MET, "over"),
    ],
)
def test_flags_at_most(flags: dict[str, bool], status: ki.Status, key: str | None) -> None:
    """A maximum on flags: met only when it holds with every unknown item present; not met
    only when the items present already pass it (a fixed bug: unknowns made it not met)."""
    import attrs

    from povertypolicy.policy import Side
    from povertypolicy.rules.indicators.engine import _score_flags

    p = policy(FOUR_HAVES).param("indicators.four_haves_platform_in_place")
    most = attrs.evolve(p, threshold=Side.UPPER, value=1)
    ind = next(i for i in ki.FOUR_HAVES.indicators if i.id is N.PLATFORM_IN_PLACE)
    u = unit(**flags)
    score, step = _score_flags(ind, u, ki.FOUR_HAVES, most, (most,))
    assert score.status is status
    if key is None:
        assert step.key == "indicators.score.not_reported"
        return
    yes = sum(1 for v in flags.values() if v)
    assert step.key == f"indicators.score.flags.{key}"
    assert step.inputs["yes"] == yes
    assert score.gap == yes - 1
    if status is S.MET:
        assert score.short_by == 0
    else:  # over the maximum: how many items too many
        assert score.short_by == yes - 1
