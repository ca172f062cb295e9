"""The time model (course_lib/minutes.py), its place in the course map, and the lesson
plan's advice on what to skip."""

from __future__ import annotations

import math

import nbformat
import pytest

from course_lib import minutes as m
from course_lib.exercises import question, questions
from course_lib.runner import course_notebooks
from course_lib.teaching import GUIDE, README, rows


def _synthetic(tmp_path, words: int, code: int, qids: list[str], written: int = 0):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Title"))
    nb.cells.append(nbformat.v4.new_markdown_cell(" ".join(["word"] * words)))
    nb.cells += [nbformat.v4.new_code_cell(f"x{i} = {i}") for i in range(code)]
    nb.cells += [nbformat.v4.new_code_cell(f'answer = ...\ncheck("{q}", answer)') for q in qids]
    nb.cells += [nbformat.v4.new_code_cell(f'hint("{q}")') for q in qids]
    for _ in range(written):
        cell = nbformat.v4.new_markdown_cell("_Write your answer here._")
        cell.metadata["tags"] = ["answer"]
        nb.cells.append(cell)
    path = tmp_path / "99_demo.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_estimate_follows_the_stated_model(tmp_path):
    qids = questions()[:3]
    path = _synthetic(tmp_path, words=400, code=10, qids=qids, written=2)
    est = m.estimate(path)
    raw = ((400 + 1) / m.READING_WPM + 10 * m.CODE_CELL_MINUTES
           + sum(m.EXERCISE_MINUTES[question(q).kind] for q in qids)
           + 2 * m.WRITTEN_ANSWER_MINUTES)
    assert est.minutes == 5 * math.ceil(raw / 5)
    assert (est.words, est.code_cells, est.exercises, est.written) == (401, 10, 3, 2)


def test_every_notebook_has_an_estimate_and_the_map_shows_it():
    readme = README.read_text(encoding="utf-8")
    for r in rows():
        est = r["model"]
        assert est.minutes > 0
        row = next(ln for ln in readme.splitlines() if ln.startswith(f"| [{r['notebook']}]"))
        cells = [c.strip() for c in row.split("|")]
        assert cells[3] == str(r["minutes"])
        flagged = int(r["minutes"]) < est.minutes
        assert cells[4] == f"{est.minutes}{' ⚑' if flagged else ''}", row


def test_guide_states_the_model():
    text = GUIDE.read_text(encoding="utf-8")
    assert f"{m.READING_WPM} words a minute" in text
    assert "⚑" in text or all(int(r["minutes"]) >= r["model"].minutes for r in rows())


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.stem)
def test_skip_plan_fits_and_keeps_the_core(path):
    est = m.estimate(path)
    for given in (15, 30, 45):
        plan = m.skip_plan(est, given)
        assert not any(name.lower().startswith(m.CORE_SECTIONS) or name == "(top)"
                       for name, _ in plan)
        kept = est.minutes - sum(minutes for _, minutes in plan)
        skippable = [s for s in est.sections
                     if s[1] > 0 and s[0] != "(top)" and not s[0].lower().startswith(m.CORE_SECTIONS)]
        assert kept <= given or len(plan) == len(skippable), (given, kept, plan)
    assert m.skip_plan(est, est.minutes) == []


def test_course_wide_plans_come_from_the_notebooks_lesson_plans():
    """The guide's one-class plan and its variant are the notebooks' 90-minute plans
    (course_lib.lesson_plans), not a list of parts to skip."""
    from course_lib import lesson_plans

    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("### 1. One 90-minute class", 1)[1].split("### 2.", 1)[0]
    assert lesson_plans.class_timeline("02", 90) in section
    assert lesson_plans.summary("06", 90) in section
