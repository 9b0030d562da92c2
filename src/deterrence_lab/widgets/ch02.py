"""Chapter 02 views: the Court's votes, the walk-through as a diagram and a guided form,
and Russian doctrine versions side by side.

All legal logic lives in :mod:`deterrence_lab.law`; these functions only draw it.
"""
from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
from matplotlib.patches import Rectangle

from .. import law
from .._display import markdown_table
from ..plotting import OKABE_ITO, actor_color, new_figure
from ._base import Explorer

# --- the Court's votes ----------------------------------------------------------------


def findings_table():
    """The six findings of para 105(2) as a Markdown table: letter, vote, paraphrase."""
    return markdown_table(["finding", "vote", "what the Court said (paraphrase)"],
                          [[f"{f.letter} [icj1996, {f.where}]", f.vote, f.paraphrase]
                           for f in law.FINDINGS])


def doctrine_table():
    """Every doctrine condition, version by version, as a Markdown table with its source."""
    return markdown_table(["version", "condition", "paraphrase", "source"],
                          [[c.version, c.label, c.text + (f" ({c.note})" if c.note else ""),
                            f"[{c.source}, {c.where}]"] for c in law.CONDITIONS])


def findings_votes_figure():
    """Votes for and against each finding of para 105(2): E is the only tie."""
    fig, ax = new_figure(7.0, 3.6)
    letters = [f.letter for f in law.FINDINGS]
    y = np.arange(len(letters))[::-1]
    votes_for = np.array([f.votes_for for f in law.FINDINGS])
    votes_against = np.array([f.votes_against for f in law.FINDINGS])
    ax.barh(y, votes_for, color=OKABE_ITO["blue"], label="in favour")
    ax.barh(y, votes_against, left=votes_for, color=OKABE_ITO["orange"], label="against")
    for yi, f in zip(y, law.FINDINGS):
        ax.text(14.3, yi, f.vote, va="center", fontsize=9)
    ax.set_yticks(y, [f"{f.letter}" for f in law.FINDINGS])
    ax.set_xlim(0, 22)
    ax.set_xticks(range(0, 15, 2))
    ax.set_xlabel("judges (number of votes, 14 in all)")
    ax.set_ylabel("finding of para 105(2)")
    ax.set_title("ICJ advisory opinion of 8 July 1996: the vote on each finding")
    ax.legend(loc="upper center", bbox_to_anchor=(0.35, -0.22), ncol=2, frameon=False)
    return fig


# --- the walk-through as a diagram --------------------------------------------------------

_LAYOUT = {
    "armed_attack": (0, 9), "necessity": (0, 8), "proportionality": (0, 7), "distinction": (0, 6),
    "attack_proportionality": (0, 5), "unnecessary_suffering": (0, 4), "neutral_states": (0, 3),
    "environment": (0, 2), "survival_after_compliance": (0, 1), "survival_after_breach": (2.6, 3.5),
    "charter_breach": (2.6, 8), "humanitarian_breach": (5.0, 3.5), "non_liquet": (2.6, 0),
    "general_rule": (0, 0),
}
_SHORT = {
    "armed_attack": "armed attack?", "necessity": "necessary?", "proportionality": "proportionate?",
    "distinction": "distinction kept?", "attack_proportionality": "civilian harm not excessive?",
    "unnecessary_suffering": "no unnecessary suffering?", "neutral_states": "neutral states spared?",
    "environment": "environment weighed?", "survival_after_compliance": "very survival at stake?",
    "survival_after_breach": "very survival at stake?",
    "charter_breach": "C: unlawful (Charter)", "humanitarian_breach": "D, E: contrary to IHL",
    "non_liquet": "E: Court could not\nconclude (7–7)", "general_rule": "E: generally contrary",
}


