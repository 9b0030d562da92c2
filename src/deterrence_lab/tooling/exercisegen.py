"""Write exercise notebooks from solution notebooks: ``solutions/`` is the only source.

In a code cell, each ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` region becomes
``# YOUR CODE HERE`` followed by a placeholder at the region's indentation: one
``name = ...`` per name the region assigns, ``return ...`` if it returns, otherwise
``pass``. So an exercise notebook still runs top to bottom and its checks report
*not attempted*. Cells tagged ``solution-only`` are dropped; outputs, execution
counts, ``nbval-check-output`` tags and ``# NBVAL_CHECK_OUTPUT`` lines are removed (an
exercise's check starts *not attempted*, so there is no output to compare).

The markers and the cells' metadata are nbgrader's (a solution cell carries
``nbgrader: {solution: true, grade_id: ...}``, a graded check ``grade: true, locked:
true, points: 1``), so nbgrader's ``generate_assignment`` accepts the solution notebooks
as they are. The exercises keep that metadata and, as nbgrader's student version does,
make nbgrader cells undeletable and locked ones read-only; they differ from nbgrader's
output only where nbgrader writes ``raise NotImplementedError()`` (here: placeholders, so
a notebook runs top to bottom), in the removed check-output tags, and in the checksums
nbgrader adds for its own database.
"""
from __future__ import annotations

import ast
import copy
import json
from pathlib import Path

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
STUB = "# YOUR CODE HERE"
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
CHECK_TAG = "nbval-check-output"
SOLUTION_ONLY = "solution-only"


class MarkerError(ValueError):
    """A solution region that is unterminated, nested, or closed without opening."""


