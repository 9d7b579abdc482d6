"""The "three rates, one degree" of a relocation site (relocation-follow-up-documents 第二篇 §一);
三率一度 (FOLLOW-6).

Actual occupancy, old-homestead vacating and follow-up support coverage are indicators of
the checklist engine (`THREE_RATES`); the integration
degree (群众融入度) has no number in the text and is shown as reported.
"""

from __future__ import annotations

from decimal import Decimal

from ...domain.indicators import ReportingUnit, require_unit
from ...errors import InputError
from ...explain import Citation, Result
from ...explain.recorder import Recorder, convention
from ...policy import Policy
from ..indicators import THREE_RATES, UnitScores, evaluate
from ._common import SEED

__all__ = ["INTEGRATION", "three_rates_one_degree"]

#: The figure name of the integration degree (a percentage, or a score out of 100).
INTEGRATION = "integration_degree"

_CITE_DEGREE = Citation(document=SEED, section="第二篇 §一", quote="群众融入度大幅提升")


def three_rates_one_degree(site: ReportingUnit, policy: Policy) -> Result[UnitScores]:
    """Score a site on the three rates (occupancy 100%, homestead vacating 100%, support
    for households with labour 80%) and show its integration degree; 三率一度 (FOLLOW-6)."""
    require_unit(site, "site")
    result = evaluate(site, THREE_RATES, policy)
    degree = site.figure(INTEGRATION)
    if degree is not None and (
        isinstance(degree, bool) or not isinstance(degree, int | Decimal) or not 0 <= degree <= 100
    ):
        raise InputError(
            obj=f"ReportingUnit {site.id}",
            field=INTEGRATION,
            value=degree,
            expected="0..100",
            code="follow_up.error.integration_degree",
        )
    # The degree is shown before the checklist's closing summary step.
    rec = Recorder("FOLLOW-6", result.steps[:-1])
    rec.step(
        "follow_up.integration.reported" if degree is not None else "follow_up.integration.none",
        degree=degree,
        citation=_CITE_DEGREE,
        notes=(convention("follow_up.note.no_integration_target"),),
    )
    rec.extend(result.steps[-1:])
    return rec.result(result.value)
