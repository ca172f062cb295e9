"""``python -m course_lib nbgrader-course DIR``: an nbgrader course folder from the course.

Writes ``DIR/source/<notebook>/<notebook>.ipynb`` (one assignment per notebook; each
exercise cell is an autograded-answer cell, followed by a locked, autograded cell with
the exercise id as grade id and its points) and ``DIR/nbgrader_config.py``. Then run
nbgrader there through the course's environment: ``make nbgrader NBGRADER_DIR=DIR
ARGS="generate_assignment 03_security_and_stability"``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default="build/nbgrader",
                        help="course folder for nbgrader (default build/nbgrader)")
    parser.add_argument("--notebooks", default=None, help="only these, e.g. 03,04")


def run(args: argparse.Namespace) -> int:
    from ..editions import write_nbgrader_course

    names = [n.strip() for n in args.notebooks.split(",")] if args.notebooks else None
    written = write_nbgrader_course(Path(args.dir), names)
    print(f"nbgrader course in {args.dir}: {len(written)} assignment(s) in source/ "
          "and nbgrader_config.py")
    return 0
