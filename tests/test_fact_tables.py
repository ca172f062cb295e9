"""The hand-curated fact tables, re-verified (issue 25): every row cites a source with an
address, no row dates an event after its source could report it, the tables presented as
complete equal two independent lists (Peace Missions) or the organizations' own counts
(membership), and the check fires when a row goes missing."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from course_lib import data
from course_lib.curation import crosscheck as X
from course_lib.curation import peace_missions as PM
from course_lib.errors import CourseError

YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
URL = re.compile(r"https?://\S+")


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(data.path_of(name), dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def keys():
    sk = table("source_keys")
    return sk.set_index("key")


def _years_of(key: str, keys: pd.DataFrame) -> list[int]:
    return [int(y) for y in YEAR.findall(keys.loc[key, "citation"] + " " + keys.loc[key, "url"])]


@pytest.mark.parametrize("name", ["sco_membership", "regional_organizations", "unodc_seizures"])
def test_every_row_cites_a_defined_key_with_an_address(name, keys):
    t = table(name)
    for _, r in t.iterrows():
        cited = [k.strip() for k in r.source.split(";") if k.strip()]
        assert cited, (name, dict(r))
        for k in cited:
            assert k in keys.index, (name, k)
        assert any(URL.match(keys.loc[k, "url"]) for k in cited), (name, dict(r))


def test_no_membership_row_starts_after_its_sources_could_report_it(keys):
    """Sources all dated (by citation or address) before a status began cannot report it."""
    m = table("sco_membership")
    for _, r in m.iterrows():
        cited = [k.strip() for k in r.source.split(";") if k.strip()]
        dated = [max(_years_of(k, keys)) for k in cited if _years_of(k, keys)]
        if dated and len(dated) == len(cited):  # an undated source may be the one that reports it
            assert int(r.start_date[:4]) <= max(dated), (r.iso3, r.status, r.start_date, r.source)


def test_each_seizure_is_older_than_the_report_edition_it_cites():
    """A World Drug Report of year E reports data years up to E-1 at the latest."""
    u = table("unodc_seizures")
    for _, r in u.iterrows():
        m = re.match(r"WDR(\d{4})", r.source)
        if m:
            assert int(r.year) <= int(m.group(1)) - 1, (r.year, r.source)


def test_peace_missions_are_the_union_of_two_independent_lists():
    t = table("peace_missions")
    union = sorted(set(PM.LIST_SCIO_2018) | set(PM.LIST_REPORTS))
    assert sorted(t.year.astype(int)) == union
    only_one = set(PM.LIST_SCIO_2018) ^ set(PM.LIST_REPORTS)
    for y in only_one:  # a row one list misses says so, and names the report that has it
        note = t.set_index(t.year.astype(int)).loc[y, "note"]
        assert "missing from SCIO 2018" in note and YEAR.search(note)
    assert (t.note != "").all() and t.source.str.contains("http").all()


def test_the_peace_mission_table_stops_the_build_when_a_list_and_the_table_disagree(monkeypatch):
    monkeypatch.setattr(PM, "LIST_REPORTS", PM.LIST_REPORTS + (2011,))
    with pytest.raises(CourseError, match="union of the two lists"):
        PM.peace_mission_resources()


def test_membership_tables_match_the_organizations_own_counts():
    sco, orgs = table("sco_membership"), table("regional_organizations")
    found = X.check_membership_counts(sco, orgs, complete=True)
    assert found.accepted == []
    # the counts are recomputed here from the tables, with plain pandas
    on = "2017-10-01"
    for status, n in X.SCO_COUNTS.items():
        rows = sco[sco.status == status]
        start = rows.start_date.where(rows.start_date.str.len() > 4, rows.start_date + "-12-31")
        end = rows.end_date.where((rows.end_date.str.len() > 4) | (rows.end_date == ""), rows.end_date + "-12-31")
        assert int(((start <= on) & ((end == "") | (end > on))).sum()) == n, status


@pytest.mark.parametrize("org", ["EU", "SCO"])
def test_the_count_check_fires_when_a_row_is_missing(org):
    sco, orgs = table("sco_membership"), table("regional_organizations")
    if org == "SCO":
        sco = sco.drop(sco.index[(sco.status == "member") & (sco.iso3 == "KGZ")])
    else:
        orgs = orgs.drop(orgs.index[(orgs.org == "EU") & (orgs.iso3 == "DEU")])
    with pytest.raises(CourseError, match=rf"membership_counts.*fails for {org} in 2017"):
        X.check_membership_counts(sco, orgs, complete=True)


def _outline(rows) -> str:
    """An outline excerpt in ARTICLE_OUTLINE.md's layout for the RATS table."""
    words = {"exact": "", "more_than": "more than ", "about": "about "}
    lines = [f"  | {item} | {words[q]}{int(v):,}{' tonnes' if u == 'tonnes' else ''} |"
             for _i, item, v, q, u in rows]
    return "Claimed\n  results **2011–2015**, under RATS coordination:\n  | figure | claimed value |\n  |---|---|\n" \
        + "\n".join(lines) + "\n- Legal framework named"


def test_rats_figures_are_read_again_from_the_outline():
    from course_lib.curation.claims_table import RATS, rats_against_outline

    rats_against_outline(RATS, _outline(RATS))  # the same figures: passes
    changed = [r if r[0] != "persons_extradited" else (r[0], r[1], str(int(r[2]) + 18), r[3], r[4]) for r in RATS]
    with pytest.raises(CourseError, match="RATS table"):
        rats_against_outline(RATS, _outline(changed))
    requalified = [r if r[0] != "weapons_confiscated" else r[:3] + ("about", r[4]) for r in RATS]
    with pytest.raises(CourseError, match="RATS table"):
        rats_against_outline(RATS, _outline(requalified))
