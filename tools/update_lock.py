"""Refresh the lock: ``constraints.txt`` and the Binder pins derived from it.

    python tools/update_lock.py          # then run the tests with the new lock and commit

Creates a fresh virtual environment in a temporary folder, installs the package with its
``test``, ``browser`` and ``grading`` extras at the newest releases (no constraints), and writes

* ``constraints.txt``: the exact version of every package ``pip freeze`` lists there
  (the project itself excluded), used by the README's commands and by ``.ci/run``;
* ``binder/requirements.txt``: the run-time dependencies (and ipywidgets' JupyterLab
  front end) pinned to the same versions, so Binder runs what the tests ran.

``tests/test_packaging.py`` fails if the two files disagree or if a pin falls outside
``pyproject.toml``'s ranges.
"""
from __future__ import annotations

import platform
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "deterrence-lab"
# Binder needs the run-time dependencies, plus the widgets' front end for JupyterLab.
BINDER = ("numpy", "matplotlib", "ipywidgets", "jupyterlab_widgets", "jupyterlab", "latex2mathml")
# Releases held back whatever the newest is, with why. The README's commands must work with
# Debian 12's python3 (3.11.2); tests/test_install.py runs them with it.
HOLDS = {
    "soupsieve": ("2.10", "soupsieve 3.0.2 and later need Python >= 3.11.5 and 3.0.1 was "
                          "yanked for breaking on older 3.11; Debian 12's python3 is 3.11.2"),
}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def freeze(python: Path) -> list[str]:
    out = subprocess.run([str(python), "-m", "pip", "freeze", "--all"], check=True,
                         capture_output=True, text=True).stdout
    keep = []
    for line in out.splitlines():
        name = re.split(r"[=@ ]", line, maxsplit=1)[0]
        if "==" not in line or canonical(name) in (PROJECT, "pip", "setuptools", "wheel"):
            continue
        keep.append(line.strip())
    return sorted(keep, key=lambda line: canonical(line.split("==")[0]))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="deterrence-lock-") as scratch:
        env_dir = Path(scratch) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        holds = Path(scratch) / "holds.txt"
        holds.write_text("".join(f"{name}=={version}\n" for name, (version, _) in HOLDS.items()))
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-c", str(holds),
                        f"{ROOT}[test,browser,grading]"], check=True)
        pins = freeze(python)
    write_lock(pins)
    return 0


def write_lock(pins: list[str]) -> None:
    """Write constraints.txt and binder/requirements.txt from ``pins`` (``name==version``)."""
    version = ".".join(platform.python_version_tuple()[:2])
    header = [
        "# The exact versions the test suite passes with: pip freeze of a fresh virtual",
        "# environment with `pip install \".[test,browser,grading]\"` (the project left out),",
        f"# made with Python {version} on {platform.system()}. Use it with `-c constraints.txt`.",
        "# Refresh with `python tools/update_lock.py` (see the README, \"Updating the lock\").",
    ]
    lines = []
    for pin in pins:
        held = HOLDS.get(canonical(pin.split("==")[0]))
        if held:
            lines.append(f"# held back: {held[1]}")
        lines.append(pin)
    (ROOT / "constraints.txt").write_text("\n".join(header + lines) + "\n")
    versions = {canonical(p.split("==")[0]): p.split("==")[1] for p in pins}
    binder = [
        "# Binder environment for workshops: the package's run-time dependencies at the",
        "# versions in ../constraints.txt (written together by tools/update_lock.py; a test",
        "# fails if they differ). jupyterlab_widgets is ipywidgets' JupyterLab front end; its",
        "# version must match ipywidgets' own requirement or widgets show \"Error displaying",
        "# widget\".",
    ] + [f"{name}=={versions[canonical(name)]}" for name in BINDER]
    (ROOT / "binder" / "requirements.txt").write_text("\n".join(binder) + "\n")
    print(f"wrote constraints.txt ({len(pins)} packages) and binder/requirements.txt",
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