def walkthrough_figure(answers: dict | None = None):
    """The walk-through graph; the path that ``answers`` take is drawn in colour."""
    path, reached = law.trace(answers or {})
    taken = {(s.node, path[i + 1].node if i + 1 < len(path) else reached) for i, s in enumerate(path)}
    fig, ax = new_figure(7.4, 6.4)
    drawn = set()
    for start, answer, end in law.graph_edges():
        if (start, end) in drawn:
            continue
        drawn.add((start, end))
        labels = [a for s_, a, e_ in law.graph_edges() if s_ == start and e_ == end]
        on_path = (start, end) in taken
        (x0, y0), (x1, y1) = _LAYOUT[start], _LAYOUT[end]
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops=dict(arrowstyle="-|>", lw=2.6 if on_path else 0.8,
                                    color=actor_color("us_nato") if on_path else "#BBBBBB",
                                    shrinkA=14, shrinkB=14))
        ax.text((x0 + x1) / 2 + 0.08, (y0 + y1) / 2, " / ".join(labels), fontsize=7,
                color="#555555", ha="left", va="center")
    for node, (x, y) in _LAYOUT.items():
        is_outcome = node not in {q.node for q in law.QUESTIONS}
        here = node == reached
        face = ("#FCE6C9" if is_outcome else "#FFFFFF") if not here else "#CFE8F7"
        ax.text(x, y, _SHORT[node], ha="center", va="center", fontsize=8.5,
                fontweight="bold" if here else "normal",
                bbox=dict(boxstyle="round,pad=0.35", fc=face,
                          ec=actor_color("us_nato") if here else "#777777"))
    ax.text(-1.4, 8.5, "use of force\n(Charter)", fontsize=8, color="#555555", ha="center")
    ax.text(-1.4, 4.5, "conduct of\nhostilities\n(IHL)", fontsize=8, color="#555555", ha="center")
    ax.set_xlim(-2.1, 6.3)
    ax.set_ylim(-0.7, 9.6)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("questions (left) and what the Court said (shaded boxes); no units")
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title("Legal walk-through: questions and where each answer leads")
    return fig


def _finding_html(letter: str) -> str:
    f = law.finding(letter)
    return (f"<li><b>{f.letter}</b> ({html.escape(f.vote)}): {html.escape(f.paraphrase)} "
            f"<i>[icj1996, {f.where}]</i></li>")


