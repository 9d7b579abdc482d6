"""DATA-2 and DATA-4 on one record: the shipped check list, a county's own list, three-valued
conditions, and each boundary on both sides."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.rules.data_quality import (
    PovertyStatus,
    ProjectKind,
    Severity,
    Verdict,
    check_record,
    checklist_ids,
    load_checks,
    verdict,
)
from povertypolicy.rules.data_quality.conditions import UNREADABLE

POLICY = pp.Policy.load("town-poverty-data-cleansing", on=dt.date(2019, 3, 1))
LIST = load_checks()


def household(**facts: object) -> dict[str, object]:
    base: dict[str, object] = {
        "household_id": "H1",
        "village": "东村",
        "registered_on": dt.date(2015, 10, 1),
        "poverty_status": PovertyStatus.OUT_OF_POVERTY,
        "card_class": pp.CardClass.YELLOW,
        "household_size": 2,
        "per_capita_net_income": pp.Money("5000"),
        "income_year": 2018,
        "member_rows": 2,
    }
    base.update(facts)
    return base


def fired(table: str, record: dict[str, object]) -> tuple[str, ...]:
    return check_record(table, record, POLICY).value.fired


def test_shipped_list_covers_data_1_to_4() -> None:
    assert "town-poverty-data-cleansing" in checklist_ids()
    assert {c.rule for c in LIST.checks} == {"DATA-1", "DATA-2", "DATA-3", "DATA-4"}
    assert LIST.policy == "town-poverty-data-cleansing"
    for c in LIST.checks:
        assert c.citation.document or c.citation.law
        assert c.builtin == (not c.when)


def test_clean_household_fires_nothing() -> None:
    result = check_record("households", household(), POLICY)
    assert result.value.fired == ()
    assert result.value.unknown == ()
    assert "通过" in result.explain("zh_Hans")


def test_DATA_2_out_of_poverty_income_below_the_line_both_sides() -> None:
    line = POLICY.at(dt.date(2018, 12, 31)).param("poverty.line").money  # 2,995 in 2018
    assert line == pp.Money("2995")
    at_line = household(per_capita_net_income=line)
    assert "household.out_of_poverty_below_line" not in fired("households", at_line)
    below = household(per_capita_net_income=line - pp.Money("0.01"))
    assert "household.out_of_poverty_below_line" in fired("households", below)
    still_poor = household(per_capita_net_income=pp.Money("100"), poverty_status=PovertyStatus.POOR)
    assert "household.out_of_poverty_below_line" not in fired("households", still_poor)
    text = check_record("households", below, POLICY).explain("en")
    assert "2,995" in text
    assert "2018" in text


def test_DATA_2_the_line_is_the_income_years_line() -> None:
    r = household(per_capita_net_income=pp.Money("2900"), income_year=2017)  # 2017 line: 2,952
    assert "household.out_of_poverty_below_line" in fired("households", r)
    r = household(per_capita_net_income=pp.Money("2900"), income_year=2014)  # 2014 line: 2,800
    assert "household.out_of_poverty_below_line" not in fired("households", r)


def test_DATA_2_unknown_is_not_zero() -> None:
    no_year = household(per_capita_net_income=pp.Money("100"), income_year=None)
    result = check_record("households", no_year, POLICY).value
    assert "household.out_of_poverty_below_line" in result.unknown
    assert "household.income_year_missing" in result.fired
    no_line = household(per_capita_net_income=pp.Money("100"), income_year=2022)
    assert (
        "household.out_of_poverty_below_line"
        in check_record("households", no_line, POLICY).value.unknown
    )
    unreadable = household(per_capita_net_income=UNREADABLE)
    result = check_record("households", unreadable, POLICY).value
    assert "household.income_missing" not in result.fired  # it is in the errors table instead
    assert "household.income_missing" in result.unknown


def test_DATA_2_household_size() -> None:
    assert "household.size_zero" in fired("households", household(household_size=0))
    assert "household.size_zero" not in fired(
        "households", household(household_size=1, member_rows=1)
    )
    assert "household.no_members" in fired("households", household(member_rows=0))
    assert "household.size_differs" in fired("households", household(household_size=3))
    assert "household.size_differs" not in fired("households", household())
    no_persons = household()
    del no_persons["member_rows"]
    result = check_record("households", no_persons, POLICY).value
    assert "household.no_members" in result.unknown


def test_DATA_2_negative_income_is_abnormal() -> None:
    assert "household.income_negative" in fired(
        "households", household(per_capita_net_income=pp.Money("-0.01"))
    )
    assert "household.income_negative" not in fired(
        "households", household(per_capita_net_income=pp.Money("0"))
    )


def test_DATA_2_blue_card_with_full_labour() -> None:
    person = {
        "person_id": "P1",
        "household_id": "H1",
        "name": "甲",
        "sex": pp.Sex.MALE,
        "birth_date": dt.date(1950, 1, 1),
        "id_number": "11010519491231002X",
        "household.card_class": pp.CardClass.BLUE,
    }
    full = {**person, "labour_capacity": pp.LabourCapacity.FULL}
    partial = {**person, "labour_capacity": pp.LabourCapacity.PARTIAL}
    yellow = {**full, "household.card_class": pp.CardClass.YELLOW}
    assert "person.blue_card_full_labour" in fired("persons", full)
    assert "person.blue_card_full_labour" not in fired("persons", partial)
    assert "person.blue_card_full_labour" not in fired("persons", yellow)


def test_DATA_4_project_contradicts_the_status() -> None:
    base = {"project_id": "X1", "household_id": "H1", "project_name": "护林员"}
    job = {**base, "project_kind": ProjectKind.PUBLIC_WELFARE_JOB}
    assert "project.job_without_employment" in fired(
        "beneficiaries", {**job, "household.employed": False}
    )
    assert "project.job_without_employment" not in fired(
        "beneficiaries", {**job, "household.employed": True}
    )
    unknown = check_record("beneficiaries", {**job, "household.employed": None}, POLICY).value
    assert "project.job_without_employment" in unknown.unknown
    road = {**base, "project_kind": ProjectKind.INFRASTRUCTURE,
            "household.infrastructure_resolved": False}  # fmt: skip
    assert fired("beneficiaries", road) == ("project.infrastructure_unresolved",)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "county.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


COUNTY = """\
    id = "my-county"
    title = "本县校验清单"
    extends = "town-poverty-data-cleansing"
    source = { document = "本县数据清洗通知", section = "三" }

    [[checks]]
    code = "household.size_differs"
    severity = "error"

    [[checks]]
    code = "person.labour_missing"
    enabled = false

    [[checks]]
    code = "county.income_too_high"
    rule = "DATA-2"
    severity = "doubt"
    table = "households"
    field = "per_capita_net_income"
    when = [{ field = "per_capita_net_income", op = "ge", value = "30000" }]
    citation = { document = "本县数据清洗通知", section = "三(2)", quote = "3万元以上的逐户核实" }
    title = { zh_Hans = "收入过高", en = "income too high" }
    message = { zh_Hans = "人均纯收入{value}达3万元以上，需逐户核实", en = "income {value}" }
