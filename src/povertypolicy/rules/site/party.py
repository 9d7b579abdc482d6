"""SITE-4 / SITE-5: the party organisation and an extra deputy secretary; 党组织设置."""

from __future__ import annotations

from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder, convention, default
from ...policy import Policy
from ._base import _check_count, _overlap_note, _size_range
from .values import (
    Convention,
    DeputyReason,
    DeputySecretary,
    PartyOrganisation,
    PartyOrgKind,
    SizeRange,
)

__all__ = ["deputy_secretary", "party_organisation"]

# -- SITE-4, SITE-5: party organisation -----------------------------------------------------------


def party_organisation(members: int | None, policy: Policy) -> Result[PartyOrganisation]:
    """The party organisation for the site's full party members; 党组织设置 (SITE-4).

    0 → a party-building instructor is sent; 1–2 → joint branch with neighbours; 3–49 →
    branch; 50–99 → general branch; ≥100 → party committee (the text puts 100 in both of the
    last two bands; the pack's bound decides, and the explanation says so).
    """
    branch = policy.param("site.party_branch_min_members")
    general = policy.param("site.party_general_branch_min_members")
    committee = policy.param("site.party_committee_min_members")
    rec = Recorder("SITE-4")
    if members is None:
        rec.step("site.party.not_recorded", params=(branch, general, committee))
        return rec.result(PartyOrganisation(kind=None, members=None, seats=None))
    members = _check_count(members, "party_organisation", "members")
    if members == 0:
        kind = PartyOrgKind.INSTRUCTOR
    elif not branch.admits(members):
        kind = PartyOrgKind.JOINT_BRANCH
    elif committee.admits(members):
        kind = PartyOrgKind.COMMITTEE
    elif general.admits(members):
        kind = PartyOrgKind.GENERAL_BRANCH
    else:
        kind = PartyOrgKind.BRANCH
    if kind is PartyOrgKind.COMMITTEE:
        notes = _overlap_note(
            committee, members, PartyOrgKind.COMMITTEE, PartyOrgKind.GENERAL_BRANCH
        )
    else:
        notes = _overlap_note(
            committee, members, PartyOrgKind.GENERAL_BRANCH, PartyOrgKind.COMMITTEE
        )
    rec.step(
        f"site.party.{kind.value}",
        members=members,
        kind=kind,
        params=(branch, general, committee),
        notes=notes,
    )
    seats_param = {
        PartyOrgKind.JOINT_BRANCH: "site.branch_seats",
        PartyOrgKind.BRANCH: "site.branch_seats",
        PartyOrgKind.GENERAL_BRANCH: "site.general_branch_seats",
        PartyOrgKind.COMMITTEE: "site.committee_seats",
    }.get(kind)
    seats: SizeRange | None = None
    if seats_param is not None:
        param = policy.param(seats_param)
        seats, note = _size_range(param, Convention.ODD_NEAR_MIDDLE)
        joint = kind is PartyOrgKind.JOINT_BRANCH
        rec.step(
            "site.party.seats",
            kind=kind,
            range=param.range,
            recommended=seats.recommended,
            params=(param,),
            notes=(note, convention("site.note.joint_branch_seats") if joint else None),
        )
    return rec.result(PartyOrganisation(kind=kind, members=members, seats=seats))


def deputy_secretary(
    kind: PartyOrgKind | None,
    policy: Policy,
    *,
    population: int,
    secretary_is_director: bool | None = None,
) -> Result[DeputySecretary]:
    """Whether one extra full-time deputy secretary may be added; 增配专职副书记 (SITE-5).

    Any one condition suffices: a party committee, the secretary also residents' committee
    director (一肩挑), or a resident population of ≥5000. The text says "可" (may).
    """
    if kind is not None and not isinstance(kind, PartyOrgKind):
        choices = [f"PartyOrgKind.{m.name}" for m in PartyOrgKind] + ["None"]
        raise InputError(
            obj="deputy_secretary",
            field="kind",
            value=kind,
            expected="a PartyOrgKind or None",
            code="core.error.enum",
            extra={"choices": ", ".join(choices)},
        )
    population = _check_count(population, "deputy_secretary", "population")
    if secretary_is_director is not None and not isinstance(secretary_is_director, bool):
        raise InputError(
            obj="deputy_secretary",
            field="secretary_is_director",
            value=secretary_is_director,
            expected="True, False or None (not recorded)",
            code="core.error.boolean_or_unknown",
        )
    threshold = policy.param("site.deputy_secretary_min_population")
    extra = policy.param("site.extra_deputy_secretaries")
    reasons: list[DeputyReason] = []
    if kind is PartyOrgKind.COMMITTEE:
        reasons.append(DeputyReason.PARTY_COMMITTEE)
    if secretary_is_director:
        reasons.append(DeputyReason.ONE_SHOULDER)
    if threshold.admits(population):
        reasons.append(DeputyReason.POPULATION)
    unknown = [
        reason
        for reason, fact in (
            (DeputyReason.PARTY_COMMITTEE, kind),
            (DeputyReason.ONE_SHOULDER, secretary_is_director),
        )
        if fact is None
    ]
    rec = Recorder("SITE-5")
    if not reasons and unknown:
        rec.step(
            "site.deputy.undetermined",
            unknown=unknown,
            population=population,
            params=(threshold, extra),
        )
        return rec.result(DeputySecretary(may_add=None, extra=0, reasons=()))
    may = bool(reasons)
    rec.step(
        "site.deputy.yes" if may else "site.deputy.no",
        kind=kind,
        one_shoulder=secretary_is_director,
        population=population,
        reasons=reasons,
        extra=extra.integer,
        params=(threshold, extra),
        notes=(default("site.note.deputy_may") if may else None,),
    )
    return rec.result(
        DeputySecretary(may_add=may, extra=extra.integer if may else 0, reasons=tuple(reasons))
    )
