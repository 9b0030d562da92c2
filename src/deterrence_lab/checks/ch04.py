"""Exercise checks for chapter 04, "The dilemma". Expected answers come from the models."""
from ..models import games, response
from ._core import ChoiceQuestion, NumericQuestion, ReflectionQuestion

_OPED = response.PRESETS["op-ed"]
_DEMO = float(response.weighted_scores(_OPED)[response.OPTION_KEYS.index("nuclear_demonstration")])
_FLIP = {s.criterion: s for s in response.sensitivity(_OPED)}["escalation_safety"]


def _S(criterion: str) -> float:
    return response.get_score("nuclear_demonstration", criterion).likely

q1 = NumericQuestion(
    "Q1", "Weighted score of the nuclear demonstration under the op-ed preset weights.",
    _DEMO, unit="points", rtol=0.01,
    hints=["Divide each weight by the sum of all weights (12) so that the weights add up to 1.",
           "Multiply each *likely* score of `nuclear_demonstration` by its weight and add: "
           "`r.get_score('nuclear_demonstration', c).likely` for each criterion c.",
           "Check with `r.weighted_scores(r.PRESETS['op-ed'])` — the sixth entry."],
    solution=f"(3·{_S('deterrence'):.2f} + 3·{_S('escalation_safety'):.2f} + "
             f"2·{_S('civilian_safety'):.2f} + 1·{_S('military_effect'):.2f} + "
             f"1·{_S('legal_standing'):.2f} + 2·{_S('alliance_signal'):.2f}) / 12 ≈ {_DEMO:.2f} "
             "points: far below the conventional options, mainly because of its escalation, "
             "civilian and legal scores (the first two derived from the escalation chain).")

q2 = NumericQuestion(
    "Q2", "Share of all weight on 'Low escalation risk' at which the top option with the op-ed "
          "weights loses first place.",
    _FLIP.upper, unit="(share)", rtol=0.01,
    hints=["Use `r.reweight(r.PRESETS['op-ed'], 'escalation_safety', x)` for x from 0.25 upwards "
           "and look at `r.ranking(...)[0]`.",
           "`r.sensitivity(r.PRESETS['op-ed'])` solves this exactly; find the row for "
           "escalation_safety and read `.upper`."],
    solution=f"At a share of about {_FLIP.upper:.3f} '{_FLIP.upper_top}' overtakes "
             f"'{_FLIP.top}': a reader who cares more about avoiding escalation than the op-ed "
             "preset prefers the smaller strikes to open war with Russia's forces.")

_Q3_GAME = dict(gain_cross=2.0, damage_strike=1.5, cost_unanswered=3.0)
_Q3_PATH = games.backward_induction(games.red_line_game(**_Q3_GAME)).path
_PATHS = {"A": ("refrain",), "B": ("cross", "protest", "stop"),
          "C": ("cross", "protest", "escalate"), "D": ("cross", "conventional_strikes", "stop"),
          "E": ("cross", "conventional_strikes", "escalate")}
q3 = ChoiceQuestion(
    "Q3", "Subgame-perfect path of the red-line game with gain_cross=2, damage_strike=1.5, "
          "cost_unanswered=3 (other payoffs at their defaults).",
    {k: " → ".join(v) for k, v in _PATHS.items()},
    next(k for k, v in _PATHS.items() if v == _Q3_PATH),
    why_not={"A": "Work out Russia's payoff from crossing *given* the US answer: is it below 0?",
             "B": "After a protest, compare Russia's payoff from stopping and from escalating.",
             "C": "With cost_unanswered=3 the US compares -3 (strike) with -4 (protest).",
             "E": "After a strike, escalation costs Russia the war cost of 10."},
    hints=["Start at the bottom: Russia's choice after a protest and after a strike.",
           "Then the US compares its payoffs at the two ends Russia would pick.",
           "Check with `g.backward_induction(g.red_line_game(gain_cross=2, damage_strike=1.5, "
           "cost_unanswered=3)).path`."],
    solution="After a protest Russia escalates (3 > 2); after strikes it stops (0.5 > -8.5). The US "
             "prefers striking (-3) to protesting and watching further use (-4), so the threat is "
             "credible. But strikes that cost Russia only 1.5 leave crossing worth +0.5, so Russia "
             "crosses anyway: cross → conventional_strikes → stop. Credibility is not enough; the "
             "answer must also hurt more than the crossing gains.")

