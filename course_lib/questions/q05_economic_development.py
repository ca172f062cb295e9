"""Exercises of notebook 05: uneven development, and development against violence.

Every expected answer, and every named mistake, is computed when checked from the
tables a learner loads with ``data.load`` (``wb_indicators``, ``ucdp_deaths``), with the
same pandas steps the notebook shows; the member sets come from :mod:`course_lib.sco`.

>>> [q.qid for q in QUESTIONS][:2]
['05_predict_ratio_sets', '05_ratio_2001']
"""

from __future__ import annotations

import numpy as np

from ..exercises import Mistake, Question

WB = "data/wb_indicators.csv"
UCDP = "data/ucdp_deaths.csv"
GDP = "gdp_per_capita_usd"
RATE = "deaths_per_million"
VIOLENCE_YEARS = (1990, 2020)


# --------------------------------------------------------------------------- tables
def _members(name: str) -> list[str]:
    from ..sco import member_set

    return member_set(name)


def _wb(members: str | None = None):
    """World Bank rows (optionally of one member set), as loaded."""
    from ..data import load

    wb = load("wb_indicators")
    return wb if members is None else wb[wb["iso3"].isin(_members(members))]


def _gdp_row(members: str, year: int):
    """GDP per capita of a member set in one year, indexed by ISO3."""
    w = _wb(members)
    return w[w["year"] == year].set_index("iso3")[GDP].astype("float64")


def _ratio(members: str, year: int) -> float:
    y = _gdp_row(members, year)
    return float(y.max() / y.min())


def _ratio_all_rows(year: int) -> float:
    """Mistake: no member filter (every row of the year, aggregates included)."""
    w = _wb()
    y = w.loc[w["year"] == year, GDP].astype("float64")
    return float(y.max() / y.min())


def _ratios_by_year(members: str = "2017 members"):
    g = _wb(members).groupby("year")[GDP]
    return (g.max() / g.min()).astype("float64")


def _mean_ratio(first: int = 2001, last: int = 2017, how: str = "mean") -> float:
    """Average of the yearly max/min ratios of the 2017 members over first..last."""
    r = _ratios_by_year().loc[first:last]
    return float(getattr(r, how)())


def _mean_ratio_all_years() -> float:
    r = _ratios_by_year()
    return _mean_ratio(int(r.index.min()), int(r.index.max()))


def _russia_top(ascending: bool = False, members: str = "2017 members") -> tuple[int, int]:
    """(years in which Russia had rank 1, number of years) among ``members``."""
    w = _wb(members).copy()
    w["rank"] = w.groupby("year")[GDP].rank(ascending=ascending)
    first = int(((w["iso3"] == "RUS") & (w["rank"] == 1)).sum())
    return first, int(w["year"].nunique())


def _russia_not_richest(members: str = "2017 members") -> int:
    first, years = _russia_top(members=members)
    return years - first


def _russia_richest() -> int:
    return _russia_top()[0]


def _russia_not_poorest() -> int:
    """Mistake: ranks counted from the poorest (rank 1 = lowest GDP per capita)."""
    first, years = _russia_top(ascending=True)
    return years - first


def _theil_by_year(members: str):
    """Population-weighted Theil T per year, in the notebook's groupby steps."""
    w = _wb(members).dropna(subset=[GDP, "population"]).copy()
    w["share"] = w["population"] / w.groupby("year")["population"].transform("sum")
    w["mu"] = (w["share"] * w[GDP]).groupby(w["year"]).transform("sum")
    r = (w[GDP] / w["mu"]).astype("float64")
    return (w["share"] * r * np.log(r)).groupby(w["year"]).sum()


def _theil_rose() -> bool:
    t = _theil_by_year("2001 founders")
    return bool(t.loc[2017] > t.loc[2001])


