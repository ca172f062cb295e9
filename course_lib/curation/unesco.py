"""UNESCO World Heritage List -> ``world_heritage`` and ``world_heritage_states``.

Source folder ``unesco-whc/``: ``whc-sites-2021.csv`` (UNESCO's 2021 export).

Rules: names, years, categories, regions and coordinates copied as published (HTML
markup removed from names, entities unescaped; one truncated name restored from the
official name, ``WHC_NAME_FIXES``); the two properties deleted before 2021 are added
from UNESCO decisions (``WHC_ADDED``); no description or justification text is copied;
state codes upper-cased (Angola ``ang`` -> ``AGO``); rows sorted by id (deterministic).
With ``published_totals`` the List at the end of 2017 must hold UNESCO's published
1,073 properties (switch it off only for partial extracts such as test fixtures).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from .common import LIC_UNESCO, YEAR_MAX, YEAR_MIN, F, fail, iso3_field, read_str_csv, resource, source, year_field

WHC_FILE = Path("unesco-whc") / "whc-sites-2021.csv"
WHC_COLUMNS = ["id_no", "name_en", "date_inscribed", "category", "udnp_code", "transboundary", "region_en",
               "latitude", "longitude", "danger"]
WHC_LIST_2017 = 1073  # UNESCO's published number of properties after the 2017 session
FILES = [WHC_FILE]

WHC_REPO, WHC_COMMIT = "Youselouard/DataProductsWeek2", "51c77b07570c1bf4dea51718422d8683e223380a"
UDNP_FIX = {"ang": "AGO"}  # the export codes Angola as 'ang' (ISO 3166 alpha-3 is AGO)
WHC_ADDED = [  # properties deleted from the List before the 2021 export (facts)
    {"id_no": "654", "name": "Arabian Oryx Sanctuary", "year_inscribed": "1994", "category": "Natural",
     "states_iso3": "OMN", "year_removed": "2007"},
    {"id_no": "1156", "name": "Dresden Elbe Valley", "year_inscribed": "2004", "category": "Cultural",
     "states_iso3": "DEU", "year_removed": "2009"},
]
WHC_REMOVED_IN_EXPORT = {"1150": "2021"}  # Liverpool - Maritime Mercantile City
# id_no -> (name as exported, official English name): the export truncates this name
# at its quotation marks (the French name in the same row is complete).
WHC_NAME_FIXES = {"163": ("Roman Theatre and its Surroundings and the ",
                          'Roman Theatre and its Surroundings and the "Triumphal Arch" of Orange')}


def clean_name(raw: str) -> str:
    s = re.sub(r"<br\s*/?>", " ", raw, flags=re.I)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def build_whc(src: Path, valid_codes: set[str], published_totals: bool = True
              ) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    w = read_str_csv(src / WHC_FILE, WHC_COLUMNS)
    if w["id_no"].duplicated().any():
        fail("whc: duplicated id_no")
    rows = []
    odd_codes = set()
    for _, r in w.iterrows():
        codes = []
        for c in [x.strip() for x in r["udnp_code"].split(",") if x.strip()]:
            c2 = UDNP_FIX.get(c, c.upper())
            if c2 not in valid_codes:
                odd_codes.add(c2)
            codes.append(c2)
        if not codes and r["id_no"] != "148":
            fail(f"whc: property {r['id_no']} has no state code")
        if (r["transboundary"] == "1") != (len(codes) > 1):
            fail(f"whc: transboundary flag disagrees with the codes for {r['id_no']}")
        name = r["name_en"]
        if r["id_no"] in WHC_NAME_FIXES:
            if name != WHC_NAME_FIXES[r["id_no"]][0]:
                fail(f"whc: name of {r['id_no']} is no longer the truncated one; drop the fix")
            name = WHC_NAME_FIXES[r["id_no"]][1]
        rows.append({
            "id_no": int(r["id_no"]), "name": clean_name(name),
            "year_inscribed": r["date_inscribed"], "category": r["category"],
            "states_iso3": ";".join(codes), "n_states": str(len(codes)) if codes else "",
            "transboundary": "true" if r["transboundary"] == "1" else "false",
            "region": r["region_en"], "latitude": r["latitude"], "longitude": r["longitude"],
            "danger": "true" if r["danger"] == "1" else "false",
            "year_removed": WHC_REMOVED_IN_EXPORT.get(r["id_no"], ""),
        })
    if odd_codes - {"VAT"}:
        fail(f"whc: state codes not known as ISO3 (World Bank or Natural Earth): {sorted(odd_codes)}")
    present = {str(r["id_no"]) for r in rows}
    for add in WHC_ADDED:
        if add["id_no"] in present:
            fail(f"whc: property {add['id_no']} is already in the export; remove it from WHC_ADDED")
        region = sorted({r["region"] for r in rows if r["states_iso3"] == add["states_iso3"]})
        if len(region) != 1:
            fail(f"whc: cannot derive the UNESCO region of {add['states_iso3']}")
        rows.append({**add, "id_no": int(add["id_no"]), "n_states": "1", "transboundary": "false",
                     "region": region[0], "latitude": "", "longitude": "", "danger": "false"})
    df = pd.DataFrame(rows).sort_values("id_no", kind="mergesort")
    yi = df.year_inscribed.astype(int)
    yr = pd.to_numeric(df.year_removed.replace("", None))
    n2017 = int(((yi <= 2017) & (yr.isna() | (yr > 2017))).sum())
    if published_totals and n2017 != WHC_LIST_2017:
        fail(f"{src / WHC_FILE}: expected {WHC_LIST_2017} properties on the List at the end of 2017 "
             f"(UNESCO's published total); found {n2017}")
    long = [{"id_no": r.id_no, "iso3": c} for r in df.itertuples() for c in r.states_iso3.split(";") if c]
    states = pd.DataFrame(long).sort_values(["id_no", "iso3"], kind="mergesort")
    df["id_no"] = df["id_no"].astype(str)
    states["id_no"] = states["id_no"].astype(str)
    cols = ["id_no", "name", "year_inscribed", "category", "states_iso3", "n_states", "transboundary",
            "region", "latitude", "longitude", "danger", "year_removed"]
    return df[cols], states, {"n2017": n2017, "rows_export": len(w), "odd_codes": sorted(odd_codes)}


def resources(src: Path, valid: set[str], published_totals: bool = True) -> tuple[list, dict]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

    # ---------------------------------------------------------------- world heritage
    whc, whc_states, info = build_whc(src, valid, published_totals)
    notes["world_heritage"] = info
    whc_src = [source("World Heritage List, export whc-sites-2021", "UNESCO World Heritage Centre",
                      WHC_REPO, WHC_COMMIT, "whc-sites-2021.csv")]
    whc_cite = ("UNESCO World Heritage Centre, World Heritage List (export 2021), https://whc.unesco.org/en/list/; "
                "two properties deleted before 2021 added from UNESCO decisions.")
    add(resource(
        "world_heritage", whc, "UNESCO World Heritage properties (List as exported in 2021, plus deletions)",
        """
