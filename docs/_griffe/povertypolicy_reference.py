"""Griffe extension for the API reference: attrs fields and enum values, read from the code.

For every attrs class of the package it builds the constructor signature (keyword-only, typed,
with defaults) and a *Fields* table: name, type (the class's own annotation), meaning (the
docstring under the field, else the class docstring's ``Args:`` entry) and default ("required"
when there is none); the fields leave the member list, and the attrs internals never enter it.
For every enum it puts a *Values* table: member, value and the label in each shipped locale
(from the one label table, `povertypolicy.domain.labels`). Defaults and labels come from
`povertypolicy._reference`, the same functions the reference test checks.
"""

from __future__ import annotations

import enum
import inspect
from typing import Any

import attrs
from griffe import (
    Attribute,
    Class,
    Docstring,
    DocstringParameter,
    DocstringSectionParameters,
    DocstringSectionText,
    Expr,
    Extension,
    Function,
    Module,
    Parameter,
    ParameterKind,
    Parameters,
    dynamic_import,
    get_logger,
    parse_docstring_annotation,
)

from povertypolicy._reference import fields_of, values_of

logger = get_logger("povertypolicy-reference")


def _classes(obj: Module | Class, seen: set[str]) -> list[Class]:
    out: list[Class] = []
    for member in list(obj.members.values()):
        if member.is_alias or member.path in seen:
            continue
        seen.add(member.path)
        if isinstance(member, Class):
            out.append(member)
            out.extend(_classes(member, seen))
        elif isinstance(member, Module):
            out.extend(_classes(member, seen))
    return out


def _annotation(cls: Class, name: str, runtime: type, docstring: Docstring) -> str | Expr | None:
    """The field's annotation as the source writes it (own class first, then its bases)."""
    try:
        chain = [cls, *cls.mro()]
    except ValueError:
        chain = [cls]
    for owner in chain:
        for attribute in (name, f"_{name}"):  # attrs strips a private field's underscore
            member = owner.members.get(attribute)
            if isinstance(member, Attribute) and member.annotation is not None:
                return member.annotation
    field = attrs.fields_dict(runtime).get(name)
    if field is not None and field.type is not None:
        text = field.type if isinstance(field.type, str) else inspect.formatannotation(field.type)
        return parse_docstring_annotation(text, docstring)
    return None


def _document_attrs(cls: Class, runtime: type) -> None:
    if cls.docstring is None:
        cls.docstring = Docstring("", parent=cls)
    docstring = cls.docstring
    fields = fields_of(runtime)
    if not fields:
        return
    annotations = {f.name: _annotation(cls, f.name, runtime, docstring) for f in fields}
    attribute_docs = {}
    for field in fields:
        member = cls.members.get(field.name)
        if isinstance(member, Attribute):
            attribute_docs[field.name] = member.docstring.value if member.docstring else ""
            cls.del_member(field.name)
    if "__init__" not in cls.members:  # before parsing: the Args entries are its parameters
        kinds = {True: ParameterKind.keyword_only, False: ParameterKind.positional_or_keyword}
        params = [
            Parameter(
                f.name, annotation=annotations[f.name], kind=kinds[f.kw_only], default=f.default
            )
            for f in fields
        ]
        init = Function(
            "__init__",
            lineno=0,
            endlineno=0,
            parent=cls,
            parameters=Parameters(
                Parameter("self", kind=ParameterKind.positional_or_keyword), *params
            ),
            returns="None",
        )
        cls.set_member("__init__", init)
    sections = docstring.parsed
    described: dict[str, str] = {}
    at = len(sections)
    for i, section in enumerate(sections):
        if isinstance(section, DocstringSectionParameters):
            described.update({p.name: p.description for p in section.value})
            at = min(at, i)
    sections[:] = [s for s in sections if not isinstance(s, DocstringSectionParameters)]
    items = [
        DocstringParameter(
            name=f.name,
            annotation=annotations[f.name],
            description=attribute_docs.get(f.name) or described.get(f.name, ""),
            value=f.default,
        )
        for f in fields
    ]
    sections.insert(min(at, len(sections)), DocstringSectionParameters(items, title="Fields:"))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _document_enum(cls: Class, runtime: type[enum.Enum]) -> None:
    if cls.docstring is None:
        cls.docstring = Docstring("", parent=cls)
    values = values_of(runtime)
    locales = list(values[0].labels) if values and values[0].labels else []
    head = ["member", "value", *locales]
    rows = [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *(
            f"| `{v.name}` | `{v.value}` | "
            + "".join(f"{_cell(v.labels[loc])} | " for loc in locales)
            for v in values
        ),
    ]
    text = "**Values:**\n\n"
    cls.docstring.parsed.append(DocstringSectionText(text + "\n".join(rows)))
    for v in values:
        if isinstance(cls.members.get(v.name), Attribute):
            cls.del_member(v.name)


class ReferenceExtension(Extension):
    """Fields of attrs classes and values of enums, for every class of the package."""

    def on_package(self, *, pkg: Module, **kwargs: Any) -> None:
        """Document every class once the whole package is loaded."""
        if pkg.name != "povertypolicy":
            return
        for cls in _classes(pkg, set()):
            try:
                runtime = dynamic_import(cls.path)
            except ImportError:
                logger.debug("cannot import %s", cls.path)
                continue
            if not isinstance(runtime, type):
                continue
            if attrs.has(runtime):
                _document_attrs(cls, runtime)
            elif issubclass(runtime, enum.Enum) and len(runtime):
                _document_enum(cls, runtime)
