"""Peer: a hand-written numpy/pyarrow kernel for the relocation housing subsidy.

The rule (2011 county plan, 深山区移民搬迁扶贫工作方案, 篇3): a person is eligible when all of

1. born strictly before 2011-01-01,
2. household registration (户口) agricultural,
3. registered locally,
4. lives in the area,
5. the household has applied (its ``relocation_applied_on`` is not null).

Three-valued logic: a condition that is known false makes the person *failed*; otherwise a
null (not recorded) fact makes the person *undetermined*, which is not eligible and not paid.
A null application date is "not recorded" (the member is undetermined), as in povertypolicy.

Per household, all amounts int64 fen (1 yuan = 100 fen), exact:
    gross    = 3500 yuan x eligible people
    withheld =  500 yuan x eligible people
    net      = gross - withheld
    tranches = net split 30/30/30/10 by largest remainder (see `largest_remainder`).

Linking persons to households relies on the ledger being grouped: all rows of a household are
adjacent (any household order). Run boundaries are found by comparing adjacent
``household_id`` strings with pyarrow.compute; runs are matched to the households table
positionally when the orders agree (the usual case) and by ``pc.index_in`` otherwise.
A household id that appears in two separate runs is rejected (the ledger is not grouped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "BORN_BEFORE",
    "GROSS_PER_PERSON_FEN",
    "REASONS",
    "TRANCHE_WEIGHTS",
    "WITHHELD_PER_PERSON_FEN",
    "compute",
    "household_reason",
    "household_reasons",
    "largest_remainder",
    "person_status",
]

BORN_BEFORE = dt.date(2011, 1, 1)
AGRICULTURAL = "agricultural"
GROSS_PER_PERSON_FEN = 3500 * 100
WITHHELD_PER_PERSON_FEN = 500 * 100
TRANCHE_WEIGHTS: tuple[int, ...] = (30, 30, 30, 10)  # percent of net, must add up to 100


# --------------------------------------------------------------------------------------------
# Household reason code.  THIS DEFINITION IS PROVISIONAL and will be aligned with the ledger
# engine; change it here only (the scalar version is what the exact reference uses, the
# vectorised one must agree with it).
#
#   undetermined   some member is undetermined (a null fact, no failed condition) and no
#                  member failed a condition -- takes precedence, even over eligible members
#   all_eligible   every member eligible
#   some_eligible  at least one member eligible
#   none_eligible  otherwise (including a household with no person rows)
# --------------------------------------------------------------------------------------------
REASONS: tuple[str, ...] = ("all_eligible", "some_eligible", "none_eligible", "undetermined")
_ALL, _SOME, _NONE, _UNDETERMINED = range(4)


def household_reason(members: int, eligible: int, failed: int, undetermined: int) -> str:
    """Reason code of one household from its member counts (scalar, for the reference).

    As povertypolicy's ``Eligibility.reason``: any undetermined member makes the household
    undetermined, whatever the others.
    """
    if undetermined > 0:
        return "undetermined"
    if members > 0 and eligible == members:
        return "all_eligible"
    if eligible > 0:
        return "some_eligible"
    return "none_eligible"


def household_reasons(
    members: np.ndarray, eligible: np.ndarray, failed: np.ndarray, undetermined: np.ndarray
) -> np.ndarray:
    """Vectorised `household_reason`: int8 indices into `REASONS`."""
    codes = np.full(members.shape, _NONE, dtype=np.int8)
    codes[eligible > 0] = _SOME
    codes[(members > 0) & (eligible == members)] = _ALL
    codes[undetermined > 0] = _UNDETERMINED
    return codes


# --------------------------------------------------------------------------------------------
# Exact tranche split.
# --------------------------------------------------------------------------------------------
def largest_remainder(totals: np.ndarray, weights: Sequence[int] = TRANCHE_WEIGHTS) -> np.ndarray:
    """Split each non-negative int64 total into ``len(weights)`` integer parts, exactly.

    Each part gets ``floor(total * w / sum(weights))``; the fen left over go one each to the
    parts with the largest remainders, ties to the earlier part.  Rows add up to ``totals``.
    """
    totals = np.asarray(totals, dtype=np.int64)
    w = np.asarray(weights, dtype=np.int64)
    if w.ndim != 1 or w.size == 0 or (w < 0).any() or w.sum() == 0:
        raise ValueError("weights must be a non-empty sequence of non-negative integers")
    if totals.size and totals.min() < 0:
        raise ValueError("largest_remainder needs non-negative totals")
    if totals.size and int(totals.max()) * int(w.max()) >= 2**63:
        raise OverflowError("total x weight does not fit in int64")
    denominator = w.sum()
    scaled = totals[:, None] * w[None, :]
    parts = scaled // denominator
    remainders = scaled - parts * denominator
    leftover = totals - parts.sum(axis=1)  # 0 .. len(weights) - 1
    rows = np.flatnonzero(leftover)
    if rows.size:  # only rows with fen left over pay for the sort
        order = np.argsort(-remainders[rows], axis=1, kind="stable")
        rank = np.empty_like(order)
        np.put_along_axis(rank, order, np.arange(w.size)[None, :].repeat(rows.size, 0), axis=1)
        parts[rows] += rank < leftover[rows, None]
    return parts


# --------------------------------------------------------------------------------------------
# Person conditions (Arrow, Kleene logic) and household runs.
# --------------------------------------------------------------------------------------------
def _contiguous(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(column, pa.ChunkedArray):
        if pa.types.is_dictionary(column.type):
            column = column.unify_dictionaries()
        return column.combine_chunks()
    return column


def _is_agricultural(hukou: pa.Array) -> pa.Array:
    """hukou == "agricultural", null where hukou is null; fast path on dictionary indices."""
    if pa.types.is_dictionary(hukou.type):
        position = pc.index(hukou.dictionary, AGRICULTURAL).as_py()
        if position < 0:
            return pc.equal(hukou.indices, pa.scalar(-1, hukou.indices.type))  # all false/null
        return pc.equal(hukou.indices, pa.scalar(position, hukou.indices.type))
    return pc.equal(hukou, pa.scalar(AGRICULTURAL))


def _bool_numpy(array: pa.Array) -> np.ndarray:
    return np.asarray(array.to_numpy(zero_copy_only=False), dtype=bool)


def person_status(
    persons: pa.Table, applied: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(eligible, failed, undetermined) numpy bool arrays, one per person row.

    ``applied`` is the household's application flag already broadcast to persons.
    """
    verdict = pc.and_kleene(
        pc.less(_contiguous(persons["birth_date"]), pa.scalar(BORN_BEFORE, type=pa.date32())),
        _is_agricultural(_contiguous(persons["hukou"])),
    )
    verdict = pc.and_kleene(verdict, _contiguous(persons["registered_locally"]))
    verdict = pc.and_kleene(verdict, _contiguous(persons["lives_in_area"]))
    # A household with no application date: not recorded (null), never "did not apply".
    verdict = pc.and_kleene(verdict, pa.array(applied, type=pa.bool_(), mask=~applied))
    eligible = _bool_numpy(verdict.fill_null(False))
    failed = ~_bool_numpy(verdict.fill_null(True))
    undetermined = _bool_numpy(verdict.is_null())
    return eligible, failed, undetermined


