"""Notebook hygiene: every chapter present, outputs stored only where the tests compare
them (cells tagged ``nbval-check-output``), those outputs are text the project formats
itself, solutions' stored verdicts are passes, and exercises start out *not attempted*."""
import json
from pathlib import Path

import pytest

from notebook_runs import CHECK_MARK, CHECK_TAG, is_checked
from readable_text import LINE_LIMIT, output_problems, verdict_problems

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
        if not is_checked(cell):
            assert not cell["outputs"], f"cell {index} stores output the tests do not check"
            assert cell["execution_count"] is None, f"cell {index} stores an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_checked_cells_use_the_tag_not_a_line_students_read(path):
    for index, cell in enumerate(cells(path)):
        source = "".join(cell.get("source", ""))
        assert CHECK_MARK not in source, \
            f"cell {index}: move the marker into the cell tag {CHECK_TAG!r}"
        if "exercises" in path.parts:
            assert not is_checked(cell), f"cell {index}: an exercise has no output to compare"


# A checked output must not depend on how a library prints its containers or floats.
LIBRARY_REPRS = ("Counter(", "defaultdict(", "OrderedDict(", "array(", "np.float", "dtype=",
                 "{'", '{"', "[(", "<deterrence_lab.", " object at 0x")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_checked_outputs_are_text_the_project_formats(path):
    for index, cell in enumerate(cells(path)):
        if not is_checked(cell):
            continue
        assert cell["outputs"], f"cell {index} is checked but stores no output"
        for out in cell["outputs"]:
            if out["output_type"] == "stream":
                text = out["text"] if isinstance(out["text"], str) else "".join(out["text"])
            else:
                assert out["output_type"] != "error", f"cell {index} stores an error"
                text = out["data"].get("text/plain", "")
                text = text if isinstance(text, str) else "".join(text)
                # an execute_result is only allowed for the project's own verdict objects
                assert text.startswith("["), f"cell {index}: {text[:80]!r} is a repr"
            for fragment in LIBRARY_REPRS:
                assert fragment not in text, f"cell {index}: {fragment!r} in {text[:120]!r}"


@pytest.mark.parametrize("path", sorted((ROOT / "solutions").glob("*.ipynb")),
                         ids=lambda p: p.name)
def test_solution_verdicts_are_passes(path):
    for index, cell in enumerate(cells(path)):
        source = "".join(cell.get("source", ""))
        if ".check(" in source and is_checked(cell):
            text = json.dumps(cell["outputs"])
            assert cell["outputs"], f"cell {index}: the check's verdict is not stored"
            assert ": correct]" in text or ": recorded]" in text, f"cell {index}: {text[:200]}"


@pytest.mark.parametrize("path", sorted((ROOT / "solutions").glob("*.ipynb")),
                         ids=lambda p: p.name)
def test_stored_verdicts_are_read_in_words_without_an_emoji_font(path):
    """A stored verdict (what the site and a reader of the solutions see) names the verdict
    in words beside its icon, and uses no character the fallback font cannot draw."""
    seen = 0
    for index, cell in enumerate(cells(path)):
        if ".check(" not in "".join(cell.get("source", "")) or not is_checked(cell):
            continue
        for out in cell["outputs"]:
            markdown = out.get("data", {}).get("text/markdown")
            if markdown is not None:
                seen += 1
                markdown = markdown if isinstance(markdown, str) else "".join(markdown)
                assert verdict_problems(markdown) == [], f"cell {index}"
    assert seen, "no stored verdict found"


COURSE = sorted((ROOT / "course").glob("*.ipynb"))


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_course_outputs_are_text_the_library_formats(path, notebook_runs):
    """In every chapter, run top to bottom: no printed line long enough for JupyterLab to
    wrap it mid-word, and no raw dict, list or array shown to a student (sentences and
    tables come from the library as Markdown)."""
    run = notebook_runs.get(path)
    assert run.error is None, run.error
    found = [f"cell {index}: {problem}"
             for index, cell in enumerate(run.notebook.cells)
             for output in cell.get("outputs", []) for problem in output_problems(output)]
    assert not found, "\n".join(found)


def test_the_readability_rule_can_fail():
    long_line = {"output_type": "stream", "name": "stdout", "text": "word " * 30 + "\n"}
    a_dict = {"output_type": "execute_result", "execution_count": 1, "metadata": {},
              "data": {"text/plain": "{'2000': 1, '2024': 0}"}}
    an_array = {"output_type": "stream", "name": "stdout", "text": "[[0.87 0.05]\n [0.2 0.8]]\n"}
    in_markdown = {"output_type": "display_data", "metadata": {},
                   "data": {"text/markdown": "path: [('armed_attack', 'no')]", "text/plain": ""}}
    for output in (long_line, a_dict, an_array, in_markdown):
        assert output_problems(output), output
    fine = {"output_type": "display_data", "metadata": {},
            "data": {"text/markdown": "| a | b |", "text/plain": "x" * (LINE_LIMIT + 50)}}
    assert output_problems(fine) == []  # a long plain form behind Markdown is never shown


def test_first_chapter_exists_and_opens_with_goals():
    first = cells(ROOT / "course" / "00_the_argument.ipynb")
    assert "Learning goals" in "".join(first[0]["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_is_valid_nbformat(path):
    import warnings

    import nbformat

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. a cell without an id in an nbformat 4.5 notebook
        nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))
