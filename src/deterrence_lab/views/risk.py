"""Risk over time: the brinkmanship toy, cumulative risk of a yearly probability, and
calibration against published estimates (chapter 05)."""
from __future__ import annotations

import textwrap

import numpy as np

from .._display import markdown_table, percent
from ..models import escalation as esc
from .style import OKABE_ITO, SERIES_COLORS, actor_color, new_figure


def brinkmanship_rounds_shown(resolve_russia: float, resolve_nato: float, risk_step: float) -> int:
    """How many rounds :func:`brinkmanship_figure` shows: those played and two more (five
    when no round adds risk)."""
    out = esc.brinkmanship(resolve_russia, resolve_nato, risk_step)
    return int(out["rounds"]) + 2 if risk_step > 0 else 5


def brinkmanship_base(n_show: int):
    """The axes of :func:`brinkmanship_figure` for ``n_show`` rounds; labels, limits, title.
    :func:`draw_brinkmanship` adds the rounds."""
    fig, ax = new_figure(8.0, 4.0)
    k = np.arange(1, n_show + 1)
    ax.set_xlabel("round of the crisis")
    ax.set_ylabel("probability (%)")
    ax.set_ylim(0, 105)
    ax.set_xticks(k)
    ax.set_xlim(*_brinkmanship_xlim(n_show))
    ax.set_title("Brinkmanship: each round raises the shared risk")
    return fig


def _brinkmanship_xlim(n_show: int) -> tuple[float, float]:
    """The x range autoscaling gives the bars (1..n, 0.8 wide) and points: 5% margins."""
    low, high = 0.6, n_show + 0.4
    margin = 0.05 * (high - low)
    return low - margin, high + margin


def draw_brinkmanship(ax, resolve_russia: float, resolve_nato: float, risk_step: float) -> list:
    """Risk per round, each side's limit and the chance of disaster by each round, on a
    :func:`brinkmanship_base` figure; returns what was added."""
    out = esc.brinkmanship(resolve_russia, resolve_nato, risk_step)
    n_show = brinkmanship_rounds_shown(resolve_russia, resolve_nato, risk_step)
    k = np.arange(1, n_show + 1)
    risk = np.minimum(k * risk_step, 1.0)
    played = k <= out["rounds"]
    added = [ax.bar(k, 100 * risk, color=np.where(played, OKABE_ITO["orange"], OKABE_ITO["grey"]),
                    alpha=0.8, label="risk of disaster in the round (grey: not played)"),
             ax.axhline(100 * resolve_russia, color=actor_color("russia"), lw=2, label="Russia's limit"),
             ax.axhline(100 * resolve_nato, color=actor_color("us_nato"), lw=2, ls="--",
                        label="NATO's limit")]
    survive = np.cumprod(np.where(played, 1 - risk, 1.0))
    added += ax.plot(k, 100 * (1 - survive), "o-", color=OKABE_ITO["black"],
                     label="disaster by the end of round")
    added.append(ax.legend(fontsize=8, loc="upper left"))
    return added


def brinkmanship_figure(resolve_russia: float, resolve_nato: float, risk_step: float):
    """Shared risk per round, each side's limit, and the chance that disaster has struck by then."""
    fig = brinkmanship_base(brinkmanship_rounds_shown(resolve_russia, resolve_nato, risk_step))
    draw_brinkmanship(fig.axes[0], resolve_russia, resolve_nato, risk_step)
    return fig


def cumulative_risk_top_pct(p_per_year: float, years: int) -> float:
    """The top of the cumulative-risk axis (%): 45, or above the point for ``years`` with a
    margin, rounded up to 5 (so a slider moves the curve on axes that mostly stay put)."""
    point = float(esc.cumulative_risk(p_per_year, years))
    return max(45.0, 5.0 * np.ceil(100 * point * 1.15 / 5.0))