class WalkThrough(Explorer):
    """The walk-through as a guided form: one question at a time, a live path panel.

    Drive it from Python: ``w.set(scenario="zaporizhzhia_counteroffensive")`` fills in a
    scenario's answers; ``w.set(armed_attack="unclear")`` changes one; ``w.result`` holds
    the path, the outcome (or the next question) and the findings that apply.
    """

    title = "Walk through the law: what did the Court say about this situation?"

    def __init__(self, **initial):
        self.card = W.HTML()
        self.buttons = [W.Button(description=a, layout=W.Layout(width="90px"),
                                 tooltip=f"answer '{a}' to the current question")
                        for a in law.ANSWERS]
        for b in self.buttons:
            b.on_click(self._answer_clicked)
        self.back = W.Button(description="Back", icon="arrow-left",
                             tooltip="Clear the last answer on the path")
        self.back.on_click(lambda _: self.step_back())
        super().__init__(**initial)
        scenario_box = W.VBox([self.controls["scenario"], self.reset_button])
        form = W.VBox([self.card, W.HBox(self.buttons + [self.back])])
        path_rows = [self.controls[k] for k in law.QUESTION_KEYS]
        self.ui = W.VBox([W.HTML(f"<b>{self.title}</b>"), scenario_box, form,
                          W.HTML("<b>Your answers</b> (change any of them here):"),
                          W.VBox(path_rows), self.readout, self.image, self.error])
        self._sync_rows()

    def _controls(self):
        controls = {"scenario": W.Dropdown(
            options=[("— start from scratch —", "")] + [(s.title, k) for k, s in law.SCENARIOS.items()],
            value="", description="Scenario", style={"description_width": "initial"},
            layout=W.Layout(width="520px"))}
        for key in law.QUESTION_KEYS:
            q = next(q for q in law.QUESTIONS if q.key == key)
            controls[key] = W.ToggleButtons(
                options=[("—", None)] + [(a, a) for a in law.ANSWERS], value=None,
                description=key.replace("_", " "), tooltips=[q.text] * 4,
                style={"description_width": "170px", "button_width": "70px"})
        return controls

    # scenario -> fills every answer; any answer can then be changed
    def set(self, **values):
        if "scenario" in values:
            key = values["scenario"]
            base = {k: None for k in law.QUESTION_KEYS}
            if key:
                base.update(law.scenario(key).answers)
            values = {"scenario": key, **base, **{k: v for k, v in values.items() if k != "scenario"}}
        return super().set(**values)

    def _on_change(self, change):
        if self._updating:
            return
        if change.owner is self.controls["scenario"]:
            self.set(scenario=change.new)
        else:
            self.update()

    def _answer_clicked(self, button):
        q = law.next_question(self.answers)
        if q is not None:
            self.set(**{q.key: button.description})

    def step_back(self) -> dict:
        """Clear the last answer on the path."""
        path, _ = law.trace(self.answers)
        return self.set(**{path[-1].key: None}) if path else self.result

    @property
    def answers(self) -> dict:
        return {k: self.controls[k].value for k in law.QUESTION_KEYS if self.controls[k].value}

    def update(self) -> dict:
        result = super().update()
        self._sync_rows()
        return result

    def _sync_rows(self):
        """Show the answer rows on the path and the next one; hide the rest."""
        if not hasattr(self, "card"):
            return
        on_path = set(self.result.get("path_keys", ())) | {self.result.get("next_question")}
        for key in law.QUESTION_KEYS:
            self.controls[key].layout.display = "" if key in on_path else "none"
        q = self.result.get("next_question")
        for b in self.buttons:
            b.disabled = q is None
        self.back.disabled = not self.result.get("path_keys")
        if q is None:
            self.card.value = ("<div style='padding:6px;border-left:4px solid #0072B2'>"
                               "The walk-through has reached what the Court said (below). "
                               "Change any answer to explore another path.</div>")
        else:
            question = law.next_question(self.answers)
            self.card.value = (f"<div style='padding:6px;border-left:4px solid #0072B2'>"
                               f"<small>{html.escape(question.part)} · "
                               f"[{question.source}, {html.escape(question.where)}]</small><br>"
                               f"<b>{html.escape(question.text)}</b><br>"
                               f"<i>{html.escape(question.explanation)}</i></div>")

    def _draw(self, scenario, **answer_values):
        answers = {k: v for k, v in answer_values.items() if v}
        path, node = law.trace(answers)
        fig = walkthrough_figure(answers)
        steps = "".join(f"<li>{html.escape(law.question(s.node).text)} — <b>{s.answer}</b></li>"
                        for s in path)
        result = {"scenario": scenario, "answers": answers,
                  "path_keys": tuple(s.key for s in path),
                  "path": tuple((s.key, s.answer) for s in path)}
        modified = bool(scenario) and any(answers.get(k) != v for k, v in
                                          law.scenario(scenario).answers.items())
        result["modified"] = modified
        if node in {o.node for o in law.OUTCOMES}:
            walk = law.walk(answers)
            result.update(outcome=node, next_question=None, findings=walk.outcome.findings,
                          unclear=walk.unclear)
            caveat = (f"<p>⚠ This rests on answers you marked <i>unclear</i>: "
                      f"{', '.join(walk.unclear)}. The Court did not assess these facts.</p>"
                      if walk.unclear else "")
            panel = (f"<h4>{html.escape(walk.outcome.title)}</h4>"
                     f"<p>{html.escape(walk.outcome.court_said)}</p>{caveat}"
                     f"<p><b>Findings that apply</b> (paraphrased; vote):</p>"
                     f"<ul>{''.join(_finding_html(letter) for letter in walk.outcome.findings)}</ul>")
        else:
            result.update(outcome=None, next_question=law.question(node).key, findings=(), unclear=())
            panel = "<p><i>Answer the question above to continue.</i></p>"
        reasons = ""
        if scenario and not modified:
            s = law.scenario(scenario)
            reasons = ("<p><b>Why these answers</b> (a teaching assumption; change them if you "
                       "disagree):</p><ul>" + "".join(
                           f"<li>{html.escape(k.replace('_', ' '))}: {html.escape(v)}</li>"
                           for k, v in s.reasons.items()) + "</ul>")
        readout = (f"<p><b>Path so far</b></p><ol>{steps or '<li>(no answers yet)</li>'}</ol>"
                   f"{panel}{reasons}")
        return fig, result, readout


# --- doctrine versions side by side ------------------------------------------------------
_STATUS_COLOURS = {"could be invoked": actor_color("russia"),
                   "only if annexed land counts as Russian": OKABE_ITO["orange"],
                   "arguable": OKABE_ITO["yellow"], "not met": "#E8E8E8"}


