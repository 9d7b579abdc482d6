"""The step recorder builds the same steps a rule would build by hand."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import povertypolicy as pp
from povertypolicy.explain import Note, NoteKind, Result, Step
from povertypolicy.explain.recorder import (
    Recorder,
    boundary,
    convention,
    default,
    rounding,
    warning,
)


def test_recorder_builds_steps_in_order_with_the_rule_id() -> None:
    rec = Recorder("LAND-6")
    rec.step("land.due_date", {"from": dt.date(2020, 1, 1)}, due_on=dt.date(2020, 4, 1))
    rec.step(
        "land.audit_summary", rule="LAND-7", notes=(None, warning("land.note.paid_late", days=3))
    )
    result = rec.result(42)
    assert result == Result(
        value=42,
        steps=(
            Step(
                rule="LAND-6",
                key="land.due_date",
                inputs={"from": dt.date(2020, 1, 1), "due_on": dt.date(2020, 4, 1)},
            ),
            Step(
                rule="LAND-7",
                key="land.audit_summary",
                notes=(Note(kind=NoteKind.WARNING, key="land.note.paid_late", args={"days": 3}),),
            ),
        ),
    )
    assert result.steps[0].inputs == {"from": dt.date(2020, 1, 1), "due_on": dt.date(2020, 4, 1)}
    assert result.steps[1].notes[0].args == {"days": 3}


def test_keywords_override_the_mapping_and_params_are_kept() -> None:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    rate = policy.param("housing.subsidy_per_person")
    rec = Recorder("HOUSE-2")
    made = rec.step("k", {"n": 1, "m": 2}, n=3, params=[rate])
    assert made.inputs == {"n": 3, "m": 2}
    assert made.params == (rate,)


def test_extend_takes_a_result_or_steps_and_note_helpers_set_the_kind() -> None:
    inner = Recorder("A")
    inner.step("a")
    outer = Recorder("B", inner.steps)
    outer.extend(inner.result(None))
    outer.extend([Step(rule="C", key="c")])
    assert [s.rule for s in outer.result(None).steps] == ["A", "A", "C"]
    assert convention("x").kind is NoteKind.CONVENTION
    assert default("x", a=1) == Note(kind=NoteKind.DEFAULT, key="x", args={"a": 1})
    assert warning("x").kind is NoteKind.WARNING


def test_boundary_and_rounding_notes_carry_their_kind_and_args() -> None:
    assert boundary("site.note.overlap", value=100) == Note(
        kind=NoteKind.BOUNDARY, key="site.note.overlap", args={"value": 100}
    )
    assert rounding("housing.note.no_rounding") == Note(
        kind=NoteKind.ROUNDING, key="housing.note.no_rounding", args={}
    )
    made = rounding("housing.note.rounding", milestones=("a",), fen=1)
    assert made.kind is NoteKind.ROUNDING
    assert list(made.args) == ["milestones", "fen"]


def test_use_adds_the_steps_of_a_result_and_returns_its_value() -> None:
    inner = Recorder("A")
    inner.step("a", n=1)
    outer = Recorder("B")
    outer.step("b")
    assert outer.use(inner.result("value")) == "value"
    assert [(s.rule, s.key) for s in outer.steps] == [("B", "b"), ("A", "a")]


def test_step_copies_its_mapping_keeps_key_order_and_takes_any_iterable_of_notes() -> None:
    shown = {"a": 1, "b": 2}
    rec = Recorder("R")
    first = rec.step("k", shown, notes=[None, warning("w")])
    shown["c"] = 3
    assert first.inputs == {"a": 1, "b": 2}
    assert first.notes == (warning("w"),)
    second = rec.step("k", shown, d=4, a=0, notes=(n for n in (convention("c"), None)))
    assert list(second.inputs.items()) == [("a", 0), ("b", 2), ("c", 3), ("d", 4)]
    assert second.notes == (convention("c"),)
    assert rec.step("k", x=1).inputs == {"x": 1}
    assert rec.step("k").inputs == {}


def test_no_rule_builds_its_steps_or_notes_by_hand() -> None:
    # every rules module records through the Recorder and the note helpers, so a rule's body
    # reads like its clause; only the recorder itself constructs Step and Note
    rules = Path(__file__).resolve().parents[2] / "src" / "povertypolicy" / "rules"
    by_hand = []
    for path in sorted(rules.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"Step", "Note"}
            ):
                by_hand.append(f"{path.relative_to(rules)}:{node.lineno}")
    assert not by_hand, by_hand


def test_steps_are_built_as_attrs_builds_them() -> None:
    """Recorder.step sets Step's slots directly: that is only the same as ``Step(...)`` while
    Step has no validator, converter, on-setattr hook or post-init, and while its fields are
    exactly the six the recorder sets, in this order."""
    import attrs

    fields = attrs.fields(Step)
    assert [f.name for f in fields] == ["rule", "key", "inputs", "params", "notes", "citation"]
    assert all(f.validator is None and f.converter is None for f in fields)
    assert all(f.on_setattr is None for f in fields)
    assert not hasattr(Step, "__attrs_post_init__")
    assert not hasattr(Step, "__attrs_pre_init__")
    cite = pp.Citation(document="d", section="s")
    note = convention("k.n", x=1)
    made = Recorder("R").step("k", {"a": 1}, b=2, notes=[None, note], citation=cite, rule="Q")
    built = Step(rule="Q", key="k", inputs={"a": 1, "b": 2}, notes=(note,), citation=cite)
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert attrs.asdict(made) == attrs.asdict(built)
    bare = Recorder("R").step("k")
    assert bare == Step(rule="R", key="k")
    assert bare.inputs == {}
    assert bare.params == ()
    assert bare.notes == ()
    assert bare.citation is None
    try:
        made.key = "other"  # type: ignore[misc]
    except attrs.exceptions.FrozenInstanceError:
        pass
    else:  # pragma: no cover - the test fails here
        raise AssertionError("a recorded step is not frozen")
