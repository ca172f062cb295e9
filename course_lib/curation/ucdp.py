"""UCDP organised violence -> ``ucdp_deaths`` (GED 21.1 by type, OWID draft) and
``ucdp_deaths_ged191`` (GED 19.1 totals, OWID 2019).

Source folder ``ucdp-conflict/``: ``ucdp_ged211_deaths_by_country_violence_type_owid_draft.csv``
and ``ucdp_ged191_conflict_deaths_by_country_owid2019.csv``.

Rules: death counts copied as published (whole numbers without ``.0``), zeros kept,
absent country-years left absent; exact duplicate rows removed (counted in the
description), conflicting duplicates stop; regional/World aggregates dropped after the
cross-check that countries never sum to more than World; names mapped with the explicit
map of :mod:`.names`; rows sorted (deterministic).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import LIC_CC_BY, F, country_field, fail, iso3_field, map_names, num, read_str_csv, resource, source, \
    whole_number_text, year_field
from .names import OWID_NAMES

UCDP = Path("ucdp-conflict")
FILES = [UCDP / "ucdp_ged211_deaths_by_country_violence_type_owid_draft.csv",
         UCDP / "ucdp_ged191_conflict_deaths_by_country_owid2019.csv"]
GED211_COLUMNS = ["entity", "year", "type_of_violence", "best", "low_amend", "high_amend", "number_of_conflicts"]

UCDP_AGGREGATES = ["World", "Africa", "Americas", "Asia", "Europe", "Middle East"]
UCDP_NO_ISO = ["Northern Cyprus"]  # no ISO 3166 code; all values are zero in this file
VIOLENCE = {"State-based conflict": "state_based", "Non-state conflict": "non_state",
            "One-sided violence": "one_sided", "All types of organised violence": "all"}
GED191_EXTRA = {"Yemen Arab Republic": "YEM"}  # UCDP's name for Yemen (North Yemen, continued as Yemen)


def build_ged211(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / FILES[0], GED211_COLUMNS)
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
    val = "Violent deaths in conflicts and one-sided violence (UCDP 2019)"
    d = read_str_csv(src / FILES[1], ["Entity", "Year", val], exact=True)
    d["iso3"] = map_names(d["Entity"], dict(OWID_NAMES, **GED191_EXTRA), "UCDP GED 19.1")
    if d.duplicated(["iso3", "Year"]).any():
        fail("ged191: duplicated iso3-year")
    d["deaths"] = whole_number_text(d[val], "ged191 deaths")
    d = d.rename(columns={"Entity": "country", "Year": "year"})
    d["year"] = d["year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "deaths"]], {"syria_present": "Syria" in set(d.country)}


def resources(src: Path) -> tuple[list, dict]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

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

    return out, notes
