"""The escalation ladder drawn: Kahn's 44 rungs, the compact chain's states and outcomes,
option comparison, trajectories, and the chapter's tables (chapter 05)."""
from __future__ import annotations

import textwrap

import numpy as np

from .._display import Markdown, markdown_table, percent, prose
from ..content import options as opts
from ..models import escalation as esc
from ..models import robustness
from .style import OKABE_ITO, SERIES_COLORS, actor_color, new_figure, text_color

END_COLORS = {"settlement": OKABE_ITO["green"], "general_war": OKABE_ITO["black"]}


END_LABELS = {"settlement": "settlement", "general_war": "general war"}


_SHORT = {s.key: s.short for s in esc.LADDER_STATES}



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
    # the after-use twins of conventional war and threats stand for the same rungs: drawn once
    for i, state in enumerate(s for s in esc.LADDER_STATES
                              if s.kahn_rungs and not (s.after_use and s.level <= 1)):
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


_X = {False: 0.25, True: 0.95}   # column: before any use / after a use


def _ladder_xy(key: str) -> tuple[float, float]:
    st = esc.state(key)
    return (_X[st.after_use and st.level <= 1] if st.level <= 1 else 0.6, st.level)


# Drawing order of the ladder: the boxes (plain), then the moves between them and their
# probabilities, then the box of the starting state (outlined) over its plain box. A new
# option, start or scale changes only the latter, so a widget redraws those over the rest.
_BOX_Z, _MOVE_Z, _MOVE_LABEL_Z, _START_Z = 3, 3.2, 3.3, 3.4


def _ladder_box(ax, key, start):
    x, y = _ladder_xy(key)
    edge = OKABE_ITO["vermillion"] if start else OKABE_ITO["grey"]
    return ax.text(x, y, _SHORT[key], ha="center", va="center", fontsize=8,
                   zorder=_START_Z if start else _BOX_Z,
                   bbox={"boxstyle": "round", "fc": "white", "ec": edge, "lw": 2 if start else 1})


def ladder_base():
    """The two axes of :func:`ladder_figure` with what no parameter changes: the states'
    boxes, general war, the nuclear threshold, column captions and titles."""
    fig, (ax, bars) = new_figure(9.5, 5.2, 1, 2, gridspec_kw={"width_ratios": [2.3, 1]})
    for key in esc.TRANSIENT_KEYS:
        _ladder_box(ax, key, start=False)
    ax.text(0.6, 6, "GENERAL NUCLEAR WAR", ha="center", va="center", fontsize=9, color="white",
            bbox={"boxstyle": "round", "fc": END_COLORS["general_war"]})
    ax.axhline(1.5, color=OKABE_ITO["vermillion"], ls="--", lw=1)
    ax.text(0.0, 1.55, "nuclear threshold", fontsize=8, color=text_color(OKABE_ITO["vermillion"]))
    ax.text(_X[False], -0.8, "before any use", ha="center", fontsize=8, style="italic")
    ax.text(_X[True], -0.8, "after a use", ha="center", fontsize=8, style="italic")
    ax.set_xlim(-0.05, 1.25)
    ax.set_ylim(-1.0, 6.5)
    ax.axis("off")
    ax.set_title("One round: climb, step down, settle (or stay)")
    keys = ["settlement", "general_war"]
    bars.set_ylim(0, 1.1)
    bars.set_ylabel("probability of ending there")
    bars.set_title("Where it ends")
    # the category axis the bars use, set before them so that it does not change
    bars.bar([END_LABELS[k] for k in keys], [0.0, 0.0], color="none").remove()
    return fig


