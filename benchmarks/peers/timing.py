"""Side-by-side timing of the relocation housing subsidy peers.

    python benchmarks/peers/timing.py [N_HOUSEHOLDS] [--repeat R] [--no-memory]

Builds the population once (N households x 4 people, default 1,000,000), checks exactness on
a 10,000-household subset against the pure-Python reference, then times each peer
``--repeat`` times (default 5; min and median of time.perf_counter):

* numpy kernel: compute (Arrow in, Arrow out);
* OpenFisca: build (Arrow -> numpy -> SimulationBuilder -> set_input) and compute
  (calculate every output variable) separately, on a fresh simulation each time since
  OpenFisca caches what it calculated -- skipped when openfisca_core is not importable;
* the povertypolicy ledger engine through `povertypolicy_engine` -- skipped while it
  returns None.

Peak memory of each peer is measured in a child process (one at a time) that builds the
same population (after a warm-up run on 100 households for imports), resets the kernel's
peak-RSS counter (/proc/self/clear_refs), runs the peer once and reports VmHWM minus the RSS
before the run; tracemalloc's peak (Python and numpy allocations, not Arrow's memory pool) is
printed beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
import numpy_kernel  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
from population import make_population  # noqa: E402
from reference import reference  # noqa: E402

SUBSET = 10_000
SEED = 0
# OpenFisca build variants (see openfisca_housing.build_simulation) -> memory-run peer name.
OPENFISCA_LINKS = {"ids": "openfisca-ids", "positions": "openfisca-positions"}


# ============================================================================================
# HOOK for the povertypolicy ledger engine -- the engine author fills this in.
# Return a pyarrow Table with one row per household in households order and (at least) the
# numpy kernel's columns: household_id, eligible, gross_fen, withheld_fen, net_fen,
# tranche_1_fen .. tranche_4_fen, reason.  Returning None skips the engine everywhere.
# ============================================================================================
ON = dt.date(2011, 6, 1)


def povertypolicy_engine(
    persons: pa.Table, households: pa.Table, threads: int | None = None
) -> pa.Table | None:
    """The whole ledger run: header resolution, cell reading, id checks, links, kernels,
    reason codes and the run summary; columns renamed to the numpy kernel's names.
    ``threads``: as `ledger.run_arrow` takes it (None: every available core)."""
    try:
        from povertypolicy import ledger
        from povertypolicy.ledger.engine import get_rule
        from povertypolicy.policy import Policy
    except ImportError:
        return None
    policy = Policy.load("county-deep-mountain-relocation-2011", on=ON)
    result = ledger.run_arrow(
        get_rule("housing.subsidy"),
        policy,
        {"persons": persons, "households": households},
        threads=threads,
    )
    table = result.arrow
    names = {
        "eligible_people": "eligible",
        "tranche_foundation_fen": "tranche_1_fen",
        "tranche_first_storey_fen": "tranche_2_fen",
        "tranche_second_storey_fen": "tranche_3_fen",
        "tranche_old_house_demolished_fen": "tranche_4_fen",
        "undetermined_people": "undetermined",
        "failed": "failed_conditions",  # the kernel's `failed` counts members instead
    }
    out: pa.Table = table.rename_columns([names.get(c, c) for c in table.column_names])
    return out


def _openfisca() -> Any | None:
    try:
        import openfisca_housing
    except ImportError:
        return None
    return openfisca_housing


def subset(persons: pa.Table, households: pa.Table, n: int) -> tuple[pa.Table, pa.Table]:
    """The first ``n`` households and their persons."""
    head = households.slice(0, n)
    rows = pc.is_in(persons["household_id"], value_set=head["household_id"].combine_chunks())
    return persons.filter(rows), head


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    samples, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return min(samples), statistics.median(samples), result


def compare(name: str, got: pa.Table, want: list[dict[str, Any]]) -> list[str]:
    """Differences between a peer's table and the reference records (empty = exact)."""
    problems = []
    if got.num_rows != len(want):
        return [f"{name}: {got.num_rows} rows, reference has {len(want)}"]
    for column in want[0] if want else ():
        if column not in got.column_names:
            if column not in ("members", "failed", "undetermined"):
                problems.append(f"{name}: no column {column}")
            continue
        values = got[column].to_pylist()
        bad = [
            i
            for i, (g, w) in enumerate(zip(values, (r[column] for r in want), strict=True))
            if g != w
        ]
        if bad:
            problems.append(f"{name}: {column} differs in {len(bad)} households, first {bad[0]}")
    return problems


