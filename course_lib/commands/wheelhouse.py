"""``python -m course_lib wheelhouse``: every dependency as wheels in one folder, for
installing without internet (``pip install --no-index --find-links DIR -e .``)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, help="folder (default build/wheelhouse)")
    parser.add_argument("--platforms", default="",
                        help="space-separated pip platform tags, e.g. 'win_amd64 "
                             "macosx_11_0_arm64 manylinux2014_x86_64' (default: this machine)")
    parser.add_argument("--python-versions", default="",
                        help="space-separated Python versions, e.g. '3.11 3.12' "
                             "(default: this interpreter's)")


def run(args: argparse.Namespace) -> int:
    from ..handout import size_bytes
    from ..paths import BUILD_DIR
    from ..wheelhouse import build

    out = Path(args.out) if args.out else BUILD_DIR / "wheelhouse"
    start = time.perf_counter()
    wheels = build(out, args.platforms.split(), args.python_versions.split())
    print(f"wheelhouse: {len(wheels)} wheels, {size_bytes(out) / 1e6:.0f} MB in {out} "
          f"({time.perf_counter() - start:.0f} s). Install with: python -m pip install "
          f"--no-index --find-links {out} -e .")
    return 0
