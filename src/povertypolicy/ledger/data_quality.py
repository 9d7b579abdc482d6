"""Data-quality checks over a ledger (poverty-work-plan-samples 篇7): DATA-1..DATA-4, one row per
finding; 数据清洗.

``data_quality.report`` reads households, persons, helper pairings and project beneficiaries
and runs every enabled check of a check list (`povertypolicy.rules.data_quality.checks`)
over them: the identity-number kernel (DATA-1), the list's conditions (DATA-2, DATA-4) and the
pairing sweeps (DATA-3). ``data_quality.identity`` runs DATA-1 on a persons table alone. Each
finding explains itself with the single-record rule it comes from. `report()` (in
`data_quality_report`) takes any of the four tables and gives totals per village and a
workbook to send back to each village.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..domain.enums import Sex
from ..explain import Result
from ..policy import Policy
from ..rules.data_quality import conditions as cond
from ..rules.data_quality import identity, pairings
from ..rules.data_quality.checks import CheckList, load_checks
from .arrays import array, filled, numpy, scalar
from .data_quality_conditions import column, evaluate, limits, record_of, values_at
from .data_quality_findings import FINDING_COLUMNS, FindingLog, day_dates
from .data_quality_kernels import BIT, as_int, duplicate_rows, id_kernel, merge_spans, overloads
from .data_quality_tables import BENEFICIARIES, HOUSEHOLDS, PAIRINGS, PERSONS
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame, link
from .parse import date_to_days, days_to_date
from .schema import TableSchema

__all__ = ["DataQuality", "Identity"]

_ID_CODES = ("missing", "format", "old_format", "check_digit", "birth_date", "province",
             "sex_mismatch", "birth_mismatch", "duplicate")  # fmt: skip


@register
class DataQuality(LedgerRule):
    """DATA-1..DATA-4 over a ledger: one result row per finding; 数据清洗问题清单."""

    name = "data_quality.report"
    rule_ids: ClassVar[tuple[str, ...]] = ("DATA-1", "DATA-2", "DATA-3", "DATA-4")
    title = "ledger.rule.data_quality.report"
    tables: ClassVar[tuple[TableSchema, ...]] = (HOUSEHOLDS, PERSONS, PAIRINGS, BENEFICIARIES)
    output = "households"
    key = "finding"
    reasons = ()
    per = "finding (a check that fails on a record)"
    conditions: ClassVar[bool] = True  # run the check list's conditions (DATA-2, DATA-4)

    def __init__(
        self,
        *,
        checks: CheckList | str | None = None,
        given: frozenset[str] | None = None,
        locale: str = "zh_Hans",
    ) -> None:
        self.checks = load_checks(checks)
        self.given = given  # the tables the user gave (None: all the rule's tables)
        self.locale = locale
        self.coverage: dict[str, tuple[int, int, int]] = {}  # code → (rows, fired, unknown)
        self.absent: dict[str, tuple[str, ...]] = {}  # code → fields the ledger has no column of
        self.findings = FindingLog()
        self._positions = np.zeros(0, np.int64)
        self._keys: np.ndarray | None = None

    def has(self, table: str) -> bool:
        """Whether the user gave ``table``."""
        return any(t.name == table for t in self.tables) and (
            self.given is None or table in self.given
        )

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        if not self.has("households"):
            return
        for child in ("persons", "pairings", "beneficiaries"):
            if self.has(child):
                link(frames[child], frames["households"], log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        on = policy.on
        if self.has("persons"):
            self._identity(frames, on)
        for check in self.checks.enabled():
            if self.conditions and not check.builtin and self.has(check.table):
                self._condition(frames, check, policy)
        if self.has("pairings"):
            self._pairings(frames, policy)
        table, self._positions = self.findings.to_arrow(frames, self.checks, self.locale)
        rows = np.arange(table.num_rows, dtype=np.int64)
        return rows, {c: table.column(c) for c in FINDING_COLUMNS}

    def _add(self, code: str, n: int, fired: int, unknown: int) -> None:
        self.coverage[code] = (n, fired, unknown)

    # -- DATA-1 --------------------------------------------------------------------------

    def _identity(self, frames: Mapping[str, Frame], on: Any) -> None:
        persons = frames["persons"]
        number = persons.cols["id_number"]
        sex = persons.cols.get("sex")
        birth = persons.cols.get("birth_date")
        k = id_kernel(
            number.values,
            number.recorded,
            date_to_days(on),
            sex=None if sex is None else sex.values,
            birth=None if birth is None else birth.values,
            birth_recorded=None if birth is None else birth.recorded,
        )
        bits = np.where(number.bad, 0, k.bits).astype(np.uint16)
        dup = duplicate_rows(np.where(number.bad, -1, k.key))
        bits[dup] |= BIT["duplicate"]
        self._keys = np.where(number.bad, -1, k.key)
        n = len(persons)
        for p in _ID_CODES:
            code = f"id.{p}"
            if not self.checks.runs(code):
                continue
            rows = np.flatnonzero(bits & BIT[p])
            # A number not recorded is the finding id.missing, not an undecided check.
            unknown = number.bad.copy()
            if p == "sex_mismatch":
                unknown |= number.recorded & (True if sex is None else ~sex.recorded)
                if sex is None:
                    self.absent[code] = ("sex",)
            if p == "birth_mismatch":
                unknown |= number.recorded & (True if birth is None else ~birth.recorded)
                if birth is None:
                    self.absent[code] = ("birth_date",)
            self._add(code, n, len(rows), int(np.count_nonzero(unknown)))
            numbers = pc.take(number.values, array(rows))
            args: dict[str, Any] = {"value": numbers.to_pylist()}
            expected: list[str | None] | None = None
            if p == "old_format":
                expected = [f"{w // 11:017d}{'0123456789X'[w % 11]}" for w in k.key[rows].tolist()]
                args["detail"] = list(expected)
            elif p == "check_digit":
                expected = [chr(c) for c in k.check[rows].tolist()]
                args["detail"] = list(expected)
            elif p in ("birth_date", "province"):
                stop = np.where(numpy(pc.utf8_length(numbers)) == 18, 14, 12)
                cut = [t[6:e] if p == "birth_date" else t[:2]
                       for t, e in zip(args["value"], stop.tolist(), strict=True)]  # fmt: skip
                args["detail"] = cut
            elif p == "sex_mismatch":
                members = list(Sex)
                args["detail"] = [members[c] for c in k.sex[rows].tolist()]
                args["recorded"] = values_at(column(frames, "persons", "sex"), rows)
            elif p == "birth_mismatch":
                args["detail"] = day_dates(k.birth[rows])
                args["recorded"] = values_at(column(frames, "persons", "birth_date"), rows)
                expected = np.datetime_as_string(args["detail"], unit="D").tolist()
            elif p == "duplicate":
                args["detail"] = self._others(persons, rows)
            for name in ("detail", "recorded"):
                args.setdefault(name, [None] * len(rows))
            self.findings.add(table="persons", code=code, rows=rows, args=args, expected=expected)

    def _others(self, persons: Frame, rows: np.ndarray) -> list[str]:
        """For each duplicate row, the ids of the other rows with the same number."""
        assert self._keys is not None
        keys = self._keys[rows]
        ids = pc.take(persons.ids(), array(rows)).to_pylist()
        by_key: dict[int, list[str]] = {}
        for key, pid in zip(keys.tolist(), ids, strict=True):
            by_key.setdefault(key, []).append("?" if pid is None else pid)
        return [
            ", ".join(o for o in by_key[key] if o != pid)
            for key, pid in zip(keys.tolist(), ids, strict=True)
        ]

    def others_of(self, frames: Mapping[str, Frame], row: int) -> list[str]:
        """Ids of the other person rows with the same identity number as ``row``."""
        if self._keys is None or self._keys[row] < 0:
            return []
        same = np.flatnonzero(self._keys == self._keys[row])
        ids = pc.take(frames["persons"].ids(), array(same[same != row])).to_pylist()
        return ["?" if i is None else i for i in ids]

    # -- DATA-2, DATA-4 ------------------------------------------------------------------

    def _condition(self, frames: Mapping[str, Frame], check: Any, policy: Policy) -> None:
        fires, unknown = evaluate(frames, check, policy)
        refs = dict.fromkeys(r for c in check.when for r in c.refs())
        absent = tuple(r for r in refs if column(frames, check.table, r) is None)
        if absent:
            self.absent[check.code] = absent
        rows = np.flatnonzero(fires)
        self._add(check.code, len(fires), len(rows), int(np.count_nonzero(unknown)))
        if not len(rows):
            return
        table = check.table
        args: dict[str, Any] = {"value": values_at(column(frames, table, check.field), rows)}
        args["limit"], args["year"] = limits(frames, check, rows, policy)
        self.findings.add(table=table, code=check.code, rows=rows, args=args)

    # -- DATA-3 --------------------------------------------------------------------------

    def _pairings(self, frames: Mapping[str, Frame], policy: Policy) -> None:
        pf = frames["pairings"]
        n = len(pf)
        on_d = date_to_days(policy.on)
        start, end = pf.cols["start"], pf.cols["end"]
        usable = start.recorded & ~end.bad
        s = start.values.astype(np.int64)
        e = np.minimum(np.where(end.recorded, end.values, on_d), on_d).astype(np.int64)
        wrong = usable & ((s > on_d) | (end.recorded & (end.values < s)))
        valid = usable & ~wrong
        if self.checks.runs("pairing.dates"):
            rows = np.flatnonzero(wrong)
            self._add("pairing.dates", n, len(rows), int(np.count_nonzero(~usable)))
            self.findings.add(
                table="pairings",
                code="pairing.dates",
                rows=rows,
                args={
                    "pairing": pc.take(pf.ids(), array(rows)).to_pylist(),
                    "start": values_at(column(frames, "pairings", "start"), rows),
                    "end": values_at(column(frames, "pairings", "end"), rows),
                },
            )
        if self.has("households"):
            self._household_checks(frames, usable, valid, s, e, on_d)
        if self.checks.runs("pairing.helper_is_poor"):
            self._helper_is_poor(frames)
        if self.checks.runs("pairing.one_helps_many"):
            self._one_helps_many(frames, policy, usable, valid, s, e)

    def _household_checks(
        self,
        frames: Mapping[str, Frame],
        usable: np.ndarray,
        valid: np.ndarray,
        s: np.ndarray,
        e: np.ndarray,
        on_d: int,
    ) -> None:
        pf, hf = frames["pairings"], frames["households"]
        assert pf.parent is not None
        nh = len(hf)
        linked = pf.parent >= 0
        doubtful = np.zeros(nh, bool)  # a pairing of the household cannot be read
        doubtful[pf.parent[linked & ~usable]] = True
        use = np.flatnonzero(valid & linked)
        spans = merge_spans(pf.parent[use], s[use], e[use])
        if self.checks.runs("pairing.no_helper"):
            covered = np.zeros(nh, bool)
            covered[spans.group[spans.end >= on_d]] = True
            rows = np.flatnonzero(~covered & ~doubtful)
            self._add("pairing.no_helper", nh, len(rows), int(np.count_nonzero(doubtful)))
            last = np.full(nh, np.iinfo(np.int64).min)
            np.maximum.at(last, spans.group, spans.end)
            self.findings.add(
                table="households",
                code="pairing.no_helper",
                rows=rows,
                args={
                    "on": [days_to_date(on_d)] * len(rows),
                    "last": [
                        None if d < -(10**7) else days_to_date(d) for d in last[rows].tolist()
                    ],
                },
            )
        if self.checks.runs("pairing.gap"):
            same = spans.group[1:] == spans.group[:-1]
            at = np.flatnonzero(same)
            hh = spans.group[at + 1]
            keep = ~doubtful[hh]
            at, hh = at[keep], hh[keep]
            g_start, g_end = spans.end[at] + 1, spans.start[at + 1] - 1
            ordinal = np.ones(len(at), np.int64)
            if len(at) > 1:
                run = np.concatenate([[True], hh[1:] != hh[:-1]])
                idx = np.arange(len(at))
                ordinal = idx - np.maximum.accumulate(np.where(run, idx, 0)) + 1
            self._add("pairing.gap", nh, len(at), int(np.count_nonzero(doubtful)))
            self.findings.add(
                table="households",
                code="pairing.gap",
                rows=hh,
                args={
                    "days": (g_end - g_start + 1).tolist(),
                    "start": day_dates(g_start),
                    "end": day_dates(g_end),
                },
                start=g_start,
                end=g_end,
                ordinal=ordinal,
            )
        if self.checks.runs("pairing.before_registration") and "registered_on" not in hf.cols:
            self.absent["pairing.before_registration"] = ("household.registered_on",)
            self._add("pairing.before_registration", len(pf), 0, len(pf))
        elif self.checks.runs("pairing.before_registration"):
            reg = hf.cols["registered_on"]
            safe = np.where(linked, pf.parent, 0)
            known = linked & reg.recorded[safe] & pf.cols["start"].recorded
            early = known & (s < reg.values[safe])
            rows = np.flatnonzero(early)
            self._add("pairing.before_registration", len(pf), len(rows),
                      int(np.count_nonzero(~known)))  # fmt: skip
            self.findings.add(
                table="pairings",
                code="pairing.before_registration",
                rows=rows,
                args={
                    "pairing": pc.take(pf.ids(), array(rows)).to_pylist(),
                    "start": day_dates(s[rows]),
                    "registered": day_dates(reg.values[safe[rows]]),
                },
            )

    def _helper_is_poor(self, frames: Mapping[str, Frame]) -> None:
        pf = frames["pairings"]
        number = pf.cols.get("helper_id_number")
        if self._keys is None:
            return  # no persons table: the summary says so
        if number is None:
            self.absent["pairing.helper_is_poor"] = ("helper_id_number",)
            self._add("pairing.helper_is_poor", len(pf), 0, len(pf))
            return
        k = id_kernel(number.values, number.recorded & ~number.bad, 0)
        keys = np.where(number.bad, -1, k.key)
        poor = np.unique(self._keys[self._keys >= 0])
        hit = (keys >= 0) & np.isin(keys, poor)
        rows = np.flatnonzero(hit)
        self._add("pairing.helper_is_poor", len(pf), len(rows),
                  int(np.count_nonzero(~number.recorded | number.bad)))  # fmt: skip
        self.findings.add(
            table="pairings",
            code="pairing.helper_is_poor",
            rows=rows,
            args={
                "pairing": pc.take(pf.ids(), array(rows)).to_pylist(),
                "helper": pc.take(pf.cols["helper_id"].values, array(rows)).to_pylist(),
                "number": pc.take(number.values, array(rows)).to_pylist(),
            },
        )

    def _one_helps_many(
        self,
        frames: Mapping[str, Frame],
        policy: Policy,
        usable: np.ndarray,
        valid: np.ndarray,
        s: np.ndarray,
        e: np.ndarray,
    ) -> None:
        pf = frames["pairings"]
        many = policy.param("data_quality.many_households")
        threshold = many.integer if many.admits(many.integer) else many.integer + 1
        helper = as_int(pf.cols["helper_id"].values)
        household = as_int(pf.cols["household_id"].values)
        use = np.flatnonzero(valid & (helper >= 0) & (household >= 0))
        periods = overloads(helper[use], household[use], s[use], e[use], threshold)
        self._add("pairing.one_helps_many", len(pf), 0, int(np.count_nonzero(~usable)))
        if not len(periods.helper):
            return
        # Every valid pairing of a helper that overlaps one of the helper's periods.
        order = use[np.argsort(helper[use], kind="stable")]
        hs = helper[order]
        lo = np.searchsorted(hs, periods.helper, "left")
        hi = np.searchsorted(hs, periods.helper, "right")
        counts = hi - lo
        period_of = np.repeat(np.arange(len(lo)), counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        cand = order[np.repeat(lo, counts) + offsets]
        overlap = (s[cand] <= periods.end[period_of]) & (e[cand] >= periods.start[period_of])
        cand, period_of = cand[overlap], period_of[overlap]
        sort = np.lexsort((period_of, cand))
        cand, period_of = cand[sort], period_of[sort]
        ordinal = np.ones(len(cand), np.int64)
        if len(cand) > 1:
            run = np.concatenate([[True], cand[1:] != cand[:-1]])
            idx = np.arange(len(cand))
            ordinal = idx - np.maximum.accumulate(np.where(run, idx, 0)) + 1
        members = _joined_by_group(period_of, pf.cols["household_id"].values, cand)
        self._add("pairing.one_helps_many", len(pf), len(cand), int(np.count_nonzero(~usable)))
        self.findings.add(
            table="pairings",
            code="pairing.one_helps_many",
            rows=cand,
            args={
                "helper": pc.take(pf.cols["helper_id"].values, array(cand)).to_pylist(),
                "count": periods.peak[period_of].tolist(),
                "start": day_dates(periods.start[period_of]),
                "end": day_dates(periods.end[period_of]),
                "households": members,
            },
            start=periods.start[period_of],
            end=periods.end[period_of],
            ordinal=ordinal,
        )

    # -- why -----------------------------------------------------------------------------

    def locate(self, row: int) -> tuple[str, str, int]:
        """(table, check code, source row) of result row ``row``."""
        return self.findings.locate(int(self._positions[row]))

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        table, code, source = self.locate(row)
        if code.startswith("id."):
            persons = frames["persons"]
            return identity.check_id_number(
                persons.value("id_number", source),
                sex=persons.value("sex", source),
                birth_date=persons.value("birth_date", source),
                on=policy.on,
                others=self.others_of(frames, source),
                checks=self.checks,
            )
        if not code.startswith("pairing."):
            return cond.check_record(table, record_of(frames, table, source), policy, self.checks)
        if code == "pairing.one_helps_many":
            helper = frames["pairings"].value("helper_id", source)
            return pairings.helper_overloads(
                pairings_of(frames, "helper_id", helper), policy, on=policy.on
            )
        household = frames[table].value("household_id", source)
        registered = None
        if self.has("households") and frames["pairings"].parent is not None:
            hf = frames["households"]
            at = source if table == "households" else int(frames["pairings"].parent[source])
            registered = hf.value("registered_on", at) if at >= 0 else None
        return pairings.household_pairings(
            pairings_of(frames, "household_id", household),
            on=policy.on,
            registered_on=registered,
            poor_numbers=self.poor_numbers(frames),
            checks=self.checks,
        )

    def poor_numbers(self, frames: Mapping[str, Frame]) -> set[str]:
        """The 18-digit forms of every well-formed identity number in the persons table."""
        if self._keys is None:
            return set()
        keys = np.unique(self._keys[self._keys >= 0]).tolist()
        return {f"{w // 11:017d}{'0123456789X'[w % 11]}" for w in keys}


def _joined_by_group(group: np.ndarray, text: pa.Array, rows: np.ndarray) -> list[str]:
    """For each of ``rows`` (with its ``group``), the sorted distinct texts of its group's rows
    joined by ", ": one sort, no loop over the groups' rows."""
    values = np.array(pc.take(text, array(rows)).to_pylist(), dtype=object)
    order = np.lexsort((values.astype(str), group))
    g, v = group[order], values[order]
    heads = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1]]))
    ends = np.append(heads[1:], len(g))
    joined = {
        int(g[a]): ", ".join(dict.fromkeys(v[a:b].tolist()))
        for a, b in zip(heads, ends, strict=True)
    }
    return [joined[k] for k in group.tolist()]


