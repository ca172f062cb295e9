"""The fact-check report: every claim, its evidence, the verdict, and the learner's own
verdicts, written as Markdown and as one self-contained HTML file (figure embedded).

The report goes into the learner's working folder by default (named with their name
or id when one is set), and never into ``data/``, ``notebooks/`` or the installed
package.

>>> table = fact_check_table(progress=False)
>>> {"claim_id", "article_value", "value", "verdict"} <= set(table.columns)
True
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import math
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from .errors import CourseError
from .paths import BUILD_DIR, REPO_ROOT

LEARNER_VERDICTS = ("supported", "partly supported", "not supported", "not checkable",
                    "undecided")
_FORBIDDEN = ("data", "notebooks")


def fact_check_table(progress: bool = True) -> pd.DataFrame:
    """One row per claim with its evidence (computed now from data/).

    Columns: claim_id, section, paraphrase, quote, article_value, unit, value, low,
    high, closest, verdict, explanation, sources.
    """
    from .claims import claims, evaluate

    table = claims()
    rows = []
    iterator = table.itertuples(index=False)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(table), desc="Evaluating claims", unit="claim", leave=False)
    for row in iterator:
        ev = evaluate(row.claim_id)
        # a claim that open data cannot check has no evidence range (its readings, if
        # any, describe the article's own table, not evidence)
        checkable = ev.value is not None and len(ev.readings)
        vals = ev.readings["value"].dropna() if checkable else pd.Series(dtype=float)
        closest = ev.closest_reading() if checkable else None
        rows.append(
            {
                "claim_id": row.claim_id,
                "section": row.section,
                "paraphrase": row.paraphrase,
                "quote": row.quote,
                "article_value": ev.article_value,
                "unit": ev.unit,
                "value": ev.value,
                "low": float(vals.min()) if len(vals) else math.nan,
                "high": float(vals.max()) if len(vals) else math.nan,
                "closest": "" if closest is None else str(closest["reading"]),
                "verdict": ev.verdict,
                "explanation": ev.explanation,
                "sources": ", ".join(ev.sources),
            }
        )
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return pd.DataFrame(rows)


def claims_figure(table: pd.DataFrame, readings: Mapping[str, pd.DataFrame] | None = None):
    """One small panel per checkable claim, each on its own scale and unit: the
    article's value (black line) with the band of the verdict rule (grey), every
    reasonable reading (grey dots) and the primary reading (blue dot). Claims that
    open data cannot check are listed under the panels. Returns a Figure (no pyplot).

    ``readings`` maps claim ids to their readings tables (default: evaluated now).
    """
    from .claims import SUPPORTED_REL, _claim_row, _tolerance, evaluate
    from .plotting import GREY, PALETTE
    from .widgets import new_figure

    t = table.reset_index(drop=True)
    ok = t[t.value.notna() & t.article_value.notna()]
    not_ok = t[~t.index.isin(ok.index)]
    n = max(len(ok), 1)
    fig, axes = new_figure(n, 1, width=8, height=0.95 * n + 1.2, dpi=100, squeeze=False)
    for ax, (_, r) in zip(axes[:, 0], ok.iterrows()):
        vals = (readings or {}).get(r.claim_id)
        if vals is None:
            vals = evaluate(r.claim_id).readings
        v = pd.to_numeric(vals["value"], errors="coerce").dropna()
        a = float(r.article_value)
        tol = _tolerance(_claim_row(r.claim_id))
        half = tol if tol is not None else SUPPORTED_REL * abs(a)
        ax.axvspan(a - half, a + half, color="#DDDDDD", zorder=0)
        ax.axvline(a, color="#111111", linewidth=1.2, zorder=1)
        ax.plot(v, [0] * len(v), "o", color=GREY, markersize=6, zorder=2)
        ax.plot([r.value], [0], "o", color=PALETTE[0], markersize=9, zorder=3)
        ax.set_yticks([0], [r.claim_id])
        ax.set_ylim(-1, 1)
        lo = min([a - half, float(r.value)] + v.tolist())
        hi = max([a + half, float(r.value)] + v.tolist())
        pad = 0.08 * (hi - lo or abs(a) or 1)
        ax.set_xlim(lo - pad, hi + pad)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=8)
        ax.ticklabel_format(axis="x", useOffset=False, style="plain")
        ax.set_xlabel(f"{r.unit}  ·  verdict: {r.verdict}", fontsize=8, labelpad=1)
    fig.suptitle("Each claim against its evidence", x=0.01, ha="left", fontweight="bold",
                 fontsize=12)
    axes[0, 0].set_title("black: the article · grey band: the rule's margin · "
                         "blue: primary reading · grey dots: other readings",
                         loc="left", fontweight="normal", fontsize=8)
    foot = "Source: the course's data/ (see each claim's sources); calculations by course_lib.claims."
    if len(not_ok):
        foot = ("Not checkable with open data: " + ", ".join(not_ok.claim_id) + ".\n" + foot)
    fig.text(0.01, 0.0, foot, fontsize=7.5, color="#444444", va="bottom")
    fig.get_layout_engine().set(h_pad=0.08, rect=(0, 0.06, 1, 0.94))
    return fig


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


def _fmt(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if isinstance(v, float):
        return f"{v:,.4g}"
    return str(v)


def _data_versions() -> list[tuple[str, str]]:
    from .data import package

    return [(f"data/{r['path']}", str(r.get("hash", "")).split(":")[-1][:12])
            for r in package()["resources"]]


def to_markdown(table: pd.DataFrame, learner: dict[str, dict], figure_file: str) -> str:
    """The report as Markdown (the figure referenced as a file beside it)."""
    from . import __version__

    lines = [
        "# Fact-check report: the SCO article in data",
        "",
        'Article: Rashid Alimov, "The Role of the Shanghai Cooperation Organization in '
        'Counteracting Threats to Peace and Security", *UN Chronicle* LIV(3), October 2017.',
        "",
        "Verdict rule (the same for every claim): **supported** when the primary reading is "
        "within 5 % of the article's value; **partly supported** when only another reasonable "
        "reading is; **not supported** when none is; **not checkable** when open data cannot "
        "compute it.",
        "",
        "| claim | article | evidence (primary) | range over readings | verdict | your verdict |",
        "|---|---|---|---|---|---|",
    ]
    for r in table.itertuples(index=False):
        mine = learner.get(r.claim_id, {}).get("verdict", "—")
        rng = f"{_fmt(r.low)} – {_fmt(r.high)}" if not pd.isna(r.low) else "—"
        lines.append(
            f"| `{r.claim_id}` | {_fmt(r.article_value)} {r.unit} | {_fmt(r.value)} | "
            f"{rng} | {r.verdict} | {mine} |"
        )
    lines += ["", f"![Each claim against its evidence]({figure_file})", ""]
    for r in table.itertuples(index=False):
        lines += [f"## `{r.claim_id}`", "", f"*{r.paraphrase}* (the article: \"{r.quote}\")", "",
                  f"**Verdict: {r.verdict}.** {r.explanation}", "",
                  f"Sources: {r.sources}", ""]
        if r.claim_id in learner:
            mine = learner[r.claim_id]
            lines += [f"**My verdict: {mine['verdict']}.** {mine['reasoning']}", ""]
    lines += ["## Data versions", "", "| file | sha256 (first 12) |", "|---|---|"]
    lines += [f"| `{f}` | {h} |" for f, h in _data_versions()]
    lines += ["", f"Made with course_lib {__version__} on {_dt.date.today().isoformat()}."]
    return "\n".join(lines) + "\n"


def _md_inline(text: str) -> str:
    out = html.escape(text)
    parts = out.split("`")
    out = "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
    parts = out.split("**")
    out = "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))
    parts = out.split("*")
    return "".join(f"<em>{p}</em>" if i % 2 else p for i, p in enumerate(parts))


def to_html(markdown_text: str, png: bytes) -> str:
    """A self-contained HTML page from the report's Markdown (figure inlined).

    Handles the subset the report uses: headings, paragraphs, tables, the image.
    """
    data_uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    body: list[str] = []
    lines = markdown_text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in lines[i].strip("|").split("|")])
                i += 1
            head, rest = rows[0], [r for r in rows[1:] if not set("".join(r)) <= set("-")]
            body.append("<table><thead><tr>" + "".join(f"<th>{_md_inline(c)}</th>" for c in head)
                        + "</tr></thead><tbody>")
            for r in rest:
                body.append("<tr>" + "".join(f"<td>{_md_inline(c)}</td>" for c in r) + "</tr>")
            body.append("</tbody></table>")
            continue
        if line.startswith("!["):
            alt = line[2:line.index("]")]
            body.append(f'<figure><img alt="{html.escape(alt)}" src="{data_uri}"/></figure>')
        elif line.startswith("## "):
            body.append(f"<h2>{_md_inline(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{_md_inline(line[2:])}</h1>")
        elif line.strip():
            body.append(f"<p>{_md_inline(line)}</p>")
        i += 1
    style = (
        "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
        "color:#111;line-height:1.45}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:0.3em 0.6em;text-align:left}"
        "th{background:#f3f3f3}img{max-width:100%}code{background:#f6f6f6;padding:0 0.2em}"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Fact-check report: the SCO article in data</title>"
        f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


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
    """Write ``report.md``, ``claims.png`` and a self-contained ``report.html``.

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
    from .plotting import render_png

    out = _check_out_dir(Path(out_dir) if out_dir else default_report_dir())
    table = fact_check_table(progress=progress)
    mine = _normalise_learner(learner, table.claim_id.tolist())
    fig = claims_figure(table)
    png = render_png(fig)
    out.mkdir(parents=True, exist_ok=True)
    md = to_markdown(table, mine, "claims.png")
    paths = {"markdown": out / "report.md", "html": out / "report.html",
             "figure": out / "claims.png"}
    paths["figure"].write_bytes(png)
    paths["markdown"].write_text(md, encoding="utf-8")
    paths["html"].write_text(to_html(md, png), encoding="utf-8")
    return paths
