"""Learner progress: which exercises have been answered correctly so far.

An exercise once answered correctly stays done; the latest attempt is shown beside it.
The "predict, then look" guesses are listed apart (a guess is recorded, never scored).
This module knows nothing of the questions: :func:`course_lib.exercises.progress` passes
the course's exercise ids (no import circle).

Every :func:`course_lib.exercises.check` is recorded twice: in this Python session
(:func:`session_results`, which the grader reads at the end of a run) and in a small
JSON file in the learner's workspace (:func:`progress_file`), so that
:func:`progress` can show the whole course from any notebook and
``python -m course_lib progress`` can print it.

The file is never written into the course's own folders (data/, notebooks/, the
package): a notebook run from inside the course checkout (other than ``workspace/``,
where ``make lab`` puts the learner's copies) keeps its progress for the session only,
so running the instructor notebooks or the tests leaves no file and shows the same
every time. ``SCO_COURSE_PROGRESS`` names another file (``off``: session only). A
missing or damaged file is recreated with a note; recording never raises.

>>> p = progress(path=None, exercises=["00_a", "00_b"], predictions=["00_guess"])
>>> p.total, p.correct, len(p.predictions)
(2, 0, 1)
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .paths import REPO_ROOT

FILE_NAME = ".sco_course_progress.json"
ENV_VAR = "SCO_COURSE_PROGRESS"
VERSION = 2
#: statuses worth keeping; "not answered" never overwrites an earlier answer
_RECORDED = {"correct", "recorded", "incorrect", "invalid", "error"}
_SESSION: dict[str, dict[str, Any]] = {}
#: exercises answered correctly in this session (they stay done)
_SOLVED: set[str] = set()
_NOTE: list[str] = []


def progress_file(cwd: Path | None = None) -> Path | None:
    """Where this session records progress (None: this session only).

    >>> progress_file(REPO_ROOT / "notebooks") is None
    True
    >>> progress_file(Path("/tmp/learner")).name
    '.sco_course_progress.json'
    """
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return None if env.strip().lower() in {"", "off", "0", "no"} else Path(env)
    here = Path(cwd or Path.cwd()).resolve()
    root = REPO_ROOT.resolve()
    if _inside(here, root) and not _inside(here, root / "workspace"):
        return None
    return here / FILE_NAME


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _read(path: Path) -> dict[str, dict[str, Any]]:
    """The results in ``path``; a damaged file is recreated (empty) with a note."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        results = data["results"]
        if not isinstance(results, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("status"), str) for v in results.values()
        ):
            raise ValueError("unexpected structure")
        return results
    except (OSError, ValueError, KeyError, TypeError):
        _NOTE.append(
            f"Your progress file {path} was damaged and has been recreated: results "
            "recorded before now are lost; run your exercise cells again to restore them."
        )
        _write(path, {})
        return {}


def _write(path: Path, results: dict[str, dict[str, Any]]) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": VERSION, "results": results}, indent=1, sort_keys=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as tmp:
            tmp.write(text + "\n")
        os.chmod(tmp.name, 0o644)
        Path(tmp.name).replace(path)
        return True
    except OSError:
        return False


def record(feedback: Any) -> None:
    """Record one result of ``check`` (status, points, mistake label; never the
    answer). A correct answer is kept as the best result; later tries change only the
    latest. Never raises."""
    if feedback.status not in _RECORDED and feedback.status != "not_answered":
        return
    entry = {"status": feedback.status, "points": feedback.points,
             "points_possible": feedback.points_possible, "mistake": feedback.mistake,
             "message": feedback.message}
    _SESSION[feedback.qid] = entry
    if feedback.status == "correct":
        _SOLVED.add(feedback.qid)
    if feedback.status not in _RECORDED:
        return
    try:
        path = progress_file()
        if path is None:
            return
        results = _read(path)
        results[feedback.qid] = _merge(results.get(feedback.qid), entry)
        _write(path, results)
    except Exception:  # pragma: no cover - recording must never break a notebook
        pass


def _merge(saved: dict[str, Any] | None, entry: dict[str, Any]) -> dict[str, Any]:
    """The saved result of one exercise after a new attempt: the best status stays
    ("correct" once reached), ``latest`` is the new attempt's status.

    >>> _merge({"status": "correct", "points": 1, "points_possible": 1},
    ...        {"status": "incorrect", "points": 0, "points_possible": 1})["status"]
    'correct'
    """
    out = {k: entry[k] for k in ("status", "points", "points_possible")}
    out["latest"] = entry["status"]
    if saved and saved.get("status") == "correct":
        out.update(status="correct", points=saved.get("points", entry["points_possible"]))
    return out


def session_results() -> dict[str, dict[str, Any]]:
    """Every result ``check`` gave in this session (the last one per exercise: what the
    grader scores).

    >>> isinstance(session_results(), dict)
    True
    """
    return {qid: dict(entry) for qid, entry in _SESSION.items()}


#: plain symbols (they show without an emoji font) and their colours
ICONS = {"correct": ("✓", "#1e7b34"), "recorded": ("✎", "#24508f"), "incorrect": ("✗", "#a12a1f"),
         "invalid": ("✗", "#a12a1f"), "error": ("!", "#8a5300"),
         "not_answered": ("○", "#777777")}
_WORDS = {"correct": "correct", "incorrect": "not yet", "invalid": "not yet",
          "error": "could not check", "not_answered": "not answered", "recorded": "guessed"}


