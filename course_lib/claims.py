"""The article's numeric claims and the evidence for each, computed from data.

:func:`claims` lists the claims (from ``data/claims.csv``); :func:`evaluate` computes
the evidence for one claim at call time and gives it a verdict.

Verdict rules (the same for every claim; see :func:`verdict`)
-------------------------------------------------------------
Let *A* be the article's value, *V* the primary reading computed from data, and the
readings every reasonable definition listed in ``Evidence.readings``.

* **not checkable**: no open data can compute the claim (``V`` is None).
* **supported**: *V* is within ``SUPPORTED_REL`` (5 %) of *A*, relative to *A*; or,
  where ``data/claims.csv`` gives the claim an absolute ``tolerance`` (the precision of
  a date, say), within that tolerance.
* **partly supported**: *V* is not, but at least one other reasonable reading is
  within 5 % of *A*: the claim holds only under a definition the article did not state.
* **not supported**: no reasonable reading comes within 5 % of *A*.

For a claim worded as a bound ("almost 44 per cent", "more than 2,700") the same
rule applies to the number; the explanation discusses the wording.

>>> verdict(44.0, 43.1, [])
'supported'
>>> verdict(50.0, 44.4, [50.0])
'partly supported'
>>> verdict(20.0, 8.0, [9.0, 12.0])
'not supported'
>>> verdict(None, None, [])
'not checkable'
"""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import pandas as pd

from .errors import CourseError

VERDICTS = ("supported", "partly supported", "not supported", "not checkable")
SUPPORTED_REL = 0.05

# claim_id -> "module:function" in course_lib.analysis; each function returns a dict
# with keys value, unit, readings (DataFrame: reading, definition, value), explanation
# (Markdown) and sources (dataset names). The verdict is added here, by one rule.
EVALUATORS: dict[str, str] = {
    "accession_2017": "membership:evidence_accession_2017",
    "population_share": "population:evidence_population_share",
    "largest_organization": "population:evidence_largest_organization",
    "nuclear_powers": "nuclear:evidence_nuclear_powers",
    "nuclear_half": "nuclear:evidence_nuclear_half",
    "rats_2011_2015": "violence:evidence_rats_2011_2015",
    "heroin_tonnes": "drugs:evidence_heroin_tonnes",
    "heroin_share": "drugs:evidence_heroin_share",
    "precursors_tonnes": "drugs:evidence_precursors_tonnes",
    "heritage_share": "heritage:evidence_heritage_share",
}


def within(article: float, value: float, rel: float = SUPPORTED_REL,
           tolerance: float | None = None) -> bool:
    """True when ``value`` is within ``rel`` (relative) of ``article``, or within the
    absolute ``tolerance`` when one is given.

    >>> within(44, 41.9), within(44, 41.7)
    (True, False)
    >>> within(2017.44, 2017.45, tolerance=0.02), within(2017.44, 2016.9, tolerance=0.02)
    (True, False)
    """
    if article is None or value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    if tolerance is not None and not math.isnan(tolerance):
        return abs(value - article) <= tolerance + 1e-12
    if article == 0:
        return value == 0
    return abs(value - article) <= rel * abs(article) + 1e-12


def verdict(article: float | None, value: float | None, readings: Iterable[float],
            tolerance: float | None = None) -> str:
    """The verdict for a claim, by the rule in this module's docstring."""
    if value is None or article is None:
        return "not checkable"
    if within(article, value, tolerance=tolerance):
        return "supported"
    if any(within(article, r, tolerance=tolerance) for r in readings if r is not None):
        return "partly supported"
    return "not supported"


@dataclass
class Evidence:
    """What the data say about one claim."""

    claim_id: str
    article_value: float | None
    value: float | None
    unit: str
    verdict: str
    readings: pd.DataFrame
    explanation: str
    sources: list[str] = field(default_factory=list)
    paraphrase: str = ""

    def closest_reading(self) -> pd.Series | None:
        """The reading whose value is nearest the article's (None if not numeric)."""
        r = self.readings.dropna(subset=["value"]) if len(self.readings) else self.readings
        if self.article_value is None or r.empty:
            return None
        return r.loc[(r["value"] - self.article_value).abs().idxmin()]

    def _repr_markdown_(self) -> str:
        val = "—" if self.value is None else f"{_number(self.value, self.unit)} {self.unit}"
        art = ("—" if self.article_value is None
               else f"{_number(self.article_value, self.unit)} {self.unit}")
        head = (
            f"**{self.claim_id}**: {self.paraphrase}\n\n"
            f"Article: {art} · primary reading from data: {val} · verdict: **{self.verdict}**"
        )
        table = ""
        if len(self.readings):
            table = "\n\n" + _markdown_table(self.readings, self.unit)
        src = ", ".join(f"`data/{s}.csv`" for s in self.sources)
        return f"{head}{table}\n\n{self.explanation}\n\nSources: {src}"


def _number(v: float, unit: str = "") -> str:
    """A number for a table: no scientific notation for ordinary magnitudes; years
    without a thousands separator.

    >>> _number(90000.0), _number(41.90165), _number(float("nan"))
    ('90,000', '41.9', '—')
    >>> _number(2017.4356, "year"), _number(2017.0, "year")
    ('2017.44', '2017')
    """
    if v is None or math.isnan(v):
        return "—"
    if unit == "year":
        return f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"
    if abs(v) >= 1000:
        return f"{v:,.0f}" if abs(v) >= 1e4 or float(v).is_integer() else f"{v:,.2f}"
    return f"{v:.4g}"


