"""Ledger files end to end: 1M households from Parquet or CSV to a Parquet result, whole and
chunked, each in a fresh interpreter, with wall time and peak RSS.

    .venv/bin/python benchmarks/bench_ledger_files.py            # 1,000,000 households × 4
    .venv/bin/python benchmarks/bench_ledger_files.py -n 200000 --chunk 50000

Targets (issue): Parquet → Parquet ≤ 2 s, CSV → Parquet ≤ 5 s. "wall" is measured inside the
run (read, compute, write the result and errors files); "process" adds interpreter start and
imports; "cpu" is the run's processor time (all threads), steadier than wall time on a
shared machine. Peak RSS is the child's ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RULE = "housing.subsidy"
PACK = "county-deep-mountain-relocation-2011"
ON = dt.date(2011, 6, 1)
TODAY = dt.date(2024, 1, 1)
CASES = ("parquet:whole", "parquet:chunked", "csv:whole", "csv:chunked")


def write_population(folder: Path, n: int, members: int) -> None:
    """Persons and households as Parquet and CSV (the shared generator in peers/)."""
    sys.path.insert(0, str(HERE / "peers"))
    from population import write_files

    write_files(folder, n, members=members)


def run_case(case: str, folder: Path, chunk: int) -> dict[str, float | int]:
    """One case, in this process; returns what the parent prints."""
    fmt, mode = case.split(":")
    persons, households = folder / f"persons.{fmt}", folder / f"households.{fmt}"
    out = folder / f"out-{fmt}-{mode}.parquet"
    errors_out = folder / f"out-{fmt}-{mode}.errors.parquet"
    import pyarrow.parquet as pq

    from povertypolicy import ledger
    from povertypolicy.ledger.chunks import run_chunked

    start, cpu = time.perf_counter(), time.process_time()
    if mode == "whole":
        res = ledger.run(RULE, PACK, on=ON, today=TODAY, persons=persons, households=households)
        pq.write_table(res.arrow, out)
        pq.write_table(res.errors_arrow(), errors_out)
        summary = res.summary
    else:
        summary = run_chunked(
            RULE,
            PACK,
            on=ON,
            today=TODAY,
            persons=persons,
            households=households,
            out=out,
            errors_out=errors_out,
            chunk_households=chunk,
        ).summary
    wall = time.perf_counter() - start
    return {
        "wall": wall,
        "cpu": time.process_time() - cpu,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": summary.output_rows,
        "errors": summary.error_rows,
        "net_fen": summary.totals.get("net_fen", 0),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--households", type=int, default=1_000_000)
    ap.add_argument("--members", type=int, default=4)
    ap.add_argument("--chunk", type=int, default=100_000, help="households per chunk")
    ap.add_argument("--data", type=Path, help="folder with the files (default: a new temp one)")
    ap.add_argument("--case", help=argparse.SUPPRESS)  # internal: run one case and print JSON
    args = ap.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.data, args.chunk)))
        return 0
    folder = args.data or Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    if not (folder / "persons.parquet").exists():
        t = time.perf_counter()
        write_population(folder, args.households, args.members)
        print(
            f"wrote {args.households:,} households to {folder} in {time.perf_counter() - t:.1f} s"
        )
    rows = []
    for case in CASES:
        t = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--case",
                case,
                "--data",
                str(folder),
                "--chunk",
                str(args.chunk),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        got = json.loads(done.stdout.strip().splitlines()[-1])
        got["process"] = time.perf_counter() - t
        rows.append((case, got))
    first = rows[0][1]
    same = all(
        (g["rows"], g["errors"], g["net_fen"]) == (first["rows"], first["errors"], first["net_fen"])
        for _, g in rows
    )
    print(f"\n{args.households:,} households × {args.members}, chunks of {args.chunk:,} households")
    print(
        f"{'case':<18}{'wall s':>8}{'cpu s':>8}{'process s':>11}{'peak RSS MB':>13}"
        f"{'result rows':>13}"
    )
    for case, g in rows:
        print(
            f"{case:<18}{g['wall']:>8.2f}{g['cpu']:>8.2f}{g['process']:>11.2f}"
            f"{g['rss_mb']:>13.0f}{g['rows']:>13,}"
        )
    print(f"same rows, errors and net total in every case: {'yes' if same else 'NO'}")
    print("targets: Parquet → Parquet ≤ 2 s, CSV → Parquet ≤ 5 s")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
