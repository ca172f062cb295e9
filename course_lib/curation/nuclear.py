"""Nuclear weapons -> ``nuclear_warheads`` (FAS stockpiles), ``nuclear_status``
(Bleek 2017 / NTI status codes) and ``nuclear_warheads_bulletin`` (the Bulletin of the
Atomic Scientists' Nuclear Notebook stockpiles), all as compiled by Our World in Data.

Source folder ``owid-nuclear-weapons/``: ``nuclear_weapons_stockpiles.csv``,
``nuclear_weapons_proliferation_owid.csv`` and ``bulletin_nuclear_notebook_stockpiles.csv``.

Rules: estimates copied as published (whole numbers written without ``.0``), explicit
zeros kept, except a zero that another source or a dated event contradicts: that zero is
a placeholder ("not estimated"), curated as missing (empty ``warheads``) with the
published 0 and the contradicting evidence in ``note`` (:func:`placeholder_zeros`); the
FAS "World" row (total inventory, not a sum of stockpiles) dropped;
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
FILES = [NUC / "nuclear_weapons_stockpiles.csv", NUC / "nuclear_weapons_proliferation_owid.csv",
         NUC / "bulletin_nuclear_notebook_stockpiles.csv"]

OWID_NB_REPO, OWID_NB_COMMIT = "owid/notebooks", "44f3529de0c78ef5ffeb7937dcd8fd657f21ab75"
FAS_PATH = "BastianHerre/nuclear_weapons/Federation of American Scientists (2023) nuclear weapons inventories/nuclear_weapons_stockpiles.csv"
STATUS_PATH = ("BastianHerre/nuclear_weapons/OWID based on Bleek (2017), Nuclear Threat Initiative (2022) "
               "nuclear weapons proliferation/nuclear_weapons_proliferation_owid.csv")
BULLETIN_REPO, BULLETIN_COMMIT = "owid/notebooks", "10907ed6e367ee8402fb3fffd96865a9d1715f1f"
BULLETIN_PATH = ("EdouardMathieu/2021_10_nuclear_weapons_inventory/"
                 "Nuclear warhead stockpiles \u2013 Bulletin of the Atomic Scientists.csv")
LIC_BULLETIN = {
    "name": "other-attribution",
    "title": "No explicit open licence: cite the Bulletin of the Atomic Scientists' Nuclear Notebook "
    "(Kristensen, Norris, Korda) and Our World in Data; the producers' terms apply",
}
# Dated events that contradict a published 0: North Korea's nuclear tests (CTBTO, "Nuclear
# testing"; Arms Control Association, "Chronology of U.S.-North Korean Nuclear and Missile
# Diplomacy"). A stockpile estimate of 0 in or after the year of a state's first test, in a
# series that later gives the state warheads, is a placeholder. Other first tests (UK
# 1952, France 1960-1963) are followed by zeros in *both* series: the first stockpiled
# weapons came later, so those zeros are kept (see data/README.md, Known problems).
NUCLEAR_TESTS = {"PRK": ("2006-10-09", "2009-05-25", "2013-02-12", "2016-01-06", "2016-09-09", "2017-09-03")}
TESTS_SOURCE = ("CTBTO Preparatory Commission, 'Nuclear testing' and the DPRK test pages; Arms Control "
                "Association, 'Chronology of U.S.-North Korean Nuclear and Missile Diplomacy'")
NOTE_FIELD = F("note", "string", "Note", "Why a published 0 is curated as missing (empty otherwise)")
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
    return d[["iso3", "country", "year", "warheads"]], {"fixed_names": fixed}  # + note, from placeholder_zeros


def build_bulletin(src: Path) -> tuple[pd.DataFrame, dict]:
    """The Bulletin's stockpile series: one row per state and year, as published."""
    d = read_str_csv(src / FILES[2], ["Entity", "Year", "Stockpiled nuclear warheads"], exact=True)
    d["country"] = d["Entity"].str.replace(r"\s+", " ", regex=True).str.strip()
    d["iso3"] = map_names(d["country"], OWID_NAMES, "Bulletin stockpiles")
    if d.duplicated(["iso3", "Year"]).any():
        fail("Bulletin stockpiles: two rows for one country and year")
    d["warheads"] = whole_number_text(d["Stockpiled nuclear warheads"], "Bulletin warheads")
    d["year"] = d["Year"].astype(int)
    d = d.sort_values(["iso3", "year"], kind="mergesort")
    return d[["iso3", "country", "year", "warheads"]], {"states": sorted(set(d.iso3))}