def draw_ladder(fig, params: dict, start: str, outcome: dict) -> list:
    """The moves with their probabilities (``params``), the starting state outlined and the
    bars of where it ends (``outcome``) on a :func:`ladder_base` figure; returns what was
    added."""
    ax, bars = fig.axes
    added = []
    for i, key in enumerate(esc.TRANSIENT_KEYS):
        x, y = _ladder_xy(key)
        st = esc.state(key)
        for move, target, color in (("up", st.up_to, actor_color("russia")),
                                    ("down", st.down_to, actor_color("us_nato"))):
            p = params[move][i]
            if not target or p <= 0:
                continue
            tx, ty = _ladder_xy(target) if target != "general_war" else (0.6, 6)
            off = 0.06 if move == "up" else -0.06
            added.append(ax.annotate("", xy=(tx + off, ty - 0.25 * np.sign(ty - y)),
                                     xytext=(x + off, y + 0.25 * np.sign(ty - y)), zorder=_MOVE_Z,
                                     arrowprops={"arrowstyle": "->", "color": color,
                                                 "lw": 0.5 + 6 * p}))
            # label 35% along a climb, 65% along a step down: clear of the middle column's boxes
            frac = 0.35 if move == "up" else 0.65
            added.append(ax.text(x + frac * (tx - x) + 2 * off, y + frac * (ty - y),
                                 f"{move} {p:.2f}", fontsize=7, color=text_color(color),
                                 ha="left" if move == "up" else "right", va="center",
                                 zorder=_MOVE_LABEL_Z))
        middle = st.level >= 2
        added.append(ax.text(x - 0.17 if middle else x, y if middle else y - 0.33,
                             f"settle {params['settle'][i]:.2f}", ha="right" if middle else "center",
                             va="center", fontsize=7, color=text_color(END_COLORS["settlement"]),
                             zorder=_MOVE_LABEL_Z))
    added.append(_ladder_box(ax, start, start=True))
    keys = ["settlement", "general_war"]
    values = [outcome[k] for k in keys]
    added.append(bars.bar([END_LABELS[k] for k in keys], values,
                          color=[END_COLORS[k] for k in keys]))
    added += [bars.text(x, v + 0.02, percent(v), ha="center", fontsize=10)
              for x, v in enumerate(values)]
    return added


def ladder_figure(params: dict, start: str, outcome: dict):
    """The ladder as a diagram with its step probabilities (left column: before any nuclear
    use; right column: after one), and bars of where it ends."""
    fig = ladder_base()
    draw_ladder(fig, params, start, outcome)
    return fig


def option_comparison(start: str = esc.FIRST_NUCLEAR_STATE) -> dict:
    """P(general war) per option (option-table order): central factors, the range from the
    factors' best to worst combination, and the memoryless chain's value, for the figure."""
    out = {}
    for key in opts.OPTION_KEYS:
        out[key] = {"central": esc.ladder_outcome(key, start)["general_war"],
                    "best": esc.ladder_outcome(key, start, level="best")["general_war"],
                    "worst": esc.ladder_outcome(key, start, level="worst")["general_war"],
                    "memoryless": esc.ladder_outcome(key, start, memory=False)["general_war"]}
    return out


def option_comparison_figure(start: str = esc.FIRST_NUCLEAR_STATE):
    """Probability of general nuclear war by response option, exact: bar at the central ladder
    factors, whisker from the best to the worst factors in the option table, a cross for the
    memoryless chain, and a dashed line at no response."""
    data = option_comparison(start)
    keys = list(data)
    central = np.array([data[k]["central"] for k in keys])
    order = np.argsort(central, kind="stable")
    fig, ax = new_figure(9.0, 4.6)
    names = [textwrap.fill(opts.option(keys[i]).name, 36) for i in order]
    ax.barh(names, 100 * central[order], color=[SERIES_COLORS[i % len(SERIES_COLORS)] for i in order],
            alpha=0.85)
    lo = np.array([data[keys[i]]["best"] for i in order])
    hi = np.array([data[keys[i]]["worst"] for i in order])
    ax.errorbar(100 * central[order], range(len(order)),
                xerr=[100 * (central[order] - lo), 100 * (hi - central[order])],
                fmt="none", color="black", capsize=3, lw=1, label="range of the option table")
    ax.plot([100 * data[keys[i]]["memoryless"] for i in order], range(len(order)), "x",
            color=OKABE_ITO["vermillion"], label="memoryless chain")
    base = data[opts.NO_RESPONSE]["central"]
    ax.axvline(100 * base, color=OKABE_ITO["black"], ls="--", lw=1)
    for y, i in enumerate(order):
        ax.text(100 * hi[y] + 0.5, y, percent(central[i]), va="center", fontsize=8)
    ax.set_xlabel("probability of general nuclear war (%)")
    ax.set_xlim(0, 100 * hi.max() * 1.2)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(f"Response options compared (from {_SHORT[start]}; dashed: no response)")
    ax.tick_params(axis="y", labelsize=8)
    return fig


