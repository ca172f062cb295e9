"""course_lib.analysis.geography: distances and the north-south reach of the members."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from course_lib import sco
from course_lib.data import path_of
from course_lib.errors import CourseError
from course_lib.analysis import geography as G


def _haversine(lat1, lon1, lat2, lon2, r=6371.0088):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * r * math.asin(math.sqrt(a))


def test_east_west_distance_against_raw():
    p = pd.read_csv(path_of("places"), encoding="utf-8").set_index("place")
    a, b = p.loc["Lianyungang"], p.loc["Kaliningrad"]
    assert G.east_west_km() == pytest.approx(_haversine(a.lat, a.lon, b.lat, b.lon), rel=1e-9)
    assert G.distance_km("Kaliningrad", "Lianyungang") == pytest.approx(G.east_west_km())


def test_extent_of_members_against_shapes():
    shapes = pd.read_csv(path_of("world_shapes"), encoding="utf-8")
    m = sco.members("2017-10-01")
    sub = shapes[shapes.iso3.isin(m)]
    e = G.extent(m)
    assert e["north_lat"] == sub.lat.max() and e["south_lat"] == sub.lat.min()
    assert e["north_iso3"] == sub.loc[sub.lat.idxmax(), "iso3"]
    assert e["span_km"] == pytest.approx(_haversine(e["south_lat"], 0, e["north_lat"], 0))
    assert e["reaches_arctic"]


def test_extent_without_russia_stays_south_of_the_arctic():
    assert not G.extent(["IND", "PAK"])["reaches_arctic"]


@pytest.mark.parametrize("bad", [
    lambda: G.distance_km("Shanghai", "Kaliningrad"),
    lambda: G.extent([]),
    lambda: G.extent(["SGP"]),  # too small for the 1:110m map
])
def test_bad_input(bad):
    with pytest.raises(CourseError):
        bad()


def test_corridor_distance_against_raw():
    c = G.corridor()
    p = pd.read_csv(path_of("places"), encoding="utf-8")
    assert sorted(c["place"]) == sorted(p["place"])
    expected = _haversine(p.lat[0], p.lon[0], p.lat[1], p.lon[1])
    assert c["distance_km"].iloc[0] == pytest.approx(expected)


def test_bounds_against_raw():
    shapes = pd.read_csv(path_of("world_shapes"), encoding="utf-8")
    b = G.bounds(["KAZ"])
    kaz = shapes[shapes.iso3 == "KAZ"]
    assert b.loc["KAZ", "lat_max"] == kaz.lat.max() and b.loc["KAZ", "lon_min"] == kaz.lon.min()
    with pytest.raises(CourseError, match="No map shape"):
        G.bounds(["XXX"])
