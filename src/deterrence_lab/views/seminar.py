"""The crisis seminar's texts, tables and figures (chapter 06 and the printable kit): the
white cell's round report, the decision log, the teams and moves, the outcome counts, the
debrief plot, the map of the front and the timeline of events after February 2023.

The engine (:mod:`deterrence_lab.models.seminar`) returns plain data; this module writes
it out. Numbers in the reports are ranges rounded to two significant figures, and every
report names who acts and what is judged.
"""
from __future__ import annotations

import html
import textwrap

import numpy as np

from .._display import Markdown, markdown_table, percent
from ..content import scenario as sc
from ..content import verdict
from ..models import escalation, seminar
from .style import OKABE_ITO, new_figure, text_color


def short(key: str) -> str:
    """A ladder state's short name for figures and logs (``LadderState.short``)."""
    return escalation.state(key).short


def _height(key: str) -> float:
    """Ladder height for plotting: settlement below the ladder, general war above it."""
    transient = escalation.TRANSIENT_KEYS
    if key == "settlement":
        return -1
    levels = {k: getattr(s, "level", i) for i, s in enumerate(escalation.LADDER_STATES)
              for k in [s.key] if k in transient}
    if key == "general_war":
        return max(levels.values()) + 1
    return levels[key]


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


def count(n: float) -> str:
    """A count already rounded to two significant figures, written with thousands separators."""
    return f"{n:,.0f}"


def span(pair) -> str:
    """A range of counts: 'about 40-2,300'; one number if both ends agree."""
    low, high = pair
    if count(low) == count(high):
        return f"about {count(low)}"
    if low == 0:
        return f"up to about {count(high)}"
    return f"about {count(low)}–{count(high)}"


# --------------------------------------------------------------------------------------
# The game's identity: format, seed, premise, assumptions
# --------------------------------------------------------------------------------------
def game_header(state: seminar.GameState) -> Markdown:
    """The line every game log starts with: format, seed, premise and assumption set."""
    f = sc.FORMATS[state.game_format]
    parts = [f"**Format:** {f.name} ({f.minutes} minutes"
             + (f" in {f.sessions} sessions" if f.sessions > 1 else "") + ")",
             f"**Seed:** {state.seed}"]
    if state.premise:
        p = sc.PREMISES[state.premise]
        parts.append(f"**Premise:** {p.title} (Kahn rung {p.kahn_rung}: "
                     f"'{escalation.kahn_rung(p.kahn_rung).name}'; starts at "
                     f"'{seminar.in_sentence(p.start_state)}')")
    a = seminar.assumption_set(state.assumptions)
    parts.append(f"**Assumption set:** option table at its {a['option_level']} values "
                 f"({a['option_table']}); {a['ladder']}; pressure ×{a['pressure_step']:g} and "
                 f"talk ×{a['talk_step']:g} per point")
    return Markdown(" · ".join(parts))


def formats_table() -> Markdown:
    """The two formats, side by side."""
    rows = [[f.name, f"{f.minutes} min" + (f" ({f.sessions} sessions)" if f.sessions > 1 else ""),
             str(f.rounds), f.summary] for f in sc.FORMATS.values()]
    return markdown_table(["format", "time", "rounds", "how it works"], rows)


def premise_text(premise: str = sc.DEFAULT_PREMISE) -> Markdown:
    """The Day After premise card: the announcement and its place on Kahn's ladder."""
    p = sc.PREMISES[premise]
    rung = escalation.kahn_rung(p.kahn_rung)
    return Markdown(f"**{p.title}.** {p.announcement}\n\n*On the ladder:* Kahn rung "
                    f"{rung.number}, '{rung.name}' ({rung.group.lower()}); the game starts at "
                    f"'{seminar.in_sentence(p.start_state)}'.")


