"""Command-and-control figures: the safety/reliability frontier of k-of-n release rules, risk
by k, one crisis, and the readout (chapter 03)."""
from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from .._display import Markdown, markdown_table, prose
from ..models import command
from .style import SERIES_COLORS, actor_color, new_figure

FLOOR = 1e-12         # smallest probability drawn on the log axes (smaller values sit on it)


_FAMILIES = [         # (pal, predelegation) -> label, marker, colour
    ((False, False), "no lock", "o", SERIES_COLORS[0]),
    ((True, False), "code lock", "s", SERIES_COLORS[2]),
    ((False, True), "no lock, pre-delegated", "v", SERIES_COLORS[1]),
    ((True, True), "code lock, pre-delegated", "^", SERIES_COLORS[3]),
]


_PROFILE_MARKERS = {"us": "P", "uk": "X", "france": "D", "russia": "*"}


_LABEL_OFFSETS = {"us": (-8, 8, "right"), "uk": (8, 4, "left"), "france": (8, -14, "left"),
                  "russia": (-8, -14, "right")}   # label placement in points, so labels do not collide


_LABELS = {"p_unauthorised": "P(unauthorised use) per crisis", "p_valid_fails": "P(valid order fails) per crisis"}


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


_POWER_OF_TEN = FuncFormatter(lambda v, _: "1" if v == 1 else
                              "10" + str(int(round(math.log10(v)))).translate(_SUPERSCRIPT))


def _clip(values) -> np.ndarray:
    return np.clip(np.asarray(values, dtype=float), FLOOR, 1.0)


def _log_scale(*axes_) -> None:
    """Plain-text powers of ten and no minor ticks on log axes: mathtext labels and hundreds of
    minor ticks would make every slider redraw several times slower."""
    for axis in axes_:
        axis.set_major_locator(LogLocator(base=10, numticks=8))
        axis.set_major_formatter(_POWER_OF_TEN)
        axis.set_minor_locator(NullLocator())


@lru_cache(maxsize=64)
def _frontier(n: int, p_rogue: float, p_fail: float, barriers: tuple) -> tuple[dict, np.ndarray]:
    """The design family and its frontier mask, cached so a slider redraw computes them once."""
    fam = command.design_family(n, p_rogue, p_fail, **dict(barriers))
    return fam, command.pareto_mask(fam["p_unauthorised"], fam["p_valid_fails"])


def frontier_figure(n: int = 5, p_rogue: float = 0.01, p_fail: float = 0.05, *, current: dict | None = None,
                    show_profiles: bool = True, **barriers):
    """Every design with ``n`` members (k = 1..n, lock off/on, pre-delegation off/on) placed by
    its two risks; the non-dominated ones joined as the always/never frontier. ``current``
    (keyword arguments of :func:`command.command_risks` without the probabilities) is starred;
    country profiles are placed with the same per-member probabilities and ``p_cutoff``."""
    fam, front = _frontier(n, p_rogue, p_fail, tuple(sorted(barriers.items())))
    fig, ax = new_figure(7.2, 4.8)
    for (pal, pre), label, marker, colour in _FAMILIES:
        sel = (fam["pal"] == pal) & (fam["predelegation"] == pre)
        ax.scatter(_clip(fam["p_unauthorised"][sel]), _clip(fam["p_valid_fails"][sel]), marker=marker,
                   s=36, color=colour, alpha=0.85, label=f"{label} (k = 1…{n})", zorder=3)
    order = np.argsort(fam["p_unauthorised"][front])
    ax.plot(_clip(fam["p_unauthorised"][front][order]), _clip(fam["p_valid_fails"][front][order]),
            color="black", lw=1, ls="--", label="always/never frontier", zorder=2)
    if show_profiles:
        p_cutoff = barriers.get("p_cutoff", 0.0)
        # The four national systems; the Belarus and NATO-sharing cases share a design with
        # Russia and the US and would sit on the same points.
        for profile in (p for p in command.PROFILES if p.key in _PROFILE_MARKERS):
            r = command.profile_risks(profile.key, p_rogue, p_fail, p_cutoff)
            x, y = _clip(r.p_unauthorised), _clip(r.p_valid_fails)
            ax.scatter(x, y, marker=_PROFILE_MARKERS[profile.key], s=150 if profile.key == "us" else 90, color=actor_color(profile.actor),
                       edgecolor="black", linewidth=0.6, zorder=6 if profile.key == "us" else 5)
            dx, dy, align = _LABEL_OFFSETS[profile.key]
            ax.annotate(profile.name, (x, y), xytext=(dx, dy), textcoords="offset points", ha=align,
                        fontsize=9, zorder=6)
    if current is not None:
        r = command.command_risks(p_rogue=p_rogue, p_fail=p_fail, **current)
        ax.scatter(_clip(r.p_unauthorised), _clip(r.p_valid_fails), marker="*", s=320, color="none",
                   edgecolor="black", linewidth=1.6, label="your design", zorder=7, gid="your design")
    ax.set_xscale("log")
    ax.set_yscale("log")
    _log_scale(ax.xaxis, ax.yaxis)
    ax.set_xlabel(_LABELS["p_unauthorised"] + " (log scale)")
    ax.set_ylabel(_LABELS["p_valid_fails"] + " (log scale)")
    ax.set_title(f"The always/never trade-off: designs with n = {n} members")
    ax.legend(fontsize=8, loc="lower left")
    return fig


