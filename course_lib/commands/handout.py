"""``python -m course_lib handout --out DIR [--zip]``: the learners' hand-out.

A self-contained folder: student notebooks, course_lib (with the solutions file that
only ``solution()`` reads), data/, pyproject.toml, environment.yml and a short learner
README (install, open, offline install). ``--without-solutions``: a hand-out for assessed
work, without the reference solutions. See ``course_lib/handout.py``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="output folder (default build/handout)")
    parser.add_argument("--zip", action="store_true",
                        help="also write OUT.zip beside the folder")
    parser.add_argument("--without-solutions", action="store_true",
                        help="for assessed work: no reference solutions (solution() "
                        "then says they are not available)")


def run(args: argparse.Namespace) -> int:
    from ..handout import build_handout, size_bytes, zip_handout
    from ..paths import BUILD_DIR

    out = Path(args.out) if args.out else BUILD_DIR / "handout"
    folder = build_handout(out, with_solutions=not args.without_solutions)
    print(f"hand-out: {folder} ({size_bytes(folder) / 1e6:.1f} MB)")
    if args.zip:
        archive = zip_handout(folder)
        print(f"zip: {archive} ({size_bytes(archive) / 1e6:.1f} MB)")
    return 0