def trajectories_base(n_paths: int, n_rounds: int):
    """The two axes of :func:`trajectories_figure` for ``n_paths`` paths over ``n_rounds``
    rounds: state names, labels, titles; :func:`draw_trajectories` adds paths and shares."""
    fig, (ax, share) = new_figure(10.0, 4.2, 1, 2, gridspec_kw={"width_ratios": [1.6, 1]})
    ax.set_yticks(range(-1, 7), ["settlement", "conventional war", "nuclear threats",
                                 "single nuclear use", "battlefield use", "theatre exchange",
                                 "strategic exchange", "general war"], fontsize=8)
    # every state in view, whether or not a sample reaches it (jitter ±0.25, 5% margins)
    ax.set_ylim(-1.25 - 0.375, 6.25 + 0.375)
    ax.set_xlabel("round (one round of decisions by both sides)")
    ax.set_title(f"{n_paths} sampled paths")
    share.set_xlabel("round")
    share.set_ylabel("share of all paths (%, exact)")
    share.set_ylim(0, 100)
    share.set_title("How fast it ends")
    return fig


def draw_trajectories(fig, paths: np.ndarray, timing: np.ndarray) -> list:
    """Sampled ``paths`` (left) and the exact share ended by each round from ``timing``
    (right) on a :func:`trajectories_base` figure of the same size; returns what was added."""
    ax, share = fig.axes
    rounds = np.arange(paths.shape[1])
    jitter = np.linspace(-0.25, 0.25, paths.shape[0])
    war, settle = esc.STATE_KEYS.index("general_war"), esc.STATE_KEYS.index("settlement")
    height = {i: esc.LADDER_STATES[i].level for i in range(len(esc.STATE_KEYS))}
    level = np.vectorize(height.get)(paths)
    added = []
    for row, path in enumerate(level):
        end = paths[row, -1]
        color = (END_COLORS["general_war"] if end == war else END_COLORS["settlement"] if end == settle
                 else OKABE_ITO["grey"])
        added += ax.step(rounds, path + jitter[row], where="post", color=color, alpha=0.5, lw=1)
    cum = np.cumsum(timing, axis=0)
    k = np.arange(1, timing.shape[0] + 1)
    added += share.plot(k, 100 * cum[:, 0], color=END_COLORS["settlement"], label="settled by then")
    added += share.plot(k, 100 * cum[:, 1], color=END_COLORS["general_war"], label="general war by then")
    added.append(share.legend(loc="center right"))
    return added


def trajectories_figure(paths: np.ndarray, timing: np.ndarray):
    """Sampled paths over rounds (left) and the exact share of paths ended by each round (right)."""
    fig = trajectories_base(paths.shape[0], paths.shape[1] - 1)
    draw_trajectories(fig, paths, timing)
    return fig


def thresholds_table():
    """Kahn's thresholds and the rung each lies just below."""
    return markdown_table(["threshold", "lies just below rung", "that rung"],
                          [[t.name, t.below_rung, esc.kahn_rung(t.below_rung).name]
                           for t in esc.KAHN_THRESHOLDS])


def ladder_table(params=None):
    """The ladder's transient states, the Kahn rungs each stands for, whether it lies after a
    nuclear use, and its step probabilities (``params`` from
    :func:`escalation.ladder_parameters`; no response by default)."""
    params = esc.ladder_parameters() if params is None else params
    rows = []
    for i, key in enumerate(esc.TRANSIENT_KEYS):
        s = esc.state(key)
        low, high = s.kahn_rungs
        rungs = str(low) if low == high else f"{low}–{high}"
        rows.append([s.label, rungs, "yes" if s.after_use else "no"]
                    + [f"{params[k][i]:.2f}" for k in ("up", "down", "settle")])
    return markdown_table(["state", "stands for Kahn rungs", "after a use", "up", "down",
                           "settle"], rows)


