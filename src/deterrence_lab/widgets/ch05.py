"""Chapter 05 views: Kahn's ladder, the compact ladder chain, trajectories, brinkmanship,
cumulative risk and calibration. Figures come from functions that return a Figure; the
explorers wire them to labelled controls. All numbers come from :mod:`deterrence_lab.escalation`."""
from __future__ import annotations

import ipywidgets as W
import numpy as np

from .._display import percent
from ..content import options as opts
from ..models import escalation as esc
from ..views.ladder import (
    _SHORT,
    END_COLORS,
    END_LABELS,
    kahn_ladder_figure,
    ladder_figure,
    ladder_table,
    matrix_table,
    memory_table,
    option_comparison,
    option_comparison_figure,
    option_effects_table,
    outcome_summary,
    path_statistics_table,
    plan_a_table,
    robustness_lines,
    thresholds_table,
    draw_ladder,
    draw_trajectories,
    ladder_base,
    trajectories_base,
    trajectories_figure,
)
from ..views.risk import (brinkmanship_base, brinkmanship_figure, brinkmanship_rounds_shown,
                          draw_brinkmanship, calibration_figure, calibration_posterior_figure,
                          calibration_table, cumulative_risk_base,
                          cumulative_risk_figure, cumulative_risk_top_pct, draw_cumulative_risk)
from ._base import Explorer

__all__ = ['LadderExplorer', 'TrajectoryExplorer', 'BrinkmanshipExplorer', 'CumulativeRiskExplorer', 'END_COLORS', 'END_LABELS', 'kahn_ladder_figure', 'ladder_figure', 'option_comparison_figure', 'trajectories_figure', 'thresholds_table', 'ladder_table', 'option_effects_table', 'plan_a_table', 'brinkmanship_figure', 'cumulative_risk_figure', 'calibration_figure', 'calibration_table', 'option_comparison', 'robustness_lines', 'calibration_posterior_figure',
           'matrix_table', 'outcome_summary', 'path_statistics_table', 'memory_table']

_OPTION_CHOICES = [(("No response (baseline)" if o.key == opts.NO_RESPONSE else o.name), o.key)
                   for o in opts.OPTIONS]
_START_CHOICES = [(s.label, s.key) for s in esc.LADDER_STATES if not s.absorbing]
_STYLE = {"description_width": "190px"}
_WIDE = W.Layout(width="330px")


def _option_dropdown() -> W.Dropdown:
    """The Western-response picker every ladder explorer starts with ("no response" first)."""
    return W.Dropdown(options=_OPTION_CHOICES, value=opts.NO_RESPONSE,
                      description="Western response", style=_STYLE, layout=_WIDE)


def _option(value: str) -> str | None:
    return None if value in ("baseline", opts.NO_RESPONSE) else value


# --- explorers ---------------------------------------------------------------------------


class LadderExplorer(Explorer):
    """Pick a response option and a starting state, scale the climbing and settling, see the odds."""

    title = "The escalation ladder as a Markov chain"

    def _controls(self):
        return {
            "option": _option_dropdown(),
            "memory": W.Checkbox(value=True, description="Ladder remembers a first use",
                                 style=_STYLE, layout=_WIDE),
            "start": W.Dropdown(options=_START_CHOICES, value=esc.FIRST_NUCLEAR_STATE,
                                description="Start from", style=_STYLE, layout=_WIDE),
            "up_scale": W.FloatSlider(value=1.0, min=0.5, max=1.5, step=0.05,
                                      description="Climbing (× baseline)", style=_STYLE, layout=_WIDE),
            "settle_scale": W.FloatSlider(value=1.0, min=0.5, max=1.5, step=0.05,
                                          description="Settling (× baseline)", style=_STYLE,
                                          layout=_WIDE),
        }

    # fast path: boxes, threshold and axes are drawn once; any change redraws the moves,
    # their probabilities, the starting box and the bars over them
    def _static_key(self, **values):
        return "ladder"

    def _draw_static(self, **values):
        return ladder_base()

    def _draw_dynamic(self, fig, option, memory, start, up_scale, settle_scale):
        params = esc.ladder_parameters(_option(option), up_scale=up_scale, settle_scale=settle_scale)
        outcome = esc.ladder_outcome(_option(option), start, up_scale=up_scale,
                                     settle_scale=settle_scale, memory=bool(memory))
        outcome = {k: outcome[k] for k in ("settlement", "general_war", "expected_rounds")}
        artists = draw_ladder(fig, params, start, outcome)
        html = (f"Starting from <b>{_SHORT[start]}</b>, the chain ends in general nuclear war with "
                f"probability <b>{percent(outcome['general_war'])}</b> and in a settlement with "
                f"{percent(outcome['settlement'])}, after about {outcome['expected_rounds']:.1f} rounds "
                "on average. All step probabilities are teaching assumptions.")
        return artists, dict(outcome), html


