"""The printable seminar kit: ``deterrence-lab build-kit [DIR]``.

Everything an instructor needs to run chapter 06's crisis seminar in a room, with or
without computers, generated from the same data the notebook uses
(:mod:`deterrence_lab.content.scenario` and the engine :mod:`deterrence_lab.models.seminar`):

* one private brief per team and a role card per person;
* the inject cards, each with when to play it and what it changes;
* decision forms and message forms;
* a schematic map of the front;
* the white cell's adjudication guide and the run sheets;
* d100 tables that give exactly the chain's whole-percent probabilities, so the game runs
  on paper;
* a debrief worksheet (decision quality against outcome, with the outcome counts of
  scripted games over many seeds) and a blank verdict sheet.

Pages are plain HTML with a print stylesheet (``@page`` size A4 and, in a second sheet,
US Letter); ``kit.html`` holds every section in print order. Where Debian's Chromium is
installed, ``kit-a4.pdf`` and ``kit-letter.pdf`` are printed from it headlessly.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..content import argument, scenario, verdict
from ..content.sources import get as get_source
from ..models import escalation, seminar

PAPERS = {"a4": ("A4", "210mm"), "letter": ("letter", "215.9mm")}
OUTCOME_SEEDS = 200

_CSS = """
:root { --ink: #111; --muted: #555; --rule: #999; --accent: #0072B2; --warn: #D55E00; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); }
body { font-size: 10pt; line-height: 1.35; margin: 0 auto; max-width: 180mm; padding: 6mm; }
h1 { font-size: 16pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 4mm 0 2mm; border-bottom: 1px solid var(--rule); }
h3 { font-size: 11pt; margin: 3mm 0 1.5mm; }
p, li { margin: 0 0 1.5mm; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 3mm; }
th, td { border: 1px solid var(--rule); padding: 1mm 1.5mm; text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
td.num, th.num { text-align: center; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; display: block; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.card { border: 1.5px solid var(--ink); border-radius: 2mm; padding: 3mm 4mm; margin: 0 0 4mm;
        break-inside: avoid; page-break-inside: avoid; }
.card .kind { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.05em;
              color: var(--muted); }
.card .white { border-top: 1px dashed var(--rule); margin-top: 2mm; padding-top: 1.5mm;
               font-size: 9pt; color: var(--muted); }
.private { color: var(--warn); font-weight: bold; font-size: 9pt; text-transform: uppercase; }
.line { border-bottom: 1px solid var(--rule); height: 7mm; }
.box { display: inline-block; width: 3.5mm; height: 3.5mm; border: 1px solid var(--ink);
       margin-right: 1.5mm; vertical-align: -0.5mm; }
.grid td { height: 14mm; }
.small { font-size: 8.5pt; }
.muted { color: var(--muted); }
nav.kit { font-size: 9pt; margin-bottom: 4mm; }
nav.kit a { margin-right: 3mm; }
@media print {
  nav.kit, .screen-only { display: none; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  tr, .card, figure { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"""


def _page_css(paper: str) -> str:
    size, _ = PAPERS[paper]
    return (f"/* print sheet for {size} paper */\n@page {{ size: {size}; margin: 14mm 14mm 16mm; }}\n"
            "@media print { body { font-size: 9.5pt; } }\n")


@dataclass(frozen=True)
class Section:
    """One part of the kit: its file name, title and HTML body (one or more ``.page`` divs)."""

    file: str
    title: str
    body: str
    kind: str


def _e(text) -> str:
    return html.escape(str(text))


def _cited(text: str) -> str:
    """Escape a text and turn its [key] citations into short author-year references."""
    import re

    def repl(match):
        try:
            source = get_source(match.group(1))
        except (KeyError, ValueError):
            return match.group(0)
        return f"({source.short} {source.year})"

    return _e(re.sub(r"\[([a-z][a-z_]*\d{4}[a-z]?)\]", repl, text))


def _table(header, rows, *, widths=None, cls="") -> str:
    cols = "" if widths is None else "<colgroup>" + "".join(
        f'<col style="width:{w}">' for w in widths) + "</colgroup>"
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}">{cols}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _page(inner: str, cls: str = "") -> str:
    return f'<div class="page {cls}">{inner}</div>'


# --------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------
def _menu_rows(team_key: str, phase: str) -> list[list[str]]:
    rows = []
    for m in seminar.menu(team_key, phase):
        pts = ("option table" if m.western_option else
               ", ".join(f"{n} {v:+d}" for n, v in (("pressure", m.pressure), ("talk", m.talk))
                         if v) or "none")
        rows.append([f'<span class="box"></span>{_e(m.label)}', _e(pts), _cited(m.reason)])
    return rows


def team_briefs() -> list[Section]:
    """One private brief per team (a page) followed by its role cards."""
    sections = []
    for t in scenario.TEAMS:
        formats = " ".join(f"<b>{_e(f.name)}</b> ({f.minutes} min): {_e(f.summary)}"
                           for f in scenario.FORMATS.values())
        tag = " (optional team)" if t.optional else " (observer)" if t.observer else ""
        brief = (f'<p class="private">Private brief: for the {_e(t.name)} team only</p>'
                 f"<h1>{_e(t.name)}{_e(tag)}</h1><p class='muted'>You play "
                 f"{_e(t.plays)}.</p><h2>Situation</h2><p>{_cited(t.situation)}</p>"
                 "<h2>Your interests</h2><ul>" + "".join(f"<li>{_cited(i)}</li>"
                                                          for i in t.interests) + "</ul>"
                 "<h2>Your red lines</h2><ul>" + "".join(f"<li>{_cited(i)}</li>"
                                                          for i in t.red_lines) + "</ul>"
                 "<h2>What you know that others do not</h2><ul>"
                 + "".join(f"<li>{_cited(i)}</li>" for i in t.private) + "</ul>"
                 "<h2>Chapters to read before play</h2><ul>"
                 + "".join(f"<li>{_e(c)}</li>" for c in t.chapters) + "</ul>"
                 f"<p class='small muted'>The format is announced by the white cell: {formats} "
                 "Facts with a reference are sourced; the rest of this brief is the scenario's "
                 "invention, written for teaching.</p>")
        menus = ("<h2>Your moves</h2><p class='small'>Tick one move on the decision form each "
                 "round. Pressure and talk points change the chance of climbing, stepping down "
                 "and settling (the white cell adds them up); they are teaching assumptions."
                 "</p><h3>Before any nuclear use</h3>"
                 + _table(["move", "points", "why"], _menu_rows(t.key, "before"),
                          widths=["38%", "16%", "46%"])
                 + "<h3>After a nuclear use</h3>"
                 + _table(["move", "points", "why"], _menu_rows(t.key, "after"),
                          widths=["38%", "16%", "46%"]))
        cards = "".join(
            f'<div class="card"><div class="kind">Role card · {_e(t.name)}</div>'
            f"<h3>{_e(r.title)}</h3><p>{_e(r.task)}</p><p class='small muted'>Name: "
            "______________________</p></div>" for r in t.roles)
        body = (_page(brief) + _page(menus) +
                _page(f"<h2>Role cards: {_e(t.name)}</h2><p class='small'>Cut out one card "
                      "per person; in a large team, advisers can be doubled.</p>" + cards))
        sections.append(Section(f"brief-{t.key}.html", f"Brief: {t.name}", body, "brief"))
    return sections


def inject_cards() -> Section:
    cards = []
    for i in scenario.INJECTS:
        when = "".join(f"<li><b>{_e(scenario.FORMATS[k].name)}:</b> {_e(v)}</li>"
                       for k, v in i.when.items())
        cards.append(
            f'<div class="card"><div class="kind">Inject {i.number} · {_e(i.kind)} · to: '
            f"{_e(i.to)}</div><h3>{_e(i.title)}</h3><p>{_cited(i.text)}</p>"
            f'<div class="white"><b>White cell only.</b> When to play it:<ul>{when}</ul>'
            f"What it changes: {_cited(i.changes)}"
            + ("" if i.true else " <b>This report is false.</b>") + "</div></div>")
    intro = ("<h1>Inject cards</h1><p>Cut along the card borders. The upper part is read "
             "aloud or handed to the team named; the lower part stays with the white cell. "
             "Injects change what teams know and what they must decide; they never change the "
             "chain's probabilities, which move only with the teams' moves, so the d100 tables "
             "stay valid.</p>")
    pages, chunk = [], []
    for k, card in enumerate(cards):
        chunk.append(card)
        if len(chunk) == 3 or k == len(cards) - 1:
            pages.append(_page((intro if not pages else "") + "".join(chunk)))
            chunk = []
    return Section("injects.html", "Inject cards", "".join(pages), "injects")


def forms() -> Section:
    decision = (
        '<div class="card"><div class="kind">Decision form</div>'
        "<p>Team: ______________ Round: ____ Time: ______</p>"
        "<p><b>Our move</b> (as on the brief's menu): ______________________________</p>"
        "<p><b>Intended result:</b></p><div class='line'></div>"
        "<p><b>Reasons</b> (at most three; cite a chapter or source where you can):</p>"
        "<div class='line'></div><div class='line'></div><div class='line'></div>"
        "<p><b>Anything we offer or demand</b> (read out, logged; does not change the chain):"
        "</p><div class='line'></div><p>Signed (lead): ______________</p></div>")
    message = (
        '<div class="card"><div class="kind">Message form</div>'
        "<p>From: ______________ To: ______________ Round: ____ Time: ______</p>"
        "<p><span class='box'></span>Private <span class='box'></span>Public "
        "<span class='box'></span>Reply requested</p>"
        "<div class='line'></div><div class='line'></div><div class='line'></div>"
        "<div class='line'></div><p class='small muted'>Copy to the white cell. Messages are "
        "delivered by the recorders; the white cell may delay delivery by up to one round "
        "and says so.</p></div>")
    rows = [[str(n)] + [""] * 7 for n in range(1, seminar.MAX_ROUNDS + 1)]
    log = ("<h1>White cell: game log</h1><p>Format: ____________ Seed: ________ Premise: "
           "____________ Assumption set: ________ Teams: ______________________</p>"
           "<p class='small'>One row per round. Pressure and talk are the clipped sums of the "
           "teams' points; the bands come from the d100 tables (or the notebook's report).</p>"
           + _table(["round", "state before", "Washington's answer", "pressure", "talk",
                     "roll", "state after", "injects played"], rows,
                    widths=["8%", "16%", "18%", "10%", "8%", "8%", "16%", "16%"], cls="grid"))
    body = (_page("<h1>Decision forms</h1><p>One per team per round.</p>" + decision + decision)
            + _page("<h1>Message forms</h1>" + message + message + message) + _page(log))
    return Section("forms.html", "Decision forms, message forms and the game log", body,
                   "forms")


def front_map(directory: Path) -> Section:
    from ..views.seminar import front_map_figure
    from ..views.style import style

    with style():
        fig = front_map_figure()
        fig.savefig(directory / "map.png", dpi=150, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    names = ", ".join(p.name for p in scenario.MAP_PLACES)
    body = _page("<h1>The front</h1><figure><img src='map.png' alt='Map of Ukraine from the "
                 "Belarus border to Crimea with the places the briefs name'></figure>"
                 f"<p class='small'>Places at {_e(scenario.MAP_SOURCE)}: {_e(names)}. Coastlines "
                 "and borders from Natural Earth (public domain), with Crimea drawn as part of "
                 "Ukraine (UN General Assembly resolution 68/262); the Dnipro is a sketch "
                 "through the cities it passes. No front line is drawn: the scenario leaves it "
                 "to the white cell.</p>")
    return Section("map.html", "Map of the front", body, "map")


def adjudication_guide() -> Section:
    parts = ["<h1>White cell: adjudication guide</h1>"]
    for title, paragraphs in scenario.ADJUDICATION:
        parts.append(f"<h2>{_e(title)}</h2>" + "".join(f"<p>{_cited(p)}</p>"
                                                       for p in paragraphs))
    parts.append("<h2>How moves act on the chain</h2><p>" + _e(scenario.POINTS_REASON)
                 + "</p>")
    run = []
    for fmt, sheets in scenario.RUN_SHEETS.items():
        for title, slots in sheets:
            rows = [[f"{s.start}–{s.end}", _e(s.activity)] for s in slots]
            run.append(f"<h2>Run sheet: {_e(title)}</h2>"
                       + _table(["minutes", "activity"], rows, widths=["15%", "85%"]))
    premises = "".join(
        f"<h3>{_e(p.title)} (Kahn rung {p.kahn_rung}: "
        f"'{_e(escalation.kahn_rung(p.kahn_rung).name)}')</h3><p>{_e(p.announcement)}</p>"
        f"<p class='small'><b>White cell only:</b> {_e(p.white_cell_knows)}</p>"
        for p in scenario.PREMISES.values())
    body = (_page("".join(parts)) + _page("".join(run))
            + _page("<h1>Day After: premise cards</h1><p>Choose one before the session and "
                    "record it in the game log.</p>" + premises))
    return Section("white-cell-guide.html", "White cell: adjudication guide and run sheets",
                   body, "guide")


def d100_table_data() -> dict:
    """Every entry of the printed d100 tables: ``{(phase, state, option, pressure, talk):
    (climb, step down, settle)}`` cumulative cut points (see :func:`seminar.paper_cuts`)."""
    data = {}
    pressures = range(scenario.PRESSURE_LIMITS[0], scenario.PRESSURE_LIMITS[1] + 1)
    talks = range(scenario.TALK_LIMITS[0], scenario.TALK_LIMITS[1] + 1)
    answers = [m.key for m in seminar.menu("washington", "after")]
    for phase in seminar.PHASES:
        options = [None] if phase == "before" else answers
        for state in seminar.paper_states(phase):
            for option in options:
                for pressure in pressures:
                    for talk in talks:
                        key = None if option == seminar.NO_RESPONSE else option
                        data[(phase, state, option, pressure, talk)] = seminar.paper_cuts(
                            state, key, pressure, talk)
    return data


def _cut_text(cuts: tuple[int, int, int]) -> str:
    return "/".join(f"{c:02d}" for c in cuts)


def d100_tables() -> Section:
    data = d100_table_data()
    pressures = list(range(scenario.PRESSURE_LIMITS[0], scenario.PRESSURE_LIMITS[1] + 1))
    talks = list(range(scenario.TALK_LIMITS[0], scenario.TALK_LIMITS[1] + 1))
    intro = (
        "<h1>d100 tables: the chain on paper</h1>"
        "<p>These tables give the same whole-percent probabilities the notebook draws from "
        "(with the option table at its central values, the notebook's default assumption "
        "set), so a game on paper is the same game as on screen. Each round:</p><ol>"
        "<li>Add up the teams' <b>pressure</b> points and <b>talk</b> points from the decision "
        f"forms (the menus on the briefs give them). Clip pressure to "
        f"{scenario.PRESSURE_LIMITS[0]}…{scenario.PRESSURE_LIMITS[1]:+d} and talk to "
        f"{scenario.TALK_LIMITS[0]}…{scenario.TALK_LIMITS[1]}.</li>"
        "<li>Find the table for the phase (before or after a nuclear use) and the state the "
        "crisis is in; after a use, take the row of Washington's answer.</li>"
        "<li>Roll two ten-sided dice, tens and units (00 = 100). The entry <b>a/b/c</b> means: "
        "a roll up to <b>a</b> climbs a rung; up to <b>b</b> steps down; up to <b>c</b> "
        "settles; above <b>c</b> the crisis stays where it is. Equal numbers mean that step "
        "cannot happen.</li></ol>"
        "<p class='small'>A climb from the top state is general war; a settlement ends the "
        "game. The first climb past the nuclear threshold in a pre-crisis game is a "
        "detonation: read the inject card 3 and switch to the after-use tables.</p>")
    pages = []
    # before: one table per state, pressure in rows, talk in columns
    parts = [intro]
    for state in seminar.paper_states("before"):
        t = seminar.band_targets(state)
        rows = [[f"{p:+d}"] + [_cut_text(data[("before", state, None, p, tk)]) for tk in talks]
                for p in pressures]
        parts.append(f"<h3>Before any nuclear use · the crisis is at: "
                     f"{_e(seminar.label(state))}</h3><p class='small'>climb → "
                     f"{_e(_target(t['climb']))}; step down → {_e(_target(t['step down']))}"
                     "</p>" + _table(["pressure"] + [f"talk {tk}" for tk in talks], rows,
                                     cls="d100"))
    pages.append(_page("".join(parts)))
    answers = seminar.menu("washington", "after")
    for state in seminar.paper_states("after"):
        t = seminar.band_targets(state)
        parts = []
        for tk in talks:
            rows = [[_e(m.label)] + [_cut_text(data[("after", state, m.key, p, tk)])
                                     for p in pressures] for m in answers]
            parts.append(f"<h3>After a nuclear use · at: {_e(seminar.label(state))} · talk "
                         f"{tk}</h3>"
                         + _table(["Washington's answer \\ pressure"]
                                  + [f"{p:+d}" for p in pressures], rows,
                                  widths=["30%"] + ["10%"] * len(pressures), cls="d100 small"))
        pages.append(_page(f"<h2>After a nuclear use: {_e(seminar.label(state))}</h2>"
                           f"<p class='small'>climb → {_e(_target(t['climb']))}; step down → "
                           f"{_e(_target(t['step down']))}; settle → settlement</p>"
                           + "".join(parts)))
    return Section("d100-tables.html", "d100 tables", "".join(pages), "d100")


def _target(key) -> str:
    return "—" if key is None else seminar.label(key)


def debrief_worksheet() -> Section:
    matrix = _table(["decision", "outcome good", "outcome bad"],
                    [[f"<b>decision {q}</b>"] + [_e(scenario.MATRIX_CELLS[(q, o)])
                                                 + "<div class='line'></div>" * 2
                                                 for o in ("good", "bad")]
                     for q in ("good", "poor")], widths=["16%", "42%", "42%"], cls="grid")
    scripts = (("Day After, demonstration moves", seminar.DEMO_SCRIPT, "day_after"),
               ("Pre-crisis, every team de-escalates", seminar.DEESCALATORY_SCRIPT,
                "pre_crisis"),
               ("Pre-crisis, every team presses", seminar.HARDLINE_SCRIPT, "pre_crisis"))
    rows = []
    for name, script, fmt in scripts:
        counts = seminar.outcome_counts(script, range(OUTCOME_SEEDS), game_format=fmt)
        exact = seminar.outcome_distribution(script, game_format=fmt)
        n = counts["games"]
        settle = counts["ends"].get("settlement", 0)
        war = counts["ends"].get("general_war", 0)
        rows.append([_e(name), f"{settle} ({100 * exact['ends'].get('settlement', 0):.0f}%)",
                     f"{counts['detonated']} ({100 * exact['p_detonation']:.0f}%)",
                     f"{war} ({100 * exact['ends'].get('general_war', 0):.1f}%)",
                     f"{n - settle - war}"])
    counts_table = _table(["same moves, " + f"{OUTCOME_SEEDS} seeds",
                           "settled (exact chance)", "a nuclear use (exact)",
                           "general war (exact)", "still unresolved"], rows,
                          widths=["32%", "17%", "17%", "17%", "17%"])
    questions = "".join(f"<li>{_e(q)}</li>" for q in scenario.DEBRIEF_QUESTIONS)
    worksheet = (
        "<h1>Debrief worksheet</h1><p>Game: format ____________ seed ________ premise "
        "____________ assumption set ________</p>"
        "<h2>1. What happened, and how likely was it?</h2>"
        "<p>Replay your game's moves with other seeds in the notebook "
        "(<code>seminar.outcome_counts(script, range(200), game_format=...)</code>) and write "
        "the counts here: settled ____ · nuclear use ____ · general war ____ · unresolved "
        "____ (of 200).</p><p class='small'>For comparison, three scripted games over "
        f"{OUTCOME_SEEDS} seeds each (counts; in brackets the chain's exact probability):</p>"
        + counts_table +
        "<h2>2. Decision quality and outcome</h2><p class='small'>Judge each team's main "
        "decision on what it knew when it decided, then place it in the matrix by how the "
        "game ended. A good decision can end badly and a poor one well; the outcome counts "
        "show how often.</p>" + matrix)
    debrief = "<h2>3. Questions for the debrief</h2><ol>" + questions + "</ol>"
    options = "; ".join(f"<b>{_e(k)}</b>: {_e(v)}" for k, v in verdict.VERDICT_OPTIONS.items())
    claim_rows = [[c.id, _e(c.term_en), _e(c.chapter), "", ""] for c in argument.CLAIMS]
    sheet = ("<h1>Verdict sheet</h1><p class='small'>For each of the op-ed's claims, your "
             f"verdict and the evidence it rests on. Verdicts: {options}.</p>"
             + _table(["claim", "in short", "chapter", "your verdict", "evidence or reason"],
                      claim_rows, widths=["7%", "30%", "11%", "18%", "34%"]))
    body = _page(worksheet) + _page(debrief + sheet)
    return Section("worksheet.html", "Debrief worksheet and verdict sheet", body, "worksheet")


def what_to_print() -> str:
    rows = [["Team briefs", "one set per team member (private: hand out face down)"],
            ["Role cards", "one card per person"],
            ["Inject cards", "one set for the white cell"],
            ["Decision forms", "one per team per round (about 3 × teams for Day After)"],
            ["Message forms", "ten per team"],
            ["Map of the front", "one per team, one enlarged for the wall"],
            ["White cell guide, run sheets, premise cards", "one for each white-cell member"],
            ["d100 tables", "two copies for the white cell (paper game or fallback)"],
            ["Debrief worksheet and verdict sheet", "one per person"]]
    return _table(["what", "how many"], [[_e(a), _e(b)] for a, b in rows],
                  widths=["40%", "60%"])


# --------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------
def _document(title: str, body: str, nav: str, paper: str = "a4") -> str:
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{_e(title)}</title>"
            "<link rel='stylesheet' href='kit.css'>"
            f"<link rel='stylesheet' media='print' href='print-{paper}.css'>"
            f"</head><body><nav class='kit'>{nav}</nav>{body}</body></html>")


def sections(directory: Path) -> list[Section]:
    """Every section of the kit, in print order (the map is drawn into ``directory``)."""
    return [*team_briefs(), inject_cards(), forms(), front_map(directory), adjudication_guide(),
            d100_tables(), debrief_worksheet()]


def find_chromium() -> str | None:
    """Debian's Chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(html_path: Path, pdf_path: Path, *, chromium: str | None = None,
              timeout: int = 180) -> bool:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium; False if there is none or
    printing failed."""
    chromium = chromium or find_chromium()
    if chromium is None:
        return False
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                   "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                   "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}",
                   html_path.resolve().as_uri()]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
        except (OSError, subprocess.SubprocessError):
            return False
    return pdf_path.is_file() and pdf_path.stat().st_size > 0


def build_kit(directory, *, pdf: bool = True,
              progress: Callable[[str], None] | None = None) -> dict:
    """Write the kit into ``directory``; return what was written:
    ``{"pages": [...], "pdfs": [...], "briefs": n, "injects": n}``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda message: None)
    say("drawing the map and counting outcomes")
    parts = sections(directory)
    (directory / "kit.css").write_text(_CSS, encoding="utf-8")
    for paper in PAPERS:
        (directory / f"print-{paper}.css").write_text(_page_css(paper), encoding="utf-8")
    nav = "<a href='index.html'>Kit</a>" + "".join(
        f"<a href='{s.file}'>{_e(s.title)}</a>" for s in parts if s.kind != "brief") + \
        "<a href='kit.html'>Everything (print)</a>"
    written = []
    for s in parts:
        path = directory / s.file
        path.write_text(_document(s.title, s.body, nav), encoding="utf-8")
        written.append(path)
    whole = "".join(s.body for s in parts)
    for paper in PAPERS:
        name = "kit.html" if paper == "a4" else f"kit-{paper}.html"
        path = directory / name
        path.write_text(_document("Crisis seminar kit", whole, nav, paper), encoding="utf-8")
        written.append(path)
    links = "".join(f"<li><a href='{s.file}'>{_e(s.title)}</a></li>" for s in parts)
    index = (
        "<h1>Crisis seminar kit</h1>"
        f"<p>For chapter 06 of deterrence-lab {__version__}: the two formats "
        + ", ".join(f"<b>{_e(f.name)}</b> ({f.minutes} min)" for f in scenario.FORMATS.values())
        + ". Generated from the same scenario data and models the notebook uses.</p>"
        f"<h2>Contents</h2><ul>{links}<li><a href='kit.html'>Everything in one document "
        "(A4)</a> · <a href='kit-letter.html'>(US Letter)</a></li></ul>"
        "<h2>What to print</h2>" + what_to_print() +
        "<p class='small'>Print from a browser with background graphics off; the print "
        "stylesheets set A4 (kit.html) or US Letter (kit-letter.html) pages. Where Chromium "
        "was found, kit-a4.pdf and kit-letter.pdf are ready to print.</p>")
    (directory / "index.html").write_text(_document("Crisis seminar kit", index, nav),
                                          encoding="utf-8")
    written.insert(0, directory / "index.html")
    pdfs = []
    if pdf:
        for paper in PAPERS:
            source = directory / ("kit.html" if paper == "a4" else f"kit-{paper}.html")
            target = directory / f"kit-{paper}.pdf"
            say(f"printing {target.name} with Chromium")
            if print_pdf(source, target):
                pdfs.append(target)
    return {"pages": written, "pdfs": pdfs,
            "briefs": sum(s.kind == "brief" for s in parts),
            "injects": len(scenario.INJECTS)}
