"""Drug seizures (heroin, morphine, opium), world and country, from UNODC
(``data/unodc_seizures.csv``), notebook 04.

The world table has **gaps**: it holds world heroin for only some years. Nothing here
fills a gap with an invented number: a missing year stays missing (NaN), and every
table says where each value comes from. The arithmetic of the claim and its readings
are :mod:`course_lib.analysis.drugs`.

The window is the five calendar years before the article (2017): 2012-2016.

>>> window()
[2012, 2013, 2014, 2015, 2016]
"""

from __future__ import annotations

import math

import pandas as pd

from ..cache import data_cached
from ..data import load
from ..errors import CourseError
from ..sco import ARTICLE_DATE, ARTICLE_YEAR
from ..validate import as_period, as_year

WINDOW_YEARS = 5
WORLD = "WORLD"


#: What two other statements by the SCO Secretary-General said (source_keys 24KG_2017, SECTSCO_2018).
#: These figures are not in data/ because the area (the SCO) is not a country; they are
#: kept here, with their source keys, as context for the claim only.
#: ``tonnes`` is heroin; ``cannabis_tonnes`` adds the hashish and marijuana figures of
#: the same statement (1,500 t and over 1,400 t), where it gives them.
STATEMENTS = (
    {"source": "24KG_2017", "what": "heroin seized in SCO countries, past five years",
     "tonnes": 70.0, "years": 5.0, "share_pct": 14.0, "cannabis_tonnes": float("nan"),
     "when": "news report of a 2017 speech (Moscow security conference)"},
    {"source": "SECTSCO_2018", "what": "heroin seized by SCO member-state agencies, 2011 to mid-2017",
     "tonnes": 160.0, "years": 6.5, "share_pct": float("nan"), "cannabis_tonnes": 1500.0 + 1400.0,
     "when": "SCO Secretariat item on the address to the UN CND, 12 March 2018"},
)


# --------------------------------------------------------------------------- data
@data_cached
def _table() -> pd.DataFrame:
    return load("unodc_seizures")


def seizures(area: str | None = None, drug: str | None = None) -> pd.DataFrame:
    """The seizure table (a copy), optionally for one area and one drug.

    >>> seizures("AFG").area.unique().tolist()
    ['AFG']
    >>> seizures("XYZ")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: No area 'XYZ' in data/unodc_seizures.csv. Areas: AFG, CHN, IND, IRN, PAK, WORLD.
    """
    df = _table()
    if area is not None:
        if area not in set(df.area):
            raise CourseError(
                f"No area {area!r} in data/unodc_seizures.csv. "
                f"Areas: {', '.join(sorted(set(df.area)))}."
            )
        df = df[df.area == area]
    if drug is not None:
        if drug not in set(_table().drug):
            raise CourseError(
                f"No drug {drug!r} in data/unodc_seizures.csv. "
                f"Drugs: {', '.join(sorted(set(_table().drug)))}."
            )
        df = df[df.drug == drug]
    return df.reset_index(drop=True).copy()


def window(article_year: int = ARTICLE_YEAR, years: int = WINDOW_YEARS) -> list[int]:
    """The ``years`` calendar years before ``article_year``.

    >>> window(2017, 3)
    [2014, 2015, 2016]
    """
    if not isinstance(years, int) or isinstance(years, bool) or years < 1:
        raise CourseError(f"The number of years must be a whole number of at least 1, not {years!r}.")
    article_year = as_year(article_year)
    return list(range(article_year - years, article_year))


def source_citation(key: str) -> str:
    """The citation of a source key (``data/source_keys.csv``).

    >>> source_citation("24KG_2017").startswith("24.kg")
    True
    """
    keys = load("source_keys").set_index("key")
    if key not in keys.index:
        raise CourseError(f"No source key {key!r} in data/source_keys.csv.")
    cit = keys.loc[key, "citation"]
    return str(cit) if not pd.isna(cit) else str(keys.loc[key, "url"])


def window_years(period: tuple[int, int] | None = None) -> list[int]:
    """The years of a ``period=`` argument, both ends included (default: :func:`window`).

    >>> window_years((2014, 2016.0))
    [2014, 2015, 2016]
    """
    if period is None:
        return window()
    first, last = as_period(period, where="the seizure tables")
    return list(range(first, last + 1))


