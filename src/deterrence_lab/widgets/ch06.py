"""Chapter 06 views: the crisis seminar's control panel, its debrief plot, the timeline
after February 2023 and a sheet for recording verdicts.

:class:`CrisisSeminar` works on one shared projector (the control cell enters each team's
move and presses *Advance*) and for a self-learner who plays every side in turn. It holds
no game logic: every number comes from :mod:`deterrence_lab.seminar`, which calls the
chapter models. Like every course widget it is driveable from Python: ``w.set(moscow=...)``,
``w.advance()``, ``w.result``.
"""
from __future__ import annotations

import html
import textwrap

import ipywidgets as W
import numpy as np

from .. import argument, escalation, seminar, verdict
from .._validate import check_choice
from ..plotting import OKABE_ITO, new_figure, style, to_png
from .ch00 import draw_argument_map

_SHORT = {"conventional_war": "conventional war", "nuclear_threats": "nuclear threats",
          "first_use": "single nuclear use", "battlefield_use": "battlefield nuclear use",
          "theatre_exchange": "theatre exchange", "strategic_exchange": "strategic exchange",
          "settlement": "settlement", "general_war": "general nuclear war"}
# Ladder height for plotting: settlement below the ladder, general war above it.
_HEIGHT = {**{k: i for i, k in enumerate(escalation.TRANSIENT_KEYS)},
           "settlement": -1, "general_war": len(escalation.TRANSIENT_KEYS)}
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


# --- figures ---------------------------------------------------------------------------


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
    ticks = sorted(_HEIGHT.values())
    path_ax.set_yticks(ticks, [_SHORT[k] for k in sorted(_HEIGHT, key=_HEIGHT.get)])
    path_ax.set_ylim(-1.5, len(escalation.TRANSIENT_KEYS) + 0.5)
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


VERDICT_COLORS = {"holds": OKABE_ITO["green"], "holds with qualifications": OKABE_ITO["sky_blue"],
                  "needs correction": OKABE_ITO["vermillion"], "open": OKABE_ITO["yellow"],
                  "value judgement": OKABE_ITO["purple"], None: "#dddddd"}


def verdict_map_figure(verdicts=None, title="The model answer"):
    """Chapter 00's argument map with each claim coloured by its verdict: the model answer, or
    ``verdicts`` (a dict from claim ids to verdict options, None = not yet given)."""
    if verdicts is None:
        chosen = {v.claim: v.model for v in verdict.VERDICTS}
    else:
        chosen = verdict.check_verdicts(verdicts)
    fig, ax = new_figure(11.0, 6.6)
    draw_argument_map(ax, {c.id: VERDICT_COLORS[chosen[c.id]] for c in argument.CLAIMS})
    for name, colour in VERDICT_COLORS.items():
        ax.scatter([], [], marker="s", s=90, color=colour, label=name or "not yet")
    ax.legend(title="verdict", loc="upper center", ncol=3, frameon=False,
              bbox_to_anchor=(0.5, 0.0))
    ax.set_title(f"{title}: the op-ed's argument map, claim by claim")
    return fig


# --- the crisis seminar's control panel ---------------------------------------------------


