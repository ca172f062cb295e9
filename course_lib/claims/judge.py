"""Apply the one verdict rule of :mod:`course_lib.claims.core` to an evaluator's
result, and say in plain words what it gave and how far it is from flipping.

An evaluator (see :mod:`course_lib.claims.evaluation`) returns a dict: ``readings`` (a
DataFrame with ``reading_id``, ``reading``, ``definition``, ``value`` and optionally
``low``/``high`` where the evidence is an interval), ``explanation`` (what the data
show, Markdown), ``sources`` and optionally ``now`` (``{"value", "label"}``: the same
quantity in the latest year the data hold, context only). Which readings count is
decided by ``data/claim_readings.csv``, never by the evaluator.
"""

from __future__ import annotations

import math

import pandas as pd

from ..errors import CourseError
from .core import (Evidence, Interval, as_number, claim_row, interval_of, margin,
                   reading_interval, reading_verdict, readings_table, verdict)
from .display import as_worded, evidence_markdown, fmt_distance, fmt_interval

COLUMNS = ["reading_id", "reading", "definition", "value", "low", "high", "role", "reason",
           "distance", "verdict_alone"]


def _zero(x: float | None) -> float | None:
    return None if x is None else (0.0 if x == 0 else x)


def _readings(claim_id: str, result: dict, claim: Interval | None,
              precision: float) -> pd.DataFrame:
    """The evaluator's readings with their role, reason, distance and lone verdict."""
    r = result.get("readings")
    r = pd.DataFrame(columns=COLUMNS[:4]) if r is None else r.copy()
    if "reading_id" not in r.columns:
        r["reading_id"] = r["reading"]
    for c in ("low", "high"):
        if c not in r.columns:
            r[c] = r["value"]
        r[c] = [v if not pd.isna(v) else w for v, w in zip(r[c], r["value"])]
    fixed = readings_table()
    fixed = fixed[fixed.claim_id == claim_id].set_index("reading_id")
    missing = [i for i in fixed.index if i not in set(r["reading_id"])]
    if missing:
        raise CourseError(f"The evidence for {claim_id!r} lacks its eligible reading(s) "
                          f"{', '.join(missing)} (data/claim_readings.csv).")
    r["role"] = [fixed.loc[i, "role"] if i in fixed.index else "context" for i in r["reading_id"]]
    r["reason"] = [fixed.loc[i, "reason"] if i in fixed.index else "context: not a reading of "
                   "the article's words and date" for i in r["reading_id"]]
    dist, alone = [], []
    for _, row in r.iterrows():
        ev = reading_interval(row)
        dist.append(math.nan if ev is None or claim is None else claim.distance(ev))
        alone.append("" if row["role"] == "context" else reading_verdict(claim, ev, precision))
    r["distance"], r["verdict_alone"] = dist, alone
    order = {"primary": 0, "eligible": 1, "context": 2}
    r = r.sort_values("role", key=lambda s: s.map(order), kind="mergesort")
    return r[COLUMNS].reset_index(drop=True)


def build_evidence(claim_id: str, result: dict) -> Evidence:
    """Turn an evaluator's result into :class:`Evidence` with the rule's verdict."""
    row = claim_row(claim_id)
    unit = str(row["unit"])
    claim = interval_of(row)
    p = as_number(row["precision"])
    p = 0.0 if math.isnan(p) else p
    readings = _readings(claim_id, result, claim, p)
    prim = readings[readings.role == "primary"]
    literal = reading_interval(prim.iloc[0]) if len(prim) else None
    others = [reading_interval(x) for _, x in readings[readings.role == "eligible"].iterrows()]
    v = verdict(claim, literal, [o for o in others if o is not None], p)
    value = as_number(prim["value"].iloc[0]) if len(prim) else math.nan
    ev = Evidence(
        claim_id=claim_id,
        article_value=None if pd.isna(row["value"]) else float(row["value"]),
        value=None if math.isnan(value) else value,
        unit=unit, verdict=v, readings=readings,
        explanation=str(result.get("explanation", "")),
        sources=list(result.get("sources", [])),
        paraphrase=str(row["paraphrase"]), wording=str(row["wording"]),
        as_worded=as_worded(row), claim=claim, evidence=literal, precision=p,
        margin=_zero(margin(claim, literal)), now=result.get("now"), render=evidence_markdown,
    )
    ev.margin_text = margin_text(ev)
    return ev


def margin_text(ev: Evidence) -> str:
    """The verdict in one or two plain sentences: the margin and what would flip it."""
    u = ev.unit
    if ev.verdict == "not checkable":
        return ("Not checkable: the literal reading has no evidence in open data, so there "
                "is no margin to state.")
    claim_txt = fmt_interval(ev.claim, u)
    prim = ev.readings[ev.readings.role == "primary"].iloc[0]
    shown = fmt_interval(ev.evidence, u)
    head = (f"As worded, {ev.as_worded}, the claim means {claim_txt}; the literal reading "
            f"(*{prim['reading']}*) gives {shown}")
    others = ev.readings[ev.readings.role == "eligible"]
    inside = others[others.verdict_alone == "supported"]
    if ev.verdict == "supported":
        room = -ev.margin if ev.margin is not None else 0.0
        if room > 0:
            tail = (f", inside it with {fmt_distance(room, u)} to spare: a change of "
                    "definition or a data revision of that size would take it out.")
        elif ev.evidence is not None and ev.evidence.high > ev.evidence.low:
            tail = (", an interval that reaches the claim only at its edge: a change of "
                    "definition or a data revision that moved that end away would take it out.")
        else:
            tail = (", exactly on the claim: any change of the literal reading "
                    "would take it out.")
        return head + tail
    miss = fmt_distance(ev.margin, u)
    if ev.verdict == "partly supported":
        if len(inside):
            names = ", ".join(f"*{x}*" for x in inside.reading)
            return (head + f", {miss} outside. Only the eligible reading {names} lies inside; "
                    "were that reading not a fair one, the verdict would follow the literal "
                    "reading alone.")
        return (head + f", {miss} outside, within one unit of the claim's precision "
                f"({fmt_distance(ev.precision, u)}); a further {fmt_distance(ev.precision - ev.margin, u)} "
                "would make it not supported, and "
                f"{miss} the other way would make it supported.")
    near = others[others.verdict_alone == "partly supported"]
    text = (head + f", {miss} outside. It would be partly supported if it came within "
            f"{fmt_distance(ev.precision, u)} of the claim (a change of "
            f"{fmt_distance(max(ev.margin - ev.precision, 0), u)}), supported with a change of "
            f"{miss}.") if ev.precision > 0 else head + f", {miss} outside."
    if len(near):
        r = near.iloc[0]
        text += (f" As worded the claim does not hold; under the eligible reading "
                 f"*{r['reading']}* it nearly does ({fmt_interval(reading_interval(r), u)}, "
                 f"{fmt_distance(r['distance'], u)} outside), which does not change the verdict: "
                 "another reading counts only when it lies inside the claim's interval.")
    return text
