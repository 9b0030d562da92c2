"""Chapter 01 views: the effects explorer, the high-altitude EMP map, and the chapter's figures.

Every number comes from :mod:`deterrence_lab.effects`; these functions only arrange and draw.
"""
from __future__ import annotations

import ipywidgets as W

from .._display import kilotons
from ..content import sources
from ..models import effects as fx
from ..views.effects_curves import casualty_figure, fallout_figure, tank_dose_figure
from ..views.maps import (RING_PLACES, draw_rings, emp_footprint, emp_map_base, emp_map_figure,
                          emp_view_km, rings_map_base, rings_map_figure, rings_view_km)
from ..views.rings import EFFECT_COLORS, EFFECT_MEANING, plan_view_figure, yield_strip, yields_figure
from ._base import Explorer

__all__ = ['EffectsExplorer', 'EmpExplorer', 'effect_radii', 'people_range', 'rings_map_figure', 'BURSTS', 'EFFECT_COLORS', 'EFFECT_MEANING', 'plan_view_figure', 'yield_strip', 'yields_figure', 'emp_map_figure', 'casualty_figure', 'tank_dose_figure', 'fallout_figure']

BURSTS = {"optimum": "Air burst (height for greatest 5 psi range)", "surface": "Surface burst",
          "custom": "Air burst at a chosen height"}


def effect_radii(yield_kt, burst="optimum", height_m=0.0, enhanced_radiation=False):
    """Ground radii (km) of the chapter's effect rings and the burst height used (m): a thin
    wrapper of :func:`deterrence_lab.effects.effect_radii_km`."""
    result = fx.effect_radii_km(yield_kt, burst, height_m, enhanced_radiation)
    return dict(result.radii_km), result.height_m


def people_range(bounds) -> str:
    """A low-high pair of people counts as text, each to two significant figures."""
    low, high = (fx.round_significant(float(b)) for b in bounds)
    if low == high:
        return f"about {low:,.0f}"
    return f"{low:,.0f}–{high:,.0f}"


