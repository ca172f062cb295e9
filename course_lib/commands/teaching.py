"""``python -m course_lib teaching``: regenerate docs/teaching.md and the README's
course map from the notebooks' metadata (and docs/_teaching_template.md).

``--check`` changes nothing and exits 1 when either file is out of date.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None,
                        help="write the guide here instead (the README is then left alone)")
    parser.add_argument("--check", action="store_true",
                        help="only report whether docs/teaching.md and README.md are up to date")


def run(args: argparse.Namespace) -> int:
    from .. import teaching

    if args.check:
        problems = teaching.stale()
        for p in problems:
            print(p)
        if problems:
            print("run `python -m course_lib teaching` to regenerate")
            return 1
        print("docs/teaching.md and the README's course map are up to date")
        return 0
    if args.out:
        teaching.write_guide(Path(args.out))
        print(f"teaching guide: {args.out}")
        return 0
    changed = [name for name, done in (("docs/teaching.md", teaching.write_guide()),
                                       ("README.md", teaching.write_readme())) if done]
    print("updated: " + ", ".join(changed) if changed else "already up to date")
    return 0
