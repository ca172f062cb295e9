"""The benchmark's bookkeeping (benchmarks/course.py and results_md.py): how it splits a notebook's time and
what results.md says about each goal. The measurements themselves run in `make bench`."""

from __future__ import annotations

import nbformat
import pytest

from benchmarks import course, results_md


def _cell(source: str, seconds: float | None, png: bool = False):
    cell = nbformat.v4.new_code_cell(source)
    if seconds is not None:
        cell.metadata["execution"] = {
            "iopub.execute_input": "2026-01-01T00:00:00.000000Z",
            "shell.execute_reply": f"2026-01-01T00:00:{seconds:09.6f}Z",
        }
    if png:
        cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBOR"})]
    return cell


def _notebook():
    return nbformat.v4.new_notebook(cells=[
        _cell("import pandas as pd", 0.5),
        nbformat.v4.new_markdown_cell("text"),
        _cell("ex = status_explorer()", 0.25),
        _cell("form = verdict_form()", 0.125),
        _cell("fig, ax = figure()", 0.2, png=True),
        _cell("x = 1", 0.05),
        _cell("y = 2", None),  # no timing recorded: counts as 0
    ])


def test_cell_parts_split_by_kind_and_the_rest_is_kernel():
    parts = course.cell_parts(_notebook(), total=2.0)
    assert parts["imports"] == pytest.approx(0.5)
    assert parts["explorers"] == pytest.approx(0.375)
    assert parts["figures"] == pytest.approx(0.2)
    assert parts["other cells"] == pytest.approx(0.05)
    assert parts["kernel"] == pytest.approx(2.0 - 1.125)
    assert course.inline_pngs(_notebook()) == 1


def test_kernel_time_never_negative():
    assert course.cell_parts(_notebook(), total=0.1)["kernel"] == 0.0


def _results(course: float, floor: float) -> dict:
    parts = {"kernel": 1.0, "imports": 0.5, "explorers": 0.5, "figures": 1.0,
             "other cells": course - 3.0}
    return {
        "date": "2026-01-01 00:00", "runs": 1,
        "machine": {"cores": "2", "memory": "1 GiB", "cpu": "x", "platform": "y"},
        "versions": {"python": "3.11"},
        "course": {"notebooks": 2, "course_s": [course], "floor_s": [floor],
                   "ratio": [course / floor], "no_inline_figures_s": [course - 1.0],
                   "inline_figures": 4, "cells_floor_s": [floor * 1.25], "code_cells": 30,
                   "cell_parts_s": parts,
                   "floor_parts_s": {"kernel": 1.0, "imports": 0.5},
                   "per_notebook_s": {"a.ipynb": course / 2, "b.ipynb": course / 2}},
        "explorers": {"a#1": {"controls": ["year"], "n": 50, "median_ms": 60.0,
                              "p95_ms": 70.0, "max_ms": 80.0}},
        "import": {"import_course_lib_extra_s": 0.01, "everyday_modules_extra_s": 0.004},
    }


def test_render_marks_each_goal_and_explains_a_miss():
    md = results_md.render(_results(course=6.0, floor=2.0))
    assert "| whole course / floor (2 kernels) | 3.00" in md and "| ≤ 1.5 | NO |" in md
    assert "| slowest explorer update, median | 60.0 ms | < 50 ms | NO |" in md
    assert "| 10 ms | < 150 ms | yes |" in md
    assert "Why the goal of 1.5 is missed" in md
    assert "250 ms per inline figure" in md  # 1.0 s over 4 figures
    assert "| inline figures not drawn at all | 5.0 | 2.50 |" in md
    assert "| **total** | 6.0 | 2.0 | 4.0 |" in md
    assert "| the floor with 30 code cells (`pass`) | 2.5 | 1.25 |" in md
    assert "as many empty cells as the course has stand at 1.25 of the floor" in md


def test_render_says_yes_when_the_course_goal_is_met():
    md = results_md.render(_results(course=2.8, floor=2.0))
    assert "| 1.40 (min 1.40, max 1.40)" in md and "| ≤ 1.5 | yes |" in md
    assert "is missed" not in md


def test_extra_sections_are_rendered_by_their_module(monkeypatch):
    import sys
    import types

    mod = types.ModuleType("bench_extra_for_test")
    mod.NAME = "Grading"
    mod.render = lambda result: [f"| graded | {result['n']} |"]
    monkeypatch.setitem(sys.modules, "bench_extra_for_test", mod)
    results = _results(course=2.8, floor=2.0)
    results["extra"] = {"bench_extra_for_test": {"n": 3}}
    md = results_md.render(results)
    assert md.index("## Grading") < md.index("| graded | 3 |")


def test_every_benchmark_module_is_under_400_lines():
    from pathlib import Path

    for path in Path(course.__file__).parent.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
