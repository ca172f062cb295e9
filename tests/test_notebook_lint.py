"""The notebooks (and the Python code) are ruff-clean under the project's rules (pyproject.toml), and every
notebook's set-up cell gives the learner the four exercise tools.

Ruff reads .ipynb files itself; it is in the ``dev`` extra, so a missing ruff is a
failure here, not a skip.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import nbformat
import pytest

from course_lib.paths import NOTEBOOKS_DIR, REPO_ROOT
from course_lib.runner import course_notebooks

TOOLS = {"check", "hint", "reveal", "solution"}


@pytest.mark.parametrize("folder", [NOTEBOOKS_DIR.relative_to(REPO_ROOT).as_posix(), "course_lib",
                                    "tests", "benchmarks", "classroom", "tools"])
def test_ruff_clean(folder):
    """The notebooks and every Python folder of the repository pass ``ruff check``."""
    res = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         folder],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert "No module named ruff" not in res.stderr, "ruff is missing: pip install -e '.[dev]'"
    assert res.returncode == 0, res.stdout + res.stderr


def _imported_names(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.stem)
def test_setup_cell_imports_the_exercise_tools(path):
    nb = nbformat.read(str(path), as_version=4)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    missing = TOOLS - _imported_names(setup.source)
    assert not missing, f"{path.name}: the set-up cell does not import {sorted(missing)}"


def test_imported_names_sees_every_import():
    assert _imported_names("import a.b as c\nfrom d import e, f as g\nimport h.i") == {
        "c", "e", "g", "h"}
