"""Every pandas method a reference solution uses is shown first in a worked example.

A worked example is a code cell that is not an exercise's solution: in notebook 00 (its
pandas primer) or earlier in the same notebook. The test lists each method's first use
(the notebook and cell where a learner first sees it) and fails for any method a
solution needs before any example has shown it (COURSE_SPEC, "Exercise discipline").
"""

from __future__ import annotations

import nbformat
import pytest

from course_lib.ladder import exercises, pandas_methods
from course_lib.runner import course_notebooks

NOTEBOOKS = course_notebooks()
PRIMER = next(p for p in NOTEBOOKS if p.name.startswith("00"))


def _shown(path) -> dict[str, int]:
    """method -> index of the first worked-example cell of ``path`` that calls it."""
    nb = nbformat.read(str(path), as_version=4)
    first: dict[str, int] = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "### BEGIN SOLUTION" in cell.source:
            continue
        for m in pandas_methods(cell.source):
            first.setdefault(m, i)
    return first


def first_uses() -> list[tuple[str, str, str]]:
    """(method, where a learner first sees it, the first solution that needs it)."""
    primer = _shown(PRIMER)
    rows: dict[str, tuple[str, str, str]] = {}
    for path in NOTEBOOKS:
        shown = _shown(path)
        for ex in exercises(path):
            for m in pandas_methods(ex["solution"]):
                if m in rows:
                    continue
                if m in primer:
                    where = f"{PRIMER.name} cell {primer[m]}"
                elif m in shown and shown[m] < ex["index"]:
                    where = f"{path.name} cell {shown[m]}"
                else:
                    where = "NOT SHOWN"
                rows[m] = (m, where, f"{ex['qid']} ({path.name} cell {ex['index']})")
    return sorted(rows.values())


def test_the_primer_shows_the_seven_operations():
    shown = _shown(PRIMER)
    for m in ("groupby", "merge", "pivot", "fillna", "rank", "isin", "sort_values"):
        assert m in shown, f"00's primer has no worked example of .{m}()"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_method_of_a_solution_is_shown_before_it(path):
    primer = _shown(PRIMER)
    shown = _shown(path)
    missing = []
    for ex in exercises(path):
        for m in pandas_methods(ex["solution"]):
            if m in primer or (m in shown and shown[m] < ex["index"]):
                continue
            missing.append(f"{ex['qid']} uses .{m}() before any worked example shows it")
    table = "\n".join(f"  .{m:<16} first shown: {w:<40} first needed: {n}"
                      for m, w, n in first_uses())
    assert not missing, "\n".join(missing) + "\nFirst uses:\n" + table


def test_first_use_table(capsys):
    """The table of first uses (run with ``-s`` to read it): one row per method."""
    rows = first_uses()
    with capsys.disabled():
        print("\nmethod            first shown                               first needed")
        for m, where, needed in rows:
            print(f".{m:<16} {where:<41} {needed}")
    assert len(rows) >= 15, "the solutions use fewer pandas methods than the primer shows"
    assert not [r for r in rows if r[1] == "NOT SHOWN"]