One row per World Heritage property from UNESCO's 2021 `whc-sites` export (1,155 rows incl. Liverpool),
plus the two properties that had been deleted from the List before the export: **Arabian Oryx Sanctuary**
(Oman, id 654, inscribed 1994, deleted 2007) and **Dresden Elbe Valley** (Germany, id 1156, inscribed 2004,
deleted 2009). Their coordinates are not in the export and are left empty; their UNESCO region is that of
their State Party. **Liverpool – Maritime Mercantile City** (id 1150) was deleted in 2021 (`year_removed`).

* The List at the end of any year Y: `year_inscribed <= Y` and (`year_removed` empty or `> Y`). For 2017
  this gives **1,073** properties, UNESCO's published total after the 2017 session.
* `year_inscribed` is the first inscription; later extensions keep the original year, and areas and
  coordinates are 2021 values. `danger` is the In-Danger status at export time (2021).
* **Jerusalem**: "Old City of Jerusalem and its Walls" (id 148) has no State Party code in the export
  (state shown as "Jerusalem (Site proposed by Jordan)"); `states_iso3` and `n_states` are left empty.
* The export truncates the name of id 163 at its quotation marks; restored to "Roman Theatre and its
  Surroundings and the "Triumphal Arch" of Orange".
* Angola is coded `ang` in the export; corrected to `AGO`. HTML markup in names (italics, `<br />`) is
  removed and entities are unescaped. Descriptions and justifications are **not** copied (UNESCO text).
* Transboundary properties list several states: count them once per group, or use `world_heritage_states`.
""", whc_src, [LIC_UNESCO], whc_cite,
        [F("id_no", "integer", "Property id", "UNESCO reference number of the property", required=True, unique=True,
           minimum=1),
         F("name", "string", "Name", "English name (HTML markup removed)", required=True),
         year_field("Year inscribed", "Year the property was first inscribed", name="year_inscribed"),
         F("category", "string", "Category", "Cultural, Natural or Mixed", required=True,
           enum=["Cultural", "Natural", "Mixed"]),
         F("states_iso3", "string", "States Parties", "ISO3 codes of the State(s) Party, ';'-separated "
           "(empty for Jerusalem)", pattern="[A-Z]{3}(;[A-Z]{3})*"),
         F("n_states", "integer", "Number of States Parties", "Number of codes in states_iso3", unit="states",
           minimum=1),
         F("transboundary", "boolean", "Transboundary", "true if shared by more than one State Party",
           required=True),
         F("region", "string", "UNESCO region", "UNESCO region(s) as published (comma-separated when several)",
           required=True),
         F("latitude", "number", "Latitude", "Representative point, decimal degrees (WGS84)", unit="degrees",
           minimum=-90, maximum=90),
         F("longitude", "number", "Longitude", "Representative point, decimal degrees (WGS84)", unit="degrees",
           minimum=-180, maximum=180),
         F("danger", "boolean", "In danger (2021)", "On the List of World Heritage in Danger at export time",
           required=True),
         F("year_removed", "integer", "Year deleted", "Year the property was deleted from the List (empty if "
           "still listed)", minimum=YEAR_MIN, maximum=YEAR_MAX)],
        ["id_no"]), whc.assign(year=whc.year_inscribed))
    add(resource(
        "world_heritage_states", whc_states, "World Heritage properties by State Party (long table)",
        """
One row per World Heritage property and State Party (from `world_heritage.states_iso3`), for counting
properties per country; a transboundary property appears once for each of its States Parties. Jerusalem
(id 148, no State Party code) has no row. Join to `world_heritage` on `id_no`.
""", whc_src, [LIC_UNESCO], whc_cite,
        [F("id_no", "integer", "Property id", "UNESCO reference number (see world_heritage)", required=True,
           minimum=1),
         iso3_field("ISO 3166-1 alpha-3 code of a State Party")],
        ["id_no", "iso3"]), whc_states)

    return out, notes
