"""Packaging promises: the lock (constraints.txt) and Binder's pins agree with each other and
with pyproject, the README installs with the lock, the wheel ships the notebooks and the base
map."""
import importlib.metadata
import re
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

tomllib = pytest.importorskip("tomllib")
ROOT = Path(__file__).resolve().parents[1]
PROJECT = "deterrence-lab"
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


def lock_pins() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"the lock must pin exactly: {line}"
            pins[canonical(requirement.name)] = Version(spec.version)
    return pins


def test_binder_pins_come_from_the_lock():
    lock = lock_pins()
    for name, version in binder_pins().items():
        assert lock.get(name) == version, \
            f"binder pins {name}=={version}, the lock {lock.get(name)}: run tools/update_lock.py"


def test_lock_covers_every_dependency_within_pyproject_ranges():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lock = lock_pins()
    wanted = list(project["dependencies"])
    for extra in ("test", "browser", "grading"):
        wanted += project["optional-dependencies"][extra]
    for dependency in map(Requirement, wanted):
        name = canonical(dependency.name)
        assert name in lock, f"{name} is a dependency but constraints.txt omits it"
        assert lock[name] in dependency.specifier, \
            f"the lock pins {name}=={lock[name]}, outside pyproject's {dependency.specifier}"
    assert PROJECT not in lock, "the lock must not pin the project itself"


def test_readme_and_ci_install_with_the_lock():
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("## Two commands"):]
    block = block[block.index("```"):]
    block = block[:block.index("```", 3)]
    commands = [line for line in block.splitlines() if "pip install" in line]
    assert commands and all("-c constraints.txt" in line for line in commands), commands
    ci = (ROOT / ".ci" / "run").read_text()
    assert "-c constraints.txt" in ci and "newest" in ci


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


def test_models_and_content_import_no_view_library():
    """No module in models/ or content/ imports matplotlib, ipywidgets or IPython, and no model
    imports the Markdown helpers (parsed, so a lazy import inside a function counts too)."""
    import ast
    forbidden = ("matplotlib", "ipywidgets", "IPython")
    src = ROOT / "src" / "deterrence_lab"
    offenders = []
    for path in sorted([*src.joinpath("models").glob("*.py"), *src.joinpath("content").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in forbidden]
            if path.parent.name == "models":   # models return data; views write Markdown
                offenders += [f"{path.name}: {n}" for n in names if n.endswith("_display")]
    assert offenders == []
