"""How the chapter figures and widgets render: one reused figure per widget, a layout that is
skipped only when nothing it depends on changed, labels that do not overlap, text colours
that are readable on white, and controls whose labels and sliders fit.
"""
from __future__ import annotations

import html
import importlib
import inspect
import itertools
import pkgutil
import re

import ipywidgets as W
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from deterrence_lab import views, widgets
from deterrence_lab.views.style import (describe_figure, error_html, new_figure, reusing,
                                        style, to_png)
from deterrence_lab.widgets._base import CSS, SLIDER_MIN_WIDTH, Explorer, fit_control


def _explorer_classes():
    found = []
    for info in pkgutil.iter_modules(widgets.__path__):
        if info.name.startswith("ch"):
            module = importlib.import_module(f"deterrence_lab.widgets.{info.name}")
            found += [obj for name, obj in sorted(vars(module).items())
                      if inspect.isclass(obj) and issubclass(obj, Explorer) and obj is not Explorer
                      and obj.__module__ == module.__name__]
    return found


EXPLORERS = _explorer_classes()


def _figure_functions():
    """Every public function in views/ that draws a figure from its defaults alone."""
    found = []
    for info in pkgutil.iter_modules(views.__path__):
        module = importlib.import_module(f"deterrence_lab.views.{info.name}")
        for name, obj in sorted(vars(module).items()):
            if (inspect.isfunction(obj) and obj.__module__ == module.__name__
                    and not name.startswith("_") and "figure" in name
                    and all(p.default is not p.empty or p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
                            for p in inspect.signature(obj).parameters.values())):
                found.append(obj)
    return found


def _first_figure(value):
    if isinstance(value, Figure):
        return value
    if isinstance(value, tuple):
        return next((v for v in value if isinstance(v, Figure)), None)
    return None


def chapter_figures():
    """(name, figure) for each widget's starting figure and each default-drawable figure."""
    figures = []
    for cls in EXPLORERS:
        figures.append((f"{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__}", cls().fig))
    for function in _figure_functions():
        with style():
            figure = _first_figure(function())
        if figure is not None:
            figures.append((f"{function.__module__.rsplit('.', 1)[1]}.{function.__name__}", figure))
    return figures


@pytest.fixture(scope="module")
def rendered():
    figures = chapter_figures()
    for _, fig in figures:
        to_png(fig)  # drawn on the Agg canvas, so every text has its final place
    return figures


# --- one figure per widget, drawn cheaply ---------------------------------------------
@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda c: c.__name__)
def test_a_widget_redraws_into_the_same_figure(cls):
    from deterrence_lab.widgets._base import SCENES_KEPT

    widget = cls()
    first = widget.fig
    name, control = next((n, c) for n, c in widget.controls.items()
                         if getattr(c, "options", None) or hasattr(c, "max"))
    if getattr(control, "options", None):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        other = next(v for v in values if v != control.value)
    else:
        other = control.max if control.value != control.max else control.min
    before, original = widget.png, control.value
    widget.set(**{name: other})
    assert widget.png != before and widget.png[:8] == b"\x89PNG\r\n\x1a\n"
    # a fast-path widget keeps one figure per static key it met last (a map's zoom step,
    # say), at most SCENES_KEPT of them; going back reuses the first figure
    assert widget.fig is first or widget._static_key(**widget.values) is not None
    kept = {id(scene.fig) for scene in widget._scenes.values()} | {id(widget._plain_fig)} - {id(None)}
    assert len(kept) <= SCENES_KEPT + 1
    widget.set(**{name: original})
    assert widget.fig is first and widget.png == before
    # shown as an <img> with alt text: the widget's title and what the axes show
    alt = re.search(r'<img class="widget-image" src="data:image/png;base64,[^"]+" alt="([^"]+)"',
                    widget.image.value).group(1)
    assert alt.startswith(html.escape(cls.title or "")) and len(alt) > 20


def _pixels(png: bytes) -> np.ndarray:
    import io
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def _line_figure(title: str, ymax: float):
    fig, ax = new_figure(4.0, 3.0)
    ax.plot([0, 1], [0, ymax], label="series")
    ax.set_title(title)
    ax.set_ylabel("height (m)")
    ax.set_ylim(0, ymax)
    ax.legend()
    return fig


def test_a_skipped_layout_gives_the_same_picture_as_a_fresh_one():
    layout: dict = {}
    with style():
        fig = _line_figure("same", 10.0)
    to_png(fig, layout)
    with style(), reusing(fig):
        again = _line_figure("same", 10.0)
    assert again is fig
    cached = to_png(fig, layout)                 # same key: the stored layout is used
    with style():
        fresh = to_png(_line_figure("same", 10.0))
    assert np.abs(_pixels(cached) - _pixels(fresh)).max() == 0


def test_a_changed_label_or_limit_lays_the_figure_out_again():
    layout: dict = {}
    with style():
        fig = _line_figure("short", 10.0)
    to_png(fig, layout)
    key = layout["key"]
    with style(), reusing(fig):
        _line_figure("short", 100000.0)           # wider tick labels need a wider margin
    wide = to_png(fig, layout)
    assert layout["key"] != key
    with style():
        fresh = to_png(_line_figure("short", 100000.0))
    assert np.abs(_pixels(wide) - _pixels(fresh)).max() == 0


