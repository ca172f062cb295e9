"""Exercises of notebook 03: the RATS table, organised-violence deaths and the Peace Missions.

The expected values and the values of the named mistakes are computed here from the
loaded tables with plain pandas (the same operations the learner writes), so that the
checker does not lean on the analysis functions the exercises teach.

>>> founders()
['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']
>>> _total(["PAK"], 2011, 2015) > _total(founders(), 2011, 2015)
True
"""

from __future__ import annotations

from ..exercises import Mistake, Question, fraction_mistake
from .q03_values import founders, members_2017, members_today, peace_absences


def _rows(codes, first: int, last: int, type_of_violence: str = "all"):
    """The UCDP rows of some countries and years; ``None`` keeps every type."""
    from ..data import load

    u = load("ucdp_deaths")
    keep = u["iso3"].isin(codes) & u["year"].between(first, last)
    if type_of_violence is not None:
        keep &= u["type_of_violence"] == type_of_violence
    return u[keep]


def _total(codes, first: int, last: int, type_of_violence: str | None = "all") -> int:
    """Summed best-estimate deaths of ``codes`` over ``first``-``last`` (both included)."""
    return int(_rows(codes, first, last, type_of_violence)["deaths_best"].sum())


# ------------------------------------------------------------------ the RATS table
def _rats_value(item_id: str) -> float:
    from ..data import load

    rats = load("rats_2011_2015")
    return float(rats.loc[rats["item_id"] == item_id, "value"].iloc[0])


def _weapons_per_year(years: int = 5) -> float:
    return _rats_value("weapons_confiscated") / years


# ------------------------------------------------------------------ deaths per million
def _per_million(iso3: str, first: int, last: int, type_of_violence: str | None = "all",
                 population: str = "mean") -> float:
    """Deaths over the period / population (mean, or summed over the years) in millions."""
    from ..data import load

    pop = load("wb_indicators")[["iso3", "year", "population"]]
    rows = _rows([iso3], first, last, type_of_violence).merge(pop, on=["iso3", "year"])
    people = rows.drop_duplicates("year")["population"]
    people = people.mean() if population == "mean" else people.sum()
    return float(rows["deaths_best"].sum() / (people / 1e6))


# ------------------------------------------------------------------ peak year
def _peak_year(codes=None, last: int = 2020) -> int:
    codes = founders() if codes is None else codes
    by_year = _rows(codes, 1989, last).groupby("year")["deaths_best"].sum()
    return int(by_year.idxmax())


# ------------------------------------------------------------------ ratios of periods
def _ratio(codes, numerator: tuple[int, int], denominator: tuple[int, int]) -> float:
    return _total(codes, *numerator) / _total(codes, *denominator)


def _pak_ratio() -> float:
    return _ratio(["PAK"], (2011, 2015), (2006, 2010))


def _ratio_after(codes=None, last: int = 2020) -> float:
    codes = founders() if codes is None else codes
    return _ratio(codes, (2016, last), (2011, 2015))


# ------------------------------------------------------------------ shares
def _pakistan_share(first: int = 2011, last: int = 2015, who: tuple[str, ...] = ("PAK",),
                    group=None, rest: bool = False) -> float:
    rows = _rows(members_2017() if group is None else group, first, last)
    wide = rows.pivot(index="year", columns="iso3", values="deaths_best")
    totals = wide.sum()
    mine = totals[list(who)].sum()
    return float(100 * mine / (totals.sum() - mine if rest else totals.sum()))


def _neighbour(step: int) -> Mistake:
    return Mistake(
        "a neighbouring year", lambda: _peak_year() + step,
        "Your year sits next to the peak year, and neighbouring years look alike on a "
        "figure: compute the yearly totals and take the year of the largest.")


