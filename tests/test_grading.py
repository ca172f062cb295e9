"""``python -m course_lib grade``: one simulated class with every bad-submission case of
issue 20, graded twice (byte-identical), the submissions never changed."""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_lib import exercises, grading
from course_lib.editions import student_notebook
from course_lib.errors import CourseError

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "notebooks" / "00_start_here.ipynb"
NAME = SOURCE.name
IDS = grading.course_exercises(["00"])["00_start_here"]
FIRST = IDS[0]  # the warm-up: 3 + 4
pytestmark = pytest.mark.slow


def _instructor():
    return nbformat.read(str(SOURCE), as_version=4)


def _solution_cell(nb, qid):
    return next(c for c in nb.cells if c.cell_type == "code" and f'check("{qid}"' in c.source)


def _with_answer(code: str, qid: str = FIRST, nb=None):
    """The instructor notebook with the solution of ``qid`` replaced by ``code``."""
    nb = nb or _instructor()
    cell = _solution_cell(nb, qid)
    cell.source = f'{code}\ncheck("{qid}", answer)'
    return nb


def _write(folder: Path, nb, name: str = NAME) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(folder / name))


def _class(root: Path) -> dict[str, str]:
    """Write the class; return learner -> what their submission shows."""
    subs = root / "submissions"
    _write(subs / "alice", _instructor())
    student = student_notebook(_instructor())
    bob = _with_answer("answer = 3", nb=student)  # one wrong, the rest unanswered
    _write(subs / "bob", bob)
    (subs / "carol").mkdir(parents=True)
    (subs / "carol" / NAME).write_text('{"cells": [ this is not json', encoding="utf-8")
    _write(subs / "dave", _instructor(), name="my copy of 00.ipynb")  # renamed
    (subs / "erin").mkdir()  # missing notebook...
    _write(subs / "erin", nbformat.v4.new_notebook(), name="holiday.ipynb")  # ...and a stray
    deleted = _instructor()
    deleted.cells.remove(_solution_cell(deleted, IDS[1]))
    _write(subs / "frank", deleted)
    reordered = _instructor()
    a, b = (reordered.cells.index(_solution_cell(reordered, q)) for q in IDS[:2])
    reordered.cells[a], reordered.cells[b] = reordered.cells[b], reordered.cells[a]
    _write(subs / "gina", reordered)
    _write(subs / "hank", _with_answer("while True:\n    pass"))
    _write(subs / "ivan", _with_answer("big = bytearray(1536 * 1024**2)\nanswer = 3 + 4"))
    _write(subs / "jack", _with_answer("answer = 1 / 0"))
    other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('other course')")])
    _write(subs / "kim", other)
    return subs


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    subs = _class(root)
    before = _digest(subs)
    outs = []
    for run, jobs in (("first", "2"), ("second", "1")):  # same files for any --jobs
        res = subprocess.run(
            [sys.executable, "-m", "course_lib", "grade", str(subs), "--out",
             str(root / run), "--notebooks", "00", "--timeout", "6", "--memory", "1024",
             "--jobs", jobs],
            capture_output=True, text=True, timeout=600, cwd=root)
        assert res.returncode == 0, res.stderr
        outs.append(root / run)
    assert _digest(subs) == before, "grading changed the submissions"
    rows = list(csv.DictReader(io.StringIO((outs[0] / "gradebook.csv").read_text("utf-8"))))
    return outs, rows, res.stdout


def _rows(rows, learner):
    return {r["question"]: r for r in rows if r["learner"] == learner}


def test_grading_twice_is_byte_identical(graded):
    (first, second), _, _ = graded
    assert (first / "gradebook.csv").read_bytes() == (second / "gradebook.csv").read_bytes()
    assert _digest(first / "feedback") == _digest(second / "feedback")


def test_columns_and_statuses(graded):
    _, rows, _ = graded
    assert list(rows[0]) == list(grading.COLUMNS)
    assert {r["status"] for r in rows} <= set(grading.STATUSES)
    assert len({r["learner"] for r in rows}) == 11


def test_correct_wrong_and_unanswered(graded):
    _, rows, _ = graded
    alice = _rows(rows, "alice")
    assert set(alice) == set(IDS)
    for qid in IDS:
        assert alice[qid]["status"] == "correct"
        assert alice[qid]["points"] == alice[qid]["points_possible"] == str(
            exercises.question(qid).points)
    bob = _rows(rows, "bob")
    assert bob[FIRST]["status"] == "wrong" and bob[FIRST]["points"] == "0"
    assert all(bob[q]["status"] == "unanswered" for q in IDS[1:])