class CrisisSeminar:
    """Each team's move per round, the control cell's *Advance*, the report, the decision log
    and the debrief plot; save and load a game as a JSON file."""

    title = "Crisis seminar: the control cell"

    def __init__(self, seed: int = 2023, teams=seminar.TEAM_KEYS, max_rounds: int = 5):
        self.game = seminar.new_game(seed, teams, max_rounds)
        self._settings = {"seed": seed, "teams": teams, "max_rounds": max_rounds}
        self.controls = {k: W.Dropdown(description=seminar.team(k).name,
                                       style={"description_width": "150px"},
                                       layout=W.Layout(width="560px"))
                         for k in self.game.teams}
        self.notes = {k: W.Text(placeholder=f"{seminar.team(k).name}: one-sentence reason "
                                "(optional)", layout=W.Layout(width="560px"))
                      for k in self.game.teams}
        self.situation = W.HTML()
        self.advance_button = W.Button(description="Advance: play this round", icon="forward",
                                       button_style="primary", layout=W.Layout(width="260px"),
                                       tooltip="Control cell: record the moves and show what "
                                               "follows")
        self.advance_button.on_click(lambda _: self.advance())
        self.reset_button = W.Button(description="New game", icon="undo",
                                     tooltip="Start again from round 1 with the same seed")
        self.reset_button.on_click(lambda _: self.reset())
        self.report = W.HTML()
        self.log = W.HTML()
        self.image = W.Image(format="png", layout=W.Layout(width="100%", max_width="760px"))
        self.path = W.Text(value="crisis_seminar_save.json", description="Save file",
                           layout=W.Layout(width="420px"))
        self.save_button = W.Button(description="Save game", icon="save")
        self.save_button.on_click(lambda _: self.save(self.path.value))
        self.load_button = W.Button(description="Load game", icon="folder-open")
        self.load_button.on_click(lambda _: self.load(self.path.value))
        self.status = W.HTML()
        rows = [W.VBox([self.controls[k], self.notes[k]]) for k in self.game.teams]
        self.ui = W.VBox([
            W.HTML(f"<b>{self.title}</b>"), self.situation, *rows,
            W.HBox([self.advance_button, self.reset_button]), self.report,
            W.HTML("<b>Decisions so far</b>"), self.log, self.image,
            W.HBox([self.path, self.save_button, self.load_button]), self.status])
        self._refresh()

    # -- behaviour --------------------------------------------------------------------
    @property
    def result(self) -> dict:
        """The game's position: next round, ladder state, whether it is over, rounds played."""
        g = self.game
        return {"round": g.round, "ladder_state": g.ladder_state, "over": g.over,
                "outcome": g.outcome, "rounds_played": len(g.history)}

    def set(self, **moves) -> dict:
        """Choose moves for teams, e.g. ``set(moscow="seek_talks")``; unknown teams or moves are
        an error that lists the valid ones."""
        for key, value in moves.items():
            check_choice("team", key, self.game.teams)
            check_choice(f"move of {key}", value,
                                 [m.key for m in seminar.menu(key, self.game.round)])
        for key, value in moves.items():
            self.controls[key].value = value
        return self.result

    def advance(self) -> dict:
        """The control cell's step: play the round with the chosen moves and show what follows."""
        choices = {k: c.value for k, c in self.controls.items()}
        notes = {k: t.value for k, t in self.notes.items() if t.value.strip()}
        try:
            self.game = seminar.advance(self.game, choices, notes)
        except ValueError as error:
            self.status.value = f"<span style='color:#D55E00'>⚠ {html.escape(str(error))}</span>"
            return self.result
        for text in self.notes.values():
            text.value = ""
        self.status.value = ""
        self._refresh()
        return self.result

    def reset(self) -> dict:
        """A new game with the same seed, teams and number of rounds."""
        self.game = seminar.new_game(**self._settings)
        self.status.value = ""
        self._refresh()
        return self.result

    def save(self, path) -> bool:
        """Save the game to ``path`` (JSON); says where, or why it failed."""
        try:
            seminar.save(self.game, path)
        except OSError as error:
            self.status.value = (f"<span style='color:#D55E00'>⚠ not saved: "
                                 f"{html.escape(str(error))}</span>")
            return False
        self.status.value = (f"Saved after round {len(self.game.history)} to "
                             f"{html.escape(str(path))}.")
        return True

    def load(self, path) -> bool:
        """Load a saved game; a bad or missing file leaves the current game as it was."""
        try:
            game = seminar.load(path)
        except (OSError, ValueError) as error:
            self.status.value = (f"<span style='color:#D55E00'>⚠ not loaded, the current game is "
                                 f"unchanged: {html.escape(str(error))}</span>")
            return False
        if set(game.teams) != set(self.controls):
            self.status.value = ("<span style='color:#D55E00'>⚠ not loaded, the current game is "
                                 "unchanged: the saved game has other teams "
                                 f"({', '.join(game.teams)}); open it with CrisisSeminar(teams=...)"
                                 "</span>")
            return False
        self.game = game
        self._refresh()
        self.status.value = f"Loaded {html.escape(str(path))}: round {game.round} is next."
        return True

    # -- display ----------------------------------------------------------------------
    def _refresh(self) -> None:
        g = self.game
        if g.over:
            self.situation.value = (f"<p><b>The game has ended.</b> {html.escape(g.outcome)} "
                                    "Go on to the debrief.</p>")
        else:
            stage = seminar.round_info(g.round)
            self.situation.value = (f"<p><b>Round {g.round} of at most {g.max_rounds}: "
                                    f"{html.escape(stage.title)}</b><br>{html.escape(stage.situation)}"
                                    f"<br><i>The crisis stands at: "
                                    f"{html.escape(_SHORT[g.ladder_state])}.</i></p>")
            for key, control in self.controls.items():
                options = [(m.label, m.key) for m in seminar.menu(key, g.round)]
                keep = control.value if control.value in [o[1] for o in options] else options[0][1]
                control.options = options
                control.value = keep
        for widget in (*self.controls.values(), *self.notes.values(), self.advance_button):
            widget.disabled = g.over
        if g.history:
            parts = seminar.consequences(g, len(g.history))
            last = g.history[-1]
            self.report.value = (f"<p><b>Control cell's report on round {last['round']}</b></p>" +
                                 "".join(f"<p><i>{html.escape(name.capitalize())}.</i> "
                                         f"{html.escape(text)}</p>" for name, text in parts.items()))
        else:
            self.report.value = "<p><i>No round played yet.</i></p>"
        header = ["round"] + [seminar.team(k).name for k in g.teams] + ["crisis after the round"]
        rows = [[h["round"]] + [_with_note(seminar.move(k, h["round"], d["choices"][k]).label,
                                           d["notes"].get(k)) for k in g.teams]
                + [_SHORT[h["state_after"]]] for d, h in zip(g.decisions, g.history)]
        self.log.value = _html_table(header, rows) if rows else "<p><i>none yet</i></p>"
        with style():
            self.image.value = to_png(debrief_figure(g))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.ui)


