"""Check-list refusals in three locales: each has its own stable code and values, and reads in
zh_Hans, zh_Hant and en with no English problem words in the Chinese texts; a file that cannot be
read, a list id, a missing list and a list that extends itself are refused the same way."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import PolicyPackError
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.explain.catalog import message
from povertypolicy.rules.data_quality import checklist_ids, load_checks
from tests.error_texts import assert_reads_in_three_locales

from .test_data_quality_checklist_parser import REFUSALS, refusal, write

# -- files, ids and what a list extends --------------------------------------------------

Refused = Callable[[Path], object]
SOURCE = 'source = { document = "d", section = "s" }\n'


def from_text(text: str | bytes) -> Refused:
    def load(tmp_path: Path) -> object:
        path = tmp_path / "county.toml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return load_checks(path)

    return load


def extends_itself(tmp_path: Path) -> object:
    own = f'id = "self-list"\ntitle = "t"\n{SOURCE}extends = "county.toml"\n'
    return load_checks(write(tmp_path, own))


def extends_in_a_cycle(tmp_path: Path) -> object:
    write(tmp_path, f'id = "list-a"\ntitle = "t"\n{SOURCE}extends = "b.toml"\n', "a.toml")
    write(tmp_path, f'id = "list-b"\ntitle = "t"\n{SOURCE}extends = "a.toml"\n', "b.toml")
    return load_checks(tmp_path / "a.toml")


TOML_DETAIL = "Invalid statement (at line 1, column 1)"
UTF8_DETAIL = "'utf-8' codec can't decode byte 0xff in position 6: invalid start byte"

# what → (how it is loaded, the file named, the key, the problem, the code, its values);
# "{tmp}" is the test's folder
FILE_REFUSALS: dict[str, tuple[Refused, str, str, str, str, dict[str, Any]]] = {
    "not toml": (
        from_text("= = ="),
        "{tmp}/county.toml",
        "(file)",
        f"not valid UTF-8 TOML: {TOML_DETAIL}",
        "core.error.pack_not_toml",
        {"line": 1, "column": 1, "detail": TOML_DETAIL},
    ),
    "not utf-8": (
        from_text(b'id = "\xff"\n'),
        "{tmp}/county.toml",
        "(file)",
        f"not valid UTF-8 TOML: {UTF8_DETAIL}",
        "core.error.pack_not_utf8",
        {"byte": 7},
    ),
    "id form": (
        from_text(f'id = "Bad_Id"\ntitle = "t"\n{SOURCE}'),
        "{tmp}/county.toml",
        "id",
        "check list ids use lower-case letters, digits and '-'",
        "core.error.checklist_id",
        {"value": "Bad_Id"},
    ),
    "no id": (
        from_text(f'title = "t"\n{SOURCE}'),
        "{tmp}/county.toml",
        "id",
        "missing required key",
        "core.error.pack_missing_key",
        {},
    ),
    "no source": (
        from_text('id = "ok"\ntitle = "t"\n'),
        "{tmp}/county.toml",
        "source",
        "missing required key",
        "core.error.pack_missing_key",
        {},
    ),
    "source form": (
        from_text('id = "ok"\ntitle = "t"\nsource = { document = "d" }\n'),
        "{tmp}/county.toml",
        "source",
        "citation needs document + section (a source id, or your own document), "
        "law + article, or scenario (an assumed value, shown as a scenario, not policy)",
        "core.error.pack_citation",
        {"forms": "{ document, section } | { law, article } | { scenario }"},
    ),
    "no file": (
        lambda tmp_path: load_checks(str(tmp_path / "none.toml")),
        "{tmp}/none.toml",
        "(file)",
        "check list file does not exist",
        "core.error.checklist_no_file",
        {"path": "{tmp}/none.toml"},
    ),
    "extends no file": (
        from_text(f'id = "ok"\ntitle = "t"\n{SOURCE}extends = "none.toml"\n'),
        "{tmp}/county.toml",
        "extends",
        "check list file does not exist",
        "core.error.checklist_no_file",
        {"path": "{tmp}/none.toml"},
    ),
    "no shipped list": (
        lambda _: load_checks("no-such-list"),
        "no-such-list",
        "id",
        f"no shipped check list; shipped: {checklist_ids()}",
        "core.error.checklist_unknown_list",
        {"name": "no-such-list", "shipped": ", ".join(checklist_ids())},
    ),
    "extends no shipped list": (
        from_text(f'id = "ok"\ntitle = "t"\n{SOURCE}extends = "no-such-list"\n'),
        "{tmp}/county.toml",
        "extends",
        f"no shipped check list; shipped: {checklist_ids()}",
        "core.error.checklist_unknown_list",
        {"name": "no-such-list", "shipped": ", ".join(checklist_ids())},
    ),
    "extends itself": (
        extends_itself,
        "{tmp}/county.toml",
        "extends",
        "cycle in extends chain: self-list → self-list",
        "core.error.checklist_extends_cycle",
        {"chain": "self-list → self-list"},
    ),
    "extends in a cycle": (
        extends_in_a_cycle,
        "{tmp}/b.toml",
        "extends",
        "cycle in extends chain: list-a → list-b → list-a",
        "core.error.checklist_extends_cycle",
        {"chain": "list-a → list-b → list-a"},
    ),
}


def _in(tmp_path: Path, value: Any) -> Any:
    return value.replace("{tmp}", str(tmp_path)) if isinstance(value, str) else value


def file_refusal(tmp_path: Path, what: str) -> PolicyPackError:
    with pytest.raises(PolicyPackError) as exc:
        FILE_REFUSALS[what][0](tmp_path)
    return exc.value


@pytest.mark.parametrize("what", sorted(FILE_REFUSALS))
def test_file_level_refusals(tmp_path: Path, what: str) -> None:
    _, file, key, problem, code, extra = FILE_REFUSALS[what]
    e = file_refusal(tmp_path, what)
    assert (e.file, e.key, e.problem) == (_in(tmp_path, file), key, problem)
    assert (e.code, e.extra) == (code, {k: _in(tmp_path, v) for k, v in extra.items()})


# -- every refusal reads in zh_Hans, zh_Hant and en --------------------------------------

# Latin a Chinese text may hold besides the error's own values: format names and a rule ID.
_LATIN_OK = re.compile(r"TOML|UTF-8|DATA-\d+")


def _assert_reads_in_three_locales(err: PolicyPackError) -> None:
    assert_reads_in_three_locales(err, _LATIN_OK)


@pytest.mark.parametrize(("what", "body"), [(r[0], r[1]) for r in REFUSALS])
def test_each_refusal_reads_in_three_locales(tmp_path: Path, what: str, body: str) -> None:
    _assert_reads_in_three_locales(refusal(tmp_path, body))


@pytest.mark.parametrize("what", sorted(FILE_REFUSALS))
def test_each_file_level_refusal_reads_in_three_locales(tmp_path: Path, what: str) -> None:
    _assert_reads_in_three_locales(file_refusal(tmp_path, what))


def test_a_misspelt_parameter_reads_did_you_mean_in_each_locale(tmp_path: Path) -> None:
    (body,) = [r[1] for r in REFUSALS if r[0] == "param misspelt"]
    e = refusal(tmp_path, body)
    assert "“poverty.lin”（是否应为“poverty.line”？）" in e.text("zh_Hans")
    assert "「poverty.lin」（是否應為「poverty.line」？）" in e.text("zh_Hant")
    assert "'poverty.lin' (did you mean 'poverty.line'?)" in e.text("en")


def test_a_refusal_reads_as_written(tmp_path: Path) -> None:
    (body,) = [r[1] for r in REFUSALS if r[0] == "twice"]
    e = refusal(tmp_path, body)
    assert e.text("zh_Hans") == f"{e.file}：[checks[1].code] 校验项 c.x 重复列出"
    assert e.text("zh_Hant") == f"{e.file}：[checks[1].code] 校驗項 c.x 重複列出"
    assert e.text("en") == f"{e.file}: [checks[1].code] the check c.x is listed twice"


# -- every code the check-list reader raises is tested here -------------------------------

READER = Path(pp.__file__).parent / "rules" / "data_quality"


def test_every_code_the_reader_raises_is_tested_and_has_three_messages() -> None:
    used: set[str] = set()
    for name in ("checks.py", "clauses.py"):
        for node in ast.walk(ast.parse((READER / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                used.update(re.findall(r"^core\.error\.[a-z0-9_]+$", node.value))
    # the codes the pack reader's helpers raise: ctx.text, ctx.unknown_keys, the citation, and
    # the amount codes Money's own errors become
    used |= {"core.error.pack_missing_key", "core.error.pack_text", "core.error.pack_unknown_key"}
    used |= {"core.error.pack_citation", "core.error.pack_money_places"}
    used.add("core.error.pack_money_magnitude")
    tested = {r[4] for r in REFUSALS} | {c[4] for c in FILE_REFUSALS.values()}
    assert used == tested
    for code in used:
        for loc in SUPPORTED_LOCALES:
            assert message(code, loc)  # MissingTranslationError if absent
