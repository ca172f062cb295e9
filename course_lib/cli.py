"""Command line: ``python -m course_lib COMMAND``.

Each command lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int``; this file only dispatches, so ``--help`` is fast. Errors go to
stderr with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

# name -> (module in course_lib.commands, one-line help)
COMMANDS = {
    "check-data": ("check_data", "verify every data file against data/datapackage.json"),
    "run-all": ("run_all", "execute every notebook into build/executed/ (progress bar)"),
    "student": ("student", "build the student edition (no solutions) into build/student/"),
    "report": ("report", "write the fact-check report (Markdown + HTML) into fact_check_report/ here (build/report/ from the course folder)"),
    "site": ("site", "build the static HTML course into build/site/"),
    "teaching": ("teaching", "regenerate docs/teaching.md and the README course map from the notebooks"),
    "questions": ("questions", "list every exercise id with its prompt"),
    "workspace": ("workspace", "copy the notebooks (student edition) into workspace/ for you to edit (keeps your copies)"),
    "wheelhouse": ("wheelhouse", "download every dependency as wheels into one folder (offline install)"),
    "handout": ("handout", "write the learners' hand-out (student notebooks, course_lib, data) into a folder or zip"),
    "data": ("data", "data packages: refresh from sources, download World Bank data, diff OLD NEW"),
    "progress": ("progress", "show which exercises you have answered correctly so far"),
    "grade": ("grade", "grade a class's notebooks: gradebook.csv and a feedback page per learner"),
    "nbgrader-course": ("nbgrader_course", "write an nbgrader course folder (source/ with autograded cells)"),
}


def _available() -> dict[str, tuple[str, str]]:
    found = {}
    for name, (mod, text) in COMMANDS.items():
        if importlib.util.find_spec(f"course_lib.commands.{mod}") is not None:
            found[name] = (mod, text)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m course_lib",
        description='Tools for the course "Security by Prevention? The SCO in data".',
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (mod, text) in _available().items():
        p = sub.add_parser(name, help=text, description=text)
        module = importlib.import_module(f"course_lib.commands.{mod}")
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    import importlib.util  # noqa: F401  (used by _available)

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    from .errors import CourseError

    try:
        return int(args._module.run(args) or 0)
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
