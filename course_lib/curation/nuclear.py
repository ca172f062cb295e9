"""Nuclear weapons -> ``nuclear_warheads`` (FAS stockpiles) and ``nuclear_status``
(Bleek 2017 / NTI status codes), both as compiled by Our World in Data.

Source folder ``owid-nuclear-weapons/``: ``nuclear_weapons_stockpiles.csv`` and
``nuclear_weapons_proliferation_owid.csv``.

Rules: estimates copied as published (whole numbers written without ``.0``), explicit
zeros kept; the FAS "World" row (total inventory, not a sum of stockpiles) dropped;
OWID names mapped to ISO3 with the explicit map of :mod:`.names` (entities without a
code dropped and listed); rows sorted by code and year (deterministic).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import LIC_FAS_OWID, F, country_field, fail, iso3_field, map_names, num, read_str_csv, resource, \
    source, whole_number_text, year_field
from .names import OWID_NAMES

NUC = Path("owid-nuclear-weapons")
FILES = [NUC / "nuclear_weapons_stockpiles.csv", NUC / "nuclear_weapons_proliferation_owid.csv"]

OWID_NB_REPO, OWID_NB_COMMIT = "owid/notebooks", "44f3529de0c78ef5ffeb7937dcd8fd657f21ab75"
FAS_PATH = "BastianHerre/nuclear_weapons/Federation of American Scientists (2023) nuclear weapons inventories/nuclear_weapons_stockpiles.csv"
STATUS_PATH = ("BastianHerre/nuclear_weapons/OWID based on Bleek (2017), Nuclear Threat Initiative (2022) "
               "nuclear weapons proliferation/nuclear_weapons_proliferation_owid.csv")
STATUS_LABELS = {"0": "no consideration", "1": "considering", "2": "pursuing", "3": "possessing"}
STATUS_DROPPED = ["Abkhazia", "German Democratic Republic", "Republic of Vietnam", "South Ossetia",
                  "South Yemen", "Tibet", "Zanzibar"]


def build_warheads(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / FILES[0], ["country_name", "year", "nuclear_weapons_stockpile"])
    d["country"] = d["country_name"].str.replace(r"\s+", " ", regex=True).str.strip()
    fixed = sorted(set(d.loc[d.country != d.country_name, "country_name"]))
    d = d[d.country != "World"].copy()
    d["iso3"] = map_names(d["country"], OWID_NAMES, "FAS stockpiles")
    d["warheads"] = whole_number_text(d["nuclear_weapons_stockpile"], "FAS warheads")
    d["year"] = d["year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "warheads"]], {"fixed_names": fixed}


def build_status(src: Path) -> tuple[pd.DataFrame, dict]:
    d = read_str_csv(src / FILES[1], ["country_name", "year", "nuclear_weapons_status"])
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


def resources(src: Path) -> tuple[list, dict]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

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

    return out, notes
