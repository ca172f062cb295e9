"""Membership facts computed from the dated table (notebook 01)."""

from __future__ import annotations

import pandas as pd

from ..sco import timeline


def year_fraction(ts: pd.Timestamp) -> float:
    """A date as a year with fraction: 1 January = .0, 31 December ≈ .997.

    >>> round(year_fraction(pd.Timestamp("2017-06-09")), 2)
    2017.44
    """
    days = 366 if ts.is_leap_year else 365
    return ts.year + (ts.day_of_year - 1) / days


def accession_dates() -> pd.DataFrame:
    """First date each state became a full member (founders 2001-06-15).

    >>> accession_dates().set_index("iso3").loc["IND", "date"].year
    2017
    """
    t = timeline()
    m = t[t.status == "member"].groupby(["iso3", "country"], as_index=False)["start"].min()
    m = m.rename(columns={"start": "date"}).sort_values(["date", "iso3"])
    m["year_fraction"] = m["date"].map(year_fraction)
    return m.reset_index(drop=True)


def evidence_accession_2017() -> dict:
    """Evidence for 'India and Pakistan became members at Astana, June 2017'."""
    acc = accession_dates().set_index("iso3")
    rows = []
    for iso in ("IND", "PAK"):
        rows.append(
            {
                "reading": f"{acc.loc[iso, 'country']} accession",
                "definition": f"start of the 'member' spell of {iso} in data/sco_membership.csv",
                "value": float(acc.loc[iso, "year_fraction"]),
            }
        )
    readings = pd.DataFrame(rows)
    value = float(readings["value"].min())
    dates = ", ".join(f"{acc.loc[i, 'country']} {acc.loc[i, 'date']:%d %B %Y}" for i in ("IND", "PAK"))
    return {
        "value": value,
        "unit": "year",
        "readings": readings,
        "explanation": (
            f"The membership table dates both accessions to the Astana summit: {dates}. "
            "The year with fraction places that day in the year (0 = 1 January)."
        ),
        "sources": ["sco_membership"],
    }
