"""``python -m course_lib data diff OLD NEW``: a copy of data/ with one population value
changed is reported by resource, country, year and column, and the claims table is
evaluated on both packages with the moved verdicts marked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib import datadiff

from test_course_data import set_population


@pytest.fixture
def changed_copy(tmp_path: Path, repo: Path):
    dest = tmp_path / "new"
    shutil.copytree(repo / "data", dest)
    old, new = set_population(dest, "CHN", 2017, 0.8)
    return dest, old, new


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("COURSE_DATA", "SCO_COURSE_DATA_DIR")}


def _population_share(repo: Path, folder: Path | None) -> tuple[float, str]:
    env = _env()
    if folder is not None:
        env["COURSE_DATA"] = str(folder)
    code = ("from course_lib.claims import evaluate; ev = evaluate('population_share'); "
            "print(repr(ev.value)); print(ev.verdict)")
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, text=True,
                         capture_output=True, check=True).stdout.strip().splitlines()
    return float(out[-2]), out[-1]


def test_diff_names_resource_country_year_and_the_population_claim(changed_copy, repo, tmp_path):
    new_folder, old_value, new_value = changed_copy
    out = tmp_path / "diff.md"
    proc = subprocess.run([sys.executable, "-m", "course_lib", "data", "diff", "data",
                           str(new_folder), "--out", str(out)], cwd=repo, env=_env(),
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text in proc.stdout
    # the data: one changed value, named by resource, key, country and column
    assert "### wb_indicators" in text
    row = next(line for line in text.splitlines() if line.startswith("| CHN | 2017 |"))
    assert "China" in row and "population" in row
    assert f"{old_value:,}" in row and f"{new_value:,}" in row
    assert "1 changed (1 values)" in text
    # the claims: expected value and verdict computed here, by claims.evaluate in a
    # process of its own for each package (the diff's table must agree)
    before, after = (_population_share(repo, folder) for folder in (None, new_folder))
    assert after[0] != before[0]
    claim_row = next(line for line in text.splitlines() if line.startswith("| population_share |"))
    assert f"| {before[1]} |" in claim_row and f"| {after[1]} |" in claim_row
    assert f"{before[0]:.6g}" in claim_row and f"{after[0]:.6g}" in claim_row
    assert (datadiff.MOVED in claim_row) == (before[1] != after[1])
    moved = sum(datadiff.MOVED in line for line in text.splitlines() if line.startswith("| "))
    assert f"{moved} of " in text and "verdicts moved" in text


def test_identical_packages(repo):
    diffs = datadiff.diff_resources(repo / "data", repo / "data")
    assert all(d.identical for d in diffs)
    assert "Every resource is identical." in datadiff.render(diffs)


def test_rows_added_removed_and_changed_largest_first():
    import pandas as pd

    old = pd.DataFrame({"iso3": ["A", "B", "C"], "year": [1, 1, 1], "v": [100.0, 10.0, 1.0]})
    new = pd.DataFrame({"iso3": ["A", "B", "D"], "year": [1, 1, 1], "v": [101.0, 20.0, 5.0]})
    d = datadiff._table_diff("t", old, new, ["iso3", "year"])
    assert list(d.added.iso3) == ["D"] and list(d.removed.iso3) == ["C"]
    assert list(d.values.iso3) == ["B", "A"]  # +100 % before +1 %
    assert d.changed == 2


def test_a_bad_new_package_is_one_clear_error(changed_copy, repo):
    new_folder = changed_copy[0]
    bad = new_folder / "places.csv"
    bad.write_bytes(bad.read_bytes() + b"x")
    proc = subprocess.run([sys.executable, "-m", "course_lib", "data", "diff", "data",
                           str(new_folder), "--no-claims"], cwd=repo, env=_env(),
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert str(bad.resolve()) in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "course_lib", "data", "diff", "data",
                           str(repo / "notebooks")], cwd=repo, env=_env(),
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "holds no datapackage.json" in proc.stderr
