"""LAND-3: who receives what, to the fen; 征地补偿款分配."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...domain.land import Expropriation
from ...errors import RuleError
from ...explain import Note, Result
from ...explain.recorder import Recorder, convention, rounding
from ...money import Money
from ...policy import Policy
from ._base import (
    _CITE_000_PAY,
    _CITE_REGS26,
    _CITE_REGS2021_32,
    _NO_FEN,
    _at,
    _contracted_m2,
    _fraction_in,
    _ids,
    _integer_weights,
    _no_contractor_note,
)
from .compensation import compensation
from .values import CompensationItem, CompensationSplit, PayeeDue, PayeeKind, SplitLine

__all__ = ["split_compensation"]

# Notes without arguments, built once and shared (a Note is immutable; building one is not free).
_BY_AREA = convention("land.note.by_contracted_area")

# -- LAND-3: the split ---------------------------------------------------------------------


def _payee_kind(exp: Expropriation, payee: str, households: frozenset[str]) -> PayeeKind:
    if payee == exp.collective:
        return PayeeKind.COLLECTIVE
    if payee in households:
        return PayeeKind.HOUSEHOLD
    if payee == exp.resettling_unit:
        return PayeeKind.RESETTLING_UNIT
    if payee == exp.social_security_account:
        return PayeeKind.SOCIAL_SECURITY_FUND
    return PayeeKind.OWNER


def _rounding_note(took: Sequence[str]) -> Note:
    if not took:
        return _NO_FEN
    return rounding("land.note.fen_to_payees", count=len(took), payees=_ids(took))


def split_compensation(expropriation: Expropriation, policy: Policy) -> Result[CompensationSplit]:
    """Split the compensation between the collective, each household and each owner, to the fen.

    征地补偿款分配（集体、农户、所有者）. LAND-3 (with LAND-1, LAND-2 for the amounts).
    """
    exp = expropriation
    rec = Recorder("LAND-3")
    c = rec.use(compensation(exp, policy))
    pol, _ = _at(policy, exp.approved_on)
    household_ids = frozenset(h.id for h in exp.households)
    lines: list[SplitLine] = []
    regs = _CITE_REGS2021_32 if c.social_security_fees else _CITE_REGS26

    # Land compensation fee: to the collective, a share passed on by contracted area.
    share_p = pol.param("land.household_share_of_land_compensation")
    share = _fraction_in(share_p, 0, 1, "LAND-3")
    contracted = _contracted_m2(exp)
    # c.area is the total of every parcel, exactly (in m²)
    areas = _integer_weights([c.area.square_metres, *contracted.values()])
    total, household_areas = areas[0], areas[1:]
    uncontracted = total - sum(household_areas)
    names = [exp.collective, *contracted]
    # weights × share's denominator: integers, so the allocation is exact and fast
    num, den = share.numerator, share.denominator
    weights = [(den - num) * total + num * uncontracted]
    weights.extend(num * a for a in household_areas)
    parts, extra = c.land_compensation.allocate_with_remainder(weights)
    for name, amount in zip(names, parts, strict=True):
        if amount:
            lines.append(
                SplitLine(
                    payee=name,
                    payee_kind=_payee_kind(exp, name, household_ids),
                    item=CompensationItem.LAND_COMPENSATION,
                    amount=amount,
                )
            )
    rec.step(
        "land.split_land_compensation",
        {
            "amount": c.land_compensation,
            "collective": exp.collective,
            "kept": parts[0],
            "share": share_p.decimal,
            "households": len(contracted),
            "to_households": c.land_compensation - parts[0],
        },
        params=(share_p,),
        notes=(
            _BY_AREA,
            _rounding_note([names[i] for i in extra]),
            *_no_contractor_note(exp),
        ),
        citation=regs,
    )

    # Resettlement subsidy: to whoever resettles the people.
    payee_p = pol.param("land.resettlement_subsidy_payee")
    rs = c.resettlement_subsidy
    rs_notes: list[Note] = []
    if rs:
        if payee_p.text == "collective":
            lines.append(
                SplitLine(
                    payee=exp.collective,
                    payee_kind=PayeeKind.COLLECTIVE,
                    item=CompensationItem.RESETTLEMENT_SUBSIDY,
                    amount=rs,
                )
            )
            rs_to = exp.collective
        elif payee_p.text == "resettling_unit":
            if exp.resettling_unit is None:
                raise RuleError(
                    rule="LAND-3",
                    message=f"pack {payee_p.pack_id} pays the resettlement subsidy to the unit "
                    "that resettles the people, but the expropriation names no resettling_unit",
                    code="land.error.no_resettling_unit",
                    extra={"pack": payee_p.pack_id},
                )
            lines.append(
                SplitLine(
                    payee=exp.resettling_unit,
                    payee_kind=PayeeKind.RESETTLING_UNIT,
                    item=CompensationItem.RESETTLEMENT_SUBSIDY,
                    amount=rs,
                )
            )
            rs_to = exp.resettling_unit
        else:
            if not contracted:
                raise RuleError(
                    rule="LAND-3",
                    message=f"pack {payee_p.pack_id} pays the resettlement subsidy to the "
                    "households, but no parcel names a contracting household",
                    code="land.error.no_contracting_household",
                    extra={"pack": payee_p.pack_id},
                )
            hh_parts, hh_extra = rs.allocate_with_remainder(household_areas)
            hh_names = list(contracted)
            for name, amount in zip(hh_names, hh_parts, strict=True):
                if amount:
                    lines.append(
                        SplitLine(
                            payee=name,
                            payee_kind=PayeeKind.HOUSEHOLD,
                            item=CompensationItem.RESETTLEMENT_SUBSIDY,
                            amount=amount,
                        )
                    )
            rs_notes.append(_BY_AREA)
            rs_notes.append(_rounding_note([hh_names[i] for i in hh_extra]))
            rs_to = _ids(hh_names)
    else:
        rs_to = "—"
    rec.step(
        "land.split_resettlement",
        {"amount": rs, "payee": rs_to, "choice": payee_p.text},
        params=(payee_p,),
        notes=rs_notes,
    )

    # Attachments and young crops: to each owner.
    by_owner: dict[str, int] = {}  # fen, owners in order of first attachment
    for a in exp.attachments:
        by_owner[a.owner] = by_owner.get(a.owner, 0) + a.amount.fen
    for owner, fen in by_owner.items():
        lines.append(
            SplitLine(
                payee=owner,
                payee_kind=_payee_kind(exp, owner, household_ids),
                item=CompensationItem.ATTACHMENTS_COMPENSATION,
                amount=Money.from_fen(fen),
            )
        )
    rec.step(
        "land.split_attachments",
        {"amount": c.attachments_compensation, "owners": len(by_owner)},
        citation=regs,
    )
    if c.social_security_fees:
        lines.append(
            SplitLine(
                payee=exp.social_security_account,
                payee_kind=PayeeKind.SOCIAL_SECURITY_FUND,
                item=CompensationItem.SOCIAL_SECURITY_FEES,
                amount=c.social_security_fees,
            )
        )
        rec.step(
            "land.split_social_security",
            {"amount": c.social_security_fees, "payee": exp.social_security_account},
        )

    payees = _group(lines)
    split_total = Money.from_fen(sum([p.amount.fen for p in payees]))
    if split_total != c.total:  # pragma: no cover - guarded by property tests
        raise AssertionError(f"split {split_total} does not conserve the total {c.total}")
    rec.step(
        "land.split_total", {"total": split_total, "payees": len(payees)}, citation=_CITE_000_PAY
    )
    value = CompensationSplit(
        collective=exp.collective,
        approved_on=exp.approved_on,
        compensation=c,
        lines=tuple(lines),
        payees=payees,
        parties=exp.parties,
    )
    return rec.result(value)


_KIND_ORDER = {k: i for i, k in enumerate(PayeeKind)}


def _group(lines: Iterable[SplitLine]) -> tuple[PayeeDue, ...]:
    grouped: dict[str, list[SplitLine]] = {}
    for line in lines:
        same = grouped.get(line.payee)
        if same is None:
            grouped[line.payee] = [line]
        else:
            same.append(line)
    ranked: list[tuple[int, str, PayeeDue]] = []
    for payee, items in grouped.items():
        first = items[0]
        if len(items) == 1:
            amount = first.amount
            pairs: tuple[tuple[CompensationItem, Money], ...] = ((first.item, amount),)
        else:
            fen = 0
            listed: list[tuple[CompensationItem, Money]] = []
            for x in items:
                fen += x.amount.fen
                listed.append((x.item, x.amount))
            amount = Money.from_fen(fen)
            pairs = tuple(listed)
        due = PayeeDue(payee=payee, payee_kind=first.payee_kind, amount=amount, items=pairs)
        ranked.append((_KIND_ORDER[first.payee_kind], payee, due))
    ranked.sort()  # by kind, then payee id; the ids are unique, so PayeeDue never compares
    out = []
    for r in ranked:
        out.append(r[2])
    return tuple(out)
