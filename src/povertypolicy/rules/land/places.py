"""LAND-8 .. LAND-11: insurance places by land and by person; 以地定量、人地对应."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import operator
from collections import deque
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from ..._exact import round_half_up
from ...domain.land import Expropriation
from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder, convention, rounding, warning
from ...policy import Parameter, Policy
from ...units import Area
from ._base import (
    _CITE_002_ENTRY,
    _CITE_002_MATCH,
    _CITE_002_QUOTA,
    _CITE_002_WAIVE_RULE,
    _CITE_002_WAIVED,
    _PLACE_LAND_TYPES,
    _contracted_by_parcel_order,
    _ids,
    _integer_weights,
    _mu_area,
    _no_contractor_note,
)
from .values import (
    _HOUSEHOLD_PLACES_SLOTS,
    EntryCheck,
    HouseholdPlaces,
    PlaceAllocation,
    PlaceQuota,
    PlaceStatus,
    PlaceValidity,
)

__all__ = ["allocate_places", "entry_check", "place_validity", "quota_by_land", "reallocate_places"]

# -- LAND-8 .. LAND-11: insurance places -----------------------------------------------------


def _need(exp: Expropriation, field: str) -> Any:
    value = getattr(exp, field)
    if value is None:
        raise InputError(
            obj="Expropriation",
            field=field,
            value=None,
            expected="a value: quota by land (LAND-8, 台政办函〔2019〕47号 §三(二)) needs the "
            "village's land, its agricultural population of insurable age and the number "
            "already insured",
            code="land.error.quota_figure_needed",
            extra={"rule": "LAND-8"},
        )
    return value


def _round(value: Fraction, how: str) -> int:
    floor = value.numerator // value.denominator
    if how == "down" or value == floor:
        return floor
    if how == "up":
        return floor + 1
    return round_half_up(value)


def quota_by_land(expropriation: Expropriation, policy: Policy) -> Result[PlaceQuota]:
    """How many social-security places a village gets for the land it lost.

    以地定量：核定参保指标. LAND-8 (zj-taizhou-2019-47 §三(二)).
    """
    exp = expropriation
    village_land: Area = _need(exp, "village_land")
    population: int = _need(exp, "population_16_plus")
    insured: int = _need(exp, "already_insured")
    rounding_p = policy.param("land.places_rounding")
    area = exp.area_of(_PLACE_LAND_TYPES)
    left_out = exp.area - area
    unrounded = (area / village_land) * population
    rounded = _round(unrounded, rounding_p.text)
    cap = population - insured
    places = min(rounded, cap)
    # The population counted is the pack's minimum age and over (16周岁以上 in zj-taizhou-2019-47).
    min_age = policy.param("land.place_min_age")
    per_person = _mu_area(village_land.in_unit("mu") / population) if population else village_land
    rec = Recorder("LAND-8")
    rec.step(
        "land.quota",
        min_age=min_age.integer,
        area=area,
        village_land=village_land,
        population=population,
        per_person=per_person,
        unrounded=unrounded,
        rounded=rounded,
        params=(rounding_p, min_age),
        notes=(
            convention("land.note.rounding_not_in_text"),
            warning("land.note.land_left_out", area=left_out) if left_out else None,
        ),
        citation=_CITE_002_QUOTA,
    )
    rec.step(
        "land.quota_cap",
        min_age=min_age.integer,
        population=population,
        insured=insured,
        cap=cap,
        capped=places < rounded,
        places=places,
        citation=_CITE_002_QUOTA,
    )
    value = PlaceQuota(
        expropriated_area=area,
        village_land=village_land,
        population_16_plus=population,
        already_insured=insured,
        unrounded=unrounded,
        rounded=rounded,
        cap=cap,
        places=places,
    )
    return rec.result(value)


def _eligible_cutoff(exp: Expropriation, policy: Policy) -> tuple[dt.date, int, Parameter]:
    """Born on or before this date = old enough on the approval date (16周岁以上)."""
    age_p = policy.param("land.place_min_age")
    years = age_p.integer if age_p.admits(age_p.integer) else age_p.integer + 1
    return exp.approved_on - relativedelta(years=years), years, age_p


def _last_birth_date(cutoff: dt.date, years: int, on: dt.date) -> dt.date:
    """The last birth date old enough on ``on``, as Person.age_on counts: ``cutoff``, or the
    day after it when that is a 29 February whose birthday falls on 28 February of ``on``'s
    (common) year. A 29 February birth is the only one old enough after the cutoff."""
    if cutoff.month == 2 and cutoff.day == 28:
        after = cutoff + dt.timedelta(days=1)
        if after.day == 29 and after + relativedelta(years=years) <= on:
            return after
    return cutoff


def _household_places(
    ids: Sequence[str],
    areas: Sequence[Fraction],
    eligible: Sequence[tuple[str, ...]],
    places: Sequence[int],
    shares: Sequence[tuple[int, int]],
    took: set[int],
) -> tuple[HouseholdPlaces, ...]:
    """``HouseholdPlaces(household=ids[i], area_m2=areas[i], eligible=eligible[i],
    places=places[i], share=shares[i], took_remainder=i in took)`` for each i, without the
    cost of attrs' __init__: the slots are set field by field, over all households at once."""
    built = tuple(map(object.__new__, itertools.repeat(HouseholdPlaces, len(ids))))
    set_id, set_area, set_eligible, set_places, set_share, set_took, set_waived, set_added = (
        _HOUSEHOLD_PLACES_SLOTS
    )
    run = deque[None](maxlen=0).extend  # consumes a map for the slots it sets
    run(map(set_id, built, ids))
    run(map(set_area, built, areas))
    run(map(set_eligible, built, eligible))
    run(map(set_places, built, places))
    run(map(set_share, built, shares))
    took_remainder = [False] * len(ids)
    for i in took:
        took_remainder[i] = True
    run(map(set_took, built, took_remainder))
    run(map(set_waived, built, itertools.repeat(0)))
    run(map(set_added, built, itertools.repeat(0)))
    return built


