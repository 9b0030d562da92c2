"""Chapter 05 views: Kahn's ladder, the compact ladder chain, trajectories, brinkmanship,
cumulative risk and calibration. Figures come from functions that return a Figure; the
explorers wire them to labelled controls. All numbers come from :mod:`deterrence_lab.escalation`."""
from __future__ import annotations

import textwrap

import ipywidgets as W
import numpy as np

from .. import escalation as esc
from .. import robustness
from .._display import markdown_table
from ..content import options as opts
from ..plotting import OKABE_ITO, SERIES_COLORS, actor_color, new_figure
from ._base import Explorer

END_COLORS = {"settlement": OKABE_ITO["green"], "general_war": OKABE_ITO["black"]}
END_LABELS = {"settlement": "settlement", "general_war": "general war"}
_SHORT = {"conventional_war": "conventional war", "nuclear_threats": "nuclear threats",
          "first_use": "single nuclear use", "battlefield_use": "battlefield use",
          "theatre_exchange": "theatre exchange", "strategic_exchange": "strategic exchange",
          "settlement": "settlement", "general_war": "general war",
          "threats_after_use": "threats after a use",
          "conventional_after_use": "conventional war after a use"}
_OPTION_CHOICES = [(("No response (baseline)" if o.key == opts.NO_RESPONSE else o.name), o.key)
                   for o in opts.OPTIONS]
_START_CHOICES = [(s.label, s.key) for s in esc.LADDER_STATES if not s.absorbing]
_STYLE = {"description_width": "190px"}
_WIDE = W.Layout(width="330px")


def _option(value: str) -> str | None:
    return None if value in ("baseline", opts.NO_RESPONSE) else value


def _pct(p: float) -> str:
    return f"{100 * p:.1f}%" if p >= 0.01 or p == 0 else f"{100 * p:.2g}%"


# --- figures ---------------------------------------------------------------------------


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
                color=OKABE_ITO["vermillion"], fontweight="bold" if nuclear else "normal")
    for i, state in enumerate(s for s in esc.LADDER_STATES if s.kahn_rungs):
        lo, hi = state.kahn_rungs
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        ax.add_patch(_band(1.02, lo - 0.45, 0.04, hi - lo + 0.9, color))
        ax.text(1.08, (lo + hi) / 2, _SHORT[state.key], va="center", fontsize=8, color=color)
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


