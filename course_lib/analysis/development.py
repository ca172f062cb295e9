"""Uneven development among the SCO members, trade, and the development-violence link
(notebook 05).

Three ideas:

* **How uneven?** GDP per capita (World Bank, current US$, i.e. *nominal*, not PPP) of a
  member set, year by year, summarised by three kinds of measure: the ratio of the
  richest to the poorest country, the coefficient of variation across countries
  (every country counts once) and the Theil T index weighted by population (every
  *person* counts once, each with the average income of their country). Each measure
  is a vectorised function over a year x country table (:func:`panel`), so a whole
  series costs a few array operations.
* **Missing values** are never filled: a country-year without a value is left out of
  that year's measure, and :func:`dispersion` reports how many countries each year's
  value rests on. :func:`gaps` lists the country-years that lack data.
* **Development and violence**: GDP per capita against deaths in organised violence per
  million people (UCDP, all types), over country-years 1990-2020, with Spearman rank
  correlations under several readings (:func:`rank_correlations`). A correlation in
  these data says nothing by itself about causes: see the notebook.

>>> member_set("2001 founders")
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
>>> d = dispersion("2017 members", "ratio")
>>> int(d.index.min()), int(d.loc[2017, "n"])
(1990, 8)
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd

from .. import sco
from ..cache import data_cached
from ..data import load
from ..errors import CourseError
from ..validate import as_choice, as_year
from . import indicators

FIRST_YEAR = 1990
#: Years of the development-violence comparison: the course's World Bank extract
#: (data/wb_indicators.csv) starts in 1990, although the WDI's population goes back to 1960;
#: UCDP GED 21.1 proper ends in 2020 (2021-2022 rest on unverified candidate events).
VIOLENCE_YEARS = (1990, 2020)
GDP = "gdp_per_capita_usd"
RATE = "deaths_per_million"

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
def _countries() -> pd.DataFrame:
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
    return frozenset(_countries()["iso3"])


def _pivot(indicator: str) -> pd.DataFrame:
    """The kept year x country table itself: read it, never modify it."""
    return _pivot_checked.peek(as_choice(indicator, indicators.indicators(), "indicator"))


@data_cached
def _pivot_checked(indicator: str) -> pd.DataFrame:
    w = _countries()
    return w.pivot(index="year", columns="iso3", values=indicator).astype("float64").sort_index()


def country_names() -> dict[str, str]:
    """ISO3 -> World Bank name of every single economy.

    >>> country_names()["KGZ"]
    'Kyrgyz Republic'
    """
    w = _countries().drop_duplicates("iso3")
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
          first: int = FIRST_YEAR, last: int | None = None) -> pd.DataFrame:
    """One row per year, one column per country: a World Bank indicator (a fresh copy).

    Parameters
    ----------
    indicator : str
        A column of ``wb_indicators`` such as ``"gdp_per_capita_usd"``.
    members : member-set name or ISO3 codes, optional
        Default: every single economy.
    first, last : int
        Years kept (``last`` default: the latest year in which every country of
        ``members`` has a value, :func:`course_lib.analysis.indicators.full_year`; a
        newer year that only some of them have is left out).

    >>> p = panel("gdp_per_capita_usd", "2001 founders", 2001, 2001)
    >>> list(p.columns), p.shape
    (['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'], (1, 6))
    """
    wide = _pivot(indicator)
    first = as_year(first)
    last = None if last is None else as_year(last)
    if members is not None:
        wide = wide[codes(members)]
        if last is None and len(wide.columns):  # coverage before recency
            try:
                last = indicators.full_year(indicator, list(wide.columns), with_world=False).year
            except CourseError:
                last = None
    return wide.loc[first:last].copy()


# --------------------------------------------------------------------------- measures
def _as_frame(values) -> pd.DataFrame:
    if isinstance(values, pd.Series):
        return values.to_frame().T
    if isinstance(values, pd.DataFrame):
        return values
    return pd.DataFrame([np.asarray(values, dtype="float64")])


def _check_positive(frame: pd.DataFrame, what: str) -> None:
    if (frame <= 0).to_numpy().any():
        raise CourseError(f"{what} must be positive (a zero or negative value has no logarithm "
                          "and no meaningful ratio).")


def max_min_ratio(values) -> pd.Series:
    """Richest ÷ poorest, row by row (NaN cells skipped; NaN if fewer than 2 values).

    >>> max_min_ratio(pd.DataFrame({"A": [1.0, 2.0], "B": [4.0, None], "C": [2.0, 8.0]}))
    0    4.0
    1    4.0
    dtype: float64
    """
    f = _as_frame(values).astype("float64")
    _check_positive(f, "Incomes")
    out = f.max(axis=1) / f.min(axis=1)
    return out.where(f.notna().sum(axis=1) >= 2)


def coefficient_of_variation(values) -> pd.Series:
    """Standard deviation ÷ mean across countries, row by row, every country counting once.

    CV = sqrt( (1/n) Σ (y_i − ȳ)² ) / ȳ, with ȳ the unweighted mean of the n countries
    that have a value (the *population* standard deviation, ddof = 0: these countries
    are the whole group described, not a sample). NaN if fewer than 2 values.

    >>> coefficient_of_variation(pd.DataFrame({"A": [1.0], "B": [3.0]}))  # sd 1, mean 2
    0    0.5
    dtype: float64
    """
    f = _as_frame(values).astype("float64")
    out = f.std(axis=1, ddof=0) / f.mean(axis=1)
    return out.where(f.notna().sum(axis=1) >= 2)


def theil_t(values, weights=None) -> pd.Series:
    """Theil T index of incomes, row by row, optionally weighted (by population).

    With income per person y_i and population p_i of country i, population shares
    s_i = p_i / Σ p_j and the weighted mean μ = Σ s_i y_i::

        T = Σ_i s_i (y_i / μ) ln(y_i / μ)

    T is 0 when every country has the same income and grows as incomes spread; its
    largest value is ln(1 / s_min), reached when the smallest group holds all income.
    Weighted by population, T describes **between-country inequality among people**
    (everyone is given the average income of their country; inequality *within*
    countries is ignored). Without weights every country counts once (s_i = 1/n).
    Multiplying every income by the same factor (inflation, a currency unit) leaves T
    unchanged. A country-year where the income or the weight is missing is left out.

    Parameters
    ----------
    values : DataFrame (rows = years, columns = countries), Series or list
        Incomes, all > 0.
    weights : same shape, optional
        Populations (default: equal weights).

    Examples
    --------
    Two countries with equal populations and incomes 1 and 3: μ = 2 and
    T = ½·½·ln ½ + ½·(3/2)·ln(3/2) = ¾ ln 1.5 − ¼ ln 2 ≈ 0.1308.

    >>> round(float(theil_t([1.0, 3.0]).iloc[0]), 4)
    0.1308

    Weighting matters: three people at income 1 and one at income 5 (μ = 2) give
    ¾·½·ln ½ + ¼·(5/2)·ln(5/2) ≈ 0.3128.

    >>> round(float(theil_t([1.0, 5.0], [3.0, 1.0]).iloc[0]), 4)
    0.3128
    >>> round(float(theil_t([7.0, 7.0, 7.0]).iloc[0]), 12)  # equal incomes: no inequality
    0.0
    """
    y = _as_frame(values).astype("float64")
    if weights is None:
        w = pd.DataFrame(1.0, index=y.index, columns=y.columns)
    else:
        w = _as_frame(weights).astype("float64")
        if w.shape != y.shape:
            raise CourseError(f"Weights have shape {w.shape}, incomes {y.shape}: they must match.")
        w = pd.DataFrame(w.to_numpy(), index=y.index, columns=y.columns)
        if (w < 0).to_numpy().any():
            raise CourseError("Weights (populations) cannot be negative.")
    _check_positive(y, "Incomes")
    usable = y.notna() & w.notna()
    y = y.where(usable)
    w = w.where(usable)
    s = w.div(w.sum(axis=1), axis=0)
    mu = (s * y).sum(axis=1, min_count=1)
    r = y.div(mu, axis=0)
    t = (s * r * np.log(r)).sum(axis=1, min_count=1)
    return t.clip(lower=0.0).where(usable.sum(axis=1) >= 1)


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
               first: int = FIRST_YEAR, last: int | None = None) -> pd.DataFrame:
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

    >>> d = dispersion("2001 founders", "ratio", 2001, 2001)
    >>> y = panel("gdp_per_capita_usd", "2001 founders", 2001, 2001).iloc[0]
    >>> bool(abs(d.loc[2001, "value"] - y.max() / y.min()) < 1e-12)
    True
    """
    measure = _check_measure(measure)
    iso = codes(members)
    y = panel(GDP, iso, first, last)
    pop = panel("population", iso, first, last)
    usable = y.notna() & (pop.notna() if measure == "theil" else True)
    out = pd.DataFrame({"value": _compute(measure, y.where(usable), pop),
                        "n": usable.sum(axis=1).astype("int64")})
    out.index.name = "year"
    return out[out["n"] >= 2]


