"""The course's plot style: one colour per actor in every chapter, readable fonts, units on
axes.

Figures are ``matplotlib.figure.Figure`` objects made without pyplot, so they never pile up
in global state and every figure function can return its figure for tests to inspect. The
palette is Okabe & Ito's colour-blind-safe set."""
from __future__ import annotations

import contextlib
import contextvars
import html

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
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


def contrast_ratio(colour, background="white") -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21); text needs at least 4.5."""
    from matplotlib.colors import to_rgb

    def luminance(c) -> float:
        channels = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in to_rgb(c)]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_color(colour, minimum: float = 4.5) -> str:
    """``colour`` darkened just enough to be readable as text on white (WCAG AA, 4.5:1).

    The Okabe-Ito colours are made for lines and areas; as text, most are too light
    (orange 2.2:1, sky blue 2.3:1, vermillion 3.9:1). The same hue, darker, keeps the link
    between a label and its line."""
    from matplotlib.colors import to_hex, to_rgb

    rgb = to_rgb(colour)
    for step in range(101):
        darker = tuple(c * (1 - step / 100) for c in rgb)
        if contrast_ratio(darker) >= minimum:
            return to_hex(darker)
    return "#000000"


def actor_color(actor: str) -> str:
    """The fixed colour of an actor: ``russia``, ``us_nato``, ``ukraine`` or ``other``."""
    if actor not in ACTOR_COLORS:
        raise ValueError(f"actor={actor!r} is not one of: {', '.join(ACTOR_COLORS)}")
    return ACTOR_COLORS[actor]


# The figure a widget redraws into (see ``reusing``): one Figure and canvas per widget.
_REUSE: contextvars.ContextVar[Figure | None] = contextvars.ContextVar("reuse", default=None)


def new_figure(width_in: float = 7.0, height_in: float = 4.0, nrows: int = 1, ncols: int = 1, **kw):
    """A styled figure and its axes (like ``plt.subplots`` but without pyplot).

    Inside ``with reusing(fig):`` the figure ``fig`` is cleared and drawn into again
    instead of a new one being made (a widget keeps one figure and canvas)."""
    with style():
        fig = _REUSE.get()
        if fig is None:
            fig = Figure(figsize=(width_in, height_in), layout="constrained")
        else:
            fig.clear()
            fig.set_size_inches(width_in, height_in, forward=False)
            fig.set_layout_engine("constrained")
        axes = fig.subplots(nrows, ncols, **kw)
    return fig, axes


@contextlib.contextmanager
def reusing(fig: Figure | None):
    """Within this block, ``new_figure`` clears and returns ``fig`` (if given)."""
    token = _REUSE.set(fig)
    try:
        yield
    finally:
        _REUSE.reset(token)


def style():
    """A context in which text and axes drawn get the course style: ``with style(): ...``."""
    import matplotlib

    return matplotlib.rc_context(STYLE)


def _layout_key(fig: Figure) -> tuple:
    """Everything constrained layout looks at: the figure's size, its axes' grid places,
    titles, labels, limits, scales, tick labels, legends and texts. Two figures with the
    same key get the same layout."""
    key = [tuple(fig.get_size_inches()), len(fig.axes)]
    key += [(t.get_text(), t.get_position()) for t in fig.texts]
    for name in ("_suptitle", "_supxlabel", "_supylabel"):
        text = getattr(fig, name, None)
        key.append(text.get_text() if text is not None else None)
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        legend = ax.get_legend()
        key.append((
            (spec.rowspan, spec.colspan) if spec is not None else tuple(ax.get_position().bounds),
            ax.axison, ax.get_aspect(),
            tuple(ax.get_title(loc) for loc in ("left", "center", "right")),
            ax.get_xlabel(), ax.get_ylabel(), ax.get_xscale(), ax.get_yscale(),
            ax.get_xlim(), ax.get_ylim(),
            tuple(t.get_text() for t in ax.get_xticklabels()),
            tuple(t.get_text() for t in ax.get_yticklabels()),
            None if legend is None else (legend._loc, tuple(t.get_text() for t in legend.texts)),
            tuple((t.get_text(), t.get_position(), t.get_fontsize()) for t in ax.texts),
        ))
    return tuple(key)


def to_png(fig: Figure, layout: dict | None = None) -> bytes:
    """The figure rendered as PNG bytes (for an ``ipywidgets.Image`` that updates in place).

    Cheaper than ``fig.savefig``: the figure is drawn once (savefig draws twice when a
    layout engine is set: once to lay out, once to render), on its own Agg canvas, and
    the PNG is written for speed (``png_bytes``).

    ``layout`` is a dict a caller keeps between redraws of one figure: when everything
    constrained layout depends on is unchanged since the last redraw, the axes are put
    where the layout put them then and the layout is not computed again.
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    engine = fig.get_layout_engine()
    key = _layout_key(fig) if layout is not None and engine is not None else None
    if key is not None and layout.get("key") == key:
        for ax, position in zip(fig.axes, layout["positions"]):
            ax.set_position(position)
        fig.set_layout_engine("none")
        canvas.draw()
        fig.set_layout_engine(engine)
    else:
        canvas.draw()
        if key is not None:
            layout["key"] = key
            layout["positions"] = [ax.get_position() for ax in fig.axes]
    return png_bytes(canvas)


