"""Learner progress: which exercises have been answered correctly so far.

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

>>> p = progress(path=None)
>>> p.total == len(p.rows)
True
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
VERSION = 1
#: statuses worth keeping; "not answered" never overwrites an earlier answer
_RECORDED = {"correct", "recorded", "incorrect", "invalid", "error"}
_SESSION: dict[str, dict[str, Any]] = {}
_SOLUTIONS: list[str] = []  # exercises whose reference solution was shown (this session)
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
    answer). Never raises."""
    if feedback.status not in _RECORDED and feedback.status != "not_answered":
        return
    entry = {"status": feedback.status, "points": feedback.points,
             "points_possible": feedback.points_possible, "mistake": feedback.mistake,
             "message": feedback.message}
    _SESSION[feedback.qid] = entry
    if feedback.status not in _RECORDED:
        return
    try:
        path = progress_file()
        if path is None:
            return
        results = _read(path)
        results[feedback.qid] = {k: entry[k] for k in ("status", "points", "points_possible")}
        _write(path, results)
    except Exception:  # pragma: no cover - recording must never break a notebook
        pass


def session_results() -> dict[str, dict[str, Any]]:
    """Every result ``check`` gave in this session (the last one per exercise).

    >>> isinstance(session_results(), dict)
    True
    """
    return {qid: dict(entry) for qid, entry in _SESSION.items()}


def record_solution(qid: str) -> None:
    """Note that ``solution(qid)`` was called in this session (the grader flags it)."""
    if isinstance(qid, str) and qid not in _SOLUTIONS:
        _SOLUTIONS.append(qid)


def solutions_shown() -> list[str]:
    """The exercises whose reference solution was asked for in this session.

    >>> isinstance(solutions_shown(), list)
    True
    """
    return list(_SOLUTIONS)


#: plain symbols (they show without an emoji font) and their colours
ICONS = {"correct": ("✓", "#1e7b34"), "recorded": ("✓", "#1e7b34"), "incorrect": ("✗", "#a12a1f"),
         "invalid": ("✗", "#a12a1f"), "error": ("!", "#8a5300"),
         "not_answered": ("○", "#777777")}


@dataclass(frozen=True)
class Progress:
    """What :func:`progress` shows: one row (qid, status) per exercise of the course."""

    rows: tuple[tuple[str, str], ...]
    path: Path | None
    notes: tuple[str, ...] = ()

    @property
    def correct(self) -> int:
        return sum(status in ("correct", "recorded") for _, status in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    def by_notebook(self) -> dict[str, tuple[int, int]]:
        """Notebook number -> (correct, exercises)."""
        out: dict[str, tuple[int, int]] = {}
        for qid, status in self.rows:
            done, n = out.get(qid[:2], (0, 0))
            out[qid[:2]] = (done + (status in ("correct", "recorded")), n + 1)
        return out

    def __str__(self) -> str:
        lines = [f"Your progress: {self.correct} of {self.total} exercises answered correctly."]
        for nb, (done, n) in self.by_notebook().items():
            todo = [q for q, s in self.rows if q[:2] == nb and s not in ("correct", "recorded")]
            rest = f"  still open: {', '.join(todo)}" if todo else "  all done"
            lines.append(f"  {nb}: {done}/{n}{rest}")
        lines += list(self.notes)
        lines.append(f"(recorded in {self.path})" if self.path else _SESSION_ONLY)
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        cells = []
        for nb, (done, n) in self.by_notebook().items():
            marks = " ".join(
                f'<span title="{html.escape(q)}: {html.escape(s.replace("_", " "))}" '
                f'style="color:{ICONS.get(s, ICONS["not_answered"])[1]};font-weight:bold">'
                f'{ICONS.get(s, ICONS["not_answered"])[0]}</span>'
                for q, s in self.rows if q[:2] == nb)
            cells.append(f"<tr><td>{nb}</td><td>{done} of {n}</td><td>{marks}</td></tr>")
        notes = "".join(f"<p><strong>Note:</strong> {html.escape(n)}</p>" for n in self.notes)
        if self.path is None:
            notes += f"<p><em>{html.escape(_SESSION_ONLY[1:-1])}.</em></p>"
        return (f"<div class='course-progress'><p><strong>Your progress:</strong> "
                f"{self.correct} of {self.total} exercises answered correctly "
                "(✓ correct, ✗ not yet, ○ not answered; point at a mark for its "
                "exercise).</p>"
                "<table><tr><th>Notebook</th><th>Correct</th><th>Exercises</th></tr>"
                + "".join(cells) + "</table>" + notes + "</div>")


_DEFAULT = object()
_SESSION_ONLY = ("(this session only: a notebook run from the course's own folders keeps no "
                 "progress file; your copies in workspace/ do)")


def progress(path: Any = _DEFAULT) -> Progress:
    """Which exercises of the course you have answered correctly so far.

    Reads the progress file (``path``, default :func:`progress_file`; ``None`` for this
    session only) and this session's results. A damaged file is recreated with a note.
    """
    from .exercises import questions

    file = progress_file() if path is _DEFAULT else (Path(path) if path else None)
    saved = _read(file) if file is not None else {}
    merged = {q: e["status"] for q, e in saved.items()}
    for qid, entry in _SESSION.items():
        if entry["status"] in _RECORDED:
            merged[qid] = entry["status"]
    rows = tuple((qid, merged.get(qid, "not_answered")) for qid in questions())
    notes = tuple(dict.fromkeys(_NOTE))
    _NOTE.clear()
    return Progress(rows, file, notes)
