"""Chapter 00 views: the argument map and a claim explorer."""
from __future__ import annotations

import ipywidgets as W

from ..content import argument
from ..views.argument_map import (KIND_COLORS, _claim_html, argument_map, arrow_ends,
                                  claim_positions, draw_argument_map, highlight_claim)
from ._base import Explorer

__all__ = ['ClaimExplorer', 'KIND_COLORS', 'claim_positions', 'argument_map', 'arrow_ends',
           'draw_argument_map']


class ClaimExplorer(Explorer):
    """Pick a claim: see its text, kind, premises, what rests on it and which chapter tests it."""

    title = "Explore the argument: pick a claim"

    def _controls(self):
        options = [(f"{c.id}: {c.term_en}", c.id) for c in argument.CLAIMS]
        return {"claim": W.Dropdown(options=options, value="C11", description="Claim",
                                    layout=W.Layout(width="320px"))}

    # fast path: one map, drawn once; a new claim restyles the arrows in place, veils the
    # claims not linked to it and outlines it, drawn over a cached picture of boxes and labels
    def _static_key(self, claim):
        return "map"

    def _draw_static(self, claim):
        return argument_map()

    def _draw_dynamic(self, fig, claim):
        c = argument.claim(claim)
        result = {"claim": c.id, "kind": c.kind, "premises": c.premises,
                  "dependents": argument.dependents(c.id), "chapter": c.chapter}
        return highlight_claim(fig.axes[0], c.id), result, _claim_html(c)
