"""The op-ed's argument as a map: claims as boxes coloured by kind, arrows from premise to
conclusion (chapter 00; the verdict map of chapter 06 reuses the layout)."""
from __future__ import annotations

import html
import textwrap

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..content import argument
from .style import OKABE_ITO, changed_in_place, new_figure

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


# Drawing order: boxes, their labels, a white veil over the claims a highlight fades, the
# arrows (ending at the box edges, they cross no box), the highlighted claim's outline. What
# a highlight changes (veils, arrows, outline) lies above what it never changes (boxes and
# labels), so a widget redraws only the former over a cached picture of the latter.
BOX_Z, LABEL_Z, VEIL_Z, ARROW_Z, OUTLINE_Z = 2, 3, 3.5, 3.7, 3.8
VEIL_ALPHA = 0.6   # a faded claim shows about 40% of its colour and text


def _box(ax, claim_id, **kw):
    x, y = claim_positions()[claim_id]
    return ax.add_patch(FancyBboxPatch((x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2), BOX_WIDTH,
                                       BOX_HEIGHT, boxstyle="round,pad=0,rounding_size=0.12", **kw))


def draw_argument_map(ax, facecolors: dict[str, str], highlight: str | None = None,
                      label_width: int = 22) -> None:
    """Draw the claims as boxes (filled with ``facecolors[claim id]``) and the premise links
    as straight arrows on ``ax``; with ``highlight``, that claim's links are drawn strong and
    the rest fade (:func:`highlight_claim` moves the highlight). Shared by chapter 00 and the
    verdict map of chapter 06."""
    pos = claim_positions()
    for c in argument.CLAIMS:
        x, y = pos[c.id]
        _box(ax, c.id, fc=facecolors[c.id], ec="black", lw=0.6, alpha=0.9, zorder=BOX_Z,
             gid=f"box {c.id}")
        label = f"{c.id}\n" + "\n".join(textwrap.wrap(c.term_en, label_width))
        ax.text(x, y, label, ha="center", va="center", fontsize=7.5, zorder=LABEL_Z,
                gid=f"label {c.id}")
    for premise, conclusion, start, end in arrow_ends():
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12,
                                     shrinkA=0, shrinkB=0, zorder=ARROW_Z,
                                     gid=f"arrow {premise}->{conclusion}"))
    highlight_claim(ax, highlight)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    ax.set_xlim(min(xs) - BOX_WIDTH / 2 - 0.2, max(xs) + BOX_WIDTH / 2 + 0.2)
    ax.set_ylim(min(ys) - BOX_HEIGHT / 2 - 0.2, max(ys) + BOX_HEIGHT / 2 + 0.2)
    ax.set_axis_off()


def highlight_claim(ax, highlight: str | None) -> list:
    """Show ``highlight`` on a map drawn by :func:`draw_argument_map`: its links strong (the
    arrows restyled in place), a white veil over the claims not linked to it and a thick
    outline around it (added). Returns the arrows, veils and outline; a map already showing
    another highlight needs its veils and outline removed first."""
    linked = set()
    if highlight is not None:
        linked = {highlight, *argument.claim(highlight).premises, *argument.dependents(highlight)}
    arrows = [p for p in ax.patches if (p.get_gid() or "").startswith("arrow ")]
    for arrow in arrows:
        premise, conclusion = arrow.get_gid()[6:].split("->")
        strong = highlight is None or highlight in (premise, conclusion)
        arrow.set(linewidth=1.6 if strong else 0.8, color="black" if strong else "#bbbbbb")
    added = []
    if highlight is not None:
        for c in argument.CLAIMS:
            if c.id not in linked:
                added.append(_box(ax, c.id, fc="white", ec="none", alpha=VEIL_ALPHA,
                                  zorder=VEIL_Z, gid=f"veil {c.id}"))
        added.append(_box(ax, highlight, fc="none", ec="black", lw=2.8, zorder=OUTLINE_Z,
                          gid=f"outline {highlight}"))
    return changed_in_place(*arrows) + added


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
