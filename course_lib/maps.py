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

    def ring(r):
        a = np.column_stack([r["lon"].to_numpy(float), r["lat"].to_numpy(float)])
        a.flags.writeable = False
        return a

    df = load("world_shapes").sort_values(["iso3", "part", "ring", "order"])
    out: dict[str, list] = {}
    for (iso, _part), g in df.groupby(["iso3", "part"], sort=True):
        rings = [ring(r) for _, r in g.groupby("ring", sort=True)]
        out.setdefault(str(iso), []).append((rings[0], tuple(rings[1:])))
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
    from matplotlib.path import Path as MPath
    from matplotlib.patches import PathPatch
    import numpy as np

    colors = dict(colors or {})
    by_color: dict[str, list] = {}
    for iso, polys in _polygons().items():
        color = colors.get(iso, default)
        for exterior, holes in polys:
            verts = [exterior] + list(holes)
            codes = []
            for ring in verts:
                c = [MPath.LINETO] * len(ring)
                c[0] = MPath.MOVETO
                codes += c
            path = MPath(np.concatenate(verts), codes)
            by_color.setdefault(color, []).append(PathPatch(path))
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


