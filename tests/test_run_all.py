"""run-all goes on past a failing notebook (named with its cell), ends with a summary and a
non-zero exit; --list-parameters prints every parameter with its valid values, computed
from the package; docs/parameters.md agrees with it; an error from a notebook names it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_lib import runner
from course_lib.parameters import RANGES, parameter_ranges

REPO = Path(__file__).resolve().parents[1]


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("COURSE_DATA", "SCO_COURSE_DATA_DIR")}


def _notebooks(folder: Path) -> None:
    folder.mkdir()
    cells = {
        "00_first.ipynb": ["print('first ran')"],
        "01_broken.ipynb": ["x = 1", "from course_lib.errors import CourseError\nraise CourseError('no such year')"],
        "02_last.ipynb": ["print('last ran')"],
    }
    for name, sources in cells.items():
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
        nbformat.write(nb, str(folder / name))


def test_run_all_goes_on_and_ends_with_a_summary(tmp_path):
    src, out = tmp_path / "nbs", tmp_path / "out"
    _notebooks(src)
    proc = subprocess.run([sys.executable, "-m", "course_lib", "run-all", "--source", str(src),
                           "--out", str(out), "--quiet"], cwd=REPO, env=_env(), capture_output=True,
                          text=True)
    assert proc.returncode == 1
    assert "01_broken.ipynb, cell 2: CourseError: no such year" in proc.stdout
    assert "3 notebooks, 2 ran, 1 failed" in proc.stdout
    ran = nbformat.read(str(out / "02_last.ipynb"), as_version=4)  # the one after the failure ran
    assert "last ran" in ran.cells[0].outputs[0]["text"]
    assert "Traceback" not in proc.stderr and "CellExecutionError" not in proc.stdout + proc.stderr


def test_an_error_from_a_notebook_names_the_notebook(tmp_path):
    _notebooks(tmp_path / "nbs")
    with pytest.raises(runner.NotebookError, match=r"^01_broken.ipynb, cell 2: CourseError: no such year$"):
        runner.execute(tmp_path / "nbs" / "01_broken.ipynb")


def test_list_parameters_names_every_parameter_with_its_range():
    proc = subprocess.run([sys.executable, "-m", "course_lib", "run-all", "--list-parameters"],
                          cwd=REPO, env=_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    declared = {(p.name[:2], name) for p in runner.course_notebooks()
                for name in runner.declared_parameters(nbformat.read(str(p), as_version=4))}
    assert declared == set(RANGES)  # every parameter has a range, and no range is stale
    for row in parameter_ranges():
        assert f"  {row.notebook}: default {row.default}; valid: {row.valid}" in proc.stdout


def test_the_ranges_come_from_the_package():
    import pandas as pd

    wb = pd.read_csv(REPO / "data" / "wb_indicators.csv")
    wld = wb[wb.iso3 == "WLD"].dropna(subset=["population", "surface_area_km2", "land_area_km2", "gdp_usd"])
    row = next(r for r in parameter_ranges() if r.notebook.startswith("02"))
    assert f"from {wld.year.min()} to {wld.year.max()}" in row.valid


def test_the_docs_list_the_same_ranges():
    text = (REPO / "docs" / "parameters.md").read_text(encoding="utf-8")
    for r in parameter_ranges():
        assert f"| `{r.name}` | {r.notebook} | `{r.default}` | {r.valid} |" in text