def household_runs(
    person_household_id: pa.Array, household_id: pa.Array
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(starts, lengths, household row) of each run of equal adjacent household ids."""
    n = len(person_household_id)
    if person_household_id.null_count:
        raise ValueError("persons.household_id has nulls")
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    change = _bool_numpy(pc.not_equal(person_household_id[1:], person_household_id[:-1]))
    starts = np.concatenate(([0], np.flatnonzero(change) + 1)).astype(np.int64)
    lengths = np.diff(np.append(starts, n))
    run_ids = person_household_id.take(pa.array(starts))
    if len(run_ids) == len(household_id) and run_ids.equals(household_id.cast(run_ids.type)):
        return starts, lengths, np.arange(len(starts), dtype=np.int64)
    rows = pc.index_in(run_ids, value_set=household_id)
    if rows.null_count:
        missing = run_ids.filter(rows.is_null())[0].as_py()
        raise ValueError(f"person rows for household {missing!r}, which is not in households")
    row = rows.to_numpy().astype(np.int64)
    if np.unique(row).size != row.size:
        raise ValueError("persons are not grouped by household (a household id recurs)")
    return starts, lengths, row


# --------------------------------------------------------------------------------------------
# The kernel.
# --------------------------------------------------------------------------------------------
def compute(persons: pa.Table, households: pa.Table) -> pa.Table:
    """One row per household (households order): counts, fen amounts, tranches, reason."""
    household_id = _contiguous(households["household_id"])
    n_households = len(household_id)
    starts, lengths, row = household_runs(_contiguous(persons["household_id"]), household_id)

    applied_household = _bool_numpy(_contiguous(households["relocation_applied_on"]).is_valid())
    applied = np.repeat(applied_household[row], lengths)
    eligible, failed, _ = person_status(persons, applied)

    # One reduceat instead of three: eligible, failed and undetermined are mutually exclusive,
    # so pack eligible + failed * 2**32 (households have far fewer than 2**32 members).
    members = np.zeros(n_households, dtype=np.int64)
    members[row] = lengths
    eligible_count = np.zeros(n_households, dtype=np.int64)
    failed_count = np.zeros(n_households, dtype=np.int64)
    if starts.size:
        packed = eligible.astype(np.int64)
        packed[failed] = 1 << 32
        sums = np.add.reduceat(packed, starts)
        eligible_count[row] = sums & 0xFFFFFFFF
        failed_count[row] = sums >> 32
    undetermined_count = members - eligible_count - failed_count

    gross = eligible_count * GROSS_PER_PERSON_FEN
    withheld = eligible_count * WITHHELD_PER_PERSON_FEN
    net = gross - withheld
    tranches = largest_remainder(net, TRANCHE_WEIGHTS)
    reasons = household_reasons(members, eligible_count, failed_count, undetermined_count)

    columns: dict[str, pa.Array] = {
        "household_id": household_id,
        "members": pa.array(members),
        "eligible": pa.array(eligible_count),
        "failed": pa.array(failed_count),
        "undetermined": pa.array(undetermined_count),
        "gross_fen": pa.array(gross),
        "withheld_fen": pa.array(withheld),
        "net_fen": pa.array(net),
    }
    for k in range(tranches.shape[1]):
        columns[f"tranche_{k + 1}_fen"] = pa.array(np.ascontiguousarray(tranches[:, k]))
    columns["reason"] = pa.DictionaryArray.from_arrays(
        pa.array(reasons), pa.array(REASONS, type=pa.string())
    )
    return pa.table(columns)
