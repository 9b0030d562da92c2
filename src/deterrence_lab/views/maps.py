"""Maps for chapter 01: the high-altitude EMP footprint over Europe and the effect rings over
a place the student picks.

Both use the azimuthal equidistant projection centred on the point below the burst
(:func:`deterrence_lab.models.effects.azimuthal_equidistant_km`): every point lies at its
true great-circle distance and bearing from that centre, so the rings and the horizon circle
are drawn true to scale. Coastlines and borders come from the offline Natural Earth extract
in :mod:`deterrence_lab.content.basemap`; nothing is downloaded.
"""
from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, Rectangle

from ..content import basemap as bm
from ..models import effects as fx
from .rings import EFFECT_COLORS, yield_mark, yield_strip
from .style import OKABE_ITO, changed_in_place, new_figure, start_layout_afresh

# places the effects map offers: each has 1:10m coast and borders in the base map
RING_PLACES = ("Zaporizhzhia", "Kyiv", "Kharkiv", "Odesa", "Moscow", "The Hague", "Amsterdam",
               "Hiroshima")

COAST_STYLE = {"color": "#4d4d4d", "lw": 0.8}
BORDER_STYLE = {"color": "#8c8c8c", "lw": 0.7, "ls": (0, (4, 2))}
GRATICULE_STYLE = {"color": "#c8c8c8", "lw": 0.4}
MAP_NOTE = ("Azimuthal equidistant projection centred below the burst: distances and directions "
            "from the centre are true. Base map: Natural Earth (public domain); Crimea drawn as "
            "part of Ukraine (UN General Assembly resolution 68/262).")


def _place(name, param="place"):
    places = {p.name: p for p in fx.PLACES}
    if not isinstance(name, str) or name not in places:
        raise ValueError(f"{param}={name!r} is not one of: {', '.join(places)}")
    return places[name]


def _projected(lines: bm.Polylines, lat0, lon0, max_km):
    """Projected polylines (km) joined into one array with NaN rows between lines; vertices
    farther than ``max_km`` from the centre are dropped (lines break there)."""
    if len(lines) == 0:
        return np.empty((0, 2))
    x, y = fx.azimuthal_equidistant_km(lat0, lon0, lines.lonlat[:, 1], lines.lonlat[:, 0])
    xy = np.column_stack([np.atleast_1d(x), np.atleast_1d(y)])
    xy[np.hypot(xy[:, 0], xy[:, 1]) > max_km] = np.nan
    parts = np.split(xy, lines.offsets[1:-1])
    gap = np.full((1, 2), np.nan)
    return np.concatenate([np.concatenate([p, gap]) for p in parts])


def _draw_layers(ax, lat0, lon0, view_km, detail=False):
    """Coast and borders around the centre; the finer layer where a detail box covers it."""
    reach = 3.0 * view_km + 50.0
    layers = [("world_coast", COAST_STYLE), ("europe_coast", COAST_STYLE),
              ("europe_border", BORDER_STYLE)]
    if detail:
        layers = [("detail_coast", COAST_STYLE), ("detail_border", BORDER_STYLE)]
    for name, kw in layers:
        xy = _projected(bm.layer(name), lat0, lon0, reach)
        if len(xy):
            ax.plot(xy[:, 0], xy[:, 1], zorder=1, **kw)


def _graticule(ax, lat0, lon0, view_km, step_deg=10.0):
    """Meridians and parallels every ``step_deg`` degrees, projected."""
    reach = 3.0 * view_km
    fine = np.linspace(-89.0, 89.0, 179)
    for lon in np.arange(-180.0, 180.0, step_deg):
        x, y = fx.azimuthal_equidistant_km(lat0, lon0, fine, np.full_like(fine, lon))
        ok = np.hypot(x, y) < reach
        ax.plot(np.where(ok, x, np.nan), np.where(ok, y, np.nan), zorder=0, **GRATICULE_STYLE)
    lons = np.linspace(-180.0, 180.0, 361)
    for lat in np.arange(-80.0, 90.0, step_deg):
        x, y = fx.azimuthal_equidistant_km(lat0, lon0, np.full_like(lons, lat), lons)
        ok = np.hypot(x, y) < reach
        ax.plot(np.where(ok, x, np.nan), np.where(ok, y, np.nan), zorder=0, **GRATICULE_STYLE)


