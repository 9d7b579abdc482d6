"""What the registration step tests share: the seed document, the two packs' policies."""

from __future__ import annotations

import datetime as dt

import pytest

import povertypolicy as pp

from .test_registration import ASSESSED, LONGHUI

SEED = "poverty-work-plan-samples"


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load(LONGHUI, on=ASSESSED)


JIANGXI = "jx-township-poverty-plan-2015"


@pytest.fixture(scope="module")
def jx() -> pp.Policy:
    return pp.Policy.load(JIANGXI, on=dt.date(2016, 1, 1))
