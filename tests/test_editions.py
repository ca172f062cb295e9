"""The student edition: no solution survives, everything else does, and it still runs.

Implementation choice (see ``course_lib/editions.py``): the course strips solutions with
its own 40 lines that follow nbgrader's ``ClearSolutions`` rule, instead of depending on
nbgrader (measured here: +82 MB, six more packages including a second notebook server,
SQLAlchemy and Alembic, 2.6 s to import ``ClearSolutions`` against 1.7 s for nbconvert,
and nbgrader's menus switched on in every learner's JupyterLab). The markers stay
nbgrader's: ``test_markers_are_nbgrader_compatible`` checks, without nbgrader, the
condition under which both give the same result (markers alone on their lines, paired,
unnested), and ``test_same_source_as_nbgrader`` compares with nbgrader itself whenever
it is installed (``pip install -e '.[grading]'``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import nbformat
import pytest

from course_lib.cli import main
from course_lib.editions import (
    BEGIN,
    END,
    MD_STUB,
    NBGRADER_CONFIG,
    STUB,
    build_student_edition,
    marker_problems,
    strip_solutions,
    student_notebook,
)
from course_lib.errors import CourseError
from course_lib.exercises import check
from course_lib.paths import NOTEBOOKS_DIR
from course_lib.runner import course_notebooks

NOTEBOOKS = course_notebooks()
IDS = [p.name for p in NOTEBOOKS]
CALL = re.compile(r"\b(check|hint)\(")
CHECK = re.compile(r"check\(\s*[\"']([^\"']+)[\"']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)")


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    assert main(["student", "--out", str(out)]) == 0
    return out


def _read(path: Path):
    return nbformat.read(str(path), as_version=4)


def _solution_lines(source: str) -> list[str]:
    """The lines strictly between the markers."""
    lines, inside = [], False
    for line in source.split("\n"):
        if BEGIN in line:
            inside = True
        elif END in line:
            inside = False
        elif inside:
            lines.append(line)
    return lines


def _meaningful(line: str) -> bool:
    """A line that gives something away: code or prose, not blank, not a bare comment,
    not punctuation, not the stub itself."""
    text = line.strip()
    if not text or text.startswith("#") or text in {STUB, MD_STUB}:
        return False
    return len(re.sub(r"[^A-Za-z0-9]", "", text)) >= 4


def _hash_tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the stripping rule --------------------------------------------------------------


def test_strip_keeps_code_around_and_indentation():
    src = "x = 1\nfor i in range(2):\n    ### BEGIN SOLUTION\n    y = i\n    ### END SOLUTION\nprint(x)"
    assert strip_solutions(src) == f"x = 1\nfor i in range(2):\n    {STUB}\nprint(x)"


def test_strip_several_regions_and_a_custom_stub():
    src = f"{BEGIN}\na = 1\n{END}\nmid\n{BEGIN}\nb = 2\n{END}"
    assert strip_solutions(src, "S") == "S\nmid\nS"


@pytest.mark.parametrize("bad", [f"{BEGIN}\nx", f"{BEGIN}\n{BEGIN}\n{END}"])
def test_strip_refuses_unclosed_or_nested_regions(bad):
    with pytest.raises(CourseError):
        strip_solutions(bad)


def test_marker_problems_flags_prose_mentions():
    assert marker_problems(f"{BEGIN}\nx = 1\n{END}") == []
    assert marker_problems(f"put it between `{BEGIN}` and `{END}`")
    assert marker_problems(f"{END}\n")  # closes nothing
    assert marker_problems(f"{BEGIN}\n")  # never closed


def test_markdown_solution_and_nbgrader_solution_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"Why?\n{BEGIN}\nBecause the data says so.\n{END}"),
        nbformat.v4.new_code_cell("answer = 42", metadata={"nbgrader": {"solution": True}}),
        nbformat.v4.new_code_cell("check('q', answer)", outputs=[
            nbformat.v4.new_output("stream", text="hi")], execution_count=3),
    ]
    student = student_notebook(nb)
    assert student.cells[0].source == f"Why?\n{MD_STUB}"
    assert student.cells[1].source == STUB
    assert student.cells[2].outputs == [] and student.cells[2].execution_count is None
    assert nb.cells[0].source.startswith("Why?\n" + BEGIN)  # the input is not changed


def test_refuses_to_write_into_notebooks():
    with pytest.raises(CourseError, match="Refusing"):
        build_student_edition(NOTEBOOKS_DIR)


def test_bad_markers_stop_the_build_with_the_cell(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"Solutions sit after `{BEGIN}`.")]
    nbformat.write(nb, str(src / "00_x.ipynb"))
    with pytest.raises(CourseError, match=r"00_x.ipynb, cell 0"):
        build_student_edition(tmp_path / "out", src)


# --- every notebook of the course -----------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markers_are_nbgrader_compatible(path):
    from course_lib.editions import notebook_marker_problems

    assert notebook_marker_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_solution_text_survives(path, student_dir):
    instructor = _read(path)
    student = _read(student_dir / path.name)
    outside = set()
    solution = set()
    for cell in instructor.cells:
        inside = set(_solution_lines(cell.source))
        solution |= {ln.strip() for ln in inside}
        outside |= {ln.strip() for ln in cell.source.split("\n") if ln not in inside}
    # a line that also appears outside the solutions (e.g. a blank or a shared import)
    # gives nothing away; every other meaningful solution line must be gone
    secret = {ln for ln in solution if _meaningful(ln) and ln not in outside}
    if any(BEGIN in c.source for c in instructor.cells):
        assert secret, "the solutions have no meaningful line: the test would prove nothing"
    text = "\n".join(ln.strip() for c in student.cells for ln in c.source.split("\n"))
    survivors = sorted(ln for ln in secret if ln in text.split("\n"))
    assert survivors == [], f"solution lines left in the student edition: {survivors}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markers_gone_outputs_cleared_metadata(path, student_dir):
    student = _read(student_dir / path.name)
    assert student.metadata["course"]["edition"] == "student"
    assert "widgets" not in student.metadata
    for cell in student.cells:
        assert "BEGIN SOLUTION" not in cell.source and "END SOLUTION" not in cell.source
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_check_and_hint_cells_kept(path, student_dir):
    instructor, student = _read(path), _read(student_dir / path.name)
    assert len(instructor.cells) == len(student.cells)
    for before, after in zip(instructor.cells, student.cells):
        assert before.cell_type == after.cell_type
        calls = [ln for ln in before.source.split("\n")
                 if CALL.search(ln) and ln not in _solution_lines(before.source)]
        for line in calls:
            assert line in after.source.split("\n"), f"lost: {line!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_check_is_not_answered_in_the_student_edition(path, student_dir):
    """Each stubbed exercise checks the stub's variable, and check() calls it unanswered
    (in-process, no kernel: the executed test below does the same for 00 in a kernel)."""
    student = _read(student_dir / path.name)
    stubbed = [c for c in student.cells if c.cell_type == "code" and STUB in c.source]
    for cell in stubbed:
        for qid, var in CHECK.findall(cell.source):
            assert var == STUB.split("=")[0].strip(), (
                f"check({qid!r}, {var}) after the stub: the student edition would raise "
                "NameError; the solution must end by setting `answer`")
            fb = check(qid, ...)
            assert fb.status == "not_answered", (qid, str(fb))


def test_same_source_as_nbgrader(student_dir):
    pytest.importorskip(
        "nbgrader.preprocessors",
        reason="nbgrader is not installed (optional: pip install -e '.[grading]')",
    )
    from nbgrader.preprocessors import ClearSolutions
    from traitlets.config import Config

    pre = ClearSolutions(config=Config(NBGRADER_CONFIG))
    for path in NOTEBOOKS:
        nb, _ = pre.preprocess(_read(path), {})
        ours = _read(student_dir / path.name)
        assert [c.source for c in nb.cells] == [c.source for c in ours.cells], path.name


def test_student_build_is_idempotent_and_leaves_notebooks_alone(tmp_path):
    before = _hash_tree(NOTEBOOKS_DIR)
    out = tmp_path / "student"
    out.mkdir()
    (out / "99_stale.ipynb").write_text("{}", encoding="utf-8")
    assert main(["student", "--out", str(out)]) == 0
    first = _hash_tree(out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.ipynb")}
    assert main(["student", "--out", str(out)]) == 0
    assert _hash_tree(out) == first
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.ipynb")} == mtimes
    assert "99_stale.ipynb" not in first
    assert sorted(p.name for p in out.glob("*.ipynb")) == IDS
    assert _hash_tree(NOTEBOOKS_DIR) == before


@pytest.mark.slow
def test_student_start_notebook_runs_and_says_not_answered(student_dir):
    from nbclient import NotebookClient

    path = student_dir / "00_start_here.ipynb"
    nb = _read(path)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(student_dir)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and CHECK.search(c.source)]
    assert checks
    for cell in checks:
        shown = " ".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
                         + str(o.get("data", {}).get("text/html", "")) for o in cell.outputs)
        assert "Not answered yet" in shown, (cell.source, shown[:300])
