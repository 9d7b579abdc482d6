"""LAND-4 / LAND-5: social-security fees set aside and the benefit floor; 被征地农民社会保障."""

from __future__ import annotations

import math
from fractions import Fraction

from ...explain import NoteKind, Result
from ...explain.recorder import Recorder, note
from ...money import Money
from ...policy import Policy
from .._args import amount
from .values import BenefitCheck, SetAsideCheck

__all__ = ["benefit_floor", "social_security_set_aside"]

# -- LAND-4 / LAND-5: social security --------------------------------------------------------


def social_security_set_aside(
    land_transfer_revenue: Money, policy: Policy, *, actual: Money | None = None
) -> Result[SetAsideCheck]:
    """The least a year's land-transfer revenue must set aside for expropriated farmers' security.

    从土地出让收入中提取被征地农民社会保障资金. LAND-4. With ``actual``, checks the set-aside.
    """
    amount("social_security_set_aside", "land_transfer_revenue", land_transfer_revenue)
    share_p = policy.param("land.social_security_min_share")
    minimum = Money.from_fen(math.ceil(land_transfer_revenue.fen * share_p.fraction))
    rec = Recorder("LAND-4")
    rec.step(
        "land.set_aside_minimum",
        revenue=land_transfer_revenue,
        minimum=minimum,
        params=(share_p,),
        notes=(note(NoteKind.ROUNDING, "land.note.round_up_minimum"),),
    )
    meets: bool | None = None
    if actual is not None:
        amount("social_security_set_aside", "actual", actual)
        percent = (
            Fraction(actual.fen * 100, land_transfer_revenue.fen)
            if land_transfer_revenue
            else Fraction(100)
        )
        meets = share_p.admits(percent)
        rec.step(
            "land.set_aside_check", actual=actual, percent=percent, meets=meets, params=(share_p,)
        )
    return rec.result(
        SetAsideCheck(
            land_transfer_revenue=land_transfer_revenue, minimum=minimum, actual=actual, meets=meets
        )
    )


def benefit_floor(monthly_benefit: Money, policy: Policy) -> Result[BenefitCheck]:
    """Whether a monthly living or pension benefit reaches the local dibao standard.

    基本生活和养老保障水平不低于当地最低生活保障标准. LAND-5.
    """
    amount("benefit_floor", "monthly_benefit", monthly_benefit)
    standard_p = policy.param("land.dibao_standard")
    meets = standard_p.admits(monthly_benefit)
    value = BenefitCheck(benefit=monthly_benefit, dibao_standard=standard_p.money, meets=meets)
    rec = Recorder("LAND-5")
    rec.step(
        "land.benefit_floor",
        benefit=monthly_benefit,
        standard=standard_p.money,
        meets=meets,
        gap=value.gap,
        params=(standard_p,),
    )
    return rec.result(value)
