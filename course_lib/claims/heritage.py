"""Evaluator for the claim "cultural sites of SCO countries are 20 per cent of the World
Heritage List".

The readings come from :func:`course_lib.analysis.heritage_readings.grid`; the
explanation is the template below, filled with their numbers.
"""

from __future__ import annotations

from typing import Any

from ..analysis import heritage as H
from ..analysis.heritage_readings import grid
from ..sco import ARTICLE_YEAR

TEMPLATE = (
    "At the end of {year} the List held {den:,} properties; {num} of them (**{value:.1f} %**) "
    "had at least one State Party among {who}. Counting only Cultural properties gives "
    "{cultural:.1f} % of the whole List, or {cultural_part:.1f} % of its cultural part; "
    "counting transboundary properties once per country gives {per_country:.1f} %. Over the "
    "{n_readings} readings with the {year} List and the members of October {year} the share "
    "runs from {low:.1f} % to {high:.1f} %. Adding observers and dialogue partners, which "
    "were not members, gives {wide:.1f} % (context only); today's members on the {latest} "
    "List hold {now:.1f} %."
)


def evidence_heritage_share() -> dict[str, Any]:
    """Evidence for 'cultural sites of SCO countries are 20 % of the World Heritage List'.

    Every reading of :func:`course_lib.analysis.heritage_readings.grid` (the 2017 List
    and the latest, four member sets) is returned; ``data/claim_readings.csv`` fixes which
    are eligible (the 2017 List and the members of October 2017); the rest are context.

    >>> ev = evidence_heritage_share()
    >>> ev["unit"], len(ev["readings"]) == len(grid())
    ('%', True)
    """
    g = grid()
    latest = H.latest_year()
    primary = H.share()
    now = H.share(members="today's members", year=latest)
    m17 = g[(g["members"] == "2017 members") & (g["year"] == ARTICLE_YEAR)]
    explanation = TEMPLATE.format(
        year=ARTICLE_YEAR, den=primary["denominator"], num=primary["numerator"],
        value=primary["share"], who=H.member_set_definition("2017 members"),
        cultural=H.share("cultural", "whole List")["share"],
        cultural_part=H.share("cultural", "cultural part")["share"],
        per_country=H.share(counting="per country")["share"], n_readings=len(m17),
        low=m17["value"].min(), high=m17["value"].max(),
        wide=H.share(members="2017 members + observers + dialogue partners")["share"],
        latest=latest, now=now["share"])
    readings = g[["reading", "definition", "value"]].copy()
    readings.insert(0, "reading_id", readings["reading"])
    return {
        "value": primary["share"],
        "unit": "%",
        "readings": readings,
        "explanation": explanation,
        "sources": list(H.SOURCES),
        "now": {"value": now["share"], "label": f"today's members, List of {latest}"},
    }
