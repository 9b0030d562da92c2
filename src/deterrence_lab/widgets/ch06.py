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

import ipywidgets as W

from .._validate import check_choice
from ..content import argument, verdict
from ..content import scenario
from ..models import seminar
from .._display import Markdown
from ..views.seminar import (_html_table, _with_note, consequence_texts, debrief_figure,
                             decisions_table, distribution_table, formats_table,
                             front_map_figure, game_header, menu_table, outcome_table,
                             premise_text, report, short, teams_table, timeline_figure)
from ..views.style import describe_figure, error_html, reusing, style, to_png
from ..views.verdict import VERDICT_COLORS, verdict_map_figure
from ._base import control_grid, fit_control, image_html, side_by_side, with_style

__all__ = ['CrisisSeminar', 'VerdictRecorder', 'debrief_figure', 'front_map_figure',
           'timeline_figure', 'VERDICT_COLORS', 'verdict_map_figure', 'decisions_table',
           'distribution_table', 'formats_table', 'game_header', 'menu_table',
           'model_answer_hidden', 'outcome_table', 'premise_text', 'report', 'teams_table']


def model_answer_hidden() -> Markdown:
    """What the chapter shows in place of the model answer while the instructor's switch is
    off."""
    return Markdown("*The model answer is hidden.* Record and discuss your own verdicts first; "
                    "your instructor shows it by setting `SHOW_MODEL_ANSWER = True` in the "
                    "settings cell at the top and running the chapter again.")


# --- the crisis seminar's control panel ---------------------------------------------------


class CrisisSeminar:
    """Each team's move per round, the control cell's *Advance*, the report, the decision log
    and the debrief plot; save and load a game as a JSON file."""

    title = "Crisis seminar: the control cell"

    def __init__(self, seed: int | None = None, teams=scenario.DEFAULT_TEAMS,
                 max_rounds: int | None = None, *, game_format: str = "day_after",
                 premise: str = scenario.DEFAULT_PREMISE, assumptions: str = "central"):
        if seed is None:
            seed = seminar.fresh_seed()
        self.game = seminar.new_game(seed, teams, max_rounds, game_format=game_format,
                                     premise=premise, assumptions=assumptions)
        self._settings = {"seed": seed, "teams": teams, "max_rounds": max_rounds,
                          "game_format": game_format, "premise": premise,
                          "assumptions": assumptions}
        self.header = W.HTML()
        # each team's menu with its label on a line of its own (the explorers' fitted
        # controls), so neither the team's name nor a long move is cut
        self.controls = {k: fit_control(W.Dropdown(description=seminar.team(k).name))
                         for k in self.game.teams}
        # a visible label, not only a placeholder (which disappears as one types)
        self.notes = {k: fit_control(W.Text(description=f"{seminar.team(k).name}: reason "
                                            "(optional)", placeholder="one sentence",
                                            layout=W.Layout(width="100%",
                                                            margin="0 0 10px 0")))
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
        # the debrief plot as an <img> with alt text (see _base.image_html); one figure,
        # drawn into again each round
        self.image = W.HTML(layout=W.Layout(width="100%"))
        self.png = b""
        self.fig = None
        self.path = W.Text(value=f"crisis_seminar_{game_format}_seed{seed}.json",
                           description="Save file",
                           layout=W.Layout(width="420px"))
        self.save_button = W.Button(description="Save game", icon="save")
        self.save_button.on_click(lambda _: self.save(self.path.value))
        self.load_button = W.Button(description="Load game", icon="folder-open")
        self.load_button.on_click(lambda _: self.load(self.path.value))
        self.status = W.HTML()
        moves = [w for k in self.game.teams for w in (self.controls[k], self.notes[k])]
        # the moves beside the report and the debrief plot when the notebook is wide
        # enough, stacked otherwise; the column is wide enough for the longest move
        # (about 70 characters)
        self.ui = with_style(W.VBox([
            W.HTML(f"<b>{self.title}</b>"), self.header, self.situation,
            side_by_side(moves + [W.HBox([self.advance_button, self.reset_button])],
                         [self.report, W.HTML("<b>Decisions so far</b>"), self.log, self.image],
                         controls_width="520px", controls_max="560px"),
            W.HBox([self.path, self.save_button, self.load_button]), self.status]))
        self._refresh()

    # -- behaviour --------------------------------------------------------------------
    @property
    def result(self) -> dict:
        """The game's position: format, seed, next round, ladder state, phase, whether it is
        over, rounds played."""
        g = self.game
        return {"format": g.game_format, "seed": g.seed, "round": g.round,
                "ladder_state": g.ladder_state, "phase": g.phase, "over": g.over,
                "outcome": g.outcome, "rounds_played": len(g.history)}

    def set(self, **moves) -> dict:
        """Choose moves for teams, e.g. ``set(moscow="seek_talks")``; unknown teams or moves are
        an error that lists the valid ones."""
        for key, value in moves.items():
            check_choice("team", key, self.game.teams)
            check_choice(f"move of {key}", value,
                                 [m.key for m in seminar.menu(key, self.game.phase)])
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
            self.status.value = error_html(error)
            return self.result
        for text in self.notes.values():
            text.value = ""
        self.status.value = ""
        self._refresh()
        return self.result

    def reset(self) -> dict:
        """A new game with the same format, seed, teams and number of rounds."""
        self.game = seminar.new_game(**self._settings)
        self.status.value = ""
        self._refresh()
        return self.result

    def save(self, path) -> bool:
        """Save the game to ``path`` (JSON); says where, or why it failed."""
        try:
            seminar.save(self.game, path)
        except OSError as error:
            self.status.value = error_html(f"not saved: {error}")
            return False
        self.status.value = (f"Saved after round {len(self.game.history)} to "
                             f"{html.escape(str(path))}.")
        return True

    def load(self, path) -> bool:
        """Load a saved game; a bad or missing file leaves the current game as it was."""
        try:
            game = seminar.load(path)
        except (OSError, ValueError) as error:
            self.status.value = error_html(f"not loaded, the current game is unchanged: {error}")
            return False
        if set(game.teams) != set(self.controls) or game.game_format != self.game.game_format:
            self.status.value = error_html(
                "not loaded, the current game is unchanged: the saved game has another format "
                f"or other teams ({game.game_format}: {', '.join(game.teams)}); open it with "
                "CrisisSeminar(game_format=..., teams=...)")
            return False
        self.game = game
        self._refresh()
        self.status.value = f"Loaded {html.escape(str(path))}: round {game.round} is next."
        return True

    # -- display ----------------------------------------------------------------------
    def _refresh(self) -> None:
        g = self.game
        self.header.value = f"<p style='font-size:90%'>{_markdown_bold(game_header(g))}</p>"
        if g.over:
            self.situation.value = (f"<p><b>The game has ended.</b> {html.escape(g.outcome)} "
                                    "Go on to the debrief.</p>")
        else:
            stage = seminar.stage(g)
            self.situation.value = (f"<p><b>Round {g.round} of at most {g.max_rounds}: "
                                    f"{html.escape(stage.title)}</b><br>{html.escape(stage.situation)}"
                                    f"<br><i>The crisis stands at: "
                                    f"{html.escape(short(g.ladder_state))}.</i></p>")
            for key, control in self.controls.items():
                options = [(m.label, m.key) for m in seminar.menu(key, g.phase)]
                keep = control.value if control.value in [o[1] for o in options] else options[0][1]
                control.options = options
                control.value = keep
        for widget in (*self.controls.values(), *self.notes.values(), self.advance_button):
            widget.disabled = g.over
        if g.history:
            parts = consequence_texts(g, len(g.history))
            last = g.history[-1]
            self.report.value = (f"<p><b>White cell's report on round {last['round']}</b></p>" +
                                 "".join(f"<p><i>{html.escape(name.capitalize())}.</i> "
                                         f"{html.escape(text)}</p>" for name, text in parts.items()))
        else:
            self.report.value = "<p><i>No round played yet.</i></p>"
        header = ["round"] + [seminar.team(k).name for k in g.teams] + ["roll",
                                                                        "crisis after the round"]
        rows = [[h["round"]] + [_with_note(seminar.move(k, h["phase"], d["choices"][k]).label,
                                           d["notes"].get(k)) for k in g.teams]
                + [f"{h['roll']:02d}", short(h["state_after"])]
                for d, h in zip(g.decisions, g.history)]
        self.log.value = _html_table(header, rows) if rows else "<p><i>none yet</i></p>"
        with style(), reusing(self.fig):
            self.fig = debrief_figure(g)
        self.png = to_png(self.fig)
        size = tuple(int(round(v * self.fig.dpi)) for v in self.fig.get_size_inches())
        self.image.value = image_html(self.png, f"{self.title}: {describe_figure(self.fig)}",
                                      size)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.ui)