def png_bytes(canvas: FigureCanvasAgg) -> bytes:
    """What ``canvas`` shows as PNG bytes, written for speed with the same pixels: rows
    unfiltered and zlib level 1 (on a figure's flat colours this is both faster and smaller
    than PIL's adaptive row filters: about 10 ms and 135 kB for a 720 × 680 map, against
    30 ms and 157 kB), and without the alpha channel when the figure's background is opaque
    (nothing drawn on it can make a pixel transparent again)."""
    import struct
    import zlib

    pixels = np.asarray(canvas.buffer_rgba())
    colour_type = 6                                   # RGBA
    if _opaque(canvas.figure):
        pixels, colour_type = pixels[:, :, :3], 2     # RGB
    height, width, channels = pixels.shape
    rows = np.empty((height, 1 + width * channels), np.uint8)
    rows[:, 0] = 0                                    # filter type 0: none
    rows[:, 1:] = pixels.reshape(height, width * channels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)) + chunk(b"IEND", b""))


def _draw_order(container) -> list:
    """The artists ``container`` (a Figure or an Axes) draws, in the order its ``draw``
    draws them (matplotlib's own rules: sorted by zorder, ties in the order of
    ``get_children``; an Axes draws its background patch first, its spines and axis
    artists only when shown). The figure's own patch is left out: it is never redrawn."""
    from matplotlib.axes import Axes

    artists = container.get_children()
    artists.remove(container.patch)
    if isinstance(container, Axes):
        framed = container.axison and container._frameon
        if not framed:
            for spine in container.spines.values():
                artists.remove(spine)
        if not container.axison:
            for axis in container._axis_map.values():
                artists.remove(axis)
        artists = sorted(artists, key=lambda a: a.get_zorder())
        return [container.patch] + artists if framed else artists
    return sorted(artists, key=lambda a: a.get_zorder())


def _redraw_plan(container, changed: set[int], top: bool = True) -> list:
    """The artists to draw, in order, over a picture of everything else: inside an Axes,
    each changed artist and everything drawn after it there (it may lie on top); child Axes
    (insets) are followed into. The figure's top-level Axes do not overlap (subplots laid out
    side by side), so after one with a change the next is redrawn only if it has a change."""
    from matplotlib.axes import Axes

    plan, started = [], False
    for artist in _draw_order(container):
        if started:
            plan.append(artist)
        elif id(artist) in changed:
            plan.append(artist)
            started = True
        elif isinstance(artist, Axes):
            inner = _redraw_plan(artist, changed, top=False)
            plan += inner
            started = bool(inner) and not top
    return plan


