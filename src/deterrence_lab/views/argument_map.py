"""The op-ed's argument as a map: claims as boxes coloured by kind, arrows from premise to
conclusion (chapter 00; the verdict map of chapter 06 reuses the layout)."""
from __future__ import annotations

import html
import textwrap

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..content import argument
from .style import OKABE_ITO, new_figure

KIND_COLORS = {
    "forecast": OKABE_ITO["sky_blue"], "empirical": OKABE_ITO["green"],
    "legal": OKABE_ITO["purple"], "normative": OKABE_ITO["orange"],
    "recommendation": OKABE_ITO["yellow"],
}


# The map's geometry in data units: one column per depth of premises, boxes of one size.
COLUMN_STEP = 2.6
BOX_WIDTH = 1.9
BOX_HEIGHT = 1.0
# Heights of the boxes, chosen (by a search over a 0.6 grid, then fixed here) so that no arrow
# runs through a box other than its own two and no two boxes overlap; the chapter-00 tests
# check both on the drawn figure.
_ROW_Y = {"C7": 7.2, "C1": 6.6, "C2": 6.6, "C4": 5.4, "C5": 3.0, "C13": 1.2, "C14": 1.2,
          "C15": 1.2, "C12": 0.6, "C3": 0.0, "C8": -0.6, "C11": -0.6, "C6": -1.2, "C9": -2.4,
          "C10": -2.4}


def claim_positions() -> dict[str, tuple[float, float]]:
    """Box centres: x by depth of premises (premises left, conclusions right), y fixed per claim
    so that no arrow crosses a box."""
    return {c.id: (argument.depth(c.id) * COLUMN_STEP, _ROW_Y[c.id]) for c in argument.CLAIMS}


def arrow_ends() -> list[tuple[str, str, tuple[float, float], tuple[float, float]]]:
    """Each premise link as ``(premise, claim, start, end)``: from the middle of the premise
    box's right edge to the middle of the claim box's left edge (data units)."""
    pos = claim_positions()
    ends = []
    for c in argument.CLAIMS:
        for p in c.premises:
            (xp, yp), (xc, yc) = pos[p], pos[c.id]
            ends.append((p, c.id, (xp + BOX_WIDTH / 2, yp), (xc - BOX_WIDTH / 2, yc)))
    return ends


def draw_argument_map(ax, facecolors: dict[str, str], highlight: str | None = None,
                      label_width: int = 22) -> None:
    """Draw the claims as boxes (filled with ``facecolors[claim id]``) and the premise links
    as straight arrows on ``ax``; with ``highlight``, that claim's links are drawn strong and
    the rest fade. Shared by chapter 00 and the verdict map of chapter 06."""
    pos = claim_positions()
    linked = set()
    if highlight is not None:
        linked = {highlight, *argument.claim(highlight).premises, *argument.dependents(highlight)}
    for premise, conclusion, start, end in arrow_ends():
        strong = highlight is None or highlight in (premise, conclusion)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12,
                                     lw=1.6 if strong else 0.8, shrinkA=0, shrinkB=0,
                                     color="black" if strong else "#bbbbbb", zorder=1,
                                     gid=f"arrow {premise}->{conclusion}"))
    for c in argument.CLAIMS:
        x, y = pos[c.id]
        faded = highlight is not None and c.id not in linked
        ax.add_patch(FancyBboxPatch((x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2), BOX_WIDTH, BOX_HEIGHT,
                                    boxstyle="round,pad=0,rounding_size=0.12",
                                    fc=facecolors[c.id], ec="black",
                                    lw=2.8 if c.id == highlight else 0.6,
                                    alpha=0.35 if faded else 0.9, zorder=2, gid=f"box {c.id}"))
        label = f"{c.id}\n" + "\n".join(textwrap.wrap(c.term_en, label_width))
        ax.text(x, y, label, ha="center", va="center", fontsize=7.5, zorder=3,
                alpha=0.45 if faded else 1.0, gid=f"label {c.id}")
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    ax.set_xlim(min(xs) - BOX_WIDTH / 2 - 0.2, max(xs) + BOX_WIDTH / 2 + 0.2)
    ax.set_ylim(min(ys) - BOX_HEIGHT / 2 - 0.2, max(ys) + BOX_HEIGHT / 2 + 0.2)
    ax.set_axis_off()


def argument_map(highlight: str | None = None):
    """The claims as boxes (colour = kind) with arrows from premise to conclusion.

    With ``highlight``, that claim gets a thick border and the arrows that lead into or out
    of it are drawn in black; the others fade.
    """
    if highlight is not None:
        argument.claim(highlight)
    fig, ax = new_figure(11.0, 6.6)
    draw_argument_map(ax, {c.id: KIND_COLORS[c.kind] for c in argument.CLAIMS}, highlight)
    for kind, colour in KIND_COLORS.items():
        ax.scatter([], [], marker="s", s=90, color=colour, label=kind)
    ax.legend(title="kind of claim", loc="upper center", ncol=5, frameon=False,
              bbox_to_anchor=(0.5, 0.0))
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
            f"<p>Dutch key phrase: <i>{html.escape(c.term_nl)}</i> ({html.escape(c.term_en)})<br>"
            f"The loaded words: {html.escape(c.gloss)}</p>"
            f"<p>Rests on: {listing(c.premises)}<br>Supports: {listing(argument.dependents(c.id))}</p>"
            f"<p>Examined in chapter {html.escape(chapter)}.<br>"
            f"What would settle it: {html.escape(c.evidence)}</p>")
