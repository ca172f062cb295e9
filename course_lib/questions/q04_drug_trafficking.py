"""Exercises of notebook 04: heroin seizures, units, denominators and missing years.

Every expected answer is computed when checked, from ``data/claims.csv`` (the article's
values) and ``data/unodc_seizures.csv`` (world seizures), through
:mod:`course_lib.analysis.drugs`.
"""

from __future__ import annotations

from ..exercises import Mistake, Question


def _kg_per_year() -> float:
    from ..analysis import drugs

    return drugs.per_year(drugs.to_kg(drugs.article_value("heroin_tonnes")))


def _kg_five_years() -> float:
    from ..analysis import drugs

    return drugs.to_kg(drugs.article_value("heroin_tonnes"))


def _tonnes_per_year() -> float:
    from ..analysis import drugs

    return drugs.per_year(drugs.article_value("heroin_tonnes"))


def _missing_years() -> int:
    from ..analysis import drugs

    return int((~drugs.world_heroin().known).sum())


def _implied_per_year() -> float:
    from ..analysis import drugs

    return drugs.implied_world(drugs.article_value("heroin_tonnes"),
                               drugs.article_value("heroin_share"))["per_year"]


def _share_hm() -> float:
    from ..analysis import drugs

    return drugs.scenario("heroin and morphine")["share"]


def _assumed_for_claim() -> float:
    from ..analysis import drugs

    return drugs.assumed_for_share(drugs.article_value("heroin_share"))


QUESTIONS = [
    Question(
        qid="04_kg_per_year",
        prompt="Convert the article's 69 tonnes over five years into kilograms per year.",
        expected=_kg_per_year,
        kind="number",
        tolerance=1.0,
        unit="kg per year",
        what="the article's tonnes (data/claims.csv) × 1,000 ÷ 5",
        hints=(
            "One tonne (metric ton) is 1,000 kg.",
            "First tonnes → kg, then divide by the number of years.",
            "`answer = 69 * 1000 / 5`, or better with the value read from `claims()`.",
        ),
        explanation="About 38 kg a day, every day, for five years.",
        mistakes=(
            Mistake("five-year total instead of a yearly average", _kg_five_years,
                    "You converted to kilograms but kept the total of all five years; "
                    "the task asks for one year."),
            Mistake("tonnes instead of kilograms", _tonnes_per_year,
                    "You divided by the years but left the value in tonnes."),
        ),
    ),
    Question(
        qid="04_missing_years",
        prompt="How many of the five years 2012–2016 have no world heroin value in our table?",
        expected=_missing_years,
        kind="integer",
        what="the number of years 2012–2016 without a WORLD heroin row in data/unodc_seizures.csv",
        hints=(
            "Filter the table on `area == 'WORLD'` and `drug == 'heroin'`.",
            "Count how many of 2012, 2013, 2014, 2015, 2016 appear in its `year` column.",
            "`answer = 5 - world_h.year.isin(range(2012, 2017)).sum()`",
        ),
        explanation="Only two of the five years are known: every reading must say how it "
        "treats the others.",
    ),
    Question(
        qid="04_implied_world",
        prompt="If 69 t over five years were exactly 14 % of world heroin seizures, how many "
        "tonnes would the world have seized per year on average?",
        expected=_implied_per_year,
        kind="number",
        tolerance=0.1,
        unit="t per year",
        what="69 t ÷ 0.14 ÷ 5, with both values read from data/claims.csv",
        hints=(
            "If 69 is 14 % of the total, the total is 69 / 0.14.",
            "That total covers five years: divide by 5 for one year.",
            "`answer = 69 / 0.14 / 5`",
        ),
        explanation="Compare it with the known world years in the table: a little above them.",
    ),
    Question(
        qid="04_share_hm",
        prompt="Compute the share (in %) of 69 t in five years of world heroin **and morphine** "
        "seizures, using the mean of the years our table holds for 2012–2016.",
        expected=_share_hm,
        kind="number",
        tolerance=0.1,
        unit="%",
        what="100 × 69 / (5 × mean world heroin + morphine of the known years 2012–2016), "
        "from data/unodc_seizures.csv",
        hints=(
            "2013 has a reported heroin-and-morphine total; 2016 has heroin and morphine as "
            "separate rows of the same report: add them.",
            "Average the two yearly values, multiply by 5, and divide 69 by the result.",
            "`answer = 100 * 69 / (5 * (hm_2013 + heroin_2016 + morphine_2016) / 2)`, "
            "roughly; or `drugs.scenario('heroin and morphine')['share']`.",
        ),
        explanation="A wider denominator (heroin and morphine) gives a smaller share than "
        "heroin alone.",
    ),
    Question(
        qid="04_which_reading",
        prompt="The article speaks of a share of \"drugs confiscated worldwide\". Which "
        "denominator makes its 14 % plausible? a) all drugs seized worldwide, by weight; "
        "b) world heroin seizures; c) world heroin and morphine seizures; d) world heroin "
        "production.",
        expected=lambda: "b",
        kind="choice",
        what="the reading whose implied world total matches the seizure data",
        choices={
            "a": "All drugs by weight would need a world total of under 100 t a year, yet the "
            "world seized several hundred tonnes of opium alone in each year we know, before "
            "any cannabis or cocaine: this reading is impossible.",
            "b": "The world level that 14 % implies is of the same size as the world heroin "
            "seizures in the table (a little above the known years of the window), so heroin "
            "is the denominator the figure fits, even though the wording says \"drugs\".",
            "c": "Heroin and morphine together are larger, so the share falls to about 10 %: "
            "possible wording, but further from 14 % than heroin alone.",
            "d": "Production is a different quantity (estimated, not counted) and our table "
            "has none; the article compares what was seized with what was seized.",
        },
        hints=(
            "For each option, ask how large the world total would be and compare it with the "
            "table.",
            "The world total that makes 14 % exact is about 99 t a year: which column of the "
            "table is that size?",
        ),
    ),
    Question(
        qid="04_assumed_for_14",
        prompt="Keep the two known years of world heroin as they are. What value (t per year) "
        "would each of the three missing years need for 69 t to be exactly 14 % of the "
        "five-year world total?",
        expected=_assumed_for_claim,
        kind="number",
        tolerance=0.5,
        unit="t per year",
        what="(69 / 0.14 − the known years' sum) / the number of missing years, from "
        "data/claims.csv and data/unodc_seizures.csv",
        hints=(
            "The five-year total must equal 69 / 0.14.",
            "Subtract what the known years already contribute, then share the rest among the "
            "missing years.",
            "`answer = (69 / 0.14 - (heroin_2013 + heroin_2016)) / 3`",
        ),
        explanation="Each missing year would need more than any world heroin value in the "
        "table: possible, but an assumption the data cannot confirm. Try it in the explorer.",
    ),
]
