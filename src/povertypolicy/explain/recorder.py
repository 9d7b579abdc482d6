"""A step recorder: rule bodies say what they decided, the recorder builds the ``Step`` objects.

A rule makes one ``Recorder(rule_id)`` and calls ``step(key, **inputs)`` (with ``params``,
``notes``, ``citation`` as keywords) for each decision, ``note``/``convention``/``warning``/
``default``/``boundary``/``rounding`` for the notes, and finally ``result(value)``. The steps
are exactly those the rule would have built by hand, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .citation import Citation
from .result import Note, NoteKind, Result, Step

if TYPE_CHECKING:
    from ..policy.parameter import Parameter

__all__ = ["Recorder", "boundary", "convention", "default", "note", "rounding", "warning"]

T = TypeVar("T")


def note(kind: NoteKind, key: str, **args: Any) -> Note:
    """A note of ``kind`` with message ``key`` and its arguments."""
    return Note(kind=kind, key=key, args=args)


def convention(key: str, **args: Any) -> Note:
    """A convention note (a choice the text leaves open)."""
    return Note(kind=NoteKind.CONVENTION, key=key, args=args)


def warning(key: str, **args: Any) -> Note:
    """A warning note (something the user should check)."""
    return Note(kind=NoteKind.WARNING, key=key, args=args)


def default(key: str, **args: Any) -> Note:
    """A default note (a value the text implies but does not state)."""
    return Note(kind=NoteKind.DEFAULT, key=key, args=args)


def boundary(key: str, **args: Any) -> Note:
    """A boundary note (how a 以上/以下 bound was read)."""
    return Note(kind=NoteKind.BOUNDARY, key=key, args=args)


def rounding(key: str, **args: Any) -> Note:
    """A rounding note (who took the rounding fen, or which way an amount was rounded)."""
    return Note(kind=NoteKind.ROUNDING, key=key, args=args)


_new = object.__new__
# Step's slots, set directly (as attrs' generated __init__ sets them, in field order)
_rule, _key, _inputs, _params, _notes, _citation = (
    Step.__dict__[a.name].__set__ for a in attrs.fields(Step)
)


class Recorder:
    """Collects the steps of one rule (rule ID ``rule``) in the order they are decided."""

    __slots__ = ("rule", "steps")

    def __init__(self, rule: str, steps: Iterable[Step] = ()) -> None:
        self.rule = rule
        self.steps: list[Step] = list(steps)

    def step(
        self,
        key: str,
        inputs: Mapping[str, Any] | None = None,
        *,
        params: Iterable[Parameter] = (),
        notes: Iterable[Note | None] = (),
        citation: Citation | None = None,
        rule: str | None = None,
        **more: Any,
    ) -> Step:
        """Record one step; inputs as a mapping, keywords, or both (keywords win)."""
        # As Step(rule=…, key=…, inputs=…, params=…, notes=…, citation=…), without attrs'
        # __init__: Step has no validator, converter or hook (tests/explain/test_recorder.py
        # holds it). Rules run this in ledger explain loops, so: one dict, the notes filtered
        # in C (``filter(None, …)`` drops only the ``None`` entries: a Note is always true),
        # and no tuple built for a step without params or notes.
        made: Step = _new(Step)
        _rule(made, rule or self.rule)
        _key(made, key)
        _inputs(made, more if inputs is None else ({**inputs, **more} if more else dict(inputs)))
        _params(made, tuple(params) if params else ())
        _notes(made, tuple(filter(None, notes)) if notes else ())
        _citation(made, citation)
        self.steps.append(made)
        return made

    def extend(self, steps: Iterable[Step] | Result[Any]) -> None:
        """Add the steps of another rule's result (or a list of steps)."""
        self.steps.extend(steps.steps if isinstance(steps, Result) else steps)

    def use(self, result: Result[T]) -> T:
        """Add the steps of another rule's ``result`` and return its value."""
        self.steps.extend(result.steps)
        return result.value

    def result(self, value: T) -> Result[T]:
        """The rule's result: ``value`` with the recorded steps."""
        return Result(value=value, steps=tuple(self.steps))
