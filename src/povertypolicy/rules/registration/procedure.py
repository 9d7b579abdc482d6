"""The registration procedure (poverty-work-plan-samples 篇4 §三(二)–(三)): ID-3;
识别程序、民主评议、公示、递补."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction

import attrs

from ...errors import InputError
from ...explain import Citation, Result
from ...explain.recorder import Recorder, convention
from ...policy import Policy
from .eligibility import SEED

__all__ = [
    "EvaluationGroup",
    "PostingPeriod",
    "ProcedureCheck",
    "Replacement",
    "Stage",
    "VoteCheck",
    "check_procedure",
    "evaluation_group",
    "posting_period",
    "replace_disqualified",
    "vote",
]

_CIVIL_CODE_201 = Citation(
    law="中华人民共和国民法典",
    article="第二百零一条",
    quote="按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算",
)
_CITE_REPLACE = Citation(
    document=SEED,
    section="篇4 §三(三)",
    quote="確有問題的要取消其扶貧對象資格,并從得票靠前的落選農戶中依次遞補",
)
_CITE_STAGES = Citation(
    document=SEED,
    section="篇4 §三(二)",
    quote="戶主申請、村民小組提名、村民代表評議和票決、村委會審查、鄉鎮審核、區縣扶貧辦及民政局復核、區縣人民政府審批",
)


class Stage(enum.StrEnum):
    """A stage of the identification procedure, in order; 识别程序 (ID-3)."""

    __label__ = "registration.stage"

    APPLIED = "applied"
    NOMINATED = "nominated"
    VOTED = "voted"
    VILLAGE_REVIEWED = "village_reviewed"
    TOWNSHIP_CHECKED = "township_checked"
    COUNTY_RECHECKED = "county_rechecked"
    COUNTY_APPROVED = "county_approved"


def _date(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(
            obj="rules.registration",
            field=name,
            value=value,
            expected="a datetime.date",
            code="core.error.date",
        )
    return value


def _count(name: str, value: object, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InputError(
            obj="rules.registration",
            field=name,
            value=value,
            expected=f"a whole number >= {minimum}",
            code="core.error.positive_count" if minimum else "core.error.count",
        )
    return value


@attrs.frozen(kw_only=True)
class PostingPeriod:
    """A posting window counted as the Civil Code counts periods; 公示期 (ID-3).

    Day one is the day after posting (民法典第二百零一条).

    Args:
        posted_on: Day the list was posted.
        first_day: Day one of the window: the day after posting.
        last_day: Last day of the window.
        next_stage_on: First day the next stage may start.
        taken_down_on: Last day the list was up; None: not given.
        days: Days counted up to ``taken_down_on``; None: not given.
        complies: True when that was enough; None: not given.
    """

    posted_on: dt.date
    first_day: dt.date
    last_day: dt.date
    next_stage_on: dt.date
    taken_down_on: dt.date | None
    days: int | None
    complies: bool | None


def posting_period(
    posted_on: dt.date, policy: Policy, *, taken_down_on: dt.date | None = None
) -> Result[PostingPeriod]:
    """The posting window of at least 7 days, as dates; 公示期不少于7天 (ID-3)."""
    _date("posted_on", posted_on)
    if taken_down_on is not None:
        _date("taken_down_on", taken_down_on)
        if taken_down_on < posted_on:
            raise InputError(
                obj="posting_period",
                field="taken_down_on",
                value=taken_down_on,
                expected=f"on or after {posted_on}",
                code="registration.error.taken_down_before_posted",
                extra={"posted_on": posted_on},
            )
    minimum = policy.param("registration.posting_min_days")
    one = dt.timedelta(days=1)
    first = posted_on + one
    last = posted_on + dt.timedelta(days=minimum.integer)
    days = None if taken_down_on is None else (taken_down_on - posted_on).days
    complies = None if days is None else minimum.admits(days)
    value = PostingPeriod(
        posted_on=posted_on,
        first_day=first,
        last_day=last,
        next_stage_on=last + one,
        taken_down_on=taken_down_on,
        days=days,
        complies=complies,
    )
    rec = Recorder("ID-3")
    rec.step(
        "registration.posting",
        posted_on=posted_on,
        first=first,
        last=last,
        next=last + one,
        params=(minimum,),
        notes=(convention("registration.note.no_holiday_rule"),),
        citation=_CIVIL_CODE_201,
    )
    if taken_down_on is not None:
        rec.step(
            "registration.posting_kept" if complies else "registration.posting_short",
            taken_down_on=taken_down_on,
            days=days,
            minimum=minimum.integer,
        )
    return rec.result(value)


@attrs.frozen(kw_only=True)
class EvaluationGroup:
    """Whether a village's democratic evaluation group is valid; 民主评议小组 (ID-3).

    Args:
        members: Members of the evaluation group.
        members_ok: True when there are enough members (30人以上).
        short_groups: Villager groups with too few households taking part.
    """

    members: int
    members_ok: bool
    short_groups: tuple[str, ...]

    @property
    def valid(self) -> bool:
        """Enough members, and every villager group with enough households taking part."""
        return self.members_ok and not self.short_groups


def evaluation_group(
    members: int, households_by_group: Mapping[str, int], policy: Policy
) -> Result[EvaluationGroup]:
    """30 or more members (30人以上), at least 2 households from each villager group (ID-3)."""
    _count("members", members)
    if not households_by_group:
        raise InputError(
            obj="evaluation_group",
            field="households_by_group",
            value=households_by_group,
            expected="the households taking part, for each villager group",
            code="registration.error.no_villager_groups",
        )
    for group, n in households_by_group.items():
        _count(f"households_by_group[{group}]", n)
    min_members = policy.param("registration.evaluation_group_min_members")
    min_households = policy.param("registration.evaluation_group_min_households")
    short = tuple(g for g, n in households_by_group.items() if not min_households.admits(n))
    value = EvaluationGroup(
        members=members, members_ok=min_members.admits(members), short_groups=short
    )
    rec = Recorder("ID-3")
    rec.step(
        "registration.group.valid" if value.valid else "registration.group.invalid",
        members=members,
        groups=len(households_by_group),
        short=short,
        params=(min_members, min_households),
    )
    return rec.result(value)


@attrs.frozen(kw_only=True)
class VoteCheck:
    """Participation and approval of a democratic evaluation; 参与率、认同感 (ID-3). Exact.

    Args:
        participation: Participation rate, exact.
        approval: Approval rate, exact.
        participation_ok: True when participation meets the pack's minimum.
        approval_ok: True when approval meets the pack's minimum.
    """

    participation: Fraction
    approval: Fraction
    participation_ok: bool
    approval_ok: bool

    @property
    def valid(self) -> bool:
        """Both 80% or more (达80%以上)."""
        return self.participation_ok and self.approval_ok


def vote(voters: int, participants: int, approvals: int, policy: Policy) -> Result[VoteCheck]:
    """Participation (participants / voters) and approval (approvals / participants), each
    80% or more (达80%以上: 80% included); exact fractions (ID-3)."""
    _count("voters", voters, 1)
    _count("participants", participants, 1)
    _count("approvals", approvals)
    if participants > voters or approvals > participants:
        raise InputError(
            obj="vote",
            field="participants/approvals",
            value=(voters, participants, approvals),
            expected="approvals <= participants <= voters",
            code="registration.error.vote_counts",
            extra={"voters": voters, "participants": participants, "approvals": approvals},
        )
    p_min = policy.param("registration.min_participation")
    a_min = policy.param("registration.min_approval")
    participation = Fraction(participants, voters)
    approval = Fraction(approvals, participants)
    value = VoteCheck(
        participation=participation,
        approval=approval,
        participation_ok=p_min.admits(participation * 100),
        approval_ok=a_min.admits(approval * 100),
    )
    rec = Recorder("ID-3")
    rec.step(
        "registration.vote.valid" if value.valid else "registration.vote.invalid",
        participation=participation * 100,
        approval=approval * 100,
        params=(p_min, a_min),
    )
    return rec.result(value)


@attrs.frozen(kw_only=True)
class Replacement:
    """Who replaces a disqualified household (None: no unsuccessful applicant left).

    Args:
        disqualified: The disqualified household.
        replacement: The household that replaces it; None: no unsuccessful applicant left.
        votes: The replacement's votes; None: no replacement.
    """

    disqualified: str
    replacement: str | None
    votes: int | None


def replace_disqualified(
    votes: Mapping[str, int],
    selected: Sequence[str],
    disqualified: Sequence[str],
    *,
    priority: Collection[str] = (),
) -> Result[tuple[Replacement, ...]]:
    """Replace each disqualified household by the next unsuccessful applicant in vote order;
    依次递补 (ID-3).

    ``votes`` has every applicant's votes; ``selected`` those who were chosen. Ties in votes go
    to family-planning households (一优先, ``priority``), then to the order of ``votes``.
    """
    for hid, n in votes.items():
        _count(f"votes[{hid}]", n)
    chosen = set(selected)
    for field, given in (("selected", selected), ("disqualified", disqualified)):
        unknown = [h for h in given if h not in votes]
        if unknown:
            raise InputError(
                obj="replace_disqualified",
                field=field,
                value=unknown,
                expected="applicants in votes",
                code="registration.error.replace_unknown",
            )
    out_of = [h for h in disqualified if h not in chosen]
    if out_of:
        raise InputError(
            obj="replace_disqualified",
            field="disqualified",
            value=out_of,
            expected="households that were selected",
            code="registration.error.replace_not_selected",
        )
    order = list(votes)
    waiting = sorted(
        (h for h in votes if h not in chosen),
        key=lambda h: (-votes[h], h not in priority, order.index(h)),
    )
    out: list[Replacement] = []
    rec = Recorder("ID-3")
    for hid in disqualified:
        nxt = waiting.pop(0) if waiting else None
        got = None if nxt is None else votes[nxt]
        out.append(Replacement(disqualified=hid, replacement=nxt, votes=got))
        rec.step(
            "registration.replace" if nxt is not None else "registration.replace_none",
            {"out": hid, "in": nxt, "votes": got},
            notes=(convention("registration.note.vote_ties"),),
            citation=_CITE_REPLACE,
        )
    return rec.result(tuple(out))


@attrs.frozen(kw_only=True)
class ProcedureCheck:
    """Stages missing or out of order; 程序核查 (ID-3).

    Args:
        missing: Stages missing.
        out_of_order: Stages done out of order.
    """

    missing: tuple[Stage, ...]
    out_of_order: tuple[Stage, ...]

    @property
    def complete(self) -> bool:
        """Every stage done, in order."""
        return not self.missing and not self.out_of_order


def check_procedure(dates: Mapping[Stage, dt.date]) -> Result[ProcedureCheck]:
    """Whether the seven stages were done in order; 识别程序 (ID-3).

    A stage dated before an earlier stage is out of order; stages without a date are missing.
    """
    for stage, d in dates.items():
        if not isinstance(stage, Stage):
            raise InputError(
                obj="check_procedure",
                field="dates",
                value=stage,
                expected="a Stage",
                code="core.error.enum",
                extra={"choices": ", ".join(f"Stage.{s.name}" for s in Stage)},
            )
        _date(f"dates[{stage.value}]", d)
    missing = tuple(s for s in Stage if s not in dates)
    late: list[Stage] = []
    latest: dt.date | None = None
    for s in Stage:
        when = dates.get(s)
        if when is None:
            continue
        if latest is not None and when < latest:
            late.append(s)
        else:
            latest = when
    value = ProcedureCheck(missing=missing, out_of_order=tuple(late))
    rec = Recorder("ID-3")
    rec.step(
        "registration.procedure.complete" if value.complete else "registration.procedure.gaps",
        missing=missing,
        out_of_order=value.out_of_order,
        citation=_CITE_STAGES,
    )
    return rec.result(value)
