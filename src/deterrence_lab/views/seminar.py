"""The crisis seminar's debrief plot and the timeline of events after February 2023 (chapter
06)."""
from __future__ import annotations

import html
import textwrap

import numpy as np

from ..content import verdict
from ..models import escalation, seminar
from .style import OKABE_ITO, new_figure

_SHORT = {"conventional_war": "conventional war", "nuclear_threats": "nuclear threats",
          "first_use": "single nuclear use", "battlefield_use": "battlefield nuclear use",
          "theatre_exchange": "theatre exchange", "strategic_exchange": "strategic exchange",
          "settlement": "settlement", "general_war": "general nuclear war",
          "threats_after_use": "threats after a use",
          "conventional_after_use": "conventional war after a use"}
# One label per ladder height; the after-use states share the heights of their pre-use twins.
_LEVEL_LABELS = {-1: "settlement", 0: "conventional war", 1: "nuclear threats",
                 2: "single nuclear use", 3: "battlefield nuclear use", 4: "theatre exchange",
                 5: "strategic exchange", 6: "general nuclear war"}


# Ladder height for plotting: settlement below the ladder, general war above it.
_HEIGHT = {s.key: s.level for s in escalation.LADDER_STATES}


_MARKERS = {"conditioned": ("s", "chance draw below the threshold"),
            "scripted": ("*", "scripted by the scenario"),
            "drawn": ("o", "chance draw on the whole ladder")}


_KIND_COLORS = {"warning": OKABE_ITO["blue"], "estimate": OKABE_ITO["sky_blue"],
                "battlefield": OKABE_ITO["orange"], "law": OKABE_ITO["purple"],
                "op-ed": OKABE_ITO["black"], "deployment": OKABE_ITO["vermillion"],
                "doctrine": OKABE_ITO["green"], "record": OKABE_ITO["grey"],
                "arms control": OKABE_ITO["yellow"]}


def _html_table(header, rows) -> str:
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>"
                   for h in header)
    body = "".join("<tr>" + "".join(f"<td style='padding:2px 8px;vertical-align:top'>"
                                    f"{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _with_note(label: str, note: str | None) -> str:
    return f"{label} (reason: {note})" if note else label


def debrief_figure(state: seminar.GameState):
    """The path the game took on the ladder (top) and the probabilities along the way (bottom)."""
    fig, (path_ax, prob_ax) = new_figure(8.0, 7.0, 2, 1, sharex=True,
                                         gridspec_kw={"height_ratios": [1.25, 1]})
    rounds = [0] + [h["round"] for h in state.history]
    heights = [_HEIGHT[escalation.TRANSIENT_KEYS[0]]] + [_HEIGHT[h["state_after"]]
                                                         for h in state.history]
    path_ax.plot(rounds, heights, color=OKABE_ITO["black"], lw=1.5, drawstyle="steps-post",
                 alpha=0.6)
    path_ax.plot([0], heights[:1], "o", color=OKABE_ITO["grey"], ms=8, label="start")
    for kind, (marker, label) in _MARKERS.items():
        pts = [(h["round"], _HEIGHT[h["state_after"]]) for h in state.history
               if h["transition"] == kind]
        if pts:
            x, y = zip(*pts)
            path_ax.plot(x, y, marker, color=OKABE_ITO["vermillion"], ms=12 if marker == "*" else 8,
                         label=label, linestyle="none")
    threshold = _HEIGHT[escalation.FIRST_NUCLEAR_STATE] - 0.5
    path_ax.axhline(threshold, color=OKABE_ITO["vermillion"], ls="--", lw=1)
    path_ax.text(0.02, threshold + 0.1, "nuclear threshold", color=OKABE_ITO["vermillion"],
                 fontsize=9, transform=path_ax.get_yaxis_transform())
    path_ax.set_yticks(list(_LEVEL_LABELS), list(_LEVEL_LABELS.values()))
    path_ax.set_ylim(-1.5, _HEIGHT["general_war"] + 0.5)
    path_ax.set_ylabel("where the crisis stands\n(compact ladder, chapter 05)")
    path_ax.legend(loc="upper left", fontsize=8, frameon=False, ncol=2)
    path_ax.set_title("\n".join(textwrap.wrap("The path taken" + (f". {state.outcome}" if state.over
                                                                else ""), 80)), fontsize=11)

    series = (("p_nuclear_use", "chance of reaching nuclear use (again)", OKABE_ITO["vermillion"]),
              ("p_general_war", "chance the chain ends in general war", OKABE_ITO["black"]),
              ("p_settlement", "chance the chain ends in settlement", OKABE_ITO["green"]))
    for key, label, colour in series:
        pts = [(h["round"], 100 * h[key]) for h in state.history if h[key] is not None]
        if pts:
            x, y = zip(*pts)
            prob_ax.plot(x, np.maximum(y, 0.01), "o-", color=colour, label=label)
    prob_ax.set_yscale("log")
    prob_ax.set_ylim(0.05, 150)
    prob_ax.set_ylabel("probability if moves were kept (%)")
    prob_ax.set_xlabel("round")
    prob_ax.set_xlim(-0.3, state.max_rounds + 0.3)
    prob_ax.set_xticks(range(0, state.max_rounds + 1))
    if state.history:
        prob_ax.legend(loc="lower left", fontsize=8, frameon=False)
    else:
        prob_ax.text(0.5, 0.5, "probabilities appear once a round is played", ha="center",
                     transform=prob_ax.transAxes, color=OKABE_ITO["grey"])
    return fig


def timeline_figure():
    """The dated events of the verdict's timeline, one row each, with the op-ed's date marked."""
    events = verdict.timeline()
    fig, ax = new_figure(10.0, 0.36 * len(events) + 1.4)
    y = np.arange(len(events))[::-1]
    for yi, e in zip(y, events):
        ax.plot(e.year, yi, "o", ms=9, color=_KIND_COLORS[e.kind])
    ax.set_yticks(y, [f"{e.date}  {e.title}" for e in events], fontsize=9)
    oped = next(e for e in events if e.kind == "op-ed").year
    ax.axvline(oped, color=OKABE_ITO["black"], lw=1, ls="--")
    ax.text(oped + 0.03, y[0] + 0.6, "the op-ed", fontsize=9)
    for kind, colour in _KIND_COLORS.items():
        ax.plot([], [], "o", color=colour, label=kind)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, frameon=False, fontsize=8)
    ax.set_xlim(2022.0, 2026.0)
    ax.set_xticks([2022, 2023, 2024, 2025, 2026])
    ax.set_xlabel("date (year)")
    ax.set_ylim(-0.7, len(events) - 0.2)
    ax.set_title("What happened before and after the op-ed (sources in the table below)")
    return fig
