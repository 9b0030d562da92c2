"""Each notebook executes once per pytest call, and every test that needs it reuses that run.

``pytest`` collects the notebooks in ``course/``, ``solutions/`` and ``exercises/`` itself
(nbval-style, without running nbval): for every notebook one item checks that it runs top
to bottom without an error, and one item per checked cell (tagged ``nbval-check-output``,
or with a ``# NBVAL_CHECK_OUTPUT`` line) compares the fresh output with the stored one.

The run happens in an isolated kernel: a temporary working folder, an empty HOME, and no
network (``unshare -n``) where the machine allows it. The same executed notebooks feed the
isolation tests (``tests/test_isolation.py``) and the site build test
(``tests/test_site.py``) through the session fixture ``notebook_runs``. Notebooks start
executing in background threads as soon as collection is over, and the tests that read
them run last, so the notebooks execute while every other test runs; ``DETERRENCE_LAB_NOTEBOOK_WORKERS`` sets how many kernels run at once
(default 2).

Everything that executes notebooks, starts Jupyter, or builds the widgets and figures the
notebooks show carries the ``notebooks`` marker (added here, from the fixtures a test uses
and the widget or view objects its code names): ``pytest -m "not notebooks"`` is the quick
model-only loop.

nbval is not loaded (``-p no:nbval`` in pyproject.toml: its start-up alone costs seconds);
``pytest -o addopts="" --nbval-lax`` runs the notebooks with nbval instead of this plugin,
as the benchmark does for its baseline.
"""
from __future__ import annotations

import atexit
import copy
import functools
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_FOLDERS = ("course", "solutions", "exercises")
CHECK_TAG = "nbval-check-output"
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
TEXT_TYPES = ("text/plain", "text/markdown", "text/html", "text/latex")
# Written by git, Python and pytest themselves, never by a notebook.
PRIVATE = (".git", "__pycache__", ".pytest_cache", ".hypothesis")
PROBE = ("import os, socket\n"
         "try:\n"
         "    socket.create_connection(('1.1.1.1', 53), timeout=3).close()\n"
         "    net = 'reachable'\n"
         "except OSError as error:\n"
         "    net = f'refused: {error}'\n"
         "print(os.getcwd()); print(os.environ['HOME']); print(net)")


def all_notebooks() -> list[Path]:
    return sorted(p for folder in NOTEBOOK_FOLDERS for p in (ROOT / folder).glob("*.ipynb"))


def is_checked(cell) -> bool:
    """Whether the tests compare this cell's stored output with a fresh run."""
    if cell.get("cell_type") != "code":
        return False
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    return CHECK_TAG in cell.get("metadata", {}).get("tags", []) or CHECK_MARK in source


def comparable(outputs) -> list:
    """The parts of a cell's outputs that are compared: stream text, the text forms of
    results and displays, and an error's name and message (execution counts, images and
    widget state are not compared)."""
    found = []
    for out in outputs:
        kind = out["output_type"]
        if kind == "stream":
            found.append(("stream", out["name"], out["text"]))
        elif kind == "error":
            found.append(("error", out["ename"], out["evalue"]))
        else:
            found.append(("data", {m: out["data"][m] for m in TEXT_TYPES if m in out["data"]}))
    return found