def test_every_bad_submission_has_a_status_and_a_reason(graded):
    _, rows, stdout = graded
    carol = _rows(rows, "carol")
    assert all(r["status"] == "error" and "not a valid notebook" in r["feedback"]
               for r in carol.values())
    dave = _rows(rows, "dave")
    assert all(r["status"] == "correct" and "renamed" in r["feedback"] for r in dave.values())
    erin = [r for r in rows if r["learner"] == "erin"]
    assert {r["status"] for r in erin if r["notebook"] == "00_start_here"} == {"not run"}
    assert any("missing" in r["feedback"] for r in erin)
    assert any(r["notebook"] == "holiday.ipynb" and "not a notebook of this course"
               in r["feedback"] for r in erin)
    frank = _rows(rows, "frank")
    assert frank[IDS[1]]["status"] == "not run" and "missing" in frank[IDS[1]]["feedback"]
    assert frank[FIRST]["status"] == "correct"
    gina = _rows(rows, "gina")
    assert all("not in the course's order" in r["feedback"] for r in gina.values())
    hank = _rows(rows, "hank")
    assert hank[FIRST]["status"] == "error" and "longer than the limit" in hank[FIRST]["feedback"]
    assert hank[IDS[1]]["status"] == "correct"  # the run went on after the stopped cell
    ivan = _rows(rows, "ivan")
    assert ivan[FIRST]["status"] == "error" and "out of memory" in ivan[FIRST]["feedback"]
    jack = _rows(rows, "jack")
    assert jack[FIRST]["status"] == "error" and "ZeroDivisionError" in jack[FIRST]["feedback"]
    kim = _rows(rows, "kim")
    assert all(r["status"] == "not run" and "another course" in r["feedback"]
               for r in kim.values())
    assert "could not be graded" in stdout and "carol/00_start_here" in stdout


def test_no_row_carries_an_expected_value(graded):
    _, rows, _ = graded
    text = "\n".join(r["feedback"] for r in rows if r["status"] != "correct")
    for qid in IDS:
        value = exercises.question(qid).expected()
        if isinstance(value, float) and not float(value).is_integer():
            assert f"{value:.2f}" not in text


def test_feedback_page_is_self_contained(graded):
    (first, _), rows, _ = graded
    page = (first / "feedback" / "bob.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "00_start_here" in page
    assert "Total: <strong>0 of" in page and "unanswered" in page
    for needle in ("src=\"http", "href=\"http", "<script"):
        assert needle not in page


def test_bad_arguments_are_clear(tmp_path):
    with pytest.raises(CourseError, match="is not a folder"):
        grading.grade(tmp_path / "nope", tmp_path / "out")
    (tmp_path / "subs").mkdir()
    with pytest.raises(CourseError, match="no learner folders"):
        grading.grade(tmp_path / "subs", tmp_path / "out")
    with pytest.raises(CourseError, match="inside the submissions"):
        grading.grade(tmp_path / "subs", tmp_path / "subs" / "out")
    with pytest.raises(CourseError, match="No course notebook"):
        grading.course_exercises(["99"])


# ---------------------------------------------------------------- an assignment (issue 29)
@pytest.fixture(scope="module")
def assignment(tmp_path_factory):
    """A class that handed in 00 and 02 only: one copied a solution, one handed in the
    instructor edition, one answered 00 by hand and left 02 out."""
    root = tmp_path_factory.mktemp("assignment")
    subs = root / "subs"
    student = student_notebook(_instructor())
    copied = _with_answer('from course_lib.exercises import solution\n'
                          f'exec(solution("{FIRST}").code)', nb=student)
    _write(subs / "lena", copied)
    second = REPO / "notebooks" / "02_expansion.ipynb"
    _write(subs / "lena", student_notebook(nbformat.read(str(second), as_version=4)),
           name=second.name)
    _write(subs / "mo", _instructor())
    _write(subs / "nia", _with_answer("answer = 3 + 4", nb=student_notebook(_instructor())))
    res = subprocess.run([sys.executable, "-m", "course_lib", "grade", str(subs), "--out",
                          str(root / "out"), "--quiet", "--jobs", "2"],
                         capture_output=True, text=True, timeout=600, cwd=root)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO((root / "out" / "gradebook.csv")
                                           .read_text("utf-8"))))
    return root / "out", rows, res.stdout


