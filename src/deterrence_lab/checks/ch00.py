"""Checks for the warm-up exercises (solutions/00_warmup.ipynb): learning check/hint/solution."""
from ..content import argument
from ._core import ChoiceQuestion, NumericQuestion, ReflectionQuestion

q1 = ChoiceQuestion(
    "Question 1",
    "What kind of claim is C4, about the International Court of Justice?",
    options={"A": "a forecast", "B": "an empirical claim", "C": "a legal claim",
             "D": "a recommendation"},
    correct="C",
    why_not={"A": "C4 does not predict; it reports what a court said (and adds a worry).",
             "B": "close, but its evidence is a legal text, so the course calls it legal.",
             "D": "C4 proposes no action."},
    hints=["Look at the `kind` column of the table in chapter 00.",
           "`argument.claim('C4').kind` gives it directly."],
    solution="C, a legal claim: `argument.claim('C4').kind` is `'legal'`. Chapter 02 checks it "
             "against the Court's text.",
)

q2 = NumericQuestion(
    "Question 2",
    "On how many other claims does the recommendation C11 rest, directly or through other claims?",
    expected=len(argument.foundations("C11")), unit="claims", rtol=0.0,
    hints=["Follow the arrows into C11 on the map, then the arrows into those claims.",
           "`argument.foundations('C11')` lists them; `len(...)` counts them."],
    solution=f"{len(argument.foundations('C11'))}: C11 rests on "
             f"{', '.join(argument.foundations('C11'))}. If any of them fails, the recommendation "
             "needs another support.",
)

q3 = ReflectionQuestion(
    "Question 3",
    "Which claim of the op-ed do you expect to be the weakest, and what evidence would settle it?",
    model_answer=(
        "There is no single right choice. A strong answer names a claim, says what kind it is, and "
        "names evidence of the matching kind. For example: C4 (legal) is checkable against the "
        "text of the 1996 advisory opinion; if the Court did not say that use is 'only' "
        "justifiable when the state's survival is at stake, the claim needs correcting, though "
        "the authors' worry about how Moscow might invoke the opinion can still stand. Forecasts "
        "such as C1 and C7 are harder: they are settled only by events, and a single outcome "
        "says little about the probability that was right at the time."),
    min_words=15,
    hints=["Start from the `kind` of the claim: a legal claim is settled by legal texts, an "
           "empirical one by data, a forecast by events.",
           "The 'what would settle it' line in the claim explorer is a good starting point."],
)
