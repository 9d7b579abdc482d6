"""Ledger schemas: the columns a rule reads, by field name and ledger header; 台账字段."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import InputError

__all__ = ["Column", "ColumnKind", "MissingColumnError", "TableSchema", "normalise_header"]


class ColumnKind(enum.StrEnum):
    """How a column's cells are read; 字段类型."""

    ID = "id"  # a non-empty identifier (text or whole number)
    TEXT = "text"
    DATE = "date"  # date, datetime at midnight, or text 2011-03-20 / 2011/3/20 / 2011年3月20日
    BOOL = "bool"  # true/false, 是/否, 1/0, yes/no
    ENUM = "enum"  # an enum value, its name, or its label in any locale
    MONEY = "money"  # yuan, exact to the fen: text, integer, decimal, or a float with ≤ 2 decimals
    COUNT = "count"  # a whole number ≥ 0
    DECIMAL = "decimal"  # an exact decimal ≥ 0 (areas in mu, m², …)


@attrs.frozen(kw_only=True)
class Column:
    """One input column: its field name, Chinese header and how its cells are read; 字段.

    ``nullable`` columns may have empty cells, read as "not recorded" (``None``) and handled by
    the rule; an empty cell in a column that is not nullable is a row error.

    Args:
        name: The field name (English), e.g. ``birth_date``.
        zh: The Chinese header ledgers use, e.g. 出生日期.
        kind: How a cell is read (date, yes/no, money, count, enumeration …).
        doc: What the column means, as the schema page shows it.
        nullable: An empty cell is allowed and means "not recorded".
        required: The column must be present in the table.
        enum: For an enumeration: the enum its cells spell (value, name or label); else None.
        aliases: Other headers accepted (traditional characters, older wording).
        past: A date that may not be after today (as the domain object checks).
    """

    name: str
    zh: str
    kind: ColumnKind
    doc: str
    nullable: bool = True
    required: bool = True
    enum: type[enum.StrEnum] | None = None
    aliases: tuple[str, ...] = ()
    past: bool = False  # a date that may not be after today (as the domain object checks)

    def headers(self) -> tuple[str, ...]:
        """Every header accepted for this column: field name, Chinese header, aliases."""
        return (self.name, self.zh, *self.aliases)


@attrs.frozen(kw_only=True)
class TableSchema:
    """One input table of a ledger rule (persons, households, …) and its columns; 台账表."""

    name: str
    zh: str
    columns: tuple[Column, ...]
    key: str | None = None
    link: str | None = None  # the column that names a row of the parent table
    doc: str = ""

    def column(self, name: str) -> Column:
        """The column whose field name is ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def resolve(
        self, headers: Iterable[str], rule: str, mapping: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """Map each column's field name to the header that holds it in ``headers``.

        English field names, Chinese headers (simplified or traditional) and ``mapping``
        (source header → field name) are all accepted. Every required column that is
        missing is reported in one `MissingColumnError`, before any row is read.
        """
        present = list(headers)
        by_norm: dict[str, str] = {}
        for h in present:
            by_norm.setdefault(normalise_header(h), h)
        found: dict[str, str] = {}
        for source, field in (mapping or {}).items():
            if source not in present:
                continue
            try:
                self.column(field)
            except KeyError:
                continue
            found[field] = source
        for col in self.columns:
            if col.name in found:
                continue
            for h in col.headers():
                hit = by_norm.get(normalise_header(h))
                if hit is not None:
                    found[col.name] = hit
                    break
        missing = tuple(c for c in self.columns if c.required and c.name not in found)
        if missing:
            raise MissingColumnError(rule=rule, table=self.name, columns=missing, present=present)
        return found


class MissingColumnError(InputError):
    """Required columns are missing from a ledger table; names each column and the rule."""

    def __init__(
        self, *, rule: str, table: str, columns: tuple[Column, ...], present: list[str]
    ) -> None:
        names = ", ".join(f"{c.name} ({c.zh})" for c in columns)
        super().__init__(
            obj=f"ledger {rule}",
            field=table,
            value=present,
            expected=f"the column(s) {names}; name them in English or Chinese, or pass columns=",
            code="ledger.error.missing_columns",
            extra={"columns": [f"{c.name} ({c.zh})" for c in columns], "option": "columns="},
        )
        self.rule = rule
        self.table = table
        self.columns = columns
        self.present = present

    def __reduce__(self) -> tuple[Any, ...]:  # InputError's would rebuild a plain InputError
        return (
            _rebuild_missing,
            (self.rule, self.table, self.columns, self.present),
            self.__dict__,
        )


def _rebuild_missing(
    rule: str, table: str, columns: tuple[Column, ...], present: list[str]
) -> MissingColumnError:
    return MissingColumnError(rule=rule, table=table, columns=columns, present=present)


def normalise_header(text: str) -> str:
    """Header as compared: NFKC (full-width → half-width), no spaces or underscores, lower case."""
    folded = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return "".join(ch for ch in folded if ch not in " _-\t\n()（）")
