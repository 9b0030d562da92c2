"""Exercise checks for chapter 03, "Who holds the key". Expected values come from the model."""
from __future__ import annotations

import numpy as np

from ..models import command
from ._core import ChoiceQuestion, FunctionQuestion, MatchingQuestion, NumericQuestion, ReflectionQuestion

# q1: one design, by hand or with the model.
_Q1 = dict(n=3, k=2, p_rogue=0.02, p_fail=0.05, pal=True, p_pal_defeat=0.1)
q1 = NumericQuestion(
    "q1", "P(unauthorised use) per crisis for 2-of-3 with p_rogue = 0.02 and a code lock beaten with "
    "probability 0.1.", float(command.command_risks(**_Q1).p_unauthorised), unit="per crisis", rtol=0.01,
    quantity="probability",
    hints=["Unauthorised use needs two things at once: at least 2 of the 3 members going rogue, AND the "
           "lock defeated. Multiply the two probabilities.",
           "P(at least 2 of 3) = 3·p²·(1−p) + p³ with p = 0.02.",
           "Or let the model do it: `command.command_risks(3, 2, 0.02, 0.05, pal=True, "
           "p_pal_defeat=0.1).p_unauthorised`."],
    solution="P(at least 2 of 3 rogue) = 3·0.02²·0.98 + 0.02³ = 0.001184; times 0.1 for the lock gives "
             "0.0001184, about 1 in 8,400 per crisis.")

# q2: the smallest k that keeps unauthorised use under a bound.
_Q2_N, _Q2_P, _Q2_BOUND = 7, 0.05, 1e-5
_q2_k = int(np.argmax(command.binomial_tail(_Q2_N, np.arange(1, _Q2_N + 1), _Q2_P) < _Q2_BOUND)) + 1
q2 = NumericQuestion(
    "q2", "Smallest k (of n = 7, p_rogue = 0.05, no lock) with P(unauthorised use) below 1 in 100,000.",
    _q2_k, unit="members", rtol=0.0,
    hints=["Compute P(unauthorised use) for every k from 1 to 7 at once: k can be an array, e.g. "
           "`np.arange(1, 8)`.",
           "Then find the first k whose value is below 1e-5; `np.argmax(values < 1e-5)` gives its "
           "position (add 1, because k starts at 1)."],
    solution=f"P(unauthorised use) falls from about 0.30 at k = 1 to below 1e-5 first at k = {_q2_k}. "
             "Look at P(valid order fails) at that k too: the price of the extra approvals.")


# q3: a new barrier written as a function.
def _code_lock_model(n, k, p_rogue, digits, tries):
    p_guess = min(1.0, tries / 10 ** digits)
    return float(command.command_risks(n, k, p_rogue, 0.0, pal=True, p_pal_defeat=p_guess).p_unauthorised)


_Q3_CASES = [(2, 2, 0.05, 3, 5), (3, 1, 0.1, 2, 200), (5, 3, 0.2, 2, 10)]
q3 = FunctionQuestion(
    "q3", "p_unauthorised_with_code(n, k, p_rogue, digits, tries): a k-of-n chain plus a combination "
          "lock that disables itself after `tries` wrong guesses.",
    [(args, _code_lock_model(*args)) for args in _Q3_CASES], rtol=1e-6,
    hints=["Guessing at random, a group beats a lock with 10**digits codes within `tries` attempts with "
           "probability tries / 10**digits — but never more than 1.",
           "Multiply that by P(at least k of n go rogue): `command.binomial_tail(n, k, p_rogue)`.",
           "Return a plain number: wrap the result in `float(...)`."],
    solution="`def p_unauthorised_with_code(n, k, p_rogue, digits, tries): return "
             "float(command.binomial_tail(n, k, p_rogue)) * min(1.0, tries / 10**digits)`. The same as "
             "`command_risks(..., pal=True, p_pal_defeat=min(1, tries / 10**digits))`.")