def dispersion_table(members: str | Iterable[str], first: int = FIRST_YEAR,
                     last: int | None = None) -> pd.DataFrame:
    """Every measure side by side (one column each), plus ``n``.

    >>> t = dispersion_table("2017 members", 2017, 2017)
    >>> list(t.columns)
    ['ratio', 'cv', 'theil', 'theil_unweighted', 'n']
    """
    cols = {m: dispersion(members, m, first, last)["value"] for m in MEASURES}
    out = pd.DataFrame(cols)
    out["n"] = dispersion(members, "theil", first, last)["n"]
    return out


def richest_poorest(members: str | Iterable[str], year: int) -> dict:
    """The richest and poorest country of a set in one year (GDP per capita) and
    their ratio.

    >>> r = richest_poorest("2001 founders", 2001)
    >>> r["richest"], r["poorest"], round(r["ratio"], 1) > 1
    ('RUS', 'TJK', True)
    """
    year = as_year(year)
    row = panel(GDP, members, year, year)
    if row.empty:
        raise CourseError(f"No GDP per capita for {year}: the table covers "
                          f"{_pivot(GDP).index.min()}-{_pivot(GDP).index.max()}.")
    row = row.iloc[0].dropna()
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
         first: int = FIRST_YEAR, last: int | None = None) -> pd.DataFrame:
    """Country-years without a value: one row per country and indicator with a gap.

    Columns: iso3, country, indicator, n_missing, years (compact ranges). An empty
    table means no gap.

    >>> g = gaps("2001 founders", ["trade_pct_gdp"], 1990, 1995)
    >>> sorted(g["iso3"])[:2], g["years"].iloc[0]
    (['KAZ', 'KGZ'], '1990–1991')
    """
    iso = codes(members)
    names = country_names()
    rows = []
    for ind in indicators_:
        p = panel(ind, iso, first, last)
        for c in iso:
            missing = p.index[p[c].isna()]
            if len(missing):
                rows.append({"iso3": c, "country": names[c], "indicator": ind,
                             "n_missing": int(len(missing)), "years": year_ranges(missing)})
    return pd.DataFrame(rows, columns=["iso3", "country", "indicator", "n_missing", "years"])