def _opaque(fig: Figure) -> bool:
    """True when the figure's background is opaque (then so is every pixel drawn on it)."""
    from matplotlib.colors import to_rgba

    patch = fig.patch
    return patch.get_visible() and to_rgba(patch.get_facecolor(), patch.get_alpha())[3] == 1.0


class _Overlay:
    """Artists drawn once on a transparent canvas, kept as the pixels they cover, and laid
    over a picture later ("over" compositing, as Agg blends: the same pixels up to rounding
    by one level in a channel)."""

    def __init__(self, canvas: FigureCanvasAgg, artists: list):
        renderer = canvas.get_renderer()
        renderer.clear()                      # transparent white
        for artist in artists:
            artist.draw(renderer)
        pixels = np.asarray(canvas.buffer_rgba()).reshape(-1, 4)
        self.where = np.flatnonzero(pixels[:, 3])
        covered = pixels[self.where].astype(np.uint32)
        self.alpha = covered[:, 3:4]
        self.colour = covered[:, :3] * self.alpha + 127   # premultiplied, with rounding

    def lay_over(self, canvas: FigureCanvasAgg) -> None:
        pixels = np.asarray(canvas.buffer_rgba()).reshape(-1, 4)
        below = pixels[self.where, :3].astype(np.uint32)
        pixels[self.where, :3] = (self.colour + below * (255 - self.alpha)) // 255


def changed_in_place(*artists) -> list:
    """Mark artists that a widget's fast path changes in place (an axes title, restyled
    boxes) rather than removes and draws anew; returns them as a list."""
    for artist in artists:
        artist._changed_in_place = True
    return list(artists)


class Scene:
    """One figure of a widget with its changing artists drawn over a cached picture of the
    rest (matplotlib's blitting: ``copy_from_bbox`` / ``restore_region``).

    ``render(artists)`` draws the figure with ``artists`` (just added or changed) and
    returns the PNG. What the figure draws before the first of them is a cached picture;
    the changing artists are drawn each time; the unchanging artists drawn above them (city
    names over a footprint, say) are kept as transparent overlays laid over in their turn
    (on an opaque figure; otherwise drawn each time). The first time, and whenever the
    unchanging artists above the changing ones, or any axes' limits, differ from those of
    the pictures kept (``PICTURES_KEPT``, a path and no path, say), or a changing artist
    reaches outside its axes to another place (constrained layout makes room for it), the
    whole figure is laid out afresh and drawn with those artists hidden. The pixels are
    those of a new widget drawing the same values; against the figure drawn whole at once,
    they may differ by a few levels of rounding where an overlay is laid over a changing
    artist."""

    PICTURES_KEPT = 3

    def __init__(self, fig: Figure):
        self.fig = fig
        if not isinstance(fig.canvas, FigureCanvasAgg):
            FigureCanvasAgg(fig)
        self.artists: list = []
        # what the cached pictures show -> (picture below, overlays above), oldest first
        self.pictures: dict[tuple, tuple] = {}

    def discard(self) -> None:
        """Take the last changing artists (and containers: bars, error bars) off the figure,
        except those changed in place (marked by ``changed_in_place``: their owner changes
        them again)."""
        for artist in self.artists:
            if not getattr(artist, "_changed_in_place", False):
                artist.remove()
        self.artists = []

    def render(self, artists: list) -> bytes:
        """Draw the figure with ``artists`` (artists or containers) as its changing part."""
        from matplotlib.artist import Artist
        from matplotlib.cbook import flatten
        from matplotlib.container import Container

        fig, canvas = self.fig, self.fig.canvas
        self.artists = list(artists)
        changed = set()
        for item in self.artists:
            parts = ([a for a in flatten(item, scalarp=lambda x: isinstance(x, Artist))
                      if a is not None] if isinstance(item, Container) else [item])
            changed |= {id(a) for a in parts}
        plan = _redraw_plan(fig, changed)
        # runs of changing artists and of unchanging artists drawn above them, in order
        runs: list[tuple[bool, list]] = []
        for artist in plan:
            is_changed = id(artist) in changed
            if runs and runs[-1][0] == is_changed:
                runs[-1][1].append(artist)
            else:
                runs.append((is_changed, [artist]))
        overlay = _opaque(fig)
        limits = tuple((ax.get_xlim(), ax.get_ylim()) for ax in fig.axes)
        picture_of = (tuple(frozenset(map(id, run)) for is_changed, run in runs
                            if not is_changed), limits, tuple(fig.get_size_inches()), overlay,
                      _sticking_out(fig, plan, changed))
        cached = self.pictures.pop(picture_of, None)
        if cached is None:
            for artist in plan:
                artist.set_animated(True)
            start_layout_afresh(fig)
            try:
                canvas.draw()
            finally:
                for artist in plan:
                    artist.set_animated(False)
            background = canvas.copy_from_bbox(fig.bbox)
            overlays = ([_Overlay(canvas, run) for is_changed, run in runs if not is_changed]
                        if overlay else [])
            cached = background, overlays
            if len(self.pictures) >= self.PICTURES_KEPT:
                self.pictures.pop(next(iter(self.pictures)))
        self.pictures[picture_of] = cached
        background, overlays = cached
        canvas.restore_region(background)
        renderer = canvas.get_renderer()
        overlays = iter(overlays)
        for is_changed, run in runs:
            if is_changed or not overlay:
                for artist in run:
                    artist.draw(renderer)
            else:
                next(overlays).lay_over(canvas)
        return png_bytes(canvas)


