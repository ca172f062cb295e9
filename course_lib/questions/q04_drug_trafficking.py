"""Exercises of notebook 04: heroin seizures, units, denominators and missing years.

Every expected answer, and every value a named mistake produces, is computed when
checked, from ``data/claims.csv`` (the article's values) and ``data/unodc_seizures.csv``
(world seizures), through :mod:`course_lib.analysis.drugs`. The learner's solutions
write the same steps in pandas on the loaded tables; tests recompute each value from the
raw CSV files.

>>> [q.qid for q in QUESTIONS][:2]
['04_kg_per_year', '04_missing_years']
>>> round(_share_opiates(), 2)
1.76
"""

from __future__ import annotations

from ..exercises import Mistake, Question, fraction_mistake

#: The three opiates added up in the "all opiates by weight" exercise.
OPIATES = ("opium", "heroin", "morphine")


# --------------------------------------------------------------------------- helpers
def _part() -> float:
    from ..analysis import drugs

    return drugs.article_value("heroin_tonnes")


def _claimed() -> float:
    from ..analysis import drugs

    return drugs.article_value("heroin_share")


def _n_years() -> int:
    from ..analysis import drugs

    return len(drugs.window())


def _kg_per_year() -> float:
    from ..analysis import drugs

    return drugs.per_year(drugs.to_kg(_part()), _n_years())


def _kg_five_years() -> float:
    from ..analysis import drugs

    return drugs.to_kg(_part())


def _tonnes_per_year() -> float:
    from ..analysis import drugs

    return drugs.per_year(_part(), _n_years())


def _missing_in(years: list[int]) -> int:
    from ..analysis import drugs

    return int((~drugs.world_heroin(years).known).sum())


def _missing_years() -> int:
    from ..analysis import drugs

    return _missing_in(drugs.window())


def _known_years() -> int:
    from ..analysis import drugs

    return int(drugs.world_heroin().known.sum())


def _missing_six_years() -> int:
    """The count over a window one year too long (to the article's own year)."""
    from ..analysis import drugs

    yrs = drugs.window()
    return _missing_in(yrs + [yrs[-1] + 1])


def _implied_total() -> float:
    from ..analysis import drugs

    return drugs.implied_world(_part(), _claimed(), _n_years())["total"]


def _implied_per_year() -> float:
    from ..analysis import drugs

    return drugs.implied_world(_part(), _claimed(), _n_years())["per_year"]


def _implied_percent_as_number() -> float:
    return _part() / _claimed() / _n_years()


def _part_times_share() -> float:
    return _part() * _claimed() / 100 / _n_years()


def _share_hm() -> float:
    from ..analysis import drugs

    return drugs.scenario("heroin and morphine")["share"]


def _share_heroin() -> float:
    from ..analysis import drugs

    return drugs.scenario("heroin only")["share"]


def _mean_share(yearly: "list[float]") -> float:
    """The share of the article's tonnes in ``len(window)`` years at the mean of ``yearly``."""
    import statistics

    return 100 * _part() / (_n_years() * statistics.fmean(yearly))


def _opiates_by_year(drug_names: tuple[str, ...]) -> "list[float]":
    """World tonnes of ``drug_names`` added up per year of the window, for the years
    that hold every one of the three opiates."""
    from ..analysis import drugs

    w = drugs.seizures(drugs.WORLD)
    w = w[w.year.isin(drugs.window())]
    complete = [y for y, g in w.groupby("year") if set(OPIATES) <= set(g.drug)]
    w = w[w.year.isin(complete) & w.drug.isin(drug_names)]
    return w.groupby("year").tonnes.sum().tolist()


def _share_opiates() -> float:
    return _mean_share(_opiates_by_year(OPIATES))


def _share_opiates_double() -> float:
    return _mean_share(_opiates_by_year(OPIATES + ("heroin_and_morphine",)))


def _share_opiates_one_year() -> float:
    return _share_opiates() * _n_years()


def _lowest_year_share() -> float:
    from ..analysis import drugs

    return drugs.scenario("lowest year")["share"]


def _known_sum() -> float:
    from ..analysis import drugs

    k = drugs.world_heroin()
    return float(k.loc[k.known, "tonnes"].sum())


def _assumed_for_claim() -> float:
    from ..analysis import drugs

    return drugs.assumed_for_share(_claimed())


def _assumed_over_all_years() -> float:
    return (_implied_total() - _known_sum()) / _n_years()


def _assumed_without_known() -> float:
    return _implied_total() / _missing_years()


def _assumed_together() -> float:
    return _implied_total() - _known_sum()




