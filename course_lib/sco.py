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
>>> members("1999-01-01", status="shanghai_five")
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK']
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any

import pandas as pd

from .data import load
from .errors import CourseError

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
    "Article published (Oct 2017)": "2017-10-01",
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
    if isinstance(on, (int,)) or (hasattr(on, "dtype") and getattr(on, "ndim", 1) == 0
                                 and pd.api.types.is_integer(on)):
        year = int(on)
        if not 1900 <= year <= 2100:
            raise CourseError(f"{year} is outside the years the course covers (1900-2100).")
        return pd.Timestamp(f"{year}-12-31")
    if isinstance(on, float) and not pd.isna(on) and float(on).is_integer():
        return to_date(int(on))
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
    return _timeline(_stamp()).copy()


def _stamp() -> tuple:
    """Fingerprint of the membership file (the caches below follow it)."""
    from .data import path_of

    path = path_of("sco_membership")
    try:
        st = path.stat()
        return (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(path), -1, -1)


@lru_cache(maxsize=4)
def _timeline(stamp: tuple) -> pd.DataFrame:
    df = load("sco_membership")  # validates; raises the clear DataError when damaged
    df["start"] = [_parse_table_date(v, start=True) for v in df["start_date"]]
    end = [_parse_table_date(v, start=False) for v in df["end_date"]]
    df["end"] = [pd.NaT if e == pd.Timestamp.max else e for e in end]
    return df


@lru_cache(maxsize=512)
def _status_on(when: pd.Timestamp, stamp: tuple) -> pd.DataFrame:
    t = _timeline(stamp)
    active = t[(t.start <= when) & (t.end.isna() | (t.end > when))]
    out = active[["iso3", "country", "status", "start"]].rename(columns={"start": "since"})
    return out.sort_values(["status", "iso3"]).reset_index(drop=True)


def _check_status(status: Any) -> str:
    if not isinstance(status, str) or status not in STATUSES:
        raise CourseError(
            f"Unknown status {status!r}. Choose one of: {', '.join(STATUSES)}."
        )
    return status


def status_on(on: Any) -> pd.DataFrame:
    """All states with an SCO status on a date: iso3, country, status, since.

    >>> int(status_on("2017-10-01").status.value_counts()["member"])
    8
    """
    return _status_on(to_date(on), _stamp()).copy()


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
    status = _check_status(status)
    current = _status_on(to_date(on), _stamp())  # cached; read only here
    wanted = {"observer", "dialogue_partner"} if status == "partner" else {status}
    return sorted(current.loc[current.status.isin(wanted), "iso3"].unique().tolist())


def names(codes: list[str] | None = None) -> dict[str, str]:
    """Country names for ISO3 codes in the membership table.

    >>> names(["IND"])
    {'IND': 'India'}
    """
    t = load("sco_membership")
    mapping = dict(zip(t.iso3, t.country))
    if codes is None:
        return mapping
    return {c: mapping.get(c, c) for c in codes}


def counts_over_time(start: int = 1996, end: int | None = None) -> pd.DataFrame:
    """Number of states with each status on 31 December of every year.

    >>> int(counts_over_time(2016, 2017).loc[2017, "member"])
    8
    """
    end = end or pd.Timestamp.today().year
    rows = {}
    for year in range(start, end + 1):
        s = status_on(year).status.value_counts()
        rows[year] = {k: int(s.get(k, 0)) for k in STATUSES if k != "partner"}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")
