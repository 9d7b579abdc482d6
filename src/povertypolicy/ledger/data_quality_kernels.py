"""Numpy kernels of the data-quality checks: identity numbers on the bytes of the Arrow string
buffer (DATA-1) and the interval sweeps over pairings (DATA-3); 数据清洗内核.

Each kernel gives the same answer as its single-record rule in
`povertypolicy.rules.data_quality` (property tests prove it over generated ledgers).
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import pyarrow as pa

from ..domain.id_number import CHECK_CHARS, ID_PROBLEMS, PROVINCE_CODES, WEIGHTS
from .arrays import numpy, scalar

__all__ = [
    "BIT",
    "IdKernel",
    "Spans",
    "civil_days",
    "household_spans",
    "id_kernel",
    "overloads",
]

#: The bit of each DATA-1 problem in `IdKernel.bits`.
BIT = {name: 1 << i for i, name in enumerate(ID_PROBLEMS)}
_WEIGHTS = np.array(WEIGHTS, np.int32)
_CHECK = np.frombuffer(CHECK_CHARS.encode(), np.uint8)
_PROVINCE = np.zeros(100, bool)
_PROVINCE[[int(code) for code in PROVINCE_CODES]] = True
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], np.int64)


def civil_days(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of valid proleptic Gregorian dates (H. Hinnant's days_from_civil)."""
    y = y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    out: np.ndarray = era * 146097 + doe - 719468
    return out


def _valid_date(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    month = np.clip(m, 0, 12)
    last = _MONTH_DAYS[month] + ((month == 2) & leap)
    ok: np.ndarray = (y >= 1) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= last)
    return ok


@attrs.frozen(kw_only=True)
class IdKernel:
    """Per row: problem bits (`BIT`), a key of the 18-digit form (−1: no well-formed
    number), the sex code (0 male, 1 female, −1) and birth day (days) the number says, and
    the check character it needs (0 where not an 18-digit number)."""

    bits: np.ndarray
    key: np.ndarray
    sex: np.ndarray
    birth: np.ndarray
    check: np.ndarray