def option_effects_table():
    """The option table's ladder factors: low – central – high for climbing, stepping down and
    settling (relative to no response), with the reason and sources for climbing."""
    def rng(r):
        return f"{r.low:g} – **{r.central:g}** – {r.high:g}"

    rows = []
    for o in opts.OPTIONS:
        up = o.ladder["up"]
        rows.append([o.name, rng(up), rng(o.ladder["down"]), rng(o.ladder["settle"]), up.reason,
                     ", ".join(up.sources) or "—"])
    return markdown_table(["option", "climb ×", "step down ×", "settle ×",
                           "why (climbing; a teaching assumption)", "based on"], rows)


def plan_a_table():
    """The phases of Princeton's "Plan A" simulation with their casualty figures."""
    rows = [[ph.phase, ph.description, ph.duration, f"{ph.casualties_million:g}"]
            for ph in esc.PLAN_A]
    total = esc.PLAN_A_TOTAL_MILLION
    rows.append(["Whole war", "total dead and injured", "under 5 hours",
                 f"{total['dead']:g} dead + {total['injured']:g} injured"])
    return markdown_table(["phase", "what happens", "duration", "casualties (million)"], rows)


def robustness_lines(start: str = esc.FIRST_NUCLEAR_STATE):
    """P(general war) per option with one robustness line each (against no response)."""
    base = esc.ladder_outcome(None, start)["general_war"]
    rows = []
    for key in opts.OPTION_KEYS:
        if key == opts.NO_RESPONSE:
            rows.append([opts.option(key).name, percent(base), "the baseline"])
            continue
        r = robustness.war_probability(key, start=start)
        rows.append([opts.option(key).name, percent(r.value),
                     ("lower" if r.holds else "not lower") + " than no response. " + r.line()])
    return markdown_table(["option", "P(general war)", "against no response, and where that flips"],
                          rows)


def matrix_table(transition_matrix) -> Markdown:
    """The compact ladder's transition matrix as a labelled Markdown table: one row per state
    (from), one column per state (to), each row's sum in the last column.

    Parameters
    ----------
    transition_matrix : array_like, shape (10, 10)
        A matrix of the compact ladder (see :func:`escalation.ladder_matrix`), rows and columns
        in the order of ``escalation.STATE_KEYS``.

    Returns
    -------
    Markdown
        Probabilities per round to two decimals; an exact zero is written ``0``.

    Raises
    ------
    ValueError
        If the matrix is not a valid chain of the compact ladder's states.
    """
    P = esc._ladder_only(transition_matrix)
    names = [_SHORT[k] for k in esc.STATE_KEYS]

    def cell(x: float) -> str:
        return "0" if x == 0 else f"{x:.2f}"

    rows = [[f"**{name}**"] + [cell(x) for x in row] + [f"{row.sum():.2f}"]
            for name, row in zip(names, P)]
    return markdown_table(["from ↓ · to →"] + names + ["row sum"], rows)


