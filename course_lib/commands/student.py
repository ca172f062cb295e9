"""``python -m course_lib student``: the student edition into build/student/.

Solutions between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` (nbgrader's
markers) become ``answer = ...  # YOUR CODE HERE``; outputs are cleared. ``check``
then reports "not answered yet", so the edition runs top to bottom. notebooks/ is
only read; running the command twice gives the same files.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="output folder (default build/student)")
    parser.add_argument("--source", default=None,
                        help="folder of instructor notebooks (default notebooks/)")


def run(args: argparse.Namespace) -> int:
    from ..editions import build_student_edition
    from ..paths import BUILD_DIR

    start = time.perf_counter()
    out = build_student_edition(Path(args.out) if args.out else None,
                                Path(args.source) if args.source else None)
    folder = Path(args.out) if args.out else BUILD_DIR / "student"
    print(f"student edition: {len(out)} notebook(s) in {folder} "
          f"({time.perf_counter() - start:.1f} s)")
    return 0
