"""Money: exact to the fen, half-up rounding, Babel formatting, exact allocation."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy import InputError, Money


def test_construction_and_views() -> None:
    assert Money("14000") == Money(14000) == Money(Decimal("14000.00"))
    assert Money("0.05").fen == 5
    assert str(Money("3")) == "3.00"
    assert repr(Money("3500")) == "Money('3500.00')"
    assert Money("-1.10").amount == Decimal("-1.10")


@pytest.mark.parametrize("bad", [1.5, True, None, "abc", "1.005", "NaN", "Infinity", [1]])
def test_bad_amounts_raise_input_error(bad: object) -> None:
    with pytest.raises(InputError) as exc:
        Money(bad)  # type: ignore[arg-type]
    assert exc.value.obj == "Money"


def test_round_is_half_up_not_bankers() -> None:
    assert Money.round(Decimal("0.005")) == Money("0.01")
    assert Money.round(Decimal("0.015")) == Money("0.02")
    assert Money.round(Decimal("0.025")) == Money("0.03")  # half-even would give 0.02
    assert Money.round(Decimal("-0.005")) == Money("-0.01")
    assert Money.round(Decimal("0.0049")) == Money("0.00")
    assert Money.round("2.675") == Money("2.68")


def test_arithmetic() -> None:
    assert Money("1.10") + Money("2.20") == Money("3.30")
    assert Money("5") - Money("7") == Money("-2")
    assert Money("3500") * 4 == Money("14000")
    assert 4 * Money("3500") == Money("14000")
    assert Money("10.01") * Decimal("0.3") == Money("3.00")  # 3.003 → 3.00
    assert Money("0.05") * Fraction(1, 2) == Money("0.03")  # 0.025 → 0.03 half-up
    assert sum([Money("1"), Money("2")]) == Money("3")
    assert -Money("1") == Money("-1")
    assert abs(Money("-1")) == Money("1")
    assert Money("1") < Money("2") <= Money("2") < Money("3")
    assert not Money.zero()
    assert hash(Money("1")) == hash(Money("1.00"))


def test_immutable() -> None:
    m = Money("1")
    with pytest.raises(AttributeError):
        m._fen = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hans", "¥14,000.00"),
        ("zh_Hant", "CN¥14,000.00"),
        ("en", "CN¥14,000.00"),
        ("zh_CN", "¥14,000.00"),
        ("zh-TW", "CN¥14,000.00"),
    ],
)
def test_format_with_babel(locale: str, expected: str) -> None:
    assert Money("14000").format(locale) == expected


def test_format_shows_quantized_amount() -> None:
    assert Money.round(Decimal("0.125")).format("en") == "CN¥0.13"


def test_allocate_tranches_and_rounding_report() -> None:
    parts, rounded = Money("10000.01").allocate_with_remainder([30, 30, 30, 10])
    assert parts == (Money("3000.01"), Money("3000.00"), Money("3000.00"), Money("1000.00"))
    assert rounded == (0,)
    assert Money("0.02").allocate([1, 1, 1]) == (Money("0.01"), Money("0.01"), Money("0.00"))
    assert Money("-0.02").allocate([1, 1, 1]) == (Money("-0.01"), Money("-0.01"), Money("0.00"))


@pytest.mark.parametrize("weights", [[], [0, 0], [-1, 2], [1.5]])
def test_allocate_rejects_bad_weights(weights: list[object]) -> None:
    with pytest.raises(InputError):
        Money("1").allocate(weights)  # type: ignore[arg-type]


@given(
    fen=st.integers(min_value=-(10**12), max_value=10**12),
    weights=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12).filter(
        lambda ws: sum(ws) > 0
    ),
)
def test_allocate_never_loses_or_invents_a_fen(fen: int, weights: list[int]) -> None:
    total = Money.from_fen(fen)
    parts = total.allocate(weights)
    assert sum(parts, Money.zero()) == total
    assert len(parts) == len(weights)
    for part, w in zip(parts, weights, strict=True):
        exact = Fraction(fen * w, sum(weights))
        assert abs(Fraction(part.fen) - exact) < 1  # each part within one fen of its share
        if w == 0:
            assert part == Money.zero()


@given(
    fen=st.integers(min_value=-(10**9), max_value=10**9),
    weights=st.lists(
        st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=6,
    ).filter(lambda ws: sum(ws) > 0),
)
def test_allocate_decimal_weights_match_exact_fractions(fen: int, weights: list[Decimal]) -> None:
    total = Money.from_fen(fen)
    fast = total.allocate_with_remainder(weights)
    exact = total.allocate_with_remainder([Fraction(w) for w in weights])
    assert fast == exact