def scale_bar(ax, view_km, corner="lower left"):
    """A black bar of a round length (km) in a corner of a map whose half-width is ``view_km``."""
    nice = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]
    length = max([n for n in nice if n <= view_km * 0.5] or [nice[0]])
    x0 = -0.92 * view_km if "left" in corner else 0.92 * view_km - length
    y0 = -0.9 * view_km
    ax.plot([x0, x0 + length], [y0, y0], color="black", lw=3, solid_capstyle="butt", zorder=6)
    ax.text(x0 + length / 2, y0 + 0.035 * view_km, f"{length:,g} km", ha="center", fontsize=9,
            zorder=6, bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7, "pad": 1})
    return length


def _map_axes(ax, view_km, xlabel):
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)
    ax.set_xlim(-view_km, view_km)
    ax.set_ylim(-view_km, view_km)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("km north")
    ax.set_facecolor("#f7fbff")


def nice_view_km(needed_km: float) -> float:
    """The half-width of a map view: the smallest of 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times
    a power of ten that is at least ``needed_km``. A map zooms in these steps, so that while
    a slider moves a ring or circle grows inside a map that stays put, and the widget can
    reuse the map it drew for that step."""
    needed = float(needed_km)
    if not np.isfinite(needed) or needed <= 0:
        raise ValueError(f"needed_km={needed_km!r} must be a positive number of km")
    decade = 10.0 ** np.floor(np.log10(needed))
    for step in (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * decade >= needed * (1 - 1e-12):
            return float(step * decade)
    return float(10.0 * decade)


def emp_view_km(burst_height_km) -> float:
    """Half-width (km) of the EMP map for a burst height: the footprint circle fits with a
    margin, and the map shows at least 1,500 km each way (``nice_view_km`` steps)."""
    return nice_view_km(max(1.2 * fx.emp_ground_radius_km(burst_height_km), 1500.0))


def emp_map_base(centre_name, view_km):
    """The EMP map without the footprint: graticule, coast, borders, the cities in view
    (named), the point below the burst, a scale bar, the title and the note. Returns
    ``(figure, axes)``; :func:`emp_footprint` adds the footprint."""
    centre = _place(centre_name, "centre_name")
    view = float(view_km)
    fig, ax = new_figure(7.2, 6.8)
    lat0, lon0 = centre.lat_deg, centre.lon_deg
    _graticule(ax, lat0, lon0, view)
    _draw_layers(ax, lat0, lon0, view)
    x, y, d = _places_projected(lat0, lon0)
    shown = (np.abs(x) < view) & (np.abs(y) < view) & (d > 1.0)
    ax.plot(0, 0, marker="*", ms=14, color="black", zorder=5, ls="none",
            label=f"point below the burst ({centre.name})")
    _map_axes(ax, view, "km east of the point below the burst")
    scale_bar(ax, view, corner="lower right")
    ax.set_title(f"High-altitude burst above {centre.name}: who is in line of sight?")
    ax.text(0.01, 0.01, "azimuthal equidistant about the point below the burst; "
            "Natural Earth (public domain)", transform=ax.transAxes, fontsize=6.5,
            color="#555555", zorder=6)
    _name_places(fig, ax, [(fx.PLACES[i].name, x[i], y[i]) for i in np.nonzero(shown)[0]])
    return fig, ax


# Where a place's name may go, in order of preference: (offset in points, alignment).
_NAME_SPOTS = (((3, 2), "left", "bottom"), ((-3, 2), "right", "bottom"),
               ((3, -2), "left", "top"), ((-3, -2), "right", "top"))


def _name_places(fig, ax, places) -> None:
    """Name each place at the first spot around it where the name stays inside the map and
    overlaps no text placed before it (places in the order given, the list's more prominent
    first); a name with no free spot is left out rather than written over another. The
    figure is laid out first, so the names' sizes on the page are known."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    frame = ax.get_window_extent(renderer)
    taken = [t.get_window_extent(renderer) for t in ax.texts]   # the note, the scale bar
    for name, px, py in places:
        for offset, ha, va in _NAME_SPOTS:
            label = ax.annotate(name, (px, py), xytext=offset, textcoords="offset points",
                                ha=ha, va=va, fontsize=7.5, zorder=5)
            box = label.get_window_extent(renderer)
            inside = (box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0
                      and box.y1 <= frame.y1)
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            label.remove()
    start_layout_afresh(fig)   # drawn later, the figure lays itself out as a new one does


def _places_projected(lat0, lon0):
    lats = np.array([p.lat_deg for p in fx.PLACES])
    lons = np.array([p.lon_deg for p in fx.PLACES])
    x, y = (np.atleast_1d(v) for v in fx.azimuthal_equidistant_km(lat0, lon0, lats, lons))
    d = np.atleast_1d(fx.great_circle_km(lat0, lon0, lats, lons))
    return x, y, d


def emp_footprint(ax, centre_name, burst_height_km):
    """Add to an :func:`emp_map_base` map the footprint of a burst at ``burst_height_km``:
    the horizon circle, the cities inside it in red (those beyond in grey) and the legend.
    Returns ``(artists added, radius_km, names_inside)``."""
    centre = _place(centre_name, "centre_name")
    radius = fx.emp_ground_radius_km(burst_height_km)
    view = ax.get_xlim()[1]
    circle = ax.add_patch(Circle((0, 0), radius, facecolor=OKABE_ITO["sky_blue"], alpha=0.22,
                                 edgecolor=OKABE_ITO["blue"], lw=2, zorder=2,
                                 label=f"in line of sight of a burst at {burst_height_km:,.0f} km: "
                                       f"{radius:,.0f} km radius"))
    x, y, d = _places_projected(centre.lat_deg, centre.lon_deg)
    shown = (np.abs(x) < view) & (np.abs(y) < view) & (d > 1.0)
    inside = d <= radius
    near = ax.scatter(x[shown & inside], y[shown & inside], s=18, color=OKABE_ITO["vermillion"],
                      zorder=4, label="city inside the footprint")
    far = ax.scatter(x[shown & ~inside], y[shown & ~inside], s=18, color="#555555", zorder=4,
                     label="city beyond the horizon")
    legend = ax.legend(loc="upper left", fontsize=8, framealpha=0.92)
    names = [fx.PLACES[i].name for i in np.nonzero(inside & (d > 1.0))[0]]
    return [circle, near, far, legend], radius, names


def emp_map_figure(centre_name, burst_height_km, view_km=None):
    """The EMP footprint of a burst above ``centre_name`` on a map of Europe (or of the world
    outside it): the horizon circle, coastlines, borders and the cities named, inside the
    footprint in red. The map's half-width is ``view_km`` or else ``emp_view_km``. Returns
    ``(figure, radius_km, names_inside)``."""
    _place(centre_name, "centre_name")
    view = view_km or emp_view_km(burst_height_km)
    fig, ax = emp_map_base(centre_name, view)
    _, radius, names = emp_footprint(ax, centre_name, burst_height_km)
    return fig, radius, names


def _has_detail(lat, lon):
    """True where the 1:10m layers of the base map cover the point."""
    boxes = bm.detail_boxes()
    return bool(np.any((boxes[:, 0] <= lon) & (lon <= boxes[:, 1])
                       & (boxes[:, 2] <= lat) & (lat <= boxes[:, 3])))


def rings_view_km(radii_km, min_view_km=2.0) -> float:
    """Half-width (km) of the rings map: the largest ring fits with a margin (in
    ``nice_view_km`` steps), and the map shows at least ``min_view_km`` each way."""
    return nice_view_km(max(max(radii_km.values()) * 1.2, min_view_km))


def rings_map_base(place_name, view_km, with_strip=True):
    """The rings map without the rings: coast and borders (1:10m where the base map has them)
    around ground zero at ``place_name``, a scale bar, the inset locating the place and, with
    ``with_strip``, the axes of the yield strip below (its reference yields drawn). Returns
    ``(figure, map_axes, strip_axes or None)``; :func:`draw_rings` adds the rings."""
    centre = _place(place_name)
    lat0, lon0 = centre.lat_deg, centre.lon_deg
    view = float(view_km)
    fig, axes = new_figure(6.6, 7.4 if with_strip else 6.4, nrows=2 if with_strip else 1,
                           **({"gridspec_kw": {"height_ratios": [6, 1]}} if with_strip else {}))
    ax, strip = (axes[0], axes[1]) if with_strip else (axes, None)
    _draw_layers(ax, lat0, lon0, view, detail=_has_detail(lat0, lon0))
    ax.plot(0, 0, marker="+", color="black", ms=12, zorder=5, ls="none")
    ax.annotate(f"ground zero: centre of {centre.name}", (0, 0), xytext=(6, -12),
                textcoords="offset points", fontsize=8, zorder=5)
    _map_axes(ax, view, "km east of ground zero")
    scale_bar(ax, view, corner="lower right")
    ax.text(0.99, 0.005, "coast and borders: Natural Earth (public domain); no streets offline",
            transform=ax.transAxes, fontsize=6.5, color="#555555", ha="right", va="bottom",
            zorder=6)
    inset = ax.inset_axes([0.0, 0.0, 0.3, 0.3], zorder=7)
    region = 600.0
    _draw_layers(inset, lat0, lon0, region)
    inset.add_patch(Rectangle((-view, -view), 2 * view, 2 * view, fill=False,
                              edgecolor=OKABE_ITO["vermillion"], lw=1.2))
    inset.plot(0, 0, marker="o", ms=3, color=OKABE_ITO["vermillion"])
    inset.set_xlim(-region, region)
    inset.set_ylim(-region, region)
    inset.set_aspect("equal")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.grid(False)
    inset.set_facecolor("white")
    inset.set_title(f"where: {2 * region:,.0f} km across", fontsize=7, pad=2)
    if strip is not None:
        yield_strip(strip, None)
    return fig, ax, strip


def draw_rings(ax, radii_km, title="", strip=None, yield_kt=None):
    """Add to a :func:`rings_map_base` map the effect rings (``radii_km``: name -> km, in
    ``EFFECT_COLORS``), their legend, the title and, on ``strip``, the mark at ``yield_kt``.
    Returns the artists added or changed."""
    added = []
    for name, r in sorted(radii_km.items(), key=lambda kv: -kv[1]):
        color = EFFECT_COLORS[name]
        fill = name == "fireball"
        added.append(ax.add_patch(Circle((0, 0), r, facecolor=color if fill else "none",
                                         edgecolor=color, lw=2.2, alpha=0.9, zorder=3,
                                         label=f"{name}: {r:.2f} km")))
    added.append(ax.legend(loc="upper right", fontsize=8, framealpha=0.92))
    if title or ax.get_title():
        added += changed_in_place(ax.set_title(title))
    if strip is not None and yield_kt is not None:
        added.append(yield_mark(strip, yield_kt))
    return added


def rings_map_figure(radii_km, place_name, yield_kt=None, title="", min_view_km=2.0):
    """Effect rings (``radii_km``: name -> km, drawn in ``EFFECT_COLORS``) around ground zero at
    ``place_name``, over the coast and borders (1:10m where the base map has them), with a scale
    bar, an inset locating the place in its region and, given ``yield_kt``, the yield strip.
    The map's half-width is ``rings_view_km``."""
    _place(place_name)
    fig, ax, strip = rings_map_base(place_name, rings_view_km(radii_km, min_view_km),
                                    with_strip=yield_kt is not None)
    draw_rings(ax, radii_km, title, strip, yield_kt)
    return fig
