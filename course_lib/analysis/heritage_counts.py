"""World Heritage counts behind the figures of notebook 06: properties per State Party,
the share year by year, inscriptions per year and the map's points.

>>> int(country_counts().loc["CHN", "total"]) > 40
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cache import data_cached
from ..data import load
from ..sco import ARTICLE_YEAR
from . import heritage as H


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


# --------------------------------------------------------------------------- tables for figures
@data_cached
def _entry_arrays() -> dict[str, np.ndarray]:
    """The long table (property x State Party) as arrays, with year and category codes."""
    p = H.properties()[["id_no", "year_inscribed", "year_removed", "category"]]
    e = H.entries().merge(p, on="id_no", how="left")
    codes = sorted(e["iso3"].unique())
    return {
        "codes": np.array(codes, dtype=object),
        "iso": _readonly(pd.Categorical(e["iso3"], categories=codes).codes.astype(np.int64)),
        "cat": _readonly(pd.Categorical(e["category"], categories=list(H.CATEGORY_ORDER))
                         .codes.astype(np.int64)),
        "inscribed": _readonly(e["year_inscribed"].to_numpy(dtype=np.int64)),
        "removed": _readonly(e["year_removed"].astype("Float64").fillna(np.inf)
                             .to_numpy(dtype=float)),
    }


def country_counts(members: str = "2017 members", year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Properties on the List per State Party of a member set, by category.

    A transboundary property counts for **each** of its States Parties. One row per
    state of the set (zero rows kept), columns Cultural, Mixed, Natural, total and
    country, sorted by total (largest first).

    >>> c = country_counts()
    >>> c.index[0], int(c.loc["CHN", "total"]) > 40
    ('CHN', True)
    """
    codes = H.member_set(members)
    year = H.check_year(year)
    a = _entry_arrays.peek()  # read only
    listed = (a["inscribed"] <= year) & (a["removed"] > year)
    n_codes, n_cat = len(a["codes"]), len(H.CATEGORY_ORDER)
    counts = np.bincount(a["iso"][listed] * n_cat + a["cat"][listed],
                         minlength=n_codes * n_cat).reshape(n_codes, n_cat)
    out = pd.DataFrame(counts, index=pd.Index(a["codes"], name="iso3"),
                       columns=list(H.CATEGORY_ORDER))
    out = out.reindex(codes, fill_value=0)
    out.index.name = "iso3"
    out["total"] = out[list(H.CATEGORY_ORDER)].sum(axis=1)
    names = _country_names()
    out["country"] = [names.get(c, c) for c in out.index]
    return out.sort_values(["total", "Cultural"], ascending=False, kind="stable")


@data_cached
def _country_names() -> dict[str, str]:
    from ..sco import names as sco_names

    c = load("countries")
    names = dict(zip(c["iso3"], c["name"]))
    names.update(sco_names())
    return names


def share_over_time(members: str = "2017 members", category: str = "all",
                    denominator: str = "whole List", counting: str = "once") -> pd.DataFrame:
    """The share (and counts) at the end of every year in the data.

    >>> t = share_over_time("today's members", "cultural")
    >>> list(t.columns), int(t.index[0])
    (['share', 'numerator', 'denominator'], 1978)
    """
    rows = {}
    for year in range(H.first_year(), H.latest_year() + 1):
        s = H.share(category, denominator, members, counting, year)
        rows[year] = {"share": s["share"], "numerator": s["numerator"],
                      "denominator": s["denominator"]}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


def inscriptions_per_year(members: str = "2017 members") -> pd.DataFrame:
    """Properties inscribed each year: by the member set (any State Party in it) and others.

    >>> int(inscriptions_per_year().loc[1987, "set"]) > 0
    True
    """
    inc = H.incidence.peek()  # read only
    held = H.hits(members) > 0
    df = pd.DataFrame({"year": inc.inscribed, "held": held})
    out = pd.crosstab(df["year"], df["held"]).reindex(columns=[True, False], fill_value=0)
    out.columns = ["set", "others"]
    return out.reindex(range(H.first_year(), H.latest_year() + 1), fill_value=0).rename_axis("year")


def map_points(members: str = "2017 members", year: int = ARTICLE_YEAR) -> pd.DataFrame:
    """Properties on the List at the end of ``year`` with coordinates and a ``held`` flag
    (True when at least one State Party is in the member set).

    >>> m = map_points("today's members", 2021)
    >>> len(m) == len(H.on_list(2021)), m["held"].dtype
    (True, dtype('bool'))
    """
    codes = set(H.member_set(members))
    p = H.on_list(year)
    held = p["states_iso3"].fillna("").map(lambda s: bool(codes & set(s.split(";"))))
    out = p[["id_no", "name", "category", "states_iso3", "latitude", "longitude"]].copy()
    out["held"] = held.astype(bool).to_numpy()
    return out

