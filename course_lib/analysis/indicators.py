"""Country-year indicators (World Bank WDI) and group totals, shared by the notebooks.

Aggregates (regions, income groups, the World) are marked ``kind == "aggregate"`` in
``data/wb_indicators.csv`` and are never summed with countries here.

>>> w = world("population", 2017)
>>> 7.4e9 < w < 7.7e9
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import pandas as pd

from ..data import load
from ..errors import CourseError

WORLD = "WLD"


@lru_cache(maxsize=1)
def _wb() -> pd.DataFrame:
    return load("wb_indicators")


def wb() -> pd.DataFrame:
    """The World Bank table (a fresh copy)."""
    return _wb().copy()


def indicators() -> list[str]:
    """Names of the numeric indicator columns."""
    return [c for c in _wb().columns if c not in {"iso3", "country", "kind", "year"}]


def _check_indicator(indicator: str) -> None:
    if indicator not in indicators():
        raise CourseError(
            f"Unknown indicator {indicator!r}. Choose one of: {', '.join(indicators())}."
        )


def series(indicator: str, iso3s: Iterable[str] | None = None,
           years: Iterable[int] | None = None) -> pd.DataFrame:
    """A wide table: one row per year, one column per country (ISO3).

    >>> series("population", ["CHN", "IND"], [2017]).shape
    (1, 2)
    """
    _check_indicator(indicator)
    df = _wb()
    if iso3s is not None:
        iso3s = list(iso3s)
        df = df[df.iso3.isin(iso3s)]
    if years is not None:
        df = df[df.year.isin(list(years))]
    out = df.pivot(index="year", columns="iso3", values=indicator)
    if iso3s is not None:
        out = out.reindex(columns=[c for c in iso3s if c in out.columns])
    return out


def value(indicator: str, iso3: str, year: int) -> float:
    """One value; NaN when the World Bank has none."""
    _check_indicator(indicator)
    df = _wb()
    row = df[(df.iso3 == iso3) & (df.year == year)]
    if row.empty:
        return float("nan")
    v = row[indicator].iloc[0]
    return float("nan") if pd.isna(v) else float(v)


def world(indicator: str, year: int) -> float:
    """The World Bank's World aggregate (WLD) for one indicator and year."""
    return value(indicator, WORLD, year)


def group_total(indicator: str, iso3s: Iterable[str], year: int) -> tuple[float, list[str]]:
    """Sum over countries, and the list of those with no value (never silently 0).

    >>> total, missing = group_total("population", ["CHN", "RUS"], 2017)
    >>> missing
    []
    """
    iso3s = list(iso3s)
    df = _wb()
    sub = df[(df.iso3.isin(iso3s)) & (df.year == year)]
    if (sub.kind == "aggregate").any():
        raise CourseError("An aggregate (region or income group) cannot be summed with countries.")
    present = sub.dropna(subset=[indicator])
    missing = sorted(set(iso3s) - set(present.iso3))
    return float(present[indicator].sum()), missing


def share_of_world(indicator: str, iso3s: Iterable[str], year: int) -> float:
    """Percentage of the World total held by the given countries (NaN if any lacks data).

    >>> 35 < share_of_world("population", ["CHN", "IND"], 2017) < 37
    True
    """
    total, missing = group_total(indicator, iso3s, year)
    if missing:
        return float("nan")
    return 100.0 * total / world(indicator, year)


def per_million(values: pd.Series, iso3: pd.Series, year: pd.Series) -> pd.Series:
    """Divide counts by population in millions, matched on (iso3, year)."""
    pop = _wb().set_index(["iso3", "year"])["population"]
    idx = pd.MultiIndex.from_arrays([iso3.to_numpy(), year.to_numpy()])
    p = pop.reindex(idx).to_numpy()
    return pd.Series(values.to_numpy() / (p / 1e6), index=values.index)
