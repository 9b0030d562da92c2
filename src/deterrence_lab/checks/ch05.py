"""Exercise checks for chapter 05, the escalation ladder. Expected values come from the model."""
from __future__ import annotations

import numpy as np

from ..models import escalation as esc
from ._core import ChoiceQuestion, FunctionQuestion, NumericQuestion, ReflectionQuestion

# The small chains of the exercises.
THREE_STATE = np.array([[0.6, 0.3, 0.1],   # crisis: stay, settle, war
                        [0.0, 1.0, 0.0],   # settlement (absorbing)
                        [0.0, 0.0, 1.0]])  # war (absorbing)
FOUR_STATE = np.array([[0.6, 0.1, 0.3, 0.0],   # crisis: stay, nuclear use, settle, war
                       [0.3, 0.4, 0.1, 0.2],   # nuclear use: back to crisis, stay, settle, war
                       [0.0, 0.0, 1.0, 0.0],
                       [0.0, 0.0, 0.0, 1.0]])

_MORE_SETTLING = esc.ladder_parameters()
_MORE_SETTLING["settle"][esc.TRANSIENT_KEYS.index("first_use")] *= 2
_FIRST = esc.STATE_KEYS.index("first_use")

q1 = NumericQuestion(
    "Q1", "The probability that the crisis simply continues for one more round.",
    quantity="probability",
    expected=THREE_STATE[0, 0],
    hints=["Each row of a transition matrix lists the chances of every next state; they sum to 1.",
           "From the crisis: 0.3 to settlement, 0.1 to war, and the rest stays in crisis."],
    solution="`p_stay = 1 - 0.3 - 0.1 = 0.6`. Build `P3 = np.array([[0.6, 0.3, 0.1], [0, 1, 0], "
             "[0, 0, 1]])`; `escalation.check_transition_matrix(P3)` returns it without complaint "
             "because every row sums to 1 and both end states are reachable.")

q2 = NumericQuestion(
    "Q2", "By hand: the probability that the three-state crisis ends in war.",
    quantity="probability",
    expected=THREE_STATE[0, 2] / (THREE_STATE[0, 1] + THREE_STATE[0, 2]),
    hints=["Rounds in which the crisis continues change nothing about *where* it ends.",
           "Only the rounds that end the crisis matter: compare the chance of war with the chance "
           "of ending at all.",
           "p_war = 0.1 / (0.1 + 0.3)."],
    solution="Condition on the round in which the crisis ends: it ends in war with probability "
             "0.1 / (0.1 + 0.3) = 0.25. The same from the formula B = (I - Q)^-1 R = R / (1 - 0.6).")

q3 = NumericQuestion(
    "Q3", "With the library: the probability that the four-state chain, started in crisis, ends "
          "in war.",
    quantity="probability",
    expected=esc.absorption_probabilities(FOUR_STATE)[0, 1],
    hints=["`escalation.absorption_probabilities(P4)` returns one row per transient state and one "
           "column per absorbing state, both in index order.",
           "Row 0 is the crisis; column 1 is the second absorbing state, war."],
    solution="`escalation.absorption_probabilities(P4)[0, 1]` = 0.0952: two in every 21 crises end "
             "in war. The nuclear-use state is visited often, but from there settling or stepping "
             "back is more likely than war.")

q4 = NumericQuestion(
    "Q4", "Compact ladder: the probability of general nuclear war from a single nuclear use when "
          "the chance of settling right after that use is doubled.",
    quantity="probability",
    expected=esc.absorption_probabilities(esc.ladder_matrix(**_MORE_SETTLING))[_FIRST, 1],
    hints=["Start from `params = escalation.ladder_parameters()` and change "
           "`params['settle'][i]` for `i = escalation.TRANSIENT_KEYS.index('first_use')`.",
           "Then `P = escalation.ladder_matrix(**params)` and read row "
           "`escalation.STATE_KEYS.index('first_use')`, column 1 of `absorption_probabilities(P)`."],
    solution="Doubling the settle probability of `first_use` (0.10 -> 0.20) lowers P(general war) "
             f"from {esc.ladder_outcome()['general_war']:.3f} to "
             f"{esc.absorption_probabilities(esc.ladder_matrix(**_MORE_SETTLING))[_FIRST, 1]:.3f}.")

