"""Chapter 01 views: the effects explorer, the high-altitude EMP map, and the chapter's figures.

Every number comes from :mod:`deterrence_lab.effects`; these functions only arrange and draw.
"""
from __future__ import annotations

import ipywidgets as W
import numpy as np
from matplotlib.patches import Circle

from .. import effects as fx
from .._validate import check_choice
from ..plotting import OKABE_ITO, SERIES_COLORS, actor_color, new_figure
from ._base import Explorer

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
BURSTS = {"optimum": "Air burst (height for greatest 5 psi range)", "surface": "Surface burst",
          "custom": "Air burst at a chosen height"}


def effect_radii(yield_kt, burst="optimum", height_m=0.0, enhanced_radiation=False):
    """Ground radii (km) of the chapter's effect rings and the burst height used (m): a thin
    wrapper of :func:`deterrence_lab.effects.effect_radii_km`."""
    result = fx.effect_radii_km(yield_kt, burst, height_m, enhanced_radiation)
    return dict(result.radii_km), result.height_m


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
    """A log yield axis (0.1-1,000 kt) marking Hiroshima, Nagasaki and the non-strategic band."""
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
    ax.axvline(yield_kt, color=actor_color("russia"), lw=2.5)
    ax.set_xscale("log")
    ax.set_xlim(0.1, 1000)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel("yield (kt, log scale)")


class EffectsExplorer(Explorer):
    """Rings of blast, heat and radiation for one burst, with a casualty estimate."""

    title = "Effects explorer: one burst, drawn to scale"

    def _controls(self):
        style = {"description_width": "150px"}
        layout = W.Layout(width="340px")
        presets = [(f"{p.name} ({p.per_km2:,.0f}/km²)", p.name) for p in fx.DENSITY_PRESETS]
        return {
            "yield_kt": W.FloatLogSlider(value=15.0, base=10, min=-1, max=3, step=0.01,
                                         description="Yield (kt)", style=style, layout=layout,
                                         readout_format=".3g"),
            "burst": W.Dropdown(options=[(v, k) for k, v in BURSTS.items()], value="optimum",
                                description="Burst", style=style, layout=layout),
            "height_m": W.FloatSlider(value=500.0, min=0.0, max=3000.0, step=10.0,
                                      description="Custom height (m)", style=style, layout=layout),
            "weapon": W.Dropdown(options=[("Fission weapon", "fission"),
                                          ("Enhanced radiation ('neutron bomb')", "er")],
                                 value="fission", description="Weapon", style=style, layout=layout),
            "setting": W.Dropdown(options=presets + [("custom density", "custom")],
                                  value="dense city", description="Target setting", style=style,
                                  layout=layout),
            "density": W.FloatLogSlider(value=3000.0, base=10, min=0, max=4.7, step=0.01,
                                        description="Custom density (people/km²)", style=style,
                                        layout=layout, readout_format=",.0f"),
        }

    def _draw(self, yield_kt, burst, height_m, weapon, setting, density):
        radii, h = effect_radii(yield_kt, burst, height_m, enhanced_radiation=weapon == "er")
        rho = density if setting == "custom" else fx.density_preset(setting)
        est = fx.casualties(yield_kt, rho, h)
        fig = plan_view_figure(radii, yield_kt)
        rows = "".join(f"<tr><td>{name}</td><td style='text-align:right'>{r:.2f} km</td>"
                       f"<td>{EFFECT_MEANING[name]}</td></tr>" for name, r in radii.items())
        html = (f"<b>{yield_kt:.3g} kt</b>, burst height {h:,.0f} m, density {rho:,.0f} people/km²."
                f"<table>{rows}</table>"
                f"Blast-ring estimate (OTA rates): about <b>{est.killed:,.0f}</b> killed "
                f"(range {est.killed_range[0]:,.0f}–{est.killed_range[1]:,.0f}) and "
                f"<b>{est.injured:,.0f}</b> injured "
                f"(range {est.injured_range[0]:,.0f}–{est.injured_range[1]:,.0f}). "
                "The range reflects only the blast fit's ±10%; the real uncertainty is larger.")
        result = {"radii_km": radii, "height_m": h, "density_per_km2": rho,
                  "killed": est.killed, "injured": est.injured,
                  "killed_range": est.killed_range, "injured_range": est.injured_range}
        return fig, result, html


