"""Nuclear-armed states and warheads, and the SCO's part of them (notebook 02).

Three ways to call a state "nuclear-armed" in a year (``RULES``), one per source:

* ``"possessing"``: status 3 ("possessing") in ``data/nuclear_status.csv`` (Bleek 2017
  and NTI, via Our World in Data; years to 2022);
* ``"warheads"``: more than zero warheads in the military stockpile in
  ``data/nuclear_warheads.csv`` (FAS estimates; years to 2023);
* ``"bulletin"``: more than zero stockpiled warheads in
  ``data/nuclear_warheads_bulletin.csv`` (the Bulletin of the Atomic Scientists'
  Nuclear Notebook; years to 2017).

Missing is not zero: the Bulletin's series published 0 warheads for North Korea in
every year to 2017, although North Korea had tested nuclear weapons since 2006 and FAS,
from the same authors, gives it 15 in 2017. The curation keeps such a 0 as missing
("not estimated"). :func:`armed_states` lists the states a source *estimates* above
0; :func:`armed_by_source` also counts, for each source, the states it does not
estimate that another source counts (column ``not_estimated``), so a gap in one series
never makes a state unarmed. The claims about the count (``course_lib.claims``) take
the interval between the sources.

World warhead totals are **sums of the countries**: the FAS "World" row (total
inventory, with retired warheads) is not in the course table.

>>> armed_states(1990)  # the status coding (an example year; notebook 02 asks about 2017)
['CHN', 'FRA', 'GBR', 'IND', 'ISR', 'PAK', 'RUS', 'USA', 'ZAF']
>>> sorted(set(armed_states(2010)) - set(armed_states(2010, "bulletin")))
['PRK']
"""

from __future__ import annotations

