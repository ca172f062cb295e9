"""Exercises of notebook 02 (SCO expansion: population, area, nuclear states).

Every expected answer, and the value of every named mistake, is computed when checked
from the tables in ``data/`` (``wb_indicators``, ``sco_membership``,
``regional_organizations``, ``nuclear_status``, ``nuclear_warheads``) with the same
pandas steps the notebook teaches. ``tests/test_q02_feedback.py`` recomputes them from
the raw CSV files.

>>> from course_lib.exercises import questions
>>> len(questions("02")) >= 7
True
"""

from __future__ import annotations

from ..exercises import Mistake, Question, fraction_mistake
from ..sco import ARTICLE_YEAR
from .q02_values import (
    READING_OPTIONS,
    armed_all,
    armed_members,
    armed_not_members,
    armed_rows_every_year,
    armed_with_pursuing,
    china_india,
    china_india_2016,
    china_india_all_rows,
    china_india_latest,
    china_india_of_members,
    eu_2016,
    eu_latest_year,
    eu_never_left_dropped,
    eu_people,
    eu_population,
    eu_today_members,
    share_members_only,
    share_observers,
    share_observers_2016,
    share_observers_all_rows,
    share_with_partners,
    today_share,
)


# ----------------------------------------------------------------- 02_warheads_today
def _warheads_share(year: int | None = None) -> float:
    from ..data import load
    from ..sco import members

    wh = load("nuclear_warheads")
    wide = wh.pivot(index="year", columns="iso3", values="warheads")
    row = wide.loc[int(wide.index.max()) if year is None else year]
    return 100.0 * float(row[row.index.isin(members("today"))].sum()) / float(row.sum())


def _warheads_2017() -> float:
    return _warheads_share(ARTICLE_YEAR)


def _warheads_year_before() -> float:
    from ..data import load

    return _warheads_share(int(load("nuclear_warheads")["year"].max()) - 1)


def _warheads_founders() -> float:
    from ..data import load
    from ..sco import FOUNDING_DATE, members

    wh = load("nuclear_warheads")
    row = wh[wh.year == wh.year.max()].set_index("iso3")["warheads"]
    return 100.0 * float(row[row.index.isin(members(FOUNDING_DATE))].sum()) / float(row.sum())




# ----------------------------------------------------------------- 02_closest_reading
def _closest_option() -> str:
    from ..analysis.population import population_readings
    from ..claims import nearest_reading

    r = population_readings().set_index("reading")["value"]
    return nearest_reading({k: r[name] for k, name in READING_OPTIONS.items()},
                           "population_share")


# ----------------------------------------------------------------- 02_placeholder_zero
def _bulletin_counted(placeholder_as_zero: bool = False, members_on: str | None = None) -> float:
    """Members' share (%) of the 2017 nuclear-armed states by the Bulletin's series.

    A state the series does not estimate (empty cell, published as 0) that FAS gives
    warheads is counted, as FAS counts it; with ``placeholder_as_zero`` it is read as 0.
    """
    from ..data import load
    from ..sco import ARTICLE_DATE, members

    bu, fas = load("nuclear_warheads_bulletin"), load("nuclear_warheads")
    b17, f17 = bu[bu.year == ARTICLE_YEAR], fas[fas.year == ARTICLE_YEAR]
    armed = set(b17.loc[b17.warheads > 0, "iso3"])
    if not placeholder_as_zero:
        armed |= set(b17.loc[b17.warheads.isna(), "iso3"]) & set(f17.loc[f17.warheads > 0, "iso3"])
    m = set(members(members_on or ARTICLE_DATE))
    return 100.0 * len(m & armed) / len(armed)



