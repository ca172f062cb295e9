"""Wrong methods as data, for every question of every notebook, and a scripted learner.

Every question lists its plausible wrong methods as :class:`Mistake` objects whose values
are computed from data. Here, for every question id in ``questions()``:

* each wrong method is told it is wrong, and ``check`` names *that* mistake (so its
  message is the one written for it);
* a number's tolerance is under half the distance from the expected value to the nearest
  wrong method, and comes from the precision its prompt states (``decimals``);
* a scripted learner answers each wrong method (never "correct") and the reference
  solution: the code between the solution markers of the instructor notebook, run in a
  namespace prepared by the notebook's earlier cells (it must be "correct"; a guess is
  "recorded"). The expected value is never fed back to ``check``.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from course_lib import exercises
from course_lib.exercises import FRACTION_LABEL, check, question, questions, states_precision
from course_lib.paths import NOTEBOOKS_DIR

ALL = questions()
NUMERIC = [q for q in ALL if question(q).kind in ("number", "integer")]
MISTAKES = [(qid, m.label) for qid in ALL for m in question(qid).mistakes]


def _mistake(qid: str, label: str):
    return next(m for m in question(qid).mistakes if m.label == label)


@pytest.fixture(autouse=True)
def _no_progress_file(monkeypatch):
    monkeypatch.setenv("SCO_COURSE_PROGRESS", "off")


# ------------------------------------------------------------------ wrong methods as data
@pytest.mark.parametrize("qid,label", MISTAKES, ids=[f"{q}:{m}" for q, m in MISTAKES])
def test_each_wrong_method_is_wrong_and_named(qid, label):
    value = _mistake(qid, label).value()
    fb = check(qid, value)
    assert fb.status == "incorrect", f"{qid}: the wrong method '{label}' ({value!r}) gets {fb}"
    assert fb.mistake == label, (f"{qid}: the wrong method '{label}' is named "
                                 f"'{fb.mistake}' instead: {fb.message}")


@pytest.mark.parametrize("qid", NUMERIC)
def test_tolerance_is_under_half_the_distance_to_every_wrong_method(qid):
    q = question(qid)
    expected = float(q.expected())
    for m in q.mistakes:
        gap = abs(float(m.value()) - expected)
        assert gap > 0, f"{qid}: the wrong method '{m.label}' gives the expected value"
        assert q.tolerance < gap / 2, (f"{qid}: tolerance {q.tolerance} is not under half "
                                       f"the distance {gap:.4g} to '{m.label}'")


@pytest.mark.parametrize("qid", NUMERIC)
def test_every_numeric_question_lists_its_wrong_methods(qid):
    q = question(qid)
    assert q.mistakes, f"{qid}: no wrong method listed"
    if q.unit == "%":
        assert any(m.label == FRACTION_LABEL for m in q.mistakes), (
            f"{qid}: a percentage without the 'fraction instead of percentage' mistake")


@pytest.mark.parametrize("qid", [q for q in NUMERIC if question(q).kind == "number"])
def test_tolerance_follows_the_precision_the_prompt_states(qid):
    q = question(qid)
    assert q.decimals is not None, f"{qid}: no `decimals`: the tolerance is not derived"
    assert math.isclose(q.tolerance, 0.5 * 10.0 ** -q.decimals)
    assert states_precision(q), f"{qid}: the prompt does not state the precision asked"


# ------------------------------------------------------------------ the scripted learner
def _notebook_answers(stem: str) -> dict[str, object]:
    """Run the instructor notebook's code cells in one namespace (this process) and
    keep, for each exercise, the answer its reference solution passes to ``check``."""
    import matplotlib
    import nbformat

    from course_lib.editions import exercise_id
    from course_lib.solutions import extract_regions

    matplotlib.use("Agg")
    nb = nbformat.read(str(NOTEBOOKS_DIR / f"{stem}.ipynb"), as_version=4)
    answers: dict[str, object] = {}
    current: list[str | None] = [None]
    real_check = exercises.check

    def spy(qid, answer=...):
        if qid == current[0] and qid not in answers:
            answers[qid] = answer
        return real_check(qid, answer)

    namespace: dict[str, object] = {"__name__": "__main__", "display": lambda *a, **k: None}
    old_cwd = Path.cwd()
    exercises.check = spy  # the set-up cell imports it from course_lib.exercises
    try:
        os.chdir(NOTEBOOKS_DIR)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            qid = exercise_id(cell)
            current[0] = qid if qid and extract_regions(cell.source) else None
            source = "\n".join(line for line in cell.source.split("\n")
                               if not line.lstrip().startswith(("%", "!")))
            exec(compile(source, f"{stem}.ipynb", "exec"), namespace)  # noqa: S102
    finally:
        exercises.check = real_check
        os.chdir(old_cwd)
        import matplotlib.pyplot as plt

        plt.close("all")
    return answers


_ANSWERS: dict[str, dict[str, object]] = {}


def _reference_answer(qid: str):
    stem = next(p.stem for p in sorted(NOTEBOOKS_DIR.glob(f"{qid[:2]}_*.ipynb")))
    if stem not in _ANSWERS:
        _ANSWERS[stem] = _notebook_answers(stem)
    assert qid in _ANSWERS[stem], f"{qid}: no reference solution found in {stem}"
    return _ANSWERS[stem][qid]


@pytest.mark.parametrize("qid", ALL)
def test_scripted_learner(qid):
    q = question(qid)
    for m in q.mistakes:
        fb = check(qid, m.value())
        assert not fb.correct, f"{qid}: the wrong method '{m.label}' is certified: {fb}"
    fb = check(qid, _reference_answer(qid))
    want = "recorded" if q.kind == "prediction" else "correct"
    assert fb.status == want, f"{qid}: the reference solution gets {fb}"
