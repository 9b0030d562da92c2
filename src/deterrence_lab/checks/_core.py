"""Exercise questions with instant, plain-language feedback.

Every question has ``check(answer)``, ``hint()`` and ``solution()``. ``check``
never raises: a wrong type, a wrong shape or an exception inside a student's
function becomes an explanation. The placeholder ``...`` (what the exercise
notebooks start with) means *not attempted*, and so does a value left over from
before an answer cell that stopped with an error (see ``_fresh``). A number in the wrong
unit is named as such (see ``_units``). Under nbgrader's autograder a check that is not
correct raises, so nbgrader scores its cell zero.

For the test suite only, the environment variable ``DETERRENCE_LAB_STRICT_CHECKS=1``
makes ``check`` re-raise an error inside a checker instead of turning it into a
"could not be checked" message, so a checker bug fails a test instead of hiding.
"""
from __future__ import annotations

import math
import numbers
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .._display import Markdown
from . import _fresh, _units

STRICT_ENV = "DETERRENCE_LAB_STRICT_CHECKS"

NOT_ATTEMPTED = "not attempted"
NOT_YET = "not yet"
CORRECT = "correct"
RECORDED = "recorded"

#: The icon shown before each verdict. Every icon is a plain text symbol that DejaVu Sans
#: (the fallback font of nearly every Linux desktop, and the font matplotlib ships) draws,
#: never an emoji: without an emoji font an emoji shows as an empty box. The icon only
#: decorates; the verdict itself is always written out in words beside it (``VERDICT_WORDS``).
ICONS = {NOT_ATTEMPTED: "○", NOT_YET: "↻", CORRECT: "✓", RECORDED: "✎"}
#: The words a reader sees for each verdict, whatever the fonts: the check's verdict in words.
VERDICT_WORDS = {NOT_ATTEMPTED: "Not attempted", NOT_YET: "Not yet", CORRECT: "Correct",
                 RECORDED: "Recorded"}


@dataclass(frozen=True)
class Outcome:
    """The result of a check: a status and a message; renders as Markdown or plain text."""

    status: str
    message: str
    label: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def _head(self) -> str:
        return f"{self.label}: {self.status}" if self.label else self.status

    def _repr_markdown_(self) -> str:
        """The verdict's icon, then the verdict in words (``Q1: correct``) in bold, then why."""
        head = self._head() if self.label else VERDICT_WORDS[self.status]
        return f"{ICONS[self.status]} **{head}** — {self.message}"

    def __repr__(self) -> str:
        return f"[{self._head()}] {self.message}"

    __str__ = __repr__


def _is_placeholder(answer) -> bool:
    return answer is Ellipsis or answer is None or (isinstance(answer, str) and not answer.strip())


def _describe(answer) -> str:
    text = repr(answer)
    return text if len(text) <= 50 else text[:47] + "..."


class Question:
    """Shared behaviour: a label, a prompt, levelled hints and a worked solution."""

    def __init__(self, label: str, prompt: str, *, hints: Sequence[str] = (), solution: str = ""):
        self.label = label
        self.prompt = prompt
        self.hints = list(hints)
        self._solution = solution
        self._hints_shown = 0

    def hint(self, level: int | None = None) -> Markdown:
        """The next hint (or hint number ``level``, counting from 1)."""
        if not self.hints:
            return Markdown(f"No hint for {self.label}: re-read the question and the section above it.")
        if level is None:
            self._hints_shown = min(self._hints_shown + 1, len(self.hints))
            level = self._hints_shown
        if not isinstance(level, int) or not 1 <= level <= len(self.hints):
            return Markdown(f"{self.label} has hints 1 to {len(self.hints)}; {_describe(level)} is not one of them.")
        return Markdown(f"**Hint {level}/{len(self.hints)}** for {self.label}: {self.hints[level - 1]}")

    def solution(self) -> Markdown:
        """The worked answer, with the reasoning."""
        return Markdown(f"**Solution for {self.label}.** {self._solution}")

    #: whether nbgrader may score this question's check cell (written answers are graded by hand)
    autograded = True

    def check(self, answer) -> Outcome:
        """Judge ``answer``; never raises, except under nbgrader's autograder (see
        :func:`_fail_for_nbgrader`)."""
        return _fail_for_nbgrader(self, self._check(answer))

    def _check(self, answer) -> Outcome:
        if _is_placeholder(answer):
            return self._outcome(NOT_ATTEMPTED, "replace the `...` with your answer and run the cell again.")
        stale = _fresh.stale_message(answer)
        if stale:
            return self._outcome(NOT_ATTEMPTED, stale)
        try:
            return self._judge(answer)
        except Exception as error:  # a checker bug must not become a student's traceback
            if os.environ.get(STRICT_ENV) == "1":  # ... but must fail the tests
                raise
            return self._outcome(NOT_YET, f"this answer could not be checked ({type(error).__name__}: {error}).")

    def _judge(self, answer) -> Outcome:
        raise NotImplementedError

    def _outcome(self, status: str, message: str) -> Outcome:
        return Outcome(status, message, self.label)


