"""SCO membership on any date, from the dated table ``data/sco_membership.csv``.

Statuses: ``"member"``, ``"observer"``, ``"dialogue_partner"``, ``"shanghai_five"``
(the 1996-2001 predecessor, kept apart from SCO membership) and ``"partner"``
(observer or dialogue partner; the SCO merged the two into one "SCO partner" status
on 1 September 2025).

Dates: a ``date``/``datetime``/``Timestamp``, an ISO string ``"2017-10-01"`` (or
``"2017-10"``), or a year as an ``int``. **A year means 31 December of that year.**
Where the table gives only the year of a status change (``"2005"``), the change is
counted from 31 December of that year: by then it had certainly happened.

>>> members("2001-07-01")
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
>>> len(members("2017-10-01")), len(members(2024))
(8, 10)

Which states count
------------------
The course's groups of states are defined here once (:data:`MEMBER_SETS`), and every
function of ``course_lib`` that asks "which states?" takes them through one parameter,
``members=``: a set's name, or ISO3 codes. The article's date is :data:`ARTICLE_DATE`.
A time series defaults to :data:`EACH_YEAR`, the members *of each year*, so that a past
period is judged with the members of that period; a fixed set (such as the 2017
members) must be asked for, and the text should say why.

>>> member_set(EACH_YEAR, 2010)
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
>>> members_of(["pak", "IND"])
['PAK', 'IND']
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterable

import pandas as pd

from .cache import data_cached
from .data import load
from .errors import CourseError
from .validate import as_choice, as_iso3s, as_year

#: The article's date: the issue of October 2017 (a day within that month).
ARTICLE_DATE = "2017-10-01"
#: The year of the article, for tables that hold one value per year.
ARTICLE_YEAR = int(ARTICLE_DATE[:4])
#: The date the founders' set is read on (the SCO was founded in Shanghai on 15 June 2001).
FOUNDING_DATE = "2001-06-15"
#: The name of the members of each year: the default group of every time series.
EACH_YEAR = "members of each year"
#: Named groups of states (name -> who is in it). Every module offers a subset.
MEMBER_SETS: dict[str, str] = {
    EACH_YEAR: "the members on 31 December of each year (none before 2001), so that a "
               "past period is judged with the members of that period",
    "2001 founders": "the six founding members of June 2001",
    "2017 members": "the members on the article's date (October 2017), held fixed",
    "2017 members + observers": "the members and observers on the article's date, held fixed",
    "2017 members + observers + dialogue partners": "every state with a status on the "
                                                    "article's date, held fixed",
    "today's members": "the members on the latest date in data/sco_membership.csv",
}
#: Older names of the sets, still accepted (not offered in menus).
ALIASES: dict[str, str] = {
    "each_year": EACH_YEAR,
    "oct2017": "2017 members",
    "oct2017_observers": "2017 members + observers",
}

STATUSES = ("member", "observer", "dialogue_partner", "shanghai_five", "partner")
PARTNER_MERGER = pd.Timestamp("2025-09-01")
STATUS_LABELS = {
    "shanghai_five": "Shanghai Five",
    "member": "Member",
    "observer": "Observer",
    "dialogue_partner": "Dialogue partner",
    "partner": "Partner (observer or dialogue partner)",
}
# Key dates a learner may pick by name (summits and other moments of the story).
KEY_DATES = {
    "Shanghai Five founded (26 Apr 1996)": "1996-04-26",
    "SCO founded, Shanghai (15 Jun 2001)": "2001-06-15",
    "Astana summit: India and Pakistan join (9 Jun 2017)": "2017-06-09",
    "Article published (Oct 2017)": ARTICLE_DATE,
    "Iran joins (4 Jul 2023)": "2023-07-04",
    "Belarus joins (4 Jul 2024)": "2024-07-04",
    "Tianjin summit (1 Sep 2025)": "2025-09-01",
}


def _parse_table_date(value: Any, *, start: bool) -> pd.Timestamp:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return pd.Timestamp.max if not start else pd.Timestamp.min
    text = str(value).strip()
    if text == "":
        return pd.Timestamp.max if not start else pd.Timestamp.min
    if re.fullmatch(r"\d{4}", text):
        return pd.Timestamp(f"{text}-12-31") if start else pd.Timestamp(f"{text}-01-01")
    return pd.Timestamp(text)


def to_date(on: Any) -> pd.Timestamp:
    """Turn what a learner may pass as a date into a ``Timestamp`` (or raise clearly).

    >>> to_date(2017)
    Timestamp('2017-12-31 00:00:00')
    >>> to_date("2017-06")
    Timestamp('2017-06-01 00:00:00')
    """
    if isinstance(on, bool):
        raise CourseError(f"{on!r} is not a date. Give a year such as 2017 or '2017-10-01'.")
    if pd.api.types.is_number(on):  # int, numpy integer, whole float: a year
        year = as_year(on)
        if not 1900 <= year <= 2100:
            raise CourseError(f"{year} is outside the years the course covers (1900-2100).")
        return pd.Timestamp(f"{year}-12-31")
    if isinstance(on, pd.Timestamp):
        return on.normalize() if not pd.isna(on) else _bad_date(on)
    if isinstance(on, (_dt.date, _dt.datetime)):
        return pd.Timestamp(on).normalize()
    if isinstance(on, str):
        text = on.strip()
        if re.fullmatch(r"\d{4}", text):
            return to_date(int(text))
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            text += "-01"
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            try:
                return pd.Timestamp(text)
            except ValueError:
                pass
        if text.lower() == "today":
            return pd.Timestamp.today().normalize()
    return _bad_date(on)


def _bad_date(on: Any) -> pd.Timestamp:
    raise CourseError(
        f"Cannot read {on!r} as a date. Use a year (2017), an ISO date ('2017-10-01') "
        "or a datetime.date."
    )


def timeline() -> pd.DataFrame:
    """Every status spell with parsed ``start`` and ``end`` (``end`` NaT if ongoing).

    >>> t = timeline()
    >>> t.loc[(t.iso3 == "IND") & (t.status == "member"), "start"].iloc[0].year
    2017
    """
    return _timeline()


@data_cached
def _timeline() -> pd.DataFrame:
    df = load("sco_membership")  # validates; raises the clear DataError when damaged
    df["start"] = [_parse_table_date(v, start=True) for v in df["start_date"]]
    end = [_parse_table_date(v, start=False) for v in df["end_date"]]
    df["end"] = [pd.NaT if e == pd.Timestamp.max else e for e in end]
    return df


@data_cached
def _status_on(when: pd.Timestamp) -> pd.DataFrame:
    spells, start, end = _spells.peek()  # read only; an ongoing spell ends NaT
    when = when.to_datetime64()
    return spells[(start <= when) & ~(end <= when)].reset_index(drop=True)


@data_cached
def _spells() -> tuple[pd.DataFrame, Any, Any]:
    """status_on's rows (by status and code), with their starts and ends as arrays."""
    t = _timeline.peek().sort_values(["status", "iso3"], kind="stable")
    spells = t[["iso3", "country", "status", "start"]].rename(columns={"start": "since"})
    return spells.reset_index(drop=True), t["start"].to_numpy(), t["end"].to_numpy()


