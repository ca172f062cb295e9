"""Exercises of notebook 01 (what the SCO is: membership over time, principles).

Expected answers and the values of the named mistakes are computed from data when a
learner checks. The small helpers below read ``data/sco_membership.csv`` the way the
notebook's worked example does: a start known only to the year counts from 31 December
of that year, a missing end means the status is still held.

>>> members_end_2024() >= 10
True
>>> round(observer_wait(), 2)
12.75
"""

from __future__ import annotations


from ..exercises import Mistake, Question
from .q01_values import (
    any_status_end_2024,
    art_2_4,
    art_2_4_as_regex,
    art_2_4_exact,
    art_2_4_without_derived,
    circle_latest,
    fastest_growth,
    founder_count,
    founders,
    india_inclusive,
    india_observer_years,
    india_whole_years_between_dates,
    iran_observer_years,
    members_and_observers_end_2024,
    members_article_date,
    members_end_2023,
    members_end_2024,
    not_in_five,
    observer_wait,
    observer_wait_median,
    observer_wait_total,
    shanghai_five,
    today_not_in_five,
    wait_from_first_status,
    wait_from_parsed_dates,
    wait_whole_years_between_dates,
    wait_with_dialogue_spells,
)


QUESTIONS = [
    Question(
        qid="01_predict_circle",
        prompt="Predict, then look: before you see any data, guess how many states had some "
        "status with the SCO (member, observer or dialogue partner) on the latest date in "
        "the membership table, the Tianjin summit. A whole number.",
        expected=circle_latest,
        kind="prediction",
        guess_range=(0, 200),
        what="the number of states with any SCO status on the latest date in "
        "data/sco_membership.csv",
        hints=(
            "There is no wrong guess: write down what you expect before you look.",
            "Think of the members you know, then of the states around them that hold "
            "a looser status.",
        ),
        explanation="Most of them are partners rather than members: the circle around the "
        "SCO is wider than the SCO itself.",
    ),
    Question(
        qid="01_members_2024",
        prompt="Warm-up: how many states were full members of the SCO at the end of 2024?",
        expected=members_end_2024,
        kind="integer",
        what="the number of members on 31 December 2024 in data/sco_membership.csv",
        hints=(
            "A year means 31 December of that year; only full members count.",
            "`sco.members(...)` takes a date or a year and returns a list of ISO3 codes.",
            "Pattern: `len(sco.members(year))` counts the codes in the list.",
        ),
        explanation="Iran (2023) and Belarus (2024) joined after the article was written.",
        mistakes=(
            Mistake("the members of the article's date", members_article_date,
                    "You counted the members of October 2017, when the article appeared; "
                    "the task asks about the end of 2024."),
            Mistake("the wrong year", members_end_2023,
                    "That is the count at the end of 2023: look at who joined during 2024."),
            Mistake("every status counted", any_status_end_2024,
                    "You counted every state with some SCO status; observers and dialogue "
                    "partners are not members."),
            Mistake("observers counted as members", members_and_observers_end_2024,
                    "You counted the observers with the members; only full members count."),
            Mistake("the founders", founder_count,
                    "You counted the founding members of 2001; states have joined since."),
        ),
    ),
    Question(
        qid="01_not_shanghai_five",
        prompt="Which founding member of June 2001 had not been part of the Shanghai Five? "
        "Give its ISO3 code (a list or set of codes is fine too).",
        expected=not_in_five,
        kind="set",
        what="the founder of 2001 missing from the Shanghai Five rows of "
        "data/sco_membership.csv",
        hints=(
            "Two groups of rows: the `member` rows that start on the founding day, and the "
            "`shanghai_five` rows.",
            "Keep the `iso3` codes of each group in a Python set; the difference of two "
            "sets keeps what is in the first only.",
            "Pattern: `set(df.loc[(df.col_a == x) & (df.col_b == y), \"iso3\"]) - "
            "set(df.loc[df.col_a == z, \"iso3\"])`",
        ),
        mistakes=(
            Mistake("every founder", founders,
                    "You listed all the founders; keep only the ones missing from the "
                    "Shanghai Five rows."),
            Mistake("the Shanghai Five themselves", shanghai_five,
                    "These are the Shanghai Five; the task asks for the founder who was not "
                    "among them."),
            Mistake("today's members instead of the founders", today_not_in_five,
                    "You started from today's members; the task asks about the founders of "
                    "June 2001 (the `member` rows that start on the founding day)."),
        ),
    ),
    Question(
        qid="01_india_observer_years",
        prompt="For how many calendar years was India an observer before it became a full "
        "member? Count from the year its observer status began to the year it became a "
        "member.",
        expected=india_observer_years,
        kind="integer",
        what="India's years as an observer in data/sco_membership.csv, in calendar years",
        hints=(
            "Select India's observer row: two conditions joined with `&`, each in brackets.",
            "The start is known only to the year ('2005'): work with the years as written, "
            "not with exact dates.",
            "Pattern: `df.loc[(df.a == x) & (df.b == y), \"date_col\"].str[:4].astype(int)` "
            "gives the year of each date.",
        ),
        explanation="Observer status was a long waiting room: India and Pakistan waited the "
        "same number of years.",
        mistakes=(
            Mistake("whole years between exact dates", india_whole_years_between_dates,
                    "You counted whole years between two parsed dates, and a start known "
                    "only to the year is read as 31 December: subtract the years as written."),
            Mistake("both end years counted", india_inclusive,
                    "You counted the first and the last calendar year both; the task asks "
                    "for the difference of the two years."),
            Mistake("another state's spell", iran_observer_years,
                    "That is the observer spell of another state: check the `iso3` "
                    "condition of your filter."),
        ),
    ),
    Question(
        qid="01_observer_wait",
        prompt="Several states were observers before they became full members. Over these "
        "states, what is the average wait in calendar years, counted as in the exercise on "
        "India? Give it to two decimals.",
        expected=observer_wait,
        kind="number",
        decimals=2,
        unit="years",
        what="the mean observer-to-member wait in data/sco_membership.csv",
        hints=(
            "Make two small tables from the membership table: the observer rows and the "
            "member rows, each with `iso3` and `start_date`.",
            "Join them on `iso3`: only states that appear in both remain, one row each; "
            "`suffixes=` keeps the two `start_date` columns apart.",
            "Pattern: `a.merge(b, on=\"iso3\", suffixes=(\"_obs\", \"_mem\"))`, then the "
            "difference of the two `.str[:4].astype(int)` columns and `.mean()`.",
        ),
        explanation="Waits differ a lot from one state to the next, so a single average "
        "hides a wide spread.",
        mistakes=(
            Mistake("a total instead of an average", observer_wait_total,
                    "You added the waits up; the task asks for the average wait per state."),
            Mistake("a state counted twice", wait_with_dialogue_spells,
                    "Your table holds one state twice: it was a dialogue partner before it "
                    "was an observer; keep only the observer rows."),
            Mistake("exact dates instead of calendar years", wait_from_parsed_dates,
                    "You measured exact durations, and `pd.to_datetime` reads a year-only "
                    "start as 1 January: count calendar years from the years as written."),
            Mistake("whole years between exact dates", wait_whole_years_between_dates,
                    "You counted whole years between parsed dates, which drops the part of a "
                    "year; subtract the calendar years as written."),
            Mistake("a median instead of an average", observer_wait_median,
                    "That is the median wait (the middle value); the task asks for the "
                    "average, the mean."),
            Mistake("each state's first status", wait_from_first_status,
                    "You counted from each state's first status, and one state was a dialogue "
                    "partner before it was an observer: count from the observer rows."),
        ),
    ),
    Question(
        qid="01_partner_growth",
        prompt="Interpret: in which two-year window did the number of SCO partners "
        "(observers + dialogue partners, end of year) grow the most? "
        "(a) 2003-2005, (b) 2013-2015, (c) 2021-2023.",
        expected=fastest_growth,
        kind="choice",
        choices={
            "a": "Between 2003 and 2005 the first observers arrived (Mongolia, then India, "
            "Pakistan and Iran): a start from zero, but not the largest jump.",
            "b": "The Ufa summit of 2015 added dialogue partners and moved Belarus up to "
            "observer: a big step, but compare it with the third window.",
            "c": "From 2021 to 2023 a wave of new dialogue partners, most of them Gulf "
            "states, far outweighed Iran's move from observer to member.",
        },
        what="the window with the largest rise in the partner count computed from "
        "data/sco_membership.csv",
        hints=(
            "For each year end you need the number of observers and of dialogue partners: "
            "the filter of the worked example, then `.value_counts()` on `status`.",
            "Put one year per row: a dict of Series turns into a table with "
            "`pd.DataFrame(...).T`; a status nobody held that year is missing, so fill it "
            "with 0.",
            "Pattern: `pd.DataFrame({y: f(y)[\"status\"].value_counts() for y in years})"
            ".T.fillna(0)`, then add the two partner columns and compare end minus start "
            "for each window.",
        ),
    ),
    Question(
        qid="01_charter_2_4",
        prompt="Extend: how many of the principles in `data/charter_principles.csv` cite "
        "Article 2(4) of the UN Charter (the ban on the threat or use of force)?",
        expected=art_2_4,
        kind="integer",
        what="the number of principles citing Art. 2(4) in data/charter_principles.csv",
        hints=(
            "Load the table with `data.load(\"charter_principles\")` and look at the "
            "`charter_reference` column: some rows cite several articles.",
            "Brackets are special characters in a regular expression: tell pandas to "
            "search for the plain text.",
            "Pattern: `df[\"col\"].str.contains(\"text\", regex=False).sum()` counts the "
            "rows that contain the text.",
        ),
        explanation="One article of the Charter carries several of the principles the "
        "article lists.",
        mistakes=(
            Mistake("a regular expression", art_2_4_as_regex,
                    "`.str.contains` read the brackets as a regular expression; search for "
                    "the plain text with `regex=False`."),
            Mistake("only exact matches", art_2_4_exact,
                    "You kept only the rows whose reference is exactly 'Art. 2(4)'; some rows "
                    "cite it together with other articles."),
            Mistake("the derived row left out", art_2_4_without_derived,
                    "You left out the row marked '(derived)': it still cites Art. 2(4)."),
        ),
    ),
]
