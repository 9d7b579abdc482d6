"""A policy and every error the library raises survive pickling (Dask and multiprocessing send
them between processes)."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import povertypolicy as pp
from povertypolicy.errors import (
    MissingTranslationError,
    ParameterNotFoundError,
    ParameterPeriodError,
    ParametersMissingError,
)


def test_a_policy_pickles_and_gives_the_same_parameters() -> None:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2016, 3, 1))
    back = pickle.loads(pickle.dumps(policy))
    assert back == policy
    assert [p.id for p in back.chain] == [p.id for p in policy.chain]
    name = "housing.subsidy_per_person"
    assert back.param(name) == policy.param(name)


def test_a_policy_read_outside_its_periods_still_refuses_after_pickling() -> None:
    policy = pp.Policy.load("cn", on=dt.date(1990, 1, 1))
    with pytest.raises(ParameterPeriodError) as before:
        policy.param("poverty.line")
    back = pickle.loads(pickle.dumps(policy))
    with pytest.raises(ParameterPeriodError) as after:
        back.param("poverty.line")
    assert str(after.value) == str(before.value)


@pytest.mark.parametrize(
    "err",
    [
        ParameterNotFoundError(name="land.zone_price", chain=("county", "cn")),
        ParameterPeriodError(name="housing.x", on="1990-01-01", covered=("2016-01-01 – …",)),
        ParametersMissingError(
            names=("a.b", "c.d"), chain=("cn",), on="2021-03-01", rules=("X-1",)
        ),
        MissingTranslationError(key="core.x", locale="en", domain="core"),
    ],
    ids=type,
)
def test_an_error_pickles_with_its_fields(err: Exception) -> None:
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err)
    assert str(back) == str(err)
    assert vars(back) == vars(err)


def test_a_parameter_out_of_period_refuses_afresh_each_time() -> None:
    # the policy keeps why a parameter has no value; raising that same object again and again
    # would chain every caller's frames onto its traceback
    policy = pp.Policy.load("cn", on=dt.date(1990, 1, 1))
    depths = []
    for _ in range(3):
        with pytest.raises(ParameterPeriodError) as exc:
            policy.param("poverty.line")
        tb, depth = exc.value.__traceback__, 0
        while tb is not None:
            depth, tb = depth + 1, tb.tb_next
        depths.append(depth)
    assert depths[0] == depths[1] == depths[2]
