"""A new resettlement site organised in one call: the SITE-1..SITE-16 plan, explained.

A county relocation office has a new site inside the county-seat planning area: 2,400
households, 9,600 people, 14 buildings with 2–4 entrances each (households per entrance in
street order) and 62 party members. ``plan_site`` works out the whole organisation plan.
"""

from __future__ import annotations

import datetime as dt

import povertypolicy as pp
from povertypolicy.rules.site import plan_site

HOUSEHOLDS_PER_ENTRANCE = [
    [42, 48, 60],
    [60, 48],
    [54, 66, 42, 54],
    [54, 54, 66],
    [42, 54, 54],
    [66, 48, 48, 60],
    [54, 66],
    [48, 60, 66],
    [42, 54, 54, 66],
    [60, 48, 54],
    [54, 66],
    [48, 60, 60, 48],
    [48, 48, 60],
    [60, 48, 48, 60],
]


def sample_site() -> pp.ResettlementSite:
    """The 2,400-household sample site of issue 3."""
    return pp.ResettlementSite(
        id="sample-site",
        name="幸福家园安置点",
        location=pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA,
        population=9600,
        party_members=62,
        union_members=31,
        league_members=4,
        existing_community=False,  # recorded: a new site, no community yet
        owners_conditions_mature=True,  # recorded: an owners' committee may be elected
        buildings=[
            pp.Building(
                id=f"B{b}",
                entrances=[pp.Entrance(id=f"B{b}-{e}", households=h) for e, h in enumerate(row, 1)],
            )
            for b, row in enumerate(HOUSEHOLDS_PER_ENTRANCE, 1)
        ],
    )


def main() -> None:
    policy = pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 3, 1))
    plan = plan_site(sample_site(), policy, start=dt.date(2024, 3, 1), months=2)
    v = plan.value
    print(f"management unit: {v.management_unit.kind.value}")
    print(f"residents' groups: {len(v.groups)} (sizes {[g.households for g in v.groups]})")
    print(f"party organisation: {v.party_organisation.kind.value}")
    print(f"grid workers: {v.grids.grid_workers}, grid leaders: {v.grids.grid_leaders}")
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(f"\n--- {locale} ---")
        print(plan.explain(locale=locale))


if __name__ == "__main__":
    main()
