"""Claim id -> the callable that computes its evidence, and the public evaluate().

(The module is called ``evaluation``, not ``evaluate``, so that ``claims.evaluate`` is
always the function: a submodule of that name would replace it on the package.)

Each evaluator lives in ``course_lib.claims.<topic>`` and returns a dict (see
:mod:`course_lib.claims.judge`); the verdict is added by the one rule in
:mod:`course_lib.claims.core`. A claim without an evaluator is an error, never skipped.

>>> sorted(registry())[:2]
['accession_2017', 'heritage_share']
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from ..cache import data_cached
from ..errors import CourseError
from .core import Evidence, Interval, claim_row, claims
from .display import fmt, fmt_interval  # noqa: F401 (fmt: doctest)
from .judge import build_evidence


def registry() -> dict[str, Callable[[], dict[str, Any]]]:
    """Every claim id with its evaluator (imported here, not at package import)."""
    from . import drugs, heritage, membership, nuclear, population, violence

    return {
        "accession_2017": membership.evidence_accession_2017,
        "population_share": population.evidence_population_share,
        "largest_organization": population.evidence_largest_organization,
        "nuclear_powers": nuclear.evidence_nuclear_powers,
        "nuclear_half": nuclear.evidence_nuclear_half,
        "rats_2011_2015": violence.evidence_rats_2011_2015,
        "heroin_tonnes": drugs.evidence_heroin_tonnes,
        "heroin_share": drugs.evidence_heroin_share,
        "precursors_tonnes": drugs.evidence_precursors_tonnes,
        "heritage_share": heritage.evidence_heritage_share,
    }


@data_cached
def _computed(claim_id: str) -> dict[str, Any]:
    """The evaluator's result, once per state of the data; each caller gets a copy."""
    func = registry().get(claim_id)
    if func is None:
        raise CourseError(f"The claim {claim_id!r} has no evaluator in course_lib.claims.evaluation.")
    return func()


def evaluate(claim_id: str) -> Evidence:
    """The evidence for one claim, computed from the data now, with the rule's verdict.

    >>> ev = evaluate("accession_2017")
    >>> ev.verdict, fmt(ev.value, ev.unit)
    ('supported', '9 June 2017')
    """
    claim_row(claim_id)  # a clear error for an unknown id
    return _evidence(claim_id)


@data_cached
def _evidence(claim_id: str) -> Evidence:
    """The evidence with the rule's verdict, once per state of the data; each caller
    gets a copy (its readings and sources too)."""
    return build_evidence(claim_id, _computed(claim_id))


def evaluate_all() -> pd.DataFrame:
    """One row per claim: the claim as worded, its interval, the primary reading, the
    verdict, the margin (see :class:`Evidence`) and the latest-year value (context).

    >>> t = evaluate_all()
    >>> set(t.verdict) <= {"supported", "partly supported", "not supported", "not checkable"}
    True
    """
    rows = []
    for _, row in claims().iterrows():
        ev = evaluate(row["claim_id"])
        now = ev.now or {}
        rows.append({
            "claim_id": ev.claim_id, "section": row["section"], "as_worded": ev.as_worded,
            "wording": ev.wording, "unit": ev.unit, "article_value": ev.article_value,
            "claim_low": ev.claim.low if ev.claim else None,
            "claim_high": ev.claim.high if ev.claim else None,
            "claim_interval": fmt_interval(ev.claim, ev.unit),
            "value": ev.value,
            "low": ev.evidence.low if ev.evidence else None,
            "high": ev.evidence.high if ev.evidence else None,
            "evidence": fmt_interval(ev.evidence, ev.unit),
            "margin": ev.margin, "verdict": ev.verdict,
            "now_value": now.get("value"), "now_label": now.get("label", ""),
        })
    return pd.DataFrame(rows)


def verdict_by_reading(claim_id: str) -> pd.DataFrame:
    """Every reading of a claim with its role and the verdict it alone would give
    (empty for context readings, which never count).

    >>> t = verdict_by_reading("nuclear_powers")
    >>> t.loc[t.role == "primary", "verdict_alone"].iloc[0]
    'supported'
    """
    ev = evaluate(claim_id)
    out = ev.readings.copy()
    out.insert(4, "shown", [fmt_interval(None if pd.isna(lo) else Interval(lo, hi), ev.unit)
                            for lo, hi in zip(out["low"], out["high"])])
    return out
