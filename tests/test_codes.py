"""Every ISO3 code of a source is checked against pycountry and the World Bank's aggregate
codes: a wrong code stops the refresh naming the file, the row and the code; codes new or
gone since the previous package are reported."""

from __future__ import annotations

import re

import pandas as pd
import pycountry
import pytest
from conftest import fixture_copy, quiet

from course_lib.curation.codes import WB_AGGREGATES
from course_lib.curation.package import refresh
from course_lib.errors import CourseError


def recode(path, old: str, new: str, name: str | None = None) -> int:
    """Give ``old``'s rows the code ``new`` (and name); return the CSV line of the first."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = df["Country Code"] == old
    df.loc[rows, "Country Code"] = new
    if name:
        df.loc[rows, "Country Name"] = name
    df.to_csv(path, index=False, lineterminator="\n")
    return int(rows.idxmax()) + 2


def test_the_list_is_pycountry_plus_the_world_banks_aggregates():
    assert "INX" in WB_AGGREGATES and "INX" not in {c.alpha_3 for c in pycountry.countries}
    assert pycountry.countries.get(alpha_3="TUX") is None


def test_india_coded_as_a_world_bank_aggregate_stops_the_refresh(tmp_path):
    src = fixture_copy(tmp_path)
    gdp = src / "wb-wdi" / "ny.gdp.mktp.cd.csv"
    line = recode(gdp, "IND", "INX")
    with pytest.raises(CourseError) as err:
        refresh(src, tmp_path / "out", log=quiet, published_totals=False, use_frictionless=False)
    msg = str(err.value)
    assert str(gdp) in msg and f"line {line}" in msg and "'INX'" in msg and "IND" in msg
    assert not (tmp_path / "out").exists()


def test_an_unknown_code_stops_the_refresh_naming_file_row_and_code(tmp_path):
    src = fixture_copy(tmp_path)
    pop = src / "wb-wdi" / "sp.pop.totl.csv"
    line = recode(pop, "OMN", "TUX", "Tuvalu")
    with pytest.raises(CourseError) as err:
        refresh(src, tmp_path / "out", log=quiet, published_totals=False, use_frictionless=False)
    msg = str(err.value)
    assert re.search(rf"{re.escape(str(pop))}, line {line}: code 'TUX' \(Tuvalu\)", msg), msg
    assert "TUV" in msg  # what pycountry calls Tuvalu


def test_a_wrong_code_in_a_fact_table_stops_too(tmp_path):
    src = fixture_copy(tmp_path)
    mem = src.parent / "facts" / "sco_membership.csv"
    df = pd.read_csv(mem, dtype=str, keep_default_na=False)
    df.loc[0, "iso3"] = "KAX"
    df.to_csv(mem, index=False, lineterminator="\n")
    with pytest.raises(CourseError, match=rf"{re.escape(str(mem))}, line 2: code 'KAX'"):
        refresh(src, tmp_path / "out", log=quiet, published_totals=False, use_frictionless=False)


def test_codes_new_or_gone_since_the_previous_package_are_reported(tmp_path):
    src = fixture_copy(tmp_path)
    out = tmp_path / "out"
    refresh(src, out, log=quiet, published_totals=False, use_frictionless=False)
    for f in (src / "wb-wdi").glob("*.csv"):  # Oman leaves, Tuvalu (its real code) arrives
        recode(f, "OMN", "TUV", "Tuvalu")
    said: list[str] = []
    result = refresh(src, out, log=said.append, published_totals=False, use_frictionless=False)
    line = next(s for s in result["codes"] if s.startswith("wb_indicators"))
    assert "new code(s) TUV (Tuvalu)" in line and "gone: OMN (Oman)" in line
    assert any("TUV (Tuvalu)" in s for s in said)


def test_data_diff_names_codes_new_or_gone(tmp_path):
    from course_lib.datadiff import diff

    src = fixture_copy(tmp_path)
    refresh(src, tmp_path / "old", log=quiet, published_totals=False, use_frictionless=False)
    for f in (src / "wb-wdi").glob("*.csv"):
        recode(f, "OMN", "TUV", "Tuvalu")
    refresh(src, tmp_path / "new", log=quiet, published_totals=False, use_frictionless=False)
    text = diff(tmp_path / "old", tmp_path / "new", claims=False)
    assert "* wb_indicators: new code(s) TUV (Tuvalu); gone: OMN (Oman)" in text