# --------------------------------------------------------------------------- questions
QUESTIONS = [
    Question(
        qid="04_kg_per_year",
        prompt="Read the article's heroin figure from the claims table and convert it into "
        "kilograms per year.",
        expected=_kg_per_year,
        kind="number",
        tolerance=1.0,
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
            Mistake("five-year total instead of a yearly average", _kg_five_years,
                    "You converted to kilograms but kept the total of all five years; "
                    "the task asks for one year."),
            Mistake("tonnes instead of kilograms", _tonnes_per_year,
                    "You divided by the years but left the value in tonnes."),
        ),
    ),
    Question(
        qid="04_missing_years",
        prompt="How many of the five years 2012–2016 have no world heroin value in the table?",
        expected=_missing_years,
        kind="integer",
        what="the number of years in the window 2012–2016 without a world heroin row in "
        "data/unodc_seizures.csv",
        hints=(
            "Keep only the rows of the world (`area`) and of heroin (`drug`).",
            "Then ask, for each year of the window, whether it appears in the `year` column of "
            "those rows; count the years that do not.",
            "Pattern: `mask = pd.Series(years).isin(rows.year)`; `(~mask).sum()` counts the "
            "`False` values.",
        ),
        explanation="Most of the window has no world value, so every reading of the claim has "
        "to say how it treats the gaps.",
        mistakes=(
            Mistake("years with a value instead of years without", _known_years,
                    "You counted the years that do have a world heroin value; the question asks "
                    "for the years without one."),
            Mistake("six years instead of five", _missing_six_years,
                    "Your count seems to cover six years: the window is the five calendar years "
                    "before the 2017 article, so check where it starts and where it ends."),
        ),
    ),
    Question(
        qid="04_share_hm",
        prompt="Compute the share (in %) of 69 t in five years of world heroin **and morphine** "
        "seizures, using the mean of the yearly values the table holds for 2012–2016 (the "
        "reported combined total where a year has one, otherwise heroin plus morphine of the "
        "same year).",
        expected=_share_hm,
        kind="number",
        tolerance=0.1,
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
            Mistake("heroin alone", _share_heroin,
                    "That is the heroin-only share of the worked example; this time the world "
                    "side must add morphine."),
            Mistake("one year instead of five", lambda: _share_hm() * _n_years(),
                    "You compared five years of SCO seizures with one year of world seizures; "
                    "the world side needs five years too."),
            fraction_mistake(_share_hm),
        ),
    ),
    Question(
        qid="04_implied_world",
        prompt="If 69 t over five years were exactly 14 % of world heroin seizures over the same "
        "five years, how many tonnes would the world have seized **per year** on average?",
        expected=_implied_per_year,
        kind="number",
        tolerance=0.1,
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
            Mistake("five-year total instead of a yearly average", _implied_total,
                    "That is the world total for all five years; the question asks for one year."),
            Mistake("percentage used as a whole number", _implied_percent_as_number,
                    "You divided by 14 instead of by 14 per cent: turn the percentage into a "
                    "fraction first."),
            Mistake("part times the share", _part_times_share,
                    "You took 14 % of the 69 t, but the 69 t is the part: the world total "
                    "must be larger than it."),
        ),
    ),
    Question(
        qid="04_share_opiates",
        prompt="All opiates by weight: for each year of the window with world values for opium, "
        "heroin and morphine, add the three; average those yearly totals; what share (in %) of "
        "five such years would 69 t be?",
        expected=_share_opiates,
        kind="number",
        tolerance=0.05,
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
            Mistake("heroin and morphine counted twice", _share_opiates_double,
                    "Your yearly totals also include the combined heroin-and-morphine row, so "
                    "those two drugs are counted twice in the year that has it."),
            Mistake("one year instead of five", _share_opiates_one_year,
                    "You compared five years of SCO seizures with one year of world seizures; "
                    "the world side needs five years too."),
            fraction_mistake(_share_opiates),
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
        expected=_lowest_year_share,
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
        "five-year world total?",
        expected=_assumed_for_claim,
        kind="number",
        tolerance=0.5,
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
            Mistake("shared among all five years", _assumed_over_all_years,
                    "You spread the shortfall over all five years; the known years are already "
                    "counted, so share it among the missing ones only."),
            Mistake("known years not taken off", _assumed_without_known,
                    "You shared the whole five-year total among the missing years without first "
                    "taking off what the known years contribute."),
            Mistake("together instead of each", _assumed_together,
                    "That is what the missing years need together; the question asks for each "
                    "one."),
        ),
    ),
]
