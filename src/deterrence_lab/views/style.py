"""The course's plot style: one colour per actor in every chapter, readable fonts, units on
axes.

Figures are ``matplotlib.figure.Figure`` objects made without pyplot, so they never pile up
in global state and every figure function can return its figure for tests to inspect. The
palette is Okabe & Ito's colour-blind-safe set."""
from __future__ import annotations

import html
import io

from matplotlib.figure import Figure

# Okabe-Ito colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
    "grey": "#999999",
}

ACTOR_COLORS = {
    "russia": OKABE_ITO["vermillion"],
    "us_nato": OKABE_ITO["blue"],
    "ukraine": OKABE_ITO["yellow"],
    "other": OKABE_ITO["grey"],
}

# A cycle for series that are not actors (options, scenarios); actors' colours come last.
SERIES_COLORS = [OKABE_ITO[c] for c in ("sky_blue", "orange", "green", "purple", "blue",
                                         "vermillion", "black", "grey")]

STYLE = {
    "font.size": 11, "axes.titlesize": 12, "axes.labelsize": 11, "legend.fontsize": 10,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.alpha": 0.3, "figure.dpi": 100, "savefig.dpi": 100,
}


def actor_color(actor: str) -> str:
    """The fixed colour of an actor: ``russia``, ``us_nato``, ``ukraine`` or ``other``."""
    if actor not in ACTOR_COLORS:
        raise ValueError(f"actor={actor!r} is not one of: {', '.join(ACTOR_COLORS)}")
    return ACTOR_COLORS[actor]


def new_figure(width_in: float = 7.0, height_in: float = 4.0, nrows: int = 1, ncols: int = 1, **kw):
    """A styled figure and its axes (like ``plt.subplots`` but without pyplot)."""
    with style():
        fig = Figure(figsize=(width_in, height_in), layout="constrained")
        axes = fig.subplots(nrows, ncols, **kw)
    return fig, axes


def style():
    """A context in which text and axes drawn get the course style: ``with style(): ...``."""
    import matplotlib

    return matplotlib.rc_context(STYLE)


def to_png(fig: Figure) -> bytes:
    """The figure rendered as PNG bytes (for an ``ipywidgets.Image`` that updates in place)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def error_html(message) -> str:
    """A refused value or failed action as a short warning line for a widget (HTML-escaped)."""
    return (f"<span style='color:{OKABE_ITO['vermillion']}'>⚠ Warning: "
            f"{html.escape(str(message))}</span>")
