"""The ICJ's 1996 opinion drawn: the votes on each finding, the walk-through of legal
questions, and the doctrine comparison (chapter 02)."""
from __future__ import annotations

import html

import numpy as np
from matplotlib.patches import Rectangle

from .._display import Markdown, markdown_table, prose
from ..models import law
from .style import OKABE_ITO, actor_color, changed_in_place, new_figure


def findings_table():
    """The six findings of para 105(2) as a Markdown table: letter, vote, paraphrase."""
    return markdown_table(["finding", "vote", "what the Court said (paraphrase)"],
                          [[f"{f.letter} [icj1996, {f.where}]", f.vote, f.paraphrase]
                           for f in law.FINDINGS])


def finding_note(letter: str) -> Markdown:
    """What the vote on one finding of para 105(2) hides, as a paragraph (e.g. for E: the
    seven against did not agree with each other).

    Parameters
    ----------
    letter : str
        A finding, ``"A"`` to ``"F"``.

    Returns
    -------
    Markdown
        One bold-led paragraph: the finding, its vote and the note on it.

    Raises
    ------
    ValueError
        If ``letter`` is not a finding.
    """
    f = law.finding(letter)
    return prose(f"**Finding {f.letter}, {f.vote}.** "
                 + (f.note or "No note on this vote: the record has nothing to add to it."))


def paragraphs_table(numbers) -> Markdown:
    """Key paragraphs of the opinion as a Markdown table: paragraph, topic, paraphrase.

    Parameters
    ----------
    numbers : sequence of str
        Paragraph numbers in the order wanted, e.g. ``("41", "78")``.

    Returns
    -------
    Markdown
        One row per paragraph: number, topic, paraphrase.

    Raises
    ------
    TypeError
        If ``numbers`` is a single string.
    ValueError
        If a number is not one of the key paragraphs.
    """
    if isinstance(numbers, str):
        raise TypeError(f"numbers={numbers!r} must be a list of paragraph numbers, "
                        f"e.g. [{numbers!r}]")
    found = [law.paragraph(n) for n in numbers]
    return markdown_table(["paragraph", "topic", "what the Court said (paraphrase)"],
                          [[f"{p.number} [{p.source}, para {p.number}]", p.topic, p.summary]
                           for p in found])


def walk_summary(result: law.WalkResult, title: str = "") -> Markdown:
    """Where a walk through the legal questions led, in sentences: each question with its
    answer, what the Court said at the end, and the findings that apply.

    Parameters
    ----------
    result : WalkResult
        What :func:`deterrence_lab.law.walk` returned.
    title : str, optional
        A heading for the situation, e.g. a scenario's title (default none).

    Returns
    -------
    Markdown
        The questions asked, the answers given and the outcome reached.

    Raises
    ------
    TypeError
        If ``result`` is not a ``WalkResult``.
    """
    if not isinstance(result, law.WalkResult):
        raise TypeError(f"result={result!r} must be what law.walk(...) returns")
    steps = "\n".join(f"{i}. {law.question(step.node).text} — **{step.answer}**"
                      for i, step in enumerate(result.path, 1))
    findings = ", ".join(f"{f.letter} ({f.vote})" for f in result.findings)
    parts = [f"**{title}**" if title else "", "The path through the questions:",
             steps or "(no question answered)",
             f"**Where it ends: {result.outcome.title}.** {result.outcome.court_said}",
             f"Findings that apply [icj1996, para 105(2)]: {findings or 'none'}."]
    if result.unclear:
        parts.append(f"This rests on answers marked *unclear*: {', '.join(result.unclear)}; "
                     "the Court did not assess these facts.")
    return Markdown("\n\n".join(p for p in parts if p))


def invocable_table() -> Markdown:
    """For every scenario, how many of each doctrine version's conditions for nuclear use
    Moscow could claim, counting the annexed regions as Russian and under international law.

    Returns
    -------
    Markdown
        One row per scenario and reading, one column per doctrine version (``law.VERSIONS``).

    Notes
    -----
    The conditions are sourced (russia2000 to russia2024); each scenario's facts are
    teaching assumptions (see ``law.SCENARIOS``).
    """
    readings = ((True, "annexed regions counted as Russian (Moscow's claim)"),
                (False, "under international law (ES-11/4)"))
    rows = []
    for key, scenario in law.SCENARIOS.items():
        for counted, reading in readings:
            counts = law.invocable_count(key, count_claimed=counted)
            rows.append([scenario.title, reading] + [str(counts[v]) for v in law.VERSIONS])
    return markdown_table(["scenario", "reading"] + [f"conditions met, {v}" for v in law.VERSIONS],
                          rows)


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


# Drawing order of the walk-through: every link in grey, then the path's links in colour
# over them, then the answers on the links and the boxes (links end under them), then the box reached,
# restyled, over its plain box. A new answer changes only the coloured links and the box
# reached, so a widget redraws those over a cached picture of the rest.
_LINK_Z, _PATH_Z, _NODE_Z, _HERE_Z = 2.5, 3, 4, 4.5


def _link(ax, start, end, on_path):
    (x0, y0), (x1, y1) = _LAYOUT[start], _LAYOUT[end]
    return ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=_PATH_Z if on_path else _LINK_Z,
                       arrowprops=dict(arrowstyle="-|>", lw=2.6 if on_path else 0.8,
                                       color=actor_color("us_nato") if on_path else "#BBBBBB",
                                       shrinkA=14, shrinkB=14))


