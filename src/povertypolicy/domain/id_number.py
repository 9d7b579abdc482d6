"""Citizen identity numbers (公民身份号码, GB 11643—1999): structure, check digit, old form; DATA-1.

A number is 6 address digits (GB/T 2260), 8 birth-date digits (YYYYMMDD), 3 sequence digits
(odd: male, even: female) and a check character (ISO 7064:1983 MOD 11-2: 0–9 or X). The
15-digit numbers issued before 1999 have a 2-digit year (19YY) and no check character.

Pure standard-library code: the single-number reading that the ledger kernel
(`povertypolicy.ledger.data_quality_kernels`) is tested against.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

import attrs

from ..errors import InputError
from .enums import Sex

__all__ = [
    "ID_PROBLEMS",
    "PROVINCE_CODES",
    "IdNumberReading",
    "IdProblem",
    "check_character",
    "id_number_problems",
    "read_id_number",
    "upgrade_old_number",
    "validated_id_number",
]

#: ISO 7064 MOD 11-2 weights of the 17 body digits: 2**(17 - i) mod 11 (GB 11643—1999 校验码).
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
#: The check character for each value of (Σ aᵢ·Wᵢ) mod 11.
CHECK_CHARS = "10X98765432"

#: Province-level codes of GB/T 2260《中华人民共和国行政区划代码》: the first two digits of
#: every address code. 31 mainland provinces, autonomous regions and municipalities, plus
#: 71 台湾省, 81 香港特别行政区, 82 澳门特别行政区. Chongqing (50) has its own code since 1997;
#: numbers issued there before keep 51, which is also in the table.
PROVINCE_CODES: Mapping[str, str] = {
    "11": "北京市",
    "12": "天津市",
    "13": "河北省",
    "14": "山西省",
    "15": "内蒙古自治区",
    "21": "辽宁省",
    "22": "吉林省",
    "23": "黑龙江省",
    "31": "上海市",
    "32": "江苏省",
    "33": "浙江省",
    "34": "安徽省",
    "35": "福建省",
    "36": "江西省",
    "37": "山东省",
    "41": "河南省",
    "42": "湖北省",
    "43": "湖南省",
    "44": "广东省",
    "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市",
    "51": "四川省",
    "52": "贵州省",
    "53": "云南省",
    "54": "西藏自治区",
    "61": "陕西省",
    "62": "甘肃省",
    "63": "青海省",
    "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省",
    "81": "香港特别行政区",
    "82": "澳门特别行政区",
}

#: The problems a number can have, in the order they are reported (check codes ``id.<name>``).
ID_PROBLEMS = (
    "missing",
    "format",
    "old_format",
    "check_digit",
    "birth_date",
    "province",
    "sex_mismatch",
    "birth_mismatch",
    "duplicate",
)


class IdProblem(enum.StrEnum):
    """A problem `validated_id_number` refuses a number for (an `ID_PROBLEMS` name), in the
    ``problems`` of its `InputError`; its label says it in the error's locale."""

    __label__ = "core.enum.id_problem"

    MISSING = "missing"
    FORMAT = "format"
    OLD_FORMAT = "old_format"
    CHECK_DIGIT = "check_digit"
    BIRTH_DATE = "birth_date"
    PROVINCE = "province"
    SEX_MISMATCH = "sex_mismatch"
    BIRTH_MISMATCH = "birth_mismatch"


def check_character(body: str) -> str:
    """The MOD 11-2 check character of 17 body digits (GB 11643—1999, 校验码)."""
    if not isinstance(body, str) or len(body) != 17 or not _digits(body):
        raise InputError(
            obj="check_character",
            field="body",
            value=body,
            expected="17 digits",
            code="core.error.id_digits",
            extra={"count": 17},
        )
    total = sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def upgrade_old_number(old: str) -> str:
    """The 18-digit form of a 15-digit number: 19 inserted before the year, check added."""
    if not isinstance(old, str) or len(old) != 15 or not _digits(old):
        raise InputError(
            obj="upgrade_old_number",
            field="old",
            value=old,
            expected="15 digits",
            code="core.error.id_digits",
            extra={"count": 15},
        )
    body = old[:6] + "19" + old[6:]
    return body + check_character(body)


def _digits(text: str) -> bool:
    return all("0" <= c <= "9" for c in text)


