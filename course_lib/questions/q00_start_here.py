"""Practice exercises of notebook 00: how checking works, and a pandas primer.

The primer's exercises (``00_select`` to ``00_rank``) work on the course's own tables,
``data/wb_indicators.csv`` (``wb``), ``data/sco_membership.csv`` (through
:func:`course_lib.sco.status_on`) and ``data/unodc_seizures.csv``. Every expected value
and every wrong method is computed from them when checked, by the functions of
:mod:`course_lib.questions.q00_values`.

>>> [q.qid for q in QUESTIONS][:3]
['00_warmup_sum', '00_members_2017', '00_select']
"""

from __future__ import annotations

from ..exercises import Mistake, Question
from . import q00_values as v

WB = "data/wb_indicators.csv"
PRIMER_YEAR = v.PRIMER_YEAR


def _year_mistakes(f, unit_hint: str) -> tuple[Mistake, ...]:
    """A neighbouring year on either side, for a value ``f(year)`` of the primer year."""
    return (
        Mistake("the year after", lambda: f(PRIMER_YEAR + 1),
                f"That is the value of {PRIMER_YEAR + 1}; keep the rows of {PRIMER_YEAR}."),
        Mistake("the year before", lambda: f(PRIMER_YEAR - 1),
                f"That is the value of {PRIMER_YEAR - 1}; keep the rows of {PRIMER_YEAR}."
                + unit_hint),
    )