def _node(ax, node, here):
    x, y = _LAYOUT[node]
    is_outcome = node not in {q.node for q in law.QUESTIONS}
    face = ("#FCE6C9" if is_outcome else "#FFFFFF") if not here else "#CFE8F7"
    return ax.text(x, y, _SHORT[node], ha="center", va="center", fontsize=8.5,
                   fontweight="bold" if here else "normal", zorder=_HERE_Z if here else _NODE_Z,
                   bbox=dict(boxstyle="round,pad=0.35", fc=face,
                             ec=actor_color("us_nato") if here else "#777777"))


def walkthrough_base():
    """The walk-through graph with no path: every link in grey, every box plain. Returns
    ``(figure, axes)``; :func:`walkthrough_path` draws a path on it."""
    fig, ax = new_figure(7.4, 6.4)
    drawn = set()
    for start, answer, end in law.graph_edges():
        if (start, end) in drawn:
            continue
        drawn.add((start, end))
        labels = [a for s_, a, e_ in law.graph_edges() if s_ == start and e_ == end]
        (x0, y0), (x1, y1) = _LAYOUT[start], _LAYOUT[end]
        _link(ax, start, end, on_path=False)
        ax.text((x0 + x1) / 2 + 0.08, (y0 + y1) / 2, " / ".join(labels), fontsize=7,
                color="#555555", ha="left", va="center", zorder=_NODE_Z)
    for node in _LAYOUT:
        _node(ax, node, here=False)
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
    return fig, ax


def walkthrough_path(ax, answers: dict | None = None) -> list:
    """Draw on a :func:`walkthrough_base` graph the path that ``answers`` take (its links in
    colour) and the box it reaches; returns the artists added."""
    path, reached = law.trace(answers or {})
    taken = {(s.node, path[i + 1].node if i + 1 < len(path) else reached) for i, s in enumerate(path)}
    added = [_link(ax, start, end, on_path=True)
             for start, end in dict.fromkeys((s, e) for s, _, e in law.graph_edges())
             if (start, end) in taken]
    return added + [_node(ax, reached, here=True)]


def walkthrough_figure(answers: dict | None = None):
    """The walk-through graph; the path that ``answers`` take is drawn in colour."""
    fig, ax = walkthrough_base()
    walkthrough_path(ax, answers)
    return fig


def _finding_html(letter: str) -> str:
    f = law.finding(letter)
    return (f"<li><b>{f.letter}</b> ({html.escape(f.vote)}): {html.escape(f.paraphrase)} "
            f"<i>[icj1996, {f.where}]</i></li>")


# --- doctrine versions side by side ------------------------------------------------------
_STATUS_COLOURS = {"could be invoked": actor_color("russia"),
                   "only if annexed land counts as Russian": OKABE_ITO["orange"],
                   "arguable": OKABE_ITO["yellow"], "not met": "#E8E8E8"}


def _doctrine_colours(scenario_key: str, count_claimed: bool) -> dict[tuple[int, int], str]:
    """Colour of each cell (condition j of version row y) for a scenario."""
    rows = law.doctrine_comparison(scenario_key)
    colours = {}
    for i, version in enumerate(law.VERSIONS):
        y = len(law.VERSIONS) - 1 - i
        for j, (condition, status) in enumerate(rows[version]):
            if not count_claimed and status == "only if annexed land counts as Russian":
                status = "not met"
            colours[j, y] = _STATUS_COLOURS[status]
    return colours


def doctrine_figure(scenario_key: str, *, count_claimed: bool = True):
    """One row per doctrine version, one cell per condition, coloured by whether Moscow could
    invoke it in the scenario (:func:`recolour_doctrine` shows another scenario)."""
    rows = law.doctrine_comparison(scenario_key)
    colours = _doctrine_colours(scenario_key, count_claimed)
    fig, ax = new_figure(7.6, 3.8)
    for i, version in enumerate(law.VERSIONS):
        y = len(law.VERSIONS) - 1 - i
        for j, (condition, status) in enumerate(rows[version]):
            cell = ax.add_patch(_cell(j, y, colours[j, y],
                                      hatch="//" if condition.kind == "attribution" else None))
            cell.set_gid(f"cell {j} {y}")
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


def recolour_doctrine(ax, scenario_key: str, *, count_claimed: bool = True) -> list:
    """Show another scenario on a :func:`doctrine_figure` (the cells recoloured and the
    title changed in place); returns the cells and the title."""
    colours = _doctrine_colours(scenario_key, count_claimed)
    cells = [p for p in ax.patches if (p.get_gid() or "").startswith("cell ")]
    for cell in cells:
        j, y = (int(v) for v in cell.get_gid().split()[1:])
        cell.set_facecolor(colours[j, y])
    title = ax.set_title(law.scenario(scenario_key).title, fontsize=11)
    return changed_in_place(*cells, title)


def _cell(x, y, colour, hatch=None):
    return Rectangle((x + 0.05, y + 0.08), 0.9, 0.84, facecolor=colour, edgecolor="#666666",
                     hatch=hatch)
