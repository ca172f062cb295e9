"""Membership facts computed from the dated table (notebook 01)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..claims.core import year_fraction
from ..sco import ARTICLE_DATE, latest_date, timeline


def accession_dates() -> pd.DataFrame:
    """First date each state became a full member (founders 2001-06-15).

    >>> accession_dates().set_index("iso3").loc["IND", "date"].year
    2017
    """
    t = timeline()
    m = t[t.status == "member"].groupby(["iso3", "country"], as_index=False)["start"].min()
    m = m.rename(columns={"start": "date"}).sort_values(["date", "iso3"])
    m["year_fraction"] = m["date"].map(year_fraction)
    return m.reset_index(drop=True)


# ------------------------------------------------------------------ notebook 01 helpers
STATUS_ORDER = ("shanghai_five", "member", "observer", "dialogue_partner")


def spells(until: object = None) -> pd.DataFrame:
    """Every status spell with a drawable end (``end_plot``: the end, or ``until``
    for spells still running), states ordered by their first status.

    ``until`` defaults to 31 December of the year of :func:`course_lib.sco.latest_date`,
    the latest date in the membership table ("today" as far as the data know, as for
    "today's members"; the calendar date plays no part): the end of that year, as the
    course counts statuses, so that a status granted on the latest date still shows.

    Columns: iso3, country, status, start, end, end_plot, order (0 = earliest state).

    >>> s = spells()
    >>> s.loc[s.order == 0, "iso3"].iloc[0]
    'CHN'
    >>> s.end_plot.max() == pd.Timestamp(latest_date().year, 12, 31)
    True
    """
    from ..sco import to_date

    stop = to_date(latest_date().year if until is None else until)
    t = timeline()
    t = t[t.status.isin(STATUS_ORDER)].copy()
    t["end_plot"] = t["end"].fillna(stop).clip(upper=stop)
    # stable sort: ties (the founders) keep alphabetical order
    first = t.groupby("iso3")["start"].min().sort_index().sort_values(kind="stable")
    t["order"] = t["iso3"].map({c: i for i, c in enumerate(first.index)})
    cols = ["iso3", "country", "status", "start", "end", "end_plot", "order"]
    return t[cols].sort_values(["order", "start"]).reset_index(drop=True)


def statuses(on: object) -> dict[str, str]:
    """iso3 -> status on a date (one status per state; a state holds one at a time).

    >>> statuses("2017-10-01")["IND"]
    'member'
    >>> statuses("1999")["UZB"] if "UZB" in statuses("1999") else "none"
    'none'
    """
    from ..sco import status_on

    s = status_on(on)
    return dict(zip(s["iso3"], s["status"]))


def status_counts(on: object) -> dict[str, int]:
    """How many states hold each status on a date (every status, zeros included).

    >>> status_counts("2001-06-15")["member"]
    6
    """
    found = pd.Series(list(statuses(on).values()), dtype="object").value_counts()
    return {s: int(found.get(s, 0)) for s in STATUS_ORDER}


def status_years(iso3: str, status: str) -> float:
    """Whole calendar years between the start and end years of a state's spell (a
    spell still running ends in the year of :func:`course_lib.sco.latest_date`, the
    latest date in the membership table, not in the year the code runs).

    >>> status_years("MNG", "observer") >= 20
    True
    >>> status_years("IND", "member") == latest_date().year - 2017
    True
    """
    from ..errors import CourseError

    t = timeline()
    row = t[(t.iso3 == iso3) & (t.status == status)]
    if row.empty:
        raise CourseError(f"No {status!r} spell for {iso3!r} in data/sco_membership.csv.")
    end = row["end"].fillna(latest_date()).iloc[0]
    start_text = str(start_as_written(iso3, status))
    return float(end.year - int(start_text[:4]))


def start_as_written(iso3: str, status: str) -> str:
    """The start date of a spell as written in the table (a year, or a full date).

    >>> start_as_written("IND", "observer")
    '2005'
    """
    from ..data import load

    t = load("sco_membership")
    return str(t.loc[(t.iso3 == iso3) & (t.status == status), "start_date"].iloc[0])


def founders_not_in_shanghai_five() -> list[str]:
    """Founding members (June 2001) that were not in the Shanghai Five.

    >>> set(founders_not_in_shanghai_five()) <= set(statuses("2001-06-15"))
    True
    """
    from ..sco import members

    return sorted(set(members("2001-06-15")) - set(members("2001-06-14", "shanghai_five")))


def partner_counts(period=(2001, None)) -> pd.DataFrame:
    """Observers, dialogue partners and both together on 31 December of each year of
    ``period`` (``(start, end)``; ``None`` as the end: the latest year in the table).

    >>> int(partner_counts(period=(2017, 2017)).loc[2017, "partners"])
    10
    """
    from ..sco import counts_over_time, latest_date
    from ..validate import as_period

    start, end = as_period(period, 1996, latest_date().year, where="partner_counts")
    c = counts_over_time(start, end)[["observer", "dialogue_partner"]].copy()
    c["partners"] = c["observer"] + c["dialogue_partner"]
    return c


@dataclass(frozen=True)
class MembershipView:
    """What the notebook-01 explorer shows for one date: ``statuses`` (iso3 -> status),
    ``counts`` (status -> number of states) and ``names`` (status -> country names)."""

    date: pd.Timestamp
    statuses: dict
    counts: dict
    names: dict


def view(on: object = ARTICLE_DATE) -> MembershipView:
    """The explorer's numbers for one date.

    >>> v = view(on="2001-06-15")
    >>> v.counts["member"], "China" in v.names["member"]
    (6, True)
    """
    from ..sco import names as country_names
    from ..sco import to_date

    when = to_date(on)
    st = statuses(when)
    mapping = country_names()
    by_status = {s: sorted(mapping.get(c, c) for c, v in st.items() if v == s)
                 for s in STATUS_ORDER}
    return MembershipView(date=when, statuses=st,
                          counts={s: len(v) for s, v in by_status.items()}, names=by_status)
