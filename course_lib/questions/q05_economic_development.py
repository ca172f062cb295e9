"""Exercises of notebook 05: uneven development, and development against violence."""

from __future__ import annotations

from ..exercises import Question

WB = "data/wb_indicators.csv"
UCDP = "data/ucdp_deaths.csv"


def _ratio(members: str, year: int) -> float:
    from ..analysis.development import richest_poorest

    return richest_poorest(members, year)["ratio"]


def _theil_rose() -> bool:
    from ..analysis.development import dispersion

    d = dispersion("2001 founders", "theil", 2001, 2017)["value"]
    return bool(d.loc[2017] > d.loc[2001])


def _spearman_members() -> float:
    from ..analysis.development import development_violence, spearman

    d = development_violence(members="2017 members")
    return spearman(d[d["member"]])


def _spearman_countries() -> float:
    from ..analysis.development import rank_correlations

    r = rank_correlations().set_index("reading")
    return float(r.loc["one point per country", "value"])


QUESTIONS = [
    Question(
        qid="05_ratio_2001",
        prompt="Warm-up: in 2001, how many times the GDP per capita of the poorest founding "
        "member was that of the richest?",
        expected=lambda: _ratio("2001 founders", 2001),
        kind="number",
        tolerance=0.05,
        unit="times",
        what=f"the ratio of the highest to the lowest 2001 GDP per capita (current US$) of "
        f"the six founders in {WB}",
        hints=(
            "`development.panel(\"gdp_per_capita_usd\", \"2001 founders\", 2001, 2001)` gives "
            "one row (2001) with one column per founder.",
            "Take that row with `.iloc[0]`, then divide its `.max()` by its `.min()`.",
            "`row = development.panel(\"gdp_per_capita_usd\", \"2001 founders\", 2001, "
            "2001).iloc[0]` then `answer = row.max() / row.min()`",
        ),
        explanation="Nominal dollars at market exchange rates: in prices of each country "
        "(PPP) the gap would be smaller, because goods and services cost less in the poorer "
        "country.",
    ),
    Question(
        qid="05_ratio_2017",
        prompt="Compute: the same ratio for the eight members of October 2017, in 2017.",
        expected=lambda: _ratio("2017 members", 2017),
        kind="number",
        tolerance=0.05,
        unit="times",
        what=f"the ratio of the highest to the lowest 2017 GDP per capita (current US$) of "
        f"the members on 2017-10-01 in {WB}",
        hints=(
            "Change the member set to `\"2017 members\"` and both years to 2017.",
            "Which countries are the richest and the poorest? `row.idxmax()` and "
            "`row.idxmin()` tell you. Did India and Pakistan change them?",
            "`row = development.panel(\"gdp_per_capita_usd\", \"2017 members\", 2017, "
            "2017).iloc[0]` then `answer = row.max() / row.min()`",
        ),
        explanation="The ratio looks only at the two extremes: adding countries that are "
        "neither the richest nor the poorest (check where India and Pakistan stand) "
        "cannot move it.",
    ),
    Question(
        qid="05_theil_rose",
        prompt="Compute: did the population-weighted Theil T index of the six founders "
        "rise between 2001 and 2017? Answer True or False.",
        expected=_theil_rose,
        kind="bool",
        what=f"the comparison of the founders' 2017 and 2001 weighted Theil T computed from {WB}",
        hints=(
            "`development.dispersion(\"2001 founders\", \"theil\")` has one row per year with "
            "the index in `value`.",
            "Compare `.loc[2017, \"value\"]` with `.loc[2001, \"value\"]`; the answer is a "
            "comparison, `>`.",
            "`d = development.dispersion(\"2001 founders\", \"theil\")` then "
            "`answer = bool(d.loc[2017, \"value\"] > d.loc[2001, \"value\"])`",
        ),
        explanation="Weighted by population, the index follows where most people live: in "
        "China, by far the most populous founder. As China's income drew closer to Russia's, "
        "most of the founders' people came to live nearer the group's average, whatever "
        "happened between the richest and the poorest country. Compare the max/min ratio "
        "of the same years.",
    ),
    Question(
        qid="05_spearman_members",
        prompt="Compute: the Spearman rank correlation between GDP per capita and deaths in "
        "organised violence per million people, over the country-years 1990–2020 of the "
        "eight members of October 2017.",
        expected=_spearman_members,
        kind="number",
        tolerance=0.01,
        unit="",
        what=f"the Spearman correlation over those country-years ({WB}, {UCDP}, all types, "
        "best estimate; country-years without both values left out)",
        hints=(
            "`development.development_violence(members=\"2017 members\")` marks the members "
            "in the column `member`.",
            "Keep the rows where `member` is True, then take the two columns "
            "`gdp_per_capita_usd` and `deaths_per_million`.",
            "`d = development.development_violence(members=\"2017 members\")`; "
            "`m = d[d.member]`; `answer = m[[\"gdp_per_capita_usd\", "
            "\"deaths_per_million\"]].corr(method=\"spearman\").iloc[0, 1]` (the DataFrame "
            "method needs no SciPy).",
        ),
        explanation="Compare it with the correlation over all country-years in the "
        "notebook. Eight countries observed for 31 years each are far fewer independent "
        "observations than the number of rows suggests.",
    ),
    Question(
        qid="05_confounder",
        prompt="Interpret: which of these could be a confounder of the link between GDP per "
        "capita and deaths in organised violence?",
        expected=lambda: "b",
        kind="choice",
        what="a confounder (a third factor that can drive both income and violence)",
        choices={
            "a": "A scale is a way of drawing, not a factor that acts on countries. And a rank "
            "correlation does not change at all when an axis is put on a logarithmic scale.",
            "b": "Yes. A state that can collect taxes, keep order and deliver services "
            "tends to have both higher incomes and less organised violence, so the two can "
            "move together even if neither caused the other. Geography, natural resources "
            "and the type of regime are other candidates.",
            "c": "Deaths per million is one of the two variables being related, the "
            "outcome itself; a confounder is a third factor that drives both.",
            "d": "The number of SCO members is the same for every country in a given year, so "
            "it cannot explain why one country is richer or more violent than another.",
        },
        hints=(
            "A confounder must plausibly affect both GDP per capita and violence, and vary "
            "between the countries compared.",
            "Ask of each option: is it a third factor, and could it act on both?",
        ),
    ),
    Question(
        qid="05_spearman_countries",
        prompt="Extend: reduce the data to one point per country (each country's average "
        "GDP per capita and average deaths per million over 1990–2020, all countries) and "
        "compute the Spearman correlation.",
        expected=_spearman_countries,
        kind="number",
        tolerance=0.01,
        unit="",
        what=f"the Spearman correlation of per-country averages over 1990–2020 ({WB}, {UCDP})",
        hints=(
            "Start from `development.development_violence()` (all countries) and group by "
            "`iso3`.",
            "`means = d.groupby(\"iso3\")[[\"gdp_per_capita_usd\", \"deaths_per_million\"]]"
            ".mean()`",
            "`answer = means.corr(method=\"spearman\").iloc[0, 1]`",
        ),
        explanation="With one point per country no country counts thirty times, which is "
        "closer to the number of independent units the data hold; compare the value with the "
        "pooled one. An average of nominal dollars over three decades still mixes price "
        "levels of different years.",
    ),
]
