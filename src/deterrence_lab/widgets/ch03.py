"""Chapter 03 views: the always/never frontier, risk against required approvals, the crisis trade.

Figures call :mod:`deterrence_lab.command` for every number; :class:`CommandExplorer` puts
the frontier under sliders with a plain-language readout.
"""
from __future__ import annotations

import ipywidgets as W
import numpy as np

from ..models import command
from ..views.command import (FLOOR, _frontier, control_table, crisis_figure, frontier_figure,
                             move_design, profile_risks_table, profile_table, readout,
                             risk_by_k_figure, verdict_table)
from ..views.style import changed_in_place
from ._base import Explorer

__all__ = ['CommandExplorer', 'FLOOR', 'frontier_figure', 'risk_by_k_figure', 'crisis_figure', 'readout',
           'profile_risks_table', 'profile_table', 'verdict_table', 'control_table']


class CommandExplorer(Explorer):
    """Design a command chain and see where it lands between 'always' and 'never'."""

    title = "Who holds the key: design a command chain"
    _wide = {"description_width": "270px"}
    _control_layout = {"width": "520px"}

    def _controls(self):
        def slider(kind, description, **kw):
            return kind(description=description, style=self._wide, layout=W.Layout(**self._control_layout),
                        continuous_update=False, **kw)

        def toggle(description, value):
            return W.Checkbox(description=description, value=value, style=self._wide, indent=False)

        return {
            "n": slider(W.IntSlider, "Members in the chain, n (people)", min=1, max=10, value=3),
            "k": slider(W.IntSlider, "Members who must act together, k (people)", min=1, max=10, value=2),
            "p_rogue": slider(W.FloatLogSlider, "P(a member acts without authority) per crisis",
                              base=10, min=-4, max=-0.5, step=0.1, value=0.01, readout_format=".4f"),
            "p_fail": slider(W.FloatLogSlider, "P(a member fails a valid order) per crisis",
                             base=10, min=-4, max=-0.5, step=0.1, value=0.05, readout_format=".4f"),
            "pal": toggle("Code lock (PAL) on the weapon", True),
            "p_pal_defeat": slider(W.FloatSlider, "P(a rogue group defeats the lock)", min=0.0, max=1.0,
                                   step=0.01, value=0.1),
            "custody": toggle("Warheads stored apart (separate custodian)", False),
            "p_custody_defeat": slider(W.FloatSlider, "P(a rogue group gets past the custodian)", min=0.0,
                                       max=1.0, step=0.01, value=0.5),
            "release_time_h": slider(W.FloatSlider, "Time to release from storage (hours)", min=0.0,
                                     max=48.0, step=0.5, value=6.0),
            "predelegation": toggle("Authority and codes pre-delegated (crisis)", False),
            "p_cutoff": slider(W.FloatSlider, "P(leadership cut off) per crisis", min=0.0, max=0.5,
                               step=0.01, value=0.05),
        }

    @staticmethod
    def _split(n, k, p_rogue, p_fail, **design):
        barriers = {name: design[name] for name in ("p_pal_defeat", "p_custody_defeat", "release_time_h",
                                                    "p_cutoff")}
        current = dict(n=n, k=k, pal=design["pal"], custody=design["custody"],
                       predelegation=design["predelegation"], **barriers)
        return barriers, current

    # fast path: the family of designs for one n, probabilities and barriers is drawn once; a
    # new k, lock or pre-delegation moves the star of "your design" over it
    def _static_key(self, *, n, k, p_rogue, p_fail, **design):
        barriers, _ = self._split(n, k, p_rogue, p_fail, **design)
        return n, p_rogue, p_fail, design["custody"], tuple(sorted(barriers.items()))

    def _draw_static(self, *, n, k, p_rogue, p_fail, **design):
        barriers, current = self._split(n, k, p_rogue, p_fail, **design)
        return frontier_figure(n, p_rogue, p_fail, current=current, custody=design["custody"], **barriers)

    def _draw_dynamic(self, fig, *, n, k, p_rogue, p_fail, **design):
        barriers, current = self._split(n, k, p_rogue, p_fail, **design)
        risks = command.command_risks(p_rogue=p_rogue, p_fail=p_fail, **current)
        fam, front = _frontier(n, p_rogue, p_fail,
                               tuple(sorted(dict(barriers, custody=design["custody"]).items())))
        on_front = bool(np.any(front
                               & np.isclose(fam["p_unauthorised"], risks.p_unauthorised, rtol=1e-12, atol=0)
                               & np.isclose(fam["p_valid_fails"], risks.p_valid_fails, rtol=1e-12, atol=0)))
        star = move_design(fig.axes[0], p_rogue, p_fail, current)
        result = {"p_unauthorised": float(risks.p_unauthorised), "p_valid_fails": float(risks.p_valid_fails),
                  "time_to_execute_h": float(risks.time_to_execute_h), "on_frontier": on_front}
        return changed_in_place(star), result, readout(risks, on_front)