def _same_values(a: pa.ChunkedArray, b: pa.ChunkedArray) -> bool:
    """Equal values, whatever the integer width or dictionary encoding."""

    def plain(x: pa.ChunkedArray) -> pa.ChunkedArray:
        return x.cast(x.type.value_type) if pa.types.is_dictionary(x.type) else x

    a, b = plain(a), plain(b)
    try:
        return bool(a.cast(b.type).equals(b))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False


def exactness(persons: pa.Table, households: pa.Table) -> tuple[list[str], bool]:
    """Problems found on the subset, and whether the engine hook is filled in."""
    small_p, small_h = subset(persons, households, SUBSET)
    want = reference(small_p, small_h)
    problems = compare("numpy kernel", numpy_kernel.compute(small_p, small_h), want)
    engine = povertypolicy_engine(small_p, small_h)
    if engine is not None:
        problems += compare("povertypolicy", engine, want)
    print(
        f"exactness on {small_h.num_rows:,} households / {small_p.num_rows:,} persons "
        f"vs pure-Python reference: " + ("EXACT" if not problems else "; ".join(problems))
    )
    return problems, engine is not None


# --------------------------------------------------------------------------------------------
# Memory, one peer per child process.
# --------------------------------------------------------------------------------------------
def _vm_kib(field: str) -> int | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    match = re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure_memory(peer: str, n: int) -> dict[str, Any]:
    if peer == "numpy":

        def run(persons: pa.Table, households: pa.Table) -> Any:
            return numpy_kernel.compute(persons, households)

    elif peer in OPENFISCA_LINKS.values():
        of = _openfisca()
        link = peer.removeprefix("openfisca-")

        def run(persons: pa.Table, households: pa.Table) -> Any:
            return of.compute(of.build_simulation(persons, households, link=link))

    elif peer == "povertypolicy":
        run = povertypolicy_engine
    elif peer == "povertypolicy-1":

        def run(persons: pa.Table, households: pa.Table) -> Any:
            return povertypolicy_engine(persons, households, threads=1)

    else:
        raise ValueError(peer)
    run(*make_population(100, seed=SEED))  # imports and one-off set-up, on a tiny ledger
    persons, households = make_population(n, seed=SEED)
    baseline = _vm_kib("VmRSS")
    reset = _reset_peak()
    tracemalloc.start()
    result = run(persons, households)
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    peak = _vm_kib("VmHWM") if reset else None
    if peak is None:  # no /proc: whole-process peak only
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del result
    return {
        "baseline_rss_mib": (baseline or 0) / 1024,
        "peak_rss_mib": peak / 1024,
        "extra_peak_mib": (peak - (baseline or 0)) / 1024,
        "tracemalloc_peak_mib": traced_peak / 2**20,
        "peak_is_whole_process": not reset,
    }


