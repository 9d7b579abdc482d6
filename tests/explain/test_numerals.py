"""Capital numerals (大写金额) and 公文 amounts: hand-written examples and a round trip."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertypolicy import InputError, Money, UnsupportedLocaleError
from povertypolicy.explain.numerals import chinese_amount, to_capital

# Written by hand from 《支付结算办法》 附件一 and 《会计基础工作规范》 第五十二条.
EXAMPLES = [
    ("0.00", "零元整"),
    ("0.01", "壹分"),
    ("0.05", "伍分"),
    ("0.10", "壹角整"),
    ("0.50", "伍角整"),
    ("0.53", "伍角叁分"),
    ("1.00", "壹元整"),
    ("1.05", "壹元零伍分"),
    ("1.50", "壹元伍角整"),
    ("10.00", "壹拾元整"),
    ("11.00", "壹拾壹元整"),
    ("20.30", "贰拾元零叁角整"),
    ("101.00", "壹佰零壹元整"),
    ("110.00", "壹佰壹拾元整"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("1010.00", "壹仟零壹拾元整"),
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("3500.00", "叁仟伍佰元整"),
    ("3500.05", "叁仟伍佰元零伍分"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("10000.00", "壹万元整"),
    ("10000.50", "壹万元零伍角整"),
    ("10500.00", "壹万零伍佰元整"),
    ("12000.00", "壹万贰仟元整"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("100010.00", "壹拾万零壹拾元整"),
    ("107000.53", "壹拾万零柒仟元零伍角叁分"),
    ("1000000.01", "壹佰万元零壹分"),
    ("1000000.00", "壹佰万元整"),
    ("31200000.00", "叁仟壹佰贰拾万元整"),
    ("100000000.00", "壹亿元整"),
    ("100000001.00", "壹亿零壹元整"),
    ("105000000.00", "壹亿零伍佰万元整"),
    ("110000000.00", "壹亿壹仟万元整"),
    ("1000000000000.00", "壹万亿元整"),
    ("1234567890123.45", "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分"),
]


@pytest.mark.parametrize(("amount", "expected"), EXAMPLES)
def test_capital_numerals_by_hand(amount: str, expected: str) -> None:
    assert to_capital(Money(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("12000", "壹萬貳仟元整"),
        ("3500.05", "參仟伍佰元零伍分"),
        ("1680.32", "壹仟陸佰捌拾元零參角貳分"),
        ("100000000", "壹億元整"),
        ("1000000.01", "壹佰萬元零壹分"),
    ],
)
def test_traditional_capital_numerals(amount: str, expected: str) -> None:
    assert to_capital(Money(amount), "zh_Hant") == expected
    assert to_capital(Money(amount), "zh-TW") == expected


def test_fen_and_negative_and_refusals() -> None:
    assert to_capital(350005) == "叁仟伍佰元零伍分"
    assert to_capital(Money("-0.05")) == "负伍分"
    assert to_capital(Money("-12000"), "zh_Hant") == "負壹萬貳仟元整"
    with pytest.raises(UnsupportedLocaleError):
        to_capital(Money("1"), "en")
    with pytest.raises(InputError):
        to_capital(Money.from_fen(10**18))
    with pytest.raises(InputError):
        to_capital(1.5)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        to_capital(True)  # type: ignore[arg-type]


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_DIGIT.update({c: i for i, c in enumerate("零壹貳參肆伍陸柒捌玖")})
_POWER = {"拾": 10, "佰": 100, "仟": 1000}


def _small(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        else:
            assert digit, f"unit {ch} without a digit in {text!r}"
            total += digit * _POWER[ch]
            digit = 0
    return total + digit


def _integer(text: str) -> int:
    if "亿" in text:  # 壹万贰仟亿: the part before 亿 may itself have 万
        high, low = text.split("亿", 1)
        return _integer(high) * 10**8 + _integer(low)
    if "万" in text:
        high, low = text.split("万", 1)
        return _small(high) * 10**4 + _small(low)
    return _small(text)


def parse_capital(text: str) -> int:
    """Read a capital amount back into fen (an independent reader, for the round trip)."""
    text = text.replace("萬", "万").replace("億", "亿")
    sign = 1
    if text[0] in "负負":
        sign, text = -1, text[1:]
    text = text.removesuffix("整")
    match = re.fullmatch(r"(?:(.+)元)?(?:零)?(?:(.)角)?(?:(.)分)?", text)
    assert match, text
    yuan, jiao, fen = match.groups()
    total = _integer(yuan) * 100 if yuan else 0
    total += _DIGIT[jiao] * 10 if jiao else 0
    total += _DIGIT[fen] if fen else 0
    return sign * total


def _zero_runs(fen: int) -> int:
    digits = (str(fen // 100) if fen >= 100 else "") + f"{fen % 100:02d}"
    return len(re.findall(r"0+", digits.lstrip("0").rstrip("0")))


@given(st.integers(min_value=0, max_value=10**18 - 1), st.sampled_from(["zh_Hans", "zh_Hant"]))
def test_round_trip_and_zero_rules(fen: int, locale: str) -> None:
    text = to_capital(fen, locale)
    assert parse_capital(text) == fen
    if fen == 0:
        return
    # One 零 per run of zeros between non-zero digits; never two in a row, never first.
    assert text.count("零") == _zero_runs(fen)
    assert "零零" not in text
    assert not text.startswith("零")
    assert not re.search("零[元万萬亿億角分整]", text)
    # 整 exactly when there are no fen; nothing after 分.
    assert text.endswith("整") == (fen % 10 == 0)
    assert text.endswith("分") == (fen % 10 != 0)
    assert ("元" in text) == (fen >= 100)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_negative_round_trip(fen: int) -> None:
    assert parse_capital(to_capital(fen)) == fen


@pytest.mark.parametrize(
    ("fen", "hans", "hant"),
    [
        (350000, "3500元", "3500元"),
        (999999, "9999.99元", "9999.99元"),
        (1400000, "14000元", "14,000元"),
        (360050, "3600.50元", "3600.50元"),
        (5, "0.05元", "0.05元"),
        (0, "0元", "0元"),
        (-30050, "-300.50元", "-300.50元"),
        (-1234567, "-12345.67元", "-12,345.67元"),
        (100000000001, "1000000000.01元", "1,000,000,000.01元"),
    ],
)
def test_chinese_amounts_in_prose(fen: int, hans: str, hant: str) -> None:
    assert chinese_amount(fen, "zh_Hans") == hans
    assert chinese_amount(fen, "zh_Hant") == hant
