"""Measured cost of the course, as ratios taken side by side in one run (not a test).

    python benchmarks/run.py                 # everything, about 4-6 minutes on 2 cores
    python benchmarks/run.py --only widgets  # one section: imports, notebooks, widgets, escalation

Every figure is a ratio of two medians measured interleaved in the same run (A, B, A, B,
...), so a slow or busy machine slows both sides alike:

* import: ``import deterrence_lab`` (and all model modules) vs ``import numpy``, each
  timed inside a fresh interpreter;
* notebooks: each course/ and solutions/ notebook executed with nbclient in a temporary
  folder vs an empty notebook that only imports numpy, matplotlib, ipywidgets and the
  widget base (kernel start-up is the floor); also the kernel's own peak resident memory
  (VmHWM) against the same empty-notebook kernel;
* widgets: one control change of every chapter widget (recompute and redraw to PNG) vs
  a bare matplotlib redraw of a figure of the same size with a few lines;
* escalation: exact solution vs Monte Carlo of the same precision; vectorised vs
  pure-Python simulation.

The results and a description of the machine go to ``benchmarks/RESULTS.md``; the
hand-written section "Fixes (before and after) and remaining gaps" of that file is kept
when it is rewritten.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import platform
import pkgutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
KEEP_HEADING = "## Fixes (before and after) and remaining gaps"
GOALS = {"import": 1.5, "notebook": 2.0, "widget": 0.5, "browser_ms": 100.0}
MODELS = ("argument", "sources", "effects", "law", "command", "response", "games",
          "escalation", "seminar", "verdict")

sys.path.insert(0, str(SRC))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))


def median(values):
    return statistics.median(values)


def spread(values) -> str:
    return f"{min(values):.3g}–{max(values):.3g}"


# --- machine ---------------------------------------------------------------------------

def machine() -> dict:
    import matplotlib
    import numpy

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    versions = {"numpy": numpy.__version__, "matplotlib": matplotlib.__version__}
    for name in ("ipywidgets", "nbclient", "ipykernel"):
        try:
            versions[name] = importlib.import_module(name).__version__
        except ImportError:
            versions[name] = "not installed"
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cpu": cpu, "cores": os.cpu_count(), "memory": memory,
            "os": platform.platform(), "python": platform.python_version(), **versions}


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


# --- import cost -----------------------------------------------------------------------

IMPORTS = {
    "numpy": "import numpy",
    "deterrence_lab": "import deterrence_lab",
    "deterrence_lab + all models": (
        "import importlib, importlib.util, deterrence_lab\n"
        f"for m in {MODELS!r}:\n"
        "    if importlib.util.find_spec('deterrence_lab.' + m):\n"
        "        importlib.import_module('deterrence_lab.' + m)"),
}


def time_import(code: str, env: dict) -> float:
    """Seconds spent in ``code`` inside a fresh interpreter (start-up itself not counted)."""
    timed = ("import time\n_t = time.perf_counter()\n" + code +
             "\nprint(time.perf_counter() - _t)")
    done = subprocess.run([sys.executable, "-c", timed], capture_output=True, text=True,
                          check=True, env=env)
    return float(done.stdout.strip().splitlines()[-1])


def bench_imports(repeats: int) -> list[dict]:
    """Both with compiled bytecode cached (what a pip install or a second start gives) and
    without it (when PYTHONDONTWRITEBYTECODE is set, our modules compile on every import
    while numpy's installed bytecode is still used)."""
    cache = tempfile.mkdtemp(prefix="bench-pycache-")
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = cache  # bytecode outside the repository
    uncached = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    uncached.pop("PYTHONPYCACHEPREFIX", None)
    modes = {"bytecode cached": cached, "no bytecode cache": uncached}
    for code in IMPORTS.values():  # fill the cache
        time_import(code, cached)
    times = {(mode, name): [] for mode in modes for name in IMPORTS}
    for _ in range(repeats):
        for mode, env in modes.items():
            for name, code in IMPORTS.items():
                times[mode, name].append(time_import(code, env))
    rows = []
    for mode in modes:
        base = median(times[mode, "numpy"])
        rows += [{"what": f"{name} ({mode})", "median_s": median(times[mode, name]),
                  "spread": spread(times[mode, name]),
                  "ratio": median(times[mode, name]) / base} for name in IMPORTS]
    return rows


# --- notebooks -------------------------------------------------------------------------

FLOOR_CELL = ("%matplotlib inline\nimport numpy as np\nimport matplotlib\nimport ipywidgets\n"
              "import deterrence_lab.widgets")
# The kernel's own peak resident set: VmHWM from /proc (ru_maxrss would report the launching
# process's size too, because Linux carries it across exec).
RSS_CELL = ("for _line in open('/proc/self/status'):\n"
            "    if _line.startswith('VmHWM'):\n"
            "        print('MAXRSS_KB', _line.split()[1])")


FIGURE_TYPES = ("image/png", "application/vnd.jupyter.widget-view+json")


def run_notebook(nb) -> tuple[float, float, int]:
    """Wall time (kernel start to shutdown), the kernel's peak resident memory in MiB and the
    number of figures and widgets shown."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(RSS_CELL))
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": folder}}).execute()
        seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    rss_kb = int(text.split("MAXRSS_KB")[1].split()[0])
    figures = sum(1 for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
                  if any(kind in out.get("data", {}) for kind in FIGURE_TYPES))
    return seconds, rss_kb / 1024, figures


def notebooks() -> list[Path]:
    return [p for folder in ("course", "solutions")
            for p in sorted((ROOT / folder).glob("*.ipynb"))]


def bench_notebooks(repeats: int) -> list[dict]:
    import nbformat

    floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CELL)])
    floor.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}
    paths = notebooks()
    loaded = {p: nbformat.read(p, as_version=4) for p in paths}
    times = {p: [] for p in paths}
    memory = {p: [] for p in paths}
    figures = {}
    floor_t, floor_m = [], []
    for round_ in range(repeats):
        for p in paths:  # the floor runs between notebooks, so both see the same load
            if paths.index(p) % 4 == 0:
                s, m, _ = run_notebook(floor)
                floor_t.append(s)
                floor_m.append(m)
            s, m, figures[p] = run_notebook(loaded[p])
            times[p].append(s)
            memory[p].append(m)
            print(f"  round {round_ + 1}: {p.parent.name}/{p.name}: {s:.1f} s, {m:.0f} MiB",
                  flush=True)
    base_t, base_m = median(floor_t), median(floor_m)
    rows = [{"what": "empty notebook (floor)", "median_s": base_t, "spread": spread(floor_t),
             "ratio": 1.0, "rss_mib": base_m, "rss_ratio": 1.0, "figures": 0, "per_figure": ""}]
    for p in paths:
        extra = median(times[p]) - base_t
        rows.append({"what": f"{p.parent.name}/{p.name}", "median_s": median(times[p]),
                     "spread": spread(times[p]), "ratio": median(times[p]) / base_t,
                     "rss_mib": median(memory[p]), "rss_ratio": median(memory[p]) / base_m,
                     "figures": figures[p],
                     "per_figure": extra / figures[p] if figures[p] else ""})
    return rows


# --- widgets ---------------------------------------------------------------------------

def widget_classes() -> list[type]:
    """Every widget class of every chapter: Explorer subclasses and the widgets that follow
    the same contract without a plot (``controls``, ``set``, ``reset``)."""
    from deterrence_lab import widgets

    found = []
    for info in pkgutil.iter_modules(widgets.__path__):
        if info.name.startswith("ch"):
            module = importlib.import_module(f"deterrence_lab.widgets.{info.name}")
            found += [obj for name, obj in sorted(vars(module).items())
                      if inspect.isclass(obj) and obj.__module__ == module.__name__
                      and not name.startswith("_")
                      and callable(getattr(obj, "set", None))
                      and callable(getattr(obj, "reset", None))]
    return found


def two_values(control):
    """Two different valid values for a control, so that each change is a real change."""
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        other = next((v for v in values if v != control.value), control.value)
        return control.value, other
    if isinstance(control.value, bool):
        return control.value, not control.value
    if hasattr(control, "min") and hasattr(control, "max") and not isinstance(control.value, tuple):
        low, high = control.min, control.max
        middle = low + (high - low) / 2
        if isinstance(control.value, int):
            middle = int(round(middle))
        other = middle if middle != control.value else (high if control.value != high else low)
        return control.value, other
    return None


def changeable_control(widget):
    """The first control that takes two different values (a slider, a menu or a box)."""
    for name, control in widget.controls.items():
        pair = two_values(control)
        if pair is not None and pair[0] != pair[1]:
            return name, pair
    return None


def layout(fig) -> tuple[tuple[float, float], int, int]:
    """Size in inches and the grid (rows, columns) of a widget's figure."""
    size = tuple(fig.get_size_inches())
    try:
        rows, cols = fig.axes[0].get_subplotspec().get_gridspec().get_geometry()
    except (AttributeError, IndexError):
        rows, cols = 1, 1
    return size, rows, cols


def bare_redraw(size, rows: int = 1, cols: int = 1) -> None:
    """A brand-new figure like the widget's (same size and grid of axes, constrained
    layout), each axes with three lines, labels and a legend, saved as PNG with matplotlib's
    defaults (``fig.savefig``): what redrawing such a figure from scratch costs."""
    import io

    import numpy as np
    from matplotlib.figure import Figure

    from deterrence_lab.views.style import style

    with style():
        fig = Figure(figsize=size, layout="constrained")
        axes = fig.subplots(rows, cols, squeeze=False)
        x = np.linspace(0, 10, 200)
        for ax in axes.flat:
            for k in range(3):
                ax.plot(x, np.sin(x + k), label=f"series {k}")
            ax.set_xlabel("x (units)")
            ax.set_ylabel("y (units)")
            ax.legend()
        fig.savefig(io.BytesIO(), format="png")


def bench_widgets(repeats: int) -> list[dict]:
    from deterrence_lab.views.style import style

    rows = []
    for cls in widget_classes():
        widget = cls()
        chosen = changeable_control(widget)
        if chosen is None:
            rows.append({"what": f"{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__}",
                         "median_s": float("nan"), "spread": "no changeable control",
                         "ratio": float("nan")})
            continue
        name, (a, b) = chosen
        figure = getattr(widget, "fig", None)
        shape = layout(figure) if figure is not None else ((7.0, 4.0), 1, 1)
        widget_t, bare_t, build_t = [], [], []
        bare_redraw(*shape)  # warm caches on both sides
        widget.set(**{name: b})
        for i in range(repeats):
            if figure is not None:
                start = time.perf_counter()
                bare_redraw(*shape)
                bare_t.append(time.perf_counter() - start)
            start = time.perf_counter()
            widget.set(**{name: a if i % 2 == 0 else b})
            widget_t.append(time.perf_counter() - start)
            if figure is not None:  # the same update without the PNG: model work + figure build
                start = time.perf_counter()
                with style():
                    widget._draw(**widget.values)
                build_t.append(time.perf_counter() - start)
        drawn = f"{shape[1]}x{shape[2]} axes" if figure is not None else "no figure"
        rows.append({"what": f"{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__} ({name}; "
                             f"{drawn})",
                     "median_s": median(widget_t), "spread": spread(widget_t),
                     "bare_s": median(bare_t) if bare_t else float("nan"),
                     "ratio": median(widget_t) / median(bare_t) if bare_t else float("nan"),
                     "build_ms": median(build_t) * 1e3 if build_t else float("nan")})
    return rows


# --- browser: control change to new image in JupyterLab ----------------------------------

CHANGE = """async (index) => {
  const out = [...document.querySelectorAll('.jp-OutputArea-output')]
              .filter(o => o.querySelector('img.widget-image'))[index];
  const image = () => out.querySelector('img.widget-image');
  const before = image().getAttribute('src');
  const control = out.querySelector('.widget-dropdown select, .widget-hslider .noUi-handle');
  control.scrollIntoView({block: 'center'});
  await new Promise(r => setTimeout(r, 50));
  const changed = new Promise(resolve => {
    const seen = new MutationObserver(() => {
      if (image() && image().getAttribute('src') !== before) { seen.disconnect(); resolve(); }
    });
    seen.observe(out, {subtree: true, childList: true, attributes: true});
  });
  const start = performance.now();
  if (control.tagName === 'SELECT') {
    control.selectedIndex = (control.selectedIndex + 1) % control.options.length;
    control.dispatchEvent(new Event('change', {bubbles: true}));
  } else {
    control.focus();
    const key = (window.__step = !window.__step) ? 'ArrowRight' : 'ArrowLeft';
    control.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  }
  await changed;
  await image().decode().catch(() => null);   // on screen, not only in the page
  return performance.now() - start;
}"""


def bench_browser(repeats: int) -> list[dict]:
    """Every explorer in one notebook in JupyterLab, in Debian's Chromium (as the browser
    test drives it): the median time from a control change (the first menu or slider)
    to the new image decoded in the page."""
    import json
    import secrets
    import shutil
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    from deterrence_lab.tooling.launcher import jupyter_command

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return [{"what": "no chromium installed", "median_s": float("nan"), "ratio": float("nan")}]
    from deterrence_lab.widgets._base import Explorer

    classes = [cls for cls in widget_classes() if issubclass(cls, Explorer)]
    root = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    cells = ["%matplotlib inline"] + [f"from {cls.__module__} import {cls.__name__}\n"
                                      f"{cls.__name__}()" for cls in classes]
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": [],
                           "execution_count": None} for c in cells],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (root / "widgets.ipynb").write_text(json.dumps(notebook))
    home = root / "home"
    settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell drawn, not only those near the window, so each widget can be found
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    token = secrets.token_hex(16)
    env = {**os.environ, "HOME": str(home), "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "rt"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "ws")}
    command = jupyter_command(root, port=port, open_browser=False)
    command.append(f"--IdentityProvider.token={token}")
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for _ in range(180):
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5):
                    break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True,
                                        args=["--no-sandbox", "--disable-gpu",
                                              "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.set_default_timeout(180_000)
            page.goto(f"{base}/lab/tree/widgets.ipynb?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook")
            try:
                page.click(".jp-Dialog button.jp-mod-accept", timeout=10_000)
            except Exception:  # noqa: BLE001 - no kernel dialog: fine
                pass
            page.wait_for_selector("text=Python 3 (ipykernel) | Idle")
            page.click("li.lm-MenuBar-item:has-text('Run')")
            page.click("li.lm-Menu-item:has-text('Run All Cells')")
            page.wait_for_function(f"() => document.querySelectorAll('img.widget-image').length"
                                   f" >= {len(classes)}")
            page.wait_for_selector("text=Python 3 (ipykernel) | Idle")
            for index, cls in enumerate(classes):
                page.evaluate(CHANGE, index)  # warm-up
                times = [page.evaluate(CHANGE, index) / 1e3 for _ in range(repeats)]
                rows.append({"what": f"{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__}",
                             "median_s": median(times), "spread": spread(times),
                             "median_ms": median(times) * 1e3,
                             "ratio": median(times) * 1e3 / GOALS["browser_ms"]})
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
    return rows


# --- escalation ------------------------------------------------------------------------

def bench_escalation(repeats: int) -> list[dict]:
    """Exact absorption probabilities vs a Monte Carlo estimate of the same precision
    (95% interval of ±0.001 on P(general war)); the pure-Python references are chapter
    05's own (benchmarks/bench_escalation.py), timed on 20,000 paths and scaled."""
    import random

    import numpy as np

    from deterrence_lab import escalation as esc
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_escalation as reference

    P = esc.ladder_matrix(**esc.ladder_parameters())
    start = esc.STATE_KEYS.index("first_use")
    exact = esc.ladder_outcome()["general_war"]
    half_width = 1e-3
    n_paths = int(np.ceil(1.96 ** 2 * exact * (1 - exact) / half_width ** 2))
    n_python = 20_000
    rows, absorbing = P.tolist(), set(esc.absorbing_states(P).tolist())
    python = {label: getattr(reference, name) for label, name in (
        ("pure Python, round by round", "pure_python_rounds"),
        ("pure Python, the library's algorithm", "pure_python_jumps"))
        if hasattr(reference, name)}
    times = {"exact": [], "vectorised": [], **{label: [] for label in python}}
    for r in range(repeats):
        t = time.perf_counter()
        esc.absorption_probabilities(P)
        times["exact"].append(time.perf_counter() - t)
        t = time.perf_counter()
        esc.simulate_absorption(P, start, n_paths, np.random.default_rng(r))
        times["vectorised"].append(time.perf_counter() - t)
        for label, function in python.items():
            t = time.perf_counter()
            function(rows, start, absorbing, n_python, random.Random(r))
            times[label].append((time.perf_counter() - t) * n_paths / n_python)
    exact_s, vector_s = median(times["exact"]), median(times["vectorised"])
    out = [{"what": "exact (fundamental matrix)", "median_s": exact_s,
            "spread": spread(times["exact"]), "ratio": 1.0, "vs_vectorised": exact_s / vector_s},
           {"what": f"Monte Carlo, vectorised numpy, {n_paths:,} paths (±{half_width} at 95%)",
            "median_s": vector_s, "spread": spread(times["vectorised"]),
            "ratio": vector_s / exact_s, "vs_vectorised": 1.0}]
    for label in python:
        m = median(times[label])
        out.append({"what": f"Monte Carlo, {label} ({n_python:,} paths, scaled)", "median_s": m,
                    "spread": spread(times[label]), "ratio": m / exact_s,
                    "vs_vectorised": m / vector_s})
    return out


# --- report ----------------------------------------------------------------------------

def table(rows: list[dict], columns: list[tuple[str, str, str]]) -> list[str]:
    head = "| " + " | ".join(title for title, _, _ in columns) + " |"
    rule = "|" + "|".join("---" if fmt == "" else "---:" for _, _, fmt in columns) + "|"
    lines = [head, rule]
    for row in rows:
        cells = []
        for _, key, fmt in columns:
            value = row.get(key, "")
            if isinstance(value, float) and value != value:  # NaN: nothing to compare
                cells.append("—")
            else:
                cells.append(format(value, fmt) if fmt and isinstance(value, (int, float))
                             else str(value))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def verdict(rows, goal, key="ratio", skip_first=False) -> str:
    checked = [r for r in rows[1 if skip_first else 0:] if r.get(key) == r.get(key)]
    over = [r["what"] for r in checked if r[key] > goal]
    worst = max((r[key] for r in checked), default=float("nan"))
    if not over:
        return f"goal ≤ {goal}× met (worst {worst:.2f}×)"
    return f"goal ≤ {goal}× **missed** by {', '.join(over)} (worst {worst:.2f}×)"


def report(info, sections, seconds, load_before, load_after) -> str:
    lines = ["# Benchmark results", "",
             "Regenerated by `python benchmarks/run.py`; every figure is a ratio of medians "
             "measured side by side, interleaved, in one run. Other developers shared the "
             "CPU during the run, so single timings are noisy: the spread column gives the "
             "fastest and slowest repeat.", "",
             "## Machine", ""]
    lines += [f"- **{k}**: {v}" for k, v in info.items()]
    lines += [f"- **load average** (1, 5, 15 min) before: {load_before}; after: {load_after}",
              f"- **run time**: {seconds / 60:.1f} min", ""]
    if "imports" in sections:
        rows = sections["imports"]
        lines += ["## Import cost (fresh interpreter each time)", "",
                  "With bytecode cached (as after `pip install` or any second start): " +
                  verdict(rows[1:3], GOALS["import"]) + ". Without a bytecode cache "
                  "(PYTHONDONTWRITEBYTECODE=1, as set in the development container) our "
                  "modules are compiled from source on every import while numpy's installed "
                  "bytecode is still used: " + verdict(rows[4:6], GOALS["import"]) + ".", ""]
        lines += table(rows, [("what", "what", ""), ("median (s)", "median_s", ".4f"),
                              ("spread (s)", "spread", ""), ("× numpy", "ratio", ".2f")])
        lines.append("")
    if "notebooks" in sections:
        rows = sections["notebooks"]
        lines += ["## Notebooks (nbclient, temporary folder; time includes kernel start)", "",
                  "Time: " + verdict(rows, GOALS["notebook"], skip_first=True) + ". "
                  "Memory is the kernel's own peak resident set (VmHWM).", ""]
        lines += table(rows, [("notebook", "what", ""), ("median (s)", "median_s", ".1f"),
                              ("spread (s)", "spread", ""), ("× floor", "ratio", ".2f"),
                              ("figures + widgets", "figures", "d"),
                              ("s above floor per figure", "per_figure", ".2f"),
                              ("peak RSS (MiB)", "rss_mib", ".0f"),
                              ("RSS × floor", "rss_ratio", ".2f")])
        lines.append("")
    if "widgets" in sections:
        rows = sections["widgets"]
        lines += ["## Widgets (one control change: recompute + redraw to PNG)", "",
                  verdict(rows, GOALS["widget"]) + ". The bare redraw is a brand-new figure "
                  "of the same size and grid of axes (constrained layout), each axes with "
                  "three lines, labels and a legend, saved with matplotlib's default "
                  "`fig.savefig(..., format='png')`. A widget update takes the fast path "
                  "(`Explorer._draw_dynamic`, `views.style.Scene`): it changes the artists "
                  "the control touches and draws only those over a cached picture of the "
                  "rest; the control alternates between two values, so after the first "
                  "round both values' figures are kept (a first visit to a new static key "
                  "costs a full draw: see the notes below). The build column times the "
                  "widget's `_draw` alone (model work and building the whole figure, no "
                  "PNG): what a full redraw would spend before rendering.", ""]
        lines += table(rows, [("widget (control)", "what", ""),
                              ("update (ms)", "median_ms", ".1f"),
                              ("of which model + figure build (ms)", "build_ms", ".1f"),
                              ("bare redraw (ms)", "bare_ms", ".1f"),
                              ("× bare", "ratio", ".2f")])
        lines.append("")
    if "browser" in sections:
        rows = sections["browser"]
        lines += ["## Widgets in the browser (control change to new image, JupyterLab in "
                  "Chromium)", "",
                  verdict(rows, 1.0).replace("goal ≤ 1.0×", f"goal ≤ {GOALS['browser_ms']:.0f} ms")
                  + ". Every explorer in one notebook; the first menu or slider of each is "
                  "changed in the page and the time runs until the new image is decoded. The "
                  "× goal column is the median over the goal.", ""]
        lines += table(rows, [("widget", "what", ""), ("median (ms)", "median_ms", ".0f"),
                              ("spread (s)", "spread", ""), ("× goal", "ratio", ".2f")])
        lines.append("")
    if "escalation" in sections:
        rows = sections["escalation"]
        lines += ["## Escalation: exact vs Monte Carlo of the same precision", "",
                  "P(general war) from first use on the compact ladder; the Monte Carlo run is "
                  "sized for a 95% interval of ±0.001.", ""]
        lines += table(rows, [("method", "what", ""), ("median (s)", "median_s", ".3g"),
                              ("spread (s)", "spread", ""), ("× exact", "ratio", ".3g"),
                              ("× vectorised", "vs_vectorised", ".3g")])
        lines.append("")
    kept = ""
    if RESULTS.exists() and KEEP_HEADING in RESULTS.read_text(encoding="utf-8"):
        kept = RESULTS.read_text(encoding="utf-8").split(KEEP_HEADING, 1)[1]
    lines += [KEEP_HEADING + (kept.rstrip("\n") if kept else "\n\n(none yet)"), ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("imports", "notebooks", "widgets", "browser",
                                           "escalation"),
                        action="append", help="run only these sections (repeatable); "
                                              "RESULTS.md is then left as it is")
    parser.add_argument("--notebook-repeats", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=13, help="for imports and widgets")
    parser.add_argument("--no-write", action="store_true", help="print only, keep RESULTS.md")
    args = parser.parse_args(argv)
    wanted = args.only or ["imports", "widgets", "browser", "escalation", "notebooks"]
    info, load_before, begin = machine(), load(), time.perf_counter()
    sections = {}
    for name in ("imports", "widgets", "browser", "escalation", "notebooks"):
        if name not in wanted:
            continue
        print(f"== {name}", flush=True)
        if name == "imports":
            sections[name] = bench_imports(args.repeats)
        elif name == "widgets":
            sections[name] = bench_widgets(args.repeats)
            for row in sections[name]:
                row["median_ms"] = row["median_s"] * 1e3
                row["bare_ms"] = row.get("bare_s", float("nan")) * 1e3
        elif name == "browser":
            sections[name] = bench_browser(max(5, args.repeats))
        elif name == "escalation":
            sections[name] = bench_escalation(max(3, args.repeats // 3))
        else:
            sections[name] = bench_notebooks(args.notebook_repeats)
        for row in sections[name]:
            print(f"  {row['what']:<60} {row['median_s']:10.4f} s  ratio {row['ratio']:7.2f}",
                  flush=True)
    text = report(info, sections, time.perf_counter() - begin, load_before, load())
    if args.no_write or args.only:  # a partial run must not replace the full results
        print(f"{RESULTS.relative_to(ROOT)} kept (partial run or --no-write)")
    else:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
