"""The report's words: the fact-check report as Markdown (one table of every claim, then
each claim's verdict, readings, explanation and the learner's own verdict), the same as
one self-contained HTML page (mistune; the figure inlined), and the README of its files.

>>> "Verdict rule" in RULE_TEXT
True
"""

from __future__ import annotations

import base64
import datetime as _dt
from typing import Any

import pandas as pd


def _data_versions() -> list[tuple[str, str]]:
    """The files of the package in use (``COURSE_DATA``/``--data`` or data/) and their hashes."""
    from .data import package, path_of
    from .data_files import shown

    return [(shown(path_of(r["name"])), str(r.get("hash", "")).split(":")[-1][:12])
            for r in package()["resources"]]


def _margin(r: Any) -> str:
    from .claims import fmt_distance

    if pd.isna(r.margin):
        return "—"
    if r.margin > 0:
        return f"{fmt_distance(r.margin, r.unit)} outside"
    room = abs(r.margin)
    return "inside, on the bound" if room == 0 else f"inside ({fmt_distance(room, r.unit)} to spare)"


def _now(r: Any) -> str:
    from .claims import fmt

    if pd.isna(r.now_value):
        return "—"
    return f"{fmt(r.now_value, r.unit)} ({r.now_label})"


RULE_TEXT = (
    "Verdict rule (the same for every claim; written once in `course_lib/claims/core.py`): "
    "the claim's wording and implied precision make it an interval; the eligible readings of "
    "each claim were fixed, with reasons, before the data were read (`data/claim_readings.csv`). "
    "**Supported**: the literal reading's evidence overlaps the claim's interval; **partly "
    "supported**: only another eligible reading does, or the literal reading misses by at most "
    "one unit of precision; **not supported**: otherwise; **not checkable**: no open data for "
    "the literal reading. Context readings are shown but never change a verdict."
)


def to_markdown(table: pd.DataFrame, learner: dict[str, dict], figure_file: str,
                readings: pd.DataFrame | None = None) -> str:
    """The report as Markdown (the figure referenced as a file beside it)."""
    from . import __version__
    from .claims import fmt, fmt_interval
    from .claims.core import Interval
    from .sco import ARTICLE_DATE

    lines = [
        "# Fact-check report: the SCO article in data", "",
        'Article: Rashid Alimov, "The Role of the Shanghai Cooperation Organization in '
        'Counteracting Threats to Peace and Security", *UN Chronicle* LIV(3), '
        f"{pd.Timestamp(ARTICLE_DATE):%B %Y}.", "",
        RULE_TEXT, "",
        "| claim | as worded | claim interval | literal reading | margin | verdict | "
        "latest data (context) | your verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in table.itertuples(index=False):
        mine = learner.get(r.claim_id, {}).get("verdict", "—")
        lines.append(f"| `{r.claim_id}` | {r.as_worded} | {r.claim_interval} | {r.evidence} | "
                     f"{_margin(r)} | {r.verdict} | {_now(r)} | {mine} |")
    lines += ["", f"![Each claim's interval against its evidence]({figure_file})", ""]
    for r in table.itertuples(index=False):
        lines += [f"## `{r.claim_id}`", "", f"*{r.paraphrase}* (the article: \"{r.quote}\")", "",
                  f"**Verdict: {r.verdict}.** {r.margin_text}", ""]
        if readings is not None:
            el = readings[(readings.claim_id == r.claim_id) & (readings.reading_id != "")]
            if len(el):
                lines += ["| eligible reading | role | evidence | verdict alone |", "|---|---|---|---|"]
                for x in el.itertuples(index=False):
                    ev = fmt_interval(None if pd.isna(x.low) else Interval(x.low, x.high), r.unit)
                    lines.append(f"| {x.reading} | {x.role} | {ev} | {x.verdict_alone} |")
                lines.append("")
        lines += [r.explanation, ""]
        if not pd.isna(r.now_value):
            lines += [f"Then and now (context, not a verdict): judged at the article's date; "
                      f"in the latest data, {r.now_label}: {fmt(r.now_value, r.unit)}.", ""]
        lines += [f"Sources: {r.sources}", ""]
        if r.claim_id in learner:
            mine = learner[r.claim_id]
            lines += [f"**My verdict: {mine['verdict']}.** {mine['reasoning']}", ""]
    from .data import identity

    lines += ["## Data versions", "", f"Data package: {identity()}.", "",
              "| file | sha256 (first 12) |", "|---|---|"]
    lines += [f"| `{f}` | {h} |" for f, h in _data_versions()]
    lines += ["", f"Made with course_lib {__version__} on {_dt.date.today().isoformat()}."]
    return "\n".join(lines) + "\n"


README_TEXT = """# The fact-check report: files

* `report.md`, `report.html`: the report (the HTML is self-contained: the figure is inside).
* `claims.png`: each claim's interval against its evidence.
* `claims.csv`, `claims.json`: the claims table for a spreadsheet or a script, one row per
  claim and eligible reading (the same rows in both files). Columns:
  * `claim_id`, `as_worded` (the claim as the article words it, restated),
    `claim_interval` (what the wording allows);
  * `reading_id`, `reading`, `role` (`primary` = the literal reading, or `eligible`);
  * `value`, `low`, `high` (the evidence; `low`/`high` differ where it is an interval), `unit`,
    and `shown` (the evidence as text in its unit: for a date claim the numbers are years with
    fraction, 1 January = .0, and `shown` gives the date);
  * `distance` (how far that reading lies outside the claim's interval, in the claim's unit),
    `verdict_alone` (the verdict that reading alone would give);
  * `verdict` (the claim's verdict by the one rule), `margin` (the literal reading's distance
    outside the interval; zero or negative: inside, with that much to spare);
  * `data_package` (name, version and content hash of the data package used) and `vintage` (the versions of
    the sources behind the claim's evidence: repository@commit, or the source's title).
  Claims that open data cannot check have one row with an empty `reading_id`.

Compare two runs (say, on a newer data package) by joining on `claim_id` and `reading_id`.
"""


def to_html(markdown_text: str, png: bytes) -> str:
    r"""A self-contained HTML page from the report's Markdown (the figure inlined).

    >>> page = to_html("# Report\n\n| a | b |\n|---|---|\n| *x* | `y` |\n\n![fig](claims.png)", b"")
    >>> "<table>" in page and "<em>x</em>" in page and 'src="data:image/png;base64,' in page
    True
    """
    import re

    import mistune

    data_uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    inlined = re.sub(r"(!\[[^\]]*\])\([^)]*\)", lambda m: f"{m.group(1)}({data_uri})",
                     markdown_text)
    body = mistune.html(inlined)
    style = (
        "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
        "color:#111;line-height:1.45}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:0.3em 0.6em;text-align:left}"
        "th{background:#f3f3f3}img{max-width:100%}code{background:#f6f6f6;padding:0 0.2em}"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Fact-check report: the SCO article in data</title>"
        f"<style>{style}</style></head><body>\n" + body + "\n</body></html>\n"
    )