QUESTIONS = [
    Question(
        qid="02_china_india_share",
        prompt="Warm-up: with the table `wb` loaded above, what percentage of the world's "
        "population lived in China and India together in 2017? Give it to two decimals.",
        expected=china_india,
        kind="number",
        decimals=2,
        unit="%",
        what="the 2017 population share of China and India in data/wb_indicators.csv",
        hints=(
            "Two numbers make a share: the people of the two countries, and the people of "
            "the whole world, both in the same year.",
            "The world is one row of its own, `iso3 == \"WLD\"`; do not add up every row "
            "(the table also holds regions and income groups).",
            "Pattern: `df[(df.year == y) & df.iso3.isin(codes)][\"col\"].sum()`, then the "
            "same column of the row `df[(df.year == y) & (df.iso3 == \"WLD\")]`, and × 100.",
        ),
        explanation="China and India together hold more than four fifths of the eight "
        "members' people: the share of the whole organization is driven by them.",
        mistakes=(
            fraction_mistake(china_india),
            Mistake("every row of the year as the world", china_india_all_rows,
                    "Your denominator adds up every row of 2017, and the table's regions and "
                    "income groups count the same people again; use the World row WLD."),
            Mistake("the wrong year", china_india_latest,
                    "That is the share in the latest year of the table, not in 2017: filter "
                    "the year as well as the countries."),
            Mistake("the year before", china_india_2016,
                    "That is the share in 2016; the task asks for 2017."),
            Mistake("the members as the denominator", china_india_of_members,
                    "You divided by the people of the eight members; the task asks for a "
                    "share of the world (the WLD row)."),
        ),
    ),
    Question(
        qid="02_share_observers",
        prompt="Merge the statuses of October 2017 with the 2017 populations, group by "
        "status, and give the share of world population of the members **and** observers "
        "together, to two decimals.",
        expected=share_observers,
        kind="number",
        decimals=2,
        unit="%",
        what="the 2017 population share of the October 2017 members and observers, from "
        "data/wb_indicators.csv and data/sco_membership.csv",
        hints=(
            "`sco.status_on(ARTICLE_DATE)` has one row per state with its `status`; the "
            "populations are in `wb`, rows of 2017.",
            "After the merge, `groupby(\"status\")[\"population\"].sum()` gives one total per "
            "status; you need two of them, and the World row for the denominator.",
            "Pattern: `a.merge(b, on=\"iso3\").groupby(\"status\")[\"population\"].sum()`, "
            "then `totals[[\"member\", \"observer\"]].sum()` divided by the WLD value, × 100.",
        ),
        explanation="Adding the four observers brings the share close to the article's "
        "figure, still below it.",
        mistakes=(
            Mistake("members only", share_members_only,
                    "That is the members' share from the worked example: the observers are "
                    "missing."),
            Mistake("dialogue partners counted too", share_with_partners,
                    "You added every status; the dialogue partners are a third group the "
                    "task leaves out."),
            fraction_mistake(share_observers),
            Mistake("the data of 2016", share_observers_2016,
                    "You used the populations of 2016; take the rows of 2017."),
            Mistake("every row of the year as the world", share_observers_all_rows,
                    "Your denominator adds up every row of 2017, and the table's regions and "
                    "income groups count the same people again; use the World row WLD."),
        ),
    ),
    Question(
        qid="02_predict_today",
        prompt="Predict, then look: what share of the world's population do the SCO's members "
        "of the latest year of data (Iran and Belarus included) hold in that year? Give a "
        "percentage; your guess is recorded, never marked wrong.",
        expected=today_share,
        kind="prediction",
        unit="%",
        what="the share of world population of the members of the latest year in data, that "
        "year (data/wb_indicators.csv)",
        hints=(
            "The worked example above gives the eight members' share in 2017: will two more "
            "members raise it, and will the world have grown faster than the members?",
            "Any number between 0 and 100 is a fine guess; the point is to commit before "
            "you look.",
            "After the explorer you can compute it yourself with the worked example's "
            "pattern: `df[(df.year == y) & df.iso3.isin(codes)][\"population\"].sum()` "
            "divided by the WLD row of the same year, × 100.",
        ),
        explanation="Two new members, yet the share barely moved from the eight members' "
        "share of 2017 and stays below 44 %: the world's population grew faster than the "
        "members'.",
    ),
    Question(
        qid="02_eu_population",
        prompt="How many people (in millions) lived in the member states of the European "
        "Union in 2017? Use `data/regional_organizations.csv` for who was a member and `wb` "
        "for the populations. Give it in millions, to one decimal.",
        expected=eu_population,
        kind="number",
        decimals=1,
        unit="million people",
        what="the 2017 population of the EU's 2017 members, from "
        "data/regional_organizations.csv and data/wb_indicators.csv",
        hints=(
            "Keep the EU's rows whose `status` is `\"member\"`, that had joined by 2017 and "
            "had not left by then; `left` is empty (missing) for states still in.",
            "A missing `left` needs `.isna()`: `left > 2017` alone drops every state "
            "that never left.",
            "Pattern: `ro[(ro.org == o) & (ro.joined <= y) & (ro.left.isna() | (ro.left > y))]"
            ".merge(df[df.year == y], on=\"iso3\")[\"col\"].sum() / 1e6`.",
        ),
        explanation="In 2017 the EU had 28 members: the United Kingdom left in 2020, and the "
        "World Bank's own EU aggregate (EUU) counts today's 27 back in time.",
        mistakes=(
            Mistake("today's members, not those of 2017", eu_today_members,
                    "You counted the states that are members today (as the World Bank's EUU "
                    "aggregate does); one state that left later was still a member in 2017."),
            Mistake("people, not millions", eu_people,
                    "You gave a number of people; divide by one million."),
            Mistake("the wrong year", eu_latest_year,
                    "These are the populations of the latest year in the table; the task "
                    "asks for 2017."),
            Mistake("the year before", eu_2016,
                    "These are the populations of 2016; the task asks for 2017."),
            Mistake("the states that never left dropped", eu_never_left_dropped,
                    "`left > 2017` is False where `left` is missing, so every state that "
                    "never left was dropped: add `| ro.left.isna()`."),
        ),
    ),
    Question(
        qid="02_armed_not_members",
        prompt="Compute with `data/nuclear_status.csv`: how many of the states coded "
        "possessing nuclear weapons in 2017 (status 3) were **not** SCO members in October "
        "2017?",
        expected=armed_not_members,
        kind="integer",
        what="the number of 2017 possessors in data/nuclear_status.csv outside the October "
        "2017 members",
        hints=(
            "Keep the rows of 2017 with `status == 3` (possessing).",
            "Then keep the states whose `iso3` is *not* among `sco.members(ARTICLE_DATE)`: "
            "`~` negates a condition.",
            "Pattern: `df[(df.year == y) & (df.status == 3) & ~df.iso3.isin(codes)]`, then "
            "`len(...)`.",
        ),
        explanation="Israel is among them: it has never declared its arsenal, so some counts "
        "leave it out.",
        mistakes=(
            Mistake("every possessor", armed_all,
                    "You counted all the possessors; the task asks only for those outside "
                    "the SCO."),
            Mistake("the members instead", armed_members,
                    "You counted the SCO members among the possessors, not the others."),
            Mistake("status 2 counted too", armed_with_pursuing,
                    "Your filter also keeps status 2 (pursuing weapons); only status 3 means "
                    "possessing."),
            Mistake("rows of every year counted", armed_rows_every_year,
                    "You counted rows of every year (one per state and year); keep the rows "
                    "of 2017 only."),
        ),
    ),
    Question(
        qid="02_warheads_today",
        prompt="Reshape `data/nuclear_warheads.csv` to one row per year and one column per "
        "country; with **today's** members, what percentage of all countries' warheads do SCO "
        "members hold in the latest year of the table? Give it to two decimals.",
        expected=_warheads_share,
        kind="number",
        decimals=2,
        unit="%",
        what="today's members' share of the world's warheads in the latest year of "
        "data/nuclear_warheads.csv",
        hints=(
            "`pivot(index=\"year\", columns=\"iso3\", values=\"warheads\")` gives the wide "
            "table; its largest index is the latest year.",
            "Take that one row; the members' columns are those in `sco.members(\"today\")`; "
            "the world is the sum of the whole row (the table has no World row).",
            "Pattern: `row = wide.loc[wide.index.max()]`, then "
            "`row[row.index.isin(codes)].sum() / row.sum() * 100`.",
        ),
        explanation="Iran and Belarus hold no warheads, so today's members and the eight of "
        "2017 give the same share: it changed since 2017 because stockpiles changed.",
        mistakes=(
            Mistake("the wrong year", _warheads_2017,
                    "That is the share in 2017 (the year the notebook showed), not in the "
                    "latest year of the table."),
            fraction_mistake(_warheads_share),
            Mistake("the year before", _warheads_year_before,
                    "That is the share in the year before the latest; take the largest year "
                    "of the index."),
            Mistake("the founders", _warheads_founders,
                    "You kept the founding members of 2001 only; the task asks for today's "
                    "members."),
        ),
    ),
    Question(
        qid="02_closest_reading",
        prompt="Interpret: which reading of the population claim comes closest to the "
        "article's value? (a) Oct 2017 members with 2017 data; (b) the same members with "
        "2016 data; (c) members + observers, 2017; (d) members + observers + dialogue "
        "partners, 2017.",
        expected=_closest_option,
        kind="choice",
        choices={
            "a": "This is the primary reading (full members only). Look at the table of "
            "readings: is it the nearest to the article's figure?",
            "b": "Using an older year of data moves the share by only about a tenth of a "
            "point: the choice of year cannot explain the gap.",
            "c": "Counting the observers adds Iran, Afghanistan, Mongolia and Belarus, and "
            "brings the share near the article's figure, just below it, as 'almost' says.",
            "d": "Adding the dialogue partners overshoots: the share passes the article's "
            "figure.",
        },
        what="the reading whose value in the table of readings is nearest the article's "
        "value in data/claims.csv",
        hints=(
            "The worked example, your answer to Exercise 2 and the figure of shares over "
            "time give most of these readings; `population.population_readings()` lists them all.",
            "Compare the distance of each reading from 44, not the readings themselves.",
            "Pattern: `t[\"gap\"] = (t.value - 44).abs()`, then `t.sort_values(\"gap\")` and "
            "read the first row.",
        ),
    ),
    Question(
        qid="02_placeholder_zero",
        prompt="Compare `data/nuclear_warheads_bulletin.csv` with `data/nuclear_warheads.csv` "
        "(FAS) for 2017. By the Bulletin's series, counting a state it does not estimate (an "
        "empty cell) as FAS counts it, what percentage of the nuclear-armed states of 2017 were "
        "SCO members in October 2017? Give it to one decimal.",
        expected=_bulletin_counted,
        kind="number",
        decimals=1,
        unit="%",
        what="the October 2017 members' share of the states with warheads in 2017 in the "
        "Bulletin's series, a state it does not estimate counted as FAS counts it",
        hints=(
            "Merge the two tables' 2017 rows on `iso3`: `merge(..., on=\"iso3\", "
            "suffixes=(\"_bu\", \"_fas\"))`. Which state has warheads in FAS and an empty "
            "cell in the Bulletin? Read its `note`.",
            "An empty cell means 'not estimated', not 'no weapons': that state counts as "
            "nuclear-armed, as FAS says. The states are those with `warheads_bu > 0` or "
            "(`warheads_bu` missing and `warheads_fas > 0`).",
            "Pattern: `armed = m[(m.warheads_bu > 0) | (m.warheads_bu.isna() & "
            "(m.warheads_fas > 0))]`, then `armed.iso3.isin(codes).sum() / len(armed) * 100`.",
        ),
        explanation="The Bulletin published 0 for North Korea, which tested its sixth bomb a "
        "month before the article: a placeholder, not a count. Read correctly, every source "
        "gives the members the same share, under half.",
        mistakes=(
            Mistake("placeholder counted as a real zero", lambda: _bulletin_counted(placeholder_as_zero=True),
                    "You counted a state the series does not estimate as a state with no "
                    "weapons: its 0 was a placeholder ('not estimated'), so the empty cell is "
                    "missing, not zero."),
            Mistake("members before the enlargement", lambda: _bulletin_counted(members_on="2017-01-01"),
                    "You took the members at the start of 2017; India and Pakistan joined in "
                    "June, before the article."),
            fraction_mistake(_bulletin_counted),
        ),
    ),
]
