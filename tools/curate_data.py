#!/usr/bin/env python3
"""Curate the course's data tables from the shared sources (run by hand).

Reads the raw open sources in ``../shared/data/sources`` (one folder per source, each
with a SOURCE.md), the hand-curated fact tables in ``../shared/data/facts`` and a few
facts typed from ``../shared/ARTICLE_OUTLINE.md``, and writes into ``data/``:

* one tidy CSV per resource (UTF-8, comma, one header row, LF line endings, rows
  sorted deterministically, ISO 3166 alpha-3 codes in ``iso3``, integer ``year``);
* ``data/datapackage.json``: a Frictionless Data Package describing every CSV
  (title, Markdown description with caveats, sources, licences, citation, schema with
  units and constraints, sha256, bytes, rows);
* ``data/README.md``: a human catalogue generated from the same metadata.

Rules kept throughout: numbers are copied as published (the text of each value is
carried over, never re-rounded; only ``0.0`` -> ``0`` where a column is declared
integer and every value is whole), gaps stay gaps (empty cells), no raw file and no
UNESCO description/justification text is copied. The script is deterministic and
idempotent (no timestamps): running it twice gives byte-identical files. At the end
it validates the package with ``frictionless`` when that is installed.

Usage::

    .venv/bin/python tools/curate_data.py                 # default paths
    .venv/bin/python tools/curate_data.py --sources /path/to/shared/data/sources
    .venv/bin/python tools/curate_data.py --no-validate   # skip frictionless
"""

from __future__ import annotations

import argparse
import decimal
import hashlib
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd

from course_lib.curation.article_facts import article_fact_resources
from course_lib.curation.common import (  # shared helpers (moved into the package)
    ARTICLE, ARTICLE_FULL, ISO3_PATTERN, LIC_CC0, LIC_CC_BY, LIC_COMPILATION, LIC_FAS_OWID,  # noqa: F401
    LIC_SIPRI, LIC_UNESCO, YEAR_MAX, YEAR_MIN, CurationError, F, country_field, fail, iso3_field, num,
    readme, resource, source, write_if_changed, year_field, year_range)

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
OUT = REPO / "data"


# =====================================================================================
# Reading helpers
# =====================================================================================
def read_str_csv(path: Path) -> pd.DataFrame:
    """Read a CSV keeping every cell as the published text ('' for empty)."""
    if not path.is_file():
        fail(f"missing source file {path}")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return df.astype(object)


def whole_number_text(series: pd.Series, what: str) -> pd.Series:
    """'12.0' -> '12' (declared integers); fail if any value is not whole."""
    out = []
    for v in series:
        if v == "":
            out.append("")
            continue
        d = decimal.Decimal(v)
        if d != d.to_integral_value():
            fail(f"{what}: value {v!r} is not a whole number")
        out.append(str(int(d)))
    return pd.Series(out, index=series.index, dtype=object)


def map_names(names: pd.Series, mapping: dict[str, str | None], what: str) -> pd.Series:
    unknown = sorted(set(names) - set(mapping))
    if unknown:
        fail(f"{what}: names without an ISO3 mapping (add them to the map): {unknown}")
    return names.map(mapping)