def _harm_source(harm) -> str:
    if harm.source == fx.TEACHING_ASSUMPTION:
        return harm.where
    ref = sources.get(harm.source)
    return f"{ref.short} {ref.year}, {harm.where}"


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
                                         readout_format=",.3r"),  # 1,000, not 1e+3
            "burst": W.Dropdown(options=[(v, k) for k, v in BURSTS.items()], value="optimum",
                                description="Burst", style=style, layout=layout),
            "height_m": W.FloatSlider(value=500.0, min=0.0, max=3000.0, step=10.0,
                                      description="Custom height (m)", style=style, layout=layout,
                                      tooltip="Moving this slider chooses 'Air burst at a "
                                              "chosen height' in the Burst menu"),
            "weapon": W.Dropdown(options=[("Fission weapon", "fission"),
                                          ("Enhanced radiation ('neutron bomb')", "er")],
                                 value="fission", description="Weapon", style=style, layout=layout),
            "setting": W.Dropdown(options=presets + [("custom density", "custom")],
                                  value="dense city", description="Target setting", style=style,
                                  layout=layout),
            "density": W.FloatLogSlider(value=3000.0, base=10, min=0, max=4.7, step=0.01,
                                        description="Custom density (people/km²)", style=style,
                                        layout=layout, readout_format=",.0f",
                                        tooltip="Moving this slider chooses 'custom density' "
                                                "in the Target setting menu"),
            "place": W.Dropdown(options=[(name, name) for name in RING_PLACES]
                                + [("no map (rings only)", "none")],
                                value="Hiroshima", description="Ground zero", style=style,
                                layout=layout),
            "visibility_km": W.FloatSlider(value=round(fx.VISIBILITY_CLEAR_KM, 1), min=2.0,
                                           max=60.0, step=0.5, description="Visibility (km)",
                                           style=style, layout=layout),
        }

    def _fill_in(self, changed):
        """A custom height or density is only used with its menu option: setting one
        chooses that option, so the slider is never live-looking but ignored."""
        filled = {}
        if "height_m" in changed:
            filled["burst"] = "custom"
        if "density" in changed:
            filled["setting"] = "custom"
        return filled

    def _numbers(self, yield_kt, burst, height_m, weapon, setting, density, place,
                 visibility_km):
        """The radii, title, result and readout for the controls' values."""
        burst_radii = fx.effect_radii_km(yield_kt, burst, height_m,
                                         enhanced_radiation=weapon == "er",
                                         visibility_km=visibility_km)
        radii, h = dict(burst_radii.radii_km), burst_radii.height_m
        rho = density if setting == "custom" else fx.density_preset(setting)
        est = fx.casualties(yield_kt, rho, h)
        title = f"{kilotons(yield_kt)}, {BURSTS[burst].lower()}"
        rows = "".join(f"<tr><td>{name}</td><td style='text-align:right'>{r:.2f} km</td>"
                       f"<td>{EFFECT_MEANING[name]}</td></tr>" for name, r in radii.items())
        killed, injured = people_range(est.killed_range), people_range(est.injured_range)
        html = (f"<b>{kilotons(yield_kt)}</b>, burst height {h:,.0f} m, density {rho:,.0f} people/km², "
                f"visibility {visibility_km:g} km."
                f"<table>{rows}</table>"
                f"Blast-ring estimate (OTA rates, uniform density): <b>{killed}</b> killed and "
                f"<b>{injured}</b> injured (two significant figures). The range reflects only the "
                "blast fit's ±10%; the real uncertainty is larger.")
        result = {"radii_km": radii, "height_m": h, "density_per_km2": rho, "place": place,
                  "killed": est.killed, "injured": est.injured,
                  "killed_range": est.killed_range, "injured_range": est.injured_range}
        return radii, title, result, html

    def _draw(self, **values):
        if values["place"] != "none":
            return super()._draw(**values)
        radii, title, result, html = self._numbers(**values)
        return plan_view_figure(radii, values["yield_kt"], title=title), result, html

    # fast path (on a map): the base map of one place at one zoom step is drawn once; a
    # change redraws the rings, their legend, the title and the yield mark over it
    def _static_key(self, **values):
        if values["place"] == "none":
            return None
        return values["place"], rings_view_km(self._numbers(**values)[0])

    def _draw_static(self, **values):
        radii = self._numbers(**values)[0]
        return rings_map_base(values["place"], rings_view_km(radii))[0]

    def _draw_dynamic(self, fig, **values):
        radii, title, result, html = self._numbers(**values)
        artists = draw_rings(fig.axes[0], radii, f"{title}, over {values['place']}",
                             strip=fig.axes[1], yield_kt=values["yield_kt"])
        return artists, result, html


class EmpExplorer(Explorer):
    """Burst height and location → EMP footprint on an azimuthal-equidistant sketch."""

    title = "High-altitude burst: EMP footprint on a map (offline Natural Earth base map)"

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

    # fast path: the base map of one centre at one zoom step is drawn once; a new burst
    # height redraws the footprint, the city dots and the legend over it
    def _static_key(self, burst_height_km, centre):
        return centre, emp_view_km(burst_height_km)

    def _draw_static(self, burst_height_km, centre):
        return emp_map_base(centre, emp_view_km(burst_height_km))[0]

    def _draw_dynamic(self, fig, burst_height_km, centre):
        artists, radius, names = emp_footprint(fig.axes[0], centre, burst_height_km)
        tangent = fx.emp_tangent_distance_km(burst_height_km)
        html = (f"A burst {burst_height_km:,.0f} km above {centre} is in line of sight of the "
                f"ground out to <b>{radius:,.0f} km</b> along the surface (the straight line to "
                f"that horizon is {tangent:,.0f} km). Cities inside: "
                f"{', '.join(names) if names else 'none of those listed'}. "
                "Inside the circle, EMP <i>can</i> reach; how strong it is depends on yield, "
                "height, latitude and design, which this map does not model."
                "<br><b>Harms beyond the pulse:</b><ul>"
                + "".join(f"<li><b>{harm.name}</b>: {harm.text} ({_harm_source(harm)})</li>"
                          for harm in fx.HIGH_ALTITUDE_HARMS) + "</ul>")
        return artists, {"radius_km": radius, "tangent_km": tangent, "cities_inside": names}, html


