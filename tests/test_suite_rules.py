"""Rules the test suite keeps about itself, checked on its own source with ``ast``.

- Every ``pytest.approx`` states its tolerance (``rel=`` or ``abs=``): a reader sees how
  close is close enough, and pytest's default (a relative 1e-6) never decides silently.
"""
import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SOURCES = sorted(TESTS.glob("*.py"))


def approx_calls_without_tolerance(source: str) -> list[int]:
    """Line numbers of ``pytest.approx(...)`` calls that name neither ``rel`` nor ``abs``."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "approx" and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "pytest"
                and not {k.arg for k in node.keywords} & {"rel", "abs"}):
            lines.append(node.lineno)
    return lines


def test_the_rule_finds_a_bare_approx():
    assert approx_calls_without_tolerance("import pytest\nx = pytest.approx(1.0)\n") == [2]
    assert approx_calls_without_tolerance("import pytest\nx = pytest.approx(1.0, abs=0.1)\n") == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_approx_states_its_tolerance(path):
    bare = approx_calls_without_tolerance(path.read_text(encoding="utf-8"))
    assert not bare, f"{path.name}: pytest.approx without rel= or abs= on line(s) {bare}"
