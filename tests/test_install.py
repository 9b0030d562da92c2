"""The README's two commands, run as written in a fresh virtual environment made from
Debian's system Python (which refuses a bare ``pip install``: PEP 668).

The commands are read from the README, not copied here. The launch command runs until
JupyterLab serves chapter 00, then gets Ctrl+C; the test command runs with
``PYTEST_ADDOPTS`` naming two quick targets, so it does not run this whole suite again.
Needs the package index (pip's configured one) and takes a few minutes, so it runs only
where ``DETERRENCE_LAB_INSTALL_TEST=1`` is set (``.ci/run`` sets it for its pinned run),
and is skipped with the reason elsewhere; asked for, it fails where ``/usr/bin/python3`` or
its venv module is missing.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def readme_commands() -> list[str]:
    """The command lines of the first code block under '## Two commands'."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", section, flags=re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_readme_has_exactly_two_headline_commands_launch_and_test():
    launch, test = readme_commands()
    for command in (launch, test):
        assert "python3 -m venv .venv" in command, "each command makes its own environment"
        assert "-c constraints.txt" in command
        assert "pip install" in command and "sudo" not in command
    assert "[test]" not in launch and launch.rstrip().endswith("deterrence-lab")
    assert '".[test]"' in test and "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    found = re.search(r"^README_TEST=\$\((.*?)\)$", ci, flags=re.M | re.S)
    assert found and 'bash -c "$README_TEST"' in ci, ".ci/run must run the README's test command"
    if shutil.which("bash") and shutil.which("sed") and shutil.which("grep"):
        extracted = subprocess.run(["bash", "-c", found.group(1)], cwd=ROOT, capture_output=True,
                                   text=True).stdout.strip()
        assert extracted == test.strip(), ".ci/run must find exactly the README's test command"


def _system_python_problem() -> str | None:
    if sys.platform.startswith("win") or not SYSTEM_PYTHON.exists():
        return f"needs Debian's {SYSTEM_PYTHON}"
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import venv, ensurepip"],
                           capture_output=True, text=True)
    if probe.returncode:
        return (f"{SYSTEM_PYTHON} has no venv/ensurepip module: apt-get install python3-venv "
                "(.ci/run does this)")
    return None


def _project_copy(tmp_path: Path) -> Path:
    """The project's files as a fresh clone would have them (tracked and new, not ignored)."""
    target = tmp_path / "deterrence-lab"
    if shutil.which("git") and (ROOT / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], cwd=ROOT, capture_output=True,
                                check=True).stdout.decode().split("\0")
        for name in filter(None, listed):
            source = ROOT / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:
        shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.egg-info", "deterrence-lab-course", "_site"))
    return target


def _clean_environment(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "CONDA_PREFIX",
                        "PYTEST_ADDOPTS", "JUPYTER_PATH", "JUPYTER_CONFIG_DIR")}
    # a terminal where `python3` is the system's: /usr/bin before any other environment
    env["PATH"] = os.pathsep.join(["/usr/bin", "/bin"] + [
        p for p in env.get("PATH", "").split(os.pathsep)
        if p not in ("/usr/bin", "/bin") and "venv" not in p and "conda" not in p])
    env["BROWSER"] = "true"  # JupyterLab's "open a browser" does nothing
    env["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    return env


@pytest.mark.install
@pytest.mark.notebooks  # minutes: keep it out of the quick `-m "not notebooks"` loop
def test_readme_commands_run_verbatim_from_debians_system_python(tmp_path):
    if os.environ.get("DETERRENCE_LAB_INSTALL_TEST") != "1":
        pytest.skip("installs the course twice from the package index (minutes): set "
                    "DETERRENCE_LAB_INSTALL_TEST=1 to run it, as .ci/run does")
    problem = _system_python_problem()
    if problem:  # asked for by name: a missing system Python must fail, not hide
        pytest.fail(problem)
    launch, test = readme_commands()
    project = _project_copy(tmp_path)
    env = _clean_environment(tmp_path)
    bare = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], env=env,
                          capture_output=True, text=True)
    assert bare.stdout.strip().startswith("/usr/bin/python3"), bare.stdout + bare.stderr

    # 1. launch: installs the course (not the test extra) and serves chapter 00 until Ctrl+C
    started = time.monotonic()
    run = subprocess.Popen(["bash", "-c", launch], cwd=project, env=env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           start_new_session=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    try:
        while not any("Stop it with Ctrl+C" in line for line in lines):
            line = run.stdout.readline()
            assert line or run.poll() is None, "".join(lines[-60:])
            assert time.monotonic() - started < 900, "launch took over 15 minutes"
            lines.append(line)
        launch_s = time.monotonic() - started
        link = next(x.strip() for x in lines if x.strip().startswith("http://127.0.0.1:"))
        assert "/lab/tree/course/00_the_argument.ipynb?token=" in link
        os.killpg(run.pid, signal.SIGINT)
        rest, _ = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 0, rest
    assert "JupyterLab stopped." in rest and "Traceback" not in rest
    venv_python = project / ".venv" / "bin" / "python"
    assert subprocess.run([str(venv_python), "-c", "import pytest"], env=env,
                          capture_output=True).returncode != 0, \
        "the launch command must not install the test extra"
    assert (project / "deterrence-lab-course" / "course" / "00_the_argument.ipynb").is_file()

    # 2. test: installs the test extra and runs pytest (limited to two quick targets here)
    started = time.monotonic()
    done = subprocess.run(["bash", "-c", test], cwd=project, text=True, capture_output=True,
                          env={**env, "PYTEST_ADDOPTS": "tests/test_checks.py "
                                                        "solutions/00_warmup.ipynb"},
                          timeout=1800)
    test_s = time.monotonic() - started
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    assert re.search(r"\d+ passed", done.stdout), done.stdout[-2000:]
    print(f"launch command: {launch_s:.0f} s to a served chapter 00; "
          f"test command: {test_s:.0f} s")