def move_design(ax, p_rogue: float, p_fail: float, current: dict):
    """Move the star of a :func:`frontier_figure` drawn with a ``current`` design to another
    design of the same family (same ``n``, probabilities and barriers), in place; returns it."""
    star = next(c for c in ax.collections if c.get_gid() == "your design")
    r = command.command_risks(p_rogue=p_rogue, p_fail=p_fail, **current)
    star.set_offsets(np.column_stack([_clip(r.p_unauthorised), _clip(r.p_valid_fails)]))
    return star


def risk_by_k_figure(n: int = 5, p_rogue: float = 0.01, p_fail: float = 0.05, **barriers):
    """Both risks against the number of members who must act together, k = 1..n."""
    ks = np.arange(1, n + 1)
    r = command.command_risks(n, ks, p_rogue, p_fail, **barriers)
    fig, ax = new_figure(6.5, 4.0)
    ax.plot(ks, _clip(r.p_unauthorised), "o-", color=SERIES_COLORS[5], label="unauthorised use")
    ax.plot(ks, _clip(r.p_valid_fails), "s-", color=SERIES_COLORS[4], label="valid order fails")
    ax.set_yscale("log")
    _log_scale(ax.yaxis)
    ax.set_xticks(ks)
    ax.set_xlabel(f"members who must act together, k (of n = {n})")
    ax.set_ylabel("probability per crisis (log scale)")
    ax.legend()
    return fig


def crisis_figure(n: int = 3, k: int = 2, p_rogue: float = 0.01, p_fail: float = 0.05, **barriers):
    """How a locked design and its pre-delegated twin fare as the chance of the leadership
    being cut off (p_cutoff) rises: the failure risk on the left, unauthorised use on the right."""
    cutoffs = np.linspace(0.0, 0.5, 51)
    fig, (left, right) = new_figure(8.5, 3.8, ncols=2)
    for pre, colour, label in ((False, SERIES_COLORS[2], "code lock, codes held at the top"),
                               (True, SERIES_COLORS[3], "codes pre-delegated")):
        r = command.command_risks(n, k, p_rogue, p_fail, pal=True, predelegation=pre, p_cutoff=cutoffs,
                                  **barriers)
        left.plot(cutoffs, r.p_valid_fails, color=colour, label=label)
        right.plot(cutoffs, _clip(r.p_unauthorised), color=colour, label=label)
    left.set_xlabel("P(leadership cut off) in the crisis")
    left.set_ylabel(_LABELS["p_valid_fails"])
    right.set_xlabel("P(leadership cut off) in the crisis")
    right.set_ylabel(_LABELS["p_unauthorised"] + " (log)")
    right.set_yscale("log")
    _log_scale(right.yaxis)
    left.legend(fontsize=9)
    return fig


def readout(risks: command.CommandRisks, on_frontier: bool) -> str:
    """The two risks and the time in one plain-language paragraph (HTML)."""
    time_h = float(risks.time_to_execute_h)
    when = "never carried out" if np.isnan(time_h) else f"carried out after about {time_h:.1f} h on average"
    place = ("on the always/never frontier: no other design in the family is better on both counts"
             if on_frontier else "inside the frontier: some other design is at least as good on both counts")
    return (f"<p>With these settings: unauthorised use per crisis, "
            f"<b>{command.odds_in_words(risks.p_unauthorised)}</b>; a valid order fails, "
            f"<b>{command.odds_in_words(risks.p_valid_fails)}</b>. A valid order that succeeds is "
            f"{when}. This design is {place}.</p>"
            "<p style='font-size:90%'>All probabilities are teaching assumptions, not estimates "
            "for any real arsenal.</p>")


