"""course_lib.data: catalogue, loading with checks, clear errors on damaged files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from course_lib import data
from course_lib.errors import DataError

NAMES = data.names()


def test_catalog_lists_every_resource_with_source_and_licence():
    cat = data.catalog()
    assert list(cat.name) == NAMES
    assert cat.source.str.len().gt(0).all(), cat[cat.source.str.len() == 0]
    assert cat.licence.str.len().gt(0).all()
    assert (cat.rows > 0).all()


@pytest.mark.parametrize("name", NAMES)
def test_every_resource_loads_with_its_schema_types(name):
    df = data.load(name)
    fields = data.resource(name)["schema"]["fields"]
    assert list(df.columns) == [f["name"] for f in fields]
    assert len(df) == data.resource(name)["rows"]
    for f in fields:
        if f["type"] in {"integer", "year"}:
            assert str(df[f["name"]].dtype) == "Int64"
        if f["type"] == "number":
            assert df[f["name"]].dtype == "float64"


def test_load_returns_a_copy():
    a = data.load("sco_membership")
    a.loc[:, "country"] = "changed"
    assert (data.load("sco_membership").country != "changed").all()


def test_cite_names_the_file_and_hash():
    text = data.cite("wb_indicators")
    assert "World Bank" in text and "data/wb_indicators.csv" in text


def test_unknown_name_suggests_the_closest():
    with pytest.raises(DataError, match="Did you mean 'sco_membership'"):
        data.load("sco_membershp")
    with pytest.raises(DataError, match="string"):
        data.load(42)  # type: ignore[arg-type]


def test_error_renders_without_traceback_in_ipython():
    try:
        data.load("nope")
    except DataError as exc:
        lines = exc._render_traceback_()
        assert len(lines) == 1 and "No dataset called 'nope'" in lines[0]


# ----------------------------------------------------------------- damaged copies
@pytest.fixture
def copy_of_data(tmp_path: Path, repo: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(repo / "data", dest)
    return dest


def _rehash(folder: Path, name: str) -> None:
    """Record the current bytes' hash, so the schema checks (not the hash) are tested."""
    import hashlib

    pkg_path = folder / "datapackage.json"
    pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
    for res in pkg["resources"]:
        if res["name"] == name:
            raw = (folder / res["path"]).read_bytes()
            res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
            res["bytes"] = len(raw)
    pkg_path.write_text(json.dumps(pkg), encoding="utf-8")


def test_missing_file(copy_of_data):
    (copy_of_data / "sco_membership.csv").unlink()
    with pytest.raises(DataError, match=r"data/sco_membership.csv is missing.*git checkout -- data/sco_membership.csv"):
        data.load("sco_membership", copy_of_data)


def test_truncated_file(copy_of_data):
    p = copy_of_data / "sco_membership.csv"
    p.write_bytes(p.read_bytes()[:200])
    with pytest.raises(DataError, match=r"data/sco_membership.csv has been modified.*git checkout"):
        data.load("sco_membership", copy_of_data)


def test_renamed_column_is_named(copy_of_data):
    p = copy_of_data / "sco_membership.csv"
    text = p.read_text(encoding="utf-8").replace("start_date", "start", 1)
    p.write_text(text, encoding="utf-8")
    _rehash(copy_of_data, "sco_membership")
    with pytest.raises(DataError, match=r"missing column\(s\) \['start_date'\].*unexpected column\(s\) \['start'\]"):
        data.load("sco_membership", copy_of_data)


def test_wrong_type_names_column_and_line(copy_of_data):
    p = copy_of_data / "wb_indicators.csv"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[5].rstrip("\n").split(",")
    cells[header.index("year")] = "two thousand"
    lines[5] = ",".join(cells) + "\n"
    p.write_text("".join(lines), encoding="utf-8")
    _rehash(copy_of_data, "wb_indicators")
    with pytest.raises(DataError, match=r"column 'year' should hold whole numbers, but line 6"):
        data.load("wb_indicators", copy_of_data)


