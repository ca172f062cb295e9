"""Evaluators for the two nuclear claims ("four nuclear powers", "half of the world's
nuclear States"), and the plain sentences that explain their verdicts.

The count of nuclear-armed states in 2017 comes from three sources
(:func:`course_lib.analysis.nuclear.armed_by_source`). The Bulletin of the Atomic
Scientists' stockpile series published 0 warheads for North Korea in 2017; that 0 is a
placeholder (North Korea had tested six times by September 2017 and FAS gives it 15
warheads), curated as missing, so the series does not count North Korea out. The literal
reading of each claim (``armed_2017``) is the interval over the sources; each source
alone is an eligible reading. The
verdict comes from the one rule of :mod:`course_lib.claims.core`, applied through
:func:`course_lib.claims.judge.build_evidence`; the sentences below only report it and
what would change it.

>>> r = evidence_nuclear_half()["readings"].set_index("reading_id")
>>> round(float(r.loc["armed_2017", "low"]), 1), round(float(r.loc["armed_2017", "high"]), 1)
(44.4, 44.4)
>>> evidence_nuclear_powers()["readings"].reading_id.tolist()[:4]
['armed_2017', 'possessing_2017', 'warheads_2017', 'bulletin_2017']
"""

from __future__ import annotations

import pandas as pd

from .. import sco
from ..analysis import nuclear as N
from ..sco import ARTICLE_DATE, ARTICLE_YEAR
from .core import article_value, claim_row, interval_of
from .judge import build_evidence

SOURCES = ["nuclear_status", "nuclear_warheads", "nuclear_warheads_bulletin", "sco_membership"]


def _names(codes) -> str:
    t = N.nuclear_table(ARTICLE_YEAR).set_index("iso3")["country"]
    return ", ".join(str(t.get(c, c)) for c in codes) or "none"


def _verdict_if(claim_id: str, result: dict, **values: float) -> str:
    """The rule's verdict were the readings ``values`` (reading id -> value) different;
    ``armed_2017`` then spans the sources' readings."""
    r = result["readings"].copy().set_index("reading_id")
    for rid, v in values.items():
        r.loc[rid, ["value", "low", "high"]] = v
    per_source = r.loc[[f"{rule}_{ARTICLE_YEAR}" for rule in N.SOURCES if f"{rule}_{ARTICLE_YEAR}" in r.index], "value"]
    r.loc["armed_2017", ["low", "high"]] = [per_source.min(), per_source.max()]
    return build_evidence(claim_id, dict(result, readings=r.reset_index())).verdict


def _source_sentences(by: pd.DataFrame, unit: str) -> list[str]:
    """One plain sentence per source: how many states it counts, and the members' part."""
    out = []
    for _, x in by.iterrows():
        part = (f"{x.n_members} of them members" if unit == "states"
                else f"so the {x.n_members} members were {x.share:.1f} % of them")
        extra = ""
        if x.left_out:
            extra = f" (it leaves out {_names(x.left_out.split(', '))})"
        out.append(f"By the {x.source}, {x.n_states} states were nuclear-armed in {ARTICLE_YEAR}{extra}, {part}.")
        for c in (x.not_estimated.split(", ") if x.not_estimated else []):
            why = N.gap_note(c, ARTICLE_YEAR, x.rule).split(" but ", 1)[-1]
            out[-1] = out[-1][:-1] + (
                f": this series published 0 warheads for {_names([c])} in {ARTICLE_YEAR}, but {why}. That 0 is a "
                f"placeholder for \"not estimated\", not a count of none, so the course keeps it as missing "
                f"and does not count {_names([c])} out.")
    return out


