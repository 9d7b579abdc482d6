"""Run every ``examples/demo_*.py`` in name order: explained results for sample data."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    demos = sorted(here.glob("demo_*.py"))
    for demo in demos:
        print(f"\n{'=' * 78}\n{demo.stem}\n{'=' * 78}")
        runpy.run_path(str(demo), run_name="__main__")
    return 0 if demos else 1


if __name__ == "__main__":
    sys.exit(main())
