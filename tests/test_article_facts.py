"""Data tests for the typed fact tables of course_lib/curation/article_facts.py and
peace_missions.py: documents (dates with a real source per row), charter_principles (the
article's grouping) and peace_missions (the exercises, their hosts and participants)."""

from __future__ import annotations

import calendar
import re

import pandas as pd
import pytest

from course_lib import data, sco

URL = re.compile(r"https?://\S+")
INTERNAL = ("ARTICLE_OUTLINE", "context notes", "FACTS.md", "/work/", "shared/", "course's own")


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    return data.load("documents")


@pytest.fixture(scope="module")
def principles() -> pd.DataFrame:
    return data.load("charter_principles")


@pytest.fixture(scope="module")
def missions() -> pd.DataFrame:
    return data.load("peace_missions")


# --------------------------------------------------------------------------- documents
def test_programme_2016_2018_dated_to_its_approval_at_ufa(documents):
    row = documents[documents["title"].str.startswith("2016-2018 SCO")]
    assert len(row) == 1
    row = row.iloc[0]
    assert (int(row["year"]), int(row["month"]), row["place"]) == (2015, 7, "Ufa")
    assert "Ufa" in row["source"] and "2016-2018" in row["source"]
    assert URL.search(row["source"]), "the approval date must cite a page"


def test_no_source_cites_an_internal_file(documents):
    for _, r in documents.iterrows():
        assert r["source"].strip(), r["title"]
        assert not any(s in r["source"] for s in INTERNAL), (r["title"], r["source"])


def test_every_cited_page_states_the_rows_year_and_month(documents):
    """Where a row's date comes from a page (not the article), the cited text gives that
    year and month: the date in the table is the one the source states."""
    cited = documents[documents["source"].str.contains("http")]
    assert len(cited) >= 9  # every date the article does not give has a page behind it
    for _, r in cited.iterrows():
        month = calendar.month_name[int(r["month"])]
        assert str(int(r["year"])) in r["source"], (r["title"], r["year"])
        assert month in r["source"], (r["title"], month)


def test_rows_crediting_the_article_alone_say_what_it_gives(documents):
    """A row that cites only the article must be one whose place and month the article
    gives (the events and the road-transport agreement), and say so."""
    alone = documents[~documents["source"].str.contains("http")]
    for _, r in alone.iterrows():
        assert "the article gives the place and month" in r["source"], r["title"]
        assert pd.notna(r["month"]) and r["place"], r["title"]
    # the documents whose year the article does not give are not among them
    for start in ("Shanghai Convention", "Convention of the Shanghai", "Agreement on Cooperation in Ensuring",
                  "United Nations Global", "2016-2018 SCO", "Agreement on Cooperation in Identifying"):
        assert not alone["title"].str.startswith(start).any(), start


def test_conventions_and_information_security_dates(documents):
    d = documents.set_index("title")
    assert int(d.loc["Shanghai Convention on Combating Terrorism, Separatism and Extremism", "year"]) == 2001
    conv09 = d.loc["Convention of the Shanghai Cooperation Organization against Terrorism"]
    infosec = d.loc["Agreement on Cooperation in Ensuring International Information Security between SCO "
                    "Member States"]
    for r in (conv09, infosec):
        assert (int(r["year"]), int(r["month"]), r["place"]) == (2009, 6, "Yekaterinburg")
    gcts = d.loc["United Nations Global Counter-Terrorism Strategy"]
    assert (int(gcts["year"]), int(gcts["month"])) == (2006, 9)
    assert "60/288" in gcts["source"]


# --------------------------------------------------------------------------- principles
def test_right_to_choose_is_an_other_norm_not_a_charter_principle(principles):
    p = principles.set_index("principle")
    other = p.index[p["article_lists_as"] == "other norm of international law"].tolist()
    assert other == ["right to choose one's own political, economic and cultural path"]
    assert "not among the Charter's principles" in p.loc[other[0], "note"]


def test_the_article_lists_its_examples_of_charter_principles(principles):
    listed = set(principles.loc[principles["article_lists_as"] == "Charter principle", "principle"])
    assert listed == {
        "sovereign equality of states", "non-intervention in domestic affairs", "territorial integrity",
        "inviolability of borders", "non-aggression", "peaceful settlement of disputes",
        "no use or threat of force",
    }


def test_non_intervention_note_separates_the_un_from_states(principles):
    note = principles.set_index("principle").loc["non-intervention in domestic affairs", "note"]
    assert "2(7)" in note and "UN itself" in note and "2625" in note


# --------------------------------------------------------------------------- peace missions
def test_peace_missions_before_the_article_one_per_exercise(missions):
    assert missions["year"].is_unique and missions["year"].is_monotonic_increasing
    assert int(missions["year"].max()) < 2017
    for _, r in missions.iterrows():
        assert str(int(r["year"])) in r["exercise"], r["exercise"]
        assert URL.search(r["source"]), r["exercise"]


def test_hosts_take_part_and_participants_were_members_then(missions):
    """Every host sent troops, and every participant was an SCO member in the month of the
    exercise (from data/sco_membership.csv, not from the exercises table)."""
    for _, r in missions.iterrows():
        hosts, parts = set(r["host_iso3"].split(";")), set(r["participants"].split(";"))
        assert hosts <= parts, r["exercise"]
        then = set(sco.members(f"{int(r['year'])}-{int(r['month']):02d}-01"))
        assert parts <= then, (r["exercise"], parts - then)


def test_peace_mission_2007_had_every_member_and_later_ones_all_but_uzbekistan(missions):
    m = missions.set_index("year")
    members_2007 = set(sco.members("2007-08-01"))
    assert set(m.loc[2007, "participants"].split(";")) == members_2007
    for year in (2010, 2012, 2014, 2016):
        parts = set(m.loc[year, "participants"].split(";"))
        assert set(sco.members(f"{year}-01-01")) - parts == {"UZB"}, year
