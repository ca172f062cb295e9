"""Nuclear-armed states and warheads, and the SCO's part of them (notebook 02).

Two independent ways to call a state "nuclear-armed" in a year (``RULES``):

* ``"possessing"``: status 3 ("possessing") in ``data/nuclear_status.csv`` (Bleek 2017
  and NTI, via Our World in Data; years to 2022);
* ``"warheads"``: more than zero warheads in the military stockpile in
  ``data/nuclear_warheads.csv`` (FAS estimates; years to 2023).

World warhead totals are **sums of the countries**: the FAS "World" row (total
inventory, with retired warheads) is not in the course table.

>>> armed_states(2017)
['CHN', 'FRA', 'GBR', 'IND', 'ISR', 'PAK', 'PRK', 'RUS', 'USA']
>>> armed_states(2017, "warheads") == armed_states(2017)
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import sco
from ..cache import data_cached
from ..data import load
from ..sco import ARTICLE_DATE, ARTICLE_YEAR
from ..validate import as_choice, as_year

RULES = {
    "possessing": "status 'possessing' (3) in data/nuclear_status.csv",
    "warheads": "more than 0 warheads in data/nuclear_warheads.csv",
}
# Israel neither confirms nor denies its arsenal and has never declared a test: the
# one possessor that some counts of "nuclear States" leave out.
UNDECLARED = ("ISR",)
# NPT Art. IX(3): a nuclear-weapon State is one that made and exploded a nuclear
# weapon before 1 January 1967.
NPT_CUTOFF_YEAR = 1967


@data_cached
def _status() -> pd.DataFrame:
    return load("nuclear_status")


@data_cached
def _warheads() -> pd.DataFrame:
    return load("nuclear_warheads")


def _check_rule(rule: str) -> str:
    return as_choice(rule, RULES, "rule")


@data_cached
def _span(rule: str) -> tuple[int, int]:
    table = _status() if rule == "possessing" else _warheads()
    return int(table.year.min()), int(table.year.max())


def _check_year(year: Any, rule: str) -> int:
    lo, hi = _span(rule)
    return as_year(year, lo, hi, where=f"the {RULES[rule]}")


def armed_states(year: int = ARTICLE_YEAR, rule: str = "possessing") -> list[str]:
    """ISO3 codes of the nuclear-armed states in ``year`` under ``rule``, sorted.

    ``year`` may be what pandas hands you (``df.year.max()``, ``2017.0``, ``"2017"``).

    >>> armed_states(1990, "warheads")
    ['CHN', 'FRA', 'GBR', 'ISR', 'RUS', 'USA']
    >>> import numpy as np; armed_states(np.int64(2017)) == armed_states(2017)
    True
    """
    rule = _check_rule(rule)
    year = _check_year(year, rule)
    if rule == "possessing":
        s = _status()
        codes = s.loc[(s.year == year) & (s.status == 3), "iso3"]
    else:
        w = _warheads()
        codes = w.loc[(w.year == year) & (w.warheads > 0), "iso3"]
    return sorted(codes.unique().tolist())


def first_possessing_year() -> pd.Series:
    """The first year each state is coded "possessing" (index iso3).

    >>> int(first_possessing_year()["CHN"])
    1964
    """
    s = _status()
    return s[s.status == 3].groupby("iso3")["year"].min()


def npt_weapon_states() -> list[str]:
    """States "possessing" before 1967: the NPT's nuclear-weapon States, from data.

    >>> npt_weapon_states()
    ['CHN', 'FRA', 'GBR', 'RUS', 'USA']
    """
    first = first_possessing_year()
    return sorted(first[first < NPT_CUTOFF_YEAR].index.tolist())


@data_cached
def _warheads_wide() -> pd.DataFrame:
    return _warheads().pivot(index="year", columns="iso3", values="warheads").fillna(0)


def warheads_wide() -> pd.DataFrame:
    """Year x country table of warheads (FAS); a country without a row that year = 0.

    >>> int(warheads_wide().loc[2017, "RUS"])
    4300
    """
    return _warheads_wide()


def warheads_share(members: Any, year: int = ARTICLE_YEAR) -> float:
    """Percentage of all countries' warheads held by ``members`` in ``year``.

    ``members``: ISO3 codes (a state without warheads counts 0) or a member set of
    :data:`course_lib.sco.MEMBER_SETS` (for ``sco.EACH_YEAR``, the members of ``year``).

    >>> round(warheads_share(["USA", "RUS"], 2017), 1)
    87.5
    >>> warheads_share("2017 members", 2017) == warheads_share(sco.members(ARTICLE_DATE), 2017)
    True
    """
    year = _check_year(year, "warheads")
    empty = isinstance(members, (list, tuple, set)) and not members
    codes = [] if empty else sco.members_of(members, year)  # no states hold 0 %
    row = _warheads_wide().loc[year]
    return 100.0 * float(row.reindex(codes).fillna(0).sum()) / float(row.sum())


def nuclear_table(year: int = ARTICLE_YEAR, members: Any = "2017 members") -> pd.DataFrame:
    """The nuclear-armed states of ``year`` by either rule, with both rules side by side.

    Columns: ``iso3``, ``country``, ``possessing`` (bool), ``warheads``,
    ``sco_member`` (in ``members``: a member set, by default the members on the
    article's date, or ISO3 codes), ``npt_weapon_state``.

    >>> t = nuclear_table(2017)
    >>> int(t.sco_member.sum()), len(t)
    (4, 9)
    >>> int(nuclear_table(2010, sco.EACH_YEAR).sco_member.sum())
    2
    """
    poss = set(armed_states(year, "possessing"))
    year = _check_year(year, "warheads")
    wh_row = _warheads_wide().loc[year]
    with_wh = set(wh_row[wh_row > 0].index)
    codes = sorted(poss | with_wh)
    names = _status().drop_duplicates("iso3").set_index("iso3")["country"]
    members = set(sco.members_of(members, year))
    npt = set(npt_weapon_states())
    out = pd.DataFrame({
        "iso3": codes,
        "country": [names.get(c, c) for c in codes],
        "possessing": [c in poss for c in codes],
        "warheads": [int(wh_row.get(c, 0)) for c in codes],
        "sco_member": [c in members for c in codes],
        "npt_weapon_state": [c in npt for c in codes],
    })
    return out.sort_values("warheads", ascending=False).reset_index(drop=True)


def evidence_nuclear_powers() -> dict:
    """Evidence for "four nuclear powers" among the SCO members of October 2017.

    >>> evidence_nuclear_powers()["readings"].reading_id.tolist()[:2]
    ['possessing_2017', 'warheads_2017']
    """
    members = set(sco.members(ARTICLE_DATE))
    observers = set(sco.members(ARTICLE_DATE, status="observer"))
    latest = int(_status().year.max())
    today = set(sco.members("today"))
    poss = set(armed_states(2017, "possessing"))
    wh = set(armed_states(2017, "warheads"))
    now = len(today & set(armed_states(latest, "possessing")))
    rows = [
        ("possessing_2017", "members, 'possessing' 2017", "Oct 2017 members coded possessing in 2017",
         len(members & poss)),
        ("warheads_2017", "members, warheads > 0 in 2017", "Oct 2017 members with warheads (FAS)",
         len(members & wh)),
        ("members_observers_2017", "members + observers, 2017",
         "Oct 2017 members and observers, possessing", len((members | observers) & poss)),
        ("now", f"today's members, {latest}", f"today's members possessing in {latest}", now),
    ]
    readings = pd.DataFrame(rows, columns=["reading_id", "reading", "definition", "value"])
    readings["value"] = readings["value"].astype(float)
    found = sorted(members & poss)
    agree = "agree" if poss == wh else "disagree"
    s17 = _status()[_status().year == 2017].set_index("iso3")["status_label"]
    obs = ", ".join(f"{c} ({s17.get(c, 'no code')})" for c in sorted(observers))
    explanation = (
        f"The members of October 2017 coded \"possessing\" in 2017 are "
        f"{', '.join(found)}: **{len(found)}** states. The status table and the FAS warhead "
        f"counts {agree} on which states were nuclear-armed in 2017, so the evidence is one "
        f"number, not a range. The observers of October 2017 and their 2017 status: {obs}."
    )
    return {"value": float(len(found)), "unit": "states", "readings": readings,
            "explanation": explanation,
            "sources": ["nuclear_status", "nuclear_warheads", "sco_membership"],
            "now": {"value": float(now), "label": f"today's members possessing in {latest}"}}


def half_readings(year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Readings of "half of the world's nuclear States": the SCO members' part (%).

    >>> r = half_readings()
    >>> round(float(r["value"].iloc[0]), 1)
    44.4
    """
    members = set(sco.members(ARTICLE_DATE))
    poss = set(armed_states(year, "possessing"))
    wh = set(armed_states(year, "warheads"))
    declared = poss - set(UNDECLARED)
    npt = set(npt_weapon_states())

    def pct(part: set, whole: set) -> float:
        return 100.0 * len(part & whole) / len(whole)

    rows = [
        (f"{len(members & poss)} of {len(poss)} possessing states",
         "all states coded possessing in 2017 (incl. Israel)", pct(members, poss)),
        (f"{len(members & wh)} of {len(wh)} states with warheads",
         "states with warheads > 0 (FAS) in 2017", pct(members, wh)),
        (f"{len(members & declared)} of {len(declared)} declared possessors",
         "possessing, leaving out Israel (never declared or tested)", pct(members, declared)),
        (f"{len(members & npt)} of {len(npt)} NPT nuclear-weapon States",
         "possessing before 1967 (NPT Art. IX(3))", pct(members, npt)),
        ("share of warheads", "members' warheads / sum of all countries' warheads, 2017",
         warheads_share(sorted(members), year)),
    ]
    return pd.DataFrame(rows, columns=["reading", "definition", "value"])


def evidence_nuclear_half() -> dict:
    """Evidence for "half of the world's nuclear States": a share of *states*.

    The warhead share is context only (the claim counts states, not weapons).

    >>> r = evidence_nuclear_half()["readings"].set_index("reading_id")
    >>> round(float(r.loc["possessing_2017", "value"]), 1), float(r.loc["declared_2017", "value"])
    (44.4, 50.0)
    """
    readings = half_readings(2017)
    readings.insert(0, "reading_id", ["possessing_2017", "warheads_2017", "declared_2017",
                                      "npt_2017", "warhead_share_2017"][:len(readings)])
    value = float(readings["value"].iloc[0])
    latest = int(_status().year.max())
    today = set(sco.members("today"))
    poss_now = set(armed_states(latest, "possessing"))
    now = 100.0 * len(today & poss_now) / len(poss_now)
    readings.loc[len(readings)] = ["now", f"{len(today & poss_now)} of {len(poss_now)} possessing "
                                   f"states, today's members, {latest}",
                                   f"today's members / states coded possessing in {latest}", now]
    poss, wh = set(armed_states(2017, "possessing")), set(armed_states(2017, "warheads"))
    prk = "counts" if "PRK" in poss else "does not count"
    prk_wh = int(_warheads_wide().loc[2017].get("PRK", 0))
    wh_share = float(readings.set_index("reading_id").loc["warhead_share_2017", "value"])
    explanation = (
        f"Counting every state coded possessing in 2017, the SCO's members are "
        f"{readings['reading'].iloc[0]}: **{value:.1f} %**. Do the two sources disagree about "
        f"North Korea in 2017? No: the status coding {prk} it as possessing, and the FAS "
        f"stockpile table gives it {prk_wh} warheads, so both count {len(poss)} and "
        f"{len(wh)} states and the evidence is one number. Whether there are 8 or 9 nuclear "
        "States turns on Israel, which has never declared or tested its weapons: leaving it "
        f"out gives {readings['reading'].iloc[2]} ({readings['value'].iloc[2]:.1f} %). "
        f"The members also held {wh_share:.1f} % of the world's warheads, but the claim "
        "counts states, so that share is context, not a reading of it."
    )
    return {"value": value, "unit": "%", "readings": readings, "explanation": explanation,
            "sources": ["nuclear_status", "nuclear_warheads", "sco_membership"],
            "now": {"value": now, "label": f"today's members among the states possessing in {latest}"}}