class _Binder(ast.NodeVisitor):
    """Collect, in order of appearance, the names a region binds in the scope it runs in.

    Compound statements (``if``/``for``/``while``/``with``/``try``/``match``) are entered,
    because their bodies run in the region's scope; function and class bodies are not
    (only the name of the function or class is bound). Comprehension variables stay inside
    the comprehension, but a walrus there binds in the region's scope (PEP 572).
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.declared: list[ast.stmt] = []
        self.returns = False
        self.problems: list[str] = []

    def _bind(self, target) -> None:
        if isinstance(target, ast.Name):
            self.names.append(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._bind(element)
        elif isinstance(target, ast.Starred):
            self._bind(target.value)
        # attributes and subscripts change an existing object; they bind no new name
        if not isinstance(target, ast.Name):
            self.visit(target)

    def visit_Assign(self, node):
        self.visit(node.value)
        for target in node.targets:
            self._bind(target)

    def visit_AugAssign(self, node):
        self.visit(node.value)
        self._bind(node.target)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self.visit(node.value)
        self._bind(node.target)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        self._bind(node.target)

    def visit_For(self, node):
        self.visit(node.iter)
        self._bind(node.target)
        for statement in node.body + node.orelse:
            self.visit(statement)

    visit_AsyncFor = visit_For

    def visit_With(self, node):
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                self._bind(item.optional_vars)
        for statement in node.body:
            self.visit(statement)

    visit_AsyncWith = visit_With

    def visit_ExceptHandler(self, node):
        # ``except E as name`` unbinds ``name`` when the handler ends: nothing to stub for it
        if node.type is not None:
            self.visit(node.type)
        for statement in node.body:
            self.visit(statement)

    def visit_Import(self, node):
        for alias in node.names:
            self.names.append(alias.asname or alias.name.split(".")[0])

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if alias.name == "*":
                self.problems.append(f"`from {node.module} import *` at line {node.lineno} binds "
                                     "names that cannot be known without running it; import "
                                     "the names you need")
            else:
                self.names.append(alias.asname or alias.name)

    def visit_FunctionDef(self, node):
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.names.append(node.name)

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

    def visit_Lambda(self, node):
        pass  # its parameters are its own

    def _comprehension(self, node):
        # loop variables stay inside; a walrus anywhere in it binds in the region's scope
        for sub in ast.walk(node):
            if isinstance(sub, ast.NamedExpr):
                self._bind(sub.target)

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    def visit_MatchAs(self, node):
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name is not None:
            self.names.append(node.name)

    def visit_MatchStar(self, node):
        if node.name is not None:
            self.names.append(node.name)

    def visit_MatchMapping(self, node):
        self.generic_visit(node)
        if node.rest is not None:
            self.names.append(node.rest)

    def visit_Global(self, node):
        self.declared.append(node)

    visit_Nonlocal = visit_Global

    def visit_Return(self, node):
        self.returns = True

    def visit_Yield(self, node):
        self.problems.append(f"`yield` at line {node.lineno}: a placeholder cannot keep the "
                             "function a generator; put the markers around the code before "
                             "or after the yield")

    visit_YieldFrom = visit_Yield


def _region_code(region: list[str], indent: str) -> str:
    """The region's lines without the markers' indentation (string continuations kept)."""
    return "\n".join(line[len(indent):] if line.startswith(indent) else line for line in region)


def _placeholders(region: list[str], indent: str = "", where: str = "", line: int = 0) -> list[str]:
    """Placeholder statements for the code a region held (without indentation).

    Raises
    ------
    MarkerError
        If the region does not parse on its own, or binds names no placeholder can stand for.
    """
    code = _region_code(region, indent)
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise MarkerError(f"{where}: the solution region starting at line {line} is not "
                          f"complete Python on its own ({error.msg}, line "
                          f"{line + (error.lineno or 1)} of the cell); the markers must "
                          "enclose whole statements") from None
    binder = _Binder()
    for statement in tree.body:
        binder.visit(statement)
    if binder.problems:
        raise MarkerError(f"{where}: cannot write a placeholder for the solution region "
                          f"starting at line {line}: " + "; ".join(binder.problems))
    lines = [ast.unparse(node) for node in binder.declared]
    lines += [f"{n} = ..." for n in dict.fromkeys(binder.names)]
    if binder.returns:
        lines.append("return ...")
    return lines or ["pass"]


def strip_source(source: str, where: str = "") -> str:
    """``source`` with every solution region replaced by a stub; errors name ``where``."""
    out: list[str] = []
    region: list[str] | None = None
    indent, opened = "", 0
    for number, line in enumerate(source.split("\n"), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if region is not None:
                raise MarkerError(f"{where}: nested {BEGIN!r} at line {number}")
            region, indent, opened = [], line[: len(line) - len(line.lstrip())], number
        elif stripped == END:
            if region is None:
                raise MarkerError(f"{where}: {END!r} without {BEGIN!r} at line {number}")
            out.append(indent + STUB)
            out.extend(indent + p for p in _placeholders(region, indent, where, opened))
            region = None
        elif region is not None:
            region.append(line)
        elif stripped != CHECK_MARK:
            out.append(line)
    if region is not None:
        raise MarkerError(f"{where}: {BEGIN!r} is never closed by {END!r}")
    return "\n".join(out)


def _protect_like_nbgrader(cell: dict) -> None:
    """Mark cells as nbgrader's ``generate_assignment`` does for the student version: nbgrader
    cells cannot be deleted, and locked ones (the graded checks) cannot be edited."""
    grading = cell.get("metadata", {}).get("nbgrader")
    if not grading:
        return
    cell["metadata"]["deletable"] = False
    if grading.get("locked"):
        cell["metadata"]["editable"] = False


def _source_text(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def strip_notebook(nb: dict, name: str = "notebook") -> dict:
    """The exercise version of a solution notebook (a new dict; ``nb`` is untouched)."""
    result = copy.deepcopy(nb)
    cells = []
    for index, cell in enumerate(result.get("cells", [])):
        if SOLUTION_ONLY in cell.get("metadata", {}).get("tags", []):
            continue
        text = _source_text(cell)
        if cell.get("cell_type") == "code":
            text = strip_source(text, where=f"{name}, cell {index}")
            cell["outputs"] = []
            cell["execution_count"] = None
            tags = cell.get("metadata", {}).get("tags")
            if tags and CHECK_TAG in tags:
                tags.remove(CHECK_TAG)
                if not tags:
                    del cell["metadata"]["tags"]
        elif BEGIN in text or END in text:
            raise MarkerError(f"{name}, cell {index}: solution markers only work in code cells")
        _protect_like_nbgrader(cell)
        cell["source"] = text
        cells.append(cell)
    result["cells"] = cells
    return result


def dumps(nb: dict) -> str:
    """Notebook JSON as Jupyter writes it (one-space indent, sorted keys, final newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def build_exercises(solutions_dir: Path, exercises_dir: Path, *, check: bool = False) -> list[Path]:
    """Regenerate ``exercises_dir`` from ``solutions_dir``; return the files that were (or,
    with ``check=True``, would be) written or are stale."""
    solutions_dir, exercises_dir = Path(solutions_dir), Path(exercises_dir)
    changed: list[Path] = []
    expected = set()
    for source in sorted(solutions_dir.glob("*.ipynb")):
        target = exercises_dir / source.name
        expected.add(target.name)
        text = dumps(strip_notebook(json.loads(source.read_text(encoding="utf-8")), source.name))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            changed.append(target)
            if not check:
                exercises_dir.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    stale = [p for p in sorted(exercises_dir.glob("*.ipynb")) if p.name not in expected]
    if stale and not check:
        for path in stale:
            path.unlink()
    return changed + stale
