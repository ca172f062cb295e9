"""course_lib.validate: one checker per kind, the same answer for what pandas hands a
learner, and a CourseError (never an internal traceback) for anything else."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_lib import data, sco
from course_lib.analysis import (development, development_violence, drug_seizures, drugs,
                                 heritage, nuclear, population, violence)
from course_lib.errors import CourseError
from course_lib.validate import as_choice, as_iso3s, as_year


@pytest.mark.parametrize("value", [2017, np.int64(2017), np.int32(2017), 2017.0,
                                   np.float64(2017.0), "2017", " 2017 "])
def test_every_spelling_of_a_year(value):
    got = as_year(value)
    assert got == 2017 and type(got) is int


def test_the_year_pandas_gives_from_a_column():
    df = data.load("nuclear_status")
    latest = df.year.max()  # a numpy integer
    assert not isinstance(latest, int)
    assert as_year(latest) == int(str(latest))


@pytest.mark.parametrize("value", [True, 2017.5, float("nan"), float("inf"), "2017a",
                                   "twenty", None, [2017], pd.Timestamp("2017-01-01")])
def test_what_is_not_a_year(value):
    with pytest.raises(CourseError, match="whole number"):
        as_year(value)


def test_year_bounds_name_the_table():
    with pytest.raises(CourseError, match=r"outside the years of the X table \(1990-2020\)"):
        as_year(2021, 1990, 2020, where="the X table")
    assert as_year(1990, 1990, 2020) == 1990


def test_codes_any_case_one_or_many():
    assert as_iso3s("kaz") == ["KAZ"]
    assert as_iso3s(pd.Series(["chn", "RUS", "CHN"])) == ["CHN", "RUS"]
    assert as_iso3s({"IND"}) == ["IND"]


@pytest.mark.parametrize("bad, match", [
    ([], "at least one"), ([3], "not an ISO3"), (42, "ISO3 code"), ("KAZAKH", "three letters"),
])
def test_bad_codes(bad, match):
    with pytest.raises(CourseError, match=match):
        as_iso3s(bad)


def test_unknown_code_gets_a_suggestion():
    known = {"IND": "India", "PAK": "Pakistan", "KAZ": "Kazakhstan"}
    with pytest.raises(CourseError, match="Did you mean 'IND'"):
        as_iso3s("India", known)
    with pytest.raises(CourseError, match="Did you mean 'KAZ'"):
        as_iso3s(["KZA"], known)


def test_choice_suggests_and_lists():
    with pytest.raises(CourseError, match="Did you mean 'per_million'.*'count', 'per_million'"):
        as_choice("per_milion", ["count", "per_million"], "measure")
    assert as_choice("old", ["new"], aliases={"old": "new"}) == "new"
    with pytest.raises(CourseError):
        as_choice(None, ["a"])


# --------------------------------------------------------------------------- used everywhere
YEAR_TAKERS = {
    "nuclear.armed_states": lambda y: nuclear.armed_states(y),
    "nuclear.warheads_share": lambda y: nuclear.warheads_share(y, members=["RUS"]),
    "population.share": lambda y: population.share("population", "2017 members", y),
    "population.group": lambda y: population.group(sco.EACH_YEAR, y),
    "heritage.share": lambda y: heritage.share(year=y)["share"],
    "development.richest_poorest": lambda y: development.richest_poorest("2017 members", y),
    "violence.period_stats": lambda y: violence.period_stats(
        ["PAK"], periods={"p": (y, y)})["deaths"].iloc[0],
    "sco.members": lambda y: sco.members(y),
}


@pytest.mark.parametrize("name", list(YEAR_TAKERS))
def test_each_function_taking_a_year_treats_spellings_alike(name):
    call = YEAR_TAKERS[name]
    expected = call(2017)
    for spelling in (np.int64(2017), 2017.0, "2017"):
        assert call(spelling) == expected, spelling
    with pytest.raises(CourseError):
        call(2017.5)


def test_member_set_names_are_one_vocabulary():
    """The sets every module offers are names of sco.MEMBER_SETS."""
    offered = set(population.MEMBER_SETS) | set(development.MEMBER_SETS) | set(heritage.MEMBER_SETS)
    assert offered <= set(sco.MEMBER_SETS)
    assert population.ARTICLE_DATE is sco.ARTICLE_DATE
    assert not hasattr(nuclear, "ARTICLE_DATE") or nuclear.ARTICLE_DATE is sco.ARTICLE_DATE
    assert not hasattr(heritage, "ARTICLE_DATE")


PERIOD_TAKERS = {
    "development.panel": lambda p: development.panel("population", ["KAZ"], period=p),
    "development_violence.country_years": lambda p: development_violence.country_years(period=p),
    "population.share_series": lambda p: population.share_series("population", period=p),
    "violence.deaths": lambda p: violence.deaths(["PAK"], period=p),
    "drug_seizures.world_heroin": lambda p: drug_seizures.world_heroin(period=p),
    "drugs.scenario": lambda p: drugs.scenario("heroin only", period=p)["table"],
}


@pytest.mark.parametrize("name", list(PERIOD_TAKERS))
def test_each_function_taking_a_period_treats_spellings_alike(name):
    call = PERIOD_TAKERS[name]
    expected = call((2012, 2016))
    for spelling in ((np.int64(2012), 2016.0), ["2012", 2016], range(2012, 2017),
                     [2012, 2013, 2014, 2015, 2016]):
        pd.testing.assert_frame_equal(call(spelling), expected)
    for bad in ((2016, 2012), 2012, (2012, 2016.5), "2012-2016"):
        with pytest.raises(CourseError):
            call(bad)


def test_every_topic_has_a_frozen_view():
    import dataclasses

    from course_lib.analysis import membership

    for topic in (membership, population, nuclear, violence, drugs, development, heritage):
        view = topic.view()
        assert dataclasses.is_dataclass(view) and type(view).__name__.endswith("View"), topic
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(view, dataclasses.fields(view)[0].name, None)