# --------------------------------------------------------------------------- EMP map
def _places_from(centre):
    lat0, lon0 = centre.lat_deg, centre.lon_deg
    lats = np.array([p.lat_deg for p in fx.PLACES])
    lons = np.array([p.lon_deg for p in fx.PLACES])
    d = np.atleast_1d(fx.great_circle_km(lat0, lon0, lats, lons))
    b = np.atleast_1d(fx.initial_bearing_deg(lat0, lon0, lats, lons))
    return d, b


def emp_map_figure(centre_name, burst_height_km, view_km=None):
    """Azimuthal-equidistant sketch centred under the burst: each city at its true great-circle
    distance and bearing; the circle is the horizon (EMP ground radius)."""
    places = {p.name: p for p in fx.PLACES}
    centre = places[check_choice("centre_name", centre_name, places)]
    radius = fx.emp_ground_radius_km(burst_height_km)
    d, b = _places_from(centre)
    view = view_km or max(1.25 * radius, 2500.0)
    fig, ax = new_figure(6.4, 6.0)
    ax.add_patch(Circle((0, 0), radius, facecolor=OKABE_ITO["sky_blue"], alpha=0.25,
                        edgecolor=OKABE_ITO["blue"], lw=2,
                        label=f"line of sight from {burst_height_km:,.0f} km: {radius:,.0f} km"))
    x, y = d * np.sin(np.radians(b)), d * np.cos(np.radians(b))
    shown = (np.abs(x) < view) & (np.abs(y) < view)
    inside = d <= radius
    ax.scatter(x[shown & inside], y[shown & inside], color=OKABE_ITO["vermillion"], zorder=3,
               label="city in view of the burst")
    ax.scatter(x[shown & ~inside], y[shown & ~inside], color=OKABE_ITO["grey"], zorder=3,
               label="city beyond the horizon")
    for i in np.nonzero(shown)[0]:
        if d[i] > 1.0:
            ax.annotate(fx.PLACES[i].name, (x[i], y[i]), xytext=(4, 3), textcoords="offset points",
                        fontsize=8)
    ax.plot(0, 0, marker="*", ms=14, color="black", label=f"point below the burst ({centre.name})")
    ax.set_xlim(-view, view)
    ax.set_ylim(-view, view)
    ax.set_aspect("equal")
    ax.set_xlabel("km east (along great circles)")
    ax.set_ylabel("km north")
    ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
    ax.set_title("High-altitude burst: who is in line of sight?")
    names = [fx.PLACES[i].name for i in np.nonzero(inside & (d > 1.0))[0]]
    return fig, radius, names


class EmpExplorer(Explorer):
    """Burst height and location → EMP footprint on an azimuthal-equidistant sketch."""

    title = "High-altitude burst: EMP footprint (no map download; cities as coordinates)"

    def _controls(self):
        style = {"description_width": "150px"}
        layout = W.Layout(width="340px")
        centres = [p.name for p in fx.PLACES if p.name not in ("Honolulu (Oahu)",)]
        return {
            "burst_height_km": W.FloatSlider(value=100.0, min=30.0, max=1000.0, step=5.0,
                                             description="Burst height (km)", style=style,
                                             layout=layout),
            "centre": W.Dropdown(options=centres, value="Moscow", description="Burst above",
                                 style=style, layout=layout),
        }

    def _draw(self, burst_height_km, centre):
        fig, radius, names = emp_map_figure(centre, burst_height_km)
        tangent = fx.emp_tangent_distance_km(burst_height_km)
        html = (f"A burst {burst_height_km:,.0f} km above {centre} is in line of sight of the "
                f"ground out to <b>{radius:,.0f} km</b> along the surface (the straight line to "
                f"that horizon is {tangent:,.0f} km). Cities inside: "
                f"{', '.join(names) if names else 'none of those listed'}. "
                "Inside the circle, EMP <i>can</i> reach; how strong it is depends on yield, "
                "height, latitude and design, which this sketch does not model.")
        return fig, {"radius_km": radius, "tangent_km": tangent, "cities_inside": names}, html


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


