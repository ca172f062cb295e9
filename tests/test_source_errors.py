"""Errors name the file (and the row where there is one); one bulk file replaces only its
own indicator's citation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import fixture_copy, quiet

from course_lib.curation.package import refresh
from course_lib.curation.worldbank import WB_SERIES
from course_lib.errors import CourseError

BULK = Path(__file__).resolve().parent / "fixtures" / "worldbank" / "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv"
COMMIT = "4ebec5a2273f531ba238a34dbe440394dc5a6c4b"


def _refresh(src: Path, out: Path) -> dict:
    refresh(src, out, log=quiet, published_totals=False, use_frictionless=False)
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def test_a_non_numeric_value_names_its_file_and_row_only(tmp_path):
    src = fixture_copy(tmp_path)
    gdp = src / "wb-wdi" / "ny.gdp.mktp.cd.csv"
    lines = gdp.read_text(encoding="utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("China,CHN,2017,"))
    lines[i] = "China,CHN,2017,1.3e11x"
    gdp.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CourseError) as err:
        _refresh(src, tmp_path / "out")
    msg = str(err.value)
    assert msg.startswith(f"{gdp}, line {i + 1} (CHN, 2017)") and "'1.3e11x'" in msg
    others = [code for _c, code, _t, _u in WB_SERIES if code != "ny.gdp.mktp.cd"]
    assert not any(code in msg for code in others)  # not the other nine files
    assert "git checkout" not in msg


def test_an_extract_of_a_few_economies_is_refused_naming_the_file(tmp_path):
    src = fixture_copy(tmp_path)
    (src / "wb-wdi" / "sp.pop.totl.csv").unlink()
    bulk = src / "wb-wdi" / BULK.name
    bulk.write_text("\n".join(line for line in BULK.read_text(encoding="utf-8").split("\n")
                              if not line.startswith('"China"')), encoding="utf-8")
    with pytest.raises(CourseError, match=re.escape(str(bulk)) + r": expected the countries' population"):
        _refresh(src, tmp_path / "out")


def test_one_bulk_file_replaces_only_its_own_citation(tmp_path):
    src = fixture_copy(tmp_path)
    doc = src / "wb-wdi" / "SOURCE.md"
    doc.write_text(doc.read_text(encoding="utf-8") + f"\n- Commit: `{COMMIT}` (2026-07-01)\n",
                   encoding="utf-8")
    before = _refresh(src, tmp_path / "before")
    (src / "wb-wdi" / "sp.pop.totl.csv").unlink()
    (src / "wb-wdi" / BULK.name).write_bytes(BULK.read_bytes())
    after = _refresh(src, tmp_path / "after")
    cite = {p: {s["title"]: s for s in next(r for r in pkg["resources"] if r["name"] == "wb_indicators")["sources"]}
            for p, pkg in (("before", before), ("after", after))}
    assert set(cite["before"]) == set(cite["after"]) and len(cite["after"]) == len(WB_SERIES)
    for title, s in cite["after"].items():
        if "SP.POP.TOTL" in title:
            assert "commit" not in s and "data.worldbank.org/indicator/SP.POP.TOTL" in s["path"]
        else:
            assert s == cite["before"][title] and s["commit"] == COMMIT