class NotCorrect(AssertionError):
    """Raised by a check cell only while nbgrader grades or validates, so the cell scores zero."""


def _fail_for_nbgrader(question: Question, outcome: Outcome) -> Outcome:
    """Under ``nbgrader autograde`` or ``nbgrader validate`` (which set ``NBGRADER_EXECUTION``
    in the kernel's environment), an auto-graded question that is not answered correctly
    raises :class:`NotCorrect`: nbgrader scores a test cell by whether it raises. Anywhere
    else the outcome is returned and shown."""
    if (question.autograded and outcome.status != CORRECT
            and os.environ.get("NBGRADER_EXECUTION") in ("autograde", "validate")):
        raise NotCorrect(str(outcome))
    return outcome


def _as_number(answer):
    """A float from a number or a one-element array, or a reason why not."""
    if isinstance(answer, (bool, np.bool_)):
        return None, f"got {answer!r}, a true/false value; give a number."
    if isinstance(answer, str):
        return None, f"got the text {_describe(answer)}; give a number without quotes, e.g. 12.5."
    try:
        if isinstance(answer, numbers.Real):
            value = float(answer)
        else:
            try:
                arr = np.asarray(answer, dtype=float)
            except (TypeError, ValueError):
                return None, (f"got {type(answer).__name__} {_describe(answer)}; "
                              "give a single number.")
            if arr.size != 1:
                return None, f"got {arr.size} numbers (shape {arr.shape}); give a single number."
            value = float(arr.reshape(()))
    except OverflowError:  # e.g. 10**400: a whole number beyond the range of floats
        return None, ("got a number whose size is beyond 10^308, far from any answer here; "
                      "check the calculation and the units.")
    if not math.isfinite(value):
        return None, f"got {value}; give a finite number."
    return value, ""