def test_describe_figure_names_titles_and_axes():
    with style():
        fig = _line_figure("Blast", 5.0)
    assert describe_figure(fig) == "Blast, vertical axis: height (m)"


# --- controls that fit ------------------------------------------------------------------
def test_fit_control_gives_labels_a_line_and_sliders_room():
    slider = fit_control(W.FloatSlider(description="US loss if only protesting (utility units)",
                                       style={"description_width": "150px"},
                                       layout=W.Layout(width="200px")))
    assert "dl-control" in slider._dom_classes
    assert slider.style.description_width == "initial" and slider.layout.width == "100%"
    assert f"min-width: {SLIDER_MIN_WIDTH}px" in CSS and SLIDER_MIN_WIDTH >= 200
    box = fit_control(W.Checkbox(description="code lock"))
    assert "dl-control" not in box._dom_classes


@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda c: c.__name__)
def test_every_explorer_control_is_fitted(cls):
    for name, control in cls().controls.items():
        if getattr(control, "description", "") and not isinstance(control, (W.Checkbox, W.Button,
                                                                             W.ToggleButton)):
            assert "dl-control" in control._dom_classes, name


def test_chapter_01_custom_sliders_choose_their_menu_option():
    from deterrence_lab.widgets.ch01 import EffectsExplorer

    w = EffectsExplorer()
    w.controls["height_m"].value = 500.0 + 200.0          # as a hand on the slider would
    assert w.values["burst"] == "custom" and w.result["height_m"] == pytest.approx(700.0, abs=1e-9)
    w.set(density=100.0)
    assert w.values["setting"] == "custom"
    assert w.result["density_per_km2"] == pytest.approx(100.0, rel=1e-9)
    w.reset()
    assert w.values["burst"] == "optimum" and w.values["setting"] == "dense city"


# --- readable figures -------------------------------------------------------------------
def _texts(fig):
    """(Text, window box) for each text drawn on ``fig``: titles, labels, legend entries,
    annotations and the tick labels the axes actually draw (not those outside the limits)."""
    renderer = fig.canvas.get_renderer()
    hidden = set()
    for ax in fig.axes:
        for axis in ax._axis_map.values():
            drawn = {id(label) for tick in axis._update_ticks()
                     for label in (tick.label1, tick.label2)} if ax.axison else set()
            hidden |= {id(label) for tick in axis.get_major_ticks() + axis.get_minor_ticks()
                       for label in (tick.label1, tick.label2) if id(label) not in drawn}
    boxes, seen = [], set()
    for text in fig.findobj(Text):
        if id(text) in seen or id(text) in hidden:
            continue
        seen.add(id(text))
        if not text.get_visible() or not text.get_text().strip() or text.get_alpha() == 0:
            continue
        box = text.get_window_extent(renderer)
        if box.width > 0 and box.height > 0:
            boxes.append((text, box))
    return boxes


OVERLAP_PX = 2.0  # anti-aliased edges and font bearings may touch


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return min(w, h)


def _restyled_copy(a, b) -> bool:
    """One label drawn over the same label at the same place (a highlight that restyles a
    box, as the walk-through does for the box reached): one label to the reader."""
    return (a.axes is b.axes and a.get_text() == b.get_text()
            and a.get_position() == b.get_position())


@pytest.mark.notebooks  # draws every chapter figure
def test_no_two_labels_overlap_on_any_chapter_figure(rendered):
    found = []
    for name, fig in rendered:
        for (ta, a), (tb, b) in itertools.combinations(_texts(fig), 2):
            if _restyled_copy(ta, tb):
                continue
            if _overlap(a, b) > OVERLAP_PX:
                found.append(f"{name}: {ta.get_text()!r} overlaps {tb.get_text()!r}")
    assert not found, "\n".join(found)


def contrast(colour, background="white") -> float:
    """WCAG 2.1 contrast ratio of two colours."""
    def luminance(c):
        rgb = np.array(to_rgb(c))
        rgb = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        return float(rgb @ [0.2126, 0.7152, 0.0722])
    hi, lo = sorted((luminance(colour), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_wcag_examples():
    assert contrast("black") == pytest.approx(21.0, abs=1e-9)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)   # the usual 4.5:1 grey


def test_text_colours_in_widgets_and_on_the_site_are_readable_on_white():
    colours = {"warning": error_html("x").split("color:")[1].split("'")[0],
               "site code summary": "#666666", "site links": "#0d47a1"}
    low = {k: round(contrast(c), 2) for k, c in colours.items() if contrast(c) < 4.5}
    assert not low, f"text colours below 4.5:1 on white: {low}"


@pytest.mark.notebooks  # draws every chapter figure
def test_text_on_chapter_figures_is_readable(rendered):
    """Figure text at least 4.5:1 against white (or the box it sits on), as for any text."""
    found = []
    for name, fig in rendered:
        for text, _ in _texts(fig):
            patch = text.get_bbox_patch()
            background = "white"
            if patch is not None:   # a box behind the text, blended onto the white figure
                r, g, b, a = patch.get_facecolor()
                background = tuple(a * c + (1 - a) for c in (r, g, b))
            ratio = contrast(text.get_color(), background)
            if ratio < 4.5:
                found.append(f"{name}: {text.get_text()!r} in {text.get_color()} ({ratio:.2f}:1)")
    assert not found, "\n".join(found)
