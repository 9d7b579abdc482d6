"""People and households; 家庭成员 / 户."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import InputError
from ..money import Money
from . import _validate as v
from .base import DomainObject
from .enums import CardClass, HukouType, LabourCapacity, Sex

__all__ = ["Household", "Person"]


def _to_card_class(value: Any) -> Any:
    """Converter to a CardClass member (its value, a label or an alias)."""
    return v.as_member(CardClass, value)


def _to_hukou_type(value: Any) -> Any:
    """Converter to a HukouType member (its value, a label or an alias)."""
    return v.as_member(HukouType, value)


def _to_labour_capacity(value: Any) -> Any:
    """Converter to a LabourCapacity member (its value, a label or an alias)."""
    return v.as_member(LabourCapacity, value)


def _to_sex(value: Any) -> Any:
    """Converter to a Sex member (its value, a label or an alias)."""
    return v.as_member(Sex, value)


@attrs.frozen(kw_only=True)
class Person(DomainObject):
    """A member of a household; 家庭成员. ``None`` in a fact field means "not recorded".

    Args:
        id: The person's id (人员编号), unique in the household.
        birth_date: Date of birth (出生日期).
        name: Name (姓名); free text, may be empty.
        sex: Sex as on the identity document (性别); None: not recorded.
        id_number: Citizen identity number (公民身份号码); checked only by ``Person.checked`` and
            DATA-1; None: not recorded.
        hukou: Household-registration type (户口性质: 农业 / 非农业); None: not recorded.
        registered_locally: Household registration is local (当地常住户口, HOUSE-1); None: not
            recorded.
        lives_in_area: Still lives and farms in the area (仍在当地居住生产, HOUSE-1); None: not
            recorded.
        labour_capacity: Labour capacity (劳动能力); None: not recorded.
        pension_insured: Already in a basic pension insurance (已参加养老保险, LAND-9).
    """

    id: str = attrs.field(validator=v.identifier)
    birth_date: dt.date = attrs.field(converter=v.to_date, validator=v.a_date)
    name: str = attrs.field(default="", validator=v.text)
    sex: Sex | None = attrs.field(
        converter=_to_sex,
        default=None,
        validator=v.optional(v.member_of(Sex)),
    )
    id_number: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    hukou: HukouType | None = attrs.field(
        converter=_to_hukou_type,
        default=None,
        validator=v.optional(v.member_of(HukouType)),
    )
    registered_locally: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    lives_in_area: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    labour_capacity: LabourCapacity | None = attrs.field(
        converter=_to_labour_capacity,
        default=None,
        validator=v.optional(v.member_of(LabourCapacity)),
    )
    pension_insured: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    """Already in a pension insurance (已参加养老保险, LAND-9); ``None``: not recorded."""

    @classmethod
    def checked(cls, *, on: dt.date | None = None, **fields: Any) -> Person:
        """A Person whose ``id_number`` must pass every DATA-1 check (GB 11643, opt-in): the
        check digit, birth date, province code, and agreement with ``sex`` and ``birth_date``.
        ``Person(...)`` itself accepts any non-empty ``id_number``."""
        from .id_number import validated_id_number

        person = cls(**fields)
        validated_id_number(person.id_number, sex=person.sex, birth_date=person.birth_date, on=on)
        return person

    def age_on(self, on: dt.date) -> int:
        """Whole years of age on ``on``; a 29 Feb birthday turns over on 28 Feb in common years."""
        if on < self.birth_date:
            raise InputError(
                obj="Person",
                field="birth_date",
                value=self.birth_date,
                expected=f"on or before {on}",
                code="core.error.birth_after",
                extra={"on": on.isoformat()},
            )
        from dateutil.relativedelta import relativedelta  # at first use: faster package import

        return relativedelta(on, self.birth_date).years


@attrs.frozen(kw_only=True)
class Household(DomainObject):
    """A household and its members; 户. ``head_id`` names the head (户主), else the first member.

    Args:
        id: The household's id (户编号).
        members: Its members, at least one, ids unique.
        head_id: Id of the head of household (户主), a member; None: the first member.
        village: The village (村) it belongs to; None: not recorded.
        relocation_applied_on: Day the household applied for relocation (户申请, HOUSE-1); None: not
            recorded.
        registered_poor: A registered poor household (建档立卡贫困户).
        card_class: Its card class (黄卡 / 红卡 / 蓝卡); None: not recorded.
        dibao: Receives minimum living support (低保).
        extreme_poverty_support: Receives extreme-poverty support (特困供养).
        annual_net_income: The household's annual net income (家庭年纯收入); None: not recorded.
    """

    id: str = attrs.field(validator=v.identifier)
    members: tuple[Person, ...] = attrs.field(
        converter=v.to_tuple, validator=v.items_of(Person, non_empty=True)
    )
    head_id: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    village: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    relocation_applied_on: dt.date | None = attrs.field(
        converter=v.to_date, default=None, validator=v.optional(v.a_date)
    )
    registered_poor: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    """A registered poor household (建档立卡贫困户); ``None``: not recorded."""
    card_class: CardClass | None = attrs.field(
        converter=_to_card_class,
        default=None,
        validator=v.optional(v.member_of(CardClass)),
    )
    dibao: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    """A rural dibao household (农村低保户, ID-1, MON-1); ``None``: not recorded, never 否."""
    extreme_poverty_support: bool | None = attrs.field(
        default=None, validator=v.optional(v.boolean)
    )
    """Extreme-poverty support (特困供养, MON-1); ``None``: not recorded."""
    annual_net_income: Money | None = attrs.field(default=None, validator=v.optional(v.money))

    def __attrs_post_init__(self) -> None:
        v.unique_ids(self, "members", self.members)
        if self.head_id is not None and self.head_id not in {m.id for m in self.members}:
            raise InputError(
                obj="Household",
                field="head_id",
                value=self.head_id,
                expected=f"the id of a member ({', '.join(m.id for m in self.members)})",
                code="core.error.not_a_member",
                extra={"members": tuple(m.id for m in self.members)},
            )

    @property
    def head(self) -> Person:
        """The head of household (户主)."""
        if self.head_id is None:
            return self.members[0]
        return next(m for m in self.members if m.id == self.head_id)

    @property
    def size(self) -> int:
        """Number of members."""
        return len(self.members)

    def member(self, person_id: str) -> Person:
        """The member with this id."""
        for m in self.members:
            if m.id == person_id:
                return m
        raise InputError(
            obj="Household",
            field="members",
            value=person_id,
            expected="the id of a member",
            code="core.error.not_a_member",
            extra={"members": tuple(m.id for m in self.members)},
        )
