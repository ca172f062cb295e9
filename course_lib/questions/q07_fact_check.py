"""Exercises of notebook 07 (the fact-check capstone)."""

from __future__ import annotations

from ..exercises import Question

_NUCLEAR_OPTIONS = {
    "a": "4 of 9 possessing states",
    "b": "4 of 8 declared possessors",
    "c": "2 of 5 NPT nuclear-weapon States",
    "d": "4 of 9 states with warheads",
}


def _count(verdict: str) -> int:
    from ..claims import evaluate_all

    return int((evaluate_all().verdict == verdict).sum())


def _population_gap() -> float:
    from ..claims import evaluate

    ev = evaluate("population_share")
    return float(ev.claim.low - ev.value)


def _nuclear_inside() -> str:
    from ..claims import evaluate

    r = evaluate("nuclear_half").eligible()
    inside = set(r.loc[r.verdict_alone == "supported", "reading"])
    keys = [k for k, label in _NUCLEAR_OPTIONS.items() if label in inside]
    return keys[0] if len(keys) == 1 else "none of the options"  # readings changed


QUESTIONS = [
    Question(
        qid="07_count_supported",
        prompt="How many of the article's claims does the course's verdict rule call "
        "'supported'?",
        expected=lambda: _count("supported"),
        kind="integer",
        what="the number of 'supported' verdicts in evaluate_all()",
        hints=("The table `evidence` has a column `verdict`.",
               "Compare the column with the text 'supported' and count the True values.",
               "`answer = (evidence.verdict == \"supported\").sum()`"),
        explanation="Count them, then look at each margin: a verdict just inside or just outside its interval is fragile.",
    ),
    Question(
        qid="07_count_not_checkable",
        prompt="How many claims cannot be checked at all with open data?",
        expected=lambda: _count("not checkable"),
        kind="integer",
        what="the number of 'not checkable' verdicts in evaluate_all()",
        hints=("Same as the previous exercise, with another verdict.",
               "`answer = (evidence.verdict == \"not checkable\").sum()`"),
        explanation="A claim that cannot be checked is not thereby false: it is unverified.",
    ),
    Question(
        qid="07_population_gap",
        prompt="By how many percentage points does the primary reading of "
        "`population_share` fall short of the claim's interval (\"almost 44 per cent\" is 43 to "
        "just under 44)?",
        expected=_population_gap,
        kind="number",
        tolerance=0.05,
        unit="percentage points",
        what="the lower end of the claim's interval minus the primary reading of population_share",
        hints=("`evaluate(\"population_share\")` has `.claim` (an interval with `.low` and "
               "`.high`) and `.value`.",
               "Subtract the data's value from the interval's lower end: `ev.claim.low - ev.value`."),
        explanation="Percentage points are differences of percentages, not a percentage; the "
        "distance is measured to the claim's interval, not to the bare 44.",
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
        hints=("Run the definitions explorer with the claim `nuclear_half`.",
               "`evaluate(\"nuclear_half\").eligible()` has a column `verdict_alone`."),
    ),
]
