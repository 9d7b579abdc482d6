"""Every InputError the library raises has its own code, and its text in three locales.

The checks of each refusal sit beside the test that triggers it (``check_input_error`` from
``tests/error_texts.py``); this file checks that none is left on the generic code
``core.error.input`` (kept for callers outside the library), that a code passed through a
helper is always the helper's caller's, and that every code is checked somewhere.
"""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

from povertypolicy.errors import InputError
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.explain.catalog import domains, message, messages

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "povertypolicy"
CODE = re.compile(r"^[a-z_]+\.error\.[a-z_0-9]+$")


def _calls() -> list[tuple[str, ast.Call, list[ast.FunctionDef]]]:
    """Every ``InputError(...)`` call in src: where, the call, the functions around it."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "errors.py":  # the class itself (its unpickler passes a code through)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, around: list[ast.FunctionDef], rel: str) -> None:
            for child in ast.iter_child_nodes(node):
                inner = around
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                    inner = [*around, child]  # type: ignore[list-item]
                if (
                    isinstance(child, ast.Call)
                    and isinstance(child.func, ast.Name)
                    and child.func.id == "InputError"
                ):
                    found.append((f"{rel}:{child.lineno}", child, inner))
                visit(child, inner, rel)

        visit(tree, [], str(path.relative_to(SRC)))
    return found


def _assigned_in(name: str, around: list[ast.FunctionDef]) -> bool:
    """``name`` is assigned (not a parameter) in the innermost function around a call."""
    if not around:
        return False
    for node in ast.walk(around[-1]):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                names = target.elts if isinstance(target, ast.Tuple) else [target]
                if any(isinstance(n, ast.Name) and n.id == name for n in names):
                    return True
    return False


def test_the_generic_code_is_named_nowhere_in_src() -> None:
    # the AST test below cannot see a code built at run time; the generic one is never written
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "errors.py":
            continue
        assert '"core.error.input"' not in path.read_text(encoding="utf-8"), path


def _input_codes() -> set[str]:
    """Every catalog code whose message is an input error's (it starts with the object)."""
    return {
        key
        for domain in domains()
        for key, text in messages("en", domain).items()
        if CODE.match(key) and text.startswith("{obj}")
    }


def test_every_input_error_in_src_names_its_own_code() -> None:
    calls = _calls()
    assert len(calls) >= 150
    generic, unnamed = [], []
    for where, call, around in calls:
        code = next((k.value for k in call.keywords if k.arg == "code"), None)
        if isinstance(code, ast.IfExp):  # one of two codes, each written out
            branches = [code.body, code.orelse]
            if not all(isinstance(b, ast.Constant) for b in branches):
                unnamed.append(where)
                continue
            code = branches[0] if branches[0].value == "core.error.input" else branches[1]  # type: ignore[union-attr]
        if isinstance(code, ast.Constant):
            if code.value == "core.error.input" or not CODE.match(str(code.value)):
                generic.append(where)
        elif isinstance(code, ast.Attribute) and code.attr == "code":
            pass  # re-raised with the code of the error it was given (from_dict's path)
        elif isinstance(code, ast.Name) and _assigned_in(code.id, around):
            pass  # chosen from a table of codes in the function (each a literal in it)
        elif isinstance(code, ast.Name):
            # a helper that builds the error: the code is its caller's, with no default
            params = [a for f in around for a in (*f.args.args, *f.args.kwonlyargs)]
            names = {a.arg for a in params}
            defaults = {
                a.arg
                for f in around
                for a, d in zip(f.args.kwonlyargs, f.args.kw_defaults, strict=True)
                if d is not None
            } | {
                a.arg
                for f in around
                for a in f.args.args[len(f.args.args) - len(f.args.defaults) :]
            }
            if code.id not in names or code.id in defaults:
                unnamed.append(where)
        else:
            unnamed.append(where)
    assert not generic, f"InputError on the generic code: {generic}"
    assert not unnamed, f"InputError without a code its caller must give: {unnamed}"


def test_every_code_used_in_src_exists() -> None:
    known = _input_codes()
    text = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    used = set(re.findall(r'"([a-z_]+\.error\.[a-z_0-9]+)"', text))
    for code in used:
        assert message(code, "en"), code  # raises MissingTranslationError when it has none
    assert known, "no input error codes found"


def test_every_input_error_code_has_three_messages_and_is_checked() -> None:
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    unchecked = []
    for code in sorted(_input_codes() - {"core.error.input"}):
        for loc in SUPPORTED_LOCALES:
            template = message(code, loc)
            assert template.startswith("{obj}"), (code, loc)
            assert "{expected}" not in template, (code, loc)
        if f'"{code}"' not in tests:
            unchecked.append(code)
    assert not unchecked, f"input error codes no test checks: {unchecked}"


def test_an_input_error_pickles_with_its_code_and_values() -> None:
    err = InputError(
        obj="split_quota",
        field="weights",
        value=-1,
        expected="weights >= 0",
        code="core.error.count",
        extra={"n": 3},
    )
    back = pickle.loads(pickle.dumps(err))
    assert vars(back) == vars(err)
    assert back.text("zh_Hant") == err.text("zh_Hant")
