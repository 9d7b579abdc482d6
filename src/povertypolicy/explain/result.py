"""Results that explain themselves: a value plus the ordered steps that produced it."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .citation import Citation

if TYPE_CHECKING:
    from ..policy.parameter import Parameter

__all__ = ["Note", "NoteKind", "Result", "Step"]

T = TypeVar("T")


class NoteKind(enum.StrEnum):
    """What kind of judgement a note records."""

    __label__ = "core.note_kind"

    BOUNDARY = "boundary"  # how a 以上/以下 bound was read
    DEFAULT = "default"  # a "原则上 / 一般 / 可" default was applied
    CONVENTION = "convention"  # a choice the text leaves open, made by a stated convention
    ROUNDING = "rounding"  # who took the rounding fen
    WARNING = "warning"  # something the user should look at


@attrs.frozen(kw_only=True)
class Note:
    """A judgement call behind a step (a boundary, a default, a convention, a rounding)."""

    kind: NoteKind
    key: str
    args: Mapping[str, Any] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class Step:
    """One step of a rule: its rule ID, message, inputs, parameters used and notes."""

    rule: str
    key: str
    inputs: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    params: tuple[Parameter, ...] = ()
    notes: tuple[Note, ...] = ()
    citation: Citation | None = None

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The clause of this step and of each parameter it used."""
        found = [] if self.citation is None else [self.citation]
        found.extend(p.citation for p in self.params)
        return tuple(dict.fromkeys(found))

    def text(self, locale: str = "zh_Hans") -> str:
        """The step's message in ``locale`` (no parameters or notes)."""
        from .render import render_message

        return render_message(self.key, self.inputs, locale)

    def to_dict(self, locale: str | None = None) -> dict[str, Any]:
        """JSON-ready form; with ``locale`` also the rendered message."""
        from ..domain.convert import jsonable

        out: dict[str, Any] = {
            "rule": self.rule,
            "key": self.key,
            "inputs": {k: jsonable(v) for k, v in self.inputs.items()},
            "params": [p.to_dict() for p in self.params],
            "notes": [
                {
                    "kind": n.kind.value,
                    "key": n.key,
                    "args": {k: jsonable(v) for k, v in n.args.items()},
                }
                for n in self.notes
            ],
        }
        if self.citation is not None:
            out["citation"] = self.citation.to_dict()
        if locale is not None:
            from .render import render_message

            out["text"] = self.text(locale)
            out["notes_text"] = [render_message(n.key, n.args, locale) for n in self.notes]
        return out


@attrs.frozen(kw_only=True)
class Result(Generic[T]):
    """A rule's answer: ``value`` and the ``steps`` that explain it; 结果及其依据."""

    value: T
    steps: tuple[Step, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule IDs applied, in order of first use."""
        return tuple(dict.fromkeys(s.rule for s in self.steps))

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation behind the answer, in order of first use."""
        return tuple(dict.fromkeys(c for s in self.steps for c in s.citations))

    @property
    def params(self) -> tuple[Parameter, ...]:
        """Every parameter used, in order of first use."""
        return tuple(dict.fromkeys(p for s in self.steps for p in s.params))

    def explain(self, locale: str = "zh_Hans") -> str:
        """Every step as text in ``zh_Hans``, ``zh_Hant`` or ``en`` (or a variant such as zh_TW)."""
        from .render import render_text

        return render_text(self.steps, locale)

    def _repr_html_(self) -> str:
        from .render import render_html

        return render_html(self.steps, "zh_Hans")

    def to_html(self, locale: str = "zh_Hans") -> str:
        """The steps as an HTML table (what notebooks show)."""
        from .render import render_html

        return render_html(self.steps, locale)

    def to_dict(self, locale: str | None = None) -> dict[str, Any]:
        """JSON-ready: the value and the steps; with ``locale`` also the rendered messages."""
        from ..domain.convert import jsonable

        return {
            "value": jsonable(self.value),
            "steps": [s.to_dict(locale) for s in self.steps],
        }
