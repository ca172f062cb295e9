"""SIPRI military expenditure (via Our World in Data) -> ``sipri_milex``.

Source folder ``sipri-milex/``: ``sipri_military_expenditure_owid2022.csv``.

Rules: values copied as published (constant 2019 US$ and % of GDP), 1990 onward;
country-years with neither value dropped, single gaps left empty; aggregates and
historical states without a current ISO code dropped (listed in the description);
names mapped with the explicit map of :mod:`.names`; rows sorted (deterministic).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import LIC_SIPRI, country_field, fail, iso3_field, map_names, num, read_str_csv, resource, source, \
    year_field
from .names import OWID_NAMES

FILES = [Path("sipri-milex") / "sipri_military_expenditure_owid2022.csv"]

SIPRI_AGGREGATES = ["Africa", "Asia", "Europe", "NATO members", "North America", "Oceania",
                    "South America", "World"]
SIPRI_HISTORICAL = ["Czechoslovakia"]


def build_sipri(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / FILES[0], ["Entity", "Year", "military_expenditure", "military_expenditure_share_gdp"])
    mapping = dict(OWID_NAMES, **{n: None for n in SIPRI_AGGREGATES + SIPRI_HISTORICAL})
    d["iso3"] = map_names(d["Entity"], mapping, "SIPRI")
    d = d[d.Year.astype(int) >= 1990]
    hist = d[d.Entity.isin(SIPRI_HISTORICAL)]
    dropped_hist = [f"{n} ({g.Year.astype(int).min()}-{g.Year.astype(int).max()})" for n, g in hist.groupby("Entity")]
    d = d[d.iso3.notna()].copy()
    if d.duplicated(["iso3", "Year"]).any():
        fail("sipri: duplicated iso3-year")
    d = d.rename(columns={"Entity": "country", "Year": "year",
                          "military_expenditure": "milex_constant_2019_usd",
                          "military_expenditure_share_gdp": "milex_pct_gdp"})
    d = d[(d.milex_constant_2019_usd != "") | (d.milex_pct_gdp != "")]
    d["year"] = d["year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "milex_constant_2019_usd", "milex_pct_gdp"]], {"dropped_hist": dropped_hist}


def resources(src: Path) -> tuple[list, dict]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

    # ---------------------------------------------------------------- SIPRI
    sp, info = build_sipri(src)
    notes["sipri_milex"] = info
    add(resource(
        "sipri_milex", sp, "Military expenditure by country and year (SIPRI, 2022 release)",
        f"""
Military expenditure per country, 1990-2020, in constant 2019 US$ and as % of GDP (SIPRI Military
Expenditure Database, retrieved by Our World in Data on 24 February 2022). Values as published; empty = no
SIPRI estimate.

* Regional totals, NATO and World are dropped; so is {", ".join(info['dropped_hist'])} (no current ISO code).
* Constant-2019-dollar values cannot be compared directly with current-dollar GDP; use `milex_pct_gdp`.
* Gaps for SCO members: Uzbekistan has only 2018 in 2010-2020; Tajikistan lacks 2013. Figures for China
  and Russia are SIPRI estimates, not official budgets.
""",
        [source("SIPRI Military Expenditure Database (via Our World in Data)",
                "Stockholm International Peace Research Institute; Our World in Data",
                "owid/owid-datasets", "48c9992ae317b35ed327fc36d2af75fe8b3ef7ed",
                "datasets/SIPRI Military Expenditure Database/SIPRI Military Expenditure Database.csv")],
        [LIC_SIPRI], "SIPRI Military Expenditure Database, 2022 (https://www.sipri.org/databases/milex), via "
                     "Our World in Data.",
        [iso3_field(), country_field("Country name as used by OWID"), year_field(),
         num("milex_constant_2019_usd", "Military expenditure", "constant 2019 US$"),
         num("milex_pct_gdp", "Military expenditure, share of GDP", "%")],
        ["iso3", "year"]), sp)

    return out, notes
