"""nbgrader round trip with real nbgrader (the `grading` extra; `make test` installs it):
a temporary nbgrader course from notebook 01, two simulated learners (one all correct,
one with a correct, a wrong and unanswered exercises), `generate_assignment`,
`autograde`, and the scores per exercise and in total. nbgrader runs from the course's
environment with only PATH set, as `make nbgrader` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_lib import editions, exercises
from course_lib.answers import written_answers
from course_lib.runner import course_notebooks

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ASSIGNMENT = "01_what_is_the_sco"


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.name)
def test_every_exercise_cell_carries_nbgrader_metadata(path):
    nb = nbformat.read(str(path), as_version=4)
    seen = []
    for cell in nb.cells:
        qid = editions.exercise_id(cell)
        if qid is None:
            continue
        seen.append(qid)
        want = editions.nbgrader_metadata(qid, exercises.question(qid).points)
        assert {k: cell.metadata.get(k) for k in want} == want, (
            f"{path.name}: cell of {qid} lacks nbgrader metadata or its points changed: "
            "run `.venv/bin/python tools/mark_exercises.py`")
    assert sorted(seen) == sorted(exercises.questions(path.stem[:2])), (
        "every registered exercise has exactly one exercise cell")


def test_graded_cells_follow_every_exercise():
    nb = editions.nbgrader_notebook(nbformat.read(
        str(REPO / "notebooks" / f"{ASSIGNMENT}.ipynb"), as_version=4))
    graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
              and c.cell_type == "code"]
    assert [c.metadata.nbgrader.grade_id for c in graded] == exercises.questions("01")
    written = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
               and c.cell_type == "markdown"]
    rubrics = written_answers()
    assert [c.metadata.nbgrader.grade_id for c in written] == [
        a for a, w in rubrics.items() if w.notebook == ASSIGNMENT]
    for cell in written:  # graded by hand, with the rubric's points
        meta = cell.metadata.nbgrader
        assert meta.solution and not meta.locked
        assert meta.points == rubrics[meta.grade_id].points > 0
    for cell in graded:
        meta = cell.metadata.nbgrader
        assert meta.locked and not meta.solution
        assert meta.points == exercises.question(meta.grade_id).points
        assert ".grade()" in cell.source
    nbformat.validate(nb)


def _nbgrader(course: Path, *args: str) -> str:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    res = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, f"nbgrader {' '.join(args)}:\n{res.stdout}\n{res.stderr}"
    return res.stdout + res.stderr


def _solutions() -> dict[str, str]:
    """Exercise id -> the instructor's solution lines (markers removed)."""
    nb = nbformat.read(str(REPO / "notebooks" / f"{ASSIGNMENT}.ipynb"), as_version=4)
    out = {}
    for cell in nb.cells:
        qid = editions.exercise_id(cell)
        if qid:
            lines = cell.source.split("\n")
            start = next(i for i, s in enumerate(lines) if editions.BEGIN in s)
            end = next(i for i, s in enumerate(lines) if editions.END in s)
            out[qid] = "\n".join(lines[start + 1:end])
    return out


def _submit(course: Path, learner: str, answers: dict[str, str]) -> None:
    released = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nb = nbformat.read(str(released), as_version=4)
    for cell in nb.cells:
        qid = cell.metadata.get("course", {}).get("exercise")
        if qid in answers:
            cell.source = cell.source.replace(editions.STUB, answers[qid])
    dest = course / "submitted" / learner / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    dest.parent.mkdir(parents=True)
    nbformat.write(nb, str(dest))


@pytest.mark.slow
def test_nbgrader_round_trip_scores_two_learners(tmp_path):
    if not (BIN / "nbgrader").exists():
        pytest.fail("nbgrader is not installed: `make test` installs the grading extra "
                    "(pip install -e '.[grading]')")
    course = tmp_path / "course"
    editions.write_nbgrader_course(course, [ASSIGNMENT])
    # generate_assignment and autograde create the assignment and the students in
    # nbgrader's database themselves (each nbgrader call costs seconds here)
    _nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    released = (course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text("utf-8")
    solutions = _solutions()
    for code in solutions.values():
        assert code.strip() not in released  # the release holds no solution
    ids = exercises.questions("01")
    _submit(course, "alice", solutions)
    _submit(course, "bob", {ids[0]: solutions[ids[0]], ids[1]: "answer = 12345"})
    _nbgrader(course, "autograde", ASSIGNMENT, "--force")

    from nbgrader.api import Gradebook

    points = {q: exercises.question(q).points for q in ids}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        def score(learner, qid):
            return gb.find_grade(qid, ASSIGNMENT, ASSIGNMENT, learner).score

        assert {q: score("alice", q) for q in ids} == points
        bob = {q: score("bob", q) for q in ids}
        totals = {s: gb.find_submission(ASSIGNMENT, s).score for s in ("alice", "bob")}
    assert bob == {q: (points[q] if q == ids[0] else 0) for q in ids}
    assert totals == {"alice": sum(points.values()), "bob": points[ids[0]]}
