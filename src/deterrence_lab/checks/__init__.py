"""Exercise checks: one module per chapter (``ch00`` ... ``ch05``) built on shared question types."""
from . import _fresh
from ._core import (CORRECT, NOT_ATTEMPTED, NOT_YET, RECORDED, ChoiceQuestion, FunctionQuestion,
                    MatchingQuestion, NumericQuestion, Outcome, Question, ReflectionQuestion)

__all__ = ["CORRECT", "NOT_ATTEMPTED", "NOT_YET", "RECORDED", "ChoiceQuestion", "FunctionQuestion",
           "MatchingQuestion", "NumericQuestion", "Outcome", "Question", "ReflectionQuestion"]

_fresh.install()  # in IPython/Jupyter: notice answer cells that stopped with an error