def evidence_nuclear_powers() -> dict:
    """Evidence for "four nuclear powers" among the SCO members of October 2017.

    >>> r = evidence_nuclear_powers()["readings"].set_index("reading_id")
    >>> int(r.loc["armed_2017", "low"]), int(r.loc["armed_2017", "high"])
    (4, 4)
    """
    members = sco.members(ARTICLE_DATE)
    month = f"{pd.Timestamp(ARTICLE_DATE):%b %Y}"  # the article's month, "Oct 2017"
    by = N.armed_by_source(ARTICLE_YEAR, members)
    rules = by.set_index("rule")
    observers = set(sco.members(ARTICLE_DATE, status="observer"))
    poss = set(N.armed_states(ARTICLE_YEAR, "possessing"))
    latest = N.last_year("possessing")
    today = set(sco.members("today"))
    now = len(today & set(N.armed_states(latest, "possessing")))
    lo, hi = int(by.n_members.min()), int(by.n_members.max())
    span = f"{lo}" if lo == hi else f"{lo}–{hi}"
    rows = [("armed_2017", f"{span} members nuclear-armed by every source",
             f"{month} members nuclear-armed in {ARTICLE_YEAR}, over the {len(by)} sources",
             float(rules.loc["possessing", "n_members"]), float(lo), float(hi))]
    short = {"possessing": "coded possessing (status coding)", "warheads": "with warheads (FAS)",
             "bulletin": "with warheads (Bulletin)"}
    rows += [(f"{r}_{ARTICLE_YEAR}", f"members {short.get(r, r)}", f"{month} members, {N.RULES[r]}",
              float(x.n_members), float(x.n_members), float(x.n_members)) for r, x in rules.iterrows()]
    obs_poss = len((set(members) | observers) & poss)
    rows += [("members_observers_2017", "members + observers, 2017",
              f"{month} members and observers, possessing", float(obs_poss), float(obs_poss), float(obs_poss)),
             ("now", f"today's members, {latest}", f"today's members possessing in {latest}",
              float(now), float(now), float(now))]
    readings = pd.DataFrame(rows, columns=["reading_id", "reading", "definition", "value", "low", "high"])
    result = {"readings": readings, "sources": SOURCES, "unit": "states",
              "now": {"value": float(now), "label": f"today's members possessing in {latest}"}}
    v = build_evidence("nuclear_powers", result).verdict
    found = sorted(set(members) & poss)
    disputed = sorted(set().union(*[set(s.split(", ")) for s in by.left_out if s]))
    before = sco.members(f"{ARTICLE_YEAR}-01-01")
    n_before = len(set(before) & poss)
    flip = _verdict_if("nuclear_powers", result,
                       **{f"{r}_{ARTICLE_YEAR}": float(len(set(before) & set(N.armed_states(ARTICLE_YEAR, r))))
                          for r in rules.index})
    s17 = N.status_labels(ARTICLE_YEAR)
    obs = ", ".join(f"{c} ({s17.get(c, 'no code')})" for c in sorted(observers))
    agree = (f"The sources disagree only about {_names(disputed)}, which was not a member, so every "
             f"source counts the same {lo} members ({_names(found)}) and the evidence is the single "
             f"value {span}." if lo == hi and disputed and not set(disputed) & set(members) else
             f"Every source counts the same {lo} members ({_names(found)})." if lo == hi else
             f"Over the sources the members' count runs from {lo} to {hi}.")
    joined = " and ".join(sco.names(sorted(set(members) - set(before))).values())
    text = " ".join(_source_sentences(by, "states")) + " " + agree + (
        f" Under the one rule that evidence {'meets' if v == 'supported' else 'misses'} the "
        f"claim's count, so the verdict is **{v}**.")
    if v == "supported":
        text += (" One source disagreeing would not change it, because the evidence would become "
                 "an interval that still reaches the claim; it changes only if every source gave "
                 f"the members another count: with the members at the start of {ARTICLE_YEAR}, before "
                 f"{joined} joined, the count is {n_before} and the verdict would be {flip}.")
    text += f" The observers of {pd.Timestamp(ARTICLE_DATE):%B %Y} and their {ARTICLE_YEAR} status: {obs}."
    result["explanation"] = text
    return result