QUESTIONS = [
    Question(
        qid="03_predict_pak_ratio",
        prompt="Predict, then look: Pakistan's deaths in all organised violence in 2011–2015 as a "
        "multiple of its deaths in 2006–2010 (1 means no change, 0.5 halved, 2 doubled).",
        expected=_pak_ratio,
        kind="prediction",
        unit="",
        guess_range=(0, 100),
        what="Pakistan's multiple of its 2006–2010 deaths, computed from data/ucdp_deaths.csv",
        hints=(
            "A guess is never wrong: think of what you know about Pakistan around 2009–2014.",
            "The explorer's readout gives the multiple for the countries you select.",
        ),
        explanation="Even after that change, Pakistan alone recorded more deaths in 2011–2015 "
        "than the six founding members together.",
    ),
    Question(
        qid="03_rats_per_year",
        prompt="Warm-up: on average, how many weapons a year does the RATS table imply for "
        "2011–2015? Give it to one decimal.",
        expected=_weapons_per_year,
        kind="number",
        decimals=1,
        unit="weapons a year",
        what="the yearly average computed from data/rats_2011_2015.csv",
        hints=(
            "Find the line about weapons in `rats_raw`: its `item_id` column names each line.",
            "The table gives one figure for the whole period; count the years from 2011 to 2015, "
            "both included.",
            "Pattern: `df.loc[df[\"item_id\"] == \"...\", \"value\"].iloc[0]`, then divide by the "
            "number of years.",
        ),
        explanation="The table has no year and no country column, so an average is all it "
        "allows: it says nothing about how the seizures were spread.",
        mistakes=(
            Mistake("a five-year total instead of a yearly average", lambda: _weapons_per_year(1),
                    "Your value is the figure for the whole period; the task asks for a year."),
            Mistake("four years instead of five", lambda: _weapons_per_year(4),
                    "You divided by the difference of the years: from 2011 to 2015, both "
                    "included, is one year more."),
        ),
    ),
    Question(
        qid="03_pak_per_million",
        prompt="Compute: deaths in all organised violence in Pakistan per million people over "
        "2018–2020, its first three full years as a member, in plain pandas, as in the worked "
        "example. Give it to one decimal.",
        expected=lambda: _per_million("PAK", 2018, 2020),
        kind="number",
        decimals=1,
        unit="deaths per million people",
        what="Pakistan's 2018–2020 rate computed from data/ucdp_deaths.csv and the World Bank "
        "population in data/wb_indicators.csv",
        hints=(
            "Follow the worked example: filter the UCDP rows (one country, one type, three years), "
            "then bring in the population.",
            "The population sits in another table: join the two on the country and the year.",
            "Pattern: `df.merge(other, on=[\"iso3\", \"year\"])`, then step 5 of the worked "
            "example on the merged rows.",
        ),
        explanation="Even per year (the periods differ in length), Pakistan's rate in 2018–2020 "
        "was less than a fifth of its rate in 2011–2015; dividing by the population is what "
        "lets you set it beside a small country.",
        mistakes=(
            Mistake("the wrong period", lambda: _per_million("PAK", 2011, 2015),
                    "Your value is the rate of the period of the RATS table, not of Pakistan's "
                    "first years as a member."),
            Mistake("a yearly rate instead of the period's rate",
                    lambda: _per_million("PAK", 2018, 2020, population="sum"),
                    "Your value is about a third of the period's rate: divide by the average "
                    "population, not by the population summed over the years (or the mean of "
                    "yearly rates)."),
            Mistake("every type counted twice", lambda: _per_million("PAK", 2018, 2020, None),
                    "Your value counts each death twice: the table has a row for each type and "
                    "one for all types together; keep only `all`."),
            Mistake("a neighbouring window", lambda: _per_million("PAK", 2017, 2019),
                    "Your value is the rate of 2017–2019; Pakistan's first three full years as "
                    "a member are 2018–2020."),
            Mistake("per person, not per million", lambda: _per_million("PAK", 2018, 2020) / 1e6,
                    "You divided by the population in people; divide by it in millions."),
        ),
    ),
    Question(
        qid="03_peak_year",
        prompt="Compute: in which year from 1989 to 2020 did the members of 2011–2015 (the founding "
        "members), taken together, record the most deaths in organised violence (all types)?",
        expected=_peak_year,
        kind="integer",
        unit="year",
        what="the peak year computed from data/ucdp_deaths.csv for the states that were members "
        "throughout 2011–2015",
        hints=(
            "Keep the rows of all types together, of the six founding members, and the years up "
            "to 2020.",
            "You need one total per year across the six countries, then the year of the largest.",
            "Pattern: `df[condition].groupby(\"year\")[\"deaths_best\"].sum()`, then `.idxmax()` "
            "on the result.",
        ),
        explanation="A group total can hide that one member dominates it: look at which country "
        "drives that year.",
        mistakes=(
            Mistake("the members of October 2017", lambda: _peak_year(members_2017()),
                    "Your year is the peak of the members of October 2017, India and Pakistan "
                    "included; the task asks for the members of 2011–2015."),
            _neighbour(-1),
            _neighbour(+1),
        ),
    ),
    Question(
        qid="03_ratio_after",
        prompt="Compute: the ratio of the deaths in all organised violence of the members of "
        "2011–2015 (the founding members) in 2016–2020 to their deaths in 2011–2015, to two "
        "decimals.",
        expected=_ratio_after,
        kind="number",
        decimals=2,
        unit="",
        what="the ratio of the two periods computed from data/ucdp_deaths.csv for the states "
        "that were members throughout 2011–2015",
        hints=(
            "Keep the rows of all types together and of the six founding members (`.isin`).",
            "Sum `deaths_best` over each five-year period separately; `.between(a, b)` includes "
            "both end years.",
            "Pattern: `g.loc[g[\"year\"].between(a, b), \"deaths_best\"].sum()` for each period, "
            "then divide the later by the earlier.",
        ),
        explanation="The fall after 2015 was steeper than the fall from 2006–2010 to 2011–2015. "
        "A ratio says how much, never why.",
        mistakes=(
            Mistake("the ratio upside down", lambda: 1 / _ratio_after(),
                    "You divided the earlier period by the later one."),
            Mistake("the members of October 2017", lambda: _ratio_after(members_2017()),
                    "Your ratio counts India and Pakistan, who were not members in 2011–2015: "
                    "keep the founding members."),
            Mistake("the candidate years included", lambda: _ratio_after(last=2022),
                    "Your later period runs past 2020 into the unverified candidate events of "
                    "2021–2022: stop at 2020."),
            Mistake("today's members", lambda: _ratio_after(members_today()),
                    "Your ratio counts today's members; keep the members of 2011–2015."),
            Mistake("a later period one year short", lambda: _ratio_after(last=2019),
                    "Your later period stops at 2019: `.between(2016, 2020)` includes both "
                    "end years."),
        ),
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
            "b": "In 2011–2015 the members of the time recorded less than 1 % of the deaths "
            "UCDP places in all countries, and Syria alone more than a hundred times their "
            "total: the world's figure follows wars that have nothing to do with the SCO.",
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
        "in 2017? Give it to one decimal.",
        expected=_pakistan_share,
        kind="number",
        decimals=1,
        unit="%",
        what="Pakistan's share computed from data/ucdp_deaths.csv for the members of October 2017",
        hints=(
            "Reshape the rows of the eight members so that each country is a column and each "
            "year a row.",
            "Sum the rows 2011 to 2015 to get one total per country; Pakistan's total against "
            "the total of all eight.",
            "Pattern: `rows.pivot(index=\"year\", columns=\"iso3\", values=\"deaths_best\")"
            ".loc[a:b].sum()`, then one column's total over the sum of all.",
        ),
        explanation="Pakistan was not yet a member in 2011–2015, yet it recorded more than half "
        "of the group's deaths in those years.",
        mistakes=(
            fraction_mistake(_pakistan_share),
            Mistake("the wrong period", lambda: _pakistan_share(2006, 2010),
                    "Your value is the share of the five years before the period asked."),
            Mistake("India and Pakistan together", lambda: _pakistan_share(who=("IND", "PAK")),
                    "Your value counts India with Pakistan; the task asks for Pakistan alone."),
            Mistake("today's members as the group", lambda: _pakistan_share(group=members_today()),
                    "Your group is today's members; the task asks for the eight members of "
                    "October 2017."),
            Mistake("Pakistan against the others", lambda: _pakistan_share(rest=True),
                    "You divided by the other seven members' deaths; divide by the total of "
                    "all eight, Pakistan included."),
        ),
    ),
    Question(
        qid="03_peace_all_members",
        prompt="Compute: over all the Peace Mission exercises in data/peace_missions.csv, how "
        "many times did a state that was an SCO member at the time (on the first day of the "
        "exercise's month) send no troops? Count one absence per member and exercise, and give "
        "the total.",
        expected=peace_absences,
        kind="integer",
        unit="",
        what="the number of absences computed from data/peace_missions.csv and the members on "
        "the first day of each exercise's month (data/sco_membership.csv)",
        hints=(
            "For one row, `sco.members(f\"{year}-{month:02d}-01\")` gives the members at the time; "
            "the participants are codes joined by `;`.",
            "The members who stayed away are those in the set of members and not in the set of "
            "participants: a set difference.",
            "Pattern: loop over `zip(df[\"year\"], df[\"month\"], df[\"participants\"])`; "
            "`len(set(a) - set(b))` for each row, and `sum(...)` over the rows.",
        ),
        explanation="The bilateral exercises had China and Russia alone, and Uzbekistan sent no "
        "troops to any exercise after 2007. Taking part is a fact; what the exercises achieved is "
        "not in the table.",
        mistakes=(
            Mistake("exercises instead of absences", lambda: peace_absences(measure="rows"),
                    "You counted the exercises that lacked a member; the task counts each "
                    "absent member, and some exercises lacked several."),
            Mistake("the comparison reversed", lambda: peace_absences(measure="reversed"),
                    "You counted participants who were not members; the task counts members "
                    "who were not participants."),
            # On these data two pairs of wrong methods give the same count (the exercises
            # had four participants on average, and six members each, so "the
            # participants" equals "eight members minus the participants" and "every
            # member absent" equals "ten members minus the participants"): a number cannot
            # tell them apart, so each pair is one mistake whose message is true for both.
            # tests/test_q03_feedback.py computes all four methods from the raw CSV files.
            Mistake("the participants counted, or the members of October 2017 for every "
                    "exercise", lambda: peace_absences(measure="participants"),
                    "Your count equals the number of states that took part, summed over the "
                    "exercises, which is also what comparing every exercise with the members "
                    "of October 2017 gives on these data. "
                    "Count, for each exercise, the members on the first day of its month who "
                    "did not take part."),
            Mistake("participants not split, or today's members for every exercise",
                    lambda: peace_absences(split=False),
                    "Your count equals what you get when every member looks absent (the "
                    "participants left as one text, not split at `;`), which is also what "
                    "comparing every exercise with today's members gives on these data. Split the "
                    "participants at `;` and take the members on the first day of each "
                    "exercise's month."),
        ),
    ),
]