def ladder_figure(params: dict, start: str, outcome: dict):
    """The ladder as a diagram with its step probabilities (left column: before any nuclear
    use; right column: after one), and bars of where it ends."""
    fig, (ax, bars) = new_figure(9.5, 5.2, 1, 2, gridspec_kw={"width_ratios": [2.3, 1]})
    for i, key in enumerate(esc.TRANSIENT_KEYS):
        x, y = _ladder_xy(key)
        st = esc.state(key)
        edge = OKABE_ITO["vermillion"] if key == start else OKABE_ITO["grey"]
        ax.text(x, y, _SHORT[key], ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round", "fc": "white", "ec": edge, "lw": 2 if key == start else 1})
        for move, target, color in (("up", st.up_to, actor_color("russia")),
                                    ("down", st.down_to, actor_color("us_nato"))):
            p = params[move][i]
            if not target or p <= 0:
                continue
            tx, ty = _ladder_xy(target) if target != "general_war" else (0.6, 6)
            off = 0.06 if move == "up" else -0.06
            ax.annotate("", xy=(tx + off, ty - 0.25 * np.sign(ty - y)),
                        xytext=(x + off, y + 0.25 * np.sign(ty - y)),
                        arrowprops={"arrowstyle": "->", "color": color, "lw": 0.5 + 6 * p})
            ax.text((x + tx) / 2 + 2 * off, (y + ty) / 2, f"{move} {p:.2f}", fontsize=7,
                    color=color, ha="left" if move == "up" else "right", va="center")
        middle = st.level >= 2
        ax.text(x - 0.17 if middle else x, y if middle else y - 0.33,
                f"settle {params['settle'][i]:.2f}", ha="right" if middle else "center",
                va="center", fontsize=7, color=END_COLORS["settlement"])
    ax.text(0.6, 6, "GENERAL NUCLEAR WAR", ha="center", va="center", fontsize=9, color="white",
            bbox={"boxstyle": "round", "fc": END_COLORS["general_war"]})
    ax.axhline(1.5, color=OKABE_ITO["vermillion"], ls="--", lw=1)
    ax.text(0.0, 1.55, "nuclear threshold", fontsize=8, color=OKABE_ITO["vermillion"])
    ax.text(_X[False], -0.8, "before any use", ha="center", fontsize=8, style="italic")
    ax.text(_X[True], -0.8, "after a use", ha="center", fontsize=8, style="italic")
    ax.set_xlim(-0.05, 1.25)
    ax.set_ylim(-1.0, 6.5)
    ax.axis("off")
    ax.set_title("One round: climb, step down, settle (or stay)")
    keys = ["settlement", "general_war"]
    values = [outcome[k] for k in keys]
    bars.bar([END_LABELS[k] for k in keys], values, color=[END_COLORS[k] for k in keys])
    for x, v in enumerate(values):
        bars.text(x, v + 0.02, _pct(v), ha="center", fontsize=10)
    bars.set_ylim(0, 1.1)
    bars.set_ylabel("probability of ending there")
    bars.set_title("Where it ends")
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
        ax.text(100 * hi[y] + 0.5, y, _pct(central[i]), va="center", fontsize=8)
    ax.set_xlabel("probability of general nuclear war (%)")
    ax.set_xlim(0, 100 * hi.max() * 1.2)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(f"Response options compared (from {_SHORT[start]}; dashed: no response)")
    ax.tick_params(axis="y", labelsize=8)
    return fig


def trajectories_figure(paths: np.ndarray, timing: np.ndarray):
    """Sampled paths over rounds (left) and the exact share of paths ended by each round (right)."""
    fig, (ax, share) = new_figure(10.0, 4.2, 1, 2, gridspec_kw={"width_ratios": [1.6, 1]})
    rounds = np.arange(paths.shape[1])
    jitter = np.linspace(-0.25, 0.25, paths.shape[0])
    war, settle = esc.STATE_KEYS.index("general_war"), esc.STATE_KEYS.index("settlement")
    height = {i: esc.LADDER_STATES[i].level for i in range(len(esc.STATE_KEYS))}
    level = np.vectorize(height.get)(paths)
    for row, path in enumerate(level):
        end = paths[row, -1]
        color = (END_COLORS["general_war"] if end == war else END_COLORS["settlement"] if end == settle
                 else OKABE_ITO["grey"])
        ax.step(rounds, path + jitter[row], where="post", color=color, alpha=0.5, lw=1)
    ax.set_yticks(range(-1, 7), ["settlement", "conventional war", "nuclear threats",
                                 "single nuclear use", "battlefield use", "theatre exchange",
                                 "strategic exchange", "general war"], fontsize=8)
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


def brinkmanship_figure(resolve_russia: float, resolve_nato: float, risk_step: float):
    """Shared risk per round, each side's limit, and the chance that disaster has struck by then."""
    out = esc.brinkmanship(resolve_russia, resolve_nato, risk_step)
    fig, ax = new_figure(8.0, 4.0)
    n_show = int(out["rounds"]) + 2 if risk_step > 0 else 5
    k = np.arange(1, n_show + 1)
    risk = np.minimum(k * risk_step, 1.0)
    played = k <= out["rounds"]
    ax.bar(k, 100 * risk, color=np.where(played, OKABE_ITO["orange"], OKABE_ITO["grey"]), alpha=0.8,
           label="risk of disaster in the round (grey: not played)")
    ax.axhline(100 * resolve_russia, color=actor_color("russia"), lw=2, label="Russia's limit")
    ax.axhline(100 * resolve_nato, color=actor_color("us_nato"), lw=2, ls="--", label="NATO's limit")
    survive = np.cumprod(np.where(played, 1 - risk, 1.0))
    ax.plot(k, 100 * (1 - survive), "o-", color=OKABE_ITO["black"], label="disaster by the end of round")
    ax.set_xlabel("round of the crisis")
    ax.set_ylabel("probability (%)")
    ax.set_ylim(0, 105)
    ax.set_xticks(k)
    ax.legend(fontsize=8, loc="upper left")
    ax.set_title("Brinkmanship: each round raises the shared risk")
    return fig


def cumulative_risk_figure(p_per_year: float, years: int):
    """Risk of at least one catastrophe over time, with Hellman's (2008) annual range shaded."""
    low, high = esc.HELLMAN_RANGE_PER_YEAR.values
    t = np.linspace(0, 100, 201)
    fig, ax = new_figure(8.0, 4.0)
    ax.fill_between(t, 100 * esc.cumulative_risk(low, t), 100 * esc.cumulative_risk(high, t),
                    color=OKABE_ITO["sky_blue"], alpha=0.3,
                    label=f"Hellman's range {100 * low:.2f}%-{100 * high:.1f}% per year")
    ax.plot(t, 100 * esc.cumulative_risk(p_per_year, t), color=OKABE_ITO["vermillion"], lw=2,
            label=f"{100 * p_per_year:.2f}% per year")
    point = float(esc.cumulative_risk(p_per_year, years))
    ax.plot([years], [100 * point], "o", color=OKABE_ITO["black"])
    ax.annotate(f"{_pct(point)} over {years} years", (years, 100 * point), textcoords="offset points",
                xytext=(-10, 10), ha="right")
    ax.set_xlabel("years")
    ax.set_ylabel("probability of at least one failure (%)")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, max(45.0, 100 * point * 1.15))
    ax.legend(loc="upper left")
    ax.set_title("Small annual risks add up: 1 - (1 - p)^years")
    return fig


