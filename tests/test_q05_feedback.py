"""Notebook 05's feedback is true and specific.

Every value here is computed from the raw CSV files with plain pandas (``pd.read_csv``,
membership read from ``data/sco_membership.csv`` on the set's date), never by the
question module's own functions: the expected answers, each named mistake (which
``check`` must recognise by its label), and every comparison that an ``explanation`` or
a choice's feedback states.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from course_lib import exercises
from course_lib.exercises import check
from course_lib.paths import DEFAULT_DATA_DIR as DATA_DIR

GDP = "gdp_per_capita_usd"
RATE = "deaths_per_million"


# --------------------------------------------------------------------------- raw data
@pytest.fixture(scope="module")
def wb() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "wb_indicators.csv")


@pytest.fixture(scope="module")
def ucdp() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "ucdp_deaths.csv")


def _member_rows() -> pd.DataFrame:
    m = pd.read_csv(DATA_DIR / "sco_membership.csv")
    m = m[m["status"] == "member"].copy()
    m["start"] = pd.to_datetime(m["start_date"])
    m["end"] = pd.to_datetime(m["end_date"])
    return m


def _members_on(on: pd.Timestamp) -> list[str]:
    m = _member_rows()
    alive = (m["start"] <= on) & (m["end"].isna() | (m["end"] > on))
    return sorted(m.loc[alive, "iso3"].unique())


@pytest.fixture(scope="module")
def sets() -> dict[str, list[str]]:
    latest = _member_rows()["start"].max()
    return {"founders": _members_on(pd.Timestamp("2001-06-15")),
            "2017": _members_on(pd.Timestamp("2017-10-01")),
            "today": _members_on(latest)}


def _gdp(wb, codes, year) -> pd.Series:
    return wb[wb["iso3"].isin(codes) & (wb["year"] == year)].set_index("iso3")[GDP]


def _joined(wb, ucdp, codes=None) -> pd.DataFrame:
    u = ucdp[(ucdp["type_of_violence"] == "all") & ucdp["year"].between(1990, 2020)]
    if codes is not None:
        u = u[u["iso3"].isin(codes)]
    j = u.merge(wb[["iso3", "year", "population", GDP]], on=["iso3", "year"], how="left")
    j[RATE] = j["deaths_best"] / j["population"] * 1e6
    return j.dropna(subset=[RATE, GDP])


def _rho(frame, y=RATE, method="spearman") -> float:
    return float(frame[[GDP, y]].corr(method=method).iloc[0, 1])


def _theil(wb, codes, year) -> float:
    r = wb[wb["iso3"].isin(codes) & (wb["year"] == year)]
    s = r["population"] / r["population"].sum()
    y = r[GDP]
    mu = (s * y).sum()
    return float((s * (y / mu) * np.log(y / mu)).sum())


def _assert_mistake(qid: str, value, label: str) -> None:
    fb = check(qid, value)
    assert fb.status == "incorrect", (qid, label, fb)
    assert fb.mistake == label, (qid, label, fb)


# --------------------------------------------------------------------------- the ladder
def test_the_ladder_has_the_exercises_the_notebook_uses():
    ids = exercises.questions("05")
    assert len(ids) >= 6
    kinds = {exercises.question(q).kind for q in ids}
    assert "prediction" in kinds and "choice" in kinds
    for qid in ids:
        q = exercises.question(qid)
        assert 2 <= len(q.hints) <= 4, qid
        assert not any("answer =" in h for h in q.hints), qid
        if q.kind in {"number", "integer"}:
            assert len(q.mistakes) >= 2, qid


# --------------------------------------------------------------------------- answers and mistakes
def test_ratio_2001(wb, sets):
    y = _gdp(wb, sets["founders"], 2001)
    assert check("05_ratio_2001", y.max() / y.min()).status == "correct"
    _assert_mistake("05_ratio_2001", y.min() / y.max(), "poorest over richest")
    every = wb.loc[wb["year"] == 2001, GDP]
    _assert_mistake("05_ratio_2001", every.max() / every.min(), "no member filter")
    y17 = _gdp(wb, sets["founders"], 2017)
    _assert_mistake("05_ratio_2001", y17.max() / y17.min(), "the wrong year")
    for year, label in ((2002, "the year after"), (2000, "the year before")):
        yy = _gdp(wb, sets["founders"], year)
        _assert_mistake("05_ratio_2001", yy.max() / yy.min(), label)
    # explanation: Russia richest, Tajikistan poorest of the founders in 2001
    assert (y.idxmax(), y.idxmin()) == ("RUS", "TJK")


def _ratios(wb, codes) -> pd.Series:
    rows = wb[wb["iso3"].isin(codes)]
    return rows.pivot(index="year", columns="iso3", values=GDP).pipe(
        lambda t: t.max(axis=1) / t.min(axis=1))


def test_mean_ratio_2001_2017(wb, sets):
    ratio = _ratios(wb, sets["2017"])
    period = ratio[(ratio.index >= 2001) & (ratio.index <= 2017)]
    assert len(period) == 17
    assert check("05_mean_ratio_2001_2017", period.mean()).status == "correct"
    _assert_mistake("05_mean_ratio_2001_2017", ratio.mean(), "every year, not 2001–2017")
    _assert_mistake("05_mean_ratio_2001_2017", period.drop(2017).mean(), "2017 left out")
    _assert_mistake("05_mean_ratio_2001_2017", period.median(), "the median, not the mean")
    _assert_mistake("05_mean_ratio_2001_2017", period.drop(2001).mean(), "2001 left out")
    _assert_mistake("05_mean_ratio_2001_2017", ratio.loc[2000:2017].mean(),
                    "the year before 2001 included")
    # explanation: lowest in 2015, highest in 2007
    assert (period.idxmin(), period.idxmax()) == (2015, 2007)


def test_russia_not_richest(wb, sets):
    wide = wb[wb["iso3"].isin(sets["2017"])].pivot(index="year", columns="iso3", values=GDP)
    top = wide.idxmax(axis=1)
    bottom = wide.idxmin(axis=1)
    not_first = int((top != "RUS").sum())
    assert check("05_russia_not_richest", not_first).status == "correct"
    _assert_mistake("05_russia_not_richest", int((top == "RUS").sum()),
                    "the years Russia was first")
    _assert_mistake("05_russia_not_richest", int((bottom != "RUS").sum()),
                    "ranked from the poorest")
    today = wb[wb["iso3"].isin(sets["today"])].pivot(index="year", columns="iso3", values=GDP)
    _assert_mistake("05_russia_not_richest", int((today.idxmax(axis=1) != "RUS").sum()),
                    "today's members")
    # explanation: Kazakhstan in 2015, China in 2020 and 2021; Russia's dollar GDP per
    # capita fell by about a third in 2015
    assert top[top != "RUS"].to_dict() == {2015: "KAZ", 2020: "CHN", 2021: "CHN"}
    drop = 1 - wide.loc[2015, "RUS"] / wide.loc[2014, "RUS"]
    assert 0.28 < drop < 0.38


def test_theil_rose_and_its_explanation(wb, sets):
    f = sets["founders"]
    rose = _theil(wb, f, 2017) > _theil(wb, f, 2001)
    assert check("05_theil_rose", rose).status == "correct"
    assert check("05_theil_rose", not rose).status == "incorrect"
    for year in (2001, 2017):
        pop = wb[wb["iso3"].isin(f) & (wb["year"] == year)].set_index("iso3")["population"]
        assert pop["CHN"] / pop.sum() > 0.5  # more than half of the founders' people
    y01, y17 = _gdp(wb, f, 2001), _gdp(wb, f, 2017)
    assert 0.45 < y01["CHN"] / y01["RUS"] < 0.55  # about half of Russia's
    assert y17["CHN"] / y17["RUS"] > 0.8  # more than four fifths
    assert y17.max() / y17.min() > y01.max() / y01.min()  # the ratio rose: they disagree
    assert not rose


def test_spearman_members(wb, ucdp, sets):
    m = _joined(wb, ucdp, sets["2017"])
    rho = _rho(m)
    assert check("05_spearman_members", rho).status == "correct"
    everyone = _rho(_joined(wb, ucdp))
    _assert_mistake("05_spearman_members", everyone, "every country, not the members")
    _assert_mistake("05_spearman_members", _rho(m, method="pearson"),
                    "Pearson instead of Spearman")
    _assert_mistake("05_spearman_members", _rho(m, y="deaths_best"),
                    "deaths, not deaths per million")
    _assert_mistake("05_spearman_members", _rho(_joined(wb, ucdp, sets["today"])),
                    "today's members")
    _assert_mistake("05_spearman_members", _rho(_joined(wb, ucdp, sets["founders"])),
                    "the founders")
    # explanation: less than half as strong as over every country-year; 8 countries, 31 years
    assert abs(rho) < abs(everyone) / 2
    assert m["iso3"].nunique() == 8 and m["year"].nunique() == 31


def test_spearman_countries(wb, ucdp, sets):
    j = _joined(wb, ucdp)
    rho = _rho(j.groupby("iso3")[[GDP, RATE]].mean())
    assert check("05_spearman_countries", rho).status == "correct"
    _assert_mistake("05_spearman_countries", _rho(j), "pooled country-years")
    members = _joined(wb, ucdp, sets["2017"]).groupby("iso3")[[GDP, RATE]].mean()
    _assert_mistake("05_spearman_countries", _rho(members), "the members only")
    _assert_mistake("05_spearman_countries", _rho(j.groupby("iso3")[[GDP, RATE]].median()),
                    "the median, not the mean")
    _assert_mistake("05_spearman_countries",
                    _rho(j.groupby("iso3")[[GDP, "deaths_best"]].mean(), y="deaths_best"),
                    "deaths, not deaths per million")
    # explanation: stronger than pooled; each country counted about thirty times pooled
    assert abs(rho) > abs(_rho(j))
    assert j.groupby("iso3").size().median() >= 28


def test_prediction_and_its_explanation(wb, sets):
    today = _gdp(wb, sets["today"], 2017)
    founders = _gdp(wb, sets["founders"], 2017)
    same = np.isclose(today.max() / today.min(), founders.max() / founders.min(), rtol=1e-12)
    assert exercises.question("05_predict_ratio_sets").expected() == ("c" if same else "?")
    # explanation: today's richest (Russia) and poorest (Tajikistan) were founders
    assert (today.idxmax(), today.idxmin()) == ("RUS", "TJK")
    assert {"RUS", "TJK"} <= set(sets["founders"])
    fb = check("05_predict_ratio_sets", "a")
    assert fb.status == "recorded"
    assert "data say 'c'" in exercises.reveal("05_predict_ratio_sets").message


def test_confounder_feedback(wb, ucdp):
    q = exercises.question("05_confounder")
    assert check("05_confounder", "b").status == "correct"
    for wrong in "acd":
        assert check("05_confounder", wrong).status == "incorrect"
    # option a's feedback: ranking GDP per capita or its logarithm gives the same value
    j = _joined(wb, ucdp)
    logged = j.assign(**{GDP: np.log(j[GDP])})
    assert _rho(logged) == pytest.approx(_rho(j), abs=1e-12)
    assert "logarithm" in q.choices["a"]


def test_feedback_never_states_the_answer(wb, sets):
    """The prompt, `what` and the not-answered message never carry the expected value."""
    for qid in exercises.questions("05"):
        q = exercises.question(qid)
        value = q.expected()
        texts = [q.prompt, q.what, check(qid, ...).message, *q.hints]
        if isinstance(value, float):
            shown = {f"{value:.1f}", f"{value:.2f}", f"{value:.3f}"}
        else:
            shown = {str(value)} if not isinstance(value, (bool, str)) else set()
        for text in texts:
            for s in shown:  # as a number of its own, not inside "iso3" or "2001"
                assert not re.search(rf"(?<![\w.]){re.escape(s)}(?![\w]|\.\d)", text), (qid, s)
