"""DATA-1 on one number step by step: per problem the rule ID, message key, inputs (value,
detail, recorded) and citation, compared whole, and ``id_detail`` for every problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.domain.id_number import check_character
from povertypolicy.explain import Step
from povertypolicy.rules.data_quality import check_id_number
from povertypolicy.rules.data_quality.checks import load_checks
from povertypolicy.rules.data_quality.identity import IdCheck, id_detail

from .test_data_quality_identity import BEIJING, ON

CHECKS = load_checks()


def finding(problem: str, value: str | None, detail: object, recorded: object = None) -> Step:
    return Step(
        rule="DATA-1",
        key=f"data_quality.finding.id.{problem}",
        inputs={"value": value, "detail": detail, "recorded": recorded},
        citation=CHECKS.get(f"id.{problem}").citation,
    )


def test_DATA_1_ok_step() -> None:
    r = check_id_number(BEIJING.lower(), on=ON)
    assert r.value == IdCheck(number=BEIJING.lower(), problems=(), normalised=BEIJING)
    assert r.value.ok is True
    assert r.steps == (
        Step(
            rule="DATA-1",
            key="data_quality.step.id_ok",
            inputs={"value": BEIJING.lower(), "normalised": BEIJING},
            citation=CHECKS.get("id.check_digit").citation,
        ),
    )


def test_DATA_1_check_digit_step() -> None:
    r = check_id_number("110105194912310020", on=ON)
    assert r.value == IdCheck(
        number="110105194912310020", problems=("check_digit",), normalised="110105194912310020"
    )
    assert r.value.ok is False
    assert r.steps == (finding("check_digit", "110105194912310020", "X"),)


def test_DATA_1_old_format_step() -> None:
    r = check_id_number("110105491231002", on=ON)
    assert r.value.normalised == BEIJING
    assert r.steps == (finding("old_format", "110105491231002", BEIJING),)


def test_DATA_1_missing_and_format_steps() -> None:
    r = check_id_number(None, on=ON, others=["P2"])
    assert r.value == IdCheck(number=None, problems=("missing",), normalised=None)
    assert r.steps == (finding("missing", None, None),)
    r = check_id_number("   ", on=ON, others=["P2"])
    assert r.value.problems == ("missing",)
    assert r.value.normalised is None
    r = check_id_number("12345", on=ON, others=["P2"])
    assert r.value.problems == ("format",)  # no duplicate for a malformed number
    assert r.steps == (finding("format", "12345", None),)


def test_DATA_1_birth_date_and_province_steps() -> None:
    body = "11010519491331002"
    bad = body + check_character(body)
    r = check_id_number(bad, on=ON)
    assert r.steps == (finding("birth_date", bad, "19491331"),)
    body = "99010519491231002"
    bad = body + check_character(body)
    assert check_id_number(bad, on=ON).steps == (finding("province", bad, "99"),)


def test_DATA_1_mismatch_steps() -> None:
    r = check_id_number(BEIJING, sex=pp.Sex.MALE, birth_date=dt.date(1950, 1, 1), on=ON)
    assert r.value.problems == ("sex_mismatch", "birth_mismatch")
    assert r.steps == (
        finding("sex_mismatch", BEIJING, pp.Sex.FEMALE, pp.Sex.MALE),
        finding("birth_mismatch", BEIJING, dt.date(1949, 12, 31), dt.date(1950, 1, 1)),
    )


def test_DATA_1_duplicate_step() -> None:
    r = check_id_number(BEIJING, on=ON, others=["P7", "P9"])
    assert r.value == IdCheck(number=BEIJING, problems=("duplicate",), normalised=BEIJING)
    assert r.steps == (finding("duplicate", BEIJING, "P7, P9"),)
    assert check_id_number(BEIJING, on=ON, others=[]).value.problems == ()


def test_DATA_1_a_disabled_check_is_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "county.toml"
    path.write_text(
        'id = "county"\ntitle = "本县"\nextends = "town-poverty-data-cleansing"\n'
        'source = { document = "本县文件", section = "一" }\n\n'
        '[[checks]]\ncode = "id.duplicate"\nenabled = false\n',
        encoding="utf-8",
    )
    r = check_id_number(BEIJING, on=ON, others=["P7"], checks=str(path))
    assert r.value.problems == ()
    assert r.steps[0].key == "data_quality.step.id_ok"


@pytest.mark.parametrize(
    ("problem", "number", "expected"),
    [
        ("old_format", "110105491231002", (BEIJING, None)),
        ("old_format", "12345", (None, None)),
        ("check_digit", "110105194912310020", ("X", None)),
        ("check_digit", None, (None, None)),
        ("birth_date", "110105491331002", ("491331", None)),
        ("birth_date", " 11010519491331002x ", ("19491331", None)),
        ("province", "990105491231002", ("99", None)),
        ("sex_mismatch", BEIJING, (pp.Sex.FEMALE, pp.Sex.MALE)),
        ("sex_mismatch", "12345", (None, pp.Sex.MALE)),  # a reading without a sex digit
        ("birth_mismatch", BEIJING, (dt.date(1949, 12, 31), dt.date(1950, 1, 1))),
        ("birth_mismatch", "", (None, None)),
        ("duplicate", BEIJING, ("P1, P2", None)),
        ("missing", None, (None, None)),
        ("format", "12345", (None, None)),
    ],
)
def test_id_detail(problem: str, number: str | None, expected: tuple[object, object]) -> None:
    got = id_detail(
        problem,
        number,
        sex=pp.Sex.MALE,
        birth_date=dt.date(1950, 1, 1),
        others=("P1", "P2"),
    )
    assert got == expected
