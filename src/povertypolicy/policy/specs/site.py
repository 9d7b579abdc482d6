"""Relocation-site organisation parameters (SITE-1..SITE-16, relocation-follow-up-documents 篇一
§二)."""

from ..spec import ParameterSpec, Side, Unit

SPECS = (
    # SITE-1 management unit and residents' groups
    ParameterSpec(
        name="site.community_min_households_inside",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-1",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.community_min_households_outside",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-1",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.group_size_inside",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-1", "SITE-3"),
        is_range=True,
    ),
    ParameterSpec(
        name="site.group_size_outside",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-1", "SITE-3"),
        is_range=True,
    ),
    ParameterSpec(name="site.group_target_inside", unit=Unit.HOUSEHOLDS, rules=("SITE-3",)),
    ParameterSpec(name="site.group_target_outside", unit=Unit.HOUSEHOLDS, rules=("SITE-3",)),
    # SITE-2 sub-district
    ParameterSpec(
        name="site.sub_district_min_population",
        unit=Unit.PEOPLE,
        rules=("SITE-2",),
        threshold=Side.LOWER,
    ),
    # SITE-4 party organisation
    ParameterSpec(
        name="site.party_branch_min_members",
        unit=Unit.PEOPLE,
        rules=("SITE-4",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.party_general_branch_min_members",
        unit=Unit.PEOPLE,
        rules=("SITE-4",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.party_committee_min_members",
        unit=Unit.PEOPLE,
        rules=("SITE-4",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(name="site.branch_seats", unit=Unit.PEOPLE, rules=("SITE-4",), is_range=True),
    ParameterSpec(
        name="site.general_branch_seats", unit=Unit.PEOPLE, rules=("SITE-4",), is_range=True
    ),
    ParameterSpec(name="site.committee_seats", unit=Unit.PEOPLE, rules=("SITE-4",), is_range=True),
    # SITE-5 extra deputy secretary
    ParameterSpec(
        name="site.deputy_secretary_min_population",
        unit=Unit.PEOPLE,
        rules=("SITE-5",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(name="site.extra_deputy_secretaries", unit=Unit.COUNT, rules=("SITE-5",)),
    # SITE-6 / SITE-8 committees and representatives
    ParameterSpec(
        name="site.residents_committee_inside",
        unit=Unit.PEOPLE,
        rules=("SITE-6", "SITE-11"),  # SITE-11: grid leaders come from the two committees
        is_range=True,
    ),
    ParameterSpec(
        name="site.residents_committee_outside",
        unit=Unit.PEOPLE,
        rules=("SITE-8", "SITE-11"),
        is_range=True,
    ),
    ParameterSpec(name="site.group_leaders_per_group", unit=Unit.COUNT, rules=("SITE-6", "SITE-8")),
    ParameterSpec(
        name="site.representatives_per_group_inside",
        unit=Unit.PEOPLE,
        rules=("SITE-6",),
        is_range=True,
    ),
    ParameterSpec(
        name="site.representatives_total_inside",
        unit=Unit.PEOPLE,
        rules=("SITE-6",),
        is_range=True,
    ),
    ParameterSpec(
        name="site.households_per_representative_outside",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-8",),
        is_range=True,
    ),
    ParameterSpec(
        name="site.representatives_min_outside",
        unit=Unit.PEOPLE,
        rules=("SITE-8",),
        threshold=Side.LOWER,
    ),
    # SITE-7 community workers
    ParameterSpec(
        name="site.workers_medium_min_households",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-7",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.workers_large_min_households",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-7",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(name="site.workers_small", unit=Unit.PEOPLE, rules=("SITE-7",), is_range=True),
    ParameterSpec(name="site.workers_medium", unit=Unit.PEOPLE, rules=("SITE-7",), is_range=True),
    ParameterSpec(name="site.workers_large_min", unit=Unit.PEOPLE, rules=("SITE-7",)),
    # SITE-9 supervisory committee
    ParameterSpec(
        name="site.supervisory_committee", unit=Unit.PEOPLE, rules=("SITE-9",), is_range=True
    ),
    # SITE-10 affiliated organisations
    ParameterSpec(
        name="site.union_min_members",
        unit=Unit.PEOPLE,
        rules=("SITE-10",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.league_min_members",
        unit=Unit.PEOPLE,
        rules=("SITE-10",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(name="site.women_federation_chairs", unit=Unit.COUNT, rules=("SITE-10",)),
    ParameterSpec(name="site.council_size", unit=Unit.PEOPLE, rules=("SITE-10",), is_range=True),
    ParameterSpec(
        name="site.owners_committee_size", unit=Unit.PEOPLE, rules=("SITE-10",), is_range=True
    ),
    ParameterSpec(
        name="site.owners_committee_parity",
        unit=Unit.CHOICE,
        rules=("SITE-10",),
        choices=("odd", "any"),
    ),
    # SITE-11 / SITE-12 grids
    ParameterSpec(
        name="site.groups_per_grid_worker", unit=Unit.COUNT, rules=("SITE-11",), is_range=True
    ),
    ParameterSpec(
        name="site.grid_worker_max_households",
        unit=Unit.HOUSEHOLDS,
        rules=("SITE-11",),
        threshold=Side.UPPER,
    ),
    ParameterSpec(name="site.grid_leaders_per_grid", unit=Unit.COUNT, rules=("SITE-11",)),
    ParameterSpec(name="site.visits_per_month", unit=Unit.COUNT, rules=("SITE-12",)),
    ParameterSpec(name="site.joint_meetings_per_month", unit=Unit.COUNT, rules=("SITE-12",)),
    # SITE-13 party-mass service centre
    ParameterSpec(
        name="site.centre_min_population",
        unit=Unit.PEOPLE,
        rules=("SITE-13",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.centre_floor_area_inside",
        unit=Unit.SQUARE_METRES,
        rules=("SITE-13",),
        threshold=Side.LOWER,
    ),
    ParameterSpec(
        name="site.centre_floor_area_outside",
        unit=Unit.SQUARE_METRES,
        rules=("SITE-13",),
        threshold=Side.LOWER,
    ),
    # SITE-16 township staffing
    ParameterSpec(name="site.township_deputy_leaders", unit=Unit.COUNT, rules=("SITE-16",)),
    ParameterSpec(name="site.township_staff", unit=Unit.PEOPLE, rules=("SITE-16",), is_range=True),
)
