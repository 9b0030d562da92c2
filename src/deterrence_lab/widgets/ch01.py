"""Chapter 01 views: the effects explorer, the high-altitude EMP map, and the chapter's figures.

Every number comes from :mod:`deterrence_lab.effects`; these functions only arrange and draw.
"""
from __future__ import annotations

import ipywidgets as W

from .._validate import check_choice
from ..models import effects as fx
from ..views.effects_curves import casualty_figure, fallout_figure, tank_dose_figure
from ..views.maps import emp_map_figure
from ..views.rings import EFFECT_COLORS, EFFECT_MEANING, plan_view_figure, yield_strip, yields_figure
from ._base import Explorer

__all__ = ['EffectsExplorer', 'EmpExplorer', 'effect_radii', 'BURSTS', 'EFFECT_COLORS', 'EFFECT_MEANING', 'plan_view_figure', 'yield_strip', 'yields_figure', 'emp_map_figure', 'casualty_figure', 'tank_dose_figure', 'fallout_figure']

BURSTS = {"optimum": "Air burst (height for greatest 5 psi range)", "surface": "Surface burst",
          "custom": "Air burst at a chosen height"}


def effect_radii(yield_kt, burst="optimum", height_m=0.0, enhanced_radiation=False):
    """Ground radii (km) of the chapter's effect rings and the burst height used (m)."""
    burst = check_choice("burst", burst, BURSTS)
    surface = burst == "surface"
    height = {"surface": 0.0, "optimum": None, "custom": height_m}[burst]
    h = fx.optimum_height_m(yield_kt, 5.0) if height is None else float(height)
    r20, r5, r1 = fx.blast_range_km(yield_kt, [20.0, 5.0, 1.0], h)
    radii = {
        "fireball": fx.fireball_radius_km(yield_kt, surface=surface),
        "20 psi": float(r20), "5 psi": float(r5), "1 psi": float(r1),
        "500 rem": fx.prompt_dose_range_km(yield_kt, fx.LETHAL_REM, surface=surface,
                                           enhanced_radiation=enhanced_radiation, height_m=h),
        "3rd-degree burns": fx.thermal_range_km(yield_kt, fx.burn_threshold_cal_cm2(yield_kt, 3),
                                                surface=surface, height_m=h),
    }
    return radii, h


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


