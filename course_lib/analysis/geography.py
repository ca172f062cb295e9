"""How far the members' territory reaches (notebooks 02 and 05): the east-west ends the
article names (the road corridor between them) and the north-south span of the map
shapes. Distances are on a sphere; the map drawing is :mod:`course_lib.maps`.

The shapes are Natural Earth's 1:110m outlines: generalised, so small islands are
missing and capes are smoothed. Extremes are approximate (to a few tenths of a degree).

>>> round(east_west_km(), -2)
7400.0
"""

from __future__ import annotations

import math
from typing import Iterable

import pandas as pd

from ..cache import data_cached
from ..data import load
from ..errors import CourseError

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
# The Arctic Circle lies at about 66 deg 34' N (it moves slowly with the Earth's tilt).
ARCTIC_CIRCLE_LAT = 66.56


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km on a sphere of the mean Earth radius.

    >>> round(great_circle_km(51.5074, -0.1278, 48.8566, 2.3522))  # London-Paris
    344
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounds(iso3s: list[str]) -> pd.DataFrame:
    """Northern-, southern-, eastern- and westernmost points of the given countries.

    Returns one row per country (lat_min, lat_max, lon_min, lon_max, in degrees), from
    the 1:110m shapes: generalised, so extremes are approximate (to about 0.1°).
    """
    df = load("world_shapes")
    sub = df[df.iso3.isin(list(iso3s))]
    missing = sorted(set(iso3s) - set(sub.iso3))
    if missing:
        raise CourseError(
            f"No map shape for {', '.join(missing)} (1:110m omits very small states)."
        )
    return sub.groupby("iso3").agg(
        lat_min=("lat", "min"), lat_max=("lat", "max"),
        lon_min=("lon", "min"), lon_max=("lon", "max"),
    )


KM_PER_DEGREE_LAT = great_circle_km(0.0, 0.0, 1.0, 0.0)


@data_cached
def _places() -> pd.DataFrame:
    return load("places").set_index("place")


def places() -> pd.DataFrame:
    """The places the article names, with coordinates (index: place).

    >>> sorted(places().index)
    ['Kaliningrad', 'Lianyungang']
    """
    return _places().copy()


def distance_km(a: str, b: str) -> float:
    """Great-circle distance between two places of ``data/places.csv``, in km.

    >>> distance_km("Lianyungang", "Lianyungang")
    0.0
    """
    p = _places()
    for name in (a, b):
        if name not in p.index:
            raise CourseError(f"No place called {name!r}. Known places: {', '.join(p.index)}.")
    return great_circle_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"])


def east_west_km() -> float:
    """Lianyungang (China) to Kaliningrad (Russia), great circle, km."""
    return distance_km("Lianyungang", "Kaliningrad")


def extent(iso3s: Iterable[str]) -> dict:
    """North-south reach of the countries' map shapes.

    Returns a dict: ``north_lat`` and ``north_iso3`` (the northernmost vertex),
    ``south_lat`` and ``south_iso3``, ``span_deg`` and ``span_km`` (along a meridian,
    on a sphere), and ``reaches_arctic`` (north of the Arctic Circle).

    >>> e = extent(["RUS", "IND"])
    >>> e["north_iso3"], e["south_iso3"], e["reaches_arctic"]
    ('RUS', 'IND', True)
    """
    iso3s = list(iso3s)
    if not iso3s:
        raise CourseError("Give at least one ISO3 code, e.g. ['RUS', 'IND'].")
    b = bounds(iso3s)
    north = b["lat_max"].idxmax()
    south = b["lat_min"].idxmin()
    span = float(b.loc[north, "lat_max"] - b.loc[south, "lat_min"])
    return {
        "north_iso3": north, "north_lat": float(b.loc[north, "lat_max"]),
        "south_iso3": south, "south_lat": float(b.loc[south, "lat_min"]),
        "span_deg": span, "span_km": span * KM_PER_DEGREE_LAT,
        "reaches_arctic": bool(b.loc[north, "lat_max"] > ARCTIC_CIRCLE_LAT),
    }


def great_circle_path(a: str, b: str, n: int = 60) -> pd.DataFrame:
    """Points (lat, lon) along the great circle between two places, for a map line.

    >>> p = great_circle_path("Lianyungang", "Kaliningrad", 3)
    >>> len(p), round(float(p.lat.iloc[0]), 2)
    (3, 34.6)
    """
    import numpy as np

    if n < 2:
        raise CourseError("A path needs at least 2 points.")
    distance_km(a, b)  # checks the names
    p = _places()
    lat1, lon1, lat2, lon2 = np.radians(
        [p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"]])
    v1 = np.array([np.cos(lat1) * np.cos(lon1), np.cos(lat1) * np.sin(lon1), np.sin(lat1)])
    v2 = np.array([np.cos(lat2) * np.cos(lon2), np.cos(lat2) * np.sin(lon2), np.sin(lat2)])
    omega = np.arccos(np.clip(v1 @ v2, -1, 1))
    t = np.linspace(0, 1, n)
    if omega == 0:
        pts = np.tile(v1, (n, 1))
    else:
        pts = (np.sin((1 - t) * omega)[:, None] * v1 + np.sin(t * omega)[:, None] * v2) / np.sin(omega)
    lat = np.degrees(np.arcsin(pts[:, 2]))
    lon = np.degrees(np.arctan2(pts[:, 1], pts[:, 0]))
    return pd.DataFrame({"lat": lat, "lon": lon})


# --------------------------------------------------------------------------- corridor
def corridor() -> pd.DataFrame:
    """The two ends of the road corridor the article names (``data/places.csv``) and the
    great-circle distance between them in km (a straight line on the globe, not a road).

    >>> c = corridor()
    >>> sorted(c["place"]), bool(7000 < c["distance_km"].iloc[0] < 8000)
    (['Kaliningrad', 'Lianyungang'], True)
    """
    p = load("places").copy()
    p["lat"] = p["lat"].astype(float)
    p["lon"] = p["lon"].astype(float)
    if len(p) != 2:
        raise CourseError("data/places.csv should hold the two ends of the corridor.")
    a, b = p.iloc[0], p.iloc[1]
    p["distance_km"] = great_circle_km(a["lat"], a["lon"], b["lat"], b["lon"])
    return p
