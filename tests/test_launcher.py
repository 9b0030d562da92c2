"""The launcher: safe copying (never overwriting, even when two copies run at once or one is
killed half-way, or where the file system has no hard links), the student's working copy and
the updates offered beside it, the JupyterLab command line (127.0.0.1 only, token required),
stopping with Ctrl+C, and the CLI's arguments."""
import errno
import json
import os
import shutil
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
    assert "--LabApp.default_url=/lab/tree/course/00_the_argument.ipynb" in command
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
    monkeypatch.setattr(launcher, "run_jupyter", lambda cmd, root=None: calls.append(cmd) or 0)
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


# --- file systems without hard links (FAT USB sticks, some network and FUSE mounts) ---------

def no_hard_links(monkeypatch, code):
    calls = []

    def link(*args, **kwargs):
        calls.append(args)
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(launcher.os, "link", link)
    return calls


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP, errno.EXDEV],
                         ids=["EPERM", "ENOTSUP", "EXDEV"])
def test_copy_without_hard_links_never_overwrites(tmp_path, monkeypatch, code):
    calls = no_hard_links(monkeypatch, code)
    origin, dest = make_origin(tmp_path), tmp_path / "stick"
    (dest / "exercises").mkdir(parents=True)
    (dest / "exercises" / "01_x.ipynb").write_text("my edited answers")
    copied = launcher.copy_course(origin, dest)
    assert calls, "the test must exercise the fallback"
    assert sorted(p.relative_to(dest).as_posix() for p in copied) == \
        ["course/00_the_argument.ipynb", "solutions/01_x.ipynb"]
    assert (dest / "course" / "00_the_argument.ipynb").read_text() == \
        "original course/00_the_argument.ipynb"
    assert (dest / "exercises" / "01_x.ipynb").read_text() == "my edited answers"
    assert launcher.copy_course(origin, dest) == []
    assert not list(dest.rglob(".partial-*")), "no temporary files left behind"


def test_exclusive_copy_completes_an_interrupted_claim_and_loses_a_race(tmp_path, monkeypatch):
    no_hard_links(monkeypatch, errno.EPERM)
    origin, dest = make_origin(tmp_path), tmp_path / "stick"
    (dest / "course").mkdir(parents=True)
    (dest / "course" / "00_the_argument.ipynb").write_bytes(b"")  # a claim left by a crash
    real_replace = os.replace

    def racing_replace(src, dst):
        # another copy (or the student) writes solutions/01_x.ipynb between check and claim
        if str(dst).endswith("01_x.ipynb") and "solutions" in str(dst):
            raise AssertionError("must not be reached: the name was taken")
        return real_replace(src, dst)
    real_open = open

    def open_taken(path, mode="r", *args, **kwargs):
        if mode == "xb" and str(path).endswith(os.path.join("solutions", "01_x.ipynb")):
            Path(path).write_text("written by someone else meanwhile")
        return real_open(path, mode, *args, **kwargs)
    monkeypatch.setattr(launcher.os, "replace", racing_replace)
    monkeypatch.setattr("builtins.open", open_taken)
    copied = launcher.copy_course(origin, dest)
    assert (dest / "course" / "00_the_argument.ipynb").read_text() == \
        "original course/00_the_argument.ipynb"
    assert (dest / "solutions" / "01_x.ipynb").read_text() == "written by someone else meanwhile"
    assert dest / "solutions" / "01_x.ipynb" not in copied


def test_a_failed_copy_leaves_no_empty_folders(tmp_path, monkeypatch):
    no_hard_links(monkeypatch, errno.EXDEV)
    origin, dest = make_origin(tmp_path), tmp_path / "stick" / "course-copy"

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(launcher.shutil, "copyfile", full_disk)
    with pytest.raises(OSError):
        launcher.copy_course(origin, dest)
    assert not (tmp_path / "stick").exists(), "folders created by the failed copy must go"


def test_a_failed_copy_keeps_folders_that_hold_files(tmp_path, monkeypatch):
    origin, dest = make_origin(tmp_path), tmp_path / "student"
    real = launcher.shutil.copyfile

    def fail_on_solutions(source, target):
        if "solutions" in str(source):
            raise OSError(errno.EIO, "Input/output error")
        return real(source, target)
    monkeypatch.setattr(launcher.shutil, "copyfile", fail_on_solutions)
    with pytest.raises(OSError):
        launcher.copy_course(origin, dest)
    assert (dest / "course" / "00_the_argument.ipynb").is_file()
    assert not (dest / "solutions").exists()