def calibration_figure(model_p_use: float):
    """Published 2022 estimates of Russian nuclear use beside a model number and the record."""
    fig, ax = new_figure(8.5, 4.0)
    rows = list(esc.CALIBRATION_ESTIMATES)
    for y, est in enumerate(rows):
        color = SERIES_COLORS[y % len(SERIES_COLORS)]
        ax.plot([100 * est.low, 100 * est.high], [y, y], "o-", lw=6, ms=9, color=color,
                solid_capstyle="round")
        span = _pct(est.low) + (f" to {_pct(est.high)}" if est.high > est.low else "")
        ax.text(100 * est.high + 1.2, y, span, va="center", fontsize=9)
        ax.text(0.5, y + 0.3, textwrap.shorten(est.event, 90), fontsize=8, color=OKABE_ITO["black"])
    ax.axvline(100 * model_p_use, color=OKABE_ITO["black"], ls="--")
    ax.text(100 * model_p_use, -0.55, f" model: {_pct(model_p_use)}", fontsize=9)
    ax.set_yticks(range(len(rows)), [f"{e.who}\n{e.when}" for e in rows], fontsize=8)
    ax.set_xlabel("estimated probability (%)")
    ax.set_xlim(0, 60)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_title("Estimates made in 2022 (the outcome through 2025: no nuclear use)")
    return fig


# --- tables ----------------------------------------------------------------------------


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


def robustness_lines(start: str = esc.FIRST_NUCLEAR_STATE):
    """P(general war) per option with one robustness line each (against no response)."""
    base = esc.ladder_outcome(None, start)["general_war"]
    rows = []
    for key in opts.OPTION_KEYS:
        if key == opts.NO_RESPONSE:
            rows.append([opts.option(key).name, _pct(base), "the baseline"])
            continue
        r = robustness.war_probability(key, start=start)
        rows.append([opts.option(key).name, _pct(r.value),
                     ("lower" if r.holds else "not lower") + " than no response. " + r.line()])
    return markdown_table(["option", "P(general war)", "against no response, and where that flips"],
                          rows)


def calibration_figure_2022(calibration):
    """Posterior over the pre-use climbing and settling scales after the record since 2022."""
    fig, (ax, bx) = new_figure(10.0, 4.0, 1, 2)
    c = calibration
    ext = [c.settle_scales[0], c.settle_scales[-1], c.up_scales[0], c.up_scales[-1]]
    im = ax.imshow(c.posterior, origin="lower", aspect="auto", extent=ext, cmap="viridis")
    fig.colorbar(im, ax=ax, label="posterior probability")
    ax.plot([1.0], [1.0], "o", color="white", ms=8, label="the course's rates")
    ax.set_xlabel("settling scale (× course rates, before any use)")
    ax.set_ylabel("climbing scale (× course rates)")
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title(f"After {c.months:g} months, {c.months_per_round:g} month(s) per round")
    bx.bar(["prior", "posterior"], [100 * c.p_use_prior, 100 * c.p_use_posterior],
           color=[OKABE_ITO["grey"], OKABE_ITO["vermillion"]])
    for x, v in enumerate([c.p_use_prior, c.p_use_posterior]):
        bx.text(x, 100 * v + 0.5, _pct(v), ha="center")
    bx.set_ylabel("P(the war ever reaches a nuclear use) (%)")
    bx.set_title("What the update does to the headline")
    return fig