"""


def test_a_county_adds_changes_and_disables_checks(tmp_path: Path) -> None:
    county = load_checks(write(tmp_path, COUNTY))
    assert county.policy == "town-poverty-data-cleansing"
    assert county.get("household.size_differs").severity is Severity.ERROR
    assert LIST.get("household.size_differs").severity is Severity.DOUBT
    assert not county.runs("person.labour_missing")
    own = county.get("county.income_too_high")
    rich = household(per_capita_net_income=pp.Money("30000"))
    assert verdict(own, rich, POLICY) is Verdict.FIRES
    assert verdict(own, household(per_capita_net_income=pp.Money("29999.99")), POLICY) is (
        Verdict.PASSES
    )
    result = check_record("households", rich, POLICY, county)
    assert result.value.fired == ("county.income_too_high",)
    assert "逐户核实" in result.explain("zh_Hans")


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[[checks]]\ncode = "x.y"\nrule = "DATA-2"\nseverity = "error"\n', "checks[0].table"),
        ('[[checks]]\ncode = "household.size_zero"\nseverity = "fatal"\n', "checks[0].severity"),
        ('[[checks]]\ncode = "household.size_zero"\ntable = "villages"\n', "checks[0].table"),
        ('[[checks]]\ncode = "id.format"\nwhen = []\n', "checks[0].when"),
        (
            '[[checks]]\ncode = "a.b"\nrule = "DATA-2"\nseverity = "error"\ntable = "persons"\n'
            'field = "name"\ncitation = { document = "d", section = "s" }\n'
            'when = [{ field = "name", op = "lt", value = "x" }]\n',
            "checks[0].when[0].op",
        ),
        (
            '[[checks]]\ncode = "a.b"\nrule = "DATA-2"\nseverity = "error"\ntable = "persons"\n'
            'field = "name"\ncitation = { document = "d", section = "s" }\n'
            'when = [{ field = "nmae", op = "missing" }]\n',
            "checks[0].when[0].field",
        ),
        (
            '[[checks]]\ncode = "a.b"\nrule = "DATA-2"\nseverity = "error"\ntable = "households"\n'
            'field = "household_size"\ncitation = { document = "d", section = "s" }\n'
            'when = [{ field = "household_size", op = "gt", param = "poverty.line" }]\n',
            "checks[0].when[0].param",
        ),
        ('[[checks]]\ncode = "household.size_zero"\ncolour = "red"\n', "checks[0].colour"),
    ],
)
def test_a_bad_check_list_names_the_key(tmp_path: Path, body: str, key: str) -> None:
    head = (
        'id = "bad"\ntitle = "t"\nextends = "town-poverty-data-cleansing"\n'
        'source = { document = "d", section = "s" }\n\n'
    )
    path = tmp_path / "bad.toml"
    path.write_text(head + body, encoding="utf-8")
    with pytest.raises(pp.PolicyPackError) as exc:
        load_checks(path)
    assert exc.value.key == key