# --------------------------------------------------------------------------------------
# The white cell's report
# --------------------------------------------------------------------------------------
def escalation_text(record: dict) -> str:
    steps = ", ".join(f"{seminar.in_sentence(k)} {percent(p)}" for k, p in record["step"].items())
    bands = "; ".join(f"{first:02d}–{last:02d} {short(k)}" if first != last else
                      f"{first:02d} {short(k)}" for k, first, last in record["bands"])
    lines = [f"Pressure {record['pressure']:+d}, talk {record['talk']:+d}. Chance of each next "
             f"step this round: {steps}.",
             f"If every team kept this round's moves, the chain would end in a settlement with "
             f"probability {percent(record['p_settlement'])} and in general nuclear war with "
             f"probability {percent(record['p_general_war'])}."]
    if record["p_nuclear_use"] is not None:
        lines.append("Chance of ever reaching a nuclear use from here, if the moves were kept: "
                     f"{percent(record['p_nuclear_use'])}.")
    lines.append(f"d100 bands: {bands}. Roll {record['roll']:02d}: "
                 f"{seminar.in_sentence(record['state_after'])}.")
    if record["detonation"]:
        lines.append("The chain has drawn a nuclear detonation: the next round opens after a "
                     "nuclear use.")
    return " ".join(lines)


def effects_text(est: dict) -> str:
    yields = ", ".join(f"{y:g}" for y in est["yields_kt"])
    parts = []
    if est["troops"]:
        t = est["troops"]
        parts.append(
            f"Soldiers of the targeted unit: {span(t['killed'])} killed and "
            f"{span(t['injured'])} injured (assumed: a unit of {t['unit_size'][0]:,}–"
            f"{t['unit_size'][1]:,} soldiers over {t['area_km2'][0]:g}–{t['area_km2'][1]:g} km², "
            f"{t['density_per_km2'][0]:,.0f}–{t['density_per_km2'][1]:,.0f} per km²; a "
            f"teaching assumption).")
    for setting, c in est["civilians"].items():
        parts.append(f"Civilians, if the burst was over {setting} "
                     f"({c['density_per_km2']:,.0f} people per km²): {span(c['killed'])} killed "
                     f"and {span(c['injured'])} injured.")
    return (f"Casualty estimate for the reported detonation (chapter 01): the yield is not "
            f"known, so the ranges span {yields} kt, each an air burst at the height that "
            f"maximises the 5 psi range, with the blast fit's ±10% [ota1979] [brode1986]. "
            + " ".join(parts) + " Numbers are rounded to two significant figures; shelter, "
            "warning, protection and fire can move them further than these ranges show.")


def law_text(a: dict) -> str:
    findings = "; ".join(f"{letter} ({vote}): {text}" for letter, text, vote in a["findings"])
    lead = ("The act judged" if not a["hypothetical"] else "The act judged, were it to happen")
    text = (f"{lead}: {a['act']} (actor: {a['actor']}). Walk-through of chapter 02: "
            f"{a['outcome']}. {a['court_said']} The Court's findings that apply "
            f"[icj1996, para 105(2)]: {findings}. {a['court']} {a['annexation']} Doctrine "
            f"conditions Moscow could point to (counting claimed land): "
            f"{a['doctrine']['2020']} in the 2020 text, {a['doctrine']['2024']} in the 2024 "
            f"text [russia2020] [russia2024].")
    if a["conditional_on"]:
        text += (" The outcome holds on the reading given to the unclear questions: "
                 + ", ".join(a["conditional_on"]) + ".")
    if a["note"]:
        text += " " + a["note"]
    return text


def decision_text(d: dict) -> str:
    ranked = "; ".join(f"{rank} of {d['n_options']} with the {name} weights"
                       for name, rank in d["ranks"].items())
    return (f"Decision analysis of Washington's answer ('{d['name']}'): ranks {ranked}; with "
            f"uncertain scores and weights around the op-ed's, it comes first in "
            f"{percent(d['p_first'])} of draws (chapter 04; the scores are teaching "
            f"assumptions).")