def _joined(members: str | None = None, rate: bool = True):
    """UCDP deaths (all types) 1990-2020 joined to World Bank population and GDP per
    capita; country-years lacking either value dropped."""
    from ..data import load

    u = load("ucdp_deaths")
    u = u[(u["type_of_violence"] == "all") & u["year"].between(*VIOLENCE_YEARS)]
    if members is not None:
        u = u[u["iso3"].isin(_members(members))]
    j = u.merge(_wb()[["iso3", "year", "population", GDP]], on=["iso3", "year"], how="left")
    j[RATE] = j["deaths_best"] / j["population"] * 1e6
    return j.dropna(subset=[RATE, GDP]).astype({RATE: "float64", GDP: "float64",
                                                 "deaths_best": "float64"})


def _spearman(frame, x: str = GDP, y: str = RATE, method: str = "spearman") -> float:
    return float(frame[[x, y]].corr(method=method).iloc[0, 1])


def _spearman_members() -> float:
    return _spearman(_joined("2017 members"))


def _spearman_all() -> float:
    return _spearman(_joined())


def _spearman_countries() -> float:
    return _spearman(_joined().groupby("iso3")[[GDP, RATE]].mean())


def _ratio_sets_2017() -> str:
    """'a' if today's members' 2017 max/min ratio is above the founders', 'b' if
    below, 'c' if the same."""
    today, founders = _ratio("today's members", 2017), _ratio("2001 founders", 2017)
    if abs(today - founders) < 1e-9 * founders:
        return "c"
    return "a" if today > founders else "b"


