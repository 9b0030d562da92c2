"""The exercise generator on small fixture notebooks, and exercises/ kept in sync with solutions/."""
import json
from pathlib import Path

import pytest

from notebook_runs import is_checked

from deterrence_lab.tooling.exercisegen import (MarkerError, build_exercises, dumps, strip_notebook,
                                        strip_source)

ROOT = Path(__file__).resolve().parents[1]


def notebook(*cells):
    return {"cells": [dict(cell_type=kind, metadata=meta, source=src,
                           **({"outputs": [{"output_type": "stream", "name": "stdout",
                                            "text": "x"}], "execution_count": 3}
                              if kind == "code" else {}))
                      for kind, src, meta in cells],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 4}


def test_assignment_region_becomes_placeholder():
    src = "import math\n### BEGIN SOLUTION\nr = math.sqrt(2)\nx, y = 1, 2\n### END SOLUTION\nprint(r)"
    assert strip_source(src) == "import math\n# YOUR CODE HERE\nr = ...\nx = ...\ny = ...\nprint(r)"


def test_region_inside_function_keeps_indentation_and_returns_placeholder():
    src = ("def dose(rate, t0, t1):\n    \"\"\"Doc.\"\"\"\n    ### BEGIN SOLUTION\n"
           "    total = rate * (t1 - t0)\n    return total\n    ### END SOLUTION\n")
    out = strip_source(src)
    assert out == ("def dose(rate, t0, t1):\n    \"\"\"Doc.\"\"\"\n    # YOUR CODE HERE\n"
                   "    total = ...\n    return ...\n")
    namespace = {}
    exec(out, namespace)
    assert namespace["dose"](1, 0, 1) is Ellipsis


def test_whole_function_region_defines_a_placeholder_name():
    src = "### BEGIN SOLUTION\ndef f(x):\n    return x\n### END SOLUTION"
    assert strip_source(src) == "# YOUR CODE HERE\nf = ..."


def test_region_without_names_becomes_pass():
    assert strip_source("if True:\n    ### BEGIN SOLUTION\n    print(1)\n    ### END SOLUTION") == \
        "if True:\n    # YOUR CODE HERE\n    pass"


@pytest.mark.parametrize("src, problem", [
    ("### BEGIN SOLUTION\nx = 1", "never closed"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "nested"),
    ("x = 1\n### END SOLUTION", "without"),
])
def test_bad_markers_name_file_and_cell(src, problem):
    nb = notebook(("markdown", "intro", {}), ("code", src, {}))
    with pytest.raises(MarkerError, match=rf"fixture.ipynb, cell 1: .*{problem}"):
        strip_notebook(nb, "fixture.ipynb")


def test_notebook_stripping_drops_outputs_solution_only_cells_and_check_marks():
    nb = notebook(("markdown", "# Title", {}),
                  ("code", "### BEGIN SOLUTION\na = 1\n### END SOLUTION", {}),
                  ("code", "# NBVAL_CHECK_OUTPUT\nq1.check(a)", {}),
                  ("code", "q2.check(a)", {"tags": ["nbval-check-output", "keep-me"]}),
                  ("code", "q3.check(a)", {"tags": ["nbval-check-output"]}),
                  ("code", "secret()", {"tags": ["solution-only"]}))
    out = strip_notebook(nb, "fixture.ipynb")
    assert [c["source"] for c in out["cells"]] == ["# Title", "# YOUR CODE HERE\na = ...",
                                                    "q1.check(a)", "q2.check(a)", "q3.check(a)"]
    assert [c["metadata"].get("tags") for c in out["cells"][3:]] == [["keep-me"], None]
    assert not any(is_checked(c) for c in out["cells"])
    assert all(c["outputs"] == [] and c["execution_count"] is None
               for c in out["cells"] if c["cell_type"] == "code")
    assert nb["cells"][1]["outputs"], "the input notebook must not be modified"


def test_markers_in_markdown_are_refused():
    with pytest.raises(MarkerError, match="only work in code cells"):
        strip_notebook(notebook(("markdown", "### BEGIN SOLUTION", {})), "fixture.ipynb")


def test_build_writes_checks_and_removes_stale(tmp_path):
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    solutions.mkdir()
    (solutions / "01_a.ipynb").write_text(dumps(notebook(("code", "### BEGIN SOLUTION\nx = 2\n"
                                                                  "### END SOLUTION", {}))))
    exercises.mkdir()
    (exercises / "99_old.ipynb").write_text("{}")
    assert {p.name for p in build_exercises(solutions, exercises, check=True)} == \
        {"01_a.ipynb", "99_old.ipynb"}
    assert not (exercises / "01_a.ipynb").exists(), "--check must change nothing"
    build_exercises(solutions, exercises)
    assert json.loads((exercises / "01_a.ipynb").read_text())["cells"][0]["source"] == \
        "# YOUR CODE HERE\nx = ..."
    assert not (exercises / "99_old.ipynb").exists()
    assert build_exercises(solutions, exercises, check=True) == []


def test_exercises_folder_is_in_sync_with_solutions():
    stale = build_exercises(ROOT / "solutions", ROOT / "exercises", check=True)
    assert not stale, (f"exercises/ is out of date: {[p.name for p in stale]}; "
                       "run `deterrence-lab build-exercises`")


def test_every_solution_region_has_a_checked_answer():
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        assert any("### BEGIN SOLUTION" in s for s in sources), path.name
        checks = [c for c in cells if is_checked(c) and ".check(" in "".join(c["source"])]
        assert checks, f"{path.name} has no checked answer"