# --------------------------------------------------------------------------- trade
def exports_share_of_world(members: str | Iterable[str], first: int = FIRST_YEAR,
                           last: int | None = None) -> pd.Series:
    """Members' merchandise exports as % of the World Bank's world total (WLD), only in
    years where every member and the world have a value (NaN otherwise, never a partial
    sum).

    >>> s = exports_share_of_world("2001 founders")
    >>> bool(np.isnan(s.loc[1990])), bool(0 < s.loc[2017] < 100)
    (True, True)
    """
    iso = codes(members)
    ex = panel("merch_exports_usd", iso, first, last)
    world = indicators.series("merch_exports_usd", [indicators.WORLD]).loc[first:last,
                                                                           indicators.WORLD]
    total = ex.sum(axis=1, min_count=len(iso))
    out = 100 * total / world.reindex(total.index)
    out.name = "share of world merchandise exports (%)"
    return out


# --------------------------------------------------------------------------- explorer
def upper_first(text: str) -> str:
    """The text with its first letter in upper case (the rest untouched).

    >>> upper_first("population-weighted Theil T")
    'Population-weighted Theil T'
    """
    return text[:1].upper() + text[1:]


def explorer_view(measure: str = "theil", members: str = "2017 members") -> dict:
    """What the explorer shows for one measure and member set: the series, the first and
    last values and a readout sentence.

    >>> v = explorer_view("ratio", "2001 founders")
    >>> sorted(v)
    ['first', 'last', 'n', 'readout', 'series']
    >>> v["first"][0], v["readout"].startswith("Max/min ratio")
    (1990, True)
    """
    members = sco.check_member_set(members, MEMBER_SETS)
    d = dispersion(members, measure)
    if d.empty:
        raise CourseError("No year has GDP per capita for two or more of these countries.")
    s = d["value"]
    first = (int(s.index[0]), float(s.iloc[0]))
    last = (int(s.index[-1]), float(s.iloc[-1]))
    fmt = "{:.1f}" if measure == "ratio" else "{:.3f}"
    unit = " times" if measure == "ratio" else ""
    n_lo, n_hi = int(d["n"].min()), int(d["n"].max())
    n_text = f"{n_hi} countries every year" if n_lo == n_hi else f"{n_lo}–{n_hi} countries"
    change = last[1] - first[1]
    direction = "higher" if change > 0 else "lower" if change < 0 else "the same"
    readout = (
        f"{upper_first(SHORT_MEASURES[measure])}, {members} ({n_text}): "
        f"<b>{fmt.format(first[1])}{unit}</b> in {first[0]}, "
        f"<b>{fmt.format(last[1])}{unit}</b> in {last[0]} ({direction} at the end); "
        f"highest {fmt.format(s.max())} in {int(s.idxmax())}, lowest {fmt.format(s.min())} "
        f"in {int(s.idxmin())}."
    )
    return {"series": d, "first": first, "last": last, "n": (n_lo, n_hi), "readout": readout}


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
    u = u[u["year"] >= FIRST_YEAR].reset_index(drop=True)
    u[RATE] = indicators.per_million(u["deaths_best"], u["iso3"], u["year"])
    gdp = _countries().set_index(["iso3", "year"])[GDP]
    u[GDP] = gdp.reindex(pd.MultiIndex.from_arrays([u["iso3"], u["year"]])).to_numpy()
    return u[["iso3", "country", "year", "deaths_best", RATE, GDP]]


