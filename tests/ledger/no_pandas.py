"""Run povertypolicy command lines in a fresh interpreter and report whether pandas was imported.

pyarrow imports pandas (0.4–0.6 s) on its first conversion of a Python or numpy value, when
pandas is installed; the ledger converts through ``povertypolicy.ledger.arrays`` so that a run
given files never imports it. `assert_no_pandas` fails with the stack of the first import.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_CHILD = r"""
import importlib.machinery, json, sys, traceback

first = []


class _Watch:
    # Records the stack when pandas is executed (a lookup alone, as polars makes, is not an
    # import).

    def find_spec(self, name, path=None, target=None):
        if name != "pandas":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        real = spec.loader

        class _Loader:
            def create_module(self, spec):
                return real.create_module(spec)

            def exec_module(self, module):
                first.append("".join(traceback.format_stack(limit=30)))
                return real.exec_module(module)

        spec.loader = _Loader()
        return spec


sys.meta_path.insert(0, _Watch())
exec(sys.argv[3])
from povertypolicy.cli import main

codes = []
for argv in json.loads(sys.argv[1]):
    try:
        main(argv)
        codes.append(0)
    except SystemExit as stop:
        codes.append(stop.code or 0)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    imported = first[0] if first else ("(no stack)" if "pandas" in sys.modules else None)
    json.dump({"codes": codes, "pandas": imported}, out)
"""


def assert_no_pandas(
    tmp_path: Path,
    commands: Sequence[Sequence[Any]],
    *,
    codes: Sequence[int] = (),
    setup: str = "",
) -> None:
    """Run ``commands`` (each a ``povertypolicy`` argument list) in one fresh interpreter: each
    exits with its code in ``codes`` (0 when not given) and none imports pandas. ``setup``
    is Python run first (the harness's own test imports pandas there)."""
    assert importlib.util.find_spec("pandas") is not None, (
        "pandas is not installed: the dev extra installs it; without it this proves nothing"
    )
    report = tmp_path / "no-pandas.json"
    argvs = [[str(a) for a in cmd] for cmd in commands]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(argvs), str(report), setup],
        capture_output=True,
        text=True,
        check=False,
    )
    assert report.exists(), done.stderr[-3000:]
    got = json.loads(report.read_text(encoding="utf-8"))
    want = list(codes) or [0] * len(argvs)
    assert got["codes"] == want, (got["codes"], done.stdout[-2000:], done.stderr[-3000:])
    assert got["pandas"] is None, "pandas was imported here:\n" + got["pandas"]