def checked_outputs(nb) -> dict[int, list]:
    """Cell index -> comparable outputs, for every checked cell of ``nb``."""
    return {i: comparable(cell.get("outputs", [])) for i, cell in enumerate(nb["cells"])
            if is_checked(cell)}


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (except git's and caches) with its size and mtime."""
    files = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part in PRIVATE for part in relative.parts) or not path.is_file():
            continue
        stat = path.stat()
        files[relative.as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return files


def unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@dataclass
class Run:
    """One executed notebook: the notebook with its fresh outputs, the folder it ran in,
    the error that stopped it (``None`` if it ran to the end) and its wall time."""

    path: Path
    notebook: object
    workdir: Path
    error: str | None = None
    seconds: float = 0.0
    files_left: list[str] = field(default_factory=list)


class NotebookRuns:
    """Executes notebooks in isolated kernels, each at most once, and keeps the results."""

    def __init__(self, workers: int | None = None):
        self.base = Path(tempfile.mkdtemp(prefix="dl-notebooks-"))
        atexit.register(shutil.rmtree, self.base, True)
        self.no_network = unshare_works()
        self.home = self.base / "home"
        self.home.mkdir()
        kernels = self.base / "kernels"
        (kernels / "isolated").mkdir(parents=True)
        prefix = ["unshare", "-n"] if self.no_network else []
        (kernels / "isolated" / "kernel.json").write_text(json.dumps({
            "argv": prefix + [sys.executable, "-m", "ipykernel_launcher", "-f",
                              "{connection_file}"],
            "display_name": "isolated", "language": "python"}))
        self.kernel_dirs = [str(kernels)]
        keep = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "PYTHONDONTWRITEBYTECODE", "TZ")
        self.env = {k: v for k, v in os.environ.items() if k in keep}
        # no PYTHONPYCACHEPREFIX: it would make every kernel compile IPython from source
        self.env["HOME"] = str(self.home)
        if workers is None:
            workers = int(os.environ.get("DETERRENCE_LAB_NOTEBOOK_WORKERS", "2"))
        self.pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="notebook")
        self.futures: dict[Path, Future] = {}
        self.lock = threading.Lock()
        self.count = 0  # notebooks executed (the probe not counted)
        self.serial = 0
        self.before = snapshot(ROOT)
        self.after: dict | None = None
        self.probe_future: Future | None = None

    # -- execution -------------------------------------------------------------------
    def _execute(self, nb, name: str):
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_client.manager import KernelManager
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError

        with self.lock:
            self.serial += 1
            workdir = self.base / f"work{self.serial:02d}-{name}"
        workdir.mkdir()
        ipc = Path(tempfile.mkdtemp(prefix="dl-ipc-"))  # short: socket paths are limited
        km = KernelManager(kernel_name="isolated", transport="ipc", ip=str(ipc / "k"),
                           connection_file=str(ipc / "connection.json"),
                           kernel_spec_manager=KernelSpecManager(kernel_dirs=self.kernel_dirs))
        error = None
        try:
            NotebookClient(nb, km=km, timeout=600, kernel_name="isolated",
                           resources={"metadata": {"path": str(workdir)}}).execute(
                env=self.env, stderr=subprocess.DEVNULL)
        except CellExecutionError as caught:
            error = str(caught)
        except Exception as caught:  # a dead kernel or a timeout: report, do not hang
            error = f"{type(caught).__name__}: {caught}"
        finally:
            shutil.rmtree(ipc, ignore_errors=True)
        return nb, workdir, error

    def _probe(self):
        import nbformat
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
        nb, workdir, error = self._execute(nb, "probe")
        assert error is None, error
        return nb.cells[0].outputs[0]["text"].splitlines(), workdir

    def _run(self, path: Path) -> Run:
        import nbformat
        start = time.perf_counter()
        with self.lock:
            self.count += 1
        nb, workdir, error = self._execute(nbformat.read(path, as_version=4), path.stem)
        return Run(path, nb, workdir, error, time.perf_counter() - start,
                   sorted(p.name for p in workdir.iterdir()))

    def start(self, paths) -> None:
        """Queue ``paths`` (in this order) for execution; already queued ones are kept."""
        with self.lock:
            for path in paths:
                path = Path(path).resolve()
                if path not in self.futures:
                    self.futures[path] = self.pool.submit(self._run, path)

    def get(self, path) -> Run:
        """The run of ``path``, executing it now if nobody queued it yet."""
        path = Path(path).resolve()
        self.start([path])
        return self.futures[path].result()

    def executed(self, path) -> object:
        """A copy of the executed notebook; raises if it stopped on an error (for the site
        builder, which then reports the notebook as failing)."""
        run = self.get(path)
        if run.error:
            raise RuntimeError(f"{Path(path).name} failed: {run.error}")
        return copy.deepcopy(run.notebook)

    def probe(self):
        """(cwd, HOME, network) lines printed inside an isolated kernel, and its folder."""
        with self.lock:
            if self.probe_future is None:
                self.probe_future = self.pool.submit(self._probe)
        return self.probe_future.result()

    def all(self) -> dict[Path, Run]:
        self.start(all_notebooks())
        runs = {p: self.get(p) for p in all_notebooks()}
        with self.lock:
            if self.after is None:
                self.after = snapshot(ROOT)
        return runs

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.base, ignore_errors=True)


_RUNS: dict[str, NotebookRuns] = {}


def notebook_runs_for(config) -> NotebookRuns:
    if "runs" not in _RUNS:
        _RUNS["runs"] = NotebookRuns()
    return _RUNS["runs"]


@pytest.fixture(scope="session")
def notebook_runs(pytestconfig) -> NotebookRuns:
    """The session's notebook runs (each notebook executed at most once)."""
    return notebook_runs_for(pytestconfig)


