"""The launcher: safe copying (never overwriting, even when two copies run at once or one is
killed half-way), the JupyterLab command line (127.0.0.1 only, token required), and the
CLI's arguments."""
import json
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


# ---------------------------------------------------------------------------------------
# Safe launching: a real JupyterLab from the launcher's command line listens on 127.0.0.1
# only and refuses requests without the token; copying never overwrites, even when two
# copies run at once or one is killed half-way.
# ---------------------------------------------------------------------------------------

def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> list[str]:
    """Local addresses (hex, from /proc/net/tcp*) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.append(address)
    return found


def _get(url: str) -> int:
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.notebooks  # starts a real JupyterLab
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_launched_jupyterlab_listens_on_localhost_only_and_wants_the_token(tmp_path):
    import time

    (tmp_path / "course").mkdir()
    (tmp_path / launcher.FIRST_CHAPTER).write_text("{}")
    port = _free_port()
    home = tmp_path / "home"
    home.mkdir()
    # no retries on the next port: if another process took this one, fail fast and visibly
    command = launcher.jupyter_command(tmp_path, port=port, open_browser=False) + [
        "--ServerApp.port_retries=0"]
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(command, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "HOME": str(home)}, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not _listening(port):
            assert server.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "JupyterLab did not start within 120 s"
            time.sleep(0.5)
        addresses = set(_listening(port))
        loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1
        assert addresses <= loopback, f"listening beyond loopback: {addresses}"
        base = f"http://127.0.0.1:{port}"
        assert _get(f"{base}/api/contents") == 403
        assert _get(f"{base}/api/kernels") == 403
        assert _get(f"{base}/lab") in (302, 401, 403)  # sent to the login page
        assert _get(f"{base}/api/contents?token=wrong") == 403
        runtime = sorted(home.rglob("jpserver-*.json"))
        assert runtime, "the server wrote no runtime file with its token"
        token = json.loads(runtime[-1].read_text())["token"]
        assert token, "token authentication is switched off"
        assert _get(f"{base}/api/contents?token={token}") == 200
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait()
        log.close()


def _origin(tmp_path: Path, n: int = 120) -> Path:
    origin = tmp_path / "origin"
    for folder in ("course", "exercises", "solutions"):
        (origin / folder).mkdir(parents=True)
        for i in range(n // 3):
            (origin / folder / f"{i:03d}.ipynb").write_text(f"{folder} {i} " + "x" * 20000)
    return origin


def _visible(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


_COPY = ("import sys, shutil, time, json\n"
         "from pathlib import Path\n"
         "from deterrence_lab.tooling import launcher\n"
         "slow = float(sys.argv[3])\n"
         "if slow:\n"
         "    real = shutil.copyfile\n"
         "    def copyfile(a, b):\n"
         "        time.sleep(slow); return real(a, b)\n"
         "    launcher.shutil.copyfile = copyfile\n"
         "copied = launcher.copy_course(Path(sys.argv[1]), Path(sys.argv[2]))\n"
         "print(json.dumps([str(p) for p in copied]))\n")


def test_two_concurrent_copies_never_overwrite_or_duplicate(tmp_path):
    origin, dest = _origin(tmp_path), tmp_path / "student"
    (dest / "course").mkdir(parents=True)
    (dest / "course" / "005.ipynb").write_text("the student's own work")
    runs = [subprocess.Popen([sys.executable, "-c", _COPY, str(origin), str(dest), "0.002"],
                             stdout=subprocess.PIPE, text=True) for _ in range(2)]
    reports = [json.loads(run.communicate(timeout=120)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    both = reports[0] + reports[1]
    assert len(both) == len(set(both)), "a file was written by both copies"
    expected = {k: v for k, v in _visible(origin).items()}
    expected["course/005.ipynb"] = "the student's own work"
    assert _visible(dest) == expected
    assert len(both) == len(expected) - 1
    assert not list(dest.rglob(".partial-*")), "temporary files left behind"


def test_concurrent_copies_in_threads(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    origin, dest = _origin(tmp_path, 60), tmp_path / "student"
    with ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(lambda _: launcher.copy_course(origin, dest), range(4)))
    both = [p for r in reports for p in r]
    assert len(both) == len(set(both)) == 60
    assert _visible(dest) == _visible(origin)


@pytest.mark.parametrize("signal_number", [2, 9], ids=["interrupt", "kill"])
def test_interrupted_copy_is_completed_by_the_next_run(tmp_path, signal_number):
    import time

    origin, dest = _origin(tmp_path), tmp_path / "student"
    run = subprocess.Popen([sys.executable, "-c", _COPY, str(origin), str(dest), "0.05"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_visible(dest)) < 10 if dest.exists() else True:
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.05)
    run.send_signal(signal_number)
    run.communicate(timeout=30)
    half = _visible(dest)
    assert 0 < len(half) < len(_visible(origin)), "the copy was not interrupted half-way"
    assert all(half[k] == v for k, v in _visible(origin).items() if k in half), \
        "a half-copied folder holds a truncated file"
    if signal_number == 2:  # Ctrl-C: the copy cleans up its temporary file
        assert not list(dest.rglob(".partial-*"))
    copied = launcher.copy_course(origin, dest)
    assert len(copied) == len(_visible(origin)) - len(half)
    assert _visible(dest) == _visible(origin)
