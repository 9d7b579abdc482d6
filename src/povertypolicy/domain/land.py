"""Land and its expropriation; 地块 / 土地征收 / 地上附着物和青苗 / 补偿款支付台账."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import InputError
from ..money import Money
from ..units import Area, total_square_metres
from . import _validate as v
from .base import DomainObject
from .enums import LandType
from .person import Household

__all__ = [
    "Attachment",
    "AttachmentKind",
    "Expropriation",
    "LedgerEntry",
    "Parcel",
    "PaymentLedger",
]


SOCIAL_SECURITY_FUND = "social-security-fund"
"""Default payee id of the social-security fees (社会保障费用专户)."""


def _to_attachment_kind(value: Any) -> Any:
    """Converter to a AttachmentKind member (its value, a label or an alias)."""
    return v.as_member(AttachmentKind, value)


def _to_land_type(value: Any) -> Any:
    """Converter to a LandType member (its value, a label or an alias)."""
    return v.as_member(LandType, value)


@attrs.frozen(kw_only=True)
class Parcel(DomainObject):
    """A parcel of land; 地块 (LAND-3, LAND-9).

    Args:
        id: The parcel's id (地块编号).
        area: Its area, in any unit (亩, 分, 公顷, m²); greater than zero.
        land_type: Its land type (地类).
        contracted_by: Id of its contracting household (承包户); None: not contracted.
        collective: The collective that owns it; None: the expropriation's collective.
    """

    id: str = attrs.field(validator=v.identifier)
    area: Area = attrs.field(validator=v.positive_area)
    land_type: LandType = attrs.field(converter=_to_land_type, validator=v.member_of(LandType))
    contracted_by: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    collective: str | None = attrs.field(default=None, validator=v.optional(v.identifier))


class AttachmentKind(enum.StrEnum):
    """What is compensated besides the land; 地上附着物 / 青苗 (LAND-1, LAND-3)."""

    __label__ = "land.enum.attachment_kind"

    ATTACHMENT = "attachment"
    YOUNG_CROPS = "young_crops"


def _positive_money(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.money(instance, attribute, value)
    if value == Money.zero():
        raise v.fail(instance, attribute, value, "an amount > 0", code="core.error.money_positive")


@attrs.frozen(kw_only=True)
class Attachment(DomainObject):
    """A ground attachment or young crops, its owner and amount; 地上附着物和青苗 (LAND-3).

    Args:
        id: The attachment's id.
        kind: Ground attachment (地上附着物) or young crops (青苗).
        owner: Payee id of whoever owns it (a household id, a person, a company …).
        amount: The assessed compensation by the province's standard.
        parcel: Id of the parcel it stands on; None: not recorded.
        description: What it is (e.g. 果树 30 株); free text.
    """

    id: str = attrs.field(validator=v.identifier)
    kind: AttachmentKind = attrs.field(
        converter=_to_attachment_kind, validator=v.member_of(AttachmentKind)
    )
    owner: str = attrs.field(validator=v.identifier)
    amount: Money = attrs.field(validator=_positive_money)
    parcel: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    description: str = attrs.field(default="", validator=v.text)


@attrs.frozen(kw_only=True)
class Expropriation(DomainObject):
    """One approved expropriation of a collective's land; 土地征收 (LAND-1..LAND-13).

    Args:
        collective: The village collective economic organisation (村集体经济组织) whose land is
            taken.
        approved_on: Date the expropriation was approved (征收批准日).
        parcels: The land taken, each with its contracting household (``contracted_by``); at least
            one.
        households: The households of the collective that matter here (at least every contracting
            household), with their members, for LAND-9.
        attachments: Ground attachments and young crops with their owners and amounts.
        per_capita_cultivated_before: The unit's cultivated land per agricultural person before
            expropriation (征地前人均耕地), needed by the annual-output-value method; None: not
            recorded.
        village_land: The village's agricultural land at last year-end's land survey
            (村上年度末土地变更调查的农用地; zj-taizhou-2019-47 §三(二), LAND-8); None: not
            recorded.
        population_16_plus: Agricultural people aged 16 and over (16周岁以上农业人口; LAND-8); None:
            not recorded.
        already_insured: People already insured (已参保人数; LAND-8); None: not recorded.
        resettling_unit: Who resettles the people, when another unit does (LAND-3); None: the
            collective.
        social_security_account: Payee id of the social-security fees (2019 law, art. 48).
    """

    collective: str = attrs.field(validator=v.identifier)
    approved_on: dt.date = attrs.field(converter=v.to_date, validator=v.a_date)
    parcels: tuple[Parcel, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(Parcel, non_empty=True)
    )
    households: tuple[Household, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.items_of(Household)
    )
    attachments: tuple[Attachment, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.items_of(Attachment)
    )
    per_capita_cultivated_before: Area | None = attrs.field(
        default=None, validator=v.optional(v.positive_area)
    )
    village_land: Area | None = attrs.field(default=None, validator=v.optional(v.positive_area))
    population_16_plus: int | None = attrs.field(default=None, validator=v.optional(v.count))
    already_insured: int | None = attrs.field(default=None, validator=v.optional(v.count))
    resettling_unit: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    social_security_account: str = attrs.field(default=SOCIAL_SECURITY_FUND, validator=v.identifier)

    def __attrs_post_init__(self) -> None:
        v.unique_ids(self, "parcels", self.parcels)
        v.unique_ids(self, "households", self.households)
        v.unique_ids(self, "attachments", self.attachments)
        household_ids = {h.id for h in self.households}
        for parcel in self.parcels:
            if parcel.collective is not None and parcel.collective != self.collective:
                raise InputError(
                    obj="Expropriation",
                    field="parcels",
                    value=f"{parcel.id}: collective {parcel.collective!r}",
                    expected=f"parcels of collective {self.collective!r}",
                    code="core.error.parcel_collective",
                    extra={
                        "parcel": parcel.id,
                        "collective": parcel.collective,
                        "own": self.collective,
                    },
                )
            if parcel.contracted_by is not None and parcel.contracted_by not in household_ids:
                raise InputError(
                    obj="Expropriation",
                    field="parcels",
                    value=f"{parcel.id}: contracted_by {parcel.contracted_by!r}",
                    expected="the id of a household listed in households",
                    code="core.error.parcel_household",
                    extra={"parcel": parcel.id, "household": parcel.contracted_by},
                )
        parcel_ids = {p.id for p in self.parcels}
        for item in self.attachments:
            if item.parcel is not None and item.parcel not in parcel_ids:
                raise InputError(
                    obj="Expropriation",
                    field="attachments",
                    value=f"{item.id}: parcel {item.parcel!r}",
                    expected="the id of a parcel of this expropriation",
                    code="core.error.attachment_parcel",
                    extra={"attachment": item.id, "parcel": item.parcel},
                )
        if (
            self.population_16_plus is not None
            and self.already_insured is not None
            and self.already_insured > self.population_16_plus
        ):
            raise InputError(
                obj="Expropriation",
                field="already_insured",
                value=self.already_insured,
                expected=f"at most population_16_plus ({self.population_16_plus})",
                code="core.error.exceeds_field",
                extra={"other": "population_16_plus", "limit": self.population_16_plus},
            )

    @property
    def area(self) -> Area:
        """Total expropriated area (all parcels), in mu."""
        return Area.m2(total_square_metres(p.area for p in self.parcels)).to("mu")

    def area_of(self, types: Iterable[LandType]) -> Area:
        """Expropriated area of the given land types, in mu."""
        wanted = frozenset(types)
        return Area.m2(
            total_square_metres(p.area for p in self.parcels if p.land_type in wanted)
        ).to("mu")

    def household(self, household_id: str) -> Household:
        """The household with this id."""
        for h in self.households:
            if h.id == household_id:
                return h
        raise InputError(
            obj="Expropriation",
            field="households",
            value=household_id,
            expected="the id of a household of this expropriation",
            code="core.error.unknown_household",
        )

    @property
    def parties(self) -> frozenset[str]:
        """Every payee id this case knows: the collective, households, owners, units, fund."""
        out = {self.collective, self.social_security_account}
        out.update(h.id for h in self.households)
        out.update(a.owner for a in self.attachments)
        if self.resettling_unit is not None:
            out.add(self.resettling_unit)
        return frozenset(out)


@attrs.frozen(kw_only=True)
class LedgerEntry(DomainObject):
    """One payment of compensation actually made; 补偿款支付记录 (LAND-6).

    Args:
        payee: Payee id (a household, a person, the collective, the social-security fund …).
        amount: The amount paid.
        paid_on: Day it was paid.
        reference: Voucher or transfer reference (凭证号); free text.
    """

    payee: str = attrs.field(validator=v.identifier)
    amount: Money = attrs.field(validator=_positive_money)
    paid_on: dt.date = attrs.field(converter=v.to_date, validator=v.a_date)
    reference: str = attrs.field(default="", validator=v.text)


@attrs.frozen(kw_only=True)
class PaymentLedger(DomainObject):
    """The payments made for one expropriation; 征地补偿款支付台账 (LAND-6).

    Build it from Python objects, or from rows with `from_rows()` / JSON with
    `from_json()`: amounts as strings (``"1200.50"``), dates as ``"YYYY-MM-DD"``. A bad row
    raises `InputError` naming the row, the field and the value.

    Args:
        entries: The payments, in any order.
    """

    entries: tuple[LedgerEntry, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(LedgerEntry)
    )

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> PaymentLedger:
        """Build from dict rows ``{"payee", "amount", "paid_on", "reference"?}``."""
        return cls.from_dict({"entries": [dict(r) for r in rows]})

    @classmethod
    def from_json(cls, text: str) -> PaymentLedger:
        """Build from a JSON array of rows (or an object ``{"entries": [...]}``)."""
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                obj="PaymentLedger",
                field="(json)",
                value=text[:40],
                expected=f"valid JSON ({exc})",
                code="core.error.json",
                extra={"format": "JSON", "line": exc.lineno, "column": exc.colno},
            ) from None
        if isinstance(data, list):
            data = {"entries": data}
        return cls.from_dict(data)

    def payees(self) -> frozenset[str]:
        """Every payee in the ledger."""
        return frozenset(e.payee for e in self.entries)
