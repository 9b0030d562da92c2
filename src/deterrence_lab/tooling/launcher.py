"""Find the course notebooks, copy them for a student without overwriting, start JupyterLab.

The student always works in a copy: from a source checkout the notebooks are copied into
``deterrence-lab-course/`` inside the checkout (a git-ignored folder), so the tracked
notebooks are never opened, autosaved or cluttered with saved games; from an installed
wheel they ship as package data (``deterrence_lab/_course``) and are copied into
``./deterrence-lab-course`` or a folder the student names.

A file that already exists in the copy is never replaced. Each file is first copied to a
temporary name, then put in place only if its name is still free: by a hard link where
the file system has them, otherwise (FAT-formatted USB sticks, some network and FUSE file
systems) by claiming the name with an exclusive create (``open(name, "xb")``) and moving
the finished copy onto the empty claim. An interrupted or concurrent copy therefore
leaves whole files (at worst an empty claim, which the next run completes), and a
failure removes the folders this run created, so none is left empty.

When the course changes (a ``git pull``, a newer package), the launcher lists the
changed files and puts each new version beside the student's, named
``NAME.update-XXXXXXXX.ipynb``; the student's own file is left as it is. A small
manifest (``.deterrence-lab.json``) in the copy remembers which version of each file the
student was given.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

FOLDERS = ("course", "exercises", "solutions")
FIRST_CHAPTER = "course/00_the_argument.ipynb"
WORKING_COPY = "deterrence-lab-course"
MANIFEST = ".deterrence-lab.json"
_PACKAGE = Path(__file__).resolve().parents[1]   # the deterrence_lab package folder
# what os.link raises where a file system has no hard links (EINVAL: Windows on FAT)
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP),
                  errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EACCES}


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


def course_files(origin: Path) -> list[Path]:
    """The course files under ``origin``, relative to it, sorted."""
    found = []
    for folder in FOLDERS:
        base = origin / folder
        if base.is_dir():
            found += [p.relative_to(origin) for p in sorted(base.rglob("*"))
                      if p.is_file() and not _skip(p.relative_to(origin))]
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _unfinished(target: Path, source: Path) -> bool:
    """An empty file where the source is not: the claim of a copy that was interrupted."""
    try:
        return target.stat().st_size == 0 and source.stat().st_size > 0
    except FileNotFoundError:
        return False


class _Placer:
    """Puts a finished temporary copy under its final name without ever overwriting."""

    def __init__(self) -> None:
        self.links = True  # until the file system says otherwise

    def place(self, temporary: str, target: Path, source: Path) -> bool:
        """Move ``temporary`` to ``target`` if that name is free (or an unfinished claim)."""
        if self.links:
            try:
                os.link(temporary, target)  # fails if the name was taken meanwhile
                return True
            except FileExistsError:
                if not _unfinished(target, source):
                    return False
            except (OSError, NotImplementedError) as error:
                if isinstance(error, OSError) and error.errno not in _NO_HARD_LINKS:
                    raise
                self.links = False
        return self._place_exclusive(temporary, target, source)

    @staticmethod
    def _place_exclusive(temporary: str, target: Path, source: Path) -> bool:
        try:
            with open(target, "xb"):  # claim the name; fails if it exists
                pass
        except FileExistsError:
            if not _unfinished(target, source):
                return False  # somebody's file: never touched
        # the name is ours (an empty claim): move the finished copy onto it
        os.replace(temporary, target)
        return True


def _make_parents(folder: Path, created: list[Path]) -> None:
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.exists():
            break
        missing.append(parent)
    for parent in reversed(missing):
        try:
            parent.mkdir()
            created.append(parent)
        except FileExistsError:
            pass


def _remove_empty(created: list[Path]) -> None:
    for folder in sorted(created, key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()  # only if empty
        except OSError:
            pass


def _copy_file(source: Path, target: Path, placer: _Placer, created: list[Path]) -> bool:
    if target.exists() and not _unfinished(target, source):
        return False
    _make_parents(target.parent, created)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    os.close(fd)
    try:
        shutil.copyfile(source, temporary)
        return placer.place(temporary, target, source)
    finally:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass  # moved into place


def _read_manifest(destination: Path) -> dict[str, str]:
    try:
        data = json.loads((destination / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _write_manifest(destination: Path, entries: dict[str, str]) -> None:
    """Merge ``entries`` into the manifest (our own file: replaced whole, never half-written)."""
    if not entries:
        return
    files = {**_read_manifest(destination), **entries}
    text = json.dumps({"about": "which version of each course file this copy was given",
                       "files": dict(sorted(files.items()))}, indent=1) + "\n"
    fd, temporary = tempfile.mkstemp(dir=destination, prefix=".partial-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, destination / MANIFEST)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def copy_course(origin: Path, destination: Path) -> list[Path]:
    """Copy ``origin``'s course folders into ``destination``; never overwrite; return new files.

    Raises
    ------
    OSError
        If the destination cannot be written; folders this call created are removed again
        if they are empty.
    """
    origin, destination = Path(origin), Path(destination)
    copied, created, placer, versions = [], [], _Placer(), {}
    try:
        for relative in course_files(origin):
            source, target = origin / relative, destination / relative
            if _copy_file(source, target, placer, created):
                copied.append(target)
                versions[relative.as_posix()] = _digest(source)
    except BaseException:
        _remove_empty(created)
        raise
    _write_manifest(destination, versions)
    return copied


def _beside(target: Path, digest: str) -> Path:
    return target.with_name(f"{target.stem}.update-{digest[:8]}{target.suffix}")


def offer_updates(origin: Path, destination: Path) -> list[tuple[Path, Path]]:
    """Put the course's newer files beside the student's; return (student's, new) pairs.

    A file counts as newer when the course's version differs from the one this copy was
    given (the manifest) and from the student's file. The student's file is never touched.
    """
    origin, destination = Path(origin), Path(destination)
    known = _read_manifest(destination)
    offered, versions, created, placer = [], {}, [], _Placer()
    for relative in course_files(origin):
        source, target = origin / relative, destination / relative
        key = relative.as_posix()
        if not target.is_file():
            continue
        digest = _digest(source)
        if known.get(key) == digest:
            continue
        versions[key] = digest
        if _digest(target) == digest:
            continue  # the student already has this version
        new = _beside(target, digest)
        if new.exists() or _copy_file(source, new, placer, created):
            offered.append((target, new))
    _write_manifest(destination, versions)
    return offered


def jupyter_command(root: Path, notebook: str = FIRST_CHAPTER, *, port: int | None = None,
                    open_browser: bool = True) -> list[str]:
    """The JupyterLab command line: bound to 127.0.0.1, token authentication left on, the
    printed link and the browser opening ``notebook``, no shutdown prompt."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}",
               "--ServerApp.ip=127.0.0.1", "--ServerApp.answer_yes=True"]
    if port is not None:
        command.append(f"--ServerApp.port={port}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI run as root
        command.append("--allow-root")
    if (root / notebook).is_file():
        command.append(f"--LabApp.default_url=/lab/tree/{notebook}")
        command.append(str(root / notebook))
    return command


def default_folder() -> Path:
    """Where the student's copy goes when no folder is named: inside the checkout (the
    folder is git-ignored) when run from one, else in the current folder."""
    checkout = source_checkout()
    return (checkout if checkout is not None else Path.cwd()) / WORKING_COPY


def prepare(directory: Path | None, out=sys.stdout) -> Path:
    """Copy the course into ``directory`` (default: :func:`default_folder`) without
    overwriting, report what is new or updated, and return the folder to open."""
    origin = source_checkout() or packaged_course()
    target = Path(directory or default_folder()).resolve()
    copied = copy_course(origin, target)
    if copied:
        print(f"Copied {len(copied)} file(s) into {target}:", file=out)
        for path in copied:
            print(f"  {path.relative_to(target)}", file=out)
    offered = offer_updates(origin, target)
    if offered:
        print(f"The course has changed since your copy was made ({len(offered)} file(s)). "
              "Your files are untouched; each new version is beside yours:", file=out)
        for mine, new in offered:
            print(f"  {mine.relative_to(target)}  ->  new version: {new.name}", file=out)
    if not copied and not offered:
        print(f"Opening your copy of the course in {target} (nothing was overwritten).", file=out)
    return target


_URL = re.compile(r"http://127\.0\.0\.1:\d+/\S*\?token=\w+")


def _wait_until_listening(url: str, seconds: float = 20.0) -> None:
    import socket
    import time
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection((parts.hostname, parts.port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)


def _forward(stream, sink, stopping: threading.Event, urls: list[str], out) -> None:
    """Pass the server's log on; when its link appears, repeat it plainly for the student."""
    for line in iter(stream.readline, ""):
        if stopping.is_set():
            continue
        sink.write(line)
        sink.flush()
        found = _URL.search(line)
        if found and not urls:
            urls.append(found.group(0))
            _wait_until_listening(found.group(0))  # Jupyter logs its link just before it binds
            print(f"\nThe course is open at (chapter 00, with your login token):\n  "
                  f"{found.group(0)}\nStop it with Ctrl+C.\n", file=out, flush=True)


def _stop(server: subprocess.Popen) -> None:
    """Shut JupyterLab down as its own SIGTERM handler does (kernels closed), then wait."""
    try:
        if sys.platform.startswith("win"):
            server.send_signal(signal.CTRL_BREAK_EVENT)
        else:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except (subprocess.TimeoutExpired, ProcessLookupError, OSError):
        server.kill()
        server.wait()


def run_jupyter(command: list[str], root: Path | None = None, out=sys.stdout) -> int:
    """Run JupyterLab until it ends or the student presses Ctrl+C.

    JupyterLab runs in its own process group, so Ctrl+C reaches only the launcher, which
    stops the server cleanly and prints one line: no traceback, no "Shut down this Jupyter
    server?" prompt. Its log is passed through (it holds the link with the token) until
    shutdown begins.
    """
    group = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
             if sys.platform.startswith("win") else {"start_new_session": True})
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace", bufsize=1, **group)
    stopping, urls = threading.Event(), []
    forwarder = threading.Thread(target=_forward, daemon=True,
                                 args=(server.stdout, sys.stderr, stopping, urls, out))
    forwarder.start()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):  # closing the terminal or `kill` stops it cleanly too
            if hasattr(signal, name):
                previous[name] = signal.signal(getattr(signal, name), _interrupt)
    try:
        code = server.wait()
    except KeyboardInterrupt:
        stopping.set()
        _stop(server)
        print("JupyterLab stopped." + (f" Your copy of the course is in {root}." if root else ""),
              file=out)
        return 0
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)
    forwarder.join(timeout=5)
    return code


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def open_course(directory: Path | None = None, *, port: int | None = None,
                open_browser: bool = True) -> int:
    """Prepare the student's copy and run JupyterLab on chapter 00 until the student stops it."""
    try:
        root = prepare(directory)
    except OSError as error:
        where = directory or default_folder()
        print(f"Could not copy the course into {where}: {error.strerror or error}. "
              "Name another folder: deterrence-lab open DIR", file=sys.stderr)
        return 1
    return run_jupyter(jupyter_command(root, port=port, open_browser=open_browser), root)
