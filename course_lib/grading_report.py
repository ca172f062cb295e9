"""What ``grade`` writes: the gradebook, totals, feedback pages and the class overview.

* ``gradebook.csv``: one row per learner, notebook and question (:data:`COLUMNS`);
* ``totals.csv``: per learner, the points of each notebook and of the assignment (all
  the notebooks graded), with the points of written answers still to mark;
* ``feedback/<learner>.html``: one self-contained page per learner: totals, every
  exercise with its feedback and flags, every written answer beside its rubric;
* ``class.csv`` and ``class.html``: per question, how many learners got it right and
  the most frequent named mistakes, with a figure (a PNG inside the page); per learner,
  the totals.

Every file is sorted and has no date in it, so grading twice gives the same bytes.

>>> top_mistakes(["a", "b", "a", ""])
'a (2); b (1)'
"""

from __future__ import annotations

import base64
import csv
import html
import io
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

STATUSES = ("correct", "wrong", "unanswered", "error", "not run", "not scored", "to mark")
COLUMNS = ("learner", "notebook", "question", "kind", "status", "points", "points_possible",
           "mistake", "flags", "feedback")


@dataclass
class Row:
    learner: str
    notebook: str
    question: str
    status: str
    points: float
    points_possible: float
    feedback: str
    mistake: str = ""
    flags: str = ""
    kind: str = "exercise"  # or "written"


@dataclass
class Summary:
    """What a run did: rows, notebooks graded, and the notebooks that failed (why)."""

    rows: list[Row] = field(default_factory=list)
    graded: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # learner, nb, why
    notebooks: list[str] = field(default_factory=list)  # the assignment, in course order


ICONS = {"correct": "✓", "wrong": "✗", "unanswered": "○", "error": "!", "not run": "–",
         "not scored": "·", "to mark": "✎"}
STYLE = ("body{font-family:system-ui,sans-serif;max-width:64em;margin:2em auto;color:#111;"
         "line-height:1.4}table{border-collapse:collapse;width:100%;margin-bottom:1em}"
         "td,th{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}"
         "td.n{text-align:right}th{background:#f3f3f3}.score{font-weight:normal;color:#555;"
         "font-size:.8em}.correct .s{color:#1e7b34}.wrong .s,.error .s{color:#a12a1f}"
         ".flag{background:#fff4e5;color:#8a5300;border-radius:3px;padding:0 .3em;"
         "font-size:.85em}.rubric{color:#333;font-size:.9em}img{max-width:100%}")


def _md(text: str) -> str:
    """A feedback line as HTML, through the course's one renderer (raw HTML escaped once,
    so a `<` inside code reads as `<`, not as `&lt;`).

    >>> _md("use `a < b`")
    'use <code>a &lt; b</code>'
    """
    from .exercises import md_to_html

    return md_to_html(text)


def _page(title: str, body: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>"
            f"{html.escape(title)}</title><style>{STYLE}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def gradebook_text(rows: list[Row]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.learner, r.notebook, r.question, r.kind, r.status, f"{r.points:g}",
                         f"{r.points_possible:g}", r.mistake, r.flags, r.feedback])
    return buf.getvalue()


def totals(rows: list[Row]) -> list[dict]:
    """Per learner: one dict per notebook and one for the assignment ("assignment")."""
    out = []
    for learner in dict.fromkeys(r.learner for r in rows):
        mine = [r for r in rows if r.learner == learner and r.question]
        groups = {nb: [r for r in mine if r.notebook == nb]
                  for nb in dict.fromkeys(r.notebook for r in mine)}
        groups["assignment"] = mine
        for name, rs in groups.items():
            auto = [r for r in rs if r.status != "to mark" and not _written(r)]
            out.append({"learner": learner, "notebook": name,
                        "points": sum(r.points for r in auto),
                        "points_possible": sum(r.points_possible for r in auto),
                        "written_to_mark": sum(r.points_possible for r in rs
                                               if _written(r) and r.status == "to mark"),
                        "flagged": sum(1 for r in rs if r.flags)})
    return out


def _written(r: Row) -> bool:
    return r.kind == "written"


