"""The course's offline base map: coastlines and borders from Natural Earth (public domain).

The data ship inside the package (``data/basemap.npz``, about 110 KiB; how it was made and
what it contains: ``data/README.md``), so maps draw without a network. Each layer is a set
of polylines in geographic coordinates (degrees); :mod:`deterrence_lab.views.maps` projects
and draws them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

BASEMAP_PATH = Path(__file__).resolve().parent / "data" / "basemap.npz"
BASEMAP_SOURCE = ("Natural Earth 4.1.0, Admin-0 countries at 1:10m, 1:50m and 1:110m (public "
                  "domain), as packaged in the npm package world-atlas 2.0.2; border between "
                  "Crimea and mainland Ukraine removed (UN General Assembly resolution 68/262)")
LAYERS = ("europe_coast", "europe_border", "detail_coast", "detail_border", "world_coast")


@dataclass(frozen=True)
class Polylines:
    """Polylines packed as one (N, 2) array of (longitude, latitude) in degrees and offsets:
    line k is ``lonlat[offsets[k]:offsets[k + 1]]``."""

    lonlat: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def lines(self):
        """Each polyline as an (n, 2) array."""
        return np.split(self.lonlat, self.offsets[1:-1])


@lru_cache(maxsize=1)
def basemap() -> dict:
    """The layers of ``LAYERS`` as :class:`Polylines` (read once, then cached)."""
    with np.load(BASEMAP_PATH, allow_pickle=False) as data:
        return {name: Polylines(data[name].astype(float), data[name + "_offsets"].astype(int))
                for name in LAYERS}


def layer(name: str) -> Polylines:
    """One layer of the base map by name (see ``LAYERS``)."""
    if name not in LAYERS:
        raise ValueError(f"name={name!r} is not one of: {', '.join(LAYERS)}")
    return basemap()[name]


@lru_cache(maxsize=1)
def detail_boxes() -> np.ndarray:
    """The boxes (lon0, lon1, lat0, lat1), degrees, that the 1:10m layers cover."""
    with np.load(BASEMAP_PATH, allow_pickle=False) as data:
        return data["detail_boxes"].astype(float)
