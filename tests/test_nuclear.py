"""course_lib.analysis.nuclear: nuclear-armed states by three sources, warhead shares and
the nuclear_powers / nuclear_half evidence (course_lib.claims.nuclear), against the raw CSVs."""

from __future__ import annotations

import pandas as pd
import numpy as np
import pytest

from course_lib import sco
from course_lib.claims import Interval, claim_row, evaluate, interval_of, verdict
from course_lib.claims import nuclear as CN
from course_lib.claims.judge import build_evidence
from course_lib.data import path_of
from course_lib.errors import CourseError
from course_lib.analysis import nuclear as N


@pytest.fixture(scope="module")
def raw():
    s = pd.read_csv(path_of("nuclear_status"), encoding="utf-8")
    w = pd.read_csv(path_of("nuclear_warheads"), encoding="utf-8")
    return s, w


@pytest.fixture(scope="module")
def estimated17(raw):
    """The states each source gives warheads (or codes possessing) in 2017, read from the CSVs here."""
    s, w = raw
    b = pd.read_csv(path_of("nuclear_warheads_bulletin"), encoding="utf-8")
    return {"possessing": set(s[(s.year == 2017) & (s.status == 3)].iso3),
            "warheads": set(w[(w.year == 2017) & (w.warheads > 0)].iso3),
            "bulletin": set(b[(b.year == 2017) & (b.warheads > 0)].iso3)}


@pytest.fixture(scope="module")
def gaps17(raw):
    """The states each warhead series does not estimate in 2017 (empty cell, not 0)."""
    _, w = raw
    b = pd.read_csv(path_of("nuclear_warheads_bulletin"), encoding="utf-8")
    return {"possessing": set(), "warheads": set(w[(w.year == 2017) & w.warheads.isna()].iso3),
            "bulletin": set(b[(b.year == 2017) & b.warheads.isna()].iso3)}


@pytest.fixture(scope="module")
def armed17(estimated17, gaps17):
    """Counted per source: the states it estimates armed, plus those it does not estimate that
    another source counts (a gap is no evidence of no weapons)."""
    every = set().union(*estimated17.values())
    return {r: st | (gaps17[r] & every) for r, st in estimated17.items()}


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
    assert N.warheads_share(2017, members=m) == pytest.approx(expected)
    assert N.warheads_share(2017, members=[]) == 0


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
    lambda: N.warheads_share(2017, members=["RUSS"]),
    lambda: N.warheads_share(2050, members=["RUS"]),
])
def test_bad_input(bad):
    with pytest.raises(CourseError):
        bad()


def test_missing_is_not_zero_in_the_curated_series(raw):
    """No 0 in one warhead series where the other gives warheads; North Korea after its first
    test is missing in both, with the published 0 and the evidence in the note."""
    _, w = raw
    b = pd.read_csv(path_of("nuclear_warheads_bulletin"), encoding="utf-8")
    m = w.merge(b, on=["iso3", "year"], suffixes=("_fas", "_bu"))
    assert not ((m.warheads_fas == 0) & (m.warheads_bu > 0)).any()
    assert not ((m.warheads_bu == 0) & (m.warheads_fas > 0)).any()
    for t in (w, b):
        gap = t[t.warheads.isna()]
        assert set(gap.iso3) == {"PRK"} and gap.year.min() == 2006
        assert gap.note.str.startswith("not estimated: published as 0").all()
        assert t.loc[t.warheads.notna(), "note"].isna().all()
    assert N.not_estimated(2017, "bulletin") == ["PRK"]


def test_bulletin_rule_against_raw():
    b = pd.read_csv(path_of("nuclear_warheads_bulletin"), encoding="utf-8")
    for year in (1970, 1999, 2017):
        assert N.armed_states(year, "bulletin") == sorted(b[(b.year == year) & (b.warheads > 0)].iso3)
    with pytest.raises(CourseError):
        N.armed_states(int(b.year.max()) + 1, "bulletin")


def test_armed_by_source_2017(armed17):
    m = set(sco.members("2017-10-01"))
    t = N.armed_by_source(2017).set_index("rule")
    every = set().union(*armed17.values())
    for rule, states in armed17.items():
        assert t.loc[rule, "n_states"] == len(states)
        assert t.loc[rule, "n_members"] == len(m & states)
        assert t.loc[rule, "share"] == pytest.approx(100 * len(m & states) / len(states))
        assert t.loc[rule, "left_out"] == ", ".join(sorted(every - states))
    # the lesson: the Bulletin does not estimate North Korea, and a gap does not count it out
    assert t.loc["bulletin", "not_estimated"] == "PRK"
    assert armed17["bulletin"] == armed17["possessing"]


def test_nuclear_table_shows_both_warhead_series():
    b = pd.read_csv(path_of("nuclear_warheads_bulletin"), encoding="utf-8")
    b17 = b[b.year == 2017].set_index("iso3").warheads
    t = N.nuclear_table(2017).set_index("iso3")
    for c in t.index:
        if c in b17.index and pd.isna(b17[c]):
            assert pd.isna(t.loc[c, "warheads_bulletin"])  # not estimated stays missing
        else:
            assert t.loc[c, "warheads_bulletin"] == b17.get(c, 0)
    assert N.nuclear_table(2020).warheads_bulletin.isna().all()  # after the series ends


