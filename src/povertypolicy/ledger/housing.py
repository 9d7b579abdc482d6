"""Housing subsidy over a ledger (poverty-work-plan-samples 篇3): HOUSE-1..HOUSE-5 as numpy kernels;
建房补助台账.

The kernels compute the same numbers and reason codes as `povertypolicy.rules.housing`
(property tests prove it over generated populations); ``result`` calls that module's rules
for one household, so an explanation is always the single-household one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from ..domain.enums import HukouType
from ..domain.housing import BuildProgress, Milestone
from ..domain.person import Household, Person
from ..errors import InputError, RuleError
from ..explain import Result
from ..money import Money
from ..policy import Policy
from ..rules import housing as rules
from . import arrays
from .columns import (
    admits_days,
    bits_text,
    decimal_column,
    group_counts,
    group_or,
    linked_rows,
    members_of,
    per_child,
)
from .engine import LedgerRule, reason_array, register
from .errors import ErrorLog
from .frame import Frame, link
from .housing_tables import HOUSEHOLDS, PERSONS, PROGRESS
from .objects import per_row
from .parse import constant, is_constant

__all__ = ["HOUSEHOLDS", "PERSONS", "PROGRESS", "household_object"]

_CONDITIONS = tuple(rules.Condition)
_HUKOU_AGRI = list(HukouType).index(HukouType.AGRICULTURAL)
_MILESTONES = tuple(Milestone)


def _person(persons: Frame, i: int) -> Person:
    fields = ("name", "sex", "id_number", "hukou", "registered_locally", "lives_in_area")
    extra = {f: persons.value(f, i) for f in fields if f in persons.cols}
    if extra.get("name") is None:
        extra.pop("name", None)
    return Person(
        id=persons.value("person_id", i),
        birth_date=persons.value("birth_date", i),
        **{k: v for k, v in extra.items() if k == "name" or v is not None},
    )


def household_object(frames: Mapping[str, Frame], h: int) -> Household:
    """Household row ``h`` and its person rows as a `Household`."""
    persons, households = frames["persons"], frames["households"]
    members = tuple(_person(persons, int(i)) for i in members_of(persons, h))
    return Household(
        id=households.value("household_id", h),
        members=members,
        head_id=households.value("head_id", h),
        village=households.value("village", h),
        relocation_applied_on=households.value("relocation_applied_on", h),
    )


def _link_members(frames: Mapping[str, Frame], log: ErrorLog) -> None:
    """Persons → households; a household with a bad member row, or none, is held back."""
    persons, households = frames["persons"], frames["households"]
    link(persons, households, log)
    parent = persons.parent
    assert parent is not None
    n_h = len(households)
    linked = linked_rows(persons)
    bad_count, size = group_counts(persons, (persons.bad, linked), n_h)
    bad_member = bad_count > 0
    rows = households.mark_held(bad_member)
    ids = households.ids()
    if len(rows):
        log.add(
            table="households",
            rows=rows,
            column=persons.headers["household_id"],
            code="ledger.error.member_row",
            ids=ids.take(arrays.array(rows)),
        )
    empty = np.flatnonzero((size == 0) & ~households.bad & ~households.held)
    if len(empty):
        log.add(
            table="households",
            rows=empty,
            column=persons.headers["household_id"],
            code="ledger.error.no_members",
            ids=ids.take(arrays.array(empty)),
        )
        households.bad[empty] = True
    household_ok = households.ok
    if household_ok.all():
        return  # no person is held back for their household
    if is_constant(linked, True) or linked.all():
        not_ok = ~household_ok[parent]
    else:
        not_ok = np.zeros(len(persons), bool)
        not_ok[linked] = ~household_ok[parent[linked]]
    rows = persons.mark_held(not_ok)
    if len(rows):
        log.add(
            table="persons",
            rows=rows,
            column=persons.headers["household_id"],
            code="ledger.error.household_row",
            ids=persons.ids().take(arrays.array(rows)),
        )


def _member_conditions(
    frames: Mapping[str, Frame], policy: Policy
) -> tuple[np.ndarray, np.ndarray]:
    """Per person: bitmasks of conditions failed and not recorded (HOUSE-1), in Condition order."""
    persons, households = frames["persons"], frames["households"]
    parent = persons.parent
    assert parent is not None
    cutoff = policy.param("housing.birth_cutoff")
    birth = persons.cols["birth_date"]
    hukou = persons.cols["hukou"]
    local = persons.cols["registered_locally"]
    lives = persons.cols["lives_in_area"]
    applied = households.cols["relocation_applied_on"].recorded
    if not applied.all():
        applied = per_child(persons, applied)
    checks: tuple[tuple[Callable[[], np.ndarray] | None, np.ndarray], ...] = (
        (lambda: admits_days(cutoff, birth.values), birth.recorded),
        (lambda: hukou.values == _HUKOU_AGRI, hukou.recorded),
        (lambda: local.values, local.recorded),
        (lambda: lives.values, lives.recorded),
        (None, applied),  # not recorded is "not recorded", not "no"
    )
    failed = np.zeros(len(persons), np.uint8)
    unknown = np.zeros(len(persons), np.uint8)
    for bit, (ok, recorded) in enumerate(checks):
        every = is_constant(recorded, True)
        if ok is not None:
            # Recorded and not met (True > False): the condition failed.
            _set_bit(failed, np.greater(recorded, ok()), bit)
        if not every and not recorded.all():
            _set_bit(unknown, np.logical_not(recorded), bit)
    return failed, unknown


def _set_bit(bits: np.ndarray, mask: np.ndarray, bit: int) -> None:
    """Set bit ``bit`` of ``bits`` (uint8) where ``mask`` (a temporary, shifted in place)."""
    flags = mask.view(np.uint8)
    if bit:
        np.left_shift(flags, np.uint8(bit), out=flags)
    np.bitwise_or(bits, flags, out=bits)


@register
class Eligibility(LedgerRule):
    """HOUSE-1 per person: eligible, failed conditions, facts not recorded; 搬迁对象认定."""

    name = "housing.eligibility"
    rule_ids = ("HOUSE-1",)
    title = "ledger.rule.housing.eligibility"
    tables = (HOUSEHOLDS, PERSONS)
    output = "persons"
    key = "person_id"
    reasons = ("eligible", "ineligible", "undetermined")
    parts = ("persons", "households")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        _link_members(frames, log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        persons = frames["persons"]
        failed, unknown = _member_conditions(frames, policy)
        rows = np.flatnonzero(persons.ok)
        f, u = failed[rows], unknown[rows]
        code = np.where(f > 0, 1, np.where(u > 0, 2, 0))
        return rows, {
            "household_id": persons.cols["household_id"].values.take(arrays.array(rows)),
            "eligible": arrays.array(code == 0),
            "reason": reason_array(code, self.reasons),
            "failed": bits_text(f, _CONDITIONS),
            "not_recorded": bits_text(u, _CONDITIONS),
        }

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        parent = frames["persons"].parent
        assert parent is not None
        return rules.eligibility(household_object(frames, int(parent[row])), policy)


@register
class Subsidy(LedgerRule):
    """HOUSE-1..3, HOUSE-5 per household: eligible people, gross, withheld, net, tranches."""

    name = "housing.subsidy"
    rule_ids = ("HOUSE-1", "HOUSE-2", "HOUSE-3", "HOUSE-5")
    title = "ledger.rule.housing.subsidy"
    tables = (HOUSEHOLDS, PERSONS)
    output = "households"
    key = "household_id"
    reasons = ("all_eligible", "some_eligible", "none_eligible", "undetermined")
    parts = ("persons", "households")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        _link_members(frames, log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        persons, households = frames["persons"], frames["households"]
        n_h = len(households)
        failed, unknown = _member_conditions(frames, policy)
        use = (
            persons.ok if persons.bad.any() or persons.held.any() else constant(True, len(persons))
        )
        # Conditions failed (low byte) and not recorded (high byte), OR-ed in one pass.
        both = unknown.astype(np.uint16)
        del unknown
        np.left_shift(both, np.uint16(8), out=both)
        np.bitwise_or(both, failed, out=both)
        # Eligible: every condition met; passed: none failed. The others of the passed
        # (used) members are undetermined.
        eligible = both == 0
        passed = failed == 0
        del failed
        if not is_constant(use, True):
            eligible &= use
            passed &= use
        ok = households.ok
        rows = np.flatnonzero(ok)
        every = len(rows) == n_h  # no household held back: no row to drop

        def kept(column: np.ndarray) -> np.ndarray:
            return column if every else column[rows]

        people, members, passing = (
            kept(c) for c in group_counts(persons, (eligible, use, passed), n_h)
        )
        del eligible, passed
        pending = passing - people
        del passing
        ors = kept(group_or(persons, both, use, n_h, 16))
        del both, use
        failed_any = (ors & np.uint16(0xFF)).astype(np.uint8)
        unknown_any = (ors >> np.uint16(8)).astype(np.uint8)
        code = np.full(len(rows), 2, np.int8)  # none eligible
        code[people > 0] = 1
        code[people == members] = 0
        code[pending > 0] = 3
        cols: dict[str, pa.Array] = {
            "reason": reason_array(code, self.reasons),
            "members": arrays.array(members.astype(np.int32, copy=False)),
            "eligible_people": arrays.array(people.astype(np.int32, copy=False)),
            "undetermined_people": arrays.array(pending.astype(np.int32, copy=False)),
            "failed": bits_text(failed_any, _CONDITIONS),
            "not_recorded": bits_text(unknown_any, _CONDITIONS),
        }
        cols.update(subsidy_columns(people, policy))
        return rows, cols

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        return rules.housing_subsidy(household_object(frames, row), policy)


def subsidy_columns(people: np.ndarray, policy: Policy) -> dict[str, pa.Array]:
    """HOUSE-2, -3, -5 over households with ``people`` eligible: exact fen, exact m³."""
    rate_money = policy.param("housing.subsidy_per_person").money
    rate = rate_money.fen
    levels = [
        policy.param(f"housing.subsidy_{lv}_per_person").money.fen
        for lv in ("province", "city", "county")
    ]
    if sum(levels) != rate:
        # The same check, and the same message, as the single-household rule.
        raise RuleError(
            rule="HOUSE-2",
            message=(
                f"the funding levels add up to {Money.from_fen(sum(levels))} per person but the "
                f"subsidy is {rate_money} per person; check the policy pack"
            ),
            code="housing.error.funding_levels",
            extra={"levels": Money.from_fen(sum(levels)), "subsidy": rate_money},
        )
    withheld_rate = policy.param("housing.withheld_per_person").money.fen
    if withheld_rate > rate:
        raise RuleError(
            rule="HOUSE-2",
            message="the amount withheld per person exceeds the subsidy per person",
            code="housing.error.withheld_exceeds_subsidy",
            extra={"withheld": Money.from_fen(withheld_rate), "subsidy": rate_money},
        )
    # The tranches and the timber depend only on the number of people: each is a small
    # table of the possible counts (0 .. the largest), looked up per household.
    top = int(people.max()) if len(people) else 0
    counts = np.arange(top + 1, dtype=np.int64)

    heads = people.astype(np.intp)  # also the look-up index (numpy gathers fastest by intp)

    def per_count(table: np.ndarray) -> pa.Array:
        return arrays.array(np.take(table, heads).astype(np.int64, copy=False))

    cols: dict[str, pa.Array] = {
        name: arrays.array(heads.astype(np.int64, copy=False) * np.int64(fen))
        for name, fen in (
            ("gross_fen", rate),
            ("withheld_fen", withheld_rate),
            ("net_fen", rate - withheld_rate),
            ("province_fen", levels[0]),
            ("city_fen", levels[1]),
            ("county_fen", levels[2]),
        )
    }
    shares = [policy.param(rules._TRANCHE_PARAMS[m]).decimal for m in _MILESTONES]
    if sum(shares) != 100:
        raise RuleError(
            rule="HOUSE-3",
            message=(
                f"the tranche shares add up to {sum(shares)}%, not 100%; check the policy pack"
            ),
            code="housing.error.tranche_shares",
            extra={"total": sum(shares)},
        )
    # The split depends only on the number of people: split each distinct count once.
    table, took_table = allocate_rows(counts * (rate - withheld_rate), shares)
    for j, m in enumerate(_MILESTONES):
        cols[f"tranche_{m.value}_fen"] = per_count(np.ascontiguousarray(table[:, j]))
    cols["rounding_fen_to"] = bits_text(np.take(took_table, heads), _MILESTONES)
    timber = policy.param("housing.timber_per_person").decimal
    exp = timber.as_tuple().exponent
    exponent = -exp if isinstance(exp, int) and exp < 0 else 0
    scaled = int(timber.scaleb(exponent))
    cols["timber_m3"] = decimal_column(counts * scaled, exponent).take(arrays.array(people))
    return cols


def allocate_rows(totals: np.ndarray, weights: list[Decimal]) -> tuple[np.ndarray, np.ndarray]:
    """Largest-remainder split of each row's total by ``weights``, as `Money.allocate()`.

    Returns the parts (rows × weights, int64 fen) and a bitmask per row of the parts that
    took a rounding fen (ties: the earlier part).
    """
    from .._exact import scale_to_integers

    scaled = scale_to_integers(weights)
    if scaled is None:
        raise RuleError(
            rule="HOUSE-3",
            message="tranche weights must have a positive sum",
            code="housing.error.tranche_weights",
        )
    w = np.array(scaled, dtype=np.int64)
    total_w = int(w.sum())
    whole = np.abs(totals)
    if len(whole) and int(whole.max()) * int(w.max()) >= 2**62:
        raise RuleError(
            rule="HOUSE-3",
            message="amounts too large for the exact column split",
            code="housing.error.split_too_large",
        )
    product = whole[:, None] * w[None, :]
    floors = product // total_w
    rema = product % total_w
    left = whole - floors.sum(axis=1)
    # Rank parts by remainder, largest first, ties to the earlier part (a stable sort).
    order = np.argsort(-rema, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(len(w))[None, :].repeat(len(whole), 0), axis=1)
    extra = ranks < left[:, None]
    parts = (floors + extra) * np.sign(totals)[:, None]
    took = np.zeros(len(whole), np.uint8)
    for j in range(len(w)):
        took |= extra[:, j].astype(np.uint8) << j
    return parts.astype(np.int64), took


@register
class Release(LedgerRule):
    """HOUSE-3, HOUSE-4 over a progress ledger: what to pay each household now; 分期拨付."""

    name = "housing.release"
    rule_ids = ("HOUSE-1", "HOUSE-2", "HOUSE-3", "HOUSE-4")
    title = "ledger.rule.housing.release"
    tables = (HOUSEHOLDS, PERSONS, PROGRESS)
    output = "progress"
    key = "household_id"
    reasons = ("pays_now", "nothing_due", "all_paid", "owes")

    def prepare(self, frames: Mapping[str, Frame], log: ErrorLog) -> None:
        _link_members(frames, log)
        # The progress table's key is also its link to the household.
        _link_progress(frames["progress"], frames["households"], log)

    def compute(
        self, frames: Mapping[str, Frame], policy: Policy, log: ErrorLog
    ) -> tuple[np.ndarray, dict[str, pa.Array]]:
        progress = frames["progress"]
        self.as_of_date()

        def one(i: int) -> dict[str, Any]:
            res = self.result(frames, i, policy).value
            if res.payable_now:
                reason = "pays_now"
            elif res.owed_by_household:
                reason = "owes"
            elif all(t.state is rules.TrancheState.PAID for t in res.tranches):
                reason = "all_paid"
            else:
                reason = "nothing_due"
            out: dict[str, Any] = {
                "reason": reason,
                "payable_now_fen": res.payable_now.fen,
                "paid_before_fen": res.paid_before.fen,
                "deduction_fen": res.deduction.fen,
                "owed_by_household_fen": res.owed_by_household.fen,
            }
            for t in res.tranches:
                out[f"{t.milestone.value}_state"] = t.state.value
            return out

        return per_row(progress, np.flatnonzero(progress.ok), one, log)

    def result(self, frames: Mapping[str, Frame], row: int, policy: Policy) -> Result[Any]:
        progress = frames["progress"]
        assert progress.parent is not None
        h = int(progress.parent[row])
        subsidy = rules.housing_subsidy(household_object(frames, h), policy).value
        paid = tuple(m for m in _MILESTONES if progress.value(f"paid_{m.value}", row))
        township = progress.value("demolished_by_township", row)
        cost = progress.value("demolition_cost", row)
        build = BuildProgress(
            foundation_accepted_on=progress.value("foundation_accepted_on", row),
            first_storey_on=progress.value("first_storey_on", row),
            second_storey_on=progress.value("second_storey_on", row),
            old_house_demolished_on=progress.value("old_house_demolished_on", row),
            demolished_by_township=township,
            demolition_cost=cost,
            paid=paid,
        )
        return rules.release_tranches(subsidy, build, policy, as_of=self.as_of_date())

    def as_of_date(self) -> dt.date:
        """The payment date the run was given (``as_of=``)."""
        if self.as_of is None:
            raise InputError(
                obj="ledger housing.release",
                field="as_of",
                value=None,
                expected="the payment date (as_of=)",
                code="ledger.error.no_payment_date",
                extra={"option": "as_of="},
            )
        return self.as_of


def _link_progress(progress: Frame, households: Frame, log: ErrorLog) -> None:
    """Progress rows → household rows by household id; held back when the household is."""
    from .frame import _link_hash

    ids = progress.ids()
    pos = _link_hash(ids, households.ids())
    recorded = progress.cols["household_id"].recorded
    pos = np.where(recorded, pos, -1)
    progress.parent = pos
    unknown = np.flatnonzero(recorded & (pos < 0) & ~progress.bad)
    if len(unknown):
        log.add(
            table="progress",
            rows=unknown,
            column=progress.headers["household_id"],
            code="ledger.error.unknown_parent",
            ids=ids.take(arrays.array(unknown)),
            values=ids.take(arrays.array(unknown)),
            args={"parent": households.schema.zh},
        )
        progress.bad[unknown] = True
    linked = pos >= 0
    not_ok = np.zeros(len(progress), bool)
    not_ok[linked] = ~households.ok[pos[linked]]
    rows = progress.mark_held(not_ok)
    if len(rows):
        log.add(
            table="progress",
            rows=rows,
            column=progress.headers["household_id"],
            code="ledger.error.household_row",
            ids=ids.take(arrays.array(rows)),
        )
