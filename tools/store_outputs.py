"""Execute notebooks and keep only the outputs nbval checks; strip every other output.

Maintainers run this after editing a notebook (then ``deterrence-lab build-exercises``):

    python tools/store_outputs.py solutions/01_effects.ipynb course/01_*.ipynb

A cell tagged ``nbval-check-output`` (or, in older notebooks, whose source contains a
``# NBVAL_CHECK_OUTPUT`` line) keeps its executed output and execution count (for a
solution's check cell: the *correct* verdict, which the tests then compare on every
run). Such an output must be text the project formats itself, never a library's repr. All other cells are stored without outputs or counts.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

MARK = "NBVAL_CHECK_OUTPUT"
TAG = "nbval-check-output"


def checked(cell) -> bool:
    """Whether the tests compare this cell's stored output with a fresh run."""
    return TAG in cell.get("metadata", {}).get("tags", []) or MARK in cell.source


def store(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as scratch:
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": scratch}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # nbclient's timings: noise in every diff
        if cell.cell_type != "code":
            continue
        if not checked(cell):  # nbval needs the count on checked cells, so keep it there
            cell.execution_count = None
            cell.outputs = []
    nb.metadata.pop("widgets", None)
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"stored {path}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        store(Path(name))
