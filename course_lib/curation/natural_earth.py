"""Natural Earth 1:110m countries -> ``world_shapes`` (vertices) and ``countries``.

Source folder ``natural-earth-110m/``: ``ne_110m_admin_0_countries.geojson``.

Rules: codes as published (``ISO_A3``, else ``ADM0_A3`` with four replacements to the
codes used elsewhere, ``NE_TO_ISO``); coordinates rounded to 3 decimals for the vertex
table only (map geometry, not a statistic), bounding boxes from the full-precision
text; rows sorted; deterministic. Gaps stay gaps: small states missing at this scale
are not added.
"""

from __future__ import annotations

import decimal
import json
from pathlib import Path

import pandas as pd

from .common import LIC_CC0, F, fail, iso3_field, require_file, resource, source, source_error

NE_FILE = Path("natural-earth-110m") / "ne_110m_admin_0_countries.geojson"
NE_PROPERTIES = ["ISO_A3", "ADM0_A3", "NAME", "CONTINENT", "REGION_UN", "SUBREGION"]
FILES = [NE_FILE]


def read_geojson(src: Path, parse_float=float) -> dict:
    """The Natural Earth GeoJSON, checked for the properties the curation uses."""
    path = require_file(src / NE_FILE, "the Natural Earth 1:110m countries as GeoJSON")
    try:
        gj = json.loads(path.read_text(encoding="utf-8"), parse_float=parse_float)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        source_error(path, "a UTF-8 GeoJSON file", f"text that is not JSON ({exc})")
    feats = gj.get("features") if isinstance(gj, dict) else None
    if not isinstance(feats, list) or not feats:
        source_error(path, "a FeatureCollection with a list of features", f"{type(gj).__name__} without features")
    for i, f in enumerate(feats):
        props = f.get("properties") or {}
        missing = [k for k in NE_PROPERTIES if k not in props]
        if missing or not isinstance(f.get("geometry"), dict):
            source_error(path, f"features with a geometry and the properties {NE_PROPERTIES}",
                         f"feature {i} without {missing or ['geometry']}")
    return gj


def natural_earth_codes(src: Path) -> set[str]:
    gj = read_geojson(src)
    codes = set()
    for f in gj["features"]:
        for k in ("ISO_A3", "ADM0_A3", "WB_A3"):
            v = f["properties"].get(k)
            if v and v != "-99":
                codes.add(v)
    return codes


NE_REPO, NE_COMMIT = "martynafford/natural-earth-geojson", "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
# Natural Earth ADM0_A3 codes that are not the ISO code of the same territory.
NE_TO_ISO = {"KOS": "XKX", "PSX": "PSE", "SAH": "ESH", "SDS": "SSD"}


def ne_iso3(p: dict) -> str:
    if p["ISO_A3"] and p["ISO_A3"] != "-99":
        return p["ISO_A3"]
    return NE_TO_ISO.get(p["ADM0_A3"], p["ADM0_A3"])


