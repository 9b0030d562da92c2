"""Checks for the warm-up exercises (solutions/00_warmup.ipynb): learning check/hint/solution,
and a close reading of the Dutch text."""
from ..content import argument
from ._core import ChoiceQuestion, MatchingQuestion, NumericQuestion, ReflectionQuestion

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

# Close reading: the closer English for each Dutch phrase, and a tempting rendering beside it.
_SLIPS = {t.dutch: t for t in argument.TRANSLATION_SLIPS}
_CLOSE_READING = ("moet … garanderen", "verzengen", "verdedigingswapens", "communicatiecentra",
                  "terstond")

q4 = MatchingQuestion(
    "Question 4",
    "Close reading: give each Dutch phrase of the op-ed the English that keeps its meaning.",
    key={d: _SLIPS[d].closer for d in _CLOSE_READING},
    labels=sorted({_SLIPS[d].closer for d in _CLOSE_READING}
                  | {_SLIPS[d].tempting for d in _CLOSE_READING if "(" not in _SLIPS[d].tempting}
                  | {"eventually"}),
    hints=["Each phrase has one close rendering and one tempting one that changes the argument; "
           "`argument.reading_table()` glosses the loaded words.",
           "'moet' is 'must' or 'is meant to', not 'does'; 'verzengen' is a word of heat; "
           "'terstond' is about time."],
    solution=argument.translation_table(),
)

q5 = ChoiceQuestion(
    "Question 5",
    "The sentence about the escalation ladder (C12) ends with 'want' (because). What is its role "
    "in the argument?",
    options={"A": "the conclusion on which all the other claims converge",
             "B": "the reason given for the recommendation of conventional strikes (C11)",
             "C": "a forecast of what Russia will do",
             "D": "a legal claim about the law of armed conflict"},
    correct="B",
    why_not={"A": "it is not the last sentence: it closes the strikes paragraph, and the op-ed "
                  "goes on to other answers, the overriding values and a warning to Moscow.",
             "C": "it says what both states must do, a normative claim, with a reason attached.",
             "D": "it names no rule of law."},
    hints=["Find the sentence in the Dutch text: which paragraph does it close?",
           "`argument.dependents('C12')` shows which claims rest on it."],
    solution="B: the sentence closes the paragraph that recommends conventional precision strikes "
             "and gives its reason ('want die eindigt in afgrijselijke vernietiging'); it echoes "
             "the headline. On the map, C12 is a premise of C11 (and of C13).",
)

q6 = ReflectionQuestion(
    "Question 6",
    "Where would a translation change the argument? Pick one Dutch phrase of the op-ed, give a "
    "tempting English rendering and a closer one, and say which claim's verdict would change.",
    model_answer=(
        "For example 'moet … garanderen' in C6. Rendered 'guarantees', the claim becomes a factual "
        "statement that the code device ensures political control in the US, the UK and France, "
        "and the UK's lack of code locks on its submarine weapons (reported in 2007) refutes it. "
        "Rendered 'is meant to ensure', it states the purpose of the arrangements, and the UK case "
        "shows that the purpose is met by other means there (procedures and people, not a lock). "
        "The verdict moves from 'wrong' towards 'needs qualification'. Other good choices: "
        "'communicatiecentra' (adding 'command' turns the strikes into decapitation) or "
        "'terstond' (an answer that works only slowly fails the authors' own test)."),
    min_words=30,
    hints=["`argument.translation_table()` lists candidates; choose one and read the claim "
           "it sits in.",
           "Ask: which evidence would refute the claim under each rendering?"],
)
