"""Grade a class without nbgrader: ``python -m course_lib grade SUBMISSIONS --out DIR``.

``SUBMISSIONS/<learner>/<notebook>.ipynb`` (names as in the student edition). The
notebooks graded are those named (``notebooks``) or else those the class handed in (the
union over the learners): an assignment. Each is run in a fresh process of its own with
a per-cell time limit, a memory limit and no network (:mod:`course_lib.grading_exec`);
the learner's code never runs in the grading process.

Every bad submission becomes rows with a status and a reason, never a crash and never a
silent score: invalid JSON, a missing or renamed notebook, deleted or reordered cells, a
cell that loops or exhausts memory, an exception, a notebook from another course. What
is suspicious is flagged, not failed: an answer that used ``solution()`` (called in the
run, or in the answer cell) and a submission that is the instructor edition. Written
answers (cells tagged ``answer``) get rows ``to mark`` with the rubric's points. Writes
``DIR/gradebook.csv``, ``DIR/totals.csv``, ``DIR/feedback/<learner>.html`` and the class
overview ``DIR/class.csv`` and ``DIR/class.html`` (:mod:`course_lib.grading_report`).
SUBMISSIONS is only read; grading twice gives the same files.

>>> STATUSES
('correct', 'wrong', 'unanswered', 'error', 'not run', 'not scored', 'to mark')
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from .errors import CourseError
from .grading_report import COLUMNS, STATUSES, Row, Summary, write_outputs  # noqa: F401
from .paths import NOTEBOOKS_DIR, REPO_ROOT

#: check's statuses that are scored; any other (e.g. a recorded guess) is "not scored".
_FROM_CHECK = {"correct": "correct", "incorrect": "wrong", "invalid": "wrong",
               "not_answered": "unanswered", "error": "error"}
CHECK_CALL = re.compile(r"""check\(\s*["']([0-9]{2}_[A-Za-z0-9_]+)["']""")
SOLUTION_CALL = re.compile(r"""\bsolution\(""")
FLAG_SOLUTION_RUN = "solution() shown"
FLAG_SOLUTION_CELL = "solution() in the answer cell"
FLAG_INSTRUCTOR = "instructor edition handed in"


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


def is_instructor_edition(nb) -> bool:
    """True for a notebook that still holds the reference solutions (the instructor
    edition handed in as it is, or with few changes)."""
    edition = nb.get("metadata", {}).get("course", {}).get("edition")
    markers = any("BEGIN SOLUTION" in c.source for c in nb.cells)
    return markers or (edition is not None and edition != "student")


def _rows_for(learner: str, stem: str, nb, ids: list[str], run, note: str) -> list[Row]:
    """Rows of one executed notebook: its exercises, then its written answers."""
    from .answers import answer_id, is_answer_cell, learner_text, written_answers
    from .exercises import question

    instructor = is_instructor_edition(nb)
    cells = {q: (i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"
             for q in CHECK_CALL.findall(c.source)}
    rows = []
    for qid in ids:
        possible = question(qid).points
        entry = run.results.get(qid)
        flags = [FLAG_INSTRUCTOR] if instructor else []
        if qid in run.solutions:
            flags.append(FLAG_SOLUTION_RUN)
        if qid in cells and SOLUTION_CALL.search(cells[qid][1].source):
            flags.append(FLAG_SOLUTION_CELL)
        mistake = ""
        if entry:
            status = _FROM_CHECK.get(str(entry.get("status")), "not scored")
            points = possible if status == "correct" else 0
            possible = 0 if status == "not scored" else possible
            text, mistake = str(entry.get("message", "")), str(entry.get("mistake") or "")
        elif qid not in cells:
            status, points = "not run", 0
            text = "the exercise cell is missing: it was deleted, or its check line removed."
        else:
            problem = run.cells.get(cells[qid][0]) or run.failure
            status, points = ("error", 0) if problem else ("not run", 0)
            text = problem or "the check of this exercise did not run."
        rows.append(Row(learner, stem, qid, status, points, possible, (note + text).strip(),
                        mistake, "; ".join(flags)))
    rubrics = written_answers()
    for cell in nb.cells:
        aid = answer_id(cell) if is_answer_cell(cell) else ""
        if aid not in rubrics or not rubrics[aid].points:
            continue
        text = learner_text(cell.source) if not instructor else ""
        status = "to mark" if text else "unanswered"
        rows.append(Row(learner, stem, aid, status, 0, rubrics[aid].points,
                        text or "no written answer.", "",
                        FLAG_INSTRUCTOR if instructor else "", "written"))
    return rows


def _prepare(learner: str, stem: str, path: Path | None, ids: list[str], note: str):
    """(notebook, note, rows) for a submission that need not run, else (nb, note, None)."""
    import nbformat

    from .exercises import question

    def all_rows(status: str, why: str) -> tuple[None, str, list[Row]]:
        from .answers import written_answers

        written = [w for w in written_answers().values() if w.notebook == stem and w.points]
        return None, why, [Row(learner, stem, q, status, 0, question(q).points,
                               (note + why).strip()) for q in ids] + [
            Row(learner, stem, w.answer_id, status, 0, w.points, (note + why).strip(),
                kind="written") for w in written]

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
    return nb, note, None


def grade_notebook(learner: str, stem: str, path: Path | None, ids: list[str],
                   timeout: int = 60, memory_mb: int = 2048,
                   note: str = "") -> tuple[list[Row], str | None]:
    """Rows for one learner's notebook (``path`` None: missing) and why it failed."""
    import nbformat

    from .grading_exec import Job, run_all

    nb, note, rows = _prepare(learner, stem, path, ids, note)
    if rows is not None:
        return rows, note
    done: list = []
    with tempfile.TemporaryDirectory(prefix="sco-grade-") as scratch:
        nbformat.write(nb, str(Path(scratch) / f"{stem}.ipynb"))
        sources = [(k, c.source) for k, c in enumerate(nb.cells) if c.cell_type == "code"]
        run_all([0], lambda _: Job(sources, Path(scratch), timeout, memory_mb),
                lambda _, run: done.append(run))
    return _rows_for(learner, stem, nb, ids, done[0], note), done[0].failure


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


def _check_folders(subs: Path, out: Path, given: str | Path) -> list[Path]:
    if not subs.is_dir():
        raise CourseError(f"{given} is not a folder. It should hold one folder per "
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
        raise CourseError(f"{given} holds no learner folders "
                          "(SUBMISSIONS/<learner>/<notebook>.ipynb).")
    return learners


def grade(submissions: str | Path, out: str | Path, notebooks: list[str] | None = None,
          timeout: int = 60, memory_mb: int = 2048, progress: bool = True,
          jobs: int = 1) -> Summary:
    """Grade every learner's folder in ``submissions``; write the gradebook, the
    feedback pages and the class overview. ``notebooks`` None: the notebooks handed
    in. ``jobs`` notebooks run at once; the output is the same for any number."""
    import nbformat
    from tqdm.auto import tqdm

    from .grading_exec import Job, run_all

    subs, out = Path(submissions).resolve(), Path(out).resolve()
    learners = _check_folders(subs, out, submissions)
    course = course_exercises(notebooks)
    matched = {folder.name: _match(folder, course) for folder in learners}
    if not notebooks:  # the assignment: what the class handed in
        handed = {s for chosen, _ in matched.values() for s, (p, _) in chosen.items() if p}
        if not handed:
            raise CourseError(f"No learner in {submissions} handed in a notebook of this "
                              "course (names as in the student edition, e.g. "
                              "03_security_and_stability.ipynb).")
        course = {s: ids for s, ids in course.items() if s in handed}
        matched = {name: ({s: v for s, v in chosen.items() if s in course}, unused)
                   for name, (chosen, unused) in matched.items()}
    tasks = [(name, stem, path, note) for name, (chosen, _) in matched.items()
             for stem, (path, note) in chosen.items()]
    results: dict[int, tuple[list[Row], str | None]] = {}
    bar = tqdm(total=len(tasks), unit="notebook", desc="Grading", disable=not progress,
               mininterval=1)
    scratch = Path(tempfile.mkdtemp(prefix="sco-grade-"))

    def start(i):
        learner, stem, path, note = tasks[i]
        nb, note, rows = _prepare(learner, stem, path, course[stem], note)
        if rows is not None:
            return (rows, note)
        work = scratch / str(i)
        work.mkdir()
        nbformat.write(nb, str(work / f"{stem}.ipynb"))
        sources = [(k, c.source) for k, c in enumerate(nb.cells) if c.cell_type == "code"]
        contexts[i] = (nb, note)
        return Job(sources, work, timeout, memory_mb)

    contexts: dict[int, tuple] = {}

    def finish(i, run):
        learner, stem, _, _ = tasks[i]
        if isinstance(run, tuple):
            results[i] = run
        else:
            nb, note = contexts.pop(i)
            results[i] = (_rows_for(learner, stem, nb, course[stem], run, note), run.failure)
        bar.set_postfix_str(f"{learner}/{stem}", refresh=False)
        bar.update(1)

    try:
        run_all(list(range(len(tasks))), start, finish, jobs)
    finally:
        bar.close()
        shutil.rmtree(scratch, ignore_errors=True)
    summary = Summary(notebooks=list(course))
    for i, (learner, stem, _, _) in enumerate(tasks):
        rows, why = results[i]
        summary.rows += rows
        if why:
            summary.failed.append((learner, stem, why))
        else:
            summary.graded += 1
        if stem == list(course)[-1]:
            summary.rows += [Row(learner, name, "", "not run", 0, 0,
                                 "not a notebook of this course (name and exercises match "
                                 "none): not graded.") for name in matched[learner][1]]
    write_outputs(summary, out)
    return summary