def memory_in_child(peer: str, n: int) -> dict[str, Any] | None:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), str(n), "--memory-child", peer],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        print(f"memory run for {peer} failed:\n{out.stderr[-2000:]}")
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000, help="households")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.memory_child:
        print(json.dumps(measure_memory(args.memory_child, args.n)))
        return 0

    start = time.perf_counter()
    persons, households = make_population(args.n, seed=SEED)
    print(
        f"population: {households.num_rows:,} households, {persons.num_rows:,} persons "
        f"in {time.perf_counter() - start:.2f} s "
        f"(Arrow {(persons.nbytes + households.nbytes) / 2**20:.0f} MiB)"
    )
    problems, engine_on = exactness(persons, households)
    failed = bool(problems)

    rows: list[tuple[str, str, float, float]] = []
    kmin, kmed, exact = timed(lambda: numpy_kernel.compute(persons, households), args.repeat)
    rows.append(("numpy kernel", "compute", kmin, kmed))

    of = _openfisca()
    of_errors = None
    if of is None:
        print("OpenFisca: openfisca_core not importable here -- skipped (use .venv-bench)")
    else:
        for link in OPENFISCA_LINKS:
            label = f"OpenFisca/{link}"
            builds, computes, results = [], [], None
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                simulation = of.build_simulation(persons, households, link=link)
                t1 = time.perf_counter()
                results = of.compute(simulation)  # fresh simulation: nothing cached yet
                t2 = time.perf_counter()
                builds.append(t1 - t0)
                computes.append(t2 - t1)
                del simulation
            totals = [b + c for b, c in zip(builds, computes, strict=True)]
            rows.append((label, "build", min(builds), statistics.median(builds)))
            rows.append((label, "compute", min(computes), statistics.median(computes)))
            rows.append((label, "build+compute", min(totals), statistics.median(totals)))
            counts_equal = np.array_equal(
                np.asarray(results["housing_eligible_count"]), exact["eligible"].to_numpy()
            )
            print(f"{label}: eligible counts equal the kernel's: {counts_equal}")
            failed |= not counts_equal
            of_errors = of.float_error(results, exact)
            del results

    if not engine_on:
        print("povertypolicy engine: hook returns None -- skipped")
    else:
        from povertypolicy.ledger.workers import available_cores

        cores = available_cores()
        emin, emed, engine = timed(lambda: povertypolicy_engine(persons, households), args.repeat)
        rows.append((f"povertypolicy/{cores} thr", "compute", emin, emed))
        if cores > 1:  # the same run on one thread, as the kernel and OpenFisca run
            one = lambda: povertypolicy_engine(persons, households, threads=1)  # noqa: E731
            omin, omed, _ = timed(one, args.repeat)
            rows.append(("povertypolicy/1 thr", "compute", omin, omed))
        differ = [
            c
            for c in exact.column_names
            if c in engine.column_names and not _same_values(engine[c], exact[c])
        ]
        same = not differ
        print(
            f"povertypolicy engine equals the numpy kernel at N={args.n:,}: {same}"
            + (f" (differs in {', '.join(differ)})" if differ else "")
        )
        failed |= not same

    print()
    print(f"N = {args.n:,} households, {args.repeat} repetitions")
    print(f"{'peer':<20} {'phase':<14} {'min s':>9} {'median s':>9}")
    for peer, phase, best, median in rows:
        print(f"{peer:<20} {phase:<14} {best:>9.3f} {median:>9.3f}")

    if not args.no_memory:
        print()
        print(f"{'peak memory':<20} {'extra peak MiB':>15} {'tracemalloc MiB':>16}")
        peers = ["numpy"]
        peers += list(OPENFISCA_LINKS.values()) if of else []
        peers += ["povertypolicy", "povertypolicy-1"] if engine_on else []
        for peer in peers:
            m = memory_in_child(peer, args.n)
            if m:
                note = " (whole process)" if m["peak_is_whole_process"] else ""
                print(
                    f"{peer:<20} {m['extra_peak_mib']:>15.0f} {m['tracemalloc_peak_mib']:>16.0f}"
                    f"{note}   [RSS before: {m['baseline_rss_mib']:.0f} MiB]"
                )

    if of_errors:
        print()
        print("OpenFisca float32 money vs exact int64 fen (errors in fen)")
        print(
            f"{'variable':<27} {'hh off':>7} {'max |err|':>10} "
            f"{'total f32 sum':>14} {'total f64 sum':>14} {'exact total fen':>17}"
        )
        for e in of_errors:
            print(
                f"{e['variable']:<27} {e['households_off']:>7} {e['max_abs_fen']:>10.4f} "
                f"{e['total_f32_fen']:>14.0f} {e['total_f64_fen']:>14.2f} "
                f"{e['exact_total_fen']:>17,}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
