"""Evaluator for the RATS 2011-2015 results table (not checkable with open data).

The readings come from :mod:`course_lib.analysis.sco_record`; the explanation is the template
below, filled with the table's size and years.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import sco_record as R

TEMPLATE = (
    "The table lists {n} results for {first}–{last} that the SCO reports about its own "
    "work. We can rearrange them (averages per year, ratios between lines) but not check "
    "them: the figures are **self-reported**; the categories are **not defined** (what "
    "makes a crime 'averted', a member 'neutralized', a camp a camp?); there is **no "
    "baseline or trend** (the years before {first} or the split by year); **no breakdown "
    "by country**; **no comparison group** (what happened in similar states outside the "
    "SCO, or without RATS coordination); and **no independent source** reports the same "
    "counts.\n\n"
    "To check it we would need incident-level records for each member state and year, "
    "with published definitions, verified by someone other than the reporting agencies "
    "and comparable before and after {first}: for example court and prosecution records, "
    "or an openly licensed independent terrorism-incident database. The open data closest "
    "to the topic, UCDP's organised-violence deaths, measure something else (deaths, not "
    "prevented attacks), so they give context, not a check."
)


def evidence_rats_2011_2015() -> dict:
    """Evidence for the RATS results table: not checkable with open data.

    The readings give what the table itself implies (the average per year of each
    line) and, as NaN, the check against independent data that cannot be made.

    >>> ev = evidence_rats_2011_2015()
    >>> ev["value"] is None, bool(ev["readings"]["value"].isna().any())
    (True, True)
    """
    t = R.rats_table()
    rows = [{
        "reading": "checked against independent data",
        "definition": "the same counts from a source other than the SCO (none is open)",
        "value": float("nan"),
    }]
    for _, r in t.iterrows():
        unit = " (tonnes)" if r["unit"] == "tonnes" else ""
        rows.append({
            "reading": f"{r['item']}, per year{unit}",
            "definition": f"the five-year figure ({r['label']}, {R.RATS_FIRST}–{R.RATS_LAST}) "
                          f"divided by {R.RATS_YEARS}",
            "value": float(r["per_year"]),
        })
    explanation = TEMPLATE.format(n=len(t), first=R.RATS_FIRST, last=R.RATS_LAST)
    return {
        "value": None,
        "unit": "table",
        "readings": pd.DataFrame(rows, columns=["reading", "definition", "value"]),
        "explanation": explanation,
        "sources": ["rats_2011_2015", "ucdp_deaths"],
    }

