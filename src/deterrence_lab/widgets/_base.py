"""The base of every chapter widget: labelled controls, a reset, a plot that updates in place.

A subclass builds its controls in ``_controls()`` (a dict name -> ipywidget), draws a
figure in ``_draw(**values)`` and returns a result dict (the numbers the readout
shows). Changing any control recomputes and redraws; the PNG is swapped inside one
``ipywidgets.Image``, so the plot changes in place without flicker. Tests drive a
widget with ``w.set(name=value)`` and read ``w.result``.

Fast and fitting, for every subclass alike:

- a widget keeps one Figure and canvas: each redraw clears it and draws into it again
  (``views.style.reusing``); constrained layout runs once per redraw, and not at all when
  nothing it depends on changed (titles, labels, limits, tick labels, legends); the PNG
  is written with light compression;
- the controls sit beside the figure when the notebook's output area is wide enough
  (about 820 px: a 1280 px window with JupyterLab's file browser open),
  above it otherwise (a wrapping flex row); each control's label has a line of its own,
  so no label or menu entry is cut and every slider is at least 200 px long; the figure
  never grows taller than the window, so it stays in view while a control moves.

Two hooks, and no subclass overrides ``set``, ``update`` or the change handler:

- ``_fill_in(changed)`` returns the values other controls take when the controls in
  ``changed`` are set (a preset fills in its weights, a scenario its answers). A change by
  hand and a call to ``set`` go through it alike, so both give the same state.
- ``_after_update()`` runs after every redraw (to show or hide controls, say).

A fast path, for a subclass that offers it: instead of ``_draw`` it implements
``_static_key(**values)`` (a hashable naming everything in the figure that does not change
with the values: the base map of a place at one zoom level, say), ``_draw_static(**values)``
(the figure without the changing artists) and ``_draw_dynamic(fig, **values)`` (adds the
changing artists to that figure and returns them with the result and readout). The widget
then keeps a few figures, one per static key it met last (``Scene``): a change that keeps
the key removes the old changing artists, adds the new ones and draws only them, and what
the figure shows above them, over a cached picture of the rest. The image equals the one
a fresh widget set to the same values draws (``tests/test_fast_updates.py``).
"""
from __future__ import annotations

import ipywidgets as W

from ..views.style import Scene, describe_figure, error_html, reusing, style, to_png

import base64
import numbers
import html as _html
from collections import OrderedDict

CONTROLS_WIDTH = "320px"     # the column of controls beside the figure
FIGURE_MIN_WIDTH = "480px"   # narrower than this, the figure goes below the controls
SLIDER_MIN_WIDTH = 200       # px
SCENES_KEPT = 4              # figures a fast-path widget keeps (one per static key)
_NO_LABEL_LINE = (W.Checkbox, W.Button, W.ToggleButton)

# One style sheet for every explorer (an HTML widget may carry a <style> element): a
# control's label on a line of its own, left-aligned and never cut; sliders and menus the
# full width of the column; the figure as wide as its column and never taller than the window.
CSS = f"""<style>
.dl-explorer .dl-control {{ flex-wrap: wrap; width: 100%; height: auto !important;
  margin-bottom: 4px; }}
.dl-explorer .dl-control > .widget-label {{ width: 100% !important; max-width: none;
  text-align: left; white-space: normal; overflow: visible; height: auto; line-height: 1.3;
  margin-bottom: 2px; }}
.dl-explorer .dl-control .slider-container, .dl-explorer .dl-control .slider {{
  min-width: {SLIDER_MIN_WIDTH}px; flex: 1 1 {SLIDER_MIN_WIDTH}px; }}
.dl-explorer .dl-control > select {{ flex: 1 1 auto; width: 100%; max-width: none; }}
.dl-explorer .dl-control .widget-readout {{ min-width: 4.5em; overflow: visible; }}
.dl-explorer img.widget-image {{ width: 100%; height: auto; max-width: 760px;
  max-height: calc(100vh - 140px); object-fit: contain; object-position: left top; }}
</style>"""


def fit_control(control: W.Widget) -> W.Widget:
    """Give a control's label a line of its own above the control, the full width of the
    column (with ``CSS``): labels and menu entries are not cut, and a slider's track is at
    least ``SLIDER_MIN_WIDTH`` px long. Check boxes and buttons are left as they are."""
    if isinstance(control, _NO_LABEL_LINE) or not getattr(control, "description", ""):
        return control
    control.add_class("dl-control")
    control.style.description_width = "initial"
    control.layout.width = "100%"
    return control


def _equal(value, entry) -> bool:
    """``value == entry`` as one truth value (an array compared with an entry is not one)."""
    try:
        return bool(value == entry)
    except (TypeError, ValueError):
        return False