class NumericQuestion(Question):
    """A number with a unit, accepted within a relative tolerance."""

    def __init__(self, label: str, prompt: str, expected: float, *, unit: str = "", rtol: float = 0.02,
                 quantity: str | None = None, **kw):
        super().__init__(label, prompt, **kw)
        self.expected = float(expected)
        self.unit = unit
        self.rtol = rtol
        # 'length', 'yield', 'dose' or 'probability' (inferred from the unit when not given):
        # names the unit a wrong answer seems to be in
        if quantity is not None and quantity not in _units.QUANTITIES:
            raise ValueError(f"quantity must be one of {sorted(_units.QUANTITIES)} or None, "
                             f"got {quantity!r}")
        self.quantity = quantity or _units.quantity_of(unit)

    def _fmt(self, value: float) -> str:
        return f"{value:.4g} {self.unit}".strip()

    def _judge(self, answer) -> Outcome:
        value, why = _as_number(answer)
        if value is None:
            return self._outcome(NOT_YET, why)
        expected = self.expected
        if math.isclose(value, expected, rel_tol=self.rtol, abs_tol=1e-12):
            margin = f" (within {self.rtol:.0%})" if self.rtol else ""
            return self._outcome(CORRECT, f"{self._fmt(value)} is right{margin}.")
        if expected != 0 and value != 0 and (value > 0) != (expected > 0):
            return self._outcome(NOT_YET, f"{self._fmt(value)} has the wrong sign.")
        slip = _units.explain_slip(value, expected, self.unit, self.quantity, self.rtol)
        if slip:
            return self._outcome(NOT_YET, slip)
        if expected != 0 and value != 0:
            ratio = value / expected
            for power in (3, 6, 2, 1, 5, 9):
                for factor in (10.0 ** power, 10.0 ** -power):
                    if math.isclose(ratio, factor, rel_tol=self.rtol):
                        which = _units.SCALE_HINTS.get(self.quantity, "")
                        return self._outcome(NOT_YET, f"{self._fmt(value)} is off by a factor of "
                                             f"{factor:g} — check your units"
                                             + (f" ({which})." if which else "."))
            if 2 <= ratio <= 1e6:   # "too high by about 600%" reads worse than a multiple
                return self._outcome(NOT_YET, f"{self._fmt(value)} is too high: about "
                                     f"{_two_figures(ratio)} times the answer.")
            if 1e-6 <= ratio <= 0.5:   # "too low by about 100%" reads like zero
                return self._outcome(NOT_YET, f"{self._fmt(value)} is too low: about 1/"
                                     f"{_two_figures(1 / ratio)} of the answer.")
            direction = "too high" if ratio > 1 else "too low"
            return self._outcome(NOT_YET, f"{self._fmt(value)} is {direction} by about "
                                 f"{abs(ratio - 1):.0%}.")
        return self._outcome(NOT_YET, f"{self._fmt(value)} is not right.")


def _two_figures(x: float) -> str:
    """A factor to two significant figures, never in exponent form (7.3, 730, 7,300)."""
    value = float(f"{x:.2g}")
    return f"{value:,.0f}" if value >= 10 else f"{value:g}"


class ChoiceQuestion(Question):
    """Pick one option by its letter (or several, if ``correct`` names several)."""

    def __init__(self, label: str, prompt: str, options: Mapping[str, str], correct, *,
                 why_not: Mapping[str, str] | None = None, **kw):
        super().__init__(label, prompt, **kw)
        self.options = {k.upper(): v for k, v in options.items()}
        wanted = {correct} if isinstance(correct, str) else set(correct)
        self.correct = {c.upper() for c in wanted}
        self.why_not = {k.upper(): v for k, v in (why_not or {}).items()}

    def _judge(self, answer) -> Outcome:
        if isinstance(answer, str):
            picked = {answer.strip().upper()}
        elif isinstance(answer, (set, list, tuple, frozenset)) and all(isinstance(a, str) for a in answer):
            picked = {a.strip().upper() for a in answer}
        else:
            return self._outcome(NOT_YET, f"got {_describe(answer)}; give the letter of an option "
                                 f"as text, e.g. \"{sorted(self.options)[0]}\".")
        unknown = picked - set(self.options)
        if unknown:
            return self._outcome(NOT_YET, f"{', '.join(sorted(unknown))} is not an option; "
                                 f"choose from {', '.join(sorted(self.options))}.")
        if picked == self.correct:
            return self._outcome(CORRECT, "; ".join(self.options[c] for c in sorted(picked)))
        wrong = sorted(picked - self.correct)
        if wrong and wrong[0] in self.why_not:
            return self._outcome(NOT_YET, f"{wrong[0]}: {self.why_not[wrong[0]]}")
        if len(self.correct) > 1 and picked < self.correct:
            return self._outcome(NOT_YET, "part of the answer: more than one option is right.")
        return self._outcome(NOT_YET, "not this one; re-read the options.")