@data_cached
def _violence_last_year() -> int:
    return int(_violence_all()["year"].max())


def _check_years(first: Any, last: Any) -> tuple[int, int]:
    lo, hi = FIRST_YEAR, _violence_last_year()
    first = as_year(first, lo, hi, where="the development-violence table")
    last = as_year(last, lo, hi, where="the development-violence table")
    if last < first:
        raise CourseError(f"Choose years with first <= last, not {first}-{last}.")
    return first, last


def development_violence(first: int = VIOLENCE_YEARS[0], last: int = VIOLENCE_YEARS[1],
                         members: str | Iterable[str] | None = "today's members",
                         dropna: bool = True) -> pd.DataFrame:
    """Country-years with both GDP per capita and deaths in organised violence per
    million people (UCDP best estimate, all types; World Bank population).

    Country-years lacking either value are dropped (see :func:`violence_gaps`), unless
    ``dropna=False``, which keeps every UCDP country-year of the period with NaN where a
    value is missing. The column ``member`` marks the countries of ``members`` (a
    member-set name or codes; membership is the set's, not the year's).

    >>> d = development_violence(2017, 2017)
    >>> list(d.columns)
    ['iso3', 'country', 'year', 'deaths_best', 'deaths_per_million', 'gdp_per_capita_usd', 'member']
    >>> int(d["member"].sum())
    10
    >>> len(development_violence(2017, 2017, dropna=False)) > len(d)
    True
    """
    first, last = _check_years(first, last)
    u = _violence_all()
    u = u[(u["year"] >= first) & (u["year"] <= last)]
    u = (u.dropna(subset=[RATE, GDP]) if dropna else u).copy()
    u["member"] = u["iso3"].isin(codes(members)) if members is not None else False
    return u.reset_index(drop=True)


