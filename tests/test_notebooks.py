"""Notebook hygiene: every chapter present, outputs stored only where nbval checks them,
solutions' stored verdicts are passes, and exercises start out *not attempted*."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for folder in ("course", "solutions", "exercises")
                   for p in (ROOT / folder).glob("*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_outputs_only_where_checked(path):
    for index, cell in enumerate(cells(path)):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if "# NBVAL_CHECK_OUTPUT" not in source:
            assert not cell["outputs"], f"cell {index} stores output nbval does not check"
            assert cell["execution_count"] is None, f"cell {index} stores an execution count"


@pytest.mark.parametrize("path", sorted((ROOT / "solutions").glob("*.ipynb")),
                         ids=lambda p: p.name)
def test_solution_verdicts_are_passes(path):
    for index, cell in enumerate(cells(path)):
        source = "".join(cell.get("source", ""))
        if ".check(" in source and "# NBVAL_CHECK_OUTPUT" in source:
            text = json.dumps(cell["outputs"])
            assert cell["outputs"], f"cell {index}: the check's verdict is not stored"
            assert ": correct]" in text or ": recorded]" in text, f"cell {index}: {text[:200]}"


def test_first_chapter_exists_and_opens_with_goals():
    first = cells(ROOT / "course" / "00_the_argument.ipynb")
    assert "Learning goals" in "".join(first[0]["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_is_valid_nbformat(path):
    nbformat = pytest.importorskip("nbformat")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. a cell without an id in an nbformat 4.5 notebook
        nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))
