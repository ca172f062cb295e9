"""Every lesson plan: its focus exercises are in class, at least three exercises stay in
class, and the minutes add up (issue 29). The minutes are recomputed here cell by cell
from the time model, independently of the plan's own bookkeeping."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course_lib import lesson_plans, minutes
from course_lib.answers import written_answers
from course_lib.course import notebook_meta
from course_lib.exercises import questions
from course_lib.runner import course_notebooks

REPO = Path(__file__).resolve().parents[1]
PLANS = lesson_plans.plans()
GUIDE = (REPO / "docs" / "teaching.md").read_text(encoding="utf-8")


def _path(plan):
    return next(p for p in course_notebooks() if p.stem == plan.notebook)


def test_every_section_notebook_has_a_50_and_a_90_minute_plan():
    sections = [p.stem for p in course_notebooks() if p.stem[:2] != "00"]
    assert sorted((p.notebook, p.length) for p in PLANS) == sorted(
        (nb, n) for nb in sections for n in (50, 90))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: f"{p.notebook[:2]}-{p.length}")
def test_focus_in_class_three_exercises_and_minutes_add_up(plan):
    known = set(questions()) | set(written_answers())
    assert set(plan.focus_ids) <= known, "a focus names an exercise that does not exist"
    in_class = set(plan.in_class_ids)
    assert set(plan.focus_ids) <= in_class, "a focus exercise is not in class"
    for _, _, ids in plan.skipped + plan.homework:
        assert not set(ids) & set(plan.focus_ids)
    assert len(in_class & set(questions())) >= 3, "fewer than three exercises in class"
    assert plan.start + plan.in_class_minutes + plan.end <= plan.length + 1e-9
    nb = nbformat.read(str(_path(plan)), as_version=4)
    whole = sum(minutes.cell_minutes(c)[0] for c in nb.cells)
    parts = plan.in_class_minutes + plan.homework_minutes + plan.skipped_minutes
    assert parts == pytest.approx(whole)
    assert minutes.round_up(whole) == minutes.estimate(_path(plan)).minutes
    every = [i for _, _, ids in plan.in_class + plan.homework + plan.skipped for i in ids]
    checked = {q for c in nb.cells if c.cell_type == "code"
               for q in re.findall(r"""check\(\s*["']([^"']+)["']""", c.source)}
    assert checked <= set(every), "an exercise of the notebook is in no part of the plan"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: f"{p.notebook[:2]}-{p.length}")
def test_the_guide_shows_the_plan(plan):
    part = GUIDE.split(f"### {plan.notebook[:2]} · ", 1)[1].split("\n### ", 1)[0]
    assert "**Lesson plans**" in part
    assert plan.focus.claim.replace("|", "\\|") in part
    assert f"about {plan.in_class_minutes:.0f} min" in part


def test_the_course_wide_class_keeps_its_focus():
    section = GUIDE.split("### 1. One 90-minute class", 1)[1].split("### 2.", 1)[0]
    plan = lesson_plans.plan("02", 90)
    timetable = section.split("Homework", 1)[0]
    for qid in plan.focus_ids:
        assert f"`{qid}`" in timetable
    for _, _, ids in plan.homework + plan.skipped:
        for qid in ids:
            assert f"`{qid}`" not in timetable
    assert "skip these parts" not in GUIDE


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.stem)
def test_authors_minutes_are_not_far_below_the_model(path):
    author = int(notebook_meta(path)["minutes"])
    assert author >= minutes.estimate(path).minutes - 10, (
        f"{path.stem} says {author} minutes; the time model says more")


def test_answer_key_lists_every_exercise_and_no_garbled_mistake():
    for qid in questions():
        rows = [ln for ln in GUIDE.splitlines() if ln.startswith(f"| `{qid}` |")]
        assert rows, f"{qid} has no answer in the guide"
        wrong = rows[-1].rsplit("|", 2)[-2].split("; ")
        assert len(wrong) == len(set(wrong)), f"{qid}: {wrong}"
    for aid, w in written_answers().items():
        assert f"`{aid}` ({w.points} points). {w.model}" in GUIDE