# One explicit name -> ISO3 map shared by the OWID-derived files (OWID country names).
# None = not a country with an ISO 3166 code (aggregate or historical entity): dropped,
# and listed in the resource description.
OWID_NAMES: dict[str, str | None] = {
    "Afghanistan": "AFG", "Albania": "ALB", "Algeria": "DZA", "Andorra": "AND",
    "Angola": "AGO", "Antarctica": "ATA", "Antigua & Barbuda": "ATG", "Argentina": "ARG",
    "Armenia": "ARM", "Australia": "AUS", "Austria": "AUT", "Azerbaijan": "AZE",
    "Bahamas": "BHS", "Bahrain": "BHR", "Bangladesh": "BGD", "Barbados": "BRB",
    "Belarus": "BLR", "Belgium": "BEL", "Belize": "BLZ", "Benin": "BEN", "Bhutan": "BTN",
    "Bolivia": "BOL", "Bosnia and Herzegovina": "BIH", "Botswana": "BWA", "Brazil": "BRA",
    "Brunei": "BRN", "Bulgaria": "BGR", "Burkina Faso": "BFA", "Burundi": "BDI",
    "Cambodia": "KHM", "Cameroon": "CMR", "Canada": "CAN", "Cape Verde": "CPV",
    "Central African Republic": "CAF", "Chad": "TCD", "Chile": "CHL", "China": "CHN",
    "Colombia": "COL", "Comoros": "COM", "Congo": "COG", "Costa Rica": "CRI",
    "Cote d'Ivoire": "CIV", "Croatia": "HRV", "Cuba": "CUB", "Cyprus": "CYP",
    "Czechia": "CZE", "Democratic Republic of Congo": "COD", "Denmark": "DNK",
    "Djibouti": "DJI", "Dominica": "DMA", "Dominican Republic": "DOM", "Ecuador": "ECU",
    "Egypt": "EGY", "El Salvador": "SLV", "Equatorial Guinea": "GNQ", "Eritrea": "ERI",
    "Estonia": "EST", "Eswatini": "SWZ", "Swaziland": "SWZ", "Ethiopia": "ETH",
    "Falkland Islands": "FLK", "Federated States of Micronesia": "FSM", "Fiji": "FJI",
    "Finland": "FIN", "France": "FRA", "French Southern Territories": "ATF",
    "Gabon": "GAB", "Gambia": "GMB", "The Gambia": "GMB", "Georgia": "GEO",
    "Germany": "DEU", "Ghana": "GHA", "Greece": "GRC", "Greenland": "GRL",
    "Grenada": "GRD", "Guatemala": "GTM", "Guinea": "GIN", "Guinea-Bissau": "GNB",
    "Guyana": "GUY", "Haiti": "HTI", "Honduras": "HND", "Hungary": "HUN",
    "Iceland": "ISL", "India": "IND", "Indonesia": "IDN", "Iran": "IRN", "Iraq": "IRQ",
    "Ireland": "IRL", "Israel": "ISR", "Italy": "ITA", "Jamaica": "JAM", "Japan": "JPN",
    "Jordan": "JOR", "Kazakhstan": "KAZ", "Kenya": "KEN", "Kiribati": "KIR",
    "Kosovo": "XKX", "Kuwait": "KWT", "Kyrgyzstan": "KGZ", "Laos": "LAO",
    "Latvia": "LVA", "Lebanon": "LBN", "Lesotho": "LSO", "Liberia": "LBR", "Libya": "LBY",
    "Liechtenstein": "LIE", "Lithuania": "LTU", "Luxembourg": "LUX",
    "Macedonia": "MKD", "North Macedonia": "MKD", "Madagascar": "MDG", "Malawi": "MWI",
    "Malaysia": "MYS", "Maldives": "MDV", "Mali": "MLI", "Malta": "MLT",
    "Marshall Islands": "MHL", "Mauritania": "MRT", "Mauritius": "MUS", "Mexico": "MEX",
    "Moldova": "MDA", "Monaco": "MCO", "Mongolia": "MNG", "Montenegro": "MNE",
    "Morocco": "MAR", "Mozambique": "MOZ", "Myanmar": "MMR", "Namibia": "NAM",
    "Nauru": "NRU", "Nepal": "NPL", "Netherlands": "NLD", "New Caledonia": "NCL",
    "New Zealand": "NZL", "Nicaragua": "NIC", "Niger": "NER", "Nigeria": "NGA",
    "North Korea": "PRK", "Norway": "NOR", "Oman": "OMN", "Pakistan": "PAK",
    "Palau": "PLW", "Palestine": "PSE", "Panama": "PAN", "Papua New Guinea": "PNG",
    "Paraguay": "PRY", "Peru": "PER", "Philippines": "PHL", "Poland": "POL",
    "Portugal": "PRT", "Puerto Rico": "PRI", "Qatar": "QAT", "Romania": "ROU",
    "Russia": "RUS", "Rwanda": "RWA", "Saint Kitts and Nevis": "KNA",
    "Saint Lucia": "LCA", "Saint Vincent and the Grenadines": "VCT", "Samoa": "WSM",
    "San Marino": "SMR", "Sao Tome and Principe": "STP", "Saudi Arabia": "SAU",
    "Senegal": "SEN", "Serbia": "SRB", "Seychelles": "SYC", "Sierra Leone": "SLE",
    "Singapore": "SGP", "Slovakia": "SVK", "Slovenia": "SVN", "Solomon Islands": "SLB",
    "Somalia": "SOM", "South Africa": "ZAF", "South Korea": "KOR", "South Sudan": "SSD",
    "Spain": "ESP", "Sri Lanka": "LKA", "Sudan": "SDN", "Suriname": "SUR",
    "Sweden": "SWE", "Switzerland": "CHE", "Syria": "SYR", "Taiwan": "TWN",
    "Tajikistan": "TJK", "Tanzania": "TZA", "Thailand": "THA", "Timor": "TLS",
    "Togo": "TGO", "Tonga": "TON", "Trinidad and Tobago": "TTO", "Tunisia": "TUN",
    "Turkey": "TUR", "Turkmenistan": "TKM", "Tuvalu": "TUV", "Uganda": "UGA",
    "Ukraine": "UKR", "United Arab Emirates": "ARE", "United Kingdom": "GBR",
    "United States": "USA", "Uruguay": "URY", "Uzbekistan": "UZB", "Vanuatu": "VUT",
    "Venezuela": "VEN", "Vietnam": "VNM", "Western Sahara": "ESH", "Yemen": "YEM",
    "Zambia": "ZMB", "Zimbabwe": "ZWE",
}

# =====================================================================================
# 1. World Bank WDI
# =====================================================================================
WB_REPO, WB_COMMIT = "datasets/world-development-indicators", "4ebec5a2273f531ba238a34dbe440394dc5a6c4b"
WB_SERIES = [  # column, file code, title, unit
    ("population", "sp.pop.totl", "Population, total (SP.POP.TOTL)", "persons"),
    ("gdp_usd", "ny.gdp.mktp.cd", "GDP (NY.GDP.MKTP.CD)", "current US$"),
    ("gdp_per_capita_usd", "ny.gdp.pcap.cd", "GDP per capita (NY.GDP.PCAP.CD)", "current US$ per person"),
    ("surface_area_km2", "ag.srf.totl.k2", "Surface area incl. inland water (AG.SRF.TOTL.K2)", "km2"),
    ("land_area_km2", "ag.lnd.totl.k2", "Land area excl. inland water (AG.LND.TOTL.K2)", "km2"),
    ("merch_exports_usd", "tx.val.mrch.cd.wt", "Merchandise exports (TX.VAL.MRCH.CD.WT)", "current US$"),
    ("merch_imports_usd", "tm.val.mrch.cd.wt", "Merchandise imports (TM.VAL.MRCH.CD.WT)", "current US$"),
    ("trade_pct_gdp", "tg.val.totl.gd.zs", "Merchandise trade, exports + imports (TG.VAL.TOTL.GD.ZS)", "% of GDP"),
    ("milex_pct_gdp", "ms.mil.xpnd.gd.zs", "Military expenditure (MS.MIL.XPND.GD.ZS; from SIPRI)", "% of GDP"),
    ("milex_pct_gov_exp", "ms.mil.xpnd.zs", "Military expenditure (MS.MIL.XPND.ZS; from SIPRI)", "% of general government expenditure"),
]
# The World Bank's aggregate codes (regions, income groups, lending groups,
# demographic-dividend groups and other country groups, as in the WDI "aggregates"
# list). Everything else in WDI is an economy ("country").
WB_AGGREGATES = {
    "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU",
    "FCS", "HIC", "HPC", "IBD", "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC",
    "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "OED", "OSS", "PRE", "PSS",
    "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
    "WLD",
}
# WB economy codes that are not ISO 3166-1 alpha-3 codes.
WB_NON_ISO_ECONOMIES = {"XKX": "Kosovo (World Bank code)", "CHI": "Channel Islands (World Bank code)"}
AGGREGATE_NAME_RX = re.compile(
    r"income|IDA|IBRD|dividend|World|area|Union|states|members|Asia|Africa|America|Europe|"
    r"Arab|Caribbean|Pacific|Middle East|HIPC|classification", re.I)


