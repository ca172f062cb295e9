"""Notebook 03 compares two periods set in one cell tagged `parameters` (papermill's
convention), and runs with other periods too."""

from __future__ import annotations

import ast

import nbformat
import pytest

from course_lib.paths import REPO_ROOT as ROOT

NB = ROOT / "notebooks" / "03_security_and_stability.ipynb"


def _nb():
    return nbformat.read(str(NB), as_version=4)


def test_one_parameters_cell_with_the_two_periods():
    cells = [c for c in _nb().cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    tree = ast.parse(cells[0].source)
    targets = {t.id for node in tree.body for t in getattr(node, "targets", [])}
    assert targets == {"EARLIER", "LATER"}
    values = {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body}
    assert values["EARLIER"][1] < values["LATER"][0]


@pytest.mark.slow
def test_runs_with_other_periods(tmp_path):
    """Inject other periods after the parameters cell (as papermill does) and run it all."""
    from nbclient import NotebookClient

    nb = _nb()
    i = next(k for k, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(i + 1, nbformat.v4.new_code_cell("EARLIER = [2011, 2015]\nLATER = [2016, 2020]"))
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "\n".join(o.get("data", {}).get("text/markdown", "")
                     for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "members throughout 2016–2020" in text
    assert "2011–2015 and" in text and "in 2016–2020" in text