def _span(values):
    return min(values), max(values)


def test_nuclear_powers_evidence(armed17):
    m = set(sco.members("2017-10-01"))
    counts = {r: len(m & st) for r, st in armed17.items()}
    ev = evaluate("nuclear_powers")
    r = ev.readings.set_index("reading_id")
    # the literal reading spans the sources; each source is an eligible reading
    assert (r.loc["armed_2017", "low"], r.loc["armed_2017", "high"]) == _span(counts.values())
    for rule, n in counts.items():
        assert r.loc[f"{rule}_2017", "value"] == n and r.loc[f"{rule}_2017", "role"] == "eligible"
    assert ev.value == counts["possessing"]
    claim = interval_of(claim_row("nuclear_powers"))
    lo, hi = _span(counts.values())
    expected = verdict(claim, Interval(lo, hi), [Interval(n, n) for n in counts.values()], 0)
    assert ev.verdict == expected
    assert f"the verdict is **{expected}**" in ev.explanation
    assert "North Korea" in ev.explanation and "placeholder" in ev.explanation
    # the flip the explanation states: the members at the start of 2017, under every source
    before = set(sco.members("2017-01-01"))
    n = {len(before & st) for st in armed17.values()}
    assert len(n) == 1
    n = n.pop()
    flipped = verdict(claim, Interval(n, n), [Interval(n, n)] * 3, 0)
    assert f"the count is {n} and the verdict would be {flipped}" in ev.explanation


def test_nuclear_half_evidence(raw, armed17):
    s, _ = raw
    m = set(sco.members("2017-10-01"))
    shares = {r: 100 * len(m & st) / len(st) for r, st in armed17.items()}
    ev = evaluate("nuclear_half")
    r = ev.readings.set_index("reading_id")
    assert r.loc["armed_2017", "low"] == pytest.approx(min(shares.values()))
    assert r.loc["armed_2017", "high"] == pytest.approx(max(shares.values()))
    assert r.loc["armed_2017", "role"] == "primary"
    for rule, v in shares.items():
        assert r.loc[f"{rule}_2017", "value"] == pytest.approx(v)
    without_israel = armed17["possessing"] - {"ISR"}
    declared = 100 * len(m & without_israel) / len(without_israel)
    assert r.loc["declared_2017", "value"] == pytest.approx(declared)
    # the warhead share is context: it never counts for a claim about states
    assert r.loc["warhead_share_2017", "role"] == "context"
    # the verdict: the one rule applied to the interval over the sources
    claim = interval_of(claim_row("nuclear_half"))
    others = [Interval(v, v) for v in list(shares.values()) + [declared, r.loc["npt_2017", "value"]]]
    expected = verdict(claim, Interval(min(shares.values()), max(shares.values())), others, 0)
    assert ev.verdict == expected
    assert f"the verdict is **{expected}**" in ev.explanation
    for rule, v in shares.items():  # one sentence per source, with its share
        assert f"{len(armed17[rule])} states were nuclear-armed in 2017" in ev.explanation
        assert f"{v:.1f} % of them" in ev.explanation


def test_the_placeholder_read_as_zero_gives_the_stated_verdict(monkeypatch, armed17):
    """Were the Bulletin's placeholder read as a real 0, the verdict the explanation names holds."""
    b = N._bulletin().copy()
    b.loc[(b.iso3 == "PRK") & (b.year == 2017), ["warheads", "note"]] = [0, pd.NA]
    monkeypatch.setattr(N, "_bulletin", lambda: b)
    m = set(sco.members("2017-10-01"))
    poss = armed17["possessing"]
    as_zero = poss - {"PRK"}
    share, zero = 100 * len(m & poss) / len(poss), 100 * len(m & as_zero) / len(as_zero)
    without_israel = poss - {"ISR"}
    declared = 100 * len(m & without_israel) / len(without_israel)
    claim = interval_of(claim_row("nuclear_half"))
    expected = verdict(claim, Interval(min(share, zero), max(share, zero)),
                       [Interval(share, share), Interval(zero, zero), Interval(declared, declared)], 0)
    ev = build_evidence("nuclear_half", CN.evidence_nuclear_half())
    assert ev.verdict == expected
    monkeypatch.undo()
    right = evaluate("nuclear_half")
    assert right.verdict != expected
    assert f"would have been {expected}" in right.explanation


@pytest.mark.parametrize("year", [np.int64(2017), 2017.0, "2017"])
def test_years_as_pandas_hands_them(year):
    """df.year.max() is a numpy integer; a CSV may give 2017.0 or "2017"."""
    assert N.armed_states(year) == N.armed_states(2017)
    assert N.warheads_share(year, members=["RUS"]) == N.warheads_share(2017, members=["RUS"])


def test_members_of_each_year_in_the_nuclear_table():
    t = N.nuclear_table(2010, sco.EACH_YEAR)
    assert set(t.loc[t.sco_member, "iso3"]) == set(N.armed_states(2010)) & set(sco.members(2010))


def test_view_gathers_the_same_numbers():
    v = N.view(year=2017, members=["RUS", "CHN"])
    assert v.warheads_share == N.warheads_share(2017, members=["RUS", "CHN"])
    pd.testing.assert_frame_equal(v.by_source, N.armed_by_source(2017, ["RUS", "CHN"]))
    assert int(v.table.sco_member.sum()) == 2
