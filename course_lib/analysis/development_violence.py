"""Development and violence (notebook 05): GDP per capita against deaths in organised
violence per million people (UCDP, all types), over country-years 1990-2020, with
Spearman rank correlations under several readings (:func:`rank_correlations`). A
correlation in these data says nothing by itself about causes: see the notebook.

>>> list(country_years((2017, 2017)).columns)[-3:]
['deaths_per_million', 'gdp_per_capita_usd', 'member']
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd

from ..cache import data_cached
from ..data import load
from ..errors import CourseError
from ..validate import as_period
from . import development as D
from . import indicators

#: Years of the development-violence comparison: the course's World Bank extract
#: (data/wb_indicators.csv) starts in 1990, although the WDI's population goes back to 1960;
#: UCDP GED 21.1 proper ends in 2020 (2021-2022 rest on unverified candidate events).
YEARS = (1990, 2020)
RATE = "deaths_per_million"


# --------------------------------------------------------------------------- violence
@data_cached
def _violence_all() -> pd.DataFrame:
    """UCDP deaths (all types) joined to GDP per capita and per-million rates, every
    country-year of the UCDP table from 1990 (before dropping gaps)."""
    u = load("ucdp_deaths")
    u = u[u["type_of_violence"] == "all"].copy()
    u["iso3"] = u["iso3"].astype(str)
    u["country"] = u["country"].astype(str)
    u["year"] = u["year"].astype("int64")
    u["deaths_best"] = u["deaths_best"].astype("float64")
    u = u[u["year"] >= D.FIRST_YEAR].reset_index(drop=True)
    u[RATE] = indicators.per_million(u["deaths_best"], u["iso3"], u["year"])
    gdp = D.countries().set_index(["iso3", "year"])[D.GDP]
    u[D.GDP] = gdp.reindex(pd.MultiIndex.from_arrays([u["iso3"], u["year"]])).to_numpy()
    return u[["iso3", "country", "year", "deaths_best", RATE, D.GDP]]


@data_cached
def _violence_last_year() -> int:
    return int(_violence_all()["year"].max())


def _check_period(period: Any) -> tuple[int, int]:
    return as_period(period, D.FIRST_YEAR, _violence_last_year(),
                     where="the development-violence table")


def country_years(period: tuple[int, int] = YEARS,
                  members: str | Iterable[str] | None = "today's members",
                  dropna: bool = True) -> pd.DataFrame:
    """Country-years with both GDP per capita and deaths in organised violence per
    million people (UCDP best estimate, all types; World Bank population).

    Country-years lacking either value are dropped (see :func:`gaps`), unless
    ``dropna=False``, which keeps every UCDP country-year of the period with NaN where a
    value is missing. The column ``member`` marks the countries of ``members`` (a
    member-set name or codes; membership is the set's, not the year's).

    >>> d = country_years((2017, 2017))
    >>> list(d.columns)
    ['iso3', 'country', 'year', 'deaths_best', 'deaths_per_million', 'gdp_per_capita_usd', 'member']
    >>> int(d["member"].sum())
    10
    >>> len(country_years((2017, 2017), dropna=False)) > len(d)
    True
    """
    first, last = _check_period(period)
    u = _violence_all()
    u = u[(u["year"] >= first) & (u["year"] <= last)]
    u = (u.dropna(subset=[RATE, D.GDP]) if dropna else u).copy()
    u["member"] = u["iso3"].isin(D.codes(members)) if members is not None else False
    return u.reset_index(drop=True)


def gaps(period: tuple[int, int] = YEARS) -> pd.DataFrame:
    """The UCDP country-years :func:`country_years` drops, and why: one row per
    country with the number of years and the years.

    >>> g = gaps().set_index("iso3")
    >>> g.loc["TWN", "reason"]
    'no World Bank population or GDP'
    """
    first, last = _check_period(period)
    u = _violence_all()
    u = u[(u["year"] >= first) & (u["year"] <= last)]
    no_rate = u[RATE].isna()
    no_gdp = u[D.GDP].isna()
    u = u.assign(reason=np.select(
        [no_rate, no_gdp], ["no World Bank population or GDP", "no GDP per capita"], ""))
    u = u[u["reason"] != ""]
    out = (u.groupby(["iso3", "country", "reason"])["year"]
           .agg(n_years="size", years=D.year_ranges).reset_index())
    return out.sort_values(["n_years", "iso3"], ascending=[False, True]).reset_index(drop=True)


def spearman(frame: pd.DataFrame, x: str = D.GDP, y: str = RATE) -> float:
    """Spearman rank correlation of two columns (``DataFrame.corr(method="spearman")``:
    the Pearson correlation of the ranks, ties given their average rank).

    Uses the DataFrame method, which needs no SciPy (``Series.corr(method="spearman")``
    does).

    >>> spearman(pd.DataFrame({"a": [1, 2, 3, 4], "b": [10, 30, 20, 40]}), "a", "b")
    0.8
    """
    for col in (x, y):
        if col not in frame.columns:
            raise CourseError(f"No column {col!r}; the columns are {list(frame.columns)}.")
    pair = frame[[x, y]].dropna()
    if len(pair) < 3:
        raise CourseError(f"A rank correlation needs at least 3 complete rows; there are {len(pair)}.")
    return float(pair.corr(method="spearman").iloc[0, 1])


def rank_correlations(members: str | Iterable[str] = "today's members",
                      period: tuple[int, int] = YEARS) -> pd.DataFrame:
    """Spearman correlation of GDP per capita with deaths per million under several
    readings: pooled country-years (all, members, non-members, only years with
    deaths), one value per year (the median of the yearly cross-sections) and one point
    per country (averages over the years).

    Columns: reading, definition, value, n (rows the value rests on).

    >>> r = rank_correlations().set_index("reading")
    >>> bool(r.loc["all country-years", "value"] < 0), int(r.loc["one point per country", "n"]) > 100
    (True, True)
    """
    first, last = _check_period(period)
    d = country_years((first, last), members)
    span = f"{first}–{last}"
    m = d[d["member"]]
    rows = [
        ("all country-years", f"every country-year {span} with both values, pooled", d),
        ("members' country-years", f"the member set's country-years {span}, pooled", m),
        ("non-members' country-years", f"every other country-year {span}, pooled",
         d[~d["member"]]),
        ("country-years with deaths", "only country-years with at least one death recorded",
         d[d["deaths_best"] > 0]),
    ]
    out = [{"reading": r, "definition": dfn, "value": spearman(g), "n": len(g)}
           for r, dfn, g in rows]
    yearly = d.groupby("year")[[D.GDP, RATE]].corr(method="spearman").xs(D.GDP, level=1)[RATE]
    out.append({"reading": "median of yearly cross-sections",
                "definition": f"one correlation per year across countries, median of the "
                              f"{len(yearly)} years (nominal dollars compared within a year only)",
                "value": float(yearly.median()), "n": int(len(yearly))})
    means = d.groupby("iso3")[[D.GDP, RATE]].mean()
    out.append({"reading": "one point per country",
                "definition": f"each country's averages over {span} (no country counted many times)",
                "value": spearman(means), "n": len(means)})
    return pd.DataFrame(out)

