"""The escalation ladder drawn: Kahn's 44 rungs, the compact chain's states and outcomes,
option comparison, trajectories, and the chapter's tables (chapter 05)."""
from __future__ import annotations

import textwrap

import numpy as np

from .._display import markdown_table, percent
from ..models import escalation as esc
from .style import OKABE_ITO, SERIES_COLORS, actor_color, new_figure, text_color

END_COLORS = {"settlement": OKABE_ITO["green"], "general_war": OKABE_ITO["black"]}


END_LABELS = {"settlement": "settlement", "general_war": "general war"}


_SHORT = {"conventional_war": "conventional war", "nuclear_threats": "nuclear threats",
          "first_use": "single nuclear use", "battlefield_use": "battlefield use",
          "theatre_exchange": "theatre exchange", "strategic_exchange": "strategic exchange",
          "settlement": "settlement", "general_war": "general war"}



def kahn_ladder_figure():
    """Kahn's 44 rungs with his six thresholds, and the compact ladder's states beside them."""
    fig, ax = new_figure(8.0, 10.0)
    for rung in esc.KAHN_RUNGS:
        ax.text(0.02, rung.number, f"{rung.number:>2}  {rung.name}", va="center", fontsize=8)
    for t in esc.KAHN_THRESHOLDS:
        y = t.below_rung - 0.5
        nuclear = t.name == "No nuclear use"
        ax.axhline(y, color=OKABE_ITO["vermillion"], lw=2.0 if nuclear else 1.0,
                   ls="-" if nuclear else "--")
        ax.text(0.98, y + 0.15, f"{t.name} threshold", ha="right", va="bottom", fontsize=8,
                color=text_color(OKABE_ITO["vermillion"]),
                fontweight="bold" if nuclear else "normal")
    for i, state in enumerate(s for s in esc.LADDER_STATES if s.kahn_rungs):
        lo, hi = state.kahn_rungs
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        ax.add_patch(_band(1.02, lo - 0.45, 0.04, hi - lo + 0.9, color))
        ax.text(1.08, (lo + hi) / 2, _SHORT[state.key], va="center", fontsize=8,
                color=text_color(color))
    ax.set_xlim(0, 1.4)
    ax.set_ylim(0.3, 44.7)
    ax.set_xticks([])
    ax.set_ylabel("rung (1 = ostensible crisis, 44 = spasm or insensate war)")
    ax.grid(False)
    ax.set_title("Kahn's escalation ladder (1965) and the course's compact ladder")
    return fig


def _band(x, y, width, height, color):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), width, height, color=color, alpha=0.8, clip_on=False)


def ladder_figure(params: dict, start: str, outcome: dict):
    """The compact ladder as a diagram with its step probabilities, and bars of where it ends."""
    fig, (ax, bars) = new_figure(9.0, 4.8, 1, 2, gridspec_kw={"width_ratios": [2.3, 1]})
    n = len(esc.TRANSIENT_KEYS)
    for i, key in enumerate(esc.TRANSIENT_KEYS):
        edge = OKABE_ITO["vermillion"] if key == start else OKABE_ITO["grey"]
        ax.text(0.5, i, _SHORT[key], ha="center", va="center", fontsize=9,
                bbox={"boxstyle": "round", "fc": "white", "ec": edge, "lw": 2 if key == start else 1})
        up, down, settle = params["up"][i], params["down"][i], params["settle"][i]
        ax.annotate("", xy=(0.62, i + 0.72), xytext=(0.62, i + 0.28),
                    arrowprops={"arrowstyle": "->", "color": actor_color("russia"), "lw": 0.5 + 6 * up})
        ax.text(0.66, i + 0.5, f"up {up:.2f}", va="center", fontsize=8,
                color=text_color(actor_color("russia")))
        if i > 0:
            ax.annotate("", xy=(0.38, i - 0.72), xytext=(0.38, i - 0.28),
                        arrowprops={"arrowstyle": "->", "color": actor_color("us_nato"),
                                    "lw": 0.5 + 6 * down})
            ax.text(0.34, i - 0.5, f"down {down:.2f}", ha="right", va="center", fontsize=8,
                    color=actor_color("us_nato"))
        ax.annotate("", xy=(1.05, i), xytext=(0.8, i),
                    arrowprops={"arrowstyle": "->", "color": END_COLORS["settlement"],
                                "lw": 0.5 + 6 * settle})
        ax.text(1.07, i, f"settle {settle:.2f}", va="center", fontsize=8,
                color=text_color(END_COLORS["settlement"]))
    ax.text(0.5, n, "GENERAL NUCLEAR WAR", ha="center", va="center", fontsize=9, color="white",
            bbox={"boxstyle": "round", "fc": END_COLORS["general_war"]})
    ax.set_xlim(0, 1.45)
    ax.set_ylim(-0.6, n + 0.6)
    ax.axis("off")
    ax.set_title("One round: climb, step down, settle (or stay)")
    keys = ["settlement", "general_war"]
    values = [outcome[k] for k in keys]
    bars.bar([END_LABELS[k] for k in keys], values, color=[END_COLORS[k] for k in keys])
    for x, v in enumerate(values):
        bars.text(x, v + 0.02, percent(v), ha="center", fontsize=10)
    bars.set_ylim(0, 1.1)
    bars.set_ylabel("probability of ending there")
    bars.set_title("Where it ends")
    return fig