def _capped_largest_remainder(
    quota: int, weights: Sequence[int], caps: Sequence[int], ids: Sequence[str]
) -> tuple[list[int], list[tuple[int, int]], set[int], int]:
    """Integer places proportional to ``weights``, never above ``caps``.

    Households whose exact share reaches their cap get the cap and leave; the rest share what
    is left, repeated until no share reaches a cap; then floors, and the places left over go to
    the largest remainders (ties: larger weight, then smaller id). Returns places, the exact
    shares (numerator, denominator), the indices that took a remainder place, and the places
    no one could take.
    """
    n = len(weights)
    places = [0] * n
    shares = [(0, 1)] * n
    # Households with the same weight and cap fare alike: work per (weight, cap) group.
    groups: dict[tuple[int, int], list[int]] = {}
    for i, w, c in zip(range(n), weights, caps, strict=True):
        if w > 0 and c > 0:
            same = groups.get((w, c))
            if same is None:
                groups[(w, c)] = [i]
            else:
                same.append(i)
    left = quota
    total = 0  # the weight of the households still sharing
    for (w, _), members in groups.items():
        total += w * len(members)
    if groups and left > 0:
        # A household is full when its exact share left × w / total reaches its cap c, that
        # is when w / c >= total / left; so each round's full households are those still
        # sharing with the largest w / c. Order the groups once by w / c (exactly, as the
        # integer w × (m / c) for m a common multiple of the caps); each round takes its full
        # groups from the front.
        scale = math.lcm(*{c for _, c in groups})
        ranked = sorted([(w * (scale // c), w, c) for w, c in groups], reverse=True)
        start = 0
        while start < len(ranked) and left > 0:
            bound = scale * total
            stop = start
            while stop < len(ranked) and ranked[stop][0] * left >= bound:
                stop += 1
            if stop == start:
                break
            gone_places = gone_weight = 0
            for _, w, c in ranked[start:stop]:
                members = groups.pop((w, c))
                share = (left * w, total)
                for i in members:
                    places[i] = c
                    shares[i] = share
                gone_places += c * len(members)
                gone_weight += w * len(members)
            left -= gone_places
            total -= gone_weight
            start = stop
    took: set[int] = set()
    if groups and left > 0:
        # Floors, then the places left over by largest remainder (ties: larger weight, then
        # smaller id). Equal weights have equal shares: work per weight.
        by_weight: dict[int, list[int]] = {}
        for (w, _), members in groups.items():
            same = by_weight.get(w)
            if same is None:
                by_weight[w] = members
            else:
                same.extend(members)
        given = 0
        remainders: list[tuple[int, int]] = []  # (-remainder, -weight) of weights with one
        for w, members in by_weight.items():
            share = (left * w, total)
            q, r = divmod(share[0], total)
            for i in members:
                places[i] = q
                shares[i] = share
            given += q * len(members)
            if r:  # the places left over are fewer than the households with a remainder
                remainders.append((-r, -w))
        remainders.sort()
        need = left - given
        for _, w in remainders:
            if need <= 0:
                break
            members = by_weight[-w]
            if len(members) > need:  # the smaller ids of this weight take the last places
                members = sorted(members, key=ids.__getitem__)[:need]
            for i in members:
                places[i] += 1
                took.add(i)
            need -= len(members)
        left = 0
    return places, shares, took, max(left, 0)


def allocate_places(
    expropriation: Expropriation, quota: int | PlaceQuota, policy: Policy
) -> Result[PlaceAllocation]:
    """Give a village's places to the households whose contracted land was taken, by area lost.

    人地对应：按承包地被征收面积分配参保指标. LAND-9 (zj-taizhou-2019-47 §三(三)). A household never
    gets more
    places than it has eligible members (of the pack's minimum age on the approval date, not yet
    insured). A member whose insurance (``pension_insured``) is not recorded is given no place,
    and the explanation names them.
    """
    exp = expropriation
    places_total = quota.places if isinstance(quota, PlaceQuota) else quota
    if isinstance(places_total, bool) or not isinstance(places_total, int) or places_total < 0:
        raise InputError(
            obj="allocate_places",
            field="quota",
            value=quota,
            expected="a whole number >= 0",
            code="core.error.count",
        )
    cutoff, years, age_p = _eligible_cutoff(exp, policy)
    last_birth = _last_birth_date(cutoff, years, exp.approved_on)
    contracted = _contracted_by_parcel_order(exp, _PLACE_LAND_TYPES)
    ids: list[str] = []  # households that lost contracted land, in case order
    areas: list[Fraction] = []
    eligible: list[tuple[str, ...]] = []
    caps: list[int] = []
    none: list[str] = []  # households without an eligible member
    unrecorded: list[str] = []  # members whose pension insurance was not recorded: no place
    for household in exp.households:
        area = contracted.get(household.id)
        if area is None:
            continue
        ids.append(household.id)
        areas.append(area)
        chosen: list[str] = []  # not insured, and old enough
        for m in household.members:
            if m.pension_insured is False:
                if m.birth_date <= last_birth:
                    chosen.append(m.id)
            elif m.pension_insured is None:
                unrecorded.append(m.id)
        eligible.append(tuple(chosen))
        caps.append(len(chosen))
        if not chosen:
            none.append(household.id)
    weights = _integer_weights(areas)
    places, shares, took, unallocated = _capped_largest_remainder(places_total, weights, caps, ids)
    households = _household_places(ids, areas, eligible, places, shares, took)
    value = PlaceAllocation(quota=places_total, households=households, unallocated=unallocated)
    took_ids = sorted([ids[i] for i in took])  # ids are unique: as sorting the indices by id
    rec = Recorder("LAND-9")
    rec.step(
        "land.allocation",
        quota=places_total,
        households=len(ids),
        eligible=sum(caps),
        allocated=sum(places),  # value.allocated
        # households given all their eligible members' places (places never exceed the cap,
        # and a household without eligible members has none)
        full=sum(map(operator.eq, caps, places)) - len(none),
        approved_on=exp.approved_on,
        cutoff=cutoff,
        params=(age_p,),
        notes=(
            convention("land.note.largest_remainder"),
            rounding(
                "land.note.remainder_places", count=len(took_ids), households=_ids(took_ids) or "—"
            ),
            warning("land.note.no_eligible", count=len(none), households=_ids(none))
            if none
            else None,
            warning(
                "land.note.insured_not_recorded", count=len(unrecorded), persons=_ids(unrecorded)
            )
            if unrecorded
            else None,
            warning("land.note.unallocated", count=unallocated) if unallocated else None,
            *_no_contractor_note(exp),
        ),
        citation=_CITE_002_MATCH,
    )
    return rec.result(value)


def reallocate_places(
    allocation: PlaceAllocation,
    waived: Mapping[str, int],
    *,
    adjustment_places: int = 0,
) -> Result[PlaceAllocation]:
    """Give waived, unallocated and adjustment places first to expropriated, uninsured members.

    节余指标和调剂指标优先用于本村集体经济组织内已征地但尚未参保的成员. LAND-10 (zj-taizhou-2019-47
    §三(三)).
    The pool goes, in proportion to area lost, to households of the allocation that still have
    eligible members without a place; whatever is left stays unallocated. The list of people
    who receive adjusted places must go through the "五议两公开" procedure.
    """
    if (
        isinstance(adjustment_places, bool)
        or not isinstance(adjustment_places, int)
        or (adjustment_places < 0)
    ):
        raise InputError(
            obj="reallocate_places",
            field="adjustment_places",
            value=adjustment_places,
            expected="a whole number >= 0",
            code="core.error.count",
        )
    if not isinstance(waived, Mapping):
        raise InputError(
            obj="reallocate_places",
            field="waived",
            value=waived,
            expected='a mapping of household id → places, e.g. {"H-1": 1}',
            code="land.error.waived_mapping",
        )
    index = {h.household: h for h in allocation.households}
    for hid, n in waived.items():
        h = index.get(hid)
        if h is None:
            raise InputError(
                obj="reallocate_places",
                field="waived",
                value=hid,
                expected="a household id",
                code="land.error.waived_household",
            )
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= h.places:
            raise InputError(
                obj="reallocate_places",
                field=f"waived[{hid!r}]",
                value=n,
                expected=f"a whole number from 0 to the household's places ({h.places})",
                code="land.error.waived_places",
                extra={"places": h.places},
            )
    pool = allocation.unallocated + sum(waived.values()) + adjustment_places
    ids = [h.household for h in allocation.households]
    # A member who waived is out; the others without a place can still take one.
    caps = [max(len(h.eligible) - h.waived - h.places, 0) for h in allocation.households]
    weights = _integer_weights([h.area_m2 for h in allocation.households])
    added, _, took, left = _capped_largest_remainder(pool, weights, caps, ids)
    households = tuple(
        attrs.evolve(
            h,
            places=h.places - waived.get(h.household, 0) + added[i],
            waived=h.waived + waived.get(h.household, 0),
            added=h.added + added[i],
            took_remainder=i in took,
        )
        for i, h in enumerate(allocation.households)
    )
    value = PlaceAllocation(quota=allocation.quota, households=households, unallocated=left)
    receivers = [ids[i] for i in range(len(ids)) if added[i]]
    rec = Recorder("LAND-10")
    rec.step(
        "land.reallocation",
        waived=sum(waived.values()),
        unallocated=allocation.unallocated,
        adjustment=adjustment_places,
        pool=pool,
        households=len(receivers),
        placed=pool - left,
        left=left,
        notes=(
            warning("land.note.five_two_procedure"),
            convention("land.note.largest_remainder"),
        ),
        citation=_CITE_002_WAIVED,
    )
    return rec.result(value)


def place_validity(
    issued_on: dt.date,
    policy: Policy,
    *,
    as_of: dt.date,
    deadline: dt.date | None = None,
    enrolled_on: dt.date | None = None,
    good_reason: bool = False,
) -> Result[PlaceValidity]:
    """Whether an insurance place is still valid, used, or deemed waived on a date.

    即征即保：参保指标有效期最长为1年，逾期未参保视为放弃. LAND-11 (zj-taizhou-2019-47 §三(四)).
    ``deadline`` is the local enrolment deadline (规定期限); the place's validity caps it.
    """
    for name, d in (("issued_on", issued_on), ("as_of", as_of)):
        if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
            raise InputError(
                obj="place_validity",
                field=name,
                value=d,
                expected="a datetime.date",
                code="core.error.date",
            )
    if enrolled_on is not None and enrolled_on < issued_on:
        raise InputError(
            obj="place_validity",
            field="enrolled_on",
            value=enrolled_on,
            expected=f"on or after the issue date {issued_on}",
            code="land.error.enrolled_before_issue",
            extra={"issued_on": issued_on},
        )
    years_p = policy.param("land.place_validity_years")
    expires_on = issued_on + relativedelta(years=years_p.integer)
    effective = expires_on if deadline is None or deadline > expires_on else deadline
    excused = False  # past the deadline but within the validity, for a good reason
    if enrolled_on is not None and enrolled_on <= effective:
        status = PlaceStatus.ENROLLED
    elif enrolled_on is not None and enrolled_on <= expires_on and good_reason:
        status, excused = PlaceStatus.ENROLLED, True
    elif enrolled_on is None and as_of <= effective:
        status = PlaceStatus.PENDING
    elif enrolled_on is None and as_of <= expires_on and good_reason:
        status, excused = PlaceStatus.PENDING, True
    elif good_reason:
        status = PlaceStatus.LAPSED
    else:
        status = PlaceStatus.DEEMED_WAIVED
    rec = Recorder("LAND-11")
    rec.step(
        "land.place_validity",
        issued_on=issued_on,
        expires_on=expires_on,
        deadline=effective,
        as_of=as_of,
        status=status,
        params=(years_p,),
        notes=(
            convention("land.note.period_counting"),
            warning("land.note.good_reason") if excused else None,
        ),
        citation=_CITE_002_WAIVE_RULE,
    )
    return rec.result(
        PlaceValidity(issued_on=issued_on, expires_on=expires_on, deadline=effective, status=status)
    )


def entry_check(
    expropriation: Expropriation, enrol_on: dt.date, *, county_decision: bool = False
) -> Result[EntryCheck]:
    """Whether people of this case may enrol on a date: land type and approval date.

    准入门槛. LAND-13 (zj-taizhou-2019-47 §三(一)): only cultivated and other agricultural land
    counts, and
    enrolment before approval needs a decision of a government at county level or above.
    """
    exp = expropriation
    area = exp.area_of(_PLACE_LAND_TYPES)
    early = enrol_on < exp.approved_on
    admitted = bool(area) and (not early or county_decision)
    rec = Recorder("LAND-13")
    rec.step(
        "land.entry",
        enrol_on=enrol_on,
        approved_on=exp.approved_on,
        area=area,
        early=early,
        county_decision=county_decision,
        admitted=admitted,
        citation=_CITE_002_ENTRY,
    )
    return rec.result(EntryCheck(admitted=admitted, early=early, eligible_area=area))
