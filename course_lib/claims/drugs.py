"""Evaluators for the three drug claims (69 t of heroin, "14 per cent" of the world's
seizures, 75 t of precursors).

The readings come from :mod:`course_lib.analysis.drugs` and
:mod:`course_lib.analysis.drug_seizures`; the explanations are the templates below, filled
with their numbers.
"""

from __future__ import annotations

import math

import pandas as pd

from .. import sco
from ..analysis import drugs as D
from ..analysis import drug_seizures as S
from ..sco import ARTICLE_DATE, ARTICLE_YEAR
from .core import article_value

SHARE_IDS = ("heroin_only", "heroin_lowest_year", "heroin_highest_year", "heroin_morphine",
             "opiates_bulk", "exact_target", "all_drugs")

SHARE_TEMPLATE = (
    "**All drugs (as worded).** No open table gives world seizures of all drugs, but "
    "opium, heroin and morphine alone weighed so much that {part:g} t is on average "
    "**{opiates:.2f} %** of them over the known years ({opiate_years}), and {op_low_year:.2f} % "
    "if every one of the five years had been as low as the lowest of them; all drugs can "
    "only lower these figures. For certain it is at most **{op_bound:.2f} %**, since the "
    "opiates of the known years alone weigh {known_op_sum:,.0f} t. World opium seizures were "
    "{opium_min:.0f} t or more in each known year, against the {target_per_year:.1f} t a year "
    "that would make "
    "{claimed:g} % exact; and by the SCO's own later count ({later_source}) its members "
    "seized about {cannabis_times:.0f} times as much cannabis as heroin by weight.\n\n"
    "**Heroin only.** The table holds world heroin for only {n_known} of the {n_years} years "
    "{first}–{last} (missing: {missing}). Averaging the known years gives {mean_share:.2f} %; "
    "bounding the missing years by the lowest and highest known year gives {low:.2f} % to "
    "{high:.2f} %. For exactly {claimed:g} % the {n_missing} missing years would each need "
    "about {need:.0f} t, more than any world heroin value in the table (highest: "
    "{top_tonnes:g} t in {top_year}). The {part:g} t itself is the SCO's own figure (see "
    "`heroin_tonnes`)."
)

TONNES_TEMPLATE = (
    "No open dataset gives seizures by SCO member states, let alone by their special "
    "anti-drug operations, for {first}–{last}: our table has country values only for 2017–2018. What "
    "we can do is compare statements. A {a_when} ({a_source}) gives about {a_tonnes:g} t "
    "over five years and about {a_share:g} %, i.e. the same figure from the same speaker, "
    "not an independent check. An {b_when} ({b_source}) gives about {b_tonnes:g} t for 2011 "
    "to mid-2017, about {b_rate:.0f} t a year against {part_rate:.1f} t a year for {part:g} t "
    "over five years: the two are hard to reconcile unless they count different things "
    "(all seizures by national agencies vs special anti-drug operations within SCO "
    "territories). To check the claim one would need each member's yearly heroin seizures "
    "(UNODC annual report questionnaires) and a list of the special operations with their "
    "seizures."
)

PRECURSORS_TEMPLATE = (
    "Our data hold no precursor seizures at all, and \"precursors\" covers chemicals of very "
    "different kinds (e.g. acetic anhydride for heroin, ephedrine for methamphetamine), "
    "whose tonnes do not add up meaningfully. The {a_when} ({a_source}) mentions more than "
    "75 t of precursors as well, again from the same speaker. Checking would need member "
    "states' precursor seizures by chemical and year (reported to the International "
    "Narcotics Control Board on its Form D) for the same five years. The article credits "
    "this figure to collaboration among the members' law-enforcement bodies, not to the "
    "special operations of the heroin figure."
)