# --- the verdict sheet ----------------------------------------------------------------------


class VerdictRecorder:
    """A verdict per claim from a menu; *Compare* shows the model answer beside yours."""

    title = "Your verdicts on the op-ed's claims"
    NOT_YET = "— not yet —"

    def __init__(self):
        # "" stands for "not yet": a Dropdown shows no label at all for the value None.
        options = [(self.NOT_YET, "")] + [(f"{k}: {v}", k) for k, v in
                                          verdict.VERDICT_OPTIONS.items()]
        self.controls = {c.id: W.Dropdown(options=options, value="",
                                          description=f"{c.id} {c.term_en}",
                                          style={"description_width": "320px"},
                                          layout=W.Layout(width="780px"))
                         for c in argument.CLAIMS}
        self.compare_button = W.Button(description="Compare with the model answer",
                                       icon="balance-scale",
                                       layout=W.Layout(width="280px"))
        self.compare_button.on_click(lambda _: self.compare())
        self.reset_button = W.Button(description="Reset", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.output = W.HTML()
        self.ui = W.VBox([W.HTML(f"<b>{self.title}</b>"), *self.controls.values(),
                          W.HBox([self.compare_button, self.reset_button]), self.output])

    @property
    def result(self) -> dict:
        """Your verdicts, ``{"C1": "open", ...}`` (None where not yet given)."""
        return verdict.check_verdicts({k: c.value or None for k, c in self.controls.items()})

    def set(self, **verdicts) -> dict:
        """Record verdicts, e.g. ``set(C4="needs correction")``; None or "" is "not yet"."""
        verdict.check_verdicts({k: v or None for k, v in verdicts.items()})
        for key, value in verdicts.items():
            self.controls[key].value = value or ""
        return self.result

    def reset(self) -> dict:
        for control in self.controls.values():
            control.value = ""
        self.output.value = ""
        return self.result

    def compare(self) -> int:
        """Show your verdicts beside the model answer; returns how many match."""
        mine = self.result
        rows, agree = [], 0
        for c in argument.CLAIMS:
            model = verdict.verdict(c.id)
            agree += mine[c.id] == model.model
            rows.append([c.id, mine[c.id] or "(not yet)", model.model, model.why])
        self.output.value = (f"<p>{agree} of {len(rows)} match the model answer. Disagreeing is "
                             "fine if you can say why.</p>" +
                             _html_table(["claim", "yours", "model answer", "its reason"], rows))
        return agree

    def _ipython_display_(self):
        from IPython.display import display

        display(self.ui)