def status_on(on: Any) -> pd.DataFrame:
    """All states with an SCO status on a date: iso3, country, status, since.

    >>> int(status_on("2017-10-01").status.value_counts()["member"])
    8
    """
    return _status_on(to_date(on))


def members(on: Any, status: str = "member") -> list[str]:
    """ISO3 codes of the states that held ``status`` on a date or year, sorted.

    Parameters
    ----------
    on : date, str or int
        The date; a year means 31 December of that year.
    status : str
        ``"member"`` (default), ``"observer"``, ``"dialogue_partner"``, ``"partner"``
        (either of the two) or ``"shanghai_five"``.

    Examples
    --------
    >>> members("2017-06-08")
    ['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
    >>> members("2017-06-09")
    ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']
    >>> "MNG" in members(2017, status="observer")
    True
    """
    return list(_members(to_date(on), as_choice(status, STATUSES, "status")))


@data_cached
def _members(when: pd.Timestamp, status: str) -> tuple[str, ...]:
    current = _status_on.peek(when)  # read only
    wanted = {"observer", "dialogue_partner"} if status == "partner" else {status}
    return tuple(sorted(current.loc[current.status.isin(wanted), "iso3"].unique().tolist()))


def names(codes: list[str] | None = None) -> dict[str, str]:
    """Country names for ISO3 codes in the membership table.

    >>> names(["IND"])
    {'IND': 'India'}
    """
    t = load("sco_membership")
    mapping = dict(zip(t.iso3, t.country))
    return mapping if codes is None else {c: mapping.get(c, c) for c in codes}


