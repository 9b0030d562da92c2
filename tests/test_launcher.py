"""The launcher: safe copying, the JupyterLab command line, and the CLI's arguments."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deterrence_lab import __version__
from deterrence_lab.tooling import launcher
from deterrence_lab.tooling.cli import main

ROOT = Path(__file__).resolve().parents[1]


def make_origin(tmp_path):
    origin = tmp_path / "origin"
    for rel in ("course/00_the_argument.ipynb", "exercises/01_x.ipynb", "solutions/01_x.ipynb",
                "course/.ipynb_checkpoints/old.ipynb"):
        (origin / rel).parent.mkdir(parents=True, exist_ok=True)
        (origin / rel).write_text(f"original {rel}")
    return origin


def test_copy_never_overwrites_and_reports_new_files(tmp_path):
    origin, dest = make_origin(tmp_path), tmp_path / "student"
    (dest / "exercises").mkdir(parents=True)
    (dest / "exercises" / "01_x.ipynb").write_text("my edited answers")
    copied = launcher.copy_course(origin, dest)
    assert sorted(p.relative_to(dest).as_posix() for p in copied) == \
        ["course/00_the_argument.ipynb", "solutions/01_x.ipynb"]
    assert (dest / "exercises" / "01_x.ipynb").read_text() == "my edited answers"
    assert not (dest / "course" / ".ipynb_checkpoints").exists()
    assert launcher.copy_course(origin, dest) == []
    assert not [p for p in dest.rglob(".partial-*")], "no temporary files left behind"


def test_interrupted_copy_is_completed_not_duplicated(tmp_path):
    origin, dest = make_origin(tmp_path), tmp_path / "student"
    (dest / "course").mkdir(parents=True)
    (dest / "course" / ".partial-abc").write_text("half a file from a crash")
    launcher.copy_course(origin, dest)
    files = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert "course/00_the_argument.ipynb" in files
    assert (dest / "course" / "00_the_argument.ipynb").read_text() == \
        "original course/00_the_argument.ipynb"


def test_jupyter_command_binds_localhost_and_keeps_token(tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / launcher.FIRST_CHAPTER).write_text("{}")
    command = launcher.jupyter_command(tmp_path, port=9999, open_browser=False)
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert "--ServerApp.ip=127.0.0.1" in command and "--ServerApp.port=9999" in command
    assert "--no-browser" in command and command[-1].endswith("00_the_argument.ipynb")
    assert not any("token" in part.lower() or "password" in part.lower() for part in command)


def test_source_checkout_is_detected():
    assert launcher.source_checkout() == ROOT


def test_prepare_copies_into_a_given_folder(tmp_path, capsys):
    target = launcher.prepare(tmp_path / "mine", out=sys.stdout)
    assert (target / launcher.FIRST_CHAPTER).is_file()
    assert "Copied" in capsys.readouterr().out
    launcher.prepare(tmp_path / "mine", out=sys.stdout)
    assert "nothing was overwritten" in capsys.readouterr().out


def test_open_runs_jupyter_with_the_prepared_folder(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(launcher.subprocess, "call", lambda cmd: calls.append(cmd) or 0)
    assert main(["open", str(tmp_path / "dir"), "--port", "8999", "--no-browser"]) == 0
    assert f"--ServerApp.root_dir={(tmp_path / 'dir').resolve()}" in calls[0]
    assert "--ServerApp.port=8999" in calls[0] and "--no-browser" in calls[0]


def test_version_help_and_bad_arguments(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and __version__ in capsys.readouterr().out
    for bad in (["frobnicate"], ["open", "--colour"], ["build-exercises", "extra"]):
        with pytest.raises(SystemExit) as exit_info:
            main(bad)
        assert exit_info.value.code == 2
        assert "usage: deterrence-lab" in capsys.readouterr().err


def test_build_exercises_check_passes_on_this_checkout(capsys):
    assert main(["build-exercises", "--check"]) == 0


def test_module_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "deterrence_lab", "--help"],
                          capture_output=True, text=True, env={**os.environ})
    assert done.returncode == 0 and "build-exercises" in done.stdout


def test_import_does_not_load_plotting_or_widgets():
    """Importing the package and every model module leaves matplotlib and ipywidgets unloaded."""
    code = ("import sys, importlib.util, deterrence_lab as d\n"
            "for name in d.__all__: getattr(d, name)\n"
            "print(any(m in sys.modules for m in ('matplotlib', 'ipywidgets', 'IPython')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
