"""The article's numeric claims, and the evidence for each computed from data.

:func:`claims` lists the claims (``data/claims.csv``: the wording is data);
:func:`evaluate` computes one claim's evidence now and judges it by the one rule
written in :mod:`course_lib.claims.core`; :func:`evaluate_all` does every claim;
:func:`verdict_by_reading` shows how each eligible reading alone would be judged.

The names are loaded on first use, so that ``import course_lib.claims.core`` (which
the analysis modules below the evaluators need) loads nothing above it.

>>> from course_lib.claims import evaluate
>>> evaluate("nuclear_powers").verdict
'supported'
"""

from __future__ import annotations

from typing import Any

_CORE = ("VERDICTS", "WORDINGS", "Evidence", "Interval", "article_value", "claim_interval",
         "claim_row", "claims", "interval_of", "nearest_reading", "readings_table", "verdict")
_DISPLAY = ("as_worded", "fmt", "fmt_distance", "fmt_interval")
_EVALUATION = ("evaluate", "evaluate_all", "registry", "verdict_by_reading")

__all__ = sorted(_CORE + _DISPLAY + _EVALUATION)


def __getattr__(name: str) -> Any:
    if name in _CORE:
        from . import core as module
    elif name in _DISPLAY:
        from . import display as module
    elif name in _EVALUATION:
        from . import evaluation as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(module, name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
