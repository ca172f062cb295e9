"""``python -m course_lib questions``: list every exercise id and its prompt."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--notebook", default=None, help="only this notebook, e.g. 02")


def run(args: argparse.Namespace) -> int:
    from ..exercises import describe, questions

    for qid in questions(args.notebook):
        print(f"{qid}: {describe(qid)}")
    return 0
