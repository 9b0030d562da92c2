"""Chapter 00 views: the argument map and a claim explorer."""
from __future__ import annotations

import ipywidgets as W

from ..content import argument
from ..views.argument_map import (KIND_COLORS, _claim_html, argument_map, arrow_ends,
                                  claim_positions, draw_argument_map)
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

    def _draw(self, claim):
        c = argument.claim(claim)
        result = {"claim": c.id, "kind": c.kind, "premises": c.premises,
                  "dependents": argument.dependents(c.id), "chapter": c.chapter}
        return argument_map(highlight=c.id), result, _claim_html(c)
