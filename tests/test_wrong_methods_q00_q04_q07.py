"""Feedback never certifies a wrong method (issue 26), for the questions of notebooks 00
and 04-07.

* The mistakes a learner actually made, each produced here with plain pandas from the
  raw CSV files, are not "correct" and get feedback that is true for them.
* Every named wrong method of these questions lies outside the tolerance, the tolerance
  is under half the distance to the nearest wrong method, and ``check`` names it.
* The last hint leaves the learner a step: it never contains the reference solution's
  final expression.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from course_lib.exercises import check, question, questions
from course_lib.ladder import exercises
from conftest import raw_heritage_tables  # noqa: I001
from course_lib.paths import data_dir
from course_lib.runner import course_notebooks

MINE = ("00", "04", "05", "06", "07")
QIDS = [q for q in questions() if q[:2] in MINE]
WINDOW = list(range(2012, 2017))


@pytest.fixture(scope="module")
def seiz():
    return pd.read_csv(data_dir() / "unodc_seizures.csv")


@pytest.fixture(scope="module")
def heritage():
    wh, states, sco, claims = raw_heritage_tables()
    day = pd.Timestamp("2017-10-01")
    m = sco[(sco.status == "member") & (sco.start_date <= day)
            & (sco.end_date.isna() | (sco.end_date > day))]
    on = wh[(wh.year_inscribed <= 2017) & (wh.year_removed.isna() | (wh.year_removed > 2017))]
    held = set(states.loc[states.iso3.isin(set(m.iso3)), "id_no"])
    claims = claims.set_index("claim_id")
    return {"wh": wh, "states": states, "on": on, "held": held,
            "target": float(claims.loc["heritage_share", "value"])}


# --------------------------------------------------------------------------- the real mistakes
def test_opiates_without_the_year_filter_is_not_correct(seiz):
    world = seiz[seiz.area == "WORLD"]
    opiates = world[world.drug.isin(["opium", "heroin", "morphine"])]   # 2018 left in
    complete = opiates.groupby("year").filter(lambda g: g.drug.nunique() == 3)
    share = 100 * 69 / (5 * complete.groupby("year").tonnes.sum().mean())
    fb = check("04_share_opiates", share)
    assert not fb.correct and fb.mistake == "no year filter", fb.message


def test_the_denominator_the_worked_example_warns_against_is_not_correct(heritage):
    on, states, held = heritage["on"], heritage["states"], heritage["held"]
    rows = states.merge(on[["id_no"]], on="id_no")       # step 2 of the worked example
    held_per_property = rows.groupby("id_no")["iso3"].size()   # step 3: one row per property
    wrong = 100 * on.id_no.isin(held).sum() / len(held_per_property)   # len(held), warned
    assert len(held_per_property) < len(on)
    fb = check("06_share_plain", wrong)
    assert not fb.correct
    assert fb.mistake == "the denominator the worked example warns against", fb.message


@pytest.mark.parametrize("shift", [-1, 1])
def test_a_wrong_window_is_not_correct(seiz, shift):
    heroin = seiz[(seiz.area == "WORLD") & (seiz.drug == "heroin")]
    years = pd.Series([y + shift for y in WINDOW])
    gaps = years[~years.isin(heroin.year)].astype(str).tolist()
    assert not check("04_missing_years", gaps).correct


def test_counting_rows_with_heroin_in_their_name_gets_no_false_feedback(seiz):
    rows = seiz[(seiz.area == "WORLD") & seiz.drug.str.contains("heroin") & seiz.year.isin(WINDOW)]
    fb = check("04_missing_years", len(WINDOW) - len(rows))   # a count from rows, not years
    assert not fb.correct
    assert "that do have a world heroin value" not in fb.message


def test_rounding_the_gap_is_named_as_rounding(heritage):
    on, held = heritage["on"], heritage["held"]
    gap = heritage["target"] / 100 * len(on) - on.id_no.isin(held).sum()
    assert check("06_missing_for_20", gap).correct
    for rounded, label in ((math.ceil(gap), "rounded up"), (math.floor(gap), "rounded down")):
        fb = check("06_missing_for_20", rounded)
        assert fb.mistake == label and "boundaries" not in fb.message, fb.message


# --------------------------------------------------------------------------- every wrong method
def _numeric():
    return [q for q in QIDS if question(q).kind in {"number", "integer"}]


@pytest.mark.parametrize("qid", _numeric())
def test_no_wrong_method_within_the_tolerance(qid):
    q = question(qid)
    expected = float(q.expected())
    tol = q.tolerance if q.kind == "number" else 0.0
    assert q.mistakes, f"{qid} names no wrong method"
    for m in q.mistakes:
        wrong = float(m.value())
        gap = abs(wrong - expected)
        assert gap > tol and tol < gap / 2, (
            f"{qid}: '{m.label}' gives {wrong}, {gap:.4g} from the answer; tolerance {tol}")
        fb = check(qid, m.value())
        assert not fb.correct and fb.mistake == m.label, (qid, m.label, fb.message)


@pytest.mark.parametrize("qid", [q for q in QIDS if question(q).kind == "set"])
def test_no_wrong_method_gives_the_same_set(qid):
    q = question(qid)
    want = {str(x).upper() for x in q.expected()}
    assert q.mistakes
    for m in q.mistakes:
        assert {str(x).upper() for x in m.value()} != want, (qid, m.label)
        fb = check(qid, m.value())
        assert not fb.correct and fb.mistake == m.label, (qid, m.label, fb.message)


@pytest.mark.parametrize("qid", [q for q in _numeric() if question(q).kind == "number"
                                 and question(q).tolerance > 0])
def test_the_prompt_states_the_precision_the_tolerance_follows(qid):
    q = question(qid)
    words = {0.5: "nearest", 0.05: "one decimal", 0.005: "two decimals",
             0.0005: "three decimals"}
    assert q.tolerance in words, f"{qid}: tolerance {q.tolerance} is no stated precision"
    assert words[q.tolerance] in q.prompt, f"{qid}: the prompt does not say '{words[q.tolerance]}'"


# --------------------------------------------------------------------------- the last hint
def _final_expression(solution: str) -> str:
    lines = [ln for ln in solution.strip().splitlines() if ln.startswith("answer")]
    return lines[-1].split("=", 1)[1].split("#")[0] if lines else ""


def _shape(code: str) -> str:
    """The shape of an expression: literals and bare names become placeholders, so that a
    hint which is the solution with other names or a placeholder year still matches.

    >>> _shape("len(wh[wh.year <= 2017])") == _shape("len(t[t.year <= Y])")
    True
    """
    code = code.replace("`", "")
    code = re.sub(r"\"[^\"]*\"|'[^']*'", "S", code)
    code = re.sub(r"(?<![\w.])\d[\d_.]*(e-?\d+)?", "V", code)   # a number or a name
    code = re.sub(r"(?<![\w.])[A-Za-z_]\w*", "V", code)
    return re.sub(r"\s+", "", code)


@pytest.mark.parametrize("path", [p for p in course_notebooks() if p.name[:2] in MINE],
                         ids=lambda p: p.name)
def test_the_last_hint_leaves_a_step(path):
    for ex in exercises(path):
        q = question(ex["qid"])
        final = _shape(_final_expression(ex["solution"]))
        if q.kind == "prediction" or not q.hints or len(final) < 10:
            continue
        assert final not in _shape(q.hints[-1]), f"{ex['qid']}: the last hint is the solution"
