"""Exercises of notebook 01 (what the SCO is: membership over time, principles)."""

from __future__ import annotations

from ..exercises import Question

GROWTH_WINDOWS = {"a": (2003, 2005), "b": (2013, 2015), "c": (2021, 2023)}


def _members_end_2024() -> int:
    from ..sco import members

    return len(members(2024))


def _not_in_five() -> list[str]:
    from ..analysis.membership import founders_not_in_shanghai_five

    return founders_not_in_shanghai_five()


def _india_observer_years() -> float:
    from ..analysis.membership import status_years

    return status_years("IND", "observer")


def _fastest_growth() -> str:
    from ..analysis.membership import partner_counts

    c = partner_counts(2001, 2024)["partners"]
    return max(GROWTH_WINDOWS, key=lambda k: c[GROWTH_WINDOWS[k][1]] - c[GROWTH_WINDOWS[k][0]])


def _art_2_4() -> int:
    from ..data import load

    p = load("charter_principles")
    return int(p["charter_reference"].str.contains("2(4)", regex=False).sum())


QUESTIONS = [
    Question(
        qid="01_members_2024",
        prompt="Warm-up: how many states were full members of the SCO at the end of 2024?",
        expected=_members_end_2024,
        kind="integer",
        what="the number of members on 31 December 2024 in data/sco_membership.csv",
        hints=(
            "`sco.members(2024)`: a year means 31 December of that year.",
            "`answer = len(sco.members(2024))`",
        ),
        explanation="Iran (2023) and Belarus (2024) joined after the article was written.",
    ),
    Question(
        qid="01_not_shanghai_five",
        prompt="Which founding member of June 2001 had not been part of the Shanghai Five? "
        "Give its ISO3 code (a list or set of codes is fine too).",
        expected=_not_in_five,
        kind="set",
        what="the founders of 2001 missing from the Shanghai Five rows of "
        "data/sco_membership.csv",
        hints=(
            "Compare `sco.members(\"2001-06-15\")` with "
            "`sco.members(\"2001-06-14\", status=\"shanghai_five\")`.",
            "A set difference finds it: `set(a) - set(b)`.",
            "`answer = (set(sco.members(\"2001-06-15\")) - set(sco.members(\"2001-06-14\", "
            "status=\"shanghai_five\"))).pop()`",
        ),
    ),
    Question(
        qid="01_india_observer_years",
        prompt="For how many calendar years was India an observer (year its membership began "
        "minus year its observer status began)?",
        expected=_india_observer_years,
        kind="integer",
        what="end year minus start year of India's observer spell in data/sco_membership.csv",
        hints=(
            "Filter `sco.timeline()` on `iso3 == \"IND\"` and `status == \"observer\"`.",
            "The table gives the observer start only as a year (`start_date` is '2005'); "
            "use the `end` column's `.year`.",
            "`row = data.load(\"sco_membership\").query(\"iso3 == 'IND' and status == 'observer'\")`"
            " then `answer = int(row.end_date.iloc[0][:4]) - int(row.start_date.iloc[0][:4])`",
        ),
        explanation="Observer status was a long waiting room: India and Pakistan waited the "
        "same number of years.",
    ),
    Question(
        qid="01_partner_growth",
        prompt="Interpret: in which two-year window did the number of SCO partners "
        "(observers + dialogue partners, end of year) grow the most? "
        "(a) 2003-2005, (b) 2013-2015, (c) 2021-2023.",
        expected=_fastest_growth,
        kind="choice",
        choices={
            "a": "Between 2003 and 2005 the first observers arrived (Mongolia, then India, "
            "Pakistan and Iran): a start from zero, but not the largest jump.",
            "b": "The Ufa summit of 2015 added dialogue partners and moved Belarus up to "
            "observer: a big step, but compare it with the third window.",
            "c": "From 2021 to 2023 several Gulf and Asian states became dialogue partners "
            "at once: the SCO's circle widened fastest then.",
        },
        what="the window with the largest rise of partner_counts() in data/sco_membership.csv",
        hints=(
            "`membership.partner_counts(2001, 2024)` gives the count at the end of each year.",
            "For each window compute `count[end] - count[start]`.",
        ),
    ),
    Question(
        qid="01_charter_2_4",
        prompt="Extend: how many of the principles in `data/charter_principles.csv` cite "
        "Article 2(4) of the UN Charter (the ban on the threat or use of force)?",
        expected=_art_2_4,
        kind="integer",
        what="the rows of data/charter_principles.csv whose charter_reference contains '2(4)'",
        hints=(
            "Load the table with `data.load(\"charter_principles\")`.",
            "`.str.contains(\"2(4)\", regex=False)` tests each reference; `.sum()` counts.",
            "`answer = int(data.load(\"charter_principles\").charter_reference"
            ".str.contains(\"2(4)\", regex=False).sum())`",
        ),
        explanation="One article of the Charter carries several of the principles the "
        "article lists.",
    ),
]
