"""What the follow-up step tests share: the step view, refusals compared whole, the
relocated households of the county pack and its module-scoped policy."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Money

D = dt.date
M = Money


def view(result: pp.Result[Any]) -> list[tuple[Any, ...]]:
    """Each step as (rule, key, inputs, parameter names, notes, citation section or law)."""
    return [
        (
            s.rule,
            s.key,
            dict(s.inputs),
            tuple(p.name for p in s.params),
            tuple((n.kind.value, n.key, dict(n.args)) for n in s.notes),
            None if s.citation is None else (s.citation.section or s.citation.law),
        )
        for s in result.steps
    ]


def fu_(name: str) -> str:
    return f"follow_up.{name}"


def refusal(fn: Any, *args: Any, **kw: Any) -> tuple[str, str, Any, str]:
    with pytest.raises(pp.InputError) as exc:
        fn(*args, **kw)
    e = exc.value
    return (e.obj, e.field, e.value, e.expected)


SUPPORT = "county-relocation-follow-up-2020"
SETTLED = D(2020, 3, 15)


@pytest.fixture(scope="module")
def support_policy() -> pp.Policy:
    return pp.Policy.load(SUPPORT, on=D(2021, 6, 1))


def member(pid: str, **facts: Any) -> pp.RelocatedMember:
    base: dict[str, Any] = {
        "labour_capacity": pp.LabourCapacity.FULL,
        "wants_work": True,
        "stably_employed": False,
        "wants_training": True,
        "trainings": (),
    }
    return pp.RelocatedMember(id=pid, **{**base, **facts})


def relocated(*members: pp.RelocatedMember, **facts: Any) -> pp.RelocatedHousehold:
    base: dict[str, Any] = {"settled_on": SETTLED}
    return pp.RelocatedHousehold(id="H1", members=members or (member("P1"),), **{**base, **facts})
