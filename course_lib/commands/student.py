"""``python -m course_lib student``: the student edition into build/student/.

Solutions between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` (nbgrader's
markers) become ``answer = ...  # YOUR CODE HERE``; outputs are cleared. ``check``
then reports "not answered yet", so the edition runs top to bottom.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="output folder (default build/student)")


def run(args: argparse.Namespace) -> int:
    from ..editions import build_student_edition

    out = build_student_edition(Path(args.out) if args.out else None)
    print(f"student edition: {len(out)} notebooks in {out[0].parent if out else args.out}")
    return 0
