"""Chinese amounts: 公文 style in prose (3500元) and capital numerals (大写, 壹万贰仟元整).

Capital numerals follow 《支付结算办法》 附件一 and 《会计基础工作规范》 第五十二条: one 零 for
every run of zeros between two non-zero digits (the form both texts accept), 整 after 元 or 角,
nothing after 分, 壹拾 for a leading ten. See docs/concepts/wording.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .locales import normalise_locale

if TYPE_CHECKING:
    from ..money import Money

__all__ = ["chinese_amount", "chinese_number", "to_capital"]

_DIGITS = {
    "zh_Hans": "零壹贰叁肆伍陆柒捌玖",
    "zh_Hant": "零壹貳參肆伍陸柒捌玖",
}
_POWERS = ("", "拾", "佰", "仟")
_SECTIONS = {
    "zh_Hans": ("", "万", "亿", "万"),  # 万 after the fourth section: 壹万亿, 壹万贰仟亿
    "zh_Hant": ("", "萬", "億", "萬"),
}
_NEGATIVE = {"zh_Hans": "负", "zh_Hant": "負"}
# The largest amount with a section name: 9999万亿 9999亿 9999万 9999 yuan 9 jiao 9 fen.
_MAX_FEN = 10**18 - 1


def _chinese_locale(locale: str) -> str:
    loc = normalise_locale(locale)
    if loc not in _DIGITS:
        from ..errors import UnsupportedLocaleError

        raise UnsupportedLocaleError(
            f"capital numerals (大写) are written in zh_Hans or zh_Hant, not {loc!r}",
            given=loc,
            code="core.error.capital_locale",
        )
    return loc


def to_capital(amount: Money | int, locale: str = "zh_Hans") -> str:
    """An amount in capital numerals, 大写金额 (``Money("12000")`` → ``壹万贰仟元整``).

    ``amount`` is a `Money` or an int number of fen. zh_Hant writes the
    traditional forms (貳、參、陸、萬、億) with the same 元、角、分、整. A negative amount is
    written with 负 (負) in front; that is not a form the payment rules define.
    """
    from ..money import Money

    if isinstance(amount, Money):
        fen = amount.fen
    elif isinstance(amount, int) and not isinstance(amount, bool):
        fen = amount
    else:
        from ..errors import InputError

        raise InputError(
            obj="to_capital",
            field="amount",
            value=amount,
            expected="a Money or an int of fen",
            code="core.error.amount_or_fen",
        )
    loc = _chinese_locale(locale)
    if fen < 0:
        return _NEGATIVE[loc] + to_capital(-fen, loc)
    if fen > _MAX_FEN:
        from ..errors import InputError

        raise InputError(
            obj="to_capital",
            field="amount",
            value=amount,
            expected="less than 10**16 yuan (the largest amount with a section name, 万亿)",
            code="core.error.capital_magnitude",
        )
    digits = _DIGITS[loc]
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    if fen == 0:
        return f"{digits[0]}元整"
    # Read every digit from the highest down; (digit, unit-after-it) pairs.
    parts: list[tuple[int, str]] = []
    sections = _SECTIONS[loc]
    text = str(yuan) if yuan else ""
    n = len(text)
    for i, ch in enumerate(text):
        place = n - 1 - i
        section, power = divmod(place, 4)
        unit = _POWERS[power]
        # The section name goes after the section's last digit; kept only if the section
        # has a non-zero digit (added below).
        parts.append((int(ch), unit))
        if power == 0 and section:
            parts.append((-section, sections[section]))
    out: list[str] = []
    pending_zero = False
    section_has_digit = False
    above_yi = False  # a digit in the 万亿 section: 亿 is then written even after an empty section
    for digit, unit in parts:
        if digit < 0:  # the end of section -digit
            if section_has_digit or (digit == -2 and above_yi):
                out.append(unit)
            above_yi = digit == -3 and section_has_digit
            section_has_digit = False
            continue
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(digits[0])
            pending_zero = False
        out.append(digits[digit] + unit)
        section_has_digit = True
    if yuan:
        out.append("元")
    if jiao or fen_digit:
        if jiao:
            if pending_zero or (yuan and yuan % 10 == 0):
                out.append(digits[0])
            out.append(digits[jiao] + "角")
            pending_zero = False
        if fen_digit:
            if not jiao and yuan:
                out.append(digits[0])
            out.append(digits[fen_digit] + "分")
        else:
            out.append("整")
    else:
        out.append("整")
    return "".join(out)


def chinese_number(text: str, locale: str) -> str:
    """Group a plain number text for a Chinese locale.

    zh_Hans: never (``14000``); zh_Hant: by thousands from five digits on (``3500``,
    ``14,000``), so that years and four-digit amounts read the same in both scripts.
    """
    if normalise_locale(locale) != "zh_Hant":
        return text
    sign = "-" if text.startswith("-") else ""
    whole, dot, frac = text.lstrip("-").partition(".")
    if len(whole) <= 4:
        return text
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    grouped = ",".join([whole, *groups]) if whole else ",".join(groups)
    return f"{sign}{grouped}{dot}{frac}"


def chinese_amount(fen: int, locale: str) -> str:
    """An amount in prose for a Chinese locale, 公文 style: ``3500元``, ``3600.50元``.

    Whole yuan are written without decimals; an amount with fen shows both places. zh_Hans
    writes no digit grouping (``14000元``), zh_Hant groups from five digits (``14,000元``).
    """
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    text = f"{sign}{yuan}" if cents == 0 else f"{sign}{yuan}.{cents:02d}"
    return f"{chinese_number(text, locale)}元"
