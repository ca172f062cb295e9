"""Set nbgrader's metadata on every exercise cell of notebooks/*.ipynb.

An exercise cell holds a solution region and a ``check("<id>", answer)`` line. It gets
nbgrader's "autograded answer" metadata (solution cell, grade id ``<id>_answer``) and
``course.exercise`` / ``course.points`` (points from the question registry), from
which ``python -m course_lib nbgrader-course`` adds the autograded cell. Only cell
metadata changes: the script refuses to write if a source, an output or a cell id
would change. Run it again after adding exercises or changing points:

    .venv/bin/python tools/mark_exercises.py
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course_lib.editions import mark_exercise_cells  # noqa: E402
from course_lib.runner import course_notebooks  # noqa: E402


def _without_metadata(nb) -> list:
    return [(c.get("id"), c.cell_type, c.source, c.get("outputs")) for c in nb.cells]


def main() -> int:
    for path in course_notebooks():
        text = path.read_text(encoding="utf-8")
        nb = nbformat.reads(text, as_version=4)
        before = copy.deepcopy(_without_metadata(nb))
        ids = mark_exercise_cells(nb)
        assert _without_metadata(nb) == before, f"{path.name}: more than metadata changed"
        new = nbformat.writes(nb) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
        print(f"{path.name}: {len(ids)} exercise cell(s) {'updated' if new != text else 'unchanged'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
