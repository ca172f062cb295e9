"""``data refresh``: the package rebuilt from its sources, byte for byte; the tiny fixture
sources in tests/fixtures (a fresh clone has them); every kind of bad source stops the
refresh with a message naming the file, and leaves the output folder untouched."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import fixture_copy, quiet

from course_lib.cli import main
from course_lib.curation.package import refresh
from course_lib.errors import CourseError

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
FIXTURES = REPO / "tests" / "fixtures"
SHARED_SOURCES = REPO.parent / "shared" / "data" / "sources"





def build_fixture(src: Path, out: Path, **kw) -> dict:
    kw.setdefault("published_totals", False)
    kw.setdefault("use_frictionless", False)
    return refresh(src, out, log=quiet, **kw)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# ------------------------------------------------------------------ the real sources
@pytest.mark.slow
def test_refresh_from_the_shared_sources_reproduces_data_byte_for_byte(tmp_path):
    if not SHARED_SOURCES.is_dir():
        pytest.skip("../shared/data/sources is not next to this clone (only the course's authors have it): "
                    "the byte-for-byte rebuild of data/ cannot run; the fixture tests below still do")
    out = tmp_path / "data"
    start = time.perf_counter()
    result = refresh(SHARED_SOURCES, out, log=quiet, use_frictionless=False)
    seconds = time.perf_counter() - start
    made = sorted(p.name for p in out.iterdir())
    shipped = sorted(p.name for p in DATA.iterdir())
    assert made == shipped
    differ = [n for n in made if (out / n).read_bytes() != (DATA / n).read_bytes()]
    assert differ == [], f"rebuilt files differ from data/: {differ}"
    assert sorted(result["changed"]) == made  # a new folder: every file written once
    assert seconds < 60, f"a full refresh took {seconds:.1f} s"


# ------------------------------------------------------------------ fixture sources
def test_fixture_refresh_builds_a_valid_package_deterministically(tmp_path):
    src = fixture_copy(tmp_path)
    first = build_fixture(src, tmp_path / "a", use_frictionless=True)
    assert "frictionless" in first["checked"]
    build_fixture(src, tmp_path / "b")
    a, b = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert {k: v[0] for k, v in a.items()} == {k: v[0] for k, v in b.items()}
    again = build_fixture(src, tmp_path / "a")
    assert again["changed"] == []  # same sources: no file rewritten
    assert snapshot(tmp_path / "a") == a  # not even touched (mtimes kept)
    from course_lib.data import verify

    assert verify(tmp_path / "a").ok.all()


def test_fixture_values_are_copied_as_published_and_gaps_stay_gaps(tmp_path):
    src = fixture_copy(tmp_path)
    build_fixture(src, tmp_path / "out")
    wb = raw(tmp_path / "out" / "wb_indicators.csv")
    pop = raw(src / "wb-wdi" / "sp.pop.totl.csv")
    kept = pop[pop.Year.astype(int) >= 1990]
    got = dict(zip(zip(wb.iso3, wb.year), wb.population))
    assert {(c, y): v for c, y, v in zip(kept["Country Code"], kept.Year, kept.Value)} == got
    assert not (wb.year.astype(int) < 1990).any()
    milex = raw(src / "wb-wdi" / "ms.mil.xpnd.zs.csv")
    published = set(zip(milex["Country Code"], milex.Year))
    empty = set(zip(wb.iso3[wb.milex_pct_gov_exp == ""], wb.year[wb.milex_pct_gov_exp == ""]))
    assert empty == set(zip(wb.iso3, wb.year)) - published  # every unpublished value is an empty cell
    gdp = raw(src / "wb-wdi" / "ny.gdp.pcap.cd.csv")
    assert set(gdp.Value) <= set(wb.gdp_per_capita_usd)  # the text of each value, never re-rounded


def test_fact_tables_say_who_compiled_them(tmp_path):
    build_fixture(fixture_copy(tmp_path), tmp_path / "out")
    import json

    pkg = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    for name in ["sco_membership", "regional_organizations", "unodc_seizures", "source_keys"]:
        res = next(r for r in pkg["resources"] if r["name"] == name)
        publisher = res["sources"][0]["publisher"]
        assert "compiled" in publisher and "sources cited on each row" in publisher
        assert "2026-11-28" not in publisher
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "compiled from the sources cited on each row" in readme
    assert "stored public pages" not in readme


def test_published_totals_are_checked_unless_switched_off(tmp_path):
    src = fixture_copy(tmp_path)
    with pytest.raises(CourseError) as err:
        build_fixture(src, tmp_path / "out", published_totals=True)
    msg = str(err.value)
    assert "whc-sites-2021.csv" in msg and "1073" in msg and "found 4" in msg
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# ------------------------------------------------------------------ bad sources
def _remove(path: Path) -> None:
    path.unlink()


def _rename(path: Path) -> None:
    path.rename(path.with_name("population.csv"))


def _rename_column(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("Year", "Jahr", 1), encoding="utf-8")


def _not_utf8(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"China", b"Chin\xe9"))


def _unclosed_quote(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + '"India,2018,12\n', encoding="utf-8")


def _bad_year(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("India,2017", "India,20l7"), encoding="utf-8")


def _not_json(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")


def _header_only(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


BAD = [  # case, file, damage, words the message must contain
    ("missing", "unesco-whc/whc-sites-2021.csv", _remove, ["whc-sites-2021.csv", "no such file", "SOURCE.md"]),
    ("renamed", "wb-wdi/sp.pop.totl.csv", _rename, ["sp.pop.totl.csv", "population.csv", "expected"]),
    ("column renamed", "ucdp-conflict/ucdp_ged191_conflict_deaths_by_country_owid2019.csv", _rename_column,
     ["ucdp_ged191", "expected the columns", "Jahr", "missing: ['Year']"]),
    ("not UTF-8", "owid-nuclear-weapons/nuclear_weapons_stockpiles.csv", _not_utf8,
     ["nuclear_weapons_stockpiles.csv", "UTF-8"]),
    ("unclosed quote", "sipri-milex/sipri_military_expenditure_owid2022.csv", _unclosed_quote,
     ["sipri_military_expenditure_owid2022.csv", "expected a CSV file"]),
    ("bad value", "ucdp-conflict/ucdp_ged191_conflict_deaths_by_country_owid2019.csv", _bad_year,
     ["ucdp_ged191", "20l7"]),
    ("not JSON", "natural-earth-110m/ne_110m_admin_0_countries.geojson", _not_json,
     ["ne_110m_admin_0_countries.geojson", "not JSON"]),
    ("no rows", "wb-wdi/ag.lnd.totl.k2.csv", _header_only, ["ag.lnd.totl.k2.csv", "data rows", "found none"]),
    ("fact table", "../facts/sco_membership.csv", _rename_column, []),
]


@pytest.mark.parametrize("case,rel,damage,words", BAD, ids=[b[0] for b in BAD])
def test_a_bad_source_stops_the_refresh_and_touches_nothing(tmp_path, case, rel, damage, words):
    src = fixture_copy(tmp_path)
    out = tmp_path / "out"
    build_fixture(src, out)
    before = snapshot(out)
    target = (src / rel).resolve()
    if case == "fact table":  # a renamed column in a fact table
        target.write_text(target.read_text(encoding="utf-8").replace("start_date", "begin", 1), encoding="utf-8")
        words = ["sco_membership.csv", "start_date", "begin"]
    else:
        damage(target)
    with pytest.raises(CourseError) as err:
        build_fixture(src, out)
    msg = str(err.value)
    for w in words:
        assert w in msg, f"{case}: {w!r} not in {msg!r}"
    assert "Traceback" not in msg
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # no temporary folder left behind


def test_the_command_line_reports_a_bad_source_and_exits_2(tmp_path, capsys):
    src = fixture_copy(tmp_path)
    (src / "sipri-milex" / "sipri_military_expenditure_owid2022.csv").unlink()
    code = main(["data", "refresh", "--sources", str(src), "--out", str(tmp_path / "out"),
                 "--no-published-totals", "--no-frictionless"])
    err = capsys.readouterr().err
    assert code == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: ") and "sipri_military_expenditure_owid2022.csv" in last
    assert not (tmp_path / "out").exists()


def test_the_command_line_refreshes_the_fixtures(tmp_path, capsys):
    src = fixture_copy(tmp_path)
    code = main(["data", "refresh", "--sources", str(src), "--out", str(tmp_path / "out"),
                 "--no-published-totals", "--no-frictionless"])
    out = capsys.readouterr()
    assert code == 0
    written = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    n = len(written["resources"])
    assert n == len(list((tmp_path / "out").glob("*.csv")))
    assert "nuclear_warheads_bulletin" in out.out  # the fixture has every source's files
    assert "wb_indicators" in out.out and f"course check: {n} resources ok" in out.out
    assert "title" in out.err and "skipped" in out.err  # no ARTICLE_OUTLINE.md beside the fixtures


def test_refresh_needs_an_explicit_out_folder(capsys):
    with pytest.raises(SystemExit):
        main(["data", "refresh", "--sources", str(FIXTURES / "sources")])
    assert "--out" in capsys.readouterr().err


def test_a_missing_sources_folder_is_named(tmp_path):
    with pytest.raises(CourseError, match="no such folder"):
        refresh(tmp_path / "nowhere", tmp_path / "out", log=quiet)


# ------------------------------------------------------------------ only some sources: --keep-from
def test_only_world_bank_sources_with_keep_from_refresh_one_table(tmp_path):
    src = fixture_copy(tmp_path)
    reference = tmp_path / "ref"
    build_fixture(src, reference)
    only_wb = tmp_path / "wb" / "sources"
    shutil.copytree(src / "wb-wdi", only_wb / "wb-wdi")
    pop = only_wb / "wb-wdi" / "sp.pop.totl.csv"
    pop.write_text(pop.read_text(encoding="utf-8").replace("China,CHN,2017,1390000000", "China,CHN,2017,1400000000"),
                   encoding="utf-8")
    out = tmp_path / "out"
    result = build_fixture(only_wb, out, keep_from=reference)
    assert result["notes"]["kept_from"]["sources"] == ["unesco-whc", "owid-nuclear-weapons", "ucdp-conflict",
                                                       "sipri-milex", "facts", "natural-earth-110m"]
    differ = sorted(p.name for p in out.iterdir() if p.read_bytes() != (reference / p.name).read_bytes())
    assert differ == ["README.md", "datapackage.json", "wb_indicators.csv"]
    old, new = raw(reference / "wb_indicators.csv"), raw(out / "wb_indicators.csv")
    changed = new[(old != new).any(axis=1)]
    assert changed[["iso3", "year", "population"]].values.tolist() == [["CHN", "2017", "1400000000"]]


def test_a_kept_file_that_does_not_match_its_hash_stops(tmp_path):
    src = fixture_copy(tmp_path)
    reference = tmp_path / "ref"
    build_fixture(src, reference)
    shutil.rmtree(src / "sipri-milex")
    (reference / "sipri_milex.csv").write_text("iso3,country,year\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"sipri_milex.csv: expected sha256:.*restore the file"):
        build_fixture(src, tmp_path / "out", keep_from=reference)
    assert not (tmp_path / "out").exists()


def test_an_absent_source_folder_without_keep_from_is_named(tmp_path):
    src = fixture_copy(tmp_path)
    shutil.rmtree(src / "owid-nuclear-weapons")
    with pytest.raises(CourseError, match=r"owid-nuclear-weapons: expected a source folder.*--keep-from"):
        build_fixture(src, tmp_path / "out")


@pytest.mark.slow
def test_a_world_bank_folder_and_data_rebuild_data_byte_for_byte(tmp_path):
    """What a user with the repository and a World Bank folder can do (here the course's own copy)."""
    if not SHARED_SOURCES.is_dir():
        pytest.skip("../shared/data/sources is not next to this clone: no World Bank folder of the shipped vintage")
    shutil.copytree(SHARED_SOURCES / "wb-wdi", tmp_path / "sources" / "wb-wdi")
    out = tmp_path / "out"
    refresh(tmp_path / "sources", out, log=quiet, use_frictionless=False, keep_from=DATA)
    differ = [p.name for p in DATA.iterdir() if (out / p.name).read_bytes() != p.read_bytes()]
    assert differ == []
