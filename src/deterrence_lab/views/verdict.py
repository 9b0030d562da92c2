"""The verdict map: each claim of the op-ed coloured by its verdict, on the argument map's
layout (chapter 06)."""
from __future__ import annotations

import textwrap

from ..content import argument, verdict
from .argument_map import claim_positions
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
    pos = claim_positions()
    fig, ax = new_figure(10.0, 6.2)
    for c in argument.CLAIMS:
        for p in c.premises:
            ax.annotate("", xy=pos[c.id], xytext=pos[p],
                        arrowprops=dict(arrowstyle="-|>", lw=0.9, color="#888888",
                                        shrinkA=38, shrinkB=38))
    for c in argument.CLAIMS:
        x, y = pos[c.id]
        label = f"{c.id}\n" + "\n".join(textwrap.wrap(c.term_en, 16))
        ax.text(x, y, label, ha="center", va="center", fontsize=8.5,
                bbox=dict(boxstyle="round,pad=0.45", fc=VERDICT_COLORS[chosen[c.id]], ec="black",
                          lw=0.6, alpha=0.85))
    for name, colour in VERDICT_COLORS.items():
        ax.scatter([], [], marker="s", s=90, color=colour, label=name or "not yet")
    ax.legend(title="verdict", loc="upper center", ncol=3, frameon=False,
              bbox_to_anchor=(0.5, 0.0))
    ax.set_xlim(-0.6, max(x for x, _ in pos.values()) + 0.6)
    ax.set_ylim(min(y for _, y in pos.values()) - 0.9, max(y for _, y in pos.values()) + 0.9)
    ax.set_axis_off()
    ax.set_title(f"{title}: the op-ed's argument map, claim by claim")
    return fig
