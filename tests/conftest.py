"""Shared fixtures."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp


@pytest.fixture
def housing_policy() -> pp.Policy:
    """003 篇3 pack on a date inside the 2011 relocation."""
    return pp.Policy.load("cn-relocation-deep-mountain-2011", on=dt.date(2011, 6, 1))
