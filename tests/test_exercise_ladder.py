"""Issue 19's ladder, checked on every section notebook (01-06).

Each section notebook has at least six exercises: at most one whose solution only calls a
course analysis function, at least four whose solution writes pandas on a loaded table,
at least one written-answer cell, and at least one "predict, then look" (a guess checked
before the explorer, revealed after it). Every numeric question names two or more
mistakes, each recognised by ``check``; hint ladders end with a pattern, not the solution.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import pytest

from course_lib.exercises import check, question, questions
from course_lib.ladder import CHECK, exercises
from course_lib.runner import course_notebooks

SECTION = [p for p in course_notebooks() if p.name[:2] in {"01", "02", "03", "04", "05", "06"}]
REVEAL = re.compile(r"""reveal\(\s*["']([0-9]{2}_\w+)["']""")
EXPLORER = re.compile(r"\w*explorer\w*\(")


def _nb(path: Path):
    return nbformat.read(str(path), as_version=4)


@pytest.mark.parametrize("path", SECTION, ids=lambda p: p.name)
def test_the_ladder(path):
    nb = _nb(path)
    headings = sum(len(re.findall(r"^###\s+Exercise\b", c.source, re.M))
                   for c in nb.cells if c.cell_type == "markdown")
    ex = [(e["index"], e["qid"], e["solution"]) for e in exercises(path)]
    kinds = [e["kind"] for e in exercises(path)]
    assert headings >= 6, f"{path.name}: {headings} exercises (at least six)"
    assert kinds.count("course") <= 1, (
        f"{path.name}: {kinds.count('course')} exercises only call a course function: "
        f"{[q for (_, q, _), k in zip(ex, kinds) if k == 'course']}")
    assert kinds.count("pandas") >= 4, (
        f"{path.name}: {kinds.count('pandas')} exercises write pandas (at least four): "
        f"{[q for (_, q, _), k in zip(ex, kinds) if k == 'pandas']}")
    answers = [c for c in nb.cells if c.cell_type == "markdown"
               and "answer" in c.metadata.get("tags", [])]
    assert answers, f"{path.name}: no written-answer cell"


@pytest.mark.parametrize("path", SECTION, ids=lambda p: p.name)
def test_predict_then_look(path):
    nb = _nb(path)
    guesses = [(i, q) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
               for q in CHECK.findall(cell.source) if question(q).kind == "prediction"]
    assert guesses, f"{path.name}: no 'predict, then look' exercise"
    explorers = [i for i, c in enumerate(nb.cells)
                 if c.cell_type == "code" and EXPLORER.search(c.source)]
    reveals = {q: i for i, c in enumerate(nb.cells) if c.cell_type == "code"
               for q in REVEAL.findall(c.source)}
    for i, q in guesses:
        later = [e for e in explorers if e > i]
        assert later, f"{q}: the guess must come before an explorer"
        assert q in reveals and reveals[q] > later[0], f"{q}: reveal it after the explorer"


NUMERIC = [q for q in questions() if q[:2] in {"01", "02", "03", "04", "05", "06"}
           and question(q).kind in {"number", "integer"}]
WITH_MISTAKES = [q for q in questions() if question(q).mistakes]


@pytest.mark.parametrize("qid", NUMERIC)
def test_numeric_questions_name_their_mistakes(qid):
    assert len(question(qid).mistakes) >= 2, f"{qid} names {len(question(qid).mistakes)} mistakes"


@pytest.mark.parametrize("qid", WITH_MISTAKES)
def test_each_mistake_is_recognised(qid):
    q = question(qid)
    expected = q.expected()
    for m in q.mistakes:
        value = m.value()
        if isinstance(value, float) and isinstance(expected, (int, float)) and math.isclose(
                value, float(expected), abs_tol=max(q.tolerance, 1e-9)):
            continue  # this mistake happens to give the right answer on these data
        fb = check(qid, value)
        assert not fb.correct and fb.mistake == m.label, (qid, m.label, fb.message)
        assert m.message in fb.message


SECTION_QIDS = [q for q in questions() if q[:2] in {"01", "02", "03", "04", "05", "06"}]


@pytest.mark.parametrize("qid", SECTION_QIDS)
def test_hints_end_with_a_pattern_not_the_solution(qid):
    hints = question(qid).hints
    assert hints, qid
    assert not re.search(r"\banswer\s*=", hints[-1]), f"{qid}: the last hint is the solution"
