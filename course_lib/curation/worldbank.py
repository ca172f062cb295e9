"""World Bank World Development Indicators -> ``wb_indicators`` (one row per economy or
aggregate and year, 1990 onward, one column per indicator).

Source folder ``wb-wdi/``: one file per indicator of ``WB_SERIES``, in any of the
layouts :mod:`course_lib.curation.worldbank_formats` reads (the long CSV of
``datasets/world-development-indicators``, the World Bank's bulk CSV or zip from the
indicator page, or the JSON pages of its API).

Rules: values are copied as published (the text of each value, never re-rounded);
gaps stay gaps (no value -> empty cell, no interpolation); aggregates are kept and
flagged ``kind == "aggregate"`` by an explicit list (``WB_AGGREGATES``), checked against
the Natural Earth country codes; the countries' population in 2017 must add up to
within 1 % of ``WLD``; rows sorted by code and year (deterministic).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .codes import WB_AGGREGATES, WB_NON_ISO_ECONOMIES  # noqa: F401 (read from here too)
from .common import ISO3_PATTERN, LIC_CC_BY, F, fail, num, resource, source, year_field
from .natural_earth import natural_earth_codes
from .worldbank_formats import read_indicator

WB_REPO = "datasets/world-development-indicators"  # commit and date: from wb-wdi/SOURCE.md
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
AGGREGATE_NAME_RX = re.compile(
    r"income|IDA|IBRD|dividend|World|area|Union|states|members|Asia|Africa|America|Europe|"
    r"Arab|Caribbean|Pacific|Middle East|HIPC|classification", re.I)


def build_wb(src: Path, ne_codes: set[str] | None = None) -> tuple[pd.DataFrame, dict]:
    folder = src / "wb-wdi"
    frames = []
    names: dict[str, str] = {}
    formats: dict[str, dict] = {}
    paths: dict[str, Path] = {}
    name_from: dict[str, Path] = {}
    for col, code, _title, _unit in WB_SERIES:
        d, path, formats[code] = read_indicator(folder, code)
        paths[col] = path
        if d.duplicated(["Country Code", "Year"]).any():
            fail(f"{path}: duplicated country-years")
        for c, n in zip(d["Country Code"], d["Country Name"]):
            names.setdefault(c, n)  # first file (population) wins; later ones only fill
            name_from.setdefault(c, path)
        d = d[d["Year"].astype(int) >= 1990]
        d = d[d["Value"] != ""]
        frames.append(d.rename(columns={"Country Code": "iso3", "Year": "year", "Value": col})
                      [["iso3", "year", col]].set_index(["iso3", "year"]))
    wide = pd.concat(frames, axis=1, join="outer").fillna("").reset_index()
    wide["year"] = wide["year"].astype(int)
    codes = set(wide["iso3"])
    ne = natural_earth_codes(src) if ne_codes is None else ne_codes
    # classification checks (see the resource description for the rule)
    bad = sorted(WB_AGGREGATES & ne)
    if bad:
        fail(f"WB aggregate codes found among Natural Earth country codes: {bad}")
    for c in sorted(codes - WB_AGGREGATES - ne):
        if c in WB_NON_ISO_ECONOMIES:
            continue
        if AGGREGATE_NAME_RX.search(names[c]) and c not in {"FSM", "ASM"}:
            # small economies not on the 110m map must not look like groups
            fail(f"{name_from[c]}: WB code {c} ({names[c]}) is not on the aggregate list but looks like one")
    wide["kind"] = ["aggregate" if c in WB_AGGREGATES else "country" for c in wide["iso3"]]
    wide["country"] = wide["iso3"].map(names)
    # cross-check: countries' population 2017 vs World
    p17 = wide[(wide.year == 2017) & (wide.population != "")]
    if not (p17.iso3 == "WLD").any():
        fail(f"{paths['population']}: expected a 2017 population value for the World (WLD); found none")
    world = float(p17.loc[p17.iso3 == "WLD", "population"].iloc[0])
    total = p17.loc[p17.kind == "country", "population"].astype(float).sum()
    if abs(total / world - 1) > 0.01:
        n = int((p17.kind == "country").sum())
        fail(f"{paths['population']}: expected the countries' population in 2017 to add up to within 1 % of "
             f"the World (WLD, {world:,.0f}); found {total:,.0f} over {n} economies "
             f"({100 * total / world:.1f} %). Is it an extract of a few economies? The course needs "
             "every economy of the indicator (the whole download).")
    info = {"pop_ratio_2017": total / world, "n_countries": int((wide.drop_duplicates('iso3').kind == 'country').sum()),
            "n_aggregates": int((wide.drop_duplicates('iso3').kind == 'aggregate').sum()),
            "not_on_map": sorted(codes - WB_AGGREGATES - ne), "formats": formats}
    wide = wide.sort_values(["iso3", "year"], kind="mergesort")
    cols = ["iso3", "country", "kind", "year"] + [c for c, *_ in WB_SERIES]
    return wide[cols], info


def provenance(formats: dict[str, dict]) -> tuple[str, str, list[dict]]:
    """The vintage sentence, the citation's "via" and the sources, from how each file came.

    >>> f = {"format": "datasets", "commit": "4ebec5a2273f531ba238a34dbe440394dc5a6c4b",
    ...      "last_updated": "2026-07-01"}
    >>> provenance({"sp.pop.totl": f})[1]
    'vintage of 2026-07-01 via datasets/world-development-indicators'
    >>> provenance({"sp.pop.totl": {"format": "api", "last_updated": "2026-10-15"}})[0]
    "the World Bank's API (JSON), last updated 2026-10-15"
    >>> mixed = provenance({"sp.pop.totl": {"format": "bulk", "last_updated": "2026-10-15"},
    ...                     "ny.gdp.mktp.cd": f})[2]
    >>> [s.get("commit", "")[:7] for s in mixed]
    ['', '4ebec5a']
    """
    titles = {code: t for _c, code, t, _u in WB_SERIES}
    copies = {(f.get("commit"), f.get("last_updated")) for f in formats.values()}
    if all(f["format"] == "datasets" for f in formats.values()) and len(copies) == 1:
        commit, date = copies.pop()
        if commit and date:
            return (f"the `{WB_REPO}` copy of {date}", f"vintage of {date} via {WB_REPO}",
                    [source(f"World Development Indicators: {titles[code]}", "World Bank", WB_REPO, commit,
                            f"indicators/{code}/data.csv") for code in formats])
    kinds = {"datasets": f"the {WB_REPO} layout", "bulk": "the World Bank's bulk CSV download",
             "api": "the World Bank's API (JSON)"}
    how = sorted({kinds[f["format"]] for f in formats.values()})
    dates = sorted({f["last_updated"] for f in formats.values() if f.get("last_updated")})
    vintage = " and ".join(how) + (f", last updated {', '.join(dates)}" if dates else ", date not stated")
    sources = []  # each indicator cited as its own file came: one bulk file changes only its own
    for code, f in formats.items():
        title = f"World Development Indicators: {titles[code]}"
        if f["format"] == "datasets" and f.get("commit"):
            sources.append(source(title, "World Bank", WB_REPO, f["commit"], f"indicators/{code}/data.csv"))
            continue
        url = (f"https://api.worldbank.org/v2/country/all/indicator/{code.upper()}?format=json"
               if f["format"] == "api" else f"https://data.worldbank.org/indicator/{code.upper()}")
        sources.append(source(title, "World Bank", url=url))
    return vintage, "vintage: " + vintage, sources


def resources(src: Path, ne_codes: set[str] | None = None) -> tuple[list, dict, pd.DataFrame]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

    # ---------------------------------------------------------------- wb_indicators
    wb, info = build_wb(src, ne_codes)
    notes["wb_indicators"] = info
    vintage, via, wb_sources = provenance(info["formats"])
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
vintage ({vintage}). Values are copied exactly as
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
        f"MS.MIL.XPND.GD.ZS, MS.MIL.XPND.ZS), {via}. "
        "CC BY 4.0.",
        wb_fields, ["iso3", "year"]), wb)

    return out, notes, wb
