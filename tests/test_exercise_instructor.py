"""Executed, the instructor edition reports every exercise as correct (a recorded guess
is not scored; written answers are marked by hand): a wrong reference solution, or a checker whose expected value drifted from the
notebook's own computation, fails here (``--nbval-lax`` cannot see it: check never raises).
"""

from __future__ import annotations

import pytest

from course_lib.grading import course_exercises, grade_notebook
from course_lib.paths import NOTEBOOKS_DIR

pytestmark = pytest.mark.slow
COURSE = course_exercises()


@pytest.mark.parametrize("stem", sorted(COURSE))
def test_instructor_solutions_are_correct(stem):
    rows, problem = grade_notebook("instructor", stem, NOTEBOOKS_DIR / f"{stem}.ipynb",
                                   COURSE[stem], timeout=120)
    assert problem is None, problem
    wrong = [(r.question, r.status, r.feedback) for r in rows
             if r.kind == "exercise" and r.status not in ("correct", "not scored")]
    assert not wrong, wrong