QUESTIONS = [
    Question(
        qid="00_warmup_sum",
        prompt="Compute 3 + 4 and store it in `answer`.",
        expected=lambda: 7,
        kind="integer",
        what="the sum 3 + 4",
        hints=("Python adds with `+`.", "Pattern: `a + b` adds two numbers; store the result in the name the cell checks."),
        explanation="You have completed your first checked exercise.",
        mistakes=(
            Mistake("product instead of sum", lambda: 3 * 4,
                    "You multiplied (`*`); the exercise adds (`+`)."),
            Mistake("difference instead of sum", lambda: 3 - 4,
                    "You subtracted (`-`); the exercise adds (`+`)."),
        ),
    ),
    Question(
        qid="00_members_2017",
        prompt="How many states were full members of the SCO on 1 October 2017, "
        "when the article appeared? Use `course_lib.sco.members`.",
        expected=lambda: v.n_members("2017-10-01"),
        kind="integer",
        what="the number of members on 2017-10-01 in data/sco_membership.csv",
        hints=(
            "`members(date)` returns a list of ISO3 codes.",
            "The length of a list is `len(the_list)`; the date is written \"YYYY-MM-DD\".",
            "Pattern: `len(a_list)` counts the items of any list; the function wants the "
            "date as text, year first.",
        ),
        explanation="India and Pakistan had joined the six founders in June 2017.",
        mistakes=(
            Mistake("the founders", lambda: v.n_members("2001-06-15"),
                    "That is the number of founders of 2001; two states joined in June 2017, "
                    "before the article."),
            Mistake("today's members", lambda: v.n_members("today"),
                    "That is the number of members on the latest date in the table; the "
                    "question asks about 1 October 2017."),
            Mistake("observers counted as members", v.members_and_observers_2017,
                    "You added the observers; the question asks for full members only."),
        ),
    ),
    Question(
        qid="00_select",
        prompt="Select the three columns `iso3`, `year` and `population` of `wb` into a new "
        "table. How many values (rows times columns) does it hold?",
        expected=lambda: v.n_values(3),
        kind="integer",
        what=f"the number of values in three columns of {WB}",
        hints=(
            "A list of column names inside the brackets selects those columns: "
            "`wb[[...]]`, two pairs of brackets.",
            "`.size` counts the values of a table; `.shape` gives (rows, columns).",
            "Pattern: `table[[...]]` with a list of names, then `.size` of the result.",
        ),
        mistakes=(
            Mistake("every column", lambda: v.n_values(None),
                    "You counted the values of the whole table; select the three columns "
                    "first."),
            Mistake("rows, not values", v.n_rows,
                    "That is the number of rows; multiply by the number of columns (or use "
                    "`.size`)."),
            Mistake("two columns", lambda: v.n_values(2),
                    "That is two columns' worth of values; the exercise selects three."),
        ),
    ),
    Question(
        qid="00_filter",
        prompt=f"Filter `wb` to the row of China (`CHN`) in {PRIMER_YEAR}: what was its "
        "population, in millions, to one decimal?",
        expected=lambda: v.population("CHN", PRIMER_YEAR) / 1e6,
        kind="number",
        decimals=1,
        unit="million",
        what=f"China's {PRIMER_YEAR} population in {WB}, in millions",
        hints=(
            "Two conditions, one on `iso3` and one on `year`, each in brackets, joined "
            "with `&`.",
            "The table counts people; a million is `1e6`.",
            "Pattern: `table.loc[condition, column]` filters and selects at once; `.iloc[0]` "
            "takes the first value of the result.",
        ),
        mistakes=(
            *_year_mistakes(lambda y: v.population("CHN", y) / 1e6, ""),
            Mistake("India instead of China", lambda: v.population("IND", PRIMER_YEAR) / 1e6,
                    "That is India's population, the worked example's country; the exercise "
                    "asks for China (`CHN`)."),
        ),
    ),
    Question(
        qid="00_groupby",
        prompt="Group the rows of the six founders (`sco.members(\"2001-06-15\")`) by year "
        "and add up their population: what was the total in 2001, in millions, to one "
        "decimal?",
        expected=lambda: v.group_population("2001-06-15", 2001) / 1e6,
        kind="number",
        decimals=1,
        unit="million",
        what=f"the founders' total 2001 population in {WB}, in millions",
        hints=(
            "First keep the founders' rows with `.isin(codes)`; then one total per year.",
            "`groupby(\"year\")[\"population\"].sum()` gives a Series indexed by year.",
            "Pattern: a Series indexed by year gives one year's value with `.loc[year]`; "
            "divide by `1e6` for millions.",
        ),
        mistakes=(
            Mistake("the members of 2017", lambda: v.group_population("2017-10-01", 2001) / 1e6,
                    "You kept the members of 2017, India and Pakistan included; the exercise "
                    "asks for the six founders."),
            Mistake("no member filter", lambda: v.group_population(None, 2001) / 1e6,
                    "You added every row of the year, aggregates such as the World included; "
                    "keep the founders' rows first."),
            Mistake("the year after", lambda: v.group_population("2001-06-15", 2002) / 1e6,
                    "That is the total of 2002; the exercise asks for 2001."),
            Mistake("the year before", lambda: v.group_population("2001-06-15", 2000) / 1e6,
                    "That is the total of 2000; the exercise asks for 2001."),
        ),
    ),
    Question(
        qid="00_merge",
        prompt="Merge the statuses on the latest date of the membership table "
        "(`sco.status_on(sco.latest_date())`) with the rows of `wb` for "
        f"{v.MERGE_YEAR} on `iso3`, then group by `status`: what was the total population "
        "of the dialogue partners, in millions, to one decimal?",
        expected=lambda: v.status_population("dialogue_partner") / 1e6,
        kind="number",
        decimals=1,
        unit="million",
        what=f"the dialogue partners' {v.MERGE_YEAR} population in {WB}, in millions",
        hints=(
            "`merge` joins two tables on a shared column; keep only the columns you need "
            "from `wb`.",
            "After the merge, each row has a `status` and a `population`: group by status "
            "and add up.",
            "Pattern: `left.merge(right, on=key)`; on the merged table, a `groupby` as in "
            "Primer 3, then pick the group by its name.",
        ),
        mistakes=(
            Mistake("the observers", lambda: v.status_population("observer") / 1e6,
                    "That is the observers' total; the exercise asks for the dialogue "
                    "partners."),
            Mistake("the members", lambda: v.status_population("member") / 1e6,
                    "That is the members' total; the exercise asks for the dialogue partners."),
            Mistake("the statuses of 2017", lambda: v.status_population(
                "dialogue_partner", on="2017-10-01") / 1e6,
                    "You used the statuses of October 2017; the exercise asks for the latest "
                    "date in the table."),
            Mistake("the year before", lambda: v.status_population(
                "dialogue_partner", year=v.MERGE_YEAR - 1) / 1e6,
                    f"That is the population of {v.MERGE_YEAR - 1}; keep the rows of "
                    f"{v.MERGE_YEAR}."),
        ),
    ),
    Question(
        qid="00_pivot",
        prompt="Pivot the rows of China and India (`CHN`, `IND`) of `wb` to one row per year "
        "and one column per country (values: `gdp_per_capita_usd`). In "
        f"{PRIMER_YEAR}, China's GDP per capita was how many times India's? Give it to two "
        "decimals.",
        expected=lambda: v.gdp_ratio("CHN", "IND", PRIMER_YEAR),
        kind="number",
        decimals=2,
        unit="times",
        what=f"China's GDP per capita over India's in {PRIMER_YEAR}, from {WB}",
        hints=(
            "`pivot(index=..., columns=..., values=...)` turns a long table into a wide one.",
            "In the wide table, one row is a year and one column a country: `.loc[year, code]`.",
            "Pattern: `wide.loc[row, column]` picks one cell; a ratio is one cell over "
            "another.",
        ),
        mistakes=(
            Mistake("India over China", lambda: v.gdp_ratio("IND", "CHN", PRIMER_YEAR),
                    "You divided India's value by China's; the question asks for China's "
                    "value divided by India's."),
            Mistake("GDP, not GDP per capita",
                    lambda: v.gdp_ratio("CHN", "IND", PRIMER_YEAR, "gdp_usd"),
                    "You compared total GDP; the exercise asks for GDP per capita."),
            *_year_mistakes(lambda y: v.gdp_ratio("CHN", "IND", y), ""),
        ),
    ),
    Question(
        qid="00_fillna",
        prompt="Put the world heroin rows of `seizures` (`area` \"WORLD\", `drug` \"heroin\") "
        "next to every year 2012–2016 with a left merge, fill the missing years with 0 "
        "and give the mean of the five years, in tonnes, to two decimals.",
        expected=lambda: v.heroin_mean(fill=0.0),
        kind="number",
        decimals=2,
        unit="t",
        what="the mean of the five years with missing years as 0, from "
        "data/unodc_seizures.csv",
        hints=(
            "A left merge of the five years with the heroin rows keeps every year; a year "
            "without a row gets NaN.",
            "`mean()` skips NaN; `fillna(0)` first makes a missing year count as 0.",
            "Pattern: `.fillna(value)` returns a copy with the gaps filled; then the mean as "
            "usual.",
        ),
        explanation="Counting a missing year as 0 is an assumption too, and a strong one: "
        "notebook 04 shows better ways to reason about missing years.",
        mistakes=(
            Mistake("missing years skipped", lambda: v.heroin_mean(fill=None),
                    "That is the mean of the known years only: `mean()` skipped the NaN. "
                    "Fill them with 0 first."),
            Mistake("the sum, not the mean", v.heroin_sum,
                    "That is the total of the five years; the exercise asks for their mean."),
            Mistake("every year of the table", v.heroin_mean_all_rows,
                    "You averaged every world heroin row of the table, 2018 included; keep "
                    "the years 2012–2016."),
        ),
    ),
    Question(
        qid="00_rank",
        prompt=f"Rank the members of October 2017 by GDP per capita in {PRIMER_YEAR} "
        "(1 = the richest). What is Kazakhstan's (`KAZ`) rank?",
        expected=lambda: v.kaz_rank(),
        kind="integer",
        what=f"Kazakhstan's rank among the 2017 members in {PRIMER_YEAR}, from {WB}",
        hints=(
            "`rank()` gives 1 to the smallest value unless told otherwise.",
            "Index the Series by `iso3` first, so that you can pick Kazakhstan's rank.",
            "Pattern: `s.rank(ascending=...)[\"KAZ\"]`.",
        ),
        mistakes=(
            Mistake("ranked from the poorest", lambda: v.kaz_rank(ascending=True),
                    "Your rank 1 is the poorest, the default of `rank`: pass "
                    "`ascending=False`."),
            Mistake("ranked by population", lambda: v.kaz_rank(column="population"),
                    "You ranked by population; the exercise ranks by GDP per capita."),
        ),
    ),
]
