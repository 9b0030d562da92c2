"""Chapter 04 views: ranked answers under chosen weights, the red-line game tree, reputation.

Figure functions return Figures (``fig_*``); the three explorers wrap them with controls.
All model work is done by :mod:`deterrence_lab.response` and :mod:`deterrence_lab.games`.
"""
from __future__ import annotations

import functools
import html

import ipywidgets as W
import numpy as np

from .. import games, response
from ..plotting import OKABE_ITO, SERIES_COLORS, actor_color, new_figure
from ._base import Explorer

OPTION_COLORS = dict(zip(response.OPTION_KEYS, SERIES_COLORS))
OPTION_NAMES = {o.key: o.name for o in response.OPTIONS}
OPTION_SHORT = {"no_response": "no response", "protest": "protest", "sanctions": "sanctions", "volunteers": "volunteers",
                "conventional_strikes": "precision strikes", "conventional_large": "large strike",
                "nuclear_demonstration": "demonstration", "nuclear_in_kind": "nuclear in kind"}
CRITERION_NAMES = {c.key: c.name for c in response.CRITERIA}
_STYLE = {"description_width": "200px"}
_WIDE = W.Layout(width="420px")
SEED = 2023


_SHORT_PLAYER = {games.RUSSIA: "RU", games.US: "US"}


def _player_color(player: str) -> str:
    return {games.RUSSIA: actor_color("russia"), games.US: actor_color("us_nato")}.get(
        player, actor_color("other"))


# --- decision analysis ---------------------------------------------------------------------

def fig_ranked_options(result: response.RankResult, title: str = ""):
    """Options ranked by their likely weighted score, 5-95 % bars, and P(rank first)."""
    order = np.argsort(-result.score_likely, kind="stable")[::-1]
    fig, ax = new_figure(7.5, 4.2)
    y = np.arange(len(order))
    keys = [result.options[i] for i in order]
    ax.barh(y, result.score_likely[order], color=[OPTION_COLORS[k] for k in keys], alpha=0.85)
    ax.errorbar(result.score_median[order], y,
                xerr=[result.score_median[order] - result.score_p05[order],
                      result.score_p95[order] - result.score_median[order]],
                fmt="o", color="black", ms=3, capsize=3, lw=1, label="median, 5-95 %")
    for yi, i in zip(y, order):
        ax.text(10.2, yi, f"P(first) {result.p_first[i]:.0%}", va="center", fontsize=9)
    ax.set_yticks(y, [OPTION_NAMES[k] for k in keys])
    ax.set_xlim(0, 12.5)
    ax.set_xticks(range(0, 11, 2))
    ax.set_xlabel("weighted score (0-10 points, higher is better for the West)")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title or f"Answers ranked ({result.n_draws:,} Monte Carlo draws)")
    return fig


def fig_sensitivity(weights):
    """For each criterion: the range of its weight over which the top option stays on top."""
    rows = response.sensitivity(weights)
    fig, ax = new_figure(7.5, 3.8)
    for y, s in enumerate(rows):
        lo = 0.0 if s.lower is None else s.lower
        hi = 1.0 if s.upper is None else s.upper
        ax.plot([0, 1], [y, y], color=OKABE_ITO["grey"], lw=1)
        ax.plot([lo, hi], [y, y], color=OPTION_COLORS[s.top], lw=6, solid_capstyle="butt")
        ax.plot([s.weight], [y], "o", color="black", ms=5)
        for x, name, ha in ((s.lower, s.lower_top, "right"), (s.upper, s.upper_top, "left")):
            if x is not None:
                ax.text(x + (0.01 if ha == "left" else -0.01), y + 0.3,
                        f"{OPTION_SHORT[name]} at {x:.2f}", fontsize=8, ha=ha)
    ax.set_yticks(range(len(rows)), [CRITERION_NAMES[s.criterion] for s in rows])
    ax.set_ylim(-0.5, len(rows) - 0.3)
    ax.set_xlim(0, 1)
    ax.set_xlabel("weight of this criterion (share of all weight; the others rescaled)")
    ax.set_title(f"Weights that keep '{OPTION_SHORT[rows[0].top]}' on top (dot = now)")
    return fig


