"""Build the course's offline base map from Natural Earth (run once; the result is committed).

    python tools/make_basemap.py WORLD_ATLAS_DIR OUT.npz

WORLD_ATLAS_DIR holds ``countries-110m.json``, ``countries-50m.json`` and ``countries-10m.json`` of the npm package
world-atlas 2.0.2: Natural Earth 4.1.0 Admin-0 countries (public domain) as TopoJSON
(``npm pack world-atlas@2.0.2`` fetches it). Only numpy and the standard library are used.

The output holds polylines in degrees (float32), packed as one vertex array plus offsets:

* ``europe_*``: 1:50m coastlines and land borders for Europe (the EMP map);
* ``detail_*``: 1:10m coastlines and land borders in small boxes around the places of the
  effects map (rings of a few km need the finer coast);
* ``world_*``: 1:110m coastlines of the whole world (context outside Europe).

An arc of the TopoJSON used by one country is coast (including shores of inland seas), an
arc shared by two countries a land border. Natural Earth's Admin-0 edition puts Crimea in
Russia; the border arcs between Russia and Ukraine south of 46.4° N (the line across the
isthmus of Perekop and the Chonhar strait) are dropped, so the map shows the internationally
recognised border (UN General Assembly resolution 68/262, 2014).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

EUROPE_BOX = (-25.0, 75.0, 30.0, 75.0)          # lon0, lon1, lat0, lat1
# centres of the effects map (lat, lon) and the half-size of their detail boxes (degrees)
DETAIL_CENTRES = {
    "Zaporizhzhia": (47.83, 35.17), "Kyiv": (50.45, 30.52), "Kharkiv": (49.99, 36.23),
    "Moscow": (55.76, 37.62), "The Hague": (52.08, 4.27), "Hiroshima": (34.39, 132.46),
    "Odesa": (46.48, 30.72), "Amsterdam": (52.37, 4.90),
}
DETAIL_HALF_LAT, DETAIL_HALF_LON = 0.6, 0.9
CRIMEA_SOUTH_OF = 46.4
RUSSIA, UKRAINE = "643", "804"


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        a = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        arcs.append(np.column_stack([a[:, 0] * sx + tx, a[:, 1] * sy + ty]))
    return arcs


def arc_users(geoms):
    users: dict[int, set] = {}

    def walk(obj, gi):
        if isinstance(obj, int):
            users.setdefault(obj if obj >= 0 else ~obj, set()).add(gi)
        else:
            for item in obj:
                walk(item, gi)

    for gi, g in enumerate(geoms):
        if "arcs" in g:
            walk(g["arcs"], gi)
    return users


def runs_inside(pts, boxes):
    """Pieces of a polyline inside any box, each with one vertex beyond each end."""
    inside = np.zeros(len(pts), bool)
    for lon0, lon1, lat0, lat1 in boxes:
        inside |= ((pts[:, 0] >= lon0) & (pts[:, 0] <= lon1)
                   & (pts[:, 1] >= lat0) & (pts[:, 1] <= lat1))
    runs, i, n = [], 0, len(pts)
    while i < n:
        if not inside[i]:
            i += 1
            continue
        j = i
        while j < n and inside[j]:
            j += 1
        runs.append(pts[max(i - 1, 0):min(j + 1, n)])
        i = j
    return [r for r in runs if len(r) >= 2]


def pack(lines):
    if not lines:
        return np.zeros((0, 2), np.float32), np.zeros(1, np.int32)
    offsets = np.zeros(len(lines) + 1, np.int32)
    offsets[1:] = np.cumsum([len(line) for line in lines])
    return np.concatenate(lines).astype(np.float32), offsets


def extract(path, boxes, decimals):
    topo = json.loads(Path(path).read_text())
    arcs = decode_arcs(topo)
    geoms = topo["objects"]["countries"]["geometries"]
    users = arc_users(geoms)
    ids = [g.get("id") for g in geoms]
    pair = {ids.index(RUSSIA), ids.index(UKRAINE)}
    coast, border = [], []
    for index, pts in enumerate(arcs):
        if index not in users:
            continue
        shared = users[index]
        if shared == pair and pts[:, 1].max() < CRIMEA_SOUTH_OF:
            continue
        kind = border if len(shared) >= 2 else coast
        for run in runs_inside(pts, boxes):
            run = np.round(run, decimals)
            keep = np.ones(len(run), bool)
            keep[1:] = np.any(run[1:] != run[:-1], axis=1)
            if keep.sum() >= 2:
                kind.append(run[keep])
    return pack(coast), pack(border)


def main(atlas_dir, out):
    atlas = Path(atlas_dir)
    (ec, eco), (eb, ebo) = extract(atlas / "countries-50m.json", [EUROPE_BOX], 2)
    boxes = [(lon - DETAIL_HALF_LON, lon + DETAIL_HALF_LON, lat - DETAIL_HALF_LAT,
              lat + DETAIL_HALF_LAT) for lat, lon in DETAIL_CENTRES.values()]
    (dc, dco), (db, dbo) = extract(atlas / "countries-10m.json", boxes, 3)
    (wc, wco), _ = extract(atlas / "countries-110m.json", [(-180.0, 180.0, -90.0, 90.0)], 2)
    np.savez_compressed(out, world_coast=wc, world_coast_offsets=wco, europe_coast=ec, europe_coast_offsets=eco, europe_border=eb,
                        europe_border_offsets=ebo, detail_coast=dc, detail_coast_offsets=dco,
                        detail_border=db, detail_border_offsets=dbo,
                        europe_box=np.array(EUROPE_BOX, np.float32),
                        detail_boxes=np.array(boxes, np.float32))
    print(f"{out}: Europe {len(ec)} coast + {len(eb)} border vertices; detail {len(dc)} coast "
          f"+ {len(db)} border vertices; {Path(out).stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
