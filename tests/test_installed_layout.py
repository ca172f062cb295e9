"""A non-editable install (`pip install .`: the code in site-packages, no data/ beside it),
simulated by a copy of course_lib alone on PYTHONPATH: from inside a course folder it finds
data/ next to the notebooks; elsewhere it says exactly what to do (no "git checkout")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CODE = ("from course_lib import data\n"
        "print(len(data.load('sco_membership')), data.identity().folder)\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site-packages")
    shutil.copytree(REPO / "course_lib", site / "course_lib",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return site


def _run(site: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_DATA", "SCO_COURSE_DATA_DIR")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, "-c", CODE], cwd=cwd, env=env, capture_output=True, text=True)


def test_outside_a_course_folder_it_says_what_to_do(site, tmp_path):
    proc = _run(site, tmp_path)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert "No course data found" in last and "COURSE_DATA" in last and "pip install -e ." in last
    assert "git checkout" not in proc.stderr


def test_inside_a_course_folder_it_finds_the_data_next_to_the_notebooks(site, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(REPO / "data", course / "data")
    (course / "notebooks").mkdir()
    proc = _run(site, course / "notebooks")  # where a kernel runs
    assert proc.returncode == 0, proc.stderr
    rows, folder = proc.stdout.split()
    assert Path(folder) == (course / "data").resolve()
    import pandas as pd

    assert int(rows) == len(pd.read_csv(REPO / "data" / "sco_membership.csv"))
