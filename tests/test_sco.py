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
    with pytest.raises(CourseError, match="'member', 'observer'"):
        sco.members(2017, status="members")


def test_counts_over_time_monotone_members():
    counts = sco.counts_over_time(2001, 2024)
    assert counts.loc[2001, "member"] == 6
    assert counts.loc[2024, "member"] == 10
    assert counts["member"].is_monotonic_increasing


# --------------------------------------------------------------------------- member sets
def _table_members(on):
    """Members on a date, read straight from the CSV (independent of sco.members)."""
    import pandas as pd

    from course_lib import data

    t = pd.read_csv(data.path_of("sco_membership"), dtype=str, keep_default_na=False)
    when = pd.Timestamp(on)

    def start(v):
        return pd.Timestamp(f"{v}-12-31") if len(v) == 4 else pd.Timestamp(v)

    def end(v):
        return pd.Timestamp.max if v == "" else (
            pd.Timestamp(f"{v}-01-01") if len(v) == 4 else pd.Timestamp(v))

    rows = t[t.status == "member"]
    return sorted({r.iso3 for r in rows.itertuples() if start(r.start_date) <= when < end(r.end_date)})


def test_article_date_is_october_2017():
    assert sco.ARTICLE_DATE.startswith("2017-10") and sco.ARTICLE_YEAR == 2017


@pytest.mark.parametrize("name, on", [
    ("2001 founders", sco.FOUNDING_DATE), ("2017 members", sco.ARTICLE_DATE),
])
def test_fixed_sets_against_the_table(name, on):
    assert sco.member_set(name) == _table_members(on)


def test_todays_members_are_those_of_the_latest_date_in_the_table():
    import pandas as pd

    from course_lib import data

    t = pd.read_csv(data.path_of("sco_membership"), dtype=str, keep_default_na=False)
    dates = [d for d in list(t.start_date) + list(t.end_date) if len(d) == 10]
    assert sco.latest_date() >= pd.Timestamp(max(dates))
    assert sco.member_set("today's members") == _table_members(sco.latest_date())


def test_members_of_each_year_change_with_the_year():
    for year in (2000, 2005, 2016, 2017, 2024):
        assert sco.member_set(sco.EACH_YEAR, year) == _table_members(f"{year}-12-31")
    with pytest.raises(CourseError, match="give the year"):
        sco.member_set(sco.EACH_YEAR)
    t = sco.member_table(sco.EACH_YEAR, range(2015, 2019))
    assert t.sum(axis=1).tolist() == [6, 6, 8, 8]


def test_observer_sets_add_the_observers_of_the_article_date():
    m = set(sco.members(sco.ARTICLE_DATE))
    o = set(sco.members(sco.ARTICLE_DATE, "observer"))
    d = set(sco.members(sco.ARTICLE_DATE, "dialogue_partner"))
    assert set(sco.member_set("2017 members + observers")) == m | o
    assert set(sco.member_set("2017 members + observers + dialogue partners")) == m | o | d


def test_members_argument_takes_a_name_codes_or_an_old_name():
    assert sco.members_of("2017 members") == sco.member_set("2017 members")
    assert sco.members_of(["ind", "PAK"]) == ["IND", "PAK"]
    assert sco.members_of("oct2017") == sco.member_set("2017 members")
    with pytest.raises(CourseError, match="Did you mean '2017 members'"):
        sco.members_of("2017 memebrs")
    with pytest.raises(CourseError, match="not offered here"):
        sco.members_of(sco.EACH_YEAR, 2017, options=["2017 members"])
    with pytest.raises(CourseError, match="member set"):
        sco.members_of(42)


def test_definitions_state_the_count_and_date():
    for name in sco.MEMBER_SETS:
        text = sco.member_set_definition(name)
        if name != sco.EACH_YEAR:
            assert str(len(sco.member_set(name))) in text


def test_a_list_of_codes_as_members_is_never_a_raw_error():
    """Every public function of analysis/ and sco that takes ``members=`` (and needs no
    other argument) either answers for a list of codes or says what it wants instead."""
    import importlib
    import inspect
    import pkgutil

    import course_lib.analysis

    modules = [sco] + [importlib.import_module(m.name) for m in
                       pkgutil.iter_modules(course_lib.analysis.__path__, "course_lib.analysis.")]
    called = []
    for module in modules:
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or func.__module__ != module.__name__:
                continue
            params = inspect.signature(func).parameters
            needs = [p for n, p in params.items() if n != "members" and p.default is p.empty
                     and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
            if "members" not in params or needs:
                continue
            called.append(f"{module.__name__}.{name}")
            try:
                func(members=["CHN", "IND"])
            except CourseError as exc:
                assert "members" in str(exc) or "CHN" in str(exc), (name, str(exc))
    assert "course_lib.analysis.heritage.share" in called and len(called) > 10


def test_a_set_name_given_as_codes_is_a_clear_error():
    """Where only a set's name will do, codes (or anything else) get the names offered."""
    for wrong in (["CHN", "IND"], ("CHN",), 42, None):
        with pytest.raises(CourseError, match="member set") as info:
            sco.check_member_set(wrong, ["2017 members", "2001 founders"])
        assert "'2017 members'" in str(info.value) and "'2001 founders'" in str(info.value)
