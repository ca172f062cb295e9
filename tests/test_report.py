"""The fact-check report: both files written, every claim, verdict and source in the
HTML, the learner's verdicts included, and never written into data/ or notebooks/."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from course_lib import claims, report
from course_lib.errors import CourseError

REPO = Path(__file__).resolve().parents[1]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.imgs: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.imgs.append(dict(attrs).get("src", ""))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    mine = {"population_share": {"verdict": "partly supported",
                                 "reasoning": "Close only with observers counted."}}
    paths = report.write_report(out, learner=mine, progress=False)
    return paths, mine


def test_both_files_and_the_figure(written):
    paths, _ = written
    for key in ("markdown", "html", "figure"):
        assert paths[key].exists() and paths[key].stat().st_size > 0
    assert paths["figure"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_has_every_claim_verdict_and_source(written):
    paths, mine = written
    parser = _Text()
    parser.feed(paths["html"].read_text(encoding="utf-8"))
    text = " ".join(parser.text)
    table = report.fact_check_table(progress=False)
    for row in table.itertuples(index=False):
        assert row.claim_id in text
        assert row.verdict in text
        for src in filter(None, (s.strip() for s in row.sources.split(","))):
            assert src in text, src
    assert mine["population_share"]["reasoning"] in text
    assert len(parser.imgs) == 1 and parser.imgs[0].startswith("data:image/png;base64,")
    assert not re.search(r"https?://", "".join(parser.imgs))


def test_table_matches_evaluate(written):
    table = report.fact_check_table(progress=False)
    assert set(table.claim_id) == set(claims.claims().claim_id)
    for row in table.itertuples(index=False):
        assert row.verdict == claims.evaluate(row.claim_id).verdict


@pytest.mark.parametrize("target", ["data", "notebooks", "data/sub"])
def test_refuses_course_folders(target):
    with pytest.raises(CourseError, match="cannot be written"):
        report.write_report(REPO / target, progress=False)


@pytest.mark.parametrize("bad", [
    {"nope": "supported"}, {"population_share": "maybe"}, ["population_share"],
    {"population_share": 3},
])
def test_bad_learner_verdicts_are_clear(bad, tmp_path):
    with pytest.raises(CourseError):
        report.write_report(tmp_path, learner=bad, progress=False)


def test_command_line(tmp_path):
    verdicts = tmp_path / "mine.json"
    verdicts.write_text(json.dumps({"heritage_share": "not supported"}), encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "course_lib", "report", "--out",
                          str(tmp_path / "r"), "--verdicts", str(verdicts), "--quiet"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "r" / "report.html").exists()
    bad = subprocess.run([sys.executable, "-m", "course_lib", "report", "--out",
                          str(REPO / "data"), "--quiet"], capture_output=True, text=True)
    assert bad.returncode != 0 and "error:" in bad.stderr and "Traceback" not in bad.stderr


def test_identity_in_markdown_and_html(written):
    paths, _ = written
    pkg = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for kind in ("markdown", "html"):
        text = paths[kind].read_text(encoding="utf-8")
        assert f"{pkg['version']} content {pkg['content_hash'].split(':')[-1][:12]}" in text, kind


def test_data_versions_list_the_files_of_the_package_in_use(data_copy):
    """Under COURSE_DATA (what --data sets) the report names that package's files, not data/."""
    import pandas as pd

    from course_lib.report import to_markdown

    text = to_markdown(pd.DataFrame(), {}, "claims.png")
    versions = text.split("## Data versions", 1)[1]
    assert f"`{data_copy / 'wb_indicators.csv'}`" in versions
    assert "`data/wb_indicators.csv`" not in versions
    assert str(data_copy) in versions.split("\n")[2]  # the identity line names the folder


def test_cli_help_lists_commands():
    res = subprocess.run([sys.executable, "-m", "course_lib", "--help"], capture_output=True,
                         text=True)
    assert res.returncode == 0
    for cmd in ("check-data", "run-all", "student", "report", "questions"):
        assert cmd in res.stdout


def test_claims_table_as_csv_and_json(written):
    import csv as _csv

    paths, _ = written
    with open(paths["csv"], encoding="utf-8", newline="") as f:
        rows = list(_csv.DictReader(f))
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert len(rows) == len(data) and {r["claim_id"] for r in rows} == set(claims.claims().claim_id)
    with open(REPO / "data" / "claim_readings.csv", encoding="utf-8", newline="") as f:
        fixed = {(r["claim_id"], r["reading_id"]) for r in _csv.DictReader(f)}
    assert {(r["claim_id"], r["reading_id"]) for r in rows if r["reading_id"]} == fixed
    pkg = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    short = f"{pkg['name']} {pkg['version']} content {pkg['content_hash'].split(':')[-1][:12]}"
    for r in rows:
        assert r["data_package"] == short  # name, version and content hash, from datapackage.json
        assert r["verdict"] == claims.evaluate(r["claim_id"]).verdict
    wb = [r for r in rows if r["claim_id"] == "population_share"][0]
    assert "world-development-indicators@" in wb["vintage"]
    readme = paths["readme"].read_text(encoding="utf-8")
    for col in rows[0]:
        assert f"`{col}`" in readme, col


def test_units_shown_as_themselves_and_no_fixed_band(written):
    paths, _ = written
    md = paths["markdown"].read_text(encoding="utf-8")
    assert not re.search(r"(?<![\d.,])2,017", md) and "1 rank" not in md
    assert not re.search(r"(?<![\d.,])5 %", md)
    assert "9 June 2017" in md and "almost 44 per cent" in md and "| 1st |" in md
    assert "Then and now" in md


def _snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime)
            for p in folder.rglob("*")}


@pytest.mark.slow
def test_reports_go_to_each_learners_folder_from_a_read_only_install(tmp_path):
    """The course installed once (read-only, as on a JupyterHub); two learners write
    their reports from their own working folders, named with their ids."""
    import os
    import shutil
    import stat

    install = tmp_path / "install"
    shutil.copytree(REPO / "course_lib", install / "course_lib",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "data", install / "data")
    for p in [install, *install.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = _snapshot(install)
    code = ("from course_lib.report import write_report; "
            "print(write_report(progress=False)['markdown'])")
    try:
        for learner in ("alice", "bob"):
            home = tmp_path / learner
            home.mkdir()
            env = dict(os.environ, PYTHONPATH=str(install), SCO_COURSE_LEARNER=learner,
                       PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="Agg")
            env.pop("JUPYTERHUB_USER", None)
            res = subprocess.run([sys.executable, "-c", code], cwd=home, env=env,
                                 capture_output=True, text=True, timeout=300)
            assert res.returncode == 0, res.stderr
            written = Path(res.stdout.strip().splitlines()[-1])
            assert written == home / f"fact_check_report_{learner}" / "report.md"
            assert written.is_file() and (written.parent / "report.html").is_file()
        assert _snapshot(install) == before, "the installed course was changed"
    finally:
        for p in [install, *install.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)


def test_default_report_dir_names_the_learner(tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("SCO_COURSE_LEARNER", raising=False)
    assert report.default_report_dir(tmp_path) == tmp_path / "fact_check_report"
    monkeypatch.setenv("JUPYTERHUB_USER", "jo smith/../x")
    name = report.default_report_dir(tmp_path).name
    assert name.startswith("fact_check_report_jo_smith") and "/" not in name
    for folder in ("notebooks", "data", "."):
        assert report.default_report_dir(REPO / folder) == REPO / "build" / "report"
