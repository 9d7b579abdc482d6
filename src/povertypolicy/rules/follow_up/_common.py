"""Shared pieces of the follow-up rules: citations, periods counted per the Civil Code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ...errors import InputError
from ...explain import Citation
from ...policy import Bound

SEED = "relocation-follow-up-documents"

CIVIL_CODE_201 = Citation(
    law="中华人民共和国民法典",
    article="第二百零一条、第二百零二条",
    quote="按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算……"
    "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日",
)

Tri = bool | None


def period_end(event: dt.date, *, years: int = 0, months: int = 0) -> dt.date:
    """The last day of a period of ``years`` and ``months`` after ``event`` (民法典 art. 201,
    202): counting starts the day after, and ends on the corresponding day of the last month,
    or on that month's last day when it has none (31 Jan + 1 month → 28/29 Feb)."""
    from dateutil.relativedelta import relativedelta  # at first use: faster package import

    end: dt.date = event + relativedelta(years=years, months=months)
    return end


def within(day: dt.date, deadline: dt.date, bound: Bound | None) -> bool:
    """Whether ``day`` meets ``deadline``: on it counts when the bound is inclusive (以内, 底前)."""
    return day < deadline or (day == deadline and bound is not Bound.EXCLUSIVE)


def a_date(obj: str, field: str, value: object) -> dt.date:
    """``value`` if it is a date, else an InputError."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(
            obj=obj, field=field, value=value, expected="a datetime.date", code="core.error.date"
        )
    return value


def require(value: object, typ: type, obj: str, field: str, *, code: str) -> None:
    """An InputError of ``code`` (its message names ``type``, the class) unless ``value`` is a
    ``typ``."""
    if not isinstance(value, typ):
        raise InputError(
            obj=obj,
            field=field,
            value=value,
            expected=f"a {typ.__name__}",
            code=code,
            extra={"type": typ.__name__},
        )


def all_of(values: Iterable[Tri]) -> Tri:
    """True when every value is True; False when one is False; else not known."""
    unknown = False
    for v in values:
        if v is False:
            return False
        if v is None:
            unknown = True
    return None if unknown else True


def any_of(values: Iterable[Tri]) -> Tri:
    """True when one value is True; False when every value is False; else not known."""
    unknown = False
    for v in values:
        if v is True:
            return True
        if v is None:
            unknown = True
    return None if unknown else False
