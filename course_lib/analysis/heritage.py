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

>>> s = share("cultural", "cultural part", "today's members", "once", 2021)
>>> sorted(s)[:3], bool(0 < s["share"] < 100)
(['category', 'counting', 'denominator'], True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def entries() -> pd.DataFrame:
    """One row per property and State Party (``data/world_heritage_states.csv``, a copy).

    >>> list(entries().columns[:2])
    ['id_no', 'iso3']
    """
    return _entries()


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


def check_year(year: Any) -> int:
    """``year`` checked against the years of the List in the data (a clear error if not).

    >>> check_year(2017.0)
    2017
    """
    lo, hi = _years()
    return as_year(year, lo, hi, where="the World Heritage List in the data")


def on_list(year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Properties on the List at the end of ``year`` (inscribed, and not removed by then).

    >>> len(on_list(2021)) >= len(on_list(2020))
    True
    >>> on_list(1900)
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: 1900 is outside the years of the World Heritage List in the data (1978-2021).
    """
    year = check_year(year)
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
def check_members(members: Any) -> str | tuple[str, ...]:
    """A ``members=`` argument: the canonical name of one of :data:`MEMBER_SETS`, or
    ISO3 codes (any case) of States Parties in the data, as a tuple.

    >>> check_members("oct2017"), check_members(["chn", "IND"])
    ('2017 members', ('CHN', 'IND'))
    """
    if isinstance(members, str) and (members in sco.MEMBER_SETS or members in sco.ALIASES
                                     or len(members.strip()) != 3):
        return sco.check_member_set(members, MEMBER_SETS)
    return tuple(sco.members_of(members, known=_state_codes(), options=MEMBER_SETS,
                                where="data/world_heritage_states.csv"))


@data_cached
def _state_codes() -> frozenset[str]:
    return frozenset(_entries()["iso3"].astype(str))


def member_set(members: Any = "2017 members") -> list[str]:
    """ISO3 codes of one member set (see :data:`MEMBER_SETS`), or the codes given.

    >>> member_set("2017 members")
    ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']
    >>> member_set("members")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown member set 'members'. Did you mean ...
    """
    key = check_members(members)
    return sco.member_set(key) if isinstance(key, str) else list(key)


def member_set_definition(members: Any) -> str:
    """One sentence saying who is in a member set and as of which date.

    >>> member_set_definition("2017 members")
    'the 8 SCO members on 2017-10-01'
    >>> member_set_definition(["KAZ", "KGZ"])
    'the states KAZ, KGZ'
    """
    key = check_members(members)
    return sco.member_set_definition(key) if isinstance(key, str) else \
        f"the states {', '.join(key)}"


def hits(members: Any) -> np.ndarray:
    """For each property (in the order of :func:`incidence`), how many of its States
    Parties are among ``members`` (a set name or ISO3 codes).

    >>> int(hits(["CHN"]).sum()) == int((entries()["iso3"] == "CHN").sum())
    True
    """
    key = check_members(members)
    inc = incidence.peek()  # read only
    return inc.hits[key] if isinstance(key, str) else _hits_of(key)


@data_cached
def _hits_of(codes: tuple[str, ...]) -> np.ndarray:
    e = _entries()
    per = e[e["iso3"].isin(codes)].groupby("id_no").size()
    return _readonly(per.reindex(_properties()["id_no"], fill_value=0).to_numpy(dtype=np.int64))


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
    >>> sorted(inc.hits) == sorted(MEMBER_SETS)
    True
    """
    p = _properties()
    e = _entries()
    ids = p["id_no"].to_numpy(dtype=np.int64)
    n_entries = e.groupby("id_no").size().reindex(p["id_no"], fill_value=0)
    by_set = {}
    for name in MEMBER_SETS:
        codes = sco.member_set(name)
        per = e[e["iso3"].isin(codes)].groupby("id_no").size()
        by_set[name] = _readonly(per.reindex(p["id_no"], fill_value=0).to_numpy(dtype=np.int64))
    cat = p["category"].to_numpy(dtype=object)
    masks = {k: _readonly(np.isin(cat, list(v))) for k, v in CATEGORIES.items()}
    return Incidence(
        ids=_readonly(ids),
        inscribed=_readonly(p["year_inscribed"].to_numpy(dtype=np.int64)),
        removed=_readonly(p["year_removed"].astype("Float64").fillna(np.inf)
                          .to_numpy(dtype=float)),
        n_entries=_readonly(n_entries.to_numpy(dtype=np.int64)),
        category_mask=masks,
        hits=by_set,
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
    >>> s = share(members="today's members", year=2021)
    >>> s["members"], type(s["numerator"]).__name__, bool(0 < s["share"] < 100)
    ("today's members", 'int', True)
    >>> share("all", "cultural part")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: With category 'all' the denominator is the whole List; 'cultural part' needs category 'cultural' or 'cultural + mixed'.
    """
    as_choice(category, CATEGORIES, "category")
    as_choice(denominator, DENOMINATORS, "denominator")
    members = check_members(members)
    as_choice(counting, COUNTINGS, "counting")
    year = check_year(year)
    if category == "all" and denominator == "cultural part":
        raise CourseError(
            "With category 'all' the denominator is the whole List; 'cultural part' needs "
            "category 'cultural' or 'cultural + mixed'."
        )
    inc = incidence.peek()  # read only (its arrays are read-only)
    listed = (inc.inscribed <= year) & (inc.removed > year)
    cat = inc.category_mask[category]
    held = hits(members)
    den_mask = listed if denominator == "whole List" else listed & cat
    num_mask = listed & cat
    if counting == "once":
        num = int(np.count_nonzero(num_mask & (held > 0)))
        den = int(np.count_nonzero(den_mask))
    else:
        num = int(held[num_mask].sum())
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


@dataclass(frozen=True)
class HeritageView:
    """What the notebook-06 explorer shows for one reading: the choices (the
    ``denominator`` actually used: "whole List" when every category counts), the share
    (%) and the counts it rests on (properties, or property x State Party entries).
    The per-country bars are :func:`course_lib.analysis.heritage_counts.country_counts`.
    """

    category: str
    denominator: str
    members: str
    counting: str
    year: int
    share: float
    numerator_n: int
    denominator_n: int


def view(category: str = "all", denominator: str = "whole List",
         members: str = "2017 members", counting: str = "once",
         year: int = ARTICLE_YEAR) -> HeritageView:
    """The explorer's numbers for one reading (with every category counted, the share is
    of the whole List whatever ``denominator`` says).

    >>> v = view(category="all", denominator="cultural part", members="today's members", year=2021)
    >>> v.denominator, v.numerator_n <= v.denominator_n
    ('whole List', True)
    """
    effective = "whole List" if category == "all" else denominator
    s = share(category, effective, members, counting, year)
    return HeritageView(category=s["category"], denominator=s["denominator_kind"],
                        members=s["members"], counting=s["counting"], year=s["year"],
                        share=s["share"], numerator_n=s["numerator"],
                        denominator_n=s["denominator"])


