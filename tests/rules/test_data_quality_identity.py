"""DATA-1 on one number: GB 11643 worked examples, each problem on both sides, Person opt-in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy.domain.id_number import (
    PROVINCE_CODES,
    check_character,
    id_number_problems,
    read_id_number,
    upgrade_old_number,
    validated_id_number,
)
from povertypolicy.rules.data_quality import check_id_number

ON = dt.date(2020, 1, 1)
BEIJING = "11010519491231002X"  # GB 11643—1999 附录A: 北京市朝阳区
SHANTOU = "440524188001010014"  # GB 11643—1999 附录A: 广东省汕头市


def test_DATA_1_gb11643_examples_are_valid() -> None:
    assert check_character("11010519491231002") == "X"
    assert check_character("44052418800101001") == "4"
    for number in (BEIJING, SHANTOU):
        assert id_number_problems(number, on=ON) == ()
    beijing = read_id_number(BEIJING)
    assert beijing.birth_date == dt.date(1949, 12, 31)
    assert beijing.sex is pp.Sex.FEMALE  # sequence 002: even
    assert read_id_number(SHANTOU).sex is pp.Sex.MALE  # sequence 001: odd
    assert read_id_number(SHANTOU).birth_date == dt.date(1880, 1, 1)


def test_DATA_1_lower_case_x_is_the_same_number() -> None:
    assert id_number_problems(BEIJING.lower(), on=ON) == ()
    assert read_id_number(BEIJING.lower()).normalised == BEIJING


def test_DATA_1_check_digit_wrong_and_right() -> None:
    assert id_number_problems("110105194912310020", on=ON) == ("check_digit",)
    result = check_id_number("110105194912310020", on=ON)
    assert result.value.problems == ("check_digit",)
    assert "X" in result.explain("zh_Hans")
    assert result.rules == ("DATA-1",)


def test_DATA_1_format() -> None:
    for bad in (
        "12345",
        "11010519491231002",
        "1101051949123100200",
        "1101051949123100AX",
        "x" * 18,
    ):
        assert id_number_problems(bad, on=ON) == ("format",)
    assert id_number_problems(None) == ("missing",)
    assert id_number_problems("   ") == ("missing",)


def test_DATA_1_old_form_is_flagged_with_its_18_digit_form() -> None:
    assert upgrade_old_number("110105491231002") == BEIJING
    assert id_number_problems("110105491231002", on=ON) == ("old_format",)
    result = check_id_number("110105491231002", on=ON)
    assert result.value.normalised == BEIJING
    assert BEIJING in result.explain("en")


def test_DATA_1_birth_date_real_and_not_after_the_check_date() -> None:
    body = "11010520190229001"  # 2019 is not a leap year
    assert "birth_date" in id_number_problems(body + check_character(body), on=ON)
    body = "11010520200229001"  # 2020 is
    assert id_number_problems(body + check_character(body), on=dt.date(2020, 2, 29)) == ()
    assert "birth_date" in id_number_problems(body + check_character(body), on=dt.date(2020, 2, 28))
    body = "11010519491331002"  # month 13
    assert "birth_date" in id_number_problems(body + check_character(body), on=ON)


def test_DATA_1_province_code() -> None:
    assert len(PROVINCE_CODES) == 34
    assert {"11", "50", "65", "71", "81", "82"} <= set(PROVINCE_CODES)
    body = "99010519491231002"
    assert id_number_problems(body + check_character(body), on=ON) == ("province",)
    body = "82010519491231002"
    assert id_number_problems(body + check_character(body), on=ON) == ()


def test_DATA_1_sex_and_birth_date_against_the_recorded_ones() -> None:
    assert id_number_problems(BEIJING, sex=pp.Sex.FEMALE, on=ON) == ()
    assert id_number_problems(BEIJING, sex=pp.Sex.MALE, on=ON) == ("sex_mismatch",)
    assert id_number_problems(BEIJING, birth_date=dt.date(1949, 12, 31), on=ON) == ()
    assert id_number_problems(BEIJING, birth_date=dt.date(1950, 1, 1), on=ON) == ("birth_mismatch",)
    result = check_id_number(BEIJING, sex=pp.Sex.MALE, on=ON)
    text = result.explain("zh_Hant")
    assert "女" in text
    assert "男" in text


def test_DATA_1_duplicate_comes_from_the_ledger() -> None:
    result = check_id_number(BEIJING, on=ON, others=["P7"])
    assert result.value.problems == ("duplicate",)
    assert "P7" in result.explain("en")


def test_DATA_1_disabled_checks_are_not_reported(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "county.toml"
    path.write_text(
        'id = "county"\ntitle = "本县"\nextends = "town-poverty-data-cleansing"\n'
        'source = { document = "本县文件", section = "一" }\n\n'
        '[[checks]]\ncode = "id.old_format"\nenabled = false\n',
        encoding="utf-8",
    )
    assert check_id_number("110105491231002", on=ON, checks=str(path)).value.problems == ()


@st.composite
def valid_numbers(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    rest = draw(st.text("0123456789", min_size=4, max_size=4))
    born = draw(st.dates(dt.date(1900, 1, 1), ON))
    seq = draw(st.text("0123456789", min_size=3, max_size=3))
    body = f"{province}{rest}{born:%Y%m%d}{seq}"
    return body + check_character(body)


@given(valid_numbers(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_DATA_1_any_one_character_changed_fails_the_check(number: str, at: int, new: str) -> None:
    assert id_number_problems(number, on=ON) == ()
    if at < 17 and new == "X":
        new = "0"
    if new == number[at]:
        new = "1" if number[at] != "1" else "2"
    changed = number[:at] + new + number[at + 1 :]
    problems = id_number_problems(changed, on=ON)
    assert "check_digit" in problems


def test_person_is_unchanged_and_checked_is_opt_in() -> None:
    loose = pp.Person(id="P1", birth_date=dt.date(1949, 12, 31), id_number="12345")
    assert loose.id_number == "12345"
    ok = pp.Person.checked(
        id="P1", birth_date=dt.date(1949, 12, 31), sex=pp.Sex.FEMALE, id_number=BEIJING
    )
    assert ok.id_number == BEIJING
    with pytest.raises(pp.InputError, match="check character X"):
        pp.Person.checked(id="P1", birth_date=dt.date(1949, 12, 31), id_number="110105194912310020")
    with pytest.raises(pp.InputError, match="odd 17th digit"):
        pp.Person.checked(
            id="P1", birth_date=dt.date(1949, 12, 31), sex=pp.Sex.MALE, id_number=BEIJING
        )
    with pytest.raises(pp.InputError, match="a citizen identity number"):
        pp.Person.checked(id="P1", birth_date=dt.date(1949, 12, 31))
    with pytest.raises(pp.InputError, match=BEIJING):
        pp.Person.checked(id="P1", birth_date=dt.date(1949, 12, 31), id_number="110105491231002")
    assert validated_id_number(BEIJING.lower()) == BEIJING
