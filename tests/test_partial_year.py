"""Coverage before recency: on a package refreshed with a newest year that only three
economies (and the World) have, "latest year" is the latest year the group in question
fully covers, said with its reason; the notebooks run on it (COURSE_DATA)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from partial_year import PARTIAL, build_partial

from course_lib.runner import NOTEBOOKS_DIR, execute

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def partial(tmp_path_factory) -> Path:
    return build_partial(tmp_path_factory.mktemp("partial"))


def _env(folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_DATA", "SCO_COURSE_DATA_DIR")}
    env.update(COURSE_DATA=str(folder), MPLBACKEND="Agg")
    return env


def _in_package(folder: Path, code: str):
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=_env(folder), text=True,
                         capture_output=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_package_has_a_partial_newest_year(partial):
    wb = pd.read_csv(partial / "wb_indicators.csv")
    newest = wb[wb.year == wb.year.max()]
    assert sorted(newest.iso3) == sorted(PARTIAL)


def test_now_readings_use_the_latest_full_year_and_say_why(partial):
    wb = pd.read_csv(partial / "wb_indicators.csv")
    got = _in_package(partial, (
        "import json\nfrom course_lib import claims, sco\n"
        "now = {c: claims.evaluate(c).now for c in ('population_share', 'largest_organization')}\n"
        "print(json.dumps({'now': now, 'today': sco.member_set(\"today's members\")}))"))
    group = got["today"] + ["WLD"]
    pop = wb[wb.iso3.isin(group)].pivot(index="year", columns="iso3", values="population")
    full = int(pop.dropna().index.max())  # plain pandas: every member and the World
    newest = int(wb.year.max())
    assert full < newest
    share = got["now"]["population_share"]
    assert share["label"] == f"today's members, {full}"
    assert share["why"].startswith(f"{full}, the latest year in which all {len(group)} of")
    assert f"({newest} has {int(pop.loc[newest].notna().sum())} of {len(group)})" in share["why"]
    expected = 100 * pop.loc[full, got["today"]].sum() / pop.loc[full, "WLD"]
    assert abs(share["value"] - expected) < 1e-9
    assert got["now"]["largest_organization"]["label"].endswith(f", {full}")


def test_the_report_says_which_year_and_why(partial):
    got = _in_package(partial, (
        "import json\nfrom course_lib.report import fact_check_table\n"
        "t = fact_check_table(progress=False).set_index('claim_id')\n"
        "print(json.dumps(t.loc['population_share', 'now_label']))"))
    wb = pd.read_csv(partial / "wb_indicators.csv")
    newest = int(wb.year.max())
    assert f"{newest - 1}, the latest year in which all" in got and f"({newest} has " in got


def test_development_panel_stops_at_the_groups_full_year(partial):
    got = _in_package(partial, (
        "import json\nfrom course_lib.analysis import development\n"
        "print(json.dumps(int(development.panel('gdp_per_capita_usd', \"today's members\").index.max())))"))
    wb = pd.read_csv(partial / "wb_indicators.csv")
    assert got == int(wb.year.max()) - 1


@pytest.mark.slow
@pytest.mark.parametrize("name", ["02_expansion", "05_economic_development", "07_fact_check"])
def test_the_notebooks_run_on_a_partial_newest_year(partial, name, tmp_path):
    execute(NOTEBOOKS_DIR / f"{name}.ipynb", env=_env(partial), timeout=900)
