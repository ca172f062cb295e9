"""The SCO's share of the world (population, area, GDP) and its size against other
regional organizations (notebook 02).

Which states "are the SCO" in a given year is the ``members=`` argument: a member set
of :data:`course_lib.sco.MEMBER_SETS` (this module offers :data:`MEMBER_SETS`) or ISO3
codes. A time series (:func:`share_series`) defaults to the members *of each year*
(none before 2001); the members of the article's date held fixed for every year, with
or without the observers, must be asked for.

World totals are the World Bank's World aggregate (``WLD``); a group's total is the
sum of its countries, and a share is NaN when any country lacks a value (never a
silent zero).

>>> 0 < share("population", "2017 members + observers", 2020) < 100
True
>>> group(sco.EACH_YEAR, 2000)
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np
import pandas as pd

from .. import sco
from ..cache import data_cached
from ..data import load
from ..sco import ARTICLE_DATE, EACH_YEAR
from ..validate import as_period, as_year
from .indicators import WORLD, check_indicator, full_year, wb

#: The member sets this module offers -> a short label for legends and menus.
MEMBER_SETS: dict[str, str] = {
    EACH_YEAR: "members of each year (on 31 December)",
    "2017 members": "the October 2017 members, fixed",
    "2017 members + observers": "the October 2017 members and observers, fixed",
}


@data_cached
def _span() -> tuple[int, int, frozenset]:
    """First and last year of the World Bank table, and its country codes."""
    table = _pivot.peek("population")
    return int(table.index.min()), int(table.index.max()), frozenset(table.columns)


def _check_year(year: Any) -> int:
    lo, hi, _ = _span()
    return as_year(year, lo, hi, where="the World Bank table")


def _codes(members: Any, year: int) -> list[str]:
    return sco.members_of(members, year, known=_span()[2], options=MEMBER_SETS,
                          where="data/wb_indicators.csv")


def _set_name(members: Any) -> str | None:
    """The canonical set name if ``members`` names a set, else None (codes)."""
    if isinstance(members, str) and (members in MEMBER_SETS or members in sco.ALIASES):
        return sco.check_member_set(members, MEMBER_SETS)
    return None


def group(members: Any, year: int) -> list[str]:
    """ISO3 codes of the states counted as "the SCO" in ``year``.

    Parameters
    ----------
    members : str or iterable of str
        A key of :data:`MEMBER_SETS` or ISO3 codes.
    year : int (or numpy integer, whole float, "2017")

    >>> group("2017 members", 1990) == group("2017 members", 2020)
    True
    >>> len(group("2017 members + observers", 2017)), len(group(EACH_YEAR, 2016))
    (12, 6)
    """
    year = _check_year(year)
    return _codes(members, year)


@data_cached
def _pivot(indicator: str) -> pd.DataFrame:
    """Wide table (year x economy) of one indicator, with the World in column WLD."""
    df = wb()
    keep = (df.kind == "country") | (df.iso3 == WORLD)
    return df[keep].pivot(index="year", columns="iso3", values=indicator)


def pivot(indicator: str = "population") -> pd.DataFrame:
    """Year x country table of a World Bank indicator, World aggregate as ``WLD``.

    Kept between calls (until a data file changes) and returned as a copy: editing it
    changes nothing else.

    >>> pivot("population").loc[2017, ["CHN", "IND"]].gt(1e9).all()
    np.True_
    """
    check_indicator(indicator)
    return _pivot(indicator)


def share(indicator: str, members: Any, year: int) -> float:
    """Percentage of the World total held by the group in ``year`` (NaN if a member
    has no value, or there is no member).

    >>> 20 < share("surface_area_km2", "2017 members", 2017) < 30
    True
    """
    check_indicator(indicator)
    codes = group(members, year)
    return _share_of(_pivot.peek(indicator), codes, _check_year(year))


def _share_of(table: pd.DataFrame, codes: Iterable[str], year: int) -> float:
    codes = list(codes)
    if not codes:
        return float("nan")
    row = table.loc[year]
    vals = row.reindex(codes)
    world = row.get(WORLD)
    if vals.isna().any() or world is None or pd.isna(world):
        return float("nan")
    return 100.0 * float(vals.sum()) / float(world)


def _sum_as_pandas(vals: np.ndarray) -> float:
    """The sum of ``vals`` skipping NaN, as ``pd.Series(vals).sum()`` computes it (the
    missing values as zeros in place, so numpy adds in the same order: the same float).

    >>> bool(_sum_as_pandas(np.array([0.1, np.nan, 0.2])) == pd.Series([0.1, np.nan, 0.2]).sum())
    True
    """
    return float(np.where(np.isnan(vals), 0.0, vals).sum())


def share_series(indicator: str = "population", members: Any = EACH_YEAR,
                 period: tuple[int, int | None] = (1990, None)) -> pd.DataFrame:
    """One row per year: the group's size, total, the World total and the share.

    By default each year counts the members *of that year*; pass a fixed set (such as
    ``"2017 members"``) to hold one group constant over the years.

    Returns columns ``year``, ``n_states``, ``total``, ``world``, ``share`` (%) and
    ``missing`` (codes without a value, comma-separated).

    >>> s = share_series("population", period=(2000, 2002))
    >>> s["n_states"].tolist()
    [0, 6, 6]
    >>> bool(s["share"].isna().iloc[0])
    True
    """
    check_indicator(indicator)
    table = _pivot.peek(indicator)  # read only
    lo, hi, _ = _span()
    start, end = as_period(period, lo, hi, where="the World Bank table")
    fixed = None if sco.varies_by_year(members) else _codes(members, start)
    # numpy rows of the table (summed as pandas sums: the missing values as zeros)
    values, at = table.to_numpy(dtype=float), {c: i for i, c in enumerate(table.columns)}
    row_of = {y: i for i, y in enumerate(table.index)}  # every year of the span
    rows = []
    for year in range(start, end + 1):
        codes = list(fixed if fixed is not None else _codes(members, year))
        row = values[row_of[year]]
        vals = np.array([row[at[c]] if c in at else np.nan for c in codes], dtype=float)
        absent = np.isnan(vals)
        total = _sum_as_pandas(vals) if codes else float("nan")
        world = float(row[at[WORLD]]) if WORLD in at else float("nan")
        ok = codes and not absent.any() and not np.isnan(world)
        rows.append({"year": year, "n_states": len(codes), "total": total, "world": world,
                     "share": 100.0 * total / world if ok else float("nan"),
                     "missing": ", ".join(sorted(c for c, a in zip(codes, absent) if a))})
    return pd.DataFrame(rows)


def country_values(members: Any, year: int,
                   indicator: str = "population") -> pd.DataFrame:
    """Each country's value and its share of the World, largest first.

    ``members``: ISO3 codes (any case) or a key of :data:`MEMBER_SETS`.

    >>> t = country_values(["CHN", "ind", "RUS"], 2017)
    >>> t["iso3"].tolist()
    ['CHN', 'IND', 'RUS']
    """
    check_indicator(indicator)
    year = _check_year(year)
    iso3s = _codes(members, year)
    row = _pivot.peek(indicator).loc[year]  # a new Series
    names = sco.names()
    out = pd.DataFrame({
        "iso3": iso3s,
        "country": [names.get(c, c) for c in iso3s],
        "value": [float(row[c]) for c in iso3s],
    })
    out["share"] = 100.0 * out["value"] / float(row[WORLD])
    return out.sort_values("value", ascending=False, na_position="last").reset_index(drop=True)


def population_readings(year: int = 2017) -> pd.DataFrame:
    """Every reasonable reading of "the SCO's share of world population".

    Columns ``reading``, ``definition``, ``value`` (%), ``gap`` (value - 44, points).
    The first row is the primary reading.

    >>> r = population_readings()
    >>> r["reading"].iloc[0]
    'October 2017 members, 2017'
    """
    year = _check_year(year)
    table = _pivot("population")
    members17 = sco.members(ARTICLE_DATE)
    observers17 = sco.members(ARTICLE_DATE, status="observer")
    partners17 = sco.members(ARTICLE_DATE, status="dialogue_partner")
    latest, why = full_year("population", "today's members")  # coverage before recency
    today = sco.member_set("today's members")
    countries_sum = float(table.loc[year].drop(WORLD).sum())
    rows = [
        ("October 2017 members, 2017", f"the {len(members17)} members of October 2017; "
         f"World Bank population {year} / World (WLD)",
         _share_of(table, members17, year)),
        ("October 2017 members, 2016", "same states, population of 2016 (the latest full "
         "year when the article was written)", _share_of(table, members17, year - 1)),
        ("October 2017 members, 2015", "same states, population of 2015",
         _share_of(table, members17, year - 2)),
        ("members + observers, 2017", f"{len(members17)} members and {len(observers17)} "
         "observers of October 2017", _share_of(table, members17 + observers17, year)),
        ("members + observers + dialogue partners, 2017",
         f"all {len(members17) + len(observers17) + len(partners17)} states with a status "
         "in October 2017", _share_of(table, members17 + observers17 + partners17, year)),
        (f"today's members, {latest}", f"the {len(today)} members today, population of "
         f"{why}", _share_of(table, today, latest)),
        ("October 2017 members, sum of countries as world",
         "denominator = sum of all countries in the table instead of WLD",
         100.0 * float(table.loc[year, members17].sum()) / countries_sum),
    ]
    out = pd.DataFrame(rows, columns=["reading", "definition", "value"])
    return out


# --------------------------------------------------------------- other organizations
SCO = "SCO"


def org_members(year: int = sco.ARTICLE_YEAR, sco_on: str = ARTICLE_DATE,
                sco_statuses: tuple[str, ...] = ("member",)) -> pd.DataFrame:
    """Members of each regional organization in ``year``, with the SCO added.

    Other bodies: ``status == "member"``, ``joined <= year`` and (``left`` empty or
    ``> year``), from ``data/regional_organizations.csv``. The SCO: the states holding
    one of ``sco_statuses`` on ``sco_on``.

    >>> m = org_members(2017)
    >>> int((m.org == "SCO").sum()), int((m.org == "EU").sum())
    (8, 28)
    """
    year = as_year(year, 1900, 2100)
    ro = load("regional_organizations")
    active = ro[(ro.status == "member") & (ro.joined <= year)
                & (ro.left.isna() | (ro.left > year))]
    out = active[["org", "org_name", "iso3"]]
    codes = sorted({c for s in sco_statuses for c in sco.members(sco_on, status=s)})
    sco_rows = pd.DataFrame({"org": SCO, "org_name": "Shanghai Cooperation Organization",
                             "iso3": codes})
    return pd.concat([sco_rows, out], ignore_index=True)


def org_totals(year: int = sco.ARTICLE_YEAR, sco_on: str = ARTICLE_DATE,
               sco_statuses: tuple[str, ...] = ("member",),
               data_year: int | None = None) -> pd.DataFrame:
    """Population, surface area, land area and GDP of each organization's members.

    Members missing from the World Bank table, or without a value for at least one of
    the four indicators, are listed in ``missing``; their missing values are left out
    of the sums. Ranks: 1 = largest.

    >>> t = org_totals(2017)
    >>> int(t.set_index("org").loc["SCO", "rank_population"])
    1
    """
    year = as_year(year, 1900, 2100)
    data_year = year if data_year is None else _check_year(data_year)
    members = org_members(year, sco_on, sco_statuses)
    rows = []
    cols = ("population", "surface_area_km2", "land_area_km2", "gdp_usd")
    # one row per member code, one column per indicator (NaN: no value), as numpy
    codes_all = list(dict.fromkeys(members["iso3"]))
    block = pd.DataFrame({c: _pivot(c).loc[data_year] for c in cols}).reindex(codes_all)
    where = {code: i for i, code in enumerate(codes_all)}
    columns = [block[c].to_numpy(dtype=float) for c in cols]
    for (org, name), g in members.groupby(["org", "org_name"], sort=False):
        codes = g["iso3"].tolist()
        at = [where[code] for code in codes]
        row = {"org": org, "org_name": name, "n_members": len(codes)}
        missing = set()
        for c, values in zip(cols, columns):
            vals = values[at]  # a new, contiguous array in the members' order
            missing |= {code for code, gone in zip(codes, np.isnan(vals)) if gone}
            row[c] = _sum_as_pandas(vals)
        row["missing"] = ", ".join(sorted(missing))
        rows.append(row)
    out = pd.DataFrame(rows)
    for c, short in (("population", "population"), ("surface_area_km2", "area"),
                     ("gdp_usd", "gdp"), ("n_members", "members")):
        out[f"rank_{short}"] = out[c].rank(ascending=False, method="min").astype(int)
    return out.sort_values("population", ascending=False).reset_index(drop=True)


def full_year_of_bodies() -> tuple[int, str]:
    """The latest year with population for today's SCO members, every current member of
    the other organizations, and the World (:func:`course_lib.analysis.indicators.full_year`).

    >>> year, why = full_year_of_bodies()
    >>> why.startswith(str(year))
    True
    """
    orgs = load("regional_organizations")
    codes = set(orgs.loc[orgs["left"].isna(), "iso3"].astype(str)) & set(wb()["iso3"].astype(str))
    group = sorted(codes | set(sco.member_set("today's members")))
    return full_year("population", group, what="the members of every organization")


@dataclass(frozen=True)
class PopulationView:
    """What the notebook-02 explorer shows for one member set and year.

    ``members`` is the set's name (or the codes given); ``share`` is % of the World
    (NaN if no member or a missing value); ``countries`` is :func:`country_values` of
    the group.
    """

    members: Any
    year: int
    indicator: str
    share: float
    n_states: int
    total: float
    world: float
    countries: pd.DataFrame


def view(members: Any = "2017 members", year: int = sco.ARTICLE_YEAR,
         indicator: str = "population") -> PopulationView:
    """The explorer's numbers for one member set and year.

    >>> v = view(members="2017 members + observers", year=2020)
    >>> v.n_states, list(v.countries.columns)
    (12, ['iso3', 'country', 'value', 'share'])
    >>> view(members=EACH_YEAR, year=1995).n_states
    0
    """
    check_indicator(indicator)
    year = _check_year(year)
    codes = group(members, year)
    table = _pivot.peek(indicator)  # read only
    countries = country_values(codes, year, indicator) if codes else pd.DataFrame(
        columns=["iso3", "country", "value", "share"])
    return PopulationView(
        members=_set_name(members) or tuple(codes), year=year, indicator=indicator,
        share=_share_of(table, codes, year), n_states=len(codes),
        total=float(countries["value"].sum()) if codes else float("nan"),
        world=float(table.loc[year, WORLD]), countries=countries)
