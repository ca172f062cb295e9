"""Notebook 01's exercises: expected values, named mistakes and every explanatory
sentence of the feedback, each recomputed here from the raw CSV files with plain pandas
(never with the question module's own functions)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from course_lib import exercises, progress as progress_mod
from course_lib.exercises import check, reveal
from course_lib.paths import REPO_ROOT
from course_lib.sco import ARTICLE_DATE, FOUNDING_DATE

DATA = REPO_ROOT / "data"
QIDS = exercises.questions("01")
ANY = ["member", "observer", "dialogue_partner"]
GULF = {"ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}


@pytest.fixture(autouse=True)
def _progress_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv(progress_mod.ENV_VAR, str(tmp_path / "progress.json"))
    progress_mod._SESSION.clear()
    progress_mod._SOLVED.clear()
    monkeypatch.setattr(exercises.api, "_GUESSES", {})


# ------------------------------------------------------------------ raw data, plain pandas
def raw() -> pd.DataFrame:
    t = pd.read_csv(DATA / "sco_membership.csv", dtype=str, encoding="utf-8")
    year_only = t["start_date"].str.len() == 4
    t["start"] = pd.to_datetime(t["start_date"].where(~year_only, t["start_date"] + "-12-31"))
    t["end"] = pd.to_datetime(t["end_date"])
    return t


def held_on(day, statuses=("member",)) -> pd.DataFrame:
    t = raw()
    day = pd.Timestamp(day)
    on = t[(t["start"] <= day) & (t["end"].isna() | (t["end"] > day))]
    return on[on["status"].isin(statuses)]


def year(text: pd.Series) -> pd.Series:
    return text.str[:4].astype(int)


def observer_waits() -> pd.DataFrame:
    t = raw()
    obs = t[t["status"] == "observer"][["iso3", "start_date"]]
    mem = t[t["status"] == "member"][["iso3", "start_date"]]
    both = obs.merge(mem, on="iso3", suffixes=("_o", "_m"))
    both["wait"] = year(both["start_date_m"]) - year(both["start_date_o"])
    return both


def partners_end_of(y: int) -> int:
    return len(held_on(f"{y}-12-31", ("observer", "dialogue_partner")))


def principles() -> pd.Series:
    return pd.read_csv(DATA / "charter_principles.csv", dtype=str,
                       encoding="utf-8")["charter_reference"]


def latest_day() -> pd.Timestamp:
    t = raw()
    return pd.concat([t["start"], t["end"]]).dropna().max()


# ------------------------------------------------------------------ expected values
def india_years() -> int:
    t = raw()
    row = t[(t["iso3"] == "IND") & (t["status"] == "observer")]
    return int(year(row["end_date"]).iloc[0] - year(row["start_date"]).iloc[0])


def expected_values() -> dict:
    t = raw()
    founders = set(t.loc[(t["status"] == "member") & (t["start_date"] == FOUNDING_DATE), "iso3"])
    five = set(t.loc[t["status"] == "shanghai_five", "iso3"])
    growth = {"a": partners_end_of(2005) - partners_end_of(2003),
              "b": partners_end_of(2015) - partners_end_of(2013),
              "c": partners_end_of(2023) - partners_end_of(2021)}
    return {
        "01_members_2024": len(held_on("2024-12-31")),
        "01_not_shanghai_five": sorted(founders - five),
        "01_india_observer_years": india_years(),
        "01_observer_wait": observer_waits()["wait"].mean(),
        "01_partner_growth": max(growth, key=growth.get),
        "01_charter_2_4": int(principles().str.contains("2(4)", regex=False).sum()),
    }


def test_every_question_of_01_is_covered_here():
    assert set(QIDS) == set(expected_values()) | {"01_predict_circle"}


@pytest.mark.parametrize("qid", sorted(expected_values()))
def test_expected_value_recomputed_from_raw_csv_is_correct(qid):
    fb = check(qid, expected_values()[qid])
    assert fb.status == "correct", fb


def test_prediction_is_recorded_and_revealed_against_the_raw_count():
    n = len(held_on(latest_day(), ANY))
    assert check("01_predict_circle", n + 5).status == "recorded"
    shown = reveal("01_predict_circle")
    assert f" is {n}:" in shown.message and "5 above" in shown.message


# ------------------------------------------------------------------ named mistakes
def _regex_count() -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return int(principles().str.contains("2(4)").sum())  # brackets read as a regex


def _parsed_date_wait() -> float:
    both = observer_waits()
    days = (pd.to_datetime(both["start_date_m"], format="ISO8601")
            - pd.to_datetime(both["start_date_o"], format="ISO8601"))
    return float((days.dt.days / 365.25).mean())


def _with_dialogue_spells() -> float:
    t = raw()
    early = t[t["status"].isin(["observer", "dialogue_partner"])][["iso3", "start_date"]]
    mem = t[t["status"] == "member"][["iso3", "start_date"]]
    both = early.merge(mem, on="iso3", suffixes=("_e", "_m"))
    return float((year(both["start_date_m"]) - year(both["start_date_e"])).mean())


def _india_whole_years() -> int:
    t = raw()
    row = t[(t["iso3"] == "IND") & (t["status"] == "observer")].iloc[0]
    return int((row["end"] - row["start"]).days // 365.25)


def _iran_years() -> int:
    t = raw()
    row = t[(t["iso3"] == "IRN") & (t["status"] == "observer")]
    return int(year(row["end_date"]).iloc[0] - year(row["start_date"]).iloc[0])


def _whole_years_wait() -> float:
    t = raw()
    obs = t[t["status"] == "observer"][["iso3", "start"]]
    mem = t[t["status"] == "member"][["iso3", "start"]]
    both = obs.merge(mem, on="iso3", suffixes=("_o", "_m"))
    return float(((both["start_m"] - both["start_o"]).dt.days // 365.25).mean())


def _first_status_wait() -> float:
    t = raw()
    early = t[t["status"].isin(["observer", "dialogue_partner"])].copy()
    early["y"] = year(early["start_date"])
    first = early.groupby("iso3")["y"].min()
    mem = t[t["status"] == "member"].set_index("iso3")["start_date"].str[:4].astype(int)
    both = pd.concat([first, mem], axis=1, join="inner")
    return float((both.iloc[:, 1] - both.iloc[:, 0]).mean())


def mistakes() -> list[tuple[str, object, str]]:
    t = raw()
    refs = principles()
    return [
        ("01_members_2024", len(held_on(ARTICLE_DATE)), "the members of the article's date"),
        ("01_members_2024", len(held_on("2023-12-31")), "the wrong year"),
        ("01_members_2024", len(held_on("2024-12-31", ANY)), "every status counted"),
        ("01_not_shanghai_five", sorted(held_on(FOUNDING_DATE)["iso3"]), "every founder"),
        ("01_not_shanghai_five", sorted(t.loc[t["status"] == "shanghai_five", "iso3"]),
         "the Shanghai Five themselves"),
        ("01_india_observer_years", _india_whole_years(), "whole years between exact dates"),
        ("01_india_observer_years", india_years() + 1, "both end years counted"),
        ("01_india_observer_years", _iran_years(), "another state's spell"),
        ("01_observer_wait", float(observer_waits()["wait"].sum()),
         "a total instead of an average"),
        ("01_observer_wait", _with_dialogue_spells(), "a state counted twice"),
        ("01_observer_wait", _parsed_date_wait(), "exact dates instead of calendar years"),
        ("01_members_2024", len(held_on("2024-12-31", ("member", "observer"))),
         "observers counted as members"),
        ("01_members_2024", len(held_on(FOUNDING_DATE)), "the founders"),
        ("01_not_shanghai_five",
         sorted(set(t.loc[(t["status"] == "member") & t["end_date"].isna(), "iso3"])
                - set(t.loc[t["status"] == "shanghai_five", "iso3"])),
         "today's members instead of the founders"),
        ("01_observer_wait", float(observer_waits()["wait"].median()),
         "a median instead of an average"),
        ("01_observer_wait", _whole_years_wait(), "whole years between exact dates"),
        ("01_observer_wait", _first_status_wait(), "each state's first status"),
        ("01_charter_2_4", _regex_count(), "a regular expression"),
        ("01_charter_2_4", int((refs == "Art. 2(4)").sum()), "only exact matches"),
        ("01_charter_2_4", int((refs.str.contains("2(4)", regex=False)
                                & ~refs.str.contains("derived")).sum()),
         "the derived row left out"),
    ]


@pytest.mark.parametrize("qid,value,label", mistakes(), ids=lambda v: str(v)[:30])
def test_each_mistake_is_recognised_by_name(qid, value, label):
    fb = check(qid, value)
    assert fb.status == "incorrect" and fb.mistake == label, fb
    assert label in fb.message


def test_numeric_questions_have_at_least_two_distinct_mistakes():
    want = expected_values()
    for qid in QIDS:
        q = exercises.question(qid)
        if q.kind in {"number", "integer"}:
            assert len(q.mistakes) >= 2, qid
            values = [m.value() for m in q.mistakes]
            assert want[qid] not in values and len(set(values)) == len(values), qid


# ------------------------------------------------------------------ feedback is true
def test_members_2024_explanation():
    t = raw()
    joined = t[t["status"] == "member"].set_index("iso3")["start"]
    assert joined["IRN"].year == 2023 and joined["BLR"].year == 2024
    assert min(joined["IRN"], joined["BLR"]) > pd.Timestamp(ARTICLE_DATE)
    # "look at who joined during 2024": someone did
    assert (joined.dt.year == 2024).any()


def test_india_and_pakistan_waited_the_same():
    waits = observer_waits().set_index("iso3")["wait"]
    assert waits["IND"] == waits["PAK"] == india_years()


def test_observer_waits_differ_a_lot():
    w = observer_waits()["wait"]
    assert len(w) >= 3 and w.max() >= 1.5 * w.min()


def test_a_state_counted_twice_was_dialogue_partner_then_observer():
    t = raw()
    early = t[t["status"].isin(["observer", "dialogue_partner"])]
    twice = early.groupby("iso3").size()
    twice = twice[twice > 1].index
    assert len(twice) == 1
    rows = t[t["iso3"] == twice[0]].set_index("status")
    assert rows.loc["dialogue_partner", "end"] == rows.loc["observer", "start"]


def test_what_pandas_does_with_year_only_dates():
    mixed = pd.Series(["1996-04-26", "2005"])
    with pytest.raises(ValueError):  # the worked example: stops with an error...
        pd.to_datetime(mixed)
    assert pd.to_datetime(mixed, format="ISO8601")[1] == pd.Timestamp("2005-01-01")


def test_partner_growth_choice_feedback():
    t = raw()
    g = {"a": (2003, 2005), "b": (2013, 2015), "c": (2021, 2023)}
    growth = {k: partners_end_of(b) - partners_end_of(a) for k, (a, b) in g.items()}
    assert growth["c"] > growth["a"] and growth["c"] > growth["b"]
    # a: from zero; the first observer (Mongolia), then India, Pakistan and Iran
    assert partners_end_of(2003) == 0
    obs = t[t["status"] == "observer"].sort_values("start")
    assert obs["iso3"].iloc[0] == "MNG"
    assert set(obs.loc[year(obs["start_date"]) == 2005, "iso3"]) == {"IND", "PAK", "IRN"}
    # b: Ufa 2015 added dialogue partners and moved Belarus up to observer
    in_2015 = t[year(t["start_date"]) == 2015]
    assert (in_2015["status"] == "dialogue_partner").sum() >= 2
    assert ((in_2015["iso3"] == "BLR") & (in_2015["status"] == "observer")).any()
    # c: new dialogue partners, most of them Gulf states, far outweigh Iran's move
    start, end = pd.Timestamp("2021-12-31"), pd.Timestamp("2023-12-31")
    new = t[(t["status"] == "dialogue_partner") & (t["start"] > start) & (t["start"] <= end)]
    left = t[(t["status"] == "observer") & (t["end"] > start) & (t["end"] <= end)]
    assert new["iso3"].isin(GULF).sum() > len(new) / 2
    assert list(left["iso3"]) == ["IRN"]
    assert len(new) >= 3 * len(left)


def test_prediction_explanation_partners_outnumber_members():
    on = held_on(latest_day(), ANY)
    members = (on["status"] == "member").sum()
    assert len(on) - members > members


def test_charter_feedback():
    p = pd.read_csv(DATA / "charter_principles.csv", dtype=str, encoding="utf-8")
    cites = p["charter_reference"].str.contains("2(4)", regex=False)
    # one article carries several of the principles the article lists as the Charter's
    assert (cites & (p["article_lists_as"] == "Charter principle")).sum() >= 2
    # some rows cite it with other articles; one is marked derived
    assert (cites & p["charter_reference"].str.contains(";")).any()
    assert (cites & p["charter_reference"].str.contains("derived")).any()
    # the brackets make a regular expression count something else
    assert _regex_count() != int(cites.sum())


# ------------------------------------------------------------------ try first, then see
def test_hints_end_with_a_pattern_and_texts_hide_the_value():
    want = expected_values()
    for qid in QIDS:
        q = exercises.question(qid)
        assert 2 <= len(q.hints) <= 4, qid
        assert not any("answer =" in h or "answer=" in h for h in q.hints), qid
        if q.kind != "prediction":
            assert q.hints[-1].startswith("Pattern:"), qid
        value = want.get(qid)
        if isinstance(value, (int, float)):
            forms = {f"{value:g}", f"{value:.2f}", str(value)}
            unanswered = check(qid, ...).message
            for text in (q.prompt, q.what, unanswered):
                assert not any(f" {f} " in f" {text} " for f in forms), (qid, text)
