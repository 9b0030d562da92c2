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
- the controls sit beside the figure when the notebook is wide enough (about 950 px),
  above it otherwise (a wrapping flex row); each control's label has a line of its own,
  so no label or menu entry is cut and every slider is at least 200 px long; the figure
  never grows taller than the window, so it stays in view while a control moves.

Two hooks, and no subclass overrides ``set``, ``update`` or the change handler:

- ``_fill_in(changed)`` returns the values other controls take when the controls in
  ``changed`` are set (a preset fills in its weights, a scenario its answers). A change by
  hand and a call to ``set`` go through it alike, so both give the same state.
- ``_after_update()`` runs after every redraw (to show or hide controls, say).
"""
from __future__ import annotations

import ipywidgets as W

from ..views.style import describe_figure, error_html, reusing, style, to_png

CONTROLS_WIDTH = "380px"     # the column of controls beside the figure
FIGURE_MIN_WIDTH = "540px"   # narrower than this, the figure goes below the controls
SLIDER_MIN_WIDTH = "200px"
_NO_LABEL_LINE = (W.Checkbox, W.Button, W.ToggleButton)


def fit_control(control: W.Widget) -> W.Widget:
    """Give a control's label a line of its own above the control, the full width of the
    column: labels and menu entries are not cut, and a slider's track is at least
    ``SLIDER_MIN_WIDTH`` long. Check boxes and buttons are left as they are."""
    if isinstance(control, _NO_LABEL_LINE) or not getattr(control, "description", ""):
        return control
    control.style.description_width = "100%"
    control.layout.width = "100%"
    control.layout.flex_flow = "row wrap"
    if isinstance(control, (W.FloatSlider, W.IntSlider, W.FloatLogSlider,
                            W.FloatRangeSlider, W.IntRangeSlider, W.SelectionSlider)):
        control.layout.min_width = SLIDER_MIN_WIDTH
    return control


def side_by_side(left: list[W.Widget], right: list[W.Widget]) -> W.Box:
    """Controls in a column beside the figure column; the figure column wraps below the
    controls when both do not fit."""
    controls = W.VBox(left, layout=W.Layout(flex=f"0 1 {CONTROLS_WIDTH}", min_width="300px",
                                            max_width="460px", margin="0 16px 0 0"))
    figure = W.VBox(right, layout=W.Layout(flex=f"1 1 {FIGURE_MIN_WIDTH}",
                                           min_width=f"min({FIGURE_MIN_WIDTH}, 100%)"))
    return W.Box([controls, figure], layout=W.Layout(display="flex", flex_flow="row wrap",
                                                     align_items="flex-start", width="100%"))


class Explorer:
    """Controls on the left, the figure and a readout on the right, a reset button below."""

    title = ""

    def __init__(self, **initial):
        self.controls: dict[str, W.Widget] = self._controls()
        for control in self.controls.values():
            fit_control(control)
        self.defaults = {name: c.value for name, c in self.controls.items()}
        # as wide as the column allows, never taller than the window (the aspect is kept)
        self.image = W.Image(format="png", layout=W.Layout(
            width="100%", max_width="760px", max_height="calc(100vh - 140px)",
            object_fit="contain", object_position="left top"))
        self.readout = W.HTML(layout=W.Layout(min_height="2em"))
        self.error = W.HTML()
        self.reset_button = W.Button(description="Reset", icon="undo",
                                     tooltip="Put every control back to its starting value")
        self.reset_button.on_click(lambda _: self.reset())
        self.result: dict = {}
        self.fig = None
        self._layout: dict = {}  # what to_png needs to skip an unchanged layout
        for name, control in self.controls.items():
            control.observe(lambda change, name=name: self._on_change(name, change), names="value")
        self._updating = False
        if initial:
            self.set(**initial)
        else:
            self.update()
        header = [W.HTML(f"<b>{self.title}</b>")] if self.title else []
        self.ui = W.VBox(header + [side_by_side(list(self.controls.values()) + [self.reset_button],
                                                [self.image, self.readout, self.error])])

    # -- subclass interface -------------------------------------------------------------
    def _controls(self) -> dict[str, W.Widget]:
        raise NotImplementedError

    def _draw(self, **values) -> tuple:
        """Return ``(figure, result_dict, readout_html)`` for the current control values."""
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

    def update(self) -> dict:
        """Recompute and redraw from the current control values; returns ``result``."""
        try:
            with style(), reusing(self.fig):
                fig, result, html = self._draw(**self.values)
            png = to_png(fig, self._layout)
            # the image's text alternative (read out by screen readers, shown on hover)
            self.image.tooltip = ": ".join(t for t in (self.title, describe_figure(fig)) if t)
            self.image.value = png
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

        display(self.ui)
