"""DATA-1 on one person: the identity number against GB 11643 and the recorded facts; 身份信息.

`check_id_number()` is the single-number rule the ledger kernel is tested against; its
problems are `id_number_problems()` (plus ``duplicate``
when the ledger says the number is on other rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from ...domain.enums import Sex
from ...domain.id_number import id_number_problems, read_id_number
from ...explain import Result
from ...explain.recorder import Recorder
from .checks import CheckList, load_checks

__all__ = ["IdCheck", "check_id_number", "id_detail"]


@attrs.frozen(kw_only=True)
class IdCheck:
    """The DATA-1 problems of one number (check codes ``id.<name>``) and its 18-digit form.

    Args:
        number: The number checked; None: not recorded.
        problems: Problem names, in check order (check codes ``id.<name>``); ``()``: none.
        normalised: Its 18-digit form; None: not well formed.
    """

    number: str | None
    problems: tuple[str, ...]
    normalised: str | None

    @property
    def ok(self) -> bool:
        """Whether the number passed every check."""
        return not self.problems


def id_detail(
    problem: str,
    number: str | None,
    *,
    sex: Sex | None = None,
    birth_date: dt.date | None = None,
    others: Sequence[str] = (),
) -> tuple[Any, Any]:
    """(``detail``, ``recorded``) shown with a problem: the 18-digit form of an old number, the
    check character the number needs, the digits read as a birth date or province, the sex or
    birth date the number says against the recorded one, the other rows with the number."""
    text = (number or "").strip().upper()
    reading = read_id_number(text) if text else None
    if problem == "old_format" and reading is not None:
        return reading.normalised, None
    if problem == "check_digit" and reading is not None:
        return reading.expected_check, None
    if problem == "birth_date":
        return (text[6:14] if len(text) == 18 else text[6:12]), None
    if problem == "province":
        return text[:2], None
    if problem == "sex_mismatch" and reading is not None:
        return reading.sex, sex
    if problem == "birth_mismatch" and reading is not None:
        return reading.birth_date, birth_date
    if problem == "duplicate":
        return ", ".join(others), None
    return None, None


def check_id_number(
    number: str | None,
    *,
    sex: Sex | None = None,
    birth_date: dt.date | None = None,
    on: dt.date | None = None,
    others: Sequence[str] = (),
    checks: CheckList | str | None = None,
) -> Result[IdCheck]:
    """A citizen identity number against GB 11643—1999; 身份号码校验 (DATA-1).

    18 characters with a MOD 11-2 check character, a real birth date not after ``on``, a
    GB/T 2260 province code, and the sex digit and birth date agreeing with the recorded
    ``sex`` and ``birth_date`` (not compared when not recorded). A 15-digit number is the old
    form: flagged, with its 18-digit form. ``others``: ids of other ledger rows with the same
    number (``duplicate``). Only the checks enabled in ``checks`` are reported.
    """
    found = load_checks(checks)
    problems = list(id_number_problems(number, sex=sex, birth_date=birth_date, on=on))
    if others and "missing" not in problems and "format" not in problems:
        problems.append("duplicate")
    problems = [p for p in problems if found.runs(f"id.{p}")]
    rec = Recorder("DATA-1")
    for p in problems:
        check = found.get(f"id.{p}")
        detail, recorded = id_detail(p, number, sex=sex, birth_date=birth_date, others=others)
        rec.step(
            f"data_quality.finding.id.{p}",
            value=number,
            detail=detail,
            recorded=recorded,
            citation=check.citation,
        )
    reading = read_id_number(number) if number and number.strip() else None
    normalised = None if reading is None else reading.normalised
    if not problems:
        rec.step(
            "data_quality.step.id_ok",
            value=number,
            normalised=normalised,
            citation=found.get("id.check_digit").citation,
        )
    return rec.result(IdCheck(number=number, problems=tuple(problems), normalised=normalised))
