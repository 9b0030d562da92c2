"""Chapter 04 views: ranked answers under chosen weights, the red-line game tree, reputation.

Figure functions return Figures (``fig_*``); the three explorers wrap them with controls.
All model work is done by :mod:`deterrence_lab.response` and :mod:`deterrence_lab.games`.
"""
from __future__ import annotations

import functools
import html

import ipywidgets as W
import numpy as np

from ..models import games, response
from ..views.decision import (
    CRITERION_NAMES,
    OPTION_COLORS,
    OPTION_NAMES,
    OPTION_SHORT,
    draw_ranked_bars,
    fig_implied_weights,
    fig_ranked_options,
    fig_sensitivity,
    ranked_options_base,
    ranked_order,
)
from ..views.games import (describe_path, draw_reputation, draw_tree_solution, fig_chicken,
                           fig_game_tree, fig_reputation, game_tree_base, plan_table,
                           reputation_base)
from ._base import Explorer

__all__ = ['WeightExplorer', 'RedLineExplorer', 'ReputationExplorer', 'SEED', 'N_DRAWS', 'OPTION_COLORS', 'OPTION_NAMES', 'OPTION_SHORT', 'CRITERION_NAMES', 'fig_ranked_options', 'fig_sensitivity', 'fig_implied_weights', 'fig_game_tree', 'describe_path', 'fig_reputation', 'fig_chicken',
           'plan_table']

_STYLE = {"description_width": "200px"}
_WIDE = W.Layout(width="420px")
SEED = 2023


# --- decision analysis ---------------------------------------------------------------------


N_DRAWS = 2000


@functools.lru_cache(maxsize=1)
def _score_draws() -> np.ndarray:
    """One fixed set of score draws, shared by every redraw (scores do not depend on weights)."""
    draws = response.sample_scores(N_DRAWS, np.random.default_rng(SEED))
    draws.setflags(write=False)
    return draws


class WeightExplorer(Explorer):
    """Weight sliders (one per criterion) and presets → ranked answers with uncertainty."""

    title = "Weigh the answers: how important is each criterion to you?"

    def _controls(self):
        preset = W.ToggleButtons(options=["op-ed", "hawk", "dove", "custom"], value="op-ed",
                                 description="Load weights", style=_STYLE,
                                 tooltips=["read from the op-ed (a teaching assumption)",
                                           "credibility first", "avoid escalation first",
                                           "your own"])
        sliders = {c.key: W.IntSlider(value=int(response.PRESETS["op-ed"][c.key]), min=0, max=10,
                                      description=f"{c.name} (points)", style=_STYLE,
                                      layout=_WIDE, tooltip=c.description)
                   for c in response.CRITERIA}
        certainty = W.IntSlider(value=50, min=5, max=500, step=5, style=_STYLE, layout=_WIDE,
                                description="Weight certainty (Dirichlet conc.)",
                                tooltip="How closely the random weights stay to yours: at 500 "
                                        "they barely move, at 5 they wander widely")
        weighting = W.ToggleButtons(options=[("direct weights", "direct"),
                                             ("swing weights", "swing")], value="direct",
                                    description="The points are", style=_STYLE,
                                    tooltips=["importance of each criterion's 0-10 scale",
                                              "worth of moving from the worst to the best "
                                              "option on each criterion"])
        return {"preset": preset, **sliders, "certainty": certainty, "weighting": weighting}

    def _fill_in(self, changed):
        """A preset fills in its weights; a weight set by hand makes the preset 'custom'."""
        if changed.get("preset") in response.PRESETS:
            return {k: int(v) for k, v in response.PRESETS[changed["preset"]].items()}
        if "preset" not in changed and set(changed) & set(response.CRITERION_KEYS):
            return {"preset": "custom"}
        return {}

    def _ranks(self, certainty, weighting, weights):
        """Weights used and the ranking result (the last one kept: an update asks three times)."""
        key = (certainty, weighting, tuple(sorted(weights.items())))
        last = getattr(self, "_last_ranks", None)
        if last is not None and last[0] == key:
            return last[1]
        self._last_ranks = (key, self._rank(certainty, weighting, weights))
        return self._last_ranks[1]

    @staticmethod
    def _rank(certainty, weighting, weights):
        points = weights
        if weighting == "swing":
            weights = dict(zip(response.CRITERION_KEYS, response.swing_weights(points).tolist()))
        result = response.rank_probabilities(weights, np.random.default_rng(SEED),
                                             n_draws=N_DRAWS, concentration=float(certainty),
                                             score_draws=_score_draws())
        return weights, result

    # fast path: the axes for one order of the answers are drawn once; new weights redraw
    # the bars, ranges and P(first) over them
    def _static_key(self, preset, certainty, weighting="direct", **weights):
        return ranked_order(self._ranks(certainty, weighting, weights)[1])

    def _draw_static(self, preset, certainty, weighting="direct", **weights):
        result = self._ranks(certainty, weighting, weights)[1]
        return ranked_options_base(ranked_order(result), result.n_draws)

    def _draw_dynamic(self, fig, preset, certainty, weighting="direct", **weights):
        weights, result = self._ranks(certainty, weighting, weights)
        artists = draw_ranked_bars(fig.axes[0], result, ranked_order(result))
        ranking = response.ranking(weights)
        p_first = dict(zip(result.options, result.p_first.tolist()))
        top = ranking[0]
        note = ("" if preset == "custom" else
                f" Preset '{preset}' is a teaching assumption, not the authors' own numbers.")
        how = ("Points are read as swing weights: the worth of moving from the worst to the best "
               "option on each criterion. " if weighting == "swing" else "")
        text = (f"{how}With these weights <b>{OPTION_NAMES[top]}</b> scores best on the likely "
                f"values; over the uncertainty it comes first in {p_first[top]:.0%} of draws. "
                f"The random weights are drawn around yours from a Dirichlet distribution with "
                f"concentration {certainty}: the larger it is, the closer they stay to yours."
                f"{note}")
        res = {"weights": dict(zip(response.CRITERION_KEYS,
                                   response.normalise_weights(weights).tolist())),
               "ranking": ranking, "p_first": p_first,
               "scores": dict(zip(result.options, result.score_likely.tolist()))}
        return artists, res, text


