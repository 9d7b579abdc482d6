"""DATA-3 on one household and on one helper: pairings over time; 帮扶结对关系.

A pairing runs from its start to its end, both days included; an empty end means it has not
ended (it runs to the check date ``on``), and an end after ``on`` is read as ``on``. A pairing
whose end is before its start, or that starts after ``on``, has wrong dates (``pairing.dates``)
and is left out of the other checks.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection, Iterable, Sequence

import attrs

from ...domain.id_number import read_id_number
from ...explain import NoteKind, Result
from ...explain.recorder import Recorder, convention, note
from ...policy import Policy
from .checks import CheckList, load_checks

__all__ = [
    "HouseholdPairings",
    "Overload",
    "Pairing",
    "helper_overloads",
    "household_pairings",
    "merged",
]

_DAY = dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class Pairing:
    """One helper paired with one household over a period; 结对.

    Args:
        id: The pairing's id (结对编号).
        household_id: The household helped.
        helper_id: The helper (帮扶责任人).
        start: First day of the pairing.
        end: Last day; None: still paired.
        helper_id_number: The helper's identity number (to find a helper who is poor); None: not
            recorded.
    """

    id: str
    household_id: str
    helper_id: str
    start: dt.date
    end: dt.date | None = None
    helper_id_number: str | None = None

    def span(self, on: dt.date) -> tuple[dt.date, dt.date] | None:
        """The days this pairing covers up to ``on`` (None: its dates are wrong)."""
        end = on if self.end is None or self.end > on else self.end
        if self.start > on or (self.end is not None and self.end < self.start):
            return None
        return self.start, end


def merged(spans: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The union of day spans as sorted, disjoint spans (touching spans are joined)."""
    out: list[tuple[dt.date, dt.date]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + _DAY:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@attrs.frozen(kw_only=True)
class HouseholdPairings:
    """DATA-3 for one household: no helper on the check date, gaps, wrong dates, early starts.

    Args:
        no_helper: True when no helper was paired on the check date.
        gaps: Periods with no helper, as (first day, last day).
        wrong_dates: Pairing ids whose end is before their start.
        before_registration: Pairing ids that start before the household was registered.
        helper_is_poor: Pairing ids whose helper is a registered poor person.
    """

    no_helper: bool
    gaps: tuple[tuple[dt.date, dt.date], ...]
    wrong_dates: tuple[str, ...]
    before_registration: tuple[str, ...]
    helper_is_poor: tuple[str, ...]


def _normal(number: str | None) -> str | None:
    if number is None or not number.strip():
        return None
    reading = read_id_number(number)
    return reading.normalised or reading.text.upper()


def household_pairings(
    pairings: Sequence[Pairing],
    *,
    on: dt.date,
    registered_on: dt.date | None = None,
    poor_numbers: Collection[str] = (),
    checks: CheckList | str | None = None,
) -> Result[HouseholdPairings]:
    """The pairings of one household checked over time; 结对关系校验 (DATA-3).

    No pairing covering ``on`` (无扶贫主体帮扶); days between two pairings that no pairing covers
    (断档); pairings with wrong dates; pairings that start before the household's
    ``registered_on`` (识别时间; not compared when not recorded); pairings whose helper's
    identity number is in ``poor_numbers`` (a member of a poor household, 既是贫困户又是帮扶责任人).
    """
    found = load_checks(checks)
    spans = [(p, p.span(on)) for p in pairings]
    good = merged(s for _, s in spans if s is not None)
    gaps = tuple((a[1] + _DAY, b[0] - _DAY) for a, b in itertools.pairwise(good))
    value = HouseholdPairings(
        no_helper=not any(e >= on for _, e in good),
        gaps=gaps,
        wrong_dates=tuple(p.id for p, s in spans if s is None),
        before_registration=tuple(
            p.id for p in pairings if registered_on is not None and p.start < registered_on
        ),
        helper_is_poor=tuple(
            p.id for p in pairings if _normal(p.helper_id_number) in set(poor_numbers)
        ),
    )
    rec = Recorder("DATA-3")

    def step(code: str, **inputs: object) -> None:
        if found.runs(code):
            open_end = code == "pairing.no_helper"
            rec.step(
                f"data_quality.finding.{code}",
                inputs,
                notes=(convention("data_quality.note.open_end") if open_end else None,),
                citation=found.get(code).citation,
            )

    if value.no_helper:
        last = max((e for _, e in good), default=None)
        step("pairing.no_helper", on=on, last=last)
    for start, end in value.gaps:
        step("pairing.gap", days=(end - start).days + 1, start=start, end=end)
    for p in pairings:
        if p.id in value.wrong_dates:
            step("pairing.dates", pairing=p.id, start=p.start, end=p.end)
        if p.id in value.before_registration:
            step(
                "pairing.before_registration", pairing=p.id, start=p.start, registered=registered_on
            )
        if p.id in value.helper_is_poor:
            step(
                "pairing.helper_is_poor",
                pairing=p.id,
                helper=p.helper_id,
                number=p.helper_id_number,
            )
    if not rec.steps:
        rec.step("data_quality.step.pairings_ok", count=len(pairings), on=on)
    return rec.result(value)


@attrs.frozen(kw_only=True)
class Overload:
    """A period in which one helper had too many households at once; 一帮多.

    Args:
        start: First day of the period.
        end: Last day of the period.
        households: The most households at once in the period.
        household_ids: Every household paired with the helper in the period.
    """

    start: dt.date
    end: dt.date
    households: int  # the most households at once in the period
    household_ids: tuple[str, ...]  # every household paired with the helper in the period


def overload_periods(spans: Sequence[tuple[str, dt.date, dt.date]], many: int) -> list[Overload]:
    """Maximal periods in which at least ``many`` distinct households are paired at once, from
    (household id, first day, last day) spans: an event sweep, one pass over sorted dates."""
    per_household: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for hh, s, e in spans:
        per_household.setdefault(hh, []).append((s, e))
    events: dict[dt.date, int] = {}
    runs: list[tuple[str, dt.date, dt.date]] = []
    for hh, own in per_household.items():
        for s, e in merged(own):
            runs.append((hh, s, e))
            events[s] = events.get(s, 0) + 1
            events[e + _DAY] = events.get(e + _DAY, 0) - 1
    out: list[Overload] = []
    count = peak = 0
    opened: dt.date | None = None
    for day in sorted(events):
        count += events[day]
        if count >= many and opened is None:
            opened, peak = day, count
        elif count >= many:
            peak = max(peak, count)
        elif opened is not None:
            last = day - _DAY
            ids = tuple(sorted({hh for hh, s, e in runs if s <= last and e >= opened}))
            out.append(Overload(start=opened, end=last, households=peak, household_ids=ids))
            opened = None
    return out


def helper_overloads(
    pairings: Sequence[Pairing], policy: Policy, *, on: dt.date
) -> Result[tuple[Overload, ...]]:
    """The periods in which one helper had ``data_quality.many_households`` or more households
    at the same time (同一时间点…3个以上, 一帮多), each with its exact first and last day
    (DATA-3)."""
    many = policy.param("data_quality.many_households")
    spans = [(p.household_id, *s) for p in pairings if (s := p.span(on)) is not None]
    threshold = many.integer if many.admits(many.integer) else many.integer + 1
    periods = tuple(overload_periods(spans, threshold))
    helper = pairings[0].helper_id if pairings else ""
    rec = Recorder("DATA-3")
    for o in periods:
        rec.step(
            "data_quality.finding.pairing.one_helps_many",
            helper=helper,
            count=o.households,
            start=o.start,
            end=o.end,
            households=", ".join(o.household_ids),
            params=(many,),
            notes=(note(NoteKind.BOUNDARY, "data_quality.note.many", count=many.integer),),
        )
    if not periods:
        rec.step("data_quality.step.helper_ok", helper=helper, count=len(pairings), params=(many,))
    return rec.result(periods)