def test_a_code_against_its_pattern_names_column_and_line(copy_of_data):
    """Each distinct value is matched once; the message still names the first bad line."""
    res = data.resource("wb_indicators", copy_of_data)
    field = next(f for f in res["schema"]["fields"] if f["name"] == "iso3")
    assert "pattern" in field.get("constraints", {})
    p = copy_of_data / "wb_indicators.csv"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    for n in (7, 9):  # the same bad code twice: the first is reported
        cells = lines[n].rstrip("\n").split(",")
        cells[header.index("iso3")] = "chn"
        lines[n] = ",".join(cells) + "\n"
    p.write_text("".join(lines), encoding="utf-8")
    _rehash(copy_of_data, "wb_indicators")
    with pytest.raises(DataError, match=r"column 'iso3' must match the pattern .* \(line 8 has 'chn'\)"):
        data.load("wb_indicators", copy_of_data)


def test_broken_catalogue(copy_of_data):
    (copy_of_data / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        data.catalog(copy_of_data)


@settings(max_examples=25)
@given(offset=st.integers(min_value=0, max_value=10_000), byte=st.integers(0, 255))
def test_any_changed_byte_gives_the_clear_error(tmp_path_factory, offset, byte):
    repo = Path(__file__).resolve().parents[1]
    folder = tmp_path_factory.mktemp("d")
    shutil.copy(repo / "data" / "datapackage.json", folder)
    shutil.copy(repo / "data" / "sco_membership.csv", folder)
    p = folder / "sco_membership.csv"
    raw = bytearray(p.read_bytes())
    i = offset % len(raw)
    if raw[i] == byte:
        return
    raw[i] = byte
    p.write_bytes(bytes(raw))
    with pytest.raises(DataError, match="sco_membership.csv"):
        data.load("sco_membership", folder)


def test_verify_reports_every_file(copy_of_data):
    (copy_of_data / "claims.csv").unlink()
    result = data.verify(copy_of_data)
    assert not result.set_index("name").loc["claims", "ok"]
    assert result.ok.sum() == len(NAMES) - 1


def test_load_does_not_write_into_data(repo):
    before = {p.name: p.stat().st_mtime_ns for p in (repo / "data").iterdir()}
    for name in NAMES:
        data.load(name)
    after = {p.name: p.stat().st_mtime_ns for p in (repo / "data").iterdir()}
    assert before == after


def test_schema_table():
    s = data.schema("wb_indicators")
    assert {"name", "type", "unit", "description"} <= set(s.columns)
    assert isinstance(s, pd.DataFrame)


# ----------------------------------------------------------------- damage matrix
DAMAGES = ["missing", "truncated", "changed_byte", "renamed_column", "wrong_type", "empty"]


def _damage(folder: Path, name: str, how: str) -> None:
    res = data.resource(name, folder)
    p = folder / res["path"]
    raw = p.read_bytes()
    if how == "missing":
        p.unlink()
    elif how == "truncated":
        p.write_bytes(raw[: len(raw) // 2])
    elif how == "changed_byte":
        i = len(raw) // 3
        p.write_bytes(raw[:i] + bytes([raw[i] ^ 0x01]) + raw[i + 1:])
    elif how == "empty":
        p.write_bytes(b"")
        _rehash(folder, name)
    elif how == "renamed_column":
        text = raw.decode("utf-8")
        head, rest = text.split("\n", 1)
        cols = head.split(",")
        cols[-1] = cols[-1] + "_renamed"
        p.write_text(",".join(cols) + "\n" + rest, encoding="utf-8")
        _rehash(folder, name)
    elif how == "wrong_type":
        fields = res["schema"]["fields"]
        typed = [i for i, f in enumerate(fields) if f["type"] in {"integer", "number", "year",
                                                                  "boolean"}]
        if not typed:
            pytest.skip(f"{name} has no typed column")
        lines = raw.decode("utf-8").split("\n")
        col = typed[0]
        import csv
        import io

        rows = list(csv.reader(io.StringIO("\n".join(lines[:2]))))
        rows[1][col] = "not-a-value"
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        p.write_text(buf.getvalue() + "\n".join(lines[2:]), encoding="utf-8")
        _rehash(folder, name)


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.parametrize("name", NAMES)
def test_damage_matrix_gives_the_clear_error(copy_of_data, name, how):
    _damage(copy_of_data, name, how)
    path = data.resource(name, copy_of_data)["path"]
    with pytest.raises(DataError) as err:
        data.load(name, copy_of_data)
    msg = str(err.value)
    assert f"data/{path}" in msg, msg
    assert "git checkout -- data/" in msg, msg