def world_heroin(period: tuple[int, int] | None = None) -> pd.DataFrame:
    """World heroin seizures for each year: year, tonnes (NaN = no data), source, known.

    >>> t = world_heroin((2010, 2011))
    >>> list(t.columns), t["year"].tolist()
    (['year', 'tonnes', 'source', 'method', 'known'], [2010, 2011])
    """
    years = window_years(period)
    h = seizures(WORLD, "heroin").set_index("year")
    out = pd.DataFrame({"year": years})
    out["tonnes"] = [float(h.loc[y, "tonnes"]) if y in h.index else math.nan for y in years]
    out["source"] = [str(h.loc[y, "source"]) if y in h.index else "" for y in years]
    out["method"] = ["reported heroin" if y in h.index else "no data in our table" for y in years]
    out["known"] = out["tonnes"].notna()
    return out


def world_heroin_and_morphine(period: tuple[int, int] | None = None) -> pd.DataFrame:
    """World heroin + morphine seizures per year, saying how each value was obtained.

    Rule: the reported combined total where the table has one; otherwise heroin plus
    morphine of the same year, only when both rows exist (``method`` says which, and
    whether the two rows come from the same source). Other years stay NaN.

    >>> t = world_heroin_and_morphine((2008, 2009))
    >>> t["year"].tolist(), set(t.loc[~t.known, "method"]) <= {"no data in our table"}
    ([2008, 2009], True)
    """
    years = window_years(period)
    w = seizures(WORLD)
    rows = []
    for y in years:
        here = w[w.year == y].set_index("drug")
        if "heroin_and_morphine" in here.index:
            rows.append((y, float(here.loc["heroin_and_morphine", "tonnes"]),
                         str(here.loc["heroin_and_morphine", "source"]), "reported total"))
        elif {"heroin", "morphine"} <= set(here.index):
            src = {str(here.loc["heroin", "source"]), str(here.loc["morphine", "source"])}
            same = "same source" if len(src) == 1 else "DIFFERENT sources"
            rows.append((y, float(here.loc["heroin", "tonnes"] + here.loc["morphine", "tonnes"]),
                         " + ".join(sorted(src)), f"heroin + morphine of the same year ({same})"))
        else:
            rows.append((y, math.nan, "", "no data in our table"))
    out = pd.DataFrame(rows, columns=["year", "tonnes", "source", "method"])
    out["known"] = out["tonnes"].notna()
    return out


def world_opiates_bulk(period: tuple[int, int] | None = None) -> pd.DataFrame:
    """Opium + heroin + morphine seized worldwide, by bulk weight, where all three are known.

    Used only to show how a wider denominator ("all drugs") shrinks the share.

    >>> list(world_opiates_bulk((2018, 2018)).columns)
    ['year', 'tonnes', 'opium', 'known']
    """
    years = window_years(period)
    w = seizures(WORLD)
    rows = []
    for y in years:
        here = w[w.year == y].set_index("drug")
        if {"opium", "heroin", "morphine"} <= set(here.index):
            total = float(here.loc[["opium", "heroin", "morphine"], "tonnes"].sum())
            rows.append((y, round(total, 3), float(here.loc["opium", "tonnes"])))
        else:
            rows.append((y, math.nan, math.nan))
    out = pd.DataFrame(rows, columns=["year", "tonnes", "opium"])
    out["known"] = out["tonnes"].notna()
    return out


def country_context() -> pd.DataFrame:
    """Country rows of the table (2017-2018) with names, SCO status in October 2017
    and flags for the caveats in ``note``.

    >>> c = country_context()
    >>> sorted(c.area.unique())
    ['AFG', 'CHN', 'IND', 'IRN', 'PAK']
    >>> c.loc[c.area == "PAK", ["drug", "secondary", "year_inferred"]].to_numpy().tolist()
    [['heroin_and_morphine', True, True], ['opium', False, False]]
    """
    from ..sco import names, status_on

    df = _table()
    df = df[df.area != WORLD].copy()
    st = status_on(ARTICLE_DATE).drop_duplicates("iso3").set_index("iso3")
    df["country"] = df.area.map(names(sorted(set(df.area))))
    df["sco_status_2017"] = [str(st.loc[a, "status"]) if a in st.index else "none" for a in df.area]
    note = df.note.fillna("").str.lower()
    df["secondary"] = note.str.contains("secondary")
    df["year_inferred"] = note.str.contains("inferred")
    return df.sort_values(["year", "area", "drug"]).reset_index(drop=True)

