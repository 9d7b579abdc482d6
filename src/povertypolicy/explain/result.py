"""Results that explain themselves: a value plus the ordered steps that produced it."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .citation import Citation

if TYPE_CHECKING:
    from ..policy.parameter import Parameter

__all__ = ["Note", "NoteKind", "Result", "Step", "compact_dicts"]

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
    """A judgement call behind a step (a boundary, a default, a convention, a rounding).

    Args:
        kind: What kind of judgement it is (boundary, default, convention, rounding, warning …).
        key: Catalog key of its message.
        args: Values the message is filled with.
    """

    kind: NoteKind
    key: str
    args: Mapping[str, Any] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class Step:
    """One step of a rule: its rule ID, message, inputs, parameters used and notes.

    Args:
        rule: The rule ID, e.g. HOUSE-2.
        key: Catalog key of the step's message.
        inputs: The inputs the message is filled with.
        params: The policy parameters used, each with its citation.
        notes: Judgement calls behind the step.
        citation: The rule's own source, when no parameter carries it; None: cited by its
            parameters.
    """

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

    def text(self, locale: str | None = None) -> str:
        """The step's message in ``locale`` (no parameters or notes)."""
        from .locales import get_locale
        from .render import render_message

        return render_message(self.key, self.inputs, locale or get_locale())

    def to_dict(self, locale: str | None = None) -> dict[str, Any]:
        """JSON-ready form; with ``locale`` also the rendered message."""
        from ..domain.convert import jsonable

        out: dict[str, Any] = {
            "rule": self.rule,
            "key": self.key,
            "inputs": {k: jsonable(v) for k, v in self.inputs.items()},
            "params": [p.to_dict(locale) for p in self.params],
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
            out["citation"] = self.citation.to_dict(locale)
        if locale is not None:
            from .render import render_message

            out["text"] = self.text(locale)
            out["notes_text"] = [render_message(n.key, n.args, locale) for n in self.notes]
        return out

    def _compact(self, table: _Tables, locale: str | None) -> dict[str, Any]:
        from ..domain.convert import jsonable

        out: dict[str, Any] = {"rule": self.rule, "key": self.key}
        if self.inputs:
            out["inputs"] = {k: jsonable(v) for k, v in self.inputs.items()}
        if self.params:
            out["params"] = [table.param(p) for p in self.params]
        if self.notes:
            out["notes"] = [
                {"kind": n.kind.value, "key": n.key}
                | ({"args": {k: jsonable(v) for k, v in n.args.items()}} if n.args else {})
                for n in self.notes
            ]
        if self.citation is not None:
            out["citation"] = table.citation(self.citation)
        if locale is not None:
            out["text"] = self.text(locale)
        return out


class _Tables:
    """Parameters and citations listed once; steps refer to them by index."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale = locale
        self.params: dict[Parameter, int] = {}
        self.citations: dict[Citation, int] = {}
        self.param_rows: list[dict[str, Any]] = []
        self.citation_rows: list[dict[str, str]] = []

    def citation(self, c: Citation) -> int:
        index = self.citations.get(c)
        if index is None:
            index = self.citations[c] = len(self.citation_rows)
            self.citation_rows.append(c.to_dict(self.locale))
        return index

    def param(self, p: Parameter) -> int:
        index = self.params.get(p)
        if index is None:
            row = p.to_dict(self.locale)
            row["citation"] = self.citation(p.citation)
            index = self.params[p] = len(self.param_rows)
            self.param_rows.append(row)
        return index


@attrs.frozen(kw_only=True)
class Result(Generic[T]):
    """A rule's answer: ``value`` and the ``steps`` that explain it; 结果及其依据.

    Args:
        value: The answer (a typed value: an amount, an eligibility, a plan …).
        steps: The steps that led to it, in order, each with its rule ID and parameters.
    """

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

    def explain(self, locale: str | None = None) -> str:
        """Every step as text in ``zh_Hans``, ``zh_Hant`` or ``en`` (or a variant such as zh_TW).

        Without ``locale``: the one set with `povertypolicy.set_locale()` (zh_Hans).
        """
        from .locales import get_locale
        from .render import render_text

        return render_text(self.steps, locale or get_locale())

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self, locale: str | None = None) -> str:
        """The answer, then the steps with their basis and quotes, as styled HTML (notebooks)."""
        from .locales import get_locale
        from .render import render_html

        return render_html(self.steps, locale or get_locale(), value=self.value)

    def to_dict(self, locale: str | None = None, *, compact: bool = False) -> dict[str, Any]:
        """JSON-ready: the value and the steps; with ``locale`` also the rendered messages.

        ``compact=True``: each parameter and citation is listed once (``params``,
        ``citations``) and steps refer to them by index; empty fields are left out.
        """
        from ..domain.convert import jsonable

        if not compact:
            return {
                "value": jsonable(self.value),
                "steps": [s.to_dict(locale) for s in self.steps],
            }
        table = _Tables(locale)
        steps = [s._compact(table, locale) for s in self.steps]
        return {
            "value": jsonable(self.value),
            "steps": steps,
            "params": table.param_rows,
            "citations": table.citation_rows,
        }


def compact_dicts(results: Iterable[Result[Any]], locale: str | None = None) -> dict[str, Any]:
    """Many results as one JSON-ready dict: parameters and citations once for all of them.

    ``{"params": [...], "citations": [...], "results": [{"value", "steps"}, ...]}``; a step's
    ``params`` and ``citation`` are indices into the shared lists (as in ``to_dict(compact=True)``).
    """
    from ..domain.convert import jsonable

    table = _Tables(locale)
    rows = [
        {"value": jsonable(r.value), "steps": [s._compact(table, locale) for s in r.steps]}
        for r in results
    ]
    return {"params": table.param_rows, "citations": table.citation_rows, "results": rows}
