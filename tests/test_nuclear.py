"""course_lib.analysis.nuclear: nuclear-armed states by two rules, warhead shares and
the nuclear_powers / nuclear_half evidence, against the raw CSVs."""

from __future__ import annotations

import pandas as pd
import numpy as np
import pytest

from course_lib import sco
from course_lib.claims import evaluate
from course_lib.data import path_of
from course_lib.errors import CourseError
from course_lib.analysis import nuclear as N


@pytest.fixture(scope="module")
def raw():
    s = pd.read_csv(path_of("nuclear_status"), encoding="utf-8")
    w = pd.read_csv(path_of("nuclear_warheads"), encoding="utf-8")
    return s, w


def test_two_rules_against_raw(raw):
    s, w = raw
    for year in (1970, 1995, 2017):
        poss = sorted(s[(s.year == year) & (s.status == 3)].iso3)
        assert N.armed_states(year) == poss
        wh = sorted(w[(w.year == year) & (w.warheads > 0)].iso3)
        assert N.armed_states(year, "warheads") == wh


def test_rules_disagree_before_tests():
    # India and Pakistan are coded possessing years before FAS counts warheads for them
    assert "IND" in N.armed_states(1990) and "IND" not in N.armed_states(1990, "warheads")


def test_warheads_share_sums_countries_only(raw):
    _, w = raw
    y = w[w.year == 2017]
    assert "World" not in set(y.country)
    m = sco.members("2017-10-01")
    expected = 100 * y[y.iso3.isin(m)].warheads.sum() / y.warheads.sum()
    assert N.warheads_share(m, 2017) == pytest.approx(expected)
    assert N.warheads_share([], 2017) == 0


def test_nuclear_table_2017():
    t = N.nuclear_table(2017)
    assert t.iso3.is_unique
    assert set(t.iso3) == set(N.armed_states(2017)) | set(N.armed_states(2017, "warheads"))
    assert set(t.loc[t.sco_member, "iso3"]) == set(sco.members("2017-10-01")) & set(t.iso3)


def test_npt_states_from_first_possessing_year(raw):
    s, _ = raw
    first = s[s.status == 3].groupby("iso3").year.min()
    assert N.npt_weapon_states() == sorted(first[first < 1967].index)


@pytest.mark.parametrize("bad", [
    lambda: N.armed_states(2017, "tested"),
    lambda: N.armed_states(1800),
    lambda: N.armed_states("2017a"),
    lambda: N.armed_states(2017.5),
    lambda: N.warheads_share(["RUSS"], 2017),
    lambda: N.warheads_share(["RUS"], 2050),
])
def test_bad_input(bad):
    with pytest.raises(CourseError):
        bad()


def test_nuclear_powers_evidence(raw):
    s, _ = raw
    m = set(sco.members("2017-10-01"))
    poss = set(s[(s.year == 2017) & (s.status == 3)].iso3)
    ev = evaluate("nuclear_powers")
    assert ev.value == len(m & poss)
    assert ev.readings["value"].notna().all()


def test_nuclear_half_evidence(raw):
    s, _ = raw
    m = set(sco.members("2017-10-01"))
    poss = set(s[(s.year == 2017) & (s.status == 3)].iso3)
    ev = evaluate("nuclear_half")
    assert ev.value == pytest.approx(100 * len(m & poss) / len(poss))
    r = ev.readings.set_index("reading_id")
    without_israel = poss - {"ISR"}
    assert r.loc["declared_2017", "value"] == pytest.approx(
        100 * len(m & without_israel) / len(without_israel))
    # the warhead share is context: it never counts for a claim about states
    assert r.loc["warhead_share_2017", "role"] == "context"
    # the verdict follows the central rule: 4 of 9 misses "half"; 4 of 8 is exactly half
    half = 100 * len(m & without_israel) / len(without_israel) == 50
    exact = 100 * len(m & poss) / len(poss) == 50
    assert ev.verdict == ("supported" if exact else "partly supported" if half else "not supported")


@pytest.mark.parametrize("year", [np.int64(2017), 2017.0, "2017"])
def test_years_as_pandas_hands_them(year):
    """df.year.max() is a numpy integer; a CSV may give 2017.0 or "2017"."""
    assert N.armed_states(year) == N.armed_states(2017)
    assert N.warheads_share(["RUS"], year) == N.warheads_share(["RUS"], 2017)


def test_members_of_each_year_in_the_nuclear_table():
    t = N.nuclear_table(2010, sco.EACH_YEAR)
    assert set(t.loc[t.sco_member, "iso3"]) == set(N.armed_states(2010)) & set(sco.members(2010))
