"""Instructor and student editions of the notebooks.

The instructor edition (``notebooks/``) holds each solution between nbgrader's markers,
``### BEGIN SOLUTION`` and ``### END SOLUTION``. The student edition (``build/student/``)
replaces each solution with a runnable placeholder, ``answer = ...  # YOUR CODE HERE``,
which ``check()`` reports as "not answered yet", so both editions run top to bottom.

The replacement follows the rule of nbgrader's ``ClearSolutions`` preprocessor line for
line (a line holding ``BEGIN SOLUTION`` opens a region and is replaced by the stub with
the same indentation; the region's lines and the line holding ``END SOLUTION`` go;
a nested or unclosed region is an error; a cell that nbgrader's metadata marks as a
solution cell and that has no markers is replaced whole). nbgrader itself is not a
dependency: it would add about 80 MB and six packages (among them a second notebook
server and SQLAlchemy) and switch on its own JupyterLab extensions for every learner;
``tests/test_editions.py`` shows that, when nbgrader is installed (``pip install -e
'.[grading]'``), its ``ClearSolutions(enforce_metadata=False)`` gives the same source as
this module for every notebook.

>>> print(strip_solutions("x = 1\\n### BEGIN SOLUTION\\nanswer = 2\\n### END SOLUTION\\ncheck('q', answer)"))
x = 1
answer = ...  # YOUR CODE HERE
check('q', answer)
>>> print(strip_solutions("if True:\\n    ### BEGIN SOLUTION\\n    y = 2\\n    ### END SOLUTION"))
if True:
    answer = ...  # YOUR CODE HERE
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import tempfile
from pathlib import Path

from .errors import CourseError
from .paths import BUILD_DIR, NOTEBOOKS_DIR
from .runner import course_notebooks

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
#: nbgrader's delimiters (``ClearSolutions.begin_solution_delimeter`` and ``end_...``):
#: a line that *contains* one of them opens or closes a region.
BEGIN_DELIMITER = "BEGIN SOLUTION"
END_DELIMITER = "END SOLUTION"
STUB = "answer = ...  # YOUR CODE HERE"
MD_STUB = "_Write your answer here._"
#: nbgrader configuration that reproduces this module (see the teaching guide).
NBGRADER_CONFIG = {
    "ClearSolutions": {
        "enforce_metadata": False,
        "code_stub": {"python": STUB},
        "text_stub": MD_STUB,
    }
}
_SKIP_FILES = {".ipynb_checkpoints", "__pycache__", ".DS_Store"}


def strip_solutions(source: str, stub: str = STUB) -> str:
    """Replace every solution region (markers included) by ``stub``, kept indented.

    Raises :class:`~course_lib.errors.CourseError` for a nested or an unclosed region,
    as nbgrader does.

    >>> strip_solutions("### BEGIN SOLUTION\\n### BEGIN SOLUTION")
    Traceback (most recent call last):
    ...
    course_lib.errors.CourseError: A solution region opens inside another one (line 2): close the first with '### END SOLUTION'.
    """
    out: list[str] = []
    inside = False
    for number, line in enumerate(source.split("\n"), start=1):
        if BEGIN_DELIMITER in line:
            if inside:
                raise CourseError(
                    f"A solution region opens inside another one (line {number}): "
                    f"close the first with '{END}'."
                )
            inside = True
            indent = re.match(r"\s*", line).group(0)
            out.extend(indent + s for s in stub.split("\n"))
        elif END_DELIMITER in line:
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise CourseError(f"A solution region is never closed: add a line '{END}'.")
    return "\n".join(out)


def marker_problems(source: str) -> list[str]:
    """Lines that mention nbgrader's delimiters without being a clean marker line.

    nbgrader treats *any* line holding ``BEGIN SOLUTION`` as a marker, so a sentence
    that mentions the marker (in prose or a comment) would be cut out of the student
    edition. The course's notebooks must therefore use the delimiters only on marker
    lines of their own, in balanced, unnested pairs.

    >>> marker_problems("### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION")
    []
    >>> marker_problems("Solutions sit between `### BEGIN SOLUTION` and `### END SOLUTION`.")
    ["line 1 mentions a solution marker inside other text: 'Solutions sit between `### BEGIN SOLUTION` and `### END SOLUTION`.'"]
    """
    problems = []
    depth = 0
    for number, line in enumerate(source.split("\n"), start=1):
        has_begin, has_end = BEGIN_DELIMITER in line, END_DELIMITER in line
        if not (has_begin or has_end):
            continue
        clean = line.strip() in {BEGIN, END}
        if not clean or (has_begin and has_end):
            problems.append(f"line {number} mentions a solution marker inside other text: {line!r}")
            continue
        if has_begin:
            if depth:
                problems.append(f"line {number} opens a solution region inside another one")
            depth += 1
        else:
            if not depth:
                problems.append(f"line {number} closes a solution region that was never opened")
            depth = max(depth - 1, 0)
    if depth:
        problems.append("a solution region is never closed")
    return problems


def _is_nbgrader_solution(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution", False))


def student_notebook(nb):
    """The student edition of one notebook (a new ``NotebookNode``; ``nb`` is unchanged).

    Solutions become stubs (markdown solutions become ``MD_STUB``), outputs and
    execution counts are cleared and ``metadata.course.edition`` is ``"student"``.
    """
    import copy

    nb = copy.deepcopy(nb)
    for index, cell in enumerate(nb.cells):
        stub = STUB if cell.cell_type == "code" else MD_STUB
        if BEGIN_DELIMITER in cell.source or END_DELIMITER in cell.source:
            try:
                cell.source = strip_solutions(cell.source, stub)
            except CourseError as exc:
                raise CourseError(f"cell {index}: {exc}") from None
        elif _is_nbgrader_solution(cell):
            cell.source = stub
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("celltoolbar", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.setdefault("course", {})["edition"] = "student"
    return nb


def notebook_marker_problems(path: Path) -> list[str]:
    """:func:`marker_problems` for every cell of one notebook, prefixed by the cell."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    return [f"{Path(path).name}, cell {i}: {p}" for i, cell in enumerate(nb.cells)
            for p in marker_problems(cell.source)]