def fig_implied_weights(implied: response.ImpliedWeights, reference=None):
    """The weights under which ``implied.option`` ranks first: median and 10-90 % range per
    criterion, against all sampled weightings; ``reference`` weights (e.g. a preset) as
    diamonds."""
    inside = implied.weights[implied.top == response.OPTION_KEYS.index(implied.option)]
    fig, ax = new_figure(7.5, 4.4)
    y = np.arange(len(response.CRITERIA))
    for sample, dy, color, label in (
            (implied.weights, -0.15, OKABE_ITO["grey"], "all random weightings"),
            (inside, 0.15, OPTION_COLORS[implied.option],
             f"where {OPTION_SHORT[implied.option]} rank first ({implied.share:.0%})")):
        if len(sample):
            lo, mid, hi = np.percentile(sample, [10, 50, 90], axis=0)
            ax.errorbar(mid, y + dy, xerr=[mid - lo, hi - mid], fmt="o", color=color, lw=2,
                        capsize=3, label=f"{label}: median, 10-90 %")
    if reference is not None:
        ax.plot(response.normalise_weights(reference), y, "D", color="black", ms=6,
                label="reference weights")
    ax.set_yticks(y, [CRITERION_NAMES[k] for k in response.CRITERION_KEYS])
    ax.set_xlim(0, 0.8)
    ax.set_xlabel("weight (share of all weight)")
    fig.legend(fontsize=8, loc="outside lower center", ncols=2)
    ax.set_title(f"Implied weights: when do {OPTION_SHORT[implied.option]} come first?")
    return fig


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

    def set(self, **values):
        """Set controls; a preset fills in its weights, a weight set by hand means 'custom'."""
        preset = values.get("preset")
        if preset in response.PRESETS:
            values = {**{k: int(v) for k, v in response.PRESETS[preset].items()}, **values}
        elif preset is None and set(values) & set(response.CRITERION_KEYS):
            values = {**values, "preset": "custom"}
        return super().set(**values)

    def _on_change(self, change):
        if self._updating:
            return
        owner = change["owner"]
        if owner is self.controls["preset"]:
            if change["new"] in response.PRESETS:
                self.set(preset=change["new"])
                return
        elif owner not in (self.controls["certainty"], self.controls["weighting"]):
            self.set(preset="custom")    # a slider moved by hand: the weights are now yours
            return
        self.update()

    def _draw(self, preset, certainty, weighting="direct", **weights):
        points = weights
        if weighting == "swing":
            weights = dict(zip(response.CRITERION_KEYS, response.swing_weights(points).tolist()))
        result = response.rank_probabilities(weights, np.random.default_rng(SEED),
                                             n_draws=N_DRAWS, concentration=float(certainty),
                                             score_draws=_score_draws())
        fig = fig_ranked_options(result)
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
        return fig, res, text


# --- game trees ----------------------------------------------------------------------------

def _layout(tree):
    """x, y positions by history: leaves spaced evenly, parents centred over children."""
    pos, leaves = {}, [0]

    def place(node, history, depth):
        kids = games.children(node)
        if not kids:
            pos[history] = (leaves[0], -depth)
            leaves[0] += 1
        else:
            xs = [place(child, history + (label,), depth + 1)[0] for label, child in kids]
            pos[history] = (float(np.mean(xs)), -depth)
        return pos[history]

    place(tree, (), 0)
    return pos


def fig_game_tree(tree, solution: games.Solution | None = None, title: str = ""):
    """Draw a game tree; with a ``solution``, thick coloured edges mark the plan at every
    node and the equilibrium path is the unbroken thick line from the root."""
    players = games.validate_tree(tree)
    pos = _layout(tree)
    n_leaves = sum(1 for h in pos if not any(len(g) > len(h) and g[:len(h)] == h for g in pos))
    depth = -min(y for _, y in pos.values())
    fig, ax = new_figure(max(6.5, 1.5 * n_leaves), 1.3 * depth + 1.6)

    def draw(node, history):
        x0, y0 = pos[history]
        if isinstance(node, games.Terminal):
            text = "\n".join(f"{_SHORT_PLAYER.get(p, p[:8])} {node.payoffs[p]:+.3g}"
                             for p in players)
            ax.text(x0, y0 - 0.12, text, ha="center", va="top", fontsize=8)
            ax.plot([x0], [y0], "s", color="black", ms=4)
            return
        is_decision = isinstance(node, games.Decision)
        color = _player_color(node.player) if is_decision else actor_color("other")
        for label, child in games.children(node):
            x1, y1 = pos[history + (label,)]
            planned = solution is not None and (not is_decision or
                                                solution.plan.get(history) == label)
            on_path = solution is not None and history + (label,) in solution.reached
            ax.plot([x0, x1], [y0, y1], color=color if planned else OKABE_ITO["grey"],
                    lw=4 if on_path else (2 if planned else 1),
                    ls="-" if planned else "--", zorder=1)
            text = label.replace("_", " ")
            if not is_decision:
                text += f" ({dict((lab, p) for lab, p, _ in node.outcomes)[label]:.2g})"
            ax.text((x0 + x1) / 2, (y0 + y1) / 2, text, fontsize=8,
                    ha="center", va="center", bbox={"fc": "white", "ec": "none", "pad": 0.5})
            draw(child, history + (label,))
        marker = "o" if is_decision else "D"
        ax.plot([x0], [y0], marker, color=color, ms=10, zorder=2)
        ax.text(x0, y0 + 0.15, node.player if is_decision else "chance", ha="center",
                fontsize=9, color=color, weight="bold")

    draw(tree, ())
    ax.set_xlim(-0.7, n_leaves - 0.3)
    ax.set_ylim(-depth - 0.9, 0.5)
    ax.axis("off")
    if solution is not None:
        ax.set_title(title or "Backward induction: thick = equilibrium path, dashed = not chosen",
                     fontsize=10)
    elif title:
        ax.set_title(title)
    return fig


