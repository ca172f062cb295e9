"""Exercises of notebook 03: the RATS table and organised-violence deaths."""

from __future__ import annotations

from ..exercises import Mistake, Question


def _members_2017() -> list[str]:
    from ..sco import members

    return members("2017-10-01")


def _members_2011_2015() -> list[str]:
    """The states that were members throughout 2011-2015 (on its first and its last day)."""
    from ..sco import members

    return sorted(set(members("2011-01-01")) & set(members("2015-12-31")))


def _weapons_per_year() -> float:
    from ..analysis.violence import rats_per_year

    return rats_per_year("weapons_confiscated")


def _pak_per_million() -> float:
    from ..analysis.violence import period_stats

    return float(period_stats(["PAK"], "all").loc["2011–2015", "per_million"])


def _peak_year() -> int:
    from ..analysis.violence import peak_year

    return peak_year(_members_2011_2015(), "all", "count", last=2020)


def _ratio() -> float:
    from ..analysis.violence import period_ratio

    return period_ratio(_members_2011_2015(), "all", "2011–2015", "2006–2010")


def _peace_all_members() -> int:
    from ..data import load
    from ..sco import members

    ex = load("peace_missions")
    return int(sum(set(members(f"{int(y)}-{int(m):02d}-01")) <= set(p.split(";"))
                   for y, m, p in zip(ex["year"], ex["month"], ex["participants"])))


def _pakistan_share(first: int = 2011, last: int = 2015) -> float:
    from ..analysis.violence import country_series

    total = country_series(_members_2017(), "all").loc[first:last].sum()
    return float(100 * total["PAK"] / total.sum())


