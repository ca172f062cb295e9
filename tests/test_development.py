"""Uneven development, trade and the development-violence link (notebook 05)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course_lib import data, sco
from course_lib.analysis import development as D
from course_lib.analysis import development_violence as DV
from course_lib.analysis import inequality
from course_lib.widgets.development import readout
from course_lib.errors import CourseError


@pytest.fixture(scope="module")
def wb():
    """The World Bank table read straight from the file (independent of the module)."""
    w = pd.read_csv(data.path_of("wb_indicators"), encoding="utf-8")
    return w[w["kind"] == "country"]


def _row(wb, col, iso3s, year):
    sub = wb[(wb["year"] == year) & wb["iso3"].isin(iso3s)].set_index("iso3")[col]
    return sub.reindex(iso3s)


# --------------------------------------------------------------------------- member sets
def test_member_sets_match_sco_members():
    assert D.member_set("2001 founders") == sco.members("2001-07-01")
    assert D.member_set("2017 members") == sco.members("2017-10-01")
    assert D.member_set("today's members") == sco.members("today")


@pytest.mark.parametrize("bad", ["2017", None, 2017, "members"])
def test_unknown_member_set_is_explained(bad):
    with pytest.raises(CourseError, match="member set"):
        D.member_set(bad)


@pytest.mark.parametrize("bad,match", [
    (["XXX"], "single economies"), (["WLD"], "single economies"), ([], "at least one"),
    ([3], "not an ISO3"), (42, "member set"),
])
def test_bad_codes_are_explained(bad, match):
    with pytest.raises(CourseError, match=match):
        D.codes(bad)


def test_panel_is_a_copy_and_matches_the_file(wb):
    p = D.panel("gdp_per_capita_usd", ["CHN", "RUS"], period=(2017, 2017))
    raw = _row(wb, "gdp_per_capita_usd", ["CHN", "RUS"], 2017)
    assert np.allclose(p.iloc[0].to_numpy(), raw.to_numpy())
    p.iloc[0, 0] = -1
    assert D.panel("gdp_per_capita_usd", ["CHN"], period=(2017, 2017)).iloc[0, 0] > 0


def test_unknown_indicator():
    with pytest.raises(CourseError, match="Unknown indicator"):
        D.panel("gdp_pc", "2017 members")


# --------------------------------------------------------------------------- measures
def test_ratio_and_cv_by_hand():
    f = pd.DataFrame({"A": [1.0, 2.0, np.nan], "B": [3.0, 2.0, 5.0]})
    assert inequality.max_min_ratio(f).iloc[:2].tolist() == [3.0, 1.0]
    assert math.isnan(inequality.max_min_ratio(f).iloc[2])  # one value: no ratio
    cv = inequality.coefficient_of_variation(f)
    assert cv.iloc[0] == pytest.approx(0.5) and cv.iloc[1] == 0.0 and math.isnan(cv.iloc[2])


def test_theil_by_hand_and_properties():
    # two equal groups at 1 and 3: 3/4 ln 1.5 - 1/4 ln 2
    assert inequality.theil_t([1.0, 3.0]).iloc[0] == pytest.approx(0.75 * math.log(1.5) - 0.25 * math.log(2))
    rng = np.random.default_rng(5)
    y = pd.DataFrame(rng.uniform(100, 50_000, size=(4, 7)))
    p = pd.DataFrame(rng.uniform(1e5, 1e9, size=(4, 7)))
    t = inequality.theil_t(y, p)
    assert (t >= 0).all()
    assert np.allclose(inequality.theil_t(y * 3.7, p), t)          # scale invariance (inflation)
    assert np.allclose(inequality.theil_t(y, p * 12), t)           # only population shares matter
    # population principle: splitting a country into two identical halves changes nothing
    y2 = pd.concat([y, y[[0]].set_axis([99], axis=1)], axis=1)
    p2 = pd.concat([p, p[[0]].set_axis([99], axis=1)], axis=1)
    p2[0] = p[0] / 2
    p2[99] = p[0] / 2
    assert np.allclose(inequality.theil_t(y2, p2), t)
    # unweighted = equal weights
    assert np.allclose(inequality.theil_t(y), inequality.theil_t(y, pd.DataFrame(1.0, index=y.index, columns=y.columns)))


def test_theil_equals_direct_formula_on_real_data(wb):
    iso = sco.members("2017-10-01")
    y = _row(wb, "gdp_per_capita_usd", iso, 2010).to_numpy()
    p = _row(wb, "population", iso, 2010).to_numpy()
    s = p / p.sum()
    mu = (s * y).sum()
    expected = float((s * (y / mu) * np.log(y / mu)).sum())
    assert D.dispersion("2017 members", "theil").loc[2010, "value"] == pytest.approx(expected)


def test_theil_skips_missing_country_years():
    y = pd.DataFrame({"A": [1.0], "B": [3.0], "C": [np.nan]})
    p = pd.DataFrame({"A": [1.0], "B": [1.0], "C": [5.0]})
    assert inequality.theil_t(y, p).iloc[0] == pytest.approx(inequality.theil_t([1.0, 3.0]).iloc[0])


@pytest.mark.parametrize("bad", [[0.0, 1.0], [-5.0, 3.0]])
def test_non_positive_incomes_are_refused(bad):
    with pytest.raises(CourseError, match="positive"):
        inequality.theil_t(bad)
    with pytest.raises(CourseError, match="positive"):
        inequality.max_min_ratio(bad)


def test_weights_must_match():
    with pytest.raises(CourseError, match="shape"):
        inequality.theil_t([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(CourseError, match="negative"):
        inequality.theil_t([1.0, 2.0], [1.0, -2.0])


@pytest.mark.parametrize("measure", list(D.MEASURES))
def test_dispersion_every_measure_and_set(measure):
    for name in D.MEMBER_SETS:
        d = D.dispersion(name, measure)
        assert d.index.min() == D.FIRST_YEAR
        assert (d["n"] == len(D.member_set(name))).all()  # GDP per capita has no gaps here
        assert d["value"].notna().all() and (d["value"] >= 0).all()


def test_dispersion_ratio_and_cv_recomputed(wb):
    iso = sco.members("2001-07-01")
    row = _row(wb, "gdp_per_capita_usd", iso, 2005)
    assert D.dispersion(iso, "ratio").loc[2005, "value"] == pytest.approx(row.max() / row.min())
    assert D.dispersion(iso, "cv").loc[2005, "value"] == pytest.approx(row.std(ddof=0) / row.mean())


def test_dispersion_counts_countries_with_data():
    # South Sudan has no GDP per capita before 2008: the year rests on one country fewer
    d = D.dispersion(["SSD", "KEN", "UGA"], "cv")
    assert d.loc[2000, "n"] == 2 and d.loc[2015, "n"] == 3


def test_dispersion_unknown_measure():
    with pytest.raises(CourseError, match="Did you mean 'theil'"):
        D.dispersion("2017 members", "thiel")


def test_dispersion_table_columns():
    t = D.dispersion_table("today's members", period=(2000, 2002))
    assert list(t.index) == [2000, 2001, 2002]
    assert t.loc[2001, "ratio"] == pytest.approx(D.dispersion("today's members", "ratio").loc[2001, "value"])


def test_richest_poorest(wb):
    r = D.richest_poorest("2017 members", 2017)
    row = _row(wb, "gdp_per_capita_usd", sco.members("2017-10-01"), 2017)
    assert (r["richest"], r["poorest"]) == (row.idxmax(), row.idxmin())
    assert r["ratio"] == pytest.approx(row.max() / row.min())
    with pytest.raises(CourseError, match="No GDP per capita for 1950"):
        D.richest_poorest("2017 members", 1950)


# --------------------------------------------------------------------------- gaps
def test_year_ranges():
    assert D.year_ranges([2003, 2001, 2002, 2010]) == "2001–2003, 2010"


def test_gaps_match_the_file(wb):
    g = D.gaps("today's members")
    iso = sco.members("today")
    raw = wb[wb["iso3"].isin(iso) & (wb["year"] >= 1990)]
    for ind in D.PANEL_INDICATORS:
        expected = int(raw[ind].isna().sum())
        assert int(g.loc[g["indicator"] == ind, "n_missing"].sum()) == expected


def test_exports_share_only_with_complete_years(wb):
    iso = sco.members("2017-10-01")
    s = D.exports_share_of_world("2017 members")
    w = pd.read_csv(data.path_of("wb_indicators"), encoding="utf-8")
    world = w[(w["iso3"] == "WLD") & (w["year"] == 2010)]["merch_exports_usd"].iloc[0]
    total = _row(wb, "merch_exports_usd", iso, 2010).sum()
    assert s.loc[2010] == pytest.approx(100 * total / world)
    assert math.isnan(s.loc[1990])  # former Soviet members have no 1990 value


# --------------------------------------------------------------------------- explorer view
def test_view_and_readout_have_first_and_last_values():
    v = D.view(measure="cv", members="today's members")
    s = v.series["value"]
    assert v.first == (int(s.index[0]), float(s.iloc[0]))
    assert v.last == (int(s.index[-1]), float(s.iloc[-1]))
    assert v.highest == (int(s.idxmax()), float(s.max()))
    text = readout(v)
    assert f"{s.iloc[0]:.3f}" in text and f"{s.iloc[-1]:.3f}" in text
    assert str(s.index[0]) in text and "today's members" in text


def test_view_bad_input():
    with pytest.raises(CourseError):
        D.view(measure="cv", members="2017")
    with pytest.raises(CourseError):
        D.view(measure="gini", members="2017 members")


# --------------------------------------------------------------------------- violence
@pytest.fixture(scope="module")
def joined():
    """UCDP (all types) joined to World Bank GDP per capita and population, from the files."""
    u = pd.read_csv(data.path_of("ucdp_deaths"), encoding="utf-8")
    u = u[(u["type_of_violence"] == "all") & u["year"].between(1990, 2020)]
    w = pd.read_csv(data.path_of("wb_indicators"), encoding="utf-8")
    w = w[w["kind"] == "country"][["iso3", "year", "population", "gdp_per_capita_usd"]]
    j = u.merge(w, on=["iso3", "year"], how="left")
    j["rate"] = j["deaths_best"] / (j["population"] / 1e6)
    return j


def test_development_violence_rows(joined):
    d = DV.country_years()
    complete = joined.dropna(subset=["rate", "gdp_per_capita_usd"])
    assert len(d) == len(complete)
    assert d["year"].between(1990, 2020).all()
    one = d[(d["iso3"] == "PAK") & (d["year"] == 2009)].iloc[0]
    raw = complete[(complete["iso3"] == "PAK") & (complete["year"] == 2009)].iloc[0]
    assert one["deaths_per_million"] == pytest.approx(raw["rate"])
    assert set(d.loc[d["member"], "iso3"]) == set(sco.members("today"))


def test_violence_gaps_account_for_every_dropped_row(joined):
    dropped = joined[joined["rate"].isna() | joined["gdp_per_capita_usd"].isna()]
    assert int(DV.gaps()["n_years"].sum()) == len(dropped)


def test_spearman_is_pearson_of_ranks(joined):
    c = joined.dropna(subset=["rate", "gdp_per_capita_usd"])
    rx = c["gdp_per_capita_usd"].rank()
    ry = c["rate"].rank()
    expected = float(np.corrcoef(rx, ry)[0, 1])
    r = DV.rank_correlations().set_index("reading")
    assert r.loc["all country-years", "value"] == pytest.approx(expected)
    assert r.loc["all country-years", "n"] == len(c)


def test_rank_correlations_readings():
    r = DV.rank_correlations("2017 members").set_index("reading")
    assert r.loc["members' country-years", "n"] + r.loc["non-members' country-years", "n"] == \
        r.loc["all country-years", "n"]
    assert r["value"].between(-1, 1).all()
    assert r.loc["median of yearly cross-sections", "n"] == 31


def test_spearman_bad_input():
    with pytest.raises(CourseError, match="at least 3"):
        DV.spearman(pd.DataFrame({"gdp_per_capita_usd": [1.0, 2.0],
                                 "deaths_per_million": [0.0, 1.0]}))
    with pytest.raises(CourseError, match="No column"):
        DV.spearman(pd.DataFrame({"a": [1, 2, 3]}))


@pytest.mark.parametrize("first,last", [(1980, 2000), (2010, 2005), (1990, 2030), ("19x0", 2000)])
def test_bad_years(first, last):
    with pytest.raises(CourseError, match="outside the years|start <= end|whole number"):
        DV.country_years((first, last))



def test_view_accepts_codes_and_a_list_is_no_set_name():
    v = D.view(measure="ratio", members=["CHN", "rus"])
    y = D.panel("gdp_per_capita_usd", ["CHN", "RUS"]).dropna()
    assert v.members == "CHN, RUS"
    assert v.last[1] == pytest.approx(float(y.iloc[-1].max() / y.iloc[-1].min()))
    with pytest.raises(CourseError, match="names a member set"):
        D.member_set(["CHN"])
