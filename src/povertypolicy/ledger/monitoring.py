"""Monitoring over a ledger (poverty-work-plan-samples 篇8): MON-1 screening + MON-3 level as numpy
kernels; 监测台账.

The kernels compute the same scope groups, conditions, levels and reason codes as
`povertypolicy.rules.monitoring.screen()` (property tests prove it over generated ledgers);
``result`` calls that rule for one household, so an explanation is always the single-case one.
Facts are three-valued in the kernels: 0 no, 1 not recorded, 2 yes (and = min, or = max).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..domain.enums import (
    BasicNeed,
    LabourCapacity,
    MonitoringCategory,
    RiskFactor,
    ScopeGroup,
)
from ..domain.monitoring import MonitoringCase
from ..errors import RuleError
from ..explain import Result
from ..policy import Bound, Policy
from ..rules import monitoring as rules
from ..rules.monitoring.screening import _choices, _threshold
from ..rules.monitoring.screening_values import LEVELS, LevelCondition
from ..rules.monitoring.screening_values import LevelCondition as C
from . import arrays
from .columns import bits_text
from .engine import LedgerRule, reason_array, register
from .errors import ErrorLog
from .frame import Frame
from .monitoring_tables import MONITORED, PERSONS, household_object, link_members, set_column
from .parse import is_constant
from .schema import Column, ColumnKind, TableSchema

__all__ = ["SPOT_CHECKS", "case_object"]

NO, UNKNOWN, YES = np.uint8(0), np.uint8(1), np.uint8(2)
_CONDITIONS = tuple(LevelCondition)
_GROUPS = tuple(ScopeGroup)
_CATEGORIES = list(MonitoringCategory)
_CLEARED_CODES = [
    _CATEGORIES.index(MonitoringCategory.UNSTABLE_OUT_OF_POVERTY),
    _CATEGORIES.index(MonitoringCategory.MARGINAL_AT_RISK),
]
_LABOUR = list(LabourCapacity)
_FACTS = (
    "registered_out_of_poverty",
    "large_rigid_expenditure",
    "sharp_income_drop",
    "severe_hardship",
    "living_difficulty",
    "entrepreneurial_ability",
    "income_only_from_support",
    "unstable_income",
    "weak_self_development",
    "relies_on_projects",
)
_STATUS = ("red", "yellow", "blue", "no_level", "risk_cleared", "undetermined")


def _tri(frame: Frame, field: str, pick: Any) -> np.ndarray:
    """A yes/no column at rows ``pick`` as 2 yes, 0 no, 1 not recorded."""
    parsed = frame.cols.get(field)
    if parsed is None:
        return np.full(len(frame) if isinstance(pick, slice) else len(pick), UNKNOWN, np.uint8)
    recorded = parsed.recorded[pick]
    out: np.ndarray = (parsed.values[pick] & recorded).view(np.uint8) << 1
    if not is_constant(recorded, True):
        np.bitwise_or(out, ~recorded, out=out)  # not recorded: 0 | 1
    return out


def _flag(frame: Frame, field: str) -> np.ndarray:
    """A bool column where an empty cell or an absent column reads False (a mark not set)."""
    parsed = frame.cols.get(field)
    if parsed is None:
        return np.zeros(len(frame), bool)
    out: np.ndarray = parsed.recorded & parsed.values
    return out


def _set_of(bits: np.ndarray, known: np.ndarray, mask: int) -> np.ndarray:
    """YES where a recorded set meets ``mask``, NO where it does not, UNKNOWN unrecorded."""
    out: np.ndarray = np.where(known, np.where(bits & mask, YES, NO), UNKNOWN).astype(np.uint8)
    return out


def _bits(members: list[Any], enum_type: Any) -> int:
    order = list(enum_type)
    return sum(1 << order.index(m) for m in members)


class _Kernel:
    """The MON-1 and MON-3 columns of the clean rows of a monitoring ledger."""

    def __init__(self, frames: Mapping[str, Frame], policy: Policy, sets: Any) -> None:
        mon, persons = frames["monitored"], frames["persons"]
        n = len(mon)
        self.rows = np.flatnonzero(mon.ok)
        # The clean rows; every row (the usual ledger) is a view, not a copy.
        r = self.pick = slice(None) if len(self.rows) == n else self.rows
        t = _threshold(policy).value
        reading, scope, traits, water = _choices(policy)
        # Labour capacity of the members, per household.
        code = persons.cols["labour_capacity"].values
        rec = persons.cols["labour_capacity"].recorded
        use = persons.ok
        # One pass over the members: per household, how many of each capacity (3: unknown).
        parent = persons.parent
        assert parent is not None
        take = use & (parent >= 0)
        slot = parent.astype(np.int64) * 4
        slot += code if is_constant(rec, True) else np.where(rec, code, np.int8(3))
        if not take.all():
            slot = slot[take]
        table = np.bincount(slot, minlength=4 * n).reshape(n, 4)[r]
        counts = {k: table[:, _LABOUR.index(k)] for k in LabourCapacity}
        unknown = table[:, 3]
        able = counts[LabourCapacity.FULL] + counts[LabourCapacity.PARTIAL]
        lost = counts[LabourCapacity.PARTIAL] + counts[LabourCapacity.NONE]
        all_lost = np.where(able > 0, NO, np.where(unknown > 0, UNKNOWN, YES))
        no_full = np.where(counts[LabourCapacity.FULL] > 0, NO, np.where(unknown > 0, UNKNOWN, YES))
        some_lost = np.where(lost > 0, YES, np.where(unknown > 0, UNKNOWN, NO))
        # Facts.
        f = {name: _tri(mon, name, r) for name in _FACTS}
        income = mon.cols.get("per_capita_disposable_income")
        if income is None:
            below = np.full(len(self.rows), UNKNOWN, np.uint8)
        else:
            fen = income.values[r].astype(np.int64)
            num, den = t.ratio.numerator, t.ratio.denominator
            if len(fen) and int(fen.max()) * den >= 2**62:
                raise RuleError(
                    rule="MON-1",
                    message="income too large for the exact column test",
                    code="monitoring.error.income_too_large",
                )
            below = np.where(
                income.recorded[r], np.where(fen * den < t.line.fen * num, YES, NO), UNKNOWN
            )
        self.income_recorded = None if income is None else income.recorded[r]
        risk_bits, risk_known = sets["risk_factors"]
        need_bits, need_known = sets["unmet_needs"]
        counted = [
            b for b in BasicNeed if water.text == "included" or b is not BasicNeed.DRINKING_WATER
        ]
        self.risk_bits, self.risk_known = risk_bits[r], risk_known[r]
        severe = f["severe_hardship"]
        cause = np.maximum(f["large_rigid_expenditure"], f["sharp_income_drop"])
        cond = {
            C.ALL_LABOUR_LOST: all_lost,
            C.SPENDING_OR_INCOME_DROP: cause,
            C.SEVERE_HARDSHIP: severe,
            C.INCOME_BELOW_LINE: below,
            C.BASIC_NEEDS_UNMET: _set_of(need_bits[r], need_known[r], _bits(counted, BasicNeed)),
            C.NO_LABOUR: no_full if reading.text == "distinct" else all_lost,
            C.NO_ENTREPRENEURIAL_ABILITY: 2 - f["entrepreneurial_ability"],
            C.INCOME_ONLY_FROM_SUPPORT: f["income_only_from_support"],
            C.PARTLY_LOST_LABOUR: np.minimum(some_lost, 2 - all_lost),
            C.UNSTABLE_INCOME: f["unstable_income"],
            C.WEAK_SELF_DEVELOPMENT: f["weak_self_development"],
            C.RELIES_ON_PROJECTS: f["relies_on_projects"],
            C.RISK_FACTOR: _set_of(self.risk_bits, self.risk_known, (1 << len(RiskFactor)) - 1),
            C.LIVING_DIFFICULTY: np.maximum(f["living_difficulty"], severe),
        }
        self.cond = {k: np.asarray(v, np.uint8) for k, v in cond.items()}
        cond = self.cond
        combine = np.minimum if traits.text == "all" else np.maximum
        labour_clause = (
            np.minimum(cond[C.ALL_LABOUR_LOST], severe)
            if scope.text == "all_first_clauses"
            else cond[C.ALL_LABOUR_LOST]
        )
        red = np.maximum.reduce(
            [
                labour_clause,
                np.minimum(cause, severe),
                cond[C.INCOME_BELOW_LINE],
                cond[C.BASIC_NEEDS_UNMET],
            ]
        )
        rd = np.minimum(cond[C.RISK_FACTOR], cond[C.LIVING_DIFFICULTY])
        yellow_traits = combine.reduce(
            [
                cond[C.NO_LABOUR],
                cond[C.NO_ENTREPRENEURIAL_ABILITY],
                cond[C.INCOME_ONLY_FROM_SUPPORT],
            ]
        )
        blue_traits = combine.reduce(
            [
                cond[C.PARTLY_LOST_LABOUR],
                cond[C.UNSTABLE_INCOME],
                cond[C.WEAK_SELF_DEVELOPMENT],
                cond[C.RELIES_ON_PROJECTS],
            ]
        )
        self.holds = (red, np.minimum(yellow_traits, rd), np.minimum(blue_traits, rd))
        # MON-1 scope groups.
        cleared = _flag(mon, "risk_cleared")[r]
        cat = mon.cols.get("category")
        if cat is None:
            cat_state = np.full(len(self.rows), UNKNOWN, np.uint8)
        else:
            in_cat = np.isin(cat.values[r], _CLEARED_CODES)
            cat_state = np.where(cat.recorded[r], np.where(in_cat, YES, NO), UNKNOWN)
        low = np.maximum(_tri(mon, "dibao", r), _tri(mon, "extreme_poverty_support", r))
        self.groups = (
            f["registered_out_of_poverty"],
            np.where(cleared, cat_state, NO).astype(np.uint8),
            np.minimum(cause, severe),
            low,
            below,
        )
        self.cleared = cleared

    def columns(self, mon: Frame) -> dict[str, pa.Array]:
        r = self.pick
        n = len(self.rows)
        out: dict[str, pa.Array] = {}
        for name in ("village", "township"):
            col = mon.cols.get(name)
            if col is None:
                out[name] = pa.nulls(n, pa.string())
            else:
                every = isinstance(r, slice)
                out[name] = col.values if every else col.values.take(arrays.array(r))
        # MON-1.
        g_yes = np.zeros(n, np.uint8)
        g_unknown = np.zeros(n, np.uint8)
        for j, g in enumerate(self.groups):
            g_yes |= (g == YES).astype(np.uint8) << j
            g_unknown |= (g == UNKNOWN).astype(np.uint8) << j
        scope = np.where(g_yes > 0, 0, np.where(g_unknown > 0, 2, 1))
        out["scope"] = reason_array(scope, ("in_scope", "out_of_scope", "scope_undetermined"))
        out["scope_groups"] = bits_text(g_yes, _GROUPS)
        out["scope_not_recorded"] = bits_text(g_unknown, _GROUPS)
        # MON-3.
        held = np.zeros(n, np.uint8)
        undetermined = np.zeros(n, bool)
        decided = np.zeros(n, bool)
        for j, h in enumerate(self.holds):
            held |= (h == YES).astype(np.uint8) << j
            undetermined |= ~decided & (h == UNKNOWN)
            decided |= h == YES
        # The highest level that holds (3: none); with an unknown level above it, a lower bound.
        top = np.full(n, 3, np.int8)
        for j in reversed(range(len(self.holds))):
            top[self.holds[j] == YES] = j
        status = np.where(self.cleared, 4, np.where(undetermined, 5, top)).astype(np.int8)
        level = np.where(self.cleared, 3, top)
        out["level"] = _level_array(level)
        out["reason"] = reason_array(status, _STATUS)
        out["levels_held"] = bits_text(held, LEVELS)
        met = np.zeros(n, np.uint16)
        unk = np.zeros(n, np.uint16)
        for j, c in enumerate(_CONDITIONS):
            met |= (self.cond[c] == YES).astype(np.uint16) << j
            unk |= (self.cond[c] == UNKNOWN).astype(np.uint16) << j
        out["conditions_met"] = _bits_column(met, _CONDITIONS)
        out["conditions_not_recorded"] = _bits_column(unk, _CONDITIONS)
        out["risk_factors"] = _bits_column(self.risk_bits, tuple(RiskFactor), self.risk_known)
        prev = mon.cols.get("previous_level")
        if prev is not None:
            before = np.where(prev.recorded[r], prev.values[r], 3)
            out["previous_level"] = _level_array(before)
            out["level_changed"] = arrays.array(before != level)
        return out


def _level_array(codes: np.ndarray) -> pa.Array:
    """Level codes 0..2 (red, yellow, blue) as a dictionary column; 3 is null (no level)."""
    mask = codes >= 3
    indices = arrays.array(np.where(mask, 0, codes).astype(np.int8), mask=mask)
    return pa.DictionaryArray.from_arrays(indices, arrays.strings([v.value for v in LEVELS]))


def _bits_column(
    bits: np.ndarray, members: tuple[Any, ...], known: np.ndarray | None = None
) -> pa.Array:
    """Set bits as comma-separated values; each mask present is spelled once; null unknown."""
    width = len(members)
    present = np.flatnonzero(np.bincount(bits.astype(np.int64), minlength=1 << width))
    lookup = np.zeros(1 << width, np.int32)
    lookup[present] = np.arange(len(present), dtype=np.int32)
    values = [str(m.value) for m in members]
    words = [
        ",".join([v for j, v in enumerate(values) if code >> j & 1]) for code in present.tolist()
    ]
    mask = None if known is None else ~known
    return pa.DictionaryArray.from_arrays(
        arrays.array(lookup[bits], mask=mask), arrays.strings(words)
    )


Sets = Mapping[str, tuple[np.ndarray, np.ndarray]]


def case_object(frames: Mapping[str, Frame], h: int, sets: Sets) -> MonitoringCase:
    """Ledger row ``h`` of the monitoring table and its members as a `MonitoringCase`."""
    mon = frames["monitored"]
    household = household_object(
        frames,
        "monitored",
        h,
        dibao=mon.value("dibao", h),
        extreme_poverty_support=mon.value("extreme_poverty_support", h),
    )
    found: dict[str, Any] = {}
    for name, enum_type in (("risk_factors", RiskFactor), ("unmet_needs", BasicNeed)):
        bits, known = sets[name]
        found[name] = (
            frozenset(m for j, m in enumerate(enum_type) if int(bits[h]) >> j & 1)
            if known[h]
            else None
        )
    facts = {name: mon.value(name, h) for name in _FACTS}
    return MonitoringCase(
        household=household,
        assessed_on=mon.value("assessed_on", h),
        per_capita_disposable_income=mon.value("per_capita_disposable_income", h),
        category=mon.value("category", h),
        risk_cleared=bool(mon.value("risk_cleared", h)),
        rigid_expenditure=mon.value("rigid_expenditure", h),
        **found,
        **facts,
    )


@register
class Screening(LedgerRule):
    """MON-1 scope groups and MON-3 warning level per household; 监测预警台账."""

    name = "monitoring.screening"
    rule_ids = ("MON-1", "MON-2", "MON-3", "MON-4")
    title = "ledger.rule.monitoring.screening"
    tables = (MONITORED, PERSONS)
    output = "monitored"
    key = "household_id"
    reasons = _STATUS
    sets: Sets

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        mon = frames["monitored"]
        # Bad set cells first, so that their households are not used.
        self.sets = {name: set_column(mon, name, log) for name in ("risk_factors", "unmet_needs")}
        link_members(frames, "monitored", log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        mon = frames["monitored"]
        kernel = _Kernel(frames, policy, self.sets)
        return kernel.rows, kernel.columns(mon)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return rules.screen(case_object(frames, row, self.sets), policy)


SPOT_CHECKS = TableSchema(
    name="spot_checks",
    zh="抽查结果",
    key="village",
    doc="One row per village sampled by the city's supervision group (随机抽查, MON-6).",
    columns=(
        Column(
            name="village",
            zh="村",
            kind=ColumnKind.ID,
            nullable=False,
            aliases=("所在村", "村名", "行政村"),
            doc="The village sampled.",
        ),
        Column(
            name="township",
            zh="乡镇",
            kind=ColumnKind.ID,
            required=False,
            aliases=("鄉鎮",),
            doc="Township (shown only).",
        ),
        Column(
            name="sampled",
            zh="抽查户数",
            kind=ColumnKind.COUNT,
            nullable=False,
            aliases=("抽查戶數",),
            doc="Households sampled (at least 1).",
        ),
        Column(
            name="doubtful",
            zh="疑似问题户数",
            kind=ColumnKind.COUNT,
            nullable=False,
            aliases=("疑似問題戶數", "疑似户数"),
            doc="Sampled households whose warning level is in doubt.",
        ),
    ),
)


@register
class SpotCheck(LedgerRule):
    """MON-6 per village: more than 2% doubtful → every household re-screened; 抽查."""

    name = "monitoring.spot_check"
    rule_ids = ("MON-6",)
    title = "ledger.rule.monitoring.spot_check"
    tables = (SPOT_CHECKS,)
    output = "spot_checks"
    key = "village"
    reasons = ("rescreen_village", "recheck_doubtful")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        f = frames["spot_checks"]
        sampled = f.cols["sampled"]
        doubtful = f.cols["doubtful"]
        ok = ~f.bad
        zero = np.flatnonzero(ok & sampled.recorded & (sampled.values == 0))
        over = np.flatnonzero(
            ok & sampled.recorded & doubtful.recorded & (doubtful.values > sampled.values)
        )
        for rows, column, code in (
            (zero, "sampled", "ledger.error.not_positive"),
            (over, "doubtful", "ledger.error.more_than_sampled"),
        ):
            if len(rows):
                log.add(
                    table="spot_checks",
                    rows=rows,
                    column=f.headers[column],
                    code=code,
                    ids=f.ids().take(arrays.array(rows)),
                )
                f.bad[rows] = True

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        f = frames["spot_checks"]
        rows = np.flatnonzero(f.ok)
        limit = policy.param("monitoring.spot_check_doubtful_rate")
        assert limit.bound is not None
        num, den = limit.fraction.numerator, limit.fraction.denominator
        s = f.cols["sampled"].values[rows].astype(np.int64)
        d = f.cols["doubtful"].values[rows].astype(np.int64)
        # rate = d / s against num / den, in integers (超过: more than).
        lhs, rhs = d * den, num * s
        rescreen = lhs > rhs if limit.bound is Bound.EXCLUSIVE else lhs >= rhs
        town = f.cols.get("township")
        return rows, {
            "township": pa.nulls(len(rows), pa.string())
            if town is None
            else town.values.take(arrays.array(rows)),
            "sampled": arrays.array(s),
            "doubtful": arrays.array(d),
            "rescreen_village": arrays.array(rescreen),
            "reason": reason_array(np.where(rescreen, 0, 1), self.reasons),
        }

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        f = frames["spot_checks"]
        return rules.spot_check(
            f.value("village", row), f.value("sampled", row), f.value("doubtful", row), policy
        )
