"""What the screening step tests share: the seed document, the income threshold, the
module-scoped policy and short parameter and note builders."""

from __future__ import annotations

from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import Money
from povertypolicy.explain import Note, NoteKind

from .test_monitoring import ON, PACK

SEED = "poverty-work-plan-samples"
T = Money("6000")


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(PACK, on=ON)


def p(policy: pp.Policy, name: str) -> Any:
    return policy.param(f"monitoring.{name}")


def conv(key: str) -> Note:
    return Note(kind=NoteKind.CONVENTION, key=f"monitoring.note.{key}")


def at_line() -> Note:
    return Note(
        kind=NoteKind.BOUNDARY, key="monitoring.note.income_at_threshold", args={"threshold": T}
    )
