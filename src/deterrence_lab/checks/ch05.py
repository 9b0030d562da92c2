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
_Q4_ENDS = esc.end_probabilities(esc.ladder_matrix(**_MORE_SETTLING), "first_use")
_CAL = esc.calibrate(45, 1.0)

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
    expected=_Q4_ENDS.ends["general_war"],
    hints=["Start from `params = escalation.ladder_parameters()` and change "
           "`params['settle'][i]` for `i = escalation.TRANSIENT_KEYS.index('first_use')` (the "
           "parameters are listed per *transient* state).",
           "Then `P = escalation.ladder_matrix(**params)` and look the result up by name: "
           "`escalation.end_probabilities(P, 'first_use').ends['general_war']`. Do not read rows and "
           "columns of `absorption_probabilities(P)` by position: which states are absorbing (and "
           "so which column is which) depends on the numbers."],
    solution="Doubling the settle probability of `first_use` (0.10 -> 0.20) lowers P(general war) "
             f"from {esc.ladder_outcome()['general_war']:.3f} to "
             f"{_Q4_ENDS.ends['general_war']:.3f}. `end_probabilities` classifies the states once "
             "and names each end state, so the answer stays right even when a change makes some "
             "other state absorbing.")

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
    "Q8", "No nuclear weapon was used through February 2026. What does this say about a 2022 estimate of "
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
    model_answer="The chain only turns assumptions into consequences. Where the strikes land comes "
                 "from their ladder factors in the option table: the op-ed's claim (they lower "
                 "the risk of further use) puts the climbing factor at 0.8, the entanglement "
                 "pathway (para 19(c) of Russia's 2020 Basic Principles; Posen; Acton) at 1.8, "
                 "and the course's central value between them. With the op-ed's factors the "
                 "strikes are among the safest answers; with the entanglement reading among the "
                 "most dangerous. What the model adds is arithmetic the reader cannot do in their "
                 "head: how per-round changes compound over many rounds, and the breakeven "
                 "factor at which the strikes stop beating no response (the robustness line). "
                 "Evidence about how Moscow would read strikes on arsenals and communication "
                 "centres decides it, not the model.",
    hints=["Look at where the option factors come from (the option table's `reason` and "
           "`sources`).",
           "Try the LadderExplorer, and read the robustness line: which factor flips the result?"])

q10 = NumericQuestion(
    "Q10", "Calibration: the posterior mean of the pre-use settling scale after 45 months without "
           "nuclear use or settlement, at one month per round, from a uniform prior on the grid.",
    expected=_CAL.settle_mean_posterior,
    hints=["`escalation.record_likelihood(45, 1.0, settle_scale=s)` is the chance of the record "
           "for one setting; `escalation.calibrate(45, 1.0)` does the whole grid.",
           "`cal = escalation.calibrate(45, 1.0)`; the answer is `cal.settle_mean_posterior`."],
    solution=f"About {_CAL.settle_mean_posterior:.2f} (prior mean {_CAL.settle_mean_prior:.2f}). "
             "A long war with neither settlement nor nuclear use is unlikely if settling is "
             "frequent, so the record pulls the settling rate down; the climbing rate falls "
             f"less (posterior mean {_CAL.up_mean_posterior:.2f}). A slower way off the ladder "
             "means more rounds in which to climb: the chance that the war ever reaches a nuclear "
             f"use rises from {_CAL.p_use_prior:.1%} (prior) to {_CAL.p_use_posterior:.1%}. One "
             "history is thin evidence: the answer moves a lot with the length given to a round "
             "and with the prior.")
