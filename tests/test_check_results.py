"""What a check result carries (never the expected value), named mistakes, grade() for
autograded cells, and the learner's progress file."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from course_lib import exercises, progress as progress_mod, sco
from course_lib.exercises import Feedback, Mistake, Question, check, questions
from course_lib.paths import REPO_ROOT

DATA = REPO_ROOT / "data"
ALL = questions()


@pytest.fixture(autouse=True)
def _progress_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv(progress_mod.ENV_VAR, str(tmp_path / "progress.json"))
    progress_mod._SESSION.clear()
    progress_mod._SOLVED.clear()
    yield


def _wrong_answers(q: Question, expected):
    if q.kind in {"number", "integer"}:
        e = float(expected)
        return [..., e * 1.37 + 11, -e - 3, "text", None]
    if q.kind == "choice":
        return [..., *[k for k in q.choices if k != expected][:2], 42]
    if q.kind == "set":
        return [..., ["ZZZ"], 5]
    return [..., "zzz-not-it", 7]


def _public_values(fb: Feedback) -> list[str]:
    """str() of every public attribute, and of what every public method returns or
    raises when called without arguments."""
    out = []
    for name in dir(fb):
        if name.startswith("__") and name not in {"__str__", "__repr__"}:
            continue
        value = getattr(fb, name)
        if callable(value):
            try:
                value = value()
            except Exception as exc:  # grade() raises for a wrong answer
                value = exc
        out.append(str(value))
    return out


def _forms(expected) -> list[str]:
    """How a learner might read the expected value off a text."""
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        e = float(expected)
        if e.is_integer():  # small whole numbers occur in any text: look for "= 7"
            return [f"= {int(e)}", f"= {int(e):,}"]
        return sorted({f"{e:.2f}", f"{e:.3f}", repr(e), f"{e:,.2f}"})
    return []


def test_feedback_has_only_status_message_points():
    names = {f.name for f in dataclasses.fields(Feedback)}
    assert names == {"qid", "status", "message", "points", "points_possible", "mistake"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        check("00_warmup_sum", 3).status = "correct"  # type: ignore[misc]


@pytest.mark.parametrize("qid", ALL)
def test_no_result_hands_out_the_expected_value(qid):
    q = exercises.question(qid)
    if q.kind == "prediction":
        pytest.skip("a guess is never wrong; reveal() shows the value when asked (test_predictions)")
    expected = q.expected()
    static = q.prompt + q.explanation + " ".join(q.choices.values())  # not `what`
    for answer in _wrong_answers(q, expected):
        fb = check(qid, answer)
        assert not fb.correct or q.kind == "prediction"  # a guess is recorded, never wrong
        for name in dir(fb):
            if not name.startswith("_") and not callable(getattr(fb, name)):
                value = getattr(fb, name)
                if not isinstance(value, (bool, int, float)) or isinstance(expected, str):
                    assert value != expected or value in (fb.qid, fb.status), (name, answer)
        texts = _public_values(fb)
        for form in _forms(expected):
            if form in static:
                continue
            for text in texts:
                assert form not in text, (qid, answer, text)
        if q.kind == "set":
            exp = sorted(str(e).upper() for e in expected)
            for text in texts:
                assert ", ".join(exp) not in text


def test_grade_raises_only_for_a_wrong_or_missing_answer():
    assert check("00_warmup_sum", 3 + 4).grade() is None
    for answer in (..., 3, "x"):
        with pytest.raises(AssertionError) as err:
            check("00_warmup_sum", answer).grade()
        assert "00_warmup_sum" in str(err.value)


def test_points_come_from_the_registry():
    for qid in ALL[:5]:
        q = exercises.question(qid)
        fb = check(qid, ...)
        assert (fb.points, fb.points_possible) == (0, q.points)


# ------------------------------------------------------------------- named mistakes
def _claims_value(claim_id: str) -> float:
    claims = pd.read_csv(DATA / "claims.csv")
    return float(claims.loc[claims.claim_id == claim_id, "value"].iloc[0])


def test_kg_per_year_names_the_five_year_total_and_tonnes():
    tonnes = _claims_value("heroin_tonnes")
    total_kg = tonnes * 1000
    fb = check("04_kg_per_year", total_kg)
    assert fb.status == "incorrect" and fb.mistake == "five-year total instead of a yearly average"
    assert "five years" in fb.message and f"{total_kg / 5:,.0f}" not in fb.message
    fb = check("04_kg_per_year", tonnes / 5)
    assert fb.mistake == "tonnes instead of kilograms"
    assert check("04_kg_per_year", total_kg / 5).correct
    assert check("04_kg_per_year", total_kg / 4).mistake is None


def _pakistan_share(first: int, last: int) -> float:
    d = pd.read_csv(DATA / "ucdp_deaths.csv")
    members = sco.members("2017-10-01")
    d = d[(d.type_of_violence == "all") & d.iso3.isin(members) & d.year.between(first, last)]
    per_country = d.groupby("iso3").deaths_best.sum()
    return 100 * per_country["PAK"] / per_country.sum()


def test_pakistan_share_names_fraction_and_wrong_period():
    share = _pakistan_share(2011, 2015)
    assert check("03_pakistan_share", share).correct
    fb = check("03_pakistan_share", share / 100)
    assert fb.mistake == "fraction instead of percentage", fb
    assert "percentage" in fb.message
    earlier = _pakistan_share(2006, 2010)
    assert abs(earlier - share) > 1  # the two periods really differ
    assert check("03_pakistan_share", earlier).mistake == "the wrong period"
    assert check("03_pakistan_share", 1).mistake is None  # not "a fraction": 1 is not 0.75
    assert check("03_pakistan_share", share + 7).mistake is None


def test_mistake_mechanism_on_a_demo_question_and_broken_mistake():
    def broken():
        raise ValueError("no data")

    q = Question("99_demo", "demo, to one decimal", lambda: 12.0, decimals=1, unit="%",
                 hints=("Use `groupby`.",),  # the last hint need not be a solution
                 mistakes=(Mistake("broken", broken, "never shown"),
                           Mistake("fraction", lambda: 0.12, "A fraction, not a percentage.")))
    fb = exercises.api._check(q, 0.12)
    assert fb.mistake == "fraction" and "A fraction" in fb.message
    assert exercises.api._check(q, 12.0).correct
    assert exercises.api._check(q, 3.0).mistake is None


# ------------------------------------------------------------------------- progress
def test_progress_records_checks_and_keeps_answers(tmp_path):
    file = tmp_path / "progress.json"
    check("00_warmup_sum", 7)
    check("00_members_2017", 3)
    saved = json.loads(file.read_text(encoding="utf-8"))["results"]
    assert saved["00_warmup_sum"]["status"] == "correct"
    assert saved["00_members_2017"]["status"] == "incorrect"
    check("00_warmup_sum", ...)  # a fresh copy of the notebook: not answered again
    assert json.loads(file.read_text(encoding="utf-8"))["results"]["00_warmup_sum"][
        "status"] == "correct"
    progress_mod._SESSION.clear()  # a new session sees the file
    p = exercises.progress()
    assert dict(p.rows)["00_warmup_sum"] == "correct"
    assert p.correct == 1 and p.total + len(p.predictions) == len(ALL)
    assert "1 of" in str(p) and "<table>" in p._repr_html_()
    assert "answer" not in json.dumps(saved).replace("answered", "")


@pytest.mark.parametrize("damage", ["{not json", '{"results": [1, 2]}', "", '{"results": {"x": 1}}'])
def test_damaged_progress_file_is_recreated_with_a_note(tmp_path, damage):
    file = tmp_path / "progress.json"
    file.write_text(damage, encoding="utf-8")
    p = exercises.progress()
    assert any("damaged" in n and "recreated" in n for n in p.notes), p.notes
    assert "damaged" in str(p)
    assert json.loads(file.read_text(encoding="utf-8"))["results"] == {}
    check("00_warmup_sum", 7)
    assert "00_warmup_sum" in json.loads(file.read_text(encoding="utf-8"))["results"]


def test_progress_file_is_never_in_course_folders(monkeypatch):
    monkeypatch.delenv(progress_mod.ENV_VAR)
    for folder in ("notebooks", "data", "course_lib", ".", "build/student"):
        assert progress_mod.progress_file(REPO_ROOT / folder) is None, folder
    learner = Path("/tmp/some-learner")
    assert progress_mod.progress_file(learner).parent == learner
    ws = REPO_ROOT / "workspace"
    assert progress_mod.progress_file(ws).parent == ws


def test_progress_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(progress_mod.ENV_VAR, "off")
    assert progress_mod.progress_file() is None
    check("00_warmup_sum", 7)  # never raises, writes nothing
    assert progress_mod.session_results()["00_warmup_sum"]["status"] == "correct"
    assert math.isclose(progress_mod.session_results()["00_warmup_sum"]["points"], 1)


def test_progress_command(tmp_path, capsys):
    from course_lib.cli import main

    check("00_warmup_sum", 7)
    assert main(["progress", "--file", str(tmp_path / "progress.json")]) == 0
    out = capsys.readouterr().out
    assert "Your progress: 1 of" in out and "00: 1/" in out


def test_progress_remembers_the_best_and_shows_the_latest(tmp_path):
    file = tmp_path / "progress.json"
    check("00_warmup_sum", 7)
    check("00_warmup_sum", 3)  # a wrong try after a correct answer
    saved = json.loads(file.read_text(encoding="utf-8"))["results"]["00_warmup_sum"]
    assert saved["status"] == "correct" and saved["latest"] == "incorrect"
    p = exercises.progress()
    assert dict(p.rows)["00_warmup_sum"] == "correct"
    assert dict(p.latest)["00_warmup_sum"] == "incorrect"
    assert "00_warmup_sum" not in str(p).split("still open:")[1].split(";")[0]
    assert "latest try: not yet" in str(p)
    progress_mod._SESSION.clear()
    progress_mod._SOLVED.clear()
    p = exercises.progress()  # a new session reads the file
    assert dict(p.rows)["00_warmup_sum"] == "correct"
    assert dict(p.latest)["00_warmup_sum"] == "incorrect"


def test_progress_lists_guesses_apart():
    guess = exercises.predictions()[0]
    q = exercises.question(guess)
    value = next(iter(q.choices)) if q.choices else sum(q.guess_range or (0, 2)) / 2
    assert check(guess, value).status == "recorded"
    p = exercises.progress()
    assert guess not in dict(p.rows) and dict(p.predictions)[guess] == "recorded"
    assert p.correct == 0
    assert "Guesses (never scored): 1 of" in str(p)