def copy_assets(source: Path, outdir: Path) -> None:
    """Copy what the notebooks may refer to (images, small files) beside them."""
    for item in source.iterdir():
        if item.name in _SKIP_FILES or item.suffix == ".ipynb":
            continue
        dest = outdir / item.name
        if item.is_dir():
            shutil.copytree(item, dest, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(*_SKIP_FILES))
        elif not dest.exists() or not filecmp.cmp(item, dest, shallow=False):
            shutil.copy2(item, dest)


def build_student_edition(outdir: Path | None = None, source: Path | None = None) -> list[Path]:
    """Write the student edition of every course notebook; return the files.

    Idempotent: a notebook whose student edition has not changed is not rewritten, and
    a stale ``NN_*.ipynb`` in ``outdir`` (a notebook that no longer exists in
    ``source``) is removed. ``source`` (default ``notebooks/``) is only read.
    """
    import nbformat

    source = Path(source) if source else NOTEBOOKS_DIR
    outdir = Path(outdir) if outdir else BUILD_DIR / "student"
    if outdir.resolve() == source.resolve() or outdir.resolve() == NOTEBOOKS_DIR.resolve():
        raise CourseError(f"Refusing to write the student edition into {outdir}: "
                          "choose a build folder (default build/student).")
    paths = course_notebooks(source)
    if not paths:
        raise CourseError(f"No notebooks (NN_name.ipynb) found in {source}.")
    problems = [p for path in paths for p in notebook_marker_problems(path)]
    if problems:
        raise CourseError(
            "The solution markers are not nbgrader-compatible:\n  " + "\n  ".join(problems)
            + f"\nUse '{BEGIN}' and '{END}' only on lines of their own (in prose, write "
            "'the solution markers' instead)."
        )
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        nb = nbformat.read(str(path), as_version=4)
        try:
            student = student_notebook(nb)
        except CourseError as exc:
            raise CourseError(f"{path.name}, {exc}") from None
        text = nbformat.writes(student) + "\n"
        dest = outdir / path.name
        if not dest.exists() or dest.read_text(encoding="utf-8") != text:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=outdir,
                                             suffix=".tmp", delete=False) as tmp:
                tmp.write(text)
            os.chmod(tmp.name, 0o644)
            Path(tmp.name).replace(dest)
        written.append(dest)
    keep = {p.name for p in paths}
    for old in course_notebooks(outdir):
        if old.name not in keep:
            old.unlink()
    copy_assets(source, outdir)
    return written


# --------------------------------------------------------------------------- nbgrader
_CHECK_LINE = re.compile(
    r"""^\s*check\(\s*["']([0-9]{2}_[A-Za-z0-9_]+)["']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)""",
    re.MULTILINE)