def natural_earth_codes(src: Path) -> set[str]:
    gj = json.loads((src / "natural-earth-110m" / "ne_110m_admin_0_countries.geojson").read_text(encoding="utf-8"))
    codes = set()
    for f in gj["features"]:
        for k in ("ISO_A3", "ADM0_A3", "WB_A3"):
            v = f["properties"].get(k)
            if v and v != "-99":
                codes.add(v)
    return codes


def build_wb(src: Path) -> tuple[pd.DataFrame, dict]:
    folder = src / "wb-wdi"
    frames = []
    names: dict[str, str] = {}
    for col, code, _title, _unit in WB_SERIES:
        d = read_str_csv(folder / f"{code}.csv")
        if list(d.columns) != ["Country Name", "Country Code", "Year", "Value"]:
            fail(f"wb-wdi/{code}.csv: unexpected columns {list(d.columns)}")
        if d.duplicated(["Country Code", "Year"]).any():
            fail(f"wb-wdi/{code}.csv: duplicated country-years")
        for c, n in zip(d["Country Code"], d["Country Name"]):
            names.setdefault(c, n)  # first file (population) wins; later ones only fill
        d = d[d["Year"].astype(int) >= 1990]
        d = d[d["Value"] != ""]
        frames.append(d.rename(columns={"Country Code": "iso3", "Year": "year", "Value": col})
                      [["iso3", "year", col]].set_index(["iso3", "year"]))
    wide = pd.concat(frames, axis=1, join="outer").fillna("").reset_index()
    wide["year"] = wide["year"].astype(int)
    codes = set(wide["iso3"])
    ne = natural_earth_codes(src)
    # classification checks (see the resource description for the rule)
    bad = sorted(WB_AGGREGATES & ne)
    if bad:
        fail(f"WB aggregate codes found among Natural Earth country codes: {bad}")
    for c in sorted(codes - WB_AGGREGATES - ne):
        if c in WB_NON_ISO_ECONOMIES:
            continue
        if AGGREGATE_NAME_RX.search(names[c]) and c not in {"FSM", "ASM"}:
            # small economies not on the 110m map must not look like groups
            fail(f"WB code {c} ({names[c]}) is not on the aggregate list but looks like one")
    wide["kind"] = ["aggregate" if c in WB_AGGREGATES else "country" for c in wide["iso3"]]
    wide["country"] = wide["iso3"].map(names)
    # cross-check: countries' population 2017 vs World
    p17 = wide[(wide.year == 2017) & (wide.population != "")]
    world = float(p17.loc[p17.iso3 == "WLD", "population"].iloc[0])
    total = p17.loc[p17.kind == "country", "population"].astype(float).sum()
    if abs(total / world - 1) > 0.01:
        fail(f"sum of countries' population 2017 {total:,.0f} is not within 1% of WLD {world:,.0f}")
    info = {"pop_ratio_2017": total / world, "n_countries": int((wide.drop_duplicates('iso3').kind == 'country').sum()),
            "n_aggregates": int((wide.drop_duplicates('iso3').kind == 'aggregate').sum()),
            "not_on_map": sorted(codes - WB_AGGREGATES - ne)}
    wide = wide.sort_values(["iso3", "year"], kind="mergesort")
    cols = ["iso3", "country", "kind", "year"] + [c for c, *_ in WB_SERIES]
    return wide[cols], info


# =====================================================================================
# 2. UNESCO World Heritage
# =====================================================================================
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