def placeholder_zeros(d: pd.DataFrame, other: pd.DataFrame, other_name: str,
                      tests: dict = NUCLEAR_TESTS) -> pd.DataFrame:
    """``d`` with each contradicted 0 made missing and explained in a ``note`` column.

    A published 0 is contradicted when ``other`` (the second estimate series) gives the
    state warheads that year, or when the state held a nuclear test in or before that
    year (``tests``) and either series gives it warheads later.

    >>> a = pd.DataFrame({"iso3": ["PRK"] * 3, "country": ["North Korea"] * 3, "year": [2005, 2006, 2016], "warheads": ["0", "0", "0"]})
    >>> b = pd.DataFrame({"iso3": ["PRK"], "year": [2016], "warheads": ["10"]})
    >>> placeholder_zeros(a, b, "FAS").warheads.tolist()
    ['0', '', '']
    """
    d = d.copy()
    other_wh = {(c, y): int(v) for c, y, v in zip(other.iso3, other.year, other.warheads) if v != ""}
    later = set(d.iso3[~d.warheads.isin(["", "0"])]) | {c for (c, _y), v in other_wh.items() if v > 0}
    notes = []
    for c, name, y, v in zip(d.iso3, d.country, d.year, d.warheads):
        why = []
        if v == "0" and other_wh.get((c, y), 0) > 0:
            why.append(f"{other_name} gives {other_wh[(c, y)]}")
        done = [t for t in tests.get(c, ()) if int(t[:4]) <= y]
        if v == "0" and done and c in later:
            why.append(f"{name} had held {len(done)} nuclear test{'s' if len(done) > 1 else ''} by then "
                       f"(the first on {done[0]})")
        notes.append("not estimated: published as 0, but " + " and ".join(why) if why else "")
    d["note"] = notes
    d.loc[d.note != "", "warheads"] = ""
    return d


def _spans(d: pd.DataFrame) -> str:
    """The placeholder zeros of ``d`` as 'PRK 2006-2014' (one span per state)."""
    g = d[d.note != ""].groupby("iso3").year
    return "; ".join(f"{c} {lo}-{hi}" if lo < hi else f"{c} {lo}" for c, lo, hi in
                     zip(g.min().index, g.min(), g.max())) or "none"


