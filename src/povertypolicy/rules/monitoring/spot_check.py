"""Spot checks of warning levels (poverty-work-plan-samples 篇8 §三(三)6): MON-6; 随机抽查,
疑似率超过2%全面重新排查."""

from __future__ import annotations

from fractions import Fraction

import attrs

from ...errors import InputError
from ...explain import NoteKind, Result
from ...explain.recorder import Recorder, note
from ...policy import Policy

__all__ = ["SpotCheck", "spot_check"]


@attrs.frozen(kw_only=True)
class SpotCheck:
    """A village's spot-check result; 抽查结果 (MON-6). ``rate`` is exact.

    Args:
        village: The village checked.
        sampled: Households sampled.
        doubtful: Of those, households found doubtful.
        rate: Doubtful ÷ sampled, exact.
        rescreen_village: True when the rate calls for the whole village to be screened again.
    """

    village: str
    sampled: int
    doubtful: int
    rate: Fraction
    rescreen_village: bool


def _count(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InputError(
            obj="spot_check",
            field=name,
            value=value,
            expected=f"a whole number >= {minimum}",
            code="core.error.positive_count" if minimum else "core.error.count",
        )
    return value


def spot_check(village: str, sampled: int, doubtful: int, policy: Policy) -> Result[SpotCheck]:
    """Whether a village must re-screen every household; 全面重新排查 (MON-6).

    ``doubtful`` of the ``sampled`` households had a warning level in doubt. More than
    (超过: strictly) the pack's share → the whole village is re-screened; the doubtful
    households are re-checked in any case. Exact fractions, never floats.
    """
    sampled = _count("sampled", sampled, 1)
    doubtful = _count("doubtful", doubtful, 0)
    if doubtful > sampled:
        raise InputError(
            obj="spot_check",
            field="doubtful",
            value=doubtful,
            expected=f"at most {sampled}",
            code="monitoring.error.doubtful_above_sampled",
            extra={"sampled": sampled},
        )
    limit = policy.param("monitoring.spot_check_doubtful_rate")
    rate = Fraction(doubtful, sampled)
    rescreen = limit.admits(rate * 100)
    at_limit = rate == limit.fraction
    rec = Recorder("MON-6")
    rec.step(
        "monitoring.spot.rescreen" if rescreen else "monitoring.spot.recheck",
        village=village,
        sampled=sampled,
        doubtful=doubtful,
        rate=rate * 100,
        params=(limit,),
        notes=(
            note(NoteKind.BOUNDARY, "monitoring.note.spot_at_limit", rate=rate * 100)
            if at_limit
            else None,
        ),
    )
    value = SpotCheck(
        village=village, sampled=sampled, doubtful=doubtful, rate=rate, rescreen_village=rescreen
    )
    return rec.result(value)