def violence_gaps(first: int = VIOLENCE_YEARS[0], last: int = VIOLENCE_YEARS[1]) -> pd.DataFrame:
    """The UCDP country-years :func:`development_violence` drops, and why: one row per
    country with the number of years and the years.

    >>> g = violence_gaps().set_index("iso3")
    >>> g.loc["TWN", "reason"]
    'no World Bank population or GDP'
    """
    first, last = _check_years(first, last)
    u = _violence_all()
    u = u[(u["year"] >= first) & (u["year"] <= last)]
    no_rate = u[RATE].isna()
    no_gdp = u[GDP].isna()
    u = u.assign(reason=np.select(
        [no_rate, no_gdp], ["no World Bank population or GDP", "no GDP per capita"], ""))
    u = u[u["reason"] != ""]
    out = (u.groupby(["iso3", "country", "reason"])["year"]
           .agg(n_years="size", years=year_ranges).reset_index())
    return out.sort_values(["n_years", "iso3"], ascending=[False, True]).reset_index(drop=True)


def spearman(frame: pd.DataFrame, x: str = GDP, y: str = RATE) -> float:
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
                      first: int = VIOLENCE_YEARS[0], last: int = VIOLENCE_YEARS[1]) -> pd.DataFrame:
    """Spearman correlation of GDP per capita with deaths per million under several
    readings: pooled country-years (all, members, non-members, only years with
    deaths), one value per year (the median of the yearly cross-sections) and one point
    per country (averages over the years).

    Columns: reading, definition, value, n (rows the value rests on).

    >>> r = rank_correlations().set_index("reading")
    >>> bool(r.loc["all country-years", "value"] < 0), int(r.loc["one point per country", "n"]) > 100
    (True, True)
    """
    d = development_violence(first, last, members)
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
    yearly = d.groupby("year")[[GDP, RATE]].corr(method="spearman").xs(GDP, level=1)[RATE]
    out.append({"reading": "median of yearly cross-sections",
                "definition": f"one correlation per year across countries, median of the "
                              f"{len(yearly)} years (nominal dollars compared within a year only)",
                "value": float(yearly.median()), "n": int(len(yearly))})
    means = d.groupby("iso3")[[GDP, RATE]].mean()
    out.append({"reading": "one point per country",
                "definition": f"each country's averages over {span} (no country counted many times)",
                "value": spearman(means), "n": len(means)})
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- corridor
def corridor() -> pd.DataFrame:
    """The two ends of the road corridor the article names (``data/places.csv``) and the
    great-circle distance between them in km (a straight line on the globe, not a road).

    >>> c = corridor()
    >>> sorted(c["place"]), bool(7000 < c["distance_km"].iloc[0] < 8000)
    (['Kaliningrad', 'Lianyungang'], True)
    """
    from ..maps import great_circle_km

    p = load("places").copy()
    p["lat"] = p["lat"].astype(float)
    p["lon"] = p["lon"].astype(float)
    if len(p) != 2:
        raise CourseError("data/places.csv should hold the two ends of the corridor.")
    a, b = p.iloc[0], p.iloc[1]
    p["distance_km"] = great_circle_km(a["lat"], a["lon"], b["lat"], b["lon"])
    return p