# -- collection ------------------------------------------------------------------------
def _nbval_active(config) -> bool:
    return bool(getattr(config.option, "nbval", False) or getattr(config.option, "nbval_lax",
                                                                  False))


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".ipynb" and not _nbval_active(parent.config):
        return NotebookFile.from_parent(parent, path=file_path)
    return None


class NotebookFile(pytest.File):
    def collect(self):
        import nbformat
        nb = nbformat.read(self.path, as_version=4)
        yield NotebookRunsItem.from_parent(self, name="runs without error")
        for index, cell in enumerate(nb.cells):
            if is_checked(cell):
                yield CheckedCell.from_parent(self, name=f"cell {index} output", index=index,
                                              stored=comparable(cell.get("outputs", [])),
                                              source=cell.source)


class NotebookError(Exception):
    pass


class NotebookRunsItem(pytest.Item):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_marker("notebooks")

    def runtest(self):
        run = notebook_runs_for(self.config).get(self.path)
        if run.error:
            raise NotebookError(run.error)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookError):
            return f"{self.path.name} stopped on an error:\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.path.relative_to(ROOT)}: runs without error"


class CheckedCell(pytest.Item):
    def __init__(self, *, index: int, stored: list, source: str, **kwargs):
        super().__init__(**kwargs)
        self.index, self.stored, self.source = index, stored, source
        self.add_marker("notebooks")

    def runtest(self):
        run = notebook_runs_for(self.config).get(self.path)
        fresh = comparable(run.notebook.cells[self.index].get("outputs", []))
        if fresh != self.stored:
            raise NotebookError(_difference(self.source, self.stored, fresh, run.error))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookError):
            return f"{self.path.name}, cell {self.index}: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.path.relative_to(ROOT)}: cell {self.index} output"


def _difference(source: str, stored: list, fresh: list, error: str | None) -> str:
    def text(outputs):
        parts = []
        for out in outputs:
            if out[0] == "data":
                parts.append(out[1].get("text/plain", json.dumps(out[1])))
            else:
                parts.append(" ".join(str(x) for x in out[1:]))
        return "\n".join(parts) or "(no output)"
    lines = ["the fresh output differs from the stored one.", "", "source:", source, "",
             "stored:", text(stored), "", "fresh:", text(fresh)]
    if error:
        lines += ["", "(the notebook stopped on an error before or at this cell:)", error]
    return "\n".join(lines)


# -- markers and the early start -----------------------------------------------------------
def pytest_configure(config):
    config.addinivalue_line(
        "markers", "notebooks: executes notebooks, starts Jupyter, or drives the widgets and "
                   "figures the notebooks show; deselect with -m 'not notebooks' for the quick "
                   "model-only loop")


VIEW_MODULES = ("deterrence_lab.widgets", "deterrence_lab.views")


def _from_views(obj) -> bool:
    return str(getattr(obj, "__module__", "") or "").startswith(VIEW_MODULES)


@functools.lru_cache(maxsize=None)
def _code_drives_views(function) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        source = ""
    if any(name in source for name in VIEW_MODULES) or "deterrence_lab import widgets" in source:
        return True
    return any(_from_views(function.__globals__.get(name)) for name in function.__code__.co_names)


def _drives_views(item) -> bool:
    """Whether a test builds a widget or draws a figure (the slow, notebook-side half of the
    tests): its code names a widget or view module, or an object defined in one, or it is
    parametrised with one."""
    function = getattr(item, "function", None)
    if function is None:
        return False
    params = getattr(getattr(item, "callspec", None), "params", {})
    return _code_drives_views(function) or any(_from_views(v) for v in params.values())


def _needs_runs(item) -> bool:
    return (isinstance(item, (NotebookRunsItem, CheckedCell))
            or "notebook_runs" in getattr(item, "fixturenames", ()))


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        if _needs_runs(item) or _drives_views(item):
            item.add_marker("notebooks")
    # Tests that wait for executed notebooks go last (in their order), so that everything
    # else runs while the notebooks execute in the background.
    items[:] = [i for i in items if not _needs_runs(i)] + [i for i in items if _needs_runs(i)]


def pytest_collection_finish(session):
    """Start the notebooks that the selected tests need, in the background, course first."""
    wanted = []
    everything = False
    for item in session.items:
        if isinstance(item, (NotebookRunsItem, CheckedCell)):
            wanted.append(item.path)
        elif "notebook_runs" in getattr(item, "fixturenames", ()):
            everything = True
    if everything:
        wanted = all_notebooks()
    if wanted and not session.config.option.collectonly:
        notebook_runs_for(session.config).start(dict.fromkeys(wanted))


def pytest_unconfigure(config):
    runs = _RUNS.pop("runs", None)
    if runs is not None:
        runs.close()
