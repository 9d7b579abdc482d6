"""The data-quality check list parser: every refusal names its key, its problem (compared
whole), its code and values (their texts in three locales: test_data_quality_checklist_errors);
a county list inherits what it does not change, and literals become domain values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Money, PolicyPackError
from povertypolicy.rules.data_quality import Severity, load_checks
from povertypolicy.rules.data_quality.checks import Clause, Op

HEAD = (
    'id = "bad"\ntitle = "t"\nextends = "town-poverty-data-cleansing"\n'
    'source = { document = "d", section = "s" }\n\n'
)
NEW = (
    'rule = "DATA-2"\nseverity = "error"\ntable = "households"\n'
    'citation = { document = "d", section = "s" }\n'
)
MISSING = 'when = [{ field = "household_size", op = "missing" }]'


def chk(extra: str, code: str = "c.x", field: str = "household_size") -> str:
    return f'[[checks]]\ncode = "{code}"\n{NEW}field = "{field}"\n{extra}\n'


def W(clause: str) -> str:
    return chk(f"when = [{clause}]")


LIST_KEYS = "checks, description, extends, id, issuer, policy, source, title"
CHECK = "{ code, rule, severity, table, field, when, citation }"
CLAUSE = "{ field, op, value | than | param }"
TABLES = "households, persons, pairings, beneficiaries"
OPS = "missing, recorded, eq, ne, lt, le, gt, ge, in"

# (what, the check list body after HEAD, the key named, the problem, the code, its values)
REFUSALS = [
    (
        "list key",
        'colour = "red"\n',
        "colour",
        f"unknown key; allowed: {LIST_KEYS}",
        "core.error.pack_unknown_key",
        {"name": "colour", "suggestion": None, "allowed": LIST_KEYS},
    ),
    (
        "checks not array",
        "checks = 3\n",
        "checks",
        "must be an array of tables [[checks]]",
        "core.error.checklist_checks",
        {"shape": "[[checks]]"},
    ),
    (
        "check not table",
        "checks = [1]\n",
        "checks[0]",
        "each check is a table",
        "core.error.pack_table",
        {"shape": CHECK},
    ),
    (
        "bad code",
        '[[checks]]\ncode = "Bad"\n',
        "checks[0].code",
        "codes look like area.name (lower case, digits, _ and .)",
        "core.error.checklist_code",
        {"value": "Bad"},
    ),
    (
        "new needs rule",
        '[[checks]]\ncode = "c.x"\n',
        "checks[0].rule",
        "a new check (c.x) needs rule",
        "core.error.checklist_new_needs",
        {"check": "c.x"},
    ),
    (
        "new needs when",
        chk(""),
        "checks[0].when",
        "c.x is not a built-in check: give its condition",
        "core.error.checklist_needs_condition",
        {"check": "c.x"},
    ),
    (
        "bad rule",
        chk(MISSING).replace('"DATA-2"', '"data2"'),
        "checks[0].rule",
        "a rule ID such as DATA-2",
        "core.error.checklist_rule",
        {"value": "data2"},
    ),
    (
        "bad table",
        chk(MISSING).replace('"households"', '"villages"'),
        "checks[0].table",
        f"one of {TABLES}",
        "core.error.pack_choice",
        {"value": "villages", "choices": TABLES},
    ),
    (
        "bad field",
        chk(MISSING, field="nope"),
        "checks[0].field",
        "no field 'nope' on households",
        "core.error.checklist_field",
        {"name": "nope", "table": "households"},
    ),
    (
        "builtin when",
        '[[checks]]\ncode = "id.format"\nwhen = [{ field = "id_number", op = "missing" }]\n',
        "checks[0].when",
        "id.format is built in: it takes no condition",
        "core.error.checklist_builtin_condition",
        {"check": "id.format"},
    ),
    (
        "builtin field",
        '[[checks]]\ncode = "id.format"\nfield = "name"\n',
        "checks[0]",
        "id.format checks persons.id_number",
        "core.error.checklist_builtin_field",
        {"check": "id.format", "expected": "persons.id_number"},
    ),
    (
        "bad severity",
        '[[checks]]\ncode = "household.size_zero"\nseverity = "fatal"\n',
        "checks[0].severity",
        "one of error, doubt, notice",
        "core.error.pack_choice",
        {"value": "fatal", "choices": "error, doubt, notice"},
    ),
    (
        "bad enabled",
        '[[checks]]\ncode = "household.size_zero"\nenabled = "no"\n',
        "checks[0].enabled",
        "true or false",
        "core.error.pack_choice",
        {"value": "no", "choices": "true, false"},
    ),
    (
        "empty when",
        '[[checks]]\ncode = "household.size_zero"\nwhen = []\n',
        "checks[0].when",
        "a non-empty array of clauses",
        "core.error.pack_values",
        {"shape": CLAUSE},
    ),
    (
        "twice",
        chk(MISSING) * 2,
        "checks[1].code",
        "c.x is listed twice",
        "core.error.checklist_duplicate",
        {"check": "c.x"},
    ),
    (
        "texts not table",
        chk(MISSING + '\ntitle = "x"'),
        "checks[0].title",
        "a table of texts by locale with at least zh_Hans",
        "core.error.checklist_texts",
        {"locales": "zh_Hans, zh_Hant, en", "required": "zh_Hans"},
    ),
    (
        "texts key",
        chk(MISSING + '\ntitle = { zh_Hans = "x", fr = "y" }'),
        "checks[0].title.fr",
        "unknown key; allowed: en, zh_Hans, zh_Hant",
        "core.error.pack_unknown_key",
        {"name": "fr", "suggestion": None, "allowed": "en, zh_Hans, zh_Hant"},
    ),
    (
        "texts empty",
        chk(MISSING + '\ntitle = { zh_Hans = " " }'),
        "checks[0].title.zh_Hans",
        "must be a non-empty string",
        "core.error.pack_text",
        {"value": "' '"},
    ),
    (
        "texts placeholder",
        chk(MISSING + '\nmessage = { zh_Hans = "{size}" }'),
        "checks[0].message.zh_Hans",
        "placeholders allowed: ['limit', 'value', 'year']",
        "core.error.checklist_placeholders",
        {"unknown": "{size}", "allowed": "{limit}, {value}, {year}"},
    ),
    (
        "clause not table",
        chk("when = [1]"),
        "checks[0].when[0]",
        "a clause is a table {field, op, value | than | param}",
        "core.error.pack_table",
        {"shape": CLAUSE},
    ),
    (
        "clause field",
        W('{ field = "nope", op = "missing" }'),
        "checks[0].when[0].field",
        "no field 'nope' on households",
        "core.error.checklist_field",
        {"name": "nope", "table": "households"},
    ),
    (
        "clause op",
        W('{ field = "household_size", op = "about" }'),
        "checks[0].when[0].op",
        f"one of {OPS}",
        "core.error.pack_choice",
        {"value": "about", "choices": OPS},
    ),
    (
        "missing value",
        W('{ field = "household_size", op = "missing", value = 1 }'),
        "checks[0].when[0]",
        "missing takes no value",
        "core.error.checklist_no_operand",
        {"op": "missing", "keys": "value, than, param, year"},
    ),
    (
        "recorded year",
        W('{ field = "household_size", op = "recorded", year = "income_year" }'),
        "checks[0].when[0]",
        "recorded takes no value",
        "core.error.checklist_no_operand",
        {"op": "recorded", "keys": "value, than, param, year"},
    ),
    (
        "two operands",
        W('{ field = "household_size", op = "eq", value = 1, than = "member_rows" }'),
        "checks[0].when[0]",
        "eq needs exactly one of value, than, param",
        "core.error.checklist_one_operand",
        {"op": "eq", "keys": "value, than, param"},
    ),
    (
        "no operand",
        W('{ field = "household_size", op = "eq" }'),
        "checks[0].when[0]",
        "eq needs exactly one of value, than, param",
        "core.error.checklist_one_operand",
        {"op": "eq", "keys": "value, than, param"},
    ),
    (
        "order on text",
        W('{ field = "village", op = "lt", value = "x" }'),
        "checks[0].when[0].op",
        "village is not a number or date: use eq, ne or in",
        "core.error.checklist_order",
        {"name": "village", "op": "lt", "choices": "eq, ne, in"},
    ),
    (
        "in than",
        W('{ field = "household_size", op = "in", than = "member_rows" }'),
        "checks[0].when[0]",
        "in takes a value list",
        "core.error.checklist_in_list",
        {"op": "in", "operand": "value"},
    ),
    (
        "year without param",
        W('{ field = "household_size", op = "eq", value = 1, year = "income_year" }'),
        "checks[0].when[0].year",
        "year goes with param",
        "core.error.checklist_year_param",
        {"needs": "param"},
    ),
    (
        "than kind",
        W('{ field = "household_size", op = "eq", than = "village" }'),
        "checks[0].when[0].than",
        "'village' is not a field of the same kind as household_size",
        "core.error.checklist_than_kind",
        {"name": "village", "field": "household_size"},
    ),
    (
        "param unknown",
        W('{ field = "household_size", op = "gt", param = "nope.x" }'),
        "checks[0].when[0].param",
        "'nope.x' is not a parameter comparable to household_size",
        "core.error.checklist_unknown_param",
        {"name": "nope.x", "suggestion": None},
    ),
    (
        "param kind",
        W('{ field = "household_size", op = "gt", param = "poverty.line" }'),
        "checks[0].when[0].param",
        "'poverty.line' is not a parameter comparable to household_size",
        "core.error.checklist_param_kind",
        {"name": "poverty.line", "unit": "yuan_per_person", "field": "household_size"},
    ),
    (
        "year kind",
        W(
            '{ field = "per_capita_net_income", op = "lt", param = "poverty.line", '
            'year = "village" }'
        ),
        "checks[0].when[0].year",
        "'village' is not a whole-number field (a year)",
        "core.error.checklist_year_field",
        {"name": "village"},
    ),
    (
        "in not list",
        W('{ field = "household_size", op = "in", value = 1 }'),
        "checks[0].when[0].value",
        "in takes a non-empty list",
        "core.error.checklist_in_list",
        {"op": "in", "operand": "value"},
    ),
    (
        "in empty",
        W('{ field = "household_size", op = "in", value = [] }'),
        "checks[0].when[0].value",
        "in takes a non-empty list",
        "core.error.checklist_in_list",
        {"op": "in", "operand": "value"},
    ),
    (
        "enum value",
        W('{ field = "card_class", op = "eq", value = "green" }'),
        "checks[0].when[0].value",
        "one of yellow, red, blue",
        "core.error.pack_choice",
        {"value": "green", "choices": "yellow, red, blue"},
    ),
    (
        "money type",
        W('{ field = "per_capita_net_income", op = "eq", value = 1.5 }'),
        "checks[0].when[0].value",
        'an amount in yuan as a string or integer, e.g. "2300"',
        "core.error.pack_float",
        {"value": "1.5"},
    ),
    (
        "money text",
        W('{ field = "per_capita_net_income", op = "eq", value = "lots" }'),
        "checks[0].when[0].value",
        "an amount in yuan",
        "core.error.pack_money",
        {"value": "lots"},
    ),
    (
        "count neg",
        W('{ field = "household_size", op = "eq", value = -1 }'),
        "checks[0].when[0].value",
        "a whole number >= 0",
        "core.error.checklist_negative",
        {"value": "-1"},
    ),
    (
        "count bool",
        W('{ field = "household_size", op = "eq", value = true }'),
        "checks[0].when[0].value",
        "a whole number >= 0",
        "core.error.pack_whole",
        {"value": "True"},
    ),
    (
        "date",
        W('{ field = "registered_on", op = "eq", value = "2015" }'),
        "checks[0].when[0].value",
        "a date such as 2015-10-01",
        "core.error.pack_date",
        {"value": "2015"},
    ),
    (
        "bool",
        W('{ field = "employed", op = "eq", value = 1 }'),
        "checks[0].when[0].value",
        "true or false",
        "core.error.pack_choice",
        {"value": "1", "choices": "true, false"},
    ),
    (
        "text",
        W('{ field = "village", op = "eq", value = " " }'),
        "checks[0].when[0].value",
        "a non-empty string",
        "core.error.pack_text",
        {"value": "' '"},
    ),
    (
        "clause key",
        W('{ field = "household_size", op = "missing", colour = 1 }'),
        "checks[0].when[0].colour",
        "unknown key; allowed: field, op, param, than, value, year",
        "core.error.pack_unknown_key",
        {"name": "colour", "suggestion": None, "allowed": "field, op, param, than, value, year"},
    ),
    (
        "op missing",
        W('{ field = "household_size" }'),
        "checks[0].when[0].op",
        f"one of {OPS}",
        "core.error.pack_missing_key",
        {},
    ),
    (
        "param misspelt",
        W('{ field = "per_capita_net_income", op = "lt", param = "poverty.lin" }'),
        "checks[0].when[0].param",
        "'poverty.lin' is not a parameter comparable to per_capita_net_income",
        "core.error.checklist_unknown_param",
        {"name": "poverty.lin", "suggestion": "poverty.line"},
    ),
    (
        "texts braces",
        chk(MISSING + '\nmessage = { zh_Hans = "值{" }'),
        "checks[0].message.zh_Hans",
        "not a text template: Single '{' encountered in format string "
        "(write {{ and }} for a brace)",
        "core.error.checklist_braces",
        {"value": "值{", "example": "{value}"},
    ),
    (
        "money list",
        W('{ field = "per_capita_net_income", op = "eq", value = [1] }'),
        "checks[0].when[0].value",
        'an amount in yuan as a string or integer, e.g. "2300"',
        "core.error.pack_money",
        {"value": "[1]"},
    ),
    (
        "money places",
        W('{ field = "per_capita_net_income", op = "eq", value = "1.234" }'),
        "checks[0].when[0].value",
        "an amount in yuan",
        "core.error.pack_money_places",
        {"value": "1.234"},
    ),
    (
        "money magnitude",
        W('{ field = "per_capita_net_income", op = "eq", value = "99999999999999999999" }'),
        "checks[0].when[0].value",
        "an amount in yuan",
        "core.error.pack_money_magnitude",
        {"value": "99999999999999999999"},
    ),
    (
        "count text",
        W('{ field = "household_size", op = "eq", value = "3" }'),
        "checks[0].when[0].value",
        "a whole number >= 0",
        "core.error.pack_whole",
        {"value": "3"},
    ),
]


def write(tmp_path: Path, text: str, name: str = "county.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def refusal(tmp_path: Path, body: str) -> PolicyPackError:
    path = write(tmp_path, HEAD + body)
    with pytest.raises(PolicyPackError) as exc:
        load_checks(path)
    return exc.value


@pytest.mark.parametrize(("what", "body", "key", "problem", "code", "extra"), REFUSALS)
def test_refusals_name_the_key_code_and_values(
    tmp_path: Path, what: str, body: str, key: str, problem: str, code: str, extra: dict[str, Any]
) -> None:
    e = refusal(tmp_path, body)
    assert (e.file, e.key, e.problem) == (str(tmp_path / "county.toml"), key, problem)
    assert (e.code, e.extra) == (code, extra)
    assert str(e) == f"{e.file}: [{key}] {problem}"  # the English problem, as before


def test_a_list_of_its_own_and_inheritance(tmp_path: Path) -> None:
    own = write(
        tmp_path,
        'id = "own-list"\ntitle = "本县"\ndescription = "d"\n'
        'source = { document = "d", section = "s" }\n\n'
        + chk('when = [{ field = "household_size", op = "gt", value = 9 }]\nnote = "n"'),
    )
    lst = load_checks(own)
    assert (lst.id, lst.title, lst.description, lst.policy, lst.path) == (
        "own-list",
        "本县",
        "d",
        None,
        own,
    )
    (c,) = lst.checks
    assert (c.code, c.rule, c.severity, c.table, c.field, c.enabled, c.note) == (
        "c.x",
        "DATA-2",
        Severity.ERROR,
        "households",
        "household_size",
        True,
        "n",
    )
    assert c.when == (Clause(field="household_size", op=Op.GT, value=9),)
    assert (c.title, c.message) == (None, None)
    assert load_checks(own) is lst  # read once while the file is unchanged
    base = load_checks()
    changed = load_checks(
        write(tmp_path, HEAD + '[[checks]]\ncode = "household.size_differs"\nseverity = "error"\n')
    )
    a, b = base.get("household.size_differs"), changed.get("household.size_differs")
    assert b.severity is Severity.ERROR
    assert (b.rule, b.table, b.field, b.citation, b.when, b.title, b.message, b.note) == (
        a.rule, a.table, a.field, a.citation, a.when, a.title, a.message, a.note,
    )  # fmt: skip
    assert changed.policy == base.policy == "town-poverty-data-cleansing"
    assert [x.code for x in changed.checks] == [x.code for x in base.checks]
    assert load_checks(base) is base


def test_literals_become_domain_values(tmp_path: Path) -> None:
    clauses = (
        '{ field = "card_class", op = "in", value = ["YELLOW", "red"] }, '
        '{ field = "per_capita_net_income", op = "ge", value = "2300" }, '
        '{ field = "per_capita_net_income", op = "le", value = 5000 }, '
        '{ field = "registered_on", op = "lt", value = 2015-10-01 }, '
        '{ field = "employed", op = "eq", value = false }, '
        '{ field = "village", op = "ne", value = "东村" }, '
        '{ field = "household_size", op = "ne", than = "member_rows" }, '
        '{ field = "per_capita_net_income", op = "lt", param = "poverty.line", '
        'year = "income_year" }'
    )
    lst = load_checks(write(tmp_path, HEAD + chk(f"when = [{clauses}]")))
    assert lst.get("c.x").when == (
        Clause(field="card_class", op=Op.IN, value=(pp.CardClass.YELLOW, pp.CardClass.RED)),
        Clause(field="per_capita_net_income", op=Op.GE, value=Money("2300")),
        Clause(field="per_capita_net_income", op=Op.LE, value=Money("5000")),
        Clause(field="registered_on", op=Op.LT, value=dt.date(2015, 10, 1)),
        Clause(field="employed", op=Op.EQ, value=False),
        Clause(field="village", op=Op.NE, value="东村"),
        Clause(field="household_size", op=Op.NE, than="member_rows"),
        Clause(field="per_capita_net_income", op=Op.LT, param="poverty.line", year="income_year"),
    )
    assert Clause(field="a", op=Op.EQ, than="b", year="c").refs() == ("a", "b", "c")
    assert Clause(field="a", op=Op.MISSING).refs() == ("a",)


def test_texts_and_disabling(tmp_path: Path) -> None:
    body = chk(
        'when = [{ field = "household_size", op = "missing" }]\nenabled = false\n'
        'title = { zh_Hans = "标题", en = "title" }\n'
        'message = { zh_Hans = "值{value}限{limit}年{year}" }'
    )
    lst = load_checks(write(tmp_path, HEAD + body))
    c = lst.get("c.x")
    assert c.title == {"zh_Hans": "标题", "en": "title"}
    assert c.message == {"zh_Hans": "值{value}限{limit}年{year}"}
    assert c.enabled is False
    assert not lst.runs("c.x")
    assert c not in lst.enabled()
    assert lst.runs("household.size_differs")
    assert not lst.runs("no.such")
    with pytest.raises(KeyError):
        lst.get("no.such")


def test_a_county_list_extends_a_list_file_beside_it(tmp_path: Path) -> None:
    """``extends = "town.toml"`` is read from the folder of the list that names it (not the
    working directory), and a change made by the town list reaches the county list too."""
    town = (
        'id = "town"\ntitle = "镇清单"\nextends = "town-poverty-data-cleansing"\n'
        'source = { document = "d", section = "s" }\n\n' + chk(MISSING, code="town.size")
    )
    county = (
        'id = "county"\ntitle = "县清单"\nextends = "town.toml"\n'
        'source = { document = "d", section = "s" }\n\n' + chk(MISSING, code="county.size")
    )
    folder = tmp_path / "lists"
    folder.mkdir()
    write(folder, town, "town.toml")
    path = write(folder, county)
    loaded = load_checks(path)
    codes = [c.code for c in loaded.checks]
    shipped = [c.code for c in load_checks("town-poverty-data-cleansing").checks]
    assert codes == [*shipped, "town.size", "county.size"]
    assert loaded.get("town.size").rule == "DATA-2"
    # Another file of that name elsewhere is never read: the path is the list's folder's.
    (tmp_path / "town.toml").write_text("not toml [", encoding="utf-8")
    assert [c.code for c in load_checks(path).checks] == codes