def build_ne(src: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    gj = read_geojson(src, parse_float=decimal.Decimal)
    shapes, countries = [], []
    for f in gj["features"]:
        p = f["properties"]
        iso = ne_iso3(p)
        if p["ISO_A3"] not in ("-99", iso):
            fail(f"NE: ISO code mismatch for {p['NAME']}")
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        if g["type"] not in ("Polygon", "MultiPolygon"):
            fail(f"NE: unexpected geometry {g['type']}")
        lons, lats = [], []
        for part, poly in enumerate(polys):
            for ring, coords in enumerate(poly):
                for order, (lon, lat) in enumerate(coords):
                    lons.append(lon)
                    lats.append(lat)
                    shapes.append((iso, p["NAME"], part, ring, order, f"{float(lon):.3f}", f"{float(lat):.3f}"))
        countries.append({"iso3": iso, "adm0_a3": p["ADM0_A3"], "iso_a3": p["ISO_A3"], "name": p["NAME"],
                          "continent": p["CONTINENT"], "region_un": p["REGION_UN"], "subregion": p["SUBREGION"],
                          "lat_min": str(min(lats)), "lat_max": str(max(lats)),
                          "lon_min": str(min(lons)), "lon_max": str(max(lons))})
    c = pd.DataFrame(countries).sort_values("iso3", kind="mergesort")
    if c.iso3.duplicated().any():
        fail("NE: duplicated iso3")
    s = pd.DataFrame(shapes, columns=["iso3", "name", "part", "ring", "order", "lon", "lat"])
    s = s.sort_values(["iso3", "part", "ring", "order"], kind="mergesort")
    s["lon"] = s.lon.replace("-0.000", "0.000")
    s["lat"] = s.lat.replace("-0.000", "0.000")
    return s, c, {"features": len(c), "vertices": len(s)}


def resources(src: Path) -> tuple[list, dict]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

    # ---------------------------------------------------------------- Natural Earth
    shapes, countries, info = build_ne(src)
    notes["world_shapes"] = info
    ne_src = [source("Natural Earth 1:110m Admin 0 - Countries, v4.0.0 (GeoJSON)", "Natural Earth",
                     NE_REPO, NE_COMMIT, "110m/cultural/ne_110m_admin_0_countries.json")]
    ne_caveat = """* Natural Earth draws borders **de facto**: disputed areas such as Kashmir are shown one way only
  (say so on any map of India, Pakistan and China).
* At 1:110m small states are missing (e.g. Singapore, Bahrain, Maldives, Malta, many island states).
* `iso3` is the ISO 3166-1 alpha-3 code where Natural Earth publishes one (`ISO_A3`), else its `ADM0_A3`
  code (France FRA, Norway NOR); four `ADM0_A3` codes are replaced by the code used in the other tables:
  Kosovo KOS -> XKX (World Bank code), Palestine PSX -> PSE, Western Sahara SAH -> ESH, South Sudan
  SDS -> SSD. Northern Cyprus (CYN) and Somaliland (SOL) keep Natural Earth's codes (no ISO code)."""
    add(resource(
        "world_shapes", shapes, "Country outlines for maps (Natural Earth 1:110m), one row per vertex",
        f"""
The polygon vertices of the {info['features']} Natural Earth 1:110m countries as a tidy table, for drawing
maps with plain matplotlib: `part` numbers the polygons of a country, `ring` 0 is the exterior ring and
>0 a hole, `order` the vertex order within a ring (rings are closed: the last vertex repeats the first).
Longitude and latitude are **rounded to 3 decimals** (about 100 m): this is map geometry, not a statistic.

{ne_caveat}
""", ne_src, [LIC_CC0], "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
                        "(1:110m Admin 0 - Countries, v4.0.0).",
        [iso3_field("ISO3 code (see description)"),
         F("name", "string", "Name", "Natural Earth short name", required=True),
         F("part", "integer", "Polygon", "Index of the polygon within the country", required=True, minimum=0),
         F("ring", "integer", "Ring", "0 = exterior ring, >0 = hole", required=True, minimum=0),
         F("order", "integer", "Vertex order", "Order of the vertex within its ring", required=True, minimum=0),
         F("lon", "number", "Longitude", "Degrees east (WGS84), 3 decimals", unit="degrees", required=True,
           minimum=-180, maximum=180),
         F("lat", "number", "Latitude", "Degrees north (WGS84), 3 decimals", unit="degrees", required=True,
           minimum=-90, maximum=90)],
        ["iso3", "part", "ring", "order"]), shapes)
    add(resource(
        "countries", countries, "Countries on the Natural Earth 1:110m map",
        f"""
One row per Natural Earth 1:110m country feature ({info['features']}), with its codes, names, continent and
UN region and the bounding box of its outline (from the full-precision geometry).

* `iso_a3` is Natural Earth's `ISO_A3` as published (`-99` for France, Norway, Kosovo, Northern Cyprus and
  Somaliland in this version); `adm0_a3` is Natural Earth's own code.
{ne_caveat}
""", ne_src, [LIC_CC0], "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
                        "(1:110m Admin 0 - Countries, v4.0.0).",
        [iso3_field("ISO3 code used to join the course's tables (see description)"),
         F("adm0_a3", "string", "NE code", "Natural Earth ADM0_A3 as published", required=True, unique=True),
         F("iso_a3", "string", "ISO_A3 (as published)", "Natural Earth ISO_A3, -99 where none", required=True),
         F("name", "string", "Name", "Natural Earth short name", required=True),
         F("continent", "string", "Continent", "Natural Earth continent", required=True),
         F("region_un", "string", "UN region", "Natural Earth REGION_UN", required=True),
         F("subregion", "string", "Subregion", "Natural Earth SUBREGION", required=True),
         F("lat_min", "number", "Southernmost latitude", unit="degrees", required=True, minimum=-90, maximum=90),
         F("lat_max", "number", "Northernmost latitude", unit="degrees", required=True, minimum=-90, maximum=90),
         F("lon_min", "number", "Westernmost longitude", unit="degrees", required=True, minimum=-180, maximum=180),
         F("lon_max", "number", "Easternmost longitude", unit="degrees", required=True, minimum=-180,
           maximum=180)],
        ["iso3"]), countries)

    # re-hash resources whose schema was edited after creation (content unchanged)
    return out, notes
