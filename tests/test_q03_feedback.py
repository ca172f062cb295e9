"""Notebook 03's exercises: every value and every comparison the feedback states is
recomputed here from the raw CSV files with plain pandas, independently of the question
module; each named mistake is produced from the data and recognised by ``check``."""

from __future__ import annotations

import pandas as pd
import pytest

from course_lib import exercises, progress as progress_mod
from course_lib.exercises import check, hint, questions, reveal
from course_lib.paths import REPO_ROOT

DATA = REPO_ROOT / "data"
IDS = questions("03")


@pytest.fixture(autouse=True)
def _progress_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv(progress_mod.ENV_VAR, str(tmp_path / "progress.json"))
    progress_mod._SESSION.clear()
    progress_mod._SOLVED.clear()
    yield


# ------------------------------------------------------------------ raw tables
def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv")


def _members_on(date: str) -> list[str]:
    m = _csv("sco_membership")
    m = m[m["status"] == "member"]
    on = pd.Timestamp(date)
    start = pd.to_datetime(m["start_date"])
    end = pd.to_datetime(m["end_date"])
    return sorted(m.loc[(start <= on) & (end.isna() | (end > on)), "iso3"])


FOUNDERS = sorted(set(_members_on("2011-01-01")) & set(_members_on("2015-12-31")))
MEMBERS_2017 = _members_on("2017-10-01")
TODAY = str(pd.Timestamp.today().date())


def _all_types() -> pd.DataFrame:
    u = _csv("ucdp_deaths")
    return u[u["type_of_violence"] == "all"]


def _deaths(codes, first, last, frame=None) -> float:
    u = _all_types() if frame is None else frame
    return float(u.loc[u["iso3"].isin(codes) & u["year"].between(first, last), "deaths_best"].sum())


def _rate(iso3, first, last, frame=None, pop_agg="mean") -> float:
    pop = _csv("wb_indicators").set_index(["iso3", "year"])["population"]
    people = [pop[(iso3, y)] for y in range(first, last + 1)]
    people = sum(people) / len(people) if pop_agg == "mean" else sum(people)
    return _deaths([iso3], first, last, frame) / (people / 1e6)


def _by_year(codes, last=2020) -> pd.Series:
    u = _all_types()
    u = u[u["iso3"].isin(codes) & (u["year"] <= last)]
    return u.groupby("year")["deaths_best"].sum()


def _share(first, last, who=("PAK",)) -> float:
    per_country = {c: _deaths([c], first, last) for c in MEMBERS_2017}
    return 100 * sum(per_country[c] for c in who) / sum(per_country.values())


def _peace() -> pd.DataFrame:
    return _csv("peace_missions")


def _peace_count(test) -> int:
    p = _peace()
    return sum(test(set(_members_on(f"{y}-{m:02d}-01")), parts)
               for y, m, parts in zip(p["year"], p["month"], p["participants"]))


# ------------------------------------------------------------------ expected values
EXPECTED = {
    "03_rats_per_year": lambda: float(
        _csv("rats_2011_2015").set_index("item_id").loc["weapons_confiscated", "value"]) / 5,
    "03_pak_per_million": lambda: _rate("PAK", 2018, 2020),
    "03_peak_year": lambda: int(_by_year(FOUNDERS).idxmax()),
    "03_ratio_after": lambda: _deaths(FOUNDERS, 2016, 2020) / _deaths(FOUNDERS, 2011, 2015),
    "03_comparison_group": lambda: "c",
    "03_pakistan_share": lambda: _share(2011, 2015),
    "03_peace_all_members": lambda: _peace_count(lambda mem, p: len(mem - set(p.split(";")))),
}


def test_founders_are_the_six_founding_states():
    assert FOUNDERS == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert set(MEMBERS_2017) - set(FOUNDERS) == {"IND", "PAK"}


@pytest.mark.parametrize("qid", sorted(EXPECTED))
def test_value_computed_here_is_accepted(qid):
    assert check(qid, EXPECTED[qid]()).status == "correct"


def test_every_question_of_03_is_covered_here():
    assert set(IDS) == set(EXPECTED) | {"03_predict_pak_ratio"}


# ------------------------------------------------------------------ named mistakes
def _rats_total() -> float:
    return float(_csv("rats_2011_2015").set_index("item_id").loc["weapons_confiscated", "value"])


