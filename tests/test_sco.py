"""course_lib.sco: members on known dates, statuses, and clear errors."""

from __future__ import annotations

import datetime as dt

import pytest

from course_lib import sco
from course_lib.errors import CourseError

FOUNDERS = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


@pytest.mark.parametrize(
    "on, expected",
    [
        ("2001-06-14", []),
        ("2001-07-01", FOUNDERS),
        ("2017-06-01", FOUNDERS),
        ("2017-10-01", sorted(FOUNDERS + ["IND", "PAK"])),
        ("2023-07-04", sorted(FOUNDERS + ["IND", "PAK", "IRN"])),
        ("2024-12-31", sorted(FOUNDERS + ["IND", "PAK", "IRN", "BLR"])),
        (2017, sorted(FOUNDERS + ["IND", "PAK"])),
        (dt.date(2010, 1, 1), FOUNDERS),
    ],
)
def test_members_on_known_dates(on, expected):
    assert sco.members(on) == expected


def test_shanghai_five_is_kept_apart():
    assert sco.members("1997-01-01", "shanghai_five") == ["CHN", "KAZ", "KGZ", "RUS", "TJK"]
    assert sco.members("1997-01-01") == []
    assert sco.members("2002-01-01", "shanghai_five") == []


def test_observers_and_partners():
    obs_2016 = sco.members(2016, "observer")
    assert {"IND", "PAK", "IRN", "MNG", "AFG", "BLR"} <= set(obs_2016)
    assert "IND" not in sco.members("2017-10-01", "observer")
    partners = sco.members(2016, "partner")
    assert set(obs_2016) <= set(partners)
    assert "TUR" in partners and "TUR" not in obs_2016


def test_year_only_start_counts_from_end_of_that_year():
    assert "MNG" not in sco.members("2004-06-01", "observer")
    assert "MNG" in sco.members(2004, "observer")


@pytest.mark.parametrize("bad", ["yesterday-ish", "2017-13-01", None, True, 1800, [2017]])
def test_bad_dates_give_a_clear_message(bad):
    with pytest.raises(CourseError, match="date|year|years"):
        sco.members(bad)


def test_bad_status_lists_the_choices():
    with pytest.raises(CourseError, match="member, observer"):
        sco.members(2017, status="members")


def test_counts_over_time_monotone_members():
    counts = sco.counts_over_time(2001, 2024)
    assert counts.loc[2001, "member"] == 6
    assert counts.loc[2024, "member"] == 10
    assert counts["member"].is_monotonic_increasing