def cumulative_risk_base(top_pct: float):
    """The axes of :func:`cumulative_risk_figure` with Hellman's range shaded, up to
    ``top_pct``; :func:`draw_cumulative_risk` adds a curve and its point."""
    low, high = esc.HELLMAN_RANGE_PER_YEAR.values
    t = np.linspace(0, 100, 201)
    fig, ax = new_figure(8.0, 4.0)
    ax.fill_between(t, 100 * esc.cumulative_risk(low, t), 100 * esc.cumulative_risk(high, t),
                    color=OKABE_ITO["sky_blue"], alpha=0.3,
                    label=f"Hellman's range {100 * low:.2f}%-{100 * high:.1f}% per year")
    ax.set_xlabel("years")
    ax.set_ylabel("probability of at least one failure (%)")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, top_pct)
    ax.set_title("Small annual risks add up: 1 - (1 - p)^years")
    return fig


def draw_cumulative_risk(ax, p_per_year: float, years: int) -> list:
    """The curve for ``p_per_year``, the point at ``years`` and the legend, on a
    :func:`cumulative_risk_base` figure; returns what was added."""
    t = np.linspace(0, 100, 201)
    curve, = ax.plot(t, 100 * esc.cumulative_risk(p_per_year, t), color=OKABE_ITO["vermillion"],
                     lw=2, label=f"{100 * p_per_year:.2f}% per year")
    point = float(esc.cumulative_risk(p_per_year, years))
    dot, = ax.plot([years], [100 * point], "o", color=OKABE_ITO["black"])
    # Away from the legend (upper left) and inside the axes: above and left of the point
    # late on; early on, below and right of it (the empty side of the rising curve), or
    # above and right of it when the point lies near the bottom.
    if years > 50:
        offset, ha, va = (-10, 10), "right", "bottom"
    elif 100 * point < 0.2 * ax.get_ylim()[1]:
        offset, ha, va = (10, 8), "left", "bottom"
    else:
        offset, ha, va = (10, -12), "left", "top"
    note = ax.annotate(f"{percent(point)} over {years} year{'s' if years != 1 else ''}",
                       (years, 100 * point), textcoords="offset points", xytext=offset,
                       ha=ha, va=va)
    return [curve, dot, note, ax.legend(loc="upper left")]


def cumulative_risk_figure(p_per_year: float, years: int):
    """Risk of at least one catastrophe over time, with Hellman's (2008) annual range shaded."""
    fig = cumulative_risk_base(cumulative_risk_top_pct(p_per_year, years))
    draw_cumulative_risk(fig.axes[0], p_per_year, years)
    return fig


def calibration_figure(model_p_use: float):
    """Published 2022 estimates of Russian nuclear use beside a model number and the record."""
    fig, ax = new_figure(8.5, 4.0)
    rows = list(esc.CALIBRATION_ESTIMATES)
    for y, est in enumerate(rows):
        color = SERIES_COLORS[y % len(SERIES_COLORS)]
        ax.plot([100 * est.low, 100 * est.high], [y, y], "o-", lw=6, ms=9, color=color,
                solid_capstyle="round")
        span = percent(est.low) + (f" to {percent(est.high)}" if est.high > est.low else "")
        ax.text(100 * est.high + 1.2, y, span, va="center", fontsize=9)
        ax.text(0.5, y + 0.3, textwrap.shorten(est.event, 90), fontsize=8, color=OKABE_ITO["black"])
    ax.axvline(100 * model_p_use, color=OKABE_ITO["black"], ls="--")
    ax.text(100 * model_p_use, -0.55, f" model: {percent(model_p_use)}", fontsize=9)
    ax.set_yticks(range(len(rows)), [f"{e.who}\n{e.when}" for e in rows], fontsize=8)
    ax.set_xlabel("estimated probability (%)")
    ax.set_xlim(0, 60)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_title("Estimates made in 2022 (the outcome through February 2026: no nuclear use)")
    return fig


def calibration_table():
    """Published 2022 estimates of Russian nuclear use, with their sources."""
    def estimate(e):
        return f"{100 * e.low:g}%" + ("" if e.low == e.high else f"–{100 * e.high:g}%")

    return markdown_table(["who", "when", "event", "estimate", "source"],
                          [[e.who, e.when, e.event, estimate(e), e.source]
                           for e in esc.CALIBRATION_ESTIMATES])


def calibration_posterior_figure(calibration):
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
        bx.text(x, 100 * v + 0.5, percent(v), ha="center")
    bx.set_ylabel("P(the war ever reaches a nuclear use) (%)")
    bx.set_title("What the update does to the headline")
    return fig
