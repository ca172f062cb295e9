"""course_lib.exercises: specific feedback, and check/hint never raise."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from course_lib import exercises
from course_lib.exercises import Feedback, Question, _compare_number, check, hint, questions

ALL = questions()

ODD_INPUTS = [
    ..., None, float("nan"), float("inf"), -0.0, "", "   ", "7", "27.3 %", "abc", True, False,
    [], [1, 2], {}, {"a": 1}, set(), (1,), pd.NA, pd.NaT, np.nan, np.int64(3), np.float32(2.5),
    np.array([]), np.array([1.0, 2.0]), np.array([[1]]), pd.Series([], dtype=float),
    pd.Series([1.0]), pd.Series(["CHN", "RUS"]), pd.DataFrame(), pd.DataFrame({"a": [1, 2]}),
    pd.DataFrame({"iso3": ["CHN"]}), pd.Index(["CHN"]), object(), lambda x: x, 10**400,
    complex(1, 2), b"bytes", ["CHN", None], ["chn", "rus"], "b", "B", 1, 2,
]


def test_there_are_questions_and_ids_are_prefixed():
    assert "00_warmup_sum" in ALL
    for qid in ALL:
        assert qid[:2].isdigit() and qid[2] == "_", qid


@pytest.mark.parametrize("qid", ALL)
def test_check_never_raises_on_odd_inputs(qid):
    for answer in ODD_INPUTS:
        fb = check(qid, answer)
        assert isinstance(fb, Feedback)
        assert fb.status in {"correct", "incorrect", "not_answered", "invalid", "error", "recorded"}, (answer, fb)
        assert fb.message
        assert fb._repr_html_().startswith("<div")


@pytest.mark.parametrize("qid", ALL)
def test_ellipsis_means_not_answered(qid):
    assert check(qid, ...).status == "not_answered"


@pytest.mark.parametrize("qid", ALL)
def test_expected_answer_is_accepted_and_hints_exist(qid):
    q = exercises.question(qid)
    expected = q.expected()
    fb = check(qid, expected)
    assert fb.status == ("recorded" if q.kind == "prediction" else "correct"), fb
    assert len(q.hints) >= 1
    assert hint(qid, 1).status == "hint"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    qid=st.sampled_from(ALL or ["00_warmup_sum"]),
    answer=st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20), st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=5),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
        st.binary(max_size=5), st.complex_numbers(),
    ),
)
def test_check_never_raises_fuzzed(qid, answer):
    fb = check(qid, answer)
    assert isinstance(fb, Feedback) and fb.message


@given(qid=st.one_of(st.text(max_size=30), st.integers(), st.none()))
def test_unknown_ids_are_friendly(qid):
    if isinstance(qid, str) and qid in ALL:
        return
    fb = check(qid, 1)  # type: ignore[arg-type]
    assert fb.status == "unknown_question"
    assert hint(qid).status == "unknown_question"  # type: ignore[arg-type]


def test_feedback_says_exactly_what_it_compared():
    q = Question("99_demo", "demo", lambda: 27.34, kind="number", tolerance=0.1, unit="%",
                 what="the share computed from data/wb_indicators.csv")
    fb = _compare_number(q, 27.3, 27.34)
    assert fb.correct
    assert "27.3 %" in fb.message and "within 0.1 of the share computed" in fb.message
    low = _compare_number(q, 0.2734, 27.34)
    assert not low.correct and "fraction" in low.message
    far = _compare_number(q, 30, 27.34)
    assert "too high" in far.message


def test_text_answers_and_sets():
    q = Question("99_set", "demo", lambda: ["CHN", "RUS"], kind="set", what="the members")
    assert exercises._compare_set(q, ["chn", "rus"], ["CHN", "RUS"]).correct
    fb = exercises._compare_set(q, ["CHN", "USA"], ["CHN", "RUS"])
    assert "1 item(s) are missing" in fb.message and "USA" in fb.message


def test_hints_advance_and_stop_at_the_last():
    first = hint("00_members_2017", 1)
    second = hint("00_members_2017")
    assert first.message.startswith("1/") and second.message.startswith("2/")
    for _ in range(5):
        last = hint("00_members_2017")
    n = len(exercises.question("00_members_2017").hints)
    assert last.message.startswith(f"{n}/{n}")


def test_nan_gets_its_own_message():
    fb = check("00_warmup_sum", math.nan)
    assert fb.status == "invalid" and "NaN" in fb.message
