"""Chapter 02 views: the Court's votes, the walk-through as a diagram and a guided form,
and Russian doctrine versions side by side.

All legal logic lives in :mod:`deterrence_lab.law`; these functions only draw it.
"""
from __future__ import annotations

import html

import ipywidgets as W

from ..models import law
from ..views.law import (
    _finding_html,
    doctrine_figure,
    recolour_doctrine,
    doctrine_table,
    finding_note,
    findings_table,
    findings_votes_figure,
    invocable_table,
    paragraphs_table,
    walk_summary,
    walkthrough_base,
    walkthrough_figure,
    walkthrough_path,
)
from ._base import Explorer

__all__ = ['WalkThrough', 'DoctrineComparison', 'findings_table', 'doctrine_table', 'findings_votes_figure', 'walkthrough_figure', 'doctrine_figure',
           'finding_note', 'paragraphs_table', 'walk_summary', 'invocable_table']

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

    def _fill_in(self, changed):
        """A scenario fills in every answer (none for "start from scratch")."""
        if "scenario" not in changed:
            return {}
        answers = {k: None for k in law.QUESTION_KEYS}
        if changed["scenario"]:
            answers.update(law.scenario(changed["scenario"]).answers)
        return answers

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

    def _after_update(self):
        self._sync_rows()

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

    # fast path: the graph is drawn once; an answer redraws the coloured path and the box
    # reached over a cached picture of it
    def _static_key(self, scenario, **answer_values):
        return "graph"

    def _draw_static(self, scenario, **answer_values):
        return walkthrough_base()[0]

    def _draw_dynamic(self, fig, scenario, **answer_values):
        answers = {k: v for k, v in answer_values.items() if v}
        path, node = law.trace(answers)
        artists = walkthrough_path(fig.axes[0], answers)
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
            # a bold paragraph, not a heading: the readout sits under a chapter's own
            # headings, whose level it cannot know (a jump from h2 to h4 breaks the outline)
            panel = (f"<p><b>{html.escape(walk.outcome.title)}</b></p>"
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
        return artists, result, readout


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

    # fast path: the grid of conditions is drawn once; a scenario recolours its cells and
    # changes the title in place
    def _static_key(self, scenario, count_claimed):
        return "grid"

    def _draw_static(self, scenario, count_claimed):
        return doctrine_figure(scenario, count_claimed=count_claimed)

    def _draw_dynamic(self, fig, scenario, count_claimed):
        artists = recolour_doctrine(fig.axes[0], scenario, count_claimed=count_claimed)
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
        return artists, {"scenario": scenario, "counts": counts, "count_claimed": count_claimed,
                     "rests_on_annexation": contrast["rests_on_annexation"]}, readout