def evidence_heroin_share() -> dict:
    """Evidence for '69 t of heroin ≈ 14 % of drugs confiscated worldwide'.

    As worded the denominator is *all* drugs: the data give no value for that share, only
    the opiates' share, which all drugs can only lower: a mean over the known years, and
    a larger value were every year as low as the lowest known one, and a true upper bound
    (the reading's high end): the five years' seizures weigh at least the opiates of the
    known years alone. Heroin alone is an interval because years are missing: from every
    missing year as high as the highest known one to as low as the lowest.

    >>> r = evidence_heroin_share()["readings"].set_index("reading_id")
    >>> bool(r.loc["all_drugs", "low"] == 0), bool(r.loc["heroin_only", "low"] <= r.loc["heroin_only", "high"])
    (True, True)
    """
    part = article_value("heroin_tonnes")
    claimed = article_value("heroin_share")
    readings = D.heroin_share_readings()
    readings.insert(0, "reading_id", list(SHARE_IDS[:len(readings)]))
    readings["reading"] = readings["reading"].str.replace(" (primary)", "", regex=False)
    v = readings.set_index("reading_id")["value"]
    readings["low"], readings["high"] = readings["value"], readings["value"]
    lo_share = float(min(v["heroin_lowest_year"], v["heroin_highest_year"]))
    hi_share = float(max(v["heroin_lowest_year"], v["heroin_highest_year"]))
    readings.loc[readings.reading_id == "heroin_only", ["low", "high"]] = [lo_share, hi_share]
    known_op = S.world_opiates_bulk().dropna().tonnes
    op_low_year = D.share_pct(part, len(S.window()) * float(known_op.min()))
    # a true bound: the five years' seizures of all drugs weigh at least the opiates of the known years
    op_bound = D.share_pct(part, float(known_op.sum()))
    readings.loc[readings.reading_id == "all_drugs", ["low", "high"]] = [0.0, op_bound]
    h = D.scenario("heroin only")
    k = h["known"]
    imp = D.implied_world(part, claimed, len(k))
    opk = S.world_opiates_bulk().query("known")
    later = S.STATEMENTS[1]
    allh = S.seizures(S.WORLD, "heroin")
    top = allh.loc[allh.tonnes.idxmax()]
    explanation = SHARE_TEMPLATE.format(
        part=part, opiates=v["opiates_bulk"], opiate_years=", ".join(map(str, opk.year)),
        op_low_year=op_low_year, op_bound=op_bound, known_op_sum=known_op.sum(),
        opium_min=opk.opium.min(),
        target_per_year=imp["per_year"], claimed=claimed, later_source=later["source"],
        cannabis_times=later["cannabis_tonnes"] / later["tonnes"], n_known=int(k.known.sum()),
        n_years=len(k), first=k.year.min(), last=k.year.max(),
        missing=", ".join(str(y) for y in k.loc[~k.known, "year"]), mean_share=h["share"],
        low=lo_share, high=hi_share, n_missing=h["n_missing"],
        need=D.assumed_for_share(claimed), top_tonnes=top.tonnes, top_year=top.year)
    return {
        "value": None,
        "unit": "%",
        "readings": readings,
        "explanation": explanation,
        "sources": ["unodc_seizures", "claims"],
    }


def not_checkable_readings(what: str) -> pd.DataFrame:
    """The readings of a seizure claim that no open data can fill (all NaN).

    >>> not_checkable_readings("heroin seizures")["value"].isna().all()
    np.True_
    """
    yrs = S.window()
    span = f"{yrs[0]}–{yrs[-1]}"
    before = sco.members(f"{yrs[-1]}-12-31")
    after = sco.members(ARTICLE_DATE)
    added = [c for c in after if c not in before]
    nm = sco.names(after)
    return pd.DataFrame(
        [
            (f"{what}, the {len(before)} members of {span}",
             f"sum over {', '.join(nm[c] for c in before)}, {span}: "
             "no country values for these years in our data", math.nan),
            (f"{what}, the {len(after)} members of October {ARTICLE_YEAR}",
             f"the same plus {' and '.join(nm[c] for c in added)} (members only from "
             f"{ARTICLE_YEAR}): no data", math.nan),
            (f"{what}, special anti-drug operations within SCO territories only",
             "the article's wording; no open register of these operations exists", math.nan),
        ],
        columns=["reading", "definition", "value"],
    )


def evidence_heroin_tonnes() -> dict:
    """Evidence for '69 t of heroin seized in five years' (not checkable with open data).

    >>> evidence_heroin_tonnes()["value"] is None
    True
    """
    part = article_value("heroin_tonnes")
    a, b = S.STATEMENTS
    yrs = S.window()
    explanation = TONNES_TEMPLATE.format(
        first=yrs[0], last=yrs[-1], a_when=a["when"], a_source=a["source"],
        a_tonnes=a["tonnes"], a_share=a["share_pct"], b_when=b["when"], b_source=b["source"],
        b_tonnes=b["tonnes"], b_rate=b["tonnes"] / b["years"], part_rate=D.per_year(part),
        part=part)
    return {
        "value": None,
        "unit": "tonnes",
        "readings": not_checkable_readings("member-state heroin seizures"),
        "explanation": explanation,
        "sources": ["unodc_seizures", "source_keys", "claims"],
    }


def evidence_precursors_tonnes() -> dict:
    """Evidence for '75 t of precursors seized' (not checkable with open data).

    >>> evidence_precursors_tonnes()["unit"]
    'tonnes'
    """
    a = S.STATEMENTS[0]
    return {
        "value": None,
        "unit": "tonnes",
        "readings": not_checkable_readings("precursor seizures"),
        "explanation": PRECURSORS_TEMPLATE.format(a_when=a["when"], a_source=a["source"]),
        "sources": ["source_keys", "claims"],
    }
