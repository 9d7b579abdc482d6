"""Shared fixtures."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp


@pytest.fixture
def housing_policy() -> pp.Policy:
    """poverty-work-plan-samples 篇3 pack on a date inside the 2011 relocation."""
    return pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))


# Property tests: modest example counts in `make test` (CI); longer runs with
# HYPOTHESIS_PROFILE=long (e.g. `make property`).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "ci"))
