"""course_lib.analysis.violence and .sco_record: the RATS table, UCDP deaths, periods, the
explorer's view and readout, the claim evaluator.

Expected values are recomputed here from the raw CSV files with plain pandas, not
through course_lib, so that a slip in the module cannot hide in its own test.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_lib import sco
from course_lib.analysis import sco_record as R
from course_lib.analysis import violence as V
from course_lib.widgets.violence import readout
from course_lib.claims import evaluate
from course_lib.errors import CourseError


DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def raw():
    return {
        "rats": pd.read_csv(DATA / "rats_2011_2015.csv", encoding="utf-8"),
        "ucdp": pd.read_csv(DATA / "ucdp_deaths.csv", encoding="utf-8"),
        "wb": pd.read_csv(DATA / "wb_indicators.csv", encoding="utf-8",
                          usecols=["iso3", "year", "population"]),
    }


M2017 = ["CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]


def test_members_2017_are_the_eight_we_test_with():
    assert sco.members("2017-10-01") == M2017


# --------------------------------------------------------------------------- RATS
def test_rats_table_per_year_and_labels(raw):
    t = R.rats_table().set_index("item_id")
    r = raw["rats"].set_index("item_id")
    assert list(t.index) == list(r.index)
    np.testing.assert_allclose(t["per_year"], r["value"] / 5)
    for item, row in r.iterrows():
        label = t.loc[item, "label"]
        assert f"{row['value']:,}" in label
        assert label.startswith({"exact": "", "more_than": "more than", "about": "about"}[row["qualifier"]])
        assert label.endswith(" t") == (row["unit"] == "tonnes")


def test_rats_per_year_and_bad_item(raw):
    r = raw["rats"].set_index("item_id")["value"]
    assert R.rats_per_year("ieds_confiscated") == r["ieds_confiscated"] / 5
    with pytest.raises(CourseError, match="Did you mean 'weapons_confiscated'"):
        R.rats_per_year("weapon_confiscated")
    with pytest.raises(CourseError):
        R.rats_per_year(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("num,den,expected", [
    ("exact", "exact", "exact"), ("about", "exact", "about"), ("exact", "about", "about"),
    ("about", "about", "about"), ("more_than", "exact", "more_than"),
    ("exact", "more_than", "less_than"), ("more_than", "more_than", "uncertain"),
    ("more_than", "about", "uncertain"), ("about", "more_than", "uncertain"),
])
def test_combine_qualifiers(num, den, expected):
    assert R.combine_qualifiers(num, den) == expected


def test_combine_qualifiers_rejects_unknown():
    with pytest.raises(CourseError):
        R.combine_qualifiers("roughly", "exact")


def test_rats_ratios_from_raw(raw):
    r = raw["rats"].set_index("item_id")
    ratios = R.rats_ratios().set_index(["numerator", "denominator"])
    assert ratios.loc[("ammunition_confiscated", "weapons_confiscated"), "ratio"] == pytest.approx(
        r.loc["ammunition_confiscated", "value"] / r.loc["weapons_confiscated", "value"])
    kg = ratios.loc[("explosives_confiscated", "ieds_confiscated")]
    assert kg["ratio"] == pytest.approx(
        1000 * r.loc["explosives_confiscated", "value"] / r.loc["ieds_confiscated", "value"])
    assert kg["qualifier"] == "uncertain"  # two lower bounds give no bound
    arrests = ratios.loc[("persons_arrested", "attacks_prevented")]
    assert arrests["qualifier"] == "more_than" and arrests["label"].startswith("more than")
    assert ratios.loc[("persons_extradited", "persons_arrested"), "qualifier"] == "less_than"


# --------------------------------------------------------------------------- UCDP
def _raw_deaths(raw, codes, kind):
    u = raw["ucdp"]
    u = u[u.iso3.isin(codes) & (u.type_of_violence == kind)]
    return u.pivot(index="year", columns="iso3", values="deaths_best")


def test_group_series_counts_match_raw(raw):
    for kind in V.TYPES:
        expected = _raw_deaths(raw, M2017, kind).sum(axis=1)
        got = V.group_series(M2017, kind, "count")
        pd.testing.assert_series_equal(got.astype(float), expected.astype(float),
                                       check_names=False, check_index_type=False)


def test_per_million_uses_summed_population(raw):
    pop = raw["wb"].pivot(index="year", columns="iso3", values="population")[["IND", "PAK"]]
    d = _raw_deaths(raw, ["IND", "PAK"], "one_sided")
    expected = d.sum(axis=1).loc[2012] / (pop.loc[2012].sum() / 1e6)
    got = V.group_series(["IND", "PAK"], "one_sided", "per_million").loc[2012]
    assert got == pytest.approx(expected)
    # single country: the same as the per-country series
    one = V.country_series(["PAK"], "all", "per_million")["PAK"]
    assert one.loc[2010] == pytest.approx(
        _raw_deaths(raw, ["PAK"], "all").loc[2010, "PAK"] / (pop.loc[2010, "PAK"] / 1e6))


def test_per_million_is_nan_where_population_is_missing():
    # the World Bank table starts in 1990
    assert math.isnan(V.group_series(M2017, "all", "per_million").loc[1989])
    assert math.isnan(V.country_series(["RUS"], "all", "per_million").loc[1989, "RUS"])


def test_zero_is_zero_not_missing():
    s = V.group_series(["KAZ"], "all")
    assert (s.loc[1989:2020] == 0).all()  # Kazakhstan: no recorded deaths, explicit zeros


def test_period_stats_against_raw(raw):
    stats = V.period_stats(M2017, "all")
    d = _raw_deaths(raw, M2017, "all").sum(axis=1)
    pop = raw["wb"][raw["wb"].iso3.isin(M2017)].groupby("year")["population"].sum()
    for label, (a, b) in V.PERIODS.items():
        total = d.loc[a:b].sum()
        assert stats.loc[label, "deaths"] == total
        assert stats.loc[label, "deaths_per_year"] == pytest.approx(total / 5)
        assert stats.loc[label, "per_million"] == pytest.approx(total / (pop.loc[a:b].mean() / 1e6))
    assert math.isnan(stats["ratio_to_previous"].iloc[0])
    assert stats.loc["2011–2015", "ratio_to_previous"] == pytest.approx(
        d.loc[2011:2015].sum() / d.loc[2006:2010].sum())
    assert V.period_ratio(M2017) == pytest.approx(stats.loc["2011–2015", "ratio_to_previous"])


def test_period_boundaries_are_inclusive():
    s = V.group_series(["PAK"], "all")
    stats = V.period_stats(["PAK"], "all", {"one year": (2015, 2015), "two": (2014, 2015)})
    assert stats.loc["one year", "deaths"] == s.loc[2015]
    assert stats.loc["two", "deaths"] == s.loc[2014] + s.loc[2015]


def test_period_ratio_is_nan_without_deaths_before():
    assert math.isnan(V.period_ratio(["KAZ"]))


def test_peak_year(raw):
    d = _raw_deaths(raw, M2017, "all").sum(axis=1).loc[:2020]
    assert V.peak_year(M2017) == int(d.idxmax())
    with pytest.raises(CourseError, match="no peak"):
        V.peak_year(["KAZ"])


@pytest.mark.parametrize("bad", [[], None, 5, ["XXX"], ["PAK", 3], "ZZZ"])
def test_bad_countries_give_course_errors(bad):
    with pytest.raises(CourseError):
        V.group_series(bad)


def test_bad_type_measure_period():
    with pytest.raises(CourseError, match="type of violence"):
        V.deaths(["PAK"], "terrorism")
    with pytest.raises(CourseError, match="measure"):
        V.group_series(["PAK"], "all", "rate")
    with pytest.raises(CourseError, match="period"):
        V.period_stats(["PAK"], "all", {"x": (2015, 2011)})
    with pytest.raises(CourseError, match="period"):
        V.period_stats(["PAK"], "all", {"x": (1980, 1990)})
    with pytest.raises(CourseError, match="Unknown period"):
        V.period_ratio(["PAK"], "all", "2011-2015")  # hyphen instead of en dash


def test_codes_are_cleaned():
    assert V.check_iso3s([" pak", "PAK", "ind"]) == ["PAK", "IND"]


def test_deaths_long_table(raw):
    d = V.deaths(["PAK", "IND"], "one_sided", period=(2011, 2015))
    assert len(d) == 10 and set(d.type_of_violence) == {"one_sided"}
    np.testing.assert_allclose(d.per_million, d.deaths_best / (d.population / 1e6))
    u = raw["ucdp"]
    assert d.deaths_best.sum() == u[u.iso3.isin(["PAK", "IND"]) & u.year.between(2011, 2015)
                                    & (u.type_of_violence == "one_sided")].deaths_best.sum()


def test_results_do_not_leak_between_calls(raw):
    u = raw["ucdp"]
    expected = float(u.loc[(u.iso3 == "PAK") & (u.year == 2011) & (u.type_of_violence == "all"),
                           "deaths_best"].sum())
    assert expected > 0  # a value that an edit to -1 would change
    a = V.group_series(["PAK"], "all")
    a.loc[2011] = -1
    assert V.group_series(["PAK"], "all").loc[2011] == expected
    c = V.country_series(["PAK"], "all")
    c.loc[2011, "PAK"] = -1
    assert V.country_series(["PAK"], "all").loc[2011, "PAK"] == expected


def test_view_and_readout_follow_choices(raw):
    a = V.view(members=["PAK"], type_of_violence="all", measure="count")
    b = V.view(members=["PAK"], type_of_violence="all", measure="per_million")
    c = V.view(members=["RUS", "IND"], type_of_violence="one_sided", measure="count")
    u = raw["ucdp"]
    pak = u[(u.iso3 == "PAK") & (u.type_of_violence == "all")]
    assert a.now == pak.loc[pak.year.between(2011, 2015), "deaths_best"].sum()
    assert a.before == pak.loc[pak.year.between(2006, 2010), "deaths_best"].sum()
    assert readout(a) != readout(b) != readout(c)
    assert f"{a.now:,.0f}" in readout(a)
    assert "per million" in readout(b)
    assert readout(c).startswith("India and Russia, one-sided")
    assert list(c.countries.columns) == ["RUS", "IND"]
    assert "no ratio" in readout(V.view(members=["KAZ"]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.now = 0  # type: ignore[misc]


def test_documents_timeline():
    t = R.documents_timeline()
    assert t["when"].is_monotonic_increasing
    assert (t["when"] >= t["year"]).all() and (t["when"] < t["year"] + 1).all()
    assert t["short"].str.len().max() <= 40


# --------------------------------------------------------------------------- the claim
def test_rats_claim_is_not_checkable_with_readings():
    ev = evaluate("rats_2011_2015")
    assert ev.value is None and ev.verdict == "not checkable"
    r = ev.readings.set_index("reading")
    assert math.isnan(r.loc["checked against independent data", "value"])
    assert len(r) == 1 + len(R.rats_table())
    assert r.filter(like="weapons seized", axis=0)["value"].iloc[0] == R.rats_per_year(
        "weapons_confiscated")
    for word in ("self-reported", "not defined", "baseline", "comparison group", "independent"):
        assert word in ev.explanation
    assert set(ev.sources) <= {"rats_2011_2015", "ucdp_deaths"}


# --------------------------------------------------------------------------- members of each year
def test_group_defaults_to_the_members_of_each_year(raw):
    """A past period is judged with the members of that period (issue 18)."""
    u = raw["ucdp"]
    u = u[u.type_of_violence == "all"]
    s = V.group_series()
    for year in (2005, 2012, 2017, 2020):
        codes = sco.members(year)
        assert s.loc[year] == u[(u.year == year) & u.iso3.isin(codes)].deaths_best.sum()
    assert np.isnan(s.loc[1999])  # no SCO yet: no group, no number


def test_period_stats_of_each_year_and_of_a_fixed_set(raw):
    u = raw["ucdp"]
    u = u[u.type_of_violence == "all"]
    each = V.period_stats()
    fixed = V.period_stats("2017 members")
    six, eight = sco.members(2015), sco.members("2017-10-01")
    assert len(six) == 6 and len(eight) == 8
    for label, (a, b) in V.PERIODS.items():
        expected = sum(u[(u.year == y) & u.iso3.isin(sco.members(y))].deaths_best.sum()
                       for y in range(a, b + 1))
        assert each.loc[label, "deaths"] == pytest.approx(expected)
        expected8 = u[u.year.between(a, b) & u.iso3.isin(eight)].deaths_best.sum()
        assert fixed.loc[label, "deaths"] == pytest.approx(expected8)
    assert each.loc["2011–2015", "n_states"] == 6
    assert fixed.loc["2011–2015", "n_states"] == 8
    assert V.period_ratio() == pytest.approx(
        each.loc["2011–2015", "deaths"] / each.loc["2006–2010", "deaths"])


def test_country_series_of_each_year_blanks_years_outside_the_sco():
    c = V.country_series(sco.EACH_YEAR)
    assert np.isnan(c.loc[2015, "IND"]) and not np.isnan(c.loc[2018, "IND"])
