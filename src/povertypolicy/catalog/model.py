"""What the catalogue lists: rules, their sources, parameters and the values packs give them."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import TYPE_CHECKING

import attrs

from ..explain.citation import Citation
from ..policy.parameter import Bound, Range, Scalar
from ..policy.spec import Kind, Side, Unit

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["PackValue", "ParameterInfo", "RuleFunction", "RuleInfo", "Source"]


@attrs.frozen(kw_only=True)
class Source:
    """Where a rule comes from; 出处: a clause of a shipped pack's document, or a law's article.

    ``pack`` + ``section``: the document the pack ``pack`` encodes, at ``section`` (e.g.
    ``"篇3 §七1"``). ``law`` + ``article``: a national law, regulation or statistics series.
    """

    pack: str | None = None
    section: str | None = None
    law: str | None = None
    article: str | None = None

    def __attrs_post_init__(self) -> None:
        doc = self.pack is not None and self.section is not None
        law = self.law is not None and self.article is not None
        if doc == law:
            from ..errors import InputError

            raise InputError(
                obj="Source",
                field="pack/section or law/article",
                value=attrs.asdict(self),
                expected="a pack with a section, or a law with an article (not both)",
                code="catalog.error.source_form",
            )

    @property
    def citation(self) -> Citation:
        """The citation: the pack's own source citation at this section, or the law's article."""
        if self.pack is None:
            return Citation(law=self.law, article=self.article)
        from ..policy.pack import load_pack

        return attrs.evolve(load_pack(self.pack).source, section=self.section, quote=None)

    @property
    def title(self) -> str:
        """The document's title (the pack's title) or the law's name."""
        if self.pack is None:
            assert self.law is not None
            return self.law
        from ..policy.pack import load_pack

        return load_pack(self.pack).title

    def text(self) -> str:
        """The clause as a reader looks it up: 《title》section, with the pack id."""
        if self.pack is None:
            return f"《{self.title}》{self.article}"
        return f"《{self.title}》{self.section} (pack {self.pack})"


@attrs.frozen(kw_only=True)
class RuleFunction:
    """A public function that implements a rule, by its importable dotted name."""

    name: str
    """e.g. ``povertypolicy.rules.housing.housing_subsidy``."""
    reads: tuple[str, ...] = ()
    """The domain fields it reads itself, as ``Class.field`` (``Person.birth_date``)."""

    def load(self) -> Callable[..., Any]:
        """Import the function."""
        import importlib

        module, _, attr = self.name.rpartition(".")
        fn: Callable[..., Any] = getattr(importlib.import_module(module), attr)
        return fn

    @property
    def signature(self) -> str:
        """``area.name(arg: Type, *, kw: Type = default)`` as written in the source."""
        sig = inspect.signature(self.load())
        parts: list[str] = []
        star = False
        for p in sig.parameters.values():
            if p.kind is p.KEYWORD_ONLY and not star:
                parts.append("*")
                star = True
            elif p.kind is p.VAR_POSITIONAL:
                star = True
            text = ("*" if p.kind is p.VAR_POSITIONAL else "") + p.name
            if p.annotation is not inspect.Parameter.empty:
                text += f": {_annotation(p.annotation)}"
            if p.default is not inspect.Parameter.empty:
                text += f" = {p.default!r}"
            parts.append(text)
        return f"{self.name.removeprefix('povertypolicy.rules.')}({', '.join(parts)})"

    @property
    def inputs(self) -> tuple[str, ...]:
        """Its typed arguments other than the policy (``household: Household``, …)."""
        sig = inspect.signature(self.load())
        return tuple(
            f"{p.name}: {_annotation(p.annotation)}"
            for p in sig.parameters.values()
            if p.name != "policy" and p.annotation is not inspect.Parameter.empty
        )


def _annotation(ann: object) -> str:
    return ann if isinstance(ann, str) else getattr(ann, "__name__", repr(ann))


@attrs.frozen(kw_only=True)
class RuleInfo:
    """One rule of the catalogue; 规则: its ID, title, functions, parameters and sources."""

    id: str
    """Rule ID, e.g. ``HOUSE-2``."""
    area: str
    """Policy area (module under ``povertypolicy.rules``), e.g. ``housing``."""
    functions: tuple[RuleFunction, ...]
    ledger: tuple[str, ...]
    """Names of the ledger rules that run it over a population (``povertypolicy.ledger``)."""
    parameters: tuple[str, ...]
    """Every parameter the rule reads (the specs that name this rule)."""
    optional: tuple[str, ...]
    """Those read only when a pack sets them, or when a method choice calls for them."""
    sources: tuple[Source, ...]
    title_key: str

    @property
    def required(self) -> tuple[str, ...]:
        """The parameters a pack must set for this rule (``parameters`` less ``optional``)."""
        return tuple(p for p in self.parameters if p not in self.optional)

    def title(self, locale: str | None = None) -> str:
        """The rule's short title in ``locale`` (zh_Hans, zh_Hant or en)."""
        from ..explain.catalog import message
        from ..explain.locales import get_locale

        return message(self.title_key, locale or get_locale())

    @property
    def inputs(self) -> tuple[str, ...]:
        """The typed inputs of its functions (policy aside), each once."""
        return tuple(dict.fromkeys(i for f in self.functions for i in f.inputs))

    @property
    def fields(self) -> tuple[str, ...]:
        """The domain fields its functions read (``Household.members``, …), sorted."""
        return tuple(sorted({r for f in self.functions for r in f.reads}))


@attrs.frozen(kw_only=True)
class PackValue:
    """The value one shipped pack gives a parameter for one period."""

    pack: str
    value: Scalar | Range
    valid_from: dt.date
    valid_until: dt.date | None
    citation: Citation
    bound: Bound | None
    qualifier: str | None


@attrs.frozen(kw_only=True)
class ParameterInfo:
    """One declared parameter; 参数: unit, kind, bound, meaning, rules and values in packs."""

    name: str
    unit: Unit
    kind: Kind
    threshold: Side | None
    """For a threshold: ``lower`` (N以上 / 超过 N) or ``upper`` (N以下 / 不满 N)."""
    is_range: bool
    choices: tuple[str, ...] | None
    signed: bool
    rules: tuple[str, ...]
    label_key: str
    values: tuple[PackValue, ...]
    """Every dated value in every shipped pack, by pack id then date."""

    def meaning(self, locale: str | None = None) -> str:
        """What the parameter is, in ``locale`` (its catalog label)."""
        from ..explain.catalog import message
        from ..explain.locales import get_locale

        return message(self.label_key, locale or get_locale())

    @property
    def packs(self) -> tuple[str, ...]:
        """The shipped packs that set it."""
        return tuple(dict.fromkeys(v.pack for v in self.values))
