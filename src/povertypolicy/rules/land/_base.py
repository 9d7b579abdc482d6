"""Land expropriation: clauses and shared helpers; 土地征收 (LAND-1..13)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from ..._exact import round_ratio, scale_to_integers
from ...domain.enums import LandType
from ...domain.land import Expropriation
from ...errors import RuleError
from ...explain import Citation, Note
from ...explain.recorder import convention, rounding, warning
from ...money import Money
from ...policy import Parameter, Policy
from ...units import Area
from .values import CompensationMethod

# Clauses applied without a parameter (facts of the law or the sources, no numbers). The laws
# are shipped sources (excerpts of the cited articles): cited by id and article.
_LAW_1998 = "land-administration-law-2004"
_LAW_2019 = "land-administration-law-2019"
_REGS_1998 = "land-administration-regulations-1998"
_SEED_000 = "state-farm-landless-farmers-security-2022"
_SEED_002 = "zj-taizhou-2019-47"

_CITE_ART47 = Citation(
    document=_LAW_1998,
    section="第四十七条",
    quote="被征收土地上的附着物和青苗的补偿标准，由省、自治区、直辖市规定",
)
_CITE_ART47_OTHER = Citation(
    document=_LAW_1998,
    section="第四十七条",
    quote="征收其他土地的土地补偿费和安置补助费标准，由省、自治区、直辖市参照征收耕地的"
    "土地补偿费和安置补助费的标准规定",
)
_CITE_ART47_PERSONS = Citation(
    document=_LAW_1998,
    section="第四十七条",
    quote="需要安置的农业人口数，按照被征收的耕地数量除以征地前被征收单位平均每人占有耕地的"
    "数量计算",
)
_CITE_ART48 = Citation(
    document=_LAW_2019,
    section="第四十八条",
    quote="征收农用地以外的其他土地、地上附着物和青苗等的补偿标准，由省、自治区、直辖市制定",
)
_CITE_REGS2021_32 = Citation(
    law="中华人民共和国土地管理法实施条例（2021年）",
    article="第三十二条",
    quote="地上附着物和青苗等的补偿费用，归其所有权人所有",
)
_CITE_REGS26 = Citation(
    document=_REGS_1998,
    section="第二十六条",
    quote="土地补偿费归农村集体经济组织所有；地上附着物及青苗补偿费归地上附着物及青苗的所有者所有",
)
_CITE_000_PAY = Citation(
    document=_SEED_000,
    section="§二(二)1",
    quote="征地補償費用支付給集體經濟組織或發放到農民個人是否足額到位,是否存在擅自降低征地補償"
    "標準,隨意截留、挪用和拖欠征地補償款的現象",
)
_CITE_002_QUOTA = Citation(
    document=_SEED_002,
    section="§三(二)",
    quote="各地应以省级以上政府批准征收耕地和其他农用地的数量、被征地村上年度末土地变更调查"
    "相关数据、公安部门按传统口径确定的 16 周岁以上农业人口、已参加被征地社会保障人口,作为"
    "核定参保指标的基本参数,合理确定参保人员数量。",
)
_CITE_002_MATCH = Citation(
    document=_SEED_002,
    section="§三(三)",
    quote="根据农户承包地中被征收的耕地和其他农用地情况确定保障农户,由农户在家庭中选择符合"
    "条件的成员作为参保对象。",
)
_CITE_002_WAIVED = Citation(
    document=_SEED_002,
    section="§三(三)",
    quote="放弃参保的节余指标和符合规定的调剂指标,优先用于解决本村集体经济组织内已征地但尚未"
    '参保的成员。调剂名单的产生必须履行"五议两公开"程序。',
)
_CITE_002_WAIVE_RULE = Citation(
    document=_SEED_002,
    section="§三(四)",
    quote="无正当理由未在规定期限内参保的,视为放弃参保。",
)
_CITE_002_ENTRY = Citation(
    document=_SEED_002,
    section="§三(一)",
    quote="重点工程建设项目用地确需在土地征用批准前安排参保的,由县级以上政府统筹考虑、研究决定。",
)

# Land types counted for insurance places: 耕地和其他农用地 (zj-taizhou-2019-47 §三(二)).
_PLACE_LAND_TYPES = frozenset({LandType.CULTIVATED, LandType.OTHER_AGRICULTURAL})
# How many ids a note lists before saying "and N more".
_LIST_LIMIT = 10

# -- helpers ---------------------------------------------------------------------------------


def _at(policy: Policy, on: dt.date) -> tuple[Policy, tuple[Note, ...]]:
    """The policy as given (its own date), with a note when the event's date ``on`` differs.

    One convention for every area: a rule reads the policy on ``policy.on``; the caller
    chooses the law with ``policy.at(date)``. See docs/concepts/facts-not-recorded.md.
    """
    if policy.on == on:
        return policy, ()
    return policy, (convention("land.note.policy_date", policy_on=policy.on, approved_on=on),)


# No rounding fen to hand out: one note for LAND-2 and LAND-3, built once (a Note is immutable).
_NO_FEN = rounding("land.note.no_fen")


def _ids(ids: Sequence[str]) -> str:
    """A short list of ids for a note: the first few, then how many more."""
    shown = ", ".join(ids[:_LIST_LIMIT])
    more = len(ids) - _LIST_LIMIT
    return f"{shown} (+{more})" if more > 0 else shown


def _fraction_in(param: Parameter, lo: int, hi: int, rule: str) -> Fraction:
    value = param.fraction
    n, d = value.as_integer_ratio()
    if not lo * d <= n <= hi * d:  # lo <= value <= hi, in integers
        raise RuleError(
            rule=rule,
            message=f"{param.name} = {param.value} (pack {param.pack_id}) must lie between "
            f"{lo * 100}% and {hi * 100}%",
            code="land.error.share_out_of_range",
            extra={
                "param": param.name,
                "value": param.value,
                "pack": param.pack_id,
                "min": lo * 100,
                "max": hi * 100,
            },
        )
    return value


def _mu_area(mu: Fraction) -> Area:
    return Area(mu, "mu")


# Exact rationals as (numerator, denominator) pairs of ints, denominator > 0 and not reduced:
# the money arithmetic of LAND-2 in integers (Fraction objects only where a value is shown).
_Ratio = tuple[int, int]


def _mu_ratio(area: Area) -> _Ratio:
    """The area in mu: m² × 15 / 10,000 (1 mu = 10,000/15 m²), as an unreduced ratio."""
    m2 = area.square_metres
    return m2.numerator * 3, m2.denominator * 2000


def _money_times(amount: Money, factor: _Ratio) -> Money:
    """``amount × factor`` rounded half-up to the fen (what ``Money * Fraction`` gives)."""
    return Money.from_fen(round_ratio(amount.fen * factor[0], factor[1]))


def _yuan(numerator: int, denominator: int) -> Money:
    """``numerator / denominator`` yuan (denominator > 0) rounded half-up to the fen, as
    ``Money.round`` rounds it."""
    return Money.from_fen(round_ratio(numerator * 100, denominator))


_METHODS = {m.value: m for m in CompensationMethod}


def _contracted_by_parcel_order(
    exp: Expropriation, types: frozenset[LandType] | None = None
) -> dict[str, Fraction]:
    """Expropriated contracted area per household id (m²), in order of first parcel."""
    out: dict[str, Fraction] = {}
    for p in exp.parcels:
        hid = p.contracted_by
        if hid is None or (types is not None and p.land_type not in types):
            continue
        m2 = p.area.square_metres
        before = out.get(hid)
        out[hid] = m2 if before is None else before + m2
    return out


def _contracted_m2(
    exp: Expropriation, types: frozenset[LandType] | None = None
) -> dict[str, Fraction]:
    """Expropriated contracted area per household id (m²), households in case order."""
    out = _contracted_by_parcel_order(exp, types)
    return {h.id: out[h.id] for h in exp.households if h.id in out}


def _no_contractor_note(exp: Expropriation) -> tuple[Note, ...]:
    """A warning naming the parcels with no contracting household recorded (unknown ≠ none)."""
    ids = [p.id for p in exp.parcels if p.contracted_by is None]
    if not ids:
        return ()
    return (warning("land.note.no_contractor", parcels=ids),)


def _integer_weights(areas: Sequence[Fraction]) -> list[int]:
    """Areas as integers in the same ratios (all zero stays all zero)."""
    return scale_to_integers(areas) or [0] * len(areas)