def _string_parts(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, data bytes) of an Arrow string array, zero-copy."""
    n = len(arr)
    _, off_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(off_buf, np.int32, n + 1, arr.offset * 4)
    data = np.zeros(0, np.uint8) if data_buf is None else np.frombuffer(data_buf, np.uint8)
    return offsets, data


def _gather(data: np.ndarray, starts: np.ndarray, width: int) -> np.ndarray:
    """``width`` bytes from each start, as a (rows, width) uint8 block."""
    if not len(starts):
        return np.zeros((0, width), np.uint8)
    step = np.diff(starts)
    if len(starts) == 1 or (step == width).all():
        first = int(starts[0])
        return data[first : first + width * len(starts)].reshape(len(starts), width)
    windows = np.lib.stride_tricks.sliding_window_view(data, width)
    block: np.ndarray = windows[starts]
    return block


def _facts(body: np.ndarray) -> tuple[np.ndarray, ...]:
    """From (rows, 17) body digits: the check sum mod 11, the body as an integer, the birth
    year, month and day, the province code and the sequence's last digit. One pass per
    column keeps every temporary one value per row."""
    k = len(body)
    total = np.zeros(k, np.int32)
    whole = np.zeros(k, np.int64)
    for i in range(17):
        col = body[:, i].astype(np.int32)
        total += col * int(WEIGHTS[i])
        whole = whole * 10 + col

    def num(a: int, b: int) -> np.ndarray:
        out = np.zeros(k, np.int64)
        for i in range(a, b):
            out = out * 10 + body[:, i]
        return out

    return total % 11, whole, num(6, 10), num(10, 12), num(12, 14), num(0, 2), body[:, 16]


def id_kernel(
    values: pa.Array,
    recorded: np.ndarray,
    on_days: int,
    sex: np.ndarray | None = None,
    birth: np.ndarray | None = None,
    birth_recorded: np.ndarray | None = None,
) -> IdKernel:
    """DATA-1 over a column of identity numbers (read as text), vectorised on the bytes.

    ``sex`` holds recorded sex codes (−1: not recorded), ``birth`` recorded birth days with
    ``birth_recorded``. Duplicates are found apart (`duplicate_rows()`).
    """
    if pa.types.is_large_string(values.type):
        values = values.cast(pa.string())
    n = len(values)
    offsets, data = _string_parts(values)
    lengths = np.diff(offsets)
    bits = np.zeros(n, np.uint16)
    bits[~recorded] = BIT["missing"]
    key = np.full(n, -1, np.int64)
    num_sex = np.full(n, -1, np.int8)
    num_birth = np.zeros(n, np.int32)
    check = np.zeros(n, np.uint8)
    rows18 = np.flatnonzero(recorded & (lengths == 18))
    rows15 = np.flatnonzero(recorded & (lengths == 15))
    b18 = _gather(data, offsets[rows18], 18)
    d18 = b18 - np.uint8(48)
    last = b18[:, 17]
    is_x = (last == 88) | (last == 120)
    ok18 = (d18[:, :17] <= 9).all(axis=1) & ((d18[:, 17] <= 9) | is_x)
    d15 = _gather(data, offsets[rows15], 15) - np.uint8(48)
    ok15 = (d15 <= 9).all(axis=1)
    well = np.zeros(n, bool)
    if not ok18.all():
        rows18, d18, last = rows18[ok18], d18[ok18], last[ok18]
    rows15, d15 = rows15[ok15], d15[ok15]
    well[rows18] = True
    well[rows15] = True
    bits[recorded & ~well] |= BIT["format"]
    bits[rows15] |= BIT["old_format"]
    # The old form's body: 19 before its two-digit year (GB 11643—1999 replaced GB 11643—1989).
    old = np.empty((len(rows15), 17), np.uint8)
    old[:, :6], old[:, 6], old[:, 7], old[:, 8:] = d15[:, :6], 1, 9, d15[:, 6:]
    rows = np.concatenate([rows18, rows15])
    facts = [np.concatenate(pair) for pair in zip(_facts(d18[:, :17]), _facts(old), strict=True)]
    mod, whole, y, m, d, province, seq = facts
    needed = _CHECK[mod]
    given = np.concatenate([np.where(last == 120, 88, last), needed[len(rows18) :]])
    bits[rows[given != needed]] |= BIT["check_digit"]
    check[rows18] = needed[: len(rows18)]
    key[rows] = whole * 11 + np.where(given == 88, 10, given.astype(np.int64) - 48)
    date_ok = _valid_date(y, m, d)
    days = np.where(date_ok, civil_days(y, m, d), 0)
    date_ok &= days <= on_days
    bits[rows[~date_ok]] |= BIT["birth_date"]
    num_birth[rows] = np.where(date_ok, days, 0)
    bits[rows[~_PROVINCE[province]]] |= BIT["province"]
    code = (1 - seq % 2).astype(np.int8)  # odd: male (0), even: female (1)
    num_sex[rows] = code
    if sex is not None:
        given_sex = sex[rows]
        bits[rows[(given_sex >= 0) & (given_sex != code)]] |= BIT["sex_mismatch"]
    if birth is not None and birth_recorded is not None:
        differs = date_ok & birth_recorded[rows] & (birth[rows] != days)
        bits[rows[differs]] |= BIT["birth_mismatch"]
    return IdKernel(bits=bits, key=key, sex=num_sex, birth=num_birth, check=check)


def duplicate_rows(key: np.ndarray) -> np.ndarray:
    """Rows whose key (well-formed number) occurs on more than one row."""
    have = np.flatnonzero(key >= 0)
    if len(have) < 2:
        return np.zeros(0, np.int64)
    order = np.argsort(key[have], kind="stable")
    sk = key[have][order]
    same = sk[1:] == sk[:-1]
    if not same.any():
        return np.zeros(0, np.int64)
    dup = np.zeros(len(sk), bool)
    dup[1:] |= same
    dup[:-1] |= same
    return np.sort(have[order[dup]])


# -- DATA-3: interval sweeps ------------------------------------------------------------------

_SHIFT = 1 << 22  # more days than any ledger spans: group codes are added above the day number


@attrs.frozen(kw_only=True)
class Spans:
    """Disjoint day spans (first and last day, both included) per group, sorted by group and day."""

    group: np.ndarray
    start: np.ndarray
    end: np.ndarray


def merge_spans(group: np.ndarray, start: np.ndarray, end: np.ndarray) -> Spans:
    """The union of each group's spans (touching spans joined), vectorised: sort by group and
    start, a running maximum of the end within each group, a new span where a start is past
    the running end + 1."""
    if not len(group):
        empty = np.zeros(0, np.int64)
        return Spans(group=empty, start=empty, end=empty)
    g = group.astype(np.int64)
    order = np.lexsort((start, g))
    g, s, e = g[order], start[order].astype(np.int64), end[order].astype(np.int64)
    lifted = np.maximum.accumulate(g * _SHIFT + e) - g * _SHIFT  # running end per group
    new = np.ones(len(g), bool)
    new[1:] = (g[1:] != g[:-1]) | (s[1:] > lifted[:-1] + 1)
    heads = np.flatnonzero(new)
    return Spans(group=g[heads], start=s[heads], end=np.maximum.reduceat(e, heads))


def household_spans(household: np.ndarray, start: np.ndarray, end: np.ndarray) -> Spans:
    """Every household's pairing spans merged (the days it had a helper)."""
    return merge_spans(household, start, end)


