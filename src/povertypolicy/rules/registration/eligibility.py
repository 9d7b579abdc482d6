"""Registration eligibility, the eleven exclusions, card classes: ID-1, ID-2 (篇4), ID-5 (篇5)."""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs

from ...domain.enums import CardClass, Exclusion, LabourCapacity
from ...domain.registration import Applicant
from ...errors import InputError
from ...explain import Citation, NoteKind, Result
from ...explain.recorder import Recorder, convention, default, note
from ...policy import Policy
from ..monitoring._facts import Tri, labour
from ..poverty import poverty_line

__all__ = [
    "CardAssignment",
    "RegistrationCondition",
    "RegistrationEligibility",
    "card_class",
    "eligibility",
]

SEED = "poverty-work-plan-samples"
_CITE_DIBAO = Citation(
    document=SEED,
    section="篇4 §三(一)",
    quote="民政部門已識別登記的農村低保對象,這次全部納入扶貧對象一并建檔立卡",
)
_CITE_EXCLUSIONS = Citation(document=SEED, section="篇4 §三(一)", quote="“十一不評”")
_CITE_PRIORITY = Citation(document=SEED, section="篇4 §三(一)", quote="計劃生育優先")
_CITE_CARDS = Citation(document=SEED, section="篇5 §二(二)")
_ABLE = (LabourCapacity.FULL, LabourCapacity.PARTIAL)


class RegistrationCondition(enum.StrEnum):
    """A condition of registration as a development target; 扶贫开发对象条件 (ID-1, ID-2)."""

    __label__ = "registration.condition"

    MAIN_LABOURER_AGE = "main_labourer_age"
    MAIN_LABOURER_ABLE = "main_labourer_able"
    WILLING = "willing"
    INCOME_AT_OR_BELOW_LINE = "income_at_or_below_line"
    NOT_EXCLUDED = "not_excluded"
    RURAL_DIBAO = "rural_dibao"
    """Listed only as not recorded: a rural dibao household is included whatever the others."""


@attrs.frozen(kw_only=True)
class RegistrationEligibility:
    """Whether a household may be registered; 建档立卡识别 (ID-1, ID-2).

    Args:
        household_id: The household's id.
        reason: ``dibao`` (a rural dibao household, included as such), ``eligible``, ``ineligible``
            (an ID-1 condition failed), ``excluded`` (one of the eleven exclusions) or
            ``undetermined`` (a fact was not recorded; also when the household fails or is
            excluded but whether it is a rural dibao household, which would include it, was
            not recorded).
        failed: ID-1 conditions failed.
        not_recorded: Conditions that could not be checked for want of a fact.
        exclusions: Exclusions that apply (十一不评).
        priority: A family-planning household given priority; None: not recorded.
    """

    household_id: str
    reason: str
    failed: tuple[RegistrationCondition, ...]
    not_recorded: tuple[RegistrationCondition, ...]
    exclusions: tuple[Exclusion, ...]
    priority: bool | None

    @property
    def eligible(self) -> bool | None:
        """True, False, or None when undetermined."""
        if self.reason in ("dibao", "eligible"):
            return True
        return None if self.reason == "undetermined" else False


def _require(applicant: object) -> Applicant:
    if not isinstance(applicant, Applicant):
        raise InputError(
            obj="rules.registration",
            field="applicant",
            value=applicant,
            expected="an Applicant",
            code="registration.error.not_an_applicant",
        )
    return applicant


