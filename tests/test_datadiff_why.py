"""`data diff` ties a moved verdict to the changed rows that moved it, with each row's
contribution to the claim's value, in the terminal and in the Markdown. The expected
contributions come from packages the test builds itself (one changed row each) and
claims.evaluate in a process of its own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from test_course_data import set_population
from test_datadiff import _env, _population_share


def test_each_changed_row_and_its_contribution(tmp_path, repo):
    new = tmp_path / "new"
    shutil.copytree(repo / "data", new)
    set_population(new, "CHN", 2017, 1.05)
    set_population(new, "IND", 2017, 1.05)
    only_china = tmp_path / "only_china"
    shutil.copytree(repo / "data", only_china)
    set_population(only_china, "CHN", 2017, 1.05)
    before, verdict_before = _population_share(repo, None)
    china, _ = _population_share(repo, only_china)
    after, verdict_after = _population_share(repo, new)
    assert verdict_before != verdict_after  # the fixture moves the verdict

    out = tmp_path / "diff.md"
    proc = subprocess.run([sys.executable, "-m", "course_lib", "data", "diff", "data", str(new),
                           "--out", str(out)], cwd=repo, env=_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "### Why `population_share` moved" in text and text in proc.stdout  # terminal too
    lines = text.split("### Why `population_share` moved", 1)[1].splitlines()
    china_line = next(x for x in lines if x.startswith("* China, 2017, population +5 %"))
    india_line = next(x for x in lines if x.startswith("* India, 2017, population +5 %"))
    shown = float(re.search(r": ([+-][\d.]+) points", china_line).group(1))
    assert abs(shown - (china - before)) < 0.001 * max(1, abs(china - before)) + 5e-4
    assert "points" in india_line
    whole = next(x for x in lines if "whole change" in x)
    assert f"{after - before:+.3g} points" in whole


def test_no_why_section_when_nothing_moved(tmp_path, repo):
    new = tmp_path / "new"
    shutil.copytree(repo / "data", new)
    set_population(new, "DEU", 2017, 1.0001)  # Germany: not a member, a tiny change
    proc = subprocess.run([sys.executable, "-m", "course_lib", "data", "diff", "data", str(new)],
                          cwd=repo, env=_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"\b0 of \d+ verdicts moved", proc.stdout) and "### Why" not in proc.stdout
