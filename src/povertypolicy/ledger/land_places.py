"""Insurance places over a ledger: LAND-8 per case, LAND-9 (and LAND-10) per household.

以地定量 / 人地对应台账. Each case is one call of `quota_by_land()`
or `allocate_places()`; the numbers are that rule's.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pyarrow as pa

from ..explain import Result
from ..policy import Policy
from ..rules import land as rules
from .engine import LedgerRule, register
from .errors import ErrorLog
from .frame import Frame, reading_cells
from .land import (
    CASES,
    HOUSEHOLDS,
    PARCELS,
    PERSONS,
    case_rows,
    expropriation_object,
    output_table,
    prepare_cases,
    solve_cases,
)
from .schema import TableSchema

__all__ = ["Places", "Quota", "exact_text", "places_result"]


def require(schema: TableSchema, *names: str) -> TableSchema:
    """``schema`` with the columns ``names`` required (a rule that cannot do without them)."""
    cols = tuple(attrs.evolve(c, required=True) if c.name in names else c for c in schema.columns)
    return attrs.evolve(schema, columns=cols)


def optional(schema: TableSchema, *names: str) -> TableSchema:
    """``schema`` with the columns ``names`` optional (a rule that does not read them)."""
    cols = tuple(attrs.evolve(c, required=False) if c.name in names else c for c in schema.columns)
    return attrs.evolve(schema, columns=cols)


def exact_text(value: Fraction) -> str:
    """An exact number as text: a terminating decimal ("30.5"), else a fraction ("100/3")."""
    n, d = value.numerator, value.denominator
    rest, twos, fives = d, 0, 0
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:
        return f"{n}/{d}"
    k = max(twos, fives)
    return format(Decimal(n * 10**k // d).scaleb(-k), "f")


_QUOTA_CASES = require(CASES, "village_land", "population_16_plus", "already_insured")
_QUOTA_PARCELS = optional(PARCELS, "contracted_by")


@register
class Quota(LedgerRule):
    """LAND-8 per case: the village's insurance places by the land it lost; 以地定量."""

    name = "land.quota"
    rule_ids = ("LAND-8",)
    title = "ledger.rule.land.quota"
    tables = (_QUOTA_CASES, _QUOTA_PARCELS)
    output = "cases"
    key = "case_id"
    reasons = ("by_land", "capped")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        prepare_cases(frames, log)

    @reading_cells
    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        cases = frames["cases"]
        done = solve_cases(frames, log, lambda c: self.result(frames, c, policy).value)
        rows = sorted(done)
        out = []
        for c in rows:
            q = done[c]
            out.append(
                {
                    "collective": cases.value("collective", c),
                    "farmland_mu": exact_text(q.expropriated_area.in_unit("mu")),
                    "village_land_mu": exact_text(q.village_land.in_unit("mu")),
                    "population_16_plus": q.population_16_plus,
                    "already_insured": q.already_insured,
                    "unrounded": exact_text(q.unrounded),
                    "rounded": q.rounded,
                    "cap": q.cap,
                    "places": q.places,
                    "capped": q.capped,
                    "reason": "capped" if q.capped else "by_land",
                }
            )
        types = {
            "collective": pa.string(),
            "farmland_mu": pa.string(),
            "village_land_mu": pa.string(),
            "population_16_plus": pa.int64(),
            "already_insured": pa.int64(),
            "unrounded": pa.string(),
            "rounded": pa.int64(),
            "cap": pa.int64(),
            "places": pa.int64(),
            "capped": pa.bool_(),
            "reason": pa.string(),
        }
        return np.array(rows, np.int64), output_table(out, types)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return rules.quota_by_land(expropriation_object(frames, row), policy)


def places_result(
    frames: Mapping[str, Frame], c: int, policy: Policy
) -> Result[rules.PlaceAllocation]:
    """LAND-9 for case row ``c`` (LAND-10 too when waived or adjustment places are recorded).

    The quota is the case's ``quota`` cell when recorded, else LAND-8's places for the case.
    With LAND-10 the result is the reallocation, its steps LAND-9's followed by LAND-10's.
    """
    cases, households = frames["cases"], frames["households"]
    exp = expropriation_object(frames, c)
    quota = cases.value("quota", c)
    if quota is None:
        quota = rules.quota_by_land(exp, policy).value
    alloc = rules.allocate_places(exp, quota, policy)
    waived: dict[str, int] = {}
    for h in case_rows(households, c):
        n = households.value("waived", h)
        if n is not None:
            waived[households.value("household_id", h)] = n
    adjustment = cases.value("adjustment_places", c)
    if not waived and adjustment is None:
        return alloc
    again = rules.reallocate_places(alloc.value, waived, adjustment_places=adjustment or 0)
    return Result(value=again.value, steps=alloc.steps + again.steps)


@register
class Places(LedgerRule):
    """LAND-9 per household: places by contracted farmland lost (LAND-10 if waived); 人地对应."""

    name = "land.places"
    per = "household of each case"
    rule_ids = ("LAND-8", "LAND-9", "LAND-10")
    title = "ledger.rule.land.places"
    tables = (CASES, PARCELS, HOUSEHOLDS, PERSONS)
    output = "households"
    key = "id"  # "<case_id>/<household_id>"
    reasons = ("places_given", "no_place_left", "no_eligible_member", "no_farmland_taken")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        prepare_cases(frames, log)

    @reading_cells
    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        cases, households = frames["cases"], frames["households"]
        done = solve_cases(frames, log, lambda c: places_result(frames, c, policy).value)
        rows: list[int] = []
        out: list[dict[str, Any]] = []
        for c in sorted(done):
            alloc = done[c]
            by_id = {h.household: h for h in alloc.households}
            case_id = cases.value("case_id", c)
            for h in case_rows(households, c):
                hid = households.value("household_id", h)
                hp = by_id.get(hid)
                row: dict[str, Any] = {
                    "id": f"{case_id}/{hid}",
                    "case_id": case_id,
                    "household_id": hid,
                    "quota": alloc.quota,
                    "area_mu": None,
                    "eligible_members": None,
                    "places": 0,
                    "unrounded": None,
                    "took_remainder": False,
                    "waived": 0,
                    "added": 0,
                    "reason": "no_farmland_taken",
                }
                if hp is not None:
                    if hp.places:
                        reason = "places_given"
                    elif hp.eligible:
                        reason = "no_place_left"
                    else:
                        reason = "no_eligible_member"
                    row.update(
                        area_mu=exact_text(hp.area_mu),
                        eligible_members=len(hp.eligible),
                        places=hp.places,
                        unrounded=exact_text(hp.unrounded),
                        took_remainder=hp.took_remainder,
                        waived=hp.waived,
                        added=hp.added,
                        reason=reason,
                    )
                rows.append(h)
                out.append(row)
        types = {
            # The composite id replaces the engine's key column (household ids alone).
            "id": pa.string(),
            "case_id": pa.string(),
            "household_id": pa.string(),
            "quota": pa.int64(),
            "area_mu": pa.string(),
            "eligible_members": pa.int64(),
            "places": pa.int64(),
            "unrounded": pa.string(),
            "took_remainder": pa.bool_(),
            "waived": pa.int64(),
            "added": pa.int64(),
            "reason": pa.string(),
        }
        return np.array(rows, np.int64), output_table(out, types)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        parent = frames["households"].parent
        assert parent is not None
        return places_result(frames, int(parent[row]), policy)