def outcome_summary(outcome: dict, rounds_in_state, *notes: str,
                    start: str = esc.FIRST_NUCLEAR_STATE) -> Markdown:
    """How a crisis on the ladder ends, in a sentence, and the rounds it spends in each state,
    as a table; ``notes`` (e.g. a robustness line) follow as paragraphs.

    Parameters
    ----------
    outcome : dict
        What :func:`escalation.ladder_outcome` returns.
    rounds_in_state : array_like, shape (8,), rounds
        Average rounds spent in each transient state (``escalation.TRANSIENT_KEYS`` order),
        e.g. the start's row of the fundamental matrix.
    *notes : str
        Paragraphs to add below.
    start : str, optional
        The state the outcome starts from, for the sentence (default the first nuclear use).

    Returns
    -------
    Markdown
        A sentence on how the crisis ends, then a table of rounds per state.

    Raises
    ------
    ValueError
        If ``rounds_in_state`` has another length than the transient states, ``outcome``
        lacks ``settlement``, ``general_war`` or ``expected_rounds``, or ``start`` is not a
        state of the compact ladder.
    """
    rounds = np.asarray(rounds_in_state, dtype=float).reshape(-1)
    if rounds.size != len(esc.TRANSIENT_KEYS):
        raise ValueError(f"rounds_in_state has {rounds.size} values; it needs one per transient "
                         f"state ({len(esc.TRANSIENT_KEYS)})")
    missing = [k for k in ("settlement", "general_war", "expected_rounds") if k not in outcome]
    if missing:
        raise ValueError(f"outcome lacks {missing}: pass what escalation.ladder_outcome returns")
    further = outcome.get("further_use")
    label = esc.state(start).label
    headline = (f"From {label[0].lower() + label[1:]}: **settlement {percent(outcome['settlement'])}, "
                f"general war {percent(outcome['general_war'])}**, after "
                f"{float(outcome['expected_rounds']):.1f} rounds on average"
                + (f"; a further nuclear use in {percent(further)} of crises." if further is not None
                   else "."))
    table = markdown_table(["state", "average rounds spent there"],
                           [[esc.state(k).label, f"{r:.2f}"]
                            for k, r in zip(esc.TRANSIENT_KEYS, rounds)])
    return Markdown("\n\n".join([prose(headline), table, prose(*notes)]).strip())


_PATH_MEASURES = (
    ("paths sampled from a single use", lambda s: f"{s.n_paths:,}"),
    ("rounds to the end, on average", lambda s: f"{s.mean_rounds:.1f}"),
    ("paths ending in general war", lambda s: percent(s.war_share)),
    ("… of those: median rounds to general war", lambda s: f"{s.war_median_rounds:.0f}"),
    ("… of those: rounds standing still, on average", lambda s: f"{s.war_mean_still:.1f}"),
    ("… of those: step back at least once", lambda s: f"{s.war_share_stepping_back:.0%}"),
    ("all paths: fall back to a state before any use", lambda s: f"{s.share_pre_use:.0%}"),
    ("all paths: re-enter the single use", lambda s: f"{s.share_reentering_start:.0%}"),
)


def path_statistics_table(stats: dict) -> Markdown:
    """Sampled paths of several ladders side by side: one row per measure, one column per
    ladder.

    Parameters
    ----------
    stats : dict of str to PathStatistics
        A column heading per ladder (e.g. ``"remembering ladder"``) and what
        :func:`escalation.path_statistics` returned for it.

    Returns
    -------
    Markdown
        One row per measure (paths, rounds, shares ending in general war), one column per ladder.

    Raises
    ------
    ValueError
        If ``stats`` is empty or a value is not a ``PathStatistics``.
    """
    if not stats:
        raise ValueError("stats={} must name at least one ladder")
    for name, value in stats.items():
        if not isinstance(value, esc.PathStatistics):
            raise ValueError(f"stats[{name!r}]={value!r} must be what "
                             "escalation.path_statistics returns")
    return markdown_table(["measure"] + [str(k) for k in stats],
                          [[label] + [fmt(s) for s in stats.values()]
                           for label, fmt in _PATH_MEASURES])


def memory_table(start: str = esc.FIRST_NUCLEAR_STATE) -> Markdown:
    """P(general war) for every response option on the remembering ladder and on the
    memoryless chain, as a Markdown table.

    Parameters
    ----------
    start : str, optional
        The state the crisis starts from (default the first nuclear use).

    Returns
    -------
    Markdown
        One row per response option, P(general war) on each ladder.

    Raises
    ------
    ValueError
        If ``start`` is not a state of the compact ladder.
    """
    rows = []
    for key in opts.OPTION_KEYS:
        with_memory = esc.ladder_outcome(key, start)["general_war"]
        without = esc.ladder_outcome(key, start, memory=False)["general_war"]
        rows.append([opts.option(key).name, percent(with_memory), percent(without)])
    return markdown_table(["response", "P(general war), remembering ladder",
                           "P(general war), memoryless chain"], rows)