def plan_a_table():
    """The phases of Princeton's "Plan A" simulation with their casualty figures."""
    rows = [[ph.phase, ph.description, ph.duration, f"{ph.casualties_million:g}"]
            for ph in esc.PLAN_A]
    total = esc.PLAN_A_TOTAL_MILLION
    rows.append(["Whole war", "total dead and injured", "under 5 hours",
                 f"{total['dead']:g} dead + {total['injured']:g} injured"])
    return markdown_table(["phase", "what happens", "duration", "casualties (million)"], rows)


def calibration_table():
    """Published 2022 estimates of Russian nuclear use, with their sources."""
    def estimate(e):
        return f"{100 * e.low:g}%" + ("" if e.low == e.high else f"–{100 * e.high:g}%")

    return markdown_table(["who", "when", "event", "estimate", "source"],
                          [[e.who, e.when, e.event, estimate(e), e.source]
                           for e in esc.CALIBRATION_ESTIMATES])


# --- explorers ---------------------------------------------------------------------------


class LadderExplorer(Explorer):
    """Pick a response option and a starting state, scale the climbing and settling, see the odds."""

    title = "The escalation ladder as a Markov chain"

    def _controls(self):
        return {
            "option": W.Dropdown(options=_OPTION_CHOICES, value=opts.NO_RESPONSE,
                                 description="Western response", style=_STYLE, layout=_WIDE),
            "memory": W.Checkbox(value=True, description="Ladder remembers a first use",
                                 style=_STYLE, layout=_WIDE),
            "start": W.Dropdown(options=_START_CHOICES, value=esc.FIRST_NUCLEAR_STATE,
                                description="Start from", style=_STYLE, layout=_WIDE),
            "up_scale": W.FloatSlider(value=1.0, min=0.5, max=1.5, step=0.05,
                                      description="Climbing (× baseline)", style=_STYLE, layout=_WIDE),
            "settle_scale": W.FloatSlider(value=1.0, min=0.5, max=1.5, step=0.05,
                                          description="Settling (× baseline)", style=_STYLE,
                                          layout=_WIDE),
        }

    def _draw(self, option, memory, start, up_scale, settle_scale):
        params = esc.ladder_parameters(_option(option), up_scale=up_scale, settle_scale=settle_scale)
        outcome = esc.ladder_outcome(_option(option), start, up_scale=up_scale,
                                     settle_scale=settle_scale, memory=bool(memory))
        outcome = {k: outcome[k] for k in ("settlement", "general_war", "expected_rounds")}
        fig = ladder_figure(params, start, outcome)
        html = (f"Starting from <b>{_SHORT[start]}</b>, the chain ends in general nuclear war with "
                f"probability <b>{_pct(outcome['general_war'])}</b> and in a settlement with "
                f"{_pct(outcome['settlement'])}, after about {outcome['expected_rounds']:.1f} rounds "
                "on average. All step probabilities are teaching assumptions.")
        return fig, dict(outcome), html