def profile_risks_table(keys=None, *, explain=()) -> Markdown:
    """Each country's design under the shared classroom assumptions: the chance of
    unauthorised use per crisis and of a valid order failing, in words, as a Markdown table;
    the reasons for the designs named in ``explain`` follow it.

    Parameters
    ----------
    keys : list of str or None, optional
        Profile keys, in order; ``None`` (default) for every profile.
    explain : sequence of str, optional
        Profile keys whose design (and the reason for it) is written out below the table.

    Returns
    -------
    Markdown
        One row per country, one column per risk, in words ('about 14%', 'about 1 in 10,000').

    Raises
    ------
    TypeError
        If ``keys`` or ``explain`` is a single string.
    ValueError
        If a key is not a profile key.

    Notes
    -----
    Every probability is a teaching assumption (``command.CLASSROOM_ASSUMPTIONS``, the same
    for every country); the designs' structures come from each profile's sources.
    """
    for name, value in (("keys", keys), ("explain", explain)):
        if isinstance(value, str):
            raise TypeError(f"{name}={value!r} must be a list of country keys, e.g. [{value!r}]")
    profiles = ([command.get_profile(k) for k in keys] if keys is not None
                else list(command.PROFILES))
    rows = []
    for profile in profiles:
        risks = command.profile_risks(profile.key)
        rows.append([profile.name, command.odds_in_words(risks.p_unauthorised),
                     command.odds_in_words(risks.p_valid_fails)])
    table = markdown_table(["country", "unauthorised use, per crisis", "a valid order fails"],
                           rows)
    notes = [f"**{command.get_profile(k).name}'s design:** "
             f"{command.get_profile(k).design.reason.rstrip('.')}."
             for k in explain]
    return Markdown("\n\n".join([table, prose(*notes)]) if notes else table)


# --- the profiles as tables (chapter 03) ---------------------------------------------------

def profile_table(keys=None) -> Markdown:
    """The profiles' findings as a Markdown table: country, topic, finding, confidence, source.

    Parameters
    ----------
    keys : list of str or None, optional
        Profile keys to include, in order; ``None`` (default) for all.

    Returns
    -------
    Markdown
        One row per finding, with its confidence and source key.

    Raises
    ------
    TypeError
        If ``keys`` is a single string or not a list.
    ValueError
        If a key is not a profile key.

    Notes
    -----
    No numbers of its own; every row names its source key and, where known, where in it.
    """
    if isinstance(keys, str):
        raise TypeError(f"keys={keys!r} must be a list of country keys, e.g. [{keys!r}]")
    if keys is not None and not isinstance(keys, Iterable):
        raise TypeError(f"keys={keys!r} must be a list of country keys such as ['us', 'uk']")
    wanted = (list(command.PROFILES) if keys is None
              else [command.get_profile(k) for k in keys])
    rows = [[p.name, f.topic, f.finding, f.confidence, f"[{f.source}, {f.where}]" if f.where else f"[{f.source}]"]
            for p in wanted for f in p.features]
    return markdown_table(["country", "topic", "finding", "confidence", "source"], rows)


def verdict_table() -> Markdown:
    """What the op-ed says about each country beside what the sources support.

    Returns
    -------
    Markdown
        One row per country: what the op-ed says, and what the sources support.

    Notes
    -----
    No numbers of its own; the op-ed is nederlof2023, the sources those of each profile.
    """
    rows = [[p.name, p.oped_statement, p.verdict] for p in command.PROFILES]
    return markdown_table(["country", "the op-ed [nederlof2023]", "against the sources"], rows)


def control_table() -> Markdown:
    """Each profile placed in Feaver's typology: assertive / delegative / mixed / unknown.

    With the basis of each placement and its confidence labels.

    Returns
    -------
    Markdown
        One row per country: its place in Feaver's typology, what that means, and the basis.

    Notes
    -----
    No numbers of its own; the typology is feaver1992, the placements rest on each profile's
    sources.
    """
    rows = [[p.name, p.control, command.CONTROL_TYPES[p.control], p.control_basis]
            for p in command.PROFILES]
    return markdown_table(["case", "control (Feaver)", "meaning", "basis"], rows)