def casualty_figure(yields_kt=(0.3, 1, 3, 10, 30, 100, 300)):
    """Killed (central value and range) versus yield for each density preset."""
    fig, ax = new_figure(7.0, 4.2)
    w = np.asarray(yields_kt, float)
    for i, preset in enumerate(fx.DENSITY_PRESETS):
        ests = [fx.casualties(y, preset.per_km2) for y in w]
        central = [e.killed for e in ests]
        low = [e.killed_range[0] for e in ests]
        high = [e.killed_range[1] for e in ests]
        color = SERIES_COLORS[i]
        ax.fill_between(w, low, high, color=color, alpha=0.25)
        ax.plot(w, central, marker="o", color=color,
                label=f"{preset.name} ({preset.per_km2:,.0f}/km²)")
    ax.axhline(2000, color="black", ls=":", lw=1.2)
    ax.text(w[0], 2300, "'many thousands' begins here (2,000)", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("yield (kt, optimum air burst for 5 psi)")
    ax.set_ylabel("people killed (blast-ring estimate)")
    ax.legend(fontsize=8)
    return fig


def tank_dose_figure(yield_kt=1.0, transmissions=(1.0, 0.5, 0.2, 0.1), height_m=0.0):
    """Prompt dose versus distance for an enhanced-radiation burst, in the open and behind
    shields of different (uncertain) transmission, with the 5,000 rem incapacitation line."""
    fig, ax = new_figure(7.0, 4.2)
    ground = np.linspace(0.2, 3.0, 200)
    slant = np.hypot(ground, height_m / 1000.0)
    for i, t in enumerate(transmissions):
        dose = fx.armour_protected_dose_rem(yield_kt, slant, t, enhanced_radiation=True)
        label = "in the open" if t == 1 else f"inside armour passing {t:.0%}"
        ax.plot(ground, dose, color=SERIES_COLORS[i], label=label)
    fission = fx.prompt_dose_rem(yield_kt, slant)
    ax.plot(ground, fission, color="black", ls="--", label="same-yield fission weapon, in the open")
    ax.axhline(fx.INCAPACITATION_REM, color=actor_color("russia"), ls=":")
    ax.text(ground[-1], fx.INCAPACITATION_REM * 1.15, "5,000 rem: near-immediate incapacitation",
            ha="right", fontsize=8)
    ax.axhline(fx.LETHAL_REM, color=OKABE_ITO["green"], ls=":")
    ax.text(ground[-1], fx.LETHAL_REM * 1.15, "500 rem: often lethal within weeks", ha="right",
            fontsize=8)
    ax.set_yscale("log")
    ax.set_ylim(10, 1e6)
    ax.set_xlabel("distance from ground zero (km)")
    ax.set_ylabel("prompt dose (rem)")
    ax.legend(fontsize=8)
    return fig


def fallout_figure(rate_at_1h=100.0, hours=(1, 500)):
    """Fallout dose rate and accumulated dose over time (t^-1.2 decay)."""
    fig, ax = new_figure(7.0, 3.8)
    t = np.geomspace(*hours, 200)
    ax.plot(t, fx.fallout_dose_rate(t, rate_at_1h), color=SERIES_COLORS[0],
            label="dose rate (rem/h)")
    ax.plot(t, fx.fallout_dose_rem(rate_at_1h, 1.0, np.maximum(t, 1.0 + 1e-9)),
            color=SERIES_COLORS[1], label="dose accumulated since 1 h (rem)")
    for k in (7, 49):
        ax.axvline(k, color="grey", ls=":", lw=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("time after the burst (hours)")
    ax.set_ylabel("rem/h or rem")
    ax.legend(fontsize=8)
    return fig
