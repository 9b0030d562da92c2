"""The decision analysis of the West's answers drawn: ranked options, weight sensitivity,
implied weights (chapter 04)."""
from __future__ import annotations

import numpy as np

from ..models import response
from .style import OKABE_ITO, SERIES_COLORS, new_figure

OPTION_COLORS = dict(zip(response.OPTION_KEYS, SERIES_COLORS))


OPTION_NAMES = {o.key: o.name for o in response.OPTIONS}


OPTION_SHORT = {"no_response": "no response", "protest": "protest", "sanctions": "sanctions", "volunteers": "volunteers",
                "conventional_strikes": "precision strikes", "conventional_large": "large strike",
                "nuclear_demonstration": "demonstration", "nuclear_in_kind": "nuclear in kind"}


CRITERION_NAMES = {c.key: c.name for c in response.CRITERIA}


def ranked_order(result: response.RankResult) -> tuple[str, ...]:
    """The options from the bottom row of :func:`fig_ranked_options` to the top one."""
    return tuple(result.options[i] for i in np.argsort(-result.score_likely, kind="stable")[::-1])


def ranked_options_base(order, n_draws: int, title: str = ""):
    """The axes of :func:`fig_ranked_options` for options in ``order`` (bottom to top):
    names, score axis and title; :func:`draw_ranked_bars` adds bars, ranges and P(first)."""
    fig, ax = new_figure(7.5, 4.2)
    ax.set_yticks(np.arange(len(order)), [OPTION_NAMES[k] for k in order])
    ax.set_xlim(0, 12.5)
    ax.set_xticks(range(0, 11, 2))
    ax.set_xlabel("weighted score (0-10 points, higher is better for the West)")
    ax.set_title(title or f"Answers ranked ({n_draws:,} Monte Carlo draws)")
    return fig


def draw_ranked_bars(ax, result: response.RankResult, keys) -> list:
    """Bars (likely score), 5-95 % ranges, P(first) and the legend on a
    :func:`ranked_options_base` figure with rows ``keys`` (bottom to top); returns what was
    added."""
    index = {k: i for i, k in enumerate(result.options)}
    order = np.array([index[k] for k in keys])
    y = np.arange(len(order))
    bars = ax.barh(y, result.score_likely[order], color=[OPTION_COLORS[k] for k in keys],
                   alpha=0.85)
    ranges = ax.errorbar(result.score_median[order], y,
                         xerr=[result.score_median[order] - result.score_p05[order],
                               result.score_p95[order] - result.score_median[order]],
                         fmt="o", color="black", ms=3, capsize=3, lw=1, label="median, 5-95 %")
    texts = [ax.text(10.2, yi, f"P(first) {result.p_first[i]:.0%}", va="center", fontsize=9)
             for yi, i in zip(y, order)]
    return [bars, ranges, *texts, ax.legend(loc="lower right", fontsize=8)]


def fig_ranked_options(result: response.RankResult, title: str = ""):
    """Options ranked by their likely weighted score, 5-95 % bars, and P(rank first)."""
    order = ranked_order(result)
    fig = ranked_options_base(order, result.n_draws, title)
    draw_ranked_bars(fig.axes[0], result, order)
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