def _csv(dicts: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(dicts)
    return buf.getvalue()


def feedback_html(learner: str, rows: list[Row]) -> str:
    """One self-contained page: totals per notebook and for the assignment, each
    exercise's feedback and flags, each written answer beside its rubric."""
    from .answers import written_answers

    rubrics = written_answers()
    sums = {t["notebook"]: t for t in totals(rows)}
    a = sums.get("assignment", {"points": 0, "points_possible": 0, "written_to_mark": 0})
    mark = (f" (and {a['written_to_mark']:g} points of written answers to mark)"
            if a["written_to_mark"] else "")
    notebooks = [n for n in dict.fromkeys(r.notebook for r in rows)]
    parts = [f"<h1>Feedback for {html.escape(learner)}</h1>",
             f"<p>Assignment: {html.escape(', '.join(n[:2] for n in notebooks))}</p>",
             f"<p class='total'>Total: <strong>{a['points']:g} of {a['points_possible']:g} "
             f"points</strong>{mark}</p>"]
    flagged = sorted({f for r in rows for f in r.flags.split("; ") if f})
    if flagged:
        parts.append("<p>Flags (for the teacher to look at; no points were taken): "
                     + ", ".join(f"<span class='flag'>{html.escape(f)}</span>"
                                 for f in flagged) + "</p>")
    for stem in notebooks:
        mine = [r for r in rows if r.notebook == stem]
        s = sums.get(stem, {"points": 0, "points_possible": 0})
        parts.append(f"<h2>{html.escape(stem)} <span class='score'>{s['points']:g} of "
                     f"{s['points_possible']:g} points</span></h2><table><tr><th>Exercise"
                     "</th><th>Result</th><th>Points</th><th>Feedback</th></tr>")
        for r in (r for r in mine if not _written(r)):
            flags = "".join(f" <span class='flag'>{html.escape(f)}</span>"
                            for f in r.flags.split("; ") if f)
            parts.append(f"<tr class='{r.status.replace(' ', '-')}'><td><code>"
                         f"{html.escape(r.question or '-')}</code></td><td class='s'>"
                         f"{ICONS.get(r.status, '?')} {r.status}</td><td class='n'>"
                         f"{r.points:g}/{r.points_possible:g}</td><td>{_md(r.feedback)}"
                         f"{flags}</td></tr>")
        parts.append("</table>")
        written = [r for r in mine if _written(r)]
        if written:
            parts.append("<h3>Written answers (marked by the teacher)</h3><table><tr><th>"
                         "Answer</th><th>What was written</th><th>Rubric</th><th>Mark</th>"
                         "</tr>")
            for r in written:
                w = rubrics.get(r.question)
                rubric = "<br>".join(html.escape(x) for x in (w.rubric if w else []))
                parts.append(f"<tr><td><code>{html.escape(r.question)}</code></td><td>"
                             f"{_md(r.feedback)}</td><td class='rubric'>{rubric}</td><td "
                             f"class='n'>__ / {r.points_possible:g}</td></tr>")
            parts.append("</table>")
    return _page(f"Feedback: {learner}", parts)


def top_mistakes(labels: list[str], n: int = 3) -> str:
    counts = Counter(x for x in labels if x)
    return "; ".join(f"{k} ({v})" for k, v in sorted(counts.items(),
                                                     key=lambda kv: (-kv[1], kv[0]))[:n])


def class_rows(rows: list[Row]) -> list[dict]:
    """Per question of the assignment: learners, how many right, wrong, unanswered,
    other (error, not run, not scored, to mark), flagged, and the named mistakes."""
    out = []
    keys = dict.fromkeys((r.notebook, r.question) for r in rows if r.question)
    for nb, q in keys:
        rs = [r for r in rows if (r.notebook, r.question) == (nb, q)]
        count = Counter(r.status for r in rs)
        out.append({"notebook": nb, "question": q, "kind": "written" if any(
            _written(r) for r in rs) else "exercise", "learners": len(rs),
            "correct": count["correct"], "wrong": count["wrong"],
            "unanswered": count["unanswered"], "not_scored": count["not scored"],
            "other": len(rs) - count["correct"] - count["wrong"] - count["unanswered"]
            - count["not scored"],
            "flagged": sum(1 for r in rs if r.flags),
            "top_mistakes": top_mistakes([r.mistake for r in rs])})
    return out


CLASS_COLUMNS = ["notebook", "question", "kind", "learners", "correct", "wrong",
                 "unanswered", "not_scored", "other", "flagged", "top_mistakes"]
TOTAL_COLUMNS = ["learner", "notebook", "points", "points_possible", "written_to_mark",
                 "flagged"]


def class_figure(stats: list[dict]) -> bytes:
    """A horizontal stacked bar per exercise: right, wrong, unanswered, guesses (not
    scored), error or not run (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    stats = [s for s in stats if s["kind"] == "exercise"]
    fig = Figure(figsize=(7.5, 0.28 * max(len(stats), 4) + 1.2), dpi=96)
    ax = fig.add_subplot()
    names = [s["question"] for s in stats][::-1]
    left = [0] * len(names)
    colours = {"correct": ("#1e7b34", "right"), "wrong": ("#c0392b", "wrong"),
               "unanswered": ("#9aa5b1", "unanswered"),
               "not_scored": ("#b9d3ee", "guess (not scored)"),
               "other": ("#e0a100", "error or not run")}
    for key, (colour, label) in colours.items():
        values = [s[key] for s in stats][::-1]
        ax.barh(names, values, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, values)]
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(y=0.01)
    ax.set_xlabel("learners")
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(loc="lower center", bbox_to_anchor=(0.4, 1.0), ncol=3, frameon=False,
              fontsize=8)
    fig.subplots_adjust(left=0.33, right=0.97, bottom=0.55 / fig.get_figheight(),
                        top=1 - 0.6 / fig.get_figheight())
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def class_html(summary: Summary) -> str:
    """The class overview page (self-contained: the figure is embedded)."""
    stats = class_rows(summary.rows)
    learners = [t for t in totals(summary.rows) if t["notebook"] == "assignment"]
    png = base64.b64encode(class_figure(stats)).decode("ascii")
    body = [f"<h1>Class overview: {len(learners)} learners, notebooks "
            f"{html.escape(', '.join(n[:2] for n in summary.notebooks))}</h1>",
            f"<img alt='Per exercise, how many learners were right, wrong, did not answer "
            f"or could not be graded' src='data:image/png;base64,{png}'>",
            "<h2>Per question</h2><table><tr><th>Notebook</th><th>Question</th><th>Right"
            "</th><th>Wrong</th><th>Unanswered</th><th>Guess (not scored)</th><th>Error or "
            "not run</th><th>Flagged</th><th>Most frequent named mistakes</th></tr>"]
    for s in stats:
        right = (f"{s['correct']} of {s['learners']}" if s["kind"] == "exercise"
                 else f"{s['other']} to mark")
        body.append(f"<tr><td>{s['notebook'][:2]}</td><td><code>{html.escape(s['question'])}"
                    f"</code></td><td class='n'>{right}</td><td class='n'>{s['wrong']}</td>"
                    f"<td class='n'>{s['unanswered']}</td><td class='n'>{s['not_scored']}</td>"
                    f"<td class='n'>{s['other']}</td>"
                    f"<td class='n'>{s['flagged']}</td><td>{html.escape(s['top_mistakes'])}"
                    "</td></tr>")
    body.append("</table><h2>Per learner</h2><table><tr><th>Learner</th><th>Points</th>"
                "<th>Written answers to mark</th><th>Flagged answers</th></tr>")
    for t in learners:
        body.append(f"<tr><td>{html.escape(t['learner'])}</td><td class='n'>{t['points']:g} "
                    f"of {t['points_possible']:g}</td><td class='n'>{t['written_to_mark']:g}"
                    f"</td><td class='n'>{t['flagged']}</td></tr>")
    body.append("</table>")
    return _page("Class overview", body)


def write_outputs(summary: Summary, out: Path) -> None:
    """Every file of :mod:`course_lib.grading_report` (feedback/ is rewritten)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "gradebook.csv").write_text(gradebook_text(summary.rows), encoding="utf-8")
    (out / "totals.csv").write_text(_csv(totals(summary.rows), TOTAL_COLUMNS),
                                    encoding="utf-8")
    (out / "class.csv").write_text(_csv(class_rows(summary.rows), CLASS_COLUMNS),
                                   encoding="utf-8")
    (out / "class.html").write_text(class_html(summary), encoding="utf-8")
    pages = out / "feedback"
    if pages.exists():
        shutil.rmtree(pages)
    pages.mkdir()
    for learner in dict.fromkeys(r.learner for r in summary.rows):
        rows = [r for r in summary.rows if r.learner == learner]
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", learner)
        (pages / f"{safe}.html").write_text(feedback_html(learner, rows), encoding="utf-8")