class TrajectoryExplorer(Explorer):
    """Draw a few sampled paths up and down the ladder, beside the exact timing of endings."""

    title = "Sampled paths over time"

    def _controls(self):
        return {
            "option": _option_dropdown(),
            "n_paths": W.IntSlider(value=40, min=5, max=200, step=5, description="Paths drawn (count)",
                                   style=_STYLE, layout=_WIDE),
            "n_rounds": W.IntSlider(value=40, min=10, max=80, step=5, description="Rounds shown (count)",
                                    style=_STYLE, layout=_WIDE),
            "seed": W.IntText(value=2023, description="Random seed (number)", style=_STYLE, layout=_WIDE),
        }

    # fast path: the axes for one number of paths and rounds are drawn once; an option or a
    # seed redraws the paths and shares over them (the limits, if they move, redraw it all)
    def _static_key(self, option, n_paths, n_rounds, seed):
        return n_paths, n_rounds

    def _draw_static(self, option, n_paths, n_rounds, seed):
        return trajectories_base(n_paths, n_rounds)

    def _draw_dynamic(self, fig, option, n_paths, n_rounds, seed):
        P = esc.ladder_matrix(**esc.ladder_parameters(_option(option)))
        rng = np.random.default_rng(abs(int(seed)))
        paths = esc.sample_trajectories(P, esc.FIRST_NUCLEAR_STATE, n_paths, n_rounds, rng)
        timing = esc.absorption_time_distribution(P, esc.FIRST_NUCLEAR_STATE, n_rounds)
        timing = timing[:, [list(esc.absorbing_states(P)).index(esc.STATE_KEYS.index(k))
                            for k in ("settlement", "general_war")]]
        war = int(np.sum(paths[:, -1] == esc.STATE_KEYS.index("general_war")))
        settled = int(np.sum(paths[:, -1] == esc.STATE_KEYS.index("settlement")))
        exact = timing.sum(axis=0)
        artists = draw_trajectories(fig, paths, timing)
        html = (f"Of {n_paths} sampled paths after {n_rounds} rounds, {settled} settled, {war} reached "
                f"general nuclear war and {n_paths - settled - war} are still on the ladder. Exactly: "
                f"{percent(exact[0])} settle and {percent(exact[1])} reach general war within {n_rounds} "
                "rounds. Change the seed to see how much a small sample varies.")
        return artists, {"settled": settled, "general_war": war, "still_on_ladder": n_paths - settled - war,
                     "exact_settled": float(exact[0]), "exact_general_war": float(exact[1])}, html


class BrinkmanshipExplorer(Explorer):
    """Set each side's resolve and how fast the risk rises; see who backs down or whether disaster
    strikes first."""

    title = "Brinkmanship: a competition in risk-taking"

    def _controls(self):
        return {
            "resolve_russia_pct": W.FloatSlider(value=30.0, min=0.0, max=100.0, step=1.0,
                                                description="Russia's resolve (max risk, %)",
                                                style=_STYLE, layout=_WIDE),
            "resolve_nato_pct": W.FloatSlider(value=20.0, min=0.0, max=100.0, step=1.0,
                                              description="NATO's resolve (max risk, %)",
                                              style=_STYLE, layout=_WIDE),
            "risk_step_pct": W.FloatSlider(value=5.0, min=0.0, max=25.0, step=0.5,
                                           description="Risk added per round (%)", style=_STYLE,
                                           layout=_WIDE),
        }

    # fast path: the axes for one number of rounds shown are drawn once; new limits or a
    # new step redraw the rounds, limits and legend over them
    def _static_key(self, resolve_russia_pct, resolve_nato_pct, risk_step_pct):
        return brinkmanship_rounds_shown(resolve_russia_pct / 100, resolve_nato_pct / 100,
                                         risk_step_pct / 100)

    def _draw_static(self, **values):
        return brinkmanship_base(self._static_key(**values))

    def _draw_dynamic(self, fig, resolve_russia_pct, resolve_nato_pct, risk_step_pct):
        a, b, step = resolve_russia_pct / 100, resolve_nato_pct / 100, risk_step_pct / 100
        out = {k: float(v) for k, v in esc.brinkmanship(a, b, step).items()}
        artists = draw_brinkmanship(fig.axes[0], a, b, step)
        if step == 0:
            story = "No round adds any risk, so nothing forces either side to back down: no disaster."
        else:
            who = ("Russia backs down" if out["russia_backs_down"] > 0 else "NATO backs down"
                   if out["nato_backs_down"] > 0 else "both step back together")
            story = (f"Both run the risk for {int(out['rounds'])} round(s); if disaster has not struck by "
                     f"then, {who} (probability {percent(1 - out['disaster'])}).")
        html = f"{story} Probability of disaster: <b>{percent(out['disaster'])}</b>."
        return artists, out, html


class CumulativeRiskExplorer(Explorer):
    """An annual risk and a number of years: the chance of at least one failure, against Hellman."""

    title = "Cumulative risk over the years"

    def _controls(self):
        return {
            "annual_risk_pct": W.FloatSlider(value=0.1, min=0.01, max=2.0, step=0.01,
                                             description="Annual risk (%/year)", readout_format=".2f",
                                             style=_STYLE, layout=_WIDE),
            "years": W.IntSlider(value=50, min=1, max=100, description="Years", style=_STYLE,
                                 layout=_WIDE),
        }

    # fast path: the axes and Hellman's range for one top of the axis are drawn once; a new
    # risk or number of years redraws the curve, its point and the legend over them
    def _static_key(self, annual_risk_pct, years):
        return cumulative_risk_top_pct(annual_risk_pct / 100, years)

    def _draw_static(self, annual_risk_pct, years):
        return cumulative_risk_base(self._static_key(annual_risk_pct, years))

    def _draw_dynamic(self, fig, annual_risk_pct, years):
        p = annual_risk_pct / 100
        risk = float(esc.cumulative_risk(p, years))
        low, high = (float(esc.cumulative_risk(x, years)) for x in esc.HELLMAN_RANGE_PER_YEAR.values)
        artists = draw_cumulative_risk(fig.axes[0], p, years)
        html = (f"At {annual_risk_pct:.2f}% per year, the chance of at least one failure in {years} years "
                f"is <b>{percent(risk)}</b>. Hellman's range gives {percent(low)} to {percent(high)} over the "
                "same period (and he counted only one way deterrence can fail).")
        return artists, {"cumulative_risk": risk, "hellman_low": low, "hellman_high": high}, html
