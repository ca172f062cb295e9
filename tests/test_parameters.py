"""Parameterised notebooks: every notebook with a cell tagged ``parameters`` re-runs under
papermill with a non-default value, and the value reaches the sentences it should."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from course_lib.paths import NOTEBOOKS_DIR
from course_lib.runner import course_notebooks, declared_parameters

papermill = pytest.importorskip("papermill", reason="papermill is in the dev extra")

# Non-default values, by parameter name; the two periods of 03 are handled below.
VALUES = {"snapshot_year": 2020}
PERIODS = ((2007, 2011), (2012, 2016))  # for 03: the first and the second period
EXPECTED = ("02", "05", "06")  # notebooks that must have a parameters cell


def _nb(path):
    return nbformat.read(str(path), as_version=4)


def _period_like(default: str):
    """The default as Python, if it is a pair of years (tuple, list, range or "Y-Y")."""
    try:
        value = ast.literal_eval(default)
    except (ValueError, SyntaxError):
        value = None
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return type(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", value):
        return str
    return None


def _values(prefix: str, declared: dict[str, str]) -> dict:
    values = {name: VALUES[name] for name in declared if name in VALUES}
    periods = [(name, _period_like(d)) for name, d in declared.items() if _period_like(d)]
    if prefix == "03":
        if len(periods) != 2:
            pytest.skip(f"03 declares {list(declared)}: not two periods to set")
        for (name, kind), (a, b) in zip(periods, PERIODS):
            # papermill passes a tuple as its text "(a, b)": hand it a list, which it writes as one
            values[name] = f"{a}-{b}" if kind is str else [a, b]
    if not values:
        pytest.skip(f"{prefix}: no non-default value in the test's table for {list(declared)}")
    return values


def test_the_snapshot_notebooks_have_a_parameters_cell():
    for prefix in EXPECTED:
        path = next(p for p in course_notebooks() if p.name.startswith(prefix))
        assert "snapshot_year" in declared_parameters(_nb(path)), path.name


def test_parameter_cell_is_near_the_top():
    for path in course_notebooks():
        nb = _nb(path)
        tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
        if tagged:
            assert len(tagged) == 1 and tagged[0] < 12, path.name
            assert nb.cells[tagged[0]].cell_type == "code"


NOTEBOOKS = [p for p in course_notebooks() if declared_parameters(_nb(p))] or [None]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name if p else "none")
def test_papermill_runs_with_another_value(path, tmp_path):
    if path is None:
        pytest.skip("no notebook has a parameters cell")
    prefix = path.name[:2]
    values = _values(prefix, declared_parameters(_nb(path)))
    out = tmp_path / path.name
    papermill.execute_notebook(str(path), str(out), parameters=values, kernel_name="python3",
                               cwd=str(NOTEBOOKS_DIR), progress_bar=False)
    nb = _nb(out)
    injected = [i for i, c in enumerate(nb.cells)
                if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    texts = []
    for cell in nb.cells[injected[0] + 1:]:
        for o in cell.get("outputs", []):
            assert o.get("output_type") != "error", (cell.source[:80], o.get("evalue"))
            texts.append(o.get("text", "") + "".join(
                str(v) for k, v in o.get("data", {}).items() if k.startswith("text/")))
    for value in values.values():
        shown = str(value[0]) if isinstance(value, (tuple, list)) else str(value)
        hits = sum(shown in t for t in texts)
        assert hits >= 2, f"{shown} reaches only {hits} outputs of {path.name}"
