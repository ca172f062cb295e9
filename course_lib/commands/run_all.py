"""``python -m course_lib run-all``: execute every notebook into build/executed/."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="output folder (default build/executed)")
    parser.add_argument("--source", default=None,
                        help="folder of notebooks (default notebooks/; e.g. build/student)")
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="use the data package in DIR instead of data/ (as COURSE_DATA=DIR)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("NAME", "VALUE"),
                        help="run with NAME = VALUE in every notebook whose parameters cell "
                             "declares NAME (as papermill -p); repeatable")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    if args.data:
        from ..data import use

        use(args.data)
    from ..runner import course_notebooks, parse_value, run_all

    paths = course_notebooks(Path(args.source) if args.source else None)
    if not paths:
        from ..errors import CourseError

        raise CourseError(f"No notebooks found in {args.source or 'notebooks/'}.")
    times = run_all(paths, Path(args.out) if args.out else None, progress=not args.quiet,
                    parameters={k: parse_value(v) for k, v in args.parameter})
    for name, seconds in times:
        print(f"{seconds:6.1f} s  {name}")
    print(f"{sum(s for _, s in times):6.1f} s  total ({len(times)} notebooks)")
    return 0
