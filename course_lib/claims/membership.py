"""Evaluator for the claim "India and Pakistan became members at Astana, June 2017".

The dates come from :func:`course_lib.analysis.membership.accession_dates`.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import membership as M

TEMPLATE = "The membership table dates both accessions to the Astana summit: {dates}."


def evidence_accession_2017() -> dict:
    """Evidence for 'India and Pakistan became members at Astana, June 2017'.

    Dates are years with fraction (see :func:`course_lib.claims.core.year_fraction`); the claims module shows
    them as dates. The primary reading spans both accession dates.

    >>> r = evidence_accession_2017()["readings"]
    >>> r.reading_id.tolist()
    ['ind_pak_accession', 'IND', 'PAK']
    """
    acc = M.accession_dates().set_index("iso3")
    codes = ("IND", "PAK")
    fr = [float(acc.loc[i, "year_fraction"]) for i in codes]
    rows = [{"reading_id": "ind_pak_accession", "reading": "India and Pakistan accession",
             "definition": "start of the 'member' spells of IND and PAK in data/sco_membership.csv",
             "value": min(fr), "low": min(fr), "high": max(fr)}]
    for iso, f in zip(codes, fr):
        rows.append({"reading_id": iso, "reading": f"{acc.loc[iso, 'country']} accession",
                     "definition": f"start of the 'member' spell of {iso} alone",
                     "value": f, "low": f, "high": f})
    readings = pd.DataFrame(rows)
    dates = ", ".join(f"{acc.loc[i, 'country']} {acc.loc[i, 'date']:%-d %B %Y}" for i in codes)
    return {
        "value": min(fr),
        "unit": "date",
        "readings": readings,
        "explanation": TEMPLATE.format(dates=dates),
        "sources": ["sco_membership"],
    }
