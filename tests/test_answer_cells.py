"""Written-answer cells: a question in the text that no `check` answers gets a Markdown
cell tagged `answer` right after its exercise or prompt; the student edition keeps it."""

from __future__ import annotations

import nbformat
import pytest

from course_lib.answers import written_answers
from course_lib.editions import MD_STUB, strip_solutions, student_notebook
from course_lib.paths import NOTEBOOKS_DIR
from course_lib.runner import course_notebooks


def _answer_cells(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if "answer" in (c.metadata.get("tags") or [])]


@pytest.mark.parametrize("path", course_notebooks(NOTEBOOKS_DIR), ids=lambda p: p.stem)
def test_answer_cells_follow_a_question_and_survive_the_student_edition(path):
    nb = nbformat.read(str(path), as_version=4)
    student = student_notebook(nb)
    kept = {c.metadata.get("course", {}).get("answer_id"): c.source
            for _, c in _answer_cells(student)}
    for i, cell in _answer_cells(nb):
        assert cell.cell_type == "markdown"
        aid = cell.metadata["course"]["answer_id"]
        assert aid.startswith(path.stem[:2]), aid
        assert kept.get(aid) == strip_solutions(cell.source, MD_STUB), aid
        assert "Model answer" not in kept[aid] and "Rubric" not in kept[aid], aid
        before = [c for c in nb.cells[max(0, i - 4):i]
                  if c.cell_type == "markdown" and "answer" not in (c.metadata.get("tags") or [])]
        assert before and "?" in before[-1].source, aid


def test_answer_ids_are_unique_and_the_known_questions_have_one():
    ids = []
    for path in course_notebooks(NOTEBOOKS_DIR):
        nb = nbformat.read(str(path), as_version=4)
        ids += [c.metadata["course"]["answer_id"] for _, c in _answer_cells(nb)]
    assert len(ids) == len(set(ids))
    for question in ("country made that peak?", "Why might that be?"):
        found = False
        for path in course_notebooks(NOTEBOOKS_DIR):
            nb = nbformat.read(str(path), as_version=4)
            for i, cell in enumerate(nb.cells):
                if question in cell.source and "answer" not in (cell.metadata.get("tags") or []):
                    found = found or any("answer" in (c.metadata.get("tags") or [])
                                for c in nb.cells[i + 1:i + 5])
        assert found, question


def test_every_written_answer_has_a_model_answer_and_a_rubric():
    found = written_answers()
    total = sum(len(_answer_cells(nbformat.read(str(p), as_version=4)))
                for p in course_notebooks(NOTEBOOKS_DIR))
    assert len(found) == total
    for aid, w in found.items():
        assert len(w.model.split()) >= 30, f"{aid}: no model answer"
        assert len(w.rubric) >= 2, f"{aid}: a rubric needs at least two items"
        assert w.points == w.stated_points, f"{aid}: the rubric's items do not add up"
        assert w.prompt.startswith("**Your written answer"), aid