def counts_over_time(start: int = 1996, end: int | None = None) -> pd.DataFrame:
    """Number of states with each status on 31 December of every year.

    ``end`` defaults to the year of the latest date in the membership table.

    >>> int(counts_over_time(2016, 2017).loc[2017, "member"])
    8
    """
    start = as_year(start, 1900, 2100)
    end = latest_date().year if end is None else as_year(end, start, 2100)
    rows = {}
    for year in range(start, end + 1):
        s = status_on(year).status.value_counts()
        rows[year] = {k: int(s.get(k, 0)) for k in STATUSES if k != "partner"}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


# --------------------------------------------------------------------------- member sets
def latest_date() -> pd.Timestamp:
    """The latest date in the membership table: "today" as far as the data know (so
    "today's members" depend on the data package, not on the day the notebook runs).

    >>> latest_date() >= pd.Timestamp("2024-07-04")
    True
    """
    return _latest_date()


@data_cached
def _latest_date() -> pd.Timestamp:
    t = _timeline.peek()  # read only
    return pd.Timestamp(pd.concat([t["start"], t["end"]]).dropna().max())


def check_member_set(name: Any, options: Iterable[str] | None = None) -> str:
    """The canonical name of a member set (older names such as ``"oct2017"`` accepted),
    or a clear error listing ``options`` (default: every set in :data:`MEMBER_SETS`).

    >>> check_member_set("oct2017")
    '2017 members'
    >>> check_member_set("2017 member")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown member set '2017 member'. Did you mean '2017 members'? ...
    """
    options = list(MEMBER_SETS if options is None else options)
    if not isinstance(name, str):  # codes, a number, None: not the name of a set
        raise CourseError(f"Here members= names a member set, one of {options}; not {name!r}.")
    canonical = ALIASES.get(name, name)
    if canonical in MEMBER_SETS and canonical not in options:  # a set not offered here
        raise CourseError(f"The member set {canonical!r} is not offered here. Choose one "
                          f"of: {', '.join(repr(o) for o in options)}.")
    return as_choice(name, options, "member set", aliases=ALIASES)


def varies_by_year(members: Any) -> bool:
    """Whether ``members`` names a set that changes from year to year.

    >>> varies_by_year(EACH_YEAR), varies_by_year("2017 members"), varies_by_year(["IND"])
    (True, False, False)
    """
    return isinstance(members, str) and ALIASES.get(members, members) == EACH_YEAR


def member_set(name: str, year: Any = None) -> list[str]:
    """ISO3 codes of a named member set (see :data:`MEMBER_SETS`), sorted.

    Parameters
    ----------
    name : str
        A key of :data:`MEMBER_SETS` (or an older name in :data:`ALIASES`).
    year : int, optional
        Needed only for :data:`EACH_YEAR`: the members on 31 December of that year.

    Examples
    --------
    >>> member_set("2001 founders")
    ['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
    >>> len(member_set("2017 members + observers"))
    12
    >>> member_set(EACH_YEAR, 2000)
    []
    """
    name = check_member_set(name)
    if name == EACH_YEAR and year is None:
        raise CourseError(f"The set {EACH_YEAR!r} changes every year: give the year, e.g. "
                          f"member_set({EACH_YEAR!r}, 2015).")
    if name == EACH_YEAR:
        return members(as_year(year, 1900, 2100))
    if name == "2001 founders":
        return members(FOUNDING_DATE)
    if name == "today's members":
        return members(latest_date())
    codes = set(members(ARTICLE_DATE))
    if "observers" in name:
        codes |= set(members(ARTICLE_DATE, status="observer"))
    if "dialogue partners" in name:
        codes |= set(members(ARTICLE_DATE, status="dialogue_partner"))
    return sorted(codes)


