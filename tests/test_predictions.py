"""'Predict, then look': a guess is recorded by check, never marked wrong, and reveal
compares it with the value computed from data."""

from __future__ import annotations

import pytest

from course_lib import exercises as ex
from course_lib.exercises import Question


@pytest.fixture
def guess_question(monkeypatch):
    reg = dict(ex._registry())
    q = Question(qid="99_guess", prompt="Guess", expected=lambda: 41.9, kind="prediction",
                 unit="%", what="the share computed from data", points=1)
    c = Question(qid="99_pick", prompt="Pick", expected=lambda: "b", kind="prediction",
                 choices={"a": "", "b": ""}, what="the reading the data favour")
    reg[q.qid], reg[c.qid] = q, c
    monkeypatch.setattr(ex, "_registry", lambda: reg)
    monkeypatch.setattr(ex, "_GUESSES", {})
    return q


def test_guess_is_recorded_never_wrong(guess_question):
    assert ex.check("99_guess", ...).status == "not_answered"
    assert ex.reveal("99_guess").status == "not_answered"
    fb = ex.check("99_guess", 80)
    assert fb.status == "recorded" and bool(fb) and fb.points == 1
    assert "41.9" not in fb.message  # recording does not show the value
    shown = ex.reveal("99_guess")
    assert shown.status == "recorded"
    assert "80" in shown.message and "41.9" in shown.message and "above" in shown.message
    assert "38.1 percentage points" in shown.message  # a gap between shares is in points
    ex.check("99_guess", 30)
    assert "below" in ex.reveal("99_guess").message


def test_bad_guesses_are_explained(guess_question):
    assert ex.check("99_guess", "lots").status == "invalid"
    assert ex.check("99_pick", "z").status == "invalid"
    assert ex.check("99_pick", "B").status == "recorded"
    assert "matched" in ex.reveal("99_pick").message
    assert ex.reveal("00_warmup_sum").status == "invalid"
