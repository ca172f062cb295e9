"""World Heritage properties of the SCO states and the "20 per cent" claim (notebook 06).

A *reading* of the claim is one choice on each of five axes:

* **category** of the properties counted: ``"all"``, ``"cultural"`` (category Cultural)
  or ``"cultural + mixed"`` (Mixed properties meet cultural *and* natural criteria);
* **denominator**: the ``"whole List"`` or its ``"cultural part"`` (the same categories
  as the numerator; meaningless for ``"all"``);
* **members**: one of :data:`MEMBER_SETS` (the 2017 members, today's members, the 2017
  members with the observers, and with the dialogue partners too; the sets themselves
  are defined in :data:`course_lib.sco.MEMBER_SETS`);
* **counting** of transboundary properties: ``"once"`` (a property counts once if any of
  its States Parties is in the set) or ``"per country"`` (numerator *and* denominator
  count one entry per property and State Party, from ``data/world_heritage_states.csv``);
* **year**: the List at the end of that year (``year_inscribed <= year`` and not yet
  removed).

:func:`incidence` builds, once, a property x member-set table of how many of each
property's States Parties are in each set; :func:`share` is then a few vectorised sums,
fast enough for an explorer.

>>> len(on_list(2017))
1073
>>> round(share()["share"], 2)  # the primary reading
12.4
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np
import pandas as pd

from .. import sco
from ..cache import data_cached
from ..data import load
from ..errors import CourseError
from ..sco import ARTICLE_YEAR
from ..validate import as_choice, as_year

CLAIM_ID = "heritage_share"
SOURCES = ["world_heritage", "world_heritage_states", "sco_membership"]

#: category choice -> categories counted in the numerator
CATEGORIES: dict[str, tuple[str, ...]] = {
    "all": ("Cultural", "Mixed", "Natural"),
    "cultural": ("Cultural",),
    "cultural + mixed": ("Cultural", "Mixed"),
}
DENOMINATORS = ("whole List", "cultural part")
COUNTINGS = ("once", "per country")
#: The member sets this module offers (names of :data:`course_lib.sco.MEMBER_SETS`).
MEMBER_SETS = (
    "2017 members",
    "today's members",
    "2017 members + observers",
    "2017 members + observers + dialogue partners",
)
CATEGORY_ORDER = ("Cultural", "Mixed", "Natural")


# --------------------------------------------------------------------------- data
@data_cached
def _properties() -> pd.DataFrame:
    return load("world_heritage")


@data_cached
def _entries() -> pd.DataFrame:
    return load("world_heritage_states")


def properties() -> pd.DataFrame:
    """The World Heritage table, one row per property (a copy).

    >>> properties().shape[0]
    1157
    """
    return _properties()


def first_year() -> int:
    """The first year of inscriptions in the data.

    >>> first_year()
    1978
    """
    return _years()[0]


@data_cached
def _years() -> tuple[int, int]:
    y = _properties()["year_inscribed"]
    return int(y.min()), int(y.max())


def latest_year() -> int:
    """The latest year of inscriptions in the data (the export's last session).

    >>> latest_year()
    2021
    """
    return _years()[1]


def _check_year(year: Any) -> int:
    lo, hi = _years()
    return as_year(year, lo, hi, where="the World Heritage List in the data")


def on_list(year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Properties on the List at the end of ``year`` (inscribed, and not removed by then).

    >>> len(on_list(2017)), len(on_list(2021))
    (1073, 1154)
    >>> on_list(1900)
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: 1900 is outside the years of the World Heritage List in the data (1978-2021).
    """
    year = _check_year(year)
    p = _properties()
    keep = (p["year_inscribed"] <= year) & (p["year_removed"].isna() | (p["year_removed"] > year))
    return p[keep.fillna(False).astype(bool)].reset_index(drop=True)


def removed() -> pd.DataFrame:
    """The properties deleted from the List, with the year of deletion.

    >>> removed()["name"].tolist()
    ['Arabian Oryx Sanctuary', 'Liverpool – Maritime Mercantile City', 'Dresden Elbe Valley']
    """
    p = _properties()
    cols = ["id_no", "name", "states_iso3", "category", "year_inscribed", "year_removed",
            "latitude", "longitude"]
    return p.loc[p["year_removed"].notna(), cols].reset_index(drop=True).copy()


def no_state() -> pd.DataFrame:
    """Properties with no State Party code (Jerusalem).

    >>> no_state()["id_no"].tolist()
    [148]
    """
    p = _properties()
    return p.loc[p["states_iso3"].isna(), ["id_no", "name", "category", "year_inscribed"]] \
        .reset_index(drop=True).copy()


# --------------------------------------------------------------------------- member sets
def latest_membership_date() -> pd.Timestamp:
    """The latest date in the membership table (:func:`course_lib.sco.latest_date`).

    >>> latest_membership_date() >= pd.Timestamp("2024-07-04")
    True
    """
    return sco.latest_date()


def _check_choice(value: Any, options: Iterable[str], what: str) -> str:
    return as_choice(value, options, what)


def _check_members(members: Any) -> str:
    return sco.check_member_set(members, MEMBER_SETS)


def member_set(name: str = "2017 members") -> list[str]:
    """ISO3 codes of one member set (see :data:`MEMBER_SETS`).

    >>> member_set("2017 members")
    ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']
    >>> member_set("members")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown member set 'members'. Did you mean ...
    """
    return sco.member_set(_check_members(name))


def member_set_definition(name: str) -> str:
    """One sentence saying who is in a member set and as of which date.

    >>> member_set_definition("2017 members")
    'the 8 SCO members on 2017-10-01'
    """
    return sco.member_set_definition(_check_members(name))


# --------------------------------------------------------------------------- incidence
@dataclass(frozen=True)
class Incidence:
    """Property x member-set table, as read-only numpy arrays aligned on ``ids``.

    ``hits[set][i]`` is how many of property *i*'s States Parties are in the set;
    ``n_entries[i]`` how many States Parties it has (0 for Jerusalem).
    """

    ids: np.ndarray
    inscribed: np.ndarray
    removed: np.ndarray  # +inf when never removed
    n_entries: np.ndarray
    category_mask: dict[str, np.ndarray]
    hits: dict[str, np.ndarray]


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@data_cached
def incidence() -> Incidence:
    """Build (once, cached) the property x member-set incidence.

    >>> inc = incidence()
    >>> int((inc.hits["2017 members"] > 0).sum()) >= 133
    True
    """
    p = _properties()
    e = _entries()
    ids = p["id_no"].to_numpy(dtype=np.int64)
    n_entries = e.groupby("id_no").size().reindex(p["id_no"], fill_value=0)
    hits = {}
    for name in MEMBER_SETS:
        codes = sco.member_set(name)
        per = e[e["iso3"].isin(codes)].groupby("id_no").size()
        hits[name] = _readonly(per.reindex(p["id_no"], fill_value=0).to_numpy(dtype=np.int64))
    cat = p["category"].to_numpy(dtype=object)
    masks = {k: _readonly(np.isin(cat, list(v))) for k, v in CATEGORIES.items()}
    return Incidence(
        ids=_readonly(ids),
        inscribed=_readonly(p["year_inscribed"].to_numpy(dtype=np.int64)),
        removed=_readonly(p["year_removed"].astype("Float64").fillna(np.inf)
                          .to_numpy(dtype=float)),
        n_entries=_readonly(n_entries.to_numpy(dtype=np.int64)),
        category_mask=masks,
        hits=hits,
    )


def share(category: str = "all", denominator: str = "whole List",
          members: str = "2017 members", counting: str = "once",
          year: int = ARTICLE_YEAR) -> dict[str, Any]:
    """The share of the List held by a member set, under one reading.

    Parameters
    ----------
    category : {"all", "cultural", "cultural + mixed"}
        Which properties of the set count in the numerator.
    denominator : {"whole List", "cultural part"}
        The whole List, or only its properties of the numerator's categories.
    members : str
        One of :data:`MEMBER_SETS`.
    counting : {"once", "per country"}
        ``"once"``: a property counts once if any of its States Parties is in the set;
        ``"per country"``: numerator and denominator count property x State Party entries.
    year : int
        The List at the end of this year.

    Returns
    -------
    dict
        ``share`` (%), ``numerator``, ``denominator`` (properties or entries) and the
        choices.

    Examples
    --------
    >>> s = share()
    >>> s["numerator"], s["denominator"], round(s["share"], 2)
    (133, 1073, 12.4)
    >>> share("cultural", "cultural part")["denominator"]
    832
    >>> share("all", "cultural part")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: With category 'all' the denominator is the whole List; 'cultural part' needs category 'cultural' or 'cultural + mixed'.
    """
    _check_choice(category, CATEGORIES, "category")
    _check_choice(denominator, DENOMINATORS, "denominator")
    members = _check_members(members)
    _check_choice(counting, COUNTINGS, "counting")
    year = _check_year(year)
    if category == "all" and denominator == "cultural part":
        raise CourseError(
            "With category 'all' the denominator is the whole List; 'cultural part' needs "
            "category 'cultural' or 'cultural + mixed'."
        )
    inc = incidence.peek()  # read only (its arrays are read-only)
    listed = (inc.inscribed <= year) & (inc.removed > year)
    cat = inc.category_mask[category]
    hits = inc.hits[members]
    den_mask = listed if denominator == "whole List" else listed & cat
    num_mask = listed & cat
    if counting == "once":
        num = int(np.count_nonzero(num_mask & (hits > 0)))
        den = int(np.count_nonzero(den_mask))
    else:
        num = int(hits[num_mask].sum())
        den = int(inc.n_entries[den_mask].sum())
    return {
        "share": 100.0 * num / den if den else float("nan"),
        "numerator": num,
        "denominator": den,
        "category": category,
        "denominator_kind": denominator,
        "members": members,
        "counting": counting,
        "year": year,
    }


def definition(category: str, denominator: str, members: str, counting: str,
               year: int) -> str:
    """A sentence defining one reading.

    >>> definition("all", "whole List", "2017 members", "once", 2017)[:60]
    'properties (all categories) with at least one State Party am'
    """
    what = {"all": "properties (all categories)", "cultural": "Cultural properties",
            "cultural + mixed": "Cultural and Mixed properties"}[category]
    of = ("of all properties on the List" if denominator == "whole List"
          else "of the " + {"cultural": "Cultural", "cultural + mixed": "Cultural and Mixed",
                            "all": "all"}[category] + " properties on the List")
    if counting == "once":
        how = (f"{what} with at least one State Party among {member_set_definition(members)}, "
               f"each counted once, as a % {of}")
    else:
        how = (f"entries (property x State Party) of {what} whose State Party is among "
               f"{member_set_definition(members)}, as a % of the entries {of}")
    return f"{how}, at the end of {year}"


def reading_label(category: str, denominator: str, members: str, counting: str,
                  year: int) -> str:
    """A short label for one reading.

    >>> reading_label("all", "whole List", "2017 members", "once", 2017)
    'all / whole List / 2017 members / once / 2017'
    """
    return f"{category} / {denominator} / {members} / {counting} / {year}"


def grid(years: Iterable[int] | None = None) -> pd.DataFrame:
    """Every reading: one row per combination of the five choices.

    ``years`` defaults to the article's year and the latest year in the data. The
    combination category "all" with the "cultural part" denominator is left out (it has
    no meaning).

    >>> g = grid()
    >>> len(g), list(g.columns[:3])
    (80, ['reading', 'definition', 'value'])
    """
    years = [ARTICLE_YEAR, latest_year()] if years is None else [_check_year(y) for y in years]
    rows = []
    for year in years:
        for members in MEMBER_SETS:
            for category in CATEGORIES:
                for denominator in DENOMINATORS:
                    if category == "all" and denominator == "cultural part":
                        continue
                    for counting in COUNTINGS:
                        s = share(category, denominator, members, counting, year)
                        rows.append({
                            "reading": reading_label(category, denominator, members,
                                                     counting, year),
                            "definition": definition(category, denominator, members,
                                                     counting, year),
                            "value": s["share"],
                            "category": category, "denominator": denominator,
                            "members": members, "counting": counting, "year": year,
                            "numerator_n": s["numerator"], "denominator_n": s["denominator"],
                        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- tables for figures
@data_cached
def _entry_arrays() -> dict[str, np.ndarray]:
    """The long table (property x State Party) as arrays, with year and category codes."""
    p = _properties()[["id_no", "year_inscribed", "year_removed", "category"]]
    e = _entries().merge(p, on="id_no", how="left")
    codes = sorted(e["iso3"].unique())
    return {
        "codes": np.array(codes, dtype=object),
        "iso": _readonly(pd.Categorical(e["iso3"], categories=codes).codes.astype(np.int64)),
        "cat": _readonly(pd.Categorical(e["category"], categories=list(CATEGORY_ORDER))
                         .codes.astype(np.int64)),
        "inscribed": _readonly(e["year_inscribed"].to_numpy(dtype=np.int64)),
        "removed": _readonly(e["year_removed"].astype("Float64").fillna(np.inf)
                             .to_numpy(dtype=float)),
    }


def country_counts(members: str = "2017 members", year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Properties on the List per State Party of a member set, by category.

    A transboundary property counts for **each** of its States Parties. One row per
    state of the set (zero rows kept), columns Cultural, Mixed, Natural, total and
    country, sorted by total (largest first).

    >>> c = country_counts()
    >>> c.index[0], int(c.loc["CHN", "total"]) > 40
    ('CHN', True)
    """
    codes = member_set(members)
    year = _check_year(year)
    a = _entry_arrays.peek()  # read only
    listed = (a["inscribed"] <= year) & (a["removed"] > year)
    n_codes, n_cat = len(a["codes"]), len(CATEGORY_ORDER)
    counts = np.bincount(a["iso"][listed] * n_cat + a["cat"][listed],
                         minlength=n_codes * n_cat).reshape(n_codes, n_cat)
    out = pd.DataFrame(counts, index=pd.Index(a["codes"], name="iso3"),
                       columns=list(CATEGORY_ORDER))
    out = out.reindex(codes, fill_value=0)
    out.index.name = "iso3"
    out["total"] = out[list(CATEGORY_ORDER)].sum(axis=1)
    names = _country_names()
    out["country"] = [names.get(c, c) for c in out.index]
    return out.sort_values(["total", "Cultural"], ascending=False, kind="stable")


@data_cached
def _country_names() -> dict[str, str]:
    from ..sco import names as sco_names

    c = load("countries")
    names = dict(zip(c["iso3"], c["name"]))
    names.update(sco_names())
    return names


def share_over_time(members: str = "2017 members", category: str = "all",
                    denominator: str = "whole List", counting: str = "once") -> pd.DataFrame:
    """The share (and counts) at the end of every year in the data.

    >>> t = share_over_time()
    >>> round(float(t.loc[2017, "share"]), 2)
    12.4
    """
    rows = {}
    for year in range(first_year(), latest_year() + 1):
        s = share(category, denominator, members, counting, year)
        rows[year] = {"share": s["share"], "numerator": s["numerator"],
                      "denominator": s["denominator"]}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


def inscriptions_per_year(members: str = "2017 members") -> pd.DataFrame:
    """Properties inscribed each year: by the member set (any State Party in it) and others.

    >>> int(inscriptions_per_year().loc[1987, "set"]) > 0
    True
    """
    members = _check_members(members)
    inc = incidence.peek()  # read only
    held = inc.hits[members] > 0
    df = pd.DataFrame({"year": inc.inscribed, "held": held})
    out = pd.crosstab(df["year"], df["held"]).reindex(columns=[True, False], fill_value=0)
    out.columns = ["set", "others"]
    return out.reindex(range(first_year(), latest_year() + 1), fill_value=0).rename_axis("year")


def map_points(members: str = "2017 members", year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Properties on the List at the end of ``year`` with coordinates and a ``held`` flag
    (True when at least one State Party is in the member set).

    >>> m = map_points()
    >>> len(m), int(m["held"].sum())
    (1073, 133)
    """
    codes = set(member_set(members))
    p = on_list(year)
    held = p["states_iso3"].fillna("").map(lambda s: bool(codes & set(s.split(";"))))
    out = p[["id_no", "name", "category", "states_iso3", "latitude", "longitude"]].copy()
    out["held"] = held.astype(bool).to_numpy()
    return out


# --------------------------------------------------------------------------- claim
def article_value(claim_id: str = CLAIM_ID) -> float:
    """The article's number for the claim, read from ``data/claims.csv``.

    >>> article_value()
    20.0
    """
    from ..claims.core import article_value as _article_value

    return _article_value(claim_id)


def evidence_heritage_share() -> dict[str, Any]:
    """Evidence for 'cultural sites of SCO countries are 20 % of the World Heritage List'.

    Every reading of :func:`grid` (the 2017 List and the latest, four member sets) is
    returned; ``data/claim_readings.csv`` fixes which are eligible (the 2017 List and the
    members of October 2017); the rest are context.

    >>> ev = evidence_heritage_share()
    >>> ev["unit"], round(ev["value"], 2), len(ev["readings"])
    ('%', 12.4, 80)
    """
    g = grid()
    latest = latest_year()
    primary = share()
    cult = share("cultural", "whole List")
    cult_part = share("cultural", "cultural part")
    per = share(counting="per country")
    m17 = g[(g["members"] == "2017 members") & (g["year"] == ARTICLE_YEAR)]
    now = share(members="today's members", year=latest)
    wide = share(members="2017 members + observers + dialogue partners")
    explanation = (
        f"At the end of {ARTICLE_YEAR} the List held {primary['denominator']:,} properties; "
        f"{primary['numerator']} of them (**{primary['share']:.1f} %**) had at least one State "
        f"Party among {member_set_definition('2017 members')}. Counting only Cultural "
        f"properties gives {cult['share']:.1f} % of the whole List, or {cult_part['share']:.1f} % "
        f"of its cultural part; counting transboundary properties once per country gives "
        f"{per['share']:.1f} %. Over the {len(m17)} readings with the 2017 List and the members "
        f"of October 2017 the share runs from {m17['value'].min():.1f} % to "
        f"{m17['value'].max():.1f} %. Adding observers and dialogue partners, which were not "
        f"members, gives {wide['share']:.1f} % (context only); today's members on the {latest} "
        f"List hold {now['share']:.1f} %."
    )
    readings = g[["reading", "definition", "value"]].copy()
    readings.insert(0, "reading_id", readings["reading"])
    return {
        "value": primary["share"],
        "unit": "%",
        "readings": readings,
        "explanation": explanation,
        "sources": list(SOURCES),
        "now": {"value": now["share"], "label": f"today's members, List of {latest}"},
    }
