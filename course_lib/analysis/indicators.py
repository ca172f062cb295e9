"""Country-year indicators (World Bank WDI) and group totals, shared by the notebooks.

Aggregates (regions, income groups, the World) are marked ``kind == "aggregate"`` in
``data/wb_indicators.csv`` and are never summed with countries here.

>>> w = world("population", 2017)
>>> 7.4e9 < w < 7.7e9
True
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

import pandas as pd

from ..cache import data_cached
from ..data import load
from ..errors import CourseError
from ..validate import as_choice, as_iso3s, as_year

WORLD = "WLD"


@data_cached
def _wb() -> pd.DataFrame:
    return load("wb_indicators")


def wb() -> pd.DataFrame:
    """The World Bank table (a fresh copy)."""
    return _wb()


@data_cached
def _indicators() -> tuple[str, ...]:
    return tuple(c for c in _wb().columns if c not in {"iso3", "country", "kind", "year"})


def indicators() -> list[str]:
    """Names of the numeric indicator columns."""
    return list(_indicators())


def check_indicator(indicator: str) -> str:
    """``indicator`` if it is a column of the World Bank table (else a clear error).

    >>> check_indicator("population")
    'population'
    """
    return as_choice(indicator, indicators(), "indicator")


@data_cached
def _codes() -> frozenset:
    return frozenset(_wb()["iso3"].astype(str))


def _members(members: Any, year: Any = None) -> list[str]:
    """A ``members=`` argument (set name or codes) as codes of the World Bank table."""
    from .. import sco

    return sco.members_of(members, year, known=_codes(), where="data/wb_indicators.csv")


def series(indicator: str, members: Any = None,
           years: Iterable[int] | None = None) -> pd.DataFrame:
    """A wide table: one row per year, one column per country (ISO3).

    ``members``: ISO3 codes or a fixed member set (default: every row of the table).

    >>> series("population", ["CHN", "IND"], [2017]).shape
    (1, 2)
    """
    check_indicator(indicator)
    df = _wb()
    iso3s = None if members is None else _members(members)
    if iso3s is not None:
        df = df[df.iso3.isin(iso3s)]
    if years is not None:
        df = df[df.year.isin([as_year(y) for y in years])]
    out = df.pivot(index="year", columns="iso3", values=indicator)
    if iso3s is not None:
        out = out.reindex(columns=[c for c in iso3s if c in out.columns])
    return out


def value(indicator: str, iso3: str, year: int) -> float:
    """One value; NaN when the World Bank has none."""
    check_indicator(indicator)
    iso3 = as_iso3s(iso3)[0]
    year = as_year(year)
    df = _wb()
    row = df[(df.iso3 == iso3) & (df.year == year)]
    if row.empty:
        return float("nan")
    v = row[indicator].iloc[0]
    return float("nan") if pd.isna(v) else float(v)


def world(indicator: str, year: int) -> float:
    """The World Bank's World aggregate (WLD) for one indicator and year."""
    return value(indicator, WORLD, year)


def group_total(indicator: str, members: Any, year: int) -> tuple[float, list[str]]:
    """Sum over countries, and the list of those with no value (never silently 0).

    ``members``: ISO3 codes or a member set (the members of ``year`` for
    ``sco.EACH_YEAR``).

    >>> total, missing = group_total("population", ["CHN", "RUS"], 2017)
    >>> missing
    []
    """
    check_indicator(indicator)
    year = as_year(year)
    iso3s = _members(members, year)
    df = _wb()
    sub = df[(df.iso3.isin(iso3s)) & (df.year == year)]
    if (sub.kind == "aggregate").any():
        raise CourseError("An aggregate (region or income group) cannot be summed with countries.")
    present = sub.dropna(subset=[indicator])
    missing = sorted(set(iso3s) - set(present.iso3))
    return float(present[indicator].sum()), missing


def share_of_world(indicator: str, members: Any, year: int) -> float:
    """Percentage of the World total held by the given countries (NaN if any lacks data).

    >>> 0 < share_of_world("population", ["KAZ", "KGZ"], 2005) < 1
    True
    """
    total, missing = group_total(indicator, members, year)
    if missing:
        return float("nan")
    return 100.0 * total / world(indicator, year)


def per_million(values: pd.Series, iso3: pd.Series, year: pd.Series) -> pd.Series:
    """Divide counts by population in millions, matched on (iso3, year)."""
    pop = _wb().set_index(["iso3", "year"])["population"]
    idx = pd.MultiIndex.from_arrays([iso3.to_numpy(), year.to_numpy()])
    p = pop.reindex(idx).to_numpy()
    return pd.Series(values.to_numpy() / (p / 1e6), index=values.index)


class FullYear(NamedTuple):
    """The latest year of full coverage and why it is that year (see :func:`full_year`)."""

    year: int
    why: str


def full_year(indicator: str, members: Any, with_world: bool = True,
              what: str | None = None) -> FullYear:
    """The latest year in which every country of ``members`` (and the World, with
    ``with_world``) has a value of ``indicator``: what "latest year" means in the
    course, so that a newest year published for a few economies only is never read
    as the group's "now". ``why`` says which year and why, in words.

    >>> fy = full_year("population", ["CHN", "IND"])
    >>> fy.year == int(series("population", ["CHN", "IND", "WLD"]).dropna().index.max())
    True
    >>> fy.why.startswith(f"{fy.year}, the latest year in which all 3 of")
    True
    """
    check_indicator(indicator)
    codes = tuple(dict.fromkeys(_members(members) + ([WORLD] if with_world else [])))
    label = what or (f"{members}" if isinstance(members, str) else "these countries")
    label += " and the World" if with_world else ""
    return _full_year(indicator, codes, label)


@data_cached
def _full_year(indicator: str, codes: tuple[str, ...], label: str) -> FullYear:
    table = series(indicator, list(codes)).reindex(columns=list(codes))
    counts = table.notna().sum(axis=1)
    full = counts[counts == len(codes)]
    if full.empty:
        raise CourseError(f"No year has {indicator} for all {len(codes)} of {label}.")
    year = int(full.index.max())
    why = f"{year}, the latest year in which all {len(codes)} of {label} have {indicator}"
    later = counts[counts.index > year]
    if len(later):
        newest = int(later.index.max())
        why += f" ({newest} has {int(later.loc[newest])} of {len(codes)})"
    return FullYear(year, why)
