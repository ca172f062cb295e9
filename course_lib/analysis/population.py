"""The SCO's share of the world (population, area, GDP) and its size against other
regional organizations (notebook 02).

Three ways to say which states "are the SCO" in a given year (``DEFINITIONS``):

* ``"each_year"``: the full members on 31 December of that year (none before 2001);
* ``"oct2017"``: the eight members of October 2017, when the article appeared, held
  fixed for every year;
* ``"oct2017_observers"``: those eight plus the observers of October 2017, fixed.

World totals are the World Bank's World aggregate (``WLD``); a group's total is the
sum of its countries, and a share is NaN when any country lacks a value (never a
silent zero).

>>> round(share("population", "oct2017", 2017), 1)
41.9
>>> group("each_year", 2000)
[]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import pandas as pd

from .. import sco
from ..data import load
from ..errors import CourseError
from .indicators import WORLD, _check_indicator, _wb

ARTICLE_DATE = "2017-10-01"
DEFINITIONS: dict[str, str] = {
    "each_year": "members of each year (on 31 December)",
    "oct2017": "the October 2017 members, fixed",
    "oct2017_observers": "the October 2017 members and observers, fixed",
}


def _check_definition(definition: str) -> str:
    if not isinstance(definition, str) or definition not in DEFINITIONS:
        raise CourseError(
            f"Unknown definition {definition!r}. Choose one of: {', '.join(DEFINITIONS)}."
        )
    return definition


def _check_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, (int,)) and not (
        hasattr(year, "dtype") and pd.api.types.is_integer(year)
    ):
        raise CourseError(f"A year is a whole number such as 2017, not {year!r}.")
    year = int(year)
    years = _pivot("population").index
    if not years.min() <= year <= years.max():
        raise CourseError(
            f"{year} is outside the World Bank table ({years.min()}-{years.max()})."
        )
    return year


@lru_cache(maxsize=None)
def _group(definition: str, year: int) -> tuple[str, ...]:
    if definition == "each_year":
        return tuple(sco.members(year))
    codes = sco.members(ARTICLE_DATE)
    if definition == "oct2017_observers":
        codes = codes + sco.members(ARTICLE_DATE, status="observer")
    return tuple(sorted(codes))


def group(definition: str, year: int) -> list[str]:
    """ISO3 codes of the states counted as "the SCO" in ``year`` under a definition.

    >>> group("oct2017", 1990) == group("oct2017", 2020)
    True
    >>> len(group("oct2017_observers", 2017))
    12
    """
    return list(_group(_check_definition(definition), _check_year(year)))


@lru_cache(maxsize=None)
def _pivot(indicator: str) -> pd.DataFrame:
    """Wide table (year x economy) of one indicator, with the World in column WLD."""
    df = _wb()
    keep = (df.kind == "country") | (df.iso3 == WORLD)
    return df[keep].pivot(index="year", columns="iso3", values=indicator)


def pivot(indicator: str = "population") -> pd.DataFrame:
    """Year x country table of a World Bank indicator, World aggregate as ``WLD``.

    Computed once and cached: the explorer reads from it.

    >>> pivot("population").loc[2017, ["CHN", "IND"]].gt(1e9).all()
    np.True_
    """
    _check_indicator(indicator)
    return _pivot(indicator)


def share(indicator: str, definition: str, year: int) -> float:
    """Percentage of the World total held by the group in ``year`` (NaN if a member
    has no value, or there is no member).

    >>> 20 < share("surface_area_km2", "oct2017", 2017) < 30
    True
    """
    _check_indicator(indicator)
    codes = group(definition, year)
    return _share_of(pivot(indicator), codes, year)


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


def share_series(indicator: str = "population", definition: str = "oct2017",
                 start: int = 1990, end: int | None = None) -> pd.DataFrame:
    """One row per year: the group's size, total, the World total and the share.

    Returns columns ``year``, ``n_states``, ``total``, ``world``, ``share`` (%) and
    ``missing`` (codes without a value, comma-separated).

    >>> s = share_series("population", "each_year", 2000, 2002)
    >>> s["n_states"].tolist()
    [0, 6, 6]
    >>> bool(s["share"].isna().iloc[0])
    True
    """
    _check_indicator(indicator)
    _check_definition(definition)
    table = pivot(indicator)
    end = int(table.index.max()) if end is None else end
    rows = []
    for year in range(_check_year(start), _check_year(end) + 1):
        codes = list(_group(definition, year))
        row = table.loc[year]
        vals = row.reindex(codes)
        rows.append({
            "year": year,
            "n_states": len(codes),
            "total": float(vals.sum()) if codes else float("nan"),
            "world": float(row.get(WORLD, float("nan"))),
            "share": _share_of(table, codes, year),
            "missing": ", ".join(sorted(vals[vals.isna()].index)),
        })
    return pd.DataFrame(rows)


def country_values(iso3s: Iterable[str], year: int,
                   indicator: str = "population") -> pd.DataFrame:
    """Each country's value and its share of the World, largest first.

    >>> t = country_values(["CHN", "IND", "RUS"], 2017)
    >>> t["iso3"].tolist()
    ['CHN', 'IND', 'RUS']
    """
    _check_indicator(indicator)
    year = _check_year(year)
    iso3s = list(iso3s)
    table = pivot(indicator)
    unknown = sorted(set(iso3s) - set(table.columns))
    if unknown:
        raise CourseError(f"No World Bank country with the code(s) {', '.join(unknown)}.")
    row = table.loc[year]
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
    table = pivot("population")
    members17 = sco.members(ARTICLE_DATE)
    observers17 = sco.members(ARTICLE_DATE, status="observer")
    partners17 = sco.members(ARTICLE_DATE, status="dialogue_partner")
    latest = int(table["WLD"].dropna().index.max())
    today = sco.members("today")
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
         f"{latest}", _share_of(table, today, latest)),
        ("October 2017 members, sum of countries as world",
         "denominator = sum of all countries in the table instead of WLD",
         100.0 * float(table.loc[year, members17].sum()) / countries_sum),
    ]
    out = pd.DataFrame(rows, columns=["reading", "definition", "value"])
    return out


def _article_value(claim_id: str) -> float:
    from ..claims.core import article_value

    return article_value(claim_id)


_POPULATION_IDS = ("members_oct2017_2017", "members_oct2017_2016", "members_oct2017_2015",
                   "members_observers_2017", "members_observers_partners_2017", "now",
                   "members_oct2017_2017_sum")


def evidence_population_share() -> dict:
    """Evidence for "almost 44 per cent of the world's population".

    Every row of :func:`population_readings` gets a ``reading_id``; which of them are
    eligible is fixed in ``data/claim_readings.csv``, not here.

    >>> r = evidence_population_share()["readings"]
    >>> r.reading_id.iloc[0], round(float(r.value.iloc[0]), 2)
    ('members_oct2017_2017', 41.9)
    """
    readings = population_readings(2017)
    readings.insert(0, "reading_id", list(_POPULATION_IDS[:len(readings)]))
    v = readings.set_index("reading_id")["value"]
    value = float(v["members_oct2017_2017"])
    latest = readings.loc[readings.reading_id == "now", "reading"].iloc[0]
    explanation = (
        f"The eight states that were members when the article appeared held "
        f"**{value:.2f} %** of the world's people in 2017 (World Bank, current vintage); "
        f"{v['members_oct2017_2016']:.2f} % in 2016, the latest year published when the "
        f"article was written; {v['members_oct2017_2017_sum']:.2f} % if the world is the sum "
        "of the countries. Counting the observers of October 2017 as well gives "
        f"{v['members_observers_2017']:.2f} %, but observers were not members. The World "
        "Bank revises its estimates every year, so this table is not what the author could "
        f"read in 2017."
    )
    return {
        "value": value,
        "unit": "%",
        "readings": readings,
        "explanation": explanation,
        "sources": ["wb_indicators", "sco_membership"],
        "now": {"value": float(v["now"]), "label": latest},
    }


# --------------------------------------------------------------- other organizations
SCO = "SCO"


def org_members(year: int = 2017, sco_on: str = ARTICLE_DATE,
                sco_statuses: tuple[str, ...] = ("member",)) -> pd.DataFrame:
    """Members of each regional organization in ``year``, with the SCO added.

    Other bodies: ``status == "member"``, ``joined <= year`` and (``left`` empty or
    ``> year``), from ``data/regional_organizations.csv``. The SCO: the states holding
    one of ``sco_statuses`` on ``sco_on``.

    >>> m = org_members(2017)
    >>> int((m.org == "SCO").sum()), int((m.org == "EU").sum())
    (8, 28)
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise CourseError(f"A year is a whole number such as 2017, not {year!r}.")
    ro = load("regional_organizations")
    active = ro[(ro.status == "member") & (ro.joined <= year)
                & (ro.left.isna() | (ro.left > year))]
    out = active[["org", "org_name", "iso3"]]
    codes = sorted({c for s in sco_statuses for c in sco.members(sco_on, status=s)})
    sco_rows = pd.DataFrame({"org": SCO, "org_name": "Shanghai Cooperation Organization",
                             "iso3": codes})
    return pd.concat([sco_rows, out], ignore_index=True)