def test_an_assignment_lists_only_the_notebooks_handed_in(assignment):
    out, rows, stdout = assignment
    handed = {"00_start_here", "02_expansion"}
    assert {r["notebook"] for r in rows} == handed
    totals = list(csv.DictReader(io.StringIO((out / "totals.csv").read_text("utf-8"))))
    assert {t["notebook"] for t in totals} == handed | {"assignment"}
    for learner in ("lena", "mo", "nia"):
        mine = [t for t in totals if t["learner"] == learner]
        whole = next(t for t in mine if t["notebook"] == "assignment")
        parts = [t for t in mine if t["notebook"] != "assignment"]
        assert float(whole["points"]) == sum(float(t["points"]) for t in parts)
        assert float(whole["points_possible"]) == sum(float(t["points_possible"]) for t in parts)
        page = (out / "feedback" / f"{learner}.html").read_text("utf-8")
        assert "Assignment: 00, 02" in page and "03_security" not in page


def test_copied_solution_and_instructor_edition_are_flagged_not_failed(assignment):
    out, rows, stdout = assignment
    lena = _rows([r for r in rows if r["notebook"] == "00_start_here"], "lena")
    assert lena[FIRST]["status"] == "correct"
    assert grading.FLAG_SOLUTION_RUN in lena[FIRST]["flags"]
    assert grading.FLAG_SOLUTION_CELL in lena[FIRST]["flags"]
    assert not lena[IDS[1]]["flags"]
    mo = [r for r in rows if r["learner"] == "mo" and r["notebook"] == "00_start_here"]
    assert mo and all(grading.FLAG_INSTRUCTOR in r["flags"] for r in mo)
    nia = [r for r in rows if r["learner"] == "nia"]
    assert not any(r["flags"] for r in nia)
    page = (out / "feedback" / "lena.html").read_text("utf-8")
    assert grading.FLAG_SOLUTION_RUN in page and "no points were taken" in page
    assert "flagged: lena/00_start_here" in stdout


def test_class_overview_counts_what_the_gradebook_holds(assignment):
    out, rows, _ = assignment
    overview = list(csv.DictReader(io.StringIO((out / "class.csv").read_text("utf-8"))))
    for line in overview:
        mine = [r for r in rows if (r["notebook"], r["question"]) ==
                (line["notebook"], line["question"])]
        assert int(line["learners"]) == len(mine) == 3
        assert int(line["correct"]) == sum(r["status"] == "correct" for r in mine)
        assert int(line["flagged"]) == sum(bool(r["flags"]) for r in mine)
    first = next(x for x in overview if x["question"] == FIRST)
    assert first["correct"] == "3"
    page = (out / "class.html").read_text("utf-8")
    assert "data:image/png;base64," in page and "<script" not in page
    for learner in ("lena", "mo", "nia"):
        assert f"<td>{learner}</td>" in page


def test_a_status_check_does_not_score_is_not_scored():
    from course_lib.grading_exec import Run

    nb = student_notebook(_instructor())
    run = Run(results={FIRST: {"status": "recorded", "message": "guess kept"},
                       IDS[1]: {"status": "correct", "message": "yes"}})
    rows = {r.question: r for r in grading._rows_for("x", "00_start_here", nb, IDS, run, "")}
    assert rows[FIRST].status == "not scored" and rows[FIRST].points_possible == 0
    assert rows[IDS[1]].status == "correct"


def test_class_figure_and_mistakes_on_a_made_up_class():
    from course_lib.grading_report import Row, class_rows, top_mistakes

    rows = [Row(f"l{i}", "02_x", "02_q", "wrong" if i % 2 else "correct", 0, 1, "",
                mistake="fraction instead of percentage" if i % 4 == 1 else "")
            for i in range(8)]
    stats = class_rows(rows)
    assert stats[0]["correct"] == 4 and stats[0]["wrong"] == 4
    assert stats[0]["top_mistakes"] == top_mistakes([r.mistake for r in rows])
    assert stats[0]["top_mistakes"].endswith("(2)")
