"""course_lib.analysis.population: shares under each definition, organization ranks,
and the population_share / largest_organization evidence, checked against the raw CSVs."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from course_lib import sco
from course_lib.claims import evaluate
from course_lib.data import path_of
from course_lib.errors import CourseError
from course_lib.analysis import population as P


@pytest.fixture(scope="module")
def raw_wb() -> pd.DataFrame:
    return pd.read_csv(path_of("wb_indicators"), encoding="utf-8")


def _raw_share(raw, codes, year, col="population"):
    y = raw[raw.year == year].set_index("iso3")[col]
    return 100 * y.reindex(codes).sum() / y["WLD"]


def test_share_matches_raw_table(raw_wb):
    codes = sco.members("2017-10-01")
    assert len(codes) == 8
    expected = _raw_share(raw_wb, codes, 2017)
    assert P.share("population", "2017 members", 2017) == pytest.approx(expected, rel=1e-12)
    assert P.share("surface_area_km2", "2017 members", 2017) == pytest.approx(
        _raw_share(raw_wb, codes, 2017, "surface_area_km2"), rel=1e-12)


def test_definitions_differ_as_they_should():
    assert P.group("members of each year", 2000) == []          # no SCO before 2001
    assert P.group("members of each year", 2001) == sco.members(2001)
    assert P.group("2017 members", 1995) == P.group("2017 members", 2024)
    obs = P.group("2017 members + observers", 2017)
    assert set(P.group("2017 members", 2017)) < set(obs)
    assert set(obs) - set(P.group("2017 members", 2017)) == set(sco.members("2017-10-01", "observer"))


def test_share_series_boundaries(raw_wb):
    s = P.share_series("population", "members of each year", period=(1990, 2025))
    assert s.year.iloc[0] == 1990 and s.year.iloc[-1] == 2025
    assert s.loc[s.year < 2001, "share"].isna().all()
    assert s.loc[s.year < 2001, "n_states"].eq(0).all()
    row = s[s.year == 2017].iloc[0]
    assert row["n_states"] == 8
    assert row["share"] == pytest.approx(_raw_share(raw_wb, sco.members(2017), 2017))
    # the 2024 members include Belarus
    assert s.loc[s.year == 2024, "n_states"].iloc[0] == 10


def test_missing_values_give_nan_not_zero():
    # surface area is not published for the latest years: share must be NaN
    s = P.share_series("surface_area_km2", "2017 members")
    last = s.iloc[-1]
    assert math.isnan(last["share"]) and last["missing"] != ""


def test_country_values_sorted_and_shares_add_up():
    codes = P.group("2017 members", 2017)
    t = P.country_values(codes, 2017)
    assert t["value"].is_monotonic_decreasing
    assert t["share"].sum() == pytest.approx(P.share("population", "2017 members", 2017))


@pytest.mark.parametrize("bad", [
    lambda: P.group("members", 2017),
    lambda: P.group("2017 members", 1890),
    lambda: P.group("2017 members", "2017a"),
    lambda: P.group("2017 members", 2017.5),
    lambda: P.share("people", "2017 members", 2017),
    lambda: P.country_values(["XXX"], 2017),
    lambda: P.org_members("twenty"),
    lambda: P.share_series("population", "2017 member"),
])
def test_bad_input_is_a_course_error(bad):
    with pytest.raises(CourseError):
        bad()


def test_population_readings_and_evidence(raw_wb):
    r = P.population_readings()
    assert list(r.columns) == ["reading", "definition", "value"]
    assert r["reading"].is_unique
    m, o = sco.members("2017-10-01"), sco.members("2017-10-01", "observer")
    values = dict(zip(r.reading, r.value))
    assert values["members + observers, 2017"] == pytest.approx(_raw_share(raw_wb, m + o, 2017))
    assert values["October 2017 members, 2016"] == pytest.approx(_raw_share(raw_wb, m, 2016))
    ev = evaluate("population_share")
    assert ev.value == pytest.approx(_raw_share(raw_wb, m, 2017))
    assert ev.unit == "%" and set(ev.sources) >= {"wb_indicators", "sco_membership"}
    eligible = ev.eligible()
    assert eligible.reading_id.tolist() == ["members_oct2017_2017", "members_oct2017_2016",
                                            "members_oct2017_2017_sum"]
    assert eligible.value.iloc[1] == pytest.approx(_raw_share(raw_wb, m, 2016))
    assert f"{ev.value:.2f}" in ev.explanation


def test_org_members_rule():
    raw = pd.read_csv(path_of("regional_organizations"), encoding="utf-8")
    m = P.org_members(2017)
    eu = set(m.loc[m.org == "EU", "iso3"])
    assert "GBR" in eu                      # left in 2020
    assert "MAR" in set(m.loc[m.org == "AU", "iso3"])   # joined 2017: counted
    assert "MAR" not in set(P.org_members(2016).query("org == 'AU'").iso3)
    assert "UKR" not in set(m.loc[m.org == "CIS", "iso3"])  # not status member
    expected = raw[(raw.status == "member") & (raw.joined <= 2017)
                   & (raw.left.isna() | (raw.left > 2017))]
    assert len(m[m.org != "SCO"]) == len(expected)


def test_org_totals_and_ranks(raw_wb):
    t = P.org_totals(2017).set_index("org")
    y = raw_wb[raw_wb.year == 2017].set_index("iso3")
    eu = P.org_members(2017).query("org == 'EU'").iso3
    assert t.loc["EU", "population"] == pytest.approx(y.loc[eu, "population"].sum())
    assert t.loc["SCO", "rank_population"] == 1
    assert t["population"].idxmax() == "SCO"
    assert t.loc[t["surface_area_km2"].idxmax(), "rank_area"] == 1


def test_largest_organization_evidence():
    ev = evaluate("largest_organization")
    t = P.org_totals(2017)
    assert ev.value == float(t.loc[t.org == "SCO", "rank_population"].iloc[0])
    r = dict(zip(ev.readings.reading, ev.readings.value))
    assert r["rank by surface area, 2017"] == float(t.loc[t.org == "SCO", "rank_area"].iloc[0])
    assert ev.verdict in {"supported", "partly supported", "not supported"}


def test_view_is_frozen_and_matches_raw(raw_wb):
    import dataclasses

    v = P.view(members="2017 members + observers", year=2016)
    codes = sco.member_set("2017 members + observers")
    assert v.n_states == len(codes) and sorted(v.countries.iso3) == sorted(codes)
    assert v.share == pytest.approx(_raw_share(raw_wb, codes, 2016))
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.share = 0  # type: ignore[misc]
    assert P.view(members="members of each year", year=1995).n_states == 0