def build_whc(src: Path, valid_codes: set[str]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    w = read_str_csv(src / "unesco-whc" / "whc-sites-2021.csv")
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
    if n2017 != 1073:
        fail(f"whc: {n2017} properties on the List at the end of 2017, expected 1073")
    long = [{"id_no": r.id_no, "iso3": c} for r in df.itertuples() for c in r.states_iso3.split(";") if c]
    states = pd.DataFrame(long).sort_values(["id_no", "iso3"], kind="mergesort")
    df["id_no"] = df["id_no"].astype(str)
    states["id_no"] = states["id_no"].astype(str)
    cols = ["id_no", "name", "year_inscribed", "category", "states_iso3", "n_states", "transboundary",
            "region", "latitude", "longitude", "danger", "year_removed"]
    return df[cols], states, {"n2017": n2017, "rows_export": len(w), "odd_codes": sorted(odd_codes)}


# =====================================================================================
# 3./4. Nuclear weapons (FAS stockpiles; OWID/Bleek status)
# =====================================================================================
OWID_NB_REPO, OWID_NB_COMMIT = "owid/notebooks", "44f3529de0c78ef5ffeb7937dcd8fd657f21ab75"
FAS_PATH = "BastianHerre/nuclear_weapons/Federation of American Scientists (2023) nuclear weapons inventories/nuclear_weapons_stockpiles.csv"
STATUS_PATH = ("BastianHerre/nuclear_weapons/OWID based on Bleek (2017), Nuclear Threat Initiative (2022) "
               "nuclear weapons proliferation/nuclear_weapons_proliferation_owid.csv")
STATUS_LABELS = {"0": "no consideration", "1": "considering", "2": "pursuing", "3": "possessing"}
STATUS_DROPPED = ["Abkhazia", "German Democratic Republic", "Republic of Vietnam", "South Ossetia",
                  "South Yemen", "Tibet", "Zanzibar"]


def build_warheads(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / "owid-nuclear-weapons" / "nuclear_weapons_stockpiles.csv")
    d["country"] = d["country_name"].str.replace(r"\s+", " ", regex=True).str.strip()
    fixed = sorted(set(d.loc[d.country != d.country_name, "country_name"]))
    d = d[d.country != "World"].copy()
    d["iso3"] = map_names(d["country"], OWID_NAMES, "FAS stockpiles")
    d["warheads"] = whole_number_text(d["nuclear_weapons_stockpile"], "FAS warheads")
    d["year"] = d["year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "warheads"]], {"fixed_names": fixed}


def build_status(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / "owid-nuclear-weapons" / "nuclear_weapons_proliferation_owid.csv")
    mapping = dict(OWID_NAMES, **{n: None for n in STATUS_DROPPED})
    d["iso3"] = map_names(d["country_name"], mapping, "nuclear status")
    dropped = sorted(set(d.loc[d.iso3.isna(), "country_name"]))
    d = d[d.iso3.notna()].copy()
    if d.duplicated(["iso3", "year"]).any():
        fail("nuclear status: two names map to one iso3-year")
    bad = set(d.nuclear_weapons_status) - set(STATUS_LABELS)
    if bad:
        fail(f"nuclear status: unknown codes {bad}")
    d["status_label"] = d.nuclear_weapons_status.map(STATUS_LABELS)
    d = d.rename(columns={"country_name": "country", "nuclear_weapons_status": "status"})
    d["year"] = d["year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "status", "status_label"]], {"dropped": dropped}


# =====================================================================================
# 5. UCDP
# =====================================================================================
UCDP_AGGREGATES = ["World", "Africa", "Americas", "Asia", "Europe", "Middle East"]
UCDP_NO_ISO = ["Northern Cyprus"]  # no ISO 3166 code; all values are zero in this file
VIOLENCE = {"State-based conflict": "state_based", "Non-state conflict": "non_state",
            "One-sided violence": "one_sided", "All types of organised violence": "all"}
GED191_EXTRA = {"Yemen Arab Republic": "YEM"}  # UCDP's name for Yemen (North Yemen, continued as Yemen)


def build_ged211(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / "ucdp-conflict" / "ucdp_ged211_deaths_by_country_violence_type_owid_draft.csv")
    n_raw = len(d)
    dup_full = int(d.duplicated().sum())
    dup_entities = sorted(set(d.loc[d.duplicated(keep=False), "entity"]))
    d = d.drop_duplicates()
    if d.duplicated(["entity", "year", "type_of_violence"]).any():
        fail("ged211: conflicting duplicated rows (same key, different values)")
    mapping = dict(OWID_NAMES, **{n: None for n in UCDP_AGGREGATES + UCDP_NO_ISO})
    d["iso3"] = map_names(d["entity"], mapping, "UCDP GED 21.1")
    for n in UCDP_NO_ISO:
        vals = d.loc[d.entity == n, ["best", "low_amend", "high_amend"]].astype(float)
        if (vals != 0).any().any():
            fail(f"ged211: {n} has non-zero deaths; decide how to keep it")
    # check: countries sum to World (after removing duplicate rows)
    dd = d.copy()
    dd["b"] = dd.best.astype(float)
    w = dd[dd.entity == "World"].set_index(["year", "type_of_violence"]).b
    c = dd[dd.iso3.notna()].groupby(["year", "type_of_violence"]).b.sum()
    diff = (w - c).max()
    if (w - c).min() < 0:
        fail("ged211: countries sum to more than World somewhere")
    w2017 = float(w.loc[("2017", "All types of organised violence")])
    c2017 = float(c.loc[("2017", "All types of organised violence")])
    d = d[d.iso3.notna()].copy()
    bad = set(d.type_of_violence) - set(VIOLENCE)
    if bad:
        fail(f"ged211: unknown violence types {bad}")
    d["type_of_violence"] = d.type_of_violence.map(VIOLENCE)
    for col, new in [("best", "deaths_best"), ("low_amend", "deaths_low"), ("high_amend", "deaths_high"),
                     ("number_of_conflicts", "n_conflicts")]:
        d[new] = whole_number_text(d[col], f"ged211 {col}")
    d = d.rename(columns={"entity": "country"})
    d["year"] = d["year"].astype(int)
    order = {v: i for i, v in enumerate(["state_based", "non_state", "one_sided", "all"])}
    d["_o"] = d.type_of_violence.map(order)
    d = d.sort_values(["iso3", "year", "_o"], kind="mergesort")
    cols = ["iso3", "country", "year", "type_of_violence", "deaths_best", "deaths_low", "deaths_high", "n_conflicts"]
    return d[cols], {"rows_raw": n_raw, "dup_full": dup_full, "dup_entities": dup_entities,
                     "world_minus_countries_max": float(diff), "w2017": w2017, "c2017": c2017}


def build_ged191(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / "ucdp-conflict" / "ucdp_ged191_conflict_deaths_by_country_owid2019.csv")
    val = "Violent deaths in conflicts and one-sided violence (UCDP 2019)"
    if list(d.columns) != ["Entity", "Year", val]:
        fail(f"ged191: unexpected columns {list(d.columns)}")
    d["iso3"] = map_names(d["Entity"], dict(OWID_NAMES, **GED191_EXTRA), "UCDP GED 19.1")
    if d.duplicated(["iso3", "Year"]).any():
        fail("ged191: duplicated iso3-year")
    d["deaths"] = whole_number_text(d[val], "ged191 deaths")
    d = d.rename(columns={"Entity": "country", "Year": "year"})
    d["year"] = d["year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "deaths"]], {"syria_present": "Syria" in set(d.country)}


# =====================================================================================
# 6. SIPRI
# =====================================================================================
SIPRI_AGGREGATES = ["Africa", "Asia", "Europe", "NATO members", "North America", "Oceania",
                    "South America", "World"]
SIPRI_HISTORICAL = ["Czechoslovakia"]


def build_sipri(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / "sipri-milex" / "sipri_military_expenditure_owid2022.csv")
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


# =====================================================================================
# 7./8./13. Facts tables, source keys
# =====================================================================================
def parse_source_keys(facts_md: Path) -> pd.DataFrame:
    text = facts_md.read_text(encoding="utf-8")
    m = re.search(r"^## Sources.*?$(.*)", text, flags=re.M | re.S)
    if not m:
        fail("FACTS.md: no '## Sources' section")
    body = m.group(1)
    items, cur = [], None
    for line in body.splitlines():
        if line.startswith("* **"):
            if cur:
                items.append(cur)
            cur = line[2:].strip()
        elif cur is not None and line.startswith("  ") and line.strip():
            cur += " " + line.strip()
        elif cur is not None:
            items.append(cur)
            cur = None
    if cur:
        items.append(cur)
    rows = []
    for it in items:
        mm = re.match(r"\*\*([A-Za-z0-9_]+)\*\*\s+—\s+(.*)$", it)
        if not mm:
            fail(f"FACTS.md: cannot parse source item {it[:60]!r}")
        key, rest = mm.groups()
        urls = re.findall(r"(https?://\S+)\s*$", rest)
        url = urls[0] if urls else ""
        citation = rest[: len(rest) - len(url)].strip() if url else rest.strip()
        citation = citation.replace("*", "")
        citation = re.sub(r"\s+", " ", citation).strip()
        rows.append({"key": key, "citation": citation, "url": url})
    df = pd.DataFrame(rows)
    if df.key.duplicated().any():
        fail(f"FACTS.md: duplicated source keys {sorted(df.key[df.key.duplicated()])}")
    return df.sort_values("key", kind="mergesort")


def keys_used(series: pd.Series) -> set[str]:
    out = set()
    for v in series:
        out |= {k.strip() for k in v.split(";") if k.strip()}
    return out


# =====================================================================================
# 9.-12. Facts typed from the article outline
# =====================================================================================

# =====================================================================================
# 14. Natural Earth
# =====================================================================================
NE_REPO, NE_COMMIT = "martynafford/natural-earth-geojson", "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
# Natural Earth ADM0_A3 codes that are not the ISO code of the same territory.
NE_TO_ISO = {"KOS": "XKX", "PSX": "PSE", "SAH": "ESH", "SDS": "SSD"}


def ne_iso3(p: dict) -> str:
    if p["ISO_A3"] and p["ISO_A3"] != "-99":
        return p["ISO_A3"]
    return NE_TO_ISO.get(p["ADM0_A3"], p["ADM0_A3"])


def build_ne(src: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    path = src / "natural-earth-110m" / "ne_110m_admin_0_countries.geojson"
    gj = json.loads(path.read_text(encoding="utf-8"), parse_float=decimal.Decimal)
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



# =====================================================================================
# Main
# =====================================================================================
def build(src: Path, facts: Path, outline: Path | None) -> tuple[dict, dict[str, bytes], dict]:
    notes: dict = {}
    resources: list[dict] = []
    files: dict[str, bytes] = {}

    def add(res_and_data, df):
        res, data = res_and_data
        res["_years"] = year_range(df)
        resources.append(res)
        files[res["path"]] = data

    # ---------------------------------------------------------------- wb_indicators
    wb, info = build_wb(src)
    notes["wb_indicators"] = info
    wb_sources = [source(f"World Development Indicators: {t}", "World Bank", WB_REPO, WB_COMMIT,
                         f"indicators/{code}/data.csv") for _c, code, t, _u in WB_SERIES]
    wb_fields = [
        F("iso3", "string", "Code", "ISO 3166-1 alpha-3 code for economies (World Bank codes XKX = Kosovo and "
          "CHI = Channel Islands are not ISO codes); World Bank aggregate code for groups (WLD = World)",
          required=True, pattern=ISO3_PATTERN),
        F("country", "string", "Name", "World Bank name of the economy or aggregate", required=True),
        F("kind", "string", "Kind", "'country' for an economy, 'aggregate' for a World Bank group (incl. WLD)",
          required=True, enum=["country", "aggregate"]),
        year_field(),
    ] + [num(c, t, u, f"World Bank WDI {code}, as published") for c, code, t, u in WB_SERIES]
    add(resource(
        "wb_indicators", wb, "World Bank indicators by economy and year, 1990 onward",
        f"""
Ten World Development Indicators for every economy and World Bank aggregate, 1990 onward, from one
vintage (the `datasets/world-development-indicators` copy of 2026-07-01). Values are copied exactly as
published; an empty cell means the World Bank publishes no value.

* **Countries and aggregates are mixed**: filter `kind == "country"` before summing. Rule used: a code is
  an aggregate if it is on the World Bank's list of aggregate codes (regions, income, lending and
  demographic-dividend groups, EU, euro area, OECD, small states, World = `WLD`; the list is in the
  script). The script checks that no aggregate code is a Natural Earth country code and that every
  other code that is not on the Natural Earth 1:110m map ({len(info['not_on_map'])} small economies,
  e.g. Singapore, Bahrain, Maldives, Hong Kong, Kosovo `XKX`, Channel Islands `CHI`) is a single
  economy. Cross-check: the countries' population in 2017 sums to {info['pop_ratio_2017'] * 100:.2f} % of `WLD`.
* This vintage is newer than the article (2017): figures for 2017 have been revised since.
* `gdp_usd`, trade values: current US$ at market exchange rates (not inflation-adjusted).
* `trade_pct_gdp` is **merchandise** trade (goods only), exports + imports, as % of GDP.
* Military expenditure series come from SIPRI via the World Bank and have gaps (e.g. Uzbekistan,
  Tajikistan 2013).
""", wb_sources, [LIC_CC_BY],
        "World Bank, World Development Indicators (indicators SP.POP.TOTL, NY.GDP.MKTP.CD, NY.GDP.PCAP.CD, "
        "AG.SRF.TOTL.K2, AG.LND.TOTL.K2, TX.VAL.MRCH.CD.WT, TM.VAL.MRCH.CD.WT, TG.VAL.TOTL.GD.ZS, "
        "MS.MIL.XPND.GD.ZS, MS.MIL.XPND.ZS), vintage of 2026-07-01 via datasets/world-development-indicators. "
        "CC BY 4.0.",
        wb_fields, ["iso3", "year"]), wb)

    # ---------------------------------------------------------------- world heritage
    valid = set(wb.iso3[wb.kind == "country"]) | natural_earth_codes(src)
    whc, whc_states, info = build_whc(src, valid)
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

    # ---------------------------------------------------------------- nuclear
    wh, info = build_warheads(src)
    notes["nuclear_warheads"] = info
    add(resource(
        "nuclear_warheads", wh, "Nuclear warheads in military stockpiles by country and year (FAS)",
        """
Estimated nuclear warheads in each country's military stockpile, 1945-2023 (Federation of American
Scientists, *Status of World Nuclear Forces* 2023, as compiled by Our World in Data). Rows are kept as
published, including explicit zeros (e.g. years before a country's first weapon; South Africa after it
dismantled its arsenal).

* The source's **World** row is dropped: it is the FAS *total inventory* (including retired warheads
  awaiting dismantlement), not the sum of the country stockpiles (2017: 14,550 vs 9,282). Sum the countries.
* The source spells North Korea with two spaces ("North  Korea"); fixed.
* Estimates are rounded and revised between editions; for North Korea in 2017 FAS and the Bulletin of the
  Atomic Scientists disagree (15 vs 0). Figures for Israel are estimates for an undeclared arsenal.
""",
        [source("Status of World Nuclear Forces (2023), nuclear weapons stockpiles, as compiled by Our World in Data",
                "Federation of American Scientists (Kristensen, Korda, Reynolds, Norris); Our World in Data",
                OWID_NB_REPO, OWID_NB_COMMIT, FAS_PATH)],
        [LIC_FAS_OWID],
        "Kristensen, H. M., Korda, M., Reynolds, E., Norris, R. S. (2023). Status of World Nuclear Forces. "
        "Federation of American Scientists; data compiled by Our World in Data.",
        [iso3_field(), country_field(), year_field(),
         num("warheads", "Warheads", "warheads", "Estimated warheads in the military stockpile", integer=True)],
        ["iso3", "year"]), wh)

    st, info = build_status(src)
    notes["nuclear_status"] = info
    add(resource(
        "nuclear_status", st, "Nuclear weapons status by country and year (Bleek 2017 / NTI, via OWID)",
        f"""
Each country's nuclear-weapons status per year, 1938-2022: 0 = no consideration, 1 = considering,
2 = pursuing, 3 = possessing (Our World in Data, based on Bleek 2017 and the Nuclear Threat Initiative 2022).
In 2017 nine states are "possessing".

* Country names are OWID's; they are mapped to ISO3 with an explicit map in the script. Entities without an
  ISO 3166 code are dropped: {", ".join(info['dropped'])}.
* A name stands for the state of that time on OWID's coding: e.g. "Russia" covers the Soviet Union before
  1991, "Serbia" covers Yugoslavia; "Kosovo" has the World Bank code XKX and Taiwan TWN.
""",
        [source("Nuclear weapons proliferation (based on Bleek 2017 and NTI 2022)",
                "Our World in Data (Bastian Herre); Philipp C. Bleek; Nuclear Threat Initiative",
                OWID_NB_REPO, OWID_NB_COMMIT, STATUS_PATH)],
        [LIC_FAS_OWID],
        "Our World in Data based on Bleek, P. C. (2017), \"When Did (and Didn't) States Proliferate?\", and "
        "Nuclear Threat Initiative (2022).",
        [iso3_field(), country_field("Country name as published by OWID"), year_field(),
         F("status", "integer", "Status code", "0 no consideration, 1 considering, 2 pursuing, 3 possessing",
           required=True, minimum=0, maximum=3),
         F("status_label", "string", "Status", "Label of the status code", required=True,
           enum=list(STATUS_LABELS.values()))],
        ["iso3", "year"]), st)

    # ---------------------------------------------------------------- UCDP
    g21, info = build_ged211(src)
    notes["ucdp_deaths"] = info
    ucdp_lic = [LIC_CC_BY]
    add(resource(
        "ucdp_deaths", g21, "Deaths in organised violence by country, year and type (UCDP GED 21.1, draft)",
        f"""
Deaths in organised violence per country (on fixed, present-day Natural Earth borders), year (1989-2022)
and type of violence: `state_based` (state-based armed conflict), `non_state` (non-state conflict),
`one_sided` (deliberate killing of civilians by a government or organised group, the closest open proxy
for terrorism, though not the same concept) and `all`. Best, low and high estimates and the number of
conflicts/actors with deaths. Zeros are explicit.

* **Draft caveat:** this is an Our World in Data working pipeline (author: Joe Hasell) that OWID never
  published; its README calls it a draft. Treat it as teaching material, not an official UCDP release.
* **2021-2022 rely on UCDP Candidate Events** (monthly, unverified data); GED 21.1 itself ends in 2020.
* The six regional/World aggregates are dropped (sum the countries yourself); "Northern Cyprus" (no ISO
  code, all zeros) is dropped too. Country names are OWID's, mapped to ISO3 with an explicit map.
* The source repeats every Somalia row twice ({info['dup_full']} exact duplicate rows); duplicates removed.
* **Countries do not add up to the source's World row**: in every year-type the country rows sum to less
  than World (e.g. 2017, all types: {info['w2017']:,.0f} World vs {info['c2017']:,.0f} summed over countries),
  because some events are assigned to no country in this pipeline (largest gap 1996: {info['world_minus_countries_max']:,.0f}
  deaths). The six regional totals do add up to World. Use country sums only with this caveat.
* Includes Syria (unlike `ucdp_deaths_ged191`).
""",
        [source("UCDP Georeferenced Event Dataset 21.1 and UCDP Candidate Events, aggregated by country, year "
                "and type of violence (OWID draft)",
                "Uppsala Conflict Data Program; Our World in Data (Joe Hasell)",
                "owid/notebooks", "10907ed6e367ee8402fb3fffd96865a9d1715f1f",
                "JoeHasell/UCDP and PRIO/UCDP_georeferenced/data/output/ucdp_geolocated_data.csv.gz")],
        ucdp_lic,
        "Sundberg, R. & Melander, E. (2013), Introducing the UCDP Georeferenced Event Dataset, Journal of Peace "
        "Research 50(4); UCDP GED 21.1 and UCDP Candidate Events; aggregated by Our World in Data (draft).",
        [iso3_field(), country_field("Country name as used by OWID"), year_field(),
         F("type_of_violence", "string", "Type of violence", "state_based, non_state, one_sided or all",
           required=True, enum=["state_based", "non_state", "one_sided", "all"]),
         num("deaths_best", "Deaths (best estimate)", "deaths", "UCDP best estimate", integer=True),
         num("deaths_low", "Deaths (low estimate)", "deaths", "UCDP low estimate", integer=True),
         num("deaths_high", "Deaths (high estimate)", "deaths", "UCDP high estimate", integer=True),
         num("n_conflicts", "Number of conflicts", "conflicts", "Distinct conflicts/actors with deaths",
             integer=True)],
        ["iso3", "year", "type_of_violence"]), g21)

    g19, info = build_ged191(src)
    notes["ucdp_deaths_ged191"] = info
    add(resource(
        "ucdp_deaths_ged191", g19, "Deaths in conflicts and one-sided violence by country and year (UCDP GED 19.1)",
        """
Deaths in state-based, non-state and one-sided violence per country and year, 1989-2018 (sum of UCDP
"best" estimates, UCDP GED 19.1 as aggregated by Our World in Data in 2019).

* **Syria is excluded** by the source (OWID): do not read its absence as peace.
* Only country-years with recorded events appear: **absent = no recorded deaths**, not missing data.
* Countries follow UCDP's coding of the country where the events took place. OWID names are mapped to ISO3
  with an explicit map; "Yemen Arab Republic" (UCDP's name for Yemen, North Yemen before 1990) is `YEM`
  and "Macedonia" is `MKD`.
""",
        [source("Conflict deaths by country - UCDP (2019)", "Uppsala Conflict Data Program; Our World in Data",
                "owid/owid-datasets", "48c9992ae317b35ed327fc36d2af75fe8b3ef7ed",
                "datasets/Conflict deaths by country – UCDP (2019)/Conflict deaths by country – UCDP (2019).csv")],
        ucdp_lic,
        "UCDP Georeferenced Event Dataset (GED) Global version 19.1 (Sundberg & Melander 2013, Journal of Peace "
        "Research 50(4)), aggregated by Our World in Data (2019).",
        [iso3_field(), country_field("Country name as used by OWID"), year_field(),
         num("deaths", "Deaths", "deaths", "Deaths in all types of organised violence (UCDP best estimate)",
             integer=True)],
        ["iso3", "year"]), g19)

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

    # ---------------------------------------------------------------- facts
    sk = parse_source_keys(facts / "FACTS.md")
    facts_src = [source("Hand-curated fact tables of the SCO course (FACTS.md, sources per row)",
                        "SCO course (compiled 2026-11-28 from stored public pages)")]
    mem = read_str_csv(facts / "sco_membership.csv")
    orgs = read_str_csv(facts / "regional_organizations.csv")
    uno = read_str_csv(facts / "unodc_opiate_seizures.csv")
    used = keys_used(mem.source) | keys_used(orgs.source) | keys_used(uno.source)
    missing = sorted(used - set(sk.key))
    if missing:
        fail(f"source keys used in facts tables but not defined in FACTS.md: {missing}")
    notes["source_keys"] = {"defined": len(sk), "used": len(used)}
    date_pat = r"\d{4}(-\d{2}-\d{2})?"
    add(resource(
        "sco_membership", mem, "SCO membership, observers and dialogue partners with dates (course compilation)",
        """
Who belonged to the SCO (and its predecessor, the Shanghai Five) in which role and when, one row per
country and status, with the summit or act that conferred it and the source keys (see `source_keys`).
Copied unchanged from the course's hand-curated fact table.

* `status == "member"` for SCO members; `shanghai_five` rows (1996-2001) describe the predecessor mechanism.
* Dates are text: `YYYY-MM-DD` where a source fixes the day, else `YYYY`. An empty `end_date` = ongoing. A
  status change ends one row and starts the next on the same date.
* Flags and unverified items are in `note` (e.g. Bahrain's memorandum date not verified; Laos 2025).
* The Tianjin summit (2025-09-01) merged "observer" and "dialogue partner" into "SCO partner"; rows keep
  the old statuses.
""", facts_src, [LIC_COMPILATION],
        "SCO course, SCO membership table (compiled from the sources cited per row; see source_keys).",
        [iso3_field(), F("country", "string", "Country", "Short English name", required=True),
         F("status", "string", "Status", "Role in the SCO", required=True,
           enum=["shanghai_five", "member", "observer", "dialogue_partner"]),
         F("start_date", "string", "Start", "YYYY-MM-DD or YYYY", required=True, pattern=date_pat),
         F("end_date", "string", "End", "YYYY-MM-DD or YYYY; empty if ongoing", pattern=date_pat),
         F("event", "string", "Event", "Summit or act that conferred the status"),
         F("source", "string", "Sources", "Source keys, ';'-separated (see source_keys)", required=True),
         F("note", "string", "Note", "Flags, alternative dates, unverified items")],
        ["iso3", "status", "start_date"]), mem.assign(year=mem.start_date.str[:4]))
    add(resource(
        "regional_organizations", orgs, "Members of other regional organizations (course compilation)",
        """
Members of eleven regional organizations (EU, AU, ASEAN, SAARC, OAS, LAS, CIS, EAEU, CSTO, GCC, ECO) with the
year they joined and left, for comparing the SCO with other regional bodies. Copied unchanged from the
course's hand-curated fact table; source keys per row (see `source_keys`).

* Members in June 2017: `status == "member"`, `joined <= 2017`, `left` empty or `> 2017`.
* What "joined" means differs by organization (e.g. AU 2002 = the AU's creation, OAU membership carried
  over); see `note`. The CSTO row for Uzbekistan (2006-2012) is not verified; Georgia's CIS joining year is
  unknown (empty).
""", facts_src, [LIC_COMPILATION],
        "SCO course, regional organizations membership table (compiled from the sources cited per row; see "
        "source_keys).",
        [F("org", "string", "Organization", "Short name", required=True,
           enum=sorted(set(orgs.org))),
         F("org_name", "string", "Organization name", "Full name", required=True),
         iso3_field(),
         year_field("Joined", "Year of joining (see note)", required=False, name="joined"),
         year_field("Left", "Year membership ended; empty if ongoing", required=False, name="left"),
         F("source", "string", "Sources", "Source keys, ';'-separated (see source_keys)", required=True),
         F("status", "string", "Status", "member, associate_member or participating_non_member", required=True,
           enum=["member", "associate_member", "participating_non_member"]),
         F("note", "string", "Note", "Suspensions, exact dates, caveats")],
        ["org", "iso3"]), orgs.assign(year=orgs.joined))
    add(resource(
        "unodc_seizures", uno, "Opiate seizures (UNODC World Drug Reports, course compilation)",
        """
Seizures of heroin, morphine and opium (tonnes, bulk weight) worldwide and for a few countries, typed from
UNODC World Drug Reports and reports quoting them; one source key per row (see `source_keys`). Copied
unchanged from the course's hand-curated fact table.

* **Gaps are kept visible**: no global values for 2010-2012, 2014, 2015, 2017 and 2019, and no country heroin
  seizures for 2012-2016 were found. Derived values (e.g. an implied 2017 total) appear only in `note`,
  never in `tonnes`.
* Some labels are uncertain (2013 heroin/morphine read from a garbled graphic) and some rows come from
  secondary sites; see `note`. `area` is an ISO3 code or `WORLD`.
""", facts_src, [LIC_COMPILATION],
        "SCO course, UNODC opiate seizures table (compiled from World Drug Reports and the sources cited per row; "
        "see source_keys).",
        [year_field("Year", "Data year of the seizures (not the report year)"),
         F("area", "string", "Area", "ISO 3166-1 alpha-3 code or WORLD", required=True,
           pattern="[A-Z]{3}|WORLD"),
         F("drug", "string", "Drug", "heroin, morphine, opium, heroin_and_morphine, opiates_heroin_equivalent",
           required=True, enum=["heroin", "morphine", "opium", "heroin_and_morphine", "opiates_heroin_equivalent"]),
         num("tonnes", "Seized", "tonnes", "Metric tons, bulk weight as reported"),
         F("source", "string", "Source", "Source key (see source_keys)", required=True),
         F("note", "string", "Note", "Caveats, cross-checks, uncertainty flags")],
        ["year", "area", "drug"]), uno)
    add(resource(
        "source_keys", sk, "Source keys of the course's fact tables (key -> citation)",
        f"""
Full citation and stored URL for every source key used in `sco_membership`, `regional_organizations` and
`unodc_seizures` (parsed from the "Sources" section of the fact tables' documentation, FACTS.md).
{len(sk)} keys are defined; {len(used)} of them appear in a `source` column, the others are cited in notes
(e.g. the SCO Secretary-General's statements on heroin seizures, 24KG_2017 and SECTSCO_2018). URLs are the
addresses of the stored copies that were read, some of them mirrors. For {int((sk.citation == "").sum())} keys FACTS.md
gives only a URL; their `citation` is empty (no citation is invented).
""", facts_src, [LIC_COMPILATION], "SCO course, source keys of the fact tables (FACTS.md).",
        [F("key", "string", "Key", "Source key as used in the fact tables", required=True, unique=True,
           pattern="[A-Za-z0-9_]+"),
         F("citation", "string", "Citation", "Full citation (empty where FACTS.md gives only a URL)"),
         F("url", "string", "URL", "Address of the stored copy")],
        ["key"]), sk)

    # ---------------------------------------------------------------- article facts
    for res_and_data, df in article_fact_resources(outline):
        add(res_and_data, df)

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
    pkg = {
        "name": "sco-course-data",
        "title": "Security by Prevention? The SCO in data: course datasets",
        "description": (
            "Tidy tables curated for the course from open sources (World Bank, UNESCO, FAS, Our World in Data, "
            "UCDP, SIPRI, Natural Earth) and small fact tables compiled by the course with a citation per row. "
            "CSV conventions: UTF-8, comma, one header row, LF line endings, empty cell = no value, ISO 3166 "
            "alpha-3 codes in `iso3`, integer years in `year`, booleans as true/false. Numbers are copied as "
            "published; gaps stay gaps. Generated by tools/curate_data.py."),
        "version": "1.0.0",
        "licenses": [{"name": "CC-BY-4.0", "title": "CC BY 4.0 for the course's compilation and metadata; each "
                      "resource states the licence of its source", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }
    return pkg, files, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=SHARED_DATA / "sources",
                    help="folder holding the raw sources (default: ../shared/data/sources)")
    ap.add_argument("--facts", type=Path, default=None, help="folder of the fact tables (default: <sources>/../facts)")
    ap.add_argument("--outline", type=Path, default=None,
                    help="ARTICLE_OUTLINE.md used to check document titles (default: <sources>/../../ARTICLE_OUTLINE.md)")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default: data/)")
    ap.add_argument("--no-validate", action="store_true", help="skip the frictionless validation")
    args = ap.parse_args(argv)
    src = args.sources.resolve()
    facts = (args.facts or src.parent / "facts").resolve()
    outline = (args.outline or src.parent.parent / "ARTICLE_OUTLINE.md").resolve()
    if not src.is_dir():
        print(f"error: sources folder {src} not found", file=sys.stderr)
        return 2
    try:
        pkg, files, notes = build(src, facts, outline)
    except CurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    for res in pkg["resources"]:
        data = files[res["path"]]
        res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
        res["bytes"] = len(data)
        write_if_changed(out / res["path"], data)
    stale = sorted(p.name for p in out.glob("*.csv") if p.name not in files)
    for name in stale:
        (out / name).unlink()
    years = {r["name"]: r.pop("_years") for r in pkg["resources"]}
    pkg_bytes = (json.dumps(pkg, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    write_if_changed(out / "datapackage.json", pkg_bytes)
    for r in pkg["resources"]:
        r["_years"] = years[r["name"]]
    write_if_changed(out / "README.md", readme(pkg).encode("utf-8"))

    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"{'resource':26} {'rows':>7} {'years':>10} {'kB':>8}")
    for r in pkg["resources"]:
        print(f"{r['name']:26} {r['rows']:>7} {years[r['name']]:>10} {r['bytes'] / 1024:>8.1f}")
    print(f"total data/ {total / 1024:.1f} kB")
    if stale:
        print(f"removed stale files: {stale}")
    print("checks:", json.dumps(notes, ensure_ascii=False, default=str))
    if total > 10 * 1024 * 1024:
        print("error: data/ is above 10 MB", file=sys.stderr)
        return 1
    if not args.no_validate:
        return validate(out / "datapackage.json")
    return 0


def validate(descriptor: Path) -> int:
    """Validate with frictionless (CLI next to this interpreter, else the Python API)."""
    exe = Path(sys.executable).with_name("frictionless")
    if exe.exists():
        proc = subprocess.run([str(exe), "validate", str(descriptor)], capture_output=True, text=True,
                              cwd=descriptor.parent)
        tail = (proc.stdout + proc.stderr).strip().splitlines()
        print("\n".join(tail[-40:]))
        return 0 if proc.returncode == 0 else 1
    try:
        from frictionless import validate as fl_validate
    except ImportError:
        print("frictionless not installed: validation skipped")
        return 0
    report = fl_validate(str(descriptor))
    print("frictionless valid:", report.valid)
    return 0 if report.valid else 1


if __name__ == "__main__":
    sys.exit(main())
