"""Stale answers: a check must not judge a value left over from before a failed answer cell.

When a student's answer cell stops with an error (``choice_q5 = B`` → ``NameError``), the
name keeps the value it had before, and a check would judge that old value. This module
records, cell by cell, which names a cell binds and whether the cell ran to the end. A
name bound by a cell whose last run failed is *stale* until a later cell binds it again
without error; a check of a stale name reports *not attempted — run the answer cell*.

In IPython and Jupyter the record is kept by two event callbacks (``pre_run_cell`` and
``post_run_cell``) that :func:`install` registers once, when the checks are imported.
Elsewhere (plain Python, scripts) nothing is stale unless a front end reports cells
itself with :meth:`Freshness.cell_started` and :meth:`Freshness.cell_finished`.
"""
from __future__ import annotations

import ast
import re
import sys

# fallback for a cell that does not parse (a syntax error is also a failed answer cell)
_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?:[-+*/%@&|^]|//|\*\*|>>|<<)?=(?!=)", re.M)


def bound_names(source: str) -> set[str]:
    """Names a cell's code binds (assignments of every kind, imports, definitions)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(_ASSIGNED.findall(source))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def checked_names(source: str) -> list[str]:
    """The plain names passed to ``<question>.check(...)`` in a cell, in order."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [node.args[0].id for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "check" and node.args and isinstance(node.args[0], ast.Name)]


class Freshness:
    """Which names were bound by a cell whose last run stopped with an error."""

    def __init__(self) -> None:
        self.stale: dict[str, str] = {}  # name -> the error that stopped its cell
        self.current = ""                # source of the cell running now

    def cell_started(self, source: str) -> None:
        self.current = source or ""

    def cell_finished(self, source: str, error: BaseException | None) -> None:
        """Record a cell's end: ``error`` is what stopped it, ``None`` if it ran through."""
        for name in bound_names(source or ""):
            if error is None:
                self.stale.pop(name, None)
            else:
                self.stale[name] = type(error).__name__
        self.current = ""

    def stale_answer(self, answer, namespace: dict | None) -> tuple[str, str] | None:
        """``(name, error)`` if the running cell checks a stale name holding ``answer``."""
        if not self.stale:
            return None
        for name in checked_names(self.current):
            if name in self.stale and (namespace is None or namespace.get(name, answer) is answer):
                return name, self.stale[name]
        return None


FRESHNESS = Freshness()
_INSTALLED: set[int] = set()


def _python_source(shell, raw: str) -> str:
    try:
        return shell.transform_cell(raw)  # magics and shell escapes become Python
    except Exception:
        return raw


def install(shell=None) -> bool:
    """Register the cell callbacks with the running IPython shell (once); ``False`` outside
    IPython. Never imports IPython itself."""
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or id(shell) in _INSTALLED:
        return shell is not None

    def started(info):
        FRESHNESS.cell_started(_python_source(shell, getattr(info, "raw_cell", "") or ""))

    def finished(result):
        raw = getattr(getattr(result, "info", None), "raw_cell", "") or ""
        error = result.error_before_exec or result.error_in_exec
        FRESHNESS.cell_finished(_python_source(shell, raw), error)

    shell.events.register("pre_run_cell", started)
    shell.events.register("post_run_cell", finished)
    _INSTALLED.add(id(shell))
    return True


def stale_message(answer) -> str | None:
    """The *not attempted* reason if ``answer`` is a stale name's value, else ``None``."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    namespace = getattr(shell, "user_ns", None)
    found = FRESHNESS.stale_answer(answer, namespace)
    if found is None:
        return None
    name, error = found
    return (f"run the answer cell: the cell that sets `{name}` stopped with {error} when it "
            f"last ran, so `{name}` still holds an older value. Fix that cell, run it, then "
            "run this check again.")
