"""course_lib.analysis.membership: accession dates, spells, statuses on a date."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from course_lib import sco
from course_lib.claims import evaluate
from course_lib.data import path_of
from course_lib.errors import CourseError
from course_lib.analysis import membership as M


@pytest.fixture(scope="module")
def raw():
    return pd.read_csv(path_of("sco_membership"), encoding="utf-8", dtype=str)


@pytest.fixture(scope="module")
def latest(raw):
    """The latest full date written in the table (start or end): the course's "today"."""
    dates = pd.concat([raw.start_date, raw.end_date]).dropna()
    return max(pd.Timestamp(d) for d in dates if len(d) == 10)


def test_accession_evidence(raw):
    ev = evaluate("accession_2017")
    ind = raw[(raw.iso3 == "IND") & (raw.status == "member")].start_date.iloc[0]
    d = pd.Timestamp(ind)
    assert ev.value == pytest.approx(d.year + (d.day_of_year - 1) / 365)
    assert ev.verdict == "supported"


def test_year_fraction_bounds():
    assert M.year_fraction(pd.Timestamp("2017-01-01")) == 2017.0
    assert 2016.99 < M.year_fraction(pd.Timestamp("2016-12-31")) < 2017


def test_spells_cover_every_row(raw, latest):
    s = M.spells()
    assert len(s) == len(raw)
    assert (s.end_plot >= s.start).all()
    # ongoing spells are drawn to the end of the year of the table's latest date (not to
    # the calendar's today); ended spells to their end
    assert sco.latest_date() == latest
    year_end = pd.Timestamp(latest.year, 12, 31)
    assert (s.loc[s.end.isna(), "end_plot"] == year_end).all()
    assert s.end_plot.max() == year_end
    assert s.loc[s.end.notna(), "end_plot"].equals(s.loc[s.end.notna(), "end"])
    assert s.groupby("iso3").order.nunique().eq(1).all()


def test_spells_until_an_earlier_date():
    s = M.spells(until="2010-01-01")
    assert s.end_plot.max() <= pd.Timestamp("2010-01-01")


@pytest.mark.parametrize("on", ["1997-01-01", "2001-06-15", "2017-10-01", "2024-12-31"])
def test_statuses_agree_with_sco_members(on):
    st = M.statuses(on)
    for status in M.STATUS_ORDER:
        assert sorted(c for c, s in st.items() if s == status) == sco.members(on, status)
    counts = M.status_counts(on)
    assert sum(counts.values()) == len(st)


def test_status_years_from_raw(raw):
    row = raw[(raw.iso3 == "IND") & (raw.status == "observer")].iloc[0]
    assert M.status_years("IND", "observer") == int(row.end_date[:4]) - int(row.start_date[:4])
    with pytest.raises(CourseError):
        M.status_years("IND", "dialogue_partner")


def test_a_running_spell_ends_in_the_year_of_the_tables_latest_date(raw, latest):
    running = raw[raw.end_date.isna()]
    assert len(running) > 0
    for _, row in running.iterrows():
        assert M.status_years(row.iso3, row.status) == latest.year - int(row.start_date[:4])


def test_status_explorer_slider_ends_in_the_latest_year(latest):
    os.environ.setdefault("MPLBACKEND", "Agg")
    from course_lib.widgets.membership import status_explorer

    ex = status_explorer()
    assert ex.controls["year"].max == latest.year
    ex.controls["moment"].value = "year"
    ex.controls["year"].value = latest.year
    assert f"31 December {latest.year}" in ex.readout.value


def test_founders_not_in_shanghai_five(raw):
    five = set(raw[raw.status == "shanghai_five"].iso3)
    founders = set(raw[(raw.status == "member") & (raw.start_date == "2001-06-15")].iso3)
    assert M.founders_not_in_shanghai_five() == sorted(founders - five)


def test_partner_counts():
    c = M.partner_counts(period=(2001, 2024))
    assert (c.partners == c.observer + c.dialogue_partner).all()
    assert c.loc[2001, "partners"] == 0
    assert c.loc[2017, "observer"] == len(sco.members(2017, "observer"))


def test_view_counts_members_from_the_raw_table(raw):
    import dataclasses

    on = pd.Timestamp("2017-10-01")
    start = pd.to_datetime(raw.start_date, format="mixed")
    end = pd.to_datetime(raw.end_date, format="mixed")
    held = raw[(raw.status == "member") & (start <= on) & (end.isna() | (end > on))]
    v = M.view(on="2017-10-01")
    assert v.counts["member"] == held.iso3.nunique() == len(v.names["member"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.counts = {}  # type: ignore[misc]
