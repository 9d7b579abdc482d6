"""Quotas by village class and targets: ID-4 (poverty-work-plan-samples 篇4 §四(一)1), ID-6 (篇5);
指标分解、目标."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from ...domain.enums import VillageClass
from ...errors import InputError, RuleError
from ...explain import Citation, NoteKind, Result
from ...explain.recorder import Recorder, convention, note
from ...money import Money
from ...policy import Parameter, Policy
from .eligibility import SEED

__all__ = [
    "QuotaShare",
    "QuotaSplit",
    "TargetCheck",
    "incidence_target",
    "income_growth_target",
    "split_quota",
]

_CITE_QUOTA = Citation(
    document=SEED,
    section="篇4 §四(一)1",
    quote="扶貧對象指標分解切忌搞平均主義,要根據各村發展和農民人均收入水平,按照比較好、一般、貧困、深度貧困四類標準對村先行分類,再按照分類分解扶貧對象指標",
)
Weight = int | Decimal | Fraction


@attrs.frozen(kw_only=True)
class QuotaShare:
    """One village's part of the quota; 村指标.

    Args:
        village: The village.
        village_class: Its class.
        weight: Its class's weight (from the pack).
        quota: Its part of the quota.
        took_remainder: True when it took a place by largest remainder.
    """

    village: str
    village_class: VillageClass
    weight: Fraction
    quota: int
    took_remainder: bool


@attrs.frozen(kw_only=True)
class QuotaSplit:
    """A township's quota split by village class; 指标分解 (ID-4). Parts add up exactly.

    Args:
        total: The township's quota.
        shares: Each village's part; they add up to ``total``.
    """

    total: int
    shares: tuple[QuotaShare, ...]

    def of(self, village: str) -> int:
        """The quota of one village."""
        return next(s.quota for s in self.shares if s.village == village)


def _weights(
    policy: Policy, given: Mapping[VillageClass, Weight] | None, used: set[VillageClass]
) -> tuple[dict[VillageClass, Fraction], tuple[Parameter, ...]]:
    if given is not None:
        out: dict[VillageClass, Fraction] = {}
        for cls, w in given.items():
            if (
                not isinstance(cls, VillageClass)
                or isinstance(w, bool)
                or not isinstance(w, int | Decimal | Fraction)
                or w < 0
            ):
                raise InputError(
                    obj="split_quota",
                    field="weights",
                    value={cls: w},
                    expected="VillageClass → a weight >= 0 (int, Decimal or Fraction)",
                    code="registration.error.quota_weights",
                    extra={"classes": list(VillageClass)},
                )
            out[cls] = Fraction(w)
        missing = sorted(c.value for c in used if c not in out)
        if missing:
            raise RuleError(
                rule="ID-4",
                message=f"no weight given for the village class(es) {', '.join(missing)}",
                code="registration.error.quota_weights_not_given",
                extra={"classes": [VillageClass(c) for c in missing]},
            )
        return out, ()
    params = {c: f"registration.quota_weight_{c.value}" for c in VillageClass}
    missing = sorted(c.value for c in used if params[c] not in policy)
    if missing:
        raise RuleError(
            rule="ID-4",
            message=(
                "the quota follows the village class, but no weights are given for "
                f"{', '.join(missing)}: the text gives none, so pass weights= "
                "or load a pack with registration.quota_weight_<class>; an even split is not "
                "allowed (切忌搞平均主义)"
            ),
            code="registration.error.quota_weights_not_set",
            extra={"classes": [VillageClass(c) for c in missing]},
        )
    found = {c: policy.param(params[c]) for c in VillageClass if c in used}  # enum order
    return {c: Fraction(p.decimal) for c, p in found.items()}, tuple(found.values())


def split_quota(
    total: int,
    villages: Mapping[str, VillageClass],
    policy: Policy,
    *,
    weights: Mapping[VillageClass, Weight] | None = None,
    basis: Mapping[str, int] | None = None,
) -> Result[QuotaSplit]:
    """Split a township's quota of households among villages by class; 指标分解 (ID-4).

    Each village's weight is its class weight (``weights``, else the pack's
    ``registration.quota_weight_<class>``), times ``basis[village]`` when given (e.g. its
    households). Without weights it is an error, never an even split. The parts are whole
    households adding up to ``total`` exactly (largest remainder, ties to the earlier village).
    """
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise InputError(
            obj="split_quota",
            field="total",
            value=total,
            expected="a whole number >= 0",
            code="core.error.count",
        )
    if not villages:
        raise InputError(
            obj="split_quota",
            field="villages",
            value=villages,
            expected="at least one village",
            code="registration.error.quota_no_villages",
        )
    for vid, cls in villages.items():
        if not isinstance(cls, VillageClass):
            raise InputError(
                obj="split_quota",
                field=f"villages[{vid}]",
                value=cls,
                expected="a VillageClass",
                code="core.error.enum",
                extra={"choices": ", ".join(f"VillageClass.{c.name}" for c in VillageClass)},
            )
    if basis is not None:
        for vid in villages:
            b = basis.get(vid)
            if isinstance(b, bool) or not isinstance(b, int) or b < 0:
                raise InputError(
                    obj="split_quota",
                    field=f"basis[{vid}]",
                    value=b,
                    expected="a whole number >= 0",
                    code="core.error.count",
                )
    class_w, params = _weights(policy, weights, set(villages.values()))
    ws = [class_w[c] * (1 if basis is None else basis[v]) for v, c in villages.items()]
    if not sum(ws):
        raise RuleError(
            rule="ID-4",
            message="every village's weight is zero: nothing to split by",
            code="registration.error.quota_weights_zero",
        )
    # The same exact largest remainder as Money.allocate, on whole households.
    parts, took = Money.from_fen(total).allocate_with_remainder(ws)
    shares = tuple(
        QuotaShare(village=v, village_class=c, weight=w, quota=p.fen, took_remainder=i in took)
        for i, ((v, c), w, p) in enumerate(zip(villages.items(), ws, parts, strict=True))
    )
    rec = Recorder("ID-4")
    for s in shares:
        rec.step(
            "registration.quota.share",
            {"village": s.village, "class": s.village_class, "weight": s.weight, "quota": s.quota},
        )
    remainder = tuple(shares[i].village for i in took)
    rec.step(
        "registration.quota.total",
        total=total,
        villages=len(shares),
        params=params,
        notes=(
            note(NoteKind.ROUNDING, "registration.note.quota_remainder", villages=remainder)
            if took
            else None,
            convention(
                "registration.note.quota_weights_given"
                if weights is not None
                else "registration.note.quota_weights_pack"
            ),
        ),
        citation=_CITE_QUOTA,
    )
    return rec.result(QuotaSplit(total=total, shares=shares))


@attrs.frozen(kw_only=True)
class TargetCheck:
    """A target checked: the value (percent or percentage points, exact) and whether met.

    Args:
        value: The value checked (percent or percentage points, exact).
        met: True when the target is met.
    """

    value: Fraction
    met: bool


def incidence_target(
    poor_people: int, rural_population: int, policy: Policy
) -> Result[TargetCheck]:
    """Poverty incidence 3% or less (降至3%以下: 3% included); 贫困发生率 (ID-6)."""
    for name, v, lo in (("poor_people", poor_people, 0), ("rural_population", rural_population, 1)):
        if isinstance(v, bool) or not isinstance(v, int) or v < lo:
            raise InputError(
                obj="incidence_target",
                field=name,
                value=v,
                expected=f"a whole number >= {lo}",
                code="core.error.positive_count" if lo else "core.error.count",
            )
    if poor_people > rural_population:
        raise InputError(
            obj="incidence_target",
            field="poor_people",
            value=poor_people,
            expected=f"at most {rural_population}",
            code="registration.error.poor_above_population",
            extra={"population": rural_population},
        )
    target = policy.param("registration.incidence_target")
    rate = Fraction(poor_people * 100, rural_population)
    value = TargetCheck(value=rate, met=target.admits(rate))
    rec = Recorder("ID-6")
    rec.step(
        "registration.target.incidence",
        poor=poor_people,
        population=rural_population,
        rate=rate,
        met=value.met,
        params=(target,),
    )
    return rec.result(value)


def income_growth_target(
    village_growth: Decimal, county_growth: Decimal, policy: Policy
) -> Result[TargetCheck]:
    """Poor villages' income growth (percent a year) at least 5 percentage points above the
    county's (5个百分点以上: 5 included); 收入增幅 (ID-6)."""
    for name, v in (("village_growth", village_growth), ("county_growth", county_growth)):
        if not isinstance(v, Decimal | int) or isinstance(v, bool):
            raise InputError(
                obj="income_growth_target",
                field=name,
                value=v,
                expected="a Decimal percent",
                code="registration.error.growth_percent",
            )
    margin = policy.param("registration.income_growth_margin")
    gap = Fraction(Decimal(village_growth)) - Fraction(Decimal(county_growth))
    value = TargetCheck(value=gap, met=margin.admits(gap))
    rec = Recorder("ID-6")
    rec.step(
        "registration.target.growth",
        village=village_growth,
        county=county_growth,
        gap=gap,
        met=value.met,
        params=(margin,),
    )
    return rec.result(value)
