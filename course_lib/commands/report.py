"""``python -m course_lib report``: write the fact-check report (Markdown + HTML)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="output folder (default: fact_check_report[_<learner>] in this "
                        "folder; build/report from the course checkout itself)")
    parser.add_argument("--verdicts", default=None,
                        help="a JSON file of your verdicts: {claim_id: {verdict, reasoning}}")
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="use the data package in DIR instead of data/ (as COURSE_DATA=DIR)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    if args.data:
        from ..data import use

        use(args.data)
    from ..errors import CourseError
    from ..report import write_report

    learner = None
    if args.verdicts:
        try:
            learner = json.loads(Path(args.verdicts).read_text(encoding="utf-8"))
        except OSError as exc:
            raise CourseError(f"Cannot read {args.verdicts}: {exc.strerror}.") from None
        except ValueError as exc:
            raise CourseError(f"{args.verdicts} is not valid JSON ({exc}).") from None
    paths = write_report(args.out, learner=learner, progress=not args.quiet)
    for kind, path in paths.items():
        print(f"{kind:9s} {path}")
    return 0