MISTAKES = [
    ("03_rats_per_year", lambda: _rats_total(), "a five-year total instead of a yearly average"),
    ("03_rats_per_year", lambda: _rats_total() / 4, "four years instead of five"),
    ("03_pak_per_million", lambda: _rate("PAK", 2011, 2015), "the wrong period"),
    ("03_pak_per_million", lambda: _rate("PAK", 2018, 2020, pop_agg="sum"),
     "a yearly rate instead of the period's rate"),
    ("03_pak_per_million", lambda: _rate("PAK", 2018, 2020, frame=_csv("ucdp_deaths")),
     "every type counted twice"),
    ("03_peak_year", lambda: int(_by_year(MEMBERS_2017).idxmax()), "the members of October 2017"),
    ("03_peak_year", lambda: int(_by_year(FOUNDERS).idxmax()) - 1, "a neighbouring year"),
    ("03_peak_year", lambda: int(_by_year(FOUNDERS).idxmax()) + 1, "a neighbouring year"),
    ("03_ratio_after", lambda: _deaths(FOUNDERS, 2011, 2015) / _deaths(FOUNDERS, 2016, 2020),
     "the ratio upside down"),
    ("03_ratio_after", lambda: _deaths(MEMBERS_2017, 2016, 2020) / _deaths(MEMBERS_2017, 2011, 2015),
     "the members of October 2017"),
    ("03_ratio_after", lambda: _deaths(FOUNDERS, 2016, 2022) / _deaths(FOUNDERS, 2011, 2015),
     "the candidate years included"),
    ("03_pakistan_share", lambda: _share(2011, 2015) / 100, "fraction instead of percentage"),
    ("03_pakistan_share", lambda: _share(2006, 2010), "the wrong period"),
    ("03_pakistan_share", lambda: _share(2011, 2015, ("IND", "PAK")), "India and Pakistan together"),
    ("03_peace_all_members", lambda: _peace_count(lambda mem, p: bool(mem - set(p.split(";")))),
     "exercises instead of absences"),
    ("03_peace_all_members", lambda: _peace_count(lambda mem, p: len(set(p.split(";")) - mem)),
     "the comparison reversed"),
    # two pairs of methods give the same count on these data: each pair is one mistake,
    # and both methods of a pair, computed here, must be named by it
    ("03_peace_all_members", lambda: _peace_count(lambda mem, p: len(mem - set(p))),
     "participants not split, or today's members for every exercise"),
    ("03_peace_all_members", lambda: sum(len(set(_members_on(TODAY)) - set(p.split(";")))
                                         for p in _peace()["participants"]),
     "participants not split, or today's members for every exercise"),
    ("03_peace_all_members", lambda: _peace_count(lambda mem, p: len(set(p.split(";")))),
     "the participants counted, or the members of October 2017 for every exercise"),
    ("03_peace_all_members", lambda: sum(len(set(MEMBERS_2017) - set(p.split(";")))
                                         for p in _peace()["participants"]),
     "the participants counted, or the members of October 2017 for every exercise"),
    ("03_ratio_after", lambda: _deaths(FOUNDERS, 2016, 2019) / _deaths(FOUNDERS, 2011, 2015),
     "a later period one year short"),
    ("03_pakistan_share", lambda: 100 * _deaths(["PAK"], 2011, 2015)
     / (sum(_deaths([c], 2011, 2015) for c in MEMBERS_2017) - _deaths(["PAK"], 2011, 2015)),
     "Pakistan against the others"),
    ("03_pak_per_million", lambda: _rate("PAK", 2017, 2019), "a neighbouring window"),
    ("03_pak_per_million", lambda: _rate("PAK", 2018, 2020) / 1e6, "per person, not per million"),
]


@pytest.mark.parametrize("qid,value,label", MISTAKES, ids=[f"{q}:{lab}" for q, _, lab in MISTAKES])
def test_named_mistake_is_recognised(qid, value, label):
    wrong = value()
    fb = check(qid, wrong)
    assert fb.status == "incorrect" and fb.mistake == label, fb
    assert label in fb.message
    # the message names the mistake without handing out the expected value
    expected = EXPECTED[qid]()
    for form in {f"{expected:.2f}", f"{expected:,.1f}", f"{expected:,.0f}"} - {"0", "1"}:
        assert form not in fb.message, (form, fb.message)


def test_each_numeric_question_has_at_least_two_mistakes():
    for qid in IDS:
        q = exercises.question(qid)
        if q.kind in {"number", "integer"}:
            assert len({m.label for m in q.mistakes}) >= 2, qid


def test_neighbouring_year_is_not_called_a_boundary_slip():
    peak = EXPECTED["03_peak_year"]()
    for year in (peak - 1, peak + 1):
        assert "boundaries" not in check("03_peak_year", year).message


