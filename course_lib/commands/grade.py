"""``python -m course_lib grade SUBMISSIONS --out DIR``: grade a class without nbgrader.

SUBMISSIONS holds one folder per learner with their notebooks
(``SUBMISSIONS/<learner>/<notebook>.ipynb``). Grades the notebooks handed in (or those of
``--notebooks``). Writes ``DIR/gradebook.csv``, ``DIR/totals.csv``,
``DIR/feedback/<learner>.html``, ``DIR/class.csv`` and ``DIR/class.html``; SUBMISSIONS is
only read.
"""

from __future__ import annotations

import argparse
import os
import time


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", help="folder with one folder per learner")
    parser.add_argument("--out", required=True, help="folder for gradebook.csv and feedback/")
    parser.add_argument("--notebooks", default=None,
                        help="grade these notebooks, e.g. 03,04 (default: those handed in)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds per cell (60)")
    parser.add_argument("--memory", type=int, default=2048, help="MB per kernel (2048)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks run at once, one process each (default: the "
                        "number of CPUs)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from ..grading import grade

    start = time.perf_counter()
    names = [n.strip() for n in args.notebooks.split(",")] if args.notebooks else None
    summary = grade(args.submissions, args.out, names, timeout=args.timeout,
                    memory_mb=args.memory, progress=not args.quiet, jobs=args.jobs)
    learners = len({r.learner for r in summary.rows})
    print(f"assignment: {', '.join(summary.notebooks)}")
    print(f"graded {summary.graded} notebook(s) of {learners} learner(s), "
          f"{len(summary.failed)} could not be graded "
          f"({time.perf_counter() - start:.0f} s); gradebook: {args.out}/gradebook.csv, "
          f"feedback pages: {args.out}/feedback/, class overview: {args.out}/class.html")
    flagged = sorted({(r.learner, r.notebook) for r in summary.rows if r.flags})
    for learner, notebook in flagged:
        print(f"  flagged: {learner}/{notebook} (see the gradebook's flags column)")
    for learner, notebook, why in summary.failed:
        print(f"  not graded: {learner}/{notebook}: {why}")
    return 0