_WRITERS = {"effects": effects_text, "law": law_text, "decision": decision_text,
            "escalation": escalation_text}


def consequence_texts(state: seminar.GameState, number: int) -> dict[str, str]:
    """The white cell's report of round ``number`` as one text per model."""
    return {name: _WRITERS[name](data)
            for name, data in seminar.consequences(state, number).items()}


def report(state: seminar.GameState, number: int | None = None) -> Markdown:
    """Round ``number`` (default: the last played) as Markdown: situation, moves, consequences."""
    if not isinstance(state, seminar.GameState):
        raise TypeError(f"state={state!r} must be a GameState from new_game()")
    number = len(state.history) if number is None else number
    parts = consequence_texts(state, number)
    record = state.history[number - 1]
    before = seminar.GameState(state.game_format, state.seed, state.teams, state.max_rounds,
                               state.premise, state.assumptions, state.decisions[:number - 1],
                               state.history[:number - 1])
    stg = seminar.stage(before)
    choices = state.decisions[number - 1]["choices"]
    moves = "; ".join(f"**{seminar.team(k).name}**: {seminar.move(k, record['phase'], m).label}"
                      for k, m in choices.items())
    text = [f"### Round {number}: {stg.title}", stg.situation, f"*Moves.* {moves}"]
    text += [f"*{name.capitalize()}.* {body}" for name, body in parts.items()]
    if state.over and number == len(state.history):
        text.append(f"**The game has ended.** {state.outcome}")
    return Markdown("\n\n".join(text))


def decisions_table(state: seminar.GameState) -> Markdown:
    """Every round as a table row: the moves of each team, the roll and where the crisis went."""
    header = ["round"] + [seminar.team(k).name for k in state.teams] + ["roll",
                                                                        "ladder after the round"]
    rows = []
    for d, h in zip(state.decisions, state.history):
        rows.append([str(h["round"])] + [seminar.move(k, h["phase"], d["choices"][k]).label
                                          for k in state.teams]
                    + [f"{h['roll']:02d}", seminar.label(h["state_after"])])
    return markdown_table(header, rows)


def teams_table(teams=sc.TEAM_KEYS) -> Markdown:
    """The teams and whom they play (their full briefs are private: see the kit)."""
    rows = [[t.name + (" (optional)" if t.optional else "") + (" (observer)" if t.observer
                                                              else ""), t.plays]
            for t in (seminar.team(k) for k in teams)]
    return markdown_table(["team", "plays"], rows)


def menu_table(phase: str = "before") -> Markdown:
    """Every team's moves in a phase (``before`` or ``after`` a nuclear use), with points."""
    rows = []
    for key in sc.TEAM_KEYS:
        for m in seminar.menu(key, phase):
            effect = ("the option table's factors" if m.western_option else
                      ", ".join(f"{n} {v:+d}" for n, v in (("pressure", m.pressure),
                                                            ("talk", m.talk)) if v) or "none")
            rows.append([seminar.team(key).name, m.label, effect, m.reason])
    return markdown_table(["team", "move", "points", "why"], rows)


def outcome_table(counts: dict) -> Markdown:
    """:func:`seminar.outcome_counts` as a table, with the games that saw a detonation."""
    n = counts["games"]
    rows = [[seminar.label(k), str(c), f"{100 * c / n:.0f}%"] for k, c in counts["ends"].items()]
    rows.append(["a nuclear weapon was used during the game", str(counts["detonated"]),
                 f"{100 * counts['detonated'] / n:.0f}%"])
    return markdown_table(["where the game stood at the end", f"games (of {n})", "share"], rows)


def distribution_table(dist: dict) -> Markdown:
    """:func:`seminar.outcome_distribution` as a table of percentages."""
    rows = [[seminar.label(k), percent(p)] for k, p in
            sorted(dist["ends"].items(), key=lambda kv: -kv[1]) if p >= 0.0005]
    rows.append(["a nuclear weapon was used during the game", percent(dist["p_detonation"])])
    return markdown_table(["end state", "probability"], rows)


# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------
def debrief_figure(state: seminar.GameState):
    """The path the game took on the ladder (top), from its real starting state, and the
    probabilities along the way (bottom)."""
    fig, (path_ax, prob_ax) = new_figure(8.0, 7.0, 2, 1, sharex=True,
                                         gridspec_kw={"height_ratios": [1.25, 1]})
    rounds = [0] + [h["round"] for h in state.history]
    heights = [_height(state.start_state)] + [_height(h["state_after"]) for h in state.history]
    path_ax.plot(rounds, heights, color=OKABE_ITO["black"], lw=1.5, drawstyle="steps-post",
                 alpha=0.6)
    path_ax.plot([0], heights[:1], "o", color=OKABE_ITO["grey"], ms=9,
                 label=f"start: {short(state.start_state)}")
    pts = [(h["round"], _height(h["state_after"])) for h in state.history]
    if pts:
        x, y = zip(*pts)
        path_ax.plot(x, y, "o", color=OKABE_ITO["vermillion"], ms=8, linestyle="none",
                     label="after the round's d100 roll")
    shots = [(h["round"], _height(h["state_after"])) for h in state.history if h["detonation"]]
    if shots:
        x, y = zip(*shots)
        path_ax.plot(x, y, "*", color=OKABE_ITO["vermillion"], ms=15, linestyle="none",
                     label="detonation drawn by the chain")
    threshold = _height(escalation.FIRST_NUCLEAR_STATE) - 0.5
    path_ax.axhline(threshold, color=OKABE_ITO["vermillion"], ls="--", lw=1)
    path_ax.text(0.02, threshold + 0.1, "nuclear threshold", color=OKABE_ITO["vermillion"],
                 fontsize=9, transform=path_ax.get_yaxis_transform())
    ticks: dict[float, str] = {}
    for key in escalation.STATE_KEYS:
        ticks.setdefault(_height(key), short(key))
    path_ax.set_yticks(sorted(ticks), [ticks[t] for t in sorted(ticks)])
    path_ax.set_ylim(-1.5, max(ticks) + 0.5)
    path_ax.set_ylabel("where the crisis stands\n(compact ladder, chapter 05)")
    path_ax.legend(loc="upper left", fontsize=8, frameon=False, ncol=2)
    fmt = sc.FORMATS[state.game_format].name
    title = f"{fmt}, seed {state.seed}: the path taken" + (f". {state.outcome}" if state.over
                                                          else "")
    path_ax.set_title("\n".join(textwrap.wrap(title, 80)), fontsize=11)

    series = (("p_nuclear_use", "chance of reaching a nuclear use", OKABE_ITO["vermillion"]),
              ("p_general_war", "chance the chain ends in general war", OKABE_ITO["black"]),
              ("p_settlement", "chance the chain ends in settlement", OKABE_ITO["green"]))
    for key, lab, colour in series:
        pts = [(h["round"], 100 * h[key]) for h in state.history if h[key] is not None]
        if pts:
            x, y = zip(*pts)
            prob_ax.plot(x, np.maximum(y, 0.01), "o-", color=colour, label=lab)
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


FRONT_MAP_CENTRE = (48.3, 33.6)   # lat, lon: between Kyiv and Crimea
FRONT_MAP_VIEW_KM = (560.0, 520.0)   # half-width, half-height