def evidence_nuclear_half() -> dict:
    """Evidence for "half of the world's nuclear States": a share of *states*.

    The warhead share is context only (the claim counts states, not weapons).

    >>> r = evidence_nuclear_half()["readings"].set_index("reading_id")
    >>> round(float(r.loc["bulletin_2017", "value"]), 1), r.loc["warhead_share_2017", "reading"]
    (44.4, 'share of warheads')
    """
    hr = N.half_readings(ARTICLE_YEAR)
    readings = hr.rename(columns={"key": "reading_id"})
    readings["reading_id"] = readings["reading_id"] + f"_{ARTICLE_YEAR}"
    latest = N.last_year("possessing")
    today = set(sco.members("today"))
    poss_now = set(N.armed_states(latest, "possessing"))
    now = 100.0 * len(today & poss_now) / len(poss_now)
    readings.loc[len(readings)] = ["now", f"{len(today & poss_now)} of {len(poss_now)} possessing "
                                   f"states, today's members, {latest}",
                                   f"today's members / states coded possessing in {latest}", now, now, now]
    result = {"readings": readings, "sources": SOURCES,
              "now": {"value": now, "label": f"today's members among the states possessing in {latest}"}}
    v = build_evidence("nuclear_half", result).verdict
    members = sco.members(ARTICLE_DATE)
    by = N.armed_by_source(ARTICLE_YEAR, members)
    r = readings.set_index("reading_id")
    lo, hi = r.loc["armed_2017", "low"], r.loc["armed_2017", "high"]
    half = article_value("nuclear_half")
    claim = interval_of(claim_row("nuclear_half"))
    text = " ".join(_source_sentences(by, "%"))
    if hi > lo:
        text += (f" The literal reading is therefore the interval {lo:.1f}–{hi:.1f} %, and under the "
                 f"one rule, which compares that interval with the claim's {half:.0f} %, the verdict "
                 f"is **{v}**.")
    else:
        text += f" The sources agree, so the literal reading is {lo:.1f} %, and the verdict is **{v}**"
        inside = [x.reading for i, x in r.iterrows() if i in (f"declared_{ARTICLE_YEAR}", f"npt_{ARTICLE_YEAR}")
                  and claim.contains(x.value)]
        text += (f": the literal reading misses the claim's {half:.0f} %, and only the reading "
                 f"\"{inside[0]}\", which leaves Israel out, reaches half." if inside and v == "partly supported"
                 else ".")
    gaps = by[by.not_estimated != ""]
    if len(gaps):
        as_zero = {}
        for _, x in gaps.iterrows():
            out = set(x.not_estimated.split(", "))
            kept = set(x.states.split(", ")) - out
            as_zero[f"{x.rule}_{ARTICLE_YEAR}"] = 100.0 * len(set(members) & kept) / len(kept)
        misread = _verdict_if("nuclear_half", result, **as_zero)
        shares = ", ".join(f"{val:.1f} %" for val in as_zero.values())
        text += (f" Read as a real zero, the placeholder would have made that series give {shares} and the "
                 f"verdict would have been {misread}: counting a gap as none is the mistake to avoid.")
    odd = by[by.share != by.share.iloc[0]]
    if len(odd):
        first = by.iloc[0]
        flip = _verdict_if("nuclear_half", result,
                           **{f"{x.rule}_{ARTICLE_YEAR}": float(first.share) for _, x in odd.iterrows()})
        names = " and ".join(odd.source)
        text += (f" That verdict rests on the {names} alone: if it counted the same states as the "
                 f"{first.source}, every source would give {first.share:.1f} % and the verdict "
                 f"would be {flip}")
        inside = [x.reading for i, x in r.iterrows() if i in (f"declared_{ARTICLE_YEAR}", f"npt_{ARTICLE_YEAR}")
                  and claim.contains(x.value)]
        text += (f" (only the reading {inside[0]}, which leaves Israel out, would still reach half)."
                 if inside and flip == "partly supported" else ".")
    text += (f" The members also held {r.loc['warhead_share_2017', 'value']:.1f} % of the world's "
             "warheads, but the claim counts states, so that share is context, not a reading of it.")
    result["explanation"] = text
    return result
