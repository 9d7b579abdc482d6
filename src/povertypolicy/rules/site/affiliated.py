"""SITE-10: union, League, women's federation, councils, owners' committee; 配套组织."""

from __future__ import annotations

import attrs

from ...domain.site import (
    ResettlementSite,
)
from ...errors import InputError
from ...explain import Result
from ...explain.recorder import Recorder
from ...policy import Parameter, Policy
from ._base import _check_count, _int_range, _size_range
from .values import AffiliatedOrganisations, Convention, SizeRange

__all__ = ["affiliated_organisations"]

# -- SITE-10: affiliated organisations ------------------------------------------------------------


def _admits(param: Parameter, members: int | None) -> bool | None:
    """Whether ``members`` reach the threshold; ``None`` when they were not recorded."""
    return None if members is None else param.admits(members)


def _decided(answer: bool | None) -> str:
    return "not_recorded" if answer is None else "yes" if answer else "no"


def affiliated_organisations(
    site: ResettlementSite,
    policy: Policy,
    *,
    councils: int,
    community: bool = True,
) -> Result[AffiliatedOrganisations]:
    """Union, League, women's federation, councils, owners' committee; 配套组织 (SITE-10).

    ≥25 union members → union committee; ≥3 League members → League branch; every site
    community has a women's federation; one council of 5–15 per group or grid (``councils``);
    an owners' committee of 5–11 (odd) where conditions allow. A count or the owners'
    conditions not recorded decide nothing and are listed in ``not_recorded``.
    """
    if not isinstance(site, ResettlementSite):
        raise InputError(
            obj="affiliated_organisations",
            field="site",
            value=site,
            expected="a ResettlementSite",
            code="site.error.site_type",
            extra={"type": "ResettlementSite"},
        )
    councils = _check_count(councils, "affiliated_organisations", "councils")
    union = policy.param("site.union_min_members")
    league = policy.param("site.league_min_members")
    chairs = policy.param("site.women_federation_chairs")
    council = policy.param("site.council_size")
    owners = policy.param("site.owners_committee_size")
    parity = policy.param("site.owners_committee_parity")
    rec = Recorder("SITE-10")
    has_union = _admits(union, site.union_members)
    rec.step(
        f"site.affiliated.union.{_decided(has_union)}", members=site.union_members, params=(union,)
    )
    has_league = _admits(league, site.league_members)
    rec.step(
        f"site.affiliated.league.{_decided(has_league)}",
        members=site.league_members,
        params=(league,),
    )
    rec.step(
        "site.affiliated.women.yes" if community else "site.affiliated.women.no",
        chairs=chairs.integer,
        params=(chairs,),
    )
    council_size, council_note = _size_range(council, Convention.ODD_NEAR_MIDDLE)
    rec.step(
        "site.affiliated.councils",
        councils=councils,
        range=council.range,
        recommended=council_size.recommended,
        params=(council,),
        notes=(council_note,),
    )
    olo, ohi = _int_range(owners)
    odd_only = parity.text == "odd"
    sizes = tuple(n for n in range(olo, ohi + 1) if not odd_only or n % 2 == 1)
    owners_value: SizeRange | None = None
    mature = site.owners_conditions_mature
    if community and mature and sizes:
        owners_value, owners_note = _size_range(owners, Convention.ODD_NEAR_MIDDLE)
        if odd_only and owners_value.recommended % 2 == 0:  # pragma: no cover - odd sizes exist
            owners_value = attrs.evolve(owners_value, recommended=sizes[0])
        rec.step(
            "site.affiliated.owners.yes",
            sizes=list(sizes),
            recommended=owners_value.recommended,
            params=(owners, parity),
            notes=(owners_note,),
        )
    elif community and mature is None:
        rec.step("site.affiliated.owners.not_recorded", sizes=list(sizes), params=(owners, parity))
    else:
        rec.step("site.affiliated.owners.no", sizes=list(sizes), params=(owners, parity))
    missing = (
        ("union_members", has_union),
        ("league_members", has_league),
        ("owners_conditions_mature", mature if community else False),
    )
    value = AffiliatedOrganisations(
        union_committee=has_union,
        league_branch=has_league,
        women_federation=community,
        women_federation_chairs=chairs.integer if community else 0,
        councils=councils,
        council_size=council_size,
        owners_committee=owners_value,
        owners_committee_sizes=sizes,
        not_recorded=tuple(name for name, answer in missing if answer is None),
    )
    return rec.result(value)
