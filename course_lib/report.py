"""The fact-check report: every claim, its evidence, the verdict, and the learner's own
verdicts, written as Markdown and as one self-contained HTML file (figure embedded).
The tables and the files are made here; the words in :mod:`course_lib.report_text`,
the figure in :mod:`course_lib.report_figure`.

The report goes into the learner's working folder by default (named with their name
or id when one is set), and never into ``data/``, ``notebooks/`` or the installed
package.

>>> table = fact_check_table(progress=False)
>>> {"claim_id", "as_worded", "claim_interval", "margin", "verdict"} <= set(table.columns)
True
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from .errors import CourseError
from .paths import BUILD_DIR, REPO_ROOT
from .report_figure import claims_figure, claims_png  # noqa: F401 (part of the report's API)
from .report_text import README_TEXT, RULE_TEXT, to_html, to_markdown  # noqa: F401 (the API)

LEARNER_VERDICTS = ("supported", "partly supported", "not supported", "not checkable",
                    "undecided")
_FORBIDDEN = ("data", "notebooks")


def fact_check_table(progress: bool = True) -> pd.DataFrame:
    """One row per claim with its evidence (computed now from the data).

    Columns: claim_id, section, paraphrase, quote, as_worded, wording, unit,
    article_value, claim_interval, value, evidence, margin, margin_text, verdict,
    now_value, now_label, explanation, sources.
    """
    from .claims import claims, evaluate, fmt_interval

    table = claims()
    rows = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(table), desc="Evaluating claims", unit="claim", leave=False)
    for row in table.itertuples(index=False):
        ev = evaluate(row.claim_id)
        now = ev.now or {}
        rows.append({
            "claim_id": row.claim_id, "section": row.section, "paraphrase": row.paraphrase,
            "quote": row.quote, "as_worded": ev.as_worded, "wording": ev.wording,
            "unit": ev.unit, "article_value": ev.article_value,
            "claim_interval": fmt_interval(ev.claim, ev.unit),
            "value": math.nan if ev.value is None else ev.value,
            "evidence": fmt_interval(ev.evidence, ev.unit),
            "margin": math.nan if ev.margin is None else ev.margin,
            "margin_text": ev.margin_text, "verdict": ev.verdict,
            "now_value": now.get("value", math.nan),
            "now_label": now.get("label", "") + (f" ({now['why']})" if now.get("why") else ""),
            "explanation": ev.explanation, "sources": ", ".join(ev.sources),
        })
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return pd.DataFrame(rows)


def vintage(sources: list[str]) -> str:
    """The source versions behind some resources: repository@commit (or the years).

    >>> vintage(["wb_indicators"])
    'datasets/world-development-indicators@4ebec5a2273f'
    """
    from .data import package

    found: list[str] = []
    for r in package()["resources"]:
        if r["name"] not in sources:
            continue
        for s in r.get("sources", []):
            tag = (f"{s['repository']}@{s['commit'][:12]}" if s.get("repository") and s.get("commit")
                   else str(s.get("title", "")))
            if tag and tag not in found:
                found.append(tag)
    return "; ".join(found)


def readings_long(progress: bool = False) -> pd.DataFrame:
    """One row per claim and eligible reading (context readings left out), ready to
    compare with a spreadsheet or a script: claim_id, as_worded, claim_interval,
    reading_id, reading, role, value, low, high, unit, shown, distance, verdict_alone,
    verdict (the claim's), margin, data_package, vintage.

    >>> t = readings_long()
    >>> set(t.role) <= {"primary", "eligible"}
    True
    """
    from .claims import Interval, claims, evaluate, fmt_interval
    from .data import identity

    pkg_name = identity().short  # name, version (sources' date) and content hash
    rows = []
    for cid in claims().claim_id:
        ev = evaluate(cid)
        el = ev.eligible()
        if el.empty:
            el = pd.DataFrame([{"reading_id": "", "reading": "(no open data)", "role": "primary",
                                "value": math.nan, "low": math.nan, "high": math.nan,
                                "distance": math.nan, "verdict_alone": "not checkable"}])
        for _, r in el.iterrows():
            rows.append({
                "claim_id": cid, "as_worded": ev.as_worded,
                "claim_interval": fmt_interval(ev.claim, ev.unit),
                "reading_id": r["reading_id"], "reading": r["reading"], "role": r["role"],
                "value": r["value"], "low": r["low"], "high": r["high"], "unit": ev.unit,
                "shown": fmt_interval(None if pd.isna(r["low"]) else Interval(r["low"], r["high"]),
                                      ev.unit),
                "distance": r["distance"], "verdict_alone": r["verdict_alone"],
                "verdict": ev.verdict, "margin": math.nan if ev.margin is None else ev.margin,
                "data_package": pkg_name, "vintage": vintage(ev.sources),
            })
    return pd.DataFrame(rows)


def _check_out_dir(out_dir: Path) -> Path:
    out = Path(out_dir).resolve()
    for name in _FORBIDDEN:
        protected = (REPO_ROOT / name).resolve()
        if out == protected or protected in out.parents:
            raise CourseError(
                f"The report cannot be written into {name}/ (the course's own files). "
                "Choose another folder, e.g. build/report."
            )
    return out


def _normalise_learner(learner: Mapping[str, Any] | None, ids: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if learner is None:
        return out
    if not isinstance(learner, Mapping):
        raise CourseError("Your verdicts should be a dict: {claim_id: {'verdict': ..., "
                          "'reasoning': ...}}.")
    for cid, entry in learner.items():
        if cid not in ids:
            raise CourseError(f"{cid!r} is not a claim id. The ids are: {', '.join(ids)}.")
        if isinstance(entry, str):
            entry = {"verdict": entry, "reasoning": ""}
        if not isinstance(entry, Mapping):
            raise CourseError(f"The entry for {cid!r} should be a dict with 'verdict' and "
                              "'reasoning'.")
        verdict = entry.get("verdict")
        if verdict in (None, ..., ""):
            verdict = "undecided"
        if verdict not in LEARNER_VERDICTS:
            raise CourseError(f"Verdict {verdict!r} for {cid!r} is not one of "
                              f"{', '.join(LEARNER_VERDICTS)}.")
        reasoning = entry.get("reasoning") or ""
        if reasoning is ...:
            reasoning = ""
        out[cid] = {"verdict": verdict, "reasoning": str(reasoning)}
    return out


LEARNER_ENV_VARS = ("SCO_COURSE_LEARNER", "JUPYTERHUB_USER")


def default_report_dir(cwd: str | Path | None = None) -> Path:
    """Where the report goes when no folder is given: the learner's working folder.

    ``fact_check_report_<learner>`` in the current folder (the notebook's own folder
    in Jupyter), with the learner's name or id from ``SCO_COURSE_LEARNER`` or, on a
    JupyterHub, ``JUPYTERHUB_USER``; ``fact_check_report`` when neither is set. From
    the course checkout's root or its own folders (data/, notebooks/) it is
    build/report instead, so running the instructor notebooks never writes beside them.

    >>> default_report_dir(REPO_ROOT / "notebooks") == BUILD_DIR / "report"
    True
    """
    import os
    import re

    here = Path(cwd or Path.cwd()).resolve()
    if here == REPO_ROOT.resolve():
        return BUILD_DIR / "report"
    for name in _FORBIDDEN:
        protected = (REPO_ROOT / name).resolve()
        if here == protected or protected in here.parents:
            return BUILD_DIR / "report"
    learner = next((os.environ[v] for v in LEARNER_ENV_VARS if os.environ.get(v)), "")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", learner.strip()).strip("._")
    return here / (f"fact_check_report_{safe}" if safe else "fact_check_report")


def write_report(out_dir: str | Path | None = None,
                 learner: Mapping[str, Any] | None = None,
                 progress: bool = True) -> dict[str, Path]:
    """Write ``report.md``, ``claims.png``, a self-contained ``report.html``, the claims
    table as ``claims.csv`` and ``claims.json`` (see :func:`readings_long`) and a
    ``README.md`` describing them.

    Parameters
    ----------
    out_dir : path, optional
        Target folder (default :func:`default_report_dir`: the learner's working
        folder, named with their name or id); never inside data/ or notebooks/.
    learner : dict, optional
        Your verdicts: ``{claim_id: {"verdict": ..., "reasoning": ...}}``.
    progress : bool
        Show a progress bar while the claims are evaluated.
    """
    out = _check_out_dir(Path(out_dir) if out_dir else default_report_dir())
    table = fact_check_table(progress=progress)
    mine = _normalise_learner(learner, table.claim_id.tolist())
    long = readings_long()
    png = claims_png(table)
    out.mkdir(parents=True, exist_ok=True)
    md = to_markdown(table, mine, "claims.png", long)
    paths = {"markdown": out / "report.md", "html": out / "report.html",
             "figure": out / "claims.png", "csv": out / "claims.csv",
             "json": out / "claims.json", "readme": out / "README.md"}
    paths["figure"].write_bytes(png)
    paths["markdown"].write_text(md, encoding="utf-8")
    paths["html"].write_text(to_html(md, png), encoding="utf-8")
    long.to_csv(paths["csv"], index=False, encoding="utf-8", lineterminator="\n")
    paths["json"].write_text(long.to_json(orient="records", indent=1, force_ascii=False),
                             encoding="utf-8")
    paths["readme"].write_text(README_TEXT, encoding="utf-8")
    return paths
