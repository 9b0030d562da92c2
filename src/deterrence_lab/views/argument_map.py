"""The op-ed's argument as a map: claims as boxes coloured by kind, arrows from premise to
conclusion (chapter 00)."""
from __future__ import annotations

import html
import textwrap

from ..content import argument
from .style import OKABE_ITO, new_figure

KIND_COLORS = {
    "forecast": OKABE_ITO["sky_blue"], "empirical": OKABE_ITO["green"],
    "legal": OKABE_ITO["purple"], "normative": OKABE_ITO["orange"],
    "recommendation": OKABE_ITO["yellow"],
}


def claim_positions() -> dict[str, tuple[float, float]]:
    """Claims laid out left to right by depth of premises, top to bottom in text order."""
    columns: dict[int, list[str]] = {}
    for c in argument.CLAIMS:
        columns.setdefault(argument.depth(c.id), []).append(c.id)
    pos = {}
    for x, ids in columns.items():
        for row, claim_id in enumerate(ids):
            pos[claim_id] = (float(x), -(row - (len(ids) - 1) / 2) * 1.25)
    return pos


def argument_map(highlight: str | None = None):
    """The claims as boxes (colour = kind) with arrows from premise to conclusion.

    With ``highlight``, that claim gets a thick border and the arrows that lead into or out
    of it are drawn in black; the others fade.
    """
    if highlight is not None:
        argument.claim(highlight)
    pos = claim_positions()
    fig, ax = new_figure(10.0, 6.2)
    linked = set()
    if highlight is not None:
        linked = {highlight, *argument.claim(highlight).premises, *argument.dependents(highlight)}
    for c in argument.CLAIMS:
        for p in c.premises:
            strong = highlight is None or (highlight in (c.id, p))
            ax.annotate("", xy=pos[c.id], xytext=pos[p],
                        arrowprops=dict(arrowstyle="-|>", lw=1.8 if strong else 0.8,
                                        color="black" if strong else "#bbbbbb",
                                        shrinkA=38, shrinkB=38))
    for c in argument.CLAIMS:
        x, y = pos[c.id]
        faded = highlight is not None and c.id not in linked
        label = f"{c.id}\n" + "\n".join(textwrap.wrap(c.term_en, 16))
        ax.text(x, y, label, ha="center", va="center", fontsize=8.5,
                alpha=0.45 if faded else 1.0,
                bbox=dict(boxstyle="round,pad=0.45", fc=KIND_COLORS[c.kind],
                          ec="black", lw=2.8 if c.id == highlight else 0.6,
                          alpha=0.35 if faded else 0.9))
    for kind, colour in KIND_COLORS.items():
        ax.scatter([], [], marker="s", s=90, color=colour, label=kind)
    ax.legend(title="kind of claim", loc="upper center", ncol=5, frameon=False,
              bbox_to_anchor=(0.5, 0.0))
    ax.set_xlim(-0.6, max(x for x, _ in pos.values()) + 0.6)
    ax.set_ylim(min(y for _, y in pos.values()) - 0.9, max(y for _, y in pos.values()) + 0.9)
    ax.set_axis_off()
    ax.set_title("The op-ed's argument: premises (left) support conclusions (right)")
    return fig


def _claim_html(c: argument.Claim) -> str:
    def listing(ids):
        if not ids:
            return "none"
        return "; ".join(f"<b>{i}</b> {html.escape(argument.claim(i).term_en)}" for i in ids)

    chapter = f"{c.chapter} {argument.CHAPTERS[c.chapter]}"
    return (f"<p><b>{c.id}</b> ({html.escape(c.kind)}: {html.escape(argument.KINDS[c.kind])})</p>"
            f"<p>{html.escape(c.text)}</p>"
            f"<p>Dutch key term: <i>{html.escape(c.term_nl)}</i> ({html.escape(c.term_en)})</p>"
            f"<p>Rests on: {listing(c.premises)}<br>Supports: {listing(argument.dependents(c.id))}</p>"
            f"<p>Examined in chapter {html.escape(chapter)}.<br>"
            f"What would settle it: {html.escape(c.evidence)}</p>")
