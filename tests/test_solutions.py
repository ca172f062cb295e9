"""solution(qid): the reference solution from the instructor edition, after a line asking
the learner to try first; never raises. And the learner's workspace: student edition."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest

from course_lib import solutions
from course_lib.editions import student_notebook
from course_lib.exercises import questions
from course_lib.paths import NOTEBOOKS_DIR
from course_lib.solutions import TRY_FIRST, solution


def _instructor_cells():
    """(notebook, cell source) for each code cell with solution markers."""
    for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source:
                yield path, cell.source


def _checked_in_notebooks() -> set[str]:
    ids = set()
    for path in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"):
        text = path.read_text(encoding="utf-8")
        ids |= set(re.findall(r'check\(\\"([^\\"]+)\\"', text))
    return ids


def test_every_exercise_of_the_notebooks_has_a_solution():
    wanted = _checked_in_notebooks() & set(questions())
    assert wanted, "no check(...) calls found in notebooks/"
    missing = sorted(q for q in wanted if not solution(q).found)
    assert not missing, missing


def test_solution_is_the_instructor_code_and_absent_from_the_student_edition():
    for path, source in _instructor_cells():
        ids = re.findall(r'check\("([^"]+)"', source)
        if not ids:
            continue
        body = source.split("### BEGIN SOLUTION\n", 1)[1].split("### END SOLUTION", 1)[0]
        for qid in ids:
            got = solution(qid)
            assert got.found, qid
            assert body.strip() in got.code, (qid, body, got.code)
            student = student_notebook(nbformat.read(str(path), as_version=4))
            assert all(body.strip() not in c.source for c in student.cells), qid


def test_try_first_comes_before_the_code():
    qid = sorted(solutions.load_solutions())[0]
    md = solution(qid)._repr_markdown_()
    assert md.index("Try first") < md.index("```python")
    assert TRY_FIRST.split(":")[0] in str(solution(qid))


@pytest.mark.parametrize("bad", ["no_such_id", 3, None, "", ..., ["02"]])
def test_bad_ids_give_a_message_not_an_error(bad):
    got = solution(bad)
    assert not got.found
    assert got.message
    assert "Traceback" not in got._repr_markdown_()


def test_close_ids_are_suggested():
    qid = sorted(solutions.load_solutions())[0]
    assert f"`{qid}`" in solution(qid[:-1] + "x").message


def test_handout_file_is_read_instead_of_notebooks(tmp_path, monkeypatch):
    table = {"99_demo": {"notebook": "99_demo", "code": "answer = 42"}}
    path = tmp_path / "solutions.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    monkeypatch.setattr(solutions, "SOLUTIONS_FILE", path)
    assert solution("99_demo").code == "answer = 42"
    assert not solution(sorted(solutions.solutions_from_notebooks())[0]).found


def test_a_student_edition_holds_no_solutions(tmp_path):
    for path in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"):
        nbformat.write(student_notebook(nbformat.read(str(path), as_version=4)),
                       str(tmp_path / path.name))
    assert solutions.solutions_from_notebooks(tmp_path) == {}


def _workspace(tmp_path, *extra):
    return subprocess.run([sys.executable, "-m", "course_lib", "workspace", "--dir",
                           str(tmp_path), *extra], capture_output=True, text=True, check=True)


def test_workspace_is_the_student_edition_and_keeps_edited_copies(tmp_path):
    first = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))[0]
    # an untouched instructor copy (as older versions wrote) and an edited one
    (tmp_path / first.name).write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    second = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))[1]
    (tmp_path / second.name).write_text("my own work", encoding="utf-8")
    out = _workspace(tmp_path).stdout
    assert "student edition" in out
    assert (tmp_path / second.name).read_text(encoding="utf-8") == "my own work"
    for path in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"):
        if path.name == second.name:
            continue
        text = (tmp_path / path.name).read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text, path.name
        nb = nbformat.reads(text, as_version=4)
        assert nb.metadata["course"]["edition"] == "student"


def test_instructor_workspace_on_request(tmp_path):
    _workspace(tmp_path, "--edition", "instructor")
    assert any("BEGIN SOLUTION" in p.read_text(encoding="utf-8")
               for p in tmp_path.glob("*.ipynb"))
