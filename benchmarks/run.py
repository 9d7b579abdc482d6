"""`make bench`: import time of povertypolicy, then every pytest-benchmark in benchmarks/.

Each benchmark file runs in a process of its own, so that what one file's fixtures leave in
memory (and Python's garbage collector then walks) does not slow the next file's calls."""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def import_time_ms(runs: int = 15) -> tuple[float, float]:
    """Median and best wall time of `import povertypolicy` in a fresh interpreter, in ms."""
    code = "import time; t=time.perf_counter(); import povertypolicy; print(time.perf_counter()-t)"
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        samples.append(float(out) * 1000)
    return statistics.median(samples), min(samples)


def main() -> int:
    median, best = import_time_ms()
    print(f"import povertypolicy: median {median:.1f} ms, best {best:.1f} ms (target < 150 ms)")
    codes = []
    for path in sorted(HERE.glob("test_bench_*.py")):
        print(f"\n== {path.name}", flush=True)
        code = subprocess.call(
            [
                sys.executable,
                "-m",
                "pytest",
                str(path),
                "--benchmark-enable",
                "--benchmark-only",
                "--benchmark-columns=min,median,mean,ops",
                "-q",
                "-p",
                "no:cacheprovider",
            ]
        )
        codes.append(code)
    return max(codes, default=0)


if __name__ == "__main__":
    sys.exit(main())
