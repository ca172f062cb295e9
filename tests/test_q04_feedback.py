"""Notebook 04's feedback is true and specific.

Every comparison that an explanation or a choice's feedback in
``course_lib/questions/q04_drug_trafficking.py`` states is recomputed here from the raw
CSV files with plain pandas, and asserted. Every named mistake is produced here from the
raw files, the way a learner would slip, and ``check`` must name it. Nothing below calls
the question's own functions or ``course_lib.analysis``.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from course_lib import exercises
from course_lib.exercises import check, hint
from course_lib.paths import data_dir

ARTICLE_YEAR = 2017  # the article appeared in October 2017; the window is the 5 years before
WINDOW = list(range(ARTICLE_YEAR - 5, ARTICLE_YEAR))
OPIATES = ["opium", "heroin", "morphine"]


# ----------------------------------------------------------------- raw data, plain pandas
@pytest.fixture(scope="module")
def raw():
    seiz = pd.read_csv(data_dir() / "unodc_seizures.csv")
    claims = pd.read_csv(data_dir() / "claims.csv").set_index("claim_id")
    world = seiz[seiz.area == "WORLD"]
    heroin = world[world.drug == "heroin"].set_index("year").tonnes
    known = heroin[heroin.index.isin(WINDOW)]
    wide = world[world.year.isin(WINDOW)].pivot(index="year", columns="drug", values="tonnes")
    hm = wide["heroin_and_morphine"].fillna(wide["heroin"] + wide["morphine"]).dropna()
    complete = wide.dropna(subset=OPIATES)
    wide_all = world.pivot(index="year", columns="drug", values="tonnes")  # no year filter
    complete_all = wide_all.dropna(subset=OPIATES)
    part = float(claims.loc["heroin_tonnes", "value"])
    claimed = float(claims.loc["heroin_share", "value"])
    n = len(WINDOW)
    implied_total = part / (claimed / 100)
    return {
        "seiz": seiz, "world": world, "heroin_all": heroin, "known": known, "wide": wide,
        "part": part, "claimed": claimed, "n": n,
        "share_h": 100 * part / (n * known.mean()),
        "share_hm": 100 * part / (n * hm.mean()),
        "hm": hm,
        "share_hm_all_years": 100 * part / (n * wide_all["heroin_and_morphine"].fillna(
            wide_all["heroin"] + wide_all["morphine"]).dropna().mean()),
        "opiates_all_years": complete_all[OPIATES].sum(axis=1),
        "opiates_no_heroin": complete[["opium", "morphine"]].sum(axis=1),
        "opiates_yearly": complete[OPIATES].sum(axis=1),
        "opiates_double": complete[OPIATES + ["heroin_and_morphine"]].fillna(0).sum(axis=1),
        "implied_total": implied_total,
        "implied_per_year": implied_total / n,
        "n_missing": n - len(known),
        "need": (implied_total - known.sum()) / (n - len(known)),
    }


def _share(raw, yearly_mean):
    return 100 * raw["part"] / (raw["n"] * yearly_mean)


# ----------------------------------------------------------------- explanations are true
def test_kg_explanation_close_to_38_kg_a_day(raw):
    assert round(raw["part"] * 1000 / raw["n"] / 365) == 38


def test_missing_years_explanation_most_of_window_missing(raw):
    assert raw["n_missing"] > raw["n"] / 2


def test_share_hm_explanation_wider_denominator_smaller_share(raw):
    assert raw["share_hm"] < raw["share_h"]


def test_implied_world_explanation_above_known_years_within_a_third(raw):
    imp = raw["implied_per_year"]
    assert len(raw["known"]) >= 1
    for tonnes in raw["known"]:
        assert tonnes < imp < tonnes * 4 / 3


def test_opiates_explanation_several_times_the_needed_total(raw):
    assert len(raw["opiates_yearly"]) >= 1
    assert raw["opiates_yearly"].min() >= 3 * raw["implied_per_year"]
    assert _share(raw, raw["opiates_yearly"].mean()) < raw["claimed"]


def test_choice_a_all_drugs_impossible(raw):
    # "a world total under 100 t a year" and "several hundred tonnes of opium alone in
    # each known year of the window"
    assert raw["implied_per_year"] < 100
    opium = raw["wide"]["opium"].dropna()
    assert len(opium) == len(raw["known"])  # opium is known wherever heroin is
    assert opium.min() >= 300


def test_choice_b_heroin_fits(raw):
    imp = raw["implied_per_year"]
    assert all(t < imp < t * 4 / 3 for t in raw["known"])  # "a little above the known years"


def test_choice_c_heroin_and_morphine_about_10_and_further_from_14(raw):
    assert abs(raw["share_hm"] - 10) < 0.5
    assert abs(raw["share_hm"] - raw["claimed"]) > abs(raw["share_h"] - raw["claimed"])


def test_choice_d_no_production_in_table(raw):
    assert not raw["seiz"].drug.str.contains("production").any()
    assert not raw["seiz"].columns.str.contains("production").any()


def test_prediction_explanation_lowest_year_gives_largest_share(raw):
    lowest = _share(raw, raw["known"].min())
    highest = _share(raw, raw["known"].max())
    assert lowest >= raw["share_h"] >= highest


def test_assumed_explanation_more_than_any_world_heroin_value(raw):
    assert raw["need"] > raw["heroin_all"].max()


# ----------------------------------------------------------------- named mistakes
def _mistakes(raw):
    """(qid, learner's wrong value computed from the raw files, label check must name)."""
    p, n = raw["part"], raw["n"]
    known = raw["known"]
    heroin = raw["heroin_all"]
    six = list(range(WINDOW[0], WINDOW[-1] + 2))

    def gaps(years):
        return [str(y) for y in years if y not in heroin.index]

    four = WINDOW[:-1]
    known4 = heroin[heroin.index.isin(four)]
    return [
        ("04_kg_per_year", p * 1000, "five-year total instead of a yearly average"),
        ("04_kg_per_year", p / n, "tonnes instead of kilograms"),
        ("04_kg_per_year", p * 1000 / (n + 1), "six years instead of five"),
        ("04_missing_years", [str(y) for y in known.index],
         "years with a value instead of years without"),
        ("04_missing_years", gaps(six), "six years instead of five"),
        ("04_missing_years", gaps([y + 1 for y in WINDOW]), "the window moved a year later"),
        ("04_missing_years", gaps([y - 1 for y in WINDOW]), "the window moved a year earlier"),
        ("04_share_hm", raw["share_hm_all_years"], "no year filter"),
        ("04_implied_world", raw["implied_total"] / (n + 1), "six years instead of five"),
        ("04_share_opiates", _share(raw, raw["opiates_all_years"].mean()), "no year filter"),
        ("04_share_opiates", _share(raw, raw["opiates_no_heroin"].mean()), "heroin left out"),
        ("04_assumed_for_14", (raw["implied_total"] - known4.sum()) / (len(four) - len(known4)),
         "the window cut short"),
        ("04_assumed_for_14", (raw["implied_total"] - raw["hm"].sum()) / (n - len(raw["hm"])),
         "heroin and morphine as the known years"),
        ("04_share_hm", raw["share_h"], "heroin alone"),
        ("04_share_hm", raw["share_hm"] * n, "one year instead of five"),
        ("04_share_hm", raw["share_hm"] / 100, "fraction instead of percentage"),
        ("04_implied_world", raw["implied_total"], "five-year total instead of a yearly average"),
        ("04_implied_world", p / raw["claimed"] / n, "percentage used as a whole number"),
        ("04_implied_world", p * raw["claimed"] / 100 / n, "part times the share"),
        ("04_share_opiates", _share(raw, raw["opiates_double"].mean()),
         "heroin and morphine counted twice"),
        ("04_share_opiates", _share(raw, raw["opiates_yearly"].mean()) * n,
         "one year instead of five"),
        ("04_share_opiates", _share(raw, raw["opiates_yearly"].mean()) / 100,
         "fraction instead of percentage"),
        ("04_assumed_for_14", (raw["implied_total"] - known.sum()) / n,
         "shared among all five years"),
        ("04_assumed_for_14", raw["implied_total"] / raw["n_missing"],
         "known years not taken off"),
        ("04_assumed_for_14", raw["implied_total"] - known.sum(), "together instead of each"),
    ]


def _expected(raw):
    p, n = raw["part"], raw["n"]
    return {
        "04_kg_per_year": p * 1000 / n,
        "04_share_hm": raw["share_hm"],
        "04_implied_world": raw["implied_per_year"],
        "04_share_opiates": _share(raw, raw["opiates_yearly"].mean()),
        "04_assumed_for_14": raw["need"],
        "04_predict_lowest": _share(raw, raw["known"].min()),
    }


def test_every_number_question_has_two_or_more_mistakes():
    for qid in exercises.questions("04"):
        q = exercises.question(qid)
        if q.kind in ("number", "integer", "set"):
            assert len(q.mistakes) >= 2, qid


def test_missing_years_are_the_gaps_of_the_window(raw):
    gaps = [str(y) for y in WINDOW if y not in raw["heroin_all"].index]
    assert len(gaps) == raw["n_missing"]
    assert check("04_missing_years", gaps).correct
    assert check("04_missing_years", ", ".join(gaps)).correct


def test_each_mistake_is_recognised_and_named(raw):
    cases = _mistakes(raw)
    labels = {(qid, m.label) for qid in exercises.questions("04")
              for m in exercises.question(qid).mistakes}
    assert {(qid, label) for qid, _, label in cases} == labels  # every mistake is tested
    for qid, value, label in cases:
        fb = check(qid, value)
        assert fb.status == "incorrect" and fb.mistake == label, (qid, label, fb)
        assert label in fb.message


def test_independent_answers_are_accepted_and_never_shown(raw):
    for qid, value in _expected(raw).items():
        if exercises.question(qid).kind != "prediction":
            assert check(qid, value).correct, qid
    for qid, wrong, _ in _mistakes(raw):
        if qid not in _expected(raw):
            continue  # 04_missing_years: a list of years, tested above
        right = _expected(raw)[qid]
        fb = check(qid, wrong)
        for shown in _forms(right):
            pattern = rf"(?<![\d.,]){re.escape(shown)}(?![\d])"
            assert not re.search(pattern, fb.message), (qid, shown, fb.message)


def _forms(value: float) -> list[str]:
    """How a learner would read the value: rounded to whole numbers, 1 and 2 decimals."""
    if float(value).is_integer() and abs(value) < 10:
        return []  # a small whole number is checked in words below, not as a digit
    return sorted({f"{value:.0f}", f"{value:,.0f}", f"{value:.1f}", f"{value:.2f}"})


def test_texts_before_an_answer_give_neither_value_nor_solution(raw):
    expected = _expected(raw)
    for qid in exercises.questions("04"):
        q = exercises.question(qid)
        texts = [q.prompt, q.what, check(qid, ...).message, *q.hints]
        for text in texts:
            assert "answer =" not in text and "answer=" not in text, (qid, text)
            for shown in (_forms(expected[qid]) if qid in expected else []):
                assert not re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", text), (qid, shown, text)
        assert 2 <= len(q.hints) <= 4, qid
        assert "Pattern" in q.hints[-1] or "`" in q.hints[-1], qid
        # the not-answered message names what is checked, never how to compute it
        assert not re.search(r"[×÷]|/ ?0\.|\* ?1,?000", q.what), (qid, q.what)


def test_missing_years_boundary_message_is_not_given_for_counting_the_known_years(raw):
    fb = check("04_missing_years", [str(y) for y in raw["known"].index])
    assert "check the boundaries" not in fb.message
    assert fb.mistake == "years with a value instead of years without"


def test_hints_advance_to_a_pattern():
    for qid in exercises.questions("04"):
        q = exercises.question(qid)
        last = hint(qid, len(q.hints))
        assert last.status == "hint" and q.hints[-1] in last.message


# ----------------------------------------------------------------- try first, then see
def _output_texts(cell) -> list[tuple[str, str]]:
    """(text, kind) of each output: Markdown, plain text, or HTML with its tags removed."""
    import html as _html

    out = []
    for o in cell.get("outputs", []):
        d = o.get("data", {})
        if o.get("output_type") == "stream":
            out.append((o.get("text", ""), "plain"))
        elif "text/markdown" in d:
            out.append((d["text/markdown"], "md"))
        elif "text/html" in d:
            out.append((_html.unescape(re.sub(r"<[^>]+>", " ", d["text/html"])), "html"))
        elif "text/plain" in d:
            out.append((d["text/plain"], "plain"))
    return out


def _read_as(value: float) -> list[tuple[str, bool]]:
    """The forms a learner would read the value in; (form, prose_only). A whole number
    below 10 is looked for in prose only (tables carry small index numbers); rounding to
    a whole number only for values of 10 or more (single digits are everywhere)."""
    value = float(value)
    if value.is_integer() and abs(value) < 10:
        return [(str(int(value)), True)]
    forms = {f"{value:.1f}", f"{value:.2f}"}
    if abs(value) >= 10:
        forms |= {f"{value:.0f}", f"{value:,.0f}"}
    return [(f, False) for f in sorted(forms)]


def test_no_output_above_an_exercise_shows_its_answer(tmp_path):
    """Execute the student edition; no output of a cell above an exercise, nor the
    exercise's own unanswered feedback, shows the value the exercise asks for."""
    import nbformat

    from course_lib.editions import student_notebook
    from course_lib.paths import NOTEBOOKS_DIR
    from course_lib.runner import execute

    nb = student_notebook(nbformat.read(str(NOTEBOOKS_DIR / "04_drug_trafficking.ipynb"),
                                        as_version=4))
    path = tmp_path / "04_student.ipynb"
    nbformat.write(nb, str(path))
    executed, _ = execute(path, cwd=tmp_path)
    seen: list[tuple[int, str, str]] = []
    checked = []
    for i, cell in enumerate(executed.cells):
        if cell.cell_type != "code":
            continue
        found = re.search(r"check\(\"([^\"]+)\"", cell.source)
        texts = seen + [(i, t, k) for t, k in _output_texts(cell)]
        if found:
            qid = found.group(1)
            q = exercises.question(qid)
            expected = q.expected()
            assert "Not answered yet" in str(check(qid, ...)) or q.kind == "prediction"
            if q.kind in ("number", "integer", "prediction"):
                for form, prose_only in _read_as(expected):
                    pattern = rf"(?<![\d.,/]){re.escape(form)}(?![\d/]|\.\d)"
                    for j, text, kind in texts:
                        if prose_only and kind != "md":
                            continue
                        assert not re.search(pattern, text), (qid, form, j, text[:300])
            checked.append(qid)
        seen += [(i, t, k) for t, k in _output_texts(cell)]
    assert set(checked) == set(exercises.questions("04"))