# --------------------------------------------------------------------------- questions
QUESTIONS = [
    Question(
        qid="05_predict_ratio_sets",
        prompt="Predict, then look: in 2017, is the max/min ratio of today's members "
        "higher than, lower than or the same as that of the six founders?",
        expected=_ratio_sets_2017,
        kind="prediction",
        what="the comparison of the two 2017 ratios computed from " + WB,
        choices={
            "a": "higher: more countries, so a wider spread",
            "b": "lower: the newcomers sit between the extremes and pull them together",
            "c": "the same",
        },
        hints=(
            "A guess is never wrong here: write down what you expect before you look.",
            "Think about what the ratio looks at: how many countries enter its formula?",
        ),
        explanation="In 2017 the richest of today's members (Russia) and the poorest "
        "(Tajikistan) were both founders, and the ratio looks only at those two countries: "
        "the others cannot move it.",
    ),
    Question(
        qid="05_ratio_2001",
        prompt="Warm-up: in 2001, how many times the GDP per capita of the poorest founding "
        "member was that of the richest? Give it to two decimals.",
        expected=lambda: _ratio("2001 founders", 2001),
        kind="number",
        decimals=2,
        unit="times",
        what=f"the max/min ratio of the founders' 2001 GDP per capita (current US$) in {WB}",
        hints=(
            "Keep the rows of the six founders (the list `founders`) in the year 2001, then "
            "look at the column `gdp_per_capita_usd`.",
            "Two conditions at once need `&` and brackets around each; a list of codes needs "
            "`.isin(...)`.",
            "Pattern: `table.loc[condition, column]` gives a Series; a Series has `.max()` "
            "and `.min()`, and the question asks how many times one is the other.",
        ),
        mistakes=(
            Mistake("poorest over richest", lambda: 1 / _ratio("2001 founders", 2001),
                    "You divided the lowest value by the highest: the question asks how many "
                    "times richer the richest founder was."),
            Mistake("no member filter", lambda: _ratio_all_rows(2001),
                    "You took every row of 2001, all economies and aggregates such as the "
                    "World, instead of the six founders."),
            Mistake("the wrong year", lambda: _ratio("2001 founders", 2017),
                    "That is the founders' ratio in 2017, the worked example's year: the "
                    "question is about the founding year."),
            Mistake("the year after", lambda: _ratio("2001 founders", 2002),
                    "That is the ratio of 2002: keep the rows of 2001, the founding year."),
            Mistake("the year before", lambda: _ratio("2001 founders", 2000),
                    "That is the ratio of 2000: keep the rows of 2001, the founding year."),
        ),
        explanation="Russia had the highest GDP per capita of the founders in 2001 and "
        "Tajikistan the lowest (nominal dollars at market exchange rates).",
    ),
    Question(
        qid="05_mean_ratio_2001_2017",
        prompt="Group by year: the average over 2001–2017 (the founding to the article, both "
        "included) of the yearly max/min ratio of the eight members of October 2017, to two "
        "decimals.",
        expected=_mean_ratio,
        kind="number",
        decimals=2,
        unit="times",
        what=f"the mean of the 2017 members' yearly max/min ratios, 2001–2017, from {WB}",
        hints=(
            "You need one ratio per year first: keep the members' rows of every year and "
            "group them by `year`.",
            "A grouped column gives `.max()` and `.min()` per year, both Series indexed by "
            "year; divide one by the other, then keep the years asked for.",
            "Pattern: two grouped Series with the same index divide year by year; "
            "`series.loc[first:last]` includes both ends (`range` does not).",
        ),
        mistakes=(
            Mistake("every year, not 2001–2017", _mean_ratio_all_years,
                    "That is the average over every year of the table: keep 2001 to 2017 "
                    "only."),
            Mistake("2017 left out", lambda: _mean_ratio(2001, 2016),
                    "Your period stops in 2016: `range(2001, 2017)` leaves its end out, "
                    "and 2017 belongs to the period."),
            Mistake("2001 left out", lambda: _mean_ratio(2002, 2017),
                    "Your period starts in 2002: the founding year 2001 belongs to it."),
            Mistake("the year before 2001 included", lambda: _mean_ratio(2000, 2017),
                    "Your period starts in 2000, before the founding: start in 2001."),
            Mistake("the median, not the mean", lambda: _mean_ratio(how="median"),
                    "That is the median of the yearly ratios; the question asks for their "
                    "mean."),
        ),
        explanation="An average hides the swings: over those years the yearly ratio was "
        "lowest in 2015 and highest in 2007.",
    ),
    Question(
        qid="05_russia_not_richest",
        prompt="Rank within each year: in how many years from 1990 to the latest was Russia "
        "not the richest of the eight members of October 2017 (GDP per capita)?",
        expected=_russia_not_richest,
        kind="integer",
        unit="years",
        what=f"the count of years in which another 2017 member ranked first, from {WB}",
        hints=(
            "Rank the members within each year, 1 for the highest GDP per capita, then look "
            "at Russia's rows.",
            "`rank` ranks from the lowest by default; a grouped rank restarts in every year.",
            "Pattern: `groupby(key)[column].rank(...)` gives each row its rank within its "
            "group; a sum of True/False values counts the True ones.",
        ),
        mistakes=(
            Mistake("the years Russia was first", _russia_richest,
                    "You counted the years in which Russia was the richest, the opposite of "
                    "the question."),
            Mistake("ranked from the poorest", _russia_not_poorest,
                    "Your ranks run from the poorest (rank 1 = lowest), the default of "
                    "`rank`: pass `ascending=False`."),
            Mistake("today's members", lambda: _russia_not_richest("today's members"),
                    "You ranked today's members, who include states that joined after "
                    "October 2017; rank the eight members of October 2017."),
        ),
        explanation="Kazakhstan passed Russia in 2015, when Russia's GDP per capita in "
        "dollars fell by about a third, and China in 2020 and 2021.",
    ),
    Question(
        qid="05_theil_rose",
        prompt="Compute: did the population-weighted Theil T index of the six founders "
        "rise between 2001 and 2017? Answer True or False.",
        expected=_theil_rose,
        kind="bool",
        what=f"the comparison of the founders' 2017 and 2001 weighted Theil T computed from {WB}",
        hints=(
            "Reuse the worked example's steps, with the founders and the two years 2001 and "
            "2017 instead of the 2017 members.",
            "Each year needs its own population shares and its own weighted mean: "
            "`groupby(\"year\")` with `transform(\"sum\")` keeps them on every row.",
            "Pattern: `T = (share * r * np.log(r)).groupby(rows[\"year\"]).sum()`, then the "
            "comparison `T.loc[later] > T.loc[earlier]` wrapped in `bool(...)`.",
        ),
        explanation="Weighted by population, the index follows China, home to more than "
        "half of the founders' people in both years; China's GDP per capita went from about "
        "half of Russia's to more than four fifths of it, so most people came closer to the "
        "group's average. The max/min ratio rose over the same years: the two measures "
        "disagree.",
    ),
    Question(
        qid="05_spearman_members",
        prompt="Join two tables: the Spearman rank correlation between GDP per capita and "
        "deaths in organised violence per million people, over the country-years 1990–2020 "
        "of the eight members of October 2017, to three decimals.",
        expected=_spearman_members,
        kind="number",
        decimals=3,
        unit="",
        what=f"the Spearman correlation over those country-years ({WB}, {UCDP}, all types, "
        "best estimate; country-years without both values left out)",
        hints=(
            "Start from the UCDP table: all types of violence, the years 1990–2020, the "
            "members' rows. Population and GDP per capita come from the World Bank table.",
            "Join on both keys, country and year; then divide deaths by population in "
            "millions and drop the rows lacking a value.",
            "Pattern: `merge(..., on=[key1, key2])` joins on two keys at once; the "
            "`.corr(method=...)` of a two-column table is a 2 × 2 table whose off-diagonal "
            "cell is the coefficient.",
        ),
        mistakes=(
            Mistake("every country, not the members", _spearman_all,
                    "That is the value over every country-year of the world: keep only the "
                    "eight members' rows."),
            Mistake("Pearson instead of Spearman", lambda: _spearman(_joined("2017 members"), method="pearson"),
                    "That is the ordinary (Pearson) correlation of the values; the question "
                    "asks for the rank correlation."),
            Mistake("deaths, not deaths per million", lambda: _spearman(_joined("2017 members"), y="deaths_best"),
                    "You ranked the death counts; divide them by population in millions "
                    "first."),
            Mistake("today's members", lambda: _spearman(_joined("today's members")),
                    "You kept today's members, who include states that joined after October "
                    "2017; keep the eight members of October 2017."),
            Mistake("the founders", lambda: _spearman(_joined("2001 founders")),
                    "You kept the six founders; the eight members of October 2017 include "
                    "India and Pakistan."),
        ),
        explanation="Over the members' country-years the association is less than half as "
        "strong as over every country-year of the world; and eight countries seen for 31 "
        "years are far fewer independent observations than the number of rows suggests.",
    ),
    Question(
        qid="05_spearman_countries",
        prompt="Group, then correlate: reduce the data to one point per country (each "
        "country's average GDP per capita and average deaths per million over 1990–2020, "
        "all countries) and compute the Spearman correlation, to two decimals.",
        expected=_spearman_countries,
        kind="number",
        decimals=2,
        unit="",
        what=f"the Spearman correlation of per-country averages over 1990–2020 ({WB}, {UCDP})",
        hints=(
            "Start from the joined table of every country (`dv`, or your own join), not only "
            "the members.",
            "One row per country: group by the country code and average both columns.",
            "Pattern: `groupby(key)[[x, y]]` followed by an aggregate gives one row per key; "
            "correlate that table as in the exercise before.",
        ),
        mistakes=(
            Mistake("pooled country-years", _spearman_all,
                    "That is the pooled value over country-years: group by country first."),
            Mistake("the members only",
                    lambda: _spearman(_joined("2017 members").groupby("iso3")[[GDP, RATE]].mean()),
                    "You kept only the members; the question asks for every country."),
            Mistake("the median, not the mean", lambda: _spearman(
                _joined().groupby("iso3")[[GDP, RATE]].median()),
                    "You took each country's median; the question asks for its averages."),
            Mistake("deaths, not deaths per million", lambda: _spearman(
                _joined().groupby("iso3")[[GDP, "deaths_best"]].mean(), y="deaths_best"),
                    "You averaged the death counts; average deaths per million instead."),
        ),
        explanation="With one point per country the association is stronger than over "
        "pooled country-years, and no country counts thirty times; an average of nominal "
        "dollars over three decades still mixes price levels of different years.",
    ),
    Question(
        qid="05_confounder",
        prompt="Interpret: which of these could be a confounder of the link between GDP per "
        "capita and deaths in organised violence?",
        expected=lambda: "b",
        kind="choice",
        what="a confounder (a third factor that can drive both income and violence)",
        choices={
            "a": "A scale is a way of drawing, not a factor that acts on countries; and the "
            "rank correlation is the same whether GDP per capita or its logarithm is ranked.",
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
]
