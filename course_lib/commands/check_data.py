"""``python -m course_lib check-data``: verify every data file."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, help="another copy of data/ to check")


def run(args: argparse.Namespace) -> int:
    from ..data import verify

    result = verify(args.data_dir)
    for _, row in result.iterrows():
        mark = "ok " if row.ok else "BAD"
        line = f"{mark} {row['name']}: {row['rows']} rows" if row.ok else f"{mark} {row['message']}"
        print(line, file=sys.stdout if row.ok else sys.stderr)
    bad = int((~result.ok).sum())
    print(f"{len(result) - bad} of {len(result)} data files verified.")
    return 1 if bad else 0
