"""SLOW (`make test-wheelhouse`): a classroom without internet. Build the wheelhouse
(or use WHEELHOUSE=DIR, e.g. the output of `make wheelhouse`), then install the
hand-out with the README's offline command (`--no-index --find-links`) into a fresh
venv and run notebook 00 under nbval there."""

from __future__ import annotations

import os
from pathlib import Path

from course_lib import wheelhouse
from course_lib.handout import build_handout

from .helpers import dir_mb, readme_commands, run_nbval, run_readme_line


def test_offline_install_from_the_wheelhouse(tmp_path):
    house = Path(os.environ.get("WHEELHOUSE") or tmp_path / "wheelhouse")
    if not any(house.glob("*.whl")):
        wheelhouse.build(house)
    print(f"\nwheelhouse: {len(list(house.glob('*.whl')))} wheels, {dir_mb(house):.0f} MB")
    handout = build_handout(tmp_path / "sco-course")
    offline = next(ln for ln in readme_commands(handout) if "--no-index" in ln)
    offline = offline.replace("--find-links wheelhouse", f"--find-links {house.resolve()}")
    env_before = os.environ.get("PIP_INDEX_URL")
    os.environ["PIP_INDEX_URL"] = "http://127.0.0.1:9/nothing-here"  # any index use fails
    try:
        seconds = run_readme_line(offline + " pytest nbval", handout)
    finally:
        if env_before is None:
            os.environ.pop("PIP_INDEX_URL")
        else:
            os.environ["PIP_INDEX_URL"] = env_before
    print(f"offline install: {seconds:.0f} s")
    print("nbval:", run_nbval(handout, ["notebooks/00_start_here.ipynb"]))
