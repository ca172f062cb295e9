"""``python -m course_lib progress``: which exercises you have answered correctly so far.

Reads the progress file that ``check`` keeps in your workspace: ``--file``, else the one
in the current folder, else the one in workspace/ (where ``make lab`` runs).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--file", default=None, help="progress file to read "
                        "(default: the one in this folder, else in workspace/)")


def run(args: argparse.Namespace) -> int:
    from ..exercises import progress
    from ..paths import REPO_ROOT
    from ..progress import FILE_NAME, progress_file

    if args.file:
        path = Path(args.file)
    else:
        candidates = [Path.cwd() / FILE_NAME, REPO_ROOT / "workspace" / FILE_NAME, progress_file()]
        found = [p for p in candidates if p is not None and p.exists()]
        path = found[0] if found else progress_file()
    print(progress(path))
    return 0
