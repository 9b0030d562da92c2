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


# Every way a region can bind a name: (region code, names the next cell uses).
BINDING_FORMS = {
    "if/elif/else": ("if x > 10:\n    verdict = 'B'\nelif x > 5:\n    verdict, level = 'C', 2\n"
                     "else:\n    verdict = 'A'", ["verdict", "level"]),
    "for target": ("for i, value in enumerate([3, 4]):\n    total = value", ["i", "value", "total"]),
    "for-else": ("for i in range(2):\n    pass\nelse:\n    found = False", ["i", "found"]),
    "while": ("n = 0\nwhile n < 3:\n    n += 1\n    last = n\nelse:\n    done = True",
              ["n", "last", "done"]),
    "with-as": ("import io\nwith io.StringIO('x') as handle, io.StringIO() as (other):\n"
                "    text = handle.read()", ["io", "handle", "other", "text"]),
    "try/except/finally": ("try:\n    ratio = 1 / x\nexcept ZeroDivisionError as error:\n"
                           "    ratio = None\n    message = str(error)\nelse:\n    ok = True\n"
                           "finally:\n    tried = True", ["ratio", "message", "ok", "tried"]),
    "import": ("import math\nimport os.path\nimport numpy as np", ["math", "os", "np"]),
    "from-import-as": ("from math import sqrt, pi as PI\nfrom os import path as p",
                       ["sqrt", "PI", "p"]),
    "augmented": ("count += 1", ["count"]),
    "annotated": ("rate: float = 0.5\nlabel: str", ["rate", "label"]),
    "tuple unpacking": ("(a, b), [c, *rest] = (1, 2), [3, 4, 5]", ["a", "b", "c", "rest"]),
    "walrus": ("if (m := x * 2) > 1:\n    big = [y for y in range(3) if (last_y := y)]",
               ["m", "last_y", "big"]),
    "def and class": ("def f():\n    inner = 1\n    return inner\nclass K:\n    attr = 2",
                      ["f", "K"]),
    "match": ("match x:\n    case {'k': key, **others}:\n        kind = 1\n    case [first, *tail]:\n"
              "        kind = 2\n    case int(number) | float(number):\n        kind = 3\n"
              "    case other_thing:\n        kind = 4",
              ["key", "others", "kind", "first", "tail", "number", "other_thing"]),
}


@pytest.mark.parametrize("form", sorted(BINDING_FORMS))
def test_every_binding_form_gets_a_placeholder_and_the_next_cell_runs(form):
    code, names = BINDING_FORMS[form]
    nb = notebook(("code", "x = 12\ncount = 0", {}),
                  ("code", f"### BEGIN SOLUTION\n{code}\n### END SOLUTION", {}),
                  ("code", "used = [" + ", ".join(names) + "]", {}))
    out = strip_notebook(nb, "fixture.ipynb")
    stub = out["cells"][1]["source"].split("\n")
    assert stub[0] == "# YOUR CODE HERE"
    assert stub[1:] == [f"{n} = ..." for n in names], form
    namespace = {}
    for cell in out["cells"]:
        exec(cell["source"], namespace)  # a NameError here is the bug this guards against
    assert namespace["used"] == [...] * len(names)


def test_comprehension_and_lambda_variables_and_except_names_are_not_stubbed():
    src = ("### BEGIN SOLUTION\nsquares = [k * k for k in range(3)]\nf = lambda z: z\n"
           "try:\n    pass\nexcept Exception as err:\n    pass\n### END SOLUTION")
    assert strip_source(src) == "# YOUR CODE HERE\nsquares = ...\nf = ..."


def test_subscript_and_attribute_targets_bind_nothing_new():
    src = ("### BEGIN SOLUTION\nparams = {}\nparams[module.KEY] *= 2\nobj.x = 1\n"
           "### END SOLUTION")
    assert strip_source(src) == "# YOUR CODE HERE\nparams = ..."


def test_global_declarations_are_kept_and_returns_in_branches_count():
    src = ("def f(x):\n    global seen\n    ### BEGIN SOLUTION\n    global counter\n"
           "    if x:\n        counter = 1\n        return x\n    ### END SOLUTION\n")
    assert strip_source(src) == ("def f(x):\n    global seen\n    # YOUR CODE HERE\n"
                                 "    global counter\n    counter = ...\n    return ...\n")


def test_region_with_multiline_string_at_column_zero_inside_a_function():
    src = ('def f():\n    ### BEGIN SOLUTION\n    text = """one\ntwo"""\n    return text\n'
           '    ### END SOLUTION')
    assert strip_source(src) == "def f():\n    # YOUR CODE HERE\n    text = ...\n    return ..."


@pytest.mark.parametrize("code, problem", [
    ("from math import *", r"from math import \*"),
    ("yield 1", "yield"),
    ("x = (1,", "not complete Python"),
    ("%matplotlib inline", "not complete Python"),
])
def test_regions_that_cannot_be_stubbed_name_file_and_cell(code, problem):
    nb = notebook(("markdown", "intro", {}), ("code", "a = 1", {}),
                  ("code", f"### BEGIN SOLUTION\n{code}\n### END SOLUTION", {}))
    with pytest.raises(MarkerError, match=rf"fixture.ipynb, cell 2: .*{problem}"):
        strip_notebook(nb, "fixture.ipynb")