# q4: place the UK on the frontier from its profile.
_uk, _us = command.profile_risks("uk"), command.profile_risks("us")
_more_unauth = bool(_uk.p_unauthorised > _us.p_unauthorised)
_more_fail = bool(_uk.p_valid_fails > _us.p_valid_fails)
_Q4_OPTIONS = {
    "A": "left of and above the US: less unauthorised use, more failed valid orders",
    "B": "right of and below the US: more unauthorised use, fewer failed valid orders",
    "C": "on the same spot as the US",
    "D": "right of and above the US: worse on both counts",
}
_q4_correct = ("C" if np.isclose(_uk.p_unauthorised, _us.p_unauthorised) and
               np.isclose(_uk.p_valid_fails, _us.p_valid_fails) else
               {(False, True): "A", (True, False): "B", (True, True): "D"}.get((_more_unauth, _more_fail), "A"))
q4 = ChoiceQuestion(
    "q4", "Where does the UK profile sit on the frontier relative to the US?", _Q4_OPTIONS, _q4_correct,
    why_not={"A": "that would be a design with a stronger lock than the US; the UK reportedly has none.",
             "C": "the UK design differs from the US one in one setting: look at `design.pal`.",
             "D": "dropping the lock also removes a failure mode: a cut-off leadership can no longer "
                  "block a valid order."},
    hints=["Compare `command.get_profile('uk').design` with the US design: which setting differs?",
           "Compute both with `command.profile_risks('uk')` and `command.profile_risks('us')`."],
    solution="Without a code lock the UK design is ten times as exposed to unauthorised use (1/0.1) but a "
             "cut-off leadership cannot block a valid order, so it sits to the right and below: it "
             "trades 'never' for 'always', as the BBC report implies the Ministry of Defence chose.")

# q5: the op-ed's statements against the sources.
q5 = MatchingQuestion(
    "q5", "Label each statement 'supported', 'contradicted' or 'thin evidence' from the profiles.",
    {"US weapons carry code locks released from the top": "supported",
     "British weapons carry PAL-type code locks": "contradicted",
     "French weapons carry code locks comparable to PALs": "thin evidence",
     "Russia has a central code system for authorising strategic use": "supported",
     "A Russian field commander could use a non-strategic weapon alone": "thin evidence"},
    ["supported", "contradicted", "thin evidence"],
    hints=["Read `profile_table()` (in `deterrence_lab.widgets.ch03`): the confidence column says how sure the sources are.",
           "'reported' by several independent sources counts as support; a single press report with "
           "conflicting accounts, or nothing public, is thin."],
    solution="US: documented (NSAM 160). UK: contradicted by the 2007 BBC report. France: order codes are documented, "
             "locks on the weapons only reported, with key parts unknown. Russia: the Cheget/Kazbek system for the strategic forces and code "
             "locks are reported by several sources; how non-strategic weapons would be released is "
             "not documented. A commander acting alone: no public source can settle it.")

# q6: a judgment question with a model answer.
q6 = ReflectionQuestion(
    "q6", "In the op-ed's scenario, what does central storage of Russia's non-strategic warheads protect "
          "against, what does it not protect against, and what does it give the West?",
    "Central storage by the 12th Main Directorate adds a barrier that a local commander acting alone "
    "would also have to overcome: the custodian must release the warhead, and moving it takes hours. In "
    "the model this multiplies P(unauthorised use) by the chance of getting past the custodian and adds "
    "the release time to every valid order. It does not protect against a use the President orders: the "
    "custodian then cooperates, so the risk the op-ed worries about most, a deliberate decision by a "
    "cornered leadership, is untouched. What it gives the West is time and visibility: the movement would "
    "probably be observed, which opens a window for warnings — and also, as Blair's work suggests, a "
    "moment of danger if alerts and pre-delegation rise in response. The profile numbers are teaching "
    "assumptions; the structure, not the figures, carries the argument.",
    min_words=40,
    hints=["Separate unauthorised use (a commander acting alone) from authorised use (an order from the "
           "top): which does a custodian stop?",
           "Think of the release time: who gains from hours of visible preparation?"])
