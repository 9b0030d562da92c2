"""Exercise checks: the three verdicts, helpful reasons, and no exception for any answer."""
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deterrence_lab.checks import (CORRECT, NOT_ATTEMPTED, NOT_YET, RECORDED, ChoiceQuestion,
                                   FunctionQuestion, MatchingQuestion, NumericQuestion,
                                   ReflectionQuestion)

radius = NumericQuestion("Q", "5 psi radius?", 1.5, unit="km", rtol=0.02,
                         hints=["first", "second"], solution="1.5 km")
choice = ChoiceQuestion("Q", "pick", {"A": "yes", "B": "no"}, "A", why_not={"B": "because"})
multi = ChoiceQuestion("Q", "pick two", {"A": "a", "B": "b", "C": "c"}, {"A", "C"})
match = MatchingQuestion("Q", "classify", {"s1": "consistent", "s2": "undecided"},
                         ["consistent", "inconsistent", "undecided"])
square = FunctionQuestion("Q", "square", [((2.0,), 4.0), ((3.0,), 9.0)])
essay = ReflectionQuestion("Q", "why?", "because of reasons", min_words=3)
ALL = [radius, choice, multi, match, square, essay]

anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.binary(), st.lists(st.floats()), st.dictionaries(st.text(), st.integers()),
    st.sets(st.text(max_size=2)), st.just(Ellipsis), st.just(np.arange(6).reshape(2, 3)),
    st.just(lambda *a: 1 / 0), st.just(lambda *a: "text"), st.just(object()),
)


@pytest.mark.parametrize("question", ALL)
def test_placeholder_is_not_attempted(question):
    for placeholder in (..., None, "", "   "):
        assert question.check(placeholder).status == NOT_ATTEMPTED


@given(answer=anything)
def test_check_never_raises_and_gives_a_verdict(answer):
    for question in ALL:
        outcome = question.check(answer)
        assert outcome.status in (NOT_ATTEMPTED, NOT_YET, CORRECT, RECORDED)
        assert outcome.message
        assert isinstance(outcome._repr_markdown_(), str) and isinstance(repr(outcome), str)


def test_numeric_correct_within_tolerance_and_units_slip_explained():
    assert radius.check(1.51).passed
    assert radius.check(np.array([1.5])).passed
    assert not radius.check(1.6).passed
    assert "factor of 1000" in radius.check(1500.0).message
    assert "factor of 0.001" in radius.check(0.0015).message
    assert "too high by about 7%" in radius.check(1.6).message
    assert "wrong sign" in radius.check(-1.5).message
    assert "text" in radius.check("1.5").message
    assert "single number" in radius.check([1.5, 2.0]).message
    assert "finite" in radius.check(math.nan).message


def test_choice_and_matching():
    assert choice.check("a").passed and choice.check(" A ").passed
    assert choice.check("B").message == "B: because"
    assert "not an option" in choice.check("Z").message
    assert multi.check(["A", "C"]).passed
    assert "more than one" in multi.check("A").message
    assert match.check({"s1": "consistent", "s2": "undecided"}).passed
    assert "1 of 2 right" in match.check({"s1": "consistent", "s2": "consistent"}).message
    assert match.check({"s1": ..., "s2": ...}).status == NOT_ATTEMPTED
    assert "not a label" in match.check({"s1": "maybe", "s2": "undecided"}).message


def test_function_question():
    assert square.check(lambda x: x * x).passed
    assert square.check(lambda x: ...).status == NOT_ATTEMPTED
    outcome = square.check(lambda x: x + x)
    assert outcome.status == NOT_YET and "expected 9" in outcome.message
    assert "ZeroDivisionError" in square.check(lambda x: 1 / 0).message
    assert "pass the function" in square.check(4.0).message


def test_reflection_is_recorded_not_graded():
    assert essay.check("one two").status == NOT_YET
    assert essay.check("one two three four").status == RECORDED
    assert "because of reasons" in essay.solution()


def test_hints_advance_and_clamp():
    q = NumericQuestion("Q", "x", 1.0, hints=["h1", "h2"])
    assert "h1" in q.hint() and "h2" in q.hint() and "h2" in q.hint()
    assert "h1" in q.hint(1)
    assert "hints 1 to 2" in q.hint(7)
    assert "No hint" in NumericQuestion("Q", "x", 1.0).hint()


def test_outcome_renders_markdown_and_plain_text():
    outcome = radius.check(1.5)
    assert outcome._repr_markdown_().startswith("✅ **Q: correct**")
    assert repr(outcome).startswith("[Q: correct]")