def _armed_count(d: pd.DataFrame, year: int) -> int:
    """States with more than 0 warheads in ``year`` (warheads as published text; missing not counted)."""
    y = d.loc[(d.year == year) & (d.warheads != ""), "warheads"]
    return int((y.astype(int) > 0).sum())


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
    bu, bu_info = build_bulletin(src)
    wh, bu = placeholder_zeros(wh, bu, "the Bulletin's series"), placeholder_zeros(bu, wh, "FAS")
    info["placeholders"] = _spans(wh)
    bu_info["placeholders"] = _spans(bu)
    notes["nuclear_warheads"] = info
    add(resource(
        "nuclear_warheads", wh, "Nuclear warheads in military stockpiles by country and year (FAS)",
        f"""
Estimated nuclear warheads in each country's military stockpile, 1945-2023 (Federation of American
Scientists, *Status of World Nuclear Forces* 2023, as compiled by Our World in Data). Rows are kept as
published, including explicit zeros (e.g. years before a country's first weapon; South Africa after it
dismantled its arsenal), **except zeros that another source or a dated event contradicts**.

* **Missing is not zero.** The source gives North Korea 0 warheads up to 2014 although it held nuclear tests
  in 2006, 2009 and 2013: that 0 means "not estimated", not "none". Such zeros are curated as missing (empty
  `warheads`), with the published 0 and the evidence in `note`: {info["placeholders"]}.

* The source's **World** row is dropped: it is the FAS *total inventory* (including retired warheads
  awaiting dismantlement), not the sum of the country stockpiles (2017: 14,550 vs 9,282). Sum the countries.
* The source spells North Korea with two spaces ("North  Korea"); fixed.
* Estimates are rounded and revised between editions. Figures for Israel are estimates for an undeclared
  arsenal.
""",
        [source("Status of World Nuclear Forces (2023), nuclear weapons stockpiles, as compiled by Our World in Data",
                "Federation of American Scientists (Kristensen, Korda, Reynolds, Norris); Our World in Data",
                OWID_NB_REPO, OWID_NB_COMMIT, FAS_PATH)],
        [LIC_FAS_OWID],
        "Kristensen, H. M., Korda, M., Reynolds, E., Norris, R. S. (2023). Status of World Nuclear Forces. "
        "Federation of American Scientists; data compiled by Our World in Data.",
        [iso3_field(), country_field(), year_field(),
         num("warheads", "Warheads", "warheads", "Estimated warheads in the military stockpile; empty = not "
             "estimated (see note)", integer=True), NOTE_FIELD],
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

    notes["nuclear_warheads_bulletin"] = bu_info
    last = int(bu.year.max())
    n_bu, n_fas = _armed_count(bu, last), _armed_count(wh, last)
    prk_fas = wh.loc[(wh.iso3 == "PRK") & (wh.year == last), "warheads"].tolist()
    add(resource(
        "nuclear_warheads_bulletin", bu,
        "Nuclear warheads in stockpiles by country and year (Bulletin of the Atomic Scientists)",
        f"""
Estimated stockpiled nuclear warheads of {bu.iso3.nunique()} states, {int(bu.year.min())}-{last}, from the
Nuclear Notebook of the *Bulletin of the Atomic Scientists* (Kristensen, Norris; later Korda), as compiled
by Our World in Data. The course keeps it beside `nuclear_warheads` (FAS) as a second series for the same
quantity, with the same columns and conventions (estimates copied as published, explicit zeros kept
unless contradicted, rows sorted by code and year).

* **Missing is not zero.** This series gives North Korea 0 warheads in every year up to {last}. From its
  first nuclear test (October 2006) that 0 cannot mean "none": North Korea tested again in 2009, 2013, 2016
  and in September {last}, a month before the article, and FAS, from the same authors, gives it
  {", ".join(prk_fas) or "no row"} warheads in {last}. The 0 means the series did not estimate North Korea. Such
  zeros are curated as missing (empty `warheads`), with the published 0 and the evidence in `note`:
  {bu_info["placeholders"]}. Counted by warheads, {n_bu} states are nuclear-armed in {last} here, with North
  Korea **not estimated** (not unarmed); FAS counts {n_fas}.
* The series stops in {last} and has no rows for states that never held warheads.
* Figures for Israel are estimates for an arsenal that has never been declared.
""",
        [source("Nuclear warhead stockpiles (Bulletin of the Atomic Scientists, Nuclear Notebook), "
                "as compiled by Our World in Data",
                "Bulletin of the Atomic Scientists (Kristensen, Norris, Korda); Our World in Data "
                "(Edouard Mathieu)", BULLETIN_REPO, BULLETIN_COMMIT, BULLETIN_PATH)],
        [LIC_BULLETIN],
        "Kristensen, H. M., Norris, R. S., Korda, M. Nuclear Notebook: estimated nuclear warhead "
        "stockpiles. Bulletin of the Atomic Scientists; data compiled by Our World in Data.",
        [iso3_field(), country_field(), year_field(),
         num("warheads", "Warheads", "warheads", "Estimated stockpiled warheads; empty = not estimated "
             "(see note)", integer=True), NOTE_FIELD],
        ["iso3", "year"]), bu)

    return out, notes
