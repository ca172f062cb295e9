"""Organised-violence deaths in the SCO states (notebook 03).

**UCDP organised-violence deaths** (``data/ucdp_deaths.csv``, GED 21.1 aggregated by
Our World in Data, a *draft*) are independent and open, but they are about deaths in
organised violence, not about terrorism or about what RATS did (the SCO's own RATS
table is :mod:`course_lib.analysis.sco_record`).

Per-million rates divide by World Bank population (``data/wb_indicators.csv``: the
course's extract starts in 1990, although the WDI's population goes back to 1960), so
rates for 1989 are NaN. Years 2021-2022 rest on UCDP *candidate* events (unverified);
the period comparisons stop at 2020.

Which states count is the ``members=`` argument: ISO3 codes or a member set of
:data:`course_lib.sco.MEMBER_SETS`. The group functions (:func:`group_series`,
:func:`period_stats`, :func:`period_ratio`, :func:`peak_year`) default to
``sco.EACH_YEAR``, the members *of each year*: a past period is judged with the
states that were members then (six in 2011-2015, eight from June 2017). A fixed set
such as ``"2017 members"`` must be asked for.

>>> int(group_series(["KAZ"], "all").loc[2012])
0
>>> int(period_stats().loc["2011–2015", "n_states"]), int(period_stats("2017 members").loc["2011–2015", "n_states"])
(6, 8)
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
from ..sco import EACH_YEAR
from ..validate import as_choice, as_iso3s, as_period, as_year
from . import indicators

#: The periods compared in the notebook: five years before, during and after the RATS table.
PERIODS: dict[str, tuple[int, int]] = {
    "2006–2010": (2006, 2010),
    "2011–2015": (2011, 2015),
    "2016–2020": (2016, 2020),
}
#: Years resting on UCDP Candidate Events (see the resource description of ucdp_deaths).
CANDIDATE_YEARS = (2021, 2022)
#: Last year of the GED 21.1 release proper.
LAST_GED_YEAR = 2020

TYPES: dict[str, str] = {
    "all": "all organised violence",
    "state_based": "state-based armed conflict",
    "non_state": "non-state conflict",
    "one_sided": "one-sided violence against civilians",
}
MEASURES: dict[str, str] = {
    "count": "deaths",
    "per_million": "deaths per million people",
}
# --------------------------------------------------------------------------- UCDP deaths
@data_cached
def _ucdp() -> pd.DataFrame:
    u = load("ucdp_deaths")
    for c in ("deaths_best", "deaths_low", "deaths_high", "n_conflicts"):
        u[c] = u[c].astype("float64")
    u["year"] = u["year"].astype("int64")
    u["iso3"] = u["iso3"].astype(str)
    u["type_of_violence"] = u["type_of_violence"].astype(str)
    pop = indicators.wb().set_index(["iso3", "year"])["population"].astype("float64")
    idx = pd.MultiIndex.from_arrays([u["iso3"], u["year"]])
    u["population"] = pop.reindex(idx).to_numpy()
    u["per_million"] = indicators.per_million(u["deaths_best"], u["iso3"], u["year"])
    return u


@data_cached
def _names() -> tuple[tuple[str, str], ...]:
    u = _ucdp().drop_duplicates("iso3")
    return tuple(zip(u["iso3"], u["country"].astype(str)))


def country_names() -> dict[str, str]:
    """ISO3 -> country name as used in the UCDP table.

    >>> country_names()["KGZ"]
    'Kyrgyzstan'
    """
    return dict(_names.peek())


def _check_type(type_of_violence: str) -> str:
    return as_choice(type_of_violence, TYPES, "type of violence")


def _check_measure(measure: str) -> str:
    return as_choice(measure, MEASURES, "measure")


def check_iso3s(iso3s: Any) -> list[str]:
    """A clean list of ISO3 codes present in the UCDP table (or a clear error).

    >>> check_iso3s("pak"), check_iso3s(["CHN", "IND", "CHN"])
    (['PAK'], ['CHN', 'IND'])
    >>> check_iso3s([])
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: Choose at least one country (ISO3 codes such as 'KAZ').
    """
    return as_iso3s(iso3s, dict(_names.peek()), where="data/ucdp_deaths.csv")


def _codes(members: Any, year: Any = None) -> list[str]:
    """A ``members=`` argument as UCDP codes (a set's members, or checked codes)."""
    return sco.members_of(members, year, known=dict(_names.peek()),
                          where="data/ucdp_deaths.csv")


def _mask(members: Any, index: pd.Index) -> pd.DataFrame:
    """Year x country booleans on the UCDP grid: which states count in which year."""
    if sco.varies_by_year(members):
        table = sco.member_table(members, [int(y) for y in index])
        table.index = index
        return table
    codes = _codes(members)
    return pd.DataFrame(True, index=index, columns=codes)


def deaths(members: Any = None, type_of_violence: str = "all",
           period: tuple[int, int] | None = None) -> pd.DataFrame:
    """Country-year deaths (best, low, high), population (World Bank, persons) and
    deaths per million people.

    Parameters
    ----------
    members : codes or a fixed member set, optional
        Countries (default: all in the table).
    type_of_violence : str
        ``"all"``, ``"state_based"``, ``"non_state"`` or ``"one_sided"``.
    period : (start, end), optional
        Years kept, both included (default: every year).

    Examples
    --------
    >>> d = deaths(["PAK"], "one_sided", period=(2011, 2015))
    >>> len(d), list(d.columns)[:4]
    (5, ['iso3', 'country', 'year', 'type_of_violence'])
    """
    _check_type(type_of_violence)
    u = _ucdp()
    sel = u["type_of_violence"] == type_of_violence
    if members is not None:
        sel &= u["iso3"].isin(_codes(members))
    if period is not None:
        first, last = as_period(period, *_grid_years(), where="data/ucdp_deaths.csv")
        sel &= u["year"].between(first, last)
    return u.loc[sel].sort_values(["iso3", "year"]).reset_index(drop=True)


@data_cached
def _pivots() -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Deaths (year x iso3) for each type, and population on the same grid; made once."""
    u = _ucdp()
    wide = {
        t: g.pivot(index="year", columns="iso3", values="deaths_best").sort_index()
        for t, g in u.groupby("type_of_violence")
    }
    grid = wide["all"]
    pop = indicators.series("population")  # every economy; reindexed to the grid below
    pop = pop.reindex(index=grid.index, columns=grid.columns).astype("float64")
    return wide, pop


def country_series(members: Any, type_of_violence: str = "all",
                   measure: str = "count") -> pd.DataFrame:
    """One column per country, one row per year (1989-2022): deaths or deaths per million.

    With ``sco.EACH_YEAR`` a country's years outside the SCO are NaN.

    >>> s = country_series(["PAK", "IND"], "all")
    >>> list(s.columns), int(s.loc[2009, "PAK"]) > int(s.loc[2009, "IND"])
    (['PAK', 'IND'], True)
    """
    wide, pop = _pivots.peek()  # read only: every step below builds a new table
    d = wide[_check_type(type_of_violence)]
    mask = _mask(members, d.index)
    d = d.reindex(columns=mask.columns)
    if _check_measure(measure) == "per_million":
        d = d / (pop.reindex(columns=mask.columns) / 1e6)
    return d.where(mask)


def _group_sums(members: Any, type_of_violence: str) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Per year: the group's deaths, its population (NaN if one is missing), and the
    year x country table of who counts."""
    wide, pop = _pivots.peek()  # read only: every step below builds new arrays
    d = wide[_check_type(type_of_violence)]
    mask = _mask(members, d.index)
    m = mask.to_numpy(dtype=bool)
    deaths_ = np.where(m, d.reindex(columns=mask.columns).to_numpy(dtype=float), 0.0)
    people = pop.reindex(columns=mask.columns).to_numpy(dtype=float)
    n = m.sum(axis=1)
    total = np.where(n > 0, np.nansum(deaths_, axis=1), np.nan)
    gap = (np.isnan(people) & m).any(axis=1) | (n == 0)
    p = np.where(gap, np.nan, np.where(m, np.nan_to_num(people), 0.0).sum(axis=1))
    index = d.index
    return pd.Series(total, index=index), pd.Series(p, index=index), mask


def group_series(members: Any = EACH_YEAR, type_of_violence: str = "all",
                 measure: str = "count") -> pd.Series:
    """The countries taken together: summed deaths, or summed deaths per million of
    their summed population (NaN in a year where a population is missing, e.g. 1989,
    before the course's World Bank extract starts, or where the group has no state,
    e.g. the SCO before 2001).

    ``members`` defaults to the members of each year (``sco.EACH_YEAR``).

    >>> g = group_series(["PAK", "IND"], "all", "per_million")
    >>> bool(np.isnan(g.loc[1989])), bool(g.loc[2009] > 0)
    (True, True)
    >>> s = group_series()
    >>> bool(np.isnan(s.loc[2000])), int(s.loc[2012]) == int(group_series(sco.members(2012)).loc[2012])
    (True, True)
    """
    d, p, _ = _group_sums(members, type_of_violence)
    if _check_measure(measure) == "per_million":
        d = d / (p / 1e6)
    d.name = MEASURES[measure]
    return d


@data_cached
def _grid_years() -> tuple[int, int]:
    wide, _ = _pivots.peek()
    return int(wide["all"].index.min()), int(wide["all"].index.max())


def _check_period(first: Any, last: Any) -> tuple[int, int]:
    lo, hi = _grid_years()
    first, last = as_year(first), as_year(last)
    if first > last or first < lo or last > hi:
        raise CourseError(f"The period {first}-{last} must lie within {lo}-{hi} (first <= last).")
    return first, last


def period_stats(members: Any = EACH_YEAR, type_of_violence: str = "all",
                 periods: dict[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """Totals for each period: deaths, average population, deaths per million people
    over the period (total deaths / average population in millions), deaths per year,
    the number of states counted, and the ratio of each period's deaths to the previous
    period's.

    ``members`` defaults to the members of each year (``sco.EACH_YEAR``): each year's
    deaths and population are those of the states that were members in that year, and
    ``n_states`` is how many states counted in at least one year of the period.

    >>> p = period_stats(["PAK"], "all")
    >>> list(p.index)
    ['2006–2010', '2011–2015', '2016–2020']
    >>> int(p.loc["2011–2015", "deaths"]) == int(group_series("PAK").loc[2011:2015].sum())
    True
    """
    periods = PERIODS if periods is None else periods
    d, p, mask = _group_sums(members, type_of_violence)
    years = d.index.to_numpy()
    m = mask.to_numpy(dtype=bool)
    rows = []
    for label, (first, last) in periods.items():
        first, last = _check_period(first, last)
        span = (years >= first) & (years <= last)
        total = float(np.nansum(d.to_numpy()[span]))
        pop_mean = float(p.to_numpy()[span].mean()) / 1e6
        counted = m[span].any(axis=0)
        rows.append({
            "period": label, "first": first, "last": last,
            "deaths": total,
            "deaths_per_year": total / (last - first + 1),
            "population_millions": pop_mean,
            "per_million": total / pop_mean if pop_mean > 0 else float("nan"),
            "n_states": int(counted.sum()),
        })
    out = pd.DataFrame(rows).set_index("period")
    out["ratio_to_previous"] = out["deaths"] / out["deaths"].shift(1)
    return out


def period_ratio(members: Any = EACH_YEAR, type_of_violence: str = "all",
                 numerator: str = "2011–2015", denominator: str = "2006–2010") -> float:
    """Deaths in one period divided by deaths in another (same type; by default each
    period's own members, see :func:`period_stats`).

    NaN when the denominator period has no deaths.

    >>> s = group_series("PAK")
    >>> bool(abs(period_ratio(["PAK"]) - s.loc[2011:2015].sum() / s.loc[2006:2010].sum()) < 1e-12)
    True
    """
    for name in (numerator, denominator):
        as_choice(name, PERIODS, "period")
    stats = period_stats(members, type_of_violence)
    den = stats.loc[denominator, "deaths"]
    return float(stats.loc[numerator, "deaths"] / den) if den > 0 else float("nan")


def peak_year(members: Any = EACH_YEAR, type_of_violence: str = "all",
              measure: str = "count", last: int = LAST_GED_YEAR) -> int:
    """The year with the most deaths (or the highest rate), up to ``last``.

    >>> s = group_series(["AFG"], "all").loc[:2020]
    >>> peak_year(["AFG"], "all", last=2020) == int(s.idxmax())
    True
    """
    last = _check_period(last, last)[1]
    s = group_series(members, type_of_violence, measure).loc[:last].dropna()
    if s.empty or s.max() <= 0:
        raise CourseError("No deaths recorded for this choice: there is no peak year.")
    return int(s.idxmax())


@dataclass(frozen=True)
class ViolenceView:
    """What the notebook-03 explorer shows for a choice of countries, type and measure.

    ``countries``: one column per country (:func:`country_series`); ``group``: the
    countries together (:func:`group_series`); ``periods``: :func:`period_stats`;
    ``names``: the chosen countries' names, sorted; ``now`` and ``before``: the
    2011-2015 and 2006-2010 values in the chosen measure (deaths, or deaths per million
    over the period).
    """

    members: tuple[str, ...]
    type_of_violence: str
    measure: str
    countries: pd.DataFrame
    group: pd.Series
    periods: pd.DataFrame
    names: tuple[str, ...]
    now: float
    before: float


def view(members: Any = "2017 members", type_of_violence: str = "all",
         measure: str = "count") -> ViolenceView:
    """The explorer's numbers for one choice.

    >>> v = view(members=["PAK", "IND"], type_of_violence="one_sided")
    >>> v.names, list(v.periods.index)[1]
    (('India', 'Pakistan'), '2011–2015')
    """
    codes = _codes(members)
    measure = _check_measure(measure)
    type_of_violence = _check_type(type_of_violence)
    stats = period_stats(codes, type_of_violence)
    column = "per_million" if measure == "per_million" else "deaths"
    names = country_names()
    return ViolenceView(
        members=tuple(codes), type_of_violence=type_of_violence, measure=measure,
        countries=country_series(codes, type_of_violence, measure),
        group=group_series(codes, type_of_violence, measure), periods=stats,
        names=tuple(sorted(names[c] for c in codes)),
        now=float(stats.loc["2011–2015", column]), before=float(stats.loc["2006–2010", column]))