# ------------------------------------------------------------------ true feedback
def test_rats_table_has_no_year_or_country_column():
    cols = set(_csv("rats_2011_2015").columns)
    assert not cols & {"year", "iso3", "country"}


def test_pakistan_yearly_rate_as_a_member_is_less_than_a_fifth_of_the_rats_period():
    assert _rate("PAK", 2018, 2020) / 3 < (_rate("PAK", 2011, 2015) / 5) / 5
    assert "PAK" in _members_on("2018-01-01")  # 2018-2020: full years as a member


def test_fall_after_2015_is_steeper_than_the_fall_before():
    before = _deaths(FOUNDERS, 2011, 2015) / _deaths(FOUNDERS, 2006, 2010)
    after = _deaths(FOUNDERS, 2016, 2020) / _deaths(FOUNDERS, 2011, 2015)
    assert after < before < 1


def test_choice_b_the_world_is_driven_by_wars_elsewhere():
    u = _all_types()
    period = u[u["year"].between(2011, 2015)]
    world = period["deaths_best"].sum()
    founders = period.loc[period["iso3"].isin(FOUNDERS), "deaths_best"].sum()
    syria = period.loc[period["iso3"] == "SYR", "deaths_best"].sum()
    assert 100 * founders / world < 1
    assert syria > 100 * founders


def test_pakistan_not_a_member_in_2011_2015_yet_more_than_half():
    assert "PAK" not in _members_on("2011-01-01") and "PAK" not in _members_on("2015-12-31")
    assert _share(2011, 2015) > 50


def test_ratio_mistake_message_india_and_pakistan_not_members_then():
    for date in ("2011-01-01", "2015-12-31"):
        assert not {"IND", "PAK"} & set(_members_on(date))


def test_peace_explanation_bilateral_china_russia_and_uzbekistan_absent_after_2007():
    p = _peace()
    parts = p["participants"].str.split(";").apply(set)
    assert all(s == {"CHN", "RUS"} for s in parts[parts.str.len() == 2])
    assert (parts.str.len() == 2).any()
    assert not any("UZB" in s for s in parts[p["year"] > 2007])
    assert any("UZB" in s for s in parts[p["year"] == 2007])


def test_peace_some_exercises_lacked_several_members():
    lacking = _peace_count(lambda mem, p: bool(mem - set(p.split(";"))))
    assert EXPECTED["03_peace_all_members"]() > lacking > 0


def test_prediction_explanation_pakistan_above_the_founders():
    assert _deaths(["PAK"], 2011, 2015) > _deaths(FOUNDERS, 2011, 2015)


def test_prediction_is_recorded_and_revealed_with_the_value_from_data(monkeypatch):
    monkeypatch.setattr(exercises.api, "_GUESSES", {})
    ratio = _deaths(["PAK"], 2011, 2015) / _deaths(["PAK"], 2006, 2010)
    fb = check("03_predict_pak_ratio", 2)
    assert fb.status == "recorded" and f"{ratio:.4g}" not in fb.message
    shown = reveal("03_predict_pak_ratio")
    assert f"{ratio:.4g}" in shown.message and "above" in shown.message


def test_wrong_period_message_for_the_rate_matches_the_data():
    # "the period of the RATS table, not of Pakistan's first years as a member": they differ
    assert abs(_rate("PAK", 2011, 2015) - _rate("PAK", 2018, 2020)) > 1


# ------------------------------------------------------------------ try first, then see
@pytest.mark.parametrize("qid", IDS)
def test_hints_end_with_a_pattern_not_the_solution(qid):
    q = exercises.question(qid)
    assert 2 <= len(q.hints) <= 4
    for text in q.hints:
        assert "answer =" not in text and "answer=" not in text
    assert hint(qid, len(q.hints)).status == "hint"


@pytest.mark.parametrize("qid", sorted(set(EXPECTED) - {"03_comparison_group"}))
def test_prompt_and_unanswered_message_do_not_state_the_value(qid):
    q = exercises.question(qid)
    expected = EXPECTED[qid]()
    unanswered = check(qid, ...).message
    forms = {f"{expected:.2f}", f"{expected:.1f}", f"{expected:,.0f}", f"{expected:.0f}"}
    if abs(expected) < 2:  # a small number such as a ratio or a count: its digits are too common
        forms = {f"{expected:.2f}", f"{expected:.3f}"}
    for text in (q.prompt, q.what, unanswered):
        for form in forms:
            assert form not in text, (qid, form, text)
    for word in ("divided by", "/ 5", "× 100", "* 100"):
        assert word not in q.what and word not in q.prompt, (qid, word)
