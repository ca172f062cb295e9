"""``python -m course_lib run-all``: execute every notebook into build/executed/."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="output folder (default build/executed)")
    parser.add_argument("--source", default=None,
                        help="folder of notebooks (default notebooks/; e.g. build/student)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from ..runner import course_notebooks, run_all

    paths = course_notebooks(Path(args.source) if args.source else None)
    if not paths:
        from ..errors import CourseError

        raise CourseError(f"No notebooks found in {args.source or 'notebooks/'}.")
    times = run_all(paths, Path(args.out) if args.out else None, progress=not args.quiet)
    for name, seconds in times:
        print(f"{seconds:6.1f} s  {name}")
    print(f"{sum(s for _, s in times):6.1f} s  total ({len(times)} notebooks)")
    return 0