#: Source of the autograded cell that follows each exercise in an nbgrader assignment.
GRADED_CELL = ("# Autograded by nbgrader: this cell fails when the answer above is not yet "
               "correct.\nfrom course_lib.exercises import check as _check\n"
               "_check({qid!r}, {name}).grade()")


def exercise_id(cell) -> str | None:
    """The exercise a code cell answers (a solution region and a ``check(qid, answer)``
    line), or None.

    >>> from nbformat.v4 import new_code_cell
    >>> exercise_id(new_code_cell(f"{BEGIN}\\nanswer = 7\\n{END}\\ncheck('00_warmup_sum', answer)"))
    '00_warmup_sum'
    """
    if cell.cell_type != "code" or BEGIN_DELIMITER not in cell.source:
        return None
    found = _CHECK_LINE.findall(cell.source)
    return found[-1][0] if found else None


def _answer_name(cell) -> str:
    """The variable the exercise cell checks (``answer`` in the course's cells)."""
    found = _CHECK_LINE.findall(cell.source)
    return found[-1][1] if found else "answer"


def nbgrader_metadata(qid: str, points: int) -> dict:
    """The metadata of an exercise cell: nbgrader's "autograded answer" (a solution
    cell) plus the exercise id and its points for the graded cell that
    :func:`nbgrader_notebook` adds after it.

    >>> nbgrader_metadata("00_warmup_sum", 1)["nbgrader"]["grade_id"]
    '00_warmup_sum_answer'
    """
    return {
        "nbgrader": {"grade": False, "grade_id": f"{qid}_answer", "locked": False,
                     "schema_version": 3, "solution": True, "task": False},
        "course": {"exercise": qid, "points": points},
    }


def mark_exercise_cells(nb) -> list[str]:
    """Set :func:`nbgrader_metadata` on every exercise cell of ``nb`` (in place; only
    cell metadata changes). Returns the exercise ids in order."""
    from .exercises import question

    ids = []
    for cell in nb.cells:
        qid = exercise_id(cell)
        if qid is None:
            continue
        for key, value in nbgrader_metadata(qid, question(qid).points).items():
            cell.metadata[key] = value
        ids.append(qid)
    return ids


def nbgrader_notebook(nb):
    """An nbgrader source notebook (a copy): each exercise cell stays a solution cell,
    and an autograded, locked cell follows it (grade id = exercise id, its points)
    that calls ``check(...).grade()``: it raises ``AssertionError`` when the answer is
    wrong or missing, so nbgrader gives 0 points, else the points.
    """
    import copy

    import nbformat

    from .exercises import question

    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        qid = exercise_id(cell)
        if qid is None:
            continue
        points = question(qid).points
        cell.metadata.update(copy.deepcopy(nbgrader_metadata(qid, points)))
        graded = nbformat.v4.new_code_cell(GRADED_CELL.format(qid=qid, name=_answer_name(cell)))
        graded.id = f"graded-{qid}"[:64]
        graded.metadata["nbgrader"] = {"grade": True, "grade_id": qid, "locked": True,
                                       "points": points, "schema_version": 3,
                                       "solution": False, "task": False}
        cells.append(graded)
    nb.cells = cells
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def write_nbgrader_course(root: Path, names: list[str] | None = None) -> list[Path]:
    """An nbgrader course folder: ``source/<notebook>/<notebook>.ipynb`` for each
    course notebook (one assignment each) and ``nbgrader_config.py`` (kept if it
    exists). Returns the notebooks written."""
    import nbformat

    root = Path(root)
    if root.resolve() in {NOTEBOOKS_DIR.resolve(), NOTEBOOKS_DIR.resolve().parent}:
        raise CourseError(f"Refusing to write an nbgrader course into {root}: choose "
                          "another folder, e.g. build/nbgrader.")
    paths = [p for p in course_notebooks(NOTEBOOKS_DIR)
             if not names or p.stem in names or p.stem[:2] in names]
    if not paths:
        raise CourseError(f"No course notebook matches {', '.join(names or [])}.")
    written = []
    for path in paths:
        dest = root / "source" / path.stem / path.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbgrader_notebook(nbformat.read(str(path), as_version=4)), str(dest))
        written.append(dest)
    config = root / "nbgrader_config.py"
    if not config.exists():
        lines = ["c = get_config()  # noqa: F821", 'c.CourseDirectory.course_id = "sco-course"',
                 'c.CourseDirectory.root = "."']
        for section, values in NBGRADER_CONFIG.items():
            lines += [f"c.{section}.{key} = {value!r}" for key, value in values.items()]
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written