def eligibility(applicant: Applicant, policy: Policy) -> Result[RegistrationEligibility]:
    """Whether a household may be registered; 扶贫对象识别 (ID-1, ID-2).

    A development target (扶贫开发对象): the main labourer 60 or under (以下: 60 included) and
    able to work, a strong wish to leave poverty, per-capita net income at or below the poverty
    line of the income year at current prices, and none of the eleven exclusions. Rural dibao
    households are all included. Family-planning households have priority (一优先).
    """
    _require(applicant)
    h = applicant.household
    rec = Recorder("ID-1")
    if h.dibao:
        rec.step("registration.dibao", household=h.id, citation=_CITE_DIBAO)
        value = RegistrationEligibility(
            household_id=h.id,
            reason="dibao",
            failed=(),
            not_recorded=(),
            exclusions=(),
            priority=applicant.family_planning_priority,
        )
        _priority_step(rec, value)
        return rec.result(value)

    if h.dibao is None:
        rec.step("registration.dibao_not_recorded", household=h.id, citation=_CITE_DIBAO)
    states: dict[RegistrationCondition, Tri] = {}
    max_age = policy.param("registration.main_labourer_max_age")
    labourer = None if applicant.main_labourer_id is None else h.member(applicant.main_labourer_id)
    age = None if labourer is None else labourer.age_on(applicant.assessed_on)
    states[RegistrationCondition.MAIN_LABOURER_AGE] = None if age is None else max_age.admits(age)
    at_limit = age is not None and age == max_age.integer
    rec.step(
        "registration.labourer_age",
        person=applicant.main_labourer_id,
        age=age,
        on=applicant.assessed_on,
        params=(max_age,),
        notes=(
            note(NoteKind.BOUNDARY, "registration.note.age_at_limit", age=age)
            if at_limit
            else None,
        ),
    )
    capacity = None if labourer is None else labourer.labour_capacity
    states[RegistrationCondition.MAIN_LABOURER_ABLE] = (
        None if capacity is None else capacity in _ABLE
    )
    states[RegistrationCondition.WILLING] = applicant.willing
    rec.step(
        "registration.labourer_able",
        capacity=capacity,
        willing=applicant.willing,
        citation=Citation(document=SEED, section="篇4 §二(二)"),
    )
    income = applicant.per_capita_net_income
    if applicant.income_year is None or income is None:
        states[RegistrationCondition.INCOME_AT_OR_BELOW_LINE] = None
        rec.step(
            "registration.income_not_recorded",
            income=income,
            year=None if applicant.income_year is None else str(applicant.income_year),
        )
    else:
        line = poverty_line(applicant.income_year, policy, rule="ID-1")
        rec.extend(line)
        multiple = policy.param("registration.income_line_multiple")
        ok = multiple.admits(Fraction(income.fen, line.value.fen))
        states[RegistrationCondition.INCOME_AT_OR_BELOW_LINE] = ok
        at_line = income == line.value
        rec.step(
            "registration.income",
            income=income,
            line=line.value,
            ok=ok,
            params=(multiple,),
            notes=(
                note(NoteKind.BOUNDARY, "registration.note.income_at_line") if at_line else None,
            ),
        )
    excl = applicant.exclusions
    found = () if excl is None else tuple(e for e in Exclusion if e in excl)
    states[RegistrationCondition.NOT_EXCLUDED] = None if excl is None else not found
    unsupported = Exclusion.CHILDREN_NOT_SUPPORTING in found
    rec.step(
        "registration.exclusions" if excl is not None else "registration.exclusions_unchecked",
        found=found,
        notes=(default("registration.note.in_principle") if unsupported else None,),
        citation=_CITE_EXCLUSIONS,
        rule="ID-2",
    )
    failed = tuple(c for c, s in states.items() if s is False)
    unknown = tuple(c for c, s in states.items() if s is None)
    id1_failed = tuple(c for c in failed if c is not RegistrationCondition.NOT_EXCLUDED)
    if id1_failed:
        reason = "ineligible"
    elif found:
        reason = "excluded"
    elif unknown:
        reason = "undetermined"
    else:
        reason = "eligible"
    if h.dibao is None and reason != "eligible":
        # a rural dibao household would be included whatever the conditions: not decided
        reason = "undetermined"
        unknown = (*unknown, RegistrationCondition.RURAL_DIBAO)
    value = RegistrationEligibility(
        household_id=h.id,
        reason=reason,
        failed=failed,
        not_recorded=unknown,
        exclusions=found,
        priority=applicant.family_planning_priority,
    )
    _priority_step(rec, value)
    rec.step(
        f"registration.summary.{reason}",
        household=h.id,
        failed=failed,
        not_recorded=unknown,
        exclusions=found,
    )
    return rec.result(value)


def _priority_step(rec: Recorder, value: RegistrationEligibility) -> None:
    rec.step(
        "registration.priority"
        if value.priority is not None
        else "registration.priority_not_recorded",
        priority=value.priority,
        citation=_CITE_PRIORITY,
        rule="ID-2",
    )


@attrs.frozen(kw_only=True)
class CardAssignment:
    """The card class of a registered household; 黄卡 / 红卡 / 蓝卡 (ID-5). None: undetermined.

    Args:
        household_id: The household's id.
        card: Its card class; None: undetermined.
        not_recorded: Facts that were needed and not recorded.
    """

    household_id: str
    card: CardClass | None
    not_recorded: tuple[str, ...]


def card_class(applicant: Applicant, policy: Policy) -> Result[CardAssignment]:
    """Yellow, red or blue card; 分类扶持 (ID-5).

    Blue: five-guarantee households, and households whose members have all lost labour capacity
    (old age, illness, disability). Of households that can work: yellow when income is at the
    edge of the line, red when poverty is deeper (``deep_poverty``, recorded on the visit: the
    text gives no figure).
    """
    _require(applicant)
    del policy  # ID-5 has no parameters
    h = applicant.household
    all_lost, _, _, can_work = labour(h)
    missing: list[str] = []
    card: CardClass | None
    if applicant.five_guarantee or all_lost:
        card, key = CardClass.BLUE, "registration.card.blue"
    elif applicant.five_guarantee is None or can_work is None or applicant.deep_poverty is None:
        card, key = None, "registration.card.undetermined"
        if applicant.five_guarantee is None:
            missing.append("five_guarantee")
        if can_work is None:
            missing.append("labour_capacity")
        if applicant.deep_poverty is None:
            missing.append("deep_poverty")
    elif applicant.deep_poverty:
        card, key = CardClass.RED, "registration.card.red"
    else:
        card, key = CardClass.YELLOW, "registration.card.yellow"
    rec = Recorder("ID-5")
    rec.step(
        key,
        household=h.id,
        card=card,
        five_guarantee=applicant.five_guarantee,
        deep=applicant.deep_poverty,
        not_recorded=tuple(missing),
        notes=(convention("registration.note.card_depth"),),
        citation=_CITE_CARDS,
    )
    return rec.result(CardAssignment(household_id=h.id, card=card, not_recorded=tuple(missing)))