def doctrine_figure(scenario_key: str, *, count_claimed: bool = True):
    """One row per doctrine version, one cell per condition, coloured by whether Moscow could
    invoke it in the scenario."""
    rows = law.doctrine_comparison(scenario_key)
    fig, ax = new_figure(7.6, 3.8)
    for i, version in enumerate(law.VERSIONS):
        y = len(law.VERSIONS) - 1 - i
        for j, (condition, status) in enumerate(rows[version]):
            if not count_claimed and status == "only if annexed land counts as Russian":
                status = "not met"
            ax.add_patch(_cell(j, y, _STATUS_COLOURS[status],
                               hatch="//" if condition.kind == "attribution" else None))
            ax.text(j + 0.5, y + 0.5, condition.label, ha="center", va="center", fontsize=9)
    ax.set_xlim(0, max(len(r) for r in rows.values()))
    ax.set_ylim(0, len(law.VERSIONS))
    ax.set_yticks(np.arange(len(law.VERSIONS)) + 0.5, list(reversed(law.VERSIONS)))
    ax.set_xticks([])
    ax.grid(False)
    ax.set_ylabel("doctrine version (year)")
    ax.set_xlabel("conditions for nuclear use in that version (hatched: 'joint attack' rule)")
    handles = [_cell(0, 0, c) for c in _STATUS_COLOURS.values()]
    ax.legend(handles, list(_STATUS_COLOURS), loc="upper center", bbox_to_anchor=(0.5, -0.18),
              ncol=2, frameon=False, fontsize=8)
    ax.set_title(law.scenario(scenario_key).title, fontsize=11)
    return fig


def _cell(x, y, colour, hatch=None):
    return Rectangle((x + 0.05, y + 0.08), 0.9, 0.84, facecolor=colour, edgecolor="#666666",
                     hatch=hatch)


class DoctrineComparison(Explorer):
    """Russian doctrine 2000 → 2024 side by side: which conditions could Moscow claim?"""

    title = "Russian nuclear doctrine, version by version, for one scenario"

    def _controls(self):
        return {
            "scenario": W.Dropdown(options=[(s.title, k) for k, s in law.SCENARIOS.items()],
                                   value="zaporizhzhia_counteroffensive", description="Scenario",
                                   layout=W.Layout(width="480px")),
            "count_claimed": W.Checkbox(value=True, description="count annexed regions as Russian "
                                        "(Moscow's claim; rejected by UNGA ES-11/4)", indent=False,
                                        layout=W.Layout(width="480px")),
        }

    def _draw(self, scenario, count_claimed):
        fig = doctrine_figure(scenario, count_claimed=count_claimed)
        counts = law.invocable_count(scenario, count_claimed=count_claimed)
        contrast = law.contrast_with_court(scenario)
        rows = "".join(f"<li><b>{v}</b>: {n} condition(s) Moscow could claim</li>"
                       for v, n in counts.items())
        detail = "".join(
            f"<li>{v} [{c.source}, {html.escape(c.where)}] {html.escape(c.label)}: "
            f"{html.escape(c.text)} — <i>{s}</i></li>"
            for v, pairs in law.doctrine_comparison(scenario).items() for c, s in pairs
            if s != "not met")
        facts = "".join(f"<li>{html.escape(law.FACT_LABELS[f])}: <i>{v}</i></li>"
                        for f, v in law.scenario(scenario).facts.items() if v != "no")
        readout = (f"<p>{html.escape(law.scenario(scenario).description)}</p>"
                   f"<p><b>Facts assumed</b> (others: no):</p><ul>{facts}</ul><ul>{rows}</ul>"
                   f"<p><b>The Court:</b> {html.escape(contrast['court'])}</p>"
                   f"<p><b>Annexed territory:</b> {html.escape(contrast['annexation'])}</p>"
                   f"<details><summary>conditions not ruled out</summary><ul>{detail}</ul></details>"
                   f"<p><small>Scenario facts are teaching assumptions: "
                   f"{html.escape(law.scenario(scenario).facts_reason)}</small></p>")
        return fig, {"scenario": scenario, "counts": counts, "count_claimed": count_claimed,
                     "rests_on_annexation": contrast["rests_on_annexation"]}, readout