def check_control_value(name: str, control: W.Widget, value) -> None:
    """Refuse a value a control cannot take, in plain words, before anything changes.

    ipywidgets would raise a ``TraitError`` that names no control for a menu entry that does
    not exist, and would silently clamp a number outside a slider's range.

    Raises
    ------
    ValueError
        If ``value`` is not one of a menu's entries, a number outside a slider's range,
        not True or False for a check box, or not a whole number from 0 for a number box.
    """
    if isinstance(control, (W.Dropdown, W.ToggleButtons)):
        allowed = [o[1] if isinstance(o, tuple) else o for o in control.options]
        if not any(value is a or _equal(value, a) for a in allowed):
            raise ValueError(f"{name}={value!r} is not one of: "
                             f"{', '.join(repr(a) for a in allowed)}")
    elif isinstance(control, W.Checkbox):
        if not isinstance(value, bool):
            raise ValueError(f"{name}={value!r} must be True or False")
    elif isinstance(control, W.IntText):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
            raise ValueError(f"{name}={value!r} must be a whole number from 0 up")
    elif isinstance(control, (W.FloatSlider, W.IntSlider, W.FloatLogSlider)):
        low, high = control.min, control.max
        if isinstance(control, W.FloatLogSlider):
            low, high = control.base ** low, control.base ** high
        kind = numbers.Integral if isinstance(control, W.IntSlider) else numbers.Real
        if isinstance(value, bool) or not isinstance(value, kind) or not low <= value <= high:
            whole = "a whole number " if kind is numbers.Integral else "a number "
            raise ValueError(f"{name}={value!r} must be {whole}from {low:g} to {high:g}")


def side_by_side(left: list[W.Widget], right: list[W.Widget], *,
                 controls_width: str = CONTROLS_WIDTH, controls_max: str = "420px") -> W.Box:
    """Controls in a column beside the figure column; the figure column wraps below the
    controls when both do not fit. ``controls_width`` and ``controls_max`` set the control
    column's usual and largest width (wider for menus with long entries)."""
    controls = W.VBox(left, layout=W.Layout(flex=f"0 1 {controls_width}", min_width="280px",
                                            max_width=controls_max, margin="0 16px 0 0"))
    figure = W.VBox(right, layout=W.Layout(flex=f"1 1 {FIGURE_MIN_WIDTH}",
                                           min_width=f"min({FIGURE_MIN_WIDTH}, 100%)"))
    return W.Box([controls, figure], layout=W.Layout(display="flex", flex_flow="row wrap",
                                                     align_items="flex-start", width="100%"))


def control_grid(controls: list[W.Widget], cell_width: str = "340px") -> W.Box:
    """Many fitted controls (see :func:`fit_control`) in rows that wrap: as many columns as
    the width allows, each at least ``cell_width`` wide, one column on a narrow screen."""
    for control in controls:
        control.layout.width = "auto"
        control.layout.flex = f"1 1 {cell_width}"
        control.layout.max_width = "480px"
        control.layout.margin = "0 16px 4px 0"
    return W.Box(controls, layout=W.Layout(display="flex", flex_flow="row wrap",
                                           align_items="flex-start", width="100%"))


def with_style(box: W.Box) -> W.Box:
    """``box`` with the explorers' style sheet (``CSS``) as its first child and their class,
    so that fitted controls and the figure get the same layout everywhere (once only)."""
    if "dl-explorer" not in box._dom_classes:
        box.add_class("dl-explorer")
        box.children = (W.HTML(CSS), *box.children)
    return box


