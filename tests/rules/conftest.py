"""Every rule test also checks the catalogue: a parameter a rule reads must be listed for it,
and a domain field a catalogued function reads must be listed for that function."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.catalog_reads import Listing, catalogue_listing, unlisted_reads


@pytest.fixture(scope="session")
def _catalogue_listing() -> Listing:
    return catalogue_listing()


@pytest.fixture(autouse=True)
def _rule_reads_are_catalogued(_catalogue_listing: Listing) -> Iterator[None]:
    with unlisted_reads(_catalogue_listing, fields=True) as found:
        yield
    assert not found, (
        "rules read what the catalogue does not list for them (a parameter: add the rule ID "
        "to its spec in policy/specs/<area>.py; a Class.field: add it to the function in "
        "catalog/_inputs.py): "
        + "; ".join(f"{fn} ({rules}) read {name}" for fn, rules, name in sorted(set(found)))
    )
