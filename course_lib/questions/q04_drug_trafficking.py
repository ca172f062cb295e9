"""Exercises of notebook 04: heroin seizures, units, denominators and missing years.

Every expected answer, and every value a named mistake produces, is computed when
checked, from ``data/claims.csv`` (the article's values) and ``data/unodc_seizures.csv``
(world seizures), by the functions of :mod:`course_lib.questions.q04_values`. The
learner's solutions write the same steps in pandas on the loaded tables; tests recompute
each value from the raw CSV files.

>>> [q.qid for q in QUESTIONS][:2]
['04_kg_per_year', '04_missing_years']
"""

from __future__ import annotations

from ..exercises import Mistake, Question, fraction_mistake
from . import q04_values as v

OPIATES = v.OPIATES

# --------------------------------------------------------------------------- questions
QUESTIONS = [
    Question(
        qid="04_kg_per_year",
        prompt="Read the article's heroin figure from the claims table and convert it into "
        "kilograms per year, to the nearest kilogram (a whole number).",
        expected=v.kg_per_year,
        kind="number",
        decimals=0,
        unit="kg per year",
        what="the yearly average in kilograms of the article's five-year figure in data/claims.csv",
        hints=(
            "One tonne (metric ton) is 1,000 kg, and the article's figure covers five years.",
            "First pick the `heroin_tonnes` row of the claims table, then change the unit, then "
            "spread the total over the years.",
            "Pattern: `table.loc[table.claim_id == \"...\", \"value\"].iloc[0]` picks one value "
            "from one row; then multiply and divide by the right factors.",
        ),
        explanation="That is close to 38 kg a day, every day, for five years.",
        mistakes=(
            Mistake("five-year total instead of a yearly average", v.kg_five_years,
                    "You converted to kilograms but kept the total of all five years; "
                    "the task asks for one year."),
            Mistake("tonnes instead of kilograms", v.tonnes_per_year,
                    "You divided by the years but left the value in tonnes."),
            Mistake("six years instead of five", lambda: v.kg_per_year(v.n_years() + 1),
                    "You spread the total over six years: the window is the five years "
                    "before the 2017 article, 2012 to 2016."),
        ),
    ),
    Question(
        qid="04_missing_years",
        prompt="Which of the five years 2012–2016 have no world heroin value in the table? "
        "Give the years as a list of text, e.g. `['2010', '2011']`.",
        expected=v.missing_years,
        kind="set",
        what="the years of the window 2012–2016 without a world heroin row in "
        "data/unodc_seizures.csv",
        hints=(
            "Keep only the rows of the world (`area`) and of heroin (`drug`).",
            "Then ask, for each year of the window, whether it appears in the `year` column of "
            "those rows; keep the years that do not.",
            "Pattern: `~` turns True into False and back, so `~series.isin(values)` marks what "
            "is not found; `.astype(str).tolist()` turns a Series into a list of text.",
        ),
        explanation="Most of the window has no world value, so every reading of the claim has "
        "to say how it treats the gaps.",
        mistakes=(
            Mistake("years with a value instead of years without", v.known_years_listed,
                    "You listed the years that do have a world heroin value; the question asks "
                    "for the years without one."),
            Mistake("the window moved a year later", lambda: v.missing_years(v.window(1)),
                    "Your years run from 2013 to 2017: the window is the five calendar years "
                    "before the 2017 article, 2012 to 2016."),
            Mistake("the window moved a year earlier", lambda: v.missing_years(v.window(-1)),
                    "Your years run from 2011 to 2015: the window is 2012 to 2016, both "
                    "included."),
            Mistake("six years instead of five",
                    lambda: v.missing_years(v.window(0, v.n_years() + 1)),
                    "Your years include 2017: the window is the five calendar years before "
                    "the 2017 article, so it ends in 2016."),
        ),
    ),
    Question(
        qid="04_share_hm",
        prompt="Compute the share (in %) of 69 t in five years of world heroin **and morphine** "
        "seizures, using the mean of the yearly values the table holds for 2012–2016 (the "
        "reported combined total where a year has one, otherwise heroin plus morphine of the "
        "same year). Give it to two decimals.",
        expected=v.share_hm,
        kind="number",
        decimals=2,
        unit="%",
        what="the share of the article's tonnes in five years of world heroin and morphine "
        "seizures computed from data/unodc_seizures.csv",
        hints=(
            "Same steps as the worked example, with another denominator: first one heroin-and-"
            "morphine value for each year of the window that has one.",
            "One year reports a combined total; another reports heroin and morphine as separate "
            "rows. Put each drug in its own column, one row per year, and fill the gaps of the "
            "combined column from the other two.",
            "Pattern: `wide = rows.pivot(index=\"year\", columns=\"drug\", values=\"tonnes\")`; "
            "`wide[\"a\"].fillna(wide[\"b\"] + wide[\"c\"])`; then `.mean()` and the last two "
            "steps of the worked example.",
        ),
        explanation="A wider denominator, heroin and morphine, gives a smaller share than "
        "heroin alone.",
        mistakes=(
            Mistake("heroin alone", v.share_heroin,
                    "That is the heroin-only share of the worked example; this time the world "
                    "side must add morphine."),
            Mistake("one year instead of five", lambda: v.share_hm() * v.n_years(),
                    "You compared five years of SCO seizures with one year of world seizures; "
                    "the world side needs five years too."),
            Mistake("no year filter", v.share_hm_all_years,
                    "Your mean includes 2018, a year after the window: keep the years "
                    "2012–2016 only."),
            fraction_mistake(v.share_hm),
        ),
    ),
    Question(
        qid="04_implied_world",
        prompt="If 69 t over five years were exactly 14 % of world heroin seizures over the same "
        "five years, how many tonnes would the world have seized **per year** on average? Give "
        "it to one decimal.",
        expected=v.implied_per_year,
        kind="number",
        decimals=1,
        unit="t per year",
        what="the yearly world total implied by the article's two figures in data/claims.csv",
        hints=(
            "A share links a part and a whole: the article gives the part and the share, so "
            "the whole follows.",
            "If a part is p per cent of a whole, the whole is larger than the part. That whole "
            "covers five years; the question asks for one.",
            "Pattern: whole = part ÷ (p ÷ 100); a five-year whole ÷ 5 is a yearly average.",
        ),
        explanation="It lies above every world heroin value the table holds for the window, but "
        "within a third of each: the same size.",
        mistakes=(
            Mistake("five-year total instead of a yearly average", v.implied_total,
                    "That is the world total for all five years; the question asks for one year."),
            Mistake("percentage used as a whole number", v.implied_percent_as_number,
                    "You divided by 14 instead of by 14 per cent: turn the percentage into a "
                    "fraction first."),
            Mistake("part times the share", v.part_times_share,
                    "You took 14 % of the 69 t, but the 69 t is the part: the world total "
                    "must be larger than it."),
            Mistake("six years instead of five", lambda: v.implied_per_year(v.n_years() + 1),
                    "You divided the total by six years; the window has five."),
        ),
    ),
    Question(
        qid="04_share_opiates",
        prompt="All opiates by weight: for each year of the window with world values for opium, "
        "heroin and morphine, add the three; average those yearly totals; what share (in %) of "
        "five such years would 69 t be? Give it to two decimals.",
        expected=v.share_opiates,
        kind="number",
        decimals=2,
        unit="%",
        what="the share of the article's tonnes in five years of world opium, heroin and "
        "morphine seizures computed from data/unodc_seizures.csv",
        hints=(
            "Keep the world rows of the window for the three drugs named, and only those: "
            "another row of the table already holds two of them together.",
            "Add the drugs within each year (one total per year), then average the yearly totals.",
            "Pattern: `rows[rows.drug.isin([...])].groupby(\"year\").tonnes.sum()` gives one "
            "total per year; `.mean()`, then the last two steps of the worked example.",
        ),
        explanation="Opiates alone already weigh several times more than the world total the "
        "14 % would need, so a share of all drugs could only be smaller still.",
        mistakes=(
            Mistake("heroin and morphine counted twice", v.share_opiates_double,
                    "Your yearly totals also include the combined heroin-and-morphine row, so "
                    "those two drugs are counted twice in the year that has it."),
            Mistake("one year instead of five", lambda: v.share_opiates() * v.n_years(),
                    "You compared five years of SCO seizures with one year of world seizures; "
                    "the world side needs five years too."),
            Mistake("no year filter", v.share_opiates_all_years,
                    "Your yearly totals include 2018, a year after the window: keep the years "
                    "2012–2016 before you group."),
            Mistake("heroin left out", v.share_opiates_heroin_only,
                    "Your yearly totals add only opium and morphine: heroin is the third of the "
                    "three drugs."),
            fraction_mistake(v.share_opiates),
        ),
    ),
    Question(
        qid="04_which_reading",
        prompt="The article puts 69 t at \"approximately 14 per cent of confiscated drugs "
        "worldwide\". Which denominator makes its 14 % plausible? a) all drugs seized worldwide, "
        "by weight; b) world heroin seizures; c) world heroin and morphine seizures; d) world "
        "heroin production.",
        expected=lambda: "b",
        kind="choice",
        what="the reading whose implied world total fits the seizure data",
        choices={
            "a": "All drugs by weight would need a world total under 100 t a year, yet the "
            "world seized several hundred tonnes of opium alone in each known year of the "
            "window, before any cannabis or cocaine: this reading is impossible.",
            "b": "The world level that 14 % implies is of the same size as the world heroin "
            "seizures in the table (a little above the known years of the window), so heroin "
            "is the denominator the figure fits, even though the wording says drugs.",
            "c": "Heroin and morphine together weigh more, so the share falls to about 10 %: a "
            "possible wording, but further from 14 % than heroin alone.",
            "d": "Production is a different quantity (estimated, not counted) and the table has "
            "none; the article compares what was seized with what was seized.",
        },
        hints=(
            "For each option, ask how large the world total would be and compare it with the "
            "table.",
            "Take the yearly world total you found in the exercise on the world behind "
            "14 per cent: which column of the table is of that size?",
            "Pattern: put that total next to the wide table of the window, e.g. "
            "`compare.min()` and `compare.max()` per column, and see which column it fits.",
        ),
    ),
    Question(
        qid="04_predict_lowest",
        prompt="Before you use the explorer, guess: if every year of the window had been as low "
        "as the lowest world heroin value the table holds for it, what share (in %) of the "
        "five-year world total would 69 t be?",
        expected=v.lowest_year_share,
        kind="prediction",
        unit="%",
        what="the share with every year at the lowest known year, computed from "
        "data/unodc_seizures.csv",
        hints=(
            "A guess is never wrong here: write down what you expect before looking.",
            "A smaller world total makes the same 69 t a larger share than the worked example's.",
            "Pattern: `by_year.tonnes.min()` is the lowest known year of the worked example's "
            "table.",
        ),
        explanation="Setting every year to the lowest known one gives the largest share the "
        "known years allow: the upper end of the heroin range.",
    ),
    Question(
        qid="04_assumed_for_14",
        prompt="Keep the known world heroin years of the window as they are. What value (tonnes "
        "per year) would **each** missing year need for 69 t to be exactly 14 % of the "
        "five-year world total? Give it to one decimal.",
        expected=v.assumed_for_claim,
        kind="number",
        decimals=1,
        unit="t per year",
        what="the value each missing year would need, computed from data/claims.csv and "
        "data/unodc_seizures.csv",
        hints=(
            "Start from the five-year world total that would make the share exactly 14 %.",
            "Take off what the known years already contribute, and share the rest among the "
            "years that have no value.",
            "Pattern: `pd.DataFrame({\"year\": years}).merge(rows[[\"year\", \"tonnes\"]], "
            "on=\"year\", how=\"left\")` keeps every year; `.tonnes.sum()` skips NaN and "
            "`.tonnes.isna().sum()` counts the gaps.",
        ),
        explanation="Each missing year would need more than any world heroin value in the "
        "table: possible, but an assumption the data cannot confirm.",
        mistakes=(
            Mistake("shared among all five years", v.assumed_over_all_years,
                    "You spread the shortfall over all five years; the known years are already "
                    "counted, so share it among the missing ones only."),
            Mistake("known years not taken off", v.assumed_without_known,
                    "You shared the whole five-year total among the missing years without first "
                    "taking off what the known years contribute."),
            Mistake("together instead of each", v.assumed_together,
                    "That is what the missing years need together; the question asks for each "
                    "one."),
            Mistake("the window cut short", lambda: v.assumed_in(v.window(0, v.n_years() - 1)),
                    "Your window has four years: `range(2012, 2016)` stops before 2016, and "
                    "2016 belongs to the window (and has a known value)."),
            Mistake("heroin and morphine as the known years", v.assumed_with_morphine,
                    "You took heroin and morphine together for the known years; this reading "
                    "keeps heroin alone."),
        ),
    ),
]
