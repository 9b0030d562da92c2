"""Packaging promises: Binder's pins agree with pyproject, the wheel ships the notebooks and
the base map."""
import importlib.metadata
import re
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

tomllib = pytest.importorskip("tomllib")
ROOT = Path(__file__).resolve().parents[1]
BINDER_ONLY = {"jupyterlab-widgets"}  # ipywidgets' front end, pinned for rendering on Binder


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def binder_pins() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"binder pin must be exact: {line}"
            pins[canonical(requirement.name)] = Version(spec.version)
    return pins


def test_binder_pins_satisfy_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = binder_pins()
    for dependency in map(Requirement, project["dependencies"]):
        name = canonical(dependency.name)
        assert name in pins, f"{name} is a dependency but binder/requirements.txt omits it"
        assert pins[name] in dependency.specifier, f"binder pins {name}=={pins[name]}, " \
                                                   f"outside pyproject's {dependency.specifier}"
    extra = set(pins) - {canonical(Requirement(d).name) for d in project["dependencies"]}
    assert extra <= BINDER_ONLY, f"binder installs packages pyproject does not know: {extra}"


def test_binder_widget_front_end_matches_ipywidgets():
    pins = binder_pins()
    installed = Version(importlib.metadata.version("ipywidgets"))
    if installed == pins["ipywidgets"]:
        wanted = [Requirement(r) for r in importlib.metadata.requires("ipywidgets")
                  if canonical(Requirement(r).name) == "jupyterlab-widgets"]
        assert pins["jupyterlab-widgets"] in wanted[0].specifier
    # ipywidgets 8.x pairs with jupyterlab_widgets 3.x (7.x went with 1.x)
    assert pins["ipywidgets"].major == 8 and pins["jupyterlab-widgets"].major == 3


def test_binder_installs_the_package():
    assert "pip install --no-deps ." in (ROOT / "binder" / "postBuild").read_text()


def test_readme_links_binder_to_chapter_00():
    readme = (ROOT / "README.md").read_text()
    assert "urlpath=lab/tree/course/00_the_argument.ipynb" in readme


def test_wheel_ships_the_notebooks(tmp_path):
    build = pytest.importorskip("hatchling.builders.wheel")
    (wheel,) = build.WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("course", "exercises", "solutions"):
        shipped = {n.rsplit("/", 1)[-1] for n in names
                   if n.startswith(f"deterrence_lab/_course/{folder}/")}
        expected = {p.name for p in (ROOT / folder).iterdir() if p.suffix in (".ipynb", ".md")}
        assert expected <= shipped, f"{folder}: missing from the wheel: {expected - shipped}"
    # the offline base map of chapter 01 and its licence notes
    assert "deterrence_lab/content/data/basemap.npz" in names
    assert "deterrence_lab/content/data/README.md" in names
