"""Member sets and the Peace Mission count behind notebook 03's exercises, computed
from data by plain pandas when a learner checks (used by ``q03_security_and_stability``).

>>> founders()
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
"""

from __future__ import annotations


def founders() -> list[str]:
    """The states that were members throughout 2011-2015 (on its first and its last day)."""
    from ..sco import members

    return sorted(set(members("2011-01-01")) & set(members("2015-12-31")))


def members_2017() -> list[str]:
    from ..sco import ARTICLE_DATE, members

    return members(ARTICLE_DATE)


def members_today() -> list[str]:
    from ..sco import members

    return members("today")



# ------------------------------------------------------------------ Peace Missions
def peace_absences(split: bool = True, fixed=None, measure: str = "absent") -> int:
    """Over all Peace Mission exercises, how many times a state that was a member at the
    time (first day of the month) sent no troops.

    The other arguments give the wrong methods: ``split=False`` compares the
    participants' text letter by letter, ``fixed`` uses one member set for every row,
    ``measure`` counts exercises with an absence ("rows"), participants who were not
    members ("reversed") or all participants ("participants").

    On these data two pairs of wrong methods coincide, so that the question names each pair
    as one mistake:

    >>> peace_absences(measure="participants") == peace_absences(fixed=members_2017())
    True
    >>> peace_absences(split=False) == peace_absences(fixed=members_today())
    True
    """
    from ..data import load
    from ..sco import members

    ex = load("peace_missions")
    count = 0
    for y, m, p in zip(ex["year"], ex["month"], ex["participants"]):
        there = set(p.split(";")) if split else set(p)
        then = set(members(f"{int(y)}-{int(m):02d}-01")) if fixed is None else set(fixed)
        count += {"absent": len(then - there), "rows": bool(then - there),
                  "reversed": len(there - then), "participants": len(there)}[measure]
    return int(count)
