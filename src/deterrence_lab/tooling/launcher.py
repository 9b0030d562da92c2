"""Find the course notebooks, copy them for a student without overwriting, start JupyterLab.

From a source checkout the notebooks are used in place. From an installed wheel they
ship as package data (``deterrence_lab/_course``) and are first copied to a folder
the student owns. A file that already exists there is never replaced: each copy goes
to a temporary name and is linked into place only if the name is still free, so an
interrupted or concurrent copy leaves whole files and a second run completes it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FOLDERS = ("course", "exercises", "solutions")
FIRST_CHAPTER = "course/00_the_argument.ipynb"
_PACKAGE = Path(__file__).resolve().parents[1]   # the deterrence_lab package folder


def source_checkout() -> Path | None:
    """The repository root when running from a source checkout, else ``None``."""
    root = _PACKAGE.parents[1]
    if (root / "pyproject.toml").is_file() and (root / FIRST_CHAPTER).is_file():
        return root
    return None


def packaged_course() -> Path:
    """Where an installed wheel keeps its copy of the notebooks."""
    return _PACKAGE / "_course"


def _skip(path: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts)


def copy_course(origin: Path, destination: Path) -> list[Path]:
    """Copy ``origin``'s course folders into ``destination``; never overwrite; return new files."""
    copied = []
    for folder in FOLDERS:
        base = origin / folder
        if not base.is_dir():
            continue
        for source in sorted(base.rglob("*")):
            relative = source.relative_to(origin)
            if not source.is_file() or _skip(relative):
                continue
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                continue
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
            os.close(fd)
            try:
                shutil.copyfile(source, temporary)
                os.link(temporary, target)  # fails if the name was taken meanwhile
                copied.append(target)
            except FileExistsError:
                pass
            finally:
                os.unlink(temporary)
    return copied


def jupyter_command(root: Path, notebook: str = FIRST_CHAPTER, *, port: int | None = None,
                    open_browser: bool = True) -> list[str]:
    """The JupyterLab command line: bound to 127.0.0.1, token authentication left on."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}",
               "--ServerApp.ip=127.0.0.1"]
    if port is not None:
        command.append(f"--ServerApp.port={port}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI run as root
        command.append("--allow-root")
    if (root / notebook).is_file():
        command.append(str(root / notebook))
    return command


def prepare(directory: Path | None, out=sys.stdout) -> Path:
    """The folder to open: the checkout itself, or ``directory`` with the course copied in."""
    checkout = source_checkout()
    if checkout is not None and directory is None:
        print(f"Opening the course from this source checkout: {checkout}", file=out)
        return checkout
    target = Path(directory or "deterrence-lab-course").resolve()
    origin = checkout or packaged_course()
    copied = copy_course(origin, target)
    if copied:
        print(f"Copied {len(copied)} file(s) into {target}:", file=out)
        for path in copied:
            print(f"  {path.relative_to(target)}", file=out)
    else:
        print(f"{target} already holds the course; nothing was overwritten.", file=out)
    return target


def open_course(directory: Path | None = None, *, port: int | None = None,
                open_browser: bool = True) -> int:
    """Prepare the folder and run JupyterLab on chapter 00 until the student stops it."""
    root = prepare(directory)
    return subprocess.call(jupyter_command(root, port=port, open_browser=open_browser))
