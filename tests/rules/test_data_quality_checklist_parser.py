"""The data-quality check list parser: every refusal names its key and problem (compared
whole), a county list inherits what it does not change, and literals become domain values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import Money, PolicyPackError
from povertypolicy.rules.data_quality import Severity, checklist_ids, load_checks
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


# (what, the check list body after HEAD, the key named, the problem)
REFUSALS = [
    (
        "list key",
        'colour = "red"\n',
        "colour",
        "unknown key; allowed: checks, description, extends, id, issuer, policy, source, title",
    ),
    ("checks not array", "checks = 3\n", "checks", "must be an array of tables [[checks]]"),
    ("check not table", "checks = [1]\n", "checks[0]", "each check is a table"),
    (
        "bad code",
        '[[checks]]\ncode = "Bad"\n',
        "checks[0].code",
        "codes look like area.name (lower case, digits, _ and .)",
    ),
    (
        "new needs rule",
        '[[checks]]\ncode = "c.x"\n',
        "checks[0].rule",
        "a new check (c.x) needs rule",
    ),
    (
        "new needs when",
        chk(""),
        "checks[0].when",
        "c.x is not a built-in check: give its condition",
    ),
    (
        "bad rule",
        chk(MISSING).replace('"DATA-2"', '"data2"'),
        "checks[0].rule",
        "a rule ID such as DATA-2",
    ),
    (
        "bad table",
        chk(MISSING).replace('"households"', '"villages"'),
        "checks[0].table",
        "one of households, persons, pairings, beneficiaries",
    ),
    ("bad field", chk(MISSING, field="nope"), "checks[0].field", "no field 'nope' on households"),
    (
        "builtin when",
        '[[checks]]\ncode = "id.format"\nwhen = [{ field = "id_number", op = "missing" }]\n',
        "checks[0].when",
        "id.format is built in: it takes no condition",
    ),
    (
        "builtin field",
        '[[checks]]\ncode = "id.format"\nfield = "name"\n',
        "checks[0]",
        "id.format checks persons.id_number",
    ),
    (
        "bad severity",
        '[[checks]]\ncode = "household.size_zero"\nseverity = "fatal"\n',
        "checks[0].severity",
        "one of error, doubt, notice",
    ),
    (
        "bad enabled",
        '[[checks]]\ncode = "household.size_zero"\nenabled = "no"\n',
        "checks[0].enabled",
        "true or false",
    ),
    (
        "empty when",
        '[[checks]]\ncode = "household.size_zero"\nwhen = []\n',
        "checks[0].when",
        "a non-empty array of clauses",
    ),
    ("twice", chk(MISSING) * 2, "checks[1].code", "c.x is listed twice"),
    (
        "texts not table",
        chk(MISSING + '\ntitle = "x"'),
        "checks[0].title",
        "a table of texts by locale with at least zh_Hans",
    ),
    (
        "texts key",
        chk(MISSING + '\ntitle = { zh_Hans = "x", fr = "y" }'),
        "checks[0].title.fr",
        "unknown key; allowed: en, zh_Hans, zh_Hant",
    ),
    (
        "texts empty",
        chk(MISSING + '\ntitle = { zh_Hans = " " }'),
        "checks[0].title.zh_Hans",
        "must be a non-empty string",
    ),
    (
        "texts placeholder",
        chk(MISSING + '\nmessage = { zh_Hans = "{size}" }'),
        "checks[0].message.zh_Hans",
        "placeholders allowed: ['limit', 'value', 'year']",
    ),
    (
        "clause not table",
        chk("when = [1]"),
        "checks[0].when[0]",
        "a clause is a table {field, op, value | than | param}",
    ),
    (
        "clause field",
        W('{ field = "nope", op = "missing" }'),
        "checks[0].when[0].field",
        "no field 'nope' on households",
    ),
    (
        "clause op",
        W('{ field = "household_size", op = "about" }'),
        "checks[0].when[0].op",
        "one of missing, recorded, eq, ne, lt, le, gt, ge, in",
    ),
    (
        "missing value",
        W('{ field = "household_size", op = "missing", value = 1 }'),
        "checks[0].when[0]",
        "missing takes no value",
    ),
    (
        "recorded year",
        W('{ field = "household_size", op = "recorded", year = "income_year" }'),
        "checks[0].when[0]",
        "recorded takes no value",
    ),
    (
        "two operands",
        W('{ field = "household_size", op = "eq", value = 1, than = "member_rows" }'),
        "checks[0].when[0]",
        "eq needs exactly one of value, than, param",
    ),
    (
        "no operand",
        W('{ field = "household_size", op = "eq" }'),
        "checks[0].when[0]",
        "eq needs exactly one of value, than, param",
    ),
    (
        "order on text",
        W('{ field = "village", op = "lt", value = "x" }'),
        "checks[0].when[0].op",
        "village is not a number or date: use eq, ne or in",
    ),
    (
        "in than",
        W('{ field = "household_size", op = "in", than = "member_rows" }'),
        "checks[0].when[0]",
        "in takes a value list",
    ),
    (
        "year without param",
        W('{ field = "household_size", op = "eq", value = 1, year = "income_year" }'),
        "checks[0].when[0].year",
        "year goes with param",
    ),
    (
        "than kind",
        W('{ field = "household_size", op = "eq", than = "village" }'),
        "checks[0].when[0].than",
        "'village' is not a field of the same kind as household_size",
    ),
    (
        "param unknown",
        W('{ field = "household_size", op = "gt", param = "nope.x" }'),
        "checks[0].when[0].param",
        "'nope.x' is not a parameter comparable to household_size",
    ),
    (
        "param kind",
        W('{ field = "household_size", op = "gt", param = "poverty.line" }'),
        "checks[0].when[0].param",
        "'poverty.line' is not a parameter comparable to household_size",
    ),
    (
        "year kind",
        W(
            '{ field = "per_capita_net_income", op = "lt", param = "poverty.line", '
            'year = "village" }'
        ),
        "checks[0].when[0].year",
        "'village' is not a whole-number field (a year)",
    ),
    (
        "in not list",
        W('{ field = "household_size", op = "in", value = 1 }'),
        "checks[0].when[0].value",
        "in takes a non-empty list",
    ),
    (
        "in empty",
        W('{ field = "household_size", op = "in", value = [] }'),
        "checks[0].when[0].value",
        "in takes a non-empty list",
    ),
    (
        "enum value",
        W('{ field = "card_class", op = "eq", value = "green" }'),
        "checks[0].when[0].value",
        "one of yellow, red, blue",
    ),
    (
        "money type",
        W('{ field = "per_capita_net_income", op = "eq", value = 1.5 }'),
        "checks[0].when[0].value",
        'an amount in yuan as a string or integer, e.g. "2300"',
    ),
    (
        "money text",
        W('{ field = "per_capita_net_income", op = "eq", value = "lots" }'),
        "checks[0].when[0].value",
        "an amount in yuan",
    ),
    (
        "count neg",
        W('{ field = "household_size", op = "eq", value = -1 }'),
        "checks[0].when[0].value",
        "a whole number >= 0",
    ),
    (
        "count bool",
        W('{ field = "household_size", op = "eq", value = true }'),
        "checks[0].when[0].value",
        "a whole number >= 0",
    ),
    (
        "date",
        W('{ field = "registered_on", op = "eq", value = "2015" }'),
        "checks[0].when[0].value",
        "a date such as 2015-10-01",
    ),
    (
        "bool",
        W('{ field = "employed", op = "eq", value = 1 }'),
        "checks[0].when[0].value",
        "true or false",
    ),
    (
        "text",
        W('{ field = "village", op = "eq", value = " " }'),
        "checks[0].when[0].value",
        "a non-empty string",
    ),
    (
        "clause key",
        W('{ field = "household_size", op = "missing", colour = 1 }'),
        "checks[0].when[0].colour",
        "unknown key; allowed: field, op, param, than, value, year",
    ),
]


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "county.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("what", "body", "key", "problem"), REFUSALS)
def test_refusals_name_the_key(
    tmp_path: Path, what: str, body: str, key: str, problem: str
) -> None:
    path = write(tmp_path, HEAD + body)
    with pytest.raises(PolicyPackError) as exc:
        load_checks(path)
    e = exc.value
    assert (e.file, e.key, e.problem) == (path, key, problem)


def test_file_level_refusals(tmp_path: Path) -> None:
    def refused(text: str) -> tuple[str, str]:
        with pytest.raises(PolicyPackError) as exc:
            load_checks(write(tmp_path, text))
        return exc.value.key, exc.value.problem

    key, problem = refused("= = =")
    assert key == "(file)"
    assert problem.startswith("not valid UTF-8 TOML: ")
    assert refused('id = "Bad_Id"\ntitle = "t"\nsource = { document = "d", section = "s" }\n') == (
        "id",
        "check list ids use lower-case letters, digits and '-'",
    )
    assert refused('id = "ok"\ntitle = "t"\n') == ("source", "missing required key")
    with pytest.raises(PolicyPackError) as exc:
        load_checks(str(tmp_path / "none.toml"))
    assert (exc.value.key, exc.value.problem) == ("(file)", "check list file does not exist")
    with pytest.raises(PolicyPackError) as exc:
        load_checks("no-such-list")
    assert (exc.value.file, exc.value.key, exc.value.problem) == (
        "no-such-list",
        "id",
        f"no shipped check list; shipped: {checklist_ids()}",
    )


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