def pairings_of(frames: Mapping[str, Frame], field: str, value: Any) -> list[pairings.Pairing]:
    """The readable pairings whose ``field`` (household_id or helper_id) is ``value``, as the
    single-household rule takes them (a pairing with an unreadable date is left out)."""
    pf = frames["pairings"]
    hit = filled(pc.equal(pf.cols[field].values, scalar(value, pa.string())), False)
    usable = pf.cols["start"].recorded & ~pf.cols["end"].bad
    out = []
    for i in np.flatnonzero(hit & usable).tolist():
        out.append(
            pairings.Pairing(
                id=pf.value("pairing_id", i) or "?",
                household_id=pf.value("household_id", i) or "?",
                helper_id=pf.value("helper_id", i) or "?",
                start=pf.value("start", i),
                end=pf.value("end", i),
                helper_id_number=pf.value("helper_id_number", i),
            )
        )
    return out


@register
class Identity(DataQuality):
    """DATA-1 over a persons table alone; 身份信息校验."""

    name = "data_quality.identity"
    rule_ids = ("DATA-1",)
    title = "ledger.rule.data_quality.identity"
    tables = (PERSONS,)
    output = "persons"
    conditions = False


def __getattr__(name: str) -> Any:
    """`report()` and `QualityReport` live in `data_quality_report`."""
    if name in ("report", "QualityReport"):
        from . import data_quality_report

        return getattr(data_quality_report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