@attrs.frozen(kw_only=True)
class IdNumberReading:
    """What an identity number says, read digit by digit; 身份号码解读.

    ``form`` is ``"18"``, ``"15"`` (old form) or ``"bad"`` (neither shape; nothing else read).
    ``normalised`` is the 18-digit form with an upper-case X (15-digit numbers upgraded).
    """

    text: str
    form: str
    normalised: str | None = None
    province_ok: bool | None = None
    birth_date: dt.date | None = None
    sex: Sex | None = None
    check_ok: bool | None = None
    expected_check: str | None = None


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def read_id_number(number: str) -> IdNumberReading:
    """Read a number's parts. A final ``x`` is read as ``X``; surrounding white space is
    ignored. ``normalised`` keeps a wrong check character (it is still that number)."""
    text = number.strip()
    if len(text) == 18 and _digits(text[:17]) and (_digits(text[17]) or text[17] in "Xx"):
        body = text[:17]
        given = text[17].upper()
        expected = check_character(body)
        return IdNumberReading(
            text=text,
            form="18",
            normalised=body + given,
            province_ok=text[:2] in PROVINCE_CODES,
            birth_date=_date(int(text[6:10]), int(text[10:12]), int(text[12:14])),
            sex=Sex.MALE if int(text[16]) % 2 else Sex.FEMALE,
            check_ok=given == expected,
            expected_check=expected,
        )
    if len(text) == 15 and _digits(text):
        return IdNumberReading(
            text=text,
            form="15",
            normalised=upgrade_old_number(text),
            province_ok=text[:2] in PROVINCE_CODES,
            birth_date=_date(1900 + int(text[6:8]), int(text[8:10]), int(text[10:12])),
            sex=Sex.MALE if int(text[14]) % 2 else Sex.FEMALE,
        )
    return IdNumberReading(text=text, form="bad")


def id_number_problems(
    number: str | None,
    *,
    sex: Sex | None = None,
    birth_date: dt.date | None = None,
    on: dt.date | None = None,
) -> tuple[str, ...]:
    """The problems of one number (names from `ID_PROBLEMS`, in that order), not counting
    duplicates, which need the whole ledger.

    ``sex`` and ``birth_date`` are the recorded ones (``None``: not recorded, not compared).
    A birth date in the number after ``on`` (default: today) is not a valid birth date.
    """
    if number is None or not number.strip():
        return ("missing",)
    reading = read_id_number(number)
    if reading.form == "bad":
        return ("format",)
    found: list[str] = []
    if reading.form == "15":
        found.append("old_format")
    if reading.check_ok is False:
        found.append("check_digit")
    latest = on or dt.date.today()
    born = reading.birth_date
    if born is None or born > latest:
        found.append("birth_date")
        born = None
    if not reading.province_ok:
        found.append("province")
    if sex is not None and reading.sex is not sex:
        found.append("sex_mismatch")
    if birth_date is not None and born is not None and born != birth_date:
        found.append("birth_mismatch")
    return tuple(found)


_EXPECTED = {
    "missing": "a citizen identity number",
    "format": "18 characters: 17 digits and a check digit 0-9 or X",
    "old_format": "the 18-digit form {normalised} (this is a 15-digit number of the old form)",
    "check_digit": "check character {expected} (ISO 7064 MOD 11-2)",
    "birth_date": "a real birth date not after {on} in digits 7-14",
    "province": "a GB/T 2260 province code in the first two digits",
    "sex_mismatch": "an odd 17th digit for a man, an even one for a woman (recorded: {sex})",
    "birth_mismatch": "the recorded birth date {birth} in digits 7-14",
}


def validated_id_number(
    number: str | None,
    *,
    sex: Sex | None = None,
    birth_date: dt.date | None = None,
    on: dt.date | None = None,
    obj: str = "Person",
) -> str:
    """The number in its 18-digit form (upper-case X) if it passes every DATA-1 check, else an
    `InputError` naming each problem; 身份号码校验 (opt-in, e.g. ``Person.checked``)."""
    problems = id_number_problems(number, sex=sex, birth_date=birth_date, on=on)
    if not problems:
        assert number is not None
        normalised = read_id_number(number).normalised
        assert normalised is not None
        return normalised
    reading = read_id_number(number or "")
    args = {
        "normalised": reading.normalised,
        "expected": reading.expected_check,
        "on": on or dt.date.today(),
        "sex": None if sex is None else sex.value,
        "birth": birth_date,
    }
    expected = "; ".join(_EXPECTED[p].format(**args) for p in problems)
    raise InputError(
        obj=obj,
        field="id_number",
        value=number,
        expected=expected,
        code="core.error.id_number",
        extra={"problems": tuple(IdProblem(p) for p in problems)},
    )