def org_totals(year: int = 2017, sco_on: str = ARTICLE_DATE,
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
    data_year = year if data_year is None else data_year
    members = org_members(year, sco_on, sco_statuses)
    rows = []
    cols = ("population", "surface_area_km2", "land_area_km2", "gdp_usd")
    tables = {c: pivot(c).loc[data_year] for c in cols}
    for (org, name), g in members.groupby(["org", "org_name"], sort=False):
        codes = g["iso3"].tolist()
        row = {"org": org, "org_name": name, "n_members": len(codes)}
        missing = set()
        for c in cols:
            vals = tables[c].reindex(codes)
            missing |= set(vals[vals.isna()].index)
            row[c] = float(vals.sum())
        row["missing"] = ", ".join(sorted(missing))
        rows.append(row)
    out = pd.DataFrame(rows)
    for c, short in (("population", "population"), ("surface_area_km2", "area"),
                     ("gdp_usd", "gdp"), ("n_members", "members")):
        out[f"rank_{short}"] = out[c].rank(ascending=False, method="min").astype(int)
    return out.sort_values("population", ascending=False).reset_index(drop=True)


def evidence_largest_organization() -> dict:
    """Evidence for "the largest regional organization": the SCO's rank (1 = largest)."""
    t = org_totals(2017).set_index("org")
    latest = int(pivot("population")["WLD"].dropna().index.max())
    t_obs = org_totals(2017, sco_statuses=("member", "observer")).set_index("org")
    t_now = org_totals(latest, sco_on="today", data_year=latest).set_index("org")
    n_orgs = len(t)
    rows = [
        ("rank_population_2017", "rank by population, 2017", f"population of the Oct 2017 "
         f"members vs the members of {n_orgs - 1} other organizations in 2017",
         t.loc[SCO, "rank_population"]),
        ("rank_area_2017", "rank by surface area, 2017", "surface area (km², incl. inland water)",
         t.loc[SCO, "rank_area"]),
        ("rank_land_2017", "rank by land area, 2017", "land area (km²)",
         int(t["land_area_km2"].rank(ascending=False, method="min")[SCO])),
        ("rank_gdp_2017", "rank by GDP, 2017", "GDP at current US$ (economic size)",
         t.loc[SCO, "rank_gdp"]),
        ("rank_members_2017", "rank by number of member states, 2017", "how many states belong",
         t.loc[SCO, "rank_members"]),
        ("rank_population_observers_2017", "rank by population, with observers",
         "SCO members + observers of Oct 2017", t_obs.loc[SCO, "rank_population"]),
        ("now", f"rank by population, today ({latest} data)", "today's members of every body",
         t_now.loc[SCO, "rank_population"]),
    ]
    readings = pd.DataFrame(rows, columns=["reading_id", "reading", "definition", "value"])
    readings["value"] = readings["value"].astype(float)
    value = float(readings["value"].iloc[0])
    by_area = t.sort_values("surface_area_km2", ascending=False)
    explanation = (
        f"Among the {n_orgs} organizations in the course data, the SCO's members had the "
        f"most people in 2017 ({t.loc[SCO, 'population'] / 1e9:.2f} billion; next: "
        f"{t.drop(SCO)['population'].idxmax()} with "
        f"{t.drop(SCO)['population'].max() / 1e9:.2f} billion). By surface area it comes "
        f"{_ordinal(int(t.loc[SCO, 'rank_area']))} (largest: {by_area.index[0]}, "
        f"{by_area['surface_area_km2'].iloc[0] / 1e6:.1f} million km² against "
        f"{t.loc[SCO, 'surface_area_km2'] / 1e6:.1f} million km²). The answer also depends on "
        f"which bodies count as regional organizations (the table holds {n_orgs - 1} others)."
    )
    return {
        "value": value,
        "unit": "rank",
        "readings": readings,
        "explanation": explanation,
        "sources": ["wb_indicators", "sco_membership", "regional_organizations"],
        "now": {"value": float(t_now.loc[SCO, "rank_population"]),
                "label": f"rank by population of today's members, {latest}"},
    }


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def view(definition: str, year: int, indicator: str = "population") -> dict:
    """What the notebook-02 explorer shows for one definition and year.

    Returns a dict: ``share`` (%, NaN if no member or a missing value), ``n_states``,
    ``total``, ``world`` and ``countries`` (``country_values`` of the group).

    >>> v = view("oct2017", 2017)
    >>> v["n_states"], round(v["share"], 1)
    (8, 41.9)
    >>> view("each_year", 1995)["n_states"]
    0
    """
    codes = group(definition, year)
    table = pivot(indicator)
    world = float(table.loc[year, WORLD])
    countries = country_values(codes, year, indicator) if codes else pd.DataFrame(
        columns=["iso3", "country", "value", "share"])
    return {
        "definition": definition,
        "year": year,
        "share": _share_of(table, codes, year),
        "n_states": len(codes),
        "total": float(countries["value"].sum()) if codes else float("nan"),
        "world": world,
        "countries": countries,
    }
