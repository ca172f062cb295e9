"""Uneven development among the SCO members, and their trade (notebook 05).

* **How uneven?** GDP per capita (World Bank, current US$, i.e. *nominal*, not PPP) of a
  member set, year by year, summarised by the measures of
  :mod:`course_lib.analysis.inequality`: the ratio of the richest to the poorest
  country, the coefficient of variation across countries (every country counts once)
  and the Theil T index weighted by population (every *person* counts once, each with
  the average income of their country), each over a year x country table
  (:func:`panel`).
* **Missing values** are never filled: a country-year without a value is left out of
  that year's measure, and :func:`dispersion` reports how many countries each year's
  value rests on. :func:`gaps` lists the country-years that lack data.

The development-violence link is :mod:`course_lib.analysis.development_violence`.

>>> member_set("2001 founders")
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
>>> d = dispersion("today's members", "cv")
>>> int(d.index.min()), d.columns.tolist()
(1990, ['value', 'n'])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import pandas as pd

from .. import sco
from ..cache import data_cached
from ..errors import CourseError
from ..validate import as_choice, as_period, as_year
from . import indicators
from .inequality import coefficient_of_variation, max_min_ratio, theil_t

FIRST_YEAR = 1990
GDP = "gdp_per_capita_usd"

#: The member sets this module offers (defined in :data:`course_lib.sco.MEMBER_SETS`):
#: name -> who is in it. Each is a fixed group, compared over the same years.
MEMBER_SETS: dict[str, str] = {
    name: sco.MEMBER_SETS[name] for name in ("2001 founders", "2017 members", "today's members")
}
#: measure key -> label (with its unit)
MEASURES: dict[str, str] = {
    "ratio": "richest ÷ poorest (times)",
    "cv": "coefficient of variation (unweighted)",
    "theil": "Theil T, population-weighted",
    "theil_unweighted": "Theil T, unweighted (each country once)",
}
SHORT_MEASURES: dict[str, str] = {
    "ratio": "max/min ratio",
    "cv": "coefficient of variation",
    "theil": "population-weighted Theil T",
    "theil_unweighted": "unweighted Theil T",
}
PANEL_INDICATORS = (GDP, "population", "trade_pct_gdp", "merch_exports_usd")
SOURCES = ["wb_indicators", "sco_membership"]


# --------------------------------------------------------------------------- tables
@data_cached
def countries() -> pd.DataFrame:
    """World Bank rows of single economies (no aggregates), typed once."""
    w = indicators.wb()
    w = w[w["kind"] == "country"].copy()
    w["iso3"] = w["iso3"].astype(str)
    w["country"] = w["country"].astype(str)
    w["year"] = w["year"].astype("int64")
    return w.reset_index(drop=True)


@data_cached
def _country_codes() -> frozenset[str]:
    """ISO3 codes of the single economies."""
    return frozenset(countries()["iso3"])


def _pivot(indicator: str) -> pd.DataFrame:
    """The kept year x country table itself: read it, never modify it."""
    return _pivot_checked.peek(as_choice(indicator, indicators.indicators(), "indicator"))


@data_cached
def _pivot_checked(indicator: str) -> pd.DataFrame:
    w = countries()
    return w.pivot(index="year", columns="iso3", values=indicator).astype("float64").sort_index()


def years(period: tuple[int, int | None] | None = None) -> tuple[int, int]:
    """A ``period=`` argument as (first, last) years of the World Bank table (default:
    :data:`FIRST_YEAR` to the latest year).

    >>> years((2001, None))[0], years() == (FIRST_YEAR, years()[1])
    (2001, True)
    """
    table = _pivot_checked.peek(GDP)
    lo, hi = int(table.index.min()), int(table.index.max())
    return as_period((FIRST_YEAR, None) if period is None else period, lo, hi,
                     where="the World Bank table")


def country_names() -> dict[str, str]:
    """ISO3 -> World Bank name of every single economy.

    >>> country_names()["KGZ"]
    'Kyrgyz Republic'
    """
    w = countries().drop_duplicates("iso3")
    return dict(zip(w["iso3"], w["country"]))


def member_set(name: str) -> list[str]:
    """ISO3 codes of a named member set (see :data:`MEMBER_SETS`), sorted.

    >>> len(member_set("2017 members"))
    8
    >>> member_set("2017")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown member set '2017'. Did you mean '2017 members'? ...
    """
    return sco.member_set(sco.check_member_set(name, MEMBER_SETS))


def codes(members: Any) -> list[str]:
    """A member-set name or ISO3 codes -> a checked list of codes of single economies.

    >>> codes("today's members")[:3]
    ['BLR', 'CHN', 'IND']
    >>> codes(["rus", "CHN"])
    ['RUS', 'CHN']
    >>> codes(["WLD"])
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Unknown country code 'WLD'. ...
    """
    return sco.members_of(members, known=_country_codes(), options=MEMBER_SETS,
                          where="data/wb_indicators.csv (single economies; aggregates such "
                                "as WLD are not countries)")


def panel(indicator: str, members: str | Iterable[str] | None = None,
          period: tuple[int, int | None] | None = None) -> pd.DataFrame:
    """One row per year, one column per country: a World Bank indicator (a fresh copy).

    Parameters
    ----------
    indicator : str
        A column of ``wb_indicators`` such as ``"gdp_per_capita_usd"``.
    members : member-set name or ISO3 codes, optional
        Default: every single economy.
    period : (start, end), optional
        Years kept, both included (default: from :data:`FIRST_YEAR`). An open end
        (``None``, or no period) is the latest year in which every country of ``members``
        has a value (:func:`course_lib.analysis.indicators.full_year`): a newer year that
        only some of them have is left out.

    >>> p = panel("gdp_per_capita_usd", "2001 founders", period=(2001, 2001))
    >>> list(p.columns), p.shape
    (['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'], (1, 6))
    """
    wide = _pivot(indicator)
    first, last = years(period)
    if members is not None:
        wide = wide[codes(members)]
        if _open_end(period) and len(wide.columns):  # coverage before recency
            try:
                last = indicators.full_year(indicator, list(wide.columns), with_world=False).year
            except CourseError:
                last = None
    return wide.loc[first:last].copy()


def _open_end(period: Any) -> bool:
    """Whether ``period`` leaves its end to the data (no period, or ``(start, None)``)."""
    return period is None or (isinstance(period, (tuple, list)) and len(period) == 2
                              and period[1] is None)


def _check_measure(measure: str) -> str:
    return as_choice(measure, MEASURES, "measure")


def _compute(measure: str, y: pd.DataFrame, pop: pd.DataFrame) -> pd.Series:
    if measure == "ratio":
        return max_min_ratio(y)
    if measure == "cv":
        return coefficient_of_variation(y)
    if measure == "theil":
        return theil_t(y, pop)
    return theil_t(y)


def dispersion(members: str | Iterable[str], measure: str = "theil",
               period: tuple[int, int | None] | None = None) -> pd.DataFrame:
    """How uneven GDP per capita is across the members, year by year.

    Returns a DataFrame indexed by year with ``value`` (the measure) and ``n`` (the
    number of countries it rests on: those with GDP per capita, and, for the weighted
    Theil index, population, in that year). Years with fewer than two countries are
    dropped.

    Parameters
    ----------
    members : member-set name (:data:`MEMBER_SETS`) or ISO3 codes
    measure : ``"ratio"``, ``"cv"``, ``"theil"`` (population-weighted) or
        ``"theil_unweighted"``

    >>> d = dispersion("2001 founders", "ratio", period=(2001, 2001))
    >>> y = panel("gdp_per_capita_usd", "2001 founders", period=(2001, 2001)).iloc[0]
    >>> bool(abs(d.loc[2001, "value"] - y.max() / y.min()) < 1e-12)
    True
    """
    measure = _check_measure(measure)
    first, last = years(period)
    return _dispersion(tuple(codes(members)), measure, (first, None if _open_end(period) else last))


@data_cached
def _dispersion(iso: tuple[str, ...], measure: str, period: tuple[int, int | None]
                ) -> pd.DataFrame:
    """:func:`dispersion`, kept per state of the data (the explorer asks for each
    measure and set again)."""
    y = panel(GDP, list(iso), period)
    pop = panel("population", list(iso), period)
    usable = y.notna() & (pop.notna() if measure == "theil" else True)
    out = pd.DataFrame({"value": _compute(measure, y.where(usable), pop),
                        "n": usable.sum(axis=1).astype("int64")})
    out.index.name = "year"
    return out[out["n"] >= 2]


def dispersion_table(members: str | Iterable[str],
                     period: tuple[int, int | None] | None = None) -> pd.DataFrame:
    """Every measure side by side (one column each), plus ``n``.

    >>> t = dispersion_table("2017 members", period=(2017, 2017))
    >>> list(t.columns)
    ['ratio', 'cv', 'theil', 'theil_unweighted', 'n']
    """
    cols = {m: dispersion(members, m, period)["value"] for m in MEASURES}
    out = pd.DataFrame(cols)
    out["n"] = dispersion(members, "theil", period)["n"]
    return out


def richest_poorest(members: str | Iterable[str], year: int) -> dict:
    """The richest and poorest country of a set in one year (GDP per capita) and
    their ratio.

    >>> r = richest_poorest(["KAZ", "KGZ"], 2010)
    >>> sorted(r)[:3], r["ratio"] > 1
    (['n', 'poorest', 'poorest_usd'], True)
    """
    year = as_year(year)
    span = _pivot(GDP).index
    if year not in span:
        raise CourseError(f"No GDP per capita for {year}: the table covers "
                          f"{span.min()}-{span.max()}.")
    row = panel(GDP, members, (year, year)).iloc[0].dropna()
    if len(row) < 2:
        raise CourseError(f"Fewer than two of these countries have GDP per capita in {year}.")
    return {"year": int(year), "richest": str(row.idxmax()), "poorest": str(row.idxmin()),
            "richest_usd": float(row.max()), "poorest_usd": float(row.min()),
            "ratio": float(row.max() / row.min()), "n": int(len(row))}


# --------------------------------------------------------------------------- gaps
def year_ranges(years: Iterable[int]) -> str:
    """Years as compact ranges.

    >>> year_ranges([1990, 1991, 1992, 1995, 2001, 2002])
    '1990–1992, 1995, 2001–2002'
    >>> year_ranges([])
    ''
    """
    ys = sorted({int(y) for y in years})
    parts: list[str] = []
    i = 0
    while i < len(ys):
        j = i
        while j + 1 < len(ys) and ys[j + 1] == ys[j] + 1:
            j += 1
        parts.append(str(ys[i]) if i == j else f"{ys[i]}–{ys[j]}")
        i = j + 1
    return ", ".join(parts)


def gaps(members: str | Iterable[str], indicators_: Iterable[str] = PANEL_INDICATORS,
         period: tuple[int, int | None] | None = None) -> pd.DataFrame:
    """Country-years without a value: one row per country and indicator with a gap.

    Columns: iso3, country, indicator, n_missing, years (compact ranges). An empty
    table means no gap.

    >>> g = gaps("2001 founders", ["trade_pct_gdp"], period=(1990, 1995))
    >>> sorted(g["iso3"])[:2], g["years"].iloc[0]
    (['KAZ', 'KGZ'], '1990–1991')
    """
    iso = codes(members)
    names = country_names()
    rows = []
    for ind in indicators_:
        p = panel(ind, iso, period)
        for c in iso:
            missing = p.index[p[c].isna()]
            if len(missing):
                rows.append({"iso3": c, "country": names[c], "indicator": ind,
                             "n_missing": int(len(missing)), "years": year_ranges(missing)})
    return pd.DataFrame(rows, columns=["iso3", "country", "indicator", "n_missing", "years"])


# --------------------------------------------------------------------------- trade
def exports_share_of_world(members: str | Iterable[str],
                           period: tuple[int, int | None] | None = None) -> pd.Series:
    """Members' merchandise exports as % of the World Bank's world total (WLD), only in
    years where every member and the world have a value (NaN otherwise, never a partial
    sum).

    >>> s = exports_share_of_world("2001 founders")
    >>> bool(s.isna().loc[1990]), bool(0 < s.loc[2017] < 100)
    (True, True)
    """
    iso = codes(members)
    first, last = years(period)
    ex = panel("merch_exports_usd", iso, (first, last))
    world = indicators.series("merch_exports_usd", [indicators.WORLD]).loc[first:last,
                                                                           indicators.WORLD]
    total = ex.sum(axis=1, min_count=len(iso))
    out = 100 * total / world.reindex(total.index)
    out.name = "share of world merchandise exports (%)"
    return out


# --------------------------------------------------------------------------- explorer
@dataclass(frozen=True)
class DevelopmentView:
    """What the notebook-05 explorer shows for one measure and member set.

    ``series`` is :func:`dispersion` (``value`` and ``n`` by year); ``first`` and
    ``last`` are (year, value); ``n`` the fewest and most countries a year rests on;
    ``label`` the measure's short name.
    """

    measure: str
    members: str
    label: str
    series: pd.DataFrame
    first: tuple[int, float]
    last: tuple[int, float]
    highest: tuple[int, float]
    lowest: tuple[int, float]
    n: tuple[int, int]


def view(measure: str = "theil", members: Any = "2017 members") -> DevelopmentView:
    """The explorer's numbers for one measure and member set (or ISO3 codes).

    >>> v = view(measure="cv", members="today's members")
    >>> v.first[0], v.label, v.n[0] <= v.n[1]
    (1990, 'coefficient of variation', True)
    """
    if isinstance(members, str):
        chosen = members = sco.check_member_set(members, MEMBER_SETS)
    else:  # ISO3 codes: the view names them
        chosen = codes(members)
        members = ", ".join(chosen)
    d = dispersion(chosen, measure)
    if d.empty:
        raise CourseError("No year has GDP per capita for two or more of these countries.")
    s = d["value"]
    return DevelopmentView(
        measure=measure, members=members, label=SHORT_MEASURES[measure], series=d,
        first=(int(s.index[0]), float(s.iloc[0])), last=(int(s.index[-1]), float(s.iloc[-1])),
        highest=(int(s.idxmax()), float(s.max())), lowest=(int(s.idxmin()), float(s.min())),
        n=(int(d["n"].min()), int(d["n"].max())))