from dataclasses import dataclass
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
    "bulletin": "more than 0 warheads in data/nuclear_warheads_bulletin.csv",
}
# the source behind each rule, as a learner would name it
SOURCES = {
    "possessing": "status coding (Bleek 2017 / NTI, via OWID)",
    "warheads": "FAS stockpile estimates",
    "bulletin": "Bulletin of the Atomic Scientists' stockpile series",
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


@data_cached
def _bulletin() -> pd.DataFrame:
    return load("nuclear_warheads_bulletin")


def _table_of(rule: str) -> pd.DataFrame:
    return {"possessing": _status, "warheads": _warheads, "bulletin": _bulletin}[rule]()


def _check_rule(rule: str) -> str:
    return as_choice(rule, RULES, "rule")


@data_cached
def _span(rule: str) -> tuple[int, int]:
    table = _table_of(rule)
    return int(table.year.min()), int(table.year.max())


def _check_year(year: Any, rule: str) -> int:
    lo, hi = _span(rule)
    return as_year(year, lo, hi, where=f"the {RULES[rule]}")


def last_year(rule: str = "possessing") -> int:
    """The last year the source behind ``rule`` covers.

    >>> last_year("bulletin") <= last_year("warheads")
    True
    """
    return _span(_check_rule(rule))[1]


def status_labels(year: Any = ARTICLE_YEAR) -> pd.Series:
    """Each state's status label in ``year`` (index iso3), from ``data/nuclear_status.csv``.

    >>> status_labels(2017)["PRK"]
    'possessing'
    """
    year = _check_year(year, "possessing")
    s = _status()
    return s[s.year == year].set_index("iso3")["status_label"].copy()


def armed_states(year: int = ARTICLE_YEAR, rule: str = "possessing") -> list[str]:
    """ISO3 codes of the nuclear-armed states in ``year`` under ``rule``, sorted.

    A state the source does not estimate that year (missing, not 0) is not listed:
    see :func:`not_estimated`. ``year`` may be what pandas hands you (``df.year.max()``, ``2017.0``, ``"2017"``).

    >>> armed_states(1990, "warheads")
    ['CHN', 'FRA', 'GBR', 'ISR', 'RUS', 'USA']
    >>> import numpy as np; armed_states(np.int64(2017)) == armed_states(2017)
    True
    """
    rule = _check_rule(rule)
    year = _check_year(year, rule)
    t = _table_of(rule)
    armed = t.status == 3 if rule == "possessing" else t.warheads > 0
    codes = t.loc[(t.year == year) & armed, "iso3"]
    return sorted(codes.unique().tolist())


def not_estimated(year: int = ARTICLE_YEAR, rule: str = "warheads") -> list[str]:
    """States with a row but no estimate (missing warheads) in ``year`` under ``rule``.

    >>> not_estimated(2017, "bulletin"), not_estimated(2017, "warheads")
    (['PRK'], [])
    """
    rule = _check_rule(rule)
    year = _check_year(year, rule)
    if rule == "possessing":
        return []
    t = _table_of(rule)
    return sorted(t.loc[(t.year == year) & t.warheads.isna(), "iso3"].unique().tolist())


def gap_note(code: str, year: int = ARTICLE_YEAR, rule: str = "bulletin") -> str:
    """Why the source behind ``rule`` has no estimate for ``code`` in ``year`` (the data's note).

    >>> gap_note("PRK", 2017).startswith("not estimated: published as 0")
    True
    """
    rule = _check_rule(rule)
    year = _check_year(year, rule)
    t = _table_of(rule)
    if rule == "possessing":
        return ""
    note = t.loc[(t.iso3 == code) & (t.year == year), "note"].dropna()
    return str(note.iloc[0]) if len(note) else ""


def armed_by_source(year: int = ARTICLE_YEAR, members: Any = "2017 members") -> pd.DataFrame:
    """The nuclear-armed states of ``year`` counted by each source, and ``members``' part.

    One row per rule of :data:`RULES`: ``rule``, ``source``, ``n_states``, ``n_members``
    (of them, how many are in ``members``: a member set or ISO3 codes), ``share`` (%,
    ``n_members / n_states``), ``states`` (the codes, comma-separated), ``left_out``
    (states another source counts and this one does not) and ``not_estimated`` (states
    this source does not estimate that year, missing rather than 0, which another source
    counts: they are counted here too, since a gap is no evidence of no weapons). A
    source whose years do not reach ``year`` is left out of the table.

    >>> t = armed_by_source(2017).set_index("rule")
    >>> t.n_states.to_dict(), t.loc["bulletin", "not_estimated"], t.loc["bulletin", "left_out"]
    ({'possessing': 9, 'warheads': 9, 'bulletin': 9}, 'PRK', '')
    >>> sorted(armed_by_source(2020).rule)
    ['possessing', 'warheads']
    """
    year = as_year(year, min(_span(r)[0] for r in RULES), max(_span(r)[1] for r in RULES),
                   where="the nuclear tables")
    estimated = {r: armed_states(year, r) for r in RULES if _span(r)[0] <= year <= _span(r)[1]}
    codes = set(sco.members_of(members, year))
    every = set().union(*estimated.values())
    gaps = {r: sorted(set(not_estimated(year, r)) & every) for r in estimated}
    found = {r: sorted(set(st) | set(gaps[r])) for r, st in estimated.items()}
    rows = [(r, SOURCES[r], len(st), len(codes & set(st)), 100.0 * len(codes & set(st)) / len(st),
             ", ".join(st), ", ".join(sorted(every - set(st))), ", ".join(gaps[r])) for r, st in found.items()]
    return pd.DataFrame(rows, columns=["rule", "source", "n_states", "n_members", "share",
                                       "states", "left_out", "not_estimated"])


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
    return _warheads().pivot(index="year", columns="iso3", values="warheads")


def warheads_wide() -> pd.DataFrame:
    """Year x country table of warheads (FAS); empty (NaN) where FAS gives no estimate.

    >>> import pandas as pd; pd.isna(warheads_wide().loc[2010, "PRK"])  # not estimated, not 0
    True

    >>> int(warheads_wide().loc[2017, "RUS"])
    4300
    """
    return _warheads_wide()


def warheads_share(year: int = ARTICLE_YEAR, members: Any = "2017 members") -> float:
    """Percentage of all countries' warheads held by ``members`` in ``year``.

    ``members``: ISO3 codes (a state without an estimate adds nothing to either sum) or a member set of
    :data:`course_lib.sco.MEMBER_SETS` (for ``sco.EACH_YEAR``, the members of ``year``).

    >>> round(warheads_share(2017, members=["USA", "RUS"]), 1)
    87.5
    >>> warheads_share(2017, members="2017 members") == warheads_share(2017, members=sco.members(ARTICLE_DATE))
    True
    """
    year = _check_year(year, "warheads")
    empty = isinstance(members, (list, tuple, set)) and not members
    codes = [] if empty else sco.members_of(members, year)  # no states hold 0 %
    row = _warheads_wide().loc[year]
    return 100.0 * float(row.reindex(codes).fillna(0).sum()) / float(row.sum())


def nuclear_table(year: int = ARTICLE_YEAR, members: Any = "2017 members") -> pd.DataFrame:
    """The nuclear-armed states of ``year`` by any rule, with the sources side by side.

    Columns: ``iso3``, ``country``, ``possessing`` (bool), ``warheads`` (FAS; empty
    where FAS gives no estimate), ``warheads_bulletin`` (the Bulletin's series; empty
    where it gives no estimate and after its last year),
    ``sco_member`` (in ``members``: a member set, by default the members on the
    article's date, or ISO3 codes), ``npt_weapon_state``.

    >>> t = nuclear_table(2017)
    >>> int(t.sco_member.sum()), len(t)
    (4, 9)
    >>> t.set_index("iso3").loc["PRK", ["warheads", "warheads_bulletin"]].tolist()  # the Bulletin: not estimated
    [15, <NA>]
    >>> int(nuclear_table(2010, sco.EACH_YEAR).sco_member.sum())
    2
    """
    poss = set(armed_states(year, "possessing"))
    year = _check_year(year, "warheads")
    wh_row = _warheads_wide().loc[year]
    with_wh = set(wh_row[wh_row > 0].index)
    lo, hi = _span("bulletin")
    bu = _bulletin()
    bu_row = bu[bu.year == year].set_index("iso3")["warheads"]
    with_bu = set(bu_row[bu_row > 0].index)

    def value(row: pd.Series, c: str):  # no row = 0 (the series lists no weapons); NaN = not estimated
        v = row.get(c, 0)
        return None if pd.isna(v) else int(v)

    codes = sorted(poss | with_wh | with_bu)
    names = _status().drop_duplicates("iso3").set_index("iso3")["country"]
    members = set(sco.members_of(members, year))
    npt = set(npt_weapon_states())
    out = pd.DataFrame({
        "iso3": codes,
        "country": [names.get(c, c) for c in codes],
        "possessing": [c in poss for c in codes],
        "warheads": pd.array([value(wh_row, c) for c in codes], dtype="Int64"),
        "warheads_bulletin": pd.array([value(bu_row, c) if lo <= year <= hi else None
                                       for c in codes], dtype="Int64"),
        "sco_member": [c in members for c in codes],
        "npt_weapon_state": [c in npt for c in codes],
    })
    return out.sort_values("warheads", ascending=False, na_position="last").reset_index(drop=True)


def half_readings(year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Readings of "half of the world's nuclear States": the part (%) of them held by the
    members on the article's date.

    Columns ``key``, ``reading``, ``definition``, ``value``, ``low``, ``high``. The row
    ``armed`` spans every source that covers ``year`` (``low``/``high``: the smallest and
    largest share; ``value``: the status coding's); ``possessing``, ``warheads`` and
    ``bulletin`` are the sources one by one; ``declared`` leaves Israel out; ``npt``
    counts the NPT's nuclear-weapon States; ``warhead_share`` is a share of warheads.

    >>> r = half_readings().set_index("key")
    >>> list(r.index[:4]), bool(r.loc["armed", "low"] <= r.loc["armed", "high"])
    (['armed', 'possessing', 'warheads', 'bulletin'], True)
    """
    members = set(sco.members(ARTICLE_DATE))
    by_source = armed_by_source(year, sorted(members)).set_index("rule")
    poss = set(armed_states(year, "possessing"))
    declared = poss - set(UNDECLARED)
    npt = set(npt_weapon_states())

    def pct(whole: set) -> float:
        return 100.0 * len(members & whole) / len(whole)

    counts = sorted(set(by_source.n_states))
    n_members = sorted(set(by_source.n_members))
    span = "–".join(str(n) for n in counts) if len(counts) > 1 else str(counts[0])
    part = "–".join(str(n) for n in n_members) if len(n_members) > 1 else str(n_members[0])
    rows = [("armed", f"{part} of {span} nuclear-armed states, over all sources",
             f"states nuclear-armed in {year}: " + "; ".join(
                 f"{by_source.loc[r, 'n_states']} by the {by_source.loc[r, 'source']}"
                 for r in by_source.index),
             pct(poss), float(by_source.share.min()), float(by_source.share.max()))]
    labels = {"possessing": "possessing states (status coding)", "warheads": "states with warheads (FAS)",
              "bulletin": "states with warheads (Bulletin)"}
    for r in by_source.index:
        x = by_source.loc[r]
        gap = f"; not estimated there, counted as the other sources count them: {x.not_estimated}" \
            if x.not_estimated else ""
        rows.append((r, f"{x.n_members} of {x.n_states} {labels[r]}",
                     f"{RULES[r]}, {year}{gap}", float(x.share), float(x.share), float(x.share)))
    rows += [
        ("declared", f"{len(members & declared)} of {len(declared)} declared possessors",
         f"possessing in {year}, leaving out Israel (never declared or tested)", pct(declared)),
        ("npt", f"{len(members & npt)} of {len(npt)} NPT nuclear-weapon States",
         "possessing before 1967 (NPT Art. IX(3))", pct(npt)),
        ("warhead_share", "share of warheads",
         f"members' warheads / sum of all countries' warheads (FAS), {year}",
         warheads_share(year, members=sorted(members))),
    ]
    rows = [r if len(r) == 6 else r + (r[3], r[3]) for r in rows]
    return pd.DataFrame(rows, columns=["key", "reading", "definition", "value", "low", "high"])


@dataclass(frozen=True)
class NuclearView:
    """The nuclear numbers for one year and member set: the states by source
    (:func:`nuclear_table`), the count by each source (:func:`armed_by_source`) and the
    members' share of warheads (:func:`warheads_share`)."""

    year: int
    members: Any
    table: pd.DataFrame
    by_source: pd.DataFrame
    warheads_share: float


def view(year: int = ARTICLE_YEAR, members: Any = "2017 members") -> NuclearView:
    """The nuclear numbers an explorer (or a summary) shows for one year and member set.

    >>> v = view(year=2010, members=["USA"])
    >>> "possessing" in set(v.by_source.rule), bool(0 < v.warheads_share < 100)
    (True, True)
    """
    return NuclearView(year=as_year(year), members=members,
                       table=nuclear_table(year, members),
                       by_source=armed_by_source(year, members),
                       warheads_share=warheads_share(year, members=members))
