"""A ledger under two policies: changed rows (old / new / delta), totals and why; 台账对比."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
import pyarrow as pa

from ..policy import Policy
from ..policy.compare import ParameterChange, parameter_changes
from .engine import LedgerResult, get_rule, run
from .frames import FrameKind, from_arrow, to_arrow

__all__ = ["LedgerComparison", "compare"]

_NEW = "__new"


@attrs.define(eq=False)
class LedgerComparison:
    """Both runs, the changed rows (``old_…``, ``new_…``, ``delta_…_fen``), totals and why.

    ``arrow`` has the rule's key column, ``change`` (``changed``, ``base_only``: a row only
    the base produces, ``variant_only``) and, for each result column that differs in some
    row, its old and new values; money columns also get their exact delta in fen.

    Args:
        base: The run under the base policy.
        variant: The run under the variant policy.
        arrow: The changed rows, as an Arrow table.
        totals: Per money column, (base total, variant total) in fen.
        parameters: The differing parameters of the rule's areas, with both values.
        kind: The kind of table the ledger came in (``table`` returns that kind).
    """

    base: LedgerResult
    variant: LedgerResult
    arrow: pa.Table
    totals: Mapping[str, tuple[int, int]]
    parameters: tuple[ParameterChange, ...]
    kind: FrameKind = FrameKind.ARROW

    @property
    def table(self) -> Any:
        """The changed rows as the kind of table the ledger came in."""
        return from_arrow(self.arrow, self.kind)

    def __len__(self) -> int:
        return int(self.arrow.num_rows)

    def deltas(self) -> dict[str, int]:
        """Per money column: variant total − base total, in fen."""
        return {c: new - old for c, (old, new) in self.totals.items()}

    def text(self, locale: str | None = None) -> str:
        """Rows changed, totals old → new with the delta, and the parameters that differ."""
        from ..explain.catalog import messages
        from ..explain.locales import normalise_locale
        from ..explain.render import render_message
        from ..money import Money
        from ..policy.compare import change_text, parameter_lines

        loc = normalise_locale(locale or self.base.locale)
        labels = messages(loc, "ledger")
        change = self.arrow.column("change").to_pylist()
        lines = [
            render_message(
                "ledger.compare.head",
                {
                    "rule": self.base.rule.name,
                    "base": self.base.policy.id,
                    "variant": self.variant.policy.id,
                    "on": self.base.policy.on,
                },
                loc,
            ),
            render_message(
                "ledger.compare.rows",
                {"rows": len(self.variant), "changed": change.count("changed")},
                loc,
            ),
        ]
        base_only, variant_only = change.count("base_only"), change.count("variant_only")
        if base_only or variant_only:
            lines.append(
                render_message(
                    "ledger.compare.only",
                    {"base_only": base_only, "variant_only": variant_only},
                    loc,
                )
            )
        if self.totals:
            lines.append(render_message("ledger.compare.totals", {}, loc))
        for column, (old, new) in self.totals.items():
            lines.append(
                "  "
                + render_message(
                    "ledger.compare.total",
                    {
                        "column": _without_unit(labels.get(f"ledger.column.{column}", column)),
                        "old": Money.from_fen(old),
                        "new": Money.from_fen(new),
                        "change": change_text(Money.from_fen(new - old), loc),
                    },
                    loc,
                )
            )
        lines.extend(parameter_lines(self.parameters, loc))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def _plain(table: pa.Table) -> pa.Table:
    """Dictionary columns (reasons, states) as plain strings, so the two runs compare."""
    cols = []
    for col in table.columns:
        if pa.types.is_dictionary(col.type):
            col = col.cast(col.type.value_type)
        cols.append(col)
    return pa.table(cols, names=table.column_names)


def _changed_rows(base: LedgerResult, variant: LedgerResult) -> pa.Table:
    import polars as pl

    key = base.rule.key
    a = pl.from_arrow(_plain(base.arrow))
    b = pl.from_arrow(_plain(variant.arrow))
    assert isinstance(a, pl.DataFrame)
    assert isinstance(b, pl.DataFrame)
    cols = [c for c in a.columns if c != key and c in b.columns]
    a = a.with_columns(pl.lit(True).alias("__in_base"))
    b = b.with_columns(pl.lit(True).alias("__in_variant"))
    j = a.join(b, on=key, how="full", suffix=_NEW, coalesce=True, maintain_order="left_right")
    in_a = pl.col("__in_base").fill_null(False)
    in_b = pl.col("__in_variant").fill_null(False)
    differs = {c: ~pl.col(c).eq_missing(pl.col(c + _NEW)) for c in cols}
    any_differs = pl.any_horizontal(*differs.values()) if differs else pl.lit(False)
    j = j.with_columns(
        pl.when(in_a & in_b)
        .then(pl.lit("changed"))
        .when(in_a)
        .then(pl.lit("base_only"))
        .otherwise(pl.lit("variant_only"))
        .alias("change")
    ).filter(any_differs | ~(in_a & in_b))
    shown = [c for c in cols if bool(j.select(differs[c].any()).item())] if len(j) else []
    out = [pl.col(key), pl.col("change")]
    for c in shown:
        out += [pl.col(c).alias(f"old_{c}"), pl.col(c + _NEW).alias(f"new_{c}")]
        if c.endswith("_fen"):
            out.append((pl.col(c + _NEW) - pl.col(c)).alias(f"delta_{c}"))
    table: pa.Table = j.select(out).to_arrow()
    return table


def compare(
    rule: str,
    base: Policy | str,
    variant: Policy | str,
    *,
    on: dt.date | None = None,
    columns: Mapping[str, str] | None = None,
    locale: str = "zh_Hans",
    today: dt.date | None = None,
    as_of: dt.date | None = None,
    **tables: Any,
) -> LedgerComparison:
    """Run ``rule`` over the same ledger under ``base`` and ``variant``; 台账对比.

    Takes what `run` takes. Returns the changed rows with old / new / delta columns,
    the totals of every money column under both, and the parameters of the rule's areas that
    differ between the two policies (with both values and citations).
    """
    arrows: dict[str, pa.Table] = {}
    kind: FrameKind | None = None
    for name, table in tables.items():
        arrows[name], k = to_arrow(table, name=name)
        kind = kind or k
    common: dict[str, Any] = {
        "on": on,
        "columns": columns,
        "locale": locale,
        "today": today,
        "as_of": as_of,
    }
    old = run(rule, base, **common, **arrows)
    new = run(rule, variant, **common, **arrows)
    ids = set(get_rule(rule).rule_ids)
    from ..policy import all_specs

    names = sorted(
        n
        for n, spec in all_specs().items()
        if ids.intersection(spec.rules) and (n in old.policy or n in new.policy)
    )
    money = dict.fromkeys([*old.summary.totals, *new.summary.totals])
    return LedgerComparison(
        base=old,
        variant=new,
        arrow=_changed_rows(old, new),
        totals={c: (old.summary.totals.get(c, 0), new.summary.totals.get(c, 0)) for c in money},
        parameters=parameter_changes(old.policy, new.policy, names),
        kind=kind or FrameKind.ARROW,
    )


def _without_unit(label: str) -> str:
    """A money column's header without its unit: the amounts beside it carry 元 / CN¥."""
    for suffix in ("（元）", " (yuan)"):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label
