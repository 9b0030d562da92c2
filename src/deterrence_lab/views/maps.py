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
    labelled = [i for i in np.nonzero(shown)[0] if d[i] > 1.0]
    for i, offset in zip(labelled, _label_offsets([fx.PLACES[i].name for i in labelled],
                                                  x[labelled], y[labelled], view, 6.4 * 0.8)):
        ax.annotate(fx.PLACES[i].name, (x[i], y[i]), xytext=offset, textcoords="offset points",
                    fontsize=8, ha="left" if offset[0] > 0 else "right")
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


def _label_offsets(names, x_km, y_km, view_km, axes_width_in, fontsize=8.0):
    """Offsets (points) that keep city labels from overlapping: each label goes above right
    of its dot, or else below right, above left or below left, whichever first clears the
    labels already placed (sizes estimated from the font size; the map is square)."""
    points_per_km = axes_width_in * 72.0 / (2.0 * view_km)
    height = fontsize * 1.2
    placed, offsets = [], []
    candidates = [(4, 3), (4, -3 - height), (-4, 3), (-4, -3 - height)]
    for name, xk, yk in zip(names, x_km, y_km):
        width = 0.6 * fontsize * len(name)
        px, py = xk * points_per_km, yk * points_per_km
        choice = candidates[0]
        for dx, dy in candidates:
            x0 = px + dx if dx > 0 else px + dx - width
            box = (x0, py + dy, x0 + width, py + dy + height)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                       for b in placed):
                choice = (dx, dy)
                break
        x0 = px + choice[0] if choice[0] > 0 else px + choice[0] - width
        placed.append((x0, py + choice[1], x0 + width, py + choice[1] + height))
        offsets.append(choice)
    return offsets
