"""Exercises of notebook 02 (SCO expansion: population, area, nuclear states)."""

from __future__ import annotations

from ..exercises import Question

READING_OPTIONS = {
    "a": "October 2017 members, 2017",
    "b": "October 2017 members, 2016",
    "c": "members + observers, 2017",
    "d": "members + observers + dialogue partners, 2017",
}


def _china_india() -> float:
    from ..analysis.indicators import share_of_world

    return share_of_world("population", ["CHN", "IND"], 2017)


def _share_observers() -> float:
    from ..analysis.population import share

    return share("population", "2017 members + observers", 2017)


def _closest_option() -> str:
    from ..analysis.population import _article_value, population_readings

    r = population_readings().set_index("reading")["value"]
    target = _article_value("population_share")
    return min(READING_OPTIONS, key=lambda k: abs(r[READING_OPTIONS[k]] - target))


def _armed_not_members() -> int:
    from ..analysis.nuclear import armed_states
    from ..sco import members

    return len(set(armed_states(2017)) - set(members("2017-10-01")))


def _warheads_today() -> float:
    from ..analysis.nuclear import warheads_share, warheads_wide
    from ..sco import members

    latest = int(warheads_wide().index.max())
    return warheads_share(members("today"), latest)


QUESTIONS = [
    Question(
        qid="02_china_india_share",
        prompt="Warm-up: what percentage of the world's population lived in China and India "
        "together in 2017?",
        expected=_china_india,
        kind="number",
        tolerance=0.1,
        unit="%",
        what="the share of CHN + IND in the World (WLD) population of 2017, computed from "
        "data/wb_indicators.csv",
        hints=(
            "`indicators.share_of_world(indicator, codes, year)` does the division for you.",
            "The indicator is `\"population\"`, the codes `[\"CHN\", \"IND\"]`.",
            "`answer = indicators.share_of_world(\"population\", [\"CHN\", \"IND\"], 2017)`",
        ),
        explanation="Two states hold most of the SCO's people: the share of the whole "
        "organization is driven by them.",
    ),
    Question(
        qid="02_share_observers",
        prompt="Compute the share of world population in 2017 of the October 2017 members "
        "**and** observers together.",
        expected=_share_observers,
        kind="number",
        tolerance=0.1,
        unit="%",
        what="the 2017 population share of the October 2017 members and observers, from "
        "data/wb_indicators.csv and data/sco_membership.csv",
        hints=(
            "`sco.members(\"2017-10-01\", status=\"observer\")` lists the observers.",
            "Add the two lists with `+` and give them to `indicators.share_of_world`.",
            "`answer = indicators.share_of_world(\"population\", sco.members(\"2017-10-01\") "
            "+ sco.members(\"2017-10-01\", status=\"observer\"), 2017)`",
        ),
        explanation="Compare it with the article's figure: which definition did the author "
        "probably use?",
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
        what="the reading whose value in population_readings() is nearest the article's "
        "value in data/claims.csv",
        hints=(
            "Run `population.population_readings()` and compare each value with 44.",
            "Compute `abs(value - 44)` for the four readings named in the options.",
        ),
    ),
    Question(
        qid="02_armed_not_members",
        prompt="Compute: how many of the states coded 'possessing' nuclear weapons in 2017 "
        "were **not** SCO members in October 2017?",
        expected=_armed_not_members,
        kind="integer",
        what="the number of 2017 possessors in data/nuclear_status.csv that are not among "
        "sco.members('2017-10-01')",
        hints=(
            "`nuclear.armed_states(2017)` lists the possessors.",
            "Turn both lists into sets and take the difference: `set(a) - set(b)`.",
            "`answer = len(set(nuclear.armed_states(2017)) - set(sco.members(\"2017-10-01\")))`",
        ),
    ),
    Question(
        qid="02_warheads_today",
        prompt="Extend: with today's members, what percentage of all countries' warheads do "
        "SCO members hold in the latest year of the FAS table?",
        expected=_warheads_today,
        kind="number",
        tolerance=0.1,
        unit="%",
        what="today's members' share of the sum of all countries' warheads in the latest "
        "year of data/nuclear_warheads.csv",
        hints=(
            "`nuclear.warheads_wide()` has one row per year; its last index is the latest year.",
            "`nuclear.warheads_share(codes, year)` sums the countries for you (never the FAS "
            "World row).",
            "`answer = nuclear.warheads_share(sco.members(\"today\"), "
            "int(nuclear.warheads_wide().index.max()))`",
        ),
    ),
]