def start_layout_afresh(fig: Figure) -> None:
    """Put every grid axes back where its grid cell starts it, as in a new figure.

    Constrained layout refines the axes' current places, so laying out a figure drawn
    before can end a fraction of a pixel away from laying out a new one; starting from the
    grid's places gives the new figure's layout exactly."""
    if fig.get_layout_engine() is None:
        return
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is not None and ax.get_in_layout():
            ax._set_position(spec.get_position(fig))  # public set_position leaves the layout


def _sticking_out(fig: Figure, plan: list, changed: set) -> tuple:
    """Where the changing artists that reach outside their axes end (pixels, rounded).

    Constrained layout makes room for everything it sees, changing artists included; a
    label that sticks out of its axes therefore moves the axes, and a picture laid out for
    another label would no longer be the figure drawn whole. Part of a picture's key, so
    such a change lays the figure out again; an artist inside its axes changes nothing."""
    if fig.get_layout_engine() is None:
        return ()
    renderer = fig.canvas.get_renderer()
    ends = []
    for artist in plan:
        if id(artist) not in changed or not artist.get_visible() or not artist.get_in_layout():
            continue
        box = artist.get_tightbbox(renderer)
        if box is None or not (box.width or box.height):
            continue
        frame = artist.axes.bbox if artist.axes is not None else None
        if (frame is None or box.x0 < frame.x0 - 0.5 or box.y0 < frame.y0 - 0.5
                or box.x1 > frame.x1 + 0.5 or box.y1 > frame.y1 + 0.5):
            ends.append(tuple(round(v) for v in box.extents))
    return tuple(ends)


def describe_figure(fig: Figure) -> str:
    """A short text description of a figure from its titles and axis labels (alt text)."""
    parts = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        parts.append(suptitle.get_text())
    for ax in fig.axes:
        if not ax.axison and not ax.get_title():
            continue
        title = " ".join(t for t in (ax.get_title(loc) for loc in ("left", "center", "right")) if t)
        axes = "; ".join(f"{name}: {label}" for name, label in
                         (("horizontal axis", ax.get_xlabel()), ("vertical axis", ax.get_ylabel()))
                         if label)
        text = ", ".join(t for t in (title, axes) if t)
        if text:
            parts.append(text)
    return ". ".join(" ".join(p.split()) for p in parts) or "Figure"


def error_html(message) -> str:
    """A refused value or failed action as a short warning line for a widget (HTML-escaped)."""
    return (f"<span style='color:{text_color(OKABE_ITO['vermillion'])}'>⚠ Warning: "
            f"{html.escape(str(message))}</span>")
