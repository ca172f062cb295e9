"""``python -m course_lib run-all``: execute every notebook into build/executed/.

A notebook that fails is reported by name and cell, and the next one runs; the run ends
with a summary and a non-zero exit when any failed. ``--list-parameters`` prints every
parameter with its notebooks and the values it accepts, computed from the data package.
"""

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
    parser.add_argument("--list-parameters", action="store_true",
                        help="print every parameter, its notebooks and its valid values "
                             "(computed from the data package), and run nothing")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    if args.data:
        from ..data import use

        use(args.data)
    from ..runner import course_notebooks, parse_value, run_all

    source = Path(args.source) if args.source else None
    paths = course_notebooks(source)
    if not paths:
        from ..errors import CourseError

        raise CourseError(f"No notebooks found in {args.source or 'notebooks/'}.")
    if args.list_parameters:
        from ..data import identity
        from ..parameters import listing, parameter_ranges

        print(f"Data package: {identity().short}")
        print(listing(parameter_ranges(source)))
        return 0
    runs = run_all(paths, Path(args.out) if args.out else None, progress=not args.quiet,
                   parameters={k: parse_value(v) for k, v in args.parameter})
    for r in runs:
        print(f"{r.seconds:6.1f} s  {r.name}" + (f"  FAILED: {r.error}" if r.error else ""))
    failed = [r for r in runs if r.error]
    print(f"{sum(r.seconds for r in runs):6.1f} s  total ({len(runs)} notebooks, "
          f"{len(runs) - len(failed)} ran, {len(failed)} failed)")
    for r in failed:
        print(f"failed: {r.error}")
    return 1 if failed else 0