def _markdown_bold(text: str) -> str:
    """The header's **bold** Markdown as HTML (the rest escaped)."""
    parts = html.escape(str(text)).split("**")
    return "".join(f"<b>{p}</b>" if i % 2 else p for i, p in enumerate(parts))


# --- the verdict sheet ----------------------------------------------------------------------


class VerdictRecorder:
    """A verdict per claim from a menu; *Compare* shows the model answer beside yours, but
    only when the instructor has switched it on (``model_answer=True``): until then the
    sheet records verdicts and shows nothing of the model answer."""

    title = "Your verdicts on the op-ed's claims"
    NOT_YET = "— not yet —"
    HIDDEN = ("The model answer is hidden. Your instructor shows it after the discussion "
              "(VerdictRecorder(model_answer=True)).")

    def __init__(self, model_answer: bool = False):
        from .._validate import check_bool

        self.model_answer = check_bool("model_answer", model_answer)
        # "" stands for "not yet": a Dropdown shows no label at all for the value None.
        # A menu shows the verdict's name only (the longest meaning runs to 155 characters,
        # which no menu shows whole); the meanings are listed above the menus.
        options = [(self.NOT_YET, "")] + [(k, k) for k in verdict.VERDICT_OPTIONS]
        self.controls = {c.id: fit_control(W.Dropdown(options=options, value="",
                                                      description=f"{c.id} {c.term_en}",
                                                      tooltip=c.text))
                         for c in argument.CLAIMS}
        self.legend = W.HTML(
            "<details><summary>What the verdicts mean</summary><ul>" + "".join(
                f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>"
                for k, v in verdict.VERDICT_OPTIONS.items()) + "</ul></details>")
        self.compare_button = W.Button(description="Compare with the model answer",
                                       icon="balance-scale",
                                       layout=W.Layout(width="280px"))
        self.compare_button.on_click(lambda _: self.compare())
        self.compare_button.disabled = not self.model_answer
        self.reset_button = W.Button(description="Reset", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.output = W.HTML()
        self.ui = with_style(W.VBox([W.HTML(f"<b>{self.title}</b>"), self.legend,
                                     control_grid(list(self.controls.values())),
                                     W.HBox([self.compare_button, self.reset_button]),
                                     self.output]))

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
        """Show your verdicts beside the model answer; returns how many match (None while the
        model answer is hidden)."""
        if not self.model_answer:
            self.output.value = f"<p><i>{html.escape(self.HIDDEN)}</i></p>"
            return None
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
