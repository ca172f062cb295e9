"""'Predict, then look': a guess is recorded by check, never marked wrong, and reveal
compares it with the value computed from data."""

from __future__ import annotations

import pytest

from course_lib import exercises as ex
from course_lib.exercises import Question


@pytest.fixture
def guess_question(monkeypatch):
    q = Question(qid="99_guess", prompt="Guess", expected=lambda: 41.9, kind="prediction",
                 unit="%", what="the share computed from data", points=1)
    c = Question(qid="99_pick", prompt="Pick", expected=lambda: "b", kind="prediction",
                 choices={"a": "", "b": ""}, what="the reading the data favour")
    reg = ex.registry.registry()
    monkeypatch.setitem(reg, q.qid, q)
    monkeypatch.setitem(reg, c.qid, c)
    monkeypatch.setattr(ex.api, "_GUESSES", {})
    return q


def test_guess_is_recorded_never_wrong(guess_question):
    assert ex.check("99_guess", ...).status == "not_answered"
    assert ex.reveal("99_guess").status == "not_answered"
    fb = ex.check("99_guess", 80)
    # a guess is recorded, never "correct", and carries no points
    assert fb.status == "recorded" and not bool(fb) and fb.done
    assert (fb.points, fb.points_possible) == (0, 0)
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


@pytest.mark.parametrize("guess", [0.18, 0.5, -1, -1e308, 1e29, 100.5])
def test_impossible_share_guesses_are_refused_in_one_line(guess_question, guess):
    fb = ex.check("99_guess", guess)
    assert fb.status == "invalid" and "Not recorded" in fb.message, fb
    assert "\n" not in fb.message and len(fb.message) < 160, fb.message
    assert ex.reveal("99_guess").status == "not_answered"  # nothing was recorded


def test_a_fraction_guess_is_told_the_percentage(guess_question):
    fb = ex.check("99_guess", 0.18)
    assert "fraction" in fb.message and "18 %" in fb.message


@pytest.mark.parametrize("qid", ex.predictions())
def test_every_course_guess_is_recorded_without_points(qid, monkeypatch):
    monkeypatch.setattr(ex.api, "_GUESSES", {})
    q = ex.question(qid)
    guess = next(iter(q.choices)) if q.choices else (q.guess_range or (0, 1))[1] / 2
    fb = ex.check(qid, guess)
    assert fb.status == "recorded" and not fb.correct and fb.points == 0, fb
    assert q.points == 0
    for absurd in (-1e308, 1e29):
        if not q.choices:
            assert ex.check(qid, absurd).status == "invalid", (qid, absurd)
