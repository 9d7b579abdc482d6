"""Relocation housing subsidy (HOUSE-1..HOUSE-5) for a sample household, in three locales."""

from __future__ import annotations

import datetime as dt

import povertypolicy as pp
from povertypolicy.rules import housing


def main() -> None:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))

    def villager(pid: str, born: dt.date) -> pp.Person:
        return pp.Person(
            id=pid,
            birth_date=born,
            hukou=pp.HukouType.AGRICULTURAL,
            registered_locally=True,
            lives_in_area=True,
        )

    home = pp.Household(
        id="H-0417",
        members=[
            villager("P1", dt.date(1966, 8, 1)),
            villager("P2", dt.date(1969, 2, 14)),
            villager("P3", dt.date(1992, 6, 30)),
            villager("P4", dt.date(2011, 2, 3)),
        ],
        relocation_applied_on=dt.date(2011, 3, 25),
    )
    subsidy = housing.housing_subsidy(home, policy)
    progress = pp.BuildProgress(
        foundation_accepted_on=dt.date(2011, 6, 12),
        first_storey_on=dt.date(2011, 7, 30),
        second_storey_on=dt.date(2011, 9, 20),
        old_house_demolished_on=dt.date(2012, 1, 6),
        demolished_by_township=True,
        demolition_cost=pp.Money("1100"),
        paid=[pp.Milestone.FOUNDATION],
    )
    release = housing.release_tranches(subsidy.value, progress, policy, as_of=dt.date(2012, 1, 10))
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(f"\n--- {locale}: housing_subsidy ---")
        print(subsidy.explain(locale))
        print(f"\n--- {locale}: release_tranches ---")
        print(release.explain(locale))


if __name__ == "__main__":
    main()
