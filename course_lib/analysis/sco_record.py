"""The SCO's own record on security (notebook 03): the RATS 2011-2015 results table
and the documents and events the article names.

The **RATS table** (``data/rats_2011_2015.csv``) holds the SCO's own figures for
2011-2015: they can be rearranged (per year, ratios between lines) but not checked.
The **documents** (``data/documents.csv``) are dated for a timeline.

>>> rats_per_year("persons_extradited") > 0
True
"""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from ..data import load
from ..errors import CourseError

RATS_FIRST, RATS_LAST = 2011, 2015
RATS_YEARS = RATS_LAST - RATS_FIRST + 1

QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "about": "about ",
                   "less_than": "less than "}


# (numerator, denominator, factor applied to the ratio, unit of the ratio)
RATIO_PAIRS: tuple[tuple[str, str, float, str], ...] = (
    ("weapons_confiscated", "weapons_bases_uncovered", 1.0, "weapons per hidden base"),
    ("ammunition_confiscated", "weapons_confiscated", 1.0, "rounds per weapon"),
    ("explosives_confiscated", "ieds_confiscated", 1000.0, "kg of explosives per IED"),
    ("ieds_confiscated", "weapons_bases_uncovered", 1.0, "IEDs per hidden base"),
    ("persons_arrested", "attacks_prevented", 1.0, "arrests per attack prevented"),
    ("persons_extradited", "persons_arrested", 1.0, "extraditions per arrest"),
)


# --------------------------------------------------------------------------- RATS table
def rats_table() -> pd.DataFrame:
    """The RATS table with a readable label and the implied average per year.

    ``per_year`` is the five-year figure divided by 5: what the table implies for an
    average year, assuming nothing about how the total was spread over the years.

    >>> t = rats_table().set_index("item_id")
    >>> t.loc["ammunition_confiscated", "label"]
    'about 450,000'
    >>> float(t.loc["explosives_confiscated", "per_year"])
    10.4
    """
    t = load("rats_2011_2015")
    t["value"] = t["value"].astype(float)
    suffix = np.where(t["unit"] == "tonnes", " t", "")
    t["label"] = [
        f"{QUALIFIER_WORDS[q]}{v:,.0f}{s}" for q, v, s in zip(t["qualifier"], t["value"], suffix)
    ]
    t["per_year"] = t["value"] / RATS_YEARS
    return t


def _rats_row(item_id: str) -> pd.Series:
    t = rats_table().set_index("item_id")
    if not isinstance(item_id, str) or item_id not in t.index:
        close = difflib.get_close_matches(str(item_id), t.index.tolist(), n=1)
        extra = f" Did you mean {close[0]!r}?" if close else ""
        raise CourseError(
            f"No line {item_id!r} in the RATS table.{extra} The lines are: {', '.join(t.index)}."
        )
    return t.loc[item_id]


def rats_per_year(item_id: str) -> float:
    """Average per year over 2011-2015 implied by one line of the table.

    >>> rats_per_year("persons_arrested") == float(rats_table().set_index("item_id").loc["persons_arrested", "per_year"])
    True
    >>> rats_per_year("atacks_prevented")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: No line 'atacks_prevented' in the RATS table. Did you mean 'attacks_prevented'? ...
    """
    return float(_rats_row(item_id)["value"]) / RATS_YEARS


def combine_qualifiers(numerator: str, denominator: str) -> str:
    """What a ratio of two qualified figures is: exact, about, a bound, or uncertain.

    "more than A" divided by exactly B is more than A/B; A divided by "more than B" is
    less than A/B; two lower bounds give no bound at all.

    >>> combine_qualifiers("more_than", "exact"), combine_qualifiers("exact", "more_than")
    ('more_than', 'less_than')
    >>> combine_qualifiers("about", "exact"), combine_qualifiers("more_than", "more_than")
    ('about', 'uncertain')
    """
    known = {"exact", "more_than", "about"}
    if numerator not in known or denominator not in known:
        raise CourseError(f"Qualifiers are one of {sorted(known)}, not {numerator!r}/{denominator!r}.")
    pair = (numerator, denominator)
    if pair == ("exact", "exact"):
        return "exact"
    if set(pair) <= {"exact", "about"}:
        return "about"
    if pair == ("more_than", "exact"):
        return "more_than"
    if pair == ("exact", "more_than"):
        return "less_than"
    return "uncertain"


def rats_ratios() -> pd.DataFrame:
    """Ratios between lines of the RATS table, with what the qualifiers allow us to say.

    >>> r = rats_ratios().set_index("meaning")
    >>> float(r.loc["rounds per weapon", "ratio"]), r.loc["rounds per weapon", "qualifier"]
    (45.0, 'about')
    >>> r.loc["kg of explosives per IED", "qualifier"]
    'uncertain'
    """
    t = rats_table().set_index("item_id")
    rows = []
    for num, den, factor, meaning in RATIO_PAIRS:
        q = combine_qualifiers(t.loc[num, "qualifier"], t.loc[den, "qualifier"])
        ratio = factor * t.loc[num, "value"] / t.loc[den, "value"]
        rows.append({
            "numerator": num,
            "denominator": den,
            "ratio": float(ratio),
            "qualifier": q,
            "label": (f"{ratio:,.3g} (no bound)" if q == "uncertain"
                      else f"{QUALIFIER_WORDS[q]}{ratio:,.3g}"),
            "meaning": meaning,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- timeline
SHORT_TITLES = {
    "Shanghai Convention": "Shanghai Convention",
    "Agreement on Cooperation between SCO Member States in Combating Illicit": "Drugs agreement",
    "Agreement on Cooperation in Identifying and Blocking": "Agreement on blocking entry channels",
    "Agreement on Cooperation in Ensuring International Information": "Information security agreement",
    "Agreement between the Governments of the SCO Member States on Creating": "Road transport agreement",
    "Agreement on Cooperation and Interaction of the SCO Member States on Border": "Border agreement",
    "Statement by the Heads of SCO Member States on Drug": "Statement on drugs",
    "UNGASS 2016": "UN special session on drugs",
    "High-level Special Event": "UN–SCO event, New York",
    "High-level side event": "UN–SCO drugs event, Vienna",
    "Astana Declaration": "Astana Declaration",
    "Statement by the SCO Heads of the Member States on Joint": "Statement on terrorism",
    "Convention of the Shanghai Cooperation Organization against Terrorism": "Convention against Terrorism",
    "SCO Convention on Countering Extremism": "Convention on Extremism",
    "2016-2018 SCO": "Programme 2016–2018",
    "United Nations Global Counter-Terrorism Strategy": "UN Counter-Terrorism Strategy",
}


def short_title(title: str, words: int = 5) -> str:
    """A short label for a document title (for figures).

    >>> short_title("SCO Convention on Countering Extremism")
    'Convention on Extremism'
    >>> short_title("A new document with a rather long title")
    'A new document with a…'
    """
    for start, short in SHORT_TITLES.items():
        if title.startswith(start):
            return short
    parts = title.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def documents_timeline() -> pd.DataFrame:
    """The documents and events the article names, with a decimal date for plotting
    (mid-month where the month is known, mid-year otherwise) and a short label.

    >>> t = documents_timeline()
    >>> t.loc[t.kind == "convention", "year"].tolist()
    [2001, 2009, 2017]
    """
    t = load("documents")
    t["year"] = t["year"].astype(int)
    month = t["month"].astype("Float64")
    t["when"] = (t["year"] + ((month - 0.5) / 12).fillna(0.5)).astype(float)
    t["short"] = [short_title(s) for s in t["title"]]
    return t.sort_values(["when", "title"]).reset_index(drop=True)