QUESTIONS = [
    Question(
        qid="03_rats_per_year",
        prompt="Warm-up: on average, how many weapons a year does the RATS table imply for "
        "2011–2015?",
        expected=_weapons_per_year,
        kind="number",
        tolerance=0.5,
        unit="weapons a year",
        what="the five-year figure for weapons in data/rats_2011_2015.csv divided by 5",
        hints=(
            "`rats` holds the table; the line you want has `item_id == \"weapons_confiscated\"`.",
            "Five years: 2011, 2012, 2013, 2014, 2015. Divide the five-year value by 5.",
            "`rats.set_index(\"item_id\").loc[\"weapons_confiscated\", \"value\"] / 5`",
        ),
        explanation="An average says nothing about how the seizures were spread over the "
        "years or the countries: the table gives no breakdown.",
    ),
    Question(
        qid="03_pak_per_million",
        prompt="Compute: deaths in all organised violence in Pakistan per million people over "
        "2011–2015 (total deaths of the five years divided by the average population of those "
        "years, in millions).",
        expected=_pak_per_million,
        kind="number",
        tolerance=0.5,
        unit="deaths per million people",
        what="Pakistan's 2011–2015 deaths (data/ucdp_deaths.csv, all types) divided by its "
        "average 2011–2015 population in millions (data/wb_indicators.csv)",
        hints=(
            "`violence.deaths([\"PAK\"], \"all\", range(2011, 2016))` gives the five rows, "
            "with `deaths_best` and `population`.",
            "Sum `deaths_best`; take the mean of `population` and divide it by 1e6.",
            "`d = violence.deaths([\"PAK\"], \"all\", range(2011, 2016))` then "
            "`answer = d.deaths_best.sum() / (d.population.mean() / 1e6)`",
        ),
        explanation="Summing the five yearly rates gives almost the same figure; dividing by "
        "the population is what makes a large and a small country comparable.",
    ),
    Question(
        qid="03_peak_year",
        prompt="Compute: in which year from 1989 to 2020 did the members of 2011–2015 (the founding "
        "members), taken together, record the most deaths in organised violence (all types)?",
        expected=_peak_year,
        kind="integer",
        unit="year",
        what="the year with the largest summed deaths of the states that were members throughout "
        "2011–2015, 1989–2020, in data/ucdp_deaths.csv",
        hints=(
            "`sco.members(\"2015-12-31\")` gives the members of 2011–2015; "
            "`violence.group_series(codes, \"all\")` sums the countries for every year.",
            "Keep the years up to 2020 with `.loc[:2020]`; `.idxmax()` gives the year of the "
            "largest value.",
            "`answer = violence.group_series(sco.members(\"2015-12-31\"), \"all\").loc[:2020].idxmax()`",
        ),
        explanation="Look at which country drives the peak: a group total can hide that one "
        "member dominates it.",
    ),
    Question(
        qid="03_ratio_periods",
        prompt="Compute: the deaths in all organised violence of the members of 2011–2015 (the "
        "founding members) in 2011–2015, divided by their deaths in 2006–2010.",
        expected=_ratio,
        kind="number",
        tolerance=0.01,
        unit="",
        what="the ratio of summed deaths 2011–2015 to 2006–2010 for the states that were members "
        "throughout 2011–2015, in data/ucdp_deaths.csv",
        hints=(
            "Load `u = data.load(\"ucdp_deaths\")` and keep the rows with `type_of_violence == "
            "\"all\"` and `iso3` in `sco.members(\"2015-12-31\")` (use `.isin`).",
            "`.between(2011, 2015)` on the `year` column includes both end years; sum `deaths_best`.",
            "`g = u[(u.type_of_violence == \"all\") & u.iso3.isin(sco.members(\"2015-12-31\"))]` "
            "then `answer = g[g.year.between(2011, 2015)].deaths_best.sum() / "
            "g[g.year.between(2006, 2010)].deaths_best.sum()`",
        ),
        explanation="A ratio below 1 means fewer deaths than in the five years before. It does "
        "not say why. Counting India and Pakistan, who joined only in 2017, would give a "
        "different ratio for states the SCO did not cover at the time.",
    ),
    Question(
        qid="03_comparison_group",
        prompt="Interpret: to judge whether RATS coordination reduced violence in the member "
        "states, which comparison would be the fairest?",
        expected=lambda: "c",
        kind="choice",
        what="the fairest comparison",
        choices={
            "a": "A before-and-after comparison of the same states is a start, but anything "
            "else that changed after 2010 (military operations, the end of a war next door, "
            "economic trends) is mixed up with RATS: there is no counterfactual.",
            "b": "The world total is driven by wars far away (Syria, Iraq, Afghanistan...) whose "
            "course has nothing to do with the SCO; and UCDP's country rows do not even add up "
            "to its World row.",
            "c": "Yes: states that looked like the members before 2011 (similar levels and "
            "trends of violence, in the same region) but outside the SCO, followed over the "
            "same years, before and after. It is still imperfect: no state is a twin, and "
            "the members differ a lot from each other.",
            "d": "The table counts what the agencies say they prevented; it cannot show how "
            "much violence there would have been without them, and no one outside can check it.",
        },
        hints=(
            "A fair comparison answers: what would have happened in the same years without "
            "RATS?",
            "You need states exposed to similar risks at the same time, but not treated.",
        ),
    ),
    Question(
        qid="03_pakistan_share",
        prompt="Extend (second reading): what percentage of the 2011–2015 deaths in all organised "
        "violence of the eight members of October 2017 was recorded in Pakistan, which joined only "
        "in 2017?",
        expected=_pakistan_share,
        kind="number",
        tolerance=0.5,
        unit="%",
        what="100 × Pakistan's 2011–2015 deaths / the summed 2011–2015 deaths of the "
        "October-2017 members in data/ucdp_deaths.csv",
        hints=(
            "`violence.country_series(members_2017, \"all\")` has one column per country.",
            "Sum the rows 2011 to 2015 to get one total per country, then divide Pakistan's "
            "total by the sum of all.",
            "`t = violence.country_series(members_2017, \"all\").loc[2011:2015].sum()` then "
            "`answer = 100 * t[\"PAK\"] / t.sum()`",
        ),
        explanation="One state, not yet a member in 2011–2015, carries most of the group's deaths: "
        "any trend of that group is mostly Pakistan's trend, and says little about the states "
        "RATS coordinated at the time.",
        mistakes=(
            Mistake("a fraction instead of a percentage", lambda: _pakistan_share() / 100,
                    "Your value is a fraction of one; the task asks for a percentage."),
            Mistake("the wrong period", lambda: _pakistan_share(2006, 2010),
                    "Your value is the share of the five years before the period asked."),
        ),
    ),
    Question(
        qid="03_peace_all_members",
        prompt="Compute: in how many Peace Mission exercises in data/peace_missions.csv did every "
        "state that was an SCO member at the time send troops?",
        expected=_peace_all_members,
        kind="integer",
        unit="exercises",
        what="the rows of data/peace_missions.csv whose participants include every member on the "
        "first day of the exercise's month (data/sco_membership.csv)",
        hints=(
            "For one row, `sco.members(f\"{year}-{month:02d}-01\")` gives the members at the time "
            "and `participants.split(\";\")` the states that sent troops.",
            "Every member took part when the set of members is a subset of the set of "
            "participants: `set(a) <= set(b)`.",
            "`answer = sum(set(sco.members(f\"{y}-{m:02d}-01\")) <= set(p.split(\";\")) for y, m, p in "
            "zip(ex.year, ex.month, ex.participants))`",
        ),
        explanation="The bilateral exercises had China and Russia alone, and one member stayed "
        "away from the later ones: compare the rows. Taking part is a fact; what the exercises "
        "achieved is not in the table.",
    ),
]