class TrajectoryExplorer(Explorer):
    """Draw a few sampled paths up and down the ladder, beside the exact timing of endings."""

    title = "Sampled paths over time"

    def _controls(self):
        return {
            "option": W.Dropdown(options=_OPTION_CHOICES, value=opts.NO_RESPONSE,
                                 description="Western response", style=_STYLE, layout=_WIDE),
            "n_paths": W.IntSlider(value=40, min=5, max=200, step=5, description="Paths drawn (count)",
                                   style=_STYLE, layout=_WIDE),
            "n_rounds": W.IntSlider(value=40, min=10, max=80, step=5, description="Rounds shown (count)",
                                    style=_STYLE, layout=_WIDE),
            "seed": W.IntText(value=2023, description="Random seed (number)", style=_STYLE, layout=_WIDE),
        }

    def _draw(self, option, n_paths, n_rounds, seed):
        P = esc.ladder_matrix(**esc.ladder_parameters(_option(option)))
        rng = np.random.default_rng(abs(int(seed)))
        paths = esc.sample_trajectories(P, esc.FIRST_NUCLEAR_STATE, n_paths, n_rounds, rng)
        timing = esc.absorption_time_distribution(P, esc.FIRST_NUCLEAR_STATE, n_rounds)
        timing = timing[:, [list(esc.absorbing_states(P)).index(esc.STATE_KEYS.index(k))
                            for k in ("settlement", "general_war")]]
        war = int(np.sum(paths[:, -1] == esc.STATE_KEYS.index("general_war")))
        settled = int(np.sum(paths[:, -1] == esc.STATE_KEYS.index("settlement")))
        exact = timing.sum(axis=0)
        fig = trajectories_figure(paths, timing)
        html = (f"Of {n_paths} sampled paths after {n_rounds} rounds, {settled} settled, {war} reached "
                f"general nuclear war and {n_paths - settled - war} are still on the ladder. Exactly: "
                f"{_pct(exact[0])} settle and {_pct(exact[1])} reach general war within {n_rounds} "
                "rounds. Change the seed to see how much a small sample varies.")
        return fig, {"settled": settled, "general_war": war, "still_on_ladder": n_paths - settled - war,
                     "exact_settled": float(exact[0]), "exact_general_war": float(exact[1])}, html


class BrinkmanshipExplorer(Explorer):
    """Set each side's resolve and how fast the risk rises; see who backs down or whether disaster
    strikes first."""

    title = "Brinkmanship: a competition in risk-taking"

    def _controls(self):
        return {
            "resolve_russia_pct": W.FloatSlider(value=30.0, min=0.0, max=100.0, step=1.0,
                                                description="Russia's resolve (max risk, %)",
                                                style=_STYLE, layout=_WIDE),
            "resolve_nato_pct": W.FloatSlider(value=20.0, min=0.0, max=100.0, step=1.0,
                                              description="NATO's resolve (max risk, %)",
                                              style=_STYLE, layout=_WIDE),
            "risk_step_pct": W.FloatSlider(value=5.0, min=0.0, max=25.0, step=0.5,
                                           description="Risk added per round (%)", style=_STYLE,
                                           layout=_WIDE),
        }

    def _draw(self, resolve_russia_pct, resolve_nato_pct, risk_step_pct):
        a, b, step = resolve_russia_pct / 100, resolve_nato_pct / 100, risk_step_pct / 100
        out = {k: float(v) for k, v in esc.brinkmanship(a, b, step).items()}
        fig = brinkmanship_figure(a, b, step)
        if step == 0:
            story = "No round adds any risk, so nothing forces either side to back down: no disaster."
        else:
            who = ("Russia backs down" if out["russia_backs_down"] > 0 else "NATO backs down"
                   if out["nato_backs_down"] > 0 else "both step back together")
            story = (f"Both run the risk for {int(out['rounds'])} round(s); if disaster has not struck by "
                     f"then, {who} (probability {_pct(1 - out['disaster'])}).")
        html = f"{story} Probability of disaster: <b>{_pct(out['disaster'])}</b>."
        return fig, out, html


class CumulativeRiskExplorer(Explorer):
    """An annual risk and a number of years: the chance of at least one failure, against Hellman."""

    title = "Cumulative risk over the years"

    def _controls(self):
        return {
            "annual_risk_pct": W.FloatSlider(value=0.1, min=0.01, max=2.0, step=0.01,
                                             description="Annual risk (%/year)", readout_format=".2f",
                                             style=_STYLE, layout=_WIDE),
            "years": W.IntSlider(value=50, min=1, max=100, description="Years", style=_STYLE,
                                 layout=_WIDE),
        }

    def _draw(self, annual_risk_pct, years):
        p = annual_risk_pct / 100
        risk = float(esc.cumulative_risk(p, years))
        low, high = (float(esc.cumulative_risk(x, years)) for x in esc.HELLMAN_RANGE_PER_YEAR.values)
        fig = cumulative_risk_figure(p, years)
        html = (f"At {annual_risk_pct:.2f}% per year, the chance of at least one failure in {years} years "
                f"is <b>{_pct(risk)}</b>. Hellman's range gives {_pct(low)} to {_pct(high)} over the "
                "same period (and he counted only one way deterrence can fail).")
        return fig, {"cumulative_risk": risk, "hellman_low": low, "hellman_high": high}, html