def test_open_reports_a_folder_it_cannot_write(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(launcher.shutil, "copyfile",
                        lambda *a: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only file system")))
    monkeypatch.setattr(launcher, "run_jupyter", lambda *a, **k: pytest.fail("must not start"))
    assert main(["open", str(tmp_path / "ro")]) == 1
    err = capsys.readouterr().err
    assert "Could not copy the course" in err and "Read-only" in err and "Traceback" not in err


# --- the student's working copy, and updates offered beside it ---------------------------------

def fake_checkout(tmp_path, monkeypatch):
    checkout = make_origin(tmp_path)
    (checkout / "pyproject.toml").write_text("")
    monkeypatch.setattr(launcher, "source_checkout", lambda: checkout)
    return checkout


def test_from_a_clone_the_student_works_in_a_copy(tmp_path, monkeypatch):
    checkout = fake_checkout(tmp_path, monkeypatch)
    before = {p: p.read_text() for p in checkout.rglob("*.ipynb")}
    root = launcher.prepare(None, out=sys.stdout)
    assert root == (checkout / launcher.WORKING_COPY).resolve()
    assert (root / launcher.FIRST_CHAPTER).read_text() == before[checkout / launcher.FIRST_CHAPTER]
    command = launcher.jupyter_command(root)
    assert f"--ServerApp.root_dir={root}" in command, "JupyterLab must open the copy"
    assert str(root / launcher.FIRST_CHAPTER) in command
    (root / launcher.FIRST_CHAPTER).write_text("student's notes")  # autosave, saved games ...
    (root / "course" / "crisis_seminar_save.json").write_text("{}")
    assert {p: p.read_text() for p in checkout.rglob("*.ipynb")
            if launcher.WORKING_COPY not in p.parts} == before


def test_working_copy_folder_is_git_ignored():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    for path in (f"{launcher.WORKING_COPY}/course/00_the_argument.ipynb",
                 f"{launcher.WORKING_COPY}/course/crisis_seminar_save.json"):
        done = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert done.returncode == 0, f"{path} is not git-ignored"


def test_a_newer_course_is_offered_beside_the_students_files(tmp_path, monkeypatch, capsys):
    checkout = fake_checkout(tmp_path, monkeypatch)
    root = launcher.prepare(None, out=sys.stdout)
    (root / "exercises" / "01_x.ipynb").write_text("my answers")        # the student's work
    (checkout / "exercises" / "01_x.ipynb").write_text("course v2")     # git pull
    (checkout / "course" / "00_the_argument.ipynb").write_text("chapter v2")
    (checkout / "course" / "07_new.ipynb").write_text("a new chapter")
    capsys.readouterr()
    launcher.prepare(None, out=sys.stdout)
    out = capsys.readouterr().out
    assert "course/07_new.ipynb" in out and (root / "course" / "07_new.ipynb").is_file()
    assert "changed since your copy" in out
    assert "exercises/01_x.ipynb" in out and "course/00_the_argument.ipynb" in out
    assert (root / "exercises" / "01_x.ipynb").read_text() == "my answers"
    assert (root / "course" / "00_the_argument.ipynb").read_text() == \
        "original course/00_the_argument.ipynb"
    beside = sorted(p.name for p in (root / "exercises").glob("01_x.update-*.ipynb"))
    assert len(beside) == 1 and (root / "exercises" / beside[0]).read_text() == "course v2"
    assert len(list((root / "course").glob("00_the_argument.update-*.ipynb"))) == 1
    launcher.prepare(None, out=sys.stdout)  # the same update is not offered twice
    assert "changed since" not in capsys.readouterr().out
    (root / "exercises" / beside[0]).unlink()  # the student took what they wanted
    launcher.prepare(None, out=sys.stdout)
    assert not list((root / "exercises").glob("01_x.update-*")), "deleted offers stay deleted"


def test_unchanged_course_offers_nothing(tmp_path, monkeypatch, capsys):
    fake_checkout(tmp_path, monkeypatch)
    root = launcher.prepare(None, out=sys.stdout)
    (root / "exercises" / "01_x.ipynb").write_text("my answers")
    capsys.readouterr()
    launcher.prepare(None, out=sys.stdout)
    out = capsys.readouterr().out
    assert "has changed" not in out and "nothing was overwritten" in out
    assert not list(root.rglob("*.update-*"))


# --- stopping: Ctrl+C ends JupyterLab cleanly with one line --------------------------------

@pytest.mark.notebooks  # starts a real JupyterLab
@pytest.mark.skipif(sys.platform.startswith("win"), reason="sends SIGINT to a process group")
def test_ctrl_c_stops_jupyterlab_with_one_line_and_the_link_opens_chapter_00(tmp_path):
    import signal
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    run = subprocess.Popen(
        [sys.executable, "-m", "deterrence_lab", "open", str(tmp_path / "copy"), "--no-browser",
         "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, start_new_session=True,  # a terminal: Ctrl+C goes to the foreground group
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines, deadline = [], time.monotonic() + 180
    try:
        while not any("Stop it with Ctrl+C" in line for line in lines):
            assert time.monotonic() < deadline and run.poll() is None, "".join(lines)
            lines.append(run.stdout.readline())
        link = next(line.strip() for line in lines if line.strip().startswith("http://"))
        assert link.startswith(f"http://127.0.0.1:{port}/lab/tree/course/00_the_argument.ipynb"
                               "?token=")
        with urllib.request.urlopen(link, timeout=30) as response:
            assert response.status == 200
        os.killpg(run.pid, signal.SIGINT)
        after, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 0
    assert after.strip().splitlines() == [f"JupyterLab stopped. Your copy of the course is in "
                                          f"{(tmp_path / 'copy').resolve()}."]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "Shut down this Jupyter server" not in after + err
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0, "the server is still listening"


def test_run_jupyter_stops_the_server_when_the_launcher_is_terminated(tmp_path):
    """`kill` (SIGTERM) or a closed terminal must not leave an orphaned server behind."""
    import signal
    import time
    if sys.platform.startswith("win"):
        pytest.skip("POSIX signals")
    marker = tmp_path / "server.pid"
    fake_server = (f"import os, signal, sys, time\n"
                   f"open({str(marker)!r}, 'w').write(str(os.getpid()))\n"
                   f"signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))\n"
                   f"print('http://127.0.0.1:1/lab?token=abc', flush=True)\n"
                   f"time.sleep(120)\n")
    code = ("import sys\nfrom deterrence_lab.tooling import launcher\n"
            f"sys.exit(launcher.run_jupyter([sys.executable, '-c', {fake_server!r}]))\n")
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not marker.exists() or not marker.read_text():
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.1)
    server_pid = int(marker.read_text())
    run.send_signal(signal.SIGTERM)
    out, _ = run.communicate(timeout=60)
    assert run.returncode == 0 and "JupyterLab stopped." in out
    with pytest.raises(ProcessLookupError):
        os.kill(server_pid, 0)


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
