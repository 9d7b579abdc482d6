"""Folders of data shipped inside the package (packs, catalogues, checklists, sources).

When the package is plain files on disk (any pip install), the folder is found beside the
module: ``importlib.resources`` and what it imports (tempfile, shutil, zipfile …) are not
needed. Anywhere else (a zip archive, another loader) ``importlib.resources`` finds it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["shipped"]


def shipped(package: str, *parts: str) -> Traversable:
    """The folder or file ``parts`` inside ``package`` (a package's dotted name)."""
    origin = getattr(importlib.import_module(package).__spec__, "origin", None)
    if origin:
        on_disk = Path(origin).parent.joinpath(*parts)
        if on_disk.exists():
            return on_disk
    from importlib import resources

    return resources.files(package).joinpath(*parts)