def option_comparison_figure(start: str = esc.FIRST_NUCLEAR_STATE):
    """Probability of general nuclear war by response option, exact, with the baseline marked."""
    keys = list(esc.OPTION_KEYS)
    war = np.array([esc.ladder_outcome(k, start)["general_war"] for k in keys])
    base = esc.ladder_outcome(None, start)["general_war"]
    order = np.argsort(war)
    fig, ax = new_figure(8.5, 4.2)
    ax.barh([textwrap.fill(esc.OPTION_EFFECTS[keys[i]].label, 34) for i in order], 100 * war[order],
            color=[SERIES_COLORS[i % len(SERIES_COLORS)] for i in order])
    ax.axvline(100 * base, color=OKABE_ITO["black"], ls="--", lw=1)
    ax.text(100 * base, -0.9, f" baseline {percent(base)}", fontsize=9, va="bottom")
    for y, i in enumerate(order):
        ax.text(100 * war[i] + 0.3, y, percent(war[i]), va="center", fontsize=9)
    ax.set_xlabel("probability of general nuclear war (%)")
    ax.set_xlim(0, 100 * war.max() * 1.2)
    ax.set_title(f"Response options compared (from {_SHORT[start]})")
    ax.tick_params(axis="y", labelsize=8)
    return fig


def trajectories_figure(paths: np.ndarray, timing: np.ndarray):
    """Sampled paths over rounds (left) and the exact share of paths ended by each round (right)."""
    fig, (ax, share) = new_figure(10.0, 4.2, 1, 2, gridspec_kw={"width_ratios": [1.6, 1]})
    rounds = np.arange(paths.shape[1])
    jitter = np.linspace(-0.25, 0.25, paths.shape[0])
    war, settle = esc.STATE_KEYS.index("general_war"), esc.STATE_KEYS.index("settlement")
    height = {i: i for i in range(len(esc.TRANSIENT_KEYS))}
    height[war], height[settle] = len(esc.TRANSIENT_KEYS), -1
    level = np.vectorize(height.get)(paths)
    for row, path in enumerate(level):
        end = paths[row, -1]
        color = (END_COLORS["general_war"] if end == war else END_COLORS["settlement"] if end == settle
                 else OKABE_ITO["grey"])
        ax.step(rounds, path + jitter[row], where="post", color=color, alpha=0.5, lw=1)
    ax.set_yticks(range(-1, len(esc.TRANSIENT_KEYS) + 1),
                  ["settlement"] + [_SHORT[k] for k in esc.TRANSIENT_KEYS] + ["general war"], fontsize=8)
    ax.set_xlabel("round (one round of decisions by both sides)")
    ax.set_title(f"{paths.shape[0]} sampled paths")
    cum = np.cumsum(timing, axis=0)
    k = np.arange(1, timing.shape[0] + 1)
    share.plot(k, 100 * cum[:, 0], color=END_COLORS["settlement"], label="settled by then")
    share.plot(k, 100 * cum[:, 1], color=END_COLORS["general_war"], label="general war by then")
    share.set_xlabel("round")
    share.set_ylabel("share of all paths (%, exact)")
    share.set_ylim(0, 100)
    share.legend(loc="center right")
    share.set_title("How fast it ends")
    return fig


def thresholds_table():
    """Kahn's thresholds and the rung each lies just below."""
    return markdown_table(["threshold", "lies just below rung", "that rung"],
                          [[t.name, t.below_rung, esc.kahn_rung(t.below_rung).name]
                           for t in esc.KAHN_THRESHOLDS])


def ladder_table(params=None):
    """The compact ladder's transient states, the Kahn rungs each stands for, and its step
    probabilities (``params`` from :func:`escalation.ladder_parameters`; baseline by default)."""
    params = esc.ladder_parameters() if params is None else params
    transient = [s for s in esc.LADDER_STATES if not s.absorbing]
    rows = []
    for i, s in enumerate(transient):
        low, high = s.kahn_rungs
        rungs = str(low) if low == high else f"{low}–{high}"
        rows.append([s.label, rungs] + [f"{params[k][i]:.2f}" for k in ("up", "down", "settle")])
    return markdown_table(["state", "stands for Kahn rungs", "up", "down", "settle"], rows)


def option_effects_table():
    """How each response option scales the chain's steps, with the reason (teaching assumptions)."""
    return markdown_table(["option", "climb ×", "step down ×", "settle ×", "why (assumption)"],
                          [[e.label, e.up_factor, e.down_factor, e.settle_factor, e.reason]
                           for e in esc.OPTION_EFFECTS.values()])


def plan_a_table():
    """The phases of Princeton's "Plan A" simulation with their casualty figures."""
    rows = [[ph.phase, ph.description, ph.duration, f"{ph.casualties_million:g}"]
            for ph in esc.PLAN_A]
    total = esc.PLAN_A_TOTAL_MILLION
    rows.append(["Whole war", "total dead and injured", "under 5 hours",
                 f"{total['dead']:g} dead + {total['injured']:g} injured"])
    return markdown_table(["phase", "what happens", "duration", "casualties (million)"], rows)