q4 = ChoiceQuestion(
    "Q4", "In the red-line game with default payoffs, which threat is not credible?",
    {"A": "Russia's threat to escalate if the US only protests",
     "B": "The US threat to strike if Russia crosses",
     "C": "Russia's threat to escalate if the US strikes",
     "D": "There is no non-credible threat: the Nash equilibrium is also subgame-perfect"},
    "B",
    why_not={"A": "After a protest Russia gains by escalating (3 > 2): that threat it would carry out.",
             "C": "Russia does not threaten that in the Nash equilibrium; it would stop after strikes.",
             "D": "`g.is_subgame_perfect(g.red_line_game(), g.THREAT_PLAN)` says otherwise."},
    hints=["A threat is non-credible if the player would not carry it out once the moment came.",
           "Compare the US payoffs after a crossing: strike (-3) against protest (-2)."],
    solution="The US threat to strike. Against it Russia refrains, so it is never tested: "
             "(refrain; strike) is a Nash equilibrium. But after an actual crossing the US loses less "
             "by protesting (-2) than by striking (-3), so backward induction removes the threat.")

_Q5 = float(games.update_belief(0.6, False, 0.9, 0.3))
q5 = NumericQuestion(
    "Q5", "Russia's belief that the US is resolute after one unanswered crossing (prior 0.6; a "
          "resolute US answers with probability 0.9, an irresolute one with 0.3).",
    _Q5, unit="(probability)", rtol=0.01,
    hints=["An unanswered crossing has probability 1 - 0.9 = 0.1 if the US is resolute and "
           "1 - 0.3 = 0.7 if not.",
           "Bayes: 0.6 × 0.1 / (0.6 × 0.1 + 0.4 × 0.7).",
           "Check with `g.update_belief(0.6, False, 0.9, 0.3)`."],
    solution=f"0.06 / (0.06 + 0.28) = 0.06 / 0.34 ≈ {_Q5:.3f}. One unanswered crossing cuts the "
             "belief by more than two thirds, which is the op-ed's worry in numbers.")

_Q6 = float(games.chicken_crash_probability(1.0, 1.0, 20.0))
q6 = NumericQuestion(
    "Q6", "Chance of a collision in chicken's mixed equilibrium with win 1, lose 1, crash 20.",
    _Q6, unit="(probability)", rtol=0.01,
    hints=["Each side stands firm with probability win / (win + crash - lose).",
           "A collision needs both to stand firm: square it."],
    solution=f"P(firm) = 1 / (1 + 20 - 1) = 0.05, so P(collision) = 0.05² = {_Q6:.4f}. A costlier "
             "collision makes each side more careful, but never removes the risk: the threat that "
             "leaves something to chance.")

q7 = ReflectionQuestion(
    "Q7", "Argue for a weighting of the six criteria and say what it implies for the answer.",
    "A defensible answer names its weights and their reasons, then reports what the model does "
    "with them. For example: 'Stopping further use matters most (0.30), but so does staying off "
    "the ladder (0.25); civilian harm (0.15) and legal standing (0.10) express the values the "
    "op-ed defends; military effect (0.10) and the signal to other states (0.10) follow. With "
    "these weights precision strikes come first only narrowly over the large conventional strike, "
    "and rank first in fewer than half of the Monte Carlo draws, so the recommendation depends on "
    "scores that are themselves teaching assumptions.' A strong answer also notes what the weights "
    "cannot capture: that deterrence and escalation risk are not independent, and that the "
    "adversary's reading of an answer matters more than ours.",
    min_words=40,
    hints=["Start from a preset, change it, and say why.",
           "Report the ranking and P(first) from `r.rank_probabilities`."])