# --- game trees ----------------------------------------------------------------------------


class RedLineExplorer(Explorer):
    """The red-line game with payoff sliders; the subgame-perfect path is highlighted."""

    title = "The red-line game: is the threat to strike credible?"

    def _controls(self):
        def slider(name, value, text, high=12.0):
            return W.FloatSlider(value=value, min=0.0, max=high, step=0.5, style=_STYLE,
                                 layout=_WIDE, description=f"{text} (utils)")

        return {"gain_cross": slider("gain_cross", 2.0, "Russia's gain from crossing"),
                "gain_escalate": slider("gain_escalate", 1.0, "Russia's gain from more use"),
                "cost_unanswered": slider("cost_unanswered", 1.0, "US loss if only protesting"),
                "damage_strike": slider("damage_strike", 4.0, "Damage of strikes to Russia"),
                "cost_strike": slider("cost_strike", 3.0, "US cost of striking"),
                "cost_war": slider("cost_war", 10.0, "Cost of war to each", high=30.0)}

    # fast path: nodes, players and moves are drawn once (payoffs do not change the tree's
    # shape); new payoffs redraw the edges and the payoffs at the leaves over them
    def _static_key(self, **payoffs):
        return "tree"

    def _draw_static(self, **payoffs):
        return game_tree_base(games.red_line_game(**payoffs))

    def _draw_dynamic(self, fig, **payoffs):
        tree = games.red_line_game(**payoffs)
        sol = games.backward_induction(tree)
        credible = sol.plan[("cross",)] == "conventional_strikes"
        threat_nash = games.is_nash_equilibrium(tree, games.THREAT_PLAN)
        threat_spe = games.is_subgame_perfect(tree, games.THREAT_PLAN)
        artists = draw_tree_solution(fig.axes[0], tree, sol)
        verdict = "credible" if credible else "not credible"
        text = (f"Subgame-perfect path: <b>{html.escape(describe_path(sol.path))}</b> "
                f"(Russia {sol.payoffs[games.RUSSIA]:+.3g}, US {sol.payoffs[games.US]:+.3g}). "
                f"After a crossing the US would rather "
                f"{'strike' if credible else 'protest'}: the threat to strike is <b>{verdict}</b>. "
                f"'Russia refrains because the US would strike' is "
                f"{'a' if threat_nash else 'not a'} Nash equilibrium and "
                f"{'is' if threat_spe else 'is not'} subgame-perfect.")
        result = {"path": sol.path, "plan": sol.plan, "payoffs": sol.payoffs,
                  "credible": credible, "threat_nash": threat_nash, "threat_spe": threat_spe}
        return artists, result, text


# --- reputation ------------------------------------------------------------------------------


class ReputationExplorer(Explorer):
    """Prior belief, US response policy and number of crises → simulated beliefs."""

    title = "Reputation: what do Russia and other states learn from each answer?"

    def _controls(self):
        return {
            "prior": W.FloatSlider(value=0.5, min=0.05, max=0.95, step=0.05, style=_STYLE,
                                   layout=_WIDE, description="Russia's prior (probability)"),
            "p_answer": W.FloatSlider(value=0.9, min=0.0, max=1.0, step=0.05, style=_STYLE,
                                      layout=_WIDE, description="US answers firmly (probability)"),
            "n_crises": W.IntSlider(value=10, min=1, max=30, style=_STYLE, layout=_WIDE,
                                    description="Number of crises (count)"),
        }

    # fast path: the axes for one number of crises are drawn once; a new prior or policy
    # redraws beliefs, bars and legends over them
    def _static_key(self, prior, p_answer, n_crises):
        return n_crises

    def _draw_static(self, prior, p_answer, n_crises):
        run = games.simulate_reputation(np.random.default_rng(SEED), prior, p_answer, n_crises)
        return reputation_base(n_crises, run.crossed.shape[0])

    def _draw_dynamic(self, fig, prior, p_answer, n_crises):
        run = games.simulate_reputation(np.random.default_rng(SEED), prior, p_answer, n_crises)
        artists = draw_reputation(fig, run)
        final = float(run.belief_russia[:, -1].mean())
        crossings = float(run.crossed.sum(axis=1).mean())
        text = (f"After {n_crises} crises Russia's average belief that the US is resolute is "
                f"<b>{final:.2f}</b> (it started at {prior:.2f}); Russia crossed on average "
                f"<b>{crossings:.1f}</b> times per run.")
        return artists, {"final_belief": final, "mean_crossings": crossings}, text
