"""Cross-checks during curation (course_lib/curation/crosscheck.py): the fixture sources pass;
each check fires on a fixture that breaks it, naming the file, the country and the year; the
accepted discrepancies are the ones the real data hold, and data/README.md lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import fixture_copy, quiet

from course_lib.curation import crosscheck as X
from course_lib.curation.package import refresh
from course_lib.errors import CourseError

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def build(src: Path, out: Path) -> dict:
    return refresh(src, out, log=quiet, published_totals=False, use_frictionless=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_fixture_passes_every_check_that_its_tables_allow(tmp_path):
    out = build(fixture_copy(tmp_path), tmp_path / "out")
    checks = {c["check"]: c for c in out["notes"]["crosschecks"]["checks"]}
    assert set(checks) == set(X.CHECKS)
    assert all("not run" not in c["action"] for c in checks.values())
    pkg = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert [c["check"] for c in pkg["crossChecks"]] == list(X.CHECKS)
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "## Cross-checks" in readme and "## Known problems" in readme


BREAKS = [  # (check, file under the fixture root, old text, new text, names in the message)
    ("area_land", "sources/wb-wdi/ag.lnd.totl.k2.csv", "Germany,DEU,2017,51000", "Germany,DEU,2017,60000",
     ["ag.lnd.totl.k2.csv", "DEU", "2017"]),
    ("area_polygons", "sources/wb-wdi/ag.srf.totl.k2.csv", "China,CHN,2017,53000", "China,CHN,2017,153000",
     ["ag.srf.totl.k2.csv", "CHN", "2017"]),
    ("world_sum", "sources/wb-wdi/ny.gdp.mktp.cd.csv", "World,WLD,2017,80000000000000",
     "World,WLD,2017,1000000000000", ["ny.gdp.mktp.cd.csv", "WLD", "2017"]),
    ("warheads_series", "sources/owid-nuclear-weapons/bulletin_nuclear_notebook_stockpiles.csv",
     "India,2017,130", "India,2017,50", ["bulletin_nuclear_notebook_stockpiles.csv", "IND", "2017"]),
    ("warheads_status", "sources/owid-nuclear-weapons/nuclear_weapons_proliferation_owid.csv",
     "China,2017,3,0,0,1", "China,2017,2,0,1,0", ["nuclear_weapons_proliferation_owid.csv", "CHN", "2017"]),
    ("seizures_documents", "facts/unodc_opiate_seizures.csv", "2016,CHN,heroin,,", "2016,CHN,heroin,120,",
     ["unodc_opiate_seizures.csv", "CHN", "2016"]),
    ("milex_sources", "sources/wb-wdi/ms.mil.xpnd.gd.zs.csv", "China,CHN,2017,1.75", "China,CHN,2017,3.5",
     ["sipri_military_expenditure_owid2022.csv", "CHN", "2017"]),
]


@pytest.mark.parametrize("check, rel, old, new, names", BREAKS, ids=[b[0] for b in BREAKS])
def test_each_check_fires_on_a_fixture_that_breaks_it(tmp_path, check, rel, old, new, names):
    src = fixture_copy(tmp_path)
    path = src.parent / rel
    edit(path, old, new)
    with pytest.raises(CourseError) as err:
        build(src, tmp_path / "out")
    msg = str(err.value)
    assert f"cross-check '{check}'" in msg
    for name in names:
        assert name in msg
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # nothing written


def test_seizure_sums_and_cited_documents(tmp_path):
    src = fixture_copy(tmp_path)
    facts = src.parent / "facts" / "unodc_opiate_seizures.csv"
    with facts.open("a", encoding="utf-8") as f:  # heroin + morphine disagrees with the combined figure
        f.write("2016,WORLD,morphine,10,SRC_A,\n2016,WORLD,heroin_and_morphine,150,SRC_A,\n")
    with pytest.raises(CourseError, match=r"seizures_documents.*WORLD in 2016.*heroin 90 \+ morphine 10"):
        build(src, tmp_path / "out")
    src = fixture_copy(tmp_path / "again")
    facts = src.parent / "facts" / "unodc_opiate_seizures.csv"
    (year, area, drug), (value, _what, key) = next(
        (k, v) for k, v in X.CITED.items() if v[1] == "tonnes")
    with facts.open("a", encoding="utf-8") as f:  # a figure its cited document contradicts
        f.write(f"{year},{area},{drug},{value * 0.8:g},SRC_A,\n")
    with pytest.raises(CourseError, match=rf"seizures_documents.*{area} in {year}.*{key} says"):
        build(src, tmp_path / "again" / "out")


def test_a_zero_contradicted_by_the_other_series_is_curated_as_missing(tmp_path):
    src = fixture_copy(tmp_path)
    edit(src / "owid-nuclear-weapons" / "nuclear_weapons_stockpiles.csv", "Russia,2017,4490", "Russia,2017,0")
    build(src, tmp_path / "out")
    fas = pd.read_csv(tmp_path / "out" / "nuclear_warheads.csv", dtype=str, keep_default_na=False)
    row = fas[(fas.iso3 == "RUS") & (fas.year == "2017")].iloc[0]
    bulletin = pd.read_csv(src / "owid-nuclear-weapons" / "bulletin_nuclear_notebook_stockpiles.csv", dtype=str)
    published = bulletin[(bulletin.Entity == "Russia") & (bulletin.Year == "2017")].iloc[0, 2]
    assert row.warheads == "" and f"gives {published}" in row.note and "published as 0" in row.note


def test_accepted_discrepancies_are_the_ones_the_data_hold():
    """No stale acceptance: each accepted (check, country) is in the package's known problems,
    and data/README.md lists every known problem with what it changes in the course."""
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    known = {(p["check"], p["iso3"]) for p in pkg["knownProblems"]}
    assert set(X.ACCEPTED) <= known
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    problems = readme.split("## Known problems", 1)[1].split("\n## ", 1)[0]
    for p in pkg["knownProblems"]:
        assert f"**{p['check']}**" in problems and p["effect"] in problems
    checks = {c["check"]: c for c in pkg["crossChecks"]}
    assert set(checks) == set(X.CHECKS)
    for cid, c in checks.items():
        assert c["largest"], f"{cid}: no largest discrepancy recorded"
        assert c["threshold"] in readme


def test_polygon_area_of_a_known_square():
    """One degree square at the equator: about 111.2 km x 110.6 km on the course's sphere."""
    lon = pd.Series([0.0, 1.0, 1.0, 0.0, 0.0])
    lat = pd.Series([0.0, 0.0, 1.0, 1.0, 0.0])
    import math

    side = math.pi / 180 * X.EARTH_RADIUS_KM
    expected = side * side * math.sin(math.radians(1)) / math.radians(1)  # exact on a sphere
    assert X.ring_area_km2(lon, lat) == pytest.approx(expected, rel=1e-3)
