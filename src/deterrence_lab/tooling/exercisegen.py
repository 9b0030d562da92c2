"""Write exercise notebooks from solution notebooks: ``solutions/`` is the only source.

In a code cell, each ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` region becomes
``# YOUR CODE HERE`` followed by a placeholder at the region's indentation: one
``name = ...`` per name the region assigns, ``return ...`` if it returns, otherwise
``pass``. So an exercise notebook still runs top to bottom and its checks report
*not attempted*. Cells tagged ``solution-only`` are dropped; outputs, execution
counts, ``nbval-check-output`` tags and ``# NBVAL_CHECK_OUTPUT`` lines are removed (an
exercise's check starts *not attempted*, so there is no output to compare). The solution
markers are nbgrader's, so instructors who grade with nbgrader can use the solution
notebooks as they are.
"""
from __future__ import annotations

import ast
import copy
import json
import re
import textwrap
from pathlib import Path

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
STUB = "# YOUR CODE HERE"
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
CHECK_TAG = "nbval-check-output"
SOLUTION_ONLY = "solution-only"


class MarkerError(ValueError):
    """A solution region that is unterminated, nested, or closed without opening."""


def _placeholders(region: list[str]) -> list[str]:
    """Placeholder statements for the code a region held (without indentation)."""
    code = textwrap.dedent("\n".join(region))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        names = re.findall(r"^(\w+)\s*=(?!=)", code, flags=re.M)
        return [f"{n} = ..." for n in dict.fromkeys(names)] or ["pass"]
    names: list[str] = []
    returns = False
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Return):
            returns = True
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, ast.Name):
                    names.append(sub.id)
    lines = [f"{n} = ..." for n in dict.fromkeys(names)]
    if returns:
        lines.append("return ...")
    return lines or ["pass"]


def strip_source(source: str, where: str = "") -> str:
    """``source`` with every solution region replaced by a stub; errors name ``where``."""
    out: list[str] = []
    region: list[str] | None = None
    indent = ""
    for number, line in enumerate(source.split("\n"), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if region is not None:
                raise MarkerError(f"{where}: nested {BEGIN!r} at line {number}")
            region, indent = [], line[: len(line) - len(line.lstrip())]
        elif stripped == END:
            if region is None:
                raise MarkerError(f"{where}: {END!r} without {BEGIN!r} at line {number}")
            out.append(indent + STUB)
            out.extend(indent + p for p in _placeholders(region))
            region = None
        elif region is not None:
            region.append(line)
        elif stripped != CHECK_MARK:
            out.append(line)
    if region is not None:
        raise MarkerError(f"{where}: {BEGIN!r} is never closed by {END!r}")
    return "\n".join(out)


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