def _markdown_table(df: pd.DataFrame, unit: str = "") -> str:
    cols = list(df.columns)
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in df.iterrows():
        cells = []
        for c in cols:
            v = row[c]
            if isinstance(v, float):
                cells.append(_number(v, unit))
            else:
                cells.append(str(v))
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def claims() -> pd.DataFrame:
    """Every numeric claim of the article: claim_id, section, paraphrase, value, unit,
    period, quote.

    >>> "population_share" in set(claims().claim_id)
    True
    """
    from .data import load

    return load("claims")


def _claim_row(claim_id: str) -> pd.Series:
    table = claims()
    match = table[table.claim_id == claim_id]
    if match.empty:
        import difflib

        close = difflib.get_close_matches(str(claim_id), table.claim_id.tolist(), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise CourseError(
            f"No claim called {claim_id!r}.{hint} The claims are: "
            f"{', '.join(table.claim_id)}."
        )
    return match.iloc[0]


def _tolerance(row: pd.Series) -> float | None:
    tol = row.get("tolerance")
    return None if tol is None or pd.isna(tol) else float(tol)


@lru_cache(maxsize=64)
def _computed_cached(target: str, data_state: tuple) -> dict[str, Any]:
    mod_name, func_name = target.split(":")
    func = getattr(importlib.import_module(f"{__package__}.analysis.{mod_name}"), func_name)
    return func()


def _computed(target: str, data_state: tuple) -> dict[str, Any]:
    """The evaluator's result, computed once per state of ``data/`` (see
    :func:`course_lib.data.state`); each caller gets its own copy of the readings."""
    result = dict(_computed_cached(target, data_state))
    if isinstance(result.get("readings"), pd.DataFrame):
        result["readings"] = result["readings"].copy()
    if "sources" in result:
        result["sources"] = list(result["sources"])
    return result


def evaluate(claim_id: str) -> Evidence:
    """Compute the evidence for one claim from ``data/``, and give a verdict.

    The computation runs once for each state of the data files (any change to a file
    runs it again, and :func:`course_lib.data.load` validates the file again).

    >>> ev = evaluate("accession_2017")
    >>> ev.verdict, round(ev.value, 2)
    ('supported', 2017.44)
    """
    if not isinstance(claim_id, str):
        raise CourseError(f"A claim id is text such as 'population_share', not {claim_id!r}.")
    row = _claim_row(claim_id)
    target = EVALUATORS.get(claim_id)
    if target is None:
        raise CourseError(f"The claim {claim_id!r} has no evaluator yet.")
    from .data import state

    result = _computed(target, state())
    article = None if pd.isna(row["value"]) else float(row["value"])
    readings = result.get("readings")
    if readings is None:
        readings = pd.DataFrame(columns=["reading", "definition", "value"])
    values = [float(v) for v in readings["value"].dropna()] if len(readings) else []
    value = result.get("value")
    value = None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
    return Evidence(
        claim_id=claim_id,
        article_value=article,
        value=value,
        unit=result.get("unit", str(row["unit"])),
        verdict=verdict(article, value, values, tolerance=_tolerance(row)),
        readings=readings.reset_index(drop=True),
        explanation=result.get("explanation", ""),
        sources=list(result.get("sources", [])),
        paraphrase=str(row["paraphrase"]),
    )


def evaluate_all() -> pd.DataFrame:
    """One row per claim: id, section, article value, evidence, range, verdict."""
    rows = []
    for _, row in claims().iterrows():
        cid = row["claim_id"]
        if cid not in EVALUATORS:
            continue
        try:
            importlib.import_module(f"{__package__}.analysis.{EVALUATORS[cid].split(':')[0]}")
        except ModuleNotFoundError:
            continue
        ev = evaluate(cid)
        checkable = ev.value is not None and len(ev.readings)
        vals = ev.readings["value"].dropna() if checkable else pd.Series(dtype=float)
        rows.append(
            {
                "claim_id": cid,
                "section": row["section"],
                "article_value": ev.article_value,
                "unit": ev.unit,
                "value": ev.value,
                "low": float(vals.min()) if len(vals) else None,
                "high": float(vals.max()) if len(vals) else None,
                "verdict": ev.verdict,
            }
        )
    return pd.DataFrame(rows)


def verdict_by_reading(claim_id: str) -> pd.DataFrame:
    """Each reading of a claim as if it were the primary one: its value, the value as
    % of the article's, and the verdict it alone would give ("supported" or "not
    supported"; "not checkable" when it has no value).

    >>> verdict_by_reading("accession_2017").verdict_if_primary.iloc[0]
    'supported'
    """
    ev = evaluate(claim_id)
    tol = _tolerance(_claim_row(claim_id))
    rows = []
    for _, r in ev.readings.iterrows():
        value = r["value"]
        has = value is not None and not (isinstance(value, float) and math.isnan(value))
        pct = (100.0 * float(value) / ev.article_value
               if has and ev.article_value not in (None, 0) else math.nan)
        rows.append({
            "reading": r["reading"],
            "definition": r.get("definition", ""),
            "value": float(value) if has else math.nan,
            "pct_of_article": pct,
            "verdict_if_primary": verdict(ev.article_value, float(value) if has else None, [],
                                          tolerance=tol),
        })
    return pd.DataFrame(rows, columns=["reading", "definition", "value", "pct_of_article",
                                       "verdict_if_primary"])