def front_map_figure():
    """A map of the front for the seminar: Natural Earth's coastlines and borders (offline,
    public domain; Crimea drawn as part of Ukraine) around Zaporizhzhia, Kherson and Crimea up
    to the Belarus border, with the places the briefs name. The Dnipro is a sketch through
    the cities it passes; no front line is drawn."""
    from ..models import effects as fx
    from ..content import basemap as bm
    from .maps import BORDER_STYLE, COAST_STYLE, _projected, scale_bar

    lat0, lon0 = FRONT_MAP_CENTRE
    half_x, half_y = FRONT_MAP_VIEW_KM
    fig, ax = new_figure(8.0, 7.6)

    def xy(lats, lons):
        x, y = fx.azimuthal_equidistant_km(lat0, lon0, np.asarray(lats), np.asarray(lons))
        return np.atleast_1d(x), np.atleast_1d(y)

    for name, kw in (("europe_coast", COAST_STYLE), ("europe_border", BORDER_STYLE)):
        lines = _projected(bm.layer(name), lat0, lon0, 3.0 * max(half_x, half_y))
        ax.plot(lines[:, 0], lines[:, 1], zorder=1, **kw)
    ax.plot([], [], label="coastline (Natural Earth)", **COAST_STYLE)
    ax.plot([], [], label="international border (Natural Earth)", **BORDER_STYLE)
    lats, lons = zip(*sc.DNIPRO_SCHEMATIC)
    ax.plot(*xy(lats, lons), color=OKABE_ITO["sky_blue"], lw=2.2, zorder=2,
            label="Dnipro (sketch through the cities it passes)")
    offsets = {"Kherson": (-6, 5, "right"), "Nova Kakhovka": (4, 5, "left"),
               "Melitopol": (4, 5, "left"), "Zaporizhzhia": (6, 2, "left"),
               "Enerhodar (nuclear power plant)": (-6, -10, "right"),
               "Sevastopol": (-6, -10, "left"), "Dnipro": (6, 2, "left")}
    for p in sc.MAP_PLACES:
        (x,), (y,) = xy([p.lat_deg], [p.lon_deg])
        ax.plot(x, y, "^" if p.kind == "plant" else "o", color=OKABE_ITO["black"], ms=6,
                zorder=4)
        dx, dy, ha = offsets.get(p.name, (4, 4, "left"))
        ax.annotate(p.name, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha,
                    fontsize=8.5, zorder=5)
    for text, lat, lon, colour, style in (
            ("BELARUS", 52.2, 28.6, OKABE_ITO["grey"], "normal"),
            ("UKRAINE", 49.3, 30.6, OKABE_ITO["grey"], "normal"),
            ("RUSSIA", 51.0, 38.2, OKABE_ITO["grey"], "normal"),
            ("MOLDOVA", 47.3, 28.5, OKABE_ITO["grey"], "normal"),
            ("Black Sea", 44.1, 32.0, OKABE_ITO["blue"], "italic"),
            ("Sea of Azov", 46.2, 36.6, OKABE_ITO["blue"], "italic"),
            ("Zaporizhzhia oblast", 47.6, 36.4, OKABE_ITO["vermillion"], "italic"),
            ("Kherson oblast", 46.35, 34.1, OKABE_ITO["vermillion"], "italic"),
            ("Crimea", 45.45, 34.6, OKABE_ITO["grey"], "italic")):
        (x,), (y,) = xy([lat], [lon])
        ax.text(x, y, text, fontsize=9 if style == "normal" else 8, color=text_color(colour), ha="center",
                style=style, zorder=3)
    ax.set_xlim(-half_x, half_x)
    ax.set_ylim(-half_y, half_y)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("#f7fbff")
    scale_bar(ax, min(half_x, half_y), corner="lower left")
    ax.legend(loc="upper right", fontsize=7.5, framealpha=0.95)
    ax.set_title("The front of the scenario: places the briefs name (no front line is drawn)",
                 fontsize=10)
    ax.text(0.01, 0.01, "azimuthal equidistant projection; base map Natural Earth (public "
            "domain), Crimea drawn as part of Ukraine (UN General Assembly resolution 68/262)",
            transform=ax.transAxes, fontsize=6.2, color="#555555", zorder=6)
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
