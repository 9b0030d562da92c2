"""Exercise checks: the three verdicts, helpful reasons, and a real verdict for any answer.

The property tests run with the strict switch on (``DETERRENCE_LAB_STRICT_CHECKS=1``):
then an error inside a checker is raised instead of becoming a "could not be checked"
message, so a checker bug (an OverflowError on 10**400, a TypeError on an array, a wrong
branch) fails the suite while students still get a friendly message.
"""
import contextlib
import importlib
import math
import os
import pkgutil

import numpy as np
import pytest
from hypothesis import given
from readable_text import dejavu_sans_characters, verdict_problems
from strategies import EXTREME_ANSWERS, answers

from deterrence_lab import checks
from deterrence_lab.checks import (CORRECT, NOT_ATTEMPTED, NOT_YET, RECORDED, ChoiceQuestion,
                                   FunctionQuestion, MatchingQuestion, NumericQuestion, Question,
                                   ReflectionQuestion)
from deterrence_lab.checks._core import STRICT_ENV

radius = NumericQuestion("Q", "5 psi radius?", 1.5, unit="km", rtol=0.02,
                         hints=["first", "second"], solution="1.5 km")
choice = ChoiceQuestion("Q", "pick", {"A": "yes", "B": "no"}, "A", why_not={"B": "because"})
multi = ChoiceQuestion("Q", "pick two", {"A": "a", "B": "b", "C": "c"}, {"A", "C"})
match = MatchingQuestion("Q", "classify", {"s1": "consistent", "s2": "undecided"},
                         ["consistent", "inconsistent", "undecided"])
square = FunctionQuestion("Q", "square", [((2.0,), 4.0), ((3.0,), 9.0)])
essay = ReflectionQuestion("Q", "why?", "because of reasons", min_words=3)
ALL = [radius, choice, multi, match, square, essay]


def _questions() -> list:
    found = []
    for info in pkgutil.iter_modules(checks.__path__):
        if info.name.startswith("ch"):
            module = importlib.import_module(f"deterrence_lab.checks.{info.name}")
            found += [(f"{info.name}.{name}", obj) for name, obj in sorted(vars(module).items())
                      if isinstance(obj, Question)]
    return found


QUESTIONS = _questions()
VERDICTS = (NOT_ATTEMPTED, NOT_YET, CORRECT, RECORDED)


@contextlib.contextmanager
def strict_checks():
    """Within the block, an error inside a checker is raised (test-only switch)."""
    before = os.environ.get(STRICT_ENV)
    os.environ[STRICT_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[STRICT_ENV]
        else:
            os.environ[STRICT_ENV] = before


def assert_real_verdict(label, question, answer):
    with strict_checks():
        outcome = question.check(answer)
    assert outcome.status in VERDICTS, (label, answer)
    assert outcome.message.strip(), (label, answer)
    assert "could not be checked" not in outcome.message, (label, answer, outcome.message)
    assert isinstance(outcome._repr_markdown_(), str) and repr(outcome)
    if outcome.status == NOT_YET:  # an explanation, not a bare verdict
        assert len(outcome.message) > 10, (label, answer, outcome.message)
    return outcome


# --- the strict switch itself ------------------------------------------------------------------

class _Broken(NumericQuestion):
    def _judge(self, answer):
        return super()._judge(answer) / 0  # a checker bug


def test_strict_switch_raises_a_checker_bug_and_students_still_get_a_message():
    broken = _Broken("Q", "x", 1.0)
    with strict_checks(), pytest.raises(TypeError):
        broken.check(1.0)
    assert STRICT_ENV not in os.environ or os.environ[STRICT_ENV] != "1"
    outcome = broken.check(1.0)  # the student-facing behaviour stays friendly
    assert outcome.status == NOT_YET and "could not be checked" in outcome.message


def test_strict_switch_does_not_raise_for_a_students_failing_function():
    with strict_checks():
        outcome = square.check(lambda x: 1 / 0)
    assert outcome.status == NOT_YET and "ZeroDivisionError" in outcome.message


# --- every real question, extreme and arbitrary answers -------------------------------------------

def test_every_chapter_with_checks_has_questions():
    chapters = {name.split(".")[0] for name, _ in QUESTIONS}
    assert {"ch00", "ch01", "ch02", "ch03", "ch04", "ch05"} <= chapters
    assert len(QUESTIONS) >= 39


@pytest.mark.parametrize("label,question", QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_extreme_answers_get_a_real_verdict(label, question):
    for answer in EXTREME_ANSWERS:
        assert_real_verdict(label, question, answer)
    assert question.check(...).status == NOT_ATTEMPTED
    assert str(question.hint()) and str(question.solution())
    for level in (0, -1, 99, "one", None):
        assert str(question.hint(level))


@pytest.mark.parametrize("label,question", QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_huge_numbers_are_too_large_and_negative_ones_explained(label, question):
    if not isinstance(question, NumericQuestion):
        return
    huge = assert_real_verdict(label, question, 10**400)
    assert huge.status == NOT_YET and "10^308" in huge.message
    negative = assert_real_verdict(label, question, -abs(question.expected) - 1)
    assert negative.status == NOT_YET
    if question.expected > 0:
        assert "wrong sign" in negative.message


@given(answer=answers)
def test_every_question_gives_a_real_verdict_for_any_answer(answer):
    for label, question in QUESTIONS:
        assert_real_verdict(label, question, answer)


@given(answer=answers)
def test_check_never_raises_and_gives_a_verdict(answer):
    for question in ALL:
        assert_real_verdict("fixture", question, answer)


@pytest.mark.parametrize("question", ALL)
def test_placeholder_is_not_attempted(question):
    for placeholder in (..., None, "", "   "):
        assert question.check(placeholder).status == NOT_ATTEMPTED


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
    assert outcome._repr_markdown_().startswith("✓ **Q: correct**")
    assert repr(outcome).startswith("[Q: correct]")


# --- a verdict is read in words, whatever the fonts -------------------------------------------

@pytest.mark.parametrize("label", ["Q3", ""])
@pytest.mark.parametrize("status", VERDICTS)
def test_every_verdict_is_written_in_words_beside_its_icon(status, label):
    outcome = checks.Outcome(status, "the reason", label)
    assert verdict_problems(outcome._repr_markdown_()) == []
    assert f"{status}]" in repr(outcome)  # the plain-text form names it too


def test_a_verdict_line_with_only_an_icon_is_caught():
    """The rule above can fail: an icon alone, or an emoji, is reported."""
    assert verdict_problems("✓ — 1.5 km is right.")
    assert verdict_problems("✅ **Q1: correct** — 1.5 km is right.")
    assert not verdict_problems("✓ **Q1: correct** — 1.5 km is right.")


@pytest.mark.parametrize("label, question", QUESTIONS)
def test_hints_and_verdicts_of_real_questions_need_no_emoji_font(label, question):
    drawable = dejavu_sans_characters() | {ord("\n")}
    for answer in (..., "surely not this", 1e9):
        text = question.check(answer)._repr_markdown_()
        assert verdict_problems(text) == [], (label, answer)
    for shown in (question.hint(), question.hint(1) if question.hints else ""):
        assert not [ch for ch in shown if ord(ch) not in drawable], shown