class MatchingQuestion(Question):
    """Assign a label to each item, e.g. classify statements; answered as a dict."""

    def __init__(self, label: str, prompt: str, key: Mapping[str, str], labels: Sequence[str], **kw):
        super().__init__(label, prompt, **kw)
        self.key = dict(key)
        self.labels = list(labels)

    def _judge(self, answer) -> Outcome:
        if not isinstance(answer, Mapping):
            return self._outcome(NOT_YET, f"got {type(answer).__name__}; give a dict such as "
                                 f"{{{next(iter(self.key))!r}: {self.labels[0]!r}, ...}}.")
        if any(v is Ellipsis for v in answer.values()) and all(
                v is Ellipsis for v in answer.values()):
            return self._outcome(NOT_ATTEMPTED, "replace each `...` with a label and run the cell again.")
        missing = [k for k in self.key if k not in answer or answer[k] is Ellipsis]
        if missing:
            return self._outcome(NOT_YET, f"{len(missing)} item(s) still without a label: {missing[0]!r}.")
        bad = [v for v in answer.values() if v not in self.labels]
        if bad:
            return self._outcome(NOT_YET, f"{_describe(bad[0])} is not a label; use one of "
                                 f"{', '.join(map(repr, self.labels))}.")
        wrong = [k for k in self.key if answer[k] != self.key[k]]
        if not wrong:
            return self._outcome(CORRECT, f"all {len(self.key)} items labelled correctly.")
        return self._outcome(NOT_YET, f"{len(self.key) - len(wrong)} of {len(self.key)} right; "
                             f"look again at {wrong[0]!r}.")


class FunctionQuestion(Question):
    """A function the student writes, tested on cases ``(args, expected)``."""

    def __init__(self, label: str, prompt: str, cases: Sequence[tuple[tuple, float]], *,
                 rtol: float = 1e-3, **kw):
        super().__init__(label, prompt, **kw)
        self.cases = [(tuple(args), expected) for args, expected in cases]
        self.rtol = rtol

    def _judge(self, answer) -> Outcome:
        if not isinstance(answer, Callable):
            return self._outcome(NOT_YET, f"got {type(answer).__name__}; pass the function itself "
                                 "(its name without brackets).")
        for args, expected in self.cases:
            call = f"{getattr(answer, '__name__', 'f')}{args!r}".replace(",)", ")")
            try:
                got = answer(*args)
            except NotImplementedError:
                return self._outcome(NOT_ATTEMPTED, "the function is not written yet.")
            except Exception as error:
                return self._outcome(NOT_YET, f"{call} raised {type(error).__name__}: {error}")
            if got is Ellipsis:
                return self._outcome(NOT_ATTEMPTED, "the function still returns `...`.")
            value, why = _as_number(got)
            if value is None:
                return self._outcome(NOT_YET, f"{call} returned something other than a number: {why}")
            if not math.isclose(value, expected, rel_tol=self.rtol, abs_tol=1e-9):
                return self._outcome(NOT_YET, f"{call} returned {value:.6g}; expected {expected:.6g}.")
        return self._outcome(CORRECT, f"passes all {len(self.cases)} test cases.")


class ReflectionQuestion(Question):
    """A written answer: not graded; recorded, with a model answer on request."""

    autograded = False

    def __init__(self, label: str, prompt: str, model_answer: str, *, min_words: int = 20, **kw):
        super().__init__(label, prompt, solution=model_answer, **kw)
        self.min_words = min_words

    def _judge(self, answer) -> Outcome:
        if not isinstance(answer, str):
            return self._outcome(NOT_YET, f"got {type(answer).__name__}; write your answer as text "
                                 "between triple quotes.")
        words = len(answer.split())
        if words < self.min_words:
            return self._outcome(NOT_YET, f"{words} words; develop the argument a little "
                                 f"(at least {self.min_words} words).")
        return self._outcome(RECORDED, f"{words} words recorded. Written answers are not graded: "
                             "compare yours with the model answer (`.solution()`).")

    def solution(self) -> Markdown:
        return Markdown(f"**Model answer for {self.label}.** {self._solution}")
