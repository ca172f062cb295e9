"""``python -m course_lib workspace``: copy the notebooks into workspace/ for the
learner to edit, never overwriting a copy that is already there."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=None, help="target folder (default workspace/)")


def run(args: argparse.Namespace) -> int:
    from ..paths import REPO_ROOT
    from ..runner import course_notebooks

    target = Path(args.dir) if args.dir else REPO_ROOT / "workspace"
    target.mkdir(parents=True, exist_ok=True)
    copied = kept = 0
    for nb in course_notebooks():
        dest = target / nb.name
        if dest.exists():
            kept += 1
            continue
        shutil.copyfile(nb, dest)
        copied += 1
    print(f"workspace: {target} ({copied} notebook(s) copied, {kept} of your copies kept). "
          "To start a notebook afresh, delete your copy and run this again.")
    return 0