@attrs.frozen(kw_only=True)
class Periods:
    """Periods in which one helper had too many households at once."""

    helper: np.ndarray
    start: np.ndarray
    end: np.ndarray
    peak: np.ndarray


def overloads(
    helper: np.ndarray, household: np.ndarray, start: np.ndarray, end: np.ndarray, many: int
) -> Periods:
    """Per helper, the maximal periods with ``many`` or more distinct households at once.

    Spans are first merged per (helper, household), so a household paired twice counts
    once; then one sweep over all helpers' +1 / −1 events sorted by helper and day. Each
    helper's events sum to zero, so one cumulative sum gives every helper's running count.
    """
    if not len(helper):
        z = np.zeros(0, np.int64)
        return Periods(helper=z, start=z, end=z, peak=z)
    pair = helper.astype(np.int64) * (int(household.max()) + 1) + household
    merged = merge_spans(pair, start, end)
    hh_count = int(household.max()) + 1
    who = merged.group // hh_count
    base = who * (_SHIFT * 4) + _SHIFT
    ev_key = np.concatenate([base + merged.start, base + merged.end + 1])
    ev_delta = np.concatenate([np.ones(len(who), np.int64), -np.ones(len(who), np.int64)])
    order = np.argsort(ev_key, kind="stable")
    ev_key, ev_delta = ev_key[order], ev_delta[order]
    heads = np.flatnonzero(np.concatenate([[True], ev_key[1:] != ev_key[:-1]]))
    keys = ev_key[heads]
    count = np.cumsum(np.add.reduceat(ev_delta, heads))
    day = keys % (_SHIFT * 4) - _SHIFT
    hid = keys // (_SHIFT * 4)
    over = count >= many
    at_open = np.flatnonzero(over & np.concatenate([[True], ~over[:-1]]))
    at_close = np.flatnonzero(~over & np.concatenate([[False], over[:-1]]))
    return Periods(
        helper=hid[at_open],
        start=day[at_open],
        end=day[at_close] - 1,
        peak=_peaks(count, at_open, at_close),
    )


def _peaks(count: np.ndarray, at_open: np.ndarray, at_close: np.ndarray) -> np.ndarray:
    """The maximum of ``count`` over each [open, close) run, vectorised."""
    if not len(at_open):
        return np.zeros(0, np.int64)
    bounds = np.empty(2 * len(at_open), np.int64)
    bounds[0::2], bounds[1::2] = at_open, at_close
    out: np.ndarray = np.maximum.reduceat(count, bounds)[0::2]
    return out


def as_int(values: Any) -> np.ndarray:
    """Integer codes of an id column (a factorisation; nulls get −1)."""
    arr = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    encoded = arr.dictionary_encode()
    indices = encoded.indices
    out: np.ndarray = numpy(indices.fill_null(scalar(-1, indices.type))).astype(np.int64)
    return out
