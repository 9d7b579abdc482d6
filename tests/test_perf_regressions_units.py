"""Area's fast paths (no re-parsing in m2, to, +, −, ×) give exactly what the constructor gives,
refusals included (negative, or above 10^12 in the unit). No timing here."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from povertypolicy import Area, AreaUnit, InputError

units = st.sampled_from(list(AreaUnit))
values = st.one_of(
    st.fractions(min_value=0, max_value=10**6, max_denominator=1000),
    st.integers(0, 10**12),
    st.just(Fraction(10**12)),
)


def _outcome(make: Callable[[], Area]) -> tuple[str, object]:
    try:
        area = make()
    except InputError as exc:
        return "error", (exc.field, str(exc))
    return "area", (area.square_metres, area.unit, repr(area))


def _constructed(m2: Fraction, unit: AreaUnit) -> tuple[str, object]:
    k = Area(1, unit).square_metres
    return _outcome(lambda: Area(m2 / k, unit))


@given(values, units, values, units, st.fractions(min_value=-3, max_value=10**6))
def test_fast_paths_match_the_constructor(
    a: Fraction | int, ua: AreaUnit, b: Fraction | int, ub: AreaUnit, factor: Fraction
) -> None:
    x = Area(a, ua)
    y = Area(b, ub)
    assert _outcome(lambda: x + y) == _constructed(x.square_metres + y.square_metres, ua)
    assert _outcome(lambda: x - y) == _constructed(x.square_metres - y.square_metres, ua)
    assert _outcome(lambda: x * factor) == _constructed(x.square_metres * factor, ua)
    assert _outcome(lambda: x.to(ub)) == _constructed(x.square_metres, ub)
    m2 = Fraction(a) - Fraction(b)
    assert _outcome(lambda: Area.m2(m2)) == _outcome(lambda: Area(m2, AreaUnit.SQUARE_METRE))
