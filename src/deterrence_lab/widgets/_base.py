"""The base of every chapter widget: labelled controls, a reset, a plot that updates in place.

A subclass builds its controls in ``_controls()`` (a dict name -> ipywidget), draws a
figure in ``_draw(**values)`` and returns a result dict (the numbers the readout
shows). Changing any control recomputes and redraws; the PNG is swapped inside one
``ipywidgets.Image``, so the plot changes in place without flicker. Tests drive a
widget with ``w.set(name=value)`` and read ``w.result``.

Two hooks, and no subclass overrides ``set``, ``update`` or the change handler:

- ``_fill_in(changed)`` returns the values other controls take when the controls in
  ``changed`` are set (a preset fills in its weights, a scenario its answers). A change by
  hand and a call to ``set`` go through it alike, so both give the same state.
- ``_after_update()`` runs after every redraw (to show or hide controls, say).
"""
from __future__ import annotations

import ipywidgets as W

from ..views.style import error_html, style, to_png


class Explorer:
    """Controls on the left, the figure and a readout on the right, a reset button below."""

    title = ""

    def __init__(self, **initial):
        self.controls: dict[str, W.Widget] = self._controls()
        self.defaults = {name: c.value for name, c in self.controls.items()}
        self.image = W.Image(format="png", layout=W.Layout(width="100%", max_width="760px"))
        self.readout = W.HTML(layout=W.Layout(min_height="2em"))
        self.error = W.HTML()
        self.reset_button = W.Button(description="Reset", icon="undo",
                                     tooltip="Put every control back to its starting value")
        self.reset_button.on_click(lambda _: self.reset())
        self.result: dict = {}
        self.fig = None
        for name, control in self.controls.items():
            control.observe(lambda change, name=name: self._on_change(name, change), names="value")
        self._updating = False
        if initial:
            self.set(**initial)
        else:
            self.update()
        header = [W.HTML(f"<b>{self.title}</b>")] if self.title else []
        left = W.VBox(list(self.controls.values()) + [self.reset_button],
                      layout=W.Layout(min_width="330px"))
        right = W.VBox([self.image, self.readout, self.error])
        self.ui = W.VBox(header + [W.HBox([left, right], layout=W.Layout(flex_flow="row wrap"))])

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
            with style():
                fig, result, html = self._draw(**self.values)
            self.image.value = to_png(fig)
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