@dataclass(frozen=True)
class Progress:
    """What :func:`progress` shows: one row (qid, best status) per exercise, the latest
    attempt of each, and the guesses (qid, "recorded" or "not_answered") apart."""

    rows: tuple[tuple[str, str], ...]
    path: Path | None
    notes: tuple[str, ...] = ()
    latest: tuple[tuple[str, str], ...] = ()
    predictions: tuple[tuple[str, str], ...] = ()

    @property
    def correct(self) -> int:
        return sum(status == "correct" for _, status in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    def by_notebook(self) -> dict[str, tuple[int, int]]:
        """Notebook number -> (correct, exercises)."""
        out: dict[str, tuple[int, int]] = {}
        for qid, status in self.rows:
            done, n = out.get(qid[:2], (0, 0))
            out[qid[:2]] = (done + (status == "correct"), n + 1)
        return out

    def _latest_note(self, qid: str, status: str) -> str:
        last = dict(self.latest).get(qid, status)
        return "" if last == status else f" (latest try: {_WORDS.get(last, last)})"

    def __str__(self) -> str:
        lines = [f"Your progress: {self.correct} of {self.total} exercises answered correctly."]
        for nb, (done, n) in self.by_notebook().items():
            todo = [q for q, s in self.rows if q[:2] == nb and s != "correct"]
            rest = f"  still open: {', '.join(todo)}" if todo else "  all done"
            again = "".join(f"; done: {q}{self._latest_note(q, s)}" for q, s in self.rows
                            if q[:2] == nb and s == "correct" and self._latest_note(q, s))
            lines.append(f"  {nb}: {done}/{n}{rest}{again}")
        if self.predictions:
            made = [q for q, s in self.predictions if s == "recorded"]
            lines.append(f"Guesses (never scored): {len(made)} of {len(self.predictions)} "
                         "recorded" + (f": {', '.join(made)}" if made else "."))
        lines += list(self.notes)
        lines.append(f"(recorded in {self.path})" if self.path else _SESSION_ONLY)
        return "\n".join(lines)

    __repr__ = __str__

    def _mark(self, qid: str, status: str) -> str:
        icon, colour = ICONS.get(status, ICONS["not_answered"])
        title = f"{qid}: {_WORDS.get(status, status)}{self._latest_note(qid, status)}"
        return (f'<span title="{html.escape(title)}" style="color:{colour};'
                f'font-weight:bold">{icon}</span>')

    def _repr_html_(self) -> str:
        cells = []
        for nb, (done, n) in self.by_notebook().items():
            marks = " ".join(self._mark(q, s) for q, s in self.rows if q[:2] == nb)
            cells.append(f"<tr><td>{nb}</td><td>{done} of {n}</td><td>{marks}</td></tr>")
        guesses = ""
        if self.predictions:
            made = sum(s == "recorded" for _, s in self.predictions)
            guesses = (f"<p>Guesses (never scored): {made} of {len(self.predictions)} "
                       "recorded " + " ".join(self._mark(q, s) for q, s in self.predictions)
                       + "</p>")
        notes = "".join(f"<p><strong>Note:</strong> {html.escape(n)}</p>" for n in self.notes)
        if self.path is None:
            notes += f"<p><em>{html.escape(_SESSION_ONLY[1:-1])}.</em></p>"
        return (f"<div class='course-progress'><p><strong>Your progress:</strong> "
                f"{self.correct} of {self.total} exercises answered correctly "
                "(✓ correct, ✗ not yet, ○ not answered, ✎ guess recorded; an exercise once "
                "correct stays done; point at a mark for its exercise and your latest try)."
                "</p><table><tr><th>Notebook</th><th>Correct</th><th>Exercises</th></tr>"
                + "".join(cells) + "</table>" + guesses + notes + "</div>")


_DEFAULT = object()
_SESSION_ONLY = ("(this session only: a notebook run from the course's own folders keeps no "
                 "progress file; your copies in workspace/ do)")


def progress(path: Any = _DEFAULT, exercises: Any = (), predictions: Any = ()) -> Progress:
    """Progress over ``exercises`` (ids; best status, latest attempt beside it) and
    ``predictions`` (guesses, apart). :func:`course_lib.exercises.progress` passes the
    course's ids.

    Reads the progress file (``path``, default :func:`progress_file`; ``None`` for this
    session only) and this session's results. A damaged file is recreated with a note.
    """
    file = progress_file() if path is _DEFAULT else (Path(path) if path else None)
    saved = _read(file) if file is not None else {}
    best = {q: e["status"] for q, e in saved.items()}
    latest = {q: e.get("latest", e["status"]) for q, e in saved.items()}
    for qid, entry in _SESSION.items():
        if entry["status"] in _RECORDED:
            latest[qid] = entry["status"]
            if best.get(qid) != "correct":
                best[qid] = "correct" if qid in _SOLVED else entry["status"]
    rows = tuple((qid, best.get(qid, "not_answered")) for qid in exercises)
    last = tuple((qid, latest.get(qid, "not_answered")) for qid in exercises)
    guesses = tuple((qid, "recorded" if best.get(qid) == "recorded" else "not_answered")
                    for qid in predictions)
    notes = tuple(dict.fromkeys(_NOTE))
    _NOTE.clear()
    return Progress(rows, file, notes, last, guesses)
