"""Grade a class without nbgrader: ``python -m course_lib grade SUBMISSIONS --out DIR``.

``SUBMISSIONS/<learner>/<notebook>.ipynb`` (names as in the student edition). Each
notebook is copied into a scratch folder and executed there in a fresh kernel
(:func:`course_lib.runner.execute`): a per-cell time limit (the kernel is interrupted
and the run goes on), a memory limit set inside the kernel process
(``resource.setrlimit``), the network blocked as in the reliability tests, and the
learner's code never runs in the grading process. A last cell, added to the copy,
prints every result ``check`` gave (:func:`course_lib.progress.session_results`).

Every bad submission becomes rows with a status and a reason, never a crash and never
a silent score: invalid JSON, a missing or renamed notebook, deleted or reordered
cells, a cell that loops or exhausts memory, an exception, a notebook from another
course. Writes ``DIR/gradebook.csv`` (sorted, so grading twice gives the same bytes)
and ``DIR/feedback/<learner>.html``. SUBMISSIONS is only read.

>>> STATUSES
('correct', 'wrong', 'unanswered', 'error', 'not run')
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shutil
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CourseError
from .paths import NOTEBOOKS_DIR, REPO_ROOT

STATUSES = ("correct", "wrong", "unanswered", "error", "not run")
COLUMNS = ("learner", "notebook", "question", "status", "points", "points_possible",
           "feedback")
_FROM_CHECK = {"correct": "correct", "recorded": "correct", "incorrect": "wrong", "invalid": "wrong",
               "not_answered": "unanswered", "error": "error"}
MARKER = "@@COURSE_RESULTS@@"
CHECK_CALL = re.compile(r"""check\(\s*["']([0-9]{2}_[A-Za-z0-9_]+)["']""")

RESULTS_CELL = (
    "import json as _json\n"
    "from course_lib.progress import session_results as _results\n"
    f"print({MARKER!r} + _json.dumps(_results(), sort_keys=True))"
)

KERNEL_GUARD = textwrap.dedent('''
    """Written by course_lib.grading: memory limit and no network for a graded kernel."""
    import ipaddress, os, resource, socket

    _limit = int(os.environ.get("SCO_GRADE_MEMORY_BYTES", "0"))
    if _limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (_limit, _limit))

    def _allowed(address):
        host = address[0] if isinstance(address, tuple) else address
        if not isinstance(host, str) or host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    _connect, _connect_ex, _getaddrinfo = (socket.socket.connect, socket.socket.connect_ex,
                                           socket.getaddrinfo)

    def _guard(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
            raise OSError(f"network access blocked while grading: {address!r}")

    def connect(self, address):
        _guard(self, address)
        return _connect(self, address)

    def connect_ex(self, address):
        _guard(self, address)
        return _connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not _allowed((host,)):
            raise OSError(f"name lookup blocked while grading: {host!r}")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo = getaddrinfo
''')


@dataclass
class Row:
    learner: str
    notebook: str
    question: str
    status: str
    points: float
    points_possible: float
    feedback: str


@dataclass
class Summary:
    """What a run did: rows, notebooks graded, and the notebooks that failed (why)."""

    rows: list[Row] = field(default_factory=list)
    graded: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # learner, nb, why


def _exercise_ids(nb) -> list[str]:
    """Exercise ids in the order their check calls appear in a notebook's code cells."""
    ids: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            ids += [q for q in CHECK_CALL.findall(cell.source) if q not in ids]
    return ids


def course_exercises(names: list[str] | None = None) -> dict[str, list[str]]:
    """Course notebook stem -> its exercise ids in the course's order.

    >>> "00_warmup_sum" in course_exercises(["00_start_here"])["00_start_here"]
    True
    """
    import nbformat

    from .runner import course_notebooks

    out = {}
    for path in course_notebooks(NOTEBOOKS_DIR):
        if names and path.stem not in names and path.stem[:2] not in names:
            continue
        out[path.stem] = _exercise_ids(nbformat.read(str(path), as_version=4))
    if names and not out:
        raise CourseError(f"No course notebook matches {', '.join(names)}.")
    return out


def _kernel_env(scratch: Path, memory_mb: int) -> dict[str, str]:
    guard = scratch / "_guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(KERNEL_GUARD, encoding="utf-8")
    env = dict(os.environ)
    paths = [str(guard), env.get("PYTHONPATH", "")]
    env.update(PYTHONPATH=os.pathsep.join(p for p in paths if p), MPLBACKEND="Agg",
               SCO_GRADE_MEMORY_BYTES=str(memory_mb * 1024 * 1024),
               SCO_COURSE_PROGRESS="off", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return env


def _cell_problem(cell, timeout: int, memory_mb: int) -> str | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") != "error":
            continue
        name, value = out.get("ename", ""), str(out.get("evalue", ""))
        if name == "KeyboardInterrupt":
            return f"the cell ran longer than the limit of {timeout} s and was stopped"
        if name == "MemoryError":
            return f"the cell ran out of memory (limit {memory_mb} MB)"
        return f"the code in the cell raised {name}: {value}"[:300]
    return None


def _run(learner: str, stem: str, nb, ids: list[str], scratch: Path, timeout: int,
         memory_mb: int, note: str) -> tuple[list[Row], str | None]:
    """Execute one submission's copy; rows for its exercises and why it failed, if so."""
    import nbformat
    from nbclient.exceptions import DeadKernelError

    from .exercises import question
    from .runner import execute

    work = scratch / "work"
    work.mkdir()
    nb.cells.append(nbformat.v4.new_code_cell(RESULTS_CELL))
    path = work / f"{stem}.ipynb"
    nbformat.write(nb, str(path))
    failure = None
    try:
        ran, _ = execute(path, timeout=timeout, cwd=work, env=_kernel_env(scratch, memory_mb),
                         allow_errors=True, interrupt_on_timeout=True,
                         extra_arguments=["--IPKernelApp.log_level=ERROR"])
    except DeadKernelError:
        ran, failure = nb, f"the kernel died (over the memory limit of {memory_mb} MB?)"
    except Exception as exc:  # nbclient could not run it at all
        ran, failure = nb, f"the notebook could not be run ({type(exc).__name__}: {exc})"[:300]
    results: dict = {}
    for out in ran.cells[-1].get("outputs", []) if failure is None else []:
        for line in str(out.get("text", "")).splitlines():
            if line.startswith(MARKER):
                try:
                    results = json.loads(line[len(MARKER):])
                except ValueError:
                    results = {}
    if failure is None and not results and ran.cells[-1].get("outputs") is not None:
        failure = _cell_problem(ran.cells[-1], timeout, memory_mb)
    cells = {q: c for c in ran.cells[:-1] if c.cell_type == "code"
             for q in CHECK_CALL.findall(c.source)}
    rows = []
    for qid in ids:
        possible = question(qid).points
        entry = results.get(qid)
        if entry and entry.get("status") in _FROM_CHECK:
            status = _FROM_CHECK[entry["status"]]
            points = possible if status == "correct" else 0
            text = str(entry.get("message", ""))
        elif qid not in cells:
            status, points = "not run", 0
            text = "the exercise cell is missing: it was deleted, or its check line removed."
        else:
            problem = _cell_problem(cells[qid], timeout, memory_mb) or failure
            status, points = ("error", 0) if problem else ("not run", 0)
            text = problem or "the check of this exercise did not run."
        rows.append(Row(learner, stem, qid, status, points, possible, (note + text).strip()))
    return rows, failure


def grade_notebook(learner: str, stem: str, path: Path | None, ids: list[str],
                   timeout: int = 60, memory_mb: int = 2048,
                   note: str = "") -> tuple[list[Row], str | None]:
    """Rows for one learner's notebook (``path`` None: missing) and why it failed."""
    import nbformat

    def all_rows(status: str, why: str) -> tuple[list[Row], str]:
        from .exercises import question

        return [Row(learner, stem, q, status, 0, question(q).points, (note + why).strip())
                for q in ids], why

    if path is None:
        return all_rows("not run", "the notebook is missing from the submission.")
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    except Exception as exc:
        why = f"{path.name} is not a valid notebook ({type(exc).__name__}: {exc})"[:300]
        return all_rows("error", why + ".")
    found = _exercise_ids(nb)
    if not set(found) & set(ids):
        return all_rows("not run", f"{path.name} holds none of this notebook's exercises: "
                        "a notebook from another course, or an empty one.")
    common = [q for q in found if q in ids]
    if common != [q for q in ids if q in common]:
        note += "Note: the exercise cells are not in the course's order. "
    with tempfile.TemporaryDirectory(prefix="sco-grade-") as scratch:
        return _run(learner, stem, nb, ids, Path(scratch), timeout, memory_mb, note)


def _match(folder: Path, course: dict[str, list[str]]) -> tuple[dict, list[str]]:
    """Notebook stem -> (path or None, note); plus the files that match nothing."""
    import nbformat

    files = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    by_name = {p.stem: p for p in files}
    chosen = {stem: (by_name.get(stem), "") for stem in course}
    extra = [p for p in files if p.stem not in course]
    unused = []
    for p in extra:
        try:
            ids = set(_exercise_ids(nbformat.read(str(p), as_version=4)))
        except Exception:
            ids = set()
        target = next((s for s, (hit, _) in chosen.items()
                       if hit is None and ids & set(course[s])), None)
        if target is None:
            unused.append(p.name)
        else:
            chosen[target] = (p, f"Graded from {p.name} (renamed). ")
    return chosen, unused


def grade(submissions: str | Path, out: str | Path, notebooks: list[str] | None = None,
          timeout: int = 60, memory_mb: int = 2048, progress: bool = True,
          jobs: int = 1) -> Summary:
    """Grade every learner's folder in ``submissions``; write the gradebook and pages.

    ``jobs`` notebooks run at once (each in its own kernel); the output is the same
    for any number of jobs.
    """
    from concurrent.futures import ThreadPoolExecutor

    from tqdm.auto import tqdm

    subs, out = Path(submissions).resolve(), Path(out).resolve()
    if not subs.is_dir():
        raise CourseError(f"{submissions} is not a folder. It should hold one folder per "
                          "learner with their notebooks.")
    if out == subs or subs in out.parents:
        raise CourseError("The output folder must not be inside the submissions folder "
                          "(grading never changes the submissions).")
    for protected in ("data", "notebooks", "course_lib"):
        root = (REPO_ROOT / protected).resolve()
        if out == root or root in out.parents:
            raise CourseError(f"Refusing to write grades into the course's {protected}/.")
    learners = sorted(p for p in subs.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not learners:
        raise CourseError(f"{submissions} holds no learner folders "
                          "(SUBMISSIONS/<learner>/<notebook>.ipynb).")
    course = course_exercises(notebooks)
    tasks, unused = [], {}
    for folder in learners:
        chosen, unused[folder.name] = _match(folder, course)
        tasks += [(folder.name, stem, path, note) for stem, (path, note) in chosen.items()]
    bar = tqdm(total=len(tasks), unit="notebook", desc="Grading", disable=not progress)

    def one(task):
        learner, stem, path, note = task
        result = grade_notebook(learner, stem, path, course[stem], timeout, memory_mb, note)
        bar.set_postfix_str(f"{learner}/{stem}")
        bar.update(1)
        return result

    with ThreadPoolExecutor(max_workers=max(1, int(jobs))) as pool:
        results = list(pool.map(one, tasks))  # in task order, whatever finishes first
    bar.close()
    summary = Summary()
    for (learner, stem, _, _), (rows, why) in zip(tasks, results):
        summary.rows += rows
        if why:
            summary.failed.append((learner, stem, why))
        else:
            summary.graded += 1
        if stem == list(course)[-1]:
            summary.rows += [Row(learner, name, "", "not run", 0, 0,
                                 "not a notebook of this course (name and exercises match "
                                 "none): not graded.") for name in unused[learner]]
    write_outputs(summary, out)
    return summary


def gradebook_text(rows: list[Row]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.learner, r.notebook, r.question, r.status, f"{r.points:g}",
                         f"{r.points_possible:g}", r.feedback])
    return buf.getvalue()


def feedback_html(learner: str, rows: list[Row]) -> str:
    """One self-contained page: score per notebook, then each exercise's feedback."""
    from .exercises import _md_to_html

    icons = {"correct": "✓", "wrong": "✗", "unanswered": "○", "error": "!", "not run": "–"}
    got = sum(r.points for r in rows)
    possible = sum(r.points_possible for r in rows)
    parts = [f"<h1>Feedback for {html.escape(learner)}</h1>",
             f"<p class='total'>Total: <strong>{got:g} of {possible:g} points</strong></p>"]
    for stem in dict.fromkeys(r.notebook for r in rows):
        mine = [r for r in rows if r.notebook == stem]
        score = f"{sum(r.points for r in mine):g} of {sum(r.points_possible for r in mine):g}"
        parts.append(f"<h2>{html.escape(stem)} <span class='score'>{score} points</span></h2>"
                     "<table><tr><th>Exercise</th><th>Result</th><th>Points</th>"
                     "<th>Feedback</th></tr>")
        for r in mine:
            parts.append(
                f"<tr class='{r.status.replace(' ', '-')}'><td><code>"
                f"{html.escape(r.question or '-')}</code></td><td>{icons[r.status]} "
                f"{r.status}</td><td>{r.points:g}/{r.points_possible:g}</td>"
                f"<td>{_md_to_html(r.feedback)}</td></tr>")
        parts.append("</table>")
    style = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;"
             "color:#111;line-height:1.4}table{border-collapse:collapse;width:100%}"
             "td,th{border:1px solid #ccc;padding:.35em .5em;text-align:left;"
             "vertical-align:top}td:nth-child(2){white-space:nowrap}th{background:#f3f3f3}.score{font-weight:normal;"
             "color:#555;font-size:.8em}.correct td:nth-child(2){color:#1e7b34}"
             ".wrong td:nth-child(2),.error td:nth-child(2){color:#a12a1f}"
             ".unanswered td:nth-child(2),.not-run td:nth-child(2){color:#555}")
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>Feedback: "
            f"{html.escape(learner)}</title><style>{style}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")


def write_outputs(summary: Summary, out: Path) -> None:
    """gradebook.csv and feedback/<learner>.html (the feedback folder is rewritten)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "gradebook.csv").write_text(gradebook_text(summary.rows), encoding="utf-8")
    pages = out / "feedback"
    if pages.exists():
        shutil.rmtree(pages)
    pages.mkdir()
    for learner in dict.fromkeys(r.learner for r in summary.rows):
        rows = [r for r in summary.rows if r.learner == learner]
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", learner)
        (pages / f"{safe}.html").write_text(feedback_html(learner, rows), encoding="utf-8")
