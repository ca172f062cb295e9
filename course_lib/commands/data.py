"""``python -m course_lib data SUB-COMMAND``: work with data packages.

Sub-commands live in :data:`SUBCOMMANDS` (name -> (add_arguments, run, help)); each
imports what it needs only when it runs.
"""

from __future__ import annotations

import argparse


# --------------------------------------------------------------------------- diff
def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="folder of the old data package (e.g. data)")
    parser.add_argument("new", help="folder of the new data package")
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="also write the report as Markdown to FILE")
    parser.add_argument("--top", type=int, default=15,
                        help="changed values listed per resource (default 15)")
    parser.add_argument("--no-claims", action="store_true",
                        help="compare the data only (skip evaluating the claims)")


def _diff_run(args: argparse.Namespace) -> int:
    from ..datadiff import diff

    text = diff(args.old, args.new, out=args.out, claims=not args.no_claims, top=args.top)
    print(text, end="")
    if args.out:
        print(f"\nwritten to {args.out}")
    return 0


SUBCOMMANDS = {
    "diff": (_diff_arguments, _diff_run,
             "what changed between two data packages: rows per resource and claims' verdicts"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="data_command", metavar="SUB-COMMAND")
    for name, (add, run_, text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=text, description=text)
        add(p)
        p.set_defaults(_data_run=run_)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "data_command", None):
        from ..errors import CourseError

        raise CourseError(f"Say what to do with the data: one of {', '.join(SUBCOMMANDS)} "
                          "(python -m course_lib data --help).")
    return int(args._data_run(args) or 0)
