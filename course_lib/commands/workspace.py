"""``python -m course_lib workspace``: the learner's copies of the notebooks.

By default the copies are the **student edition** (solutions replaced by
``answer = ...``), written into ``workspace/``; ``--edition instructor`` writes the
instructor edition (with solutions) into ``workspace-instructor/`` for a teacher. A copy
that is already there is never overwritten (it is the learner's work), except a copy of
the other edition that nobody has edited (an unchanged instructor notebook in a learner's
workspace, as older versions of the course wrote it), which is replaced.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EDITIONS = ("student", "instructor")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=None,
                        help="target folder (default workspace/, or workspace-instructor/ "
                             "for the instructor edition)")
    parser.add_argument("--edition", default="student", choices=EDITIONS,
                        help="student (default: no solutions) or instructor (with solutions)")


def default_dir(edition: str) -> Path:
    """Where ``make lab`` keeps the copies of one edition."""
    from ..paths import REPO_ROOT

    return REPO_ROOT / ("workspace" if edition == "student" else "workspace-instructor")


def edition_text(path: Path, edition: str) -> str:
    """The text of one notebook of ``notebooks/`` in the given edition."""
    import nbformat

    if edition == "instructor":
        return path.read_text(encoding="utf-8")
    from ..editions import student_notebook

    return nbformat.writes(student_notebook(nbformat.read(str(path), as_version=4))) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..errors import CourseError
    from ..runner import course_notebooks

    edition = getattr(args, "edition", "student") or "student"
    if edition not in EDITIONS:
        raise CourseError(f"Unknown edition {edition!r}: choose 'student' or 'instructor'.")
    target = Path(args.dir) if args.dir else default_dir(edition)
    target.mkdir(parents=True, exist_ok=True)
    copied = kept = replaced = 0
    for nb in course_notebooks():
        dest = target / nb.name
        text = edition_text(nb, edition)
        if dest.exists():
            old = dest.read_text(encoding="utf-8")
            if edition == "student" and old == nb.read_text(encoding="utf-8") and old != text:
                replaced += 1  # an untouched instructor copy: swap in the student edition
            else:
                kept += 1
                continue
        else:
            copied += 1
        dest.write_text(text, encoding="utf-8")
    extra = f", {replaced} unedited instructor copy(ies) replaced" if replaced else ""
    print(f"workspace ({edition} edition): {target} ({copied} notebook(s) copied, "
          f"{kept} of your copies kept{extra}). To start a notebook afresh, delete your "
          "copy and run this again.")
    return 0
