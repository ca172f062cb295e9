"""Instructor and student editions of the notebooks.

The instructor edition (``notebooks/``) holds solutions between nbgrader's markers.
The student edition replaces each solution with a runnable placeholder.

>>> strip_solutions("x = 1\\n### BEGIN SOLUTION\\nanswer = 2\\n### END SOLUTION\\ncheck('q', answer)")
"x = 1\\nanswer = ...  # YOUR CODE HERE\\ncheck('q', answer)"
"""

from __future__ import annotations

import re
from pathlib import Path

from .paths import BUILD_DIR
from .runner import course_notebooks

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
STUB = "answer = ...  # YOUR CODE HERE"
MD_STUB = "_Write your answer here._"
_BLOCK = re.compile(
    r"^([ \t]*)### BEGIN SOLUTION[^\n]*\n.*?^[ \t]*### END SOLUTION[^\n]*(\n|$)",
    re.S | re.M,
)


def strip_solutions(source: str, stub: str = STUB) -> str:
    """Replace every solution block (markers included) by ``stub``, kept indented."""
    return _BLOCK.sub(lambda m: f"{m.group(1)}{stub}{m.group(2)}", source)


def build_student_edition(outdir: Path | None = None) -> list[Path]:
    """Write the student edition of every course notebook; return the new files."""
    import nbformat

    outdir = Path(outdir) if outdir else BUILD_DIR / "student"
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in course_notebooks():
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            if BEGIN in cell.source:
                stub = STUB if cell.cell_type == "code" else MD_STUB
                cell.source = strip_solutions(cell.source, stub)
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        nb.metadata.setdefault("course", {})["edition"] = "student"
        dest = outdir / path.name
        nbformat.write(nb, str(dest))
        written.append(dest)
    return written