def image_html(png: bytes, alt: str, size_px: tuple[int, int]) -> str:
    """The PNG as an ``<img>`` with alt text (ipywidgets' Image has no alt attribute, and
    a screen reader needs one); width and height hold its place while it decodes."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img class="widget-image" src="data:image/png;base64,{data}" '
            f'alt="{_html.escape(alt)}" width="{size_px[0]}" height="{size_px[1]}">')


class Explorer:
    """Controls on the left, the figure and a readout on the right, a reset button below."""

    title = ""

    def __init__(self, **initial):
        self.controls: dict[str, W.Widget] = self._controls()
        for control in self.controls.values():
            fit_control(control)
        self.defaults = {name: c.value for name, c in self.controls.items()}
        # the figure as an <img> with alt text (see CSS for its size)
        self.image = W.HTML(layout=W.Layout(width="100%"))
        self.png = b""
        self.readout = W.HTML(layout=W.Layout(min_height="2em"))
        self.error = W.HTML()
        self.reset_button = W.Button(description="Reset", icon="undo",
                                     tooltip="Put every control back to its starting value")
        self.reset_button.on_click(lambda _: self.reset())
        self.result: dict = {}
        self.fig = None
        self._png_layout: dict = {}  # what to_png needs to skip an unchanged layout
        self._scenes: OrderedDict = OrderedDict()  # static key -> Scene, least recent first
        self._plain_fig = None  # the figure of values without a static key
        for name, control in self.controls.items():
            control.observe(lambda change, name=name: self._on_change(name, change), names="value")
        self._updating = False
        if initial:
            self.set(**initial)
        else:
            self.update()
        header = [W.HTML(f"<b>{self.title}</b>")] if self.title else []
        left = list(self.controls.values()) + [self.reset_button]
        self.ui = W.VBox(header + [side_by_side(left, [self.image, self.readout, self.error])])

    # -- subclass interface -------------------------------------------------------------
    def _controls(self) -> dict[str, W.Widget]:
        raise NotImplementedError

    def _draw(self, **values) -> tuple:
        """Return ``(figure, result_dict, readout_html)`` for the current control values.

        A fast-path subclass need not write it: it is its static part plus its dynamic part."""
        if self._static_key(**values) is None:
            raise NotImplementedError
        fig = self._draw_static(**values)
        _, result, html = self._draw_dynamic(fig, **values)
        return fig, result, html

    # the optional fast path (see the module docstring)
    def _static_key(self, **values):
        """A hashable naming everything ``_draw_static`` draws for ``values``; ``None``
        (the default): no fast path, every change redraws the whole figure."""
        return None

    def _draw_static(self, **values):
        """The figure for ``values`` without the artists ``_draw_dynamic`` adds."""
        raise NotImplementedError

    def _draw_dynamic(self, fig, **values) -> tuple:
        """Add the changing artists for ``values`` to ``fig`` (made by ``_draw_static`` for
        the same static key); return ``(artists, result_dict, readout_html)``. Artists that
        cannot be removed (an axes title) may be changed in place and returned too."""
        raise NotImplementedError

    def _fill_in(self, changed: dict) -> dict:
        """Values other controls take when the controls in ``changed`` are set; none by default."""
        return {}

    def _after_update(self) -> None:
        """Runs after every redraw; nothing by default."""

    # -- behaviour ----------------------------------------------------------------------
    @property
    def values(self) -> dict:
        return {name: c.value for name, c in self.controls.items()}

    def _on_change(self, name: str, change) -> None:
        if not self._updating:        # a control moved by hand: it may fill in others
            self.set(**{name: change["new"]})

    def _render_fast(self, key, values: dict) -> tuple:
        """Draw ``values`` in the scene of static key ``key`` (made when missing, in the
        least recently used figure once ``SCENES_KEPT`` are kept); returns
        ``(figure, result, html, png)``."""
        scene = self._scenes.pop(key, None)
        try:
            with style():
                if scene is None:
                    old = None
                    if len(self._scenes) >= SCENES_KEPT:
                        old = self._scenes.popitem(last=False)[1].fig
                    with reusing(old):
                        scene = Scene(self._draw_static(**values))
                else:
                    scene.discard()
                artists, result, html = self._draw_dynamic(scene.fig, **values)
                png = scene.render(artists)
        except Exception:
            scene = None  # half drawn: the next update builds this scene again
            raise
        finally:
            if scene is not None:
                self._scenes[key] = scene
        return scene.fig, result, html, png

    def update(self) -> dict:
        """Recompute and redraw from the current control values; returns ``result``."""
        try:
            values = self.values
            key = self._static_key(**values)
            if key is not None:
                fig, result, html, png = self._render_fast(key, values)
            else:   # its own figure: the scenes' figures stay as they are
                with style(), reusing(self._plain_fig):
                    fig, result, html = self._draw(**values)
                self._plain_fig = fig
                png = to_png(fig, self._png_layout)
            alt = ": ".join(t for t in (self.title, describe_figure(fig)) if t)
            size = tuple(int(round(v * fig.dpi)) for v in fig.get_size_inches())
            self.image.value = image_html(png, alt, size)
            self.png = png
        except ValueError as error:  # a model refusing a value: say so, keep the last plot
            self.error.value = error_html(error)
            return self.result
        self.fig, self.result = fig, result
        self.readout.value = html
        self.error.value = ""
        self._after_update()
        return result

    def set(self, **values) -> dict:
        """Set several controls at once (one redraw); unknown names are an error.

        Controls that ``_fill_in`` derives from the given ones are set too; a value given
        explicitly wins over a derived one."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; this widget has "
                             f"{', '.join(self.controls)}")
        for name, value in values.items():   # all checked before any control moves
            check_control_value(name, self.controls[name], value)
        values = {**self._fill_in(values), **values}
        self._updating = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._updating = False
        return self.update()

    def reset(self) -> dict:
        """Every control back to its starting value."""
        return self.set(**self.defaults)

    def _ipython_display_(self):
        from IPython.display import display

        display(with_style(self.ui))  # also for a subclass's own ui
