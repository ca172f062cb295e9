"""Every reading of the World Heritage claim (notebook 06): one row per choice of
category, denominator, member set, counting and year, each with a sentence that defines
it. The numbers are :func:`course_lib.analysis.heritage.share`'s.

>>> reading_label("cultural", "cultural part", "today's members", "per country", 2021)
"cultural / cultural part / today's members / per country / 2021"
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from ..sco import ARTICLE_YEAR
from . import heritage as H


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
        how = (f"{what} with at least one State Party among {H.member_set_definition(members)}, "
               f"each counted once, as a % {of}")
    else:
        how = (f"entries (property x State Party) of {what} whose State Party is among "
               f"{H.member_set_definition(members)}, as a % of the entries {of}")
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
    years = [ARTICLE_YEAR, H.latest_year()] if years is None else [H.check_year(y) for y in years]
    rows = []
    for year in years:
        for members in H.MEMBER_SETS:
            for category in H.CATEGORIES:
                for denominator in H.DENOMINATORS:
                    if category == "all" and denominator == "cultural part":
                        continue
                    for counting in H.COUNTINGS:
                        s = H.share(category, denominator, members, counting, year)
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

