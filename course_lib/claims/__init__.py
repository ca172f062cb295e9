"""The article's numeric claims, and the evidence for each computed from data.

:func:`claims` lists the claims (``data/claims.csv``: the wording is data);
:func:`evaluate` computes one claim's evidence now and judges it by the one rule
written in :mod:`course_lib.claims.core`; :func:`evaluate_all` does every claim;
:func:`verdict_by_reading` shows how each eligible reading alone would be judged.

>>> evaluate("nuclear_powers").verdict
'supported'
"""

from .core import (VERDICTS, WORDINGS, Evidence, Interval, article_value, claim_interval,
                   claim_row, claims, interval_of, nearest_reading, readings_table, verdict)
from .display import as_worded, fmt, fmt_distance, fmt_interval
from .evaluate import _computed_cached, evaluate, evaluate_all, registry, verdict_by_reading

_computed_cached = _computed_cached  # the evaluation cache (tests inspect it)

__all__ = ["VERDICTS", "WORDINGS", "Evidence", "Interval", "article_value", "as_worded",
           "claim_interval", "claim_row", "claims", "evaluate", "evaluate_all", "fmt",
           "fmt_distance", "fmt_interval", "interval_of", "nearest_reading", "readings_table", "registry",
           "verdict", "verdict_by_reading"]
