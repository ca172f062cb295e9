"""``python -m course_lib grade SUBMISSIONS --out DIR``: grade a class without nbgrader.

SUBMISSIONS holds one folder per learner with their notebooks
(``SUBMISSIONS/<learner>/<notebook>.ipynb``). Writes ``DIR/gradebook.csv`` and
``DIR/feedback/<learner>.html``; SUBMISSIONS is only read.
"""

from __future__ import annotations

import argparse
import time


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", help="folder with one folder per learner")
    parser.add_argument("--out", required=True, help="folder for gradebook.csv and feedback/")
    parser.add_argument("--notebooks", default=None,
                        help="grade only these notebooks, e.g. 03,04 (default: all)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds per cell (60)")
    parser.add_argument("--memory", type=int, default=2048, help="MB per kernel (2048)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="notebooks run at once, one kernel each (1)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from ..grading import grade

    start = time.perf_counter()
    names = [n.strip() for n in args.notebooks.split(",")] if args.notebooks else None
    summary = grade(args.submissions, args.out, names, timeout=args.timeout,
                    memory_mb=args.memory, progress=not args.quiet, jobs=args.jobs)
    learners = len({r.learner for r in summary.rows})
    print(f"graded {summary.graded} notebook(s) of {learners} learner(s), "
          f"{len(summary.failed)} could not be graded "
          f"({time.perf_counter() - start:.0f} s); gradebook: {args.out}/gradebook.csv, "
          f"feedback pages: {args.out}/feedback/")
    for learner, notebook, why in summary.failed:
        print(f"  not graded: {learner}/{notebook}: {why}")
    return 0
