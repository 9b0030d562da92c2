"""The verdict map: each claim of the op-ed coloured by its verdict, on the argument map's
layout (chapter 06)."""
from __future__ import annotations


from ..content import argument, verdict
from .argument_map import draw_argument_map
from .style import OKABE_ITO, new_figure

VERDICT_COLORS = {"holds": OKABE_ITO["green"], "holds with qualifications": OKABE_ITO["sky_blue"],
                  "needs correction": OKABE_ITO["vermillion"], "open": OKABE_ITO["yellow"],
                  "value judgement": OKABE_ITO["purple"], None: "#dddddd"}


def verdict_map_figure(verdicts=None, title="The model answer"):
    """Chapter 00's argument map with each claim coloured by its verdict: the model answer, or
    ``verdicts`` (a dict from claim ids to verdict options, None = not yet given)."""
    if verdicts is None:
        chosen = {v.claim: v.model for v in verdict.VERDICTS}
    else:
        chosen = verdict.check_verdicts(verdicts)
    fig, ax = new_figure(11.0, 6.6)
    draw_argument_map(ax, {c.id: VERDICT_COLORS[chosen[c.id]] for c in argument.CLAIMS})
    for name, colour in VERDICT_COLORS.items():
        ax.scatter([], [], marker="s", s=90, color=colour, label=name or "not yet")
    ax.legend(title="verdict", loc="upper center", ncol=3, frameon=False,
              bbox_to_anchor=(0.5, 0.0))
    ax.set_title(f"{title}: the op-ed's argument map, claim by claim")
    return fig