q5 = ChoiceQuestion(
    "Q5", "Why does changing one state's settle probability lower the chance of general war?",
    options={
        "A": "Every path from a first use begins in that state, and paths that step down often "
             "return to it, so a higher exit there removes paths before they can climb.",
        "B": "Raising the settle probability also raises the probability of climbing.",
        "C": "It does not: the probability of general war depends only on the top state.",
    },
    correct="A",
    why_not={"B": "the other probabilities of the row stay the same; only staying put becomes less "
                  "likely.",
             "C": "the top state matters, but a path has to climb through all the states below it."},
    hints=["Think of where paths spend their rounds: the fundamental matrix counts the visits."],
    solution="A. Each visit to `first_use` is another chance to leave the ladder; the fundamental "
             "matrix N shows paths visit it more than once on average, so the change works on every "
             "visit.")


def _lifetime_risk(p_per_year, years):
    return float(esc.cumulative_risk(p_per_year, years))


q6 = FunctionQuestion(
    "Q6", "A function `lifetime_risk(p_per_year, years)`: the chance of at least one failure.",
    cases=[((0.001, 100), _lifetime_risk(0.001, 100)), ((0.003, 50), _lifetime_risk(0.003, 50)),
           ((0.005, 50), _lifetime_risk(0.005, 50)), ((0.02, 0), 0.0)],
    hints=["The chance of *no* failure in one year is 1 - p; in n independent years (1 - p)**n.",
           "return 1 - (1 - p_per_year) ** years"],
    solution="`def lifetime_risk(p_per_year, years): return 1 - (1 - p_per_year) ** years`. At "
             "Hellman's upper value, 0.5% per year, 50 years give 22%; at 0.3% per year, 14%.")

q7 = NumericQuestion(
    "Q7", "The baseline model's probability that a conventional war ever crosses the nuclear "
          "threshold.",
    quantity="probability",
    expected=esc.nuclear_use_probability(esc.ladder_matrix(**esc.ladder_parameters())),
    hints=["`escalation.nuclear_use_probability(P, 'conventional_war')` with the baseline matrix.",
           "P = escalation.ladder_matrix(**escalation.ladder_parameters())"],
    solution="About 0.108 (10.8%): just above the top of the 5-10% that US intelligence put on "
             "Russian use in 2022 [woodward2024]. The baseline numbers are teaching assumptions, so "
             "this closeness shows they are not absurd -- not that they are right.")

q8 = ChoiceQuestion(
    "Q8", "No nuclear weapon was used through 2025. What does this say about a 2022 estimate of "
          "5-10%?",
    options={
        "A": "The estimate was wrong: the event did not happen.",
        "B": "Little: under that estimate no use was the expected outcome (90-95%); judging a "
             "forecaster needs many forecasts and a scoring rule.",
        "C": "The estimate was right: the event did not happen.",
    },
    correct="B",
    why_not={"A": "a 5-10% event usually does not happen; one non-event cannot refute it.",
             "C": "a 0.1% or a 30% estimate would be 'confirmed' by the same non-event."},
    hints=["What outcome would you expect most of the time if the chance really were 5-10%?"],
    solution="B. A single outcome says little about a probability; calibration is judged over many "
             "forecasts (for example with a Brier score), and the conditions of 2022 (such as a "
             "Kherson encirclement) did not all occur.")

q9 = ReflectionQuestion(
    "Q9", "The op-ed prefers conventional precision strikes. How much of the model's ranking of the "
          "options comes from the model, and how much from the assumptions put into it?",
    model_answer="The chain only turns assumptions into consequences. The ranking of the options "
                 "comes straight from the factors in `OPTION_EFFECTS`, which were set to encode "
                 "the authors' judgement (precision strikes make stepping back more likely and "
                 "climbing less). What the model adds is arithmetic the reader cannot do in their "
                 "head: how small per-round changes compound over many rounds into large "
                 "differences in the end state, and how sensitive the answer is to each number. A "
                 "fair test is to ask which factors would reverse the ranking (for example, if "
                 "strikes on command centres made Moscow fear a disarming attack and raised the "
                 "chance of climbing) and whether evidence exists for either view.",
    hints=["Look at where the option factors come from (their `source` and `reason`).",
           "Try the LadderExplorer: which change of a factor would reverse the ranking?"])
