"""Every ledger test also checks the catalogue: a parameter a ledger rule (or the rule it runs)
reads must be listed for its rule IDs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.catalog_reads import Listing, ledger_listing, unlisted_reads


@pytest.fixture(scope="session")
def _ledger_listing() -> Listing:
    return ledger_listing()


@pytest.fixture(autouse=True)
def _ledger_reads_are_catalogued(_ledger_listing: Listing) -> Iterator[None]:
    with unlisted_reads(_ledger_listing) as found:
        yield
    assert not found, (
        "ledger rules read parameters the catalogue does not list for their rule IDs (add the "
        "rule ID to the parameter's spec in policy/specs/<area>.py): "
        + "; ".join(f"{fn} ({rules}) read {name}" for fn, rules, name in sorted(set(found)))
    )


@pytest.fixture(autouse=True)
def _two_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ledger test runs on two threads, however small its tables (a run left to choose,
    ``threads=None``, uses one thread below `AUTO_ROWS` rows): columns read concurrently,
    keys and links checked concurrently, housing rules computed in two ranges of households.
    The command-line and documentation tests run in their own processes, on one thread, and
    tests/ledger/test_threads.py compares one thread with several."""
    from povertypolicy.ledger import workers

    monkeypatch.setattr(workers, "AUTO_ROWS", 0)
    monkeypatch.setattr(workers, "available_cores", lambda: 2)
