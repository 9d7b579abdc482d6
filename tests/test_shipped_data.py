"""Data shipped inside the package (packs, catalogues, checklists, sources) is found from disk
without importlib.resources, and through importlib.resources when the package is a zip."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy import _resources
from povertypolicy.sources import registry

# Loads a pack, runs a rule, renders its explanation in two locales, reads a source text and
# a checklist: every kind of shipped data.
SCRIPT = """
import datetime as dt, sys
import povertypolicy as pp
from povertypolicy.rules.data_quality import load_checks
policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
facts = dict(hukou=pp.HukouType.AGRICULTURAL, registered_locally=True, lives_in_area=True)
members = [pp.Person(id=f"P{i}", birth_date=dt.date(1970 + i, 1, 1), **facts) for i in range(4)]
home = pp.Household(id="H001", members=members, relocation_applied_on=dt.date(2011, 3, 20))
result = pp.rules.housing.housing_subsidy(home, policy)
print(result.explain("en"))
print(result.explain("zh_Hant"))
print(pp.find_quote("zj-taizhou-2019-47", "以地定量"))
print(len(load_checks("town-poverty-data-cleansing").checks))
print("importlib.resources" in sys.modules)
"""


def _run(pythonpath: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": pythonpath}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, env=env
    ).stdout
    return out.splitlines()


def _source_root() -> Path:
    return Path(pp.__file__).parent.parent


def test_on_disk_the_data_is_read_without_importlib_resources() -> None:
    lines = _run(str(_source_root()))
    assert lines[-1] == "False"
    assert any("HOUSE-1" in line for line in lines)


def test_the_package_runs_from_a_zip_archive(tmp_path: Path) -> None:
    archive = tmp_path / "povertypolicy.zip"
    package = Path(pp.__file__).parent
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                z.write(path, path.relative_to(package.parent).as_posix())
    from_zip = _run(str(archive))
    assert from_zip[-1] == "True"  # found through importlib.resources
    assert from_zip[:-1] == _run(str(_source_root()))[:-1]


def test_shipped_finds_folders_and_files_beside_the_module() -> None:
    packs = _resources.shipped("povertypolicy.policy", "packs")
    assert isinstance(packs, Path)
    assert packs.joinpath("cn.toml").is_file()
    po = _resources.shipped("povertypolicy", "locale", "en", "LC_MESSAGES", "core.po")
    assert po.is_file()


def test_a_folder_not_on_disk_is_looked_up_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import resources

    asked: list[tuple[str, tuple[str, ...]]] = []

    class Found:
        def __init__(self, package: str) -> None:
            self.package = package

        def joinpath(self, *parts: str) -> str:
            asked.append((self.package, parts))
            return "through importlib.resources"

    monkeypatch.setattr(resources, "files", Found)
    assert _resources.shipped("povertypolicy", "no-such-folder") == "through importlib.resources"
    assert asked == [("povertypolicy", ("no-such-folder",))]
    assert isinstance(_resources.shipped("povertypolicy", "locale"), Path)  # on disk: not asked
    assert len(asked) == 1


def test_a_former_name_must_be_a_txt_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a pack looks up renamed documents only for *.txt names, so sources.toml may
    give no other kind of former name."""
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nid = "x"\nkind = "reference"\ntitle = { hans = "甲", hant = "甲" }\n'
        'script = "hans"\ndated = "issued"\nformerly = "old-name"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(registry, "_files", lambda: tmp_path)
    registry._registry.cache_clear()
    try:
        with pytest.raises(ValueError, match="x: formerly must be a former seed file name"):
            registry._registry()
    finally:
        monkeypatch.undo()
        registry._registry.cache_clear()
    assert registry._registry()  # the shipped registry is back
