"""Evaluators for the claims about the SCO's size ("almost 44 per cent of the world's
population", "the largest regional organization").

The readings come from :mod:`course_lib.analysis.population`; this module names them,
and fills the explanation templates below with their numbers. Which readings count
is fixed in ``data/claim_readings.csv``, never here.

>>> r = evidence_population_share()["readings"]
>>> r.reading_id.iloc[0], bool(0 < r.value.iloc[0] < 100)
('members_oct2017_2017', True)
"""

from __future__ import annotations

import pandas as pd

from ..analysis import population as P
from ..analysis.indicators import full_year
from .display import ordinal

POPULATION_IDS = ("members_oct2017_2017", "members_oct2017_2016", "members_oct2017_2015",
                  "members_observers_2017", "members_observers_partners_2017", "now",
                  "members_oct2017_2017_sum")

POPULATION_TEMPLATE = (
    "The eight states that were members when the article appeared held "
    "**{value:.2f} %** of the world's people in 2017 (World Bank, current vintage); "
    "{year_before:.2f} % in 2016, the latest year published when the article was written; "
    "{countries_sum:.2f} % if the world is the sum of the countries. Counting the observers "
    "of October 2017 as well gives {with_observers:.2f} %, but observers were not members. "
    "The World Bank revises its estimates every year, so this table is not what the author "
    "could read in 2017."
)

LARGEST_TEMPLATE = (
    "Among the {n_orgs} organizations in the course data, the SCO's members had the most "
    "people in 2017 ({sco_people:.2f} billion; next: {next_org} with {next_people:.2f} "
    "billion). By surface area it comes {area_rank} (largest: {largest_org}, "
    "{largest_area:.1f} million km² against {sco_area:.1f} million km²). The answer also "
    "depends on which bodies count as regional organizations (the table holds {n_others} "
    "others)."
)


def evidence_population_share() -> dict:
    """Evidence for "almost 44 per cent of the world's population".

    Every row of :func:`course_lib.analysis.population.population_readings` gets a
    ``reading_id``.

    >>> e = evidence_population_share()
    >>> e["unit"], e["explanation"].startswith("The eight states")
    ('%', True)
    """
    readings = P.population_readings(2017)
    readings.insert(0, "reading_id", list(POPULATION_IDS[:len(readings)]))
    v = readings.set_index("reading_id")["value"]
    value = float(v["members_oct2017_2017"])
    latest = readings.loc[readings.reading_id == "now", "reading"].iloc[0]
    explanation = POPULATION_TEMPLATE.format(
        value=value, year_before=v["members_oct2017_2016"],
        countries_sum=v["members_oct2017_2017_sum"], with_observers=v["members_observers_2017"])
    return {
        "value": value,
        "unit": "%",
        "readings": readings,
        "explanation": explanation,
        "sources": ["wb_indicators", "sco_membership"],
        "now": {"value": float(v["now"]), "label": latest,
                "why": full_year("population", "today's members").why},
    }


def evidence_largest_organization() -> dict:
    """Evidence for "the largest regional organization": the SCO's rank (1 = largest).

    >>> evidence_largest_organization()["readings"].reading_id.iloc[0]
    'rank_population_2017'
    """
    sco_ = P.SCO
    t = P.org_totals(2017).set_index("org")
    latest, why = P.full_year_of_bodies()  # coverage before recency
    t_obs = P.org_totals(2017, sco_statuses=("member", "observer")).set_index("org")
    t_now = P.org_totals(latest, sco_on="today", data_year=latest).set_index("org")
    n_orgs = len(t)
    rows = [
        ("rank_population_2017", "rank by population, 2017", f"population of the Oct 2017 "
         f"members vs the members of {n_orgs - 1} other organizations in 2017",
         t.loc[sco_, "rank_population"]),
        ("rank_area_2017", "rank by surface area, 2017", "surface area (km², incl. inland water)",
         t.loc[sco_, "rank_area"]),
        ("rank_land_2017", "rank by land area, 2017", "land area (km²)",
         int(t["land_area_km2"].rank(ascending=False, method="min")[sco_])),
        ("rank_gdp_2017", "rank by GDP, 2017", "GDP at current US$ (economic size)",
         t.loc[sco_, "rank_gdp"]),
        ("rank_members_2017", "rank by number of member states, 2017", "how many states belong",
         t.loc[sco_, "rank_members"]),
        ("rank_population_observers_2017", "rank by population, with observers",
         "SCO members + observers of Oct 2017", t_obs.loc[sco_, "rank_population"]),
        ("now", f"rank by population, today ({latest} data)", "today's members of every body",
         t_now.loc[sco_, "rank_population"]),
    ]
    readings = pd.DataFrame(rows, columns=["reading_id", "reading", "definition", "value"])
    readings["value"] = readings["value"].astype(float)
    value = float(readings["value"].iloc[0])
    by_area = t.sort_values("surface_area_km2", ascending=False)
    others = t.drop(sco_)
    explanation = LARGEST_TEMPLATE.format(
        n_orgs=n_orgs, sco_people=t.loc[sco_, "population"] / 1e9,
        next_org=others["population"].idxmax(), next_people=others["population"].max() / 1e9,
        area_rank=ordinal(int(t.loc[sco_, "rank_area"])), largest_org=by_area.index[0],
        largest_area=by_area["surface_area_km2"].iloc[0] / 1e6,
        sco_area=t.loc[sco_, "surface_area_km2"] / 1e6, n_others=n_orgs - 1)
    return {
        "value": value,
        "unit": "rank",
        "readings": readings,
        "explanation": explanation,
        "sources": ["wb_indicators", "sco_membership", "regional_organizations"],
        "now": {"value": float(t_now.loc[sco_, "rank_population"]),
                "label": f"rank by population of today's members, {latest}", "why": why},
    }
