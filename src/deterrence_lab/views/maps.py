"""The high-altitude EMP footprint drawn around a chosen centre, with cities at their great-
circle distances (chapter 01)."""
from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle

from .._validate import check_choice
from ..models import effects as fx
from .style import OKABE_ITO, new_figure


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
