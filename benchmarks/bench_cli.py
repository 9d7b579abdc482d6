"""A township's ledger on the command line: `povertypolicy run housing.subsidy` over 20,000
households, whole process (interpreter start and imports included), to Parquet and to XLSX.

    .venv/bin/python benchmarks/bench_cli.py            # 20,000 households × 4, 5 runs each
    .venv/bin/python benchmarks/bench_cli.py -n 5000 --runs 3

Each run is a fresh process, as a clerk's is; the median is the figure to quote. The last
column says whether pandas was imported: it never should be (pyarrow imports it on its first
conversion of a Python value, 0.4–0.6 s; the ledger converts through `ledger.arrays`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ARGS = ["--pack", "county-deep-mountain-relocation-2011", "--on", "2011-06-01"]
# A sitecustomize that reports, at exit, whether pandas was imported (to stderr, last line).
_WATCH = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('pandas', 'pandas' in sys.modules, file=sys.stderr))\n"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--households", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cli-bench-"))
    sys.path.insert(0, str(HERE / "peers"))
    from population import write_files

    write_files(folder, args.households, members=4)
    watch = folder / "watch"
    watch.mkdir()
    (watch / "sitecustomize.py").write_text(_WATCH, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(watch), os.environ.get("PYTHONPATH")])),
    }
    print(f"{args.households:,} households × 4, {args.runs} fresh processes each")
    print(f"{'input → output':<22}{'min s':>8}{'median s':>10}  pandas imported")
    for source, out in (("parquet", "parquet"), ("parquet", "xlsx"), ("csv", "parquet")):
        cmd = [
            str(BIN / "povertypolicy"), "run", "housing.subsidy",
            "--persons", str(folder / f"persons.{source}"),
            "--households", str(folder / f"households.{source}"),
            *ARGS, "--out", str(folder / f"out.{out}"),
        ]  # fmt: skip
        times, imported = [], set()
        for _ in range(args.runs):
            t = time.perf_counter()
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - t)
            imported.add(done.stderr.strip().splitlines()[-1].endswith("True"))
        label = f"{source} → {out}"
        said = "yes" if True in imported else "no"
        print(f"{label:<22}{min(times):>8.2f}{statistics.median(times):>10.2f}  {said}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
