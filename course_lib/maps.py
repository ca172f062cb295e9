"""World maps from the Natural Earth 1:110m shapes in ``data/``. Distances and the
shapes' extremes are computed in :mod:`course_lib.analysis.geography` (named here too:
notebook 02 refers to ``course_lib.maps.great_circle_km``).

Plain matplotlib (no GIS stack): each country is drawn from its polygon rings in an
equirectangular projection (longitude, latitude). Natural Earth draws disputed
borders as they are held de facto (for example in Kashmir); every map says so.

>>> round(great_circle_km(0, 0, 0, 1), 1)
111.2
"""

from __future__ import annotations

from typing import Mapping

from .analysis.geography import EARTH_RADIUS_KM, bounds, great_circle_km  # noqa: F401
from .cache import data_cached
from .data import load
from .plotting import LIGHT_GREY

DISPUTED_NOTE = "Borders as drawn by Natural Earth (de facto); disputed areas such as Kashmir shown one way only."


@data_cached
def _polygons() -> dict[str, list]:
    """iso3 -> list of (exterior ring array, (hole arrays)) as read-only numpy arrays
    (kept per state of the data; read-only, so handing them out copies nothing)."""
    import numpy as np

    df = load("world_shapes").sort_values(["iso3", "part", "ring", "order"])
    xy = np.column_stack([df["lon"].to_numpy(float), df["lat"].to_numpy(float)])
    xy.flags.writeable = False  # its slices below are read-only views
    iso = df["iso3"].astype(str).to_numpy()
    part, ring = df["part"].to_numpy(), df["ring"].to_numpy()
    new_ring = np.ones(len(df), dtype=bool)
    new_ring[1:] = (iso[1:] != iso[:-1]) | (part[1:] != part[:-1]) | (ring[1:] != ring[:-1])
    starts = np.flatnonzero(new_ring)
    out: dict[str, list] = {}
    last = None
    for start, end in zip(starts, [*starts[1:], len(df)]):
        key = (iso[start], part[start])
        if key != last:  # the first ring of a part is its exterior
            out.setdefault(str(key[0]), []).append((xy[start:end], []))
            last = key
        else:
            out[str(key[0])][-1][1].append(xy[start:end])
    return {k: [(ext, tuple(holes)) for ext, holes in v] for k, v in out.items()}


@data_cached
def _paths() -> dict[str, tuple]:
    """iso3 -> one (vertices, path codes) pair per part, ready for a matplotlib
    ``Path``: the projected shapes, computed once per state of the data (read-only)."""
    import numpy as np
    from matplotlib.path import Path as MPath

    out = {}
    for iso, polys in _polygons.peek().items():
        parts = []
        for exterior, holes in polys:
            rings = [exterior, *holes]
            codes = np.full(sum(len(r) for r in rings), MPath.LINETO, dtype=MPath.code_type)
            at = 0
            for r in rings:
                codes[at] = MPath.MOVETO
                at += len(r)
            verts = np.concatenate(rings)
            verts.flags.writeable = codes.flags.writeable = False
            parts.append((verts, codes))
        out[iso] = tuple(parts)
    return out


def country_codes() -> list[str]:
    """ISO3 (Natural Earth ADM0_A3) codes that have a shape."""
    return sorted(_polygons())


def draw_world(ax, colors: Mapping[str, str] | None = None, *, default: str = LIGHT_GREY,
               edgecolor: str = "white", linewidth: float = 0.3,
               extent: tuple[float, float, float, float] | None = None):
    """Draw every country, filled with ``colors[iso3]`` or ``default``.

    Returns the matplotlib ``PatchCollection`` list (one per colour) for legends.
    ``extent`` = (lon_min, lon_max, lat_min, lat_max) zooms the map.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MPath

    colors = dict(colors or {})
    by_color: dict[str, list] = {}
    for iso, parts in _paths.peek().items():  # read only: each Path gets its own arrays
        color = colors.get(iso, default)
        patches = by_color.setdefault(color, [])
        patches.extend(PathPatch(MPath(verts, codes)) for verts, codes in parts)
    collections = []
    for color, patches in by_color.items():
        coll = PatchCollection(patches, facecolor=color, edgecolor=edgecolor, linewidth=linewidth)
        ax.add_collection(coll)
        collections.append(coll)
    lon0, lon1, lat0, lat1 = extent or (-180, 180, -60, 85)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect("equal")
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    ax.grid(False)
    return collections


