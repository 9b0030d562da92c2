"""Effect rings around one burst in plan view, and the yield strip that places a weapon among
reference yields (chapter 01).

Every radius comes from :mod:`deterrence_lab.models.effects`; this module only draws."""
from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle

from ..models import effects as fx
from .style import OKABE_ITO, SERIES_COLORS, actor_color, new_figure

# one colour per effect, used in every chapter-01 figure
EFFECT_COLORS = {
    "fireball": OKABE_ITO["yellow"], "20 psi": OKABE_ITO["vermillion"],
    "5 psi": OKABE_ITO["orange"], "1 psi": OKABE_ITO["grey"],
    "500 rem": OKABE_ITO["green"], "3rd-degree burns": OKABE_ITO["purple"],
}


EFFECT_MEANING = {
    "fireball": "maximum size of the fireball",
    "20 psi": "heavy concrete buildings destroyed; few survive",
    "5 psi": "most residential buildings collapse; many killed",
    "1 psi": "windows shatter; injuries from glass",
    "500 rem": "prompt radiation: 50–90% die of it without other injuries",
    "3rd-degree burns": "all exposed skin burnt to the third degree (clear day, 12-mile visibility)",
}


def _scale_bar(ax, extent_km):
    nice = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    length = max([n for n in nice if n <= extent_km * 0.6] or [nice[0]])
    x0, y0 = -0.9 * extent_km, -0.9 * extent_km
    ax.plot([x0, x0 + length], [y0, y0], color="black", lw=3)
    ax.text(x0 + length / 2, y0 + 0.04 * extent_km, f"{length:g} km", ha="center", fontsize=9)


def plan_view_figure(radii, yield_kt=None, title=""):
    """Rings drawn to scale around ground zero, with a km bar; optional yield strip below."""
    fig, axes = new_figure(6.4, 6.6 if yield_kt is not None else 5.6,
                           nrows=2 if yield_kt is not None else 1,
                           **({"gridspec_kw": {"height_ratios": [6, 1]}} if yield_kt is not None else {}))
    ax = axes[0] if yield_kt is not None else axes
    extent = max(max(radii.values()) * 1.15, 0.2)
    for name, r in sorted(radii.items(), key=lambda kv: -kv[1]):
        color = EFFECT_COLORS[name]
        fill = name == "fireball"
        ax.add_patch(Circle((0, 0), r, facecolor=color if fill else "none", edgecolor=color,
                            lw=2.2, alpha=0.9, label=f"{name}: {r:.2f} km"))
    ax.plot(0, 0, marker="+", color="black", ms=10)
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.set_xlabel("distance east of ground zero (km)")
    ax.set_ylabel("distance north (km)")
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
    _scale_bar(ax, extent)
    if title:
        ax.set_title(title)
    if yield_kt is not None:
        yield_strip(axes[1], yield_kt)
    return fig


def yield_strip(ax, yield_kt):
    """A log yield axis (0.1-1,000 kt) marking Hiroshima, Nagasaki and the non-strategic band,
    and ``yield_kt`` (unless ``None``: then add it later with :func:`yield_mark`)."""
    for k, ref in enumerate(fx.REFERENCE_YIELDS):
        if ref.high_kt > 1000:
            continue
        if ref.high_kt / ref.low_kt > 3:
            ax.axvspan(ref.low_kt, ref.high_kt, color=OKABE_ITO["sky_blue"], alpha=0.25)
            ax.text(np.sqrt(ref.low_kt * 2), 0.72, "non-strategic warheads (published range)",
                    fontsize=8, va="center")
        else:
            ax.plot(ref.central_kt, 0.3, marker="v", color="black")
            ax.text(ref.central_kt, 0.02, ref.name.split(" (")[0], fontsize=8,
                    ha="right" if k % 2 == 0 else "left", va="bottom")
    if yield_kt is not None:
        yield_mark(ax, yield_kt)
    ax.set_xscale("log")
    ax.set_xlim(0.1, 1000)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel("yield (kt, log scale)")


def yield_mark(ax, yield_kt):
    """The mark at ``yield_kt`` on a yield strip (returned: a widget moves it)."""
    return ax.axvline(yield_kt, color=actor_color("russia"), lw=2.5)


# --------------------------------------------------------------------------- chapter figures
def yields_figure():
    """Reference yields on a log scale: what 'small' means."""
    fig, ax = new_figure(7.0, 2.8)
    refs = list(fx.REFERENCE_YIELDS)
    for i, ref in enumerate(refs):
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        ax.plot([ref.low_kt, ref.high_kt], [i, i], lw=8, color=color, solid_capstyle="butt")
        ax.plot(ref.central_kt, i, marker="o", color="black", ms=4)
    ax.set_yticks(range(len(refs)), [r.name for r in refs], fontsize=9)
    ax.set_xscale("log")
    ax.set_xlabel("yield (kt of TNT, log scale)")
    ax.set_ylim(-0.6, len(refs) - 0.4)
    return fig