def describe_path(path: tuple) -> str:
    """A game path in words, e.g. 'cross → protest → escalate'."""
    return " → ".join(step.replace("_", " ") for step in path)


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

    def _draw(self, **payoffs):
        tree = games.red_line_game(**payoffs)
        sol = games.backward_induction(tree)
        credible = sol.plan[("cross",)] == "conventional_strikes"
        threat_nash = games.is_nash_equilibrium(tree, games.THREAT_PLAN)
        threat_spe = games.is_subgame_perfect(tree, games.THREAT_PLAN)
        fig = fig_game_tree(tree, sol)
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
        return fig, result, text


# --- reputation ------------------------------------------------------------------------------

def fig_reputation(run: games.ReputationRun, title: str = ""):
    """Beliefs that the US is resolute over repeated crises (mean and 10-90 % band) and the
    share of runs in which Russia crosses in each crisis."""
    fig, (ax, ax2) = new_figure(7.5, 5.2, nrows=2, sharex=True,
                                gridspec_kw={"height_ratios": [2, 1]})
    t = np.arange(run.belief_russia.shape[1])
    lo, hi = np.percentile(run.belief_russia, [10, 90], axis=0)
    ax.fill_between(t, lo, hi, color=actor_color("russia"), alpha=0.2, lw=0)
    ax.plot(t, run.belief_russia.mean(axis=0), color=actor_color("russia"), lw=2.5,
            label="Russia (mean, 10-90 % band)")
    for k, prior in enumerate(run.audience_priors):
        ax.plot(t, run.belief_audience[:, :, k].mean(axis=0), color=actor_color("other"),
                ls=["--", ":", "-."][k % 3], lw=1.8, label=f"other state, prior {prior:.2f}")
    ax.set_ylim(0, 1)
    ax.set_ylabel("belief: US is resolute\n(probability)")
    ax.legend(fontsize=8, loc="best")
    ax.set_title(title or f"Reputation over repeated crises ({run.crossed.shape[0]} runs)")
    ax2.bar(t[1:], run.crossed.mean(axis=0), color=actor_color("russia"), alpha=0.6,
            label="crossed")
    ax2.bar(t[1:], run.answered.mean(axis=0), color=actor_color("us_nato"), alpha=0.8,
            label="crossed and answered")
    ax2.set_ylim(0, 1)
    ax2.set_ylabel("share of runs")
    ax2.set_xlabel("crisis number")
    ax2.legend(fontsize=8, loc="upper left")
    return fig


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

    def _draw(self, prior, p_answer, n_crises):
        run = games.simulate_reputation(np.random.default_rng(SEED), prior, p_answer, n_crises)
        fig = fig_reputation(run)
        final = float(run.belief_russia[:, -1].mean())
        crossings = float(run.crossed.sum(axis=1).mean())
        text = (f"After {n_crises} crises Russia's average belief that the US is resolute is "
                f"<b>{final:.2f}</b> (it started at {prior:.2f}); Russia crossed on average "
                f"<b>{crossings:.1f}</b> times per run.")
        return fig, {"final_belief": final, "mean_crossings": crossings}, text


# --- chicken -----------------------------------------------------------------------------------

def fig_chicken(win: float = 1.0, lose: float = 1.0, crash_max: float = 50.0):
    """Chance of a collision in chicken's mixed equilibrium against the cost of a crash."""
    crash = np.linspace(lose + 0.5, crash_max, 200)
    fig, ax = new_figure(6.5, 3.6)
    ax.plot(crash, games.chicken_crash_probability(win, lose, crash),
            color=OKABE_ITO["vermillion"], lw=2)
    ax.set_xlabel("cost of a collision to each side (utils)")
    ax.set_ylabel("P(collision)\n(probability, log scale)")
    ax.set_yscale("log")
    ax.set_title(f"Chicken: gain from standing firm {win:g}, loss from swerving {lose:g}")
    return fig
