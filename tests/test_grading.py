"""nbgrader accepts the solution notebooks as they are, and its student version is exercises/.

The nbgrader tests need the optional ``grading`` extra (``pip install -e ".[grading]"``);
without it they are skipped with that reason. CI installs it.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deterrence_lab.checks import NumericQuestion, ReflectionQuestion
from deterrence_lab.checks._core import NotCorrect
from deterrence_lab.tooling.exercisegen import BEGIN, CHECK_MARK, CHECK_TAG, STUB

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
NEEDS_NBGRADER = "nbgrader is not installed: pip install -e \".[grading]\""
# nbgrader runs its database tool (``alembic``) by name: put this environment's scripts
# first on PATH, as an activated environment would (the README tells instructors to activate).
NBGRADER_ENV = {**os.environ, "PATH": os.pathsep.join([os.path.dirname(sys.executable),
                                                      os.environ.get("PATH", "")])}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_solution_cell_carries_nbgrader_metadata(path):
    ids = []
    for index, cell in enumerate(load(path)["cells"]):
        grading = cell["metadata"].get("nbgrader")
        if BEGIN in text(cell):
            assert grading and grading["solution"] is True, f"{path.name}, cell {index}"
        if grading:
            assert grading["schema_version"] == 3 and grading["grade_id"]
            assert not grading["grade"] or grading["points"] > 0
            ids.append(grading["grade_id"])
    assert len(ids) == len(set(ids)), f"{path.name}: grade_id used twice"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_nbgrader_clear_solutions_accepts_every_solution_notebook(path):
    pytest.importorskip("nbgrader", reason=NEEDS_NBGRADER)
    import nbformat
    from nbgrader.preprocessors import ClearSolutions

    clear = ClearSolutions()
    assert clear.enforce_metadata is True, "the test must use nbgrader's default"
    regions = sum(text(c).count(BEGIN) for c in load(path)["cells"])
    notebook, _ = clear.preprocess(nbformat.read(path, as_version=4), {})  # raises if refused
    stubs = sum(text(c).count("raise NotImplementedError()") for c in notebook.cells)
    assert stubs == regions > 0


_PLACEHOLDER = re.compile(r"^\s*(\w+ = \.\.\.|return \.\.\.|pass|raise NotImplementedError\(\)"
                          r"|global .*|nonlocal .*)$")


def normalised(nb):
    """Cells as (type, source, metadata) with what nbgrader and exercisegen are meant to do
    differently taken out: the statements after ``# YOUR CODE HERE`` (nbgrader raises,
    exercisegen writes placeholders), check-output markers and tags, and nbgrader's
    checksums."""
    cells = []
    for cell in nb["cells"]:
        lines, after_stub = [], False
        for line in text(cell).split("\n"):
            if line.strip() == CHECK_MARK or (after_stub and _PLACEHOLDER.match(line)):
                continue
            after_stub = line.strip() == STUB
            lines.append(line)
        metadata = json.loads(json.dumps(cell["metadata"]))
        for key in ("checksum", "cell_type"):
            metadata.get("nbgrader", {}).pop(key, None)
        metadata.pop("execution", None)
        tags = [t for t in metadata.pop("tags", []) if t != CHECK_TAG]
        if tags:
            metadata["tags"] = tags
        cells.append((cell["cell_type"], "\n".join(lines), metadata))
    return cells


@pytest.mark.notebooks  # nbgrader runs its own tools and kernels
def test_nbgrader_generate_assignment_writes_the_exercise_notebook(tmp_path):
    pytest.importorskip("nbgrader", reason=NEEDS_NBGRADER)
    name = "01_effects.ipynb"
    (tmp_path / "source" / "ch01").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / name, tmp_path / "source" / "ch01" / name)
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "ch01", "--force",
         f"--db=sqlite:///{tmp_path / 'gradebook.db'}"],
        cwd=tmp_path, capture_output=True, text=True, env=NBGRADER_ENV, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    released = load(tmp_path / "release" / "ch01" / name)
    ours = load(ROOT / "exercises" / name)
    assert normalised(released) == normalised(ours)
    stubbed = [text(c) for c in released["cells"] if "raise NotImplementedError()" in text(c)]
    assert len(stubbed) == sum(text(c).count(STUB) for c in ours["cells"]) > 0


def test_graded_checks_raise_only_under_nbgrader(monkeypatch):
    radius = NumericQuestion("Q1", "radius?", 1.5, unit="km")
    essay = ReflectionQuestion("Q7", "why?", "model", min_words=3)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert radius.check(2.0).status == "not yet" and radius.check(...).status == "not attempted"
    for mode in ("autograde", "validate"):
        monkeypatch.setenv("NBGRADER_EXECUTION", mode)
        assert radius.check(1.5).passed
        with pytest.raises(NotCorrect, match="too high"):
            radius.check(2.0)
        with pytest.raises(NotCorrect, match="not attempted"):
            radius.check(...)
        assert essay.check("too short").status == "not yet", "written answers are graded by hand"


@pytest.mark.notebooks  # nbgrader runs its own tools and kernels
def test_nbgrader_autograde_scores_the_checks_and_leaves_written_answers_to_the_grader(tmp_path):
    """A submitted solution notebook earns every check's point, a blank exercise none; the
    written answer waits for manual grading."""
    pytest.importorskip("nbgrader", reason=NEEDS_NBGRADER)
    from nbgrader.api import Gradebook

    name, db = "00_warmup.ipynb", f"sqlite:///{tmp_path / 'gradebook.db'}"
    (tmp_path / "source" / "ch00").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / name, tmp_path / "source" / "ch00" / name)
    for student, notebook in (("good", ROOT / "solutions" / name),
                              ("blank", ROOT / "exercises" / name)):
        (tmp_path / "submitted" / student / "ch00").mkdir(parents=True)
        shutil.copy(notebook, tmp_path / "submitted" / student / "ch00" / name)

    def nbgrader(*args):
        done = subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--db={db}"],
                              cwd=tmp_path, capture_output=True, text=True,
                              env=NBGRADER_ENV, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    nbgrader("generate_assignment", "ch00")
    for student in ("good", "blank"):
        nbgrader("db", "student", "add", student)
    nbgrader("autograde", "ch00")
    with Gradebook(db) as gradebook:
        scores = {student: {g.name: (g.score, g.needs_manual_grade) for g in
                            gradebook.find_submission_notebook("00_warmup", "ch00", student).grades}
                  for student in ("good", "blank")}
    checks = [k for k in scores["good"] if k.endswith("-check")]
    graded = [c["metadata"]["nbgrader"]["grade_id"] for c in load(ROOT / "solutions" / name)["cells"]
              if c["metadata"].get("nbgrader", {}).get("grade_id", "").endswith("-check")]
    assert sorted(checks) == sorted(graded) and len(checks) == 4   # q1, q2, q4, q5
    assert all(scores["good"][k] == (1.0, False) for k in checks)
    assert all(scores["blank"][k] == (0.0, False) for k in checks)
    assert scores["good"]["q3-answer"][1] is True, "the written answer is graded by hand"
