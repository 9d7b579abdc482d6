"""Three-valued facts (True / False / None = not recorded) and the household's labour picture."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from ...domain.enums import LabourCapacity
from ...domain.person import Household
from ...policy import Policy

Tri = bool | None


def all_of(values: Iterable[Tri]) -> Tri:
    """True when every value is True; False when one is False; else not known (None)."""
    unknown = False
    for v in values:
        if v is False:
            return False
        if v is None:
            unknown = True
    return None if unknown else True


def any_of(values: Iterable[Tri]) -> Tri:
    """True when one value is True; False when every value is False; else not known (None)."""
    unknown = False
    for v in values:
        if v is True:
            return True
        if v is None:
            unknown = True
    return None if unknown else False


def negate(value: Tri) -> Tri:
    """Not ``value`` (not known stays not known)."""
    return None if value is None else not value


def labour(household: Household) -> tuple[Tri, Tri, Tri, Tri]:
    """(every member has completely lost labour capacity, no member has full capacity,
    some member has lost capacity (partly or wholly), some member can work) per the members'
    recorded labour capacity (劳动能力); ``None`` where an unrecorded member decides it."""
    full = partial = none = unknown = 0
    for m in household.members:
        c = m.labour_capacity
        if c is None:
            unknown += 1
        elif c is LabourCapacity.NONE:
            none += 1
        elif c is LabourCapacity.PARTIAL:
            partial += 1
        else:
            full += 1
    all_lost: Tri = False if full + partial else (None if unknown else True)
    no_full: Tri = False if full else (None if unknown else True)
    some_lost: Tri = True if partial + none else (None if unknown else False)
    can_work: Tri = True if full + partial else (None if unknown else False)
    return all_lost, no_full, some_lost, can_work


T = TypeVar("T")


def per_policy(fn: Callable[[Policy], T]) -> Callable[[Policy], T]:
    """Cache ``fn(policy)`` by the policy's identity (resolved policies are shared objects, and
    hashing one walks its whole pack chain)."""
    cache: dict[int, tuple[Policy, T]] = {}

    def wrapper(policy: Policy) -> T:
        hit = cache.get(id(policy))
        if hit is not None and hit[0] is policy:
            return hit[1]
        value = fn(policy)
        if len(cache) >= 64:
            cache.clear()
        cache[id(policy)] = (policy, value)
        return value

    wrapper.__doc__ = fn.__doc__
    return wrapper