_DEFINITIONS = {
    "2001 founders": "the {n} SCO members on {founded} (the founders)",
    "2017 members": "the {n} SCO members on {article}",
    "2017 members + observers": "the {n} SCO members and observers on {article}",
    "2017 members + observers + dialogue partners":
        "the {n} SCO members, observers and dialogue partners on {article}",
    "today's members": "the {n} SCO members on {latest}, the latest date in "
                       "data/sco_membership.csv",
}


def member_set_definition(name: str) -> str:
    """Who is in a member set and as of which date, with the number of states.

    >>> member_set_definition("2017 members")
    'the 8 SCO members on 2017-10-01'
    """
    name = check_member_set(name)
    if name == EACH_YEAR:
        return "the SCO members on 31 December of each year"
    return _DEFINITIONS[name].format(n=len(member_set(name)), founded=FOUNDING_DATE,
                                     article=ARTICLE_DATE, latest=f"{latest_date():%Y-%m-%d}")


def members_of(members: Any, year: Any = None, known: Any = None,
               options: Iterable[str] | None = None, where: str = "") -> list[str]:
    """Resolve a ``members=`` argument: a key of :data:`MEMBER_SETS` (sorted codes; for
    :data:`EACH_YEAR` those of ``year``) or ISO3 codes in any case (order kept, repeats
    dropped). ``known``, ``where``: the codes allowed and their table, as in
    :func:`course_lib.validate.as_iso3s`; ``options``: the set names the caller offers.

    >>> members_of("2017 members")[:3]
    ['CHN', 'IND', 'KAZ']
    >>> members_of("kaz")
    ['KAZ']
    """
    if isinstance(members, str) and (members in MEMBER_SETS or members in ALIASES):
        return member_set(check_member_set(members, options), year)
    if isinstance(members, str) and not re.fullmatch(r"\s*[A-Za-z]{3}\s*", members):
        check_member_set(members, options)  # a misspelt set name: say so
    if not isinstance(members, str) and not hasattr(members, "__iter__"):
        sets = ", ".join(repr(o) for o in (MEMBER_SETS if options is None else options))
        raise CourseError(f"Give a member set ({sets}) or ISO3 codes such as ['CHN', 'RUS'], "
                          f"not {members!r}.")
    return as_iso3s(members, known, where=where)


def member_table(members: Any, years: Iterable[Any]) -> pd.DataFrame:
    """Year x country table of booleans: does the country count in that year?

    Columns are every state that counts in at least one of ``years`` (sorted for a set,
    in the order given for codes). For :data:`EACH_YEAR` a country counts from the
    year it joined; for a fixed set or codes every year is ``True``. Multiply or mask a
    year x country table with it to judge each year with that year's members.

    >>> t = member_table(EACH_YEAR, [2016, 2017])
    >>> bool(t.loc[2016, "IND"]), bool(t.loc[2017, "IND"])
    (False, True)
    """
    years = [as_year(y, 1900, 2100) for y in years]
    if varies_by_year(members):
        by = {y: member_set(EACH_YEAR, y) for y in years}
        cols = sorted({c for codes in by.values() for c in codes})
    else:
        cols = members_of(members)
        by = {y: cols for y in years}
    out = pd.DataFrame(False, index=pd.Index(list(by), name="year"), columns=cols)
    for year, codes in by.items():
        out.loc[year, codes] = True
    return out
