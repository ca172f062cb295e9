"""Exercises of notebook 07 (the fact-check capstone)."""

from __future__ import annotations

from ..exercises import Mistake, Question

_NUCLEAR_OPTIONS = {
    "a": "4 of 9 possessing states",
    "b": "4 of 8 declared possessors",
    "c": "2 of 5 NPT nuclear-weapon States",
    "d": "4 of 9 states with warheads",
}


def _ids(verdict: str) -> list[str]:
    """The claim ids whose verdict is ``verdict``."""
    from ..claims import evaluate_all

    e = evaluate_all()
    return sorted(e.loc[e.verdict == verdict, "claim_id"])


def _population_gap(reading: str | None = None, end: str = "low") -> float:
    """The claim's interval end minus the primary reading (or another reading's value)."""
    from ..claims import evaluate

    ev = evaluate("population_share")
    value = ev.value if reading is None else float(
        ev.readings.set_index("reading_id").loc[reading, "value"])
    return float(getattr(ev.claim, end) - value)


def _other_verdict(mistake: str) -> Mistake:
    return Mistake(f"the '{mistake}' claims", lambda: _ids(mistake),
                   f"Those are the claims whose verdict is '{mistake}'; compare the column "
                   "with the verdict the exercise names.")


def _nuclear_inside() -> str:
    from ..claims import evaluate

    r = evaluate("nuclear_half").eligible()
    inside = set(r.loc[r.verdict_alone == "supported", "reading"])
    keys = [k for k, label in _NUCLEAR_OPTIONS.items() if label in inside]
    return keys[0] if len(keys) == 1 else "none of the options"  # readings changed


QUESTIONS = [
    Question(
        qid="07_count_supported",
        prompt="Which of the article's claims does the course's verdict rule call "
        "'supported'? Give their `claim_id`s as a list.",
        expected=lambda: _ids("supported"),
        kind="set",
        what="the claims with the verdict 'supported' in evaluate_all()",
        hints=("The table `evidence` has a column `verdict` and a column `claim_id`.",
               "Compare the verdict column with the text 'supported' and keep those rows.",
               "Pattern: `table.loc[condition, \"column\"].tolist()` gives one column of "
               "the rows where the condition is True."),
        explanation="Count them, then look at each margin: a verdict just inside or just outside its interval is fragile.",
        mistakes=(_other_verdict("not supported"), _other_verdict("not checkable")),
    ),
    Question(
        qid="07_count_not_checkable",
        prompt="Which claims cannot be checked at all with open data? Give their "
        "`claim_id`s as a list.",
        expected=lambda: _ids("not checkable"),
        kind="set",
        what="the claims with the verdict 'not checkable' in evaluate_all()",
        hints=("Same as the previous exercise, with another verdict.",
               "Pattern: the previous exercise's filter, with the text of this verdict."),
        explanation="A claim that cannot be checked is not thereby false: it is unverified.",
        mistakes=(_other_verdict("not supported"), _other_verdict("supported")),
    ),
    Question(
        qid="07_population_gap",
        prompt="The table `evidence` gives the margin of the primary reading. Now a context "
        "reading: by how many percentage points does the reading with today's members "
        "(reading id `now` in `evaluate(\"population_share\").readings`) fall short of the "
        "claim's interval (\"almost 44 per cent\" is 43 to just under 44)? Give it to two "
        "decimals.",
        expected=lambda: _population_gap("now"),
        kind="number",
        decimals=2,
        unit="percentage points",
        what="the lower end of the claim's interval minus the reading `now` of population_share",
        hints=("`evaluate(\"population_share\")` has `.claim` (an interval with `.low` and "
               "`.high`) and `.readings` (a table with `reading_id` and `value`).",
               "Pick the row of the reading with a boolean filter, then its value.",
               "Pattern: a distance to an interval is measured to its nearer end, and a "
               "shortfall is that end minus the value."),
        explanation="Percentage points are differences of percentages, not a percentage; the "
        "distance is measured to the claim's interval, not to the bare 44. A context reading "
        "never changes the verdict.",
        mistakes=(
            Mistake("the primary reading", _population_gap,
                    "That is the margin of the primary reading (the members of October 2017), "
                    "the one the table shows; this exercise asks for today's members."),
            Mistake("distance to 44, not to the interval", lambda: _population_gap("now", "high"),
                    "You measured to 44, the bare number; the claim's interval starts lower, "
                    "at `ev.claim.low`."),
            Mistake("subtracted the wrong way round", lambda: -_population_gap("now"),
                    "You computed the value minus the interval's end; a shortfall is the end "
                    "minus the value, a positive number here."),
            Mistake("the population of another year",
                    lambda: _population_gap("members_oct2017_2016"),
                    "That is the reading with the population of 2016; take the reading `now`."),
        ),
    ),
    Question(
        qid="07_nuclear_reading",
        prompt="Which eligible reading of `nuclear_half` lies inside the claim's interval "
        "(exactly half)? " + "; ".join(f"({k}) {v}" for k, v in _NUCLEAR_OPTIONS.items()),
        expected=_nuclear_inside,
        kind="choice",
        choices={
            "a": "Counting Israel, which has never declared its weapons, gives 4 of 9.",
            "b": "Leaving out Israel, which has never declared or tested, gives exactly half.",
            "c": "Only China and Russia are NPT nuclear-weapon States; that is 2 of 5.",
            "d": "States with warheads in the FAS estimates: the same 9, so 4 of 9.",
        },
        what="the eligible reading of nuclear_half whose verdict alone is 'supported'",
        hints=("Look at the eligible readings of `nuclear_half` and their verdicts.",
               "`evaluate(\"nuclear_half\").eligible()` has a column `verdict_alone`."),
    ),
]
